"""Retention and churn economics (客户保持与客户流失的经济学).

Retention r (客户保持率) is the share of customers who stay from one period to the
next; churn (客户流失率) is 1 − r. Small differences in churn add up: a lost customer
must be replaced at a cost, and a customer who stays longer is worth more.

The last section measures retention in an order table such as the course data
(lesson 3): yearly retention, lapse after service cases, customers at risk.

>>> round(annual_churn(0.015), 3)  # 1.5 % a month is about 16.6 % a year
0.166
"""

import numpy as np
import pandas as pd

from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_date_column,
    check_int,
    check_key,
    check_no_missing,
    check_number_column,
    check_range,
    check_shapes,
    check_single,
    check_transactions,
    check_unique,
    plain,
)
from coursekit.i18n import Message
from coursekit.value import MAX_YEARS, lifetime_value

# "Acquiring a customer costs about five times as much as keeping one": a rule of thumb
# widely quoted in marketing textbooks (e.g. Kotler & Keller, *Marketing Management*),
# not a measured law. The seed quotes Kotler as 7–10 times, and "one new customer's
# cost keeps five old ones". See cost_per_retention_point_from_ratio.
ACQUISITION_COST_RATIO = 5

# Reichheld & Sasser (1990), "Zero defections: quality comes to services", Harvard
# Business Review 68(5), exhibit "Reducing defections 5% boosts profits 25% to 85%":
# the increase in customer net present value (the profit of an average customer over
# their lifetime, discounted) when the defection rate falls by 5 percentage points.
# "5 % more retention" in the seed means exactly this: 5 percentage points less
# defection. The figures come from the article's exhibit; Reichheld's later book
# (The Loyalty Effect, 1996) shows a longer, different list (up to 95 %) that is often
# mixed up with this one.
REICHHELD_SASSER_1990 = {
    "branch_deposits": 0.85,
    "credit_card": 0.75,
    "insurance_brokerage": 0.50,
    "industrial_distribution": 0.45,
    "industrial_laundry": 0.45,
    "office_building_management": 0.40,
    "software": 0.35,
    "auto_service": 0.30,
    "credit_insurance": 0.25,
}


def _table(**columns):
    """The columns broadcast against each other, one row per scenario."""
    arrays = np.broadcast_arrays(*(np.asarray(values) for values in columns.values()))
    return pd.DataFrame({name: values.ravel() for name, values in zip(columns, arrays, strict=True)})


def churn_replacement_cost(customers, churn_rate, cost_per_customer, periods=1):
    """Customers lost to churn, and what it costs to replace them.

    FORMULA: lost_per_period = customers × churn_rate; cost_per_period =
    lost_per_period × cost_per_customer; totals = per period × periods. The customer
    base is kept constant by replacing every lost customer, so every period loses the
    same number (this is how the seed computes its yearly figure).

    ``churn_rate`` and ``cost_per_customer`` (and ``customers``) may be lists or numpy
    arrays: they are broadcast together and the result has one row per scenario.

    Parameters:
        customers: size of the customer base, ≥ 0.
        churn_rate: share of customers lost per period, as a fraction 0–1.
        cost_per_customer: cost of winning one replacement customer, ≥ 0 (any currency).
        periods: number of periods (months if churn_rate is monthly), a whole number ≥ 1.

    SOURCE: course convention; the wireless example is from the course seed (three US
    wireless carriers, 175 million customers, 1–2 % monthly churn, $300–450 to replace
    a customer). At 1.5 %: "about 2.6 million lost a month", "at least $787 million a
    month", "over $9 billion a year":

    >>> wireless = churn_replacement_cost(175e6, 0.015, 300, periods=12)
    >>> wireless[["lost_per_period", "cost_per_period", "cost_total"]].round().iloc[0].tolist()
    [2625000.0, 787500000.0, 9450000000.0]
    >>> corners = churn_replacement_cost(175e6, [[0.01], [0.02]], [300, 450])  # ranges' corners
    >>> (corners["cost_per_period"] / 1e6).round().tolist()  # million dollars a month
    [525.0, 788.0, 1050.0, 1575.0]
    """
    customers = check_range("customers", customers, low=0)
    churn_rate = check_range("churn_rate", churn_rate, low=0, high=1)
    cost_per_customer = check_range("cost_per_customer", cost_per_customer, low=0)
    check_shapes(customers=customers, churn_rate=churn_rate, cost_per_customer=cost_per_customer)
    periods = check_int("periods", periods, low=1)
    lost = customers * churn_rate
    return _table(
        customers=customers,
        churn_rate=churn_rate,
        cost_per_customer=cost_per_customer,
        lost_per_period=lost,
        cost_per_period=lost * cost_per_customer,
        periods=periods,
        lost_total=lost * periods,
        cost_total=lost * cost_per_customer * periods,
    )


