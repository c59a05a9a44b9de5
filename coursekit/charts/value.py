"""Charts of lesson 2, 客户价值 (customer value): histories, referrals, the scissors gap, 80/20, the pyramid.

Each chart draws the table it is given, from :mod:`coursekit.segments` (margin_histories,
pareto_curve, tier_economics) or :mod:`coursekit.value` (referral_cost, satisfaction_payoff);
the scissors gap and the experience ladder draw an illustration and published figures.
Every chart returns a matplotlib Figure made with :func:`coursekit.style.figure`.
"""

import matplotlib.dates as mdates
import numpy as np
from matplotlib.patches import Polygon
from matplotlib.ticker import PercentFormatter, StrMethodFormatter

from coursekit import style
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_date_column,
    check_no_missing,
    check_number_column,
    check_single,
    check_table_numbers,
)
from coursekit.i18n import category_label, text
from coursekit.segments import TIERS

LESSON2_PHASES = ("contact", "contract", "delivery", "payment", "after_sales")
# 角田识之's two curves, as the seed describes them (an ILLUSTRATION: no numbers were published).
# Heights 0–1 at the five phases: the seller peaks at the contract, cools a little until
# delivery, then sharply after delivery and payment; the buyer warms up slowly and needs the
# seller most in after-sales service.
LESSON2_SELLER = (0.45, 1.00, 0.85, 0.45, 0.10)
LESSON2_BUYER = (0.20, 0.42, 0.58, 0.70, 0.92)
# The seed's "second chart": the same seller up to the contract, who then keeps serving for life
# (drawn from the contract on, never above the ordinary seller's peak).
LESSON2_SELLER_LIFETIME = (0.45, 1.00, 0.92, 0.90, 0.92)
# Pine & Gilmore (1998), "Welcome to the experience economy", Harvard Business Review 76(4):
# what one cup of coffee sells for, US dollars, by how the beans are offered.
COFFEE_PRICE_PER_CUP = {
    "commodity": (0.01, 0.02),
    "goods": (0.05, 0.25),
    "services": (0.50, 1.00),
    "experiences": (2.00, 5.00),
}


def customer_histories_chart(table):
    """Customer value over the relationship (客户价值随时间累积): one step line per customer,
    the cumulative gross margin after each order (a flat end = the customer stopped buying).

    Parameters:
        table: a table from :func:`coursekit.segments.margin_histories`: columns ``customer_id``, ``date``
            (dates), ``cumulative_margin`` (yuan, numbers without blanks) and ``orders`` (whole numbers ≥ 0).

    >>> import pandas as pd
    >>> from coursekit.segments import margin_histories
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "gross_margin": [10.0, 5.0, 7.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"])})
    >>> fig = customer_histories_chart(margin_histories(tx, ["a", "b"]))
    >>> [float(line.get_ydata()[-1]) for line in fig.axes[0].get_lines()]
    [15.0, 7.0]
    """
    check_columns("table", table, ["customer_id", "date", "cumulative_margin", "orders"])
    check_no_missing("table", "customer_id", table["customer_id"])
    check_table_numbers("table", table, ["cumulative_margin"])
    check_table_numbers("table", table, ["orders"], low=0, whole=True)
    table = table.assign(date=check_date_column("table", "date", table["date"]))
    fig, ax = style.figure()
    for customer, steps in table.groupby("customer_id", sort=False):  # one line per customer, as given
        label = text("charts.value.history_label", customer=customer, orders=int(steps["orders"].iloc[0]))
        ax.step(steps["date"], steps["cumulative_margin"], where="post", label=label)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set(title=text("charts.value.history_title"), xlabel=text("charts.value.history_xlabel"))
    ax.set_ylabel(text("charts.value.history_ylabel"))
    ax.legend(loc="upper left")
    return fig


