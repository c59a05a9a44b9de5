"""Hands-on exercises (动手练) with feedback that names the mistake, offline.

A student writes the code; the last line of the exercise cell hands the result to
:func:`check`::

    clv = ...                                   # the student's calculation
    exercises.check("lesson2.clv_one_customer", clv)

The exercises are data, one bank per lesson (``coursekit/exercisebank/lessonN.py``):
each has a reference answer computed by coursekit (never typed in), and the common
mistakes, each with the wrong answer it produces (also computed) and a hint that says
what went wrong. The feedback is one of:

- ✔ correct (equivalent forms count: a number rounded to the decimals asked for, a
  Series or a one-column table, rows in any order);
- ✘ a specific hint, when the answer equals what a listed mistake gives
  (forgot to discount, used revenue instead of margin, ...), or when a share was
  typed as a percentage (80 for 0.8) or the other way round;
- ✘ "rounded too far" when the answer is the reference rounded to fewer decimals than asked
  (2.5 for 2.52);
- ✘ the exercise's general hint otherwise (hints are shown whole, however long);
- "not answered yet" while the cell still holds ``...``.

>>> ex = Exercise(answer=lambda: 250.0, what={"zh": "终身价值（元）", "en": "Lifetime value (yuan)"},
...               hint={"zh": "利润 × 利润乘数", "en": "margin × margin multiple"},
...               mistakes=[Mistake(wrong=lambda: 400.0, hint={"zh": "忘了折现", "en": "not discounted"})])
>>> evaluate(ex, 250.004).correct, evaluate(ex, 400).mistake, evaluate(ex, 1).correct
(True, 0, False)
"""

import html
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import import_module

import numpy as np

from coursekit import style
from coursekit.errors import CourseInputError
from coursekit.i18n import Whole, get_language, text

NOT_ANSWERED = Ellipsis  # what an exercise cell holds until the student writes their code


@dataclass(frozen=True)
class Mistake:
    """A common mistake: ``wrong()`` computes the answer it leads to; ``hint`` says what went
    wrong, in both languages ({"zh": ..., "en": ...}).

    Parameters:
        wrong: a function of no arguments that computes the answer the mistake leads to (the same kinds of
            result as :class:`Exercise` ``answer``).
        hint: what went wrong, a dict ``{"zh": ..., "en": ...}``.
    """

    wrong: object
    hint: dict


