"""Simulators of lesson 3 (客户保持的经济学): what keeping customers is worth.

- :func:`retention_simulator`: a cohort at retention r versus r + Δ (客户保持率模拟);
- :func:`acquire_or_retain_simulator`: split a marketing budget between winning and
  keeping customers (争取新客户还是留住老客户);
- :func:`churn_cost_simulator`: what monthly churn costs a wireless carrier (客户流失代价).

Every number they show comes from :mod:`coursekit.retention` and :mod:`coursekit.value`;
each simulator is a pure ``model`` plus a ``draw`` that updates a figure made once, and
an ``explain`` that writes the key numbers (see :mod:`coursekit.sims.base`).
"""

from functools import partial

import numpy as np
from matplotlib.ticker import MaxNLocator

from coursekit import style
from coursekit.errors import CourseInputError, check_int, check_single
from coursekit.i18n import Message, get_language, text
from coursekit.retention import (
    ACQUISITION_COST_RATIO,
    REICHHELD_SASSER_1990,
    acquisition_vs_retention,
    annual_churn,
    churn_replacement_cost,
    cohort_survival,
    cost_per_retention_point_from_ratio,
    retention_profit_lift,
)
from coursekit.sims.base import (
    THOUSANDS,
    Simulator,
    as_shown,
    layout_once,
    new_figure,
    nice_limits,
    padded,
    percent_slider,
    set_limits,
    slider,
)
from coursekit.value import cumulative_value

NOW, BETTER, REFERENCE = style.MAIN, style.GOOD, style.REFERENCE  # current plan, improved plan, reference line


# --- retention what-if (客户保持率模拟) ----------------------------------------------------------


def _retention_model(customers, margin, retention, delta, discount, growth, years):
    """Survivors and discounted profit of a cohort at retention r and r + Δ, and the lift."""
    lift = retention_profit_lift(retention, delta, discount, years, margin, growth).iloc[0].to_dict()
    improved = lift["improved_retention"]
    survivors = cohort_survival(retention, years, start=customers)["customers"].to_numpy()
    improved_survivors = cohort_survival(improved, years, start=customers)["customers"].to_numpy()
    yearly = customers * cumulative_value(margin, retention, discount, years, growth=growth)["discounted_margin"]
    improved_yearly = (
        customers * cumulative_value(margin, improved, discount, years, growth=growth)["discounted_margin"]
    )
    return {
        "customers": customers,
        "margin": margin,
        "retention": retention,
        "improved_retention": improved,
        "delta": delta,
        "discount": discount,
        "growth": growth,
        "years": years,
        "year": np.arange(years + 1),
        "survivors": survivors,
        "improved_survivors": improved_survivors,
        "yearly_profit": yearly.to_numpy(),
        "improved_yearly_profit": improved_yearly.to_numpy(),
        "cumulative_profit": yearly.cumsum().to_numpy(),
        "improved_cumulative_profit": improved_yearly.cumsum().to_numpy(),
        "customer_value": lift["customer_value"],
        "improved_customer_value": lift["improved_customer_value"],
        "profit_lift": lift["profit_lift"],
        "rs_low": min(REICHHELD_SASSER_1990.values()),
        "rs_high": max(REICHHELD_SASSER_1990.values()),
    }


def _finish_panels(fig, left, right, lines, legend):
    """The two panels' common finish: thousands on the y-axes, few ticks, one legend below
    both; laid out once (see :func:`~coursekit.sims.base.layout_once`)."""
    for ax in (left, right):
        ax.yaxis.set_major_formatter(THOUSANDS)
        ax.locator_params(axis="y", nbins=5)  # few tick labels: each costs layout time on every move
    fig.legend(handles=[lines[key] for key in legend], loc="outside lower center", ncols=2)
    return layout_once(fig, {"left": left, "right": right, **lines})


