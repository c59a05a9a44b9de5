"""Simulators of lesson 4 (投诉处理、期望与满意): move a slider, see what it does.

- :func:`complaint_response_simulator`: how fast and how well complaints are
  handled decides how many complainers stay, and what the silent customers
  behind them (the complaint iceberg, 投诉冰山) cost;
- :func:`expectation_simulator`: expectation versus performance, attribute by
  attribute, with the zone of tolerance (期望与满意);
- :func:`overpromise_simulator`: why promising more than you deliver backfires
  (过度承诺).

Every number they show comes from :mod:`coursekit.complaints`; each simulator
is a pure ``model`` plus a ``draw`` that updates a figure made once, and an
``explain`` that writes the key numbers (see :mod:`coursekit.sims.base`).
"""

from functools import partial

import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from coursekit import style
from coursekit.complaints import (
    SEVERITIES,
    TARP_BUY_AGAIN,
    ZONES,
    attribute_satisfaction,
    complaint_outcome,
    overpromise,
    stay_probability,
)
from coursekit.data import ATTRIBUTES
from coursekit.errors import CourseInputError, check_choice, check_int, check_single
from coursekit.i18n import Message, text
from coursekit.sims.base import Simulator, as_shown, fixed_layout, new_figure, percent_slider, sized, slider

STAY, LEAVE, CURVE = style.GOOD, style.BAD, style.MAIN


# --- 5. complaint response (投诉处理) --------------------------------------------------------

DELAYS = np.arange(0, 31)  # response times on the curve's x-axis: the slider's range, in days
SHARE_STEP = 0.01  # the complain-share slider's step: its lowest position that can be computed


def _complaint_model(dissatisfied, response_days, resolution, apology, severity, value_per_customer, complain_share):
    """The numbers of :func:`~coursekit.complaints.complaint_outcome` for ``dissatisfied``
    customers of whom ``complain_share`` complain (the number of dissatisfied customers stays
    fixed when the share moves), plus the stay probability now and along the curve of
    response times."""
    outcome = complaint_outcome(
        dissatisfied * complain_share,
        resolution,
        response_days,
        value_per_customer,
        severity=severity,
        complain_share=complain_share,
        apology=apology,
    )
    return {
        **outcome,
        "dissatisfied": dissatisfied,
        "complain_share": complain_share,
        "silent_per_complainer": outcome["noncomplainers"] / outcome["complainers"],
        "response_days": response_days,
        "stay_probability": stay_probability(resolution, response_days, severity, apology=apology),
        "silent_stay_probability": TARP_BUY_AGAIN[severity]["did_not_complain"],
        "delays": DELAYS,
        "curve": stay_probability(resolution, DELAYS, severity, apology=apology),
    }


def _complaint_figure():
    fig, (bars_ax, curve_ax) = new_figure(1, 2)
    rows = [0, 1]  # complained, stayed silent
    stay = bars_ax.barh(rows, [0, 0], color=STAY, label=text("columns.stay"))
    leave = bars_ax.barh(rows, [0, 0], color=LEAVE, label=text("columns.leave"))
    # head counts written on the bars: (stay, leave) for each row
    counts = [[bars_ax.text(0, row, "", ha="center", va="center", color="white") for _ in range(2)] for row in rows]
    bars_ax.set(
        yticks=rows,
        yticklabels=[text("sims.complaints.complaint_row_complained"), text("sims.complaints.complaint_row_silent")],
        xlim=(0, 1),
        xticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("sims.complaints.complaint_bars_title"),
        xlabel=text("sims.complaints.complaint_bars_xlabel"),
    )
    bars_ax.invert_yaxis()
    bars_ax.xaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    bars_ax.grid(axis="y", visible=False)
    (curve,) = curve_ax.plot(DELAYS, np.zeros(DELAYS.size), color=CURVE, label=text("sims.complaints.complaint_curve"))
    # clip_on=False: the marker stays whole at day 0 and day 30, on the axis edge
    (point,) = curve_ax.plot([0], [0], "o", color=CURVE, clip_on=False, label=text("sims.complaints.complaint_current"))
    silent = curve_ax.axhline(0, color="black", linestyle="--", label=text("sims.complaints.complaint_silent_line"))
    curve_ax.set(
        xlim=(0, DELAYS[-1]),
        ylim=(0, 1),
        yticks=[0, 0.25, 0.5, 0.75, 1],
        title=text("sims.complaints.complaint_curve_title"),
        xlabel=text("sims.complaints.complaint_days"),
        ylabel=text("sims.complaints.complaint_curve_ylabel"),
    )
    curve_ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    fig.legend(loc="outside lower center", ncols=3)
    return fixed_layout(
        fig, {"stay": stay, "leave": leave, "counts": counts, "curve": curve, "point": point, "silent": silent}
    )


