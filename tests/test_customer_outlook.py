"""coursekit.customer_outlook and the charts of lesson 5 (coursekit.charts.lifetime)."""

import numpy as np
import pandas as pd
import pytest

import coursekit
from coursekit import customer_outlook as co
from coursekit import data, segments
from coursekit.charts import lifetime as charts
from coursekit.errors import CourseInputError
from coursekit.repeat_buying import BGNBD, GammaGamma, lifetime_value_table

MODEL = BGNBD({"r": 1.0, "alpha": 10.0, "a": 1.5, "b": 3.0}, 0.0)
SPEND = GammaGamma({"p": 2.0, "q": 3.0, "gamma": 100.0}, 0.0)
SUMMARY = pd.DataFrame(
    {"frequency": [5.0, 5.0, 0.0, 12.0], "recency": [50.0, 10.0, 0.0, 40.0], "T": [52.0, 52.0, 30.0, 41.0],
     "monetary_value": [200.0, 200.0, 0.0, 90.0]},
    index=["recent", "quiet", "once", "busy"],
)


def test_the_story_follows_the_models_rules():
    story = co.simulate_customers(MODEL.params, customers=40, periods=104, seed=3)
    assert story.equals(co.simulate_customers(MODEL.params, customers=40, periods=104, seed=3))
    for _, events in story.groupby("customer"):
        kinds = events["event"].tolist()
        assert kinds[0] == "first" and kinds[-1] == "end" and kinds.count("dropout") <= 1
        if "dropout" in kinds:  # right after a repeat purchase, at its time, and nothing after it but the end
            at = kinds.index("dropout")
            assert kinds[at - 1] == "repeat" and events["time"].iloc[at] == events["time"].iloc[at - 1]
            assert kinds[at + 1:] == ["end"]
        assert events["time"].is_monotonic_increasing and events["time"].max() == 104
        assert events["rate"].nunique() == 1 and events["dropout_chance"].nunique() == 1


def test_the_story_draws_rates_and_chances_from_the_models_distributions():
    story = co.simulate_customers({"r": 2.0, "alpha": 4.0, "a": 2.0, "b": 6.0}, customers=50, periods=1, seed=0)
    people = story.groupby("customer")[["rate", "dropout_chance"]].first()
    assert people["rate"].mean() == pytest.approx(2.0 / 4.0, rel=0.35)  # Gamma(r, rate α): mean r/α
    assert people["dropout_chance"].mean() == pytest.approx(2.0 / 8.0, rel=0.35)  # Beta(a, b): mean a/(a+b)


def test_the_alive_grid_is_probability_alive_with_the_impossible_histories_blank():
    grid = co.alive_grid(MODEL, T=20, most_frequency=8)
    assert grid.shape == (21, 9)
    assert grid.loc[0, 0] == 1.0 and np.isnan(grid.loc[5, 0]) and np.isnan(grid.loc[3, 4])
    assert grid.loc[15, 6] == pytest.approx(MODEL.probability_alive(6, 15, 20))
    column = grid[6].dropna()
    assert column.is_monotonic_increasing  # the more recent the last purchase, the likelier alive


def test_spend_independence_is_pandas_correlation_of_the_repeat_buyers():
    groups = pd.Series({"recent": "x", "quiet": "x", "once": "y", "busy": "y"})
    table = co.spend_independence(SUMMARY.assign(monetary_value=[200.0, 150.0, 0.0, 90.0]), groups)
    buyers = SUMMARY.loc[["recent", "quiet", "busy"]]
    want = buyers["frequency"].corr(pd.Series([200.0, 150.0, 90.0], index=buyers.index))
    assert table.loc["all_customers", "correlation"] == pytest.approx(want)
    assert table.loc["all_customers", "customers"] == 3
    assert np.isnan(table.loc["x", "correlation"])  # two buyers: no correlation to speak of


def test_the_course_datas_correlation_comes_from_mixing_customer_types():
    summary = segments.purchase_summary(data.transactions(), freq="W")
    types = data.customers().set_index("customer_id")["customer_type"]
    table = co.spend_independence(summary, types)
    assert table.loc["all_customers", "correlation"] > 0.3 > abs(table.loc["retail", "correlation"])


def test_margin_rates_are_shares_kept_within_0_and_1():
    tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c"], "revenue": [100.0, 100.0, 50.0, 0.0],
                       "gross_margin": [30.0, 10.0, -10.0, 0.0]})
    assert co.margin_rates(tx).to_dict() == {"a": 0.2, "b": 0.0, "c": 0.0}


def test_lifetime_values_are_the_repeat_buying_table_times_each_margin():
    rates = pd.Series({"recent": 0.2, "quiet": 0.3, "once": 0.1, "busy": 0.25})
    values = co.lifetime_values(MODEL, SPEND, SUMMARY, rates, years=4, discount=0.08, period_length=52)
    revenue = lifetime_value_table(MODEL, SPEND, SUMMARY, margin=1.0, periods=4, period_length=52, discount=0.08)
    assert values["lifetime_value"].to_numpy() == pytest.approx(revenue["lifetime_value"].to_numpy() * rates.to_numpy())
    same = co.lifetime_values(MODEL, SPEND, SUMMARY, 0.2, years=4, discount=0.08)
    assert same.loc["recent", "lifetime_value"] == pytest.approx(values.loc["recent", "lifetime_value"])
    with pytest.raises(CourseInputError, match="margin"):
        co.lifetime_values(MODEL, SPEND, SUMMARY, rates.drop("busy"))


