"""Customer satisfaction and complaint handling (客户满意、投诉处理).

Lesson 4 and its two simulators (expectation and satisfaction; complaint
response) use these pure functions of numbers:

- satisfaction as expectation versus performance (期望—实绩模型; 实绩 = perceived performance):
  :func:`disconfirmation`, :func:`satisfaction`, :func:`attribute_satisfaction`,
  :func:`overpromise`;
- the complaint iceberg (投诉冰山): :func:`complaint_iceberg`;
- complaint response and service recovery (投诉处理与服务补救):
  :func:`stay_probability`, :func:`complaint_outcome`.

Numbers broadcast over numpy arrays; category results are the short English
codes in :data:`ZONES`, ``data.ATTRIBUTES`` and :data:`SEVERITIES` (Chinese
labels: ``coursekit.text("categories.satisfied")``, ``text("attributes.service")``, ...).
"""

from itertools import pairwise

import numpy as np
import pandas as pd

from coursekit.data import CASE_CHANNELS, RESOLUTIONS
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_int,
    check_key,
    check_no_missing,
    check_number_column,
    check_range,
    check_shapes,
    check_single,
    check_table_numbers,
    plain,
)
from coursekit.i18n import Message

ZONES = ("satisfied", "neutral", "dissatisfied")
SEVERITIES = ("major", "minor")

# Share of customers with a problem who would buy again (TARP 1979/1986, as commonly quoted
# from Albrecht & Zemke 1985). That Hart, Heskett & Sasser (1990) print these exact figures is
# unconfirmed (未能核实: the course could not check it). "major": a loss of more than $100;
# "minor": a small loss.
TARP_BUY_AGAIN = {
    "major": {"did_not_complain": 0.09, "not_resolved": 0.19, "resolved": 0.54, "resolved_quickly": 0.82},
    "minor": {"did_not_complain": 0.37, "not_resolved": 0.46, "resolved": 0.70, "resolved_quickly": 0.95},
}


def disconfirmation(expectation, performance):
    """How far performance lies above (+) or below (−) what the customer expected.

    FORMULA: disconfirmation = performance − expectation (实绩 − 期望), on the same
    rating scale (e.g. 1–10). SOURCE: Oliver (1980), "A cognitive model of the
    antecedents and consequences of satisfaction decisions", Journal of Marketing
    Research 17(4).

    Parameters:
        expectation: what the customer expected, a rating (e.g. 1–10); a number or an array.
        performance: the performance they perceived, on the same scale; a number or an array.

    >>> disconfirmation(expectation=7, performance=8.5)
    1.5
    """
    performance, expectation = check_shapes(
        performance=check_range("performance", performance), expectation=check_range("expectation", expectation)
    )
    return performance - expectation


def _zone(gap, tolerance):
    codes = np.select([gap > tolerance, gap < -tolerance], ["satisfied", "dissatisfied"], default="neutral")
    return plain(codes)


def satisfaction(expectation, performance, tolerance=0.5):
    """The satisfaction zone: ``"satisfied"`` (满意), ``"neutral"`` (基本满意) or
    ``"dissatisfied"`` (不满意); one code, or an array of codes for arrays / DataFrame columns.

    FORMULA: gap = performance − expectation; gap > tolerance → satisfied;
    gap < −tolerance → dissatisfied; otherwise (|gap| ≤ tolerance) neutral.
    Performance ABOVE expectation satisfies. (One course seed slide states it the
    other way round, "期望 > 实际绩效 → 满意"; coursekit follows the literature.)
    SOURCE: expectation–disconfirmation, Oliver (1980), Journal of Marketing Research
    17(4); the band of ±tolerance is the zone of tolerance of Zeithaml, Berry &
    Parasuraman (1993), "The nature and determinants of customer expectations of
    service", Journal of the Academy of Marketing Science 21(1).

    Parameters:
        expectation, performance: ratings on one scale (e.g. 1–10); numbers, arrays or table columns.
        tolerance: half-width of the zone of tolerance, in rating points, one number ≥ 0.

    >>> satisfaction(expectation=7, performance=9)
    'satisfied'
    >>> satisfaction([7, 7, 7], [9, 7.3, 5]).tolist()
    ['satisfied', 'neutral', 'dissatisfied']
    """
    tolerance = check_single("tolerance", tolerance, low=0)
    return _zone(disconfirmation(expectation, performance), tolerance)


