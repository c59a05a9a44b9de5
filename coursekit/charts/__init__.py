"""The lessons' charts (图表), one function per picture, named for what it shows.

Every function takes data (or coursekit results) and returns a matplotlib
``Figure`` made with :func:`coursekit.style.figure`, labelled through
:mod:`coursekit.i18n`, so a lesson shows it with one call and the English
edition changes no code. One module per lesson:
``customers`` (lesson 1), ``value`` (2), ``retention`` (3), ``complaints`` (4);
everything is also available directly as ``coursekit.charts.<name>``.
"""

from coursekit.charts.complaints import (
    SATISFACTION_COLOURS,
    WAIT_EDGES_MINUTES,
    cases_by_channel,
    complaint_iceberg_chart,
    repurchase_by_handling,
    satisfaction_by_gap,
    tarp_buy_again_chart,
    wait_and_satisfaction,
)
from coursekit.charts.customers import (
    TV_ATTRIBUTES,
    TV_PRICES,
    TV_RATINGS,
    choice_scores,
    customer_mix_chart,
    expectation_spread_chart,
    margin_cost_chart,
    price_rating,
    tv_choice,
    tv_choice_chart,
    tv_choice_simulator,
    wait_by_hour_chart,
)
from coursekit.charts.retention import (
    cohort_decay_chart,
    lapse_by_outcome_chart,
    profit_lift_chart,
    reichheld_sasser_chart,
    retention_by_group_chart,
)
from coursekit.charts.value import (
    COFFEE_PRICE_PER_CUP,
    LESSON2_BUYER,
    LESSON2_PHASES,
    LESSON2_SELLER,
    LESSON2_SELLER_LIFETIME,
    concentration_curve,
    customer_histories,
    customer_pyramid,
    experience_ladder,
    referral_cost,
    satisfaction_payoff,
    scissors_gap,
)

__all__ = [
    "COFFEE_PRICE_PER_CUP",
    "LESSON2_BUYER",
    "LESSON2_PHASES",
    "LESSON2_SELLER",
    "LESSON2_SELLER_LIFETIME",
    "SATISFACTION_COLOURS",
    "TV_ATTRIBUTES",
    "TV_PRICES",
    "TV_RATINGS",
    "WAIT_EDGES_MINUTES",
    "cases_by_channel",
    "choice_scores",
    "cohort_decay_chart",
    "complaint_iceberg_chart",
    "concentration_curve",
    "customer_histories",
    "customer_mix_chart",
    "customer_pyramid",
    "expectation_spread_chart",
    "experience_ladder",
    "lapse_by_outcome_chart",
    "margin_cost_chart",
    "price_rating",
    "profit_lift_chart",
    "referral_cost",
    "reichheld_sasser_chart",
    "repurchase_by_handling",
    "retention_by_group_chart",
    "satisfaction_by_gap",
    "satisfaction_payoff",
    "scissors_gap",
    "tarp_buy_again_chart",
    "tv_choice",
    "tv_choice_chart",
    "tv_choice_simulator",
    "wait_and_satisfaction",
    "wait_by_hour_chart",
]
