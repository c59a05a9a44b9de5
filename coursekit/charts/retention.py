"""The charts of lesson 3, 客户保持的经济学 (retention economics); the retention measures
on the course data that they show are in :mod:`coursekit.retention`.

Every chart function returns a matplotlib Figure made with :func:`coursekit.style.figure`
and labelled through :mod:`coursekit.i18n`.
"""

import numpy as np

from coursekit import style
from coursekit.errors import (
    CourseInputError,
    check_columns,
    check_int,
    check_no_missing,
    check_range,
    check_table_numbers,
    check_unique,
)
from coursekit.i18n import Message, category_label, text
from coursekit.retention import REICHHELD_SASSER_1990


def reichheld_sasser_chart(lifts=None):
    """Reichheld & Sasser's exhibit as a bar chart: by how much the net present value of a
    customer rose, industry by industry, when defections fell by 5 percentage points.

    FORMULA: none (draws the published numbers as percentages, largest at the top).
    SOURCE: Reichheld & Sasser (1990), "Zero defections: quality comes to services",
    Harvard Business Review 68(5), exhibit "Reducing defections 5% boosts profits 25% to
    85%" (:data:`coursekit.retention.REICHHELD_SASSER_1990`, the default ``lifts``).

    Parameters:
        lifts: None (the published exhibit) or a non-empty dict industry code → rise in customer value as a
            fraction ≥ 0 (0.85 = +85 %).

    >>> fig = reichheld_sasser_chart()
    >>> [round(bar.get_width()) for bar in fig.axes[0].patches][-2:]
    [75, 85]
    """
    lifts = REICHHELD_SASSER_1990 if lifts is None else lifts
    if not isinstance(lifts, dict) or not lifts or not all(isinstance(code, str) for code in lifts):
        raise CourseInputError(
            "errors.type", name="lifts", value=lifts, expected=Message("charts.retention.expect_industry_dict")
        )
    check_range("lifts", list(lifts.values()), low=0)
    ordered = sorted(lifts.items(), key=lambda item: item[1])  # barh draws from the bottom up
    fig, ax = style.figure()
    bars = ax.barh([category_label(code) for code, _ in ordered], [100 * lift for _, lift in ordered])
    ax.bar_label(bars, fmt="+{:.0f}%", padding=3)
    ax.set(title=text("charts.retention.rs_title"), xlabel=text("charts.retention.rs_xlabel"))
    ax.set_xlim(0, 100 * max(lifts.values()) * 1.15)
    ax.grid(axis="y", visible=False)
    return fig


def cohort_decay_chart(table):
    """How a group of new customers shrinks at constant yearly retention rates, one line per
    rate, with the "half are gone" level marked.

    Parameters:
        table: a table from :func:`coursekit.retention.cohorts`: index the years 0..N (whole numbers); one
            column per retention rate (the column names are the rates, fractions 0–1); values: customers
            left, ≥ 0; at least one row.

    >>> from coursekit.retention import cohorts
    >>> fig = cohort_decay_chart(cohorts([0.8], years=2))
    >>> fig.axes[0].lines[0].get_ydata().round(1).tolist()
    [100.0, 80.0, 64.0]
    """
    check_columns("table", table, [])  # a table with rows
    check_table_numbers("table", table, table.columns, low=0)
    check_range("table.columns", list(table.columns), low=0, high=1)  # the retention rates
    years = check_int("table.index", check_range("table.index", list(table.index), low=0).max(), low=0, high=1000)
    start = float(table.iloc[0].max())
    fig, ax = style.figure()
    for rate in table.columns:
        customers = table[rate]
        label = text("charts.retention.cohort_line", keep=rate, churn=1 - rate)
        (line,) = ax.plot(table.index, customers, marker="o", label=label)
        end = customers.iloc[-1]
        ax.annotate(
            f"{end:,.0f}", (years, end), xytext=(6, 0), textcoords="offset points", va="center", color=line.get_color()
        )
    ax.hlines(
        start / 2,
        0,
        years,
        color=style.REFERENCE,
        linestyle="--",
        linewidth=1,
        label=text("charts.retention.cohort_half"),
    )
    ax.set(
        title=text("charts.retention.cohort_title", start=start, years=years),
        xlabel=text("charts.retention.cohort_xlabel"),
        ylabel=text("charts.retention.cohort_ylabel"),
        ylim=(0, start * 1.05),
        xticks=range(years + 1),
    )
    ax.legend()
    return fig