def check_ratings(name, ratings, keys=None, reference="expectations", **bounds):
    """The dict ``ratings`` (attribute → one number) as floats, each checked like
    ``check_range(**bounds)``, with the same attributes as ``keys`` (those of the
    argument called ``reference``) when given.

    Parameters:
        name: the argument's name, shown in the error message.
        ratings: a non-empty dict attribute → one number, without an ``"overall"`` key.
        keys: None, or the attributes ``ratings`` must have (no more, no fewer).
        reference: the name of the argument ``keys`` come from, shown in the error message.
        **bounds: the bounds of :func:`coursekit.errors.check_single` for each rating (``low``, ``high``, ...).

    >>> check_ratings("performances", {"service": 8, "cost": 6.5}, low=1, high=10)
    {'service': 8.0, 'cost': 6.5}
    """
    if not isinstance(ratings, dict) or not ratings or "overall" in ratings:
        raise CourseInputError(
            "errors.type", name=name, value=ratings, expected=Message("complaints.expect_attribute_dict")
        )
    if keys is not None and set(ratings) != set(keys):
        missing = [k for k in keys if k not in ratings]
        extra = [k for k in ratings if k not in keys]
        raise CourseInputError(
            "complaints.keys_error",
            name=name,
            reference=reference,
            value=ratings,
            missing=", ".join(map(str, missing)) or "-",
            extra=", ".join(map(str, extra)) or "-",
            allowed=", ".join(map(str, keys)),
        )
    return {key: check_single(f"{name}[{key!r}]", value, **bounds) for key, value in ratings.items()}


def weight_shares(weights, keys, reference="expectations"):
    """Importance weights (attribute → weight ≥ 0; equal when None) as shares that add
    up to 1, in the order of ``keys``.

    Parameters:
        weights: None (equal weights), or a dict attribute → weight ≥ 0, not all 0, with exactly the attributes of
            ``keys``.
        keys: the attributes, in the order of the result.
        reference: the name of the argument ``keys`` come from, shown in the error message.

    >>> weight_shares({"service": 3, "cost": 1}, ["service", "cost"])
    [0.75, 0.25]
    """
    if weights is None:
        return [1 / len(keys)] * len(keys)
    raw = check_ratings("weights", weights, keys, reference=reference, low=0)
    total = sum(raw.values())
    if total == 0:
        raise CourseInputError("complaints.weights_error", name="weights", value=weights)
    return [raw[k] / total for k in keys]


def attribute_satisfaction(expectations, performances, weights=None, tolerance=0.5):
    """Satisfaction attribute by attribute (service, appearance, image, cost, delivery:
    服务、外观、形象、成本、交货), plus an overall row ``"overall"`` that weighs them.

    FORMULA: per attribute i: gap_i = performance_i − expectation_i, zone as in
    :func:`satisfaction`. Overall: weights are scaled to shares w_i = weight_i / Σ weight;
    overall expectation = Σ w_i·expectation_i, overall performance = Σ w_i·performance_i,
    overall gap = Σ w_i·gap_i (= their difference); zone from the overall gap.
    Equal weights when ``weights`` is None. SOURCE: Oliver (1980) JMR 17(4) and Zeithaml,
    Berry & Parasuraman (1993) JAMS 21(1) for gap and zone; weighted sum over attributes:
    course convention (as in multi-attribute satisfaction ratings).

    Returns a DataFrame indexed by ``attribute`` with columns weight, expectation,
    performance, gap, zone.

    Parameters:
        expectations: a dict attribute → expected rating (e.g. ``{"service": 8, "cost": 6}``), no ``"overall"`` key.
        performances: a dict with the same attributes → perceived performance, on the same scale.
        weights: None (equal weights) or a dict with the same attributes → importance ≥ 0, not all 0.
        tolerance: half-width of the zone of tolerance, in rating points, ≥ 0.

    >>> table = attribute_satisfaction({"service": 8, "cost": 6}, {"service": 6, "cost": 9})
    >>> table  # doctest: +NORMALIZE_WHITESPACE
               weight  expectation  performance  gap          zone
    attribute
    service       0.5          8.0          6.0 -2.0  dissatisfied
    cost          0.5          6.0          9.0  3.0     satisfied
    overall       1.0          7.0          7.5  0.5       neutral
    """
    tolerance = check_single("tolerance", tolerance, low=0)
    expected = check_ratings("expectations", expectations)
    keys = list(expected)
    performed = check_ratings("performances", performances, keys)
    table = pd.DataFrame(
        {
            "weight": weight_shares(weights, keys),
            "expectation": [expected[k] for k in keys],
            "performance": [performed[k] for k in keys],
        },
        index=pd.Index(keys, name="attribute"),
    )
    overall = table[["expectation", "performance"]].mul(table["weight"], axis=0).sum()
    table.loc["overall"] = [1.0, overall["expectation"], overall["performance"]]
    table["gap"] = table["performance"] - table["expectation"]
    table["zone"] = _zone(table["gap"].to_numpy(), tolerance)
    return table


