"""The reproducers of the hostile-input review (issue 13): each bad input gets a clear
CourseInputError naming the argument, in both languages, or a finite correct result —
never a raw numpy/pandas exception, an inf, a NaN or rows dropped silently."""

import warnings

import numpy as np
import pandas as pd
import pytest

from coursekit import complaints, customer_base, data, retention, segments, value
from coursekit.errors import CourseInputError


def refused(call, *words):
    with pytest.raises(CourseInputError) as err:
        call()
    both = err.value.bilingual()
    for word in words:
        assert word in both, f"{word!r} not in {both!r}"
    return err.value


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: value.lifetime_value(1e308, 0.9, 0.1), "margin"),
        (lambda: segments.gini([1e308] * 3), "values"),
        (lambda: complaints.weight_shares({"a": 1e308, "b": 1e308}, ["a", "b"]), "weights"),
        (lambda: complaints.complaint_outcome(10, 1, 0, 1, complain_share=1e-320), "complain_share"),
        (lambda: value.lifetime_value([True, False], 0.8, 0.1), "margin"),
        (lambda: value.lifetime_value(np.array(["2024-01-01"], "M8[D]"), 0.8, 0.1), "margin"),
        (lambda: retention.cohort_survival(0.8, 10**8), "years"),
        (lambda: customer_base.price_rating([]), "prices"),
        (lambda: value.margin_multiple(float("inf"), 0.1), "retention"),
    ],
)
def test_absurd_numbers_are_refused_naming_the_argument(call, name):
    refused(call, name)


def test_the_infinite_range_message_names_the_real_bound():
    err = refused(lambda: value.lifetime_value(float("inf"), 0.8, 0.1), "margin", "1e+15")
    assert "∞" not in err.bilingual()


@pytest.mark.parametrize(
    "call, names",
    [
        (lambda: value.lifetime_value([1, 2, 3], [0.5, 0.6], 0.1), ["margin 3", "retention 2"]),
        (lambda: value.margin_multiple([0.5, 0.6, 0.7], [0.1, 0.2]), ["retention", "discount"]),
        (lambda: retention.churn_replacement_cost([1, 2], [0.1, 0.2, 0.3], 5), ["customers", "churn_rate"]),
        (lambda: retention.retention_profit_lift([0.5, 0.6], delta=[0.01, 0.02, 0.03]), ["retention", "delta"]),
        (lambda: complaints.disconfirmation([1, 2], [1, 2, 3]), ["performance", "expectation"]),
        (lambda: complaints.stay_probability([0.5, 1], [1, 2, 3]), ["resolution", "response_days"]),
    ],
)
def test_lists_of_different_lengths_are_refused_naming_both(call, names):
    refused(call, *names)


def test_a_large_what_if_grid_over_many_years_needs_no_years_times_grid_memory():
    grid = np.full(200_000, 100.0)  # × 1,000 years would be 1.6 GB at once; one year at a time it is 1.6 MB
    result = value.lifetime_value(grid, 0.8, 0.1, years=1000)
    assert np.allclose(result, value.lifetime_value(100, 0.8, 0.1))


def test_retention_above_its_cap_blames_both_arguments():
    call = lambda: retention.acquisition_vs_retention(  # noqa: E731
        1000, 0.5, 100, 100, customers=100, retention=0.8, margin=10, max_retention=0
    )
    refused(call, "retention", "max_retention", "80%")


@pytest.fixture(scope="module")
def course():
    return {name: data.load(name) for name in ("transactions", "customers", "service_cases")}


def test_an_order_listed_twice_is_refused_not_counted_twice(course):
    tx = pd.concat([course["transactions"], course["transactions"].head(3)])
    refused(lambda: retention.at_risk_customers(tx, course["service_cases"], course["customers"]), "transaction_id")
    refused(lambda: segments.rfm(tx), "transaction_id")


