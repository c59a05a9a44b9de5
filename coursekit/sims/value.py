"""Simulator of lesson 2 (客户价值): what is one loyal customer worth?

- :func:`clv_simulator`: the lifetime value calculator (客户终身价值计算器).

Every number it shows comes from :mod:`coursekit.value`; the simulator is a pure
``model`` plus a ``draw`` that updates a figure made once, and an ``explain`` that
writes the key numbers (see :mod:`coursekit.sims.base`).
"""

import math

import ipywidgets as widgets

from coursekit import style
from coursekit.errors import check_int, check_single
from coursekit.i18n import text
from coursekit.sims.base import (
    THOUSANDS,
    Simulator,
    as_shown,
    layout_once,
    new_figure,
    nice_limits,
    percent_slider,
    set_limits,
    sized,
    slider,
)
from coursekit.value import (
    MAX_YEARS,
    breakeven_year,
    cumulative_value,
    lifetime_revenue,
    lifetime_value,
    margin_multiple,
)

SHOWN_YEARS = 40  # the longest finite horizon, and the years drawn for an infinite one


def _horizon_slider(value):
    """Horizon in whole years 1..40, and ∞ (no time limit) at the right end."""
    options = [(str(n), n) for n in range(1, SHOWN_YEARS + 1)] + [("∞", math.inf)]
    return widgets.SelectionSlider(
        options=options,
        value=value,
        description=text("sims.value.clv_years"),
        continuous_update=True,
        **sized(),
    )


def _clv_model(margin, retention, discount, years, acquisition_cost, growth):
    """Lifetime value, its year-by-year curve and break-even year, the margin multiple
    and the simple sum of margins (``years`` = math.inf: no time limit)."""
    horizon = None if math.isinf(years) else years
    clv = lifetime_value(margin, retention, discount, horizon, acquisition_cost, growth)
    table = cumulative_value(margin, retention, discount, horizon or SHOWN_YEARS, acquisition_cost, growth)
    naive = math.inf if horizon is None else lifetime_revenue(margin, 1, horizon)
    discounted_margins = clv + acquisition_cost
    multiple = margin_multiple(retention, discount)
    return {
        "margin": margin,
        "retention": retention,
        "discount": discount,
        "years": horizon,
        "acquisition_cost": acquisition_cost,
        "growth": growth,
        "clv": clv,
        "discounted_margins": discounted_margins,
        "curve_years": table["year"].to_numpy(),
        "curve": table["cumulative_value"].to_numpy(),
        "breakeven": breakeven_year(
            margin, retention, discount, acquisition_cost, growth, max_years=horizon or MAX_YEARS
        ),
        "breakeven_limit": horizon or MAX_YEARS,
        "multiple": multiple,
        "multiple_value": margin * multiple,
        "naive": naive,
        "share_of_naive": discounted_margins / naive if 0 < naive < math.inf else 0.0,
    }


def _clv_figure():
    fig, ax = new_figure()
    ax.axhline(0, color="black", linewidth=0.8)
    (curve,) = ax.plot([], [], color=style.MAIN, label=text("sims.value.clv_curve"))
    clv_line = ax.axhline(0, color=style.COMPARE, linestyle="--", label=text("sims.value.clv_line"))
    (point,) = ax.plot([], [], "o", color=style.HIGHLIGHT, label=text("sims.value.clv_breakeven_point"))
    ax.set(
        xlim=(0, SHOWN_YEARS),
        title=text("sims.value.clv_title"),
        xlabel=text("sims.value.clv_xlabel"),
        ylabel=text("sims.value.clv_ylabel"),
    )
    ax.yaxis.set_major_formatter(THOUSANDS)
    ax.locator_params(axis="y", nbins=5)  # few tick labels: each costs layout time on every move
    fig.legend(loc="outside lower center", ncols=3)
    return layout_once(fig, {"ax": ax, "curve": curve, "clv_line": clv_line, "point": point})


def _clv_draw(artists, result):
    curve = result["curve"]
    artists["curve"].set_data(result["curve_years"], curve)
    artists["clv_line"].set_ydata([result["clv"]] * 2)
    year = result["breakeven"]
    shown = year is not None and year < len(curve)
    artists["point"].set_data([year] if shown else [], [curve[year]] if shown else [])
    ylim = nice_limits(min(curve.min(), result["clv"]), max(curve.max(), result["clv"]))
    set_limits(artists, (artists["ax"], None, ylim))


