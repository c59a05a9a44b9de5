"""Hands-on exercises of lesson 5 (拓展, 客户终身价值：从订单记录看谁还是客户).

Each answer and each mistake's wrong answer is computed here by coursekit from the course
data, never typed in. The lesson counts time in weeks (``freq="W"``).
"""

from functools import cache

import pandas as pd

from coursekit import customer_outlook, data, holdout, repeat_buying, segments
from coursekit.exercises import Exercise, Mistake
from coursekit.i18n import category_label

FACTS_CUSTOMER = "C00680"  # exercise "three_facts": a retail customer with two orders in some weeks
QUIET_CUSTOMER = "C00637"  # exercise "expected_next_year": the lesson's customer who went quiet
CALIBRATION_END, HOLDOUT_END = "2024-12-31", "2025-12-31"  # the lesson's split: fit 2023–2024, check 2025
TOP = ["platinum", "gold"]  # exercise "left_top_customers": lesson 2's top tiers
WEEKS_A_YEAR = customer_outlook.YEAR_WEEKS


@cache
def _daily_summary():
    return segments.purchase_summary(data.transactions(), freq="D")


@cache
def _weekly_summary():
    return segments.purchase_summary(data.transactions(), freq="W")


def _facts(summary, customer):
    return summary.loc[customer, ["frequency", "recency", "T"]].to_numpy(dtype=float)


def _facts_answer():
    return _facts(_weekly_summary(), FACTS_CUSTOMER)


def _facts_with(**changes):
    x, recency, T = _facts_answer()
    facts = {"x": x, "recency": recency, "T": T, **changes}
    return [facts["x"], facts["recency"], facts["T"]]


def _order_lines():
    return int((data.transactions()["customer_id"] == FACTS_CUSTOMER).sum())


@cache
def _comparison():
    """The lesson's holdout check: the model fitted on 2023–2024, its forecast of 2025 and the naive one."""
    split = holdout.calibration_holdout(data.transactions(), CALIBRATION_END, HOLDOUT_END)
    return holdout.holdout_comparison(repeat_buying.fit_bg_nbd(split), split)


def _quiet_history():
    return _facts(_weekly_summary(), QUIET_CUSTOMER)


@cache
def _calibration_model():
    """The lesson's model fitted on 2023–2024 only (``model`` in the notebook)."""
    return repeat_buying.fit_bg_nbd(holdout.calibration_holdout(data.transactions(), CALIBRATION_END, HOLDOUT_END))


def _expected(t, order=(0, 1, 2), model=None):
    bg_nbd = model if model is not None else customer_outlook.course_models()[0]
    history = _quiet_history()
    return float(bg_nbd.expected_purchases(t, *(history[k] for k in order)))


@cache
def _top_and_alive():
    """Lesson 2's table with tiers by past profit, and each customer's P(alive) today."""
    table = segments.customer_value_table()
    table["tier"] = segments.customer_tiers(table["profit"])
    summary = _weekly_summary()
    bg_nbd, _ = customer_outlook.course_models()
    alive = pd.Series(bg_nbd.probability_alive(summary["frequency"], summary["recency"], summary["T"]),
                      index=summary.index)
    return table, alive


def _left(alive_test, tiers=TOP, combine="and"):
    table, alive = _top_and_alive()
    in_tiers = table["tier"].isin(tiers) if tiers is not None else pd.Series(True, index=table.index)
    chosen = alive_test(alive) & in_tiers if combine == "and" else alive_test(alive) | in_tiers
    return table.loc[chosen, "profit"]


