"""Compare the benchmarks of an earlier revision and of this checkout, side by side, in one run.

    .venv/bin/python bench/compare.py REVISION [--rounds 3] [--analytics-python .bench-venv/bin/python]

The earlier revision is exported with `git archive` to a temporary folder. Each round runs every
benchmark of bench/run_all.py once for the old tree and once for the new one, alternating which goes
first, so both see the same machine load. Each run imports the coursekit of its own tree (PYTHONPATH
put first; the script checks which coursekit was imported). Every number in the benchmarks' markdown
tables is matched by (benchmark, table, row, column) and the medians over the rounds are written to
bench/COMPARE.md with their ratio new / old. Never a test: a report to read.
"""

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run_all import BENCHMARKS, machine  # noqa: E402

NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
WHICH = "import coursekit, sys; print(coursekit.__file__, file=sys.stderr)"


def export(revision, folder):
    archive = Path(folder) / "old.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), revision], cwd=ROOT, check=True)
    tree = Path(folder) / "old"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    # the course's shared/ folder sits beside the checkout; the old tree needs it in the same place
    shared = ROOT.parent / "shared"
    if shared.exists() and not (tree.parent / "shared").exists():
        (tree.parent / "shared").symlink_to(shared)
    return tree


def run(tree, script, python):
    env = {**os.environ, "PYTHONPATH": str(tree)}
    which = subprocess.run([python, "-c", WHICH], cwd=tree, env=env, capture_output=True, text=True, check=True)
    imported = Path(which.stderr.strip()).resolve()
    if not imported.is_relative_to(tree.resolve()):
        raise SystemExit(f"{tree}: imported {imported}, not the tree's coursekit")
    done = subprocess.run([python, str(tree / "bench" / script)], cwd=tree, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{tree / 'bench' / script} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def numbers(markdown):
    """{(table, row, column): first number in the cell} for every markdown table."""
    found, table, header = {}, 0, None
    for line in markdown.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            table, header = table + 1, cells
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        for column, cell in zip(header[1:], cells[1:], strict=False):
            match = NUMBER.search(cell.replace("−", "-"))
            if match:
                found[(table, cells[0], column)] = float(match.group().replace(",", ""))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", help="the earlier revision, e.g. a commit")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--analytics-python", default=sys.executable)
    parser.add_argument("--only", help="run only the benchmark scripts whose names contain this")
    args = parser.parse_args()
    args.analytics_python = str(Path(args.analytics_python).absolute())  # the runs start in each tree
    benchmarks = [b for b in BENCHMARKS if not args.only or args.only in b[1]]
    results = {}  # (script, key) -> {"old": [...], "new": [...]}
    with tempfile.TemporaryDirectory() as folder:
        trees = {"old": export(args.revision, folder), "new": ROOT}
        for round_ in range(args.rounds):
            for title, script, analytics in benchmarks:
                python = args.analytics_python if analytics else sys.executable
                order = ("old", "new") if round_ % 2 == 0 else ("new", "old")
                for side in order:
                    print(f"round {round_ + 1}/{args.rounds}: {script} ({side})", flush=True)
                    for key, value in numbers(run(trees[side], script, python)).items():
                        results.setdefault((title, *key), {"old": [], "new": []})[side].append(value)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    lines = [
        "# Benchmarks: before and after, in one run",
        "",
        f"Made by `bench/compare.py {args.revision} --rounds {args.rounds}` on {dt.date.today().isoformat()}: "
        f"old = {args.revision}, new = {head.stdout.strip()} (with uncommitted changes, if any). "
        f"Machine: {machine()}. Medians over {args.rounds} alternating rounds; ratio = new / old "
        "(for times, below 1 is faster). Rows present in only one side are left out.",
        "",
    ]
    current = None
    for (title, table, row, column), sides in results.items():
        if not sides["old"] or not sides["new"]:
            continue
        if title != current:
            lines += ["", f"## {title}", ""]
            lines += ["| table | row | column | old | new | new / old |", "|---|---|---|---|---|---|"]
            current = title
        old, new = statistics.median(sides["old"]), statistics.median(sides["new"])
        ratio = f"{new / old:.2f}" if old else "—"
        lines.append(f"| {table} | {row} | {column} | {old:g} | {new:g} | {ratio} |")
    (HERE / "COMPARE.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {HERE / 'COMPARE.md'}")


if __name__ == "__main__":
    main()
