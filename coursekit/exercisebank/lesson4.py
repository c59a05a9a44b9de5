"""Hands-on exercises of lesson 4 (投诉处理, complaint handling).

Each answer and each mistake's wrong answer is computed here by coursekit and pandas from the
course data and coursekit.complaints, never typed in.
"""

from functools import cache

from coursekit import data
from coursekit.complaints import TARP_BUY_AGAIN, complaint_iceberg, complaint_outcome
from coursekit.exercises import Exercise, Mistake

COMPLAINTS = 60  # exercise "iceberg_silent": complaints to the firm in a month
TO_FIRM, THIRD_PARTY = 0.04, 0.01  # the course seed's shares of dissatisfied customers
FAST_HOURS = 24  # exercises "fast_share_by_channel" and "repurchase_fast_slow": a first answer within a day
# exercise "silent_value_lost": the handling of section 7
RECOVERY = {"complainers": 100, "resolution": 0.8, "response_days": 7, "value_per_customer": 5000}


@cache
def _cases():
    return data.service_cases()


def _fast():
    return _cases()["response_hours"] <= FAST_HOURS


def _silent_value(silent_count, leave_share):
    return silent_count * leave_share * RECOVERY["value_per_customer"]


def exercises():
    """The exercises of this lesson, built when first checked."""
    cases = _cases()
    dissatisfied = COMPLAINTS / TO_FIRM
    third = dissatisfied * THIRD_PARTY
    outcome = complaint_outcome(**RECOVERY, complain_share=TO_FIRM, third_party_share=THIRD_PARTY)
    silent_stays = TARP_BUY_AGAIN["major"]["did_not_complain"]
    return {
        "iceberg_silent": Exercise(
            answer=lambda: complaint_iceberg(dissatisfied, TO_FIRM, THIRD_PARTY)["silent"],
            what={"zh": "60 件投诉背后沉默的不满意客户（位）",
                  "en": "silent dissatisfied customers behind 60 complaints"},
            hint={
                "zh": "先求不满意的客户总数：60 ÷ 0.04；"
                "沉默的客户 = 总数 − 向企业投诉的 60 位 − 找第三方的（总数 × 0.01）。",
                "en": "First all dissatisfied customers: 60 ÷ 0.04; the silent = all − the 60 who complained to the "
                "firm − those who went to third parties (all × 0.01).",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: dissatisfied - COMPLAINTS,
                    hint={
                        "zh": "忘了找第三方的客户：他们也不是沉默的客户，还要减去总数 × 0.01。",
                        "en": "you forgot the customers who go to third parties: they are not silent either; also "
                        "subtract all × 0.01.",
                    },
                ),
                Mistake(
                    wrong=lambda: dissatisfied,
                    hint={
                        "zh": "这是不满意的客户总数。沉默的客户还要减去投诉的 60 位和找第三方的客户。",
                        "en": "that is all dissatisfied customers. The silent ones exclude the 60 who complained and "
                        "those who went to third parties.",
                    },
                ),
                Mistake(
                    wrong=lambda: dissatisfied - COMPLAINTS - 2 * third,
                    hint={
                        "zh": "找第三方的客户被减了两次：总数 × 0.01 只减一次。",
                        "en": "the third-party customers were subtracted twice: subtract all × 0.01 once.",
                    },
                ),
                Mistake(
                    wrong=lambda: COMPLAINTS / 4 * (1 - TO_FIRM - THIRD_PARTY),
                    hint={
                        "zh": "百分数写成了整数：不满意的客户总数是 60 ÷ 0.04 = 1,500，"
                        "不是 60 ÷ 4 = 15（4% 在代码里是 0.04）。",
                        "en": "a percentage typed as a whole number: all dissatisfied customers are 60 ÷ 0.04 = 1,500, "
                        "not 60 ÷ 4 = 15 (4 % is 0.04 in code).",
                    },
                ),
                Mistake(
                    wrong=lambda: COMPLAINTS / 4 - COMPLAINTS - COMPLAINTS / 4 * 0.01,
                    hint={
                        "zh": "百分数写成了整数：4% 在代码里是 0.04，不是 4（人数不会是负数）。",
                        "en": "a percentage typed as a whole number: 4 % is 0.04 in code, not 4 (a head count is "
                        "never negative).",
                    },
                ),
            ],
            decimals=0,
        ),
        "fast_share_by_channel": Exercise(
            answer=lambda: _fast().groupby(cases["channel"], observed=True).mean(),
            what={"zh": "各渠道 24 小时内得到答复的投诉所占比例（小数）",
                  "en": "share of each channel's cases answered within 24 hours (a fraction)"},
            hint={
                "zh": "先写条件 cases[\"response_hours\"] <= 24（每件投诉一个 True/False），再按渠道分组求平均："
                ".groupby(cases[\"channel\"], observed=True).mean()。",
                "en": "first the condition cases[\"response_hours\"] <= 24 (True/False for each case), then its mean "
                "by channel: .groupby(cases[\"channel\"], observed=True).mean().",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: (~_fast()).groupby(cases["channel"], observed=True).mean(),
                    hint={
                        "zh": "方向反了：这是超过 24 小时才答复的比例。24 小时内是 response_hours <= 24。",
                        "en": "the wrong way round: that is the share answered AFTER 24 hours. Within 24 hours is "
                        "response_hours <= 24.",
                    },
                ),
                Mistake(
                    wrong=lambda: cases.groupby("channel", observed=True)["response_hours"].mean(),
                    hint={
                        "zh": "这是各渠道的平均答复小时数，不是比例："
                        "对条件（True/False）求平均，而不是对 response_hours 求平均。",
                        "en": "these are mean response hours, not shares: average the condition (True/False), not "
                        "response_hours.",
                    },
                ),
                Mistake(
                    wrong=lambda: _fast().groupby(cases["channel"], observed=True).sum().astype(float),
                    hint={
                        "zh": "这是 24 小时内答复的件数。题目要比例："
                        "用 .mean()（True 算 1、False 算 0），不要 .sum()。",
                        "en": "these are counts of cases answered within 24 hours. The task asks for shares: use "
                        ".mean() (True counts 1, False 0), not .sum().",
                    },
                ),
            ],
            decimals=2,
        ),
        "repurchase_fast_slow": Exercise(
            answer=lambda: cases.groupby(_fast())["repurchased_12m"].mean(),
            what={"zh": "24 小时内答复（True）与更晚答复（False）的客户 12 个月内再次购买的比例（小数）",
                  "en": "repurchase rate within 12 months, answered within 24 hours (True) or later (False)"},
            hint={
                "zh": "fast = cases[\"response_hours\"] <= 24；再按 fast 分组，取 repurchased_12m 这一列求平均："
                "cases.groupby(fast)[\"repurchased_12m\"].mean()。",
                "en": "fast = cases[\"response_hours\"] <= 24; then group by fast and average the column "
                "repurchased_12m: cases.groupby(fast)[\"repurchased_12m\"].mean().",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: cases.groupby(~_fast())["repurchased_12m"].mean(),
                    hint={
                        "zh": "快慢弄反了：True 一行应该是 24 小时内答复的（response_hours <= 24），"
                        "不是超过 24 小时的。",
                        "en": "fast and slow swapped: the True row must be the cases answered within 24 hours "
                        "(response_hours <= 24), not after.",
                    },
                ),
                Mistake(
                    wrong=lambda: cases.groupby(_fast())["repurchased_12m"].sum().astype(float),
                    hint={
                        "zh": "这是再次购买的人数，不是比例：用 .mean()（0/1 的平均数就是比例），不要 .sum()。",
                        "en": "these are numbers of customers who bought again, not rates: use .mean() (the mean of "
                        "0/1 is the share), not .sum().",
                    },
                ),
                Mistake(
                    wrong=lambda: cases.groupby(cases["response_hours"] <= 1)["repurchased_12m"].mean(),
                    hint={
                        "zh": "单位弄错了：response_hours 的单位是小时，“24 小时内”是 <= 24，不是 <= 1（1 天）。",
                        "en": "wrong unit: response_hours is in hours, so 'within 24 hours' is <= 24, not <= 1 (one "
                        "day).",
                    },
                ),
                Mistake(
                    wrong=lambda: cases.groupby(_fast())["satisfaction_after"].mean(),
                    hint={
                        "zh": "列选错了：这是处理后的满意度（分）。再次购买记在 repurchased_12m 这一列。",
                        "en": "wrong column: that is the satisfaction after handling (points). Buying again is the "
                        "column repurchased_12m.",
                    },
                ),
            ],
            decimals=2,
        ),
        "silent_value_lost": Exercise(
            answer=lambda: outcome["noncomplainers_value_lost"],
            what={"zh": "沉默的客户悄悄流失带走的价值（元）",
                  "en": "value lost with silent customers who leave (yuan)"},
            hint={
                "zh": "不满意的客户 = 100 ÷ 0.04；沉默的 = 总数 − 100 − 总数 × 0.01；其中只有 9% 再买，"
                "流失的是 91%；每位 5,000 元。",
                "en": "dissatisfied = 100 ÷ 0.04; silent = all − 100 − all × 0.01; only 9 % of them buy again, so 91 % "
                "leave; 5,000 yuan each.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _silent_value(outcome["noncomplainers"], silent_stays),
                    hint={
                        "zh": "9% 是沉默的客户中还会再买的比例；流失的是 1 − 0.09 = 91%。",
                        "en": "9 % is the share of silent customers who buy again; the share who leave is "
                        "1 − 0.09 = 91 %.",
                    },
                ),
                Mistake(
                    wrong=lambda: _silent_value(RECOVERY["complainers"] / TO_FIRM - RECOVERY["complainers"],
                                                1 - silent_stays),
                    hint={
                        "zh": "忘了找第三方的客户（总数 × 0.01）：他们不是沉默的客户，要先减去。",
                        "en": "you forgot the third-party customers (all × 0.01): they are not silent; subtract them "
                        "first.",
                    },
                ),
                Mistake(
                    wrong=lambda: _silent_value(RECOVERY["complainers"] / TO_FIRM, 1 - silent_stays),
                    hint={
                        "zh": "把所有不满意的客户都算成了沉默的：投诉的 100 位和找第三方的客户不在其中。",
                        "en": "you counted every dissatisfied customer as silent: the 100 who complained and the "
                        "third-party customers are not.",
                    },
                ),
                Mistake(
                    wrong=lambda: _silent_value(outcome["noncomplainers"], 100 * (1 - silent_stays)),
                    hint={
                        "zh": "百分数写成了整数：流失的比例 91% 在代码里是 0.91（或 1 − 0.09），不是 91。",
                        "en": "a percentage typed as a whole number: the 91 % who leave is 0.91 (or 1 − 0.09) in code, "
                        "not 91.",
                    },
                ),
                Mistake(
                    wrong=lambda: _silent_value(outcome["noncomplainers"], 1),
                    hint={
                        "zh": "把沉默的客户都算成流失了：其中 9% 还会再买，只有 91% 流失，要再乘 0.91。",
                        "en": "you counted every silent customer as lost: 9 % of them buy again, only 91 % leave; "
                        "multiply by 0.91 too.",
                    },
                ),
                Mistake(
                    wrong=lambda: outcome["noncomplainers"] * (1 - silent_stays),
                    hint={
                        "zh": "这是流失的沉默客户的人数（位）。题目问的是价值（元）：再乘每位 5,000 元。",
                        "en": "that is the number of silent customers who leave. The task asks for the value "
                        "(yuan): multiply by 5,000 yuan each.",
                    },
                ),
                Mistake(
                    wrong=lambda: _silent_value(outcome["noncomplainers"], 1 - silent_stays) / 10_000,
                    hint={
                        "zh": "单位不对：你填的像是万元。题目要的是元，不要除以 10,000。",
                        "en": "wrong unit: that looks like units of 10,000 yuan. The task asks for yuan; do not "
                        "divide by 10,000.",
                    },
                ),
                Mistake(
                    wrong=lambda: outcome["value_lost"],
                    hint={
                        "zh": "这是投诉后流失的客户带走的价值。题目问的是沉默的客户：他们不投诉，损失却大得多。",
                        "en": "that is the value lost with complainers who leave. The task asks about the silent "
                        "customers: they never complain, and lose far more.",
                    },
                ),
            ],
            decimals=0,
        ),
    }
