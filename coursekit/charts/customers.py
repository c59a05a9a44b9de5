"""Charts and the TV-choice exercise of lesson 1, 谁是我们的客户 (who the customer is).

Every chart function returns a matplotlib Figure made with :func:`coursekit.style.figure`
and labelled through :mod:`coursekit.i18n`.
"""

from functools import partial

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from matplotlib.ticker import FuncFormatter, NullFormatter, PercentFormatter

from coursekit import style
from coursekit.complaints import check_ratings, weight_shares
from coursekit.data import CUSTOMER_TYPES
from coursekit.errors import CourseInputError, check_choice, check_columns, check_range
from coursekit.i18n import Message, category_label, has_text, text
from coursekit.sims.base import Simulator, new_figure, slider


def wait_by_hour_chart(calls):
    """Waiting and calls at the customer hotline by hour of the day (客服热线各时段的等待时间与
    来电量), lesson 1's No. 77 case: the caller asks "why don't you have more staff?", and
    the data show when the waits are long and whether that is when most calls come in.

    ``calls`` has one row per call with ``date``, ``hour`` (0–23) and ``wait_seconds`` (≥ 0).
    FORMULA: per ``hour``, bar height = mean ``wait_seconds`` of all calls that came in
    (answered or abandoned); dashed line = mean over all calls; dotted line (right axis) =
    calls per day = (calls in that hour) / (number of days in the data).
    SOURCE: course convention (course data: call_center).

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = wait_by_hour_chart(data.call_center())
    >>> [round(bar.get_height()) for bar in fig.axes[0].patches][2:4]  # 10:00 and 11:00
    [151, 152]
    >>> [round(float(n), 1) for n in fig.axes[1].lines[0].get_ydata()][2:4]  # calls per day
    [17.1, 16.7]
    """
    calls = check_columns("calls", calls, ["date", "hour", "wait_seconds"])
    hours = check_range("hour", calls["hour"].to_numpy(dtype=float), low=0, high=23)
    wait = check_range("wait_seconds", calls["wait_seconds"].to_numpy(dtype=float), low=0)
    per_hour = pd.Series(wait, index=hours.astype(int)).groupby(level=0).agg(["mean", "size"])
    calls_per_day = per_hour["size"] / calls["date"].nunique()
    fig, ax = style.figure()
    bars = ax.bar(
        per_hour.index, per_hour["mean"].to_numpy(), color=style.PALETTE[0], label=text("charts.customers.wait_bars")
    )
    mean = ax.axhline(wait.mean(), color="black", linestyle="--", linewidth=1, label=text("charts.customers.wait_mean"))
    ax.set_xticks(per_hour.index)
    ax.set(
        title=text("charts.customers.wait_title"),
        xlabel=text("columns.hour"),
        ylabel=text("charts.customers.wait_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    volume = ax.twinx()  # calls per day on a second axis (right)
    (line,) = volume.plot(
        per_hour.index,
        calls_per_day.to_numpy(),
        color=style.PALETTE[1],
        marker="o",
        label=text("charts.customers.calls_line"),
    )
    volume.spines["right"].set_visible(True)
    volume.set(ylim=(0, 1.15 * calls_per_day.max()), ylabel=text("charts.customers.calls_ylabel"))
    volume.yaxis.label.set_color(style.PALETTE[1])
    volume.grid(visible=False)
    fig.legend(handles=[bars, line, mean], loc="outside lower center", ncols=3)
    return fig


def customer_mix_chart(customers, by="customer_type", revenue="revenue"):
    """Who the customers are and where the revenue comes from (客户构成与收入来源): for each
    group of customers (the codes in column ``by``: customer types, regions, channels ...)
    its share of all customers next to its share of all revenue.

    ``customers`` has one row per customer, the column ``by`` and the column ``revenue``
    (money ≥ 0, e.g. the customer's revenue over 2023–2025).
    FORMULA: for group g with n_g customers and revenue R_g, out of n and R in total:
    customer_share = n_g / n, revenue_share = R_g / R. SOURCE: course convention (the first
    of the three questions of the course seed: where does the revenue come from?).

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "retail", "retail", "merchant"],
    ...                   "revenue": [100.0, 50.0, 50.0, 800.0]})
    >>> [float(bar.get_width()) for bar in customer_mix_chart(c).axes[0].patches]  # merchant, retail
    [0.25, 0.75, 0.8, 0.2]
    """
    customers = check_columns("customers", customers, [by, revenue])
    groups = customers[by]
    if groups.isna().any():
        row = groups.index[groups.isna().to_numpy()][0]
        raise CourseInputError("errors.missing", name="customers", column=by, row=row)
    money = check_range(f"customers['{revenue}']", customers[revenue].to_numpy(dtype=float), low=0)
    if money.sum() == 0:
        raise CourseInputError("errors.all_zero", name=f"customers['{revenue}']")
    table = pd.Series(np.atleast_1d(money), index=customers.index).groupby(groups, observed=True).agg(["size", "sum"])
    shares = {"customer_share": table["size"] / table["size"].sum(), "revenue_share": table["sum"] / table["sum"].sum()}
    rows = np.arange(len(table))
    fig, ax = style.figure()
    for offset, (column, share), colour in zip((-0.2, 0.2), shares.items(), style.PALETTE, strict=False):
        bars = ax.barh(rows + offset, share.to_numpy(), height=0.38, color=colour, label=text(f"columns.{column}"))
        ax.bar_label(bars, [f"{value:.0%}" for value in share], padding=2, fontsize="small")
    labels = [str(category_label(code)) for code in table.index]
    ax.set_yticks(rows, labels)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    title = text("charts.customers.mix_title", by=text(f"columns.{by}") if has_text(f"columns.{by}") else by)
    ax.set(xlim=(0, 1), title=title, xlabel=text("charts.customers.mix_xlabel"))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    return fig


def margin_cost_chart(customers):
    """Which customers pay off (哪些客户值得优先开发): each customer as a dot, gross margin
    (x) against the cost of serving them (y), coloured by customer type; above the
    diagonal a customer costs more to serve than the margin they bring.

    ``customers`` has one row per customer with ``customer_type`` and the positive
    amounts ``gross_margin`` and ``service_cost`` (same period). FORMULA: none (points at
    (gross_margin, service_cost); diagonal service_cost = gross_margin; log scales).
    SOURCE: course convention; "higher profit potential ... simple service needs" is
    one of the marks of quality customers in the course seed.

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "merchant"], "gross_margin": [800.0, 9000.0],
    ...                   "service_cost": [1000.0, 3000.0]})
    >>> margin_cost_chart(c).axes[0].collections[0].get_offsets().tolist()
    [[800.0, 1000.0]]
    """
    customers = check_columns("customers", customers, ["customer_type", "gross_margin", "service_cost"])
    kinds = customers["customer_type"].astype(str).to_numpy()
    for kind in set(kinds):
        check_choice("customer_type", kind, CUSTOMER_TYPES)
    margin = check_range("gross_margin", customers["gross_margin"].to_numpy(dtype=float), low=0, low_open=True)
    cost = check_range("service_cost", customers["service_cost"].to_numpy(dtype=float), low=0, low_open=True)
    fig, ax = style.figure()
    for kind, colour in zip(CUSTOMER_TYPES, style.PALETTE, strict=False):
        mine = kinds == kind
        if mine.any():
            ax.scatter(margin[mine], cost[mine], s=8, alpha=0.5, color=colour, label=text(f"categories.{kind}"))
    ends = [0.7 * min(margin.min(), cost.min()), 1.4 * max(margin.max(), cost.max())]  # same range on both axes
    ax.plot(ends, ends, color="black", linewidth=1, label=text("charts.customers.margin_line"))
    ax.set(xscale="log", yscale="log", xlim=ends, ylim=ends, title=text("charts.customers.margin_title"))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
        axis.set_minor_formatter(NullFormatter())
    ax.set(xlabel=text("charts.customers.margin_xlabel"), ylabel=text("charts.customers.margin_ylabel"))
    ax.text(0.03, 0.97, text("charts.customers.margin_loss"), transform=ax.transAxes, va="top", fontsize="small")
    ax.legend(loc="lower right", fontsize="x-small", markerscale=2)
    return fig


def expectation_spread_chart(survey):
    """How differently customers rate what they expect (客户期望的差异): for each of the five
    attributes (service, appearance, image, cost, delivery) the share of survey
    respondents giving each expectation rating from 1 to 7.

    ``survey`` has the columns ``expectation_<attribute>`` (ratings 1–7).
    FORMULA: share of rating k for attribute a = (respondents rating a with k) / respondents.
    SOURCE: course convention (course data: survey; attributes from the course seed).

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> s = pd.DataFrame({f"expectation_{a}": [5, 7, 7, 3] for a in
    ...                   ("service", "appearance", "image", "cost", "delivery")})
    >>> fig = expectation_spread_chart(s)
    >>> [float(bar.get_width()) for bar in fig.axes[0].patches[::5]]  # service, ratings 1..7
    [0.0, 0.0, 0.25, 0.0, 0.25, 0.0, 0.5]
    """
    columns = [f"expectation_{name}" for name in TV_ATTRIBUTES]
    survey = check_columns("survey", survey, columns)
    ratings = np.arange(1, 8)
    shares = np.array(
        [
            (check_range(column, survey[column].to_numpy(dtype=float), low=1, high=7)[:, None] == ratings).mean(axis=0)
            for column in columns
        ]
    )  # rows: attributes, columns: ratings 1..7
    rows = np.arange(len(columns))
    colours = colormaps["Blues"](np.linspace(0.12, 0.95, ratings.size))  # light = low, dark = high
    fig, ax = style.figure()
    left = np.zeros(len(columns))
    for k, colour in zip(ratings, colours, strict=True):
        share = shares[:, k - 1]
        bars = ax.barh(rows, share, left=left, color=colour, label=text("charts.customers.points", n=k))
        labels = [f"{s:.0%}" if s >= 0.08 else "" for s in share]
        ax.bar_label(bars, labels, label_type="center", fontsize="x-small", color="white" if k >= 5 else "black")
        left += share
    ax.set_yticks(rows, [text(f"attributes.{name}") for name in TV_ATTRIBUTES])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(xlim=(0, 1), title=text("charts.customers.spread_title"), xlabel=text("charts.customers.spread_xlabel"))
    ax.grid(visible=False)
    fig.legend(loc="outside lower center", ncols=7, fontsize="small")
    return fig


# The TV choice exercise (电视机选择练习) of the course seed: company A's TV at a uniform
# price of 2,800 yuan, company B's at a discounted 2,600 yuan.
TV_ATTRIBUTES = ("service", "appearance", "image", "cost", "delivery")  # as coursekit.complaints.ATTRIBUTES
TV_PRICES = (2800, 2600)  # yuan: A, B (course seed)
# Ratings 1–10 (course convention, our reading of the seed's feature lists). Appearance: A has a
# wooden case; B a rotating screen in black, silver or grey - a matter of taste, A 8 and B 7.
# Image: B comes from a large firm. A's "bright colours, sharp picture" and the channel counts are
# performance, not one of the five attributes. Service and delivery are not in the seed: both start
# equal. The cost rating comes from the price.
TV_RATINGS = {
    "a": {"service": 7, "appearance": 8, "image": 6, "delivery": 7},
    "b": {"service": 7, "appearance": 7, "image": 8, "delivery": 7},
}


def price_rating(prices, yuan_per_point=100, top=10):
    """The price turned into a rating of cost (成本评分), so it can be weighed with the other
    attributes: the cheapest offer gets ``top`` points and every ``yuan_per_point`` yuan
    more costs one point (never below 1).

    FORMULA: rating = max(1, top − (price − min(prices)) / yuan_per_point).
    SOURCE: course convention (a linear value scale for price, as in a weighted scoring table).

    >>> price_rating([2800, 2600]).tolist()
    [8.0, 10.0]
    """
    prices = np.atleast_1d(check_range("prices", prices, low=0, low_open=True))
    yuan_per_point = check_range("yuan_per_point", yuan_per_point, low=0, low_open=True)
    top = check_range("top", top, low=1)
    return np.maximum(1.0, top - (prices - prices.min()) / yuan_per_point)


def choice_scores(ratings_a, ratings_b, weights=None):
    """A weighted scoring table for choosing between two offers A and B (加权评分法): how many
    points each earns on each attribute, and in total.

    ``ratings_a`` and ``ratings_b`` map attribute → rating (1–10); ``weights`` maps the
    same attributes → importance (≥ 0; equal when None).
    FORMULA: shares w_i = weight_i / Σ weight; points_i = w_i × rating_i; overall =
    Σ points_i (a weighted average rating, 1–10). The offer with more overall points is
    preferred; a low rating on one attribute can be made up by others (a compensatory rule).
    SOURCE: the multi-attribute (weighted additive) attitude model, Fishbein (1963), Human
    Relations 16(3); its use in marketing: Wilkie & Pessemier (1973), Journal of Marketing
    Research 10(4). Table layout: course convention.

    Returns a DataFrame indexed by ``attribute`` (plus a row "overall") with the columns
    weight, rating_a, rating_b, points_a, points_b.

    >>> a, b = {"service": 9, "cost": 6}, {"service": 6, "cost": 10}
    >>> choice_scores(a, b, weights={"service": 3, "cost": 1})  # doctest: +NORMALIZE_WHITESPACE
               weight  rating_a  rating_b  points_a  points_b
    attribute
    service      0.75      9.00       6.0      6.75       4.5
    cost         0.25      6.00      10.0      1.50       2.5
    overall      1.00      8.25       7.0      8.25       7.0
    """
    rated_a = check_ratings("ratings_a", ratings_a, low=1, high=10)
    keys = list(rated_a)
    rated_b = check_ratings("ratings_b", ratings_b, keys, reference="ratings_a", low=1, high=10)
    table = pd.DataFrame(
        {
            "weight": weight_shares(weights, keys, reference="ratings_a"),
            "rating_a": [rated_a[k] for k in keys],
            "rating_b": [rated_b[k] for k in keys],
        },
        index=pd.Index(keys, name="attribute"),
    )
    table["points_a"] = table["weight"] * table["rating_a"]
    table["points_b"] = table["weight"] * table["rating_b"]
    overall = table[["points_a", "points_b"]].sum()
    table.loc["overall"] = [1.0, overall["points_a"], overall["points_b"], overall["points_a"], overall["points_b"]]
    return table


def _check_two_prices(prices):
    """Refuse ``prices`` unless it is a pair (price of A, price of B)."""
    if np.ndim(prices) != 1 or np.size(prices) != 2:
        expected = {"expected": Message("charts.customers.expect_two_prices")}
        raise CourseInputError("errors.type", name="prices", value=prices, **expected)


def _overrides(name, given, defaults):
    """``defaults`` (attribute → number) updated with the dict ``given``, keys checked."""
    merged = dict(defaults)
    for key, value in (given or {}).items():
        merged[check_choice(f"{name} key", key, TV_ATTRIBUTES)] = value
    return merged


def tv_choice(weights=None, ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice exercise (电视机选择练习) scored: company A's TV (2,800 yuan) against
    company B's (2,600 yuan) on service, appearance, image, cost and delivery.

    Starts from :data:`TV_RATINGS` (course convention) and equal weights; ``weights``,
    ``ratings_a`` and ``ratings_b`` are dicts that change some attributes, e.g.
    ``ratings_a={"service": 9}``. The cost ratings come from ``prices`` (A, B) by
    :func:`price_rating`. FORMULA and SOURCE: :func:`choice_scores` (Fishbein 1963;
    Wilkie & Pessemier 1973); ratings and price scale: course convention.

    >>> tv_choice().loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [7.2, 7.8]
    >>> tv_choice(ratings_a={"service": 9, "delivery": 9}).loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [8.0, 7.8]
    """
    _check_two_prices(prices)
    cost_a, cost_b = price_rating(prices, yuan_per_point)
    rated_a = _overrides("ratings_a", ratings_a, {**TV_RATINGS["a"], "cost": cost_a})
    rated_b = _overrides("ratings_b", ratings_b, {**TV_RATINGS["b"], "cost": cost_b})
    weighed = _overrides("weights", weights, dict.fromkeys(TV_ATTRIBUTES, 1.0))
    order = list(TV_ATTRIBUTES)
    return choice_scores({k: rated_a[k] for k in order}, {k: rated_b[k] for k in order}, {k: weighed[k] for k in order})


def _tv_figure(prices, make=style.figure):
    """The empty TV-choice figure (made by ``make``): stacked bars for A (top) and B, one
    segment per attribute."""
    fig, ax = make()
    segments = {
        name: ax.barh([0, 1], [0, 0], height=0.55, color=colour, label=text(f"attributes.{name}"))
        for name, colour in zip(TV_ATTRIBUTES, style.PALETTE, strict=False)
    }
    values = {
        name: [ax.text(0, y, "", ha="center", va="center", fontsize="small") for y in (0, 1)] for name in TV_ATTRIBUTES
    }
    for name, colour in zip(TV_ATTRIBUTES, style.PALETTE, strict=False):
        dark = sum(0.3 * c for c in to_rgb(colour)) < 0.4  # white writing on dark colours
        for label in values[name]:
            label.set_color("white" if dark else "black")
    totals = [ax.text(0, y, "", va="center", ha="left", fontsize="medium") for y in (0, 1)]
    names = [text("charts.customers.tv_option", company=c, price=price) for c, price in zip("AB", prices, strict=True)]
    ax.set_yticks([0, 1], names)
    ax.invert_yaxis()
    ax.set(
        xlim=(0, 12.5),
        xticks=range(11),
        title=text("charts.customers.tv_title"),
        xlabel=text("charts.customers.tv_xlabel"),
    )
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", ncols=5)
    return fig, {"ax": ax, "segments": segments, "values": values, "totals": totals}


def _tv_draw(artists, scores):
    """Set the segments and totals of :func:`_tv_figure` to the table of :func:`choice_scores`."""
    left = [0.0, 0.0]
    for name, bars in artists["segments"].items():
        points = scores.loc[name, ["points_a", "points_b"]].tolist()
        for bar, label, start, width in zip(bars, artists["values"][name], left, points, strict=True):
            bar.set_x(start)
            bar.set_width(width)
            label.set_position((start + width / 2, label.get_position()[1]))
            label.set_text(f"{width:.2f}" if width >= 0.45 else "")
        left = [start + width for start, width in zip(left, points, strict=True)]
    a, b = scores.loc["overall", ["points_a", "points_b"]]
    for label, total, other in zip(artists["totals"], (a, b), (b, a), strict=True):
        label.set_x(total + 0.15)
        winner = text("charts.customers.tv_winner") if _wins(total, other) else ""
        label.set_text(text("charts.customers.tv_total", points=total) + winner)


def _wins(points, other):
    """True when ``points`` beats ``other`` by more than rounding noise (7.8 vs 7.800000000000001 is a tie)."""
    return points - other > 1e-9


def tv_choice_chart(scores, prices=TV_PRICES):
    """The TV choice as a picture (电视机选择：加权得分): one stacked bar per company, one
    segment per attribute (length = weight share × rating), total points at the end;
    the longer bar is the TV this customer prefers.

    ``scores`` is the table of :func:`tv_choice` or :func:`choice_scores` (attributes
    service, appearance, image, cost, delivery); ``prices`` (A, B) label the bars.
    FORMULA: segment = points_i = w_i × rating_i; bar length = Σ points_i.
    SOURCE: as :func:`choice_scores`.

    >>> import coursekit
    >>> coursekit.setup()
    >>> fig = tv_choice_chart(tv_choice())
    >>> [round(bar.get_width(), 2) for bar in fig.axes[0].patches][6:8]  # cost: A, B
    [1.6, 2.0]
    """
    scores = check_columns("scores", scores, ["points_a", "points_b"])
    missing = [name for name in (*TV_ATTRIBUTES, "overall") if name not in scores.index]
    if missing:
        raise CourseInputError("charts.customers.keys_error", name="scores", missing=", ".join(missing), extra="-")
    _check_two_prices(prices)
    fig, artists = _tv_figure(prices)
    _tv_draw(artists, scores)
    return fig


def _tv_model(ratings_b, prices, yuan_per_point, ratings_a, **sliders):
    """:func:`tv_choice` for the slider values (weights ``weight_<attribute>``, A's
    ``service_a`` and ``delivery_a``), and B's lead from its lower price."""
    weights = {name: sliders[f"weight_{name}"] for name in TV_ATTRIBUTES}
    rated_a = {**(ratings_a or {}), "service": sliders["service_a"], "delivery": sliders["delivery_a"]}
    scores = tv_choice(weights, rated_a, ratings_b, prices, yuan_per_point)
    cost = scores.loc["cost"]
    return {
        "scores": scores,
        "price_gap": prices[0] - prices[1],
        "cost_weight": cost["weight"],
        "cost_lead": cost["points_b"] - cost["points_a"],
    }


def _tv_draw_result(artists, result):
    _tv_draw(artists, result["scores"])


def _tv_explain(result):
    scores = result["scores"]
    a, b = scores.loc["overall", ["points_a", "points_b"]]
    if _wins(a, b) or _wins(b, a):
        summary = text("charts.customers.tv_summary", a=a, b=b, winner="A" if _wins(a, b) else "B")
    else:
        summary = text("charts.customers.tv_tie", points=a)
    if result["price_gap"] <= 0:
        price = text("charts.customers.tv_price_note_other")
    elif result["cost_weight"] == 0:
        price = text("charts.customers.tv_price_ignored")
    else:
        price = text("charts.customers.tv_price_note", gap=result["price_gap"], lead=result["cost_lead"])
    return f"<p>{summary}<br>{price}</p>"


def tv_choice_simulator(ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice as a what-if (电视机选择模拟器): how important is each attribute to this
    customer, and how good must A's service and delivery be for A to win although B is
    200 yuan cheaper?

    Sliders: the importance (0–10) of service, appearance, image, cost and delivery, and
    company A's service and delivery ratings (1–10). The figure is :func:`tv_choice_chart`
    redrawn in place; the note gives both totals and how many points B's lower price is
    worth. MODEL: :func:`tv_choice` (weighted additive scoring; Fishbein 1963, Wilkie &
    Pessemier 1973). DEFAULTS: :data:`TV_RATINGS`, equal importance 5: course convention.
    All importances 0 cannot be scored: the simulator says so and keeps the last picture.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = tv_choice_simulator()
    >>> round(float(sim.result["scores"].loc["overall", "points_b"]), 2)
    7.8
    >>> sim.controls["service_a"].value = 10  # as a student moves the slider
    >>> round(float(sim.result["scores"].loc["overall", "points_a"]), 2)
    7.8
    """
    tv_choice(None, ratings_a, ratings_b, prices, yuan_per_point)  # checks every argument once, here
    start_a = _overrides("ratings_a", ratings_a, TV_RATINGS["a"])
    controls = {}
    for name in TV_ATTRIBUTES:
        controls[f"weight_{name}"] = slider(f"attributes.{name}", 5, 0, 10, 1, integer=True)
        controls[f"weight_{name}"].description = text(
            "charts.customers.tv_weight", attribute=text(f"attributes.{name}")
        )
    for name in ("service", "delivery"):
        controls[f"{name}_a"] = slider(f"attributes.{name}", start_a[name], 1, 10, 0.5, fmt=".1f")
        controls[f"{name}_a"].description = text("charts.customers.tv_rating_a", attribute=text(f"attributes.{name}"))

    model = partial(_tv_model, ratings_b, tuple(prices), yuan_per_point, ratings_a)
    make_figure = partial(_tv_figure, tuple(prices), new_figure)
    return Simulator(controls, model, make_figure, _tv_draw_result, _tv_explain)
