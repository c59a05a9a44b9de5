"""coursekit.holdout: the calibration/holdout split, the tracking plot's numbers, the forecasts and
their errors, checked against counts made here independently of the library code."""

import numpy as np
import pandas as pd
import pytest

from coursekit import data, holdout, repeat_buying, segments
from coursekit.errors import CourseInputError

LOG = pd.DataFrame({
    "customer_id": ["a", "a", "a", "a", "b", "b", "c"],
    "date": ["2024-01-01", "2024-01-03", "2024-01-15", "2024-02-07", "2024-01-08", "2024-02-12", "2024-02-01"],
    "revenue": [10.0, 5.0, 20.0, 30.0, 50.0, 60.0, 70.0],
})
MODEL = repeat_buying.BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0)


def week(day):
    return pd.Timestamp(day).to_period("W").ordinal


def weeks_by_customer(log):
    """{customer: sorted list of week numbers with a purchase}, counted with plain Python."""
    found = {}
    for customer, day in zip(log["customer_id"], log["date"], strict=True):
        found.setdefault(customer, set()).add(week(day))
    return {customer: sorted(weeks) for customer, weeks in found.items()}


@pytest.fixture(scope="module")
def course():
    transactions = data.transactions()
    split = holdout.calibration_holdout(transactions, "2024-12-31", "2025-12-31")
    return transactions, split, repeat_buying.fit_bg_nbd(split)


def test_the_split_of_a_small_log_counted_by_hand():
    split = holdout.calibration_holdout(LOG, "2024-01-21", "2024-02-18")
    # a: weeks 0 (two orders), 2 | holdout: week 5; b: week 1 | holdout week 6; c: first buys after the calibration
    assert list(split.index) == ["a", "b"]
    assert split.loc["a", ["frequency", "recency", "T"]].tolist() == [1.0, 2.0, 2.0]
    assert split.loc["b", ["frequency", "recency", "T"]].tolist() == [0.0, 0.0, 1.0]
    assert split["holdout_purchases"].tolist() == [1.0, 1.0]
    assert split["holdout_length"].tolist() == [4.0, 4.0]
    assert split["recent_purchases"].tolist() == [2.0, 1.0]  # the calibration's last 4 weeks: all of it here


def test_the_calibration_part_is_the_purchase_summary_of_the_calibration_log(course):
    transactions, split, _ = course
    calibration = transactions[transactions["date"] <= "2024-12-31"]
    summary = segments.purchase_summary(calibration, observation_end="2024-12-31", freq="W")
    pd.testing.assert_frame_equal(split[summary.columns], summary)


def test_holdout_and_recent_purchases_are_the_weeks_counted_independently(course):
    transactions, split, _ = course
    end, last = week("2024-12-31"), week("2025-12-31")
    after = transactions[transactions["date"] > "2024-12-31"]
    holdout_weeks = weeks_by_customer(after)
    before = transactions[transactions["date"] <= "2024-12-31"]
    calibration_weeks = weeks_by_customer(before)
    for customer in split.index[::37]:
        assert split.loc[customer, "holdout_purchases"] == len(holdout_weeks.get(customer, []))
        recent = [w for w in calibration_weeks[customer] if w > end - (last - end)]
        assert split.loc[customer, "recent_purchases"] == len(recent)
    assert (split["holdout_length"] == last - end).all()


def test_tracking_adds_up_to_the_split_when_the_calibration_ends_on_a_sunday(course):
    transactions = course[0]
    split = holdout.calibration_holdout(transactions, "2024-12-29", "2025-12-28")  # both Sundays: whole weeks
    track = holdout.tracking_table(MODEL, transactions, "2024-12-29", "2025-12-28")
    calibration, end = track[~track["holdout"]].iloc[-1], track.iloc[-1]
    assert calibration["actual"] == split["frequency"].sum()
    assert end["actual"] - calibration["actual"] == split["holdout_purchases"].sum()
    assert track["holdout"].sum() == split["holdout_length"].iloc[0]
    assert np.all(np.diff(track["actual"]) >= 0) and np.all(np.diff(track["predicted"]) >= 0)


def test_the_predicted_line_is_each_customers_expected_repeat_purchases_summed():
    track = holdout.tracking_table(MODEL, LOG, "2024-01-21", "2024-02-18")
    first = {customer: weeks[0] for customer, weeks in weeks_by_customer(LOG[LOG["customer_id"] != "c"]).items()}
    start = min(first.values())
    for k in range(len(track)):
        want = sum(MODEL.expected_repeat_purchases(float(k + start - f)) for f in first.values() if k + start >= f)
        assert track["predicted"].iloc[k] == pytest.approx(want)
    assert track["actual"].tolist() == [0.0, 0.0, 1.0, 1.0, 1.0, 2.0, 3.0]  # c is not in the cohort


