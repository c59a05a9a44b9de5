"""Customer lifetime value (客户终身价值, customer lifetime value, CLV) and customer
equity (客户资产).

A customer is worth the margins (利润) they bring over the whole relationship, each
counted only if the customer is still there (retention, 客户保持率) and discounted to
today (discount rate, 折现率) because money later is worth less than money now.

The model of every function here (Gupta & Lehmann 2003, 2005):

* ``margin`` m: the margin of the customer's first year; later years grow by
  ``growth`` g per year of tenure, so year t brings m·(1+g)^(t−1).
* ``retention`` r: the share of customers who stay from one year to the next; a
  customer is still there after t years with probability r^t.
* ``discount`` i: the yearly discount rate; money at time t is worth 1/(1+i)^t today.
* ``timing``: when a year's margin arrives. ``"end"`` (default, as in the margin
  multiple): at the end of year t, from customers who stayed through it, so year t
  counts m·(1+g)^(t−1)·r^t/(1+i)^t. ``"start"``: at the start of year t, the first
  on the day the customer joins (time 0), so year t counts
  m·(1+g)^(t−1)·r^(t−1)/(1+i)^(t−1).
* ``acquisition_cost`` c: paid once, at time 0, to win the customer.

>>> round(lifetime_value(margin=100, retention=0.8, discount=0.12), 2)
250.0
"""

import numpy as np
import pandas as pd

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

TIMINGS = ("end", "start")
MAX_YEARS = 1000  # longest horizon: 2**1000 still fits in a float, so no rate ≤ 100 % overflows


def _check_inputs(margin, retention, discount, acquisition_cost, growth, timing, check=check_range):
    """The shared inputs of the lifetime value functions, checked (``check`` is
    :func:`check_range` for array inputs, :func:`check_single` for one scenario)."""
    numbers = check_shapes(
        margin=check("margin", margin, low=0),
        retention=check("retention", retention, low=0, high=1),
        discount=check("discount", discount, low=0, high=1),
        acquisition_cost=check("acquisition_cost", acquisition_cost, low=0),
        growth=check("growth", growth, low=-1, high=1),
    )
    return (*numbers, check_choice("timing", timing, TIMINGS))


def _check_finite(retention, discount, growth):
    """Refuse an infinite horizon whose value would be infinite: r·(1+g) ≥ 1+i."""
    kept, limit = retention * (1 + growth), 1 + discount
    bad = np.asarray(kept >= limit)
    if bad.any():
        g, k, lim = (float(np.broadcast_to(x, bad.shape)[bad][0]) for x in (growth, kept, limit))
        raise CourseInputError("value.infinite_error", growth=g, kept=k, limit=lim)


def _year_terms(margin, retention, discount, growth, year, timing):
    """For relationship year ``year`` (1, 2, ...): the share of customers who pay its
    margin, the margin per paying customer, and its discounted expected margin."""
    paid_at = year if timing == "end" else year - 1  # time of the payment, in years after joining
    survival = retention**paid_at
    margin_t = margin * (1 + growth) ** (year - 1)
    return survival, margin_t, margin_t * survival / (1 + discount) ** paid_at


def margin_multiple(retention, discount):
    """The margin multiple (利润乘数): how many years' margins a customer is worth today.

    FORMULA: r / (1 + i − r), for retention r and discount rate i.
    Lifetime value = margin × margin multiple.

    SOURCE: Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive
    Marketing 17(1); Gupta & Lehmann (2005), *Managing Customers as Investments*.
    Assumes a constant margin and retention, an infinite horizon, and margins received
    at the end of each year from the customers still retained.

    Parameters:
        retention: yearly retention rate as a fraction, 0 ≤ r < 1; a number or an array.
        discount: yearly discount rate as a fraction, 0–1; a number or an array.

    A few values of their margin-multiple table (retention 60–90 %, discount 10–16 %):

    >>> round(margin_multiple(0.8, 0.12), 2), round(margin_multiple(0.9, 0.10), 2)
    (2.5, 4.5)
    >>> np.round(margin_multiple(np.array([0.6, 0.7, 0.8, 0.9]), 0.14), 2)
    array([1.11, 1.59, 2.35, 3.75])
    """
    retention, discount = check_shapes(
        retention=check_range("retention", retention, low=0, high=1, high_open=True),
        discount=check_range("discount", discount, low=0, high=1),
    )
    return plain(retention / (1 + discount - retention))