def annual_churn(monthly_churn):
    """The yearly churn rate that a monthly churn rate adds up to.

    FORMULA: 1 − (1 − m)^12: a customer stays the year only by staying all 12 months.
    Numbers or numpy arrays in [0, 1].
    SOURCE: course convention (compounding of a constant monthly rate).

    Parameters:
        monthly_churn: monthly churn rate as a fraction, 0–1; a number or an array.

    >>> round(annual_churn(0.015), 3), round(annual_churn(0.02), 3)
    (0.166, 0.215)
    """
    monthly_churn = check_range("monthly_churn", monthly_churn, low=0, high=1)
    return plain(1 - (1 - monthly_churn) ** 12)


def monthly_churn(annual_churn):
    """The monthly churn rate that adds up to a yearly churn rate (inverse of
    :func:`annual_churn`).

    FORMULA: 1 − (1 − a)^(1/12). Numbers or numpy arrays in [0, 1].
    SOURCE: course convention (compounding of a constant monthly rate).

    Parameters:
        annual_churn: yearly churn rate as a fraction, 0–1; a number or an array.

    >>> round(monthly_churn(0.20), 4)
    0.0184
    """
    annual_churn = check_range("annual_churn", annual_churn, low=0, high=1)
    return plain(1 - (1 - annual_churn) ** (1 / 12))


def survival_after(retention, years):
    """The share of a group of customers still there after ``years`` years.

    FORMULA: r^years. Numbers or numpy arrays; retention in [0, 1], years ≥ 0.
    SOURCE: course convention (constant retention, the geometric model of Gupta &
    Lehmann 2005).

    Parameters:
        retention: yearly retention rate as a fraction, 0–1.
        years: number of years, ≥ 0 (need not be whole); each may be a number or an array.

    The seed says "typical churn is about 20 % a year; 50 % over five years". The
    arithmetic does not agree: 20 % a year loses 67 % in five years, and losing 50 %
    in five years is about 13 % churn a year:

    >>> round(1 - survival_after(0.8, 5), 2)
    0.67
    >>> round(1 - 0.5 ** (1 / 5), 3)  # yearly churn r with (1 − r)^5 = 0.5
    0.129
    """
    retention = check_range("retention", retention, low=0, high=1)
    years = check_range("years", years, low=0)
    check_shapes(retention=retention, years=years)
    return plain(retention**years)


def cohort_survival(retention, years, start=1000):
    """How a group (cohort, 客户群) of ``start`` customers won together shrinks, year
    by year, at a constant retention rate.

    FORMULA: customers(t) = start × r^t for t = 0..years; lost(t) = customers(t−1) −
    customers(t) (0 in year 0); cumulative_lost(t) = start − customers(t).
    Every input is one number: retention in [0, 1], years a whole number 1–1000, start ≥ 0.
    SOURCE: course convention (constant retention, as in Gupta & Lehmann 2005).

    Parameters:
        retention: yearly retention rate as a fraction, 0–1, one number.
        years: number of years in the table, a whole number 1–1000.
        start: customers in the cohort at year 0, ≥ 0.

    >>> cohort_survival(0.8, 3).round(2)
       year  customers   lost  cumulative_lost
    0     0     1000.0    0.0              0.0
    1     1      800.0  200.0            200.0
    2     2      640.0  160.0            360.0
    3     3      512.0  128.0            488.0
    """
    retention = check_single("retention", retention, low=0, high=1)
    years = check_int("years", years, low=1, high=MAX_YEARS)
    start = check_single("start", start, low=0)
    table = pd.DataFrame({"year": np.arange(years + 1)})
    table["customers"] = start * retention ** table["year"]
    table["lost"] = table["customers"].shift(fill_value=start) - table["customers"]
    table["cumulative_lost"] = start - table["customers"]
    return table


