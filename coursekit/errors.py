"""Input checks shared by every public coursekit function.

A wrong input stops with a :class:`CourseInputError` that names the argument, the
value given and what is allowed. The message is an entry of ``messages/errors.toml``
(or of the catalog of the module that raises it), shown in the current language;
``err.bilingual()`` gives Chinese and English together.

>>> try:
...     check_range("retention", 1.2, low=0, high=1, high_open=True)
... except CourseInputError as err:
...     print(err)
...     print(err.bilingual())
参数 retention = 1.2 不在允许范围内；允许：[0, 1)。
参数 retention = 1.2 不在允许范围内；允许：[0, 1)。 / retention = 1.2 is not allowed; allowed: [0, 1).
"""

import datetime as dt
import math
import numbers

import numpy as np

from coursekit.i18n import Arg, LocalizedError, Message

# Bounds every number and array meets, whatever the function: a course number (money in yuan,
# customers, days) above 10^15 is a typing mistake, and keeping inputs below it keeps every
# product and sum of the formulas finite. Arrays: at most ten million values (80 MB).
LARGEST = 1e15
MOST_VALUES = 10_000_000


class CourseInputError(LocalizedError):
    """A coursekit argument is out of its allowed range or of the wrong kind.

    ``CourseInputError(key, **fields)``: ``key`` is a catalog entry ("errors.range"),
    ``fields`` fill its placeholders. The field ``name`` always holds the name of the
    argument at fault, so a simulator can show its slider's label there instead
    (``err.render(labels={"retention": "保持率（%/年）"})``).

    >>> err = CourseInputError("errors.empty", name="transactions")
    >>> err.render("en"), err.fields["name"]
    ('table transactions is empty (no data rows).', 'transactions')
    """

    def __init__(self, key, **fields):
        if isinstance(fields.get("name"), str):
            fields["name"] = Arg(fields["name"])
        super().__init__(key, **fields)


def interval_text(low, high, low_open=False, high_open=False):
    """An allowed range as it reads in a message: ``[0, 1)``, ``[0, ∞]``.

    Parameters:
        low, high: the ends of the range, numbers, or None for unbounded (−∞ or ∞).
        low_open, high_open: True when that end is excluded.

    >>> interval_text(0, 1, high_open=True), interval_text(0, None)
    ('[0, 1)', '[0, ∞]')
    """
    left = "(" if low_open else "["
    right = ")" if high_open else "]"
    lo = "-∞" if low is None else f"{low:g}"
    hi = "∞" if high is None else f"{high:g}"
    return f"{left}{lo}, {hi}{right}"


def plain(value):
    """A computed result as students read it: one value as a plain Python float (or
    text), several as a numpy array of the inputs' shape; whole numbers become floats.

    Parameters:
        value: a number, text or array (anything ``numpy.asarray`` takes).

    >>> plain(np.float64(2.5)), plain(np.array([1, 2])), plain(np.array("satisfied"))
    (2.5, array([1., 2.]), 'satisfied')
    """
    value = np.asarray(value)
    if value.dtype.kind in "biu":
        value = value.astype(float)
    return value.item() if value.ndim == 0 else value


def _holds_non_number(value):
    """True for a boolean or a text, also inside (nested) lists: numpy would turn [1.0, True]
    into [1.0, 1.0] and [1, "2"] into text."""
    if isinstance(value, (list, tuple)):
        return any(map(_holds_non_number, value))
    return isinstance(value, (bool, np.bool_, str, bytes))


