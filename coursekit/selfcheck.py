"""The environment self-check of the course guide, and its demo chart and slider.

>>> report = check_environment()
>>> sorted(report.table.columns) == sorted([text("check_item"), text("check_result"), text("check_detail")])
True
"""

import sys
from importlib import metadata

from packaging.requirements import Requirement

from coursekit import style
from coursekit.display import WithFallback
from coursekit.i18n import text

SAMPLE = "客户管理：价值、保持与投诉处理"  # characters a chart must be able to draw
CHECKED_PACKAGES = ("numpy", "pandas", "matplotlib", "ipywidgets", "jupyterlab")


class EnvironmentReport:
    """Result of :func:`check_environment`: ``.rows`` (item, ok, detail), ``.all_ok``,
    ``.table`` (a DataFrame); shows itself as a table with a one-line verdict."""

    def __init__(self, rows):
        self.rows = rows
        self.all_ok = all(ok for _, ok, _ in rows)

    @property
    def table(self):
        import pandas as pd

        return pd.DataFrame(
            [(item, "✔ " + text("ok") if ok else "✘ " + text("problem"), detail) for item, ok, detail in self.rows],
            columns=[text("check_item"), text("check_result"), text("check_detail")],
        )

    def verdict(self):
        bad = sum(not ok for _, ok, _ in self.rows)
        return text("check_all_ok") if bad == 0 else text("check_some_bad", n=bad)

    def _repr_html_(self):
        return self.table.to_html(index=False) + f"<p><b>{self.verdict()}</b></p>"

    def __repr__(self):
        return self.table.to_string(index=False) + "\n" + self.verdict()


def pinned_versions():
    """The exact versions coursekit was tested with, read from its own metadata.

    >>> pinned_versions()["pandas"]
    '3.1.1'
    """
    pins = {}
    for line in metadata.requires("coursekit") or []:
        req = Requirement(line)
        spec = next(iter(req.specifier), None)
        if spec is not None and spec.operator == "==":
            pins[req.name.lower()] = spec.version
    return pins


def _check_python():
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return text("check_python"), ok, text("check_python_ok" if ok else "check_python_bad", version=version)


def _check_package(name, pinned):
    item = text("check_package", name=name)
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        return item, False, text("check_package_missing")
    if pinned is None or installed == pinned:
        return item, True, text("check_package_ok", installed=installed)
    return item, True, text("check_package_other", installed=installed, pinned=pinned)


def font_covers(sample=SAMPLE):
    """True when the first font of the chart style can draw every character of ``sample``."""
    import matplotlib as mpl
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = mpl.rcParams["font.sans-serif"][0]
    try:
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return False
    charmap = FT2Font(path).get_charmap()
    return all(ord(ch) in charmap for ch in sample if not ch.isspace())


def _check_font():
    ok = font_covers()
    return text("check_font"), ok, text("check_font_ok" if ok else "check_font_bad", family=style.FONT_FAMILY)


def _check_widgets():
    try:
        import jupyterlab_widgets  # noqa: F401  (ships the widgets' JupyterLab front end)
    except ImportError:
        return text("check_widgets"), False, text("check_widgets_bad")
    return text("check_widgets"), True, text("check_widgets_ok")


def check_environment():
    """Check Python, the course packages, the chart font and the widgets' front end.

    Run it after ``coursekit.setup()``; the result shows as a table with a verdict.
    """
    pins = pinned_versions()
    rows = [_check_python()]
    rows += [_check_package(name, pins.get(name)) for name in CHECKED_PACKAGES]
    rows += [_check_font(), _check_widgets()]
    return EnvironmentReport(rows)


def survivors_after(rate, years=5, start=100):
    """Customers left of ``start`` after ``years`` if a share ``rate`` stays each year.

    >>> round(survivors_after(0.8), 3)
    32.768
    """
    return start * rate**years


def demo_chart(rate=0.8, years=5):
    """A small chart with a Chinese title, axis labels and tick labels: if the
    characters show (no boxes), the font works."""
    fig, ax = style.figure()
    x = list(range(years + 1))
    ax.plot(x, [survivors_after(rate, n) for n in x], marker="o")
    ax.set_title(text("demo_title"))
    ax.set_xlabel(text("demo_xlabel"))
    ax.set_ylabel(text("demo_ylabel"))
    ax.set_xticks(x, [text("demo_year", n=n) if n else text("demo_start") for n in x])
    ax.set_ylim(0, 105)
    return fig


def demo_slider():
    """A slider to try: the share of customers kept each year, and what is left after 5 years."""
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=0.8,
        min=0.5,
        max=0.99,
        step=0.01,
        readout_format=".0%",
        description=text("demo_slider"),
        style={"description_width": "initial"},
    )
    result = widgets.HTML()

    def show(change=None):
        result.value = text("demo_result", rate=slider.value, left=survivors_after(slider.value))

    slider.observe(show, names="value")
    show()
    return WithFallback(widgets.VBox([slider, result]), f"<p>{result.value}</p>")
