"""Every public coursekit function driven with hostile values (issue 13).

For each function of tests/fuzz_calls.py's table and each of its arguments, one argument of a
valid call is replaced by a hostile value: NaN, ±inf, 1e308, a boolean, None, text, an empty or
wrongly shaped list, a dict with a key missing or unknown, and for tables a blank cell, a
repeated id, a dropped column, time-zone-aware dates, an empty table. The call must then

- stop with a :class:`~coursekit.errors.CourseInputError` that names the argument (its field
  ``name`` or its message; a text value may be quoted instead), in both languages, or
- return a finite result (no NaN, no inf, a figure with finite limits and no "nan" written on
  it), which for a blank cell is not the result of silently dropping that row, for a repeated
  id not a result that counts it twice, and for time-zone-aware or text dates the same result.

Never a raw TypeError, ValueError, KeyError, ZeroDivisionError, a pandas error or a warning
(pytest turns warnings into errors). ``test_fixed_hostile_values`` tries every fixed hostile kind
on every argument; ``test_generated_hostile_values`` lets hypothesis draw more (random cells,
columns, numbers, texts, lists), derandomized so that CI sees the same examples every run.
The regression examples at the end are the cases that found bugs.
"""

import copy
import inspect
import math
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.text import Text

from coursekit import (
    charts,
    complaints,
    customer_base,
    data,
    display,
    exercises,
    guide,
    i18n,
    profile,
    retention,
    segments,
    value,
)
from coursekit.errors import CourseInputError
from coursekit.i18n import Join, LocalizedError, Message
from tests import fuzz_calls

CALLABLES = fuzz_calls.public_callables()
NOT_APPLICABLE = object()  # a recipe that does not fit the valid value (a table recipe for a number)


# ---------------------------------------------------------------- hostile values, as recipes


@dataclass(frozen=True)
class Value:
    """Replace the argument by ``value``."""

    value: object

    def apply(self, valid):
        return copy.deepcopy(self.value)


def _frame(valid):
    return isinstance(valid, pd.DataFrame) and len(valid.columns) and len(valid)


@dataclass(frozen=True)
class Missing:
    """A blank cell (NaN, NaT, None: the missing value of the column's type) in column ``column``, row ``row``."""

    column: int
    row: int

    def apply(self, valid):
        if not _frame(valid):
            return NOT_APPLICABLE
        table = valid.copy()
        name, i = table.columns[self.column % table.shape[1]], self.row % len(table)
        column = table[name]
        if pd.api.types.is_integer_dtype(column) and not isinstance(column.dtype, pd.api.extensions.ExtensionDtype):
            column = column.astype(float)
        elif pd.api.types.is_bool_dtype(column):
            column = column.astype(object)
        column = column.copy()
        column.iloc[i] = None
        table[name] = column
        return table

    def row_of(self, valid):
        return self.row % len(valid)


@dataclass(frozen=True)
class Cell:
    """Cell (``column``, ``row``) replaced by ``value`` (text in a number column, inf, a negative amount...)."""

    column: int
    row: int
    value: object

    def apply(self, valid):
        if not _frame(valid):
            return NOT_APPLICABLE
        table = valid.copy()
        name, i = table.columns[self.column % table.shape[1]], self.row % len(table)
        number = isinstance(self.value, float) and not math.isfinite(self.value)
        if number and not (pd.api.types.is_numeric_dtype(table[name]) or pd.api.types.is_datetime64_any_dtype(
                table[name])):
            return NOT_APPLICABLE  # inf in a text column is a label as given, not a number
        values = table[name].tolist()
        values[i] = self.value
        table[name] = pd.Series(values, index=table.index)
        return table

    def row_of(self, valid):
        return self.row % len(valid)


@dataclass(frozen=True)
class DropColumn:
    column: int

    def apply(self, valid):
        if not _frame(valid):
            return NOT_APPLICABLE
        return valid.drop(columns=valid.columns[self.column % valid.shape[1]])


@dataclass(frozen=True)
class DuplicateRow:
    """Row ``row`` listed twice (its index and id too)."""

    row: int

    def apply(self, valid):
        if not _frame(valid):
            return NOT_APPLICABLE
        i = self.row % len(valid)
        return pd.concat([valid, valid.iloc[[i]]])


@dataclass(frozen=True)
class MissingCategory:
    """Every row with row 0's value in column ``column`` (a text or category column) left out."""

    column: int

    def apply(self, valid):
        if not _frame(valid):
            return NOT_APPLICABLE
        name = valid.columns[self.column % valid.shape[1]]
        if pd.api.types.is_numeric_dtype(valid[name]) or pd.api.types.is_datetime64_any_dtype(valid[name]):
            return NOT_APPLICABLE
        kept = valid[valid[name] != valid[name].iloc[0]]
        return kept if len(kept) else NOT_APPLICABLE