def referral_cost_chart(table):
    """Word-of-mouth value in the data (口碑价值): for each customer type, what a customer won by
    referral costs as a share of one won by any other channel (below 100 %: referrals are cheaper).

    Parameters:
        table: a table from :func:`coursekit.value.referral_cost`: index customer type codes; columns
            ``referral`` and ``other`` (mean acquisition cost, yuan, ≥ 0) and ``share`` (referral / other,
            ≥ 0; 1 = 100 %).

    >>> import pandas as pd
    >>> from coursekit.value import referral_cost
    >>> c = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["referral", "store", "online"],
    ...                   "acquisition_cost": [50.0, 80.0, 120.0]})
    >>> [float(bar.get_width()) for bar in referral_cost_chart(referral_cost(c)).axes[0].patches]
    [0.5]
    """
    check_columns("table", table, ["referral", "other", "share"])
    check_table_numbers("table", table, ["referral", "other", "share"], low=0)
    fig, ax = style.figure()
    bars = ax.barh([str(category_label(code)) for code in table.index], table["share"], color=style.GOOD)
    labels = [
        text("charts.value.referral_label", referral=row.referral, other=row.other, share=row.share)
        for row in table.itertuples()
    ]
    ax.bar_label(bars, labels=labels, padding=4)
    ax.axvline(1, color=style.REFERENCE, linestyle="--", linewidth=1)
    same = text("charts.value.referral_same")
    ax.text(0.99, 0.02, same, transform=ax.get_xaxis_transform(), ha="right", va="bottom", color=style.REFERENCE)
    ax.set_xlim(0, max(1.0, table["share"].max()) * 1.15)
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.grid(axis="y", visible=False)
    ax.set(title=text("charts.value.referral_title"), xlabel=text("charts.value.referral_xlabel"))
    return fig


