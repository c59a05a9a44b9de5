"""How coursekit shows results: tables in the lesson's language, and forms that still
show something where no kernel runs.

- :func:`localize`: a table's column names and category codes as labels in the current
  language (the numbers unchanged).
- :func:`result`: one number with its name and unit (客户终身价值 = 266.67 元), so no
  cell shows a bare number; :func:`results` several, as a small table.
- :class:`WithFallback`: a widget where widgets work, plain HTML elsewhere.
"""

import html

from coursekit.errors import CourseInputError, check_choice, check_int, check_range
from coursekit.i18n import LANGUAGES, Message, category_label, has_text, text

UNITS = (
    "yuan", "dollars", "million_dollars", "hundred_million_dollars", "billion_dollars", "percent", "years",
    "customers", "people", "cases",
    "times", "points", "days", "hours", "minutes", "seconds",
)  # catalog entries units.<unit>; "dollars" are US dollars (the seed's American cases)


class Result:
    """A number with its name and unit, shown as "name = value unit" in the current language
    (see :func:`result`). ``.value`` is the number itself, for further calculation.

    Parameters:
        value: the number, one float.
        label: the catalog key of its name, e.g. ``"value.clv"``.
        unit: None (a pure number) or one of UNITS (``"yuan"``, ``"percent"``, ``"years"``, ...).
        decimals: the decimal places shown, a whole number 0–6.

    The constructor checks nothing: make a Result with :func:`result`, which checks every argument.
    """

    def __init__(self, value, label, unit=None, decimals=2):
        self.value, self.label, self.unit, self.decimals = value, label, unit, decimals

    def parts(self):
        """(name, the number as shown, unit) in the current language."""
        if self.unit == "percent":
            shown = f"{100 * self.value:,.{self.decimals}f}"
        else:
            shown = f"{self.value + 0.0:,.{self.decimals}f}"  # + 0.0: −0.00 reads 0.00
        unit = text(f"units.{self.unit}") if self.unit else ""
        return text(self.label), shown, unit

    def shown(self):
        """The number with its unit: "266.67 元", "80%"."""
        _, number, unit = self.parts()
        return f"{number}{unit}" if self.unit == "percent" else f"{number} {unit}".rstrip()

    def __repr__(self):
        return f"{self.parts()[0]} = {self.shown()}"

    def _repr_html_(self):
        return f"<p>{html.escape(repr(self))}</p>"


def result(value, label, unit=None, decimals=2):
    """``value`` shown with its name and unit. A share (0.8) with unit "percent" reads 80.00%.

    Parameters:
        value: one number (not an array, not text, not a boolean, not NaN).
        label: the catalog key of its name, e.g. ``"value.clv"``; it must exist in the catalogs.
        unit: None (a pure number) or one of UNITS; with ``"percent"`` a share 0.8 reads 80 %.
        decimals: the decimal places shown, a whole number 0–6.

    >>> result(266.666, "value.clv", unit="yuan")
    客户终身价值（CLV） = 266.67 元
    >>> result(0.8, "columns.retention", unit="percent", decimals=0)
    客户保持率 = 80%
    """
    value = check_range("value", value)  # a finite number: "inf 元" is never shown
    if not isinstance(value, float):
        raise CourseInputError(
            "errors.type", name="value", value=value, expected=Message("errors.expect_single_number")
        )
    if not isinstance(label, str) or "." not in label or not has_text(label):
        raise CourseInputError("display.unknown_label", name="label", value=label)
    if unit is not None:
        check_choice("unit", unit, UNITS)
    return Result(value, label, unit, check_int("decimals", decimals, low=0, high=6))


class Results:
    """Several :class:`Result` s, shown as a two-column table (name, value with unit).

    Parameters:
        items: a list of :class:`Result`.
    """

    def __init__(self, items):
        self.items = items

    def __repr__(self):
        return "\n".join(repr(item) for item in self.items)

    def _repr_html_(self):
        rows = "".join(
            f"<tr><td>{html.escape(item.parts()[0])}</td>"
            f"<td style='text-align:right'>{html.escape(item.shown())}</td></tr>"
            for item in self.items
        )
        return f"<table>{rows}</table>"


def results(*items):
    """Several results shown together as a small table: each item is a :class:`Result`
    (from :func:`result`) or a tuple of its arguments ``(value, label, unit, decimals)``.

    Parameters:
        *items: each a :class:`Result`, or a tuple of :func:`result`'s arguments ``(value, label, unit, decimals)``.

    >>> results((100.0, "value.clv", "yuan", 0), (3, "value.breakeven_year", "years", 0))
    客户终身价值（CLV） = 100 元
    回本年份 = 3 年
    """
    for item in items:
        if not isinstance(item, Result) and not (isinstance(item, tuple) and 2 <= len(item) <= 4):
            raise CourseInputError("errors.type", name="items", value=item, expected=Message("display.expect_item"))
    return Results([item if isinstance(item, Result) else result(*item) for item in items])


def localize(table, lang=None):
    """A copy of a pandas table for display: column names and category codes in the
    current language (via the ``columns.<column>`` and ``categories.<code>`` entries),
    True/False as 是/否; names without an entry stay as they are. The numbers are not
    changed, and neither is the original table.

    Parameters:
        table: a pandas DataFrame or Series.
        lang: ``"zh"``, ``"en"`` or None for the current language.

    >>> import pandas as pd
    >>> localize(pd.DataFrame({"tier": ["platinum", "lead"], "lapsed": [True, False]}), lang="zh")
       客户层级 次年没有再买
    0  铂金客户      是
    1  重铅客户      否
    """
    import pandas as pd

    if not isinstance(table, (pd.DataFrame, pd.Series)):
        raise CourseInputError(
            "errors.type", name="table", value=type(table).__name__, expected=Message("errors.expect_table")
        )
    if lang is not None:
        check_choice("lang", lang, LANGUAGES)

    def column(name):
        return text(f"columns.{name}", lang=lang) if isinstance(name, str) and has_text(f"columns.{name}") else name

    def code(value):
        return category_label(value, lang) if isinstance(value, str) else value

    def values(series):
        if pd.api.types.is_bool_dtype(series):
            return series.map({True: text("common.yes", lang=lang), False: text("common.no", lang=lang)})
        if isinstance(series.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(series):
            return series.map(code)
        return series

    frame = table.to_frame() if isinstance(table, pd.Series) else table
    shown = frame.apply(values).rename(columns=column)
    shown.index = shown.index.map(code)
    shown.index.name = column(frame.index.name) if frame.index.name else None
    return shown


class WithFallback:
    """A widget that also carries an HTML picture of itself, shown where widgets cannot run
    (a static handout, GitHub's notebook view); attributes are the widget's.

    Parameters:
        widget: an ipywidgets widget.
        html: the HTML shown instead of the widget where it cannot run (already escaped).
    """

    def __init__(self, widget, html):
        self.widget, self.html = widget, html

    def __getattr__(self, name):
        return getattr(self.widget, name)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.html
        return bundle
