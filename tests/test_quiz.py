"""Self-check questions: checking answers, the widget flow, and every question bank."""

from importlib import import_module
from pkgutil import iter_modules

import pytest

import coursekit
from coursekit import quiz, quizbank
from coursekit.errors import CourseInputError
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


def test_widget_gives_hint_first_and_answer_only_after_two_wrong_tries():
    coursekit.setup()
    form = quiz.widget(NUMBER)
    _, entry, buttons, feedback = form.children
    hint, check = buttons.children  # no "show answer" button: the answer comes after two tries
    hint.click()
    assert "r / (1 + i − r)" in feedback.value
    entry.value = ""
    check.click()  # an empty answer is not a try
    entry.value = "3"
    check.click()
    assert "✘" in feedback.value and "2.5" not in feedback.value and "两次" in feedback.value
    check.click()
    assert "2.5" in feedback.value  # after two wrong tries the answer is shown
    entry.value = "2.5"
    check.click()
    assert "✔" in feedback.value


def test_a_number_asked_to_two_decimals_is_shown_and_accepted_so():
    coursekit.setup()
    q = quiz.Number(
        prompt=NUMBER.prompt,
        answer=0.9 / 0.22,
        hint=NUMBER.hint,
        explanation=NUMBER.explanation,
        tolerance=1e-6,
        decimals=2,
    )
    assert "4.09" in quiz.answer_text(q) and "4.091" not in quiz.answer_text(q)
    assert quiz.check(q, "4.09")[0] and not quiz.check(q, "4.1")[0]


def test_a_share_typed_for_a_percentage_gets_a_hint_about_the_unit():
    coursekit.setup()
    q = quiz.Number(
        prompt=NUMBER.prompt, answer=78.6, hint=NUMBER.hint, explanation=NUMBER.explanation, decimals=1, unit="percent"
    )
    ok, message = quiz.check(q, "0.786")
    assert not ok and "百分数" in message and "78.6" in message
    assert quiz.check(q, "78.6%")[0]


@pytest.mark.parametrize("typed, value", [("−5", -5.0), ("3,75", None), ("1,234", 1234.0), ("1,2345", None)])
def test_typed_numbers(typed, value):
    assert quiz.parse_number(typed) == value


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


DECIMALS_ASKED = {"整数": 0, "一位小数": 1, "两位小数": 2, "三位小数": 3}
PERCENT_ASKED = ("百分数", "百分之几", "表示 50%")


def asked(prompt):
    """(decimals, percent?) that a Chinese prompt asks for in words."""
    decimals = next((n for words, n in DECIMALS_ASKED.items() if f"保留{words}" in prompt), None)
    return decimals, any(words in prompt for words in PERCENT_ASKED)


def test_asked_reads_the_prompts_words():
    assert asked("5 年后一共流失了百分之几？（填百分数，保留一位小数）") == (1, True)
    assert asked("利润乘数是多少？保留两位小数。") == (2, False)
    assert asked("能留住多少位？") == (None, False)


@pytest.mark.parametrize("bank", BANKS)
def test_a_number_question_is_checked_as_its_prompt_says(bank):
    """A prompt that asks for two decimals has decimals=2 (the answer is shown as 4.09, not 4.091);
    one that asks for a percentage has unit="percent" (0.786 typed for 78.6 gets the unit hint)."""
    lesson = int(bank.removeprefix("lesson"))
    for n, question in enumerate(quiz.questions(lesson), start=1):
        if isinstance(question, quiz.Number):
            decimals, percent = asked(question.prompt["zh"])
            assert question.decimals == decimals, f"{bank} question {n}: the prompt asks for {decimals} decimals"
            assert (question.unit == "percent") == percent, f"{bank} question {n}: percent in the prompt and unit"


def test_a_bank_with_a_broken_import_says_so_instead_of_having_no_questions(monkeypatch):
    def broken(name):
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    with pytest.raises(CourseInputError):
        quiz.questions(98)  # no bank at all: the friendly refusal
    monkeypatch.setattr(quiz, "import_module", broken)
    quiz._bank.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError, match="scipy"):
            quiz.questions(3)
    finally:
        quiz._bank.cache_clear()