def cohorts(retentions, years=5, start=100):
    """Several cohorts side by side (客户群的流失): how ``start`` new customers shrink at each
    constant yearly retention rate of ``retentions`` — one column per rate, one row per year.

    FORMULA: customers(t) = start × r^t, t = 0..years (:func:`cohort_survival` for each r).
    ``retentions``: one rate or a list, each in [0, 1]; ``years``: a whole number 1–50;
    ``start`` > 0. SOURCE: course convention (constant retention, as in Gupta & Lehmann 2005).

    Parameters:
        retentions: one or several yearly retention rates, fractions 0–1 (a number or a list of at least one).
        years: number of years in the table, a whole number 1–50.
        start: customers in each cohort at year 0, > 0.

    >>> cohorts([0.8, 0.5], years=2)  # doctest: +NORMALIZE_WHITESPACE
    retention    0.8    0.5
    year
    0          100.0  100.0
    1           80.0   50.0
    2           64.0   25.0
    """
    rates = np.atleast_1d(check_range("retentions", retentions, low=0, high=1))
    if rates.ndim != 1 or rates.size == 0:
        expected = Message("errors.expect_number_list")
        raise CourseInputError("errors.type", name="retentions", value=retentions, expected=expected)
    years = check_int("years", years, low=1, high=50)
    start = check_single("start", start, low=0, low_open=True)
    table = pd.DataFrame({rate: cohort_survival(rate, years, start=start)["customers"] for rate in rates.tolist()})
    table.index.name, table.columns.name = "year", "retention"
    return table


def profit_lift_curves(horizons=(3, 10, 20), delta=0.05, discount=0.10, margin_growth=0.0):
    """The Reichheld & Sasser claim made computable, for every current retention from 50 % up to
    95 % (or 100 % − delta) in steps of 1 point: the lift in customer value from ``delta`` more
    retention, once per horizon (years) of ``horizons``.

    FORMULA: lift(r) = V(r + Δ) / V(r) − 1, V(r) = Σ_{t=1..N} m(1+g)^(t−1) r^t / (1+i)^t
    (:func:`retention_profit_lift`). ``horizons``: whole numbers 1–100; ``delta`` in (0, 0.3];
    ``discount`` in [0, 1]; ``margin_growth`` in [−1, 1]. Returns the rows of
    retention_profit_lift with a column ``years``.
    SOURCE: Reichheld & Sasser (1990), Harvard Business Review 68(5); the value model of
    Gupta & Lehmann (2005).

    Parameters:
        horizons: the horizons to compare, whole numbers of years 1–100 (one number or a list).
        delta: the rise in retention, a fraction in (0, 0.3] (0.05 = five points).
        discount: yearly discount rate as a fraction, 0–1.
        margin_growth: yearly growth of the margin with tenure, −1 to 1.

    >>> curves = profit_lift_curves(horizons=[10])
    >>> row = curves[curves["retention"] == 0.8].iloc[0]
    >>> int(row["years"]), round(float(row["profit_lift"]), 3)
    (10, 0.229)
    """
    given = np.atleast_1d(check_range("horizons", horizons, low=1, high=100))
    if given.ndim != 1 or given.size == 0:
        expected = Message("errors.expect_number_list")
        raise CourseInputError("errors.type", name="horizons", value=horizons, expected=expected)
    horizons = [check_int("horizons", years, low=1, high=100) for years in given.tolist()]
    delta = check_single("delta", delta, low=0, high=0.3, low_open=True)
    retention = np.arange(50, round(100 * min(0.95, 1 - delta)) + 1) / 100
    curves = [
        retention_profit_lift(retention, delta, discount, years, margin_growth=margin_growth).assign(years=years)
        for years in horizons
    ]
    return pd.concat(curves, ignore_index=True)