def check_number(name, value):
    """``value`` as a float or a float array; refuses text, booleans, dates, NaN and arrays
    of more than MOST_VALUES values (also when they hide inside a list or an array).

    Parameters:
        name: the argument's name, shown in the error message.
        value: the value to check: a number or something array-like of numbers.

    >>> check_number("margin", 3)
    3.0
    """
    expected = Message("errors.expect_number")
    if isinstance(value, (bool, np.bool_, str, bytes)):
        raise CourseInputError("errors.type", name=name, value=value, expected=expected)
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError):  # e.g. ragged nested lists
        raise CourseInputError("errors.type", name=name, value=value, expected=expected) from None
    if raw.size > MOST_VALUES:
        raise CourseInputError("errors.too_many", name=name, n=raw.size, most=MOST_VALUES)
    if isinstance(value, (list, tuple)):
        hidden = _holds_non_number(value)  # numpy would already have made True a 1.0 or 1 a text
    else:
        hidden = raw.dtype == object and any(map(_holds_non_number, raw.flat))
    if raw.dtype.kind in "bcMmUS" or hidden:  # booleans, complex numbers, datetimes, timedeltas, text
        raise CourseInputError("errors.type", name=name, value=value, expected=expected)
    try:
        arr = raw.astype(float)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a whole number beyond any float, 10**400
        raise CourseInputError("errors.type", name=name, value=value, expected=expected) from None
    if np.isnan(arr).any():
        raise CourseInputError("errors.type", name=name, value=value, expected=Message("errors.expect_number_not_nan"))
    return float(arr) if arr.ndim == 0 else arr


def check_range(name, value, low=None, high=None, low_open=False, high_open=False):
    """``value`` (scalar or array) as floats, after checking every element lies in
    the interval from ``low`` to ``high`` (``*_open`` excludes the end point). An end
    given as ``None`` is ±LARGEST (10^15): no course number is larger, and infinity
    is never allowed.

    Parameters:
        name: the argument's name, shown in the error message.
        value: a number or something array-like of numbers.
        low, high: the allowed ends, numbers, or None for −10^15 and 10^15.
        low_open, high_open: True when that end itself is not allowed.

    >>> check_range("discount", 0.1, low=0, high=1)
    0.1
    """
    arr = check_number(name, value)
    values = np.atleast_1d(arr)
    low_open, high_open = low_open and low is not None, high_open and high is not None
    low, high = -LARGEST if low is None else low, LARGEST if high is None else high
    bad = (values <= low) if low_open else (values < low)
    bad |= (values >= high) if high_open else (values > high)
    if bad.any():
        shown = values[bad][0] if values.size > 1 else arr
        raise CourseInputError(
            "errors.range", name=name, value=shown, allowed=interval_text(low, high, low_open, high_open)
        )
    return arr


def check_single(name, value, **bounds):
    """``value`` as one float, checked like :func:`check_range` (``bounds`` are its
    ``low``, ``high``, ...); an array is refused (for what describes one scenario).

    Parameters:
        name: the argument's name, shown in the error message.
        value: one number (an array or a list is refused).
        **bounds: ``low``, ``high``, ``low_open``, ``high_open`` as in :func:`check_range`.

    >>> check_single("budget", 10_000, low=0)
    10000.0
    """
    try:
        single = np.ndim(value) == 0
    except ValueError:  # ragged nested lists have no shape
        single = False
    if not single:
        shown = value.tolist() if isinstance(value, np.ndarray) else value
        raise CourseInputError("errors.type", name=name, value=shown, expected=Message("errors.expect_single_number"))
    return check_range(name, value, **bounds)


def check_shapes(**values):
    """The checked values of several arguments, after checking their shapes fit together
    (numpy broadcasting: equal lengths, or one number against a list). Returns them as a tuple.

    Parameters:
        **values: argument name → its checked value (a number or an array).

    >>> check_shapes(margin=np.array([1.0, 2.0]), retention=0.8)
    (array([1., 2.]), 0.8)
    """
    try:
        np.broadcast_shapes(*(np.shape(value) for value in values.values()))
    except ValueError:
        arrays = {name: value for name, value in values.items() if np.ndim(value)}
        shapes = ", ".join(f"{name} {len(v) if np.ndim(v) == 1 else np.shape(v)}" for name, v in arrays.items())
        raise CourseInputError("errors.shapes", names=", ".join(arrays), shapes=shapes) from None
    return tuple(values.values())