THIN = 0.1  # a bar narrower than this share of the axis gets its head count beside it, not on it


def _place_count(label, row, number, middle, fits, end, colour):
    """Write ``number`` on its bar (white, centred at ``middle``) or, when the bar is too
    thin, in the gap between the two rows (in the bar's colour, aligned to the axis ``end``)."""
    if fits:
        label.set(x=middle, y=row, text=number, ha="center", va="center", color="white")
    else:  # row 0 writes just below its bar, row 1 just above its bar (the y-axis is inverted)
        label.set(
            x=end,
            y=0.42 if row == 0 else 0.58,
            text=number,
            ha="left" if end == 0 else "right",
            va="top" if row == 0 else "bottom",
            color=colour,
        )


def _complaint_draw(artists, result):
    groups = [
        (result["stay_probability"], result["stay"], result["leave"]),
        (result["silent_stay_probability"], result["noncomplainers_stay"], result["noncomplainers_leave"]),
    ]
    for row, (share, kept, lost) in enumerate(groups):
        artists["stay"][row].set_width(share)
        artists["leave"][row].set(x=share, width=1 - share)
        kept_label, lost_label = artists["counts"][row]
        _place_count(kept_label, row, f"{kept:,.0f}", share / 2, share >= THIN, 0, STAY)
        _place_count(lost_label, row, f"{lost:,.0f}", (1 + share) / 2, share <= 1 - THIN, 1, LEAVE)
    artists["curve"].set_ydata(result["curve"])
    artists["point"].set_data([result["response_days"]], [result["stay_probability"]])
    artists["silent"].set_ydata([result["silent_stay_probability"]] * 2)


def _complaint_explain(result):
    parts = [
        "sims.complaints.complaint_summary_handled",
        "sims.complaints.complaint_summary_iceberg",
        "sims.complaints.complaint_summary_total",
    ]
    return "<br>".join(text(key, **result) for key in parts)


