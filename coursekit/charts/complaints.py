"""Charts of lesson 4, 投诉处理 (complaint handling): satisfaction gap, iceberg, channels, recovery, waits.

Every chart function returns a matplotlib Figure made with :func:`coursekit.style.figure`
and labelled through :mod:`coursekit.i18n`.
"""

from itertools import pairwise
from textwrap import fill

import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from coursekit import style
from coursekit.complaints import SEVERITIES, TARP_BUY_AGAIN, ZONES, complaint_iceberg
from coursekit.complaints import satisfaction as zone_of
from coursekit.data import CASE_CHANNELS, RESOLUTIONS
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_int,
    check_number,
    check_range,
    check_single,
)
from coursekit.i18n import text


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


# Colours of the satisfaction zones (Okabe & Ito palette, as in coursekit.sims.complaints).
SATISFACTION_COLOURS = {"satisfied": "#009E73", "neutral": "#8C8C8C", "dissatisfied": "#D55E00"}
WAIT_EDGES_MINUTES = (0, 0.5, 1, 2, 4)  # wait bins of the call-centre chart (minutes); the last bin is open


def _lesson4_group_means(group, values, size):
    """(groups 0..size-1 that have values, the mean of ``values`` in each, how many values each has)."""
    counts = np.bincount(group, minlength=size)
    totals = np.bincount(group, weights=values, minlength=size)
    seen = np.flatnonzero(counts)
    return seen, totals[seen] / counts[seen], counts[seen]


def _lesson4_known_codes(name, values, allowed):
    """Refuse the first value of ``values`` (a column) that is not one of the codes ``allowed``."""
    for value in sorted(set(values.dropna().astype(str)) - set(allowed)):
        check_choice(name, value, allowed)


def satisfaction_by_gap(gap, satisfaction, tolerance=0.5, width=0.5, limit=2.0):
    """Mean overall satisfaction of survey respondents grouped by their gap
    (差距 = 实际绩效 − 期望): the data check of the expectation–disconfirmation model.

    FORMULA: each respondent's gap is clipped to [−limit, limit] and rounded to the
    nearest multiple of ``width``; bar height = mean ``satisfaction`` of the group;
    colour = zone of the group's gap (:func:`coursekit.complaints.satisfaction`:
    gap > tolerance satisfied, gap < −tolerance dissatisfied, else neutral);
    n = respondents in the group. SOURCE: Oliver (1980), Journal of Marketing Research
    17(4); the grouping: course convention.

    >>> import coursekit
    >>> coursekit.setup()
    >>> fig = satisfaction_by_gap([-1.0, -0.9, 0.1, 1.2], [2, 3, 4, 6])
    >>> [round(float(bar.get_height()), 2) for bar in fig.axes[0].containers[0]]
    [2.5, 4.0, 6.0]
    """
    gap = np.atleast_1d(check_number("gap", gap))
    satisfaction = np.atleast_1d(check_number("satisfaction", satisfaction))
    if gap.ndim != 1 or gap.shape != satisfaction.shape or gap.size == 0:
        raise CourseInputError(
            "charts.complaints.same_length_error", a="gap", b="satisfaction", n_a=gap.size, n_b=satisfaction.size
        )
    tolerance = check_range("tolerance", tolerance, low=0)
    width = check_range("width", width, low=0, low_open=True)
    limit = check_range("limit", limit, low=width)
    steps = int(np.floor(limit / width + 1e-9))
    centres = width * np.arange(-steps, steps + 1)
    group = np.rint((np.clip(gap, centres[0], centres[-1]) - centres[0]) / width).astype(int)
    seen, means, counts = _lesson4_group_means(group, satisfaction, centres.size)
    zones = np.atleast_1d(zone_of(0, centres[seen], tolerance))
    fig, ax = style.figure()
    colours = [SATISFACTION_COLOURS[zone] for zone in zones]
    bars = ax.bar(centres[seen], means, width=0.8 * width, color=colours)
    _lesson4_bar_labels(ax, bars, [f"n={n}" for n in counts], fontsize="x-small")
    ticks = [f"{centre:g}" for centre in centres]
    ticks[0], ticks[-1] = f"≤{centres[0]:g}", f"≥{centres[-1]:g}"
    ax.set_xticks(centres, ticks)
    ax.set(
        ylim=(0, 7.6),
        title=text("charts.complaints.gap_title"),
        xlabel=text("charts.complaints.gap_xlabel"),
        ylabel=text("charts.complaints.gap_ylabel"),
    )
    ax.grid(axis="x", visible=False)
    handles = [Patch(color=SATISFACTION_COLOURS[zone], label=text(f"categories.{zone}")) for zone in ZONES]
    ax.legend(handles=handles, loc="upper left")
    return fig