def check_int(name, value, low=None, high=None):
    """``value`` as an int, after checking it is a whole number in [low, high].

    Parameters:
        name: the argument's name, shown in the error message.
        value: a whole number (``3`` or ``3.0``; not ``True``, not ``3.5``).
        low, high: the allowed ends, whole numbers or None.

    >>> check_int("years", 10, low=1)
    10
    """
    whole = isinstance(value, numbers.Integral) or (
        isinstance(value, numbers.Real) and math.isfinite(value) and float(value).is_integer()
    )
    if isinstance(value, bool) or not whole:
        raise CourseInputError("errors.type", name=name, value=value, expected=Message("errors.expect_whole_number"))
    check_range(name, value, low=low, high=high)
    return int(value)


def check_choice(name, value, choices):
    """``value``, after checking it is one of ``choices``.

    Parameters:
        name: the argument's name, shown in the error message.
        value: the value to check.
        choices: the allowed values (a list or tuple).

    >>> check_choice("timing", "end", ("end", "start"))
    'end'
    """
    if not len(choices):
        raise CourseInputError("errors.no_choices", name=name, value=value)
    try:
        allowed = value in choices
    except (TypeError, ValueError):  # a list is unhashable; an array or NA has no single truth value
        allowed = False
    if not allowed:
        raise CourseInputError("errors.choice", name=name, value=value, allowed=", ".join(map(str, choices)))
    return value