def lifetime_value(margin, retention, discount, years=None, acquisition_cost=0.0, growth=0.0, timing="end"):
    """Customer lifetime value (客户终身价值): the expected discounted margin one customer
    brings, minus what it cost to win them.

    FORMULA (m margin, r retention, i discount, g growth, c acquisition cost):

    * ``years=None`` (infinite horizon): timing "end": m·r / (1+i − r(1+g)) − c;
      timing "start": m·(1+i) / (1+i − r(1+g)) − c. Refused when r(1+g) ≥ 1+i
      (the value would be infinite).
    * ``years=N``: timing "end": Σ_{t=1..N} m(1+g)^(t−1) r^t / (1+i)^t − c;
      timing "start": Σ_{t=0..N−1} m(1+g)^t r^t / (1+i)^t − c (N payments, the first
      on joining). As N grows these sums tend to the closed forms above.

    Growth convention: the first year's margin is m and it grows by g for each further
    year of tenure. margin must be ≥ 0 (a customer who loses money every year is not a
    lifetime-value question). ``years`` is None or a whole number 1..1000; every other
    number may be a numpy array: the result then has the broadcast shape (a what-if grid
    in one call), otherwise it is a float.

    SOURCE: Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive
    Marketing 17(1); Gupta & Lehmann (2005), *Managing Customers as Investments*.

    Parameters:
        margin: first-year margin per customer, yuan, ≥ 0.
        retention: yearly retention rate as a fraction, 0–1.
        discount: yearly discount rate as a fraction, 0–1.
        years: None (infinite horizon) or the number of years counted, a whole number 1–1000.
        acquisition_cost: cost of winning the customer, yuan, ≥ 0, paid at time 0.
        growth: yearly growth of the margin with tenure, −1 to 1 (0.05 = +5 % a year).
        timing: "end" (margins at the end of each year) or "start" (the first on joining).

    margin, retention, discount, acquisition_cost and growth may be numpy arrays that broadcast together.

    >>> round(lifetime_value(100, 0.8, 0.1), 2)  # 100 × margin multiple 2.67
    266.67
    >>> round(lifetime_value(100, 0.8, 0.1, years=5, acquisition_cost=150), 2)
    62.41
    >>> round(lifetime_value(100, 0.8, 0.1, timing="start"), 2)  # first margin paid on joining
    366.67
    >>> np.round(lifetime_value(100, np.array([0.7, 0.8, 0.9])[:, None], np.array([0.1, 0.15])), 1)
    array([[175. , 155.6],
           [266.7, 228.6],
           [450. , 360. ]])
    """
    margin, retention, discount, acquisition_cost, growth, timing = _check_inputs(
        margin, retention, discount, acquisition_cost, growth, timing
    )
    if years is None:
        _check_finite(retention, discount, growth)
        first = retention if timing == "end" else 1 + discount
        value = margin * first / (1 + discount - retention * (1 + growth))
    else:
        years = check_int("years", years, low=1, high=MAX_YEARS)
        # the formula term by term, one year at a time (a what-if grid needs no years × grid memory)
        value = sum(_year_terms(margin, retention, discount, growth, year, timing)[2] for year in range(1, years + 1))
    return plain(value - acquisition_cost)


