"""Every registered simulator meets the shared requirements (issue: what-if simulators)."""

import base64
import math
import re
import unicodedata
from functools import cache

import ipywidgets as widgets
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import style
from coursekit.errors import CourseInputError
from coursekit.sims import SIMULATORS
from coursekit.sims.base import Percent, Simulator, model_value
from tests.figures import beyond_the_figure


@pytest.fixture(params=sorted(SIMULATORS), ids=str)
def sim(request):
    coursekit.setup()
    return SIMULATORS[request.param]()


FACTORIES = SIMULATORS


@cache
def built(name, lang="zh"):
    """One simulator of each kind per language, for tests that do not move its controls."""
    coursekit.setup(lang=lang)
    try:
        return FACTORIES[name]()
    finally:
        coursekit.setup()


def test_shows_its_default_figure_and_numbers_at_once(sim):
    assert isinstance(sim, Simulator)
    assert bytes(sim.image.value).startswith(b"\x89PNG") and sim.summary.value and not sim.message.value
    assert base64.b64decode(sim._repr_mimebundle_()["image/png"]).startswith(b"\x89PNG")


def test_every_control_is_labelled_and_the_reset_button_restores_defaults(sim):
    defaults = sim.values()
    assert all(control.description.strip() for control in sim.controls.values())
    slider = next(c for c in sim.controls.values() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider)))
    slider.value = slider.max if slider.value != slider.max else slider.min
    assert sim.values() != defaults
    sim.reset_button.click()
    assert sim.values() == defaults


def test_moving_the_first_slider_redraws_the_same_figure(sim):
    name, control = next(
        (n, c) for n, c in sim.controls.items() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))
    )
    fig, before, summary = sim.fig, bytes(sim.image.value), sim.summary.value
    control.value = control.min if control.value != control.min else control.max
    assert sim.fig is fig
    assert bytes(sim.image.value) != before or sim.message.value, name
    assert sim.summary.value != summary or sim.message.value, name


def test_labels_switch_to_english():
    for name in SIMULATORS:
        sim = built(name, "en")
        text = " ".join(c.description for c in sim.controls.values()) + sim.summary.value
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), name


# --- review fixes: friendly messages, label widths, no negative zero ----------------------------

# Moves (in order, as a student makes them) that reach each simulator's invalid combination;
# the simulators in NO_INVALID_COMBINATION have none (their own tests check every corner).
INVALID_MOVES = {
    "tv_choice": {f"weight_{name}": 0 for name in ("service", "appearance", "image", "cost", "delivery")},
    "clv": {"years": math.inf, "retention": 0.95, "growth": 0.2},  # 0.95 × 1.2 ≥ 1 + 12 %: infinite
    "pyramid": {"gold": 0.30, "iron": 0.70},  # 5 % + 30 % + 70 % ≥ 100 %: no lead customers left
    "retention": {"retention": 0.95, "delta": 0.1},  # 95 % + 10 points > 100 %
    "acquire_or_retain": {"customers": 0},  # nobody to keep
    "complaint_response": {"complain_share": 0.0},  # nobody complains: no iceberg to infer
    "lifetime": {"recency": 150, "T": 100},  # the last purchase after now
}
NO_INVALID_COMBINATION = {"churn_cost", "expectation", "overpromise"}


def test_every_simulator_says_whether_it_has_an_invalid_combination():
    assert set(INVALID_MOVES) | NO_INVALID_COMBINATION == set(SIMULATORS)


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def stem(label):
    """A label without its unit: "毛利增长（%/年）" → "毛利增长", "Margin growth (% a year)" → "Margin growth"."""
    return label.split("（")[0].split(" (")[0]


