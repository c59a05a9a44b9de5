"""Simulator of lesson 2 (客户金字塔与 80/20 法则): who brings the profit, and where service money goes.

- :func:`pyramid_model`: the customer pyramid for chosen tier shares, after moving part of the
  lead customers' service to platinum and gold customers (a teaching assumption);
- :func:`pyramid_simulator`: sliders for both, with bars per tier and the Lorenz curve of revenue.

Every number comes from :mod:`coursekit.segments` (customer_value_table: each customer's
revenue, gross margin, cost to serve and profit; customer_tiers, tier_economics, lorenz_curve,
pareto_share); see :mod:`coursekit.sims.base` for how a simulator is wired.
"""

from functools import partial

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator, PercentFormatter, StrMethodFormatter

from coursekit.errors import CourseInputError, check_columns, check_number, check_range
from coursekit.i18n import text
from coursekit.segments import TIERS, customer_tiers, customer_value_table, lorenz_curve, pareto_share, tier_economics
from coursekit.sims.base import Simulator, as_shown, fixed_layout, new_figure, slider

PROFIT, COST, CURVE = "#0072B2", "#E69F00", "#0072B2"  # course palette (Okabe & Ito)
TOP_TIERS = ("platinum", "gold")
# slider ranges (share of customers in each tier; lead customers are the rest)
SHARE_RANGES = {"platinum": (0.01, 0.20), "gold": (0.05, 0.40), "iron": (0.10, 0.70)}


# --- the model (per move) ---------------------------------------------------------------------


def _cutoffs(platinum, gold, iron):
    """The cumulative cut-offs of :func:`~coursekit.segments.customer_tiers` for three tier shares."""
    named = {"platinum": platinum, "gold": gold, "iron": iron}
    shares = [check_range(name, value, low=0, high=1, low_open=True) for name, value in named.items()]
    total = sum(shares)
    if total >= 1 - 1e-9:  # lead customers are the rest: at least some must be left
        raise CourseInputError("sims.pyramid.pyramid_shares_error", total=total)
    return np.cumsum(shares)