def _lesson2_smooth(heights, points=200, width=0.2):
    """A smooth curve through the phase heights: straight lines between the phases, then a
    Gaussian moving average (``width`` in phases) to round the corners."""
    x = np.linspace(0, len(heights) - 1, points)
    y = np.interp(x, np.arange(len(heights)), heights)
    step = x[1] - x[0]
    offsets = np.arange(-3 * width, 3 * width + step, step)
    kernel = np.exp(-0.5 * (offsets / width) ** 2)
    padded = np.pad(y, len(offsets) // 2, mode="edge")
    return x, np.convolve(padded, kernel / kernel.sum(), mode="valid")[:points]


def scissors_gap_chart(lifetime_service=False):
    """The seller's and the buyer's enthusiasm over one deal (买卖双方热情的“剪刀差”), as
    角田识之 describes it: an ILLUSTRATION of an idea, not measured data.

    The seller warms up from first contact to the contract, then cools, sharply after delivery
    and payment; the buyer warms up slowly and needs the seller most in after-sales service.
    The shaded area where the buyer's curve is above the seller's is the "scissors gap".
    ``lifetime_service=True`` adds the seed's second picture: from the contract on, a seller
    who keeps serving (drawn no higher than the ordinary seller's peak).

    FORMULA: none (curve heights LESSON2_SELLER, LESSON2_BUYER, LESSON2_SELLER_LIFETIME at the
    five phases, smoothed). SOURCE: 角田识之, as retold in the course material; curve shapes:
    course convention.

    Parameters:
        lifetime_service: True (add the seller who keeps serving after the contract) or False (default).

    >>> [line.get_label() for line in scissors_gap_chart().axes[0].get_lines()] == [
    ...     text("charts.value.seller"), text("charts.value.buyer")]
    True
    """
    check_choice("lifetime_service", lifetime_service, (True, False))
    x, seller = _lesson2_smooth(LESSON2_SELLER)
    _, buyer = _lesson2_smooth(LESSON2_BUYER)
    fig, ax = style.figure()
    ax.plot(x, seller, color=style.HIGHLIGHT, label=text("charts.value.seller"))
    ax.plot(x, buyer, color=style.MAIN, label=text("charts.value.buyer"))
    gap = buyer > seller
    ax.fill_between(x, seller, buyer, where=gap, color=style.HIGHLIGHT, alpha=0.15, label=text("charts.value.gap"))
    if lifetime_service:
        _, lifetime = _lesson2_smooth(LESSON2_SELLER_LIFETIME)
        after = x >= 1  # the same seller until the contract; the curves part after it
        lifetime = np.minimum(lifetime[after], seller.max())
        ax.plot(x[after], lifetime, color=style.GOOD, linestyle="--", label=text("charts.value.seller_lifetime"))
    ax.set_xticks(range(len(LESSON2_PHASES)), [text(f"charts.value.phase_{phase}") for phase in LESSON2_PHASES])
    ax.set_yticks([])
    ax.set_ylim(0, 1.1)
    ax.grid(visible=False)
    ax.set(title=text("charts.value.scissors_title"), ylabel=text("charts.value.scissors_ylabel"))
    ax.text(0.01, 0.97, text("charts.value.scissors_note"), transform=ax.transAxes, va="top", color=style.REFERENCE)
    fig.legend(loc="outside lower center", ncols=2)
    return fig


def concentration_chart(curve, top=0.2):
    """How concentrated revenue is (收入集中度, the Pareto curve; lesson 2 plots each customer's
    revenue, and the labels say revenue): customers sorted from the highest value down, the
    cumulative share of customers against the cumulative share of the values; the point at
    ``top`` (a share of customers, 0–1) marks what the best ``top`` bring,
    next to the "80/20 rule" point (0.2, 0.8) for comparison.

    The marked point is read off the curve (straight lines between its points), which is
    exactly :func:`coursekit.segments.pareto_share` (values, top).

    Parameters:
        curve: a table from :func:`coursekit.segments.pareto_curve`: columns ``cum_customer_share`` (rising)
            and ``cum_value_share``, fractions 0–1.
        top: the share of the best customers to mark, a fraction in (0, 1], one number.

    >>> from coursekit.segments import pareto_curve
    >>> fig = concentration_chart(pareto_curve([8, 1, 1, 0, 0]))
    >>> fig.axes[0].get_lines()[0].get_ydata().round(2).tolist()
    [0.0, 0.8, 0.9, 1.0, 1.0, 1.0]
    """
    check_columns("curve", curve, ["cum_customer_share", "cum_value_share"])
    top = check_single("top", top, low=0, high=1, low_open=True)
    x, y = (
        check_number_column("curve", column, curve[column], low=0, high=1).to_numpy()
        for column in ("cum_customer_share", "cum_value_share")
    )
    share = float(np.interp(top, x, y))
    fig, ax = style.figure()
    ax.plot(x, y, color=style.MAIN, label=text("charts.value.concentration_curve"))
    ax.plot([0, 1], [0, 1], color=style.REFERENCE, linestyle="--", label=text("charts.value.concentration_equal"))
    ax.plot([top, top, 0], [0, share, share], color=style.HIGHLIGHT, linewidth=1, linestyle=":")
    point = text("charts.value.concentration_point", top=top, share=share)
    ax.plot([top], [share], "o", color=style.HIGHLIGHT, label=point)
    ax.plot([0.2], [0.8], "x", color="black", markersize=9, label=text("charts.value.concentration_rule"))
    ax.set(xlim=(0, 1), ylim=(0, 1.02), title=text("charts.value.concentration_title"))
    ax.set(xlabel=text("charts.value.concentration_xlabel"), ylabel=text("charts.value.concentration_ylabel"))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.legend(loc="lower right")
    return fig


def customer_pyramid_chart(economics):
    """The customer pyramid (客户金字塔) drawn as a pyramid: platinum at the top, lead at the
    bottom, each band labelled with its share of customers and of total profit.

    The bands have equal heights: the shape is the idea (few customers at the top, many at the
    bottom), the labels are the data; a note under the pyramid says so (areas are not numbers
    of customers).
    SOURCE: Zeithaml, Rust & Lemon (2001), "The customer pyramid", California Management
    Review 43(4); drawing: course convention.

    Parameters:
        economics: a table from :func:`coursekit.segments.tier_economics`: index exactly the four tiers
            ``platinum``, ``gold``, ``iron``, ``lead`` (any order); columns ``customer_share`` (a fraction 0–1),
            ``profit_share`` (a fraction of total profit, negative for a loss-making tier) and
            ``profit_per_customer`` (yuan, may be negative; NaN for a tier without customers, which is drawn
            without it).

    >>> import pandas as pd
    >>> e = pd.DataFrame({"customer_share": [0.1, 0.2, 0.3, 0.4], "profit_share": [0.6, 0.3, 0.2, -0.1],
    ...                   "profit_per_customer": [6.0, 1.5, 0.67, -0.25]}, index=["platinum", "gold", "iron", "lead"])
    >>> ["-10%" in t.get_text() for t in customer_pyramid_chart(e).axes[0].texts[:4]]  # lead: -10 of 100
    [False, False, False, True]
    """
    check_columns("economics", economics, ["customer_share", "profit_share", "profit_per_customer"])
    check_table_numbers("economics", economics, ["customer_share"], low=0, high=1)
    check_table_numbers("economics", economics, ["profit_share"])
    served = economics[economics["customer_share"] > 0]  # a tier without customers has no profit per customer
    check_table_numbers("economics", served, ["profit_per_customer"])
    if sorted(map(str, economics.index)) != sorted(TIERS):
        raise CourseInputError(
            "errors.choice", name="economics.index", value=list(economics.index), allowed=", ".join(TIERS)
        )
    fig, ax = style.figure()
    for level, tier in enumerate(TIERS):
        colour = style.CATEGORY_COLOURS[tier]
        top, bottom = level / len(TIERS), (level + 1) / len(TIERS)  # 0 = apex, 1 = base
        corners = [(-top / 2, 1 - top), (top / 2, 1 - top), (bottom / 2, 1 - bottom), (-bottom / 2, 1 - bottom)]
        ax.add_patch(Polygon(corners, closed=True, facecolor=colour, edgecolor="white", alpha=0.85))
        row = economics.loc[tier]
        label = text(
            "charts.value.pyramid_band" if row["customer_share"] > 0 else "charts.value.pyramid_band_empty",
            tier=text(f"categories.{tier}"),
            customers=row["customer_share"],
            profit=row["profit_share"],
            per_customer=row["profit_per_customer"],
        )
        ax.text(0.55, 1 - (top + bottom) / 2, label, va="center")
    ax.text(-0.5, -0.03, text("charts.value.pyramid_note"), va="top", color=style.REFERENCE)
    ax.set(xlim=(-0.55, 1.75), ylim=(0, 1.02), title=text("charts.value.pyramid_title"))
    ax.set_axis_off()
    return fig


def satisfaction_payoff_chart(table):
    """What satisfied customers do (满意的客户会做什么): by overall satisfaction (1–7), the mean
    intention to buy again (1–7, left) and to recommend (0–10, right).

    Parameters:
        table: a table from :func:`coursekit.value.satisfaction_payoff`: index ``overall_satisfaction``
            (levels 1–7); columns ``would_repurchase`` (mean rating, 1–7) and ``would_recommend`` (mean
            rating, 0–10).

    >>> import pandas as pd
    >>> from coursekit.value import satisfaction_payoff
    >>> s = pd.DataFrame({"overall_satisfaction": [1, 7, 7], "would_repurchase": [2, 6, 7],
    ...                   "would_recommend": [1, 9, 10]})
    >>> [float(bar.get_height()) for bar in satisfaction_payoff_chart(satisfaction_payoff(s)).axes[1].patches]
    [1.0, 9.5]
    """
    columns = ["would_repurchase", "would_recommend"]
    check_columns("table", table, columns)
    check_table_numbers("table", table, ["would_repurchase"], low=1, high=7)
    check_table_numbers("table", table, ["would_recommend"], low=0, high=10)
    fig, axes = style.figure(1, 2)
    for ax, column, colour, high in zip(axes, columns, (style.MAIN, style.GOOD), (7, 10), strict=True):
        ax.bar(table.index, table[column], color=colour)
        ax.set(title=text(f"columns.{column}"), xlabel=text("columns.overall_satisfaction"), ylim=(0, high))
        ax.set_xticks(table.index)
        ax.grid(axis="x", visible=False)
    axes[0].set_ylabel(text("charts.value.mean_score"))
    fig.suptitle(text("charts.value.satisfaction_title"))
    return fig


def experience_ladder_chart():
    """One cup of coffee sold four ways (体验经济): the price per cup as a commodity, a good, a
    service and an experience, after Pine & Gilmore (1998); log scale, because each step
    multiplies the price.

    FORMULA: none (the ranges COFFEE_PRICE_PER_CUP, quoted from the source).
    SOURCE: Pine & Gilmore (1998), "Welcome to the experience economy", Harvard Business Review
    76(4).

    >>> [round(float(bar.get_x()), 2) for bar in experience_ladder_chart().axes[0].patches]
    [0.01, 0.05, 0.5, 2.0]
    """
    fig, ax = style.figure()
    stages = list(COFFEE_PRICE_PER_CUP)
    low = [COFFEE_PRICE_PER_CUP[s][0] for s in stages]
    width = [COFFEE_PRICE_PER_CUP[s][1] - COFFEE_PRICE_PER_CUP[s][0] for s in stages]
    bars = ax.barh([text(f"charts.value.stage_{s}") for s in stages], width, left=low, color=style.COMPARE)
    labels = [text("charts.value.experience_label", low=lo, high=hi) for lo, hi in COFFEE_PRICE_PER_CUP.values()]
    ax.bar_label(bars, labels=labels, padding=4)
    ax.set_xscale("log")
    ax.set_xlim(0.005, 20)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:g}")
    ax.grid(axis="y", visible=False)
    ax.set(title=text("charts.value.experience_title"), xlabel=text("charts.value.experience_xlabel"))
    return fig