def retention_profit_lift(retention, delta=0.05, discount=0.10, years=10, margin=1.0, margin_growth=0.0):
    """How much more a customer is worth when retention rises by ``delta`` (defection
    falls by ``delta`` percentage points): the Reichheld & Sasser claim made computable.

    FORMULA: customer value V(r) = Σ_{t=1..years} margin·(1+g)^(t−1)·r^t / (1+i)^t
    (:func:`coursekit.value.lifetime_value`; profit per retained customer grows by
    g = margin_growth per year of tenure, as Reichheld & Sasser observed);
    profit_lift = V(r + delta) / V(r) − 1 (0.25 means +25 %). ``margin`` only sets the
    money unit: the lift does not depend on it.

    Where the lift is largest: it shrinks as the discount rate rises and grows with
    margin_growth. Over long relationships (10 years or more) and at retention of about
    70 % and above, it also grows with retention: cutting defection from 10 % to 5 %
    doubles the expected tenure, from 40 % to 35 % it hardly changes it. Over a short
    horizon (a few years) the lift falls as retention rises instead (there is no time
    for the longer tenure to pay), and at very low retention the lift is large only
    because the base value V(r) is tiny.

    All inputs may be numpy arrays (one row per scenario); retention in [0.01, 1), delta
    > 0 with retention + delta ≤ 1, discount in [0, 1], years a whole number 1..1000,
    margin ≥ 0.01, margin_growth in [−1, 1]. (Below 1 % retention, or a margin below one fen,
    the base value V(r) is so small that the ratio would overflow.)

    SOURCE: Reichheld & Sasser (1990), "Zero defections: quality comes to services",
    Harvard Business Review 68(5): cutting defections by 5 percentage points raised
    customer net present value by 25 %–85 % in the industries studied
    (:data:`REICHHELD_SASSER_1990`). The seed's "+5 % retention → +25 % to +100 % value
    per customer" attributed to "Frederick" is Frederick F. Reichheld's work. These are
    model calculations of customer value, not measured changes of company profit.

    Parameters:
        retention: current yearly retention rate, a fraction from 0.01 up to (not including) 1; a number or an
            array.
        delta: the rise in retention, a fraction > 0, with retention + delta ≤ 1.
        discount: yearly discount rate as a fraction, 0–1.
        years: horizon in years, a whole number 1–1000.
        margin: first-year margin per customer, ≥ 0.01 (one fen; the lift does not depend on it).
        margin_growth: yearly growth of the margin with tenure, −1 to 1.

    >>> lift = retention_profit_lift([0.80, 0.90], years=20, margin_growth=0.05)
    >>> lift[["retention", "improved_retention", "profit_lift"]].round(3)
       retention  improved_retention  profit_lift
    0        0.8                0.85        0.317
    1        0.9                0.95        0.440
    """
    retention = check_range("retention", retention, low=0.01, high=1, high_open=True)
    delta = check_range("delta", delta, low=0, high=1, low_open=True)
    discount = check_range("discount", discount, low=0, high=1)
    years = check_int("years", years, low=1, high=MAX_YEARS)
    margin = check_range("margin", margin, low=0.01)
    margin_growth = check_range("margin_growth", margin_growth, low=-1, high=1)
    check_shapes(retention=retention, delta=delta, discount=discount, margin=margin, margin_growth=margin_growth)
    improved = check_range("retention + delta", retention + delta, low=0, high=1)
    value = lifetime_value(margin, retention, discount, years=years, growth=margin_growth)
    improved_value = lifetime_value(margin, improved, discount, years=years, growth=margin_growth)
    return _table(
        retention=retention,
        improved_retention=improved,
        discount=discount,
        margin_growth=margin_growth,
        customer_value=value,
        improved_customer_value=improved_value,
        profit_lift=improved_value / value - 1,
    )


def cost_per_retention_point_from_ratio(customers, cost_per_new_customer, ratio=ACQUISITION_COST_RATIO):
    """The yearly cost of raising retention by one percentage point, derived from
    "acquiring a customer costs ``ratio`` times as much as keeping one".

    FORMULA: one point of retention keeps customers / 100 more customers a year, and
    keeping one costs cost_per_new_customer / ratio, so the point costs
    customers / 100 × cost_per_new_customer / ratio. With it, the same money keeps
    ``ratio`` times as many customers as it would win.
    Inputs > 0 (ratio ≥ 0.01, so the division stays finite); numbers or numpy arrays.
    SOURCE: course convention, on the rule of thumb :data:`ACQUISITION_COST_RATIO`.

    Parameters:
        customers: number of current customers, > 0.
        cost_per_new_customer: cost of winning one new customer, > 0 (any currency).
        ratio: how many times cheaper keeping a customer is than winning one, ≥ 0.01.

    >>> cost_per_retention_point_from_ratio(customers=1000, cost_per_new_customer=200)
    400.0
    """
    customers = check_range("customers", customers, low=0, low_open=True)
    cost_per_new_customer = check_range("cost_per_new_customer", cost_per_new_customer, low=0, low_open=True)
    ratio = check_range("ratio", ratio, low=0.01)
    return plain(customers / 100 * cost_per_new_customer / ratio)