@pytest.mark.parametrize("name", sorted(INVALID_MOVES))
def test_an_invalid_combination_is_explained_in_the_words_of_the_sliders(name):
    """The model calls coursekit, whose check refuses the combination; the notice on screen is not
    coursekit's argument-style message ("参数 growth = …；允许：[0, 1]"): students see the sliders'
    labels. (Each simulator's own tests check the message on screen and the grey summary.)"""
    notices = {}
    for lang in ("zh", "en"):
        sim = built(name, lang)
        with pytest.raises(CourseInputError) as caught:
            sim.model(**{**sim.values(), **INVALID_MOVES[name]})  # what the model gets: fractions
        coursekit.setup(lang=lang)
        try:
            notices[lang] = sim.notice(caught.value)
        finally:
            coursekit.setup()
    zh, en = notices["zh"], notices["en"]
    sim = built(name)
    for message in (zh, en):
        assert "_" not in message and "allowed" not in message.lower() and "参数" not in message, message
    assert not re.search(r"[A-Za-z]", zh), zh  # no argument names in the Chinese message
    labels = [sim.controls[control].description for control in INVALID_MOVES[name]]
    english = [built(name, "en").controls[control].description for control in INVALID_MOVES[name]]
    assert any(stem(label) in zh for label in labels), (labels, zh)
    assert any(stem(label).lower() in en.lower() for label in english), (english, en)


def estimated_width(label):
    """A label's width in em: a Chinese character ≈ 1 em, anything else ≈ 0.55 em."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in label)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_label_fits_its_width_without_being_cut_off(lang):
    for name in FACTORIES:
        for control in built(name, lang).controls.values():
            width = float(control.style.description_width.removesuffix("em"))
            assert estimated_width(control.description) + 0.5 <= width, (name, control.description)
            assert float(control.layout.width.removesuffix("em")) <= 40, name  # fits a notebook column


NEGATIVE_ZERO = re.compile(r"(?<![\d.,])-0(?:\.0+)?(?![\d.,])")  # "-0", "-0.0", "-0.0%", not "-0.5" or "2-0"


def positions(control):
    """Every position a student can put ``control`` in."""
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        steps = round((control.max - control.min) / control.step)
        return [round(control.min + k * control.step, 10) for k in range(steps + 1)]
    return [value for _, value in control.options]


@settings(deadline=None, max_examples=20)
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(SIMULATORS))
def test_summaries_never_show_a_negative_zero(name, data):
    coursekit.setup()
    sim = built(name)
    values = {control: model_value(c, data.draw(st.sampled_from(positions(c)))) for control, c in sim.controls.items()}
    try:
        result = sim.model(**values)
    except CourseInputError:
        return
    assert not NEGATIVE_ZERO.search(plain(sim.explain(result)))


# --- a typed percentage means percent (issue 13) ------------------------------------------------


def percent_controls(sim):
    """The argument names of the simulator's percent sliders, found in the simulator."""
    return [name for name, control in sim.controls.items() if isinstance(control, Percent)]


def typed(control):
    """What a student types into a percent slider's readout: 95 where the slider reaches it, else
    the whole number three quarters along the slider."""
    if control.min <= 95 <= control.max and control.value != 95:
        return 95
    return round(control.min + 0.75 * (control.max - control.min))


def test_the_rates_are_percent_sliders_and_no_control_reads_a_fraction_as_percent():
    found = {name for name in SIMULATORS if percent_controls(built(name))}
    assert found >= {"clv", "pyramid", "retention", "acquire_or_retain", "churn_cost", "complaint_response"}
    for name in SIMULATORS:
        for control in built(name).controls.values():
            # a "95%" readout of 0.95 would read a typed "95" as 9,500 % (the front end parses a plain number)
            assert "%" not in getattr(control, "readout_format", ""), (name, control.description)


@pytest.mark.parametrize("name", sorted(SIMULATORS))
def test_typing_a_percentage_into_a_percent_slider_means_that_percent(name):
    """Typing "95" (or "95%") into a percent slider's readout sets its value to 95: the model gets
    0.95 (the bug: a slider holding 0.95 took it as 9,500 % and showed its maximum), and the screen
    is what the simulator shows when a notebook starts it at 0.95. Every percent slider of every
    simulator, one at a time."""
    coursekit.setup()
    for control in percent_controls(built(name)):
        sim = SIMULATORS[name]()
        slider = sim.controls[control]
        number = typed(slider)
        calls = []
        original = sim.model
        sim.model = lambda calls=calls, original=original, **v: calls.append(v) or original(**v)
        slider.value = number
        assert slider.value == number, control  # not pushed to an end of the slider
        assert calls and calls[-1][control] == number / 100, control
        started = SIMULATORS[name](**{control: number / 100})  # the notebooks' way: a fraction
        assert sim.summary.value == started.summary.value, control
        assert sim.message.value == started.message.value == "", (control, sim.message.value)


