"""Simulator responsiveness: how long one control change takes (recompute + redraw),
against a bare redraw of the same figure.

    python bench/bench_sims.py            # prints a markdown table (make bench collects it in RESULTS.md)

For each simulator the first numeric slider is moved in two ways, each the median of
REPEATS moves: "drag" moves it one step at a time, back and forth around its default
(what a student's drag or arrow key does: axis limits mostly stay, so no new layout);
"jump" moves it across its whole range, cycling through 7 evenly spaced values (the
worst case: the axis limits change on every move, and the layout is run again when the
new tick labels are wider than any before, see coursekit.sims.base.set_limits). "Bare redraw" is
the same figure drawn and encoded as PNG without changing anything: the floor a move
cannot go below with this rendering method. Targets (issue 8): < 50 ms per move and
≤ 1.3 × the bare redraw.
"""

import platform
import statistics
import sys
import time

import ipywidgets as widgets
import matplotlib
import numpy as np

import coursekit
from coursekit.sims import SIMULATORS
from coursekit.sims.base import png_bytes

REPEATS = 30


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
    start = control.value
    values = np.linspace(control.min, control.max, 7)
    if isinstance(control, widgets.IntSlider):
        values = np.unique(values.round().astype(int))
    jumps = [v for v in values if v != start] + [start]
    up = min(start + control.step, control.max)
    steps = [up, start] if up != start else [max(start - control.step, control.min), start]

    def mover(sweep):
        def move(i):
            control.value = type(control.value)(sweep[i % len(sweep)])

        return move

    drag_ms = median_ms(mover(steps))
    jump_ms = median_ms(mover(jumps))
    bare_ms = median_ms(lambda i: png_bytes(sim.fig))
    return name, drag_ms, jump_ms, bare_ms


def main():
    coursekit.setup()
    rows = []
    for key, factory in SIMULATORS.items():
        control, drag_ms, jump_ms, bare_ms = measure(factory)
        rows.append(
            f"| {key} | `{control}` | {drag_ms:.1f} | {jump_ms:.1f} | {bare_ms:.1f} | {drag_ms / bare_ms:.2f} "
            f"| {jump_ms / bare_ms:.2f} |"
        )
    table = "\n".join(
        [
            "| simulator | control moved | drag: one step (ms) | jump: across the range (ms) | bare redraw (ms) "
            "| drag / bare | jump / bare |",
            "|---|---|---:|---:|---:|---:|---:|",
            *rows,
        ]
    )
    machine = (
        f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} cores, Python {sys.version.split()[0]}, "
        f"matplotlib {matplotlib.__version__}, ipywidgets {widgets.__version__}"
    )
    text = f"Median of {REPEATS} moves per simulator. Machine: {machine}.\n\n{table}\n"
    print(text)


if __name__ == "__main__":
    main()
