"""Tests of coursekit.segments: RFM, buy-till-you-die summaries, Lorenz/Gini/80-20, customer pyramid.

RFM and purchase_summary are compared with plain per-customer Python loops written here
(independent of pandas' groupby and to_period); concentration measures with known values and
invariants; the pyramid with exact fractions.
"""

import math
from fractions import Fraction
from unittest.mock import patch

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import i18n, segments
from coursekit.errors import CourseInputError
from coursekit.segments import (
    TIERS,
    customer_tiers,
    gini,
    lorenz_curve,
    pareto_share,
    pareto_table,
    purchase_summary,
    rfm,
    tier_economics,
)

FAST = settings(deadline=None, max_examples=80)

# A hand-made log: same-day purchases (A), a purchase late on the observation day (B),
# purchases after 2024-01-12 (C, D), a one-purchase customer (D).
HAND = pd.DataFrame(
    {
        "customer_id": list("AAAABBCCCD"),
        "date": pd.to_datetime(
            [
                "2024-01-01",  # Monday
                "2024-01-01",
                "2024-01-03",
                "2024-01-10",
                "2024-01-05",
                "2024-01-12 18:00",  # Friday evening
                "2024-01-02",
                "2024-01-13",  # Saturday
                "2024-01-20",
                "2024-01-15",
            ],
            format="ISO8601",
        ),
        "revenue": [10.0, 20, 30, 40, 50, 5, 15, 7, 25, 100],
    }
)


# ---------------------------------------------------------------- naive references


def naive_rfm(rows, asof, bins):
    """Per customer (last day, purchases, total) by a loop; scores by sorting customers."""
    per = {}
    for customer, when, amount in rows:
        day = when.normalize()
        if day > asof:
            continue
        last, count, total = per.get(customer, (day, 0, 0.0))
        per[customer] = (max(last, day), count + 1, total + amount)
    ids = sorted(per)
    n = len(ids)

    def scores(goodness):  # worst first; sorted() is stable, so ties stay in id order
        ordered = sorted(ids, key=goodness)
        return {c: position * bins // n + 1 for position, c in enumerate(ordered)}

    r = scores(lambda c: -(asof - per[c][0]).days)
    f = scores(lambda c: per[c][1])
    m = scores(lambda c: per[c][2])
    return {
        c: {
            "recency_days": (asof - per[c][0]).days,
            "purchase_count": per[c][1],
            "monetary": per[c][2],
            "rfm_score": f"{r[c]}{f[c]}{m[c]}",
            "rfm_total": r[c] + f[c] + m[c],
        }
        for c in ids
    }


def naive_summary(rows, end, freq):
    """lifetimes' rules by hand: periods are days, or Monday-to-Sunday weeks."""

    def period(when):
        day = when.normalize()
        return day if freq == "D" else day - pd.Timedelta(days=day.weekday())

    unit = 1 if freq == "D" else 7
    end_period = period(end)
    per = {}
    for customer, when, amount in rows:
        p = period(when)
        if p <= end_period:
            totals = per.setdefault(customer, {})
            totals[p] = totals.get(p, 0.0) + amount
    result = {}
    for customer in sorted(per):
        periods = sorted(per[customer])
        repeats = [per[customer][p] for p in periods[1:]]
        result[customer] = {
            "frequency": len(periods) - 1,
            "recency": (periods[-1] - periods[0]).days / unit,
            "T": (end_period - periods[0]).days / unit,
            "monetary_value": sum(repeats) / len(repeats) if repeats else 0.0,
        }
    return result


rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["c1", "c2", "c3", "c4", "c5", "c6", "c7"]),
        st.integers(0, 60),  # day offset
        st.integers(0, 23),  # hour
        st.integers(0, 500),  # whole-yuan amounts: sums are exact
    ),
    min_size=1,
    max_size=40,
)


def as_log(rows):
    start = pd.Timestamp("2024-01-01")
    parsed = [(c, start + pd.Timedelta(days=d, hours=h), float(a)) for c, d, h, a in rows]
    frame = pd.DataFrame(parsed, columns=["customer_id", "date", "revenue"])
    return parsed, frame


# ---------------------------------------------------------------- rfm