def _retention_figure(customers):
    fig, (left, right) = new_figure(1, 2)
    lines = {}
    for ax, kind in [(left, "survivors"), (right, "cumulative_profit")]:
        (lines[kind],) = ax.plot([], [], color=NOW, label=text("sims.retention.retention_now"))
        (lines[f"improved_{kind}"],) = ax.plot([], [], color=BETTER, label=text("sims.retention.retention_improved"))
        ax.set(title=text(f"sims.retention.retention_{kind}_title"), xlabel=text("sims.retention.retention_xlabel"))
        ax.xaxis.set_major_locator(MaxNLocator(6, integer=True, steps=[1, 2, 5, 10]))  # whole years, even for 1
    left.set(ylim=(0, customers * 1.05), ylabel=text("sims.retention.retention_survivors_ylabel"))
    right.set(ylabel=text("sims.retention.retention_profit_ylabel"))
    return _finish_panels(fig, left, right, lines, legend=["survivors", "improved_survivors"])


def _retention_draw(artists, result):
    for kind in ["survivors", "improved_survivors", "cumulative_profit", "improved_cumulative_profit"]:
        artists[kind].set_data(result["year"], result[kind])
    years = padded(0, result["years"])  # the lines' ends are not drawn on the axes' edges
    profit = nice_limits(0, result["improved_cumulative_profit"].max())
    set_limits(artists, (artists["left"], years, None), (artists["right"], years, profit))


def _retention_explain(result):
    numbers = {
        **result,
        "delta_points": 100 * result["delta"],
        "survivors_end": result["survivors"][-1],
        "improved_survivors_end": result["improved_survivors"][-1],
        "last_profit": result["yearly_profit"][-1],
        "improved_last_profit": result["improved_yearly_profit"][-1],
        "total_profit": result["cumulative_profit"][-1],
        "improved_total_profit": result["improved_cumulative_profit"][-1],
    }
    keys = [
        "sims.retention.retention_summary_cohort",
        "sims.retention.retention_summary_profit",
        "sims.retention.retention_summary_reichheld",
    ]
    return "<br>".join(text(key, **numbers) for key in keys)


def _whole_points(name, value, low, high):
    """``value`` checked to lie in [low, high] and to be whole percentage points, e.g. 0.05."""
    value = check_single(name, value, low=low, high=high)
    if abs(100 * value - round(100 * value)) > 1e-9:
        raise CourseInputError(
            "errors.type", name=name, value=value, expected=Message("sims.retention.expect_whole_points")
        )
    return round(100 * value) / 100


def retention_simulator(retention=0.8, delta=0.05, discount=0.10, growth=0.0, years=10, customers=1000, margin=100):
    """Retention what-if (客户保持率模拟): what is a few points more retention worth?

    A cohort (客户群) of ``customers`` new customers, each bringing ``margin`` yuan a
    year, is followed at retention r and at r + Δ. Students move r, Δ (whole percentage
    points, 1–20: the slider reads "5" for ``delta=0.05``), the discount
    rate, the margin growth per year of tenure and the number of years (1–20), and see
    the survivors of both cohorts (left), their cumulative discounted profit (right),
    and the profit lift, set against Reichheld & Sasser's 25–85 %: how big the lift is
    depends on the retention level, the discount rate and the margin growth.

    MODEL: survivors(t) = customers × r^t (:func:`coursekit.retention.cohort_survival`);
    discounted profit of year t = customers × m(1+g)^(t−1) r^t / (1+i)^t
    (:func:`coursekit.value.cumulative_value`); lift = V(r+Δ) / V(r) − 1 with V the
    customer value over the years (:func:`coursekit.retention.retention_profit_lift`).
    Δ that takes retention above 100 % is refused with a message.

    DEFAULTS: Δ = 5 points, as in Reichheld & Sasser (1990), "Zero defections",
    Harvard Business Review 68(5); retention 80 % (the seed's "about 20 % churn a
    year"); 10 years, discount 10 %, no growth (the defaults of
    :func:`~coursekit.retention.retention_profit_lift`), 1,000 customers and 100 yuan
    margin: course convention (``customers`` and ``margin`` are fixed per simulator,
    keywords; the lift does not depend on them).

    Parameters:
        retention: today's yearly retention rate, a fraction 0.30–0.99.
        delta: the rise in retention, a fraction 0.01–0.20 in whole points (0.05 = five points).
        discount: yearly discount rate, a fraction 0–0.30.
        growth: yearly growth of the margin with tenure, a fraction −0.10 to 0.30.
        years: the horizon, a whole number of years 1–20.
        customers: customers in the cohort, > 0 (fixed, no slider).
        margin: yearly margin per customer in yuan, ≥ 0.01 (fixed, no slider).

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = retention_simulator()
    >>> round(sim.result["profit_lift"], 3)
    0.229
    """
    controls = {
        "retention": percent_slider(
            "sims.retention.retention_retention",
            check_single("retention", retention, low=0.3, high=0.99),
            0.3,
            0.99,
            0.01,
        ),
        # 1 to 20 whole points, read "5" (not "+5%": 5 % more of the retention); up to 20 on purpose:
        # with high retention r + Δ passes 100 % (a message)
        "delta": percent_slider(
            "sims.retention.retention_delta", _whole_points("delta", delta, 0.01, 0.2), 0.01, 0.2, 0.01, integer=True
        ),
        "discount": percent_slider(
            "sims.retention.retention_discount", check_single("discount", discount, low=0, high=0.3), 0, 0.3, 0.01
        ),
        "growth": percent_slider(
            "sims.retention.retention_growth",
            check_single("growth", growth, low=-0.1, high=0.3),
            -0.1,
            0.3,
            0.01,
            "+.0f",
        ),
        "years": slider("sims.retention.retention_years", check_int("years", years, 1, 20), 1, 20, 1, integer=True),
    }
    customers = check_single("customers", customers, low=0, low_open=True)
    # retention_profit_lift needs a margin of at least 0.01 yuan: refused here, not on screen
    margin = check_single("margin", margin, low=0.01)
    model = partial(_retention_model, customers, margin)
    over_100 = ("sims.retention.retention_over_100_error", lambda v: {"points": 100 * v["delta"]})
    messages = {("errors.range", "retention + delta"): over_100}
    return Simulator(
        controls, model, partial(_retention_figure, customers), _retention_draw, _retention_explain, messages
    )