def acquisition_vs_retention(
    budget,
    retention_share,
    cost_per_new_customer,
    cost_per_retention_point,
    customers,
    retention,
    margin,
    years=5,
    discount=0.0,
    max_retention=0.95,
):
    """Spend a fixed yearly marketing budget on winning new customers or on keeping
    current ones: customers and profit, year by year.

    The model, each year t = 1..years, in this order:

    1. ``budget`` is spent: ``retention_share`` of it on retention, the rest on
       acquisition.
    2. Retention rises to r' = min(retention + budget·share / cost_per_retention_point
       / 100, max_retention) (the spend buys percentage points; the same every year).
    3. Of the customers at the start of the year, the share r' stay to its end.
    4. new = budget·(1 − share) / cost_per_new_customer new customers are won during
       the year and are all there at its end.
    5. customers(t) = customers(t−1)·r' + new, each bringing ``margin``:
       profit(t) = customers(t)·margin − budget.

    Closed form: customers(t) = customers·r'^t + new·(1 − r'^t)/(1 − r').
    Row 0 is today (retention before the plan, no profit); cumulative_profit adds the
    profits discounted to today, profit(t)/(1+discount)^t (discount=0: plain sum).
    A lesson derives cost_per_retention_point from "acquiring costs 5 times retaining"
    with :func:`cost_per_retention_point_from_ratio`.
    Every input is one number; retention must not exceed max_retention (< 1); years 1..1000.

    SOURCE: course convention (a teaching model); the cost ratio: :data:`ACQUISITION_COST_RATIO`.

    Parameters:
        budget: marketing budget per year, ≥ 0 (any currency).
        retention_share: share of the budget spent on retention, a fraction 0–1.
        cost_per_new_customer: cost of winning one new customer, ≥ 0.01 (one fen: the budget is divided by it).
        cost_per_retention_point: yearly cost of one percentage point of retention, ≥ 0.01.
        customers: customers at the start, ≥ 0.
        retention: yearly retention rate before any spending, a fraction 0 to max_retention.
        margin: yearly margin per customer, ≥ 0.
        years: number of years simulated, a whole number 1–1000.
        discount: yearly discount rate for the discounted profit, a fraction 0–1.
        max_retention: the highest retention spending can reach, a fraction 0 ≤ x < 1.

    >>> point = cost_per_retention_point_from_ratio(1000, 200)  # 400 per point
    >>> keep = acquisition_vs_retention(2000, 1.0, 200, point, customers=1000, retention=0.8, margin=100, years=2)
    >>> keep.round(2)  # the whole budget on retention: +5 points
       year  retention  new_customers  customers   profit  cumulative_profit
    0     0       0.80            0.0     1000.0      0.0                0.0
    1     1       0.85            0.0      850.0  83000.0            83000.0
    2     2       0.85            0.0      722.5  70250.0           153250.0
    >>> win = acquisition_vs_retention(2000, 0.0, 200, point, customers=1000, retention=0.8, margin=100, years=2)
    >>> win[["new_customers", "cumulative_profit"]].iloc[-1].tolist()  # all on acquisition: 10 a year
    [10.0, 142800.0]
    """
    budget = check_single("budget", budget, low=0)
    retention_share = check_single("retention_share", retention_share, low=0, high=1)
    cost_per_new_customer = check_single("cost_per_new_customer", cost_per_new_customer, low=0.01)
    cost_per_retention_point = check_single("cost_per_retention_point", cost_per_retention_point, low=0.01)
    customers = check_single("customers", customers, low=0)
    max_retention = check_single("max_retention", max_retention, low=0, high=1, high_open=True)
    retention = check_single("retention", retention, low=0, high=1)
    if retention > max_retention:  # name both: either may be the one that is wrong
        raise CourseInputError("retention.above_max", retention=retention, max_retention=max_retention)
    margin = check_single("margin", margin, low=0)
    years = check_int("years", years, low=1, high=MAX_YEARS)
    discount = check_single("discount", discount, low=0, high=1)

    new = budget * (1 - retention_share) / cost_per_new_customer
    kept = min(retention + budget * retention_share / cost_per_retention_point / 100, max_retention)
    year = np.arange(years + 1)
    planned = year > 0
    table = pd.DataFrame({"year": year, "retention": np.where(planned, kept, retention)})
    table["new_customers"] = np.where(planned, new, 0.0)
    table["customers"] = customers * kept**year + new * (1 - kept**year) / (1 - kept)
    table["profit"] = np.where(planned, table["customers"] * margin - budget, 0.0)
    table["cumulative_profit"] = (table["profit"] / (1 + discount) ** year).cumsum()
    return table


# ---------------------------------------------------------------- retention in an order table (lesson 3)

# The worst outcome of a customer's service cases so far, mildest first.
LESSON3_CASE_OUTCOMES = ("no_case", "resolved", "partial", "unresolved")


def _orders(transactions):
    """customer_id, date (datetime64) and revenue of an order table, checked."""
    return check_transactions(transactions, "customer_id", "date", "revenue")


def _check_known(customer_ids, customers):
    """Refuse the customers of the orders (``customer_ids``) that the table ``customers`` does not list:
    their type, contact or join date is unknown, and leaving them out would drop their orders silently."""
    ids = pd.Series(customer_ids.unique())
    unknown = ids[~ids.isin(customers["customer_id"])]
    if len(unknown):
        example = unknown.iloc[0]
        raise CourseInputError("retention.unknown_customers", name="transactions", n=len(unknown), example=example)