def overpromise(promised, delivered, scale=10, max_buy=0.5, tolerance=0.5):
    """Why over-promising backfires (过度承诺): a bigger promise wins more buyers, but
    when delivery falls short of the promise those buyers end up dissatisfied.

    FORMULA (course convention, deliberately simple):
    expectation = promised (the promise sets the expectation);
    buy_probability = max_buy × promised / scale (rises in proportion to the promise);
    gap = delivered − promised, zone as in :func:`satisfaction`;
    satisfied_buyers = buy_probability if zone is "satisfied" else 0, and
    dissatisfied_buyers likewise (shares of all prospects).
    SOURCE: course convention, built on expectation–disconfirmation (Oliver 1980,
    JMR 17(4)): expectations formed by the firm's promises are the yardstick for
    performance (Zeithaml, Berry & Parasuraman 1993, JAMS 21(1), "explicit service
    promises").

    ``promised`` and ``delivered`` are ratings on 0..``scale``; they broadcast.
    Returns a dict: expectation, buy_probability, gap, zone, satisfied_buyers,
    dissatisfied_buyers.

    Parameters:
        promised: the promised level, 0 to ``scale``; a number or an array.
        delivered: the delivered level, 0 to ``scale``; a number or an array.
        scale: the top of the rating scale, > 0.
        max_buy: the share of prospects who buy at the highest promise, a fraction 0–1.
        tolerance: half-width of the zone of tolerance, in rating points, ≥ 0.

    >>> big = overpromise(promised=9, delivered=6)
    >>> big["buy_probability"], big["zone"], big["dissatisfied_buyers"]
    (0.45, 'dissatisfied', 0.45)
    >>> honest = overpromise(promised=5, delivered=6)
    >>> honest["buy_probability"], honest["zone"], honest["satisfied_buyers"]
    (0.25, 'satisfied', 0.25)
    """
    scale = check_single("scale", scale, low=0, low_open=True)
    promised = check_range("promised", promised, low=0)
    delivered = check_range("delivered", delivered, low=0)
    for name, levels in (("promised", promised), ("delivered", delivered)):
        above = np.atleast_1d(levels)[np.atleast_1d(levels) > scale]
        if above.size:  # name the scale too: it may be the one that is wrong
            raise CourseInputError("complaints.scale_error", name=name, value=float(above[0]), scale=scale)
    check_shapes(promised=promised, delivered=delivered)
    max_buy = check_range("max_buy", max_buy, low=0, high=1)
    zone = satisfaction(promised, delivered, tolerance)
    buy = max_buy * promised / scale
    return {
        "expectation": promised,
        "buy_probability": buy,
        "gap": delivered - promised,
        "zone": zone,
        "satisfied_buyers": plain(np.where(np.asarray(zone) == "satisfied", buy, 0.0)),
        "dissatisfied_buyers": plain(np.where(np.asarray(zone) == "dissatisfied", buy, 0.0)),
    }