def test_rfm_hand_example():
    table = rfm(HAND, bins=2)  # as of 2024-01-21, the day after the last purchase
    assert table["recency_days"].to_dict() == {"A": 11, "B": 9, "C": 1, "D": 6}
    assert table["purchase_count"].to_dict() == {"A": 4, "B": 2, "C": 3, "D": 1}  # same-day rows count twice
    assert table["monetary"].to_dict() == {"A": 100.0, "B": 55.0, "C": 47.0, "D": 100.0}
    # A and D tie on monetary: A (smaller id) ranks lower, yet both are in the top half
    assert table["rfm_score"].to_dict() == {"A": "122", "B": "111", "C": "221", "D": "212"}
    assert table["rfm_total"].to_dict() == {"A": 5, "B": 3, "C": 5, "D": 5}


def test_rfm_asof_drops_later_purchases_and_keeps_same_day():
    table = rfm(HAND, asof="2024-01-12")
    assert list(table.index) == ["A", "B", "C"]  # D bought only after the cut-off
    assert table["recency_days"].to_dict() == {"A": 2, "B": 0, "C": 10}
    assert table["purchase_count"].to_dict() == {"A": 4, "B": 2, "C": 1}
    assert table["monetary"].to_dict() == {"A": 100.0, "B": 55.0, "C": 15.0}


def test_rfm_scores_fill_equal_quintiles():
    n = 50
    tx = pd.DataFrame(
        {
            "customer_id": np.arange(n),
            "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(np.arange(n), unit="D"),
            "revenue": np.arange(n, dtype=float),
        }
    )
    table = rfm(tx)
    for score in ["r_score", "f_score", "m_score"]:
        assert table[score].value_counts().sort_index().tolist() == [10] * 5
    assert table.loc[n - 1, "r_score"] == 5 and table.loc[0, "r_score"] == 1  # most recent = 5
    assert table.loc[n - 1, "m_score"] == 5 and table.loc[0, "m_score"] == 1


@FAST
@given(rows=rows_strategy, asof_offset=st.none() | st.integers(0, 70), bins=st.integers(2, 6))
def test_rfm_equals_naive_loop(rows, asof_offset, bins):
    parsed, frame = as_log(rows)
    last_day = max(when for _, when, _ in parsed).normalize()
    asof = (
        last_day + pd.Timedelta(days=1)
        if asof_offset is None
        else pd.Timestamp("2024-01-01") + pd.Timedelta(days=asof_offset)
    )
    expected = naive_rfm(parsed, asof, bins)
    if not expected:  # every purchase after asof
        with pytest.raises(CourseInputError, match="asof"):
            rfm(frame, asof=asof, bins=bins)
        return
    table = rfm(frame, asof=None if asof_offset is None else asof, bins=bins)
    got = table[["recency_days", "purchase_count", "monetary", "rfm_score", "rfm_total"]].to_dict("index")
    assert got == expected
    assert table[["r_score", "f_score", "m_score"]].isin(range(1, bins + 1)).all().all()


# ---------------------------------------------------------------- purchase_summary (lifetimes definitions)


# Derived by hand from lifetimes 0.11.3's rules (and cross-checked once against lifetimes itself):
# dates -> period start; amounts in one period added; periods after the end's period dropped;
# frequency = periods - 1, recency = last - first, T = end - first, monetary = mean of repeat periods.
LIFETIMES_HAND = {
    ("D", "2024-01-12"): {
        "A": (2, 9, 11, 35.0),  # periods 01-01 (10+20), 01-03 (30), 01-10 (40)
        "B": (1, 7, 7, 5.0),  # 18:00 on the end day is kept
        "C": (0, 0, 10, 0.0),  # 01-13 and 01-20 are after the end
    },  # D bought only after the end: absent
    ("D", None): {"A": (2, 9, 19, 35.0), "B": (1, 7, 15, 5.0), "C": (2, 18, 18, 16.0), "D": (0, 0, 5, 0.0)},
    ("W", "2024-01-12"): {
        "A": (1, 1, 1, 40.0),  # week of 01-01 (60), week of 01-08 (40)
        "B": (1, 1, 1, 5.0),
        "C": (1, 1, 1, 7.0),  # Saturday 01-13 is in the end's week (Mon 01-08 .. Sun 01-14): kept, as lifetimes does
    },
    ("W", None): {"A": (1, 1, 2, 40.0), "B": (1, 1, 2, 5.0), "C": (2, 2, 2, 16.0), "D": (0, 0, 0, 0.0)},
}