def complaint_response_simulator(
    dissatisfied=2500,
    response_days=7,
    resolution=0.8,
    apology=0.0,
    severity="major",
    value_per_customer=5000,
    complain_share=0.04,
):
    """Complaint response (投诉处理): what answering complaints faster and better is worth.

    Students move the number of dissatisfied customers a month, the response time (days), how
    fully the problem is resolved, apology and compensation, the problem's severity,
    the value of a customer and the share of dissatisfied customers who complain to the
    firm (the number of dissatisfied customers stays fixed: more complaints means fewer
    silent customers, not fewer dissatisfied ones), and
    see how many complainers stay or leave, how many people hear bad word of mouth,
    the silent dissatisfied customers behind every complaint (the iceberg) and the
    value lost. Left: stay/leave shares of complainers and of silent customers (with
    head counts); right: the chance a complainer buys again against the response time.

    MODEL (:func:`coursekit.complaints.complaint_outcome`):
    complainers = dissatisfied × complain_share;
    stay = complainers × stay_probability(resolution, days), with
    stay_probability = p0 + resolution × [(p1 − p0) + (p2 − p1) × 0.5^(days / 7)],
    lifted by apology × 10 % of the gap to 1;
    third parties = dissatisfied × 1 % (counted, not valued); silent dissatisfied customers =
    dissatisfied − complainers − third parties, of whom only TARP's "did not complain" share
    buys again; value lost = leavers × value; people hearing bad news = (complainers who
    leave + silent customers who leave) × 9.5. A share who complain of 0 % leaves no
    complaint to handle: the simulator shows a message and keeps the last picture.

    DEFAULTS: 4 % complain, the buy-again anchors p0, p1, p2 (19 %, 54 %, 82 % for a
    major problem) and the silent customers' 9 %: TARP (1986) as commonly quoted from
    Albrecht & Zemke (1985); that Hart, Heskett & Sasser (1990), HBR 68(4), print them is
    unconfirmed (未能核实; see :data:`coursekit.complaints.TARP_BUY_AGAIN`).
    2,500 dissatisfied customers a month (100 complaints at 4 %), answered in 7 days, 80 %
    resolved, no apology, a customer worth 5,000 yuan (lifetime value): course convention
    (an ordinary firm to improve on).
    Any of them can be given as a keyword within the slider's range.

    Parameters:
        dissatisfied: dissatisfied customers a month, a whole number 250–25,000.
        response_days: days until the complaint is resolved, a whole number 0–30.
        resolution: how fully the problem is resolved, a fraction 0–1.
        apology: apology and compensation, 0 (none) to 1 (sincere and fair).
        severity: ``"major"`` or ``"minor"``.
        value_per_customer: the value of a customer who stays, yuan, 0–50,000.
        complain_share: the share of dissatisfied customers who complain to the firm at the start, a fraction
            0.01–0.5 (the slider itself goes down to 0, where the simulator shows a message).

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = complaint_response_simulator()
    >>> round(sim.result["stay"]), round(sim.result["total_value_lost"])
    (58, 11015250)
    """
    controls = {
        "dissatisfied": slider(
            "sims.complaints.complaint_dissatisfied",
            check_int("dissatisfied", dissatisfied, 250, 25000),
            250,
            25000,
            250,
            integer=True,
        ),
        "response_days": slider(
            "sims.complaints.complaint_days", check_int("response_days", response_days, 0, 30), 0, 30, 1, integer=True
        ),
        "resolution": percent_slider(
            "sims.complaints.complaint_resolution", check_single("resolution", resolution, low=0, high=1), 0, 1, 0.05
        ),
        "apology": percent_slider(
            "sims.complaints.complaint_apology", check_single("apology", apology, low=0, high=1), 0, 1, 0.05
        ),
        "severity": widgets.Dropdown(
            options=[(text(f"categories.{code}"), code) for code in SEVERITIES],
            value=check_choice("severity", severity, SEVERITIES),
            description=text("sims.complaints.complaint_severity"),
            **sized(),
        ),
        "value_per_customer": slider(
            "sims.complaints.complaint_value",
            check_single("value_per_customer", value_per_customer, low=0, high=50000),
            0,
            50000,
            500,
            fmt=",.0f",
        ),
        # The slider goes down to 0 on purpose: if nobody complains there is no complaint to
        # handle, and the simulator says so. The starting value must be one the slider can show.
        "complain_share": percent_slider(
            "sims.complaints.complaint_share",
            check_single("complain_share", complain_share, low=SHARE_STEP, high=0.5),
            0,
            0.5,
            SHARE_STEP,
        ),
    }
    # complaint_outcome refuses a complaint share of 0: no complaint to handle
    messages = {
        ("errors.range", "complain_share"): ("sims.complaints.complaint_no_complaints_error", {"least": SHARE_STEP})
    }
    return Simulator(controls, _complaint_model, _complaint_figure, _complaint_draw, _complaint_explain, messages)


# --- 6. expectation and satisfaction (期望与满意) --------------------------------------------

ROWS = [*ATTRIBUTES, "overall"]
ROW_Y = np.array([0, 1, 2, 3, 4, 5.4])  # a small gap before the overall row
DEFAULT_EXPECTATIONS = {"service": 8, "appearance": 6, "image": 7, "cost": 6, "delivery": 8}
DEFAULT_PERFORMANCES = {"service": 6, "appearance": 7, "image": 7, "cost": 6.5, "delivery": 9}


def _expectation_model(weights, tolerance, **ratings):
    """:func:`~coursekit.complaints.attribute_satisfaction` of the slider ratings
    (controls ``<attribute>_expectation`` and ``<attribute>_performance``)."""
    expectations = {name: ratings[f"{name}_expectation"] for name in ATTRIBUTES}
    performances = {name: ratings[f"{name}_performance"] for name in ATTRIBUTES}
    return {"table": attribute_satisfaction(expectations, performances, weights, tolerance), "tolerance": tolerance}


