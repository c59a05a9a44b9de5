"""Charts of lesson 1, 谁是我们的客户 (who the customer is).

Each chart draws the table it is given; the tables come from :mod:`coursekit.customer_base`
(``calls_by_hour``, ``customer_mix``, ``expectation_spread``, ``tv_choice``). Every chart
returns a matplotlib Figure made with :func:`coursekit.style.figure`, labelled from the
catalog ``messages/charts/customers.toml``.
"""

from itertools import cycle

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_rgb
from matplotlib.ticker import FuncFormatter, NullFormatter, PercentFormatter

from coursekit import style
from coursekit.customer_base import TV_PRICES, check_two_prices
from coursekit.data import ATTRIBUTES, CUSTOMER_TYPES
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_key,
    check_no_missing,
    check_number_column,
    check_range,
    check_table_numbers,
    check_unique,
)
from coursekit.i18n import category_label, has_text, text


def wait_by_hour_chart(table):
    """Waiting and calls at the customer hotline by hour of the day (客服热线各时段的等待时间与
    来电量), lesson 1's No. 77 case: when are the waits long, and is that when most calls come?

    Bars: mean wait per hour; dashed line: mean wait of all calls (``mean_wait_seconds −
    wait_above_mean``); dotted line (right axis): calls per day.

    Parameters:
        table: a table from :func:`coursekit.customer_base.calls_by_hour`: index ``hour`` (0–23); columns
            ``mean_wait_seconds`` (seconds), ``calls_per_day`` (calls) and ``wait_above_mean`` (seconds).

    >>> import coursekit
    >>> from coursekit import customer_base, data
    >>> coursekit.setup()
    >>> fig = wait_by_hour_chart(customer_base.calls_by_hour(data.call_center()))
    >>> [round(bar.get_height()) for bar in fig.axes[0].patches][2:4]  # 10:00 and 11:00
    [151, 152]
    """
    table = check_columns("table", table, ["mean_wait_seconds", "calls_per_day", "wait_above_mean"])
    check_table_numbers("table", table, ["mean_wait_seconds", "calls_per_day"], low=0)
    check_table_numbers("table", table, ["wait_above_mean"])
    overall = float((table["mean_wait_seconds"] - table["wait_above_mean"]).iloc[0])
    fig, ax = style.figure()
    bars = ax.bar(
        table.index,
        table["mean_wait_seconds"].to_numpy(),
        color=style.MAIN,
        label=text("charts.customers.wait_bars"),
    )
    mean = ax.axhline(overall, color="black", linestyle="--", linewidth=1, label=text("charts.customers.wait_mean"))
    ax.set_xticks(table.index)
    ax.set(
        title=text("charts.customers.wait_title"),
        xlabel=text("columns.hour"),
        ylabel=text("charts.customers.wait_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    volume = ax.twinx()  # calls per day on a second axis (right)
    (line,) = volume.plot(
        table.index,
        table["calls_per_day"].to_numpy(),
        color=style.COMPARE,
        marker="o",
        label=text("charts.customers.calls_line"),
    )
    volume.spines["right"].set_visible(True)
    volume.set(ylim=(0, 1.15 * table["calls_per_day"].max()), ylabel=text("charts.customers.calls_ylabel"))
    volume.yaxis.label.set_color(style.COMPARE)
    volume.grid(visible=False)
    fig.legend(handles=[bars, line, mean], loc="outside lower center", ncols=3)
    return fig


def customer_mix_chart(table):
    """Who the customers are and where the revenue comes from (客户构成与收入来源): each
    group's share of all customers next to its share of all revenue, as paired bars.

    Parameters:
        table: a table from :func:`coursekit.customer_base.customer_mix`: index the group codes, named after
            the grouping column (e.g. ``customer_type``); columns ``customer_share`` and ``revenue_share``,
            fractions 0–1.

    >>> import coursekit, pandas as pd
    >>> from coursekit.customer_base import customer_mix
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "retail", "retail", "merchant"],
    ...                   "revenue": [100.0, 50.0, 50.0, 800.0]})
    >>> [float(bar.get_width()) for bar in customer_mix_chart(customer_mix(c)).axes[0].patches]  # merchant, retail
    [0.25, 0.75, 0.8, 0.2]
    """
    table = check_columns("table", table, ["customer_share", "revenue_share"])
    shares = {
        column: check_number_column("table", column, table[column], low=0, high=1).to_numpy()
        for column in ("customer_share", "revenue_share")
    }
    by = table.index.name
    rows = np.arange(len(table))
    fig, ax = style.figure()
    for offset, (column, share), colour in zip((-0.2, 0.2), shares.items(), style.PALETTE, strict=False):
        bars = ax.barh(rows + offset, share, height=0.38, color=colour, label=text(f"columns.{column}"))
        ax.bar_label(bars, [f"{value:.0%}" for value in share], padding=2, fontsize="small")
    ax.set_yticks(rows, [str(category_label(code)) for code in table.index])
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

    Parameters:
        customers: a customer table with ``customer_type`` (``retail``, ``merchant``, ``distributor``,
            ``franchisee`` or ``internal``), ``gross_margin`` and ``service_cost`` (yuan over the same
            period, each > 0).

    >>> import coursekit, pandas as pd
    >>> coursekit.setup()
    >>> c = pd.DataFrame({"customer_type": ["retail", "merchant"], "gross_margin": [800.0, 9000.0],
    ...                   "service_cost": [1000.0, 3000.0]})
    >>> margin_cost_chart(c).axes[0].collections[0].get_offsets().tolist()
    [[800.0, 1000.0]]
    """
    customers = check_columns("customers", customers, ["customer_type", "gross_margin", "service_cost"])
    check_key("customers", customers, "customer_id")
    kinds = check_no_missing("customers", "customer_type", customers["customer_type"]).astype(str).to_numpy()
    for kind in sorted(set(kinds)):
        check_choice("customers['customer_type']", kind, CUSTOMER_TYPES)
    margin, cost = (  # log scales: each amount > 0
        check_range(f"customers['{column}']", check_number_column("customers", column, customers[column]).to_numpy(),
                    low=0, low_open=True)
        for column in ("gross_margin", "service_cost")
    )
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


def expectation_spread_chart(table):
    """How differently customers rate what they expect (客户期望的差异): one stacked bar per
    attribute, one segment per expectation rating 1–7 (its share of respondents).

    Parameters:
        table: a table from :func:`coursekit.customer_base.expectation_spread`: rows (index) for the five
            attributes ``service``, ``appearance``, ``image``, ``cost`` and ``delivery``; one column per
            rating 1..7; values: shares of respondents, fractions 0–1.

    >>> import coursekit, pandas as pd
    >>> from coursekit.customer_base import expectation_spread
    >>> coursekit.setup()
    >>> s = pd.DataFrame({f"expectation_{a}": [5, 7, 7, 3] for a in ATTRIBUTES})
    >>> fig = expectation_spread_chart(expectation_spread(s))
    >>> [float(bar.get_width()) for bar in fig.axes[0].patches[::5]]  # service, ratings 1..7
    [0.0, 0.0, 0.25, 0.0, 0.25, 0.0, 0.5]
    """
    check_columns("table", table, [])
    if not set(ATTRIBUTES) <= set(table.index):
        raise CourseInputError("charts.customers.keys_error", name="table", missing=", ".join(ATTRIBUTES), extra="-")
    check_unique("table", "index", table.index.to_series())  # one row per attribute
    shares = check_table_numbers("table", table.loc[list(ATTRIBUTES)], table.columns, low=0, high=1).to_numpy(float)
    ratings = np.asarray(table.columns)
    rows = np.arange(len(ATTRIBUTES))
    colours = colormaps["Blues"](np.linspace(0.12, 0.95, ratings.size))  # light = low, dark = high
    fig, ax = style.figure()
    left = np.zeros(len(ATTRIBUTES))
    for i, (k, colour) in enumerate(zip(ratings, colours, strict=True)):
        share = shares[:, i]
        bars = ax.barh(rows, share, left=left, color=colour, label=text("charts.customers.points", n=k))
        labels = [f"{s:.0%}" if s >= 0.08 else "" for s in share]
        ax.bar_label(bars, labels, label_type="center", fontsize="x-small", color="white" if k >= 5 else "black")
        left += share
    ax.set_yticks(rows, [text(f"attributes.{name}") for name in ATTRIBUTES])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(xlim=(0, 1), title=text("charts.customers.spread_title"), xlabel=text("charts.customers.spread_xlabel"))
    ax.grid(visible=False)
    fig.legend(loc="outside lower center", ncols=7, fontsize="small")
    return fig


def tv_choice_figure(prices=TV_PRICES, make=style.figure, attributes=ATTRIBUTES):
    """The empty TV-choice figure (made by ``make``) and its artists: stacked bars for A (top)
    and B, one segment per attribute; :func:`draw_tv_choice` sets them to a scores table.

    Parameters:
        prices: the two prices in yuan (A, B), shown in the bar labels; not checked here
            (:func:`tv_choice_chart` checks that it is a pair).
        make: a function that returns a new ``(fig, ax)`` pair: :func:`coursekit.style.figure` (a lesson's
            chart) or :func:`coursekit.sims.base.new_figure` (a simulator's).
        attributes: the attributes drawn, in order: the five, plus any added to the scores (e.g. "performance").
    """
    fig, ax = make()
    segments = {
        name: ax.barh([0, 1], [0, 0], height=0.55, color=colour, label=attribute_label(name))
        for name, colour in zip(attributes, cycle(style.PALETTE))
    }
    values = {
        name: [ax.text(0, y, "", ha="center", va="center", fontsize="small") for y in (0, 1)] for name in attributes
    }
    for name, colour in zip(attributes, cycle(style.PALETTE)):
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
    fig.legend(loc="outside lower center", ncols=min(len(attributes), 6))
    return fig, {"ax": ax, "segments": segments, "values": values, "totals": totals}


def attribute_label(name):
    """The label of attribute ``name`` in the current language; an attribute a student added without
    a catalog entry is shown by its own name.

    Parameters:
        name: the attribute, e.g. ``"service"`` or ``"performance"``.

    >>> import coursekit
    >>> coursekit.setup()
    >>> attribute_label("performance"), attribute_label("channels")
    ('性能', 'channels')
    """
    return text(f"attributes.{name}") if has_text(f"attributes.{name}") else str(name)


def draw_tv_choice(artists, scores):
    """Set the segments and totals of :func:`tv_choice_figure` to ``scores``, the table of
    :func:`coursekit.customer_base.choice_scores` / :func:`~coursekit.customer_base.tv_choice`.

    Parameters:
        artists: the dict of artists returned by :func:`tv_choice_figure` (keys ``ax``, ``segments``,
            ``values``, ``totals``).
        scores: a scores table with rows for all five attributes (service, appearance, image, cost,
            delivery) and ``"overall"``, and columns ``points_a`` and ``points_b`` (points, 0–10); not checked
            here (:func:`tv_choice_chart` checks it).
    """
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
        winner = text("charts.customers.tv_winner") if wins(total, other) else ""
        label.set_text(text("charts.customers.tv_total", points=total) + winner)


def wins(points, other):
    """True when ``points`` beats ``other`` by more than rounding noise (7.8 vs 7.800000000000001 is a tie).

    Parameters:
        points, other: the two overall scores compared, numbers (points).
    """
    return points - other > 1e-9


def tv_choice_chart(scores, prices=TV_PRICES):
    """The TV choice as a picture (电视机选择：加权得分): one stacked bar per company, one
    segment per attribute (length = weight share × rating), total points at the end;
    the longer bar is the TV this customer prefers.

    FORMULA: segment = points_i = w_i × rating_i; bar length = Σ points_i.
    SOURCE: as :func:`coursekit.customer_base.choice_scores`.

    Parameters:
        scores: a table from :func:`coursekit.customer_base.tv_choice` or ``choice_scores``: columns ``points_a``
            and ``points_b``; rows for all five attributes (service, appearance, image, cost, delivery) and
            ``"overall"``, and for any attribute added to them (a sixth, e.g. ``"performance"``, drawn after the five).
        prices: the two prices in yuan (A, B) that label the bars; a pair, each > 0.

    >>> import coursekit
    >>> from coursekit.customer_base import tv_choice
    >>> coursekit.setup()
    >>> fig = tv_choice_chart(tv_choice())
    >>> [round(bar.get_width(), 2) for bar in fig.axes[0].patches][6:8]  # cost: A, B
    [1.6, 2.0]
    """
    scores = check_columns("scores", scores, ["points_a", "points_b"])
    missing = [name for name in (*ATTRIBUTES, "overall") if name not in scores.index]
    if missing:
        raise CourseInputError("charts.customers.keys_error", name="scores", missing=", ".join(missing), extra="-")
    check_unique("scores", "index", scores.index.to_series())  # one row per attribute
    check_table_numbers("scores", scores, ["points_a", "points_b"], low=0, high=10)
    check_two_prices(prices)
    added = [name for name in scores.index if name not in (*ATTRIBUTES, "overall")]
    fig, artists = tv_choice_figure(prices, attributes=(*ATTRIBUTES, *added))
    draw_tv_choice(artists, scores)
    return fig