# --- acquire or retain (争取新客户还是留住老客户) ------------------------------------------------

PLAN_YEARS = 5
MAX_RETENTION = 0.95  # the model's ceiling: no budget keeps every customer
CUSTOMERS_STEP = 100  # the customers slider's step: its lowest position that can be computed


def _acquire_model(budget, retention_share, cost_per_new_customer, cost_ratio, customers, retention, margin):
    """The chosen split of the budget and the reference "all on acquisition", over 5 years."""
    point_cost = cost_per_retention_point_from_ratio(customers, cost_per_new_customer, cost_ratio)
    common = {
        "cost_per_new_customer": cost_per_new_customer,
        "cost_per_retention_point": point_cost,
        "customers": customers,
        "retention": retention,
        "margin": margin,
        "years": PLAN_YEARS,
        "max_retention": MAX_RETENTION,
    }
    plan = acquisition_vs_retention(budget, retention_share, **common)
    reference = acquisition_vs_retention(budget, 0.0, **common)
    end, reference_end = plan.iloc[-1].to_dict(), reference.iloc[-1].to_dict()  # year 5, plain numbers
    return {
        "budget": budget,
        "retention_share": retention_share,
        "retention_budget": budget * retention_share,
        "acquisition_budget": budget * (1 - retention_share),
        "cost_ratio": cost_ratio,
        "point_cost": point_cost,
        "retention": retention,
        "max_retention": MAX_RETENTION,
        "kept": end["retention"],
        "new_customers": end["new_customers"],
        "years": PLAN_YEARS,
        "year": plan["year"].to_numpy(),
        "customers": plan["customers"].to_numpy(),
        "cumulative_profit": plan["cumulative_profit"].to_numpy(),
        "reference_customers": reference["customers"].to_numpy(),
        "reference_cumulative_profit": reference["cumulative_profit"].to_numpy(),
        "end_customers": end["customers"],
        "end_profit": end["cumulative_profit"],
        "reference_end_customers": reference_end["customers"],
        "reference_end_profit": reference_end["cumulative_profit"],
        "profit_gain": end["cumulative_profit"] - reference_end["cumulative_profit"],
    }