@pytest.mark.parametrize(("freq", "end"), list(LIFETIMES_HAND))
def test_purchase_summary_matches_lifetimes_rules_by_hand(freq, end):
    table = purchase_summary(HAND, observation_end=end, freq=freq)
    assert list(table.columns) == ["frequency", "recency", "T", "monetary_value"]
    assert (table.dtypes == "float64").all()
    assert table.index.name == "customer_id"
    assert {c: tuple(row) for c, row in table.iterrows()} == LIFETIMES_HAND[(freq, end)]


@FAST
@given(rows=rows_strategy, end_offset=st.none() | st.integers(0, 70), freq=st.sampled_from(["D", "W"]))
def test_purchase_summary_equals_naive_loop(rows, end_offset, freq):
    parsed, frame = as_log(rows)
    end = (
        max(w for _, w, _ in parsed)
        if end_offset is None
        else pd.Timestamp("2024-01-01") + pd.Timedelta(days=end_offset)
    )
    expected = naive_summary(parsed, end, freq)
    if not expected:  # every purchase after the end
        with pytest.raises(CourseInputError, match="observation_end"):
            purchase_summary(frame, observation_end=end, freq=freq)
        return
    table = purchase_summary(frame, observation_end=None if end_offset is None else end, freq=freq)
    assert list(table.index) == list(expected)
    for customer, row in expected.items():
        got = table.loc[customer]
        assert (got["frequency"], got["recency"], got["T"]) == (row["frequency"], row["recency"], row["T"])
        assert got["monetary_value"] == pytest.approx(row["monetary_value"])
    assert (table["recency"] <= table["T"]).all()
    assert (table.loc[table["frequency"] == 0, ["recency", "monetary_value"]] == 0).all().all()


@FAST
@given(rows=rows_strategy, end_offset=st.none() | st.integers(0, 70), freq=st.sampled_from(["D", "W"]))
def test_purchase_summary_fast_path_gives_the_readable_table(rows, end_offset, freq):
    # Long logs are counted by coursekit/_purchase_counts.py: the same table as the plain groupby.
    _, frame = as_log(rows)
    end = None if end_offset is None else pd.Timestamp("2024-01-01") + pd.Timedelta(days=end_offset)
    if end is not None and end < frame["date"].min().normalize():
        return
    readable = purchase_summary(frame, observation_end=end, freq=freq)
    with patch.object(segments, "FAST_FROM_ROWS", 0):
        fast = purchase_summary(frame, observation_end=end, freq=freq)
    pd.testing.assert_frame_equal(fast, readable)


def test_the_course_log_takes_the_fast_path_only_above_the_threshold():
    assert len(HAND) < segments.FAST_FROM_ROWS
    with patch.object(segments._purchase_counts, "purchase_summary", side_effect=AssertionError("fast path")):
        purchase_summary(HAND)  # short: the readable groupby
        with patch.object(segments, "FAST_FROM_ROWS", 1), pytest.raises(AssertionError, match="fast path"):
            purchase_summary(HAND)


def test_purchase_summary_accepts_iso_text_dates():
    text = HAND.assign(date=HAND["date"].dt.strftime("%Y-%m-%d %H:%M"))
    pd.testing.assert_frame_equal(purchase_summary(text), purchase_summary(HAND))


# ---------------------------------------------------------------- Lorenz, Gini, 80/20

values_strategy = st.lists(st.integers(0, 10_000), min_size=1, max_size=60).filter(any)


def test_known_concentration_values():
    assert gini([5, 5, 5, 5]) == 0
    for n in (1, 2, 5, 100):
        assert gini([0] * (n - 1) + [7]) == pytest.approx((n - 1) / n)
    assert pareto_share([5, 5, 5, 5, 5], top=0.2) == pytest.approx(0.2)
    assert pareto_share([80, 5, 5, 5, 5], top=0.2) == pytest.approx(0.8)
    assert pareto_share([8, 1, 1, 0, 0], top=0.3) == pytest.approx(0.85)  # 8 + half of the next 1
    curve = lorenz_curve([3, 1])
    assert curve.to_dict("list") == {"cum_customer_share": [0.0, 0.5, 1.0], "cum_value_share": [0.0, 0.25, 1.0]}


