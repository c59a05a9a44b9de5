"""Hands-on exercises of lesson 1 (谁是我们的客户, who our customers are).

Each answer and each mistake's wrong answer is computed here by coursekit and pandas from the
course data, never typed in.
"""

from functools import cache

import pandas as pd

from coursekit import data
from coursekit.customer_base import tv_choice
from coursekit.exercises import Exercise, Mistake

BUSIEST = 3  # exercise "busiest_hours": the hours with the most calls
PRICE_MINDED = {"cost": 2}  # exercise "tv_weighted_score": cost weighs 2, the other four 1 each
PERFORMANCE = ({"performance": 7}, {"performance": 8})  # exercise "six_attributes": A's and B's rating


@cache
def _calls():
    return data.call_center()


def _per_day(counts):
    return counts / _calls()["date"].nunique()


@cache
def _customers():
    """The customer profiles with each customer's orders, revenue and gross margin (as the lesson joins them)."""
    per_customer = data.transactions().groupby("customer_id").agg(
        orders=("transaction_id", "size"), revenue=("revenue", "sum"), gross_margin=("gross_margin", "sum")
    )
    return data.customers().join(per_customer, on="customer_id")


def _by_type(values):
    return values.groupby(_customers()["customer_type"], observed=True)


def _tv(weights=None, ratings=(None, None), column="points_a"):
    return float(tv_choice(weights=weights, ratings_a=ratings[0], ratings_b=ratings[1]).loc["overall", column])


def _ratings_a():
    return tv_choice()["rating_a"].drop("overall")