@dataclass(frozen=True)
class TableAs:
    """The table changed as a whole: ``"empty"`` (no rows), ``"tz"`` (its dates time-zone aware, same local
    time), ``"text_dates"`` (its dates as ISO text), ``"dict"`` (a dict of lists), ``"array"`` (a numpy array),
    ``"text"`` (every cell as text), ``"bool"`` (every number column as booleans)."""

    how: str

    def apply(self, valid):
        if not isinstance(valid, pd.DataFrame) or not len(valid.columns):
            return NOT_APPLICABLE
        dates = [name for name in valid.columns if pd.api.types.is_datetime64_any_dtype(valid[name])]
        numbers = [name for name in valid.columns if pd.api.types.is_numeric_dtype(valid[name])]
        if self.how == "empty":
            return valid.iloc[0:0]
        if self.how in ("tz", "text_dates") and not dates:
            return NOT_APPLICABLE
        changed = valid.copy()
        if self.how == "tz":
            for name in dates:
                changed[name] = valid[name].dt.tz_localize("Asia/Shanghai")
            return changed
        if self.how == "text_dates":
            for name in dates:
                changed[name] = valid[name].dt.strftime("%Y-%m-%d")
            return changed
        if self.how == "dict":
            return valid.to_dict("list")
        if self.how == "array":
            return valid.to_numpy()
        if self.how == "text":
            return valid.astype(str)
        if self.how == "bool" and numbers:
            for name in numbers:
                changed[name] = valid[name].fillna(0).astype(bool)
            return changed
        return NOT_APPLICABLE


SAME_AS_VALID = (TableAs("tz"), TableAs("text_dates"))  # the result must not change


@dataclass(frozen=True)
class Element:
    """Element ``index`` of a list, tuple, array or Series replaced by ``value``."""

    index: int
    value: object

    def apply(self, valid):
        if isinstance(valid, pd.Series) and len(valid):
            values = valid.tolist()
            values[self.index % len(values)] = self.value
            return pd.Series(values, index=valid.index, name=valid.name)
        if isinstance(valid, (list, tuple, np.ndarray)) and len(valid):
            values = list(valid)
            values[self.index % len(values)] = self.value
            return np.array(values, dtype=object) if isinstance(valid, np.ndarray) else type(valid)(values)
        return NOT_APPLICABLE


@dataclass(frozen=True)
class Shape:
    """A list, tuple, array or Series of the wrong shape: ``"longer"`` (its last element once more),
    ``"nested"`` (a 2-D list of it twice), ``"empty"``."""

    how: str

    def apply(self, valid):
        if not isinstance(valid, (list, tuple, np.ndarray, pd.Series)):
            return NOT_APPLICABLE
        if self.how == "empty":
            return valid.iloc[0:0] if isinstance(valid, pd.Series) else type(valid)([]) if not isinstance(
                valid, np.ndarray) else np.array([])
        if not len(valid):
            return NOT_APPLICABLE
        if self.how == "longer":
            if isinstance(valid, pd.Series):
                return pd.concat([valid, valid.iloc[[-1]]])
            return np.append(valid, valid[-1:]) if isinstance(valid, np.ndarray) else type(valid)(
                [*valid, valid[-1]])
        return [list(valid), list(valid)]


@dataclass(frozen=True)
class DictKey:
    """A dict with key number ``index`` left out (``how="drop"``), its value replaced by ``value``
    (``"value"``), or ``value`` added under the key ``key`` (``"add"``)."""

    how: str
    index: int = 0
    key: object = "no_such_key"
    value: object = 1.0

    def apply(self, valid):
        if not isinstance(valid, dict) or not valid:
            return NOT_APPLICABLE
        changed = dict(valid)
        key = list(valid)[self.index % len(valid)]
        if self.how == "drop":
            del changed[key]
        elif self.how == "value":
            changed[key] = self.value
        else:
            changed[self.key] = self.value
        return changed


# The fixed hostile kinds every argument gets.
FIXED = [
    math.nan, math.inf, -math.inf, 1e308, -1e308, 1e16, -1, 0, 1, 0.5, 5e-324, 10**400, np.float32("nan"), 1j,
    True, False, None, pd.NA, pd.NaT, "text", "", " ", "１２", b"bytes",
    [], [math.nan], [1.0, "a"], [True, 2.0], [[1.0, 2.0], [3.0]], np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([]),
    {}, pd.Series([1.0, np.nan]), pd.DataFrame(), pd.Timestamp("2024-01-01 08:00", tz="Asia/Shanghai"), object(),
]
CELL_VALUES = [math.nan, math.inf, -math.inf, 1e308, -1.0, 0.5, 10**400, True, None, "12", "x", "", " ",
               pd.Timestamp("2024-06-01 23:30", tz="Asia/Shanghai"), "2024-02-30", [1.0]]


