"""Hands-on exercises of lesson 3 (客户保持的经济学, retention economics).

Each answer and each mistake's wrong answer is computed here by coursekit and pandas from the
course data or the lesson's formulas, never typed in.
"""

from functools import cache

import pandas as pd

from coursekit import data
from coursekit.exercises import Exercise, Mistake
from coursekit.retention import annual_churn, at_risk_customers, survival_after, yearly_retention
from coursekit.value import lifetime_value

COHORT_YEAR = 2023  # exercise "retention_by_type": the customers who bought in 2023, followed into 2024
START, KEPT, YEARS = 100, 0.8, 5  # exercise "survivors": 100 customers, 80 % retention, 5 years
MONTHLY = 0.015  # exercise "yearly_churn": the wireless case's 1.5 % a month
MARGIN, RETENTION, DISCOUNT, HORIZON, DELTA = 100, 0.80, 0.10, 10, 0.05  # "customer_value", "profit_lift"


@cache
def _bought():
    """One row per customer, one column per year (True: bought that year), with the customer type."""
    transactions = data.transactions()
    bought = pd.crosstab(transactions["customer_id"], transactions["date"].dt.year) > 0
    return bought.join(data.customers().set_index("customer_id")["customer_type"])


def _kept(year, column=None, cohort=True):
    """Per customer type: the mean of ``column`` (default: the next year) over the buyers of ``year``."""
    bought = _bought()
    rows = bought[bought[year]] if cohort else bought
    return rows.groupby("customer_type", observed=True)[year + 1 if column is None else column]


def _value(retention=RETENTION, discount=DISCOUNT, years=HORIZON, first_weighted=True):
    """Σ_{t=1..years} m r^t / (1+i)^t, or with r^(t−1) (year 1 not weighted by r) when not first_weighted."""
    value = lifetime_value(MARGIN, retention, discount, years=years)
    return value if first_weighted else value / retention


@cache
def _at_risk():
    return at_risk_customers(data.transactions(), data.service_cases(), data.customers(), year=2024)


def _count(mask):
    return float(mask.sum())