def test_one_customers_outlook_adds_up_to_the_table_value():
    outlook = co.customer_outlook(MODEL, SPEND, 5, 10, 52, 200.0, margin=0.2)
    table = co.lifetime_values(MODEL, SPEND, SUMMARY, 0.2)
    assert outlook["lifetime_value"] == pytest.approx(table.loc["quiet", "lifetime_value"])
    assert outlook["value_by_year"].sum() == pytest.approx(outlook["lifetime_value"])
    assert outlook["purchases_by_year"].sum() == pytest.approx(table.loc["quiet", "expected_purchases"])
    assert outlook["expected_purchases"] == pytest.approx(MODEL.expected_purchases(52, 5, 10, 52))
    assert outlook["alive_curve"][0] == pytest.approx(MODEL.probability_alive(5, 10, 10))


@pytest.mark.parametrize(("history", "key"), [
    ((5, 60, 52), "customer_outlook.recency_after_now"),
    ((5, 3, 52), "customer_outlook.impossible_history"),
    ((0, 4, 52), "customer_outlook.no_repeat_recency"),
    ((2, 0, 52), "customer_outlook.impossible_history"),
])
def test_impossible_histories_are_refused(history, key):
    with pytest.raises(CourseInputError) as caught:
        co.customer_outlook(MODEL, SPEND, *history, 100.0, margin=0.2)
    assert caught.value.key == key


def test_compare_with_tiers_flags_the_top_customers_who_left_and_the_undervalued():
    values = co.lifetime_values(MODEL, SPEND, SUMMARY, 0.2)
    profit = pd.Series({"recent": 10.0, "quiet": 900.0, "once": 5.0, "busy": 20.0})
    compare = co.compare_with_tiers(values, profit, cutoffs=(0.25, 0.5, 0.75), alive_below=0.5)
    assert compare.loc["quiet", "tier"] == "platinum"
    assert bool(compare.loc["quiet", "probably_left"]) == (values.loc["quiet", "probability_alive"] < 0.5)
    top = compare["model_tier"].isin(["platinum", "gold"]) & ~compare["tier"].isin(["platinum", "gold"])
    assert compare["undervalued"].tolist() == top.tolist()
    with pytest.raises(CourseInputError, match="profit"):
        co.compare_with_tiers(values, profit.drop("busy"))


def test_on_the_course_data_customer_c00603_looks_valuable_but_has_left():
    bg_nbd, gamma_gamma = co.course_models()
    assert co.course_models() is co.course_models()  # fitted once
    summary = segments.purchase_summary(data.transactions(), freq="W")
    values = co.lifetime_values(bg_nbd, gamma_gamma, summary, co.margin_rates(data.transactions()))
    table = segments.customer_value_table()
    compare = co.compare_with_tiers(values, table["profit"])
    assert compare.loc["C00603", "probably_left"]
    assert values.loc["C00058", "lifetime_value"] > values.loc["C00637", "lifetime_value"]
    assert table.loc["C00058", "profit"] < table.loc["C00637", "profit"]  # the opening pair: the past says otherwise


def test_wrong_models_are_refused_by_name():
    with pytest.raises(CourseInputError, match="bg_nbd"):
        co.alive_grid({"r": 1.0}, T=5)
    with pytest.raises(CourseInputError, match="gamma_gamma"):
        co.customer_outlook(MODEL, MODEL, 1, 1, 2, 10.0, 0.2)
    with pytest.raises(CourseInputError, match="params"):
        co.simulate_customers([1, 2, 3, 4])


# ---------------------------------------------------------------- charts


def test_the_charts_draw_the_tables_they_are_given():
    coursekit.setup()
    story = co.simulate_customers(MODEL.params, customers=6, periods=52, seed=1)
    fig = charts.customer_stories_chart(story)
    crosses = [line for line in fig.axes[0].get_lines() if line.get_marker() == "x" and len(line.get_xdata())]
    assert len(crosses) == (story["event"] == "dropout").sum()

    grid = co.alive_grid(MODEL, T=10, most_frequency=5)
    image = charts.alive_heatmap_chart(grid).axes[0].images[0].get_array()
    assert image.mask[3, 4] and image[10, 5] == pytest.approx(grid.loc[10, 5])

    table = pd.DataFrame(
        {"actual": [1.0, 2.0, 4.0], "model_forecast": [1.1, 1.9, 3.8], "naive_forecast": [0.5, 2.2, 4.5]},
        index=pd.Index([0, 1, 2], name="frequency"),
    )
    fig = charts.conditional_expectations_chart(table)
    heights = [bar.get_height() for bar in fig.axes[0].patches]
    assert heights == [1.0, 2.0, 4.0, 1.1, 1.9, 3.8, 0.5, 2.2, 4.5]
    assert fig.axes[0].get_xticklabels()[-1].get_text() == "2 及以上"


def test_the_charts_refuse_what_they_cannot_draw():
    track = pd.DataFrame({"start": pd.date_range("2024-01-01", periods=3, freq="W-MON"), "actual": [0.0, 1.0, 2.0],
                          "predicted": [0.0, 1.0, 2.0], "holdout": [True, False, True]})
    with pytest.raises(CourseInputError, match="holdout"):
        charts.tracking_chart(track)
    with pytest.raises(CourseInputError):
        charts.alive_heatmap_chart(pd.DataFrame([[0.5, 1.5]]))
    with pytest.raises(CourseInputError):
        charts.customer_stories_chart(pd.DataFrame({"customer": [1], "time": [0.0], "event": ["born"], "rate": [0.1]}))