def cumulative_value(margin, retention, discount, years, acquisition_cost=0.0, growth=0.0, timing="end"):
    """Year by year, what one newly won customer has brought so far: the table behind a
    lifetime value curve and its break-even year.

    One row per relationship year t = 0..years (row 0 is the day the customer is won):

    * ``survival``: share of won customers who pay year t's margin: r^t for timing
      "end", r^(t−1) for timing "start" (paid on the first day of year t); 1 in row 0;
    * ``margin``: m(1+g)^(t−1), the margin per paying customer (0 in row 0);
    * ``expected_margin`` = survival × margin;
    * ``discounted_margin``: expected_margin / (1+i)^t ("end") or / (1+i)^(t−1) ("start");
    * ``cumulative_value``: Σ discounted_margin − acquisition_cost; it starts at
      −acquisition_cost and its last row equals ``lifetime_value(..., years=years)``.

    FORMULA and inputs as in :func:`lifetime_value` (one number each; years 1..1000).
    SOURCE: Gupta & Lehmann (2005), *Managing Customers as Investments*; table layout:
    course convention.

    Parameters:
        margin, retention, discount: as in :func:`lifetime_value`, one number each.
        years: number of relationship years in the table, a whole number 1–1000.
        acquisition_cost, growth, timing: as in :func:`lifetime_value`, one number each.

    >>> cumulative_value(100, 0.8, 0.1, years=3, acquisition_cost=150).round(2)
       year  survival  margin  expected_margin  discounted_margin  cumulative_value
    0     0      1.00     0.0              0.0               0.00           -150.00
    1     1      0.80   100.0             80.0              72.73            -77.27
    2     2      0.64   100.0             64.0              52.89            -24.38
    3     3      0.51   100.0             51.2              38.47             14.09
    """
    margin, retention, discount, acquisition_cost, growth, timing = _check_inputs(
        margin, retention, discount, acquisition_cost, growth, timing, check=check_single
    )
    years = check_int("years", years, low=1, high=MAX_YEARS)
    survival, margin_t, discounted = _year_terms(margin, retention, discount, growth, np.arange(1, years + 1), timing)
    table = pd.DataFrame(
        {
            "year": np.arange(years + 1),
            "survival": np.r_[1.0, survival],
            "margin": np.r_[0.0, margin_t],
            "expected_margin": np.r_[0.0, survival * margin_t],
            "discounted_margin": np.r_[0.0, discounted],
        }
    )
    table["cumulative_value"] = table["discounted_margin"].cumsum() - acquisition_cost
    return table


def breakeven_year(margin, retention, discount, acquisition_cost, growth=0.0, timing="end", max_years=100):
    """The break-even year (回本年份): the first relationship year by which a new
    customer's cumulative discounted margin has paid back the acquisition cost, or
    ``None`` if that does not happen within ``max_years`` years (1..1000).

    FORMULA: the smallest t in 0..max_years with cumulative_value(t) ≥ 0 (see
    :func:`cumulative_value`); t = 0 when nothing had to be paid back.
    SOURCE: course convention (the payback period of the customer, on the lifetime
    value model of Gupta & Lehmann 2005).

    Parameters:
        margin, retention, discount, acquisition_cost, growth, timing: as in :func:`lifetime_value`, one number each.
        max_years: how many years to look ahead, a whole number 1–1000.

    >>> breakeven_year(100, 0.8, 0.1, acquisition_cost=150)
    3
    >>> breakeven_year(100, 0.5, 0.1, acquisition_cost=500) is None  # never pays back
    True
    """
    max_years = check_int("max_years", max_years, low=1, high=MAX_YEARS)
    table = cumulative_value(margin, retention, discount, max_years, acquisition_cost, growth, timing)
    paid_back = table.loc[table["cumulative_value"] >= 0, "year"]
    return int(paid_back.iloc[0]) if len(paid_back) else None


