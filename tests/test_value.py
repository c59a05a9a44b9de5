"""coursekit.value: lifetime value, its table, break-even year and customer equity."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit.errors import CourseInputError
from coursekit.i18n import entry
from coursekit.value import (
    breakeven_year,
    cumulative_value,
    customer_equity,
    lifetime_revenue,
    lifetime_value,
    margin_multiple,
)

FAST = settings(deadline=None, max_examples=100)
margins = st.floats(0, 1000)
retentions = st.floats(0, 0.95)
discounts = st.floats(0, 0.5)
growths = st.floats(-0.2, 0.2)


def explicit_sum(m, r, i, years, g=0.0, timing="end", c=0.0):
    """Lifetime value, one payment at a time (independent of the library code)."""
    total = 0.0
    for k in range(years):  # k-th payment, k = 0, 1, ...
        t = k + 1 if timing == "end" else k  # time it is paid
        total += m * (1 + g) ** k * r**t / (1 + i) ** t
    return total - c


# Gupta & Lehmann (2003, 2005), margin-multiple table: rows retention 60-90 %,
# columns discount 10, 12, 14, 16 %.
PUBLISHED_MULTIPLES = {
    0.6: (1.20, 1.15, 1.11, 1.07),
    0.7: (1.75, 1.67, 1.59, 1.52),
    0.8: (2.67, 2.50, 2.35, 2.22),
    0.9: (4.50, 4.09, 3.75, 3.46),
}


@pytest.mark.parametrize("retention", sorted(PUBLISHED_MULTIPLES))
def test_margin_multiple_matches_the_published_table(retention):
    got = margin_multiple(retention, np.array([0.10, 0.12, 0.14, 0.16]))
    assert np.round(got, 2).tolist() == list(PUBLISHED_MULTIPLES[retention])


def test_infinite_lifetime_value_is_margin_times_multiple_minus_cost():
    assert lifetime_value(100, 0.8, 0.12, acquisition_cost=40) == pytest.approx(100 * 2.5 - 40)
    # with growth: m r / (1 + i - r (1 + g))
    assert lifetime_value(100, 0.8, 0.12, growth=0.1) == pytest.approx(100 * 0.8 / (1.12 - 0.88))
    # timing "start": m (1 + i) / (1 + i - r (1 + g))
    assert lifetime_value(100, 0.8, 0.12, growth=0.1, timing="start") == pytest.approx(100 * 1.12 / (1.12 - 0.88))


@pytest.mark.parametrize("timing", ["end", "start"])
@pytest.mark.parametrize("years", [1, 2, 7, 30])
def test_finite_horizon_equals_explicit_sum(timing, years):
    got = lifetime_value(120, 0.85, 0.09, years=years, acquisition_cost=50, growth=0.04, timing=timing)
    assert got == pytest.approx(explicit_sum(120, 0.85, 0.09, years, 0.04, timing, 50))


@FAST
@given(margins, retentions, discounts, growths, st.sampled_from(["end", "start"]))
def test_finite_horizon_tends_to_the_infinite_closed_form(m, r, i, g, timing):
    if r * (1 + g) / (1 + i) > 0.97:  # 0.97**1000 = 6e-14: 1000 years are as good as forever
        return
    infinite = lifetime_value(m, r, i, growth=g, timing=timing)
    assert lifetime_value(m, r, i, years=1000, growth=g, timing=timing) == pytest.approx(infinite, rel=1e-9, abs=1e-9)


@FAST
@given(margins, retentions, discounts, growths, st.integers(1, 60), st.sampled_from(["end", "start"]))
def test_value_grows_with_years(m, r, i, g, years, timing):
    shorter = lifetime_value(m, r, i, years=years, growth=g, timing=timing)
    assert lifetime_value(m, r, i, years=years + 1, growth=g, timing=timing) >= shorter - 1e-9


@FAST
@given(margins, retentions, retentions, discounts, st.sampled_from([None, 3, 20]), st.sampled_from(["end", "start"]))
def test_more_retention_never_lowers_lifetime_value(m, r1, r2, i, years, timing):
    low, high = sorted((r1, r2))
    v_low = lifetime_value(m, low, i, years=years, acquisition_cost=10, timing=timing)
    assert lifetime_value(m, high, i, years=years, acquisition_cost=10, timing=timing) >= v_low - 1e-9


@FAST
@given(margins, retentions, discounts, discounts, st.sampled_from([None, 3, 20]), st.sampled_from(["end", "start"]))
def test_higher_discount_never_raises_lifetime_value(m, r, i1, i2, years, timing):
    low, high = sorted((i1, i2))
    v_low = lifetime_value(m, r, low, years=years, timing=timing)
    assert lifetime_value(m, r, high, years=years, timing=timing) <= v_low + 1e-9


@FAST
@given(
    st.lists(st.floats(0, 0.95), min_size=1, max_size=4),
    st.lists(st.floats(0, 0.5), min_size=1, max_size=3),
    st.sampled_from([None, 1, 12]),
    st.sampled_from(["end", "start"]),
)
def test_broadcasting_equals_elementwise_scalar_calls(rs, ds, years, timing):
    r, i = np.array(rs)[:, None], np.array(ds)[None, :]
    margin, cost = np.array([80.0]), np.array([[5.0]])
    grid = lifetime_value(margin, r, i, years=years, acquisition_cost=cost, growth=0.02, timing=timing)
    assert isinstance(grid, np.ndarray)
    assert grid.shape == (len(rs), len(ds))
    for a, ra in enumerate(rs):
        for b, db in enumerate(ds):
            one = lifetime_value(80.0, ra, db, years=years, acquisition_cost=5.0, growth=0.02, timing=timing)
            assert isinstance(one, float)
            assert grid[a, b] == pytest.approx(one)


def test_growth_that_makes_value_infinite_is_refused_naming_growth():
    with pytest.raises(CourseInputError) as err:
        lifetime_value(100, 0.9, 0.05, growth=0.2)
    msg = err.value.bilingual()
    assert "growth = 0.2" in msg and "无穷大" in msg and "infinite" in msg
    # the same inputs are fine over a finite horizon
    assert lifetime_value(100, 0.9, 0.05, years=10, growth=0.2) == pytest.approx(explicit_sum(100, 0.9, 0.05, 10, 0.2))
    # and in a grid, one bad cell is enough to refuse
    with pytest.raises(CourseInputError, match="growth"):
        lifetime_value(100, np.array([0.5, 0.9]), 0.05, growth=0.2)


def test_retention_of_one_is_a_perpetuity_when_discounted():
    assert lifetime_value(100, 1.0, 0.1) == pytest.approx(100 / 0.1)
    with pytest.raises(CourseInputError, match="growth"):
        lifetime_value(100, 1.0, 0.0)


@pytest.mark.parametrize("timing", ["end", "start"])
def test_cumulative_value_table(timing):
    table = cumulative_value(100, 0.8, 0.1, years=6, acquisition_cost=150, growth=0.05, timing=timing)
    assert list(table.columns) == [
        "year",
        "survival",
        "margin",
        "expected_margin",
        "discounted_margin",
        "cumulative_value",
    ]
    assert table["year"].tolist() == list(range(7))
    assert table.loc[0, "cumulative_value"] == -150
    assert table.loc[0, "discounted_margin"] == 0
    shift = 0 if timing == "end" else 1
    for t in range(1, 7):
        row = table.loc[t]
        assert row["survival"] == pytest.approx(0.8 ** (t - shift))
        assert row["margin"] == pytest.approx(100 * 1.05 ** (t - 1))
        assert row["discounted_margin"] == pytest.approx(row["expected_margin"] / 1.1 ** (t - shift))
        # each row's cumulative value is the lifetime value over t years
        expected = lifetime_value(100, 0.8, 0.1, years=t, acquisition_cost=150, growth=0.05, timing=timing)
        assert row["cumulative_value"] == pytest.approx(expected)


def test_breakeven_year_by_hand():
    # no discounting: -150 + 80 = -70, + 64 = -6, + 51.2 = 45.2 -> year 3
    assert breakeven_year(100, 0.8, 0.0, acquisition_cost=150) == 3
    # paid on joining: 100 already in year 1 covers a cost of 100
    assert breakeven_year(100, 0.8, 0.0, acquisition_cost=100, timing="start") == 1
    assert breakeven_year(100, 0.8, 0.0, acquisition_cost=0) == 0
    # the whole lifetime is worth 100 * 0.5 / 0.6 = 83.3 < 500: never
    assert breakeven_year(100, 0.5, 0.1, acquisition_cost=500) is None
    # pays back only after year 2, so max_years=2 is too short
    assert breakeven_year(100, 0.8, 0.0, acquisition_cost=150, max_years=2) is None


def test_customer_equity_by_hand():
    table = customer_equity(1000, 100, 0.8, 0.1, new_customers=200, acquisition_cost=150)
    assert list(table.columns) == ["current_base", "future_cohorts", "total"]
    assert len(table) == 1
    per_customer = 100 * 0.8 / (1.1 - 0.8)
    base = 1000 * per_customer
    future = sum(200 * (per_customer - 150) / 1.1**k for k in range(1, 3000))
    assert table.loc[0, "current_base"] == pytest.approx(base)
    assert table.loc[0, "future_cohorts"] == pytest.approx(future)
    assert table.loc[0, "total"] == pytest.approx(base + future)


def test_customer_equity_with_cohorts_for_a_few_years():
    table = customer_equity(500, 80, 0.7, 0.08, new_customers=100, acquisition_cost=60, years=3, growth=0.02)
    per_customer = 80 * 0.7 / (1.08 - 0.7 * 1.02)
    future = sum(100 * (per_customer - 60) / 1.08**k for k in (1, 2, 3))
    assert table.loc[0, "future_cohorts"] == pytest.approx(future)
    assert table.loc[0, "current_base"] == pytest.approx(500 * per_customer)


def test_customer_equity_without_discount():
    # no new customers: no discounting needed
    assert customer_equity(10, 100, 0.5, 0.0).loc[0, "total"] == pytest.approx(10 * 100 * 0.5 / 0.5)
    with pytest.raises(CourseInputError, match="discount = 0"):
        customer_equity(10, 100, 0.5, 0.0, new_customers=5)
    # cohorts for a limited number of years are fine
    assert customer_equity(10, 100, 0.5, 0.0, new_customers=5, years=2).loc[0, "future_cohorts"] == pytest.approx(
        2 * 5 * 100
    )


def test_lifetime_revenue_ford_scale():
    assert lifetime_revenue(30_000, 0.2, 50) == pytest.approx(300_000)
    np.testing.assert_allclose(lifetime_revenue(np.array([20_000, 40_000]), 0.25, 40), [200_000, 400_000])


GOOD = {"margin": 100, "retention": 0.8, "discount": 0.1}
LV_BAD = [
    ("margin", -1),
    ("margin", "100"),
    ("retention", 1.1),
    ("retention", -0.1),
    ("retention", float("nan")),
    ("discount", 1.5),
    ("discount", -0.01),
    ("years", 0),
    ("years", 2.5),
    ("years", 1001),
    ("acquisition_cost", -5),
    ("growth", -1.5),
    ("growth", 2),
    ("timing", "middle"),
]


@pytest.mark.parametrize(("name", "bad"), LV_BAD)
def test_lifetime_value_rejects(name, bad):
    with pytest.raises(CourseInputError) as err:
        lifetime_value(**{**GOOD, name: bad})
    assert name in str(err.value)
    assert " / " in err.value.bilingual()  # Chinese / English


@pytest.mark.parametrize(("name", "bad"), [*LV_BAD, ("years", None), ("margin", [100, 200])])
def test_cumulative_value_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        cumulative_value(**{**GOOD, "years": 5, name: bad})


@pytest.mark.parametrize(
    ("name", "bad"),
    [("max_years", 0), ("max_years", 5000), ("acquisition_cost", -1), ("retention", 2), ("timing", "now")],
)
def test_breakeven_year_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        breakeven_year(**{**GOOD, "acquisition_cost": 100, name: bad})


@pytest.mark.parametrize(("name", "bad"), [("retention", 1.0), ("retention", -0.2), ("discount", 2), ("discount", "x")])
def test_margin_multiple_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        margin_multiple(**{"retention": 0.8, "discount": 0.1, name: bad})


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("customers", -1),
        ("customers", [1, 2]),
        ("new_customers", -5),
        ("margin", -1),
        ("retention", 1.2),
        ("discount", 1.2),
        ("acquisition_cost", -1),
        ("years", 0),
        ("growth", 3),
    ],
)
def test_customer_equity_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        customer_equity(**{"customers": 100, **GOOD, name: bad})


@pytest.mark.parametrize(("name", "bad"), [("purchase_value", -1), ("purchases_per_year", "2"), ("years", -3)])
def test_lifetime_revenue_rejects(name, bad):
    with pytest.raises(CourseInputError, match=name):
        lifetime_revenue(**{"purchase_value": 1, "purchases_per_year": 1, "years": 1, name: bad})


def test_every_output_column_has_a_label_in_both_languages():
    tables = [cumulative_value(100, 0.8, 0.1, years=2), customer_equity(10, 100, 0.8, 0.1)]
    for column in pd.concat([t.columns.to_series() for t in tables]):
        label = entry(f"columns.{column}")
        assert label["zh"] and label["en"]
