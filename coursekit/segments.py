"""Who the valuable customers are (客户细分、客户金字塔、80/20 法则).

- :func:`rfm`: recency, frequency, monetary value and their 1–5 scores (RFM 分析).
- :func:`purchase_summary`: the inputs of "buy till you die" models (frequency, recency, T),
  defined exactly as the ``lifetimes`` package does.
- :func:`customer_value_table`: each customer's revenue, gross margin, cost to serve and profit
  (客户盈利能力), from the course data or your own tables.
- :func:`lorenz_curve`, :func:`gini`, :func:`pareto_share`, :func:`pareto_table`: how concentrated
  value is (洛伦兹曲线、基尼系数、80/20 法则).
- :func:`customer_tiers`, :func:`tier_economics`: the customer pyramid (客户金字塔) of platinum,
  gold, iron and lead customers (铂金、黄金、钢铁、重铅客户).

Every table uses English column names; show them in Chinese with ``coursekit.text("col_<name>")``.

>>> round(pareto_share([50, 20, 10, 10, 5, 3, 1, 1, 0, 0], top=0.2), 2)
0.7
"""

import numpy as np
import pandas as pd

from coursekit import _purchase_counts, data
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_date,
    check_date_column,
    check_int,
    check_key,
    check_no_missing,
    check_number_column,
    check_range,
    check_single,
    check_transactions,
    check_unique,
    check_values,
)
from coursekit.i18n import Message

FAST_FROM_ROWS = 100_000  # purchase_summary counts longer logs with integer arrays (same result)
TIERS = ("platinum", "gold", "iron", "lead")  # the customer pyramid of Zeithaml, Rust & Lemon (2001), best first
TOP_TIERS = ("platinum", "gold")  # the tiers served best
SMALLEST_TIER = 0.001  # pyramid_model: a tier of 0.1 % of the customers at least (smaller shares add up to nothing)


# ---------------------------------------------------------------- RFM


def _quantile_score(values, bins):
    """Scores 1..bins in equal-sized groups by rank (rank first, then bin; ties in row order)."""
    rank = values.rank(method="first").astype(int)  # 1..n, equal values ranked in row order
    return (rank - 1) * bins // len(values) + 1


def rfm(transactions, customer="customer_id", date="date", amount="revenue", asof=None, bins=5):
    """RFM analysis (RFM 分析): per customer how recently, how often and how much they bought,
    with scores from 1 to ``bins`` (5 = best: most recent, most frequent, highest spend).

    Columns (one row per customer, index = customer id, sorted):

    - ``recency_days`` (R) = days from the last purchase day to ``asof`` (default: the day after
      the last date in the data, so the latest buyers have 1). Purchases after ``asof`` are ignored.
    - ``purchase_count`` (F) = number of purchases (rows); two purchases on one day count twice.
    - ``monetary`` (M) = TOTAL spend, as in Hughes' RFM (not the mean per purchase).
    - ``r_score``, ``f_score``, ``m_score``: quantile scores. FORMULA: order customers from worst
      to best (R: most days first; F, M: smallest first), give ranks 1..n, then
      score = ⌊(rank − 1) · bins / n⌋ + 1, so each score holds n/bins customers (±1).
      Ties are broken deterministically by customer id (smaller id = lower rank), so equal values
      can land in neighbouring scores ("rank first, then bin" — course convention).
    - ``rfm_score``: the three scores as text, e.g. "555"; ``rfm_total`` = R + F + M score.

    SOURCE: Hughes (1994) *Strategic Database Marketing* (RFM quintile scoring, monetary = total);
    Fader, Hardie & Lee (2005) "RFM and CLV: using iso-value curves for customer base analysis",
    Journal of Marketing Research 42(4). Tie rule: course convention.

    Parameters:
        transactions: an order table with one row per purchase, holding the three columns named next.
        customer, date, amount: names of the customer id column, the purchase date column (dates or
            "YYYY-MM-DD" text) and the amount column (≥ 0, e.g. yuan).
        asof: the day recency is counted to, a date on or after the first purchase day, or None for the day
            after the last purchase.
        bins: number of score levels, a whole number 2–9.

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "c"],
    ...                    "date": ["2024-03-01", "2024-03-20", "2024-02-01", "2024-03-10", "2024-03-15", "2024-03-30"],
    ...                    "revenue": [100, 50, 500, 20, 20, 20]})
    >>> rfm(tx, bins=3)[["recency_days", "purchase_count", "monetary", "rfm_score"]]  # doctest: +NORMALIZE_WHITESPACE
                 recency_days  purchase_count  monetary rfm_score
    customer_id
    a                      11               2     150.0       222
    b                      59               1     500.0       113
    c                       1               3      60.0       331
    """
    data = check_transactions(transactions, customer, date, amount)
    bins = check_int("bins", bins, low=2, high=9)
    day = data[date].dt.normalize()
    asof = day.max() + pd.Timedelta(days=1) if asof is None else check_date("asof", asof).normalize()
    if asof < day.min():
        raise CourseInputError("errors.range", name="asof", value=str(asof.date()), allowed=f"≥ {day.min():%Y-%m-%d}")
    kept = data.assign(day=day)[day <= asof]
    per_customer = kept.groupby(customer).agg(last=("day", "max"), count=("day", "size"), total=(amount, "sum"))
    table = pd.DataFrame(
        {
            "recency_days": (asof - per_customer["last"]).dt.days,
            "purchase_count": per_customer["count"],
            "monetary": per_customer["total"],
        }
    )
    table["r_score"] = _quantile_score(-table["recency_days"], bins)
    table["f_score"] = _quantile_score(table["purchase_count"], bins)
    table["m_score"] = _quantile_score(table["monetary"], bins)
    table["rfm_score"] = table["r_score"].astype(str) + table["f_score"].astype(str) + table["m_score"].astype(str)
    table["rfm_total"] = table["r_score"] + table["f_score"] + table["m_score"]
    return table