def yearly_retention(transactions, customers=None, by=None):
    """Observed yearly retention (客户保持率) in an order table: of the customers who bought
    in a calendar year, how many bought again in the next year.

    FORMULA: with A(y) the customers who have at least one order in year y:
    active = |A(y)|, retained = |A(y) ∩ A(y+1)|, lapsed = active − retained,
    retention = retained / active. One row per pair of consecutive years present in the
    data; with ``by`` (a column of ``customers``, e.g. "customer_type") one row per year
    pair and group.

    SOURCE: course convention: the repeat-purchase measure of retention used when customers
    have no contract that ends (a customer counts as kept if they buy again next year); the
    yearly retention r of the lifetime value model (Gupta & Lehmann 2005).

    Parameters:
        transactions: an order table with ``customer_id``, ``date`` and ``revenue`` (≥ 0), covering at least two
            calendar years, as ``data.load("transactions")``.
        customers: None, or a customer table with ``customer_id`` and the ``by`` column (needed with ``by``);
            every customer of ``transactions`` must be in it.
        by: None, or the name of a column of ``customers`` to group by, e.g. ``"customer_type"``.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "revenue": [1.0, 1.0, 1.0, 1.0],
    ...                        "date": ["2023-03-01", "2023-05-01", "2024-02-01", "2024-06-01"]})
    >>> yearly_retention(orders)
       buy_year  next_year  active  retained  lapsed  retention
    0      2023       2024       2         1       1        0.5
    """
    orders = _orders(transactions)
    active = pd.DataFrame({"customer_id": orders["customer_id"], "buy_year": orders["date"].dt.year})
    active = active.drop_duplicates()
    next_year_buyers = active.assign(buy_year=active["buy_year"] - 1)
    pairs = active.merge(next_year_buyers, on=["customer_id", "buy_year"], how="left", indicator=True)
    pairs["retained"] = pairs["_merge"] == "both"
    pairs = pairs[(pairs["buy_year"] + 1).isin(active["buy_year"])]  # the next year is in the data
    if pairs.empty:
        years = ", ".join(map(str, sorted(active["buy_year"].unique())))
        raise CourseInputError("retention.years_error", name="transactions", years=years)
    keys = ["buy_year"]
    if by is not None:
        if customers is None:
            raise CourseInputError(
                "errors.type", name="customers", value=None, expected=Message("retention.expect_customer_table")
            )
        check_columns("customers", customers, ["customer_id"])
        check_unique("customers", "customer_id", customers["customer_id"])
        check_choice("by", by, [column for column in customers.columns if column != "customer_id"])
        _check_known(pairs["customer_id"], customers)
        buyers = customers[customers["customer_id"].isin(pairs["customer_id"])]
        check_no_missing("customers", by, buyers[by])  # a blank group would drop its customers silently
        pairs = pairs.merge(customers[["customer_id", by]], on="customer_id", how="left")
        keys.append(by)
    table = pairs.groupby(keys, observed=True)["retained"].agg(active="size", retained="sum").reset_index()
    table.insert(1, "next_year", table["buy_year"] + 1)
    table["lapsed"] = table["active"] - table["retained"]
    table["retention"] = table["retained"] / table["active"]
    return table


def _case_history(transactions, service_cases, year):
    """Per customer who bought in ``year``: revenue that year, the worst outcome of their
    service cases opened up to the end of ``year``, and whether they bought nothing in year + 1."""
    orders = _orders(transactions)
    order_year = orders["date"].dt.year
    year = check_int("year", year, low=order_year.min(), high=order_year.max() - 1)
    check_columns("service_cases", service_cases, ["customer_id", "opened", "resolution"])
    check_no_missing("service_cases", "customer_id", service_cases["customer_id"])
    opened = check_date_column("service_cases", "opened", service_cases["opened"])
    resolution = service_cases["resolution"]
    unknown = ~resolution.isin(LESSON3_CASE_OUTCOMES[1:])
    if unknown.any():
        check_choice("service_cases['resolution']", resolution[unknown].iloc[0], LESSON3_CASE_OUTCOMES[1:])
    outcome = pd.Categorical(resolution, categories=LESSON3_CASE_OUTCOMES[1:])
    severity = pd.Series(outcome.codes + 1, index=service_cases.index)  # 1 resolved ... 3 unresolved
    known = opened.dt.year <= year
    worst = severity[known].groupby(service_cases.loc[known, "customer_id"]).max()
    history = orders[order_year == year].groupby("customer_id")["revenue"].sum().rename("revenue_in_year").reset_index()
    codes = worst.reindex(history["customer_id"], fill_value=0).to_numpy()
    history["worst_outcome"] = pd.Categorical.from_codes(codes, categories=LESSON3_CASE_OUTCOMES)
    history["lapsed"] = ~history["customer_id"].isin(orders.loc[order_year == year + 1, "customer_id"])
    return history


