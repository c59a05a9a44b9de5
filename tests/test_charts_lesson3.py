"""Lesson 3 (客户保持的经济学): the retention measures on the course data and the lesson's charts.

Every number is checked against an explicit computation (sets and loops over customers), and
every chart against the numbers it must draw; no image comparison.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import charts, data, retention
from coursekit.errors import CourseInputError
from coursekit.retention import REICHHELD_SASSER_1990, retention_profit_lift

FAST = settings(deadline=None, max_examples=60)
SEVERITY = {"resolved": 1, "partial": 2, "unresolved": 3}


@pytest.fixture(scope="module", autouse=True)
def chinese_labels():
    coursekit.setup()
    yield
    coursekit.setup()


@pytest.fixture(scope="module")
def course():
    return data.transactions(), data.customers(), data.service_cases()


def buyers(transactions, year):
    return set(transactions.loc[transactions["date"].dt.year == year, "customer_id"])


def worst_outcomes(service_cases, year):
    """{customer: the worst resolution of their cases up to the end of ``year``}, one case at a time."""
    worst = {}
    for case in service_cases.itertuples():
        if case.opened.year <= year and SEVERITY[case.resolution] > SEVERITY.get(worst.get(case.customer_id), 0):
            worst[case.customer_id] = case.resolution
    return worst


def orders(rows):
    return pd.DataFrame(rows, columns=["customer_id", "date", "revenue"])


# ---------------------------------------------------------------- yearly retention


def test_yearly_retention_matches_sets_of_buyers(course):
    transactions, _, _ = course
    table = retention.yearly_retention(transactions)
    assert table["buy_year"].tolist() == [2023, 2024] and table["next_year"].tolist() == [2024, 2025]
    for row in table.itertuples():
        now, later = buyers(transactions, row.buy_year), buyers(transactions, row.buy_year + 1)
        assert row.active == len(now)
        assert row.retained == len(now & later)
        assert row.lapsed == len(now - later)
        assert row.retention == pytest.approx(len(now & later) / len(now))


def test_yearly_retention_of_the_course_data_is_about_78_percent(course):
    # datasets/README.md, "Key figures": 78.2 % (2023 → 2024) and 78.7 % (2024 → 2025)
    table = retention.yearly_retention(course[0])
    assert table["retention"].round(3).tolist() == [0.782, 0.787]


def test_yearly_retention_by_customer_type_adds_up(course):
    transactions, customers, _ = course
    overall = retention.yearly_retention(transactions)
    by_type = retention.yearly_retention(transactions, customers, by="customer_type")
    sums = by_type.groupby("buy_year")[["active", "retained", "lapsed"]].sum().reset_index()
    pd.testing.assert_frame_equal(sums, overall[["buy_year", "active", "retained", "lapsed"]], check_dtype=False)
    types = customers.set_index("customer_id")["customer_type"]
    retail_2023 = {c for c in buyers(transactions, 2023) if types[c] == "retail"}
    row = by_type[(by_type["buy_year"] == 2023) & (by_type["customer_type"] == "retail")].iloc[0]
    assert row["retained"] == len(retail_2023 & buyers(transactions, 2024))


@FAST
@given(st.lists(st.tuples(st.sampled_from("abcde"), st.integers(2020, 2023)), min_size=1, max_size=30))
def test_yearly_retention_property(purchases):
    table = orders([(c, f"{y}-06-01", 1.0) for c, y in purchases])
    years = {y for _, y in purchases}
    if not any(y + 1 in years for y in years):
        with pytest.raises(CourseInputError):
            retention.yearly_retention(table)
        return
    result = retention.yearly_retention(table)
    assert result["buy_year"].tolist() == sorted(y for y in years if y + 1 in years)
    for row in result.itertuples():
        now = {c for c, y in purchases if y == row.buy_year}
        later = {c for c, y in purchases if y == row.buy_year + 1}
        assert (row.active, row.retained) == (len(now), len(now & later))
        assert 0 <= row.retention <= 1


def test_yearly_retention_skips_years_without_a_next_year():
    table = orders([("a", "2021-01-01", 1.0), ("a", "2022-01-01", 1.0), ("a", "2024-01-01", 1.0)])
    assert retention.yearly_retention(table)["buy_year"].tolist() == [2021]


ONE_YEAR = orders([("a", "2024-01-01", 1.0), ("b", "2024-05-01", 1.0)])
TWO_YEARS = orders([("a", "2023-01-01", 1.0), ("a", "2024-05-01", 1.0)])


@pytest.mark.parametrize(
    "transactions, customers, by, match",
    [
        (pd.DataFrame({"customer_id": ["a"]}), None, None, "date"),  # missing columns
        (TWO_YEARS.iloc[:0], None, None, "transactions"),  # no rows
        (TWO_YEARS.assign(date=["2023-01-01", "soon"]), None, None, "date"),  # not a date
        (TWO_YEARS.assign(revenue=[1.0, -5.0]), None, None, "revenue"),  # negative revenue
        (ONE_YEAR, None, None, "2024"),  # one year only: no year has a next year
        (TWO_YEARS, None, "customer_type", "customers"),  # by without the customer table
        (TWO_YEARS, pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"]}), "region", "by"),
        (TWO_YEARS, pd.DataFrame({"customer_id": ["b"], "customer_type": ["retail"]}), "customer_type", "'a'"),
    ],
)
def test_yearly_retention_rejects(transactions, customers, by, match):
    with pytest.raises(CourseInputError, match=match):
        retention.yearly_retention(transactions, customers, by=by)


# ---------------------------------------------------------------- complaints and lapsing


def test_lapse_by_case_outcome_matches_a_customer_by_customer_count(course):
    transactions, _, cases = course
    table = retention.lapse_by_case_outcome(transactions, cases, year=2024).set_index("worst_outcome")
    now, later = buyers(transactions, 2024), buyers(transactions, 2025)
    worst, expected = worst_outcomes(cases, 2024), {}
    for customer in now:
        outcome = worst.get(customer, "no_case")
        count, lapsed = expected.get(outcome, (0, 0))
        expected[outcome] = (count + 1, lapsed + (customer not in later))
    assert list(table.index) == ["no_case", "resolved", "partial", "unresolved"]
    for outcome, (count, lapsed) in expected.items():
        assert (table.loc[outcome, "customers"], table.loc[outcome, "lapsed"]) == (count, lapsed)
        assert table.loc[outcome, "lapse_rate"] == pytest.approx(lapsed / count)
    # the lesson's point: unresolved cases lose customers, resolved ones hardly do
    assert table.loc["unresolved", "lapse_rate"] > 2 * table.loc["resolved", "lapse_rate"]


def test_cases_after_the_year_do_not_count():
    transactions = orders([("a", "2023-01-05", 1.0), ("a", "2024-01-05", 1.0)])
    cases = pd.DataFrame({"customer_id": ["a"], "opened": ["2024-02-01"], "resolution": ["unresolved"]})
    table = retention.lapse_by_case_outcome(transactions, cases, year=2023)
    assert table["worst_outcome"].astype(str).tolist() == ["no_case"]


CASES = pd.DataFrame({"customer_id": ["a"], "opened": ["2023-02-01"], "resolution": ["resolved"]})


@pytest.mark.parametrize(
    "cases, year, match",
    [
        (CASES, 2024, "year"),  # 2024 has no next year in the data
        (CASES, 2022, "year"),  # before the data
        (CASES, 2023.5, "year"),  # not a whole number
        (CASES.assign(resolution=["fixed"]), 2023, "resolution"),  # unknown outcome code
        (CASES.drop(columns="opened"), 2023, "opened"),  # missing column
        (CASES.assign(opened=["someday"]), 2023, "opened"),  # not a date
        (CASES.assign(customer_id=[None]), 2023, "customer_id"),  # missing customer
    ],
)
def test_lapse_by_case_outcome_rejects(cases, year, match):
    with pytest.raises(CourseInputError, match=match):
        retention.lapse_by_case_outcome(TWO_YEARS, cases, year=year)


def test_at_risk_customers_lists_partial_and_unresolved_worst_first(course):
    transactions, customers, cases = course
    risky = retention.at_risk_customers(transactions, cases, customers, year=2024)
    ants = retention.lapse_by_case_outcome(transactions, cases, year=2024).set_index("worst_outcome")
    assert len(risky) == ants.loc[["partial", "unresolved"], "customers"].sum()
    assert risky["lapsed"].sum() == ants.loc[["partial", "unresolved"], "lapsed"].sum()
    outcome = risky["worst_outcome"].astype(str)
    assert outcome.tolist() == sorted(outcome, key=lambda o: -SEVERITY[o])
    for name in ("unresolved", "partial"):
        assert risky.loc[outcome == name, "revenue_in_year"].is_monotonic_decreasing
    first = risky.iloc[0]
    assert worst_outcomes(cases, 2024)[first["customer_id"]] == str(first["worst_outcome"])
    spent = transactions[(transactions["customer_id"] == first["customer_id"]) & (transactions["date"].dt.year == 2024)]
    assert first["revenue_in_year"] == pytest.approx(spent["revenue"].sum())
    kind = customers.set_index("customer_id").loc[first["customer_id"], "customer_type"]
    assert first["customer_type"] == kind


def test_at_risk_customers_rejects_a_customer_table_without_contacts(course):
    transactions, customers, cases = course
    with pytest.raises(CourseInputError, match="preferred_contact"):
        retention.at_risk_customers(transactions, cases, customers.drop(columns="preferred_contact"))


# ---------------------------------------------------------------- first and repeat purchases, acquisition cost


def test_first_and_repeat_revenue_matches_a_loop(course):
    transactions, customers, _ = course
    table = retention.first_and_repeat_revenue(transactions, customers).set_index("customer_type")
    new = customers[customers["join_date"] >= transactions["date"].min()]
    kinds = dict(zip(new["customer_id"], new["customer_type"], strict=True))
    seen, first, repeat = set(), {}, {}
    for order in transactions.sort_values("date", kind="stable").itertuples():  # one order at a time
        kind = kinds.get(order.customer_id)
        if kind is None:
            continue
        bucket = repeat if order.customer_id in seen else first
        bucket[kind] = bucket.get(kind, 0.0) + order.revenue
        seen.add(order.customer_id)
    for kind in first:
        assert table.loc[kind, "first_revenue"] == pytest.approx(first[kind])
        assert table.loc[kind, "repeat_revenue"] == pytest.approx(repeat[kind])
    everyone = table.loc["all_customers"]
    assert everyone["first_revenue"] == pytest.approx(sum(first.values()))
    assert everyone["repeat_share"] == pytest.approx(
        sum(repeat.values()) / (sum(first.values()) + sum(repeat.values()))
    )


@pytest.mark.parametrize(
    "people, match",
    [
        (pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"]}), "join_date"),
        (pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"], "join_date": ["2020-01-01"]}), "2023-01-01"),
        (pd.DataFrame({"customer_id": ["a"], "customer_type": ["retail"], "join_date": ["later"]}), "join_date"),
    ],
)
def test_first_and_repeat_revenue_rejects(people, match):
    with pytest.raises(CourseInputError, match=match):
        retention.first_and_repeat_revenue(TWO_YEARS, people)


def test_acquisition_cost_by_channel(course):
    customers = course[1]
    table = retention.acquisition_cost_by_channel(customers, customer_type="retail")
    retail = customers[customers["customer_type"] == "retail"]
    for row in table.itertuples():
        chosen = retail.loc[retail["acquisition_channel"] == row.acquisition_channel, "acquisition_cost"]
        assert (row.customers, row.mean_acquisition_cost) == (len(chosen), pytest.approx(chosen.mean()))
    assert table["mean_acquisition_cost"].is_monotonic_increasing
    assert table["acquisition_channel"].iloc[0] == "referral"  # the course data: referrals are cheapest
    assert retention.acquisition_cost_by_channel(customers, customer_type=None)["customers"].sum() == len(customers)


@pytest.mark.parametrize(
    "people, kind, match",
    [
        (pd.DataFrame({"customer_type": ["retail"], "acquisition_channel": ["store"]}), "retail", "acquisition_cost"),
        (
            pd.DataFrame({"customer_type": ["retail"], "acquisition_channel": ["store"], "acquisition_cost": [9.0]}),
            "alien",
            "customer_type",
        ),
        (
            pd.DataFrame({"customer_type": ["retail"], "acquisition_channel": ["store"], "acquisition_cost": [-9.0]}),
            "retail",
            "acquisition_cost",
        ),
    ],
)
def test_acquisition_cost_by_channel_rejects(people, kind, match):
    with pytest.raises(CourseInputError, match=match):
        retention.acquisition_cost_by_channel(people, customer_type=kind)


# ---------------------------------------------------------------- charts


def test_reichheld_sasser_chart_draws_the_exhibit():
    fig = charts.reichheld_sasser_chart()
    ax = fig.axes[0]
    widths = [bar.get_width() for bar in ax.patches]
    assert widths == sorted(100 * v for v in REICHHELD_SASSER_1990.values())
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[-1] == "银行网点存款" and labels[0] == "信用保险"
    assert "5 个百分点" in ax.get_title()


@pytest.mark.parametrize("lifts, match", [({}, "lifts"), ([0.5], "lifts"), ({"software": -0.1}, "lifts")])
def test_reichheld_sasser_chart_rejects(lifts, match):
    with pytest.raises(CourseInputError, match=match):
        charts.reichheld_sasser_chart(lifts)


def test_cohort_decay_chart_draws_start_times_r_to_the_t():
    fig = charts.cohort_decay_chart(retention.cohorts([0.8, 0.5 ** (1 / 5)], years=5, start=100))
    curves = [line for line in fig.axes[0].lines if line.get_marker() == "o"]
    np.testing.assert_allclose(curves[0].get_ydata(), 100 * 0.8 ** np.arange(6))
    assert curves[1].get_ydata()[-1] == pytest.approx(50)  # 12.9 % churn a year halves the group in 5 years
    assert [t.get_text() for t in fig.axes[0].texts] == ["33", "50"]


@pytest.mark.parametrize(
    "retentions, years, start, match",
    [([1.2], 5, 100, "retentions"), ([0.8], 0, 100, "years"), ([0.8], 2.5, 100, "years"), ([0.8], 5, 0, "start")],
)
def test_cohort_decay_chart_rejects(retentions, years, start, match):
    with pytest.raises(CourseInputError, match=match):
        charts.cohort_decay_chart(retention.cohorts(retentions, years=years, start=start))


def test_retention_by_group_chart_draws_the_table(course):
    transactions, customers, _ = course
    table = retention.yearly_retention(transactions, customers, by="customer_type")
    fig = charts.retention_by_group_chart(table)
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    by_pair = [100 * table.loc[table["buy_year"] == y, "retention"] for y in (2023, 2024)]
    np.testing.assert_allclose(heights, np.concatenate(by_pair))
    ticks = [tick.get_text() for tick in fig.axes[0].get_xticklabels()]
    assert ticks[0] == "零售客户"


def test_retention_by_group_chart_rejects_a_table_without_retention():
    with pytest.raises(CourseInputError, match="retention"):
        charts.retention_by_group_chart(pd.DataFrame({"buy_year": [2023], "next_year": [2024], "customer_type": ["x"]}))


def test_profit_lift_chart_draws_retention_profit_lift():
    fig = charts.profit_lift_chart(retention.profit_lift_curves(horizons=(3, 20), discount=0.08, margin_growth=0.05))
    lines = fig.axes[0].lines
    assert len(lines) == 2
    for line, years in zip(lines, (3, 20), strict=True):
        x, y = line.get_data()
        expected = retention_profit_lift(x / 100, 0.05, 0.08, years, margin_growth=0.05)["profit_lift"]
        np.testing.assert_allclose(y, 100 * expected)
        assert x[0] == pytest.approx(50) and x[-1] == pytest.approx(95)
    _, y3 = lines[0].get_data()
    assert y3[0] > y3[-1]  # short horizon: the lift falls as retention rises


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"horizons": [0]}, "horizons"),
        ({"horizons": [2.5]}, "horizons"),
        ({"delta": 0}, "delta"),
        ({"delta": 0.5}, "delta"),
        ({"discount": 2}, "discount"),
        ({"margin_growth": -2}, "margin_growth"),
    ],
)
def test_profit_lift_chart_rejects(kwargs, match):
    with pytest.raises(CourseInputError, match=match):
        charts.profit_lift_chart(retention.profit_lift_curves(**kwargs))


def test_lapse_by_outcome_chart_draws_the_table(course):
    transactions, _, cases = course
    table = retention.lapse_by_case_outcome(transactions, cases, year=2024)
    fig = charts.lapse_by_outcome_chart(table)
    np.testing.assert_allclose([bar.get_height() for bar in fig.axes[0].patches], 100 * table["lapse_rate"])
    assert "2025" in fig.axes[0].get_title()
    assert fig.axes[0].get_xlabel() == "服务记录中处理得最差的一次"
    assert fig.axes[0].get_xticklabels()[-1].get_text().startswith("未解决")


def test_lapse_by_outcome_chart_rejects_a_table_without_rates():
    with pytest.raises(CourseInputError, match="lapse_rate"):
        charts.lapse_by_outcome_chart(pd.DataFrame({"buy_year": [2024], "worst_outcome": ["x"], "customers": [1]}))