def fixed_recipes(valid):
    """Every fixed hostile recipe that fits ``valid``."""
    recipes = [Value(value) for value in FIXED]
    if isinstance(valid, pd.DataFrame):
        columns = range(valid.shape[1])
        recipes += [Missing(c, 0) for c in columns] + [DropColumn(c) for c in columns]
        recipes += [Cell(c, 1, "x") for c in columns] + [Cell(c, 0, -math.inf) for c in columns]
        recipes += [MissingCategory(c) for c in columns]
        recipes += [DuplicateRow(0), *(TableAs(how) for how in ("empty", "tz", "text_dates", "dict", "array",
                                                                 "text", "bool"))]
    if isinstance(valid, (list, tuple, np.ndarray, pd.Series)):
        recipes += [Element(0, value) for value in (math.nan, math.inf, None, "x", True, 1e308, -1)]
        recipes += [Shape("longer"), Shape("nested"), Shape("empty")]
    if isinstance(valid, dict):
        recipes += [DictKey("drop"), DictKey("add"), DictKey("add", key="overall", value=5.0),
                    DictKey("add", key=3), *(DictKey("value", value=v) for v in (math.nan, math.inf, None, "x",
                                                                                   True, -1, 1e308))]
    return recipes


HOSTILE_SCALARS = st.one_of(
    st.sampled_from(CELL_VALUES), st.floats(), st.integers(-(10**20), 10**20), st.text(max_size=4)
)


def generated_recipes(valid):
    """A hypothesis strategy of hostile recipes that fit ``valid``: the fixed kinds and generated ones."""
    options = [
        st.sampled_from(FIXED).map(Value),
        st.floats().map(Value),
        st.floats(-2, 2).map(Value),
        st.integers(-(10**20), 10**20).map(Value),
        st.text(max_size=6).map(Value),
        st.lists(st.floats(), max_size=4).map(Value),
        st.lists(st.integers(-3, 12), max_size=4).map(Value),
    ]
    index = st.integers(0, 30)
    if isinstance(valid, pd.DataFrame):
        options += [
            st.builds(Missing, index, index),
            st.builds(Cell, index, index, HOSTILE_SCALARS),
            st.builds(DropColumn, index),
            st.builds(DuplicateRow, index),
            st.builds(MissingCategory, index),
            st.sampled_from(["empty", "tz", "text_dates", "dict", "array", "text", "bool"]).map(TableAs),
        ]
    if isinstance(valid, (list, tuple, np.ndarray, pd.Series)):
        options += [st.builds(Element, index, HOSTILE_SCALARS), st.sampled_from(["longer", "nested", "empty"]).map(
            Shape)]
    if isinstance(valid, dict):
        options += [
            st.builds(DictKey, st.just("drop"), index),
            st.builds(DictKey, st.just("value"), index, value=HOSTILE_SCALARS),
            st.builds(DictKey, st.just("add"), key=st.one_of(st.text(max_size=8), st.integers()),
                      value=HOSTILE_SCALARS),
        ]
    return st.one_of(options)


# ---------------------------------------------------------------- calling


def call(name, arguments):
    """Call the callable ``name`` with ``arguments`` (by parameter name; ``*args`` a list, ``**kwargs`` a dict)."""
    function = CALLABLES[name]
    args, kwargs = [], {}
    for parameter in parameters_of(name):
        if parameter.name not in arguments:
            continue
        value = arguments[parameter.name]
        if parameter.kind is parameter.VAR_POSITIONAL:
            args += list(value)
        elif parameter.kind is parameter.VAR_KEYWORD:
            kwargs.update(value)
        elif parameter.kind is parameter.POSITIONAL_ONLY or (parameter.name == "self" and not kwargs):
            args.append(value)
        else:
            kwargs[parameter.name] = value
    return function(*args, **kwargs)


def parameters_of(name):
    function = CALLABLES[name]
    target = function.__init__ if isinstance(function, type) and "__init__" in vars(function) else function
    parameters = list(inspect.signature(target).parameters.values())
    if isinstance(function, type) and parameters and parameters[0].name == "self":
        parameters = parameters[1:]
    return parameters


def with_hostile(name, valid, argument, hostile):
    """The arguments of the valid call with ``argument`` replaced by ``hostile`` (for ``*args`` its first
    item, for ``**kwargs`` its first value)."""
    kinds = {p.name: p.kind for p in parameters_of(name)}
    changed = dict(valid)
    if kinds[argument] is inspect.Parameter.VAR_POSITIONAL:
        changed[argument] = [hostile, *list(valid[argument])[1:]]
    elif kinds[argument] is inspect.Parameter.VAR_KEYWORD:
        first = next(iter(valid[argument]))
        changed[argument] = {**valid[argument], first: hostile}
    else:
        changed[argument] = hostile
    return changed


def argument_names(name, valid):
    """The name an error must use for each argument: its own, for ``**kwargs`` its first key, and for the
    checks that are told what to call the value (``check_range("retention", ...)``) that name."""
    kinds = {p.name: p.kind for p in parameters_of(name)}
    named = (name, "name") in fuzz_calls.NOT_FUZZED
    shown = {}
    for argument in valid:
        if kinds[argument] is inspect.Parameter.VAR_KEYWORD:
            shown[argument] = next(iter(valid[argument]))
        elif named and argument != "name":
            shown[argument] = str(valid["name"])
        else:
            shown[argument] = argument
    return shown


