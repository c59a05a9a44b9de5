"""Lesson 1 charts, the TV-choice scoring and its simulator: they draw the numbers they should."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import charts, customer_base, data, sims
from coursekit.errors import CourseInputError
from coursekit.i18n import text

FAST = settings(deadline=None, max_examples=60)
RATING = st.floats(1, 10, allow_nan=False)
WEIGHT = st.floats(0, 10, allow_nan=False)


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()
    yield
    coursekit.setup()


def widths(fig, ax=0):
    return [bar.get_width() for bar in fig.axes[ax].patches]


# ---------------------------------------------------------------- wait by hour (1.2)


def test_wait_bars_are_the_mean_wait_and_the_line_the_calls_per_day_of_each_hour():
    calls = data.call_center()
    fig = charts.wait_by_hour_chart(customer_base.calls_by_hour(calls))
    hours = sorted(calls["hour"].unique())
    days = len(set(calls["date"]))
    in_hour = [calls["hour"] == hour for hour in hours]
    expected_wait = [calls.loc[mine, "wait_seconds"].sum() / mine.sum() for mine in in_hour]
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == pytest.approx(expected_wait)
    assert [bar.get_x() + bar.get_width() / 2 for bar in fig.axes[0].patches] == pytest.approx(hours)
    assert fig.axes[0].lines[0].get_ydata()[0] == pytest.approx(calls["wait_seconds"].mean())
    x, y = fig.axes[1].lines[0].get_data()  # right axis: calls per day
    assert list(x) == hours and list(y) == pytest.approx([mine.sum() / days for mine in in_hour])
    assert fig.axes[0].get_title() == text("charts.customers.wait_title")
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        text("charts.customers.wait_bars"),
        text("charts.customers.calls_line"),
        text("charts.customers.wait_mean"),
    ]


def test_wait_chart_counts_calls_per_day_over_the_days_in_the_data():
    calls = pd.DataFrame({"date": ["d1", "d1", "d1", "d2"], "hour": [9, 9, 10, 9], "wait_seconds": [10, 30, 5, 20]})
    fig = charts.wait_by_hour_chart(customer_base.calls_by_hour(calls))
    assert [bar.get_height() for bar in fig.axes[0].patches] == pytest.approx([20, 5])
    assert list(fig.axes[1].lines[0].get_ydata()) == pytest.approx([1.5, 0.5])


@pytest.mark.parametrize(
    "calls, match",
    [
        (pd.DataFrame({"date": ["d"], "hour": [9], "wait": [10]}), "wait_seconds"),
        (pd.DataFrame({"hour": [9], "wait_seconds": [10]}), "date"),
        (pd.DataFrame({"date": ["d"], "hour": [9], "wait_seconds": [-1]}), "wait_seconds"),
        (pd.DataFrame({"date": ["d"], "hour": [25], "wait_seconds": [10]}), "hour"),
        (pd.DataFrame({"date": [], "hour": [], "wait_seconds": []}), "calls"),
        ("calls.csv", "calls"),
    ],
)
def test_wait_chart_refuses_bad_tables(calls, match):
    with pytest.raises(CourseInputError, match=match):
        charts.wait_by_hour_chart(customer_base.calls_by_hour(calls))


# ---------------------------------------------------------------- customer mix (1.4, 1.7)


def customer_revenue():
    customers, orders = data.customers(), data.transactions()
    customers["revenue"] = customers["customer_id"].map(orders.groupby("customer_id")["revenue"].sum()).fillna(0)
    return customers, orders


def test_mix_bars_are_the_shares_of_customers_and_of_revenue():
    customers = pd.DataFrame(
        {
            "customer_type": pd.Categorical(
                ["retail"] * 7 + ["merchant", "merchant", "distributor"],
                categories=["retail", "merchant", "distributor", "internal"],
            ),
            "revenue": [10.0] * 7 + [100.0, 130.0, 700.0],
        }
    )
    fig = charts.customer_mix_chart(customer_base.customer_mix(customers))
    assert widths(fig) == pytest.approx([0.7, 0.2, 0.1, 0.07, 0.23, 0.7])  # categories in order; none without rows
    labels = [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    assert labels == [text("categories.retail"), text("categories.merchant"), text("categories.distributor")]
    assert text("columns.customer_type") in fig.axes[0].get_title()


def test_mix_chart_draws_the_course_data_as_counted_by_hand():
    customers, orders = customer_revenue()
    fig = charts.customer_mix_chart(customer_base.customer_mix(customers, by="region"))
    regions = sorted(customers["region"].unique(), key=list(customers["region"].cat.categories).index)
    region_of = customers.set_index("customer_id")["region"]
    expected_customers, expected_revenue = [], []
    for region in regions:
        expected_customers.append((customers["region"] == region).sum() / len(customers))
        expected_revenue.append(orders.loc[orders["customer_id"].map(region_of) == region, "revenue"].sum())
    expected_revenue = [r / orders["revenue"].sum() for r in expected_revenue]
    assert widths(fig) == pytest.approx(expected_customers + expected_revenue)


def test_mix_chart_takes_codes_of_any_column_and_shows_unknown_codes_as_they_are():
    customers = pd.DataFrame({"scope": ["extension", "intension", "other"], "sales": [1.0, 3.0, 0.0]})
    fig = charts.customer_mix_chart(customer_base.customer_mix(customers, by="scope", revenue="sales"))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [
        text("categories.extension"),
        text("categories.intension"),
        "other",
    ]
    assert widths(fig)[3:] == pytest.approx([0.25, 0.75, 0.0])


@pytest.mark.parametrize(
    "customers, match",
    [
        (pd.DataFrame({"customer_type": ["retail"]}), "revenue"),
        (pd.DataFrame({"customer_type": ["retail"], "revenue": [-1.0]}), "revenue"),
        (pd.DataFrame({"customer_type": ["retail"], "revenue": [0.0]}), "revenue"),
        (pd.DataFrame({"customer_type": ["retail", None], "revenue": [1.0, 2.0]}), "customer_type"),
        (pd.DataFrame({"customer_type": [], "revenue": []}), "customers"),
    ],
)
def test_mix_chart_refuses_bad_tables(customers, match):
    with pytest.raises(CourseInputError, match=match):
        charts.customer_mix_chart(customer_base.customer_mix(customers))


# ---------------------------------------------------------------- margin and cost to serve (1.8)


def test_margin_chart_puts_each_customer_at_margin_and_cost():
    customers = pd.DataFrame(
        {
            "customer_type": ["retail", "merchant", "retail", "internal"],
            "gross_margin": [100.0, 5000.0, 300.0, 40.0],
            "service_cost": [200.0, 1000.0, 100.0, 50.0],
        }
    )
    fig = charts.margin_cost_chart(customers)
    dots = {c.get_label(): c.get_offsets().tolist() for c in fig.axes[0].collections}
    assert dots == {
        text("categories.retail"): [[100.0, 200.0], [300.0, 100.0]],
        text("categories.merchant"): [[5000.0, 1000.0]],
        text("categories.internal"): [[40.0, 50.0]],
    }
    x, y = fig.axes[0].lines[0].get_data()
    assert list(x) == list(y)  # the diagonal cost = margin
    assert fig.axes[0].get_xlim() == fig.axes[0].get_ylim()


@pytest.mark.parametrize(
    "column, value", [("gross_margin", 0.0), ("service_cost", -5.0), ("customer_type", "consumer")]
)
def test_margin_chart_refuses_bad_values(column, value):
    customers = pd.DataFrame({"customer_type": ["retail"], "gross_margin": [10.0], "service_cost": [5.0]})
    customers[column] = [value]
    with pytest.raises(CourseInputError, match=column):
        charts.margin_cost_chart(customers)


# ---------------------------------------------------------------- expectation spread (1.12)


def test_spread_bars_are_the_shares_of_each_rating():
    survey = data.survey()
    fig = charts.expectation_spread_chart(customer_base.expectation_spread(survey))
    bars = widths(fig)  # rating 1 for the five attributes, then rating 2, ...
    for row, name in enumerate(data.ATTRIBUTES):
        column = survey[f"expectation_{name}"]
        expected = [(column == k).sum() / len(column) for k in range(1, 8)]
        assert bars[row::5] == pytest.approx(expected)
        assert sum(bars[row::5]) == pytest.approx(1)


def test_spread_chart_refuses_a_rating_outside_1_to_7():
    survey = pd.DataFrame({f"expectation_{name}": [4] for name in data.ATTRIBUTES})
    survey["expectation_cost"] = [8]
    with pytest.raises(CourseInputError, match="expectation_cost"):
        charts.expectation_spread_chart(customer_base.expectation_spread(survey))


# ---------------------------------------------------------------- TV choice (1.13)


def test_price_rating_gives_the_cheapest_top_marks_and_one_point_per_step():
    assert customer_base.price_rating([2800, 2600]).tolist() == [8.0, 10.0]
    assert customer_base.price_rating([2650, 2600]).tolist() == [9.5, 10.0]
    assert customer_base.price_rating([5000, 2600]).tolist() == [1.0, 10.0]  # never below 1
    assert customer_base.price_rating([2800, 2600], yuan_per_point=50).tolist() == [6.0, 10.0]


@FAST
@given(st.lists(st.floats(1, 1e5), min_size=1, max_size=6), st.floats(1, 1000))
def test_price_rating_is_top_for_the_cheapest_and_falls_with_price(prices, step):
    rating = customer_base.price_rating(prices, yuan_per_point=step)
    assert rating[int(np.argmin(prices))] == 10
    order = np.argsort(prices)
    assert np.all(np.diff(rating[order]) <= 1e-9) and np.all(rating >= 1)


@pytest.mark.parametrize(
    "kwargs",
    [{"prices": [0, 2600]}, {"prices": "cheap"}, {"yuan_per_point": 0}, {"top": 0.5}, {"prices": [np.nan]}],
)
def test_price_rating_refuses_bad_inputs(kwargs):
    with pytest.raises(CourseInputError):
        customer_base.price_rating(**{"prices": [2800, 2600], **kwargs})


@FAST
@given(
    st.dictionaries(st.sampled_from(data.ATTRIBUTES), st.tuples(RATING, RATING, WEIGHT), min_size=1),
)
def test_choice_scores_match_a_hand_computed_weighted_average(rows):
    ratings_a = {k: a for k, (a, _, _) in rows.items()}
    ratings_b = {k: b for k, (_, b, _) in rows.items()}
    weights = {k: w for k, (_, _, w) in rows.items()}
    total = sum(weights.values())
    if total == 0:
        with pytest.raises(CourseInputError):
            customer_base.choice_scores(ratings_a, ratings_b, weights)
        return
    table = customer_base.choice_scores(ratings_a, ratings_b, weights)
    expected_a = expected_b = 0.0
    for key in rows:
        expected_a += weights[key] / total * ratings_a[key]
        expected_b += weights[key] / total * ratings_b[key]
    assert table.loc["overall", "points_a"] == pytest.approx(expected_a)
    assert table.loc["overall", "points_b"] == pytest.approx(expected_b)
    assert min(ratings_a.values()) - 1e-9 <= expected_a <= max(ratings_a.values()) + 1e-9
    assert table.drop("overall")["weight"].sum() == pytest.approx(1)
    doubled = customer_base.choice_scores(ratings_a, ratings_b, {k: 2 * w for k, w in weights.items()})
    pd.testing.assert_frame_equal(doubled, table)  # only the proportions of the weights matter


def test_choice_scores_with_equal_weights_by_default():
    table = customer_base.choice_scores({"service": 8, "cost": 4}, {"service": 6, "cost": 10})
    assert table["weight"].tolist() == [0.5, 0.5, 1.0]
    assert table.loc["overall", ["points_a", "points_b"]].tolist() == [6.0, 8.0]
    assert list(table.columns) == ["weight", "rating_a", "rating_b", "points_a", "points_b"]
    assert all(coursekit.i18n.has_text(f"columns.{column}") for column in table.columns)


@pytest.mark.parametrize(
    "ratings_a, ratings_b, weights, match",
    [
        ({"service": 8}, {"cost": 8}, None, "ratings_b"),
        ({"service": 8}, {"service": 8}, {"service": 0}, "weights"),
        ({"service": 11}, {"service": 8}, None, "ratings_a"),
        ({"service": 8}, {"service": 0.5}, None, "ratings_b"),
        ({"service": 8}, {"service": 8}, {"service": -1}, "weights"),
        ({}, {"service": 8}, None, "ratings_a"),
        ([8, 9], {"service": 8}, None, "ratings_a"),
        ({"overall": 8}, {"overall": 8}, None, "ratings_a"),
        ({"service": [8, 9]}, {"service": 8}, None, "ratings_a"),
    ],
)
def test_choice_scores_refuse_bad_inputs(ratings_a, ratings_b, weights, match):
    with pytest.raises(CourseInputError, match=match):
        customer_base.choice_scores(ratings_a, ratings_b, weights)


def test_tv_choice_scores_the_seed_exercise():
    scores = customer_base.tv_choice()
    assert scores.loc["cost", ["rating_a", "rating_b"]].tolist() == [8.0, 10.0]  # 2,800 vs 2,600 yuan
    assert scores.loc["overall", ["points_a", "points_b"]].tolist() == pytest.approx([7.2, 7.8])
    better = customer_base.tv_choice(ratings_a={"service": 9, "delivery": 9})
    assert better.loc["overall", ["points_a", "points_b"]].tolist() == pytest.approx([8.0, 7.8])
    thrifty = customer_base.tv_choice(weights={"cost": 3})
    assert thrifty.loc["overall", "points_b"] == pytest.approx((7 + 7 + 8 + 3 * 10 + 7) / 7)
    assert list(scores.index) == [*data.ATTRIBUTES, "overall"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"ratings_a": {"price": 9}},
        {"weights": {"colour": 2}},
        {"prices": (2800,)},
        {"prices": (2800, -1)},
        {"yuan_per_point": -100},
        {"ratings_b": {"service": 12}},
    ],
)
def test_tv_choice_refuses_bad_inputs(kwargs):
    with pytest.raises(CourseInputError):
        customer_base.tv_choice(**kwargs)


def test_tv_chart_segments_are_the_weighted_points():
    scores = customer_base.tv_choice(weights={"cost": 2, "image": 0})
    fig = charts.tv_choice_chart(scores)
    bars = fig.axes[0].patches
    for i, name in enumerate(data.ATTRIBUTES):
        a, b = bars[2 * i], bars[2 * i + 1]
        assert [a.get_width(), b.get_width()] == pytest.approx(scores.loc[name, ["points_a", "points_b"]].tolist())
    ends = [max(bar.get_x() + bar.get_width() for bar in bars[row::2]) for row in (0, 1)]
    assert ends == pytest.approx(scores.loc["overall", ["points_a", "points_b"]].tolist())
    totals = [t.get_text() for t in fig.axes[0].texts if text("charts.customers.tv_winner") in t.get_text()]
    assert totals == [
        text("charts.customers.tv_total", points=scores.loc["overall", "points_b"]) + text("charts.customers.tv_winner")
    ]


def test_tv_chart_refuses_a_table_without_the_five_attributes():
    with pytest.raises(CourseInputError, match="scores"):
        charts.tv_choice_chart(customer_base.tv_choice().drop(index="delivery"))


def test_simulator_follows_the_sliders_and_explains():
    sim = sims.tv_choice_simulator()
    assert sim.result["scores"].loc["overall", "points_b"] == pytest.approx(7.8)
    assert "B" in sim.summary.value and "200" in sim.summary.value
    sim.controls["service_a"].value = 9
    sim.controls["delivery_a"].value = 9
    assert sim.result["scores"].loc["overall", "points_a"] == pytest.approx(8.0)
    assert "<b>A</b>" in sim.summary.value
    sim.controls["weight_cost"].value = 10  # a price-sensitive customer: B wins again
    a, b = sim.result["scores"].loc["overall", ["points_a", "points_b"]]
    assert b > a
    assert sim.result["cost_lead"] == pytest.approx(sim.result["scores"].loc["cost", "weight"] * 2)
    for name in data.ATTRIBUTES[:-1]:
        sim.controls[f"weight_{name}"].value = 0
    image = sim.image.value
    sim.controls["weight_delivery"].value = 0
    assert "⚠" in sim.message.value and sim.image.value == image  # nothing to weigh: message, last picture kept
    sim.reset()
    assert sim.result["scores"].loc["overall", "points_a"] == pytest.approx(7.2) and sim.message.value == ""


@pytest.mark.parametrize("service, delivery", [(9, 8), (10, 7), (8.5, 8.5)])
def test_simulator_calls_equal_scores_a_tie_despite_rounding(service, delivery):
    sim = sims.tv_choice_simulator()
    sim.controls["service_a"].value = service
    sim.controls["delivery_a"].value = delivery  # A: 7.2 + 0.2 x 3 = 7.8, as B (floats may differ by 1e-15)
    assert sim.summary.value.count("7.80") == 1 and text("sims.customers.tv_tie", points=7.8) in sim.summary.value
    assert "<b>A</b>" not in sim.summary.value and "<b>B</b>" not in sim.summary.value
    fig = charts.tv_choice_chart(sim.result["scores"])
    assert not [t for t in fig.axes[0].texts if text("charts.customers.tv_winner") in t.get_text()]


@pytest.mark.parametrize(
    "cost_weight, service, delivery, verdict",
    [(5, 9, 8, "tie"), (5, 10, 7, "tie"), (5, 9, 8.5, "A"), (10, 10, 9, "tie"), (10, 10, 9.5, "A"), (10, 9.5, 9, "B")],
)
def test_simulator_thresholds_quoted_in_the_lesson(cost_weight, service, delivery, verdict):
    # Equal importance: A needs service + delivery above 17 to win; cost importance 10: above 19.
    sim = sims.tv_choice_simulator()
    sim.controls["weight_cost"].value = cost_weight
    sim.controls["service_a"].value = service
    sim.controls["delivery_a"].value = delivery
    a, b = sim.result["scores"].loc["overall", ["points_a", "points_b"]]
    if verdict == "tie":
        assert a == pytest.approx(b) and text("sims.customers.tv_tie", points=a) in sim.summary.value
    else:
        assert f"<b>{verdict}</b>" in sim.summary.value and (a > b) == (verdict == "A")


def test_simulator_says_when_price_does_not_count():
    sim = sims.tv_choice_simulator()
    sim.controls["weight_cost"].value = 0
    assert text("sims.customers.tv_price_ignored") in sim.summary.value and "0.00" not in sim.summary.value


def test_english_labels():
    coursekit.setup(lang="en")
    fig = charts.tv_choice_chart(customer_base.tv_choice())
    assert fig.axes[0].get_title() == text("charts.customers.tv_title", lang="en")
    assert fig.axes[0].get_yticklabels()[0].get_text() == "Company A (2,800 yuan)"