def _clv_explain(result):
    years = result["years"]
    horizon = text("sims.value.clv_infinite") if years is None else text("sims.value.clv_n_years", n=years)
    if result["breakeven"] is None and years is None and result["clv"] < 0:
        breakeven = text("sims.value.clv_summary_never_infinite")
    elif result["breakeven"] is None:
        breakeven = text("sims.value.clv_summary_never", limit=result["breakeven_limit"])
    else:
        breakeven = text("sims.value.clv_summary_breakeven", year=result["breakeven"])
    naive = "sims.value.clv_summary_naive_infinite" if years is None else "sims.value.clv_summary_naive"
    lines = [
        text("sims.value.clv_summary_value", horizon=horizon, **{**result, "clv": as_shown(result["clv"])}),
        breakeven,
        text("sims.value.clv_summary_multiple", **result),
        text(naive, **result),
    ]
    return "<br>".join(lines)


def clv_simulator(margin=100, retention=0.8, discount=0.12, years=40, acquisition_cost=150, growth=0.0):
    """Lifetime value calculator (客户终身价值计算器): what is one loyal customer worth?

    Students set the customer's margin (毛利, yuan a year), retention (保持率), the
    discount rate (折现率), the horizon (years 1–40, or ∞ at the slider's right end:
    no time limit), the acquisition cost (获客成本) and the margin growth per year of
    tenure, and see the lifetime value (CLV), the cumulative discounted value year by
    year (starting at −acquisition cost; the dot marks the break-even year, when the
    acquisition cost is paid back), the margin multiple, and how far the CLV is from
    simply adding up margins, the way the lesson's assumptions reach Ford's "a loyal
    customer is worth at least $300,000" (revenue, with no churn and no discounting; the
    seed does not say how Ford's figure was made).

    MODEL (:func:`coursekit.value.lifetime_value`, m margin, r retention, i discount,
    g growth, c acquisition cost): CLV = Σ_{t=1..N} m(1+g)^(t−1) r^t / (1+i)^t − c;
    with no time limit CLV = m r / (1 + i − r(1+g)) − c, which is infinite (refused with
    a message) when r(1+g) ≥ 1+i. Margin multiple = r / (1+i−r).

    DEFAULTS: retention 80 % (the seed's "about 20 % churn a year") and discount 12 %
    are in the margin-multiple table of Gupta & Lehmann (2003, 2005): multiple 2.5, so a
    margin of 100 yuan a year is worth 250 yuan. Margin 100 yuan, acquisition cost 150
    yuan, no growth: course convention (the worked example of :mod:`coursekit.value`).
    40 years: the buying life in the course's reconstruction of Ford's estimate
    (:func:`coursekit.value.lifetime_revenue`; course convention). ``years=None`` (or
    ``math.inf``) starts at ∞.

    Parameters:
        margin: the first year's margin per customer, yuan, 0–1,000 (the slider's range).
        retention: yearly retention rate, a fraction 0.30–0.99.
        discount: yearly discount rate, a fraction 0–0.30.
        years: the horizon, a whole number of years 1–40, or None / ``math.inf`` for no limit.
        acquisition_cost: the cost of winning the customer, yuan, 0–1,000.
        growth: yearly growth of the margin with tenure, a fraction −0.10 to 0.30.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = clv_simulator()
    >>> round(sim.result["clv"], 2), sim.result["breakeven"], round(sim.result["multiple"], 2)
    (100.0, 3, 2.5)
    """
    unlimited = years is None or (isinstance(years, float) and years == math.inf)  # not `==` on NA or an array
    years = math.inf if unlimited else check_int("years", years, 1, SHOWN_YEARS)
    controls = {
        "margin": slider(
            "sims.value.clv_margin", check_single("margin", margin, low=0, high=1000), 0, 1000, 10, fmt=",.0f"
        ),
        "retention": percent_slider(
            "sims.value.clv_retention", check_single("retention", retention, low=0.3, high=0.99), 0.3, 0.99, 0.01
        ),
        "discount": percent_slider(
            "sims.value.clv_discount", check_single("discount", discount, low=0, high=0.3), 0, 0.3, 0.01
        ),
        "years": _horizon_slider(years),
        "acquisition_cost": slider(
            "sims.value.clv_acquisition_cost",
            check_single("acquisition_cost", acquisition_cost, low=0, high=1000),
            0,
            1000,
            10,
            ",.0f",
        ),
        # up to +30 % a year on purpose: with high retention the value becomes infinite (a message)
        "growth": percent_slider(
            "sims.value.clv_growth", check_single("growth", growth, low=-0.1, high=0.3), -0.1, 0.3, 0.01, fmt="+.0f"
        ),
    }
    # lifetime_value's check, in the sliders' words
    messages = {"value.infinite_error": ("sims.value.clv_infinite_error", lambda v: {"growth_factor": 1 + v["growth"]})}
    return Simulator(controls, _clv_model, _clv_figure, _clv_draw, _clv_explain, messages)
