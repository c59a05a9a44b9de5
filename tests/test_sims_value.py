"""coursekit.sims.value: the lifetime value calculator, driven headless as a student's sliders would drive it."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit
from coursekit.errors import CourseInputError
from coursekit.i18n import entry
from coursekit.sims.base import STALE_STYLE, model_value, nice_ceiling, nice_limits
from coursekit.sims.value import _clv_model, clv_simulator
from coursekit.value import breakeven_year, cumulative_value, lifetime_revenue, lifetime_value, margin_multiple

DEFAULTS = {"margin": 100, "retention": 0.8, "discount": 0.12, "years": 40, "acquisition_cost": 150, "growth": 0.0}


@pytest.fixture
def sim():
    coursekit.setup()
    return clv_simulator()


def expected(margin, retention, discount, years, acquisition_cost, growth):
    """What the coursekit.value functions say for these slider values (years = inf: no limit)."""
    horizon = None if math.isinf(years) else years
    return {
        "clv": lifetime_value(margin, retention, discount, horizon, acquisition_cost, growth),
        "curve": cumulative_value(margin, retention, discount, horizon or 40, acquisition_cost, growth)[
            "cumulative_value"
        ].to_numpy(),
        "breakeven": breakeven_year(margin, retention, discount, acquisition_cost, growth, max_years=horizon or 1000),
        "multiple": margin_multiple(retention, discount),
        "naive": math.inf if horizon is None else lifetime_revenue(margin, 1, horizon),
    }


def explicit_clv(margin, retention, discount, years, acquisition_cost, growth):
    """The lifetime value one year at a time (independent of the library code)."""
    total = 0.0
    for t in range(1, years + 1):
        total += margin * (1 + growth) ** (t - 1) * retention**t / (1 + discount) ** t
    return total - acquisition_cost


def test_defaults_are_the_worked_example(sim):
    assert sim.values() == DEFAULTS
    result = sim.result
    assert result["clv"] == pytest.approx(100 * 2.5 - 150, abs=0.01)  # margin × multiple − cost (40 years ≈ ∞)
    assert result["multiple"] == pytest.approx(2.5)
    assert result["breakeven"] == 3
    assert result["naive"] == 4000  # 100 yuan × 40 years, as Ford-style arithmetic counts it
    assert "100 元" in sim.summary.value and "第 <b>3</b> 年" in sim.summary.value
    assert "4,000 元" in sim.summary.value and "250 元" in sim.summary.value


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("margin", 250),
        ("retention", 90),
        ("discount", 5),
        ("years", 10),
        ("years", math.inf),
        ("acquisition_cost", 200),
        ("growth", 5),
        ("growth", -10),
    ],
)
def test_a_move_shows_what_the_value_functions_return(sim, name, value):
    sim.controls[name].value = value  # rates in percent, as on the slider
    want = expected(**{**DEFAULTS, name: model_value(sim.controls[name])})
    result = sim.result
    assert result["clv"] == pytest.approx(want["clv"])
    assert result["curve"] == pytest.approx(want["curve"])
    assert result["breakeven"] == want["breakeven"]
    assert result["multiple"] == pytest.approx(want["multiple"])
    assert result["naive"] == want["naive"]
    # the summary shows these numbers
    html = sim.summary.value
    assert f"<b>{want['clv']:,.0f} 元</b>" in html
    assert f"{want['multiple']:.2f}" in html
    assert f"第 <b>{want['breakeven']}</b> 年" in html
    # the figure shows them: the curve, the CLV line and the break-even dot
    artists = sim.artists
    assert list(artists["curve"].get_ydata()) == pytest.approx(want["curve"])
    assert list(artists["clv_line"].get_ydata()) == pytest.approx([want["clv"]] * 2)
    year = want["breakeven"]
    assert list(artists["point"].get_xdata()) == [year]
    assert list(artists["point"].get_ydata()) == pytest.approx([want["curve"][year]])
    low, high = artists["ax"].get_ylim()
    assert low <= min(want["curve"].min(), want["clv"]) and high >= max(want["curve"].max(), want["clv"])


def test_the_curve_starts_at_minus_the_cost_and_ends_at_the_lifetime_value(sim):
    sim.controls["years"].value = 12
    curve = sim.result["curve"]
    assert len(curve) == 13 and curve[0] == -150
    assert curve[-1] == pytest.approx(sim.result["clv"])
    assert curve[-1] == pytest.approx(explicit_clv(**{**DEFAULTS, "years": 12}))


def test_no_time_limit_gives_margin_times_multiple_and_an_infinite_simple_sum(sim):
    sim.controls["years"].value = math.inf
    result = sim.result
    assert result["years"] is None
    assert result["clv"] == pytest.approx(100 * margin_multiple(0.8, 0.12) - 150)
    assert len(result["curve"]) == 41  # the first 40 years are drawn
    assert result["naive"] == math.inf
    assert "无穷大" in sim.summary.value and "无限期" in sim.summary.value


def test_never_paid_back_within_the_horizon(sim):
    sim.controls["acquisition_cost"].value = 300  # more than the 250 the margins are worth
    assert sim.result["breakeven"] is None
    assert sim.result["clv"] < 0
    assert "40 年内<b>收不回</b>" in sim.summary.value
    assert len(sim.artists["point"].get_xdata()) == 0  # no dot
    sim.controls["years"].value = math.inf
    assert "<b>永远收不回</b>" in sim.summary.value  # no time limit and a negative value: never


def test_the_y_axis_stays_put_while_a_slider_moves_a_little(sim):
    limits, position = sim.artists["ax"].get_ylim(), sim.artists["ax"].get_position().bounds
    sim.controls["margin"].value = 110
    assert sim.artists["ax"].get_ylim() == limits
    assert sim.artists["ax"].get_position().bounds == position  # same layout, not re-computed


def test_wide_tick_labels_get_room_when_the_range_grows(sim):
    narrow = sim.artists["ax"].get_position().x0
    for name, value in [("margin", 1000), ("retention", 99), ("discount", 0), ("growth", 30)]:
        sim.controls[name].value = value  # tens of millions of yuan: tick labels such as 75,000,000
    ax = sim.artists["ax"]
    assert ax.get_position().x0 > narrow  # the layout made room on the left
    assert ax.get_tightbbox(sim.fig.canvas.get_renderer()).x0 >= 0  # nothing cut off


def test_narrower_tick_labels_keep_the_layout_so_the_axes_do_not_jump_back(sim):
    ax = sim.artists["ax"]
    narrow = ax.get_position().bounds
    sim.controls["margin"].value = 1000  # y tick labels such as 3,000: the layout makes room for them
    wide, wide_limits = ax.get_position().bounds, ax.get_ylim()
    sim.controls["margin"].value = 100  # labels such as 400 fit in that room: same positions
    assert wide != narrow and ax.get_ylim() != wide_limits
    assert ax.get_position().bounds == wide


def test_break_even_later_than_the_drawn_years_has_no_dot(sim):
    # no time limit, paid back only after year 40: the sentence says when, the dot would be off the picture
    for name, value in [("years", math.inf), ("retention", 99), ("discount", 0), ("margin", 10)]:
        sim.controls[name].value = value
    sim.controls["acquisition_cost"].value = 500
    year = sim.result["breakeven"]
    assert year == breakeven_year(10, 0.99, 0.0, 500, max_years=1000) and year > 40
    assert len(sim.artists["point"].get_xdata()) == 0
    assert f"第 <b>{year}</b> 年" in sim.summary.value


def test_growth_that_makes_the_value_infinite_shows_a_message_and_keeps_the_last_result(sim):
    sim.controls["years"].value = math.inf
    sim.controls["retention"].value = 95  # 0.95 < 1.12: still finite
    before, summary, picture = sim.result, sim.summary.value, sim.image.value
    sim.controls["growth"].value = 20  # 0.95 × 1.2 = 1.14 ≥ 1 + 12 %: infinite
    message = sim.message.value
    assert "⚠" in message and "无穷大" in message
    # in the sliders' words, with the numbers that make it infinite and what to move
    assert "保持率 × (1 + 毛利增长) = 95% × 1.20 = 1.14，不低于 1 + 折现率 = 1.12" in message
    assert "期限" in message and "growth" not in message and "retention" not in message
    assert sim.result is before and sim.image.value == picture
    assert sim.summary.value == f'<div style="{STALE_STYLE}">{summary}</div>'  # greyed: not current
    sim.controls["years"].value = 40  # a finite horizon makes the same growth computable
    assert sim.message.value == "" and STALE_STYLE not in sim.summary.value
    assert sim.result["clv"] == pytest.approx(lifetime_value(100, 0.95, 0.12, 40, 150, 0.2))


def test_a_lifetime_value_that_rounds_to_zero_is_shown_as_0_not_minus_0(sim):
    sim.controls["acquisition_cost"].value = 250  # 40 years of margins are worth 249.9997 yuan
    assert -0.5 < sim.result["clv"] < 0  # the number itself stays exact
    assert "<b>0 元</b>" in sim.summary.value and "-0" not in sim.summary.value


def test_reset_restores_the_defaults(sim):
    default = sim.result
    for name, value in [("margin", 500), ("years", math.inf), ("growth", 10), ("acquisition_cost", 0)]:
        sim.controls[name].value = value
    sim.reset()
    assert sim.values() == DEFAULTS
    assert sim.result["clv"] == default["clv"] and sim.result["curve"] == pytest.approx(default["curve"])
    assert list(sim.artists["curve"].get_ydata()) == pytest.approx(default["curve"])


def test_labels_in_english():
    coursekit.setup(lang="en")
    try:
        sim = clv_simulator()
        assert sim.controls["margin"].description == entry("sims.value.clv_margin")["en"]
        assert sim.controls["years"].description == entry("sims.value.clv_years")["en"]
        assert sim.artists["ax"].get_title() == entry("sims.value.clv_title")["en"]
        assert sim.artists["ax"].get_ylabel() == entry("sims.value.clv_ylabel")["en"]
        assert "Lifetime value (CLV) of one customer: <b>100 yuan</b>" in sim.summary.value
        assert "paid back in year <b>3</b>" in sim.summary.value
        sim.controls["growth"].value = 30
        sim.controls["retention"].value = 90
        sim.controls["years"].value = math.inf  # 0.9 × 1.3 = 1.17 ≥ 1.12
        assert "infinite" in sim.message.value and "retention × (1 + margin growth) = 90% × 1.30" in sim.message.value
        assert "finite horizon" in sim.message.value and "growth =" not in sim.message.value
    finally:
        coursekit.setup()


def test_the_horizon_slider_ends_with_infinity(sim):
    horizon = sim.controls["years"]
    assert [value for _, value in horizon.options] == [*range(1, 41), math.inf]
    horizon.value = math.inf
    assert horizon.label == "∞"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("margin", -1),
        ("margin", 2000),
        ("retention", 1.0),
        ("retention", 0.1),
        ("discount", 0.5),
        ("years", 0),
        ("years", 41),
        ("years", 2.5),
        ("acquisition_cost", -5),
        ("growth", 0.5),
        ("growth", "high"),
    ],
)
def test_defaults_outside_the_sliders_are_refused(name, value):
    with pytest.raises(CourseInputError, match=name):
        clv_simulator(**{name: value})


@pytest.mark.parametrize("years", [None, math.inf])
def test_years_none_starts_without_a_time_limit(years):
    coursekit.setup()
    sim = clv_simulator(years=years)
    assert sim.controls["years"].value == math.inf and sim.result["years"] is None


@settings(deadline=None, max_examples=100)
@given(
    margin=st.integers(0, 100).map(lambda k: 10.0 * k),
    retention=st.integers(30, 99).map(lambda k: k / 100),
    discount=st.integers(0, 30).map(lambda k: k / 100),
    years=st.integers(1, 40),
    acquisition_cost=st.integers(0, 100).map(lambda k: 10.0 * k),
    growth=st.integers(-10, 30).map(lambda k: k / 100),
)
def test_model_agrees_with_an_explicit_sum_at_any_slider_position(
    margin, retention, discount, years, acquisition_cost, growth
):
    result = _clv_model(margin, retention, discount, years, acquisition_cost, growth)
    want = explicit_clv(margin, retention, discount, years, acquisition_cost, growth)
    assert result["clv"] == pytest.approx(want, rel=1e-9, abs=1e-6)
    curve = result["curve"]
    assert np.all(np.diff(curve) >= -1e-9)  # margins are never negative: the curve never falls
    year = result["breakeven"]
    if year is None:
        assert curve[-1] < 0
    else:
        assert curve[year] >= 0 and (year == 0 or curve[year - 1] < 0)


@pytest.mark.parametrize(("x", "ceiling"), [(1, 1), (101, 150), (0.3, 0.3), (7, 8), (2400, 2500), (0, 0), (-5, 0)])
def test_axis_limits_move_in_nice_steps(x, ceiling):
    assert nice_ceiling(x) == pytest.approx(ceiling)


def test_axis_limits_stay_put_for_small_moves_and_never_collapse():
    assert nice_limits(-150, 100) == nice_limits(-155, 104)
    assert nice_limits(0, 0) == (0, 10)