def _acquire_figure():
    fig, (left, right) = new_figure(1, 2)
    lines = {}
    # Markers are drawn whole: the x-axis has room before year 0 and after year 5, and a marker
    # on the lowest or highest y-limit (e.g. profit 0 in year 0) is not clipped (clip_on=False).
    for ax, kind in [(left, "customers"), (right, "cumulative_profit")]:
        (lines[kind],) = ax.plot(
            [], [], color=NOW, marker="o", clip_on=False, label=text("sims.retention.acquire_plan")
        )
        (lines[f"reference_{kind}"],) = ax.plot(
            [],
            [],
            color=REFERENCE,
            linestyle="--",
            marker="o",
            clip_on=False,
            label=text("sims.retention.acquire_reference"),
        )
        ax.set(
            xlim=padded(0, PLAN_YEARS),
            xticks=range(PLAN_YEARS + 1),
            title=text(f"sims.retention.acquire_{kind}_title"),
            xlabel=text("sims.retention.acquire_xlabel"),
        )
    for line in lines.values():
        line.set_in_layout(False)  # unclipped, but inside the axes: the layout need not make room for it
    left.set(ylabel=text("sims.retention.acquire_customers_ylabel"))
    right.set(ylabel=text("sims.retention.acquire_profit_ylabel"))
    return _finish_panels(fig, left, right, lines, legend=["customers", "reference_customers"])


def _acquire_draw(artists, result):
    for kind in ["customers", "reference_customers", "cumulative_profit", "reference_cumulative_profit"]:
        artists[kind].set_data(result["year"], result[kind])
    limits = []
    for ax, kind in [(artists["left"], "customers"), (artists["right"], "cumulative_profit")]:
        both = np.r_[result[kind], result[f"reference_{kind}"]]
        limits.append((ax, None, nice_limits(both.min(), both.max())))
    set_limits(artists, *limits)


def _acquire_explain(result):
    keys = [
        "sims.retention.acquire_summary_split",
        "sims.retention.acquire_summary_effect",
        "sims.retention.acquire_summary_end",
    ]
    if result["retention_budget"] > 0 and result["kept"] >= MAX_RETENTION:
        keys.insert(2, "sims.retention.acquire_summary_capped")  # retention money beyond the ceiling buys nothing
    profits = {key: as_shown(result[key]) for key in ["end_profit", "reference_end_profit", "profit_gain"]}
    return "<br>".join(text(key, **{**result, **profits}) for key in keys)


def acquire_or_retain_simulator(
    budget=10_000,
    retention_share=0.5,
    cost_per_new_customer=200,
    cost_ratio=ACQUISITION_COST_RATIO,
    customers=1000,
    retention=0.8,
    margin=100,
):
    """Acquire or retain (争取新客户还是留住老客户): where should next year's marketing
    money go?

    A fixed yearly budget (yuan) is split: a share goes to keeping customers, the rest
    to winning new ones. Keeping is ``cost_ratio`` times cheaper per customer than
    winning, so one point of retention costs customers / 100 × cost per new customer ÷
    ratio a year. Students move the budget, the share to retention, the cost of a new
    customer, the ratio, the customers today, their retention and their margin, and see
    the customer base and cumulative profit over 5 years for the chosen split (solid)
    against spending everything on acquisition (dashed).

    MODEL (:func:`coursekit.retention.acquisition_vs_retention`, 5 years, no
    discounting): r' = min(r + budget·share / point cost / 100, 95 %); new = budget·(1 −
    share) / cost per new customer; customers(t) = customers(t−1)·r' + new;
    profit(t) = customers(t)·margin − budget. Point cost from
    :func:`coursekit.retention.cost_per_retention_point_from_ratio`; no customers today
    (nothing to keep) is refused with a message.

    DEFAULTS: the ratio 5 is the textbook rule of thumb "acquiring a customer costs five
    times as much as keeping one" (:data:`coursekit.retention.ACQUISITION_COST_RATIO`;
    the seed quotes Kotler as 7–10). Budget 10,000 yuan a year split half and half,
    200 yuan per new customer, 1,000 customers at 80 % retention with 100 yuan margin:
    course convention (a budget small enough that the split matters).

    Parameters:
        budget: the yearly marketing budget, yuan, 0–50,000.
        retention_share: the share of it spent on retention, a fraction 0–1.
        cost_per_new_customer: the cost of winning one customer, yuan, 50–1,000.
        cost_ratio: how many times cheaper keeping a customer is than winning one, 1–10.
        customers: customers today, a whole number 1–10,000 (the slider goes down to 0: a message).
        retention: yearly retention before spending, a fraction 0.50–0.95.
        margin: yearly margin per customer, yuan, 0–500.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = acquire_or_retain_simulator()
    >>> round(sim.result["end_profit"]), round(sim.result["reference_end_profit"])
    (382091, 276696)
    """
    controls = {
        "budget": slider(
            "sims.retention.acquire_budget", check_single("budget", budget, low=0, high=50_000), 0, 50_000, 1000, ",.0f"
        ),
        "retention_share": percent_slider(
            "sims.retention.acquire_share", check_single("retention_share", retention_share, low=0, high=1), 0, 1, 0.05
        ),
        "cost_per_new_customer": slider(
            "sims.retention.acquire_cost_new",
            check_single("cost_per_new_customer", cost_per_new_customer, low=50, high=1000),
            50,
            1000,
            10,
            fmt=",.0f",
        ),
        "cost_ratio": slider(
            "sims.retention.acquire_ratio", check_single("cost_ratio", cost_ratio, low=1, high=10), 1, 10, 0.5, ".1f"
        ),
        # down to 0 on purpose: with no customers there is nothing to keep (a message)
        "customers": slider(
            "sims.retention.acquire_customers",
            check_int("customers", customers, 1, 10_000),  # 0 cannot be computed: refused here, not on screen
            0,
            10_000,
            CUSTOMERS_STEP,
            integer=True,
        ),
        "retention": percent_slider(
            "sims.retention.acquire_retention",
            check_single("retention", retention, low=0.5, high=0.95),
            0.5,
            0.95,
            0.01,
        ),
        "margin": slider(
            "sims.retention.acquire_margin", check_single("margin", margin, low=0, high=500), 0, 500, 10, fmt=",.0f"
        ),
    }
    # cost_per_retention_point_from_ratio refuses 0 customers: nobody to keep
    messages = {("errors.range", "customers"): ("sims.retention.acquire_no_customers_error", {"least": CUSTOMERS_STEP})}
    return Simulator(controls, _acquire_model, _acquire_figure, _acquire_draw, _acquire_explain, messages)


