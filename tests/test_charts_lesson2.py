"""Lesson 2 charts (coursekit.charts, section lesson 2): each draws the numbers it claims to draw.

Expected values are computed here independently (plain loops over the rows), never by the
function under test; no image comparison.
"""

import itertools

import numpy as np
import pandas as pd
import pytest

import coursekit
from coursekit import charts, data, segments, value
from coursekit.errors import CourseInputError
from coursekit.i18n import text

MERCHANTS = ["C00118", "C01074", "C00603"]  # the customers the lesson shows


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()
    yield
    coursekit.setup()


@pytest.fixture(scope="module")
def transactions():
    return data.transactions()


@pytest.fixture(scope="module")
def customers():
    return data.customers()


# --- customer_histories -----------------------------------------------------------------------


def test_histories_end_at_each_customers_total_margin_on_the_last_date(transactions):
    fig = charts.customer_histories_chart(segments.margin_histories(transactions, MERCHANTS))
    lines = fig.axes[0].get_lines()
    assert len(lines) == len(MERCHANTS)
    for customer, line in zip(MERCHANTS, lines, strict=True):
        total, orders = 0.0, 0
        for row in transactions.itertuples():
            if row.customer_id == customer:
                total += row.gross_margin
                orders += 1
        y = line.get_ydata()
        assert y[0] == 0 and y[-1] == pytest.approx(total)
        assert pd.Timestamp(line.get_xdata()[-1]) == transactions["date"].max()
        assert line.get_label() == text("charts.value.history_label", customer=customer, orders=orders)


def test_histories_accept_one_id_as_text(transactions):
    assert (
        len(charts.customer_histories_chart(segments.margin_histories(transactions, "C00118")).axes[0].get_lines()) == 1
    )


@pytest.mark.parametrize(
    "ids, match",
    [([], "customer_ids"), (["C99999"], "C99999"), (["C00118", "nobody"], "nobody")],
)
def test_histories_reject_unknown_or_no_customers(transactions, ids, match):
    with pytest.raises(CourseInputError, match=match):
        charts.customer_histories_chart(segments.margin_histories(transactions, ids))


def test_histories_reject_a_table_without_margins(transactions):
    with pytest.raises(CourseInputError, match="gross_margin"):
        charts.customer_histories_chart(segments.margin_histories(transactions.drop(columns="gross_margin"), MERCHANTS))


# --- referral_cost ----------------------------------------------------------------------------


def test_referral_bars_are_the_cost_ratio_per_type(customers):
    sums = {}
    for row in customers.itertuples():
        key = (row.customer_type, row.acquisition_channel == "referral")
        total, n = sums.get(key, (0.0, 0))
        sums[key] = (total + row.acquisition_cost, n + 1)
    expected = {}
    for kind in set(k for k, _ in sums):
        if (kind, True) in sums and (kind, False) in sums:
            referral = sums[(kind, True)][0] / sums[(kind, True)][1]
            other = sums[(kind, False)][0] / sums[(kind, False)][1]
            if other > 0:
                expected[text(f"categories.{kind}")] = referral / other
    ax = charts.referral_cost_chart(value.referral_cost(customers)).axes[0]
    drawn = {tick.get_text(): bar.get_width() for tick, bar in zip(ax.get_yticklabels(), ax.patches, strict=True)}
    assert drawn == pytest.approx(expected)
    labels = [t.get_text() for t in ax.texts if t.get_text() != text("charts.value.referral_same")]
    assert [label.split("= ")[-1] for label in labels] == [f"{share:.0%}" for share in drawn.values()]
    assert all(label.startswith("推荐 ") and " / 其他 " in label for label in labels)  # which cost is which
    assert "internal" not in drawn and all(0 < share < 1 for share in drawn.values())  # referrals are cheaper


@pytest.mark.parametrize("drop", ["customer_type", "acquisition_channel", "acquisition_cost"])
def test_referral_rejects_missing_columns(customers, drop):
    with pytest.raises(CourseInputError, match=drop):
        charts.referral_cost_chart(value.referral_cost(customers.drop(columns=drop)))


