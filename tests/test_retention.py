"""coursekit.retention: churn costs, churn rates, cohorts, the Reichheld & Sasser lift
and the acquisition-versus-retention budget model."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.errors import CourseInputError
from coursekit.i18n import entry
from coursekit.retention import (
    ACQUISITION_COST_RATIO,
    REICHHELD_SASSER_1990,
    acquisition_vs_retention,
    annual_churn,
    churn_replacement_cost,
    cohort_survival,
    cost_per_retention_point_from_ratio,
    monthly_churn,
    retention_profit_lift,
    survival_after,
)

FAST = settings(deadline=None, max_examples=100)


def explicit_npv(r, i, years, m=1.0, g=0.0):
    """Customer value over ``years`` years, one year at a time."""
    return sum(m * (1 + g) ** (t - 1) * r**t / (1 + i) ** t for t in range(1, years + 1))


def test_wireless_example_of_the_seed():
    row = churn_replacement_cost(175e6, 0.015, 300, periods=12).iloc[0]
    assert row["lost_per_period"] == pytest.approx(2.625e6)  # "about 2.6 million a month"
    assert row["cost_per_period"] == pytest.approx(787.5e6)  # "at least $787 million a month"
    assert row["lost_total"] == pytest.approx(31.5e6)
    assert row["cost_total"] == pytest.approx(9.45e9)  # "over $9 billion a year"
    assert row["cost_total"] > 9e9


def test_churn_cost_corners_are_one_row_each():
    table = churn_replacement_cost(175e6, [[0.01], [0.02]], [300, 450], periods=12)
    assert len(table) == 4
    expected = [(c, k) for c in (0.01, 0.02) for k in (300, 450)]
    assert list(zip(table["churn_rate"], table["cost_per_customer"], strict=True)) == expected
    for (c, k), cost in zip(expected, table["cost_total"], strict=True):
        assert cost == pytest.approx(175e6 * c * k * 12)
    assert (table["periods"] == 12).all()


def test_churn_rates():
    assert annual_churn(0.015) == pytest.approx(1 - 0.985**12)
    assert monthly_churn(0.2) == pytest.approx(1 - 0.8 ** (1 / 12))
    np.testing.assert_allclose(annual_churn(np.array([0.0, 1.0])), [0.0, 1.0])
    # the seed: 20 % a year is 67 % over five years, not 50 %
    assert 1 - survival_after(0.8, 5) == pytest.approx(1 - 0.32768)
    assert round(1 - survival_after(0.8, 5), 2) == 0.67
    # 50 % over five years is about 12.9 % a year
    assert survival_after(1 - 0.1294, 5) == pytest.approx(0.5, abs=1e-3)


@FAST
@given(st.floats(0, 1))
def test_monthly_and_annual_churn_are_inverse(rate):
    assert annual_churn(monthly_churn(rate)) == pytest.approx(rate, abs=1e-12)
    assert monthly_churn(rate) <= rate + 1e-12  # a month loses no more than a year


def test_cohort_survival_step_by_step():
    table = cohort_survival(0.7, 6, start=500)
    assert list(table.columns) == ["year", "customers", "lost", "cumulative_lost"]
    customers, lost_so_far = 500.0, 0.0
    for t in range(7):
        row = table.loc[t]
        assert row["year"] == t
        assert row["customers"] == pytest.approx(customers)
        assert row["cumulative_lost"] == pytest.approx(lost_so_far)
        lost = customers * 0.3
        customers, lost_so_far = customers - lost, lost_so_far + lost
        if t < 6:
            assert table.loc[t + 1, "lost"] == pytest.approx(lost)
    assert table.loc[0, "lost"] == 0


def test_profit_lift_equals_explicit_npv():
    row = retention_profit_lift(0.85, 0.05, 0.12, 15, margin=3.0, margin_growth=0.04).iloc[0]
    base, better = explicit_npv(0.85, 0.12, 15, 3.0, 0.04), explicit_npv(0.90, 0.12, 15, 3.0, 0.04)
    assert row["customer_value"] == pytest.approx(base)
    assert row["improved_customer_value"] == pytest.approx(better)
    assert row["improved_retention"] == pytest.approx(0.90)
    assert row["profit_lift"] == pytest.approx(better / base - 1)


def test_profit_lift_from_10_to_5_percent_defection_is_in_the_published_range():
    # MBNA-like credit card: defection 10 % -> 5 %; the exhibit's range is +25 % to +85 %
    lift = retention_profit_lift(0.90, 0.05, 0.10, years=10, margin_growth=0.05).loc[0, "profit_lift"]
    assert min(REICHHELD_SASSER_1990.values()) <= lift <= max(REICHHELD_SASSER_1990.values())


# Property domain: the study's setting (long relationships, retention of 70 % and more,
# discount up to 20 %, margins changing by at most 10 % a year, 1-5 points of retention).
long_years = st.integers(10, 60)
high_retention = st.floats(0.70, 0.90)
discounts = st.floats(0, 0.2)
growths = st.floats(-0.1, 0.1)
deltas = st.floats(0.01, 0.05)


@FAST
@given(high_retention, high_retention, deltas, discounts, long_years, growths)
def test_lift_grows_with_retention_level(r1, r2, delta, i, years, g):
    low, high = sorted((r1, r2))
    lifts = retention_profit_lift([low, high], delta, i, years, margin_growth=g)["profit_lift"]
    assert lifts[1] >= lifts[0] - 1e-12


def test_lift_falls_with_retention_over_a_short_horizon():
    # the property above needs long relationships: over 3 years it reverses
    lifts = retention_profit_lift([0.7, 0.8, 0.9], 0.05, 0.1, years=3)["profit_lift"]
    assert lifts.is_monotonic_decreasing


@FAST
@given(st.floats(0.05, 0.94), deltas, discounts, discounts, st.integers(1, 60), growths)
def test_lift_shrinks_with_discount_rate(r, delta, i1, i2, years, g):
    low, high = sorted((i1, i2))
    lifts = retention_profit_lift(r, delta, [low, high], years, margin_growth=g)["profit_lift"]
    assert lifts[1] <= lifts[0] + 1e-12


@FAST
@given(st.floats(0.05, 0.94), deltas, discounts, st.integers(1, 60), growths, growths)
def test_lift_grows_with_margin_growth(r, delta, i, years, g1, g2):
    low, high = sorted((g1, g2))
    lifts = retention_profit_lift(r, delta, i, years, margin_growth=[low, high])["profit_lift"]
    assert lifts[1] >= lifts[0] - 1e-12


@FAST
@given(st.floats(0.05, 0.94), deltas, discounts, st.integers(1, 40), st.floats(0.01, 1e4))
def test_lift_does_not_depend_on_the_money_unit(r, delta, i, years, m):
    one = retention_profit_lift(r, delta, i, years, margin=1.0).loc[0, "profit_lift"]
    assert retention_profit_lift(r, delta, i, years, margin=m).loc[0, "profit_lift"] == pytest.approx(one)


def test_reichheld_sasser_exhibit_matches_its_title():
    # the exhibit's title: "Reducing defections 5% boosts profits 25% to 85%"
    assert min(REICHHELD_SASSER_1990.values()) == 0.25
    assert max(REICHHELD_SASSER_1990.values()) == 0.85
    assert REICHHELD_SASSER_1990["branch_deposits"] == 0.85
    assert REICHHELD_SASSER_1990["insurance_brokerage"] == 0.50
    assert REICHHELD_SASSER_1990["auto_service"] == 0.30
    for industry in REICHHELD_SASSER_1990:
        assert entry(f"categories.{industry}")["zh"] and entry(f"categories.{industry}")["en"]


def test_retention_point_cost_keeps_ratio_times_as_many_customers():
    customers, cost_new, spend = 2000, 150.0, 9000.0
    point = cost_per_retention_point_from_ratio(customers, cost_new)
    assert point == pytest.approx(customers / 100 * cost_new / ACQUISITION_COST_RATIO)
    kept_more = spend / point / 100 * customers  # customers kept by one year's retention spend
    won = spend / cost_new
    assert kept_more == pytest.approx(ACQUISITION_COST_RATIO * won)


@FAST
@given(
    st.floats(0, 50_000),
    st.floats(0, 1),
    st.floats(10, 500),
    st.floats(50, 5000),
    st.floats(0, 5000),
    st.floats(0, 0.9),
    st.floats(0, 200),
    st.integers(1, 15),
    st.floats(0, 0.3),
)
def test_budget_model_follows_its_year_by_year_rules(budget, share, cost_new, cost_point, n, r, m, years, i):
    table = acquisition_vs_retention(budget, share, cost_new, cost_point, n, r, m, years=years, discount=i)
    new = budget * (1 - share) / cost_new
    kept = min(r + budget * share / cost_point / 100, 0.95)
    customers, cumulative = n, 0.0
    assert table.loc[0, "customers"] == pytest.approx(n)
    assert table.loc[0, "retention"] == pytest.approx(r)
    for t in range(1, years + 1):
        customers = customers * kept + new
        profit = customers * m - budget
        cumulative += profit / (1 + i) ** t
        row = table.loc[t]
        assert row["retention"] == pytest.approx(kept)
        assert row["new_customers"] == pytest.approx(new)
        assert row["customers"] == pytest.approx(customers, rel=1e-9, abs=1e-6)
        assert row["profit"] == pytest.approx(profit, rel=1e-9, abs=1e-3)
        assert row["cumulative_profit"] == pytest.approx(cumulative, rel=1e-9, abs=1e-3)


def test_retention_spend_is_capped():
    table = acquisition_vs_retention(1e6, 1.0, 100, 10, 1000, 0.8, 50, years=2, max_retention=0.9)
    assert table.loc[1:, "retention"].tolist() == [0.9, 0.9]
    assert table.loc[1:, "new_customers"].tolist() == [0.0, 0.0]


def test_all_on_acquisition_leaves_retention_unchanged():
    table = acquisition_vs_retention(5000, 0.0, 100, 400, 1000, 0.8, 50, years=3)
    assert (table["retention"] == 0.8).all()
    assert table.loc[1:, "new_customers"].tolist() == [50.0, 50.0, 50.0]


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("customers", -1),
        ("churn_rate", 1.5),
        ("churn_rate", [0.01, -0.01]),
        ("cost_per_customer", -300),
        ("periods", 0),
        ("periods", 1.5),
    ],
)
def test_churn_replacement_cost_rejects(name, bad):
    args = {"customers": 100, "churn_rate": 0.01, "cost_per_customer": 300, "periods": 1, name: bad}
    with pytest.raises(CourseInputError) as err:
        churn_replacement_cost(**args)
    assert name in str(err.value) and " / " in err.value.bilingual()


@pytest.mark.parametrize(
    ("function", "name", "bad"),
    [
        (annual_churn, "monthly_churn", 1.2),
        (annual_churn, "monthly_churn", "0.1"),
        (monthly_churn, "annual_churn", -0.1),
        (survival_after, "retention", 1.1),
        (survival_after, "years", -1),
    ],
)
def test_rate_conversions_reject(function, name, bad):
    args = {"retention": 0.8, "years": 5} if function is survival_after else {}
    args[name] = bad
    with pytest.raises(CourseInputError, match=name):
        function(**args)


@pytest.mark.parametrize(("name", "bad"), [("retention", 1.5), ("retention", [0.5, 0.6]), ("years", 0), ("start", -10)])
def test_cohort_survival_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        cohort_survival(**{"retention": 0.8, "years": 5, name: bad})


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("retention", 0.0),
        ("retention", 1.0),
        ("delta", 0.0),
        ("delta", -0.05),
        ("discount", 1.5),
        ("years", 0),
        ("years", 1001),
        ("margin", 0),
        ("margin_growth", 1.5),
    ],
)
def test_retention_profit_lift_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        retention_profit_lift(**{"retention": 0.8, name: bad})


def test_retention_profit_lift_rejects_retention_above_one():
    with pytest.raises(CourseInputError, match=r"retention \+ delta"):
        retention_profit_lift(0.97, delta=0.05)


@pytest.mark.parametrize(("name", "bad"), [("customers", 0), ("cost_per_new_customer", -1), ("ratio", 0)])
def test_cost_per_retention_point_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        cost_per_retention_point_from_ratio(**{"customers": 100, "cost_per_new_customer": 100, name: bad})


BUDGET_GOOD = {
    "budget": 1000,
    "retention_share": 0.5,
    "cost_per_new_customer": 100,
    "cost_per_retention_point": 400,
    "customers": 1000,
    "retention": 0.8,
    "margin": 50,
}


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("budget", -1),
        ("retention_share", 1.1),
        ("cost_per_new_customer", 0),
        ("cost_per_retention_point", 0),
        ("customers", -5),
        ("retention", 0.97),  # above max_retention
        ("margin", -1),
        ("years", 0),
        ("years", 5000),
        ("discount", 2),
        ("max_retention", 1.0),
        ("budget", [1000, 2000]),
    ],
)
def test_acquisition_vs_retention_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        acquisition_vs_retention(**{**BUDGET_GOOD, name: bad})


def test_every_output_column_has_a_label_in_both_languages():
    tables = [
        churn_replacement_cost(100, 0.01, 300),
        cohort_survival(0.8, 2),
        retention_profit_lift(0.8),
        acquisition_vs_retention(**BUDGET_GOOD),
    ]
    for column in pd.concat([t.columns.to_series() for t in tables]):
        label = entry(f"columns.{column}")
        assert label["zh"] and label["en"]


def test_orders_of_customers_missing_from_the_customer_table_are_refused_not_dropped():
    from coursekit.retention import first_and_repeat_revenue

    orders = pd.DataFrame({"customer_id": ["a", "b"], "revenue": [10.0, 20.0], "date": ["2024-01-01", "2024-02-01"]})
    people = pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"], "join_date": ["2024-01-01"]})
    with pytest.raises(CourseInputError, match="'b'"):
        first_and_repeat_revenue(orders, people)


def test_a_call_list_needs_every_listed_customers_contact():
    from coursekit.retention import at_risk_customers

    orders = pd.DataFrame({"customer_id": ["a", "a"], "revenue": 5.0, "date": ["2024-01-05", "2025-01-05"]})
    cases = pd.DataFrame({"customer_id": ["a"], "opened": ["2024-02-01"], "resolution": ["unresolved"]})
    people = pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"], "preferred_contact": [None]})
    with pytest.raises(CourseInputError, match="preferred_contact"):
        at_risk_customers(orders, cases, people)