def complaint_iceberg_chart(dissatisfied=1000, complain_share=0.04, third_party_share=0.01, severity="major"):
    """The complaint iceberg (投诉冰山) as a picture: above the waterline the few
    dissatisfied customers the firm hears from, below it the silent majority and how
    many of them quietly leave.

    FORMULA: the numbers of :func:`coursekit.complaints.complaint_iceberg` (same
    arguments): bars up = complain_to_firm, third_party; bars down = silent, silent_leave;
    the note gives hear_bad_wom. SOURCE: as complaint_iceberg (course seed 4 % / 1 %;
    TARP 1986 via Albrecht & Zemke 1985; 1970s–80s US survey figures, not constants).

    >>> import coursekit
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in complaint_iceberg_chart(1000).axes[0].containers[0]]
    [40.0, 10.0, -950.0, -864.5]
    """
    check_single("dissatisfied", dissatisfied)
    ice = complaint_iceberg(dissatisfied, complain_share, third_party_share, severity=severity)
    heights = [ice["complain_to_firm"], ice["third_party"], -ice["silent"], -ice["silent_leave"]]
    colours = [style.PALETTE[0], style.PALETTE[0], "#8C8C8C", style.PALETTE[3]]
    low = -max(ice["dissatisfied"], 1) * 1.2
    fig, ax = style.figure()
    ax.axhspan(low, 0, color=style.PALETTE[5], alpha=0.15, linewidth=0)
    bars = ax.bar(range(4), heights, color=colours)
    _lesson4_bar_labels(ax, bars, [f"{abs(height):,.4g}" for height in heights])
    ax.axhline(0, color=style.PALETTE[5], linewidth=2)
    ax.text(3.45, 0.03 * -low, text("charts.complaints.iceberg_visible"), ha="right", va="bottom", fontsize="small")
    ax.text(-0.45, 0.03 * low, text("charts.complaints.iceberg_hidden"), ha="left", va="top", fontsize="small")
    ax.text(
        -0.45,
        0.55 * low,
        text("charts.complaints.iceberg_wom", people=ice["hear_bad_wom"]),
        va="center",
        fontsize="medium",
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


def cases_by_channel(cases):
    """Complaint channels (投诉渠道): how many cases came in by each channel (left) and
    the median hours until the first real response (right), channels in the order of
    :data:`coursekit.data.CASE_CHANNELS`.

    FORMULA: number of rows per ``channel``; median ``response_hours`` per channel.
    SOURCE: course convention (the channels of the course seed: phone, letter, in person,
    media, legal; plus online).

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = cases_by_channel(data.service_cases())
    >>> [round(float(bar.get_width()), 1) for bar in fig.axes[1].containers[0]][:2]
    [5.9, 61.1]
    """
    cases = check_columns("cases", cases, ["channel", "response_hours"])
    _lesson4_known_codes("channel", cases["channel"], CASE_CHANNELS)
    hours = check_range("response_hours", cases["response_hours"].to_numpy(dtype=float), low=0)
    grouped = pd.Series(hours, index=cases["channel"].astype(str).to_numpy()).groupby(level=0)
    counts = grouped.size().reindex(CASE_CHANNELS, fill_value=0)
    medians = grouped.median().reindex(CASE_CHANNELS)
    fig, (left, right) = style.figure(1, 2)
    right.sharey(left)
    rows = range(len(CASE_CHANNELS))
    count_bars = left.barh(rows, counts.to_numpy(), color=style.PALETTE[0])
    hour_bars = right.barh(rows, medians.fillna(0).to_numpy(), color=style.PALETTE[1])
    left.bar_label(count_bars, [f"{n:,}" for n in counts], padding=2, fontsize="small")
    right.bar_label(hour_bars, ["" if pd.isna(h) else f"{h:.0f}" for h in medians], padding=2, fontsize="small")
    left.set_yticks(rows, [text(f"categories.{code}") for code in CASE_CHANNELS])
    left.invert_yaxis()
    left.set(title=text("charts.complaints.channel_count_title"), xlabel=text("charts.complaints.channel_count_xlabel"))
    right.set(
        title=text("charts.complaints.channel_hours_title"), xlabel=text("charts.complaints.channel_hours_xlabel")
    )
    for ax, values in ((left, counts), (right, medians.fillna(0))):
        ax.set_xlim(0, max(values.max(), 1) * 1.2)
        ax.grid(axis="y", visible=False)
    return fig


def repurchase_by_handling(cases, fast_hours=24):
    """Service recovery in the course data (服务补救): the share of customers who bought
    again within 12 months, by how fully (resolved / partial / unresolved) and how fast
    (first response within ``fast_hours`` or later) their case was handled.

    FORMULA: mean of ``repurchased_12m`` per (response_hours ≤ fast_hours, resolution);
    n = cases per bar. SOURCE: course convention. The course data are synthetic, built
    to follow TARP-like patterns (TARP 1979/1986; Hart, Heskett & Sasser 1990): the
    chart illustrates the pattern, it is not evidence for it.

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = repurchase_by_handling(data.service_cases())
    >>> [round(float(bar.get_height()), 2) for container in fig.axes[0].containers for bar in container]
    [0.94, 0.82, 0.6, 0.82, 0.72, 0.43]
    """
    cases = check_columns("cases", cases, ["resolution", "response_hours", "repurchased_12m"])
    _lesson4_known_codes("resolution", cases["resolution"], RESOLUTIONS)
    fast_hours = check_range("fast_hours", fast_hours, low=0, low_open=True)
    hours = check_range("response_hours", cases["response_hours"].to_numpy(dtype=float), low=0)
    bought = check_range("repurchased_12m", cases["repurchased_12m"].to_numpy(dtype=float), low=0, high=1)
    keys = pd.MultiIndex.from_arrays([hours <= fast_hours, cases["resolution"].astype(str).to_numpy()])
    grouped = pd.Series(bought, index=keys).groupby(level=[0, 1])
    order = pd.MultiIndex.from_product([[True, False], RESOLUTIONS])
    rates, counts = grouped.mean().reindex(order), grouped.size().reindex(order, fill_value=0)
    x = np.arange(len(RESOLUTIONS))
    fig, ax = style.figure()
    for i, fast in enumerate((True, False)):
        heights = rates.loc[fast].fillna(0).to_numpy()
        label = text("charts.complaints.fast" if fast else "charts.complaints.slow", hours=fast_hours)
        colour = style.PALETTE[2] if fast else style.PALETTE[1]
        bars = ax.bar(x + (i - 0.5) * 0.38, heights, width=0.36, color=colour, label=label)
        notes = [f"{h:.0%}\nn={n}" for h, n in zip(heights, counts.loc[fast], strict=True)]
        _lesson4_bar_labels(ax, bars, notes, fontsize="x-small")
    ax.set_xticks(x, [text(f"categories.{code}") for code in RESOLUTIONS])
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
    SOURCE: TARP (1979, 1986) studies for the US Office of Consumer Affairs, as quoted by
    Albrecht & Zemke (1985) Service America! and Hart, Heskett & Sasser (1990), Harvard
    Business Review 68(4). 1970s–80s US survey figures, not constants.

    >>> import coursekit
    >>> coursekit.setup()
    >>> [float(bar.get_height()) for bar in tarp_buy_again_chart().axes[0].containers[0]]
    [0.09, 0.19, 0.54, 0.82]
    """
    groups = list(TARP_BUY_AGAIN["major"])
    x = np.arange(len(groups))
    fig, ax = style.figure()
    for i, (severity, colour) in enumerate(zip(SEVERITIES, (style.PALETTE[3], style.PALETTE[0]), strict=True)):
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


def wait_and_satisfaction(calls, agent=77):
    """Waiting and satisfaction at the hotline (等待与满意): the mean rating of answered
    calls by waiting time, for all agents and for one agent (the No. 77 case).

    FORMULA: answered calls (abandoned = 0) are grouped by wait_seconds / 60 into the
    minute bins of :data:`WAIT_EDGES_MINUTES` (each bin includes its lower edge; the last
    is open-ended); point height = mean ``satisfaction`` of the bin; n = the agent's calls in
    the bin (few calls: an uncertain mean). SOURCE: course convention.

    >>> import coursekit
    >>> from coursekit import data
    >>> coursekit.setup()
    >>> fig = wait_and_satisfaction(data.call_center())
    >>> [round(float(y), 2) for y in fig.axes[0].lines[1].get_ydata()]
    [4.95, 4.84, 4.7, 4.36, 3.14]
    """
    calls = check_columns("calls", calls, ["wait_seconds", "abandoned", "agent_id", "satisfaction"])
    agent = check_int("agent", agent, low=1)
    answered = calls[calls["abandoned"] == 0]
    wait = check_range("wait_seconds", answered["wait_seconds"].to_numpy(dtype=float, na_value=np.nan), low=0)
    rating = check_range("satisfaction", answered["satisfaction"].to_numpy(dtype=float, na_value=np.nan), 1, 5)
    rating = np.atleast_1d(rating)
    agents = check_range("agent_id", answered["agent_id"].to_numpy(dtype=float, na_value=np.nan), low=1)
    check_choice("agent", agent, sorted(set(agents.astype(int).tolist())))
    edges = np.array(WAIT_EDGES_MINUTES, dtype=float)
    group = np.searchsorted(edges, np.atleast_1d(wait) / 60, side="right") - 1
    labels = [f"{low:g}–{high:g}" for low, high in pairwise(edges)] + [f"≥{edges[-1]:g}"]
    fig, ax = style.figure()
    bins, means, _ = _lesson4_group_means(group, rating, edges.size)
    ax.plot(bins, means, "o-", color=style.PALETTE[0], label=text("charts.complaints.all_agents"))
    bins, means, counts = _lesson4_group_means(group[agents == agent], rating[agents == agent], edges.size)
    ax.plot(bins, means, "o-", color=style.PALETTE[3], label=text("charts.complaints.agent", agent=agent))
    for x, y, n in zip(bins, means, counts, strict=True):
        ax.annotate(f"n={n}", (x, y), xytext=(0, 8), textcoords="offset points", ha="center", fontsize="x-small")
    ax.set_xticks(np.arange(edges.size), labels)
    ax.set(
        ylim=(1, 5.2),
        title=text("charts.complaints.wait_title"),
        xlabel=text("charts.complaints.wait_xlabel"),
        ylabel=text("charts.complaints.wait_ylabel"),
    )
    ax.legend(loc="lower left")
    return fig