def fuzzed_arguments():
    """(callable, argument) pairs to fuzz: every argument of every valid call but ``self`` and NOT_FUZZED."""
    pairs = []
    for name in sorted(fuzz_calls.VALID):
        for parameter in parameters_of(name):
            if parameter.name != "self" and (name, parameter.name) not in fuzz_calls.NOT_FUZZED:
                pairs.append((name, parameter.name))
    return pairs


PAIRS = fuzzed_arguments()
SIMULATORS = [pair for pair in PAIRS if pair[0].startswith("coursekit.sims.") and "Simulator" not in pair[0]]
OTHERS = [pair for pair in PAIRS if pair not in SIMULATORS]


# ---------------------------------------------------------------- known bugs, none today
# A bug the suite finds but that cannot be fixed at once is marked here, strictly: a fixed bug makes its mark fail
# (XPASS), so the mark is removed with the fix. Every bug found so far is fixed and kept as a regression example.

KNOWN_BUGS = {
    # (callable, argument): (tests that fail: "fixed", "generated" or both, reason)
}


def marked(pairs, test):
    """``pairs`` as pytest parameters, the known bugs of ``test`` ("fixed" or "generated") marked xfail(strict)."""
    params = []
    for name, argument in pairs:
        tests, reason = KNOWN_BUGS.get((name, argument), ("", ""))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if test in tests.split() else []
        params.append(pytest.param(name, argument, marks=marks, id=f"{name}-{argument}"))
    return params


# ---------------------------------------------------------------- the property


def names(err, argument, hostile, column=False):
    """True when the error names ``argument`` (its field ``name`` or the message), or quotes the text given;
    for an argument that names a column (``column``), the name given, whatever it is."""
    said = err.bilingual()
    word = re.compile(rf"(?<!\w){re.escape(argument)}(?!\w)")
    if word.search(str(err.fields.get("name", ""))) or word.search(said):
        return True
    if column:
        return str(hostile)[:40] in said  # a long value is cut short in a message
    return isinstance(hostile, str) and len(hostile.strip()) >= 2 and hostile in said


def shown_problems(thing, where):
    """What is wrong with showing a Message, Join or LocalizedError in both languages (nothing: [])."""
    try:
        for lang in ("zh", "en"):
            thing.render(lang)
    except LocalizedError as err:
        return [f"{where} cannot be shown: {err.bilingual()}"]
    return []


def problems(value, tolerated=frozenset(), where="result"):
    """Every NaN, inf, missing value or unshowable part of a result, as text (none: [])."""
    from coursekit.display import Result
    from coursekit.sims.base import Simulator

    if value is None or isinstance(value, (bool, np.bool_, str, bytes, int, np.integer)):
        return []
    if isinstance(value, (float, np.floating)):
        return [] if math.isfinite(value) else [f"{where} = {value}"]
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc":
            return [] if np.isfinite(value).all() else [f"{where} holds {value[~np.isfinite(value)][:3]}"]
        if value.dtype.kind == "O":
            return [p for i, item in enumerate(value.flat) for p in problems(item, tolerated, f"{where}[{i}]")]
        return []
    if isinstance(value, pd.DataFrame):
        found = problems(value.index.to_series(), tolerated, f"{where}.index")
        for column in value.columns:
            if column not in tolerated and "*" not in tolerated:
                found += problems(value[column], tolerated, f"{where}[{column!r}]")
        return found
    if isinstance(value, (pd.Series, pd.Index)):
        if value.isna().any():
            return [f"{where} has missing values: {value[value.isna()].index.tolist()[:3]}"]
        if pd.api.types.is_numeric_dtype(value) and not pd.api.types.is_bool_dtype(value):
            numbers = value.to_numpy(dtype=float)
            return [] if np.isfinite(numbers).all() else [f"{where} holds {numbers[~np.isfinite(numbers)][:3]}"]
        return []
    if isinstance(value, dict):
        shown = {key: item for key, item in value.items() if key not in tolerated}
        return [p for key, item in shown.items() for p in problems(item, tolerated, f"{where}[{key!r}]")]
    if isinstance(value, (list, tuple)):
        return [p for i, item in enumerate(value) for p in problems(item, tolerated, f"{where}[{i}]")]
    if isinstance(value, Figure):
        return figure_problems(value, where)
    if isinstance(value, Simulator):
        if value.result is None:
            return [f"{where} starts with no result: {value.message.value}"]
        return problems(value.result, tolerated, f"{where}.result") + figure_problems(value.fig, f"{where}.fig")
    if isinstance(value, Result):
        repr(value)
        return problems(value.value, tolerated, f"{where}.value")
    if isinstance(value, (Message, Join, LocalizedError)):
        return shown_problems(value, where)
    return []