def _expectation_figure():
    fig, ax = new_figure()
    bands = ax.barh(ROW_Y, np.zeros(ROW_Y.size), height=0.6, color=CURVE, alpha=0.15)
    gaps = LineCollection([], linewidths=3)
    ax.add_collection(gaps)
    (expected,) = ax.plot(np.zeros(ROW_Y.size), ROW_Y, "D", color="black", linestyle="none")
    performed = ax.scatter(np.zeros(ROW_Y.size), ROW_Y, zorder=3)
    numbers = [ax.text(10.8, y, "", va="center", ha="left") for y in ROW_Y]
    ax.axhline((ROW_Y[-2] + ROW_Y[-1]) / 2, color="black", linewidth=0.8)
    ax.set(
        yticks=ROW_Y,
        yticklabels=[_attribute_label(name) for name in ROWS],
        xlim=(0.5, 12.2),
        xticks=range(1, 11),
        title=text("sims.complaints.expectation_title"),
        xlabel=text("sims.complaints.expectation_xlabel"),
    )
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    handles = [
        Patch(color=CURVE, alpha=0.15, label=text("sims.complaints.expectation_band")),
        *[
            Line2D([], [], marker="o", color=style.CATEGORY_COLOURS[zone], label=text(f"categories.{zone}"))
            for zone in ZONES
        ],
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=4)
    return fixed_layout(
        fig, {"bands": bands, "gaps": gaps, "expected": expected, "performed": performed, "numbers": numbers}
    )


def _expectation_draw(artists, result):
    table, tolerance = result["table"], result["tolerance"]
    expectation, performance = table["expectation"].to_numpy(), table["performance"].to_numpy()
    colours = [style.CATEGORY_COLOURS[zone] for zone in table["zone"]]
    for band, middle in zip(artists["bands"], expectation, strict=True):
        band.set_x(middle - tolerance)
        band.set_width(2 * tolerance)
    artists["gaps"].set_segments([[(e, y), (p, y)] for e, p, y in zip(expectation, performance, ROW_Y, strict=True)])
    artists["gaps"].set_colors(colours)
    artists["expected"].set_xdata(expectation)
    artists["performed"].set_offsets(np.column_stack([performance, ROW_Y]))
    artists["performed"].set_facecolors(colours)
    artists["performed"].set_edgecolors(colours)
    for label, gap, colour in zip(artists["numbers"], table["gap"], colours, strict=True):
        label.set_text(f"{as_shown(gap, 1):+.1f}")  # a weighted gap of −9e-16 reads +0.0, not −0.0
        label.set_color(colour)


def _expectation_explain(result):
    table = result["table"]
    columns = ["weight", "expectation", "performance", "gap", "zone"]
    header = "".join(f"<th>{text(f'columns.{column}')}</th>" for column in ["attribute", *columns])
    rows = "".join(
        f"<tr><td>{_attribute_label(row.Index)}</td><td>{row.weight:.0%}</td><td>{row.expectation:.1f}</td>"
        f"<td>{row.performance:.1f}</td><td>{as_shown(row.gap, 1):+.1f}</td>"
        f"<td>{text(f'categories.{row.zone}')}</td></tr>"
        for row in table.itertuples()
    )
    overall = table.loc["overall"]
    equal = bool(np.allclose(table["weight"].drop("overall"), 1 / (len(table) - 1)))
    sentence = text(
        "sims.complaints.expectation_summary_equal" if equal else "sims.complaints.expectation_summary",
        expectation=overall["expectation"],
        performance=overall["performance"],
        gap=as_shown(overall["gap"], 1),
        zone=text(f"categories.{overall['zone']}"),
    )
    return f"<p>{sentence}</p><table><tr>{header}</tr>{rows}</table>"


def _attribute_label(attribute):
    """The label of an attribute (or "overall"): ``"cost"`` reads as value for money (物有所值),
    since a HIGHER cost rating means better value; "overall" as a (plain or weighted) mean, 总体（平均）;
    the others as ``text("attributes.<name>")``."""
    if attribute in ("cost", "overall"):
        return text(f"sims.complaints.attribute_{attribute}")
    return text(f"attributes.{attribute}")


def _rating_slider(key, attribute, value):
    """A 1–10 rating slider labelled with ``key`` filled in for ``attribute``, e.g. "服务·期望（分）"."""
    control = slider(f"attributes.{attribute}", value, 1, 10, 0.5, fmt=".1f")
    control.description = text(key, attribute=_attribute_label(attribute))  # slider() takes a plain key only
    return control