def complaint_iceberg(
    dissatisfied, complain_share=0.04, third_party_share=0.01, tell_others=9.5, loud_share=0.13, severity="major"
):
    """The complaint iceberg (投诉冰山): of ``dissatisfied`` customers, how many complain to
    the firm (the tip), appeal to third parties (consumer associations, media, courts),
    stay silent, and how many people hear bad word of mouth.

    FORMULA (expected counts, not rounded; the three groups are disjoint):
    complain_to_firm = dissatisfied × complain_share;
    third_party = dissatisfied × third_party_share;
    silent = dissatisfied − complain_to_firm − third_party;
    silent_leave = silent × (1 − TARP "did not complain" buy-again share of ``severity``);
    tell_more_than_20 = dissatisfied × loud_share;
    hear_bad_wom = dissatisfied × tell_others.
    silent_buy_again = the TARP "did not complain" share of ``severity`` (the assumption
    behind silent_leave: all problems are of this severity).
    CONVENTION: ``complain_share`` is the share who complain TO THE FIRM; third parties are a
    separate group, so behind each complaint to the firm stand
    (1 − complain_share − third_party_share) / complain_share silent customers: 23.75 with
    the defaults (the same in :func:`complaint_outcome`).
    SOURCE: 4 % to the firm and 1 % to third parties: course seed figures. TARP (1986),
    Consumer complaint handling in America: an update study, US Office of Consumer
    Affairs, popularised in Albrecht & Zemke (1985) Service America!: the average business
    never hears from 96 % of its unhappy customers; for every complaint received it has
    26 more customers with problems, 6 of them serious (1/27 ≈ 4 %); a customer with a problem tells 9–10
    others (default 9.5, the midpoint), 13 % tell more than 20; customers whose complaint
    was satisfactorily resolved tell about 5 (used in :func:`complaint_outcome`);
    only 9 % (major problem) / 37 % (minor) of non-complainers buy again (:data:`TARP_BUY_AGAIN`).
    CAVEAT: these are 1970s–80s US survey figures, widely re-quoted, not universal
    constants; TARP's own John Goodman later revised the word-of-mouth figures for the
    internet era ("word of mouse": Goodman 2009, Strategic Customer Service). Change
    the defaults to match your own market.

    Parameters:
        dissatisfied: number of dissatisfied customers, ≥ 0.
        complain_share: share of them who complain to the firm, a fraction 0–1.
        third_party_share: share who go to third parties, a fraction 0–1; with ``complain_share`` at most 1.
        tell_others: people each dissatisfied customer tells, ≥ 0.
        loud_share: share who tell more than 20 people, a fraction 0–1.
        severity: ``"major"`` (a loss over $100) or ``"minor"``.

    >>> ice = complaint_iceberg(1000)
    >>> {key: round(value, 1) for key, value in ice.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'dissatisfied': 1000.0, 'complain_to_firm': 40.0, 'third_party': 10.0, 'silent': 950.0,
     'silent_leave': 864.5, 'silent_buy_again': 0.1, 'tell_more_than_20': 130.0, 'hear_bad_wom': 9500.0}
    """
    dissatisfied = check_range("dissatisfied", dissatisfied, low=0)
    complain_share = check_range("complain_share", complain_share, low=0, high=1)
    third_party_share = check_range("third_party_share", third_party_share, low=0, high=1)
    tell_others = check_range("tell_others", tell_others, low=0)
    loud_share = check_range("loud_share", loud_share, low=0, high=1)
    severity = check_choice("severity", severity, SEVERITIES)
    check_shapes(dissatisfied=dissatisfied, complain_share=complain_share, third_party_share=third_party_share,
                 tell_others=tell_others, loud_share=loud_share)
    both = complain_share + third_party_share
    if np.any(both > 1):
        raise CourseInputError("complaints.share_sum_error", value=plain(np.max(both)))
    silent = dissatisfied * (1 - complain_share - third_party_share)
    return {
        "dissatisfied": dissatisfied,
        "complain_to_firm": dissatisfied * complain_share,
        "third_party": dissatisfied * third_party_share,
        "silent": silent,
        "silent_leave": silent * (1 - TARP_BUY_AGAIN[severity]["did_not_complain"]),
        "silent_buy_again": TARP_BUY_AGAIN[severity]["did_not_complain"],
        "tell_more_than_20": dissatisfied * loud_share,
        "hear_bad_wom": dissatisfied * tell_others,
    }


def stay_probability(resolution, response_days, severity="major", half_life_days=7, apology=0.0, apology_effect=0.1):
    """The chance that a customer who complained buys again (投诉后再次购买的概率), given how
    well (``resolution``) and how fast (``response_days``) the complaint was resolved.

    FORMULA, with the TARP anchors of ``severity`` (not resolved p0, resolved p1,
    resolved quickly p2; see :data:`TARP_BUY_AGAIN`):
    quick = 0.5 ** (response_days / half_life_days)   (the "quick" bonus halves every half-life)
    base = p0 + resolution × [(p1 − p0) + (p2 − p1) × quick]
    stay = base + apology × apology_effect × (1 − base)
    ``resolution`` is 0 (not resolved) .. 1 (fully resolved). So: unresolved → p0
    (19 % major / 46 % minor); resolved at once → p2 (82 % / 95 %); resolved after a long
    delay → p1 (54 % / 70 %). Stay never rises with delay, never falls with resolution
    and stays within [0, 1]. ``apology`` 0..1 (none .. sincere apology with fair
    compensation) closes at most ``apology_effect`` of the gap to 1.
    SOURCE: anchors: TARP (1979/1986) repurchase figures for customers with a problem,
    as commonly quoted from Albrecht & Zemke (1985) Service America!; whether Hart, Heskett &
    Sasser (1990), "The profitable art of service recovery", Harvard Business Review 68(4),
    print these exact figures is unconfirmed (未能核实).
    The smooth curve between them, the 7-day half-life and the apology effect: course
    convention (apology and compensation raise recovery satisfaction: Smith, Bolton &
    Wagner (1999), Journal of Marketing Research 36(3); the size here is an assumption).

    Parameters:
        resolution: how fully the complaint was resolved, 0 (not at all) to 1 (fully).
        response_days: days until it was resolved, ≥ 0.
        severity: ``"major"`` or ``"minor"``.
        half_life_days: days after which the bonus of a quick answer has halved, > 0 (a course assumption).
        apology: 0 (none) to 1 (a sincere apology with fair compensation).
        apology_effect: the most of the gap to certain staying an apology can close, a fraction 0–1.

    >>> round(stay_probability(resolution=1, response_days=0), 3)  # resolved at once
    0.82
    >>> round(stay_probability(resolution=1, response_days=7), 3)  # half the quick bonus is gone
    0.68
    >>> round(stay_probability(resolution=0, response_days=30, severity="minor"), 3)
    0.46
    """
    resolution = check_range("resolution", resolution, low=0, high=1)
    response_days = check_range("response_days", response_days, low=0)
    severity = check_choice("severity", severity, SEVERITIES)
    half_life_days = check_range("half_life_days", half_life_days, low=0, low_open=True)
    apology = check_range("apology", apology, low=0, high=1)
    apology_effect = check_range("apology_effect", apology_effect, low=0, high=1)
    check_shapes(resolution=resolution, response_days=response_days, half_life_days=half_life_days, apology=apology,
                 apology_effect=apology_effect)
    anchor = TARP_BUY_AGAIN[severity]
    p0, p1, p2 = anchor["not_resolved"], anchor["resolved"], anchor["resolved_quickly"]
    quick = 0.5 ** (response_days / half_life_days)
    base = p0 + resolution * ((p1 - p0) + (p2 - p1) * quick)
    return base + apology * apology_effect * (1 - base)


