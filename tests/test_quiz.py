"""Self-check questions: checking answers, the widget flow, and every question bank."""

from importlib import import_module
from pkgutil import iter_modules

import pytest

import coursekit
from coursekit import quiz, quizbank
from coursekit.i18n import LANGUAGES

NUMBER = quiz.Number(
    prompt={"zh": "毛利倍数？", "en": "Margin multiple?"},
    answer=2.5,
    hint={"zh": "r / (1 + i − r)", "en": "r / (1 + i − r)"},
    explanation={"zh": "0.8 / 0.32 = 2.5", "en": "0.8 / 0.32 = 2.5"},
)
CHOICE = quiz.Choice(
    prompt={"zh": "哪个对？", "en": "Which is right?"},
    options=[{"zh": "甲", "en": "A"}, {"zh": "乙", "en": "B"}],
    correct=1,
    hint={"zh": "想一想", "en": "think"},
    explanations=[{"zh": "甲不对", "en": "A is wrong"}, {"zh": "乙对", "en": "B is right"}],
)


@pytest.mark.parametrize(
    "response, correct", [("2.5", True), ("2.52", True), ("２.５", True), ("2.6", False), ("", False), ("x", False)]
)
def test_number_answers_are_checked_with_tolerance(response, correct):
    coursekit.setup()
    assert quiz.check(NUMBER, response)[0] is correct


def test_a_non_number_gets_a_format_hint_not_the_answer():
    coursekit.setup()
    ok, message = quiz.check(NUMBER, "two and a half")
    assert not ok and "2.5" not in message


def test_every_choice_is_explained():
    coursekit.setup()
    assert quiz.check(CHOICE, 1) == (True, "✔ 正确！ 乙对")
    assert quiz.check(CHOICE, 0) == (False, "✘ 还不对。 甲不对")
    assert quiz.check(CHOICE, None)[0] is False


def test_widget_gives_hint_first_and_answer_only_after_tries():
    coursekit.setup()
    form = quiz.widget(NUMBER)
    _, entry, buttons, feedback = form.children
    hint, check, show = buttons.children
    hint.click()
    assert "r / (1 + i − r)" in feedback.value
    assert show.layout.display == "none"
    entry.value = ""
    check.click()  # an empty answer is not a try: no answer button yet
    assert show.layout.display == "none"
    entry.value = "3"
    check.click()
    assert "✘" in feedback.value and "2.5" not in feedback.value and show.layout.display == ""
    check.click()
    assert "2.5" in feedback.value  # after two tries the answer is shown
    entry.value = "2.5"
    check.click()
    assert "✔" in feedback.value


BANKS = [m.name for m in iter_modules(quizbank.__path__)]


@pytest.mark.parametrize("bank", BANKS)
def test_question_banks_are_complete_in_both_languages(bank):
    questions = import_module(f"coursekit.quizbank.{bank}").questions()
    assert len(questions) >= 3
    for q in questions:
        texts = [q.prompt, q.hint] + ([q.explanation] if isinstance(q, quiz.Number) else [*q.options, *q.explanations])
        for entry in texts:
            assert set(entry) == set(LANGUAGES) and all(entry.values()), entry
        if isinstance(q, quiz.Choice):
            assert 0 <= q.correct < len(q.options) and len(q.explanations) == len(q.options)
        else:
            assert isinstance(q.answer, float) and q.tolerance > 0


def test_lesson_without_questions_is_a_clear_error():
    with pytest.raises(coursekit.CourseInputError, match="lesson"):
        quiz.questions(9)