# ---------------------------------------------------------------- buy till you die inputs


def purchase_summary(
    transactions, customer="customer_id", date="date", amount="revenue", observation_end=None, freq="D"
):
    """Per customer the inputs of "buy till you die" models such as Pareto/NBD and BG/NBD
    (购买次数、最近购买时间、观察时长), defined exactly as ``lifetimes`` 0.11.3
    ``summary_data_from_transaction_data`` (with ``monetary_value_col``) defines them.

    Time is counted in periods of ``freq``: "D" = calendar days, "W" = weeks Monday–Sunday
    (pandas ``to_period("W")``, as lifetimes uses). Every date is replaced by the start of its
    period and purchases in one period are merged into one (their amounts added). Purchases
    whose period starts after the period of ``observation_end`` are dropped (default: the last
    date in the data); as in lifetimes, a purchase later in the SAME period as ``observation_end``
    is kept. FORMULA, with p₁ = a customer's first purchase period, pₗ = the last, E = the period
    of ``observation_end``, and k = number of periods with a purchase:

    - ``frequency`` = k − 1 (repeat purchase periods, x)
    - ``recency`` = pₗ − p₁ in periods (age at the last purchase, tₓ; 0 if k = 1)
    - ``T`` = E − p₁ in periods (age at the end of observation)
    - ``monetary_value`` = mean amount of the k − 1 repeat periods (first period excluded; 0 if k = 1)

    All columns are floats (as lifetimes returns them); index = customer id, sorted.

    SOURCE: Schmittlein, Morrison & Colombo (1987) "Counting your customers", Management Science
    33(1) (x, tₓ, T); Fader, Hardie & Lee (2005) "Counting your customers the easy way: an
    alternative to the Pareto/NBD model", Marketing Science 24(2); lifetimes 0.11.3 documentation.

    Parameters:
        transactions: an order table with one row per purchase, holding the three columns named next.
        customer, date, amount: names of the customer id column, the purchase date column and the amount
            column (≥ 0).
        observation_end: the end of observation, a date not before the first purchase, or None for the last
            purchase date.
        freq: the time unit, ``"D"`` (days) or ``"W"`` (weeks Monday–Sunday).

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...                    "date": ["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-08"],
    ...                    "revenue": [10.0, 20.0, 40.0, 99.0]})
    >>> purchase_summary(tx, observation_end="2024-01-10")  # doctest: +NORMALIZE_WHITESPACE
                 frequency  recency     T  monetary_value
    customer_id
    a                  1.0      4.0   9.0            40.0
    b                  0.0      0.0   2.0             0.0
    """
    data = check_transactions(transactions, customer, date, amount)
    freq = check_choice("freq", freq, ("D", "W"))
    data["period"] = data[date].dt.to_period(freq).array.asi8  # each date as its period's number
    if observation_end is None:
        end = data["period"].max()
    else:
        end = check_date("observation_end", observation_end).to_period(freq).ordinal
        if end < data["period"].min():
            raise CourseInputError(
                "errors.range",
                name="observation_end",
                value=str(observation_end),
                allowed=f"≥ {data[date].min():%Y-%m-%d}",
            )
    data = data[data["period"] <= end]
    if len(data) >= FAST_FROM_ROWS:  # the same table, counted with integer arrays (_purchase_counts.py)
        return _purchase_counts.purchase_summary(data, customer, amount, end)

    # One row per customer and period with a purchase, its amounts added, in time order.
    visits = data.groupby([customer, "period"], as_index=False)[amount].sum()
    per_customer = visits.groupby(customer)["period"]
    repeat = visits[visits.duplicated(customer)]  # every purchase period but each customer's first
    summary = pd.DataFrame(
        {
            "frequency": per_customer.size() - 1,
            "recency": per_customer.max() - per_customer.min(),
            "T": end - per_customer.min(),
            "monetary_value": repeat.groupby(customer)[amount].mean(),
        }
    )
    return summary.fillna({"monetary_value": 0.0}).astype(float)