def retention_by_group_chart(table, by="customer_type"):
    """Observed yearly retention per group as grouped bars: one group of bars per value of
    ``by`` (e.g. customer type), one bar per pair of years, with the seed's "typical"
    20 % churn (80 % retention) as a reference line.

    FORMULA: bar height = retention × 100 from :func:`yearly_retention` (…, by=by).
    SOURCE: course convention; the 20 % line is the seed's "typical" yearly churn.

    Parameters:
        table: a table from :func:`coursekit.retention.yearly_retention` with ``by``: columns ``buy_year`` and
            ``next_year`` (calendar years), the ``by`` column (group codes) and ``retention`` (fractions 0–1,
            no blanks).
        by: the name of the group column of ``table``, e.g. ``"customer_type"`` (the default).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": [2023, 2023], "next_year": [2024, 2024],
    ...                       "customer_type": ["retail", "merchant"], "retention": [0.7, 0.9]})
    >>> [round(bar.get_height()) for bar in retention_by_group_chart(table).axes[0].patches]
    [70, 90]
    """
    check_columns("table", table, ["buy_year", "next_year", by, "retention"])
    check_table_numbers("table", table, ["buy_year", "next_year"], low=1, high=9999, whole=True)
    check_table_numbers("table", table, ["retention"], low=0, high=1)
    check_no_missing("table", by, table[by])
    check_unique("table", f"buy_year, {by}", table["buy_year"].astype(str) + " " + table[by].astype(str))
    groups = list(dict.fromkeys(table[by]))
    pairs = list(dict.fromkeys(zip(table["buy_year"], table["next_year"], strict=True)))
    width = 0.8 / len(pairs)
    fig, ax = style.figure()
    for n, (year, next_year) in enumerate(pairs):
        rows = table[table["buy_year"] == year].set_index(by).reindex(groups)
        x = np.arange(len(groups)) - 0.4 + width * (n + 0.5)
        bars = ax.bar(
            x,
            100 * rows["retention"].to_numpy(dtype=float),
            width,
            label=text("charts.retention.group_pair", year=year, next_year=next_year),
        )
        ax.bar_label(bars, fmt="{:.0f}", fontsize="small")
    ax.axhline(80, color=style.REFERENCE, linestyle="--", linewidth=1, label=text("charts.retention.group_reference"))
    ax.set_xticks(np.arange(len(groups)), [category_label(group) for group in groups])
    ax.set(title=text("charts.retention.group_title"), ylabel=text("charts.retention.group_ylabel"), ylim=(0, 110))
    ax.grid(axis="x", visible=False)
    fig.legend(loc="outside lower center", ncols=3)
    return fig