UNSHOWN = re.compile(r"(?<![A-Za-z])(nan|inf|None|NaT)(?![A-Za-z])")


def figure_problems(fig, where):
    """Axis limits that are not finite, and texts that show nan, inf, None or NaT."""
    found = []
    for i, ax in enumerate(fig.axes):
        for limits in (ax.get_xlim(), ax.get_ylim()):
            if not np.isfinite(limits).all():
                found.append(f"{where}.axes[{i}] limits {limits}")
    for text in fig.findobj(Text):
        if UNSHOWN.search(text.get_text()):
            found.append(f"{where} shows {text.get_text()!r}")
    return found


def same(a, b):
    """True when two results are equal (tables up to their dtypes; numbers to 1e-9)."""
    if isinstance(a, pd.DataFrame) or isinstance(a, pd.Series):
        if type(a) is not type(b):
            return False
        check = pd.testing.assert_frame_equal if isinstance(a, pd.DataFrame) else pd.testing.assert_series_equal
        try:
            check(a, b, check_dtype=False, check_index_type=False, check_categorical=False, check_freq=False,
                  check_exact=False, rtol=1e-9)
        except (AssertionError, TypeError, ValueError):
            return False
        return True
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, (float, np.floating, np.ndarray)):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape:
            return False
        if a.dtype.kind in "fiu" and b.dtype.kind in "fiu":
            return bool(np.allclose(a, b, rtol=1e-9, atol=0, equal_nan=True))
        return bool(np.array_equal(a, b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def comparable(result):
    from coursekit.sims.base import Simulator

    return not isinstance(result, (Figure, Simulator)) and not (isinstance(result, tuple) and any(
        isinstance(part, Figure) for part in result))


def check(name, argument, recipe):
    """The property, for one hostile recipe of one argument of the valid call of ``name``."""
    valid = fuzz_calls.VALID[name]()
    hostile = recipe.apply(valid[argument])
    if hostile is NOT_APPLICABLE:
        return
    shown = argument_names(name, valid)[argument]
    column = (name, argument) in fuzz_calls.COLUMN_ARGUMENTS
    try:
        result = call(name, with_hostile(name, valid, argument, hostile))
    except CourseInputError as err:
        if isinstance(recipe, (MissingCategory, DropColumn)):  # the table may now lack what another argument names
            assert any(names(err, other, hostile, True) for other in argument_names(name, valid).values()), (
                f"{name}({argument}={recipe}): the error names no argument: {err.bilingual()}"
            )
            return
        also = fuzz_calls.ALSO_NAMED.get((name, argument), ())
        assert names(err, shown, hostile, column) or any(names(err, part, hostile) for part in also), (
            f"{name}({argument}={recipe}): the error does not name it: {err.bilingual()}"
        )
        return
    except LocalizedError as err:  # the message engine's own error: i18n imports nothing of coursekit
        assert name.startswith("coursekit.i18n.") or name.endswith(("Message.render", "Join.render")), (
            f"{name}({argument}={recipe}): a LocalizedError where a CourseInputError belongs: {err.bilingual()}"
        )
        assert names(err, shown, hostile), f"{name}({argument}={recipe}): the error does not name it: {err.bilingual()}"
        return
    except Exception as err:
        err.add_note(f"{name} with {argument} = {recipe}")
        raise
    if name in fuzz_calls.PARTIAL_CHECKS:
        return
    found = problems(result, fuzz_calls.TOLERATED_NAN.get(name, frozenset()))
    assert not found, f"{name}({argument}={recipe}) gave: {found[:3]}"
    if not comparable(result):
        return
    table = valid[argument]
    if recipe in SAME_AS_VALID:
        assert same(result, call(name, fuzz_calls.VALID[name]())), f"{name}({argument}={recipe}) changed the result"
    if isinstance(recipe, Missing) and isinstance(table, pd.DataFrame) and len(table) > 1:
        without = table.drop(index=table.index[recipe.row_of(table)])
        try:
            dropped = call(name, {**fuzz_calls.VALID[name](), argument: without})
        except CourseInputError:  # the table without that row cannot be computed: nothing was dropped
            return
        assert not same(result, dropped) or same(dropped, call(name, fuzz_calls.VALID[name]())), (
            f"{name}({argument}={recipe}): the row with the blank cell was silently dropped"
        )
    key = fuzz_calls.KEYS.get(argument)
    if isinstance(recipe, DuplicateRow) and isinstance(table, pd.DataFrame) and key in table.columns:
        assert same(result, call(name, fuzz_calls.VALID[name]())), (
            f"{name}({argument}={recipe}): a repeated {key} was counted twice"
        )


@pytest.fixture(autouse=True)
def restore_style():
    """The course style (its Chinese font) for every test; whatever a fuzzed setup() or style.apply() changed,
    the next test starts from the same style."""
    import coursekit

    with matplotlib.rc_context():
        coursekit.setup()
        yield
    import ipywidgets

    ipywidgets.Widget.close_all()  # the simulators' and forms' widgets


# ---------------------------------------------------------------- the tests


def test_every_public_callable_is_called_or_skipped_with_a_reason():
    missing = sorted(set(CALLABLES) - set(fuzz_calls.VALID) - set(fuzz_calls.SKIPPED))
    assert not missing, f"add a valid call to tests/fuzz_calls.py VALID (or a reasoned SKIPPED entry): {missing}"
    stale = sorted((set(fuzz_calls.VALID) | set(fuzz_calls.SKIPPED)) - set(CALLABLES))
    assert not stale, f"no such public callable any more: {stale}"
    assert not set(fuzz_calls.VALID) & set(fuzz_calls.SKIPPED)
    assert all(len(reason) > 20 for reason in [*fuzz_calls.SKIPPED.values(), *fuzz_calls.NOT_FUZZED.values()])


def test_the_inventory_finds_functions_methods_and_simulators():
    for name in ("coursekit.value.lifetime_value", "coursekit.setup", "coursekit.charts.value.referral_cost_chart",
                 "coursekit.repeat_buying.BGNBD.probability_alive", "coursekit.sims.value.clv_simulator"):
        assert name in CALLABLES
    assert not any(part.startswith("_") for name in CALLABLES for part in name.split("."))


@pytest.mark.parametrize("name", sorted(fuzz_calls.VALID))
def test_each_valid_call_works_and_is_finite(name):
    valid = fuzz_calls.VALID[name]()
    assert list(valid) == [p.name for p in parameters_of(name)], f"{name}: give every argument, in order"
    result = call(name, valid)
    assert not problems(result, fuzz_calls.TOLERATED_NAN.get(name, frozenset())), name


def test_the_property_catches_what_it_should():
    # a result with NaN, a figure showing "nan", an error naming another argument
    assert problems(pd.DataFrame({"x": [1.0, np.nan]}))
    fig = Figure()
    fig.text(0, 0, "nan%")
    assert figure_problems(fig, "fig")
    err = CourseInputError("errors.range", name="margin", value=1, allowed="[0, 1]")
    assert names(err, "margin", 1) and not names(err, "retention", 1) and not names(err, "in", 1)
    assert not same(pd.DataFrame({"x": [1.0]}), pd.DataFrame({"x": [2.0]}))
    table = fuzz_calls.people()
    assert Missing(1, 0).apply(table)["customer_type"].isna().tolist() == [True, False, False]
    assert len(DuplicateRow(0).apply(table)) == 4 and DropColumn(0).apply(table).shape[1] == 8
    assert TableAs("tz").apply(table)["join_date"].dt.tz is not None


@pytest.mark.parametrize("name, argument", marked(OTHERS + SIMULATORS, "fixed"))
def test_fixed_hostile_values(name, argument):
    valid = fuzz_calls.VALID[name]()[argument]
    for recipe in fixed_recipes(valid):
        check(name, argument, recipe)


# No explain phase: it reruns every failing example to list lines, minutes for the marked bugs.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink)


@pytest.mark.parametrize("name, argument", marked(OTHERS, "generated"))
@settings(derandomize=True, deadline=None, max_examples=10, phases=PHASES, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_hostile_values(name, argument, data):
    recipe = data.draw(generated_recipes(fuzz_calls.VALID[name]()[argument]), label="hostile")
    check(name, argument, recipe)


@pytest.mark.parametrize("name, argument", marked(SIMULATORS, "generated"))
@settings(derandomize=True, deadline=None, max_examples=3, phases=PHASES, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_hostile_simulator_arguments(name, argument, data):
    recipe = data.draw(generated_recipes(fuzz_calls.VALID[name]()[argument]), label="hostile")
    check(name, argument, recipe)


# ---------------------------------------------------------------- regression examples: the cases that found bugs
# Each raised a raw exception (or gave NaN, inf, a silently dropped row, a count twice) before it was fixed.

F = fuzz_calls


def _with(table, column, row, value):
    """``table`` with one cell replaced (its column as object, so a text or blank fits)."""
    table = table.copy()
    table[column] = table[column].astype(object)
    table.loc[table.index[row], column] = value
    return table


def _twice(table):
    return pd.concat([table, table.head(1)])


REFUSED = [  # (what, call, the argument the error must name)
    # errors
    ("a whole number beyond any float", lambda: value.margin_multiple(10**400, 0.1),
     "retention"),
    ("a complex number", lambda: value.margin_multiple(1j, 0.1), "retention"),
    ("a ragged list as one number", lambda: value.cumulative_value([[1, 2], [3]], 0.8, 0.1, 3),
     "margin"),
    ("a list as a choice", lambda: value.lifetime_value(100, 0.8, 0.1, timing=["end"]),
     "timing"),
    ("an array as a choice", lambda: charts.value.scissors_gap_chart(np.array([1, 2])),
     "lifetime_service"),
    ("a list as a column name", lambda: segments.rfm(F.orders(), customer=["customer_id"]),
     "customer_id"),
    ("numbers in a date column", lambda: segments.rfm(_with(F.orders(), "date", 0, 1.5)),
     "date"),
    ("text and numbers mixed in the ids", lambda: segments.purchase_summary(
        _with(F.orders(), "customer_id", 0, 7)), "customer_id"),
    # repeated ids
    ("a repeated case", lambda: complaints.cases_by_channel(_twice(F.cases())), "case_id"),
    ("a repeated call", lambda: customer_base.calls_by_hour(_twice(F.calls())), "call_id"),
    ("a repeated customer", lambda: customer_base.customer_mix(_twice(F.people())),
     "customer_id"),
    ("a repeated respondent", lambda: value.satisfaction_payoff(_twice(F.survey())),
     "respondent_id"),
    ("a repeated order", lambda: segments.margin_histories(_twice(F.orders()), "a"),
     "transaction_id"),
    ("a repeated customer in the tiers", lambda: segments.tier_economics(_twice(F.tiers())),
     "customer_id"),
    # blank and text cells
    ("a blank abandoned flag", lambda: complaints.satisfaction_by_wait(
        _with(F.calls(), "abandoned", 0, None)), "calls"),
    ("text hours", lambda: complaints.repurchase_by_handling(
        _with(F.cases(), "response_hours", 1, "x")), "cases"),
    ("a text cost", lambda: value.referral_cost(_with(F.people(), "acquisition_cost", 1, "x")),
     "customers"),
    ("a blank customer type", lambda: value.referral_cost(
        _with(F.people(), "customer_type", 0, None)), "customers"),
    ("a blank type while choosing one", lambda: retention.acquisition_cost_by_channel(
        _with(F.people(), "customer_type", 0, None)), "customers"),
    ("a blank customer id", lambda: segments.margin_histories(
        _with(F.orders(), "customer_id", 0, None), "c"), "transactions"),
    ("a blank preferred contact", lambda: retention.at_risk_customers(
        F.orders(), F.cases(), _with(F.people(), "preferred_contact", 1, None)), "customers"),
    ("a customer missing from customers", lambda: retention.first_and_repeat_revenue(
        F.orders(), F.people().iloc[:2]), "transactions"),
    ("a half satisfaction level", lambda: value.satisfaction_payoff(
        _with(F.survey(), "overall_satisfaction", 0, 6.5)), "overall_satisfaction"),
    ("-inf gross margin", lambda: segments.customer_value_table(
        F.people(), _with(F.orders(), "gross_margin", 0, -np.inf)), "gross_margin"),
    ("profits adding up to 0", lambda: segments.tier_economics(
        F.tiers().assign(profit=[1.0, -1.0, 0.0, 0.0, 0.0])), "profit"),
    # numbers that overflowed or broke a shape
    ("a tiny yuan per point", lambda: customer_base.price_rating([2800, 2600], 5e-324),
     "yuan_per_point"),
    ("a list of tolerances", lambda: complaints.satisfaction([7, 7], [8, 5], []), "tolerance"),
    ("a tiny gap width", lambda: complaints.satisfaction_by_gap([0.1], [4], width=5e-324),
     "width"),
    ("an infinite rating", lambda: complaints.satisfaction_by_gap([0.1], [np.inf]),
     "satisfaction"),
    ("promised above the scale", lambda: complaints.overpromise(9, 6, scale=1), "scale"),
    ("a tiny retention", lambda: retention.retention_profit_lift(5e-324), "retention"),
    ("a tiny cost ratio", lambda: retention.cost_per_retention_point_from_ratio(
        1000, 200, 5e-324), "ratio"),
    ("a tiny cost per new customer", lambda: retention.acquisition_vs_retention(
        2000, 0.5, 5e-324, 400, 1000, 0.8, 100), "cost_per_new_customer"),
    ("no horizons", lambda: retention.profit_lift_curves([]), "horizons"),
    ("nested retentions", lambda: retention.cohorts([[0.8], [0.5]]), "retentions"),
    ("no tops", lambda: segments.pareto_table([1, 2], tops=[]), "tops"),
    ("a list as a tier share", lambda: segments.pyramid_model(F.value_table(), [], 0.2, 0.4),
     "platinum"),
    ("a tier share adding nothing", lambda: segments.pyramid_model(
        F.value_table(), 0.1, 5e-324, 0.4), "gold"),
    ("a list inside the customer ids", lambda: segments.margin_histories(
        F.orders(), [["a"]]), "customer_ids"),
    ("a ragged pair of prices", lambda: customer_base.tv_choice(prices=[[1, 2], [3]]),
     "prices"),
    ("changes that are no dict", lambda: customer_base.tv_choice(ratings_a=float("nan")),
     "ratings_a"),
    # charts
    ("a text table of shares", lambda: charts.customers.expectation_spread_chart("text"),
     "table"),
    ("a repeated attribute", lambda: charts.customers.expectation_spread_chart(
        _twice(F._chart_table("spread"))), "table"),
    ("text points", lambda: charts.customers.tv_choice_chart(
        _with(F._chart_table("scores"), "points_a", 1, "x")), "points_a"),
    ("NaN prices", lambda: charts.customers.tv_choice_chart(
        F._chart_table("scores"), prices=(np.nan, 2600)), "prices"),
    ("a text share", lambda: charts.customers.customer_mix_chart(
        _with(F._chart_table("mix"), "customer_share", 0, "x")), "customer_share"),
    ("a text cohort", lambda: charts.retention.cohort_decay_chart(
        F._chart_table("cohorts").astype(str)), "table"),
    ("a blank profit share", lambda: charts.value.customer_pyramid_chart(
        _with(F._chart_table("economics"), "profit_share", 0, np.nan)), "profit_share"),
    ("an unknown resolution", lambda: charts.complaints.repurchase_by_handling_chart(
        _with(F._chart_table("handling"), "resolution", 0, "x")), "resolution"),
    ("a blank year", lambda: charts.retention.lapse_by_outcome_chart(
        _with(F._chart_table("lapse"), "buy_year", 0, np.nan)), "buy_year"),
    ("a blank agent", lambda: charts.complaints.wait_and_satisfaction_chart(
        _with(F._chart_table("waits"), "agent", 0, np.nan)), "agent"),
    ("a blank gap label", lambda: charts.complaints.satisfaction_by_gap_chart(
        _with(F._chart_table("gap"), "label", 0, None)), "label"),
    ("a repeated year and group", lambda: charts.retention.retention_by_group_chart(
        _twice(F._chart_table("by_group"))), "table"),
    ("a text date", lambda: charts.value.customer_histories_chart(
        _with(F._chart_table("histories"), "date", 1, "x")), "date"),
    ("a number as an industry", lambda: charts.retention.reichheld_sasser_chart({3: 0.5}),
     "lifts"),
    # display, i18n, exercises, profile, guide, data
    ("a number as a label", lambda: display.result(1.0, float("nan")), "label"),
    ("an item that is no tuple", lambda: display.results(float("nan")), "items"),
    ("an unknown language", lambda: display.localize(F.people(), lang=np.array([1])),
     "lang"),
    ("fields that are no list", lambda: profile.check_fields(float("nan")), "fields"),
    ("an unknown field", lambda: profile.check_fields(["name", True]), "fields"),
    ("values that are no dict", lambda: profile.validate(["name"], None), "values"),
    ("rows that are no list", lambda: profile.as_table(1.0, ["name"]), "rows"),
    ("a table that is no table", lambda: profile.csv_download_link(1.0), "table"),
    ("a file name that is no text", lambda: profile.csv_download_link(
        pd.DataFrame({"a": [1]}), filename=1.0), "filename"),
    ("a sample that is no text", lambda: guide.font_covers(1.0), "sample"),
    ("a NaN rate", lambda: guide.survivors_after(float("nan")), "rate"),
    ("fractional years", lambda: guide.demo_chart(0.8, 2.5), "years"),
    ("a number as the required columns", lambda: data.read_customer_csv(
        F.csv_file(), required=1.0), "required"),
    ("an empty path", lambda: data.read_customer_csv(""), "path"),
    ("a missing file", lambda: data.read_customer_csv("no-such-file.csv"), "path"),
]


@pytest.mark.parametrize("call, argument", [pytest.param(c, a, id=w) for w, c, a in REFUSED])
def test_found_by_fuzzing_refused_naming_the_argument(call, argument):
    with pytest.raises(CourseInputError) as err:
        call()
    assert argument in err.value.bilingual()


@pytest.mark.parametrize("call, argument", [
    pytest.param(lambda: i18n.text("guide.demo_year", lang=np.array(["zh", "en"]), n=1),
                 "lang", id="an array as the language"),
    pytest.param(lambda: i18n.catalog(["common"]), "name", id="a list as a catalog"),
    pytest.param(lambda: i18n.text("nosuch.entry"), "nosuch.entry",
                 id="a key of no catalog names the key"),
])
def test_found_by_fuzzing_the_message_engine_names_the_argument(call, argument):
    with pytest.raises(LocalizedError) as err:
        call()
    assert argument in err.value.bilingual()


def test_found_by_fuzzing_answers_beyond_any_float_are_not_results():
    assert exercises.check("lesson2.clv_one_customer", 10**400).correct is False
    assert exercises.check("lesson2.clv_one_customer", 1e308).correct is False  # no overflow warning


def test_found_by_fuzzing_a_pyramid_tier_without_customers_is_drawn_without_nan():
    economics = segments.tier_economics(F.tiers().query("tier != 'iron'"))
    fig = charts.value.customer_pyramid_chart(economics)
    assert not figure_problems(fig, "fig")