def lapse_by_case_outcome(transactions, service_cases, year=2024):
    """ "千里之堤，毁于蚁穴" in the data: of the customers who bought in ``year``, the share who
    bought nothing the next year, by the worst outcome of their service cases so far.

    FORMULA: for the customers with orders in ``year``, group by worst_outcome = the worst
    resolution of their cases opened up to the end of ``year`` (no_case < resolved < partial <
    unresolved); customers = group size, lapsed = those with no order in year + 1,
    lapse_rate = lapsed / customers. ``year`` must have a following year in the data.

    SOURCE: course convention; the pattern it shows (unresolved complaints lose customers,
    well-handled ones hardly do) is that of the TARP complaint studies (TARP 1979, 1986).

    Parameters:
        transactions: an order table with ``customer_id``, ``date`` and ``revenue`` (≥ 0).
        service_cases: a case table with ``customer_id``, ``opened`` (dates) and ``resolution`` (``resolved``,
            ``partial`` or ``unresolved``), as ``data.load("service_cases")``.
        year: the calendar year whose buyers are followed, a whole number from the first year of the orders
            to the year before the last.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "c"], "revenue": 1.0,
    ...                        "date": ["2024-01-05", "2024-02-01", "2024-03-01", "2025-01-09", "2025-04-01"]})
    >>> cases = pd.DataFrame({"customer_id": ["b", "c"], "opened": ["2024-02-10", "2024-03-02"],
    ...                       "resolution": ["unresolved", "resolved"]})
    >>> lapse_by_case_outcome(orders, cases, year=2024)
       buy_year worst_outcome  customers  lapsed  lapse_rate
    0      2024       no_case          1       0         0.0
    1      2024      resolved          1       0         0.0
    2      2024    unresolved          1       1         1.0
    """
    history = _case_history(transactions, service_cases, year)
    table = history.groupby("worst_outcome", observed=True)["lapsed"].agg(customers="size", lapsed="sum").reset_index()
    table.insert(0, "buy_year", int(year))
    table["lapse_rate"] = table["lapsed"] / table["customers"]
    return table


def at_risk_customers(transactions, service_cases, customers, year=2024):
    """A retention call list from the customer database (客户数据库): the customers who
    bought in ``year`` and whose worst service case so far ended only partly resolved or
    unresolved, worst outcome first, then by revenue in ``year`` (largest first).

    FORMULA: customers of :func:`lapse_by_case_outcome` with worst_outcome in (partial,
    unresolved), joined with their customer_type and preferred_contact; ``lapsed`` (bought
    nothing in year + 1) is shown in hindsight: who did leave.

    SOURCE: course convention (CRM: database → personal contact through the customer's
    preferred channel).

    Parameters:
        transactions, service_cases: as in :func:`lapse_by_case_outcome`.
        customers: a customer table with ``customer_id``, ``customer_type`` and ``preferred_contact``.
        year: as in :func:`lapse_by_case_outcome`.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "b", "b"], "revenue": [5.0, 9.0, 1.0],
    ...                        "date": ["2024-01-05", "2024-02-01", "2025-01-09"]})
    >>> cases = pd.DataFrame({"customer_id": ["a", "b"], "opened": ["2024-02-10", "2024-03-02"],
    ...                       "resolution": ["partial", "unresolved"]})
    >>> people = pd.DataFrame({"customer_id": ["a", "b"], "customer_type": ["retail", "merchant"],
    ...                        "preferred_contact": ["wechat", "visit"]})
    >>> at_risk_customers(orders, cases, people)[["customer_id", "worst_outcome", "lapsed"]]
      customer_id worst_outcome  lapsed
    0           b    unresolved   False
    1           a       partial    True
    """
    check_columns("customers", customers, ["customer_id", "customer_type", "preferred_contact"])
    check_unique("customers", "customer_id", customers["customer_id"])
    history = _case_history(transactions, service_cases, year)
    risky = history[history["worst_outcome"].isin(["partial", "unresolved"])]
    _check_known(risky["customer_id"], customers)
    listed = customers[customers["customer_id"].isin(risky["customer_id"])]
    for column in ("customer_type", "preferred_contact"):  # a call list needs how to reach each customer
        check_no_missing("customers", column, listed[column])
    risky = risky.merge(customers[["customer_id", "customer_type", "preferred_contact"]], on="customer_id", how="left")
    risky = risky.sort_values(["worst_outcome", "revenue_in_year"], ascending=[False, False], kind="stable")
    columns = ["customer_id", "customer_type", "preferred_contact", "worst_outcome", "revenue_in_year", "lapsed"]
    return risky[columns].reset_index(drop=True)