# ---------------------------------------------------------------- customer profitability


def customer_value_table(customers=None, transactions=None):
    """Per customer revenue, gross margin, cost to serve and profit (客户盈利能力) over the data
    period, one row per customer of ``customers`` (index ``customer_id``, in the customers' order).

    FORMULA, for customer c:

    - ``revenue`` = Σ revenue of c's transactions; ``gross_margin`` = Σ gross_margin (0 if no orders)
    - ``service_cost`` = c's cost to serve from ``customers`` (course data: 2023–2025 total)
    - ``profit`` = gross_margin − service_cost (can be negative: an unprofitable customer)

    ``customers`` needs ``customer_id`` and ``service_cost``; ``transactions`` needs ``customer_id``,
    ``revenue`` and ``gross_margin``. Both default to the course data (``coursekit.data``).

    SOURCE: customer profitability = margin minus cost to serve: Kaplan & Cooper (1998) *Cost &
    Effect* (activity-based customer costing); Zeithaml, Rust & Lemon (2001) "The customer
    pyramid", California Management Review 43(4). Table layout: course convention.

    Parameters:
        customers: a customer table with ``customer_id`` (no duplicates) and ``service_cost`` (yuan, ≥ 0), or
            None for the course data.
        transactions: an order table with ``customer_id``, ``revenue`` (yuan, ≥ 0) and ``gross_margin`` (yuan)
            whose customers are all in ``customers``, or None for the course data.

    >>> c = pd.DataFrame({"customer_id": ["a", "b"], "service_cost": [50.0, 80.0]})
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [500, 300, 200],
    ...                    "gross_margin": [100, 60, 40]})
    >>> customer_value_table(c, tx)  # doctest: +NORMALIZE_WHITESPACE
                 revenue  gross_margin  service_cost  profit
    customer_id
    a              800.0         160.0          50.0   110.0
    b              200.0          40.0          80.0   -40.0
    """
    customers = data.customers() if customers is None else customers
    transactions = data.transactions() if transactions is None else transactions
    check_columns("customers", customers, ["customer_id", "service_cost"])
    check_columns("transactions", transactions, ["customer_id", "revenue", "gross_margin"])
    check_key("transactions", transactions, "transaction_id")
    ids = check_no_missing("customers", "customer_id", customers["customer_id"])
    check_unique("customers", "customer_id", ids)
    unknown = ~transactions["customer_id"].isin(ids)
    if unknown.any():
        value = transactions["customer_id"][unknown].iloc[0]
        raise CourseInputError("segments.unknown_customer", n=int(unknown.sum()), value=value)
    orders = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"],
            "revenue": check_range("transactions['revenue']", transactions["revenue"].to_numpy(), low=0),
            "gross_margin": check_range("transactions['gross_margin']", transactions["gross_margin"].to_numpy()),
        }
    )
    table = orders.groupby("customer_id").sum().reindex(ids.to_numpy(), fill_value=0.0)
    table["service_cost"] = check_range("customers['service_cost']", customers["service_cost"].to_numpy(), low=0)
    table["profit"] = table["gross_margin"] - table["service_cost"]
    table.index.name = "customer_id"
    return table