def exercises():
    """The exercises of this lesson, built when first checked."""
    x, recency, T = _facts_answer()
    return {
        "three_facts": Exercise(
            answer=_facts_answer,
            what={"zh": f"{FACTS_CUSTOMER} 的 [x, tₓ, T]（周）", "en": f"[x, tₓ, T] of {FACTS_CUSTOMER} (weeks)"},
            hint={
                "zh": "x = 有购买的周数 − 1；tₓ = 最后一次购买的周 − 第一次购买的周；"
                "T = 观察结束的周 − 第一次购买的周。"
                "两个周相减得到一个“相差几周”的对象，.n 取出这个整数。",
                "en": "x = weeks with a purchase − 1; tₓ = last purchase week − first purchase week; T = end week − "
                "first purchase week. Subtracting two weeks gives an offset; .n is its whole number of weeks.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _facts_with(x=x + 1),
                    hint={
                        "zh": "你的 x 把第一次购买也算进去了：x 是“重复”购买，要减去第一次。",
                        "en": "your x counts the first purchase too: x counts REPEAT purchases, so subtract the first.",
                    },
                ),
                Mistake(
                    wrong=lambda: _facts_with(x=_order_lines() - 1),
                    hint={
                        "zh": "你数的是订单行数。模型按“有购买的周”计：同一周里的几笔订单只算一次购买，"
                        "所以要先用 .unique() 去掉重复的周。",
                        "en": "you counted order lines. The model counts weeks with a purchase: several orders in one "
                        "week are one purchase, so drop repeated weeks with .unique() first.",
                    },
                ),
                Mistake(
                    wrong=lambda: list(_facts(_daily_summary(), FACTS_CUSTOMER)),
                    hint={
                        "zh": "这是按天算的结果。本课的时间单位是周：把日期换成周"
                        "（.dt.to_period(\"W\")）再数、再相减。",
                        "en": "these are days. The lesson counts in weeks: turn dates into weeks "
                        "(.dt.to_period(\"W\")) before counting and subtracting.",
                    },
                ),
                Mistake(
                    wrong=lambda: _facts_with(recency=T - recency),
                    hint={
                        "zh": "你的 tₓ 是沉默的时间（T − tₓ，最后一次购买到观察结束）。tₓ 是最后一次购买时的"
                        "客户年龄：从第一次购买的那一周数到最后一次购买的那一周。",
                        "en": "your tₓ is the silence (T − tₓ, from the last purchase to the end). tₓ is the age "
                        "at the last purchase: counted from the first purchase week to the last purchase week.",
                    },
                ),
                Mistake(
                    wrong=lambda: _facts_with(T=T - recency),
                    hint={
                        "zh": "你的 T 是从最后一次购买数起的。T 是客户年龄：从第一次购买的那一周数到观察结束"
                        "（end − weeks.min()）。",
                        "en": "your T is counted from the last purchase. T is the customer's age: from the first "
                        "purchase week to the end of observation (end − weeks.min()).",
                    },
                ),
                Mistake(
                    wrong=lambda: _facts_with(T=recency),
                    hint={
                        "zh": "你的 T 算到了最后一次购买。T 是到观察结束（2025 年底那一周）的客户年龄："
                        "沉默的时间也算在里面。",
                        "en": "your T stops at the last purchase. T is the age at the END of observation "
                        "(the last week of 2025): the silent weeks count too.",
                    },
                ),
            ],
            decimals=0,
        ),
        "naive_error": Exercise(
            answer=lambda: float((_comparison()["naive_forecast"] - _comparison()["actual"]).abs().mean()),
            what={"zh": "朴素预测平均每位客户差几次（2025 年）",
                  "en": "naive forecast's mean absolute error per customer (2025)"},
            hint={
                "zh": "每位客户的误差 = 预测 − 实际；取绝对值（.abs()），再求平均（.mean()）。",
                "en": "each customer's error = forecast − actual; take its size (.abs()), then the mean (.mean()).",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: float((_comparison()["naive_forecast"] - _comparison()["actual"]).mean()),
                    hint={
                        "zh": "你没有取绝对值：多算和少算互相抵消了。先 .abs() 再 .mean()。",
                        "en": "you did not take the absolute value: too many and too few cancel out. Use .abs() before "
                        ".mean().",
                    },
                ),
                Mistake(
                    wrong=lambda: float((_comparison()["model_forecast"] - _comparison()["actual"]).abs().mean()),
                    hint={
                        "zh": "这是模型预测的误差。题目问的是朴素预测（列 naive_forecast）。",
                        "en": "that is the model's error. The task asks for the naive forecast "
                        "(column naive_forecast).",
                    },
                ),
                Mistake(
                    wrong=lambda: float(_comparison()["naive_forecast"].sum() / _comparison()["actual"].sum() - 1),
                    hint={
                        "zh": "这是合计的相对误差（预测合计 ÷ 实际合计 − 1）。"
                        "题目要的是每位客户的误差的平均：先逐位相减。",
                        "en": "that is the relative error of the totals. The task asks for the mean of each customer's "
                        "error: subtract customer by customer first.",
                    },
                ),
                Mistake(
                    wrong=lambda: float(((_comparison()["naive_forecast"] - _comparison()["actual"]) ** 2).mean()),
                    hint={
                        "zh": "你把误差平方了（均方误差）。这里要的是误差的绝对值的平均，单位是“次”。",
                        "en": "you squared the errors (mean squared error). The task asks for the mean absolute error, "
                        "in purchases.",
                    },
                ),
            ],
            decimals=2,
        ),
        "expected_next_year": Exercise(
            answer=lambda: _expected(WEEKS_A_YEAR),
            what={"zh": f"{QUIET_CUSTOMER} 未来 52 周预计购买的次数",
                  "en": f"expected purchases of {QUIET_CUSTOMER} in the next 52 weeks"},
            hint={
                "zh": "bg_nbd.expected_purchases(t, x, tₓ, T)：bg_nbd 是用三年拟合的模型；t 是未来的长度（周），"
                "后面三个是这位客户的三个事实。保留两位小数。",
                "en": "bg_nbd.expected_purchases(t, x, tₓ, T): bg_nbd is the model fitted on all three years; t is the "
                "future's length in weeks, then the customer's three facts. Two decimals.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _expected(1),
                    hint={
                        "zh": "你算的是未来 1 周。模型的时间单位是周：一年是 t = 52。",
                        "en": "that is the next week. The model counts weeks: a year is t = 52.",
                    },
                ),
                Mistake(
                    wrong=lambda: _expected(WEEKS_A_YEAR, model=_calibration_model()),
                    hint={
                        "zh": "你用了 model：它是第 4 节只用 2023–2024 年拟合、用来检验的模型。"
                        "预测今天的客户要用三年拟合的 bg_nbd：bg_nbd.expected_purchases(52, x, recency, T)。",
                        "en": "you used model: the one of section 4, fitted on 2023–2024 only for the check. To "
                        "forecast today's customers use bg_nbd, fitted on all three years: "
                        "bg_nbd.expected_purchases(52, x, recency, T).",
                    },
                ),
                Mistake(
                    wrong=lambda: _expected(5 * WEEKS_A_YEAR),
                    hint={
                        "zh": "t = 260 是未来 5 年（终身价值的期限）。题目问的是未来 52 周：t = 52。",
                        "en": "t = 260 is the next 5 years (the lifetime value's horizon). The task asks for the next "
                        "52 weeks: t = 52.",
                    },
                ),
                Mistake(
                    wrong=lambda: _expected(365),
                    hint={
                        "zh": "t = 365 是按天算的一年，但模型是按周拟合的：一年是 t = 52 周。",
                        "en": "t = 365 is a year in days, but the model was fitted in weeks: a year is t = 52.",
                    },
                ),
                Mistake(
                    wrong=lambda: _expected(WEEKS_A_YEAR, order=(0, 2, 1)),
                    hint={
                        "zh": "参数的顺序错了：先 x，再 tₓ（最后一次购买时的年龄），最后 T（现在的年龄）。",
                        "en": "the arguments are in the wrong order: x, then tₓ (age at the last purchase), "
                        "then T (age now).",
                    },
                ),
                Mistake(
                    wrong=lambda: float(_quiet_history()[0] / _quiet_history()[2] * WEEKS_A_YEAR),
                    hint={
                        "zh": "这是“照过去的速度一直买下去”（x ÷ T × 52）：它假设客户一定还在。"
                        "请用模型的 expected_purchases，它考虑了客户可能已经离开。",
                        "en": "that is \"keep buying at the past rate\" (x ÷ T × 52), which assumes the customer "
                        "is surely still there. Use the model's expected_purchases: it allows for the customer "
                        "having left.",
                    },
                ),
            ],
            decimals=2,
        ),
        "left_top_customers": Exercise(
            answer=lambda: _left(lambda alive: alive < customer_outlook.ALIVE_BELOW),
            what={"zh": "很可能已经离开的铂金和黄金客户的过去利润（元，每位一行）",
                  "en": "past profit of the platinum and gold customers who have probably left (yuan, one row each)"},
            hint={
                "zh": "两个条件用 & 连起来，每个条件加括号：(alive < 0.3) & table[\"tier\"].isin([...])；"
                "再用 .loc[条件, \"profit\"] 取出利润这一列。",
                "en": "join the two conditions with &, each in brackets: (alive < 0.3) & table[\"tier\"].isin([...]); "
                "then .loc[condition, \"profit\"] takes the profit column.",
            },
            mistakes=[
                Mistake(
                    wrong=lambda: _left(lambda alive: alive < customer_outlook.ALIVE_BELOW, combine="or"),
                    hint={
                        "zh": "你用了 |（或）：满足任一条件的客户都进来了。两个条件都要满足，用 &（且）。",
                        "en": "you used | (or): customers meeting either condition came in. "
                        "Both must hold: use & (and).",
                    },
                ),
                Mistake(
                    wrong=lambda: _left(lambda alive: alive < customer_outlook.ALIVE_BELOW, tiers=None),
                    hint={
                        "zh": "你只按 P(alive) 筛选了：还要只留下过去的铂金和黄金客户"
                        "（table[\"tier\"].isin([\"platinum\", \"gold\"])）。",
                        "en": "you filtered on P(alive) only: keep only the past platinum and gold customers too "
                        "(table[\"tier\"].isin([\"platinum\", \"gold\"])).",
                    },
                ),
                Mistake(
                    wrong=lambda: _left(lambda alive: alive > customer_outlook.ALIVE_BELOW),
                    hint={
                        "zh": "方向反了：“很可能已经离开”是 P(alive) 小于 0.3（alive < 0.3）。",
                        "en": "the wrong way round: \"probably left\" is P(alive) BELOW 0.3 (alive < 0.3).",
                    },
                ),
                Mistake(
                    wrong=lambda: _left(lambda alive: alive < customer_outlook.ALIVE_BELOW,
                                        tiers=[category_label(tier, "zh") for tier in TOP]),
                    hint={
                        "zh": "你的结果是空的：表中显示的“铂金客户”“黄金客户”只是标签，tier 列里存的是代码。"
                        "写 isin([\"platinum\", \"gold\"])。",
                        "en": "your result is empty: the tables show labels, but the tier column holds codes. "
                        "Write isin([\"platinum\", \"gold\"]).",
                    },
                ),
                Mistake(
                    wrong=lambda: _left(lambda alive: alive < customer_outlook.ALIVE_BELOW, tiers=["platinum"]),
                    hint={
                        "zh": "你只留下了铂金客户：黄金客户也要（isin([\"platinum\", \"gold\"])）。",
                        "en": "you kept platinum customers only: gold ones count too (isin([\"platinum\", \"gold\"])).",
                    },
                ),
            ],
            decimals=2,
        ),
    }