def first_and_repeat_revenue(transactions, customers):
    """Where the money of new customers comes from: their first order or the orders after it
    ("first purchase from promotion and quality, repeat purchases from service").

    Only customers who joined on or after the first date of the order table count, so that
    their first purchase is in the data. FORMULA, per customer_type and for all of them
    (customer_type "all_customers"): first_revenue = revenue of each customer's earliest
    order; repeat_revenue = revenue of all their later orders;
    repeat_share = repeat_revenue / (first_revenue + repeat_revenue).

    SOURCE: course convention.

    Parameters:
        transactions: an order table with ``customer_id``, ``date`` and ``revenue`` (≥ 0).
        customers: a customer table with ``customer_id``, ``customer_type`` and ``join_date``; at least one
            customer must have joined on or after the first order date.

    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, 300.0, 50.0],
    ...                        "date": ["2023-01-02", "2023-06-01", "2023-03-01"]})
    >>> people = pd.DataFrame({"customer_id": ["a", "b"], "customer_type": ["retail", "retail"],
    ...                        "join_date": ["2023-01-02", "2023-03-01"]})
    >>> first_and_repeat_revenue(orders, people)
       customer_type  customers  first_revenue  repeat_revenue  repeat_share
    0         retail          2          150.0           300.0      0.666667
    1  all_customers          2          150.0           300.0      0.666667
    """
    orders = _orders(transactions).sort_values("date", kind="stable")
    check_columns("customers", customers, ["customer_id", "customer_type", "join_date"])
    check_no_missing("customers", "customer_id", customers["customer_id"])
    check_unique("customers", "customer_id", customers["customer_id"])
    _check_known(orders["customer_id"], customers)  # an unlisted customer's join date is unknown
    start = orders["date"].min()
    joined = check_date_column("customers", "join_date", customers["join_date"]) >= start
    new = customers.loc[joined, ["customer_id", "customer_type"]]
    check_no_missing("customers", "customer_type", new["customer_type"])
    orders = orders.merge(new, on="customer_id")
    if orders.empty:
        raise CourseInputError("retention.no_new_customers", start=f"{start:%Y-%m-%d}")
    first = ~orders["customer_id"].duplicated()  # orders are in date order: a customer's first row
    orders["first_revenue"] = orders["revenue"].where(first, 0.0)
    orders["repeat_revenue"] = orders["revenue"].where(~first, 0.0)
    sums = {"customers": ("customer_id", "nunique"), "first_revenue": ("first_revenue", "sum")}
    sums["repeat_revenue"] = ("repeat_revenue", "sum")
    by_type = orders.groupby("customer_type", observed=True).agg(**sums).reset_index()
    everyone = orders.assign(customer_type="all_customers").groupby("customer_type").agg(**sums).reset_index()
    table = pd.concat([by_type.astype({"customer_type": str}), everyone], ignore_index=True)
    table["repeat_share"] = table["repeat_revenue"] / (table["first_revenue"] + table["repeat_revenue"])
    return table


def acquisition_cost_by_channel(customers, customer_type="retail"):
    """What winning a customer costs through each acquisition channel (获客渠道), cheapest first.

    FORMULA: for the customers of ``customer_type`` (None: all customers), per
    acquisition_channel: customers = count, mean_acquisition_cost = mean of acquisition_cost.

    SOURCE: course convention.

    Parameters:
        customers: a customer table with ``customer_type``, ``acquisition_channel`` and ``acquisition_cost``
            (yuan, ≥ 0), as ``data.load("customers")``.
        customer_type: one of the customer types in the table (e.g. ``"retail"``), or None for all customers.

    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["store", "referral", "store"],
    ...                        "acquisition_cost": [80.0, 50.0, 90.0]})
    >>> acquisition_cost_by_channel(people)
      customer_type acquisition_channel  customers  mean_acquisition_cost
    0        retail            referral          1                   50.0
    1        retail               store          2                   85.0
    """
    check_columns("customers", customers, ["customer_type", "acquisition_channel", "acquisition_cost"])
    check_key("customers", customers, "customer_id")
    chosen = customers
    if customer_type is not None:
        kinds = check_no_missing("customers", "customer_type", customers["customer_type"])  # a blank: of which type?
        check_choice("customer_type", customer_type, list(kinds.unique()))
        chosen = customers[kinds == customer_type]
    cost = check_number_column("customers", "acquisition_cost", chosen["acquisition_cost"], low=0)
    check_no_missing("customers", "acquisition_channel", chosen["acquisition_channel"])
    table = (
        chosen.assign(acquisition_cost=cost)
        .groupby("acquisition_channel", observed=True)["acquisition_cost"]
        .agg(customers="size", mean_acquisition_cost="mean")
        .reset_index()
        .sort_values("mean_acquisition_cost", kind="stable", ignore_index=True)
    )
    table.insert(0, "customer_type", customer_type or "all_customers")
    return table