def margin_histories(transactions, customer_ids):
    """Customer value over the relationship (客户价值随时间累积): for each customer in
    ``customer_ids``, the cumulative gross margin after each order, from 0 before the first
    order to the last date of the data (a flat end = the customer stopped buying).

    ``transactions`` needs ``customer_id``, ``date`` and ``gross_margin``; every id in
    ``customer_ids`` (one id or a list, at least one) must appear in it. Returns one row per
    step: ``customer_id``, ``date``, ``cumulative_margin`` (yuan) and ``orders`` (the
    customer's number of orders over the data). FORMULA: for customer c and date d,
    cumulative_margin(d) = Σ gross_margin of c's orders on or before d.
    SOURCE: course convention (customer value as the sum over the relationship, Gupta &
    Lehmann 2005 without discounting).

    Parameters:
        transactions: an order table with ``customer_id``, ``date`` and ``gross_margin`` (yuan).
        customer_ids: one customer id or a list of at least one, each present in ``transactions``
            (whose ``customer_id`` has no blanks).

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "gross_margin": [10.0, 5.0, 7.0],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01"])})
    >>> margin_histories(tx, ["a"])[["date", "cumulative_margin"]]  # doctest: +NORMALIZE_WHITESPACE
            date  cumulative_margin
    0 2024-01-01                0.0
    1 2024-01-01               10.0
    2 2024-03-01               15.0
    3 2024-03-01               15.0
    """
    check_columns("transactions", transactions, ["customer_id", "date", "gross_margin"])
    check_no_missing("transactions", "customer_id", transactions["customer_id"])
    check_key("transactions", transactions, "transaction_id")
    listed = isinstance(customer_ids, (list, tuple, np.ndarray, pd.Series, pd.Index))
    ids = list(customer_ids) if listed else [customer_ids]  # one id: text, or a number in your own data
    if not ids:
        raise CourseInputError("segments.no_customers", name="customer_ids")
    known = set(transactions["customer_id"])
    for customer in ids:
        try:
            found = customer in known
        except TypeError:  # a list inside the list is no id
            found = False
        if not found:
            example = transactions["customer_id"].iloc[0]
            raise CourseInputError("segments.unknown_customer_id", name="customer_ids", value=customer, example=example)
    dates = check_date_column("transactions", "date", transactions["date"])
    margins = check_number_column("transactions", "gross_margin", transactions["gross_margin"])
    end = dates.max()
    steps = []
    for customer in ids:
        mine = pd.DataFrame({"date": dates, "margin": margins})[transactions["customer_id"] == customer]
        mine = mine.sort_values("date", kind="stable")
        cumulative = mine["margin"].cumsum().to_numpy()
        steps.append(
            pd.DataFrame(
                {
                    "customer_id": customer,
                    "date": [mine["date"].iloc[0], *mine["date"], end],
                    "cumulative_margin": [0.0, *cumulative, cumulative[-1]],
                    "orders": len(mine),
                }
            )
        )
    return pd.concat(steps, ignore_index=True)


# ---------------------------------------------------------------- concentration: Lorenz, Gini, 80/20


def lorenz_curve(values):
    """The Lorenz curve (洛伦兹曲线) of customer values: customers sorted from the smallest up,
    cumulative share of customers against cumulative share of value, starting at (0, 0).

    FORMULA: with values sorted ascending x₁ ≤ … ≤ xₙ, point i (i = 0..n) is
    (i / n, (x₁ + … + xᵢ) / (x₁ + … + xₙ)). Values must be ≥ 0 and not all 0.
    The curve is convex and ends at (1, 1); the diagonal means every customer is worth the same.

    SOURCE: Lorenz (1905) "Methods of measuring the concentration of wealth", Publications of the
    American Statistical Association 9(70).

    Parameters:
        values: one value per customer (e.g. revenue), a list or array of numbers ≥ 0, not all 0.

    >>> lorenz_curve([1, 3])
       cum_customer_share  cum_value_share
    0                 0.0             0.00
    1                 0.5             0.25
    2                 1.0             1.00
    """
    x = np.sort(check_values("values", values))
    cumulative = np.concatenate([[0.0], np.cumsum(x)])
    return pd.DataFrame(
        {
            "cum_customer_share": np.arange(x.size + 1) / x.size,
            "cum_value_share": cumulative / cumulative[-1],
        }
    )


def gini(values):
    """The Gini coefficient (基尼系数) of customer values: 0 = every customer is worth the same,
    → 1 = one customer has everything ((n − 1)/n when one of n customers has all the value).

    FORMULA: G = 1 − 2 × (area under the Lorenz curve); with values sorted ascending x₁ ≤ … ≤ xₙ
    this is G = 2 Σᵢ i·xᵢ / (n Σᵢ xᵢ) − (n + 1) / n. Values must be ≥ 0 and not all 0.

    SOURCE: Gini (1912) *Variabilità e mutabilità*; Lorenz (1905), Publications of the American
    Statistical Association 9(70).

    Parameters:
        values: one value per customer, a list or array of numbers ≥ 0, not all 0.

    >>> gini([1, 1, 1, 1]), gini([0, 0, 0, 10])
    (0.0, 0.75)
    """
    x = np.sort(check_values("values", values))
    n = x.size
    i = np.arange(1, n + 1)
    return float(2 * np.sum(i * x) / (n * np.sum(x)) - (n + 1) / n)


