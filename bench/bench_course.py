"""Course execution, kernel memory and import time (issue 8, items 1, 4, 5).

    python bench/bench_course.py          # prints a markdown report (make bench collects it in RESULTS.md)
    python bench/bench_course.py --cells 05_lifetime_value.ipynb   # where one lesson's time goes, by cell

1. Each lesson notebook is executed in a fresh kernel (nbclient, as nbval does),
   REPEATS times; the median wall time is compared with the floor measured in the
   same run: a notebook that only starts a kernel and imports pandas, matplotlib,
   ipywidgets and coursekit. Target: ratio ≤ 1.3 (lesson 5: ≤ 1.5). A second ratio
   compares each lesson with a floor that also imports the libraries it cannot run
   without: matplotlib's figure and Agg backend (``import matplotlib`` alone loads
   neither; every chart needs both) and, for lesson 5, scipy.optimize and scipy.special
   (the model fits). What remains is the lesson's own work: its tables, fits, charts,
   widgets.
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
DRAWING = "\nimport matplotlib.figure, matplotlib.backends.backend_agg"
SCIPY = "\nimport scipy.optimize, scipy.special"
SCIPY_LESSONS = {"05_lifetime_value.ipynb"}  # the lessons that fit models with scipy
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


def floor(source):
    return median_run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), ROOT / "notebooks")


def main():
    floor_s, floor_mib = floor(FLOOR_SOURCE)
    drawing_s, drawing_mib = floor(FLOOR_SOURCE + DRAWING)
    scipy_s, scipy_mib = floor(FLOOR_SOURCE + DRAWING + SCIPY)
    rows = [
        f"| floor (kernel + imports) | {floor_s:.2f} | 1.00 | – | {floor_mib:.0f} |",
        f"| floor + matplotlib's figure and Agg backend | {drawing_s:.2f} | {drawing_s / floor_s:.2f} | 1.00 | "
        f"{drawing_mib:.0f} |",
        f"| floor + figure, Agg and scipy.optimize, scipy.special | {scipy_s:.2f} | {scipy_s / floor_s:.2f} | 1.00 | "
        f"{scipy_mib:.0f} |",
    ]
    for path in NOTEBOOKS:
        seconds, mib = median_run(nbformat.read(path, as_version=4), path.parent)
        own = scipy_s if path.name in SCIPY_LESSONS else drawing_s
        rows.append(f"| {path.name} | {seconds:.2f} | {seconds / floor_s:.2f} | {seconds / own:.2f} | {mib:.0f} |")
    overhead = import_overhead()
    report = "\n".join(
        [
            f"Median of {REPEATS} runs, each in a fresh kernel.",
            "",
            "| notebook | wall time (s) | ratio to floor | ratio to the floor with its libraries "
            "| peak kernel memory (MiB) |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            f"`import coursekit` + `coursekit.setup()` beyond numpy, pandas, matplotlib, ipywidgets: "
            f"{overhead:.3f} s (median of 7 fresh interpreters).",
            "",
        ]
    )
    print(report)


def cell_times(name, shown=12):
    """The slowest cells of one lesson in a fresh kernel (nbclient's timings: from the kernel
    starting a cell to its reply), as a markdown table."""
    from datetime import datetime

    path = ROOT / "notebooks" / name
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=True,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    total = time.perf_counter() - start
    times = []
    for index, cell in enumerate(nb.cells):
        timing = cell.metadata.get("execution", {})
        if cell.cell_type == "code" and "iopub.execute_input" in timing:
            began, ended = (datetime.fromisoformat(timing[k].replace("Z", "+00:00"))
                            for k in ("iopub.execute_input", "shell.execute_reply"))
            times.append(((ended - began).total_seconds(), index, cell.source.splitlines()[0][:60]))
    rows = [f"| {i} | `{first}` | {sec:.3f} |" for sec, i, first in sorted(times, reverse=True)[:shown]]
    print(f"{name}: {total:.2f} s in all, {sum(t[0] for t in times):.2f} s in its {len(times)} cells\n")
    print("\n".join(["| cell | first line | seconds |", "|---:|---|---:|", *rows]))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cells"]:
        cell_times(sys.argv[2])
    else:
        main()