# --- churn cost (客户流失代价) ----------------------------------------------------------------

MONTHS = np.arange(1, 13)
# The figure's money unit: 亿 (10^8) in Chinese, billion (10^9) in English; the i18n entries
# sim_churn_ylabel and sim_churn_bar_total name it (a comment there points back here).
MONEY_UNIT = {"zh": 1e8, "en": 1e9}


def _churn_model(customers_millions, monthly_churn, cost_per_customer):
    """Customers lost and replacement cost a month and a year (:func:`churn_replacement_cost`),
    the cost accumulated month by month, and the yearly churn the monthly rate implies."""
    cost = (
        churn_replacement_cost(customers_millions * 1e6, monthly_churn, cost_per_customer, periods=12).iloc[0].to_dict()
    )
    return {
        "customers": cost["customers"],
        "monthly_churn": monthly_churn,
        "cost_per_customer": cost_per_customer,
        "lost_per_month": cost["lost_per_period"],
        "cost_per_month": cost["cost_per_period"],
        "lost_per_year": cost["lost_total"],
        "cost_per_year": cost["cost_total"],
        "annual_churn": annual_churn(monthly_churn),
        "lost_of_start": cost["customers"] * annual_churn(monthly_churn),
        "lost_replacements": cost["lost_total"] - cost["customers"] * annual_churn(monthly_churn),
        "months": MONTHS,
        "cumulative_cost": cost["cost_per_period"] * MONTHS,
    }


