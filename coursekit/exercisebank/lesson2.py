"""Hands-on exercises of lesson 2 (客户价值, customer value).

Each answer and each mistake's wrong answer is computed here by coursekit, never typed in.
"""

from coursekit import value
from coursekit.exercises import Exercise, Mistake

# The customer of exercise "clv_one_customer" (the numbers the exercise cell gives the student).
MARGIN, RETENTION, DISCOUNT = 2000, 0.8, 0.12


def exercises():
    """The exercises of this lesson, built when first checked."""
    return {
        "clv_one_customer": Exercise(
            answer=lambda: value.lifetime_value(MARGIN, RETENTION, DISCOUNT),
            what={"zh": "客户终身价值（元）", "en": "lifetime value (yuan)"},
            hint={
                "zh": "CLV = 毛利 × 利润乘数，利润乘数 = r / (1 + i − r)。",
                "en": "CLV = margin × margin multiple, margin multiple = r / (1 + i − r).",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: MARGIN * RETENTION / (1 - RETENTION),
                    hint={
                        "zh": "你没有折现：分母应是 1 + i − r，而不是 1 − r。明年的 1 元不如今天的 1 元值钱。",
                        "en": "you did not discount: the denominator is 1 + i − r, not 1 − r. "
                        "A yuan next year is worth less than a yuan today.",
                    },
                ),
                Mistake(
                    wrong=lambda: MARGIN / DISCOUNT,
                    hint={
                        "zh": "你把客户当成永远不会流失：还要乘上保持率，用 r / (1 + i − r)。",
                        "en": "you treated the customer as never leaving: retention belongs in the formula, "
                        "r / (1 + i − r).",
                    },
                ),
                Mistake(
                    wrong=lambda: value.lifetime_value(MARGIN, RETENTION, DISCOUNT, timing="start"),
                    hint={
                        "zh": "你把第一年的毛利算在签约当天（期初）。本题和利润乘数表一样，毛利在每年年末到账。",
                        "en": "you counted the first margin on the day the customer joins (start of year); "
                        "here, as in the margin-multiple table, margins arrive at the end of each year.",
                    },
                ),
            ],
            decimals=0,
        ),
    }