def customer_equity(
    customers, margin, retention, discount, new_customers=0, acquisition_cost=0.0, years=None, growth=0.0
):
    """Customer equity (客户资产): what the firm's customers, today's and tomorrow's,
    are worth today.

    * ``current_base``: customers × lifetime value of a current customer. They are
      already won (no acquisition cost), and ``margin`` is what each brings in the coming
      year, paid at the end of the year if they stay (timing "end", as in the margin
      multiple): customers × m·r / (1+i − r(1+g)).
    * ``future_cohorts``: ``new_customers`` are won in each year k = 1, 2, ... at a
      cost of ``acquisition_cost`` each, at time k; at that moment each cohort is worth
      new_customers × (lifetime value − acquisition_cost), valued exactly like the
      current customers; today that is worth 1/(1+i)^k as much. ``years=None``: cohorts
      arrive forever, Σ_{k≥1} 1/(1+i)^k = 1/i, so discount must be > 0 when
      new_customers > 0. ``years=N``: cohorts arrive in years 1..N only, each still
      valued over its own infinite lifetime (years 1..1000).
    * ``total`` = current_base + future_cohorts.

    Returns a one-row DataFrame with these three columns. Every input is one number.

    SOURCE: Gupta, Lehmann & Stuart (2004), "Valuing customers", Journal of Marketing
    Research 41(1) (value of current and future customers); Blattberg & Deighton (1996),
    "Manage marketing by the customer equity test", Harvard Business Review 74(4).
    Gupta, Lehmann & Stuart count a cohort's first margin at the moment it is won;
    here every margin comes at the end of a year, the same convention for the current
    and the future customers (course convention).

    Parameters:
        customers: number of current customers, ≥ 0.
        margin: next year's margin per current customer, yuan, ≥ 0.
        retention: yearly retention rate as a fraction, 0–1.
        discount: yearly discount rate as a fraction, 0–1; > 0 when new_customers > 0 and years is None.
        new_customers: customers won in each future year, ≥ 0.
        acquisition_cost: cost of winning one new customer, yuan, ≥ 0.
        years: None (new cohorts arrive forever) or the number of years with new cohorts, a whole number 1–1000.
        growth: yearly growth of the margin with tenure, −1 to 1.

    >>> customer_equity(1000, 100, 0.8, 0.1, new_customers=200, acquisition_cost=150).round(2)
       current_base  future_cohorts     total
    0     266666.67       233333.33  500000.0
    """
    customers = check_single("customers", customers, low=0)
    new_customers = check_single("new_customers", new_customers, low=0)
    margin, retention, discount, acquisition_cost, growth, _ = _check_inputs(
        margin, retention, discount, acquisition_cost, growth, "end", check=check_single
    )
    per_customer = lifetime_value(margin, retention, discount, growth=growth)
    if years is not None:
        arrivals = np.arange(1, check_int("years", years, low=1, high=MAX_YEARS) + 1)
        cohorts_today = float(np.sum(1 / (1 + discount) ** arrivals))  # Σ_{k=1..N} 1/(1+i)^k
    elif new_customers == 0:
        cohorts_today = 0.0
    elif discount == 0:
        raise CourseInputError("value.equity_discount_error", new_customers=new_customers)
    else:
        cohorts_today = 1 / discount  # Σ_{k≥1} 1/(1+i)^k
    current_base = customers * per_customer
    future_cohorts = new_customers * (per_customer - acquisition_cost) * cohorts_today
    return pd.DataFrame(
        {"current_base": [current_base], "future_cohorts": [future_cohorts], "total": [current_base + future_cohorts]}
    )


def lifetime_revenue(purchase_value, purchases_per_year, years):
    """The simple, undiscounted revenue of a long relationship: one way figures such as
    Ford's "a loyal customer is worth at least $300,000" can arise (the seed does not say
    how Ford's was made; lesson 2's assumptions reach it this way).

    FORMULA: purchase_value × purchases_per_year × years. It is revenue, not margin,
    with no retention and no discounting: :func:`lifetime_value` shows how much smaller
    the value is once these count. Inputs ≥ 0; numbers or numpy arrays.

    SOURCE: course convention (the seed quotes Ford's estimate without its inputs).

    Parameters:
        purchase_value: revenue of one purchase, ≥ 0 (any currency).
        purchases_per_year: purchases a year, ≥ 0.
        years: length of the relationship in years, ≥ 0.
            Each may be a number or a numpy array.

    >>> lifetime_revenue(30_000, 1 / 5, 40)  # a $30,000 car every five years for 40 years
    240000.0
    >>> lifetime_revenue(30_000, 1 / 5, 40) + lifetime_revenue(750, 2, 40)  # plus two services a year
    300000.0
    """
    purchase_value, purchases_per_year, years = check_shapes(
        purchase_value=check_range("purchase_value", purchase_value, low=0),
        purchases_per_year=check_range("purchases_per_year", purchases_per_year, low=0),
        years=check_range("years", years, low=0),
    )
    return plain(purchase_value * purchases_per_year * years)