def check_columns(name, frame, required):
    """``frame`` (a pandas DataFrame), after checking it has rows and every column in
    ``required``; the error lists exactly which columns are missing.

    Parameters:
        name: the table's name, shown in the error message.
        frame: a pandas DataFrame with at least one row.
        required: the column names it must have.

    >>> import pandas as pd
    >>> check_columns("transactions", pd.DataFrame({"customer_id": [1]}), ["customer_id"]).shape
    (1, 1)
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise CourseInputError(
            "errors.type", name=name, value=type(frame).__name__, expected=Message("errors.expect_dataframe")
        )
    missing = [col for col in required if not _has_column(frame, col)]
    if missing:
        raise CourseInputError(
            "errors.columns", name=name, missing=", ".join(map(str, missing)), required=", ".join(map(str, required))
        )
    if frame.empty:
        raise CourseInputError("errors.empty", name=name)
    return frame


def _has_column(frame, column):
    """True when ``frame`` has a column named ``column`` (a list or another unhashable name: never)."""
    try:
        return column in frame.columns
    except TypeError:
        return False


# ---------------------------------------------------------------- tables (pandas)


def _column(name, column, values):
    """``values``, after checking it is one column of a table (a pandas Series)."""
    import pandas as pd

    if not isinstance(values, pd.Series):
        label, expected = f"{name}['{column}']", Message("errors.expect_column")
        raise CourseInputError("errors.type", name=label, value=type(values).__name__, expected=expected)
    return values


def check_no_missing(name, column, values):
    """Stop on the first missing value of column ``column`` of table ``name``, naming its row.

    Parameters:
        name, column: the table's name and the column's, shown in the error message.
        values: the column, a pandas Series.

    >>> import pandas as pd
    >>> check_no_missing("customers", "customer_id", pd.Series(["C1", "C2"])).tolist()
    ['C1', 'C2']
    """
    missing = _column(name, column, values).isna()
    if missing.any():
        row = values.index[missing.to_numpy()][0]
        raise CourseInputError("errors.missing", name=name, column=column, row=row)
    return values


def check_unique(name, column, values):
    """Stop on the first value that occurs twice in column ``column`` of table ``name`` (an id that
    must be a key: a customer listed twice would be counted twice), naming the value and its rows.

    Parameters:
        name, column: the table's name and the column's, shown in the error message.
        values: the column, a pandas Series.

    >>> import pandas as pd
    >>> try:
    ...     check_unique("customers", "customer_id", pd.Series(["C1", "C2", "C1"]))
    ... except CourseInputError as err:
    ...     print(err.render("en"))  # doctest: +NORMALIZE_WHITESPACE
    table customers has 'C1' more than once in column customer_id (rows [0, 2]): each id may appear only once,
    or it would be counted twice.
    """
    twice = _column(name, column, values).duplicated(keep=False)
    if twice.any():
        value = values[twice].iloc[0]
        rows = [int(row) if isinstance(row, numbers.Integral) else row for row in values.index[values == value][:5]]
        raise CourseInputError("errors.duplicates", name=name, column=column, value=value, rows=rows)
    return values


def check_key(name, table, column):
    """``table``, after checking that its id column ``column``, when it has one, holds each id once: an
    order, a service case or a customer listed twice would be counted twice. A table without the column
    is returned as it is (the course's ids: transaction_id, case_id, call_id, respondent_id, customer_id).

    Parameters:
        name: the table's name, shown in the error message.
        table: a pandas DataFrame with at least one row.
        column: the name of its id column.

    >>> import pandas as pd
    >>> check_key("cases", pd.DataFrame({"case_id": ["S1", "S2"]}), "case_id").shape
    (2, 1)
    """
    check_columns(name, table, [])
    if _has_column(table, column):
        check_unique(name, column, table[column])
    return table


def check_date_column(name, column, values):
    """A column of dates as datetime64; text must be ISO dates such as "2024-03-01".

    A time zone is dropped, keeping the local date and time as written ("2024-01-01T00:30+08:00"
    is 1 January 00:30): the course counts calendar days and years of the shop's own clock, and
    a log whose rows carry different offsets (summer time, two branches) stays comparable.

    Parameters:
        name, column: the table's name and the column's, shown in the error message.
        values: a pandas Series of datetimes, or of ISO date text ("2024-03-01"); no blanks.

    >>> import pandas as pd
    >>> check_date_column("transactions", "date", pd.Series(["2024-03-01"])).dt.year.tolist()
    [2024]
    """
    import pandas as pd

    label = f"{name}['{column}']"
    check_no_missing(name, column, values)
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.tz_localize(None) if values.dt.tz is not None else values
    if values.dtype == object:  # numbers and other objects are no dates (pandas would read 1.5 as an epoch)
        odd = values[~values.map(lambda v: isinstance(v, (str, dt.date, np.datetime64)))]
        if len(odd):
            raise CourseInputError("errors.type", name=label, value=odd.iloc[0], expected=Message("errors.expect_date"))
    if pd.api.types.is_string_dtype(values) or values.dtype == object:
        try:
            parsed = pd.to_datetime(values, format="ISO8601", errors="coerce")
        except ValueError:  # offsets that differ from row to row
            parsed = None
        if parsed is None or parsed.isna().any():  # drop each row's offset, keeping the local time
            stamps = values.map(lambda v: v.replace(tzinfo=None) if isinstance(v, dt.datetime) else v)
            local = stamps.astype(str).str.replace(r"(Z|[+-]\d{2}:?\d{2})$", "", regex=True)
            parsed = pd.to_datetime(local, format="ISO8601", errors="coerce")
        if not parsed.isna().any():
            return parsed.dt.tz_localize(None) if parsed.dt.tz is not None else parsed
        values = values[parsed.isna()]
    raise CourseInputError("errors.type", name=label, value=values.iloc[0], expected=Message("errors.expect_date"))


def check_date(name, value):
    """One date given as text ("2024-03-01"), a datetime or a pandas Timestamp, as a Timestamp.

    Parameters:
        name: the argument's name, shown in the error message.
        value: a date: ISO text ("2024-03-01"), a ``datetime`` or a pandas ``Timestamp``.

    >>> check_date("asof", "2025-12-31").year
    2025
    """
    import pandas as pd

    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if pd.isna(stamp):
        raise CourseInputError("errors.type", name=name, value=value, expected=Message("errors.expect_date"))
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp  # local time, as in check_date_column


def check_number_column(name, column, values, low=None, high=None):
    """A numeric column as floats, refusing text, missing values and values outside [low, high].

    Parameters:
        name, column: the table's name and the column's, shown in the error message.
        values: a numeric pandas Series (not booleans), no blanks.
        low, high: the allowed ends, numbers or None (±10^15, as in :func:`check_range`).

    >>> import pandas as pd
    >>> check_number_column("transactions", "revenue", pd.Series([10, 20]), low=0).tolist()
    [10.0, 20.0]
    """
    import pandas as pd

    label = f"{name}['{column}']"
    check_no_missing(name, column, values)
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        odd = (v for v in values if isinstance(v, (bool, np.bool_)) or not isinstance(v, numbers.Real))
        expected = Message("errors.expect_number")
        raise CourseInputError("errors.type", name=label, value=next(odd, values.dtype), expected=expected)
    checked = check_range(label, values.to_numpy(dtype=float), low=low, high=high)
    return pd.Series(checked, index=values.index)


def check_table_numbers(name, table, columns, low=None, high=None, whole=False):
    """The number columns a chart draws, checked: numeric (not text, not booleans), no blanks, every
    value in [low, high], and whole numbers where ``whole`` (counts, ratings on an integer scale).
    Returns ``table``.

    Parameters:
        name: the table's name, shown in the error message.
        table: a pandas DataFrame holding ``columns``.
        columns: the names of the columns to check.
        low, high: the allowed ends, numbers or None (±10^15).
        whole: True when the values must be whole numbers.

    >>> import pandas as pd
    >>> check_table_numbers("table", pd.DataFrame({"share": [0.2, 0.8]}), ["share"], low=0, high=1).shape
    (2, 1)
    """
    check_columns(name, table, columns)
    for column in columns:
        values = check_number_column(name, column, table[column], low=low, high=high)
        fractions = values[values != values.round()]
        if whole and len(fractions):
            bad = fractions.iloc[0]
            raise CourseInputError(
                "errors.type", name=f"{name}['{column}']", value=bad, expected=Message("errors.expect_whole_number")
            )
    return table


def _one_kind(name, column, values):
    """Refuse an id column that mixes text and numbers ("C1" and 7): such ids cannot be sorted, and the
    customer 7 and the customer "7" would be two customers."""
    if values.dtype == object:
        text = values.map(lambda value: isinstance(value, str))
        if text.any() and not text.all():
            example = {"text": values[text].iloc[0], "other": values[~text].iloc[0]}
            raise CourseInputError("errors.mixed_ids", name=name, column=column, **example)


def check_transactions(transactions, customer="customer_id", date="date", amount="revenue"):
    """The three columns of a transaction log (订单记录), checked: customer ids present (all text or all
    numbers), dates parsed, amounts ≥ 0, no order number (transaction_id) twice. Returns a new table with
    just these columns.

    Parameters:
        transactions: an order table (a pandas DataFrame) with the three columns named next.
        customer, date, amount: names of the customer id column (no blanks), the date column (datetimes or
            ISO text) and the amount column (numbers ≥ 0).

    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "date": ["2024-01-05"], "revenue": [99]})
    >>> checked = check_transactions(tx)
    >>> checked["date"].dt.day.tolist(), checked["revenue"].tolist()
    ([5], [99.0])
    """
    import pandas as pd

    check_columns("transactions", transactions, [customer, date, amount])
    check_no_missing("transactions", customer, transactions[customer])
    _one_kind("transactions", customer, transactions[customer])
    check_key("transactions", transactions, "transaction_id")  # the course's order number
    return pd.DataFrame(
        {
            customer: transactions[customer],
            date: check_date_column("transactions", date, transactions[date]),
            amount: check_number_column("transactions", amount, transactions[amount], low=0),
        }
    )


def check_values(name, values, nonnegative=True):
    """One value per customer as a non-empty 1-D float array; with ``nonnegative`` every
    value ≥ 0 and not all 0 (shares of the total are computed from it).

    Parameters:
        name: the argument's name, shown in the error message.
        values: a non-empty list or 1-D array of numbers.
        nonnegative: True (default) when values must be ≥ 0 and not all 0.

    >>> check_values("values", [3, 1])
    array([3., 1.])
    """
    array = check_range(name, values, low=0 if nonnegative else None)
    if np.ndim(array) != 1:
        raise CourseInputError("errors.type", name=name, value=values, expected=Message("errors.expect_number_list"))
    if array.size == 0:
        raise CourseInputError("errors.no_values", name=name)
    if nonnegative and not array.any():
        raise CourseInputError("errors.all_zero", name=name)
    return array
