"""Input checks shared by every public coursekit function.

A wrong input stops with a :class:`CourseInputError` that names the argument,
the value given and what is allowed, in Chinese and English together, so a
student reading either language knows what to fix.

>>> try:
...     check_range("retention", 1.2, low=0, high=1, high_open=True)
... except CourseInputError as err:
...     for language in str(err).split(" / "):
...         print(language)
参数 retention = 1.2 不在允许范围内；允许：[0, 1)。
retention = 1.2 is not allowed; allowed: [0, 1).
"""

import math
import numbers

import numpy as np

from coursekit.i18n import text


class CourseInputError(ValueError):
    """A coursekit argument is out of its allowed range or of the wrong kind."""


def bilingual(key, **values):
    """The message ``key`` in Chinese, then in English."""
    return f"{text(key, lang='zh', **values)} / {text(key, lang='en', **values)}"


def _interval(low, high, low_open, high_open):
    left = "(" if low_open else "["
    right = ")" if high_open else "]"
    lo = "-∞" if low is None else f"{low:g}"
    hi = "∞" if high is None else f"{high:g}"
    return f"{left}{lo}, {hi}{right}"


def check_number(name, value):
    """``value`` as a float or a float array; refuses text, booleans and NaN.

    >>> check_number("margin", 3)
    3.0
    """
    if isinstance(value, bool) or isinstance(value, (str, bytes)):
        raise CourseInputError(bilingual("type_error", name=name, value=value, expected="数值", expected_en="a number"))
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise CourseInputError(
            bilingual("type_error", name=name, value=value, expected="数值", expected_en="a number")
        ) from None
    if np.isnan(arr).any():
        raise CourseInputError(
            bilingual(
                "type_error", name=name, value=value, expected="数值（不能是 NaN）", expected_en="a number (not NaN)"
            )
        )
    return float(arr) if arr.ndim == 0 else arr


def check_range(name, value, low=None, high=None, low_open=False, high_open=False):
    """``value`` (scalar or array) as floats, after checking every element lies in
    the interval from ``low`` to ``high`` (``None`` = unbounded; ``*_open`` excludes
    the end point).

    >>> check_range("discount", 0.1, low=0, high=1)
    0.1
    """
    arr = check_number(name, value)
    values = np.atleast_1d(arr)
    bad = np.zeros(values.shape, dtype=bool)
    if low is not None:
        bad |= (values <= low) if low_open else (values < low)
    if high is not None:
        bad |= (values >= high) if high_open else (values > high)
    if high is None:
        bad |= np.isinf(values)
    if bad.any():
        shown = values[bad][0] if values.size > 1 else arr
        raise CourseInputError(
            bilingual("range_error", name=name, value=_plain(shown), allowed=_interval(low, high, low_open, high_open))
        )
    return arr


def check_single(name, value, **bounds):
    """``value`` as one float, checked like :func:`check_range` (``bounds`` are its
    ``low``, ``high``, ...); an array is refused (for what describes one scenario).

    >>> check_single("budget", 10_000, low=0)
    10000.0
    """
    if np.ndim(value) != 0:
        shown = value.tolist() if isinstance(value, np.ndarray) else value
        raise CourseInputError(
            bilingual("type_error", name=name, value=shown, expected="单个数值", expected_en="a single number")
        )
    return check_range(name, value, **bounds)


def check_int(name, value, low=None, high=None):
    """``value`` as an int, after checking it is a whole number in [low, high].

    >>> check_int("years", 10, low=1)
    10
    """
    whole = isinstance(value, numbers.Integral) or (
        isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer()
    )
    if isinstance(value, bool) or not whole:
        raise CourseInputError(
            bilingual("type_error", name=name, value=value, expected="整数", expected_en="a whole number")
        )
    check_range(name, value, low=low, high=high)
    return int(value)


def check_choice(name, value, choices):
    """``value``, after checking it is one of ``choices``.

    >>> check_choice("timing", "end", ("end", "start"))
    'end'
    """
    if value not in choices:
        raise CourseInputError(bilingual("choice_error", name=name, value=value, allowed=", ".join(map(str, choices))))
    return value


def _plain(x):
    """A numpy scalar as a plain Python number, so messages read ``1.5``, not ``np.float64(1.5)``."""
    return x.item() if isinstance(x, np.generic) else x


def check_columns(name, frame, required):
    """``frame`` (a pandas DataFrame), after checking it has rows and every column in
    ``required``; the error lists exactly which columns are missing.

    >>> import pandas as pd
    >>> check_columns("transactions", pd.DataFrame({"customer_id": [1]}), ["customer_id"]).shape
    (1, 1)
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise CourseInputError(
            bilingual(
                "type_error",
                name=name,
                value=type(frame).__name__,
                expected="pandas 数据表（DataFrame）",
                expected_en="a pandas DataFrame",
            )
        )
    missing = [col for col in required if col not in frame.columns]
    if missing:
        raise CourseInputError(
            bilingual(
                "columns_error", name=name, missing=", ".join(map(str, missing)), required=", ".join(map(str, required))
            )
        )
    if frame.empty:
        raise CourseInputError(bilingual("empty_error", name=name))
    return frame
