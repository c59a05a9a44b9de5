"""Who the customer is (谁是我们的客户, lesson 1): the tables behind lesson 1's charts and
the TV-choice scoring.

- :func:`calls_by_hour`: waiting time and calls at the hotline by hour (the No. 77 case).
- :func:`customer_mix`: each group's share of customers and of revenue (where revenue comes from).
- :func:`expectation_spread`: how differently customers rate what they expect, attribute by attribute.
- :func:`price_rating`, :func:`choice_scores`, :func:`tv_choice`: the weighted scoring of the
  seed's TV-choice exercise (A's TV at 2,800 yuan against B's at 2,600 yuan).
"""

import numpy as np
import pandas as pd

from coursekit.complaints import check_ratings, weight_shares
from coursekit.data import ATTRIBUTES
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_key,
    check_no_missing,
    check_number_column,
    check_range,
    check_single,
)
from coursekit.i18n import Message

RATINGS = np.arange(1, 8)  # the survey's expectation scale, 1–7


def calls_by_hour(calls):
    """Waiting and calls at the customer hotline by hour of the day (客服热线各时段的等待时间与来电量):
    the table behind lesson 1's No. 77 case ("why don't you have more staff?").

    ``calls`` has one row per call with ``date``, ``hour`` (0–23) and ``wait_seconds`` (≥ 0),
    answered or abandoned. Returns one row per hour (index ``hour``) with:

    - ``mean_wait_seconds`` = mean wait of the calls that came in that hour;
    - ``calls_per_day`` = calls in that hour / number of days in the data;
    - ``wait_above_mean`` = mean_wait_seconds − mean wait of all calls.

    SOURCE: course convention (course data: call_center).

    Parameters:
        calls: a call table with ``date``, ``hour`` (0–23) and ``wait_seconds`` (≥ 0), as
            ``data.load("call_center")``.

    >>> calls = pd.DataFrame({"date": ["d1", "d1", "d1", "d2"], "hour": [9, 9, 10, 9],
    ...                       "wait_seconds": [10, 30, 5, 20]})
    >>> calls_by_hour(calls)  # doctest: +NORMALIZE_WHITESPACE
          mean_wait_seconds  calls_per_day  wait_above_mean
    hour
    9                  20.0            1.5           3.75
    10                  5.0            0.5         -11.25
    """
    calls = check_key("calls", check_columns("calls", calls, ["date", "hour", "wait_seconds"]), "call_id")
    days = check_no_missing("calls", "date", calls["date"]).nunique()
    hours = check_number_column("calls", "hour", calls["hour"], low=0, high=23)
    wait = check_number_column("calls", "wait_seconds", calls["wait_seconds"], low=0).to_numpy()
    per_hour = pd.Series(wait, index=pd.Index(hours.astype(int), name="hour")).groupby(level=0).agg(["mean", "size"])
    return pd.DataFrame(
        {
            "mean_wait_seconds": per_hour["mean"],
            "calls_per_day": per_hour["size"] / days,
            "wait_above_mean": per_hour["mean"] - wait.mean(),
        }
    )


def customer_mix(customers, by="customer_type", revenue="revenue"):
    """Who the customers are and where the revenue comes from (客户构成与收入来源): for each
    group of customers (the codes in column ``by``: customer types, regions, channels ...)
    its share of all customers next to its share of all revenue.

    ``customers`` has one row per customer, the column ``by`` (no blanks) and the column
    ``revenue`` (money ≥ 0, not all 0, e.g. the customer's revenue over 2023–2025).
    FORMULA: for group g with n_g customers and revenue R_g, out of n and R in total:
    ``customer_share`` = n_g / n, ``revenue_share`` = R_g / R (index: the group codes, named
    ``by``). SOURCE: course convention (the first of the three questions of the course seed:
    where does the revenue come from?).

    Parameters:
        customers: one row per customer, with the two columns named next.
        by: the column that groups customers (no blanks), e.g. ``"customer_type"`` or ``"region"``.
        revenue: the money column, ≥ 0 and not all 0.

    >>> c = pd.DataFrame({"customer_type": ["retail", "retail", "retail", "merchant"],
    ...                   "revenue": [100.0, 50.0, 50.0, 800.0]})
    >>> customer_mix(c)  # doctest: +NORMALIZE_WHITESPACE
                   customer_share  revenue_share
    customer_type
    merchant                 0.25            0.8
    retail                   0.75            0.2
    """
    customers = check_key("customers", check_columns("customers", customers, [by, revenue]), "customer_id")
    groups = check_no_missing("customers", by, customers[by])
    money = check_number_column("customers", revenue, customers[revenue], low=0).to_numpy()
    if money.sum() == 0:
        raise CourseInputError("errors.all_zero", name=f"customers['{revenue}']")
    table = pd.Series(np.atleast_1d(money), index=customers.index).groupby(groups, observed=True).agg(["size", "sum"])
    shares = pd.DataFrame(
        {"customer_share": table["size"] / table["size"].sum(), "revenue_share": table["sum"] / table["sum"].sum()}
    )
    shares.index.name = by
    return shares


