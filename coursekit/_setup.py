"""``coursekit.setup()``: the one call at the top of every lesson."""

import random

from coursekit import i18n, style
from coursekit.errors import check_choice, check_int

SEED = 2024  # the course's fixed seed: every run of a lesson gives the same numbers


def setup(lang="zh", presentation=False, seed=SEED):
    """Prepare a lesson: language, Chinese chart font, plot style, tables, seeds.

    - ``lang``: ``"zh"`` (default) or ``"en"`` for every label coursekit shows.
    - ``presentation``: ``True`` for large fonts and thick lines when projecting.
    - ``seed``: fixes Python's and numpy's random numbers so results repeat.

    Calling it again (for example to switch to presentation mode) is harmless.

    >>> setup(lang="en")
    >>> import matplotlib
    >>> matplotlib.rcParams["font.sans-serif"][0]
    'Noto Sans CJK SC'
    >>> setup()
    """
    check_choice("lang", lang, i18n.LANGUAGES)
    check_choice("presentation", presentation, (True, False))
    seed = check_int("seed", seed, low=0, high=2**32 - 1)

    import numpy as np
    import pandas as pd

    i18n.set_language(lang)
    _show_figures_inline()
    style.apply(presentation=presentation)
    pd.set_option("display.max_rows", 20)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.precision", 2)
    pd.set_option("display.unicode.east_asian_width", True)  # align Chinese text in printed tables
    random.seed(seed)
    np.random.seed(seed)


def _show_figures_inline():
    """In a notebook, show a matplotlib figure that ends a cell (or is passed to
    ``display``) as a PNG picture, also one made without pyplot: coursekit's charts.

    ``%matplotlib inline`` would do the same, but it imports pyplot (about 0.2 s) and
    saves every figure with a tight bounding box, which draws it twice.
    Importing pyplot later installs the inline backend's display instead, as usual."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "kernel"):
        from matplotlib.figure import Figure

        shell.display_formatter.formatters["image/png"].for_type(Figure, style.png)
