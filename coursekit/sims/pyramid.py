"""Simulator of lesson 2 (客户金字塔与 80/20 法则): who brings the profit, and where service money goes.

- :func:`pyramid_simulator`: sliders for the tier shares of the customer pyramid and for moving
  part of the lead customers' service to platinum and gold customers (a teaching assumption),
  with bars per tier and the Lorenz curve of revenue.

The model is :func:`coursekit.segments.pyramid_model`; every number comes from
:mod:`coursekit.segments` (customer_value_table, customer_tiers, tier_economics, lorenz_curve,
pareto_share); see :mod:`coursekit.sims.base` for how a simulator is wired.
"""

from functools import partial

import numpy as np
from matplotlib.ticker import MaxNLocator, PercentFormatter, StrMethodFormatter

from coursekit import style
from coursekit.errors import check_single, check_table_numbers
from coursekit.i18n import text
from coursekit.segments import TIERS, customer_value_table, lorenz_curve, pareto_share, pyramid_model
from coursekit.sims.base import Simulator, as_shown, fixed_layout, model_value, new_figure, percent_slider, slider

PROFIT, COST, CURVE = style.MAIN, style.COMPARE, style.MAIN
# slider ranges (share of customers in each tier; lead customers are the rest)
SHARE_RANGES = {"platinum": (0.01, 0.20), "gold": (0.05, 0.40), "iron": (0.10, 0.70)}


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
    curve_ax.plot([0, 1], [0, 1], color=style.REFERENCE, linestyle="--", label=text("sims.pyramid.pyramid_equality"))
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
    """:func:`~coursekit.segments.pyramid_model` for the slider values."""
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
    0.34 (Albers, Mantrala & Sridhar 2010, JMR 47(5)), borrowed for service spending, for
    which no source gives an elasticity (the summary says so). Data: the course's Haichuan Appliances
    tables, or ``table`` (a :func:`customer_value_table`-like DataFrame).

    Parameters:
        platinum: the share of platinum customers, a fraction 0.01–0.20.
        gold: the share of gold customers, a fraction 0.05–0.40.
        iron: the share of iron customers, a fraction 0.10–0.70 (the three together below 1; lead are the rest).
        reallocation: the share of lead customers' cost to serve moved to platinum and gold, a fraction 0–0.5.
        top_elasticity, lead_elasticity: elasticities of sales to service spend, 0–1 (teaching assumptions).
        table: None (the course data's :func:`coursekit.segments.customer_value_table`) or a table like it: one
            row per customer with ``revenue`` (yuan, ≥ 0), ``gross_margin`` (yuan) and ``service_cost`` (yuan, ≥ 0).

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = pyramid_simulator()
    >>> round(sim.result["top20_share"], 3), int(sim.result["tiers"].loc["platinum", "customer_count"])
    (0.786, 100)
    """
    if table is None:
        table = customer_value_table()
    else:  # checked here, so that a wrong table is refused under this simulator's own argument name
        check_table_numbers("table", table, ["revenue", "service_cost"], low=0)
        check_table_numbers("table", table, ["gross_margin"])
    shares = {"platinum": platinum, "gold": gold, "iron": iron}
    for name, (low, high) in SHARE_RANGES.items():
        check_single(name, shares[name], low=low, high=high)
    # a combination of defaults the model cannot compute is refused here, not on screen
    pyramid_model(table, platinum, gold, iron, reallocation, top_elasticity, lead_elasticity)
    controls = {
        name: percent_slider(f"sims.pyramid.pyramid_{name}", shares[name], low, high, 0.01)
        for name, (low, high) in SHARE_RANGES.items()
    }
    controls["reallocation"] = percent_slider(
        "sims.pyramid.pyramid_reallocation", check_single("reallocation", reallocation, low=0, high=0.5), 0, 0.5, 0.05
    )
    controls["top_elasticity"] = slider(
        "sims.pyramid.pyramid_top_elasticity",
        check_single("top_elasticity", top_elasticity, low=0, high=1),
        0,
        1,
        0.05,
        fmt=".2f",
    )
    controls["lead_elasticity"] = slider(
        "sims.pyramid.pyramid_lead_elasticity",
        check_single("lead_elasticity", lead_elasticity, low=0, high=1),
        0,
        1,
        0.05,
        fmt=".2f",
    )
    model = partial(_pyramid_sim_model, table)
    model(**{name: model_value(control) for name, control in controls.items()})  # checks the table once, here
    messages = {"segments.pyramid_shares_error": "sims.pyramid.pyramid_slider_shares_error"}  # no lead customers left
    return Simulator(controls, model, partial(_pyramid_figure, table), _pyramid_draw, _pyramid_explain, messages)