def referral_cost(customers):
    """Word-of-mouth value in the data (口碑价值): for each customer type, the mean acquisition
    cost of customers won by referral (老客户推荐) next to the mean for all other channels.

    ``customers`` needs ``customer_type``, ``acquisition_channel`` and ``acquisition_cost``
    (yuan ≥ 0). Returns one row per customer type that has referred customers and other
    customers who cost something (index ``customer_type``, cheapest share first): ``referral``
    and ``other`` (mean acquisition cost, yuan) and ``share`` = referral / other.
    SOURCE: course convention (the seed's word-of-mouth value, measured on the course data).

    Parameters:
        customers: a customer table with ``customer_type``, ``acquisition_channel`` (``"referral"`` marks a
            referred customer) and ``acquisition_cost`` (yuan, ≥ 0), as ``data.load("customers")``.

    >>> c = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["referral", "store", "online"],
    ...                   "acquisition_cost": [50.0, 80.0, 120.0]})
    >>> referral_cost(c)  # doctest: +NORMALIZE_WHITESPACE
                   referral  other  share
    customer_type
    retail             50.0  100.0    0.5
    """
    check_columns("customers", customers, ["customer_type", "acquisition_channel", "acquisition_cost"])
    check_key("customers", customers, "customer_id")
    for column in ("customer_type", "acquisition_channel"):  # a blank would make a group "nan" or hide a referral
        check_no_missing("customers", column, customers[column])
    cost = check_number_column("customers", "acquisition_cost", customers["acquisition_cost"], low=0).to_numpy()
    referred = (customers["acquisition_channel"].astype(str) == "referral").to_numpy()
    kinds = customers["customer_type"].astype(str).to_numpy()
    means = pd.Series(cost).groupby([kinds, referred]).mean()
    table = means.unstack().rename(columns={True: "referral", False: "other"})
    table = table.reindex(columns=["referral", "other"]).dropna()
    table = table[table["other"] > 0]
    if table.empty:
        raise CourseInputError("value.no_referrals", name="customers")
    table["share"] = table["referral"] / table["other"]
    table.index.name = "customer_type"
    table.columns.name = None
    return table.sort_values("share")


def satisfaction_payoff(survey):
    """What satisfied customers do (满意的客户会做什么): by overall satisfaction (1–7), the mean
    intention to buy again (1–7) and to recommend (0–10), from a satisfaction survey.

    ``survey`` needs ``overall_satisfaction``, ``would_repurchase`` and ``would_recommend``.
    Returns one row per satisfaction level found (index ``overall_satisfaction``) with the
    means of ``would_repurchase`` and ``would_recommend``.
    FORMULA: mean(would_repurchase | s) and mean(would_recommend | s) for each level s.
    SOURCE: course convention; the link it shows is the one Kotler & Keller (Marketing
    Management) describe and Anderson & Sullivan (1993) measured.

    Parameters:
        survey: a survey table with ``overall_satisfaction`` (whole numbers 1–7), ``would_repurchase`` (1–7) and
            ``would_recommend`` (0–10), as ``data.load("survey")``.

    >>> s = pd.DataFrame({"overall_satisfaction": [1, 7, 7], "would_repurchase": [2, 6, 7],
    ...                   "would_recommend": [1, 9, 10]})
    >>> satisfaction_payoff(s)  # doctest: +NORMALIZE_WHITESPACE
                          would_repurchase  would_recommend
    overall_satisfaction
    1                                  2.0              1.0
    7                                  6.5              9.5
    """
    columns = ["would_repurchase", "would_recommend"]
    check_columns("survey", survey, ["overall_satisfaction", *columns])
    check_key("survey", survey, "respondent_id")
    check_table_numbers("survey", survey, ["overall_satisfaction"], low=1, high=7, whole=True)  # the levels 1–7
    numbers = pd.DataFrame(
        {  # the survey's scales: buy again 1–7, recommend 0–10
            column: check_number_column("survey", column, survey[column], low=low, high=high).to_numpy()
            for column, low, high in (("would_repurchase", 1, 7), ("would_recommend", 0, 10))
        }
    )
    level = survey["overall_satisfaction"].to_numpy(dtype=float).astype(int)
    means = numbers.groupby(pd.Index(level, name="overall_satisfaction")).mean()
    return means
