"""Simulator responsiveness: how long one control change takes (recompute + redraw),
against a bare redraw of the same figure.

    python bench/bench_sims.py            # prints a markdown table, writes bench/results_sims.md

For each simulator the first numeric slider is moved back and forth across its range
(as a student drags it); each figure is the median of REPEATS moves. "Bare redraw" is
the same figure drawn and encoded as PNG without changing anything: the floor a move
cannot go below with this rendering method. Targets (issue 8): < 50 ms per move and
≤ 1.3 × the bare redraw.
"""

import platform
import statistics
import sys
import time
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import numpy as np

import coursekit
from coursekit.sims import SIMULATORS
from coursekit.sims.base import png_bytes

REPEATS = 30
OUT = Path(__file__).with_name("results_sims.md")


def median_ms(fn, repeats=REPEATS):
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def first_slider(sim):
    for name, control in sim.controls.items():
        if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
            return name, control
    raise RuntimeError("no slider")


def measure(factory):
    sim = factory()
    name, control = first_slider(sim)
    values = np.linspace(control.min, control.max, 7)
    if isinstance(control, widgets.IntSlider):
        values = np.unique(values.round().astype(int))
    sweep = [v for v in values if v != control.value] + [control.value]

    def move(i):
        control.value = type(control.value)(sweep[i % len(sweep)])

    move_ms = median_ms(move)
    bare_ms = median_ms(lambda i: png_bytes(sim.fig))
    return name, move_ms, bare_ms


def main():
    coursekit.setup()
    rows = []
    for key, factory in SIMULATORS.items():
        control, move_ms, bare_ms = measure(factory)
        rows.append(f"| {key} | `{control}` | {move_ms:.1f} | {bare_ms:.1f} | {move_ms / bare_ms:.2f} |")
    table = "\n".join(
        [
            "| simulator | control moved | move: recompute + redraw (ms) | bare redraw (ms) | ratio |",
            "|---|---|---:|---:|---:|",
            *rows,
        ]
    )
    machine = (
        f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, Python {sys.version.split()[0]}, "
        f"matplotlib {matplotlib.__version__}, ipywidgets {widgets.__version__}"
    )
    text = f"Median of {REPEATS} moves per simulator. Machine: {machine}.\n\n{table}\n"
    print(text)
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
