"""coursekit.sims.lifetime: one customer's outlook, driven headless as a student's sliders would drive it."""

import re

import numpy as np
import pytest

import coursekit
from coursekit import customer_outlook
from coursekit.repeat_buying import BGNBD, GammaGamma
from coursekit.sims.base import STALE_STYLE
from coursekit.sims.lifetime import DISCOUNT, YEARS, lifetime_simulator

DEFAULTS = {"frequency": 10, "recency": 150, "T": 156, "monetary_value": 3000.0, "margin": 0.2}


@pytest.fixture
def sim():
    coursekit.setup()
    return lifetime_simulator()


def expected(frequency, recency, T, monetary_value, margin):
    """What coursekit.customer_outlook says for these slider values (margin as a fraction)."""
    bg_nbd, gamma_gamma = customer_outlook.course_models()
    return customer_outlook.customer_outlook(bg_nbd, gamma_gamma, frequency, recency, T, monetary_value, margin,
                                             years=YEARS, discount=DISCOUNT)


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def test_defaults_and_what_the_summary_shows(sim):
    assert sim.values() == DEFAULTS  # the margin slider holds 20 (percent); the model gets 0.2
    assert sim.controls["margin"].value == 20
    want = expected(**DEFAULTS)
    assert sim.result["probability_alive"] == pytest.approx(want["probability_alive"])
    summary = plain(sim.summary.value)
    assert f"{want['probability_alive']:.0%}" in summary
    assert f"{want['expected_purchases']:.2f}" in summary
    assert f"{want['lifetime_value']:,.0f} 元" in summary
    assert "已经 6 周没有购买" in summary


@pytest.mark.parametrize(
    ("name", "value"),
    [("recency", 100), ("frequency", 30), ("T", 152), ("monetary_value", 8000), ("margin", 35)],
)
def test_a_move_shows_what_customer_outlook_returns(sim, name, value):
    sim.controls[name].value = value
    values = {**DEFAULTS, name: value / 100 if name == "margin" else value}
    want = expected(**values)
    for key in ("probability_alive", "expected_purchases", "expected_spend", "lifetime_value"):
        assert sim.result[key] == pytest.approx(want[key]), key
    assert sim.result["value_by_year"] == pytest.approx(want["value_by_year"])
    assert f"{want['lifetime_value']:,.0f} 元" in plain(sim.summary.value)


def test_the_lifetime_value_is_the_lesson_tables_value():
    """The simulator's number equals customer_outlook.lifetime_values for the same customer."""
    import pandas as pd

    bg_nbd, gamma_gamma = customer_outlook.course_models()
    one = pd.DataFrame({"frequency": [10.0], "recency": [100.0], "T": [156.0], "monetary_value": [3000.0]})
    table = customer_outlook.lifetime_values(bg_nbd, gamma_gamma, one, margin=0.2, years=YEARS, discount=DISCOUNT)
    assert expected(10, 100, 156, 3000, 0.2)["lifetime_value"] == pytest.approx(table["lifetime_value"].iloc[0])


def test_silence_lowers_p_alive_and_value(sim):
    before = sim.result
    sim.controls["recency"].value = 100  # 56 weeks silent instead of 6
    after = sim.result
    assert after["probability_alive"] < before["probability_alive"]
    assert after["lifetime_value"] < before["lifetime_value"]
    curve = after["alive_curve"]
    assert np.all(np.diff(curve) <= 1e-12)  # with no purchase, P(alive) only falls as the customer ages
    assert after["ages"][0] == 100 and after["ages"][-1] == 156 + 104


def test_no_repeat_purchase_is_alive_for_sure_and_the_summary_says_so(sim):
    sim.controls["recency"].value = 0
    sim.controls["frequency"].value = 0
    assert sim.result["probability_alive"] == 1.0
    assert "怪癖" in sim.summary.value and not sim.message.value


def test_an_impossible_history_is_refused_in_the_sliders_words(sim):
    shown = sim.summary.value
    sim.controls["T"].value = 100  # the last purchase (week 150) after now
    notice = plain(sim.message.value)
    assert "最后一次购买时的年龄" in notice and "150" in notice and "100" in notice
    assert "参数" not in notice and "recency" not in notice
    assert STALE_STYLE in sim.summary.value and plain(shown) in plain(sim.summary.value)
    sim.controls["T"].value = 156
    assert not sim.message.value and STALE_STYLE not in sim.summary.value


@pytest.mark.parametrize(
    ("moves", "words"),
    [
        ({"recency": 5}, "至少是 10 周"),  # 10 repeat purchases in 5 weeks
        ({"frequency": 0}, "重复购买次数是 0 时"),  # no repeat purchase, yet a last purchase in week 150
    ],
)
def test_each_impossible_history_has_its_own_message(sim, moves, words):
    for name, value in moves.items():
        sim.controls[name].value = value
    assert words in sim.message.value


def test_english_labels_and_summary():
    coursekit.setup(lang="en")
    try:
        sim = lifetime_simulator()
        text = " ".join(c.description for c in sim.controls.values()) + sim.summary.value
        assert not re.search(r"[\u4e00-\u9fff]", text)
        assert "Lifetime value of the next 5 years" in sim.summary.value
    finally:
        coursekit.setup()


def test_it_takes_a_model_of_its_own():
    bg_nbd = BGNBD({"r": 1.0, "alpha": 10.0, "a": 1.5, "b": 3.0}, 0.0)
    gamma_gamma = GammaGamma({"p": 2.0, "q": 3.0, "gamma": 100.0}, 0.0)
    coursekit.setup()
    sim = lifetime_simulator(bg_nbd=bg_nbd, gamma_gamma=gamma_gamma)
    want = customer_outlook.customer_outlook(bg_nbd, gamma_gamma, 10, 150, 156, 3000, 0.2, years=YEARS,
                                             discount=DISCOUNT)
    assert sim.result["lifetime_value"] == pytest.approx(want["lifetime_value"])


@pytest.mark.parametrize("bad", [{"frequency": 61}, {"recency": -1}, {"T": 157}, {"margin": 0.6}, {"frequency": 2.5}])
def test_starting_values_outside_the_sliders_are_refused(bad):
    with pytest.raises(coursekit.CourseInputError):
        lifetime_simulator(**bad)


def test_a_move_redraws_the_bars_and_labels_them_with_the_yuan_shown(sim):
    sim.controls["monetary_value"].value = 6000
    amounts = [label.get_text() for label in sim.artists["amounts"]]
    assert amounts == [f"{v:,.0f}" for v in sim.result["value_by_year"]]
    heights = [bar.get_height() for bar in sim.artists["bars"]]
    assert max(heights) == pytest.approx(1.0)  # scaled to the largest year