def profit_lift_chart(table):
    """The Reichheld & Sasser claim made computable: the lift in customer value from a few more
    points of retention, against the current retention, one line per horizon in years, with the
    25–85 % band of the HBR exhibit.

    Parameters:
        table: a table from :func:`coursekit.retention.profit_lift_curves`: columns ``retention``,
            ``improved_retention`` and ``discount`` (fractions 0–1), ``margin_growth`` and ``profit_lift``
            (fractions, 0.25 = +25 %; numbers without blanks) and ``years`` (the horizon, whole numbers ≥ 1).
            The first row's delta, discount and growth label the chart.

    >>> from coursekit.retention import profit_lift_curves
    >>> fig = profit_lift_chart(profit_lift_curves(horizons=[10]))
    >>> x, y = fig.axes[0].lines[0].get_data()
    >>> round(float(x[30])), round(float(y[30]), 1)
    (80, 22.9)
    """
    check_columns(
        "table", table, ["retention", "improved_retention", "discount", "margin_growth", "profit_lift", "years"]
    )
    check_table_numbers("table", table, ["retention", "improved_retention", "discount"], low=0, high=1)
    check_table_numbers("table", table, ["profit_lift", "margin_growth"])
    check_table_numbers("table", table, ["years"], low=1, whole=True)
    first = table.iloc[0]
    delta, discount, growth = (
        first["improved_retention"] - first["retention"],
        first["discount"],
        first["margin_growth"],
    )
    fig, ax = style.figure()
    low, high = min(REICHHELD_SASSER_1990.values()), max(REICHHELD_SASSER_1990.values())
    ax.axhspan(
        100 * low,
        100 * high,
        color=style.REFERENCE,
        alpha=0.15,
        label=text("charts.retention.lift_band", low=low, high=high),
    )
    for years, lift in table.groupby("years", sort=False):  # one line per horizon, as given
        ax.plot(
            100 * lift["retention"], 100 * lift["profit_lift"], label=text("charts.retention.lift_line", years=years)
        )
    ax.set(
        title=text("charts.retention.lift_title", points=round(100 * delta)),
        xlabel=text("charts.retention.lift_xlabel"),
        ylabel=text("charts.retention.lift_ylabel"),
        ylim=(0, 100),
    )
    ax.legend(title=text("charts.retention.lift_legend", discount=discount, growth=growth), loc="upper left")
    return fig


def lapse_by_outcome_chart(table):
    """The share of customers who stopped buying, by the worst outcome of their service
    cases (the x-axis): one bar per outcome of :func:`lapse_by_case_outcome`, group sizes
    under the labels.

    FORMULA: bar height = lapse_rate × 100. SOURCE: course convention.

    Parameters:
        table: a table from :func:`coursekit.retention.lapse_by_case_outcome`: columns ``buy_year`` (a
            calendar year; the first row's is shown), ``worst_outcome`` (``no_case``, ``resolved``, ``partial``
            or ``unresolved``), ``customers`` (whole numbers ≥ 0) and ``lapse_rate`` (fractions 0–1).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": 2024, "worst_outcome": ["no_case", "unresolved"],
    ...                       "customers": [10, 4], "lapsed": [2, 2], "lapse_rate": [0.2, 0.5]})
    >>> [round(bar.get_height()) for bar in lapse_by_outcome_chart(table).axes[0].patches]
    [20, 50]
    """
    check_columns("table", table, ["buy_year", "worst_outcome", "customers", "lapse_rate"])
    check_table_numbers("table", table, ["buy_year"], low=1, high=9999, whole=True)
    check_no_missing("table", "worst_outcome", table["worst_outcome"])
    check_table_numbers("table", table, ["customers"], low=0, whole=True)
    check_table_numbers("table", table, ["lapse_rate"], low=0, high=1)
    outcomes = [str(outcome) for outcome in table["worst_outcome"]]
    ticks = [
        text("charts.retention.lapse_tick", outcome=category_label(outcome), n=n)
        for outcome, n in zip(outcomes, table["customers"], strict=True)
    ]
    fig, ax = style.figure()
    bars = ax.bar(
        ticks,
        100 * table["lapse_rate"].to_numpy(dtype=float),
        color=[style.CATEGORY_COLOURS.get(outcome, style.MAIN) for outcome in outcomes],
    )
    ax.bar_label(bars, fmt="{:.0f}%")
    year = int(table["buy_year"].iloc[0])
    ax.set(
        title=text("charts.retention.lapse_title", year=year, next_year=year + 1),
        xlabel=text("charts.retention.lapse_xlabel"),
        ylabel=text("charts.retention.lapse_ylabel"),
    )
    ax.set_ylim(0, max(100 * table["lapse_rate"].max() * 1.2, 10))
    ax.grid(axis="x", visible=False)
    return fig