def pareto_share(values, top=0.2):
    """Share of the total value held by the top ``top`` fraction of customers (the 80/20 rule,
    二八法则): e.g. 0.8 means the best 20 % of customers bring 80 % of the value.

    FORMULA: share = 1 − L(1 − top), with L the Lorenz curve (:func:`lorenz_curve`) joined by
    straight lines. When top·n is a whole number k this is exactly (sum of the k largest values) /
    (sum of all); otherwise the next customer counts with the fraction top·n − k (interpolation on
    the Lorenz curve). ``top`` may be an array (one share per element).

    SOURCE: Pareto (1896) *Cours d'économie politique* (concentration of wealth); "80/20 rule" and
    "vital few" from Juran (1951) *Quality Control Handbook*; Lorenz (1905).

    Parameters:
        values: one value per customer, a list or array of numbers ≥ 0, not all 0.
        top: the top share of customers, a fraction in (0, 1] (0.2 = the best 20 %).

    >>> pareto_share([8, 1, 1, 0, 0], top=0.2)
    0.8
    >>> round(pareto_share([8, 1, 1, 0, 0], top=0.3), 4)  # the best customer plus half of the second
    0.85
    """
    curve = lorenz_curve(values)
    top = check_range("top", top, low=0, high=1, low_open=True)
    share = 1 - np.interp(1 - top, curve["cum_customer_share"], curve["cum_value_share"])
    return float(share) if np.ndim(share) == 0 else share


def pareto_curve(values):
    """The Pareto curve (帕累托曲线, 客户价值集中度) of customer values: customers sorted from the
    MOST valuable down, the cumulative share of customers against the cumulative share of
    value; the Lorenz curve (:func:`lorenz_curve`) turned round.

    FORMULA: P(x) = 1 − L(1 − x); point i (i = 0..n) is (i / n, share of the i largest values).
    Values must be ≥ 0 and not all 0. SOURCE: Lorenz (1905); Juran (1951) (the "vital few").

    Parameters:
        values: one value per customer, a list or array of numbers ≥ 0, not all 0.

    >>> pareto_curve([8, 1, 1, 0, 0])["cum_value_share"].round(2).tolist()
    [0.0, 0.8, 0.9, 1.0, 1.0, 1.0]
    """
    curve = lorenz_curve(values)
    return pd.DataFrame(
        {
            "cum_customer_share": 1 - curve["cum_customer_share"].to_numpy()[::-1],
            "cum_value_share": 1 - curve["cum_value_share"].to_numpy()[::-1],
        }
    )


def pareto_table(values, tops=(0.01, 0.05, 0.1, 0.2, 0.5)):
    """A lesson table "the top x % of customers hold y % of the value" (客户价值集中度表).

    FORMULA: for each x in ``tops``, ``value_share`` = :func:`pareto_share` (values, top=x).
    SOURCE: course convention (built on Pareto 1896 / Juran 1951, see :func:`pareto_share`).

    Parameters:
        values: one value per customer, a list or array of numbers ≥ 0, not all 0.
        tops: the top shares of customers to tabulate, fractions in (0, 1].

    >>> pareto_table([8, 1, 1, 0, 0], tops=(0.2, 0.6))
       customer_share  value_share
    0             0.2          0.8
    1             0.6          1.0
    """
    tops = np.atleast_1d(check_range("tops", tops, low=0, high=1, low_open=True))
    if tops.ndim != 1 or tops.size == 0:
        expected = Message("errors.expect_number_list")
        raise CourseInputError("errors.type", name="tops", value=tops.tolist(), expected=expected)
    return pd.DataFrame({"customer_share": tops, "value_share": pareto_share(values, top=tops)})


# ---------------------------------------------------------------- customer pyramid


def _cutoffs(cutoffs):
    array = check_range("cutoffs", cutoffs, low=0, high=1, low_open=True, high_open=True)
    if np.ndim(array) != 1 or array.size != 3:
        raise CourseInputError(
            "errors.type", name="cutoffs", value=cutoffs, expected=Message("segments.expect_three_fractions")
        )
    if np.any(np.diff(array) <= 0):
        raise CourseInputError("segments.cutoffs_order", name="cutoffs", value=tuple(array.tolist()))
    return array


