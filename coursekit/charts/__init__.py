"""The lessons' charts (图表), one function per picture, named for what it shows.

Every function draws the table (or the numbers) it is given — computed by a concept
module (``coursekit.customer_base``, ``value``, ``segments``, ``retention``, ``complaints``),
which a lesson can also print — and returns a matplotlib ``Figure`` made with
:func:`coursekit.style.figure`, labelled from the message catalogs, so a lesson shows it
with one call and the English edition changes no code. One module per lesson:
``customers`` (lesson 1), ``value`` (2), ``retention`` (3), ``complaints`` (4), ``lifetime`` (5, 拓展);
everything is also available directly as ``coursekit.charts.<name>``.
"""

from coursekit.charts.complaints import (
    cases_by_channel_chart,
    complaint_iceberg_chart,
    repurchase_by_handling_chart,
    satisfaction_by_gap_chart,
    tarp_buy_again_chart,
    wait_and_satisfaction_chart,
)
from coursekit.charts.customers import (
    customer_mix_chart,
    draw_tv_choice,
    expectation_spread_chart,
    margin_cost_chart,
    tv_choice_chart,
    tv_choice_figure,
    wait_by_hour_chart,
)
from coursekit.charts.lifetime import (
    alive_heatmap_chart,
    conditional_expectations_chart,
    customer_stories_chart,
    tracking_chart,
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
    concentration_chart,
    customer_histories_chart,
    customer_pyramid_chart,
    experience_ladder_chart,
    referral_cost_chart,
    satisfaction_payoff_chart,
    scissors_gap_chart,
)

__all__ = [
    "COFFEE_PRICE_PER_CUP",
    "LESSON2_BUYER",
    "LESSON2_PHASES",
    "LESSON2_SELLER",
    "LESSON2_SELLER_LIFETIME",
    "alive_heatmap_chart",
    "cases_by_channel_chart",
    "cohort_decay_chart",
    "complaint_iceberg_chart",
    "concentration_chart",
    "conditional_expectations_chart",
    "customer_histories_chart",
    "customer_mix_chart",
    "customer_pyramid_chart",
    "customer_stories_chart",
    "draw_tv_choice",
    "expectation_spread_chart",
    "experience_ladder_chart",
    "lapse_by_outcome_chart",
    "margin_cost_chart",
    "profit_lift_chart",
    "referral_cost_chart",
    "reichheld_sasser_chart",
    "repurchase_by_handling_chart",
    "retention_by_group_chart",
    "satisfaction_by_gap_chart",
    "satisfaction_payoff_chart",
    "scissors_gap_chart",
    "tarp_buy_again_chart",
    "tracking_chart",
    "tv_choice_chart",
    "tv_choice_figure",
    "wait_and_satisfaction_chart",
    "wait_by_hour_chart",
]
