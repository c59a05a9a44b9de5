"""The simulator machinery, driven headless as a student's slider would drive it."""

import base64

import pytest

import coursekit
from coursekit.errors import check_range
from coursekit.sims.base import (
    CONTROL_WIDTH,
    LABEL_WIDTH,
    STALE_STYLE,
    Simulator,
    as_shown,
    model_value,
    new_figure,
    padded,
    percent_slider,
    slider,
)


def toy_model(rate, years):
    rate = check_range("rate", rate, low=0, high=0.95)
    return {"years": list(range(years + 1)), "left": [100 * rate**t for t in range(years + 1)]}


def make_figure():
    fig, ax = new_figure()
    (line,) = ax.plot([], [])
    return fig, {"ax": ax, "line": line}


def draw(artists, result):
    artists["line"].set_data(result["years"], result["left"])
    artists["ax"].relim()
    artists["ax"].autoscale_view()


@pytest.fixture
def sim():
    coursekit.setup()
    controls = {
        "rate": percent_slider("guide.demo_slider", 0.8, 0.5, 0.99, 0.01),  # holds 80 (percent), the model gets 0.8
        "years": slider("guide.demo_xlabel", 5, 1, 20, 1, integer=True),
    }
    return Simulator(controls, toy_model, make_figure, draw, lambda r: f"{r['left'][-1]:.1f}")


def test_shows_the_default_result_at_once(sim):
    assert sim.summary.value == "32.8"
    assert bytes(sim.image.value).startswith(b"\x89PNG")


def test_moving_a_control_recomputes_and_redraws_the_same_figure(sim):
    fig, line, before = sim.fig, sim.artists["line"], sim.image.value
    sim.controls["rate"].value = 90
    assert sim.summary.value == f"{100 * 0.9**5:.1f}"
    assert list(line.get_ydata()) == pytest.approx(toy_model(0.9, 5)["left"])
    assert sim.fig is fig and sim.artists["line"] is line  # updated in place, no new figure
    assert sim.image.value != before


def test_invalid_input_shows_a_message_instead_of_a_traceback(sim):
    sim.controls["rate"].value = 97
    # the argument is named by its slider's label, not by its name in the code
    assert "⚠" in sim.message.value and sim.controls["rate"].description in sim.message.value
    assert "rate" not in sim.message.value
    assert "灰色" in sim.message.value  # says why the summary is grey
    # the last valid result stays on screen, greyed out: its numbers are not those of the sliders
    assert sim.summary.value == f'<div style="{STALE_STYLE}">32.8</div>'
    sim.controls["rate"].value = 96  # still invalid: greyed once, not twice
    assert sim.summary.value.count(STALE_STYLE) == 1
    sim.controls["rate"].value = 70
    assert sim.message.value == ""
    assert sim.summary.value == f"{100 * 0.7**5:.1f}"  # current again: not greyed


def test_reset_after_invalid_input_clears_the_message_and_the_grey(sim):
    sim.controls["rate"].value = 97
    sim.reset()
    assert sim.message.value == "" and sim.summary.value == "32.8"


@pytest.mark.parametrize(
    ("value", "decimals", "spec", "shown"),
    [
        (-0.0004, 0, ",.0f", "0"),
        (-0.04, 1, "+.1f", "+0.0"),
        (-4e-17, 1, "+.1f", "+0.0"),
        (-0.00004, 3, ".1%", "0.0%"),
        (-0.6, 0, ",.0f", "-1"),
        (1234.5, 0, ",.0f", "1,234"),
    ],
)
def test_as_shown_never_gives_a_negative_zero(value, decimals, spec, shown):
    assert format(as_shown(value, decimals), spec) == shown


def test_padded_limits_leave_room_at_both_ends():
    assert padded(0, 10) == (-0.5, 10.5)
    assert padded(1, 3, share=0.25) == (0.5, 3.5)


def test_controls_share_one_label_width_and_fit_a_notebook_column(sim):
    for control in sim.controls.values():
        assert control.style.description_width == LABEL_WIDTH
        assert control.layout.width == CONTROL_WIDTH
    assert float(CONTROL_WIDTH.removesuffix("em")) <= 40


def test_reset_restores_defaults_with_one_redraw(sim):
    sim.controls["rate"].value = 60
    sim.controls["years"].value = 10
    calls = []
    original = sim.model
    sim.model = lambda **v: calls.append(v) or original(**v)
    sim.reset_button.click()
    assert sim.values() == {"rate": 0.8, "years": 5}  # what the model gets: the rate as a fraction
    assert sim.controls["rate"].value == 80 and calls == [{"rate": 0.8, "years": 5}]
    assert sim.summary.value == "32.8"


def test_static_picture_for_exports_without_a_kernel(sim):
    sim.controls["rate"].value = 60
    bundle = sim._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")  # the default figure


def test_labels_follow_the_language():
    coursekit.setup(lang="en")
    try:
        assert slider("guide.demo_slider", 0.8, 0.5, 0.99, 0.01).description == "Kept each year (%)"
    finally:
        coursekit.setup()


# --- percent sliders: a typed "95" means 95 % (issue 13) ----------------------------------------


def test_a_percent_slider_holds_percent_and_the_model_gets_the_fraction(sim):
    rate = sim.controls["rate"]
    assert (rate.value, rate.min, rate.max, rate.step, rate.readout_format) == (80, 50, 99, 1, ".0f")
    calls = []
    original = sim.model
    sim.model = lambda **v: calls.append(v) or original(**v)
    rate.value = 95  # what typing "95" or "95%" into the readout sets (the front end reads a plain number)
    assert calls == [{"rate": 0.95, "years": 5}] and sim.values()["rate"] == 0.95
    assert sim.summary.value == f"{100 * 0.95**5:.1f}"


@pytest.mark.parametrize(
    ("fraction", "low", "high", "step", "fmt", "held", "readout"),
    [
        (0.3, 0.3, 0.99, 0.01, ".0f", 30, "30"),  # 100 × 0.3 is 30.000000000000004 in floating point
        (0.015, 0.005, 0.03, 0.001, ".1f", 1.5, "1.5"),
        (-0.07, -0.1, 0.3, 0.01, "+.0f", -7, "-7"),
        (0.07, -0.1, 0.3, 0.01, "+.0f", 7, "+7"),
    ],
)
def test_percent_slider_positions_are_exact_percent(fraction, low, high, step, fmt, held, readout):
    control = percent_slider("guide.demo_slider", fraction, low, high, step, fmt=fmt)
    assert control.value == held and format(control.value, fmt) == readout
    assert control.min == round(100 * low, 10) and control.max == round(100 * high, 10)
    assert model_value(control) == fraction  # the very float the library is given in the notebooks


def test_a_whole_percent_slider_takes_whole_points():
    control = percent_slider("guide.demo_slider", 0.05, 0.01, 0.2, 0.01, integer=True)
    assert (control.value, control.min, control.max, control.step) == (5, 1, 20, 1)
    assert isinstance(control.value, int) and model_value(control) == 0.05 and model_value(control, 12) == 0.12


def test_other_controls_give_the_model_their_own_value():
    control = slider("guide.demo_xlabel", 5, 1, 20, 1, integer=True)
    assert model_value(control) == 5 and model_value(control, 7) == 7