def exercises():
    """The exercises of this lesson, built when first checked."""
    calls, customers = _calls(), _customers()
    per_hour = calls.groupby("hour")["call_id"].size()
    weights = {name: PRICE_MINDED.get(name, 1) for name in _ratings_a().index}
    weighted_sum = sum(weights[name] * rating for name, rating in _ratings_a().items())
    return {
        "busiest_hours": Exercise(
            answer=lambda: _per_day(per_hour).nlargest(BUSIEST),
            what={"zh": "来电最多的 3 个时段平均每天的来电数（通）", "en": "calls per day in the 3 busiest hours"},
            hint={
                "zh": "calls.groupby(\"hour\").size() 数出每个时段的来电数，除以天数 calls[\"date\"].nunique()，"
                "再用 .nlargest(3) 取最大的 3 个。",
                "en": "calls.groupby(\"hour\").size() counts the calls of each hour; divide by the number of days, "
                "calls[\"date\"].nunique(), then .nlargest(3) keeps the 3 largest.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: per_hour.nlargest(BUSIEST).astype(float),
                    hint={
                        "zh": "这是整个季度的来电总数。题目问的是平均每天：再除以天数（calls[\"date\"].nunique()）。",
                        "en": "these are the quarter's totals. The task asks for calls per day: divide by the number "
                        "of days (calls[\"date\"].nunique()).",
                    },
                ),
                Mistake(
                    wrong=lambda: calls.groupby("hour")["wait_seconds"].mean().nlargest(BUSIEST),
                    hint={
                        "zh": "这是平均等待时间（秒），不是来电数：要数来电（.size()），而不是对 wait_seconds 求平均。",
                        "en": "these are mean waits in seconds, not calls: count the calls (.size()) instead of "
                        "averaging wait_seconds.",
                    },
                ),
                Mistake(
                    wrong=lambda: _per_day(per_hour),
                    hint={
                        "zh": "这是每一个时段的平均每天来电数。题目只要来电最多的 3 个：再接上 .nlargest(3)。",
                        "en": "these are the calls per day of every hour. The task asks for the 3 busiest only: "
                        "add .nlargest(3).",
                    },
                ),
                Mistake(
                    wrong=lambda: _per_day(per_hour).nsmallest(BUSIEST),
                    hint={
                        "zh": "这是来电最少的 3 个时段：.nsmallest 取最小的，来电最多要用 .nlargest。",
                        "en": "these are the 3 quietest hours: .nsmallest takes the smallest; the busiest need "
                        ".nlargest.",
                    },
                ),
            ],
            decimals=1,
        ),
        "customer_share_by_type": Exercise(
            answer=lambda: customers["customer_type"].value_counts(normalize=True),
            what={"zh": "每类客户占全部客户的比例（小数）", "en": "each type's share of all customers (a fraction)"},
            hint={
                "zh": "customers[\"customer_type\"].value_counts(normalize=True)：每类客户数 ÷ 客户总数。",
                "en": "customers[\"customer_type\"].value_counts(normalize=True): customers of each type ÷ all "
                "customers.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: customers["customer_type"].value_counts().astype(float),
                    hint={
                        "zh": "这是每类的客户人数。题目要比例：加上 normalize=True（或除以客户总数 len(customers)）。",
                        "en": "these are head counts. The task asks for shares: add normalize=True (or divide by "
                        "len(customers)).",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_type(customers["revenue"]).sum() / customers["revenue"].sum(),
                    hint={
                        "zh": "这是各类客户的收入占比。题目问的是人数占比：数客户，不要加收入。",
                        "en": "that is each type's share of revenue. The task asks for the share of customers: count "
                        "customers, do not add up revenue.",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_type(customers["orders"]).sum() / customers["orders"].sum(),
                    hint={
                        "zh": "你数的是订单（transactions 的行），不是客户：一位客户可以有很多张订单。"
                        "在客户档案 customers 里数，每位客户一行。",
                        "en": "you counted orders (rows of transactions), not customers: one customer can have many "
                        "orders. Count in the profiles, customers, one row per customer.",
                    },
                ),
            ],
            decimals=2,
        ),
        "loss_share_by_type": Exercise(
            answer=lambda: _by_type(customers["service_cost"] > customers["gross_margin"]).mean(),
            what={"zh": "每类客户中服务成本高于毛利的客户所占比例（小数）",
                  "en": "share of each type's customers whose cost to serve exceeds their gross margin (a fraction)"},
            hint={
                "zh": "先写条件 customers[\"service_cost\"] > customers[\"gross_margin\"]（每位客户一个 True/False），"
                "再按客户类型分组求平均：True 算 1、False 算 0，平均数就是比例。",
                "en": "first the condition customers[\"service_cost\"] > customers[\"gross_margin\"] "
                "(True/False for each customer), then its mean by customer type: "
                "True counts 1 and False 0, so the mean is the share.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _by_type(customers["service_cost"] < customers["gross_margin"]).mean(),
                    hint={
                        "zh": "方向反了：这是赚钱客户的比例。"
                        "亏钱是服务成本大于毛利（service_cost > gross_margin）。",
                        "en": "the wrong way round: that is the share of profitable customers. Losing money is cost "
                        "to serve ABOVE gross margin (service_cost > gross_margin).",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_type(customers["service_cost"] > customers["gross_margin"]).sum().astype(float),
                    hint={
                        "zh": "这是亏钱客户的人数（.sum()）。题目要比例：用 .mean()。",
                        "en": "these are head counts (.sum()). The task asks for shares: use .mean().",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_type(customers["service_cost"] > customers["revenue"]).mean(),
                    hint={
                        "zh": "你拿服务成本和收入比了。收入里还包含进货成本，要和毛利（gross_margin）比。",
                        "en": "you compared cost to serve with revenue. Revenue still contains the cost of goods: "
                        "compare with gross margin (gross_margin).",
                    },
                ),
                Mistake(
                    wrong=lambda: float((customers["service_cost"] > customers["gross_margin"]).mean()),
                    hint={
                        "zh": "这是全体客户中的比例，一个数。"
                        "题目要每类客户各一个：先按 customers[\"customer_type\"] 分组。",
                        "en": "that is the share among all customers, one number. The task asks for one per type: "
                        "group by customers[\"customer_type\"] first.",
                    },
                ),
            ],
            decimals=2,
        ),
        "tv_weighted_score": Exercise(
            answer=lambda: _tv(PRICE_MINDED),
            what={"zh": "这位顾客给 A 公司电视机的加权总分（分）",
                  "en": "this customer's weighted score of A's TV (points)"},
            hint={
                "zh": "总分 = Σ(权重 × 评分) ÷ Σ权重：(weights * ratings).sum() / weights.sum()。",
                "en": "score = Σ(weight × rating) ÷ Σ weights: (weights * ratings).sum() / weights.sum().",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: float(_ratings_a().mean()),
                    hint={
                        "zh": "你没有加权：这是五项评分的简单平均。这位顾客的“成本”权重是 2，要乘上权重。",
                        "en": "you did not weight: that is the plain mean of the five ratings. This customer weighs "
                        "cost 2: multiply by the weights.",
                    },
                ),
                Mistake(
                    wrong=lambda: _ratings_a() * pd.Series(weights) / sum(weights.values()),
                    hint={
                        "zh": "你的结果是五个数：每个方面的加权得分。总分是它们的和：(weights * ratings).sum() 再 "
                        "÷ weights.sum()。",
                        "en": "your result is five numbers, one weighted score per attribute. The score is their "
                        "sum: (weights * ratings).sum() ÷ weights.sum().",
                    },
                ),
                Mistake(
                    wrong=lambda: float(weighted_sum),
                    hint={
                        "zh": "你忘了除以权重之和：Σ(权重 × 评分) 还要 ÷ weights.sum()，总分才落在 1–10 分之间。",
                        "en": "you forgot to divide by the sum of the weights: Σ(weight × rating) ÷ weights.sum() "
                        "keeps the score between 1 and 10.",
                    },
                ),
                Mistake(
                    wrong=lambda: float(weighted_sum / len(weights)),
                    hint={
                        "zh": "你除以了 5（方面的个数）。权重之和是 6，要除以 weights.sum()。",
                        "en": "you divided by 5 (the number of attributes). The weights add up to 6: divide by "
                        "weights.sum().",
                    },
                ),
                Mistake(
                    wrong=lambda: _tv(PRICE_MINDED, column="points_b"),
                    hint={
                        "zh": "这是 B 公司的总分。题目问的是 A：用 rating_a 这一列。",
                        "en": "that is company B's score. The task asks for A: use the column rating_a.",
                    },
                ),
            ],
            decimals=2,
        ),
        "six_attributes": Exercise(
            answer=lambda: _tv(ratings=PERFORMANCE, column="points_b"),
            what={"zh": "加上“性能”后 B 公司电视机的总分（分）",
                  "en": "B's overall score with performance added (points)"},
            hint={
                "zh": "customer_base.tv_choice(ratings_a={\"performance\": 7}, ratings_b={\"performance\": 8})，"
                "再用 .loc[\"overall\", \"points_b\"] 取出 B 的总分。",
                "en": "customer_base.tv_choice(ratings_a={\"performance\": 7}, ratings_b={\"performance\": 8}), then "
                ".loc[\"overall\", \"points_b\"] takes B's overall score.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _tv(column="points_b"),
                    hint={
                        "zh": "这是只有五个方面时 B 的总分：性能还没有加进去。把它写进 ratings_a 和 ratings_b。",
                        "en": "that is B's score on the five attributes: performance is not in yet. Put it in both "
                        "ratings_a and ratings_b.",
                    },
                ),
                Mistake(
                    wrong=lambda: _tv(ratings=PERFORMANCE[::-1], column="points_b"),
                    hint={
                        "zh": "A 和 B 的性能评分写反了：A 7 分，B 8 分。",
                        "en": "A's and B's performance ratings are swapped: A 7, B 8.",
                    },
                ),
                Mistake(
                    wrong=lambda: _tv(ratings=PERFORMANCE, column="points_a"),
                    hint={
                        "zh": "这是 A 公司的总分。题目问的是 B：取 points_b 这一列。",
                        "en": "that is company A's score. The task asks for B: take the column points_b.",
                    },
                ),
            ],
            decimals=2,
        ),
    }