def test_the_comparison_and_its_summaries(course):
    _, split, model = course
    comparison = holdout.holdout_comparison(model, split)
    row = split.iloc[5]
    want = model.expected_purchases(row["holdout_length"], row["frequency"], row["recency"], row["T"])
    assert comparison["model_forecast"].iloc[5] == pytest.approx(want)
    groups = holdout.by_calibration_purchases(comparison, most=7)
    assert groups["customers"].sum() == len(split)
    manual = comparison[comparison["frequency"] == 3]["actual"].mean()
    assert groups.loc[3, "actual"] == pytest.approx(manual)
    assert groups.loc[7, "customers"] == (comparison["frequency"] >= 7).sum()
    errors = holdout.forecast_errors(comparison)
    naive = comparison["naive_forecast"] - comparison["actual"]
    assert errors.loc["naive_forecast", "mean_absolute_error"] == pytest.approx(naive.abs().mean())
    assert errors.loc["model_forecast", "total_error"] == pytest.approx(
        comparison["model_forecast"].sum() / comparison["actual"].sum() - 1
    )


def test_the_model_beats_the_naive_forecast_per_customer_on_the_course_data(course):
    _, split, model = course
    errors = holdout.forecast_errors(holdout.holdout_comparison(model, split))
    assert errors.loc["model_forecast", "mean_absolute_error"] < errors.loc["naive_forecast", "mean_absolute_error"]
    assert abs(errors.loc["model_forecast", "total_error"]) < 0.05


def test_customers_the_model_thinks_gone_rarely_come_back(course):
    _, split, model = course
    check = holdout.alive_check(model, split)
    assert check["customers"].sum() == len(split)
    assert check["bought_again"].is_monotonic_increasing
    assert check["bought_again"].iloc[0] < 0.15 < 0.7 < check["bought_again"].iloc[-1]


@pytest.mark.parametrize(
    ("calibration_end", "holdout_end"),
    [("2024-02-18", "2024-01-21"), ("2023-01-01", None), ("2024-01-21", "2024-01-21"), ("not a date", None)],
)
def test_ends_that_cannot_split_the_log_are_refused(calibration_end, holdout_end):
    with pytest.raises(CourseInputError):
        holdout.calibration_holdout(LOG, calibration_end, holdout_end)


def test_a_model_that_is_not_fitted_is_refused_by_name():
    split = holdout.calibration_holdout(LOG, "2024-01-21", "2024-02-18")
    for call in (lambda: holdout.holdout_comparison({"r": 1}, split),
                 lambda: holdout.tracking_table("model", LOG, "2024-01-21"),
                 lambda: holdout.alive_check(None, split)):
        with pytest.raises(CourseInputError, match="model"):
            call()


def test_bad_tables_and_cutoffs_are_refused():
    split = holdout.calibration_holdout(LOG, "2024-01-21", "2024-02-18")
    with pytest.raises(CourseInputError, match="holdout_purchases"):
        holdout.holdout_comparison(MODEL, split.drop(columns="holdout_purchases"))
    with pytest.raises(CourseInputError, match="cutoffs"):
        holdout.alive_check(MODEL, split, cutoffs=(0.7, 0.3))
    comparison = holdout.holdout_comparison(MODEL, split).assign(actual=0.0)
    with pytest.raises(CourseInputError):
        holdout.forecast_errors(comparison)  # nothing happened: no error share to compute
    with pytest.raises(CourseInputError, match="most"):
        holdout.by_calibration_purchases(comparison, most=0)


def test_alive_groups_keep_limits_apart_in_their_names():
    split = holdout.calibration_holdout(data.transactions(), "2024-12-31", "2025-12-31", freq="W")
    alive = MODEL.probability_alive(split["frequency"], split["recency"], split["T"])
    values = np.unique(np.asarray(alive))
    middles = (values[:-1] + values[1:]) / 2  # limits with a customer on each side
    at = next(i for i in range(len(middles) - 1) if round(100 * middles[i]) == round(100 * middles[i + 1]))
    close = holdout.alive_check(MODEL, split, cutoffs=(middles[at], middles[at + 1]))
    assert close.index.is_unique and len(close) == 3, close.index.tolist()
    assert holdout.alive_check(MODEL, split).index.tolist() == ["0–30%", "30–70%", "70–100%"]


@pytest.mark.parametrize("marks", [["no", "no", "yes", "yes"], [0.0, 0.0, np.nan, 1.0]])
def test_the_tracking_chart_needs_true_false_in_its_holdout_column(marks):
    from coursekit import charts

    table = pd.DataFrame({"start": pd.date_range("2024-01-01", periods=4, freq="W-MON"),
                          "actual": [0.0, 2.0, 5.0, 6.0], "predicted": [0.0, 2.5, 4.5, 6.5], "holdout": marks})
    with pytest.raises(CourseInputError, match="holdout"):
        charts.tracking_chart(table)
