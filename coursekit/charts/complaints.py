"""Charts of lesson 4, 投诉处理 (complaint handling): satisfaction gap, iceberg, channels, recovery, waits.

Each chart draws the table it is given, from :mod:`coursekit.complaints` (satisfaction_by_gap,
complaint_iceberg, cases_by_channel, repurchase_by_handling, satisfaction_by_wait); the TARP
chart draws published figures. Every chart returns a matplotlib Figure made with
:func:`coursekit.style.figure`.
"""

from textwrap import fill

import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from coursekit import style
from coursekit.complaints import SEVERITIES, TARP_BUY_AGAIN, ZONES
from coursekit.data import RESOLUTIONS
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_no_missing,
    check_range,
    check_single,
    check_table_numbers,
    check_unique,
)
from coursekit.i18n import Message, text


def _lesson4_bar_labels(ax, bars, labels, **kwargs):
    """Write ``labels`` just above (or, for negative bars, below) the ends of ``bars``."""
    for bar, label in zip(bars, labels, strict=True):
        height = bar.get_height()
        ax.annotate(
            label,
            (bar.get_x() + bar.get_width() / 2, height),
            xytext=(0, 3 if height >= 0 else -3),
            textcoords="offset points",
            ha="center",
            va="bottom" if height >= 0 else "top",
            **kwargs,
        )