def _overrides(name, given):
    """``given`` (None or a dict attribute → number) as a dict; anything else is refused, naming ``name``."""
    if given is None:
        return {}
    if not isinstance(given, dict):
        shown = type(given).__name__ if hasattr(given, "shape") else given  # a table or an array: its kind
        raise CourseInputError(
            "errors.type", name=name, value=shown, expected=Message("sims.complaints.expectation_expect_dict")
        )
    return given


def _ratings(name, given, defaults):
    """``defaults`` updated with the dict ``given`` (attribute → rating 1–10), checked."""
    ratings = dict(defaults)
    for attribute, value in _overrides(name, given).items():
        check_choice(f"{name} key", attribute, ATTRIBUTES)
        ratings[attribute] = check_single(f"{name}[{attribute!r}]", value, low=1, high=10)
    return ratings


def expectation_simulator(expectations=None, performances=None, tolerance=0.5, weights=None):
    """Expectation and satisfaction (期望与满意): per attribute, does performance beat expectation?

    For the five attributes customers judge (service, appearance, image, cost,
    delivery: 服务、外观、形象、成本、交货) students set an expectation and a perceived
    performance (1–10 each) and the width of the zone of tolerance; the figure shows,
    per attribute, expectation (◆), the zone of tolerance around it (band) and
    performance (●) coloured by zone, with the gap written on the right; the
    explanation gives the overall weighted result and the table.

    MODEL (:func:`coursekit.complaints.attribute_satisfaction`): gap = performance −
    expectation; gap > tolerance → satisfied, gap < −tolerance → dissatisfied, else
    neutral; overall gap = Σ wᵢ · gapᵢ with weights scaled to shares. Performance
    ABOVE expectation satisfies (Oliver 1980, JMR 17(4); zone of tolerance: Zeithaml,
    Berry & Parasuraman 1993, JAMS 21(1)); one course seed slide states it backwards.

    The "cost" attribute is labelled 物有所值（成本）: a higher rating means better value for
    money, not a higher price. The weights are not sliders: they are fixed when the simulator
    is made (equal unless ``weights=`` is given), and the summary says which.

    DEFAULTS: the five attributes are the course seeds' list; the ratings (service
    disappoints, appearance and delivery please, image and cost as expected) and equal
    weights are a course convention chosen so that the overall result looks "neutral"
    while one attribute is dissatisfying. ``expectations``, ``performances`` and
    ``weights`` are dicts that override some attributes, e.g. ``{"service": 9}``.

    Parameters:
        expectations: None or a dict that overrides some attributes' expected ratings (1–10), e.g. ``{"service": 9}``;
            keys among service, appearance, image, cost, delivery.
        performances: None or a dict that overrides some perceived performance ratings (1–10).
        tolerance: half-width of the zone of tolerance, rating points 0–3.
        weights: None (equal) or a dict that overrides some attributes' importance (≥ 0; the others keep 1;
            not all 0); keys among the five attributes.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = expectation_simulator()
    >>> sim.result["table"].loc["overall", "zone"], sim.result["table"].loc["service", "zone"]
    ('neutral', 'dissatisfied')
    """
    expected = _ratings("expectations", expectations, DEFAULT_EXPECTATIONS)
    performed = _ratings("performances", performances, DEFAULT_PERFORMANCES)
    tolerance = check_single("tolerance", tolerance, low=0, high=3)
    if weights is not None:
        for attribute in _overrides("weights", weights):
            check_choice("weights key", attribute, ATTRIBUTES)
        weights = {**dict.fromkeys(ATTRIBUTES, 1.0), **weights}
    attribute_satisfaction(expected, performed, weights, tolerance)  # checks the weights once, here
    controls = {}
    for name in ATTRIBUTES:
        controls[f"{name}_expectation"] = _rating_slider("sims.complaints.expectation_expect", name, expected[name])
        controls[f"{name}_performance"] = _rating_slider("sims.complaints.expectation_perform", name, performed[name])
    controls["tolerance"] = slider("sims.complaints.expectation_tolerance", tolerance, 0, 3, 0.1, fmt=".1f")
    model = partial(_expectation_model, weights)
    return Simulator(controls, model, _expectation_figure, _expectation_draw, _expectation_explain)


# --- 6b. over-promising (过度承诺) ------------------------------------------------------------

PROMISES = np.linspace(0, 10, 1001)  # promise levels on the x-axis