def expectation_spread(survey):
    """How differently customers rate what they expect (客户期望的差异): for each of the five
    attributes (service, appearance, image, cost, delivery) the share of survey respondents
    giving each expectation rating from 1 to 7.

    ``survey`` has the columns ``expectation_<attribute>`` (ratings 1–7). Returns one row per
    attribute (index ``attribute``) and one column per rating 1..7.
    FORMULA: share of rating k for attribute a = (respondents rating a with k) / respondents.
    SOURCE: course convention (course data: survey; attributes from the course seed).

    Parameters:
        survey: a survey table with ``expectation_service``, ``expectation_appearance``, ``expectation_image``,
            ``expectation_cost`` and ``expectation_delivery`` (ratings 1–7), as ``data.load("survey")``.

    >>> s = pd.DataFrame({f"expectation_{a}": [5, 7, 7, 3] for a in ATTRIBUTES})
    >>> expectation_spread(s).loc["service"].tolist()
    [0.0, 0.0, 0.25, 0.0, 0.25, 0.0, 0.5]
    """
    columns = [f"expectation_{name}" for name in ATTRIBUTES]
    survey = check_key("survey", check_columns("survey", survey, columns), "respondent_id")
    shares = [
        (check_number_column("survey", column, survey[column], low=1, high=7).to_numpy()[:, None] == RATINGS).mean(0)
        for column in columns
    ]
    return pd.DataFrame(shares, index=pd.Index(ATTRIBUTES, name="attribute"), columns=RATINGS)