def pyramid_model(customers_table, platinum, gold, iron, reallocation=0.0, top_elasticity=0.3, lead_elasticity=0.3):
    """The customer pyramid (客户金字塔) for chosen tier shares, after moving a share of the lead
    customers' cost to serve to platinum and gold customers (服务资源再分配).

    Tiers: customers ranked by today's profit (gross_margin − service_cost); the best ``platinum``
    share are platinum, the next ``gold`` share gold, the next ``iron`` share iron, the rest lead
    (:func:`~coursekit.segments.customer_tiers`); the three shares must sum to less than 1.

    Service re-allocation — a TEACHING ASSUMPTION (course convention), linear and explicit:

    - moved = reallocation × Σ service_cost of lead customers (lead cost to serve falls by that share);
    - the money is spent on platinum and gold customers in proportion to their cost to serve, so
      their service spend rises by service_lift = moved / Σ service_cost of platinum and gold;
    - sales answer service with a constant elasticity (sales ∝ service^elasticity, the multiplicative
      sales-response model): revenue and gross margin of platinum and gold customers rise by
      revenue_lift = (1 + service_lift)^top_elasticity − 1, those of lead customers fall by
      lead_revenue_drop = 1 − (1 − reallocation)^lead_elasticity (for small changes: elasticity × change).

    Total cost to serve is unchanged, so profit changes only through margins:
    Δprofit = revenue_lift × GM(platinum, gold) − lead_revenue_drop × GM(lead).
    Tiers stay those of today. Elasticities (% sales change per 1 % more service) of about 0.3
    follow the mean personal selling elasticity 0.34 of Albers, Mantrala & Sridhar (2010),
    "Personal selling elasticities: a meta-analysis", Journal of Marketing Research 47(5).

    Returns a dict: ``tiers`` (:func:`~coursekit.segments.tier_economics` after the move, with
    cost to serve per customer), ``moved``, ``service_lift``, ``revenue_lift``,
    ``lead_revenue_drop``, ``profit_today``, ``profit``, ``profit_change``, ``top_customer_share``
    and ``top_profit_share`` (platinum + gold customers' share of customers and of total profit,
    meaningful while total profit > 0),
    ``top20_share`` (:func:`~coursekit.segments.pareto_share` of today's revenue: what the best
    20 % of customers bring) and the inputs.

    SOURCE: Zeithaml, Rust & Lemon (2001) "The customer pyramid", California Management Review
    43(4) (serve tiers by profitability); re-allocation model: course convention.

    >>> table = pd.DataFrame({"revenue": [900.0, 500, 300, 100], "gross_margin": [300.0, 150, 60, 10],
    ...                       "service_cost": [100.0, 50, 40, 30]})
    >>> r = pyramid_model(table, platinum=0.25, gold=0.25, iron=0.25, reallocation=0.5)
    >>> r["moved"], r["service_lift"], round(r["revenue_lift"], 4), round(r["lead_revenue_drop"], 4)
    (15.0, 0.1, 0.029, 0.1877)
    >>> round(r["profit_change"], 2)  # 0.029 × (300 + 150) − 0.1877 × 10
    11.18
    """
    check_columns("customers_table", customers_table, ["revenue", "gross_margin", "service_cost"])
    revenue = check_range("customers_table['revenue']", customers_table["revenue"].to_numpy(), low=0)
    margin = check_number("customers_table['gross_margin']", customers_table["gross_margin"].to_numpy())
    cost = check_range("customers_table['service_cost']", customers_table["service_cost"].to_numpy(), low=0)
    cutoffs = _cutoffs(platinum, gold, iron)
    reallocation = check_range("reallocation", reallocation, low=0, high=1)
    top_elasticity = check_range("top_elasticity", top_elasticity, low=0, high=1)
    lead_elasticity = check_range("lead_elasticity", lead_elasticity, low=0, high=1)

    profit_today = margin - cost
    tier = customer_tiers(profit_today, cutoffs=cutoffs)
    top, lead = tier.isin(TOP_TIERS).to_numpy(), (tier == "lead").to_numpy()
    moved = reallocation * cost[lead].sum()
    top_cost = cost[top].sum()
    if moved > 0 and top_cost == 0:
        raise CourseInputError("sims.pyramid.pyramid_no_top_cost", reallocation=reallocation)
    service_lift = moved / top_cost if moved > 0 else 0.0
    revenue_lift = (1 + service_lift) ** top_elasticity - 1
    lead_revenue_drop = 1 - (1 - reallocation) ** lead_elasticity
    sales_factor = np.where(top, 1 + revenue_lift, np.where(lead, 1 - lead_revenue_drop, 1.0))
    cost_factor = np.where(top, 1 + service_lift, np.where(lead, 1 - reallocation, 1.0))
    after = pd.DataFrame(
        {
            "tier": tier,
            "revenue": revenue * sales_factor,
            "profit": margin * sales_factor - cost * cost_factor,
            "service_cost": cost * cost_factor,
        }
    )
    tiers = tier_economics(after, cost_to_serve="service_cost")
    profit = tiers["tier_profit"].sum()
    return {
        "tiers": tiers,
        "platinum": platinum,
        "gold": gold,
        "iron": iron,
        "reallocation": reallocation,
        "top_elasticity": top_elasticity,
        "lead_elasticity": lead_elasticity,
        "moved": float(moved),
        "service_lift": float(service_lift),
        "revenue_lift": float(revenue_lift),
        "lead_revenue_drop": float(lead_revenue_drop),
        "profit_today": float(profit_today.sum()),
        "profit": float(profit),
        "profit_change": float(profit - profit_today.sum()),
        "top_customer_share": float(tiers["customer_share"][list(TOP_TIERS)].sum()),
        "top_profit_share": float(tiers["tier_profit"][list(TOP_TIERS)].sum() / profit),
        "top20_share": pareto_share(revenue, top=0.2),
    }


# --- the figure -------------------------------------------------------------------------------


def _bar_limits(table):
    """Fixed x-limits of the bars (元/位), wide enough for the most extreme slider positions:
    the best and the worst 1 % of customers (platinum and lead at their smallest)."""
    profit = np.sort((table["gross_margin"] - table["service_cost"]).to_numpy())
    cost = np.sort(table["service_cost"].to_numpy())
    k = max(1, round(SHARE_RANGES["platinum"][0] * profit.size))
    high = max(profit[-k:].mean(), cost[-k:].mean(), 1.0)
    low = min(profit[:k].mean(), 0.0)
    return 1.25 * low, 1.25 * high