def test_referral_needs_referred_customers(customers):
    no_referrals = customers[customers["acquisition_channel"] != "referral"]
    with pytest.raises(CourseInputError, match="customers"):
        charts.referral_cost_chart(value.referral_cost(no_referrals))


# --- scissors_gap -----------------------------------------------------------------------------


def test_scissors_gap_is_labelled_an_illustration_and_has_its_shape():
    ax = charts.scissors_gap_chart().axes[0]
    seller, buyer = ax.get_lines()
    assert [t.get_text() for t in ax.texts] == [text("charts.value.scissors_note")]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        text(f"charts.value.phase_{p}") for p in ("contact", "contract", "delivery", "payment", "after_sales")
    ]
    x, s, b = seller.get_xdata(), seller.get_ydata(), buyer.get_ydata()
    assert abs(x[np.argmax(s)] - 1) < 0.25  # the seller peaks at the contract
    slope = np.diff(s) / np.diff(x)
    assert 2 <= x[np.argmin(slope)] <= 4  # and cools fastest after delivery and payment (the seed)
    assert slope[(x[1:] > 1.3) & (x[1:] < 1.7)].min() > slope.min() / 2  # before delivery only a little
    assert np.all(np.diff(b) >= -1e-12)  # the buyer only warms up
    assert b[-1] > s[-1] and b[0] < s[0]  # the curves cross: the scissors


def test_scissors_gap_with_lifetime_service_adds_a_seller_who_stays_warm():
    lines = charts.scissors_gap_chart(lifetime_service=True).axes[0].get_lines()
    assert len(lines) == 3 and lines[2].get_label() == text("charts.value.seller_lifetime")
    seller, buyer, lifetime = (line.get_ydata() for line in lines)
    x = lines[0].get_xdata()
    start = lifetime[0]
    assert lines[2].get_xdata()[0] == pytest.approx(1, abs=0.01)  # drawn from the contract on
    assert start == pytest.approx(seller[np.argmin(abs(x - 1))], abs=0.02)  # branching off the seller
    assert lifetime.max() <= seller.max() + 1e-12  # never warmer than the ordinary seller's peak
    assert lifetime[-1] >= buyer[-1]  # in after-sales service it meets the buyer's needs


@pytest.mark.parametrize("bad", ["yes", 1.5, None])
def test_scissors_gap_rejects_non_booleans(bad):
    with pytest.raises(CourseInputError, match="lifetime_service"):
        charts.scissors_gap_chart(lifetime_service=bad)


# --- concentration_curve ----------------------------------------------------------------------


def test_concentration_point_is_the_share_of_the_top_customers(transactions):
    revenue = {}
    for row in transactions.itertuples():
        revenue[row.customer_id] = revenue.get(row.customer_id, 0.0) + row.revenue
    values = sorted(revenue.values(), reverse=True)
    k = len(values) // 5  # 2000 customers: exactly 400
    share = sum(values[:k]) / sum(values)
    ax = charts.concentration_chart(segments.pareto_curve(list(revenue.values()))).axes[0]
    curve, _, _, point, rule = ax.get_lines()
    assert point.get_ydata()[0] == pytest.approx(share)
    assert (rule.get_xdata()[0], rule.get_ydata()[0]) == (0.2, 0.8)
    x, y = curve.get_xdata(), curve.get_ydata()
    assert (x[0], y[0]) == (0, 0) and x[-1] == pytest.approx(1) and y[-1] == pytest.approx(1)
    assert np.all(np.diff(y) >= -1e-12) and np.all(np.diff(y, 2) <= 1e-12)  # rising, ever flatter


@pytest.mark.parametrize(
    "values, top, match", [([1, 2], 0, "top"), ([1, 2], 1.5, "top"), ([1, -2], 0.2, "values"), ([], 0.2, "values")]
)
def test_concentration_rejects_bad_input(values, top, match):
    with pytest.raises(CourseInputError, match=match):
        charts.concentration_chart(segments.pareto_curve(values), top=top)