# The TV choice exercise (电视机选择练习) of the course seed: company A's TV at a uniform
# price of 2,800 yuan, company B's at a discounted 2,600 yuan.
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

    Parameters:
        prices: the offers' prices in yuan, each > 0 (a list or an array).
        yuan_per_point: yuan of extra price that cost one rating point, one number ≥ 0.01 (one fen).
        top: the rating of the cheapest offer, one number ≥ 1.

    >>> price_rating([2800, 2600]).tolist()
    [8.0, 10.0]
    """
    prices = np.atleast_1d(check_range("prices", prices, low=0, low_open=True))
    if prices.size == 0 or prices.ndim != 1:
        expected = Message("errors.expect_number_list")
        raise CourseInputError("errors.type", name="prices", value=prices.tolist(), expected=expected)
    yuan_per_point = check_single("yuan_per_point", yuan_per_point, low=0.01)  # a fen: the smallest sum of money
    top = check_single("top", top, low=1)
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

    Parameters:
        ratings_a: a dict attribute → A's rating, 1–10.
        ratings_b: a dict with the same attributes → B's rating, 1–10.
        weights: None (equal weights) or a dict with the same attributes → importance ≥ 0, not all 0.

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


def check_two_prices(prices):
    """Refuse ``prices`` unless it is a pair (price of A, price of B), each in yuan > 0.

    Parameters:
        prices: must be a pair (price of A, price of B), each > 0.
    """
    checked = check_range("prices", prices, low=0, low_open=True)
    if np.ndim(checked) != 1 or np.size(checked) != 2:
        expected = {"expected": Message("customer_base.expect_two_prices")}
        raise CourseInputError("errors.type", name="prices", value=prices, **expected)


def overrides(name, given, defaults, added=()):
    """``defaults`` (attribute → number) updated with the dict ``given``, keys checked.

    Parameters:
        name: the argument's name, shown in the error message.
        given: None or a dict whose keys are among the five attributes (or ``added``).
        defaults: the dict attribute → number that ``given`` updates.
        added: attributes beyond the five that ``given`` may also name (see :func:`added_attributes`).
    """
    if given is not None and not isinstance(given, dict):
        expected = Message("customer_base.expect_changes")
        raise CourseInputError("errors.type", name=name, value=given, expected=expected)
    merged = dict(defaults)
    for key, value in (given or {}).items():
        merged[check_choice(f"{name} key", key, (*ATTRIBUTES, *added))] = value
    return merged


def added_attributes(ratings_a, ratings_b):
    """The attributes beyond the five (e.g. ``"performance"``: channels, remote, picture) that
    both ``ratings_a`` and ``ratings_b`` rate, in the order of ``ratings_a``. A new attribute
    rated for one TV only is refused: the two TVs must be scored on the same attributes.

    Parameters:
        ratings_a, ratings_b: None or dicts attribute → rating, as in :func:`tv_choice`.

    >>> added_attributes({"service": 9, "performance": 7}, {"performance": 8})
    ['performance']
    """
    given = [ratings if isinstance(ratings, dict) else {} for ratings in (ratings_a, ratings_b)]
    new = [[k for k in ratings if isinstance(k, str) and k.strip() and k not in ATTRIBUTES] for ratings in given]
    for name, other, mine, theirs in (("ratings_a", "ratings_b", *new), ("ratings_b", "ratings_a", *new[::-1])):
        for key in mine:
            if key not in theirs and key != "overall":
                allowed = ", ".join(ATTRIBUTES)
                raise CourseInputError("customer_base.added_needs_both", name=name, other=other, attribute=key,
                                       allowed=allowed)
    return [k for k in new[0] if k != "overall"]


def tv_choice(weights=None, ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice exercise (电视机选择练习) scored: company A's TV (2,800 yuan) against
    company B's (2,600 yuan) on service, appearance, image, cost and delivery.

    Starts from :data:`TV_RATINGS` (course convention) and equal weights; ``weights``,
    ``ratings_a`` and ``ratings_b`` are dicts that change some attributes, e.g.
    ``ratings_a={"service": 9}``. A sixth attribute (e.g. ``"performance"``: channels, remote,
    picture) is added by rating it for both TVs, ``ratings_a={"performance": 7}`` and
    ``ratings_b={"performance": 8}``; its importance is 1 like the others' unless ``weights`` says
    otherwise (rows: the five attributes, the added ones, "overall"). The cost ratings come from
    ``prices`` (A, B) by :func:`price_rating`. FORMULA and SOURCE: :func:`choice_scores` (Fishbein 1963;
    Wilkie & Pessemier 1973); ratings and price scale: course convention.

    Parameters:
        weights: None or a dict that changes some attributes' importance (≥ 0), e.g. ``{"cost": 2}``.
        ratings_a, ratings_b: None or dicts that change some of A's or B's ratings (1–10), e.g. ``{"service": 9}``;
            an attribute beyond the five must be rated in both.
        prices: the two prices in yuan (A, B), each > 0.
        yuan_per_point: yuan of extra price that cost one rating point, ≥ 0.01 (see :func:`price_rating`).

    >>> tv_choice().loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [7.2, 7.8]
    >>> tv_choice(ratings_a={"service": 9, "delivery": 9}).loc["overall", ["points_a", "points_b"]].round(2).tolist()
    [8.0, 7.8]
    >>> six = tv_choice(ratings_a={"performance": 7}, ratings_b={"performance": 8})
    >>> six.index.tolist()[-2:], round(float(six.loc["overall", "points_b"]), 2)
    (['performance', 'overall'], 7.83)
    """
    check_two_prices(prices)
    cost_a, cost_b = price_rating(prices, yuan_per_point)
    added = added_attributes(ratings_a, ratings_b)
    rated_a = overrides("ratings_a", ratings_a, {**TV_RATINGS["a"], "cost": cost_a}, added)
    rated_b = overrides("ratings_b", ratings_b, {**TV_RATINGS["b"], "cost": cost_b}, added)
    order = [*ATTRIBUTES, *added]
    weighed = overrides("weights", weights, dict.fromkeys(order, 1.0), added)
    return choice_scores({k: rated_a[k] for k in order}, {k: rated_b[k] for k in order}, {k: weighed[k] for k in order})