@dataclass(frozen=True)
class Exercise:
    """One exercise: ``answer()`` computes the reference answer (a number, a pandas Series or
    a DataFrame); ``what`` names the result (with its unit); ``hint`` helps when the answer is
    wrong in no listed way. ``decimals``: the rounding the task asks for (an answer rounded to
    it counts as right); ``tolerance``: relative slack for numbers (default 0.1 %).

    Parameters:
        answer: a function of no arguments that computes the reference answer: a number, a 1-D list or array
            of numbers, a numeric pandas Series or a one-column DataFrame.
        what: the result's name with its unit, a dict ``{"zh": ..., "en": ...}``.
        hint: the hint for a wrong answer that matches no listed mistake, a dict ``{"zh": ..., "en": ...}``.
        mistakes: a list of :class:`Mistake`, each with its own hint.
        decimals: None, or the decimal places the task asks for, a whole number ≥ 0.
        tolerance: relative slack for numbers, ≥ 0 (0.001 = 0.1 %).
    """

    answer: object
    what: dict
    hint: dict
    mistakes: list = field(default_factory=list)
    decimals: int | None = None
    tolerance: float = 0.001


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``correct`` (True/False/None = not answered), the index of
    the ``mistake`` recognised (or None), and ``message`` in the current language.

    Parameters:
        correct: True (right), False (wrong) or None (not answered yet).
        message: the feedback in the current language.
        mistake: the index of the recognised mistake in the exercise's ``mistakes``, or None.
    """

    correct: bool | None
    message: str
    mistake: int | None = None

    def _repr_html_(self):
        colour = {True: style.RIGHT_TEXT, False: style.WRONG_TEXT, None: style.NOTE_TEXT}[self.correct]
        return f'<div style="color:{colour}">{html.escape(self.message)}</div>'

    def __repr__(self):
        return self.message


def _lang(entry):
    return entry[get_language()]


def _hint(entry):
    """A hint in the current language, shown whole (a message cuts long values, never a hint)."""
    return Whole(entry[get_language()])


def _values(answer):
    """An answer as (index or None, float array): numbers, lists, Series and tables alike."""
    import pandas as pd

    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 1:
            return None
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        if not (pd.api.types.is_numeric_dtype(answer) and not pd.api.types.is_bool_dtype(answer)):
            return None
        answer = answer.sort_index()
        return list(answer.index), answer.to_numpy(dtype=float)
    if isinstance(answer, (bool, np.bool_, str, bytes)) or answer is None:
        return None
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError, OverflowError):  # OverflowError: a whole number beyond any float, 10**400
        return None
    if values.ndim > 1:
        return None
    return None, np.atleast_1d(values)


def _close(got, expected, exercise):
    """True when ``got`` equals ``expected`` (as given by :func:`_values`) within the rounding
    the exercise asks for, or its relative tolerance."""
    if got is None or expected is None:
        return False
    (index, values), (want_index, want) = got, expected
    if values.shape != want.shape or not np.isfinite(values).all():
        return False
    if index is not None and want_index is not None and [str(i) for i in index] != [str(i) for i in want_index]:
        return False
    slack = np.maximum(np.abs(want) * exercise.tolerance, 1e-9)
    if exercise.decimals is not None:
        slack = np.maximum(slack, 0.5 * 10.0**-exercise.decimals + 1e-12)
    return bool(np.all(np.abs(values - want) <= slack))


def evaluate(exercise, answer):
    """The :class:`Feedback` on ``answer`` for ``exercise`` (see the module's docstring).

    Parameters:
        exercise: an :class:`Exercise`.
        answer: the student's answer: a number, a 1-D list or array of numbers, a numeric pandas Series, a
            one-column DataFrame, or ``...`` (not done yet); anything else (text, True/False, None, a wider
            table) gets a "not a result" message.
    """
    what = _lang(exercise.what)
    if answer is NOT_ANSWERED:
        return Feedback(None, text("exercises.not_answered", what=what))
    expected = _values(exercise.answer())
    got = _values(answer)
    if got is None:
        return Feedback(False, text("exercises.not_a_result", what=what, got=_shown(answer)))
    if _close(got, expected, exercise):
        return Feedback(True, text("exercises.correct", what=what))
    for number, mistake in enumerate(exercise.mistakes):
        if _close(got, _values(mistake.wrong()), exercise):
            return Feedback(False, text("exercises.mistake", hint=_hint(mistake.hint)), number)
    places = _too_coarse(got, expected, exercise)
    if places is not None:
        return Feedback(False, text("exercises.too_coarse", decimals=exercise.decimals, places=places))
    if got[1].shape != expected[1].shape:
        return Feedback(False, text("exercises.wrong_size", n=expected[1].size, got=got[1].size))
    for factor, key in ((100.0, "exercises.percent_not_share"), (0.01, "exercises.share_not_percent")):
        with np.errstate(over="ignore"):  # 1e308 / 0.01 is inf, which is close to no answer
            scaled = (got[0], got[1] / factor)
        if _close(scaled, expected, exercise):
            return Feedback(False, text(key))
    if got[0] is not None and expected[0] is not None and len(got[0]) == len(expected[0]):
        if [str(i) for i in got[0]] != [str(i) for i in expected[0]]:
            return Feedback(False, text("exercises.wrong_rows"))
    return Feedback(False, text("exercises.wrong", hint=_hint(exercise.hint)))


def _too_coarse(got, expected, exercise):
    """The decimal places (fewer than the exercise asks for) to which ``got`` is the reference
    answer rounded, or None: 2.5 for 2.52 when two decimals are asked for gives 1."""
    if exercise.decimals is None or expected is None:
        return None
    exact = replace(exercise, decimals=None, tolerance=1e-9)
    want_index, want = expected
    for places in range(exercise.decimals - 1, -1, -1):
        scale = 10.0**places
        for rounded in (np.round(want, places), np.floor(want * scale + 0.5) / scale):  # numpy's and "half up"
            if _close(got, (want_index, rounded), exact):
                return places
    return None


def _shown(answer):
    shown = repr(answer)
    return shown if len(shown) <= 60 else shown[:59] + "…"


@cache
def _bank(lesson):
    """The exercises of ``coursekit/exercisebank/lesson<lesson>.py``, built once."""
    return import_module(f"coursekit.exercisebank.lesson{lesson}").exercises()


def exercise(key):
    """The exercise ``key``, written "lesson<N>.<name>" (e.g. "lesson2.clv_one_customer").

    Parameters:
        key: ``"lesson<N>.<name>"`` of an exercise in ``coursekit/exercisebank/lesson<N>.py``, e.g.
            ``"lesson2.clv_one_customer"``.
    """
    bank, _, name = str(key).partition(".")
    lesson = bank.removeprefix("lesson")
    if not lesson.isdigit() or not name:
        raise CourseInputError("exercises.unknown", name="key", value=key)
    try:
        exercises = _bank(int(lesson))
    except ModuleNotFoundError as missing:
        if missing.name != f"coursekit.exercisebank.lesson{int(lesson)}":
            raise  # the bank exists but something it imports is broken: show that, not "no bank"
        raise CourseInputError("exercises.unknown", name="key", value=key) from None
    if name not in exercises:
        raise CourseInputError("exercises.unknown", name="key", value=key)
    return exercises[name]


def check(key, answer):
    """Feedback on a student's ``answer`` to exercise ``key``: make it the cell's last line.
    ``...`` (the exercise not done yet) gets a reminder, not an error, so a lesson runs
    from top to bottom before the student has written anything.

    Parameters:
        key: the exercise, ``"lesson<N>.<name>"`` (see :func:`exercise`).
        answer: the student's answer, as in :func:`evaluate`.
    """
    return evaluate(exercise(key), answer)


def solution_works(key):
    """True when the reference answer of ``key`` passes its own check (for the tests).

    Parameters:
        key: the exercise, ``"lesson<N>.<name>"`` (see :func:`exercise`).
    """
    ex = exercise(key)
    return evaluate(ex, ex.answer()).correct is True
