"""The simulator machinery, driven headless as a student's slider would drive it."""

import base64

import pytest

import coursekit
from coursekit.errors import check_range
from coursekit.sims.base import CONTROL_WIDTH, LABEL_WIDTH, STALE_STYLE, Simulator, as_shown, new_figure, padded, slider


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
        "rate": slider("guide.demo_slider", 0.8, 0.5, 0.99, 0.01, fmt=".0%"),
        "years": slider("guide.demo_xlabel", 5, 1, 20, 1, integer=True),
    }
    return Simulator(controls, toy_model, make_figure, draw, lambda r: f"{r['left'][-1]:.1f}")


def test_shows_the_default_result_at_once(sim):
    assert sim.summary.value == "32.8"
    assert bytes(sim.image.value).startswith(b"\x89PNG")


def test_moving_a_control_recomputes_and_redraws_the_same_figure(sim):
    fig, line, before = sim.fig, sim.artists["line"], sim.image.value
    sim.controls["rate"].value = 0.9
    assert sim.summary.value == f"{100 * 0.9**5:.1f}"
    assert list(line.get_ydata()) == pytest.approx(toy_model(0.9, 5)["left"])
    assert sim.fig is fig and sim.artists["line"] is line  # updated in place, no new figure
    assert sim.image.value != before


def test_invalid_input_shows_a_message_instead_of_a_traceback(sim):
    sim.controls["rate"].value = 0.97
    # the argument is named by its slider's label, not by its name in the code
    assert "⚠" in sim.message.value and sim.controls["rate"].description in sim.message.value
    assert "rate" not in sim.message.value
    assert "灰色" in sim.message.value  # says why the summary is grey
    # the last valid result stays on screen, greyed out: its numbers are not those of the sliders
    assert sim.summary.value == f'<div style="{STALE_STYLE}">32.8</div>'
    sim.controls["rate"].value = 0.96  # still invalid: greyed once, not twice
    assert sim.summary.value.count(STALE_STYLE) == 1
    sim.controls["rate"].value = 0.7
    assert sim.message.value == ""
    assert sim.summary.value == f"{100 * 0.7**5:.1f}"  # current again: not greyed


def test_reset_after_invalid_input_clears_the_message_and_the_grey(sim):
    sim.controls["rate"].value = 0.97
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
    sim.controls["rate"].value = 0.6
    sim.controls["years"].value = 10
    calls = []
    original = sim.model
    sim.model = lambda **v: calls.append(v) or original(**v)
    sim.reset_button.click()
    assert sim.values() == {"rate": 0.8, "years": 5}
    assert len(calls) == 1
    assert sim.summary.value == "32.8"


def test_static_picture_for_exports_without_a_kernel(sim):
    sim.controls["rate"].value = 0.6
    bundle = sim._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")  # the default figure


def test_labels_follow_the_language():
    coursekit.setup(lang="en")
    try:
        assert slider("guide.demo_slider", 0.8, 0.5, 0.99, 0.01).description == "Kept each year"
    finally:
        coursekit.setup()
