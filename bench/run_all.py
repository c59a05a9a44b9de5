"""`make bench`: run every benchmark and write bench/RESULTS.md (never a test).

Each benchmark prints a markdown section; this script runs them one after the
other in fresh interpreters (so they do not disturb each other's memory and
caches) and writes their output, with the machine and the date, to RESULTS.md.
``--only bench_x.py`` runs one of them and replaces just its section.
bench/README.md explains the method and compares the results with the targets.
"""

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [  # title, script, whether it runs in the analytics environment (with lifetimes)
    ("Course execution, kernel memory, import time", "bench_course.py", False),
    ("Simulator responsiveness", "bench_sims.py", False),
    ("Analytics at scale", "bench_analytics.py", True),
    ("Repeat-buying fits against lifetimes", "bench_repeat_buying.py", True),
]


def machine():
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    mem = ""
    if Path("/proc/meminfo").exists():
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 2**20:.0f} GiB memory"
    return (
        f"{cpu}, {len(os.sched_getaffinity(0))} cores{mem}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


# Sections that other benchmarks write on their own (they need root and minutes: `make bench-hub`),
# kept as they are when this script writes RESULTS.md again.
KEPT = ("## Class hub under load",)


def kept_sections(results):
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    kept = []
    for title in KEPT:
        start = text.find(title)
        if start >= 0:
            end = text.find("\n## ", start + len(title))
            kept.append(text[start : end if end >= 0 else len(text)].strip() + "\n")
    return kept


def replace_section(text, title, section):
    """``text`` with its section ``## title`` (up to the next ``## ``) replaced by ``section``, or
    with ``section`` added before the kept sections (or at the end) if it has none."""
    start = text.find(f"## {title}\n")
    if start < 0:
        kept = [i for i in (text.find(t) for t in KEPT) if i >= 0]
        start = end = min(kept) if kept else len(text)
        section += "\n"
    else:
        end = text.find("\n## ", start + 1)
        end = end + 1 if end >= 0 else len(text)
    return text[:start] + section + ("\n" if end < len(text) and section[-2:] != "\n\n" else "") + text[end:]


def run(script, analytics, args):
    python = args.analytics_python if analytics else sys.executable
    done = subprocess.run([python, str(HERE / script)], capture_output=True, text=True, check=True)
    print(done.stdout, flush=True)
    return done.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--analytics-python",
        default=sys.executable,
        help="the Python that runs bench_analytics.py; make bench passes .bench-venv's, which has lifetimes",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[script for _, script, _ in BENCHMARKS],
        help="run only this benchmark (may be repeated) and replace its section of RESULTS.md, keeping the others",
    )
    args = parser.parse_args()
    if args.only:
        results = HERE / "RESULTS.md"
        text = results.read_text(encoding="utf-8") if results.exists() else ""
        for title, script, analytics in BENCHMARKS:
            if script in args.only:
                print(f"== {title} ({script})", flush=True)
                note = (f"Run on its own (`run_all.py --only {script}`) on {dt.date.today().isoformat()}. "
                        f"Machine: {machine()}.")
                text = replace_section(text, title, f"## {title}\n\n{note}\n\n{run(script, analytics, args)}\n")
        results.write_text(text, encoding="utf-8")
        print(f"written: {results}")
        return
    parts = [
        f"# Benchmark results\n\nMade by `make bench` on {dt.date.today().isoformat()}. Machine: {machine()}.\n"
        "See bench/README.md for the method and the targets.\n"
    ]
    for title, script, analytics in BENCHMARKS:
        print(f"== {title} ({script})", flush=True)
        parts.append(f"## {title}\n\n{run(script, analytics, args)}\n")
    parts += kept_sections(HERE / "RESULTS.md")
    (HERE / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"written: {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