def _overpromise_model(promised, delivered, max_buy, tolerance):
    """:func:`~coursekit.complaints.overpromise` now, and along every promise level."""
    now = overpromise(promised, delivered, max_buy=max_buy, tolerance=tolerance)
    curve = overpromise(PROMISES, delivered, max_buy=max_buy, tolerance=tolerance)
    return {
        **now,
        "promised": promised,
        "delivered": delivered,
        "promises": PROMISES,
        "curve_buy": curve["buy_probability"],
        "curve_zone": curve["zone"],
    }


def _overpromise_figure(max_buy):
    fig, ax = new_figure()
    areas = {
        zone: ax.fill_between(
            [0, 1],
            0,
            0,
            color=style.CATEGORY_COLOURS[zone],
            alpha=0.6,
            linewidth=0,
            label=text("sims.complaints.overpromise_buyers", zone=text(f"categories.{zone}")),
        )
        for zone in ZONES
    }
    delivered = ax.axvline(0, color="black", linestyle="--", label=text("sims.complaints.overpromise_delivered_line"))
    (point,) = ax.plot([0], [0], "o", color="black", label=text("sims.complaints.overpromise_current"))
    ax.set(
        xlim=(0, 10),
        ylim=(0, max_buy * 1.05),
        title=text("sims.complaints.overpromise_title"),
        xlabel=text("sims.complaints.overpromise_xlabel"),
        ylabel=text("sims.complaints.overpromise_ylabel"),
    )
    ax.yaxis.set_major_formatter(PercentFormatter(1, decimals=0))
    fig.legend(loc="outside lower center", ncols=3)
    return fixed_layout(fig, {"areas": areas, "delivered": delivered, "point": point})


def _overpromise_draw(artists, result):
    for zone, area in artists["areas"].items():
        area.set_data(result["promises"], 0, result["curve_buy"], where=result["curve_zone"] == zone)
    artists["delivered"].set_xdata([result["delivered"]] * 2)
    artists["point"].set_data([result["promised"]], [result["buy_probability"]])


def _overpromise_explain(result):
    return text("sims.complaints.overpromise_summary", **{**result, "zone": text(f"categories.{result['zone']}")})


def overpromise_simulator(promised=9, delivered=6, max_buy=0.5, tolerance=0.5):
    """Over-promising (过度承诺): a bigger promise wins more buyers, but they judge what is
    delivered against the promise.

    Students move the promised level and the delivered level (0–10). The figure shows,
    for every promise level, the share of prospects who buy (height) and how those
    buyers end up (colour: satisfied / neutral / dissatisfied), with the current promise
    marked and the delivered level as a dashed line: promising above delivery sells
    more and leaves every buyer dissatisfied.

    MODEL (:func:`coursekit.complaints.overpromise`): expectation = promised;
    buy_probability = max_buy × promised / 10; gap = delivered − promised, zone as in
    :func:`coursekit.complaints.satisfaction` (performance above expectation satisfies,
    Oliver 1980, JMR 17(4)).

    DEFAULTS: a promise of 9 against a delivery of 6, at most half the prospects buying
    (``max_buy`` 0.5) and a zone of tolerance of ±0.5: course convention (as in the
    example of :func:`coursekit.complaints.overpromise`); ``max_buy`` and ``tolerance``
    are fixed per simulator (keywords), the two levels are sliders.

    Parameters:
        promised: the promised level, 0–10.
        delivered: the delivered level, 0–10.
        max_buy: the share of prospects who buy at the highest promise, a fraction in (0, 1].
        tolerance: half-width of the zone of tolerance, rating points 0–3.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = overpromise_simulator()
    >>> sim.result["buy_probability"], sim.result["zone"]
    (0.45, 'dissatisfied')
    """
    max_buy = check_single("max_buy", max_buy, low=0, high=1, low_open=True)
    tolerance = check_single("tolerance", tolerance, low=0, high=3)
    controls = {
        "promised": slider(
            "sims.complaints.overpromise_promised",
            check_single("promised", promised, low=0, high=10),
            0,
            10,
            0.5,
            ".1f",
        ),
        "delivered": slider(
            "sims.complaints.overpromise_delivered",
            check_single("delivered", delivered, low=0, high=10),
            0,
            10,
            0.5,
            ".1f",
        ),
    }
    model = partial(_overpromise_model, max_buy=max_buy, tolerance=tolerance)
    return Simulator(controls, model, partial(_overpromise_figure, max_buy), _overpromise_draw, _overpromise_explain)
