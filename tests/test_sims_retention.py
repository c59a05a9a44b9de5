"""coursekit.sims.retention: retention what-if, acquire or retain, churn cost, driven headless as a
student's sliders would drive them."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit
from coursekit.errors import CourseInputError
from coursekit.i18n import LANGUAGES, entry
from coursekit.retention import (
    REICHHELD_SASSER_1990,
    acquisition_vs_retention,
    annual_churn,
    churn_replacement_cost,
    cohort_survival,
    cost_per_retention_point_from_ratio,
    retention_profit_lift,
)
from coursekit.sims.base import STALE_STYLE, model_value, padded
from coursekit.sims.retention import (
    MONEY_UNIT,
    _retention_model,
    acquire_or_retain_simulator,
    churn_cost_simulator,
    retention_simulator,
)
from coursekit.value import cumulative_value, lifetime_value


def ydata(line):
    return list(line.get_ydata())


# --- retention what-if ------------------------------------------------------------------------

RETENTION_DEFAULTS = {"retention": 0.8, "delta": 0.05, "discount": 0.10, "growth": 0.0, "years": 10}


@pytest.fixture
def retention_sim():
    coursekit.setup()
    return retention_simulator()


def retention_expected(retention, delta, discount, growth, years, customers=1000, margin=100):
    """What the coursekit functions say for these slider values."""
    improved = retention + delta
    lift = retention_profit_lift(retention, delta, discount, years, margin, growth)
    return {
        "profit_lift": lift["profit_lift"].iloc[0],
        "survivors": cohort_survival(retention, years, start=customers)["customers"].to_numpy(),
        "improved_survivors": cohort_survival(improved, years, start=customers)["customers"].to_numpy(),
        "cumulative_profit": customers
        * cumulative_value(margin, retention, discount, years, growth=growth)["cumulative_value"].to_numpy(),
        "improved_cumulative_profit": customers
        * cumulative_value(margin, improved, discount, years, growth=growth)["cumulative_value"].to_numpy(),
        "total": customers * lifetime_value(margin, retention, discount, years, growth=growth),
        "improved_total": customers * lifetime_value(margin, improved, discount, years, growth=growth),
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [("retention", 90), ("retention", 50), ("delta", 10), ("discount", 20), ("growth", 10), ("years", 20)],
)
def test_retention_move_shows_what_the_retention_functions_return(retention_sim, name, value):
    retention_sim.controls[name].value = value  # rates in percent, as on the slider
    values = {**RETENTION_DEFAULTS, name: model_value(retention_sim.controls[name])}
    want = retention_expected(**values)
    result = retention_sim.result
    assert result["profit_lift"] == pytest.approx(want["profit_lift"])
    for key in ["survivors", "improved_survivors", "cumulative_profit", "improved_cumulative_profit"]:
        assert result[key] == pytest.approx(want[key])
        assert ydata(retention_sim.artists[key]) == pytest.approx(want[key])  # the figure shows the same series
    assert result["cumulative_profit"][-1] == pytest.approx(want["total"])  # the cohort's profit = 1000 × value
    assert result["improved_cumulative_profit"][-1] == pytest.approx(want["improved_total"])
    assert retention_sim.artists["left"].get_xlim() == padded(0, values["years"])  # line ends off the edges
    html = retention_sim.summary.value
    assert f"提升 {want['profit_lift']:.0%}" in html
    assert f"{want['survivors'][-1]:,.0f} 位 → {want['improved_survivors'][-1]:,.0f} 位" in html
    assert f"{want['total']:,.0f} 元 → {want['improved_total']:,.0f} 元" in html


def test_retention_defaults_and_the_reichheld_sasser_range(retention_sim):
    assert retention_sim.values() == RETENTION_DEFAULTS
    assert retention_sim.result["profit_lift"] == pytest.approx(0.229, abs=5e-4)
    low, high = min(REICHHELD_SASSER_1990.values()), max(REICHHELD_SASSER_1990.values())
    assert (low, high) == (0.25, 0.85)
    assert "25%–85%" in retention_sim.summary.value
    assert retention_sim.artists["left"].get_ylim() == pytest.approx((0, 1050))  # fixed: the cohort's size


def test_retention_lift_depends_on_discount_and_growth(retention_sim):
    """The point of the explanation: the same 5 points are worth more with growth, less with discounting."""
    base = retention_sim.result["profit_lift"]
    retention_sim.controls["growth"].value = 10
    with_growth = retention_sim.result["profit_lift"]
    retention_sim.controls["growth"].value = 0
    retention_sim.controls["discount"].value = 30
    assert with_growth > base > retention_sim.result["profit_lift"]


def test_retention_above_100_percent_shows_a_message_and_keeps_the_last_result(retention_sim):
    retention_sim.controls["retention"].value = 95
    before, summary = retention_sim.result, retention_sim.summary.value
    retention_sim.controls["delta"].value = 10  # 95 % + 10 points > 100 %
    message = retention_sim.message.value
    assert "⚠" in message and "当前保持率 95% + 保持率提高 10 个百分点 = 105%，超过 100%" in message
    assert "retention + delta" not in message and "允许" not in message
    assert retention_sim.result is before
    assert retention_sim.summary.value == f'<div style="{STALE_STYLE}">{summary}</div>'  # greyed: not current
    retention_sim.controls["delta"].value = 5
    assert retention_sim.message.value == "" and STALE_STYLE not in retention_sim.summary.value


def test_retention_gain_reads_in_percentage_points_as_its_label_says(retention_sim):
    """The label says 百分点 (points of retention): the slider holds whole points and reads 5, not
    "+5%" (read as 5 % more); retention_profit_lift gets the fraction 0.05. A typed "12" is 12 points."""
    delta = retention_sim.controls["delta"]
    assert "百分点" in delta.description
    assert (delta.value, delta.min, delta.max, delta.step, delta.readout_format) == (5, 1, 20, 1, "d")
    assert retention_sim.values()["delta"] == 0.05
    delta.value = 12
    assert retention_sim.values()["delta"] == 0.12
    assert retention_sim.result["improved_retention"] == pytest.approx(0.92)
    assert "降低 12 个百分点" in retention_sim.summary.value


@pytest.mark.parametrize("years", [1, 10, 20])
def test_retention_lines_do_not_start_or_end_on_the_axes_edges(retention_sim, years):
    retention_sim.controls["years"].value = years
    for ax in (retention_sim.artists["left"], retention_sim.artists["right"]):
        low, high = ax.get_xlim()
        assert low < 0 and high > years
        assert all(float(tick).is_integer() for tick in ax.get_xticks())  # whole years, also for 1 year


def test_retention_reset_restores_the_defaults(retention_sim):
    default = retention_sim.result
    retention_sim.controls["years"].value = 3
    retention_sim.controls["growth"].value = 20
    retention_sim.controls["delta"].value = 15
    retention_sim.reset()
    assert retention_sim.controls["delta"].value == 5
    assert retention_sim.values() == RETENTION_DEFAULTS
    assert retention_sim.result["profit_lift"] == default["profit_lift"]
    assert ydata(retention_sim.artists["survivors"]) == pytest.approx(default["survivors"])


@settings(deadline=None, max_examples=100)
@given(
    retention=st.integers(30, 94).map(lambda k: k / 100),
    delta=st.integers(1, 5).map(lambda k: k / 100),
    discount=st.integers(0, 30).map(lambda k: k / 100),
    growth=st.integers(-10, 30).map(lambda k: k / 100),
    years=st.integers(1, 20),
)
def test_retention_lift_agrees_with_an_explicit_loop(retention, delta, discount, growth, years):
    def value(r):
        return sum(100 * (1 + growth) ** (t - 1) * r**t / (1 + discount) ** t for t in range(1, years + 1))

    result = _retention_model(1000, 100, retention, delta, discount, growth, years)
    assert result["profit_lift"] == pytest.approx(value(retention + delta) / value(retention) - 1, rel=1e-9)
    assert result["survivors"][-1] == pytest.approx(1000 * retention**years)


# --- acquire or retain ------------------------------------------------------------------------

ACQUIRE_DEFAULTS = {
    "budget": 10_000,
    "retention_share": 0.5,
    "cost_per_new_customer": 200,
    "cost_ratio": 5,
    "customers": 1000,
    "retention": 0.8,
    "margin": 100,
}


@pytest.fixture
def acquire_sim():
    coursekit.setup()
    return acquire_or_retain_simulator()


def acquire_expected(budget, retention_share, cost_per_new_customer, cost_ratio, customers, retention, margin):
    point = cost_per_retention_point_from_ratio(customers, cost_per_new_customer, cost_ratio)
    args = (cost_per_new_customer, point, customers, retention, margin)
    return point, acquisition_vs_retention(budget, retention_share, *args), acquisition_vs_retention(budget, 0, *args)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("budget", 30_000),
        ("retention_share", 80),
        ("cost_per_new_customer", 500),
        ("cost_ratio", 10),
        ("customers", 5000),
        ("retention", 60),
        ("margin", 300),
    ],
)
def test_acquire_move_shows_what_the_retention_functions_return(acquire_sim, name, value):
    acquire_sim.controls[name].value = value  # rates in percent, as on the slider
    point, plan, reference = acquire_expected(**{**ACQUIRE_DEFAULTS, name: model_value(acquire_sim.controls[name])})
    result = acquire_sim.result
    assert result["point_cost"] == pytest.approx(point)
    assert result["kept"] == pytest.approx(plan["retention"].iloc[-1])
    for key, table, column in [
        ("customers", plan, "customers"),
        ("cumulative_profit", plan, "cumulative_profit"),
        ("reference_customers", reference, "customers"),
        ("reference_cumulative_profit", reference, "cumulative_profit"),
    ]:
        assert result[key] == pytest.approx(table[column].to_numpy())
        assert ydata(acquire_sim.artists[key]) == pytest.approx(table[column].to_numpy())
    html = acquire_sim.summary.value
    end, ref = plan.iloc[-1], reference.iloc[-1]
    assert f"客户 <b>{end['customers']:,.0f}</b> 位，累计利润 <b>{end['cumulative_profit']:,.0f}</b> 元" in html
    assert f"{ref['customers']:,.0f} 位，{ref['cumulative_profit']:,.0f} 元" in html
    assert f"每年花 {point:,.0f} 元" in html


def test_acquire_defaults_follow_the_five_times_rule_and_an_explicit_simulation(acquire_sim):
    result = acquire_sim.result
    assert result["point_cost"] == 400  # 1000 / 100 × 200 / 5
    # year by year, by hand: 5,000 yuan buys 12.5 points of retention, 5,000 yuan buys 25 new customers
    kept, new, customers, profit = 0.925, 25, 1000.0, 0.0
    for year in range(1, 6):
        customers = customers * kept + new
        profit += customers * 100 - 10_000
        assert result["customers"][year] == pytest.approx(customers)
        assert result["cumulative_profit"][year] == pytest.approx(profit)
    assert result["profit_gain"] == pytest.approx(profit - result["reference_cumulative_profit"][-1])
    assert f"相差 {result['profit_gain']:+,.0f} 元" in acquire_sim.summary.value


def test_acquire_all_on_acquisition_is_the_reference(acquire_sim):
    acquire_sim.controls["retention_share"].value = 0
    assert ydata(acquire_sim.artists["customers"]) == pytest.approx(ydata(acquire_sim.artists["reference_customers"]))
    assert acquire_sim.result["profit_gain"] == 0


def test_acquire_says_when_retention_money_hits_the_ceiling(acquire_sim):
    capped = entry("sims.retention.acquire_summary_capped")["zh"].split("{")[0]
    assert capped not in acquire_sim.summary.value  # half the budget: 92.5 %
    acquire_sim.controls["retention_share"].value = 100  # would be 105 %
    assert acquire_sim.result["kept"] == 0.95
    assert capped in acquire_sim.summary.value


def test_acquire_with_no_customers_shows_a_message_and_keeps_the_last_result(acquire_sim):
    before, summary = acquire_sim.result, acquire_sim.summary.value
    acquire_sim.controls["customers"].value = 0  # nothing to keep: a retention point has no price
    message = acquire_sim.message.value
    assert "⚠" in message and "现有客户为 0" in message and "至少设为 100 位" in message
    assert "customers =" not in message and "(0, ∞]" not in message
    assert acquire_sim.result is before
    assert acquire_sim.summary.value == f'<div style="{STALE_STYLE}">{summary}</div>'  # greyed: not current
    acquire_sim.controls["customers"].value = 100  # the position the message names can be computed
    assert acquire_sim.message.value == "" and STALE_STYLE not in acquire_sim.summary.value


def marker_boxes(line):
    """Each marker of ``line`` as (x0, y0, x1, y1) in pixels."""
    fig = line.figure
    radius = (line.get_markersize() + line.get_markeredgewidth()) / 2 * fig.dpi / 72
    points = line.get_transform().transform(line.get_xydata())
    return [(x - radius, y - radius, x + radius, y + radius) for x, y in points]


@pytest.mark.parametrize("presentation", [False, True])
def test_acquire_markers_are_drawn_whole(presentation):
    """Year 0 and year 5 sit at the ends of the x-axis, profit 0 on the lowest y-limit: no half markers."""
    coursekit.setup(presentation=presentation)
    try:
        sim = acquire_or_retain_simulator(customers=100, retention=0.5, budget=0)  # the base shrinks to ~3
        for kind in ["customers", "reference_customers", "cumulative_profit", "reference_cumulative_profit"]:
            line = sim.artists[kind]
            box = line.axes.bbox
            for x0, y0, x1, y1 in marker_boxes(line):
                assert box.x0 <= x0 and x1 <= box.x1, kind  # room before year 0 and after year 5
                assert not line.get_clip_on() or (box.y0 <= y0 and y1 <= box.y1), kind  # not cut at a y-limit
    finally:
        coursekit.setup()


def test_acquire_reset_restores_the_defaults(acquire_sim):
    default = acquire_sim.result
    acquire_sim.controls["budget"].value = 0
    acquire_sim.controls["margin"].value = 0
    acquire_sim.reset_button.click()
    assert acquire_sim.values() == ACQUIRE_DEFAULTS
    assert acquire_sim.result["end_profit"] == default["end_profit"]


# --- churn cost -------------------------------------------------------------------------------

CHURN_DEFAULTS = {"customers_millions": 175, "monthly_churn": 0.015, "cost_per_customer": 300}


@pytest.fixture
def churn_sim():
    coursekit.setup()
    return churn_cost_simulator()


def test_churn_defaults_reproduce_the_seed_wireless_case(churn_sim):
    result = churn_sim.result
    assert churn_sim.values() == CHURN_DEFAULTS
    assert result["lost_per_month"] == pytest.approx(2.625e6)  # "about 2.6 million a month"
    assert result["cost_per_month"] == pytest.approx(787.5e6)  # "at least $787 million a month"
    assert result["cost_per_year"] == pytest.approx(9.45e9)  # "over $9 billion a year"
    html = churn_sim.summary.value
    assert "262.5 万" in html and "7.875 亿美元" in html and "94.5 亿美元" in html
    assert "16.6%" in html  # 1 − 0.985^12
    coursekit.setup(lang="en")
    try:
        html = churn_cost_simulator().summary.value
        assert "2.625 million" in html and "$787.5 million" in html and "$9.45 billion" in html
    finally:
        coursekit.setup()


@pytest.mark.parametrize(
    ("name", "value"), [("customers_millions", 100), ("monthly_churn", 2), ("cost_per_customer", 450)]
)
def test_churn_move_shows_what_churn_replacement_cost_returns(churn_sim, name, value):
    churn_sim.controls[name].value = value  # the churn rate in percent, as on the slider
    values = {**CHURN_DEFAULTS, name: model_value(churn_sim.controls[name])}
    want = churn_replacement_cost(
        values["customers_millions"] * 1e6, values["monthly_churn"], values["cost_per_customer"], periods=12
    ).iloc[0]
    result = churn_sim.result
    assert result["lost_per_month"] == pytest.approx(want["lost_per_period"])
    assert result["cost_per_year"] == pytest.approx(want["cost_total"])
    assert result["annual_churn"] == pytest.approx(annual_churn(values["monthly_churn"]))
    assert result["annual_churn"] == pytest.approx(1 - (1 - values["monthly_churn"]) ** 12)
    heights = [bar.get_height() for bar in churn_sim.artists["bars"]]
    assert heights == pytest.approx(want["cost_per_period"] * np.arange(1, 13) / 1e8)  # 亿美元, month by month
    assert heights[-1] == pytest.approx(want["cost_total"] / 1e8)
    assert churn_sim.artists["total"].get_text() == f"{want['cost_total'] / 1e8:.4g} 亿美元"
    assert f"{want['cost_total'] / 1e8:.4g} 亿美元" in churn_sim.summary.value


def test_churn_figure_in_english_uses_billions():
    coursekit.setup(lang="en")
    try:
        sim = churn_cost_simulator()
        assert sim.controls["monthly_churn"].description == entry("sims.retention.churn_rate")["en"]
        assert sim.artists["ax"].get_ylabel() == entry("sims.retention.churn_ylabel")["en"]
        assert sim.artists["bars"][-1].get_height() == pytest.approx(9.45)
        assert sim.artists["total"].get_text() == "$9.45 billion"
    finally:
        coursekit.setup()


def test_churn_every_slider_position_is_valid(churn_sim):
    """Churn cost has no invalid combination: every corner of the sliders computes."""
    ranges = {  # what the model gets at each end: the churn rate as a fraction
        name: (model_value(control, control.min), model_value(control, control.max))
        for name, control in churn_sim.controls.items()
    }
    for corner in itertools.product(*ranges.values()):
        churn_sim.model(**dict(zip(ranges, corner, strict=True)))  # no CourseInputError
    for control in churn_sim.controls.values():
        control.value = control.max
    assert churn_sim.message.value == ""
    assert churn_sim.result["cost_per_year"] == pytest.approx(300e6 * 0.03 * 600 * 12)


def test_churn_money_unit_matches_the_labels_in_every_language():
    """MONEY_UNIT (code) and the unit words of sim_churn_ylabel / sim_churn_bar_total (i18n) go together."""
    assert set(MONEY_UNIT) == set(LANGUAGES)
    words = {1e8: "亿", 1e9: "billion"}
    for lang, unit in MONEY_UNIT.items():
        assert (
            words[unit] in entry("sims.retention.churn_ylabel")[lang]
            and words[unit] in entry("sims.retention.churn_bar_total")[lang]
        )


def test_churn_reset_restores_the_defaults(churn_sim):
    churn_sim.controls["monthly_churn"].value = 3
    churn_sim.reset()
    assert churn_sim.values() == CHURN_DEFAULTS
    assert churn_sim.result["cost_per_year"] == pytest.approx(9.45e9)


# --- all three: labels and defaults -----------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "key", "control", "title"),
    [
        (retention_simulator, "sims.retention.retention_delta", "delta", "sims.retention.retention_survivors_title"),
        (
            acquire_or_retain_simulator,
            "sims.retention.acquire_share",
            "retention_share",
            "sims.retention.acquire_customers_title",
        ),
        (churn_cost_simulator, "sims.retention.churn_customers", "customers_millions", "sims.retention.churn_title"),
    ],
)
def test_labels_follow_the_language(factory, key, control, title):
    coursekit.setup(lang="en")
    try:
        sim = factory()
        assert sim.controls[control].description == entry(key)["en"]
        assert sim.fig.axes[0].get_title() == entry(title)["en"]
        assert "元" not in sim.summary.value and "位" not in sim.summary.value
    finally:
        coursekit.setup()
    sim = factory()
    assert sim.controls[control].description == entry(key)["zh"]


@pytest.mark.parametrize(
    ("factory", "name", "value"),
    [
        (retention_simulator, "retention", 1.0),
        (retention_simulator, "delta", 0),
        (retention_simulator, "delta", 0.055),  # the slider has whole points only
        (retention_simulator, "discount", -0.1),
        (retention_simulator, "growth", 0.5),
        (retention_simulator, "years", 21),
        (retention_simulator, "customers", 0),
        (retention_simulator, "margin", -100),
        (acquire_or_retain_simulator, "budget", -1),
        (acquire_or_retain_simulator, "retention_share", 1.5),
        (acquire_or_retain_simulator, "cost_per_new_customer", 0),
        (acquire_or_retain_simulator, "cost_ratio", 0.5),
        (acquire_or_retain_simulator, "customers", 10.5),
        (acquire_or_retain_simulator, "retention", 0.99),
        (acquire_or_retain_simulator, "margin", "a lot"),
        (churn_cost_simulator, "customers_millions", 500),
        (churn_cost_simulator, "monthly_churn", 0.2),
        (churn_cost_simulator, "cost_per_customer", 50),
    ],
)
def test_defaults_outside_the_sliders_are_refused(factory, name, value):
    with pytest.raises(CourseInputError, match=name):
        factory(**{name: value})