def complaint_outcome(
    complainers,
    resolution,
    response_days,
    value_per_customer,
    severity="major",
    tell_others=9.5,
    tell_good=5,
    complain_share=0.04,
    half_life_days=7,
    apology=0.0,
    third_party_share=0.01,
):
    """What a way of handling complaints (投诉处理) does: how many complainers stay or leave,
    the value lost, word of mouth, and the silent customers behind them (投诉冰山).

    FORMULA (expected counts, not rounded):
    stay = complainers × :func:`stay_probability` (resolution, response_days, ...);
    leave = complainers − stay; value_lost = leave × value_per_customer;
    hear_bad_wom = leave × tell_others (complainers who leave tell others);
    hear_good_wom = complainers × resolution × tell_good (satisfactorily resolved
    complainers tell good news);
    dissatisfied = complainers / complain_share (complain_share: the share who complain TO
    THE FIRM, as in :func:`complaint_iceberg`);
    third_party = dissatisfied × third_party_share (they go to consumer associations, media
    or courts; TARP gives no buy-again share for them, so they are counted but not valued);
    noncomplainers = dissatisfied − complainers − third_party (the silent customers, TARP's
    "did not complain": 23.75 per complaint with the defaults, as in the iceberg);
    noncomplainers_stay = noncomplainers × TARP "did not complain" share (9 % / 37 %);
    noncomplainers_leave = noncomplainers − noncomplainers_stay;
    noncomplainers_value_lost = noncomplainers_leave × value_per_customer;
    noncomplainers_hear_bad_wom = noncomplainers_leave × tell_others (silent leavers talk too);
    total_value_lost = value_lost + noncomplainers_value_lost.
    SOURCE: TARP (1986) as commonly quoted from Albrecht & Zemke (1985) (that Hart, Heskett &
    Sasser 1990, HBR 68(4), print these figures is unconfirmed, 未能核实): 4 % complain, a
    customer with a problem tells 9–10 others, a customer whose complaint was satisfactorily
    resolved tells about 5. Who tells what (only leavers tell bad news, complainers and silent
    customers alike; resolution share tells good news): course convention.
    Same caveat as :func:`complaint_iceberg`: old US survey figures, not constants.

    Parameters:
        complainers: number of customers who complained, ≥ 0.
        resolution: how fully complaints are resolved, 0–1.
        response_days: days until resolution, ≥ 0.
        value_per_customer: value of a customer who stays, ≥ 0 (e.g. yuan).
        severity: ``"major"`` or ``"minor"``.
        tell_others: people a customer who leaves unhappy tells, ≥ 0.
        tell_good: people a customer whose complaint was resolved tells, ≥ 0.
        complain_share: share of dissatisfied customers who complain to the firm, a fraction 0.001–1.
        half_life_days, apology: as in :func:`stay_probability`.
        third_party_share: share of dissatisfied customers who go to third parties, a fraction 0–1; with
            ``complain_share`` at most 1.

    >>> out = complaint_outcome(100, resolution=1, response_days=0, value_per_customer=1000)
    >>> {key: round(value) for key, value in out.items()}  # doctest: +NORMALIZE_WHITESPACE
    {'complainers': 100, 'stay': 82, 'leave': 18, 'value_lost': 18000, 'hear_bad_wom': 171,
     'hear_good_wom': 500, 'third_party': 25, 'noncomplainers': 2375, 'noncomplainers_stay': 214,
     'noncomplainers_leave': 2161, 'noncomplainers_value_lost': 2161250, 'noncomplainers_hear_bad_wom': 20532,
     'total_value_lost': 2179250}
    """
    complainers = check_range("complainers", complainers, low=0)
    resolution = check_range("resolution", resolution, low=0, high=1)
    value_per_customer = check_range("value_per_customer", value_per_customer, low=0)
    tell_others = check_range("tell_others", tell_others, low=0)
    tell_good = check_range("tell_good", tell_good, low=0)
    # at least one in a thousand complains: fewer would make the silent customers behind each
    # complaint a number no survey has measured (and 10 / 1e-320 is infinite)
    complain_share = check_range("complain_share", complain_share, low=0.001, high=1)
    third_party_share = check_range("third_party_share", third_party_share, low=0, high=1)
    check_shapes(complainers=complainers, resolution=resolution, value_per_customer=value_per_customer,
                 tell_others=tell_others, tell_good=tell_good, complain_share=complain_share,
                 third_party_share=third_party_share)
    both = complain_share + third_party_share
    if np.any(both > 1):
        raise CourseInputError("complaints.share_sum_error", value=plain(np.max(both)))
    stay = complainers * stay_probability(resolution, response_days, severity, half_life_days, apology)
    leave = complainers - stay
    dissatisfied = complainers / complain_share
    third_party = dissatisfied * third_party_share
    noncomplainers = dissatisfied - complainers - third_party
    noncomplainers_stay = noncomplainers * TARP_BUY_AGAIN[severity]["did_not_complain"]
    noncomplainers_leave = noncomplainers - noncomplainers_stay
    return {
        "complainers": complainers,
        "stay": stay,
        "leave": leave,
        "value_lost": leave * value_per_customer,
        "hear_bad_wom": leave * tell_others,
        "hear_good_wom": complainers * resolution * tell_good,
        "third_party": third_party,
        "noncomplainers": noncomplainers,
        "noncomplainers_stay": noncomplainers_stay,
        "noncomplainers_leave": noncomplainers_leave,
        "noncomplainers_value_lost": noncomplainers_leave * value_per_customer,
        "noncomplainers_hear_bad_wom": noncomplainers_leave * tell_others,
        "total_value_lost": (leave + noncomplainers_leave) * value_per_customer,
    }