def satisfaction_by_gap_chart(table):
    """Mean overall satisfaction of survey respondents grouped by their gap (差距 = 实绩 −
    期望), one bar per group, coloured by the group's satisfaction zone, n under each bar's top.

    Parameters:
        table: a table from :func:`coursekit.complaints.satisfaction_by_gap`: index ``gap`` (the group
            centres, numbers); columns ``label``, ``respondents``, ``mean_satisfaction`` (a rating, the
            chart shows 0–7.6) and ``zone`` (``"satisfied"``, ``"neutral"`` or ``"dissatisfied"``).

    >>> import coursekit
    >>> from coursekit.complaints import satisfaction_by_gap
    >>> coursekit.setup()
    >>> fig = satisfaction_by_gap_chart(satisfaction_by_gap([-1.0, -0.9, 0.1, 1.2], [2, 3, 4, 6]))
    >>> [round(float(bar.get_height()), 2) for bar in fig.axes[0].containers[0]]
    [2.5, 4.0, 6.0]
    """
    check_columns("table", table, ["label", "respondents", "mean_satisfaction", "zone"])
    check_table_numbers("table", table, ["respondents"], low=0, whole=True)
    check_table_numbers("table", table, ["mean_satisfaction"], low=1, high=7)
    for zone in dict.fromkeys(table["zone"]):
        check_choice("table['zone']", zone, ZONES)
    for label in check_no_missing("table", "label", table["label"]):
        if not isinstance(label, str):
            expected = Message("errors.expect_text")
            raise CourseInputError("errors.type", name="table['label']", value=label, expected=expected)
    centres = check_range("table.index", list(table.index))
    width = np.diff(centres).min() if len(centres) > 1 else 0.5
    fig, ax = style.figure()
    colours = [style.CATEGORY_COLOURS[zone] for zone in table["zone"]]
    bars = ax.bar(centres, table["mean_satisfaction"], width=0.8 * width, color=colours)
    _lesson4_bar_labels(ax, bars, [f"n={n}" for n in table["respondents"]], fontsize="x-small")
    ax.set_xticks(centres, table["label"].tolist())
    ax.set(
        ylim=(0, 7.6),
        title=text("charts.complaints.gap_title"),
        xlabel=text("charts.complaints.gap_xlabel"),
        ylabel=text("charts.complaints.gap_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    handles = [Patch(color=style.CATEGORY_COLOURS[zone], label=text(f"categories.{zone}")) for zone in ZONES]
    ax.legend(handles=handles, loc="upper left")
    return fig


def complaint_iceberg_chart(iceberg):
    """The complaint iceberg (投诉冰山) as a picture: above the waterline the few
    dissatisfied customers the firm hears from, below it those it does not hear from
    directly (third parties, the silent majority) and how many of the silent quietly leave.

    Bar up = complain_to_firm; bars down = third_party, silent, silent_leave (each bar's
    number is rounded to whole people: the counts are expected values, 平均); the notes give
    hear_bad_wom and the assumption behind silent_leave (every problem of one severity, of
    which only ``silent_buy_again`` of the silent buy again). SOURCE: as complaint_iceberg
    (course seed 4 % / 1 %; TARP 1986 via Albrecht & Zemke 1985; 1970s–80s US survey
    figures, not constants).

    Parameters:
        iceberg: the dict from :func:`coursekit.complaints.complaint_iceberg` for one number of dissatisfied
            customers: keys ``dissatisfied``, ``complain_to_firm``, ``third_party``, ``silent``,
            ``silent_leave``, ``hear_bad_wom`` (each one number of people, ≥ 0; an array is refused) and
            ``silent_buy_again`` (a fraction 0–1).

    >>> import coursekit
    >>> from coursekit.complaints import complaint_iceberg
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in complaint_iceberg_chart(complaint_iceberg(1000)).axes[0].containers[0]]
    [40.0, -10.0, -950.0, -864.5]
    """
    parts = ["dissatisfied", "complain_to_firm", "third_party", "silent", "silent_leave", "hear_bad_wom",
             "silent_buy_again"]
    missing = [part for part in parts if part not in getattr(iceberg, "keys", lambda: ())()]
    if missing:
        raise CourseInputError("errors.columns", name="iceberg", missing=", ".join(missing), required=", ".join(parts))
    ice = {part: check_single(f"iceberg['{part}']", iceberg[part], low=0) for part in parts}
    check_single("iceberg['silent_buy_again']", ice["silent_buy_again"], low=0, high=1)
    heights = [ice["complain_to_firm"], -ice["third_party"], -ice["silent"], -ice["silent_leave"]]
    colours = [style.MAIN, style.COMPARE, style.GREY, style.BAD]
    low = -max(ice["dissatisfied"], 1) * 1.45
    fig, ax = style.figure()
    ax.axhspan(low, 0, color=style.WATER, alpha=0.15, linewidth=0)
    bars = ax.bar(range(4), heights, color=colours)
    # whole people, rounded half up (864.5 → 865, as a student rounds by hand)
    _lesson4_bar_labels(ax, bars, [f"{int(np.floor(abs(height) + 0.5)):,}" for height in heights])
    ax.axhline(0, color=style.WATER, linewidth=2)
    # the two waterline labels sit at the right edge, each on its own side of the line
    ax.text(3.45, 0.03 * -low, text("charts.complaints.iceberg_visible"), ha="right", va="bottom", fontsize="small")
    ax.text(3.45, 0.985 * low, text("charts.complaints.iceberg_hidden"), ha="right", va="bottom", fontsize="small")
    ax.text(
        -0.45,
        0.93 * low,
        text(
            "charts.complaints.iceberg_wom",
            people=ice["hear_bad_wom"],
            share=ice["silent_buy_again"],
        ),
        va="bottom",
        fontsize="small",
    )
    parts = ["firm", "third_party", "silent", "silent_leave"]
    ax.set_xticks(range(4), [text(f"charts.complaints.iceberg_{part}") for part in parts], fontsize="small")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{abs(value):,.0f}"))
    ax.set(
        xlim=(-0.5, 3.5),
        ylim=(low, 0.3 * -low),
        title=text("charts.complaints.iceberg_title", dissatisfied=ice["dissatisfied"]),
        ylabel=text("charts.complaints.iceberg_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    return fig


def cases_by_channel_chart(table):
    """Complaint channels (投诉渠道): how many cases came in by each channel (left) and the median
    hours until the first real response (right).

    Parameters:
        table: a table from :func:`coursekit.complaints.cases_by_channel`: index ``channel`` (codes of
            ``data.CASE_CHANNELS``: ``phone``, ``letter``, ``in_person``, ``online``, ``media``, ``legal``);
            columns ``case_count`` (cases) and ``median_response_hours`` (hours, ≥ 0).

    >>> import coursekit
    >>> from coursekit import complaints, data
    >>> coursekit.setup()
    >>> fig = cases_by_channel_chart(complaints.cases_by_channel(data.service_cases()))
    >>> [round(float(bar.get_width()), 1) for bar in fig.axes[1].containers[0]][:2]
    [5.9, 61.1]
    """
    check_columns("table", table, ["case_count", "median_response_hours"])
    check_table_numbers("table", table, ["case_count"], low=0, whole=True)
    check_table_numbers("table", table, ["median_response_hours"], low=0)
    counts, medians = table["case_count"], table["median_response_hours"]
    fig, (left, right) = style.figure(1, 2)
    right.sharey(left)
    rows = range(len(table))
    count_bars = left.barh(rows, counts.to_numpy(), color=style.MAIN)
    hour_bars = right.barh(rows, medians.to_numpy(), color=style.COMPARE)
    left.bar_label(count_bars, [f"{n:,}" for n in counts], padding=2, fontsize="small")
    right.bar_label(
        hour_bars, [f"{h:.0f}" if n else "" for h, n in zip(medians, counts, strict=True)], padding=2, fontsize="small"
    )
    left.set_yticks(rows, [text(f"categories.{code}") for code in table.index])
    left.invert_yaxis()
    left.set(title=text("charts.complaints.channel_count_title"), xlabel=text("charts.complaints.channel_count_xlabel"))
    right.set(
        title=text("charts.complaints.channel_hours_title"), xlabel=text("charts.complaints.channel_hours_xlabel")
    )
    for ax, values in ((left, counts), (right, medians)):
        ax.set_xlim(0, max(values.max(), 1) * 1.2)
        ax.grid(axis="y", visible=False)
    return fig


def repurchase_by_handling_chart(table):
    """Service recovery in the course data (服务补救): the share of customers who bought again
    within 12 months, by how fully and how fast their case was handled; n = cases per bar.

    Parameters:
        table: a table from :func:`coursekit.complaints.repurchase_by_handling`: columns ``speed``
            (``"fast"`` or ``"slow"``), ``resolution`` (``resolved``, ``partial``, ``unresolved``), ``cases``
            (whole numbers ≥ 0), ``repurchase_rate`` (a fraction 0–1) and ``fast_hours`` (hours, > 0; the
            first row's value labels the legend).

    >>> import coursekit
    >>> from coursekit import complaints, data
    >>> coursekit.setup()
    >>> fig = repurchase_by_handling_chart(complaints.repurchase_by_handling(data.service_cases()))
    >>> [round(float(bar.get_height()), 2) for container in fig.axes[0].containers for bar in container]
    [0.94, 0.82, 0.6, 0.82, 0.72, 0.43]
    """
    check_columns("table", table, ["speed", "resolution", "cases", "repurchase_rate", "fast_hours"])
    check_table_numbers("table", table, ["cases"], low=0, whole=True)
    check_table_numbers("table", table, ["repurchase_rate"], low=0, high=1)
    check_table_numbers("table", table, ["fast_hours"], low=0)
    for column, codes in (("speed", ("fast", "slow")), ("resolution", RESOLUTIONS)):
        for code in dict.fromkeys(check_no_missing("table", column, table[column])):
            check_choice(f"table['{column}']", code, codes)
    check_unique("table", "speed, resolution", table["speed"].astype(str) + " " + table["resolution"].astype(str))
    fast_hours = float(table["fast_hours"].iloc[0])
    resolutions = list(dict.fromkeys(table["resolution"]))
    x = np.arange(len(resolutions))
    fig, ax = style.figure()
    for i, speed in enumerate(("fast", "slow")):
        rows = table[table["speed"] == speed].set_index("resolution").reindex(resolutions)
        heights, counts = rows["repurchase_rate"].fillna(0).to_numpy(), rows["cases"].fillna(0).astype(int)
        label = text(f"charts.complaints.{speed}", hours=fast_hours)
        colour = style.GOOD if speed == "fast" else style.COMPARE
        bars = ax.bar(x + (i - 0.5) * 0.38, heights, width=0.36, color=colour, label=label)
        notes = [f"{h:.0%}\nn={n}" for h, n in zip(heights, counts, strict=True)]
        _lesson4_bar_labels(ax, bars, notes, fontsize="x-small")
    ax.set_xticks(x, [text(f"categories.{code}") for code in resolutions])
    ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(
        ylim=(0, 1.3),
        yticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("charts.complaints.repurchase_title"),
        xlabel=text("columns.resolution"),
        ylabel=text("charts.complaints.repurchase_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right", ncols=2)
    return fig


def tarp_buy_again_chart():
    """The TARP repurchase figures (投诉与再次购买): the share of customers with a problem
    who would buy again, by what happened to their complaint, for major and minor problems.

    FORMULA: none; the bar heights are :data:`coursekit.complaints.TARP_BUY_AGAIN`.
    SOURCE: TARP (1979, 1986) studies for the US Office of Consumer Affairs, as commonly quoted
    from Albrecht & Zemke (1985) Service America!; whether Hart, Heskett & Sasser (1990), Harvard
    Business Review 68(4), print these exact figures is unconfirmed (未能核实). 1970s–80s US
    survey figures, not constants.

    >>> import coursekit
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in tarp_buy_again_chart().axes[0].containers[0]]
    [0.09, 0.19, 0.54, 0.82]
    """
    groups = list(TARP_BUY_AGAIN["major"])
    x = np.arange(len(groups))
    fig, ax = style.figure()
    for i, (severity, colour) in enumerate(zip(SEVERITIES, (style.BAD, style.MAIN), strict=True)):
        heights = [TARP_BUY_AGAIN[severity][group] for group in groups]
        bars = ax.bar(x + (i - 0.5) * 0.38, heights, width=0.36, color=colour, label=text(f"categories.{severity}"))
        _lesson4_bar_labels(ax, bars, [f"{h:.0%}" for h in heights], fontsize="small")
    ax.set_xticks(x, [fill(text(f"columns.{group}"), 16) for group in groups])  # long English labels: 2 lines
    ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    ax.set(
        ylim=(0, 1.2),
        yticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("charts.complaints.tarp_title"),
        ylabel=text("charts.complaints.tarp_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper left")
    return fig


def wait_and_satisfaction_chart(table):
    """Waiting and satisfaction at the hotline (等待与满意): the mean rating of answered calls by
    waiting time, for all agents and for one agent (the No. 77 case), n = the agent's calls.

    Parameters:
        table: a table from :func:`coursekit.complaints.satisfaction_by_wait`: index ``wait_minutes`` (group
            labels such as "0–0.5"); columns ``mean_satisfaction`` and ``agent_satisfaction`` (ratings 1–5),
            ``agent_calls`` (calls, ≥ 0; 0 hides the point) and ``agent`` (the agent id, a whole number; the
            first row's value is shown).

    >>> import coursekit
    >>> from coursekit import complaints, data
    >>> coursekit.setup()
    >>> fig = wait_and_satisfaction_chart(complaints.satisfaction_by_wait(data.call_center()))
    >>> [round(float(y), 2) for y in fig.axes[0].lines[1].get_ydata()]
    [4.95, 4.84, 4.7, 4.36, 3.14]
    """
    check_columns("table", table, ["mean_satisfaction", "agent_satisfaction", "agent_calls", "agent"])
    check_table_numbers("table", table, ["mean_satisfaction"], low=1, high=5)
    check_table_numbers("table", table, ["agent_satisfaction"], low=0, high=5)  # 0: the agent had no call there
    check_table_numbers("table", table, ["agent_calls"], low=0, whole=True)
    check_table_numbers("table", table, ["agent"], low=1, whole=True)
    x = np.arange(len(table))
    fig, ax = style.figure()
    ax.plot(x, table["mean_satisfaction"], "o-", color=style.MAIN, label=text("charts.complaints.all_agents"))
    mine = table["agent_calls"].to_numpy() > 0
    agent = int(table["agent"].iloc[0])
    ax.plot(
        x[mine],
        table["agent_satisfaction"][mine],
        "o-",
        color=style.HIGHLIGHT,
        label=text("charts.complaints.agent", agent=agent),
    )
    for xi, y, n in zip(x[mine], table["agent_satisfaction"][mine], table["agent_calls"][mine], strict=True):
        ax.annotate(f"n={n}", (xi, y), xytext=(0, 8), textcoords="offset points", ha="center", fontsize="x-small")
    ax.set_xticks(x, table.index.tolist())
    ax.set(
        ylim=(1, 5.2),
        title=text("charts.complaints.wait_title"),
        xlabel=text("charts.complaints.wait_xlabel"),
        ylabel=text("charts.complaints.wait_ylabel"),
    )
    ax.legend(loc="lower left")
    return fig