@pytest.mark.parametrize(
    ("name", "control", "number", "shown"),
    [
        ("retention", "retention", 95, "保持率从 95% 提高到 100%"),
        ("acquire_or_retain", "retention", 95, "保持率 95.0% →"),
        ("churn_cost", "monthly_churn", 2.5, "月流失率 2.5%"),
        ("complaint_response", "complain_share", 20, "投诉率 20%"),
        ("pyramid", "platinum", 10, "铂金和黄金客户占客户的 25%"),
    ],
)
def test_the_summary_shows_the_percentage_typed(name, control, number, shown):
    coursekit.setup()
    sim = SIMULATORS[name]()
    sim.controls[control].value = number
    assert shown in plain(sim.summary.value)


def outside_or_overlapping(fig):
    """What of ``fig`` as last drawn reaches beyond the figure (inches per edge), and which
    axes' boxes (with their tick labels and titles) overlap another's."""
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    overlapping = [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[:i])
        if fig.axes[i].get_position().bounds != fig.axes[j].get_position().bounds  # not a twin axes
        and min(a.x1, b.x1) - max(a.x0, b.x0) > 1
        and min(a.y1, b.y1) - max(a.y0, b.y0) > 1
    ]
    return beyond_the_figure(fig), overlapping


@settings(deadline=None, max_examples=8)
@given(data=st.data())
@pytest.mark.parametrize("name", sorted(SIMULATORS))
def test_after_any_moves_every_label_stays_inside_the_figure_and_panels_apart(name, data):
    """A move that widens the tick labels lays the figure out again; one that narrows them keeps
    the layout (coursekit.sims.base.set_limits). Either way nothing is cut off or overlaps."""
    coursekit.setup()
    sim = SIMULATORS[name]()
    sliders = {n: c for n, c in sim.controls.items() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))}
    for _ in range(4):  # extremes first: they give the widest and the narrowest tick labels
        control = sliders[data.draw(st.sampled_from(sorted(sliders)))]
        control.value = data.draw(st.sampled_from([control.min, control.max, *positions(control)]))
        assert outside_or_overlapping(sim.fig) == ({}, []), sim.values()


def pixels(png):
    from io import BytesIO

    from matplotlib.image import imread

    return imread(BytesIO(bytes(png)))


@pytest.mark.parametrize("name", sorted(SIMULATORS))
def test_the_picture_shown_is_the_whole_figure_drawn_afresh(name):
    """Simulators that redraw only what moves (coursekit.sims.base.Layers) show, pixel for pixel,
    what drawing the whole figure gives: after every move, to each slider's ends and back."""
    coursekit.setup()
    sim = SIMULATORS[name]()
    sliders = [c for c in sim.controls.values() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))]
    for control in sliders:
        for value in (control.max, control.min, control.value):
            control.value = value
            if not sim.message.value:  # an invalid combination keeps the last picture
                assert np.array_equal(pixels(sim.image.value), pixels(style.png(sim.fig))), (control.description, value)


def test_room_is_made_for_the_tick_labels_drawn_not_for_ticks_outside_the_limits():
    # Found by the property test above: at acquisition cost 580 the y-axis runs from -800 and a
    # "-1,000" tick outside it is not drawn; the layout must not count it as room the labels have.
    sim = SIMULATORS["clv"]()
    for control, value in [("margin", 310.0), ("acquisition_cost", 580.0), ("acquisition_cost", 0.0)]:
        sim.controls[control].value = value
    assert beyond_the_figure(sim.fig) == {}
