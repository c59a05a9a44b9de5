"""What the course guide (notebooks/00_course_guide.ipynb) runs: the environment check
(环境检查: Python, packages, the chart font, widgets) and its demo chart and slider.

>>> report = check_environment()
>>> report.table.columns.tolist() == [text(f"guide.check_{c}") for c in ("item", "result", "detail")]
True
"""

import sys
from importlib import metadata

from packaging.requirements import Requirement

from coursekit import style
from coursekit.display import WithFallback
from coursekit.errors import CourseInputError, check_int, check_range, check_shapes, check_single
from coursekit.i18n import Message, text

CHECKED_PACKAGES = ("numpy", "pandas", "matplotlib", "ipywidgets", "jupyterlab")


class EnvironmentReport:
    """Result of :func:`check_environment`: ``.rows`` (item, ok, detail), ``.all_ok``,
    ``.table`` (a DataFrame); shows itself as a table with a one-line verdict.

    Parameters:
        rows: a list of (item, ok, detail) tuples: the item checked (text), True when it is fine, what was found (text).
    """

    def __init__(self, rows):
        self.rows = rows
        self.all_ok = all(ok for _, ok, _ in rows)

    @property
    def table(self):
        import pandas as pd

        return pd.DataFrame(
            [
                (item, "✔ " + text("common.ok") if ok else "✘ " + text("common.problem"), detail)
                for item, ok, detail in self.rows
            ],
            columns=[text("guide.check_item"), text("guide.check_result"), text("guide.check_detail")],
        )

    def verdict(self):
        bad = sum(not ok for _, ok, _ in self.rows)
        return text("guide.check_all_ok") if bad == 0 else text("guide.check_some_bad", n=bad)

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
    return (
        text("guide.check_python"),
        ok,
        text("guide.check_python_ok" if ok else "guide.check_python_bad", version=version),
    )


def _check_package(name, pinned):
    item = text("guide.check_package", name=name)
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        return item, False, text("guide.check_package_missing")
    if pinned is None or installed == pinned:
        return item, True, text("guide.check_package_ok", installed=installed)
    return item, True, text("guide.check_package_other", installed=installed, pinned=pinned)


def font_covers(sample=None):
    """True when the first font of the chart style can draw every character of ``sample``
    (default: the Chinese sample line of the guide's catalog).

    Parameters:
        sample: the text to check, or None for the guide's Chinese sample line.

    >>> font_covers(123)
    Traceback (most recent call last):
    ...
    coursekit.errors.CourseInputError: 参数 sample 应为文本，收到的是 123。
    """
    if sample is not None and not isinstance(sample, str):
        raise CourseInputError("errors.type", name="sample", value=sample, expected=Message("errors.expect_text"))
    import matplotlib as mpl
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = mpl.rcParams["font.sans-serif"][0]
    try:
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return False
    sample = text("guide.font_sample", lang="zh") if sample is None else sample
    charmap = FT2Font(path).get_charmap()
    return all(ord(ch) in charmap for ch in sample if not ch.isspace())


def _check_font():
    ok = font_covers()
    return (
        text("guide.check_font"),
        ok,
        text("guide.check_font_ok" if ok else "guide.check_font_bad", family=style.FONT_FAMILY),
    )


def _check_widgets():
    try:
        import jupyterlab_widgets  # noqa: F401  (ships the widgets' JupyterLab front end)
    except ImportError:
        return text("guide.check_widgets"), False, text("guide.check_widgets_bad")
    return text("guide.check_widgets"), True, text("guide.check_widgets_ok")


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

    FORMULA: start × rate^years (the constant-retention model of lesson 3).

    Parameters:
        rate: the share of customers who stay each year, a fraction 0–1.
        years: the number of years, ≥ 0.
        start: the customers at the start, ≥ 0.
            Each may be a number or a numpy array.

    >>> round(survivors_after(0.8), 3)
    32.768
    """
    rate, years, start = check_shapes(
        rate=check_range("rate", rate, low=0, high=1),
        years=check_range("years", years, low=0),
        start=check_range("start", start, low=0),
    )
    return start * rate**years


def demo_chart(rate=0.8, years=5):
    """A small chart with a Chinese title, axis labels and tick labels: if the
    characters show (no boxes), the font works.

    Parameters:
        rate: the share of 100 starting customers who stay each year, one number, a fraction 0–1 (the y-axis
            ends at 105).
        years: the years drawn, a whole number 1–50.
    """
    rate = check_single("rate", rate, low=0, high=1)
    years = check_int("years", years, low=1, high=50)
    fig, ax = style.figure()
    x = list(range(years + 1))
    ax.plot(x, [survivors_after(rate, n) for n in x], marker="o")
    ax.set_title(text("guide.demo_title"))
    ax.set_xlabel(text("guide.demo_xlabel"))
    ax.set_ylabel(text("guide.demo_ylabel"))
    ax.set_xticks(x, [text("guide.demo_year", n=n) if n else text("guide.demo_start") for n in x])
    ax.set_ylim(0, 105)
    return fig


def demo_slider():
    """A slider to try: the share of customers kept each year, and what is left after 5 years.

    The slider holds percent (80 for 80 %, as the simulators' percent sliders do: typing "95"
    or "95%" into its readout means 95 %); the sentence is computed with the fraction.

    >>> slider, sentence = demo_slider().children
    >>> slider.value = 95  # as typing "95" does
    >>> f"{survivors_after(0.95):.0f}" in sentence.value and "95%" in sentence.value
    True
    """
    import ipywidgets as widgets

    slider = widgets.FloatSlider(
        value=80,
        min=50,
        max=99,
        step=1,
        readout_format=".0f",
        description=text("guide.demo_slider"),
        style={"description_width": "initial"},
    )
    result = widgets.HTML()

    def show(change=None):
        rate = slider.value / 100
        result.value = text("guide.demo_result", rate=rate, left=survivors_after(rate))

    slider.observe(show, names="value")
    show()
    return WithFallback(widgets.VBox([slider, result]), f"<p>{result.value}</p>")
