"""Self-check questions (自测题) with immediate feedback, offline.

Two kinds of question, written as data in ``coursekit/quizbank/lessonN.py``:

- :class:`Number`: type a number; checked with a tolerance. The correct answer
  is computed by a coursekit function in the bank, never typed in by hand.
- :class:`Choice`: pick one option; every option has its own explanation, so a
  wrong pick teaches why it is wrong.

The hint is always available; after a wrong try the student is told to look at
the hint and try again, and after two wrong tries the answer is shown with its
explanation, so self-study students work before they look. An empty or
unreadable entry is not a try.

>>> q = Number(prompt={"zh": "2 + 2 = ?", "en": "2 + 2 = ?"}, answer=4.0,
...            hint={"zh": "数一数", "en": "count"}, explanation={"zh": "2 + 2 = 4", "en": "2 + 2 = 4"})
>>> check(q, "4.01")[0], check(q, "5")[0]
(True, False)
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from coursekit.errors import CourseInputError, check_int
from coursekit.i18n import get_language, text


@dataclass(frozen=True)
class Number:
    """A number to type. ``decimals``: the places the prompt asks for (the answer is shown so,
    and any entry that rounds to it counts); ``unit="percent"``: the answer is a percentage
    (78.6), and a share typed instead (0.786) gets a hint about the unit.

    Parameters:
        prompt: the question, a dict ``{"zh": ..., "en": ...}``.
        answer: the correct number (a percentage such as 78.6 when ``unit="percent"``).
        hint: the hint shown on request or after a wrong try, a dict ``{"zh": ..., "en": ...}``.
        explanation: how the answer is found, shown with it, a dict ``{"zh": ..., "en": ...}``.
        tolerance: relative slack accepted, ≥ 0 (0.01 = 1 % of the answer; absolute 0.01 when the answer is 0).
        decimals: None, or the decimal places the prompt asks for, a whole number ≥ 0.
        unit: None, or ``"percent"`` when the answer is a percentage.
    """

    prompt: dict
    answer: float
    hint: dict
    explanation: dict
    tolerance: float = 0.01  # relative: 1 % of the answer (absolute 0.01 when the answer is 0)
    decimals: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Choice:
    """A question with options to choose from; each option's explanation is shown with the answer.

    Parameters:
        prompt: the question, a dict ``{"zh": ..., "en": ...}``.
        options: the options, a list of such dicts (at least two).
        correct: the index of the correct option, a whole number from 0 to len(options) − 1.
        hint: the hint shown on request or after a wrong try, a dict ``{"zh": ..., "en": ...}``.
        explanations: a list of dicts ``{"zh": ..., "en": ...}``, one per option in the same order, saying why
            it is right or wrong; or an empty list (the default) for none.
    """

    prompt: dict
    options: list
    correct: int
    hint: dict
    explanations: list = field(default_factory=list)  # one per option


def _lang(entry):
    return entry[get_language()]


THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,234 or 12,345.5: commas between thousands


def parse_number(response):
    """A student's typed number as a float, or None: accepts '1,234.5', '25%', full-width
    digits and the minus sign '−'. A comma that is not a thousands separator ('3,75') is
    refused rather than read as 375.

    Parameters:
        response: the text a student typed (anything; unreadable text gives None).

    >>> parse_number(" １２,３４５.５ "), parse_number("25%"), parse_number("−5"), parse_number("3,75")
    (12345.5, 25.0, -5.0, None)
    """
    cleaned = unicodedata.normalize("NFKC", str(response)).strip().replace("\u2212", "-").rstrip("%").strip()
    if "," in cleaned:
        if not THOUSANDS.match(cleaned):
            return None
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def check(question, response):
    """``(correct, feedback)`` for a response: the typed text of a Number question,
    or the index of the chosen option of a Choice question.

    Parameters:
        question: a :class:`Number` or a :class:`Choice`.
        response: for a Number question, the typed text (anything; see :func:`parse_number`); for a Choice
            question, the chosen option's index, a whole number from 0 to len(options) − 1, or None (nothing chosen).
    """
    if isinstance(question, Number):
        value = parse_number(response)
        if value is None:
            return False, text("quiz.not_number", example="3.75")
        correct = _close(value, question)
        if correct:
            return True, f"{text('quiz.correct')} {_lang(question.explanation)}"
        if question.unit == "percent" and _close(100 * value, question):
            return False, f"{text('quiz.wrong')} {text('quiz.percent_not_share', example=_shown(question))}"
        return False, text("quiz.wrong")
    if response is None:
        return False, text("quiz.no_choice")
    index = check_int("response", response, low=0, high=len(question.options) - 1)
    why = _lang(question.explanations[index]) if question.explanations else ""
    correct = index == question.correct
    return correct, f"{text('quiz.correct' if correct else 'quiz.wrong')} {why}"


def _close(value, question):
    """True when ``value`` equals the answer of Number ``question`` within its tolerance, or
    rounds to the same ``decimals`` places."""
    allowed = abs(question.answer) * question.tolerance if question.answer else 0.01
    if question.decimals is not None:
        allowed = max(allowed, 0.5 * 10.0**-question.decimals + 1e-9)
    return abs(value - question.answer) <= allowed


def _shown(question):
    """The answer of Number ``question`` as the question asks for it (its decimals)."""
    if question.decimals is not None:
        return f"{question.answer:,.{question.decimals}f}"
    return f"{question.answer:,.4g}"


def answered(question, response):
    """True when ``response`` is a real attempt: a number for a Number question, a
    chosen option for a Choice question (empty or unreadable input is not a try).

    Parameters:
        question: a :class:`Number` or a :class:`Choice`.
        response: as in :func:`check`.
    """
    if isinstance(question, Number):
        return parse_number(response) is not None
    return response is not None


def answer_text(question):
    """The correct answer with its explanation (shown after tries).

    Parameters:
        question: a :class:`Number` or a :class:`Choice`.
    """
    if isinstance(question, Number):
        return text("quiz.expected", answer=_shown(question)) + " " + _lang(question.explanation)
    option = _lang(question.options[question.correct])
    why = _lang(question.explanations[question.correct]) if question.explanations else ""
    return text("quiz.expected", answer=option) + " " + why


def widget(question, number=1):
    """One question as a small form: prompt, input, 提示 / 检查答案 buttons, feedback; the answer
    is shown after two wrong tries.

    Parameters:
        question: a :class:`Number` or a :class:`Choice`.
        number: the question's number shown in its title, a whole number ≥ 1.
    """
    return _form(question, check_int("number", number, low=1), _Looks())


class _Looks:
    """The layouts and styles the forms of one quiz share. Each widget would otherwise make its own
    Layout and style widgets (in a 14-question quiz about 170 of its 290 widgets), and every widget is
    a message to the browser; shared, they are made once."""

    def __init__(self):
        import ipywidgets as widgets
        from ipywidgets.widgets.widget_string import DescriptionStyle, HTMLStyle, TextStyle

        self.html = {"layout": widgets.Layout(), "style": HTMLStyle()}
        self.text = {"layout": widgets.Layout(), "style": TextStyle()}
        self.choice = {"layout": widgets.Layout(width="max-content"), "style": DescriptionStyle()}
        self.button = {"layout": widgets.Layout(), "style": widgets.ButtonStyle()}
        self.row = widgets.Layout()
        self.form = widgets.Layout(margin="0 0 1em 0")


def _form(question, number, looks):
    """The form of :func:`widget`, drawn with the shared ``looks``."""
    import ipywidgets as widgets

    title = widgets.HTML(f"<b>{text('quiz.question', n=number)}</b> {_lang(question.prompt)}", **looks.html)
    if isinstance(question, Number):
        entry = widgets.Text(placeholder=text("quiz.answer_label"), **looks.text)
    else:
        options = [(_lang(o), i) for i, o in enumerate(question.options)]
        entry = widgets.RadioButtons(options=options, value=None, **looks.choice)
    hint_button = widgets.Button(description=text("quiz.hint"), icon="lightbulb-o", **looks.button)
    check_button = widgets.Button(description=text("quiz.check"), button_style="primary", **looks.button)
    feedback = widgets.HTML(**looks.html)
    tries = []

    def on_hint(_):
        feedback.value = f"💡 {_lang(question.hint)}"

    def on_check(_):
        correct, message = check(question, entry.value)
        if not correct and not answered(question, entry.value):
            feedback.value = message  # nothing usable was entered: not counted as a try
            return
        tries.append(correct)
        wrong = tries.count(False)
        if not correct and wrong < 2:
            message += " " + text("quiz.try_again")
        elif not correct:
            message += "<br>" + answer_text(question)
        feedback.value = message

    hint_button.on_click(on_hint)
    check_button.on_click(on_check)
    buttons = widgets.HBox([hint_button, check_button], layout=looks.row)
    return widgets.VBox([title, entry, buttons, feedback], layout=looks.form)


@cache
def _bank(lesson):
    """The questions of bank ``coursekit/quizbank/lesson<lesson>.py``, built once."""
    return import_module(f"coursekit.quizbank.lesson{lesson}").questions()


def questions(lesson):
    """The self-check questions of lesson ``lesson`` (a whole number, 1–99), from coursekit/quizbank.

    Parameters:
        lesson: the lesson number, a whole number 1–99; only a lesson with a bank
            ``coursekit/quizbank/lesson<N>.py`` has questions; any other raises a CourseInputError.
    """
    lesson = check_int("lesson", lesson, low=1, high=99)
    try:
        return _bank(lesson)
    except ModuleNotFoundError as missing:
        if missing.name != f"coursekit.quizbank.lesson{lesson}":
            raise  # the bank exists but something it imports is broken: show that, not "no bank"
        raise CourseInputError("quiz.no_questions", name="lesson", lesson=lesson) from None


def lesson_quiz(lesson):
    """All self-check questions of a lesson, one form each (a printed list where no kernel runs).

    Parameters:
        lesson: the lesson number, as in :func:`questions` (a whole number 1–99 with a question bank).
    """
    import html

    import ipywidgets as widgets

    from coursekit.display import WithFallback

    qs = questions(lesson)
    looks = _Looks()
    box = widgets.VBox([_form(q, n, looks) for n, q in enumerate(qs, start=1)])
    items = []
    for n, q in enumerate(qs, start=1):
        options = "".join(f"<li>{html.escape(_lang(o))}</li>" for o in getattr(q, "options", []))
        items.append(
            f"<li><b>{text('quiz.question', n=n)}</b> {html.escape(_lang(q.prompt))}<ol type='A'>{options}</ol></li>"
        )
    return WithFallback(box, f"<ol style='list-style:none;padding-left:0'>{''.join(items)}</ol>")
