"""The course's one plot style, and the Chinese font that charts use.

Everything about how a chart looks is decided here, so all lessons look alike
and presentation mode can make every chart larger in one place.

The font is Noto Sans CJK SC (SIL Open Font License 1.1), shipped inside
coursekit (``coursekit/fonts``), so Chinese renders on any machine, whether or
not it has Chinese fonts installed.
"""

import io
from importlib import resources

FONT_FILE = "NotoSansCJKsc-Regular-subset.otf"
FONT_FAMILY = "Noto Sans CJK SC"

# Colour-blind-safe palette (Okabe & Ito 2008), used for every series, in this order.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
BLUE, ORANGE, GREEN, VERMILION, PURPLE, SKY, YELLOW, BLACK = PALETTE
GREY = "#8C8C8C"

# Colours by role: what a colour means is decided here, once, for every chart and simulator.
MAIN, COMPARE = BLUE, ORANGE  # the series a chart is about; the one it is compared with
GOOD, BAD = GREEN, VERMILION  # better / worse for the firm: kept, satisfied, fast; lost, dissatisfied, slow
HIGHLIGHT, REFERENCE = VERMILION, GREY  # the one point or case to look at; a line to compare against
WATER = SKY  # the waterline of the complaint iceberg
# Colours of text that judges: feedback on an exercise, a notice that a simulator cannot compute.
RIGHT_TEXT, WRONG_TEXT, NOTE_TEXT = "#1b7f3b", "#b00020", "#555555"
# Colours of category codes (labels in messages/categories.toml).
CATEGORY_COLOURS = {
    "satisfied": GOOD,
    "neutral": GREY,
    "dissatisfied": BAD,
    "resolved": GOOD,
    "partial": ORANGE,
    "unresolved": BAD,
    "no_case": GREY,
    "platinum": "#7F7F7F",  # platinum grey
    "gold": ORANGE,
    "iron": SKY,  # iron blue
    "lead": "#3C3C3C",  # lead dark
}

_BASE = {
    "font.family": "sans-serif",
    "axes.unicode_minus": False,  # the CJK font has no U+2212 minus sign; use '-'
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titleweight": "normal",  # the bundled font has one weight; bold would log a warning
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
}

CLASSROOM = {
    **_BASE,
    "figure.figsize": (7.0, 4.2),
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.labelsize": 11,
    "lines.linewidth": 2.0,
}

PRESENTATION = {
    **_BASE,
    "figure.figsize": (10.0, 5.6),
    "font.size": 17,
    "axes.titlesize": 21,
    "axes.labelsize": 18,
    "xtick.labelsize": 15,
    "ytick.labelsize": 15,
    "legend.fontsize": 15,
    "lines.linewidth": 3.5,
    "lines.markersize": 10,
    "axes.linewidth": 1.6,
    "grid.alpha": 0.45,
    "axes.edgecolor": "black",
    "text.color": "black",
    "axes.labelcolor": "black",
    "xtick.color": "black",
    "ytick.color": "black",
}


def font_path():
    """Path of the bundled Chinese font file."""
    return str(resources.files("coursekit") / "fonts" / FONT_FILE)


def register_font():
    """Make matplotlib know the bundled font (once; calling again does nothing).

    Returns the family name to put first in ``font.sans-serif``.
    """
    from matplotlib import font_manager

    path = font_path()
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    return FONT_FAMILY


def apply(presentation=False):
    """Set matplotlib's rcParams to the course style (larger in presentation mode).

    Parameters:
        presentation: True for the larger presentation style (projector), False for the classroom style.
    """
    import matplotlib as mpl
    from matplotlib import cycler

    family = register_font()
    # Start every key either style sets from matplotlib's default, so switching from
    # presentation back to classroom leaves no large fonts behind.
    mpl.rcParams.update({key: mpl.rcParamsDefault[key] for key in PRESENTATION.keys() | CLASSROOM.keys()})
    mpl.rcParams.update(PRESENTATION if presentation else CLASSROOM)
    # Our font first; matplotlib falls back glyph by glyph to the next ones.
    rest = [f for f in mpl.rcParamsDefault["font.sans-serif"] if f != family]
    mpl.rcParams["font.sans-serif"] = [family, *rest]
    mpl.rcParams["axes.prop_cycle"] = cycler(color=PALETTE)


def png(fig, compress_level=6):
    """``fig`` drawn once at its own size, as PNG bytes: how a lesson shows a chart
    (see ``coursekit.setup``) and a simulator its figure (``compress_level=1``: larger
    files, faster to encode while a slider moves).

    Not ``fig.savefig``: with the style's tight bounding box it would draw the figure
    twice, and the constrained layout already keeps every label inside the figure.

    Parameters:
        fig: a matplotlib figure.
        compress_level: PNG compression, a whole number 0–9 (1: fastest, larger files).

    >>> fig, ax = figure()
    >>> png(fig)[:4]
    b'\\x89PNG'
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    # A course chart has matplotlib's plain canvas, which cannot draw; pyplot's canvases can.
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    canvas.print_png(buffer, pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def figure(nrows=1, ncols=1, **kwargs):
    """A new ``(fig, ax)`` pair in the course style.

    The figure is not registered with pyplot, so a lesson shows it exactly once
    (when it is the last value of a cell, or passed to ``display``) and no
    figures pile up in memory while a student moves a slider.

    Parameters:
        nrows, ncols: the grid of axes, whole numbers ≥ 1.
        **kwargs: passed to matplotlib's ``Figure`` (e.g. ``figsize=(8, 4)`` in inches).
    """
    from matplotlib.figure import Figure

    fig = Figure(layout="constrained", **kwargs)
    ax = fig.subplots(nrows, ncols)
    return fig, ax