def _churn_figure():
    fig, ax = new_figure()
    bars = ax.bar(MONTHS, np.zeros(MONTHS.size), color=style.BAD)
    total = ax.text(MONTHS[-1] + 0.4, 0, "", ha="right", va="bottom")  # above the last bar, inside the axes
    ax.set(
        xticks=MONTHS,
        title=text("sims.retention.churn_title"),
        xlabel=text("sims.retention.churn_xlabel"),
        ylabel=text("sims.retention.churn_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    ax.locator_params(axis="y", nbins=5)  # few tick labels: each costs layout time on every move
    return layout_once(fig, {"ax": ax, "bars": bars, "total": total, "unit": MONEY_UNIT[get_language()]})


def _churn_draw(artists, result):
    heights = result["cumulative_cost"] / artists["unit"]
    for bar, height in zip(artists["bars"], heights, strict=True):
        bar.set_height(height)
    artists["total"].set_y(heights[-1])
    artists["total"].set_text(text("sims.retention.churn_bar_total", value=heights[-1]))
    set_limits(artists, (artists["ax"], None, nice_limits(0, heights[-1], room=1.15)))  # room for the total


def _churn_explain(result):
    scaled = {
        "customers_yi": result["customers"] / 1e8,
        "customers_million": result["customers"] / 1e6,
        "lost_month_wan": result["lost_per_month"] / 1e4,
        "lost_month_million": result["lost_per_month"] / 1e6,
        "lost_year_wan": result["lost_per_year"] / 1e4,
        "lost_year_million": result["lost_per_year"] / 1e6,
        "lost_start_wan": result["lost_of_start"] / 1e4,
        "lost_start_million": result["lost_of_start"] / 1e6,
        "lost_new_wan": result["lost_replacements"] / 1e4,
        "lost_new_million": result["lost_replacements"] / 1e6,
        "cost_month_yi": result["cost_per_month"] / 1e8,
        "cost_month_million": result["cost_per_month"] / 1e6,
        "cost_year_yi": result["cost_per_year"] / 1e8,
        "cost_year_billion": result["cost_per_year"] / 1e9,
    }
    keys = [f"sims.retention.churn_summary_{part}" for part in ("cost", "annual", "replaced")]
    return "<br>".join(text(key, **result, **scaled) for key in keys)


def churn_cost_simulator(customers_millions=175, monthly_churn=0.015, cost_per_customer=300):
    """Churn cost calculator (客户流失代价): what does a small monthly churn rate cost?

    Students move the number of customers (millions), the monthly churn rate (0.5–3 %)
    and the cost of replacing a lost customer (US dollars, as in the seed's case), and
    see the customers lost and the replacement cost a month and a year, the yearly
    churn that the monthly rate adds up to, and the cost accumulating over 12 months.

    MODEL (:func:`coursekit.retention.churn_replacement_cost`): lost a month =
    customers × monthly churn; cost a month = lost × cost per customer; a year = 12 ×
    a month (every lost customer is replaced, so the base stays the same). Yearly churn
    = 1 − (1 − monthly churn)^12 (:func:`coursekit.retention.annual_churn`). The customers
    lost in a year (12 × a month) are more than yearly churn × customers: that share counts
    only the customers there at the start; the replacements won during the year churn too
    (``lost_of_start`` and ``lost_replacements`` in the result).

    DEFAULTS: the course seed's wireless case (three US carriers): 175 million
    customers, 1.5 % churn a month (the seed's range 1–2 %), $300 to replace a customer
    (range $300–450): 2.625 million customers and $787.5 million lost a month, $9.45
    billion a year.

    Parameters:
        customers_millions: the customer base in millions, a whole number 0–300.
        monthly_churn: the monthly churn rate, a fraction 0.005–0.03.
        cost_per_customer: the cost of replacing one customer, dollars, 100–600.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = churn_cost_simulator()
    >>> lost, cost, cost_year = (sim.result[k] for k in ["lost_per_month", "cost_per_month", "cost_per_year"])
    >>> round(lost / 1e6, 3), round(cost / 1e6, 1), round(cost_year / 1e9, 2)  # millions a month, billions a year
    (2.625, 787.5, 9.45)
    """
    controls = {
        "customers_millions": slider(
            "sims.retention.churn_customers",
            check_int("customers_millions", customers_millions, 0, 300),
            0,
            300,
            5,
            integer=True,
        ),
        "monthly_churn": percent_slider(
            "sims.retention.churn_rate",
            check_single("monthly_churn", monthly_churn, low=0.005, high=0.03),
            0.005,
            0.03,
            0.001,
            ".1f",
        ),
        "cost_per_customer": slider(
            "sims.retention.churn_cost",
            check_single("cost_per_customer", cost_per_customer, low=100, high=600),
            100,
            600,
            10,
            ",.0f",
        ),
    }
    return Simulator(controls, _churn_model, _churn_figure, _churn_draw, _churn_explain)
