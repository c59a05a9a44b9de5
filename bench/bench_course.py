"""Course execution, kernel memory and import time (issue 8, items 1, 4, 5).

    python bench/bench_course.py          # prints a markdown report (make bench collects it in RESULTS.md)

1. Each lesson notebook is executed in a fresh kernel (nbclient, as nbval does),
   REPEATS times; the median wall time is compared with the floor measured in the
   same run: a notebook that only starts a kernel and imports pandas, matplotlib,
   ipywidgets and coursekit. Target: ratio ≤ 1.3.
2. Peak kernel memory (ru_maxrss of the kernel process, read by a last cell added
   to the notebook). Target ≤ 200 MiB.
3. ``import coursekit`` + ``coursekit.setup()`` beyond importing numpy, pandas,
   matplotlib and ipywidgets (fresh interpreter each time). Target ≤ 0.3 s.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REPEATS = 3
FLOOR_SOURCE = "import pandas, matplotlib, ipywidgets\nimport coursekit"
PEAK_SOURCE = "import resource\nprint(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def run(nb, cwd):
    """Execute ``nb`` in a fresh kernel; (seconds, peak kernel MiB)."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_SOURCE))
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    seconds = time.perf_counter() - start
    peak_kib = int(nb.cells[-1].outputs[0]["text"])
    return seconds, peak_kib / 1024


def median_run(nb, cwd):
    runs = [run(nb, cwd) for _ in range(REPEATS)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def import_overhead(repeats=7):
    code = (
        "import time, numpy, pandas, matplotlib, ipywidgets\n"
        "t = time.perf_counter()\nimport coursekit\ncoursekit.setup()\nprint(time.perf_counter() - t)"
    )
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeats)
    ]
    return statistics.median(times)


def main():
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])
    floor_s, floor_mib = median_run(floor_nb, ROOT / "notebooks")
    rows = [f"| floor (kernel + imports) | {floor_s:.2f} | 1.00 | {floor_mib:.0f} |"]
    for path in NOTEBOOKS:
        seconds, mib = median_run(nbformat.read(path, as_version=4), path.parent)
        rows.append(f"| {path.name} | {seconds:.2f} | {seconds / floor_s:.2f} | {mib:.0f} |")
    overhead = import_overhead()
    report = "\n".join(
        [
            f"Median of {REPEATS} runs, each in a fresh kernel.",
            "",
            "| notebook | wall time (s) | ratio to floor | peak kernel memory (MiB) |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            f"`import coursekit` + `coursekit.setup()` beyond numpy, pandas, matplotlib, ipywidgets: "
            f"{overhead:.3f} s (median of 7 fresh interpreters).",
            "",
        ]
    )
    print(report)


if __name__ == "__main__":
    main()