# ---------------------------------------------------------------- lesson 4 in the course data

WAIT_EDGES_MINUTES = (0, 0.5, 1, 2, 4)  # the waiting-time groups of satisfaction_by_wait (minutes); the last is open
MOST_GAP_GROUPS = 1000  # satisfaction_by_gap: limit / width at most this (2,001 groups; a tiny width would be millions)


def _known_codes(name, values, allowed):
    """Refuse the first value of ``values`` (a column) that is not one of the codes ``allowed``."""
    for value in sorted(set(values.dropna().astype(str)) - set(allowed)):
        check_choice(name, value, allowed)


def satisfaction_by_gap(gap, satisfaction, tolerance=0.5, width=0.5, limit=2.0):
    """Mean overall satisfaction of survey respondents grouped by their gap
    (差距 = 实绩 − 期望): the data check of the expectation–disconfirmation model.

    ``gap`` and ``satisfaction``: one number per respondent, the same count (≥ 1);
    ``tolerance`` ≥ 0 (as in :func:`satisfaction`); ``width`` > 0: the width of a group;
    ``limit`` from width to 1,000 widths: gaps beyond ±limit join the outermost groups.
    FORMULA: each gap is clipped to [−limit, limit] and rounded to the nearest multiple of
    ``width``. Returns one row per group that has respondents (index ``gap``: the group's
    centre) with ``label`` (≤−2 / … / ≥2 at the clipped ends), ``respondents``,
    ``mean_satisfaction`` and ``zone`` (:func:`satisfaction` of the centre).
    SOURCE: Oliver (1980), Journal of Marketing Research 17(4); the grouping: course convention.

    Parameters:
        gap: one performance − expectation gap per respondent, numbers.
        satisfaction: one overall satisfaction rating per respondent, as many as ``gap``.
        tolerance: half-width of the zone of tolerance, one number ≥ 0.
        width: the width of a gap group, one number > 0.
        limit: gaps beyond ±limit join the outermost groups, one number from width to 1,000 × width.

    >>> satisfaction_by_gap([-1.0, -0.9, 0.1, 1.2], [2, 3, 4, 6])  # doctest: +NORMALIZE_WHITESPACE
         label  respondents  mean_satisfaction          zone
    gap
    -1.0    -1            2                2.5  dissatisfied
     0.0     0            1                4.0       neutral
     1.0     1            1                6.0     satisfied
    """
    gap = np.atleast_1d(check_range("gap", gap))
    rating = np.atleast_1d(check_range("satisfaction", satisfaction))
    if gap.ndim != 1 or gap.shape != rating.shape or gap.size == 0:
        raise CourseInputError("complaints.same_length_error", a="gap", b="satisfaction", n_a=gap.size, n_b=rating.size)
    tolerance = check_single("tolerance", tolerance, low=0)
    width = check_single("width", width, low=0, low_open=True)
    limit = check_single("limit", limit, low=0, low_open=True)
    if not width <= limit <= MOST_GAP_GROUPS * width:
        raise CourseInputError("complaints.gap_groups_error", width=width, limit=limit, most=MOST_GAP_GROUPS)
    steps = int(np.floor(limit / width + 1e-9))
    centres = width * np.arange(-steps, steps + 1)
    group = np.rint((np.clip(gap, centres[0], centres[-1]) - centres[0]) / width).astype(int)
    counts = np.bincount(group, minlength=centres.size)
    totals = np.bincount(group, weights=rating, minlength=centres.size)
    seen = np.flatnonzero(counts)
    labels = [f"{centre:g}" for centre in centres]
    labels[0], labels[-1] = f"≤{centres[0]:g}", f"≥{centres[-1]:g}"
    return pd.DataFrame(
        {
            "label": np.array(labels)[seen],
            "respondents": counts[seen],
            "mean_satisfaction": totals[seen] / counts[seen],
            "zone": np.atleast_1d(_zone(centres[seen], tolerance)),  # the zone of the group's centre
        },
        index=pd.Index(centres[seen] + 0.0, name="gap"),
    )


