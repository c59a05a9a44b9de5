"""Satisfaction and complaint handling: coursekit.complaints."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coursekit import i18n
from coursekit.complaints import (
    SEVERITIES,
    TARP_BUY_AGAIN,
    ZONES,
    attribute_satisfaction,
    complaint_iceberg,
    complaint_outcome,
    disconfirmation,
    overpromise,
    satisfaction,
    stay_probability,
)
from coursekit.data import ATTRIBUTES
from coursekit.errors import CourseInputError

FAST = settings(deadline=None, max_examples=100)
rating = st.floats(min_value=1, max_value=10, allow_nan=False)
share = st.floats(min_value=0, max_value=1, allow_nan=False)
days = st.floats(min_value=0, max_value=365, allow_nan=False)


# --- expectation and performance ------------------------------------------------------------


def test_performance_above_expectation_satisfies_not_the_reverse():
    # The seed slide's "期望 > 实际绩效 → 满意" is backwards: Oliver (1980) says the opposite.
    assert satisfaction(expectation=6, performance=9) == "satisfied"
    assert satisfaction(expectation=9, performance=6) == "dissatisfied"


def test_zone_of_tolerance_boundaries():
    assert satisfaction(7, 7.5, tolerance=0.5) == "neutral"  # |gap| = tolerance is still inside the zone
    assert satisfaction(7, 6.5, tolerance=0.5) == "neutral"
    assert satisfaction(7, 7.6, tolerance=0.5) == "satisfied"
    assert satisfaction(7, 6.4, tolerance=0.5) == "dissatisfied"
    assert satisfaction(7, 7, tolerance=0) == "neutral"
    assert satisfaction(7, 7.01, tolerance=0) == "satisfied"


def test_disconfirmation_is_performance_minus_expectation():
    assert disconfirmation(expectation=8, performance=5) == -3
    assert np.array_equal(disconfirmation([1, 2], [4, 4]), [3, 2])


@FAST
@given(st.lists(st.tuples(rating, rating), min_size=1, max_size=20), st.floats(min_value=0, max_value=3))
def test_satisfaction_vectorised_equals_elementwise(pairs, tolerance):
    expectation = np.array([e for e, _ in pairs])
    performance = np.array([p for _, p in pairs])
    codes = satisfaction(expectation, performance, tolerance)
    one_by_one = [satisfaction(e, p, tolerance) for e, p in pairs]
    assert codes.tolist() == one_by_one
    assert set(one_by_one) <= set(ZONES)


def test_satisfaction_on_dataframe_columns():
    survey = pd.DataFrame({"expectation": [8, 5, 6], "performance": [6, 8, 6.2]})
    survey["zone"] = satisfaction(survey["expectation"], survey["performance"])
    assert survey["zone"].tolist() == ["dissatisfied", "satisfied", "neutral"]


def test_attribute_satisfaction_matches_an_explicit_weighted_sum():
    expectations = {"service": 8, "appearance": 6, "image": 7, "cost": 5, "delivery": 9}
    performances = {"service": 9, "appearance": 6, "image": 5, "cost": 7, "delivery": 8.8}
    weights = {"service": 3, "appearance": 1, "image": 1, "cost": 2, "delivery": 3}
    table = attribute_satisfaction(expectations, performances, weights)
    assert list(table.index) == [*ATTRIBUTES, "overall"]
    assert list(table.columns) == ["weight", "expectation", "performance", "gap", "zone"]
    total_weight = sum(weights.values())
    overall_gap = 0.0
    for name in ATTRIBUTES:
        gap = performances[name] - expectations[name]
        assert table.loc[name, "gap"] == pytest.approx(gap)
        assert table.loc[name, "weight"] == pytest.approx(weights[name] / total_weight)
        assert table.loc[name, "zone"] == satisfaction(expectations[name], performances[name])
        overall_gap += weights[name] / total_weight * gap
    assert table.loc["overall", "gap"] == pytest.approx(overall_gap)  # (3 + 0 - 2 + 4 - 0.6) / 10 = 0.44
    assert table.loc["overall", "zone"] == "neutral"
    assert table.loc["overall", "weight"] == 1


def test_attribute_satisfaction_default_weights_are_equal():
    table = attribute_satisfaction({"service": 4, "cost": 4}, {"service": 8, "cost": 6})
    assert table["weight"].tolist() == [0.5, 0.5, 1.0]
    assert table.loc["overall", "gap"] == 3
    assert table.loc["overall", "zone"] == "satisfied"


def test_overpromise_wins_buyers_then_disappoints_them():
    delivered = 6
    honest, big = overpromise(5, delivered), overpromise(9, delivered)
    assert big["buy_probability"] > honest["buy_probability"]
    assert big["expectation"] == 9
    assert big["gap"] == -3
    assert (big["zone"], honest["zone"]) == ("dissatisfied", "satisfied")
    assert big["satisfied_buyers"] == 0
    assert big["dissatisfied_buyers"] == pytest.approx(0.5 * 9 / 10)


def test_overpromise_broadcasts_into_a_table():
    promises = np.arange(1, 11)
    table = pd.DataFrame(overpromise(promises, delivered=6))
    assert len(table) == 10
    assert np.all(np.diff(table["buy_probability"]) > 0)
    for promised, row in zip(promises, table.itertuples(), strict=True):
        single = overpromise(promised, 6)
        assert row.zone == single["zone"]
        assert row.dissatisfied_buyers == pytest.approx(single["dissatisfied_buyers"])


# --- complaint iceberg ----------------------------------------------------------------------


def test_iceberg_seed_figures():
    ice = complaint_iceberg(1000)
    assert ice["complain_to_firm"] == pytest.approx(40)  # ~4 % complain to the firm
    assert ice["third_party"] == pytest.approx(10)  # ~1 % go to third parties
    assert ice["silent"] == pytest.approx(950)
    assert ice["complain_to_firm"] + ice["third_party"] + ice["silent"] == pytest.approx(1000)
    assert ice["silent_leave"] == pytest.approx(950 * (1 - 0.09))
    assert ice["tell_more_than_20"] == pytest.approx(130)  # TARP: 13 % tell more than 20
    assert ice["hear_bad_wom"] == pytest.approx(9500)  # 9–10 each


def test_iceberg_tarp_26_silent_for_every_complainer():
    ice = complaint_iceberg(2700, complain_share=1 / 27, third_party_share=0)
    assert ice["silent"] / ice["complain_to_firm"] == pytest.approx(26)


def test_iceberg_minor_problems_lose_fewer_silent_customers():
    assert complaint_iceberg(100, severity="minor")["silent_leave"] == pytest.approx(95 * (1 - 0.37))


# --- complaint response and recovery --------------------------------------------------------


@pytest.mark.parametrize("severity", SEVERITIES)
def test_stay_probability_hits_the_tarp_anchors(severity):
    tarp = TARP_BUY_AGAIN[severity]
    for delay in (0, 3, 30, 365):
        assert stay_probability(0, delay, severity) == pytest.approx(tarp["not_resolved"])
    assert stay_probability(1, 0, severity) == pytest.approx(tarp["resolved_quickly"])
    assert stay_probability(1, 10_000, severity) == pytest.approx(tarp["resolved"], abs=1e-9)


def test_tarp_table_as_published():
    assert TARP_BUY_AGAIN["major"] == {
        "did_not_complain": 0.09,
        "not_resolved": 0.19,
        "resolved": 0.54,
        "resolved_quickly": 0.82,
    }
    assert TARP_BUY_AGAIN["minor"] == {
        "did_not_complain": 0.37,
        "not_resolved": 0.46,
        "resolved": 0.70,
        "resolved_quickly": 0.95,
    }


def test_stay_probability_half_life():
    # after one half-life half of the "quick" bonus (82 % − 54 %) is left
    assert stay_probability(1, 7, half_life_days=7) == pytest.approx(0.54 + 0.28 / 2)
    assert stay_probability(1, 2, half_life_days=1) == pytest.approx(0.54 + 0.28 / 4)


@FAST
@given(share, days, days, st.sampled_from(SEVERITIES), share)
def test_stay_probability_never_rises_with_delay(resolution, d1, d2, severity, apology):
    early, late = sorted([d1, d2])
    assert stay_probability(resolution, late, severity, apology=apology) <= stay_probability(
        resolution, early, severity, apology=apology
    )


@FAST
@given(share, share, days, st.sampled_from(SEVERITIES), share)
def test_stay_probability_never_falls_with_resolution(q1, q2, delay, severity, apology):
    low, high = sorted([q1, q2])
    assert stay_probability(high, delay, severity, apology=apology) >= stay_probability(
        low, delay, severity, apology=apology
    )


@FAST
@given(share, days, st.sampled_from(SEVERITIES), share, share, st.floats(min_value=0.1, max_value=100))
def test_stay_probability_is_a_probability_and_apology_helps(resolution, delay, severity, apology, effect, half_life):
    without = stay_probability(resolution, delay, severity, half_life)
    with_apology = stay_probability(resolution, delay, severity, half_life, apology, effect)
    assert 0 <= without <= with_apology <= 1
    assert with_apology - without <= effect * (1 - without) + 1e-12  # bounded effect


@FAST
@given(st.lists(st.tuples(share, days), min_size=1, max_size=20))
def test_stay_probability_vectorised_equals_elementwise(points):
    resolution = np.array([q for q, _ in points])
    delay = np.array([d for _, d in points])
    one_by_one = [stay_probability(q, d) for q, d in points]
    assert np.allclose(stay_probability(resolution, delay), one_by_one)


def test_complaint_outcome_arithmetic():
    out = complaint_outcome(200, resolution=0.5, response_days=7, value_per_customer=300, severity="minor")
    p = 0.46 + 0.5 * ((0.70 - 0.46) + (0.95 - 0.70) * 0.5)  # TARP minor anchors, one half-life
    assert out["stay"] == pytest.approx(200 * p)
    assert out["stay"] + out["leave"] == pytest.approx(200)
    assert out["value_lost"] == pytest.approx(200 * (1 - p) * 300)
    assert out["hear_bad_wom"] == pytest.approx(200 * (1 - p) * 9.5)
    assert out["hear_good_wom"] == pytest.approx(200 * 0.5 * 5)
    assert out["third_party"] == pytest.approx(200 / 0.04 * 0.01)  # 50 go to third parties
    assert out["noncomplainers"] == pytest.approx(200 / 0.04 - 200 - 50)  # 4 750 silent behind 200 complainers
    assert out["noncomplainers_stay"] == pytest.approx(4750 * 0.37)
    assert out["noncomplainers_value_lost"] == pytest.approx(4750 * 0.63 * 300)
    assert out["noncomplainers_hear_bad_wom"] == pytest.approx(4750 * 0.63 * 9.5)
    assert out["total_value_lost"] == pytest.approx(out["value_lost"] + out["noncomplainers_value_lost"])


def test_better_and_faster_handling_loses_less():
    slow = complaint_outcome(100, resolution=0.5, response_days=30, value_per_customer=1000)
    fast = complaint_outcome(100, resolution=1, response_days=1, value_per_customer=1000)
    assert fast["value_lost"] < slow["value_lost"]
    assert fast["hear_bad_wom"] < slow["hear_bad_wom"]
    assert fast["hear_good_wom"] > slow["hear_good_wom"]
    assert fast["noncomplainers_value_lost"] == slow["noncomplainers_value_lost"]  # the iceberg is not reached


def test_complaint_outcome_broadcasts():
    days_ = np.array([0, 7, 30])
    out = complaint_outcome(100, 1, days_, 50)
    assert np.allclose(out["stay"], [complaint_outcome(100, 1, d, 50)["stay"] for d in days_])


# --- every rejected input -------------------------------------------------------------------

GOOD = {
    satisfaction: {"expectation": 7, "performance": 8},
    disconfirmation: {"expectation": 7, "performance": 8},
    attribute_satisfaction: {"expectations": {"service": 7}, "performances": {"service": 8}},
    overpromise: {"promised": 8, "delivered": 6},
    complaint_iceberg: {"dissatisfied": 100},
    stay_probability: {"resolution": 1, "response_days": 2},
    complaint_outcome: {"complainers": 10, "resolution": 1, "response_days": 2, "value_per_customer": 100},
}

BAD = [
    (satisfaction, "expectation", "high"),
    (satisfaction, "performance", float("nan")),
    (satisfaction, "tolerance", -0.1),
    (disconfirmation, "expectation", float("inf")),
    (disconfirmation, "performance", None),
    (attribute_satisfaction, "expectations", [7, 8]),
    (attribute_satisfaction, "expectations", {}),
    (attribute_satisfaction, "expectations", {"overall": 7}),
    (attribute_satisfaction, "expectations", {"service": "7"}),
    (attribute_satisfaction, "performances", {"cost": 8}),
    (attribute_satisfaction, "performances", {"service": [8, 9]}),
    (attribute_satisfaction, "weights", {"service": -1}),
    (attribute_satisfaction, "weights", {"service": 0}),
    (attribute_satisfaction, "weights", {"service": 1, "cost": 1}),
    (attribute_satisfaction, "tolerance", [0.5, 1]),
    (overpromise, "promised", 11),
    (overpromise, "delivered", -1),
    (overpromise, "scale", 0),
    (overpromise, "max_buy", 1.5),
    (overpromise, "tolerance", -1),
    (complaint_iceberg, "dissatisfied", -5),
    (complaint_iceberg, "complain_share", 1.2),
    (complaint_iceberg, "third_party_share", 0.97),  # 0.04 + 0.97 > 1
    (complaint_iceberg, "tell_others", -1),
    (complaint_iceberg, "loud_share", 2),
    (complaint_iceberg, "severity", "huge"),
    (stay_probability, "resolution", 1.1),
    (stay_probability, "response_days", -1),
    (stay_probability, "severity", "重大"),
    (stay_probability, "half_life_days", 0),
    (stay_probability, "apology", -0.5),
    (stay_probability, "apology_effect", 2),
    (complaint_outcome, "complainers", -1),
    (complaint_outcome, "resolution", "yes"),
    (complaint_outcome, "response_days", float("inf")),
    (complaint_outcome, "value_per_customer", -100),
    (complaint_outcome, "severity", "medium"),
    (complaint_outcome, "tell_others", -2),
    (complaint_outcome, "tell_good", -2),
    (complaint_outcome, "complain_share", 0),
    (complaint_outcome, "half_life_days", -7),
    (complaint_outcome, "apology", 3),
    (complaint_outcome, "third_party_share", 0.97),  # 0.04 + 0.97 > 1
]


@pytest.mark.parametrize(("function", "argument", "value"), BAD)
def test_invalid_input_is_refused_naming_the_argument_in_both_languages(function, argument, value):
    with pytest.raises(CourseInputError) as err:
        function(**{**GOOD[function], argument: value})
    zh, en = err.value.bilingual().split(" / ")
    assert argument in zh and argument in en
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)  # the Chinese half is Chinese
    assert any(word in en for word in ("allowed", "must be", "choices"))  # ...and says what is allowed


def test_good_inputs_pass():
    for function, kwargs in GOOD.items():
        function(**kwargs)


# --- labels ---------------------------------------------------------------------------------


def test_every_output_column_and_code_has_a_label_in_both_languages():
    columns = set(attribute_satisfaction({"service": 7}, {"service": 8}).columns) | {"attribute"}
    columns |= set(overpromise(8, 6)) | set(complaint_iceberg(100)) | set(complaint_outcome(10, 1, 2, 100))
    columns |= set(TARP_BUY_AGAIN["major"]) | {"stay_probability"}
    keys = [f"columns.{c}" for c in columns] + [f"categories.{c}" for c in (*ZONES, *SEVERITIES)]
    keys += [f"attributes.{a}" for a in (*ATTRIBUTES, "overall")]
    for key in keys:
        assert i18n.text(key, lang="zh") and i18n.text(key, lang="en"), key
    assert i18n.text("categories.satisfied", lang="zh") == "满意"
    assert [i18n.text(f"attributes.{a}", lang="zh") for a in ATTRIBUTES] == ["服务", "外观", "形象", "成本", "交货"]