@FAST
@given(values=values_strategy)
def test_lorenz_curve_properties(values):
    curve = lorenz_curve(values)
    x, y = curve["cum_customer_share"].to_numpy(), curve["cum_value_share"].to_numpy()
    assert len(curve) == len(values) + 1
    assert (x[0], y[0], x[-1], y[-1]) == (0.0, 0.0, 1.0, 1.0)
    steps = np.diff(y)
    assert (steps >= 0).all()
    assert (np.diff(steps) >= -1e-12).all()  # convex: each customer adds at least as much as the one before
    assert (y <= x + 1e-12).all()  # never above the diagonal


@FAST
@given(values=values_strategy, scale=st.floats(0.01, 1000))
def test_gini_properties(values, scale):
    g = gini(values)
    n = len(values)
    assert 0 <= g + 1e-12 and g <= (n - 1) / n + 1e-12 < 1
    # 1 - 2 x (area under the Lorenz curve), area summed trapezoid by trapezoid
    y = sorted(values)
    total, running, area = sum(y), 0, 0.0
    for v in y:
        area += (running + running + v) / (2 * total * n)
        running += v
    assert g == pytest.approx(1 - 2 * area, abs=1e-12)
    assert gini(np.array(values) * scale) == pytest.approx(g, abs=1e-9)


@FAST
@given(values=values_strategy, top=st.floats(0.001, 1.0), scale=st.floats(0.01, 1000))
def test_pareto_share_properties(values, top, scale):
    n = len(values)
    assert pareto_share(values, top=1.0) == 1.0
    share = pareto_share(values, top=top)
    assert top - 1e-12 <= share <= 1 + 1e-12  # the top customers hold at least their head-count share
    assert pareto_share(np.array(values) * scale, top=top) == pytest.approx(share)
    # explicit: the k largest, plus the fraction of the next customer
    largest = sorted(values, reverse=True)
    k = math.floor(top * n)
    held = sum(largest[:k]) + (top * n - k) * (largest[k] if k < n else 0)
    assert share == pytest.approx(held / sum(values), abs=1e-9)
    # equals the Lorenz curve read at 1 - top
    curve = lorenz_curve(values)
    assert share == pytest.approx(1 - np.interp(1 - top, curve.iloc[:, 0], curve.iloc[:, 1]), abs=1e-12)


def test_pareto_share_exact_counts_and_table():
    values = [50, 20, 10, 10, 5, 3, 1, 1, 0, 0]
    for k in range(1, 11):
        assert pareto_share(values, top=k / 10) == pytest.approx(sum(values[:k]) / 100)
    table = pareto_table(values, tops=(0.1, 0.2, 0.5))
    assert table["customer_share"].tolist() == [0.1, 0.2, 0.5]
    assert table["value_share"].tolist() == pytest.approx([0.5, 0.7, 0.95])
    assert pareto_share(values, top=np.array([0.1, 0.2])) == pytest.approx([0.5, 0.7])


# ---------------------------------------------------------------- customer pyramid


def test_customer_tiers_default_cutoffs_on_100_customers():
    rng = np.random.default_rng(3)
    profit = pd.Series(rng.permutation(100) - 30.0, index=[f"C{i:03d}" for i in range(100)])
    tiers = customer_tiers(profit)
    assert tiers.value_counts()[list(TIERS)].tolist() == [5, 15, 50, 30]
    assert tiers.index.equals(profit.index) and tiers.name == "tier"
    assert set(tiers[profit >= 65].astype(str)) == {"platinum"}  # the 5 largest of 0..99 - 30
    assert tiers.cat.ordered and tiers.max() == "platinum" and tiers.min() == "lead"


@FAST
@given(
    values=st.lists(st.integers(-50, 50), min_size=1, max_size=250),
    cuts=st.lists(st.integers(1, 999), min_size=3, max_size=3, unique=True).map(sorted),
)
def test_customer_tiers_counts_follow_cutoffs(values, cuts):
    n = len(values)
    tiers = customer_tiers(values, cutoffs=[c / 1000 for c in cuts])
    counts = tiers.astype(str).value_counts().reindex(list(TIERS), fill_value=0).tolist()
    # cumulative sizes = cut-off x n rounded half up, computed exactly
    cumulative = [math.floor(Fraction(c, 1000) * n + Fraction(1, 2)) for c in cuts] + [n]
    assert counts == np.diff([0, *cumulative]).tolist()
    # a larger value is never in a lower tier; among equal values the earlier one is not lower
    level = tiers.cat.codes.to_numpy()  # 0 = lead ... 3 = platinum
    order = np.lexsort((-np.arange(n), values))  # ascending value, later position first among ties
    assert (np.diff(level[order]) >= 0).all()