def cases_by_channel(cases):
    """Complaint channels (投诉渠道): how many cases came in by each channel and the median hours
    until the first real response, channels in the order of :data:`coursekit.data.CASE_CHANNELS`.

    ``cases`` needs ``channel`` (codes of CASE_CHANNELS) and ``response_hours`` (≥ 0). Returns
    one row per channel (index ``channel``) with ``case_count`` and ``median_response_hours``
    (0 cases: 0 hours, shown as no bar). SOURCE: course convention (the channels of the
    course seed: phone, letter, in person, media, legal; plus online).

    Parameters:
        cases: a case table with ``channel`` (``phone``, ``letter``, ``in_person``, ``online``, ``media`` or ``legal``)
            and ``response_hours`` (≥ 0), as ``data.load("service_cases")``.

    >>> c = pd.DataFrame({"channel": ["phone", "phone", "letter"], "response_hours": [2.0, 4.0, 60.0]})
    >>> cases_by_channel(c).loc[["phone", "letter", "media"]]  # doctest: +NORMALIZE_WHITESPACE
             case_count  median_response_hours
    channel
    phone             2                    3.0
    letter            1                   60.0
    media             0                    0.0
    """
    cases = check_key("cases", check_columns("cases", cases, ["channel", "response_hours"]), "case_id")
    check_no_missing("cases", "channel", cases["channel"])
    _known_codes("cases['channel']", cases["channel"], CASE_CHANNELS)
    hours = check_number_column("cases", "response_hours", cases["response_hours"], low=0).to_numpy()
    grouped = pd.Series(hours, index=cases["channel"].astype(str).to_numpy()).groupby(level=0)
    table = pd.DataFrame(
        {
            "case_count": grouped.size().reindex(CASE_CHANNELS, fill_value=0),
            "median_response_hours": grouped.median().reindex(CASE_CHANNELS, fill_value=0.0),
        }
    )
    table.index.name = "channel"
    return table


def repurchase_by_handling(cases, fast_hours=24):
    """Service recovery in the course data (服务补救): the share of customers who bought again
    within 12 months, by how fully (resolved / partial / unresolved) and how fast (first
    response within ``fast_hours`` or later) their case was handled.

    ``cases`` needs ``resolution`` (codes of RESOLUTIONS), ``response_hours`` (≥ 0) and
    ``repurchased_12m`` (0/1); ``fast_hours`` > 0. Returns one row per (speed, resolution)
    with ``speed`` ("fast" or "slow"), ``resolution``, ``cases``, ``repurchase_rate`` (0 when a
    group has no cases) and ``fast_hours``. SOURCE: course convention. The course data are
    synthetic, built to follow TARP-like patterns (TARP 1979/1986, as quoted by Albrecht &
    Zemke 1985; service recovery: Hart, Heskett & Sasser 1990, whose use of the TARP figures is
    unconfirmed): the table illustrates the pattern, it is not evidence for it.

    Parameters:
        cases: a case table with ``resolution`` (``resolved``, ``partial`` or ``unresolved``), ``response_hours``
            (≥ 0) and ``repurchased_12m`` (0 or 1).
        fast_hours: answers within this many hours count as fast, one number > 0.

    >>> c = pd.DataFrame({"resolution": ["resolved", "resolved", "unresolved"],
    ...                   "response_hours": [2.0, 50.0, 3.0], "repurchased_12m": [1, 0, 0]})
    >>> repurchase_by_handling(c).head(2)  # doctest: +NORMALIZE_WHITESPACE
      speed resolution  cases  repurchase_rate  fast_hours
    0  fast   resolved      1              1.0        24.0
    1  fast    partial      0              0.0        24.0
    """
    cases = check_columns("cases", cases, ["resolution", "response_hours", "repurchased_12m"])
    check_key("cases", cases, "case_id")
    check_no_missing("cases", "resolution", cases["resolution"])
    _known_codes("cases['resolution']", cases["resolution"], RESOLUTIONS)
    fast_hours = check_single("fast_hours", fast_hours, low=0, low_open=True)
    hours = check_number_column("cases", "response_hours", cases["response_hours"], low=0).to_numpy()
    bought = check_number_column("cases", "repurchased_12m", cases["repurchased_12m"], low=0, high=1).to_numpy()
    speed = np.where(hours <= fast_hours, "fast", "slow")
    keys = pd.MultiIndex.from_arrays([speed, cases["resolution"].astype(str).to_numpy()], names=["speed", "resolution"])
    grouped = pd.Series(bought, index=keys).groupby(level=[0, 1])
    order = pd.MultiIndex.from_product([["fast", "slow"], RESOLUTIONS], names=["speed", "resolution"])
    table = pd.DataFrame(
        {
            "cases": grouped.size().reindex(order, fill_value=0),
            "repurchase_rate": grouped.mean().reindex(order, fill_value=0.0),
        }
    ).reset_index()
    table["fast_hours"] = fast_hours
    return table


