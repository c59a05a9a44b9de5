"""The hands-on exercises (coursekit.exercises): every reference answer passes its own check,
every listed mistake gets its own hint, and equivalent forms of a right answer count."""

import pkgutil
from importlib import import_module

import numpy as np
import pandas as pd
import pytest

import coursekit
from coursekit import exercisebank, exercises
from coursekit.errors import CourseInputError
from coursekit.exercises import Exercise, Mistake, check, evaluate


def every_exercise():
    for module in pkgutil.iter_modules(exercisebank.__path__):
        bank = import_module(f"coursekit.exercisebank.{module.name}").exercises()
        for name in bank:
            yield f"{module.name}.{name}"


KEYS = list(every_exercise())


def test_there_are_exercises():
    assert KEYS


@pytest.mark.parametrize("key", KEYS)
def test_the_reference_answer_passes_its_check(key):
    assert exercises.solution_works(key)


@pytest.mark.parametrize("key", KEYS)
def test_every_mistake_gets_its_own_hint(key):
    exercise = exercises.exercise(key)
    for number, mistake in enumerate(exercise.mistakes):
        feedback = evaluate(exercise, mistake.wrong())
        assert feedback.correct is False and feedback.mistake == number, (key, number)
        assert mistake.hint[coursekit.i18n.get_language()] in feedback.message


@pytest.mark.parametrize("key", KEYS)
def test_each_exercise_names_its_result_and_hints_in_both_languages(key):
    exercise = exercises.exercise(key)
    for entry in (exercise.what, exercise.hint, *(m.hint for m in exercise.mistakes)):
        assert set(entry) == {"zh", "en"} and all(entry.values())


@pytest.mark.parametrize("key", KEYS)
def test_not_answered_yet_is_a_reminder_not_an_error(key):
    feedback = check(key, ...)
    assert feedback.correct is None and "..." in feedback.message


SHARE = Exercise(
    answer=lambda: pd.Series({"b": 0.25, "a": 0.75}),
    what={"zh": "占比", "en": "share"},
    hint={"zh": "份额 = 部分 / 总数", "en": "share = part / total"},
    mistakes=[Mistake(wrong=lambda: pd.Series({"a": 75.0, "b": 25.0}) * 4, hint={"zh": "乘错了", "en": "times 4"})],
    decimals=2,
)


def test_equivalent_forms_of_a_right_answer_count():
    for answer in (
        pd.Series({"a": 0.75, "b": 0.25}),  # rows in another order
        pd.DataFrame({"share": [0.75, 0.25]}, index=["a", "b"]),  # a one-column table
        pd.Series({"a": 0.751, "b": 0.249}),  # rounded to the two decimals asked for
    ):
        assert evaluate(SHARE, answer).correct is True


def test_percent_for_share_and_wrong_rows_get_their_own_hints():
    assert "除以 100" in evaluate(SHARE, pd.Series({"a": 75.0, "b": 25.0})).message
    assert evaluate(SHARE, pd.Series({"a": 300.0, "b": 100.0})).mistake == 0
    rows = evaluate(SHARE, pd.Series({"x": 0.75, "y": 0.25})).message
    assert "索引" in rows
    assert "2" in evaluate(SHARE, pd.Series({"a": 0.75})).message  # wrong size names the expected count


@pytest.mark.parametrize("bad", ["0.75", None, True, {"a": 1}, pd.Series(["x", "y"]), np.ones((2, 2))])
def test_an_answer_that_is_no_number_is_named_not_raised(bad):
    feedback = evaluate(SHARE, bad)
    assert feedback.correct is False and "数值" in feedback.message


def test_feedback_is_escaped_in_html():
    feedback = evaluate(SHARE, "<script>alert(1)</script>")
    assert "<script>" not in feedback._repr_html_() and "&lt;script&gt;" in feedback._repr_html_()


def test_feedback_follows_the_language():
    coursekit.setup(lang="en")
    try:
        assert evaluate(SHARE, pd.Series({"a": 0.75, "b": 0.25})).message.startswith("✔ Correct")
    finally:
        coursekit.setup()


@pytest.mark.parametrize("key", ["lesson2", "lesson2.no_such_exercise", "lesson77.x", "x.y", 3])
def test_an_unknown_exercise_is_refused_clearly(key):
    with pytest.raises(CourseInputError, match="key"):
        check(key, 1)


LONG_HINT = "先按客户类型分组，再求平均；" * 30  # 420 characters, cut to 300 below
SCORE = Exercise(
    answer=lambda: 2.5234,
    what={"zh": "总分（分）", "en": "score (points)"},
    hint={"zh": (LONG_HINT * 2)[:300], "en": ("divide by the sum of the weights; " * 10)[:300]},
    mistakes=[Mistake(wrong=lambda: 7.0, hint={"zh": (LONG_HINT * 2)[-300:], "en": "x" * 300})],
    decimals=2,
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hints_are_shown_whole_however_long(lang):
    coursekit.setup(lang=lang)
    try:
        general, mistake = evaluate(SCORE, 1.0), evaluate(SCORE, 7.0)
        assert len(SCORE.hint[lang]) == 300 and SCORE.hint[lang] in general.message
        assert SCORE.mistakes[0].hint[lang] in mistake.message and mistake.mistake == 0
        assert "…" not in general.message + mistake.message
    finally:
        coursekit.setup()


def test_an_answer_rounded_too_far_is_told_to_keep_the_decimals_asked_for():
    for answer, places in ((2.5, 1), (3, 0), (3.0, 0)):
        message = evaluate(SCORE, answer).message
        assert "太粗" in message and "保留 2 位小数" in message and f"只保留了 {places} 位" in message
    assert evaluate(SCORE, 2.52).correct is True  # the decimals asked for
    assert "太粗" not in evaluate(SCORE, 2.6).message  # not a rounding of 2.5234: the general hint
    assert "太粗" in evaluate(SHARE, pd.Series({"a": 0.8, "b": 0.2})).message  # a Series rounded to 1 place
    assert "太粗" not in evaluate(SHARE, pd.Series({"x": 0.8, "y": 0.2})).message  # other rows: not a rounding
    coursekit.setup(lang="en")
    try:
        assert "keep 2 decimal place(s)" in evaluate(SCORE, 2.5).message
    finally:
        coursekit.setup()


def test_a_bank_with_a_broken_import_says_so_instead_of_not_knowing_the_exercise(monkeypatch):
    def broken(name):
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    with pytest.raises(CourseInputError):
        exercises.exercise("lesson98.anything")
    monkeypatch.setattr(exercises, "import_module", broken)
    exercises._bank.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError, match="scipy"):
            exercises.exercise("lesson2.clv_one_customer")
    finally:
        exercises._bank.cache_clear()
