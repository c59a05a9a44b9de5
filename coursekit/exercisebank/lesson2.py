"""Hands-on exercises of lesson 2 (客户价值, customer value).

Each answer and each mistake's wrong answer is computed here by coursekit and pandas from the
course data, never typed in.
"""

from functools import cache

from coursekit import data, segments, value
from coursekit.exercises import Exercise, Mistake

# The customer of exercise "clv_one_customer" (the numbers the exercise cell gives the student).
MARGIN, RETENTION, DISCOUNT = 2000, 0.8, 0.12
# Exercise "ford_clv": the lesson's assumptions about Ford's customer (a $30,000 car every 5 years and
# two $750 services a year for 40 years; 15 % margin, 80 % retention, 10 % discount).
CAR, CAR_EVERY, SERVICE, SERVICES, YEARS = 30_000, 5, 750, 2, 40
MARGIN_RATE, FORD_RETENTION, FORD_DISCOUNT = 0.15, 0.8, 0.10
TOP = 0.2  # exercise "top20_revenue_share": the best 20 % of customers
TIER_CUTOFFS = (0.05, 0.20, 0.70)  # exercise "tier_profit": the lesson's tiers, 5 / 15 / 50 / 30 %


def _ford_yearly_revenue():
    cars = value.lifetime_revenue(CAR, purchases_per_year=1 / CAR_EVERY, years=YEARS)
    service = value.lifetime_revenue(SERVICE, purchases_per_year=SERVICES, years=YEARS)
    return (cars + service) / YEARS


def _ford(margin_rate=MARGIN_RATE, retention=FORD_RETENTION, discount=FORD_DISCOUNT, timing="end", revenue=None):
    """The Ford customer's lifetime value; ``revenue`` replaces the yearly revenue (for a mistake)."""
    yearly_revenue = _ford_yearly_revenue() if revenue is None else revenue
    return value.lifetime_value(margin_rate * yearly_revenue, retention, discount, years=YEARS, timing=timing)


@cache
def _revenue():
    """Each customer's 2023–2025 revenue, highest first (as the lesson sorts it)."""
    return data.transactions().groupby("customer_id")["revenue"].sum().sort_values(ascending=False)


def _top_share(values):
    """The share of the sum held by the first TOP of ``values`` (already sorted)."""
    cumulative = values.cumsum() / values.sum()
    return float(cumulative.iloc[round(TOP * len(values)) - 1])


@cache
def _tiers():
    """The customer value table with each customer's tier (as the lesson builds it)."""
    table = segments.customer_value_table()
    table["tier"] = segments.customer_tiers(table["profit"], cutoffs=TIER_CUTOFFS)
    return table