# --- customer_pyramid -------------------------------------------------------------------------


def pyramid_economics():
    profit = [50.0, 30, 10, 10, 5, 4, 3, 1, -2, -6]
    frame = pd.DataFrame({"tier": segments.customer_tiers(profit), "revenue": 100.0, "profit": profit})
    return segments.tier_economics(frame), profit


def test_pyramid_labels_show_each_tiers_shares():
    economics, profit = pyramid_economics()
    ax = charts.customer_pyramid_chart(economics).axes[0]
    assert len(ax.patches) == 4
    total = sum(profit)
    *bands, note = ax.texts
    assert note.get_text() == text("charts.value.pyramid_note")  # equal bands: areas are not head counts
    for tier, label in zip(segments.TIERS, bands, strict=True):
        mine = [p for p, t in zip(profit, segments.customer_tiers(profit), strict=True) if t == tier]
        expected = text(
            "charts.value.pyramid_band",
            tier=text(f"categories.{tier}"),
            customers=len(mine) / len(profit),
            profit=sum(mine) / total,
            per_customer=sum(mine) / len(mine),
        )
        assert label.get_text() == expected
    widths = [np.ptp(p.get_xy()[:, 0]) for p in ax.patches]
    assert widths == sorted(widths)  # narrow at the top, wide at the base


def test_pyramid_rejects_a_table_that_is_not_tier_economics():
    economics, _ = pyramid_economics()
    with pytest.raises(CourseInputError, match="profit_per_customer"):
        charts.customer_pyramid_chart(economics.drop(columns="profit_per_customer"))
    with pytest.raises(CourseInputError, match=r"economics\.index"):
        charts.customer_pyramid_chart(economics.rename(index={"lead": "bronze"}))


# --- satisfaction_payoff ----------------------------------------------------------------------


def test_satisfaction_bars_are_the_mean_intentions_per_level():
    survey = data.survey()
    for ax, column in zip(
        charts.satisfaction_payoff_chart(value.satisfaction_payoff(survey)).axes,
        ["would_repurchase", "would_recommend"],
        strict=True,
    ):
        sums = {}
        for level, answer in zip(survey["overall_satisfaction"], survey[column], strict=True):
            total, n = sums.get(level, (0, 0))
            sums[level] = (total + answer, n + 1)
        expected = [sums[level][0] / sums[level][1] for level in sorted(sums)]
        assert [bar.get_height() for bar in ax.patches] == pytest.approx(expected)
        assert ax.get_title() == text(f"columns.{column}")


def test_satisfaction_rejects_a_survey_without_the_questions():
    with pytest.raises(CourseInputError, match="would_recommend"):
        charts.satisfaction_payoff_chart(value.satisfaction_payoff(data.survey().drop(columns="would_recommend")))


# --- experience_ladder ------------------------------------------------------------------------


def test_experience_ladder_draws_pine_and_gilmores_price_ranges():
    # Pine & Gilmore (1998): 1–2 cents, 5–25 cents, 50 cents–$1, $2–5 a cup
    published = [(0.01, 0.02), (0.05, 0.25), (0.50, 1.00), (2.00, 5.00)]
    ax = charts.experience_ladder_chart().axes[0]
    drawn = [(bar.get_x(), bar.get_x() + bar.get_width()) for bar in ax.patches]
    assert np.allclose(drawn, published)
    assert ax.get_xscale() == "log"
    assert all(later[0] > earlier[1] for earlier, later in itertools.pairwise(published))  # each step dearer


# --- both languages ---------------------------------------------------------------------------


def test_charts_switch_to_english(transactions, customers):
    coursekit.setup(lang="en")
    assert charts.scissors_gap_chart().axes[0].get_title() == text("charts.value.scissors_title", lang="en")
    assert charts.referral_cost_chart(value.referral_cost(customers)).axes[0].get_title() == text(
        "charts.value.referral_title", lang="en"
    )
    assert charts.experience_ladder_chart().axes[0].get_yticklabels()[0].get_text() == text(
        "charts.value.stage_commodity", lang="en"
    )