def customer_tiers(values, cutoffs=(0.05, 0.20, 0.70)):
    """The customer pyramid (客户金字塔): "platinum", "gold", "iron" or "lead" for each customer,
    by rank of profitability (or another value; negative values are allowed).

    With the default ``cutoffs`` the best 5 % are platinum (铂金客户), the next 15 % gold (黄金客户),
    the next 50 % iron (钢铁客户) and the bottom 30 % lead (重铅客户). Zeithaml, Rust & Lemon give
    no numeric cut-offs: these defaults are the COURSE'S OWN choice; ``cutoffs`` are the
    cumulative top shares, strictly increasing, each in (0, 1).

    FORMULA: rank customers from the best (rank 1) down; equal values keep their input order
    (the earlier one ranks higher). A customer's tier is the first k with (rank − ½) / n ≤ cutoffₖ
    (lead if none), so tier sizes are the cut-offs times n rounded half up: the top tiers hold
    round(0.05·n), round(0.20·n), round(0.70·n) customers.

    Returns an ordered categorical Series (lead < iron < gold < platinum) named "tier", with the
    index of ``values`` when it is a Series.

    SOURCE: Zeithaml, Rust & Lemon (2001) "The customer pyramid: creating and serving profitable
    customers", California Management Review 43(4); cut-offs and tie rule: course convention.

    Parameters:
        values: one value per customer (e.g. profit; may be negative), a non-empty list or array of numbers.
        cutoffs: three cumulative top shares, strictly increasing, each strictly between 0 and 1.

    >>> customer_tiers([30, 5, -2, 12, 8, 1, 0, 2, 4, 3], cutoffs=(0.1, 0.3, 0.7)).tolist()
    ['platinum', 'iron', 'lead', 'gold', 'gold', 'lead', 'lead', 'iron', 'iron', 'iron']
    """
    x = check_values("values", values, nonnegative=False)
    limits = _cutoffs(cutoffs)
    order = np.argsort(-x, kind="stable")  # best first; a stable sort keeps ties in input order
    rank = np.empty(x.size, dtype=int)
    rank[order] = np.arange(1, x.size + 1)
    level = np.searchsorted(limits, (rank - 0.5) / x.size, side="left")  # 0 = platinum … 3 = lead
    tiers = pd.Categorical(np.array(TIERS)[level], categories=TIERS[::-1], ordered=True)
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series(tiers, index=index, name="tier")


def tier_economics(customers, tier="tier", revenue="revenue", profit="profit", cost_to_serve=None):
    """Economics of each tier of the customer pyramid (客户金字塔各层的经济效益), best tier first.

    ``customers`` has one row per customer with its tier (from :func:`customer_tiers`), revenue,
    profit and, optionally, cost to serve. FORMULA per tier t (n = customers, Σ = sum over tier t):

    - ``customer_count`` = nₜ; ``customer_share`` = nₜ / n
    - ``tier_revenue`` = Σ revenue; ``revenue_share`` = tier_revenue / total revenue
    - ``tier_profit`` = Σ profit; ``profit_share`` = tier_profit / total profit (negative for a
      loss-making tier); ``profit_per_customer`` = tier_profit / nₜ
    - ``cost_to_serve_per_customer`` = Σ cost_to_serve / nₜ (only when ``cost_to_serve`` is given)

    A tier without customers shows 0 customers and NaN per-customer values. Revenue and profit must not
    add up to 0 (their shares would not exist).

    SOURCE: Zeithaml, Rust & Lemon (2001) "The customer pyramid", California Management Review
    43(4); table layout: course convention.

    Parameters:
        customers: one row per customer, with the columns named next.
        tier: name of the tier column; its values are ``"platinum"``, ``"gold"``, ``"iron"`` or ``"lead"``.
        revenue: name of the revenue column (yuan, ≥ 0).
        profit: name of the profit column (yuan, may be negative).
        cost_to_serve: None, or the name of a cost-to-serve column (yuan, ≥ 0).

    >>> c = pd.DataFrame({"tier": ["platinum", "gold", "lead", "lead"], "revenue": [900, 300, 50, 50],
    ...                   "profit": [300, 60, -10, -30]})
    >>> tier_economics(c)[["customer_count", "revenue_share", "profit_per_customer"]]  # doctest: +NORMALIZE_WHITESPACE
              customer_count  revenue_share  profit_per_customer
    tier
    platinum               1       0.692308                300.0
    gold                   1       0.230769                 60.0
    iron                   0       0.000000                  NaN
    lead                   2       0.076923                -20.0
    """
    columns = [tier, revenue, profit] + ([cost_to_serve] if cost_to_serve is not None else [])
    check_columns("customers", customers, columns)
    check_key("customers", customers, "customer_id")
    codes = customers[tier]
    unknown = ~codes.isin(TIERS)
    if unknown.any():
        check_choice(f"customers['{tier}']", codes[unknown].iloc[0], TIERS)
    numbers = pd.DataFrame(
        {
            "revenue": check_number_column("customers", revenue, customers[revenue], low=0),
            "profit": check_number_column("customers", profit, customers[profit]),
        }
    )
    if cost_to_serve is not None:
        numbers["cost"] = check_number_column("customers", cost_to_serve, customers[cost_to_serve], low=0)
    for column, values in ((revenue, numbers["revenue"]), (profit, numbers["profit"])):
        if values.sum() == 0:  # the shares of a zero total do not exist
            raise CourseInputError("errors.zero_total", name=f"customers['{column}']")
    sums = numbers.groupby(codes.astype(str).to_numpy()).sum().reindex(list(TIERS), fill_value=0)
    count = codes.astype(str).value_counts().reindex(list(TIERS), fill_value=0)
    table = pd.DataFrame(
        {
            "customer_count": count,
            "customer_share": count / count.sum(),
            "tier_revenue": sums["revenue"],
            "revenue_share": sums["revenue"] / sums["revenue"].sum(),
            "tier_profit": sums["profit"],
            "profit_share": sums["profit"] / sums["profit"].sum(),
            "profit_per_customer": sums["profit"] / count.where(count > 0),
        }
    )
    if cost_to_serve is not None:
        table["cost_to_serve_per_customer"] = sums["cost"] / count.where(count > 0)
    table.index.name = "tier"
    return table


