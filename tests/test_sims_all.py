"""Every registered simulator meets the shared requirements (issue: what-if simulators)."""

import base64

import ipywidgets as widgets
import pytest

import coursekit
from coursekit.sims import SIMULATORS
from coursekit.sims.base import Simulator


@pytest.fixture(params=sorted(SIMULATORS), ids=str)
def sim(request):
    coursekit.setup()
    return SIMULATORS[request.param]()


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
    coursekit.setup(lang="en")
    try:
        for factory in SIMULATORS.values():
            sim = factory()
            text = " ".join(c.description for c in sim.controls.values()) + sim.summary.value
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), factory.__name__
    finally:
        coursekit.setup()
