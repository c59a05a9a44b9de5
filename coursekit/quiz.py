"""Self-check questions (自测题) with immediate feedback, offline.

Two kinds of question, written as data in ``coursekit/quizbank/lessonN.py``:

- :class:`Number`: type a number; checked with a tolerance. The correct answer
  is computed by a coursekit function in the bank, never typed in by hand.
- :class:`Choice`: pick one option; every option has its own explanation, so a
  wrong pick teaches why it is wrong.

The hint is always available; the answer is shown only after two tries (or on
request after a first try), so self-study students work before they look.

>>> q = Number(prompt={"zh": "2 + 2 = ?", "en": "2 + 2 = ?"}, answer=4.0,
...            hint={"zh": "数一数", "en": "count"}, explanation={"zh": "2 + 2 = 4", "en": "2 + 2 = 4"})
>>> check(q, "4.01")[0], check(q, "5")[0]
(True, False)
"""

import math
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from coursekit.errors import CourseInputError, check_int
from coursekit.i18n import get_language, text


@dataclass(frozen=True)
class Number:
    prompt: dict
    answer: float
    hint: dict
    explanation: dict
    tolerance: float = 0.01  # relative: 1 % of the answer (absolute 0.01 when the answer is 0)


@dataclass(frozen=True)
class Choice:
    prompt: dict
    options: list
    correct: int
    hint: dict
    explanations: list = field(default_factory=list)  # one per option


def _lang(entry):
    return entry[get_language()]


def parse_number(response):
    """A student's typed number as a float, or None: accepts '1,234.5', '25%', full-width digits.

    >>> parse_number(" １２,３４５.５ "), parse_number("25%"), parse_number("abc")
    (12345.5, 25.0, None)
    """
    cleaned = unicodedata.normalize("NFKC", str(response)).strip().replace(",", "").rstrip("%").strip()
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def check(question, response):
    """``(correct, feedback)`` for a response: the typed text of a Number question,
    or the index of the chosen option of a Choice question."""
    if isinstance(question, Number):
        value = parse_number(response)
        if value is None:
            return False, text("quiz.not_number", example="3.75")
        allowed = abs(question.answer) * question.tolerance if question.answer else 0.01
        correct = abs(value - question.answer) <= allowed
        feedback = f"{text('quiz.correct')} {_lang(question.explanation)}" if correct else text("quiz.wrong")
        return correct, feedback
    if response is None:
        return False, text("quiz.no_choice")
    index = check_int("response", response, low=0, high=len(question.options) - 1)
    why = _lang(question.explanations[index]) if question.explanations else ""
    correct = index == question.correct
    return correct, f"{text('quiz.correct' if correct else 'quiz.wrong')} {why}"


def answered(question, response):
    """True when ``response`` is a real attempt: a number for a Number question, a
    chosen option for a Choice question (empty or unreadable input is not a try)."""
    if isinstance(question, Number):
        return parse_number(response) is not None
    return response is not None


def answer_text(question):
    """The correct answer with its explanation (shown after tries)."""
    if isinstance(question, Number):
        return text("quiz.expected", answer=f"{question.answer:,.4g}") + " " + _lang(question.explanation)
    option = _lang(question.options[question.correct])
    why = _lang(question.explanations[question.correct]) if question.explanations else ""
    return text("quiz.expected", answer=option) + " " + why


def widget(question, number=1):
    """One question as a small form: prompt, input, 提示 / 检查答案 buttons, feedback."""
    import ipywidgets as widgets

    title = widgets.HTML(f"<b>{text('quiz.question', n=number)}</b> {_lang(question.prompt)}")
    if isinstance(question, Number):
        entry = widgets.Text(placeholder=text("quiz.answer_label"))
    else:
        entry = widgets.RadioButtons(options=[(_lang(o), i) for i, o in enumerate(question.options)], value=None)
        entry.layout.width = "max-content"
    hint_button = widgets.Button(description=text("quiz.hint"), icon="lightbulb-o")
    check_button = widgets.Button(description=text("quiz.check"), button_style="primary")
    answer_button = widgets.Button(description=text("quiz.show_answer"), layout=widgets.Layout(display="none"))
    feedback = widgets.HTML()
    tries = []

    def on_hint(_):
        feedback.value = f"💡 {_lang(question.hint)}"

    def on_check(_):
        correct, message = check(question, entry.value)
        if not correct and not answered(question, entry.value):
            feedback.value = message  # nothing usable was entered: not counted as a try
            return
        tries.append(correct)
        if not correct:
            answer_button.layout.display = ""
            message += " " + text("quiz.try_again")
        if not correct and len(tries) >= 2:
            message += "<br>" + answer_text(question)
        feedback.value = message

    def on_answer(_):
        feedback.value = answer_text(question)

    hint_button.on_click(on_hint)
    check_button.on_click(on_check)
    answer_button.on_click(on_answer)
    buttons = widgets.HBox([hint_button, check_button, answer_button])
    return widgets.VBox([title, entry, buttons, feedback], layout=widgets.Layout(margin="0 0 1em 0"))


@cache
def _bank(lesson):
    """The questions of bank ``coursekit/quizbank/lesson<lesson>.py``, built once."""
    return import_module(f"coursekit.quizbank.lesson{lesson}").questions()


def questions(lesson):
    """The self-check questions of lesson ``lesson`` (a whole number, 1–99), from coursekit/quizbank."""
    lesson = check_int("lesson", lesson, low=1, high=99)
    try:
        return _bank(lesson)
    except ModuleNotFoundError:
        raise CourseInputError("quiz.no_questions", name="lesson", lesson=lesson) from None


def lesson_quiz(lesson):
    """All self-check questions of a lesson, one form each (a printed list where no kernel runs)."""
    import html

    import ipywidgets as widgets

    from coursekit.display import WithFallback

    qs = questions(lesson)
    box = widgets.VBox([widget(q, n) for n, q in enumerate(qs, start=1)])
    items = []
    for n, q in enumerate(qs, start=1):
        options = "".join(f"<li>{html.escape(_lang(o))}</li>" for o in getattr(q, "options", []))
        items.append(
            f"<li><b>{text('quiz.question', n=n)}</b> {html.escape(_lang(q.prompt))}<ol type='A'>{options}</ol></li>"
        )
    return WithFallback(box, f"<ol style='list-style:none;padding-left:0'>{''.join(items)}</ol>")