# ---------------------------------------------------------------- the pyramid what-if


def _pyramid_cutoffs(platinum, gold, iron):
    """The cumulative cut-offs of :func:`customer_tiers` for three tier shares."""
    named = {"platinum": platinum, "gold": gold, "iron": iron}
    shares = [check_single(name, value, low=SMALLEST_TIER, high=1) for name, value in named.items()]
    total = sum(shares)
    if total >= 1 - 1e-9:  # lead customers are the rest: at least some must be left
        raise CourseInputError("segments.pyramid_shares_error", total=total)
    return np.cumsum(shares)


def pyramid_model(customers_table, platinum, gold, iron, reallocation=0.0, top_elasticity=0.3, lead_elasticity=0.3):
    """The customer pyramid (客户金字塔) for chosen tier shares, after moving a share of the lead
    customers' cost to serve to platinum and gold customers (服务资源再分配).

    Tiers: customers ranked by today's profit (gross_margin − service_cost); the best ``platinum``
    share are platinum, the next ``gold`` share gold, the next ``iron`` share iron, the rest lead
    (:func:`customer_tiers`); the three shares must sum to less than 1.

    Service re-allocation — a TEACHING ASSUMPTION (course convention), linear and explicit:

    - moved = reallocation × Σ service_cost of lead customers (lead cost to serve falls by that share);
    - the money is spent on platinum and gold customers in proportion to their cost to serve, so
      their service spend rises by service_lift = moved / Σ service_cost of platinum and gold;
    - sales answer service with a constant elasticity (sales ∝ service^elasticity, the multiplicative
      sales-response model): revenue and gross margin of platinum and gold customers rise by
      revenue_lift = (1 + service_lift)^top_elasticity − 1, those of lead customers fall by
      lead_revenue_drop = 1 − (1 − reallocation)^lead_elasticity (for small changes: elasticity × change).

    Total cost to serve is unchanged, so profit changes only through margins:
    Δprofit = revenue_lift × GM(platinum, gold) − lead_revenue_drop × GM(lead).
    Tiers stay those of today. Elasticities (% sales change per 1 % more service) of about 0.3
    follow the mean personal selling elasticity 0.34 of Albers, Mantrala & Sridhar (2010),
    "Personal selling elasticities: a meta-analysis", Journal of Marketing Research 47(5).

    Returns a dict: ``tiers`` (:func:`tier_economics` after the move, with
    cost to serve per customer), ``moved``, ``service_lift``, ``revenue_lift``,
    ``lead_revenue_drop``, ``profit_today``, ``profit``, ``profit_change``, ``top_customer_share``
    and ``top_profit_share`` (platinum + gold customers' share of customers and of total profit,
    meaningful while total profit > 0),
    ``top20_share`` (:func:`pareto_share` of today's revenue: what the best
    20 % of customers bring) and the inputs.

    SOURCE: Zeithaml, Rust & Lemon (2001) "The customer pyramid", California Management Review
    43(4) (serve tiers by profitability); re-allocation model: course convention.

    Parameters:
        customers_table: one row per customer with ``revenue`` (≥ 0), ``gross_margin`` and ``service_cost``
            (≥ 0), in yuan, as :func:`customer_value_table` returns.
        platinum, gold, iron: the shares of customers in these tiers, each one number 0.001–1 (at least 0.1 % of
            the customers), summing to less than 1 (lead customers are the rest).
        reallocation: the share of the lead customers' cost to serve moved to platinum and gold, one number 0–1.
        top_elasticity: elasticity of platinum and gold sales to service spend, one number 0–1 (a teaching
            assumption).
        lead_elasticity: elasticity of lead customers' sales to service spend, one number 0–1.

    >>> table = pd.DataFrame({"revenue": [900.0, 500, 300, 100], "gross_margin": [300.0, 150, 60, 10],
    ...                       "service_cost": [100.0, 50, 40, 30]})
    >>> r = pyramid_model(table, platinum=0.25, gold=0.25, iron=0.25, reallocation=0.5)
    >>> r["moved"], r["service_lift"], round(r["revenue_lift"], 4), round(r["lead_revenue_drop"], 4)
    (15.0, 0.1, 0.029, 0.1877)
    >>> round(r["profit_change"], 2)  # 0.029 × (300 + 150) − 0.1877 × 10
    11.18
    """
    check_columns("customers_table", customers_table, ["revenue", "gross_margin", "service_cost"])
    revenue = check_range("customers_table['revenue']", customers_table["revenue"].to_numpy(), low=0)
    margin = check_range("customers_table['gross_margin']", customers_table["gross_margin"].to_numpy())
    cost = check_range("customers_table['service_cost']", customers_table["service_cost"].to_numpy(), low=0)
    if revenue.sum() == 0:
        raise CourseInputError("errors.all_zero", name="customers_table['revenue']")
    if (margin - cost).sum() == 0:  # today's profit: the tiers' shares of it
        raise CourseInputError("errors.zero_total", name="customers_table['gross_margin'] − ['service_cost']")
    cutoffs = _pyramid_cutoffs(platinum, gold, iron)
    reallocation = check_single("reallocation", reallocation, low=0, high=1)
    top_elasticity = check_single("top_elasticity", top_elasticity, low=0, high=1)
    lead_elasticity = check_single("lead_elasticity", lead_elasticity, low=0, high=1)

    profit_today = margin - cost
    tier = customer_tiers(profit_today, cutoffs=cutoffs)
    top, lead = tier.isin(TOP_TIERS).to_numpy(), (tier == "lead").to_numpy()
    moved = reallocation * cost[lead].sum()
    top_cost = cost[top].sum()
    if moved > 0 and top_cost == 0:
        raise CourseInputError("segments.pyramid_no_top_cost", reallocation=reallocation)
    service_lift = moved / top_cost if moved > 0 else 0.0
    revenue_lift = (1 + service_lift) ** top_elasticity - 1
    lead_revenue_drop = 1 - (1 - reallocation) ** lead_elasticity
    sales_factor = np.where(top, 1 + revenue_lift, np.where(lead, 1 - lead_revenue_drop, 1.0))
    cost_factor = np.where(top, 1 + service_lift, np.where(lead, 1 - reallocation, 1.0))
    after = pd.DataFrame(
        {
            "tier": tier,
            "revenue": revenue * sales_factor,
            "profit": margin * sales_factor - cost * cost_factor,
            "service_cost": cost * cost_factor,
        }
    )
    tiers = tier_economics(after, cost_to_serve="service_cost")
    profit = tiers["tier_profit"].sum()
    return {
        "tiers": tiers,
        "platinum": platinum,
        "gold": gold,
        "iron": iron,
        "reallocation": reallocation,
        "top_elasticity": top_elasticity,
        "lead_elasticity": lead_elasticity,
        "moved": float(moved),
        "service_lift": float(service_lift),
        "revenue_lift": float(revenue_lift),
        "lead_revenue_drop": float(lead_revenue_drop),
        "profit_today": float(profit_today.sum()),
        "profit": float(profit),
        "profit_change": float(profit - profit_today.sum()),
        "top_customer_share": float(tiers["customer_share"][list(TOP_TIERS)].sum()),
        "top_profit_share": float(tiers["tier_profit"][list(TOP_TIERS)].sum() / profit),
        "top20_share": pareto_share(revenue, top=0.2),
    }