def _pyramid_figure(table):
    """Left: profit and cost to serve per customer by tier (updated per move). Right: the Lorenz
    curve of today's revenue with the top 20 % marked (drawn once). Few, short texts: every glyph
    costs drawing time at each move."""
    fig, (bars_ax, curve_ax) = new_figure(1, 2)
    rows = np.arange(len(TIERS))  # platinum first, drawn at the top
    profit = bars_ax.barh(rows - 0.2, np.zeros(rows.size), height=0.4, color=PROFIT, label=text("columns.profit"))
    cost = bars_ax.barh(
        rows + 0.2, np.zeros(rows.size), height=0.4, color=COST, label=text("sims.pyramid.pyramid_cost")
    )
    labels = [bars_ax.text(0, y, "", va="center") for y in [*(rows - 0.2), *(rows + 0.2)]]
    bars_ax.axvline(0, color="black", linewidth=0.8)
    bars_ax.set(
        yticks=rows,
        yticklabels=[text(f"categories.{tier}") for tier in TIERS],
        xlim=_bar_limits(table),
        title=text("sims.pyramid.pyramid_bars_title"),
        xlabel=text("sims.pyramid.pyramid_bars_xlabel"),
    )
    bars_ax.xaxis.set_major_locator(MaxNLocator(3))
    bars_ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    bars_ax.invert_yaxis()
    bars_ax.grid(axis="y", visible=False)
    bars_ax.legend(loc="lower right")

    curve = lorenz_curve(table["revenue"])
    top20 = pareto_share(table["revenue"], top=0.2)
    curve_ax.plot(
        curve["cum_customer_share"], curve["cum_value_share"], color=CURVE, label=text("sims.pyramid.pyramid_lorenz")
    )
    curve_ax.plot([0, 1], [0, 1], color="grey", linestyle="--", label=text("sims.pyramid.pyramid_equality"))
    curve_ax.plot(
        [0.8, 0.8], [1 - top20, 1], color="black", linewidth=3, label=text("sims.pyramid.pyramid_top20", share=top20)
    )
    curve_ax.plot([0.8], [1 - top20], "o", color="black")
    ticks = [0, 0.2, 0.5, 0.8, 1]
    curve_ax.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xticks=ticks,
        yticks=ticks,
        title=text("sims.pyramid.pyramid_lorenz_title"),
        xlabel=text("sims.pyramid.pyramid_lorenz_xlabel"),
        ylabel=text("sims.pyramid.pyramid_lorenz_ylabel"),
    )
    for axis in (curve_ax.xaxis, curve_ax.yaxis):
        axis.set_major_formatter(PercentFormatter(1, decimals=0))
    curve_ax.legend(loc="upper left")
    # A move changes the bars and their numbers; the Lorenz curve panel stays as drawn.
    artists = {"ax": bars_ax, "profit": profit, "cost": cost, "labels": labels}
    return fixed_layout(fig, artists, moving=[*profit, *cost, *labels])


def _pyramid_draw(artists, result):
    tiers = result["tiers"]
    values = [*tiers["profit_per_customer"], *tiers["cost_to_serve_per_customer"]]
    bars = [*artists["profit"], *artists["cost"]]
    high = artists["ax"].get_xlim()[1]
    for bar, label, value in zip(bars, artists["labels"], values, strict=True):
        width = 0.0 if np.isnan(value) else value  # an empty tier shows no bar
        bar.set_width(width)
        inside = width > 0.7 * high  # a long bar carries its number inside, in white (within the axes)
        label.set_x(min(width, high) - 0.01 * high if inside else max(width, 0) + 0.01 * high)
        label.set_horizontalalignment("right" if inside else "left")
        label.set_color("white" if inside else "black")
        label.set_text(_number(value))


# --- the explanation --------------------------------------------------------------------------


def _number(value):
    """Yuan with thousands separators; a dash for an empty tier (NaN)."""
    return "–" if np.isnan(value) else f"{as_shown(value):,.0f}"


def _pyramid_explain(result):
    tiers = result["tiers"]
    lead_share = tiers.loc["lead", "customer_share"]
    lead_profit_share = as_shown(tiers.loc["lead", "tier_profit"] / result["profit"], 3)  # shown as 0.0%
    shown = {
        **result,
        "top_profit_share": as_shown(result["top_profit_share"], 2),
        **{key: as_shown(result[key]) for key in ["profit_today", "profit", "profit_change"]},
    }
    sentences = [
        text("sims.pyramid.pyramid_summary_data", top20_share=result["top20_share"]),
        text("sims.pyramid.pyramid_summary_tiers", **shown, lead_share=lead_share, lead_profit_share=lead_profit_share),
        text(
            "sims.pyramid.pyramid_summary_move" if result["reallocation"] > 0 else "sims.pyramid.pyramid_summary_today",
            **shown,
        ),
    ]
    columns = ["customer_count", "revenue_share", "profit_per_customer", "cost_to_serve_per_customer"]
    header = "".join(f"<th>{text(f'columns.{column}')}</th>" for column in ["tier", *columns])
    rows = "".join(
        f"<tr><td>{text(f'categories.{row.Index}')}</td><td>{row.customer_count:,}</td><td>{row.revenue_share:.1%}</td>"
        f"<td>{_number(row.profit_per_customer)}</td><td>{_number(row.cost_to_serve_per_customer)}</td></tr>"
        for row in tiers.itertuples()
    )
    return "".join(f"<p>{sentence}</p>" for sentence in sentences) + f"<table><tr>{header}</tr>{rows}</table>"