@pytest.mark.parametrize(
    ("n", "counts"),
    [(10, [1, 1, 5, 3]), (30, [2, 4, 15, 9]), (20, [1, 3, 10, 6]), (3, [0, 1, 1, 1]), (1, [0, 0, 1, 0])],
)
def test_customer_tiers_sizes_round_half_up(n, counts):
    # n = 10: 0.05 x 10 = 0.5 -> 1 platinum; n = 30: 1.5 -> 2; n = 3: 0.6 -> 1 in the top 20 %
    tiers = customer_tiers(list(range(n)))
    assert tiers.value_counts()[list(TIERS)].tolist() == counts


def test_customer_tiers_ties_follow_input_order():
    tiers = customer_tiers([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], cutoffs=(0.1, 0.3, 0.7))
    assert tiers.tolist() == ["platinum", "gold", "gold", "iron", "iron", "iron", "iron", "lead", "lead", "lead"]


def test_tier_economics_sums_equal_totals():
    rng = np.random.default_rng(7)
    n = 200
    customers = pd.DataFrame({"revenue": rng.gamma(2, 500, n).round(2), "cost": rng.uniform(50, 300, n).round(2)})
    customers["profit"] = 0.3 * customers["revenue"] - customers["cost"]
    customers["tier"] = customer_tiers(customers["profit"])
    table = tier_economics(customers, cost_to_serve="cost")
    assert list(table.index) == list(TIERS)
    assert table["customer_count"].sum() == n
    assert table["customer_share"].sum() == pytest.approx(1)
    assert table["revenue_share"].sum() == pytest.approx(1)
    assert table["tier_revenue"].sum() == pytest.approx(customers["revenue"].sum())
    assert table["tier_profit"].sum() == pytest.approx(customers["profit"].sum())
    for tier in TIERS:  # per-tier loop
        rows = [r for _, r in customers.iterrows() if r["tier"] == tier]
        assert table.loc[tier, "customer_count"] == len(rows)
        assert table.loc[tier, "profit_per_customer"] == pytest.approx(sum(r["profit"] for r in rows) / len(rows))
        assert table.loc[tier, "cost_to_serve_per_customer"] == pytest.approx(sum(r["cost"] for r in rows) / len(rows))
    assert table["profit_per_customer"].is_monotonic_decreasing


def test_tier_economics_accepts_text_tiers_and_empty_tiers():
    c = pd.DataFrame({"tier": ["lead", "platinum", "lead"], "revenue": [1, 8, 1], "profit": [-1, 5, 0]})
    table = tier_economics(c)
    assert "cost_to_serve_per_customer" not in table
    assert table["customer_count"].tolist() == [1, 0, 0, 2]
    assert np.isnan(table.loc["gold", "profit_per_customer"])
    assert table.loc["lead", "profit_per_customer"] == -0.5


def test_every_output_column_and_tier_has_labels():
    columns = set(rfm(HAND).columns) | set(purchase_summary(HAND).columns) | set(lorenz_curve([1, 2]).columns)
    columns |= set(pareto_table([1, 2]).columns) | set(
        tier_economics(
            pd.DataFrame({"tier": ["gold"], "revenue": [1], "profit": [1], "cost": [1]}), cost_to_serve="cost"
        )
        .reset_index()
        .columns
    )
    keys = [f"columns.{c}" for c in columns] + [f"categories.{t}" for t in TIERS]
    for key in keys:
        assert set(i18n.entry(key)) == {"zh", "en"}


# ---------------------------------------------------------------- invalid inputs


def _log(**changes):
    frame = HAND.copy()
    for column, values in changes.items():
        frame[column] = values
    return frame