def satisfaction_by_wait(calls, agent=77):
    """Waiting and satisfaction at the hotline (等待与满意): the mean rating of answered calls by
    waiting time, for all agents and for one agent (the No. 77 case).

    ``calls`` needs ``wait_seconds`` (≥ 0), ``abandoned`` (0/1), ``agent_id`` and
    ``satisfaction`` (1–5, for answered calls); ``agent``: an agent id in the data.
    FORMULA: answered calls (abandoned = 0) are grouped by wait_seconds / 60 into the minute
    groups of :data:`WAIT_EDGES_MINUTES` (each includes its lower edge; the last is open).
    Returns one row per group with answered calls (index ``wait_minutes``, e.g. "0–0.5", "≥4")
    with ``mean_satisfaction`` (all agents), ``agent_satisfaction`` and ``agent_calls`` (the
    agent's mean and count; 0 and 0 where the agent had no call), and ``agent``.
    SOURCE: course convention.

    Parameters:
        calls: a call table with ``wait_seconds`` (≥ 0), ``abandoned`` (0/1), ``agent_id`` (whole numbers ≥ 1) and
            ``satisfaction`` (1–5, blank for abandoned calls), as ``data.load("call_center")``.
        agent: the agent compared with all, an agent id (a whole number ≥ 1) that occurs in ``agent_id``.

    >>> from coursekit import data
    >>> satisfaction_by_wait(data.call_center())["agent_satisfaction"].round(2).tolist()
    [4.95, 4.84, 4.7, 4.36, 3.14]
    """
    calls = check_columns("calls", calls, ["wait_seconds", "abandoned", "agent_id", "satisfaction"])
    check_key("calls", calls, "call_id")
    agent = check_int("agent", agent, low=1)
    check_table_numbers("calls", calls, ["abandoned"], low=0, high=1, whole=True)
    answered = calls[calls["abandoned"] == 0]
    if answered.empty:
        raise CourseInputError("complaints.no_answered_calls", name="calls")
    wait = check_number_column("calls", "wait_seconds", answered["wait_seconds"], low=0).to_numpy()
    rating = check_number_column("calls", "satisfaction", answered["satisfaction"], low=1, high=5).to_numpy()
    agents = check_number_column("calls", "agent_id", answered["agent_id"], low=1).to_numpy()
    check_choice("agent", agent, sorted(set(agents.astype(int).tolist())))
    edges = np.array(WAIT_EDGES_MINUTES, dtype=float)
    labels = [f"{low:g}–{high:g}" for low, high in pairwise(edges)] + [f"≥{edges[-1]:g}"]
    group = np.searchsorted(edges, wait / 60, side="right") - 1
    mine = agents == agent
    counts = np.bincount(group, minlength=edges.size)
    seen = np.flatnonzero(counts)
    agent_counts = np.bincount(group[mine], minlength=edges.size)
    agent_totals = np.bincount(group[mine], weights=rating[mine], minlength=edges.size)
    table = pd.DataFrame(
        {
            "mean_satisfaction": np.bincount(group, weights=rating, minlength=edges.size)[seen] / counts[seen],
            "agent_satisfaction": np.divide(
                agent_totals, agent_counts, out=np.zeros(edges.size), where=agent_counts > 0
            )[seen],
            "agent_calls": agent_counts[seen],
            "agent": agent,
        },
        index=pd.Index(np.array(labels)[seen], name="wait_minutes"),
    )
    return table