@pytest.mark.parametrize("call", [
    lambda c, tx, sc: retention.first_and_repeat_revenue(tx, c),
    lambda c, tx, sc: retention.at_risk_customers(tx, sc, c),
    lambda c, tx, sc: retention.yearly_retention(tx, c, by="customer_type"),
])
def test_a_customer_listed_twice_is_refused(course, call):
    twice = pd.concat([course["customers"], course["customers"].head(2)], ignore_index=True)
    refused(lambda: call(twice, course["transactions"], course["service_cases"]), "customer_id", "C00001")


def test_blank_categories_are_reported_not_dropped(course):
    customers = course["customers"].astype({"customer_type": object, "acquisition_channel": object})
    customers.loc[5, "customer_type"] = None
    refused(lambda: retention.yearly_retention(course["transactions"], customers, by="customer_type"), "customer_type")
    customers.loc[7, "acquisition_channel"] = None
    refused(lambda: retention.acquisition_cost_by_channel(customers, None), "acquisition_channel")
    cases = course["service_cases"].astype({"channel": object, "resolution": object})
    cases.loc[3, "channel"] = None
    refused(lambda: complaints.cases_by_channel(cases), "channel")
    cases.loc[4, "resolution"] = None
    refused(lambda: complaints.repurchase_by_handling(cases), "resolution")


def test_time_zones_keep_the_local_calendar_day(course):
    tx = course["transactions"]
    aware = tx.assign(date=tx["date"].dt.tz_localize("Asia/Shanghai"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pandas' "will drop timezone information" is not for students
        pd.testing.assert_frame_equal(segments.purchase_summary(aware), segments.purchase_summary(tx))
    pd.testing.assert_frame_equal(segments.rfm(aware), segments.rfm(tx))
    pd.testing.assert_frame_equal(retention.yearly_retention(aware), retention.yearly_retention(tx))
    mixed = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": 1.0,
                          "date": ["2024-12-31T23:30:00+08:00", "2025-01-01T00:30:00+01:00", "2025-03-01"]})
    years = retention.yearly_retention(mixed)  # 23:30 in Beijing is still 2024 there
    assert years[["buy_year", "active", "retained"]].values.tolist() == [[2024, 1, 1]]


@pytest.mark.parametrize("draw, table, name", [
    ("value.referral_cost_chart", pd.DataFrame({"referral": [-50.0], "other": [100.0], "share": [-0.5]},
                                                 index=["retail"]), "referral"),
    ("value.satisfaction_payoff_chart", pd.DataFrame({"would_repurchase": [99.0], "would_recommend": [5.0]},
                                                       index=pd.Index([3], name="overall_satisfaction")),
     "would_repurchase"),
    ("complaints.satisfaction_by_gap_chart", pd.DataFrame({"label": ["0"], "respondents": [2.5],
                                                            "mean_satisfaction": [4.0], "zone": ["neutral"]},
                                                           index=pd.Index([0.0], name="gap")), "respondents"),
    ("value.customer_histories_chart", pd.DataFrame({"customer_id": ["a", "a"], "date": pd.to_datetime(
        ["2024-01-01", "2024-02-01"]), "cumulative_margin": ["0", "15"], "orders": [1, 1]}), "cumulative_margin"),
    ("retention.lapse_by_outcome_chart", pd.DataFrame({"buy_year": 2024, "worst_outcome": ["no_case"],
                                                        "customers": [10], "lapsed": [2], "lapse_rate": [1.5]}),
     "lapse_rate"),
])
def test_charts_refuse_impossible_values(draw, table, name):
    from coursekit import charts

    module, function = draw.split(".")
    refused(lambda: getattr(getattr(charts, module), function)(table), name)


def test_a_labelled_result_is_never_infinite_and_survey_scales_are_kept():
    from coursekit import display

    refused(lambda: display.result(float("inf"), "value.clv", unit="yuan"), "value")
    survey = pd.DataFrame({"overall_satisfaction": [3], "would_repurchase": [99], "would_recommend": [5]})
    refused(lambda: value.satisfaction_payoff(survey), "would_repurchase")