def exercises():
    """The exercises of this lesson, built when first checked."""
    risky = _at_risk()
    retail, unresolved = risky["customer_type"] == "retail", risky["worst_outcome"] == "unresolved"
    by_type = yearly_retention(data.transactions(), data.customers(), by="customer_type")
    return {
        "retention_by_type": Exercise(
            answer=lambda: by_type[by_type["buy_year"] == COHORT_YEAR].set_index("customer_type")["retention"],
            what={"zh": "2023 年的各类客户中 2024 年再次购买的比例（小数）",
                  "en": "share of each type's 2023 buyers who bought again in 2024 (a fraction)"},
            hint={
                "zh": "先只留下 2023 年买过东西的客户：bought[bought[2023]]；再按 customer_type 分组，"
                "对 2024 这一列求平均：True 算 1、False 算 0，平均数就是比例。",
                "en": "first keep the customers who bought in 2023: bought[bought[2023]]; then group by "
                "customer_type and take the mean of the column 2024: True counts 1 and False 0, so the mean is "
                "the share.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _kept(COHORT_YEAR).sum().astype(float),
                    hint={
                        "zh": "这是再次购买的人数（.sum()）。题目要比例：用 .mean()。",
                        "en": "these are head counts (.sum()). The task asks for shares: use .mean().",
                    },
                ),
                Mistake(
                    wrong=lambda: 1 - _kept(COHORT_YEAR).mean(),
                    hint={
                        "zh": "这是流失率（没有再买的比例）。保持率是再次购买的比例：不要用 1 去减。",
                        "en": "that is the churn rate (the share who did not buy again). Retention is the share who "
                        "did: do not subtract from 1.",
                    },
                ),
                Mistake(
                    wrong=lambda: _kept(COHORT_YEAR, cohort=False).mean(),
                    hint={
                        "zh": "你没有先挑出 2023 年的客户：这是全体客户中 2024 年买过东西的比例，"
                        "其中包括 2024、2025 年才来的新客户。先写 cohort = bought[bought[2023]]。",
                        "en": "you did not keep the 2023 buyers first: this is the share of all customers who bought "
                        "in 2024, including those who joined in 2024 or 2025. First cohort = bought[bought[2023]].",
                    },
                ),
                Mistake(
                    wrong=lambda: _kept(COHORT_YEAR + 1).mean(),
                    hint={
                        "zh": "差了一年：这是 2024 年的客户在 2025 年的保持率。题目问 2023 年的客户在 2024 年。",
                        "en": "off by one year: that is the 2024 buyers' retention into 2025. The task asks for the "
                        "2023 buyers in 2024.",
                    },
                ),
                Mistake(
                    wrong=lambda: _kept(COHORT_YEAR, column=COHORT_YEAR).mean(),
                    hint={
                        "zh": "列选错了：2023 这一列对 2023 年的客户全是 True，比例都是 1。"
                        "要看下一年，取 2024 这一列。",
                        "en": "wrong column: the column 2023 is True for every 2023 buyer, so every share is 1. "
                        "Look at the next year: take the column 2024.",
                    },
                ),
            ],
            decimals=3,
        ),
        "survivors": Exercise(
            answer=lambda: START * survival_after(KEPT, YEARS),
            what={"zh": "5 年后还剩的客户（位）", "en": "customers left after 5 years"},
            hint={
                "zh": "每过一年乘一次保持率：100 × 0.8 × 0.8 × 0.8 × 0.8 × 0.8 = 100 * 0.8 ** 5。",
                "en": "multiply by the retention rate once a year: 100 × 0.8 × 0.8 × 0.8 × 0.8 × 0.8 = "
                "100 * 0.8 ** 5.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: START * survival_after(KEPT, YEARS - 1),
                    hint={
                        "zh": "差了一年：这是 4 年后（0.8 ** 4）。第 1 年末已经要乘一次 0.8，5 年就是 0.8 ** 5。",
                        "en": "off by one year: that is after 4 years (0.8 ** 4). The end of year 1 already takes "
                        "one 0.8, so 5 years is 0.8 ** 5.",
                    },
                ),
                Mistake(
                    wrong=lambda: START * survival_after(KEPT, YEARS + 1),
                    hint={
                        "zh": "差了一年：这是 6 年后（0.8 ** 6）。题目问 5 年后：0.8 ** 5。",
                        "en": "off by one year: that is after 6 years (0.8 ** 6). The task asks for 5 years: "
                        "0.8 ** 5.",
                    },
                ),
                Mistake(
                    wrong=lambda: START * (1 - survival_after(KEPT, YEARS)),
                    hint={
                        "zh": "这是 5 年里流失的客户。题目问还剩多少：100 * 0.8 ** 5，不要用 1 去减。",
                        "en": "that is the customers lost in 5 years. The task asks how many are left: "
                        "100 * 0.8 ** 5, without subtracting from 1.",
                    },
                ),
                Mistake(
                    wrong=lambda: START * (100 * KEPT) ** YEARS,
                    hint={
                        "zh": "保持率要写成小数 0.8，不是 80（百分数 80% = 0.8）。",
                        "en": "write the retention rate as the fraction 0.8, not 80 (80 % = 0.8).",
                    },
                ),
            ],
            decimals=1,
        ),
        "yearly_churn": Exercise(
            answer=lambda: annual_churn(MONTHLY),
            what={"zh": "每月流失 1.5% 对应的年流失率（小数）",
                  "en": "the yearly churn of 1.5 % a month (a fraction)"},
            hint={
                "zh": "一位客户要连续 12 个月都不走才算留下一年：年保持率 = (1 − 0.015) ** 12，年流失率 = 1 − 它。",
                "en": "a customer stays the year only by staying all 12 months: yearly retention = (1 − 0.015) ** 12, "
                "yearly churn = 1 − that.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: 12 * MONTHLY,
                    hint={
                        "zh": "12 × 1.5% 把已经走了的客户又算了一次：每个月只有留下的人才会再流失。"
                        "用 1 − (1 − 0.015) ** 12。",
                        "en": "12 × 1.5 % counts customers who already left again: each month only those still there "
                        "can leave. Use 1 − (1 − 0.015) ** 12.",
                    },
                ),
                Mistake(
                    wrong=lambda: 1 - annual_churn(MONTHLY),
                    hint={
                        "zh": "这是年保持率（一年后还在的比例）。题目问流失率：1 − (1 − 0.015) ** 12。",
                        "en": "that is the yearly retention (the share still there after a year). The task asks for "
                        "churn: 1 − (1 − 0.015) ** 12.",
                    },
                ),
                Mistake(
                    wrong=lambda: 1 - (1 - MONTHLY) ** 11,
                    hint={
                        "zh": "差了一个月：一年是 12 个月，指数是 12。",
                        "en": "off by one month: a year has 12 months, so the power is 12.",
                    },
                ),
            ],
            decimals=3,
        ),
        "customer_value": Exercise(
            answer=lambda: _value(),
            what={"zh": "保持率 80% 时一位客户 10 年的价值（元）",
                  "en": "a customer's value over 10 years at 80 % retention (yuan)"},
            hint={
                "zh": "t = np.arange(1, 11) 是第 1 到第 10 年；第 t 年的毛利 100 元乘留下的概率 0.8 ** t，"
                "再除以 1.1 ** t 折现，最后 .sum() 加起来。",
                "en": "t = np.arange(1, 11) are years 1 to 10; year t's margin of 100 yuan times the chance of "
                "staying, 0.8 ** t, divided by 1.1 ** t to discount, then .sum().",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _value(first_weighted=False),
                    hint={
                        "zh": "你忘了第 1 年也要乘 r：客户要先留下来，才带来第 1 年的毛利。"
                        "用 0.8 ** t，不是 0.8 ** (t - 1)。",
                        "en": "you forgot that year 1 is weighted by r too: the customer has to stay to bring year 1's "
                        "margin. Use 0.8 ** t, not 0.8 ** (t - 1).",
                    },
                ),
                Mistake(
                    wrong=lambda: lifetime_value(MARGIN, RETENTION, DISCOUNT, years=HORIZON, timing="start"),
                    hint={
                        "zh": "差了一年：np.arange(10) 是 0 到 9，第 0 年既没有乘 r 也没有折现。用 np.arange(1, 11)。",
                        "en": "off by one year: np.arange(10) is 0 to 9, and year 0 is neither weighted by r nor "
                        "discounted. Use np.arange(1, 11).",
                    },
                ),
                Mistake(
                    wrong=lambda: _value(years=HORIZON - 1),
                    hint={
                        "zh": "少了一年：np.arange(1, 10) 只到第 9 年（右端不算在内）。用 np.arange(1, 11)。",
                        "en": "one year short: np.arange(1, 10) stops at year 9 (the right end is left out). Use "
                        "np.arange(1, 11).",
                    },
                ),
                Mistake(
                    wrong=lambda: _value(discount=0),
                    hint={
                        "zh": "你忘了折现：每一年还要除以 1.1 ** t。",
                        "en": "you forgot to discount: divide each year by 1.1 ** t.",
                    },
                ),
            ],
            decimals=1,
        ),
        "profit_lift": Exercise(
            answer=lambda: _value(RETENTION + DELTA) / _value() - 1,
            what={"zh": "保持率提高 5 个百分点时客户价值的提升（小数）",
                  "en": "the lift in customer value from 5 more points of retention (a fraction)"},
            hint={
                "zh": "用同一个公式算保持率 0.85 时的价值 v_85，提升 = v_85 / v_80 − 1。",
                "en": "compute the value at 0.85 retention, v_85, with the same formula; lift = v_85 / v_80 − 1.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _value(RETENTION + DELTA) / _value(),
                    hint={
                        "zh": "这是两个价值之比。提升是比原来多出的部分：还要减 1。",
                        "en": "that is the ratio of the two values. The lift is what is added: subtract 1.",
                    },
                ),
                Mistake(
                    wrong=lambda: _value(RETENTION + DELTA) - _value(),
                    hint={
                        "zh": "这是多出的元数。题目要相对的提升：v_85 / v_80 − 1。",
                        "en": "that is the extra in yuan. The task asks for the relative lift: v_85 / v_80 − 1.",
                    },
                ),
                Mistake(
                    wrong=lambda: _value(RETENTION * (1 + DELTA)) / _value() - 1,
                    hint={
                        "zh": "“提高 5 个百分点”是 0.80 + 0.05 = 0.85，不是 0.80 × 1.05 = 0.84。",
                        "en": "\"5 points more\" is 0.80 + 0.05 = 0.85, not 0.80 × 1.05 = 0.84.",
                    },
                ),
                Mistake(
                    wrong=lambda: _value(RETENTION + DELTA, first_weighted=False) / _value(first_weighted=False) - 1,
                    hint={
                        "zh": "你的价值公式里第 1 年没有乘 r（用了 r ** (t - 1)）：第 t 年要乘 r ** t。",
                        "en": "your value formula does not weight year 1 by r (it uses r ** (t - 1)): year t takes "
                        "r ** t.",
                    },
                ),
            ],
            decimals=3,
        ),
        "retail_unresolved": Exercise(
            answer=lambda: _count(retail & unresolved),
            what={"zh": "名单上投诉没有解决的零售客户（位）",
                  "en": "retail customers on the list whose complaint stayed unresolved"},
            hint={
                "zh": "两个条件都要满足，用 & 连起来，每个条件加括号："
                "at_risk[(at_risk[\"customer_type\"] == \"retail\") & (at_risk[\"worst_outcome\"] == \"unresolved\")]，"
                "再用 len(...) 数行数。",
                "en": "both conditions must hold: join them with &, each in brackets: "
                "at_risk[(at_risk[\"customer_type\"] == \"retail\") & (at_risk[\"worst_outcome\"] == \"unresolved\")], "
                "then len(...) counts the rows.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _count(retail),
                    hint={
                        "zh": "这是名单上全部零售客户，还包括投诉部分解决的。"
                        "再加上条件 worst_outcome == \"unresolved\"。",
                        "en": "these are all retail customers on the list, including partly resolved ones. Add the "
                        "condition worst_outcome == \"unresolved\".",
                    },
                ),
                Mistake(
                    wrong=lambda: _count(unresolved),
                    hint={
                        "zh": "这是所有类型中投诉没有解决的客户。再加上条件 customer_type == \"retail\"。",
                        "en": "these are the unresolved customers of every type. Add the condition "
                        "customer_type == \"retail\".",
                    },
                ),
                Mistake(
                    wrong=lambda: _count(retail | unresolved),
                    hint={
                        "zh": "你用了 |（或）：满足任一条件的都算进来了。两个条件都要满足，用 &（且）。",
                        "en": "you used | (or): rows meeting either condition count. Both must hold: use & (and).",
                    },
                ),
                Mistake(
                    wrong=lambda: _count(retail & risky["lapsed"].to_numpy(dtype=bool)),
                    hint={
                        "zh": "列选错了：lapsed 是事后才知道的“第二年没有再买”。"
                        "名单要按投诉的处理结果 worst_outcome 来挑。",
                        "en": "wrong column: lapsed (bought nothing next year) is known only in hindsight. Pick by the "
                        "outcome of the complaint, worst_outcome.",
                    },
                ),
            ],
            decimals=0,
        ),
    }