# --- the simulator ----------------------------------------------------------------------------


def _pyramid_sim_model(table, platinum, gold, iron, **service):
    """:func:`pyramid_model` for the slider values; tier shares of 100 % or more are refused
    first, in the sliders' words (pyramid_model's own message names its arguments)."""
    total = platinum + gold + iron
    if total >= 1 - 1e-9:  # as pyramid_model: lead customers are the rest
        raise CourseInputError(
            "sims.pyramid.pyramid_slider_shares_error", platinum=platinum, gold=gold, iron=iron, total=total
        )
    return pyramid_model(table, platinum, gold, iron, **service)


def pyramid_simulator(
    platinum=0.05, gold=0.15, iron=0.50, reallocation=0.0, top_elasticity=0.3, lead_elasticity=0.3, table=None
):
    """Customer pyramid and 80/20 explorer (客户金字塔与 80/20 法则).

    Questions for students: how few customers bring most of the revenue and profit? What does a
    platinum customer earn compared with a lead customer, and what does each cost to serve? What if
    we served lead customers less and platinum/gold customers more?

    Sliders: the share of customers in the platinum, gold and iron tiers (lead customers are the
    rest; shares summing to 100 % or more are refused), the share of the lead customers' cost to
    serve moved to platinum and gold customers, and how strongly each group's sales react to
    service (elasticities). Left: profit and cost to serve per customer by tier, platinum at the
    top. Right: the Lorenz curve of revenue with the top 20 % of customers marked (today's data:
    it does not move). Below: the key numbers and the tier table.

    MODEL (:func:`pyramid_model` on :func:`customer_value_table`): profit = Σ gross margin − cost
    to serve per customer, 2023–2025; tiers by profit rank (:func:`~coursekit.segments.customer_tiers`);
    after the move Δprofit = revenue_lift × GM(platinum, gold) − lead_revenue_drop × GM(lead), with
    revenue_lift = (1 + service_lift)^top_elasticity − 1 and lead_revenue_drop = 1 − (1 −
    reallocation)^lead_elasticity: a teaching assumption.

    DEFAULTS: tier shares 5 % / 15 % / 50 % / 30 % are the course's cut-offs of
    :func:`~coursekit.segments.customer_tiers` (Zeithaml, Rust & Lemon 2001 give no numbers);
    reallocation 0 = today's allocation; elasticities 0.3 ≈ the mean personal selling elasticity
    0.34 (Albers, Mantrala & Sridhar 2010, JMR 47(5)). Data: the course's Haichuan Appliances
    tables, or ``table`` (a :func:`customer_value_table`-like DataFrame).

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = pyramid_simulator()
    >>> round(sim.result["top20_share"], 3), int(sim.result["tiers"].loc["platinum", "customer_count"])
    (0.786, 100)
    """
    table = customer_value_table() if table is None else table
    shares = {"platinum": platinum, "gold": gold, "iron": iron}
    for name, (low, high) in SHARE_RANGES.items():
        check_range(name, shares[name], low=low, high=high)
    _cutoffs(platinum, gold, iron)  # refuse an invalid default combination here, not on screen
    controls = {
        name: slider(f"sims.pyramid.pyramid_{name}", shares[name], low, high, 0.01, fmt=".0%")
        for name, (low, high) in SHARE_RANGES.items()
    }
    controls["reallocation"] = slider(
        "sims.pyramid.pyramid_reallocation", check_range("reallocation", reallocation, 0, 0.5), 0, 0.5, 0.05, fmt=".0%"
    )
    controls["top_elasticity"] = slider(
        "sims.pyramid.pyramid_top_elasticity",
        check_range("top_elasticity", top_elasticity, 0, 1),
        0,
        1,
        0.05,
        fmt=".2f",
    )
    controls["lead_elasticity"] = slider(
        "sims.pyramid.pyramid_lead_elasticity",
        check_range("lead_elasticity", lead_elasticity, 0, 1),
        0,
        1,
        0.05,
        fmt=".2f",
    )
    model = partial(_pyramid_sim_model, table)
    model(**{name: control.value for name, control in controls.items()})  # checks the table once, here
    return Simulator(controls, model, partial(_pyramid_figure, table), _pyramid_draw, _pyramid_explain)