def _by_tier(column, how="sum"):
    return _tiers().groupby("tier", observed=True)[column].agg(how)


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
                        "zh": "你把第一年的毛利算在签约当天（期初），多算了一年。"
                        "本题和利润乘数表一样，毛利在每年年末到账。",
                        "en": "you counted the first margin on the day the customer joins (start of year), one year "
                        "too many; here, as in the margin-multiple table, margins arrive at the end of each year.",
                    },
                ),
                Mistake(
                    wrong=lambda: MARGIN / (1 + DISCOUNT - RETENTION),
                    hint={
                        "zh": "分子漏了保持率 r：年末的毛利只有客户还留着时才拿得到，所以第一年也要乘 r。"
                        "利润乘数是 r / (1 + i − r)，不是 1 / (1 + i − r)。",
                        "en": "the numerator lacks the retention r: a year-end margin only arrives if the customer is "
                        "still there, so even the first year is multiplied by r. The margin multiple is "
                        "r / (1 + i − r), not 1 / (1 + i − r).",
                    },
                ),
                Mistake(
                    wrong=lambda: value.lifetime_value(MARGIN, RETENTION, DISCOUNT, years=1),
                    hint={
                        "zh": "你只算了第一年：2000 × 0.8 / 1.12 是第一年年末毛利的现值。题目不限年数，"
                        "要把以后每一年折现后的期望毛利都加起来，也就是乘利润乘数 r / (1 + i − r)。",
                        "en": "you counted the first year only: 2000 × 0.8 / 1.12 is the present value of the first "
                        "year-end margin. There is no time limit: add up every later year's discounted expected "
                        "margin too, i.e. multiply by the margin multiple r / (1 + i − r).",
                    },
                ),
                Mistake(
                    wrong=lambda: MARGIN * RETENTION / (1 + 100 * DISCOUNT - RETENTION),
                    hint={
                        "zh": "折现率 12% 要写成小数 0.12，不是 12：1 + 12 − 0.8 让分母大了一百倍。",
                        "en": "a discount rate of 12 % is the fraction 0.12, not 12: 1 + 12 − 0.8 makes the "
                        "denominator a hundred times too large.",
                    },
                ),
            ],
            decimals=0,
        ),
        "ford_clv": Exercise(
            answer=lambda: _ford(),
            what={
                "zh": "福特客户 40 年的终身价值（美元）",
                "en": "the Ford customer's 40-year lifetime value (US dollars)",
            },
            hint={
                "zh": "先算每年毛利 yearly_margin = 0.15 × 每年收入（(cars + service) / 40），再用 "
                "value.lifetime_value(yearly_margin, retention=0.8, discount=0.10, years=40)。",
                "en": "first the yearly margin, yearly_margin = 0.15 × yearly revenue ((cars + service) / 40), then "
                "value.lifetime_value(yearly_margin, retention=0.8, discount=0.10, years=40).",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _ford(margin_rate=1.0),
                    hint={
                        "zh": "你用的是收入，不是毛利：企业留下的只是收入的 15%（毛利率），先乘 0.15。",
                        "en": "you used revenue, not margin: the firm keeps only 15 % of revenue (the margin rate); "
                        "multiply by 0.15 first.",
                    },
                ),
                Mistake(
                    wrong=lambda: _ford(revenue=YEARS * _ford_yearly_revenue()),
                    hint={
                        "zh": "你把 40 年的收入合计（cars + service）当成了每年收入：先除以 40，"
                        "yearly_revenue = (cars + service) / 40，再乘 0.15 得到每年毛利。",
                        "en": "you used the 40-year revenue total (cars + service) as the yearly revenue: divide by 40 "
                        "first, yearly_revenue = (cars + service) / 40, then multiply by 0.15 for the yearly margin.",
                    },
                ),
                Mistake(
                    wrong=lambda: _ford(margin_rate=100 * MARGIN_RATE),
                    hint={
                        "zh": "毛利率 15% 要写成小数 0.15，不是 15：你的答案大了一百倍。",
                        "en": "a 15 % margin rate is the fraction 0.15, not 15: your answer is a hundred times too "
                        "large.",
                    },
                ),
                Mistake(
                    wrong=lambda: _ford(retention=1.0),
                    hint={
                        "zh": "你折现了，但没有计入流失：保持率是 0.8（retention=0.8），不是 1。",
                        "en": "you discounted but left out churn: retention is 0.8 (retention=0.8), not 1.",
                    },
                ),
                Mistake(
                    wrong=lambda: _ford(discount=0.0),
                    hint={
                        "zh": "你计入了流失，却忘了折现：折现率是 0.10（discount=0.10）。",
                        "en": "you counted churn but forgot to discount: the discount rate is 0.10 (discount=0.10).",
                    },
                ),
                Mistake(
                    wrong=lambda: _ford(timing="start"),
                    hint={
                        "zh": "你把第一年的毛利算在了买车当天（timing=\"start\"），差了一年：本课约定毛利在年末到账。",
                        "en": "you counted the first year's margin on the day of purchase (timing=\"start\"), one year "
                        "off: in this lesson margins arrive at the end of each year.",
                    },
                ),
            ],
            decimals=0,
        ),
        "top20_revenue_share": Exercise(
            answer=lambda: segments.pareto_share(_revenue(), top=TOP),
            what={
                "zh": "收入最高的 20% 客户占总收入的比例（小数）",
                "en": "the top 20 % of customers' share of total revenue (a fraction)",
            },
            hint={
                "zh": "revenue 从高到低排好后，revenue.cumsum() / revenue.sum() 是累计收入占比；前 20% 的客户是前 "
                "len(revenue) // 5 位，取这个位置的值：.iloc[len(revenue) // 5 - 1]。",
                "en": "with revenue sorted from high to low, revenue.cumsum() / revenue.sum() is the cumulative share; "
                "the top 20 % are the first len(revenue) // 5 customers: take .iloc[len(revenue) // 5 - 1].",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _top_share(_revenue().sort_values()),
                    hint={
                        "zh": "你从收入最低的客户开始累计了：先 sort_values(ascending=False)，从最高的开始。",
                        "en": "you started adding up from the lowest revenue: sort with sort_values(ascending=False), "
                        "highest first.",
                    },
                ),
                Mistake(
                    wrong=lambda: _top_share(
                        data.transactions().groupby("customer_id").size().sort_values(ascending=False)
                    ),
                    hint={
                        "zh": "你数的是订单数（.size()），不是收入：对 \"revenue\" 列求和（[\"revenue\"].sum()）。",
                        "en": "you counted orders (.size()), not revenue: sum the \"revenue\" column "
                        "([\"revenue\"].sum()).",
                    },
                ),
                Mistake(
                    wrong=lambda: _top_share(
                        data.transactions().groupby("customer_id")["gross_margin"].sum().sort_values(ascending=False)
                    ),
                    hint={
                        "zh": "你用的是毛利列（gross_margin）：80/20 法则说的是收入，用 \"revenue\" 列。",
                        "en": "you used the gross margin column: the 80/20 rule is about revenue, use \"revenue\".",
                    },
                ),
                Mistake(
                    wrong=lambda: float(_revenue().iloc[: round(TOP * len(_revenue()))].sum()),
                    hint={
                        "zh": "这是前 20% 客户的收入合计（元），还要除以全部客户的收入合计 revenue.sum()，得到比例。",
                        "en": "that is the top 20 %'s revenue in yuan; divide by all customers' revenue, "
                        "revenue.sum(), to get the share.",
                    },
                ),
            ],
            decimals=3,
        ),
        "tier_profit": Exercise(
            answer=lambda: _by_tier("profit"),
            what={"zh": "每一层客户三年的利润合计（元）", "en": "each tier's three-year profit (yuan)"},
            hint={
                "zh": "用第 5 节的写法 transactions.groupby(\"customer_id\")[\"revenue\"].sum()：换成按 \"tier\" 分组"
                "（加 observed=True），把 \"profit\" 列加起来。",
                "en": "use section 5's pattern transactions.groupby(\"customer_id\")[\"revenue\"].sum(): group by "
                "\"tier\" instead (with observed=True) and add up the \"profit\" column.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _by_tier("revenue"),
                    hint={
                        "zh": "这是各层的收入，不是利润：用 \"profit\" 列（毛利 − 服务成本）。",
                        "en": "that is each tier's revenue, not profit: use the \"profit\" column (margin − cost to "
                        "serve).",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_tier("gross_margin"),
                    hint={
                        "zh": "这是各层的毛利：还没有扣服务成本。用 \"profit\" 列（毛利 − 服务成本）。",
                        "en": "that is each tier's gross margin, before the cost to serve: use the \"profit\" column "
                        "(margin − cost to serve).",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_tier("service_cost"),
                    hint={
                        "zh": "这是各层的服务成本合计（service_cost），不是利润：利润 = 毛利 − 服务成本，"
                        "已经算在 \"profit\" 列里，把这一列加起来。",
                        "en": "that is each tier's total cost to serve (service_cost), not profit: profit = margin − "
                        "cost to serve is already in the \"profit\" column; add up that column.",
                    },
                ),
                Mistake(
                    wrong=lambda: _by_tier("profit", "mean"),
                    hint={
                        "zh": "这是每位客户的平均利润（.mean()）：题目要的是全层合计，用 .sum()。",
                        "en": "that is the mean profit per customer (.mean()): the task asks for the tier's total, "
                        "use .sum().",
                    },
                ),
            ],
            decimals=0,
        ),
    }