NAN_CUSTOMER = [None, *list("AAABBCCCD")]
BAD_CALLS = {
    "rfm: missing column": (lambda: rfm(HAND.drop(columns="revenue")), "revenue"),
    "rfm: not a table": (lambda: rfm([1, 2, 3]), "transactions"),
    "rfm: empty table": (lambda: rfm(HAND.iloc[:0]), "transactions"),
    "rfm: negative amount": (lambda: rfm(_log(revenue=[-1.0] + [1.0] * 9)), "revenue"),
    "rfm: NaN amount": (lambda: rfm(_log(revenue=[np.nan] + [1.0] * 9)), "revenue"),
    "rfm: text amount": (lambda: rfm(_log(revenue=["1"] * 10)), "revenue"),
    "rfm: missing customer": (lambda: rfm(_log(customer_id=NAN_CUSTOMER)), "customer_id"),
    "rfm: unparseable date": (lambda: rfm(_log(date=["2024-13-45"] * 10)), "date"),
    "rfm: numeric date": (lambda: rfm(_log(date=list(range(10)))), "date"),
    "rfm: bins 1": (lambda: rfm(HAND, bins=1), "bins"),
    "rfm: bins 10": (lambda: rfm(HAND, bins=10), "bins"),
    "rfm: bins 2.5": (lambda: rfm(HAND, bins=2.5), "bins"),
    "rfm: asof not a date": (lambda: rfm(HAND, asof="soon"), "asof"),
    "rfm: asof before all purchases": (lambda: rfm(HAND, asof="2023-12-31"), "asof"),
    "summary: freq": (lambda: purchase_summary(HAND, freq="M"), "freq"),
    "summary: end before all purchases": (
        lambda: purchase_summary(HAND, observation_end="2023-06-01"),
        "observation_end",
    ),
    "summary: end not a date": (lambda: purchase_summary(HAND, observation_end=[1]), "observation_end"),
    "summary: missing column": (lambda: purchase_summary(HAND, date="day"), "day"),
    "pareto: top 0": (lambda: pareto_share([1, 2], top=0), "top"),
    "pareto: top 1.5": (lambda: pareto_share([1, 2], top=1.5), "top"),
    "pareto: top text": (lambda: pareto_share([1, 2], top="20%"), "top"),
    "pareto: negative value": (lambda: pareto_share([1, -2]), "values"),
    "pareto: all zero": (lambda: pareto_share([0, 0]), "values"),
    "table: tops": (lambda: pareto_table([1, 2], tops=(0.1, 2)), "tops"),
    "gini: empty": (lambda: gini([]), "values"),
    "gini: NaN": (lambda: gini([1, np.nan]), "values"),
    "gini: 2-D": (lambda: gini([[1, 2], [3, 4]]), "values"),
    "lorenz: scalar": (lambda: lorenz_curve(5), "values"),
    "tiers: not increasing": (lambda: customer_tiers([1, 2], cutoffs=(0.2, 0.1, 0.7)), "cutoffs"),
    "tiers: cutoff 1": (lambda: customer_tiers([1, 2], cutoffs=(0.05, 0.2, 1.0)), "cutoffs"),
    "tiers: two cutoffs": (lambda: customer_tiers([1, 2], cutoffs=(0.05, 0.2)), "cutoffs"),
    "tiers: NaN value": (lambda: customer_tiers([1, np.nan]), "values"),
    "economics: unknown tier": (
        lambda: tier_economics(pd.DataFrame({"tier": ["gold", "silver"], "revenue": [1, 1], "profit": [1, 1]})),
        "silver",
    ),
    "economics: missing column": (lambda: tier_economics(pd.DataFrame({"tier": ["gold"], "revenue": [1]})), "profit"),
    "economics: negative revenue": (
        lambda: tier_economics(pd.DataFrame({"tier": ["gold"], "revenue": [-1], "profit": [1]})),
        "revenue",
    ),
    "economics: NaN profit": (
        lambda: tier_economics(pd.DataFrame({"tier": ["gold"], "revenue": [1], "profit": [np.nan]})),
        "profit",
    ),
    "economics: negative cost": (
        lambda: tier_economics(
            pd.DataFrame({"tier": ["gold"], "revenue": [1], "profit": [1], "cost": [-5]}), cost_to_serve="cost"
        ),
        "cost",
    ),
}


@pytest.mark.parametrize("case", list(BAD_CALLS))
def test_invalid_inputs_are_refused_in_both_languages(case):
    call, named = BAD_CALLS[case]
    with pytest.raises(CourseInputError) as err:
        call()
    zh, en = err.value.bilingual().split(" / ", 1)
    assert named in zh and named in en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)  # Chinese first
    assert en.isascii() or "≥" in en or "∞" in en
