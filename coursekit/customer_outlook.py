"""Each customer's outlook from the order log (每位客户的前景), lesson 5 (拓展): who is
probably still a customer, how much each will buy, and what each is worth from now on.

Built on the fitted models of :mod:`coursekit.repeat_buying` (BG/NBD and Gamma-Gamma):

- :func:`simulate_customers`: the BG/NBD story acted out by a few made-up customers (the picture).
- :func:`alive_grid`: P(alive) for every recency and frequency at one age (the heat map).
- :func:`spend_independence`: the Gamma-Gamma model's assumption checked (frequency vs spend).
- :func:`margin_rates`, :func:`lifetime_values`: model-based lifetime value per customer.
- :func:`compare_with_tiers`: that value against lesson 2's tiers by past profit.
- :func:`customer_outlook`: one customer's numbers (the simulator's model).
- :func:`course_models`: both models fitted to the course data in weeks (cached).

The lesson counts time in weeks (``freq="W"`` of :func:`coursekit.segments.purchase_summary`);
a year is :data:`YEAR_WEEKS` = 52 weeks.
"""

import numbers
from functools import cache

import numpy as np
import pandas as pd

from coursekit import data, segments
from coursekit.errors import (
    CourseInputError,
    check_columns,
    check_int,
    check_number_column,
    check_range,
    check_single,
)
from coursekit.i18n import Message
from coursekit.repeat_buying import BGNBD, GammaGamma, fit_bg_nbd, fit_gamma_gamma, lifetime_value_table

YEAR_WEEKS = 52  # one year in the lesson's weekly time unit (52 weeks = 364 days)
ALIVE_BELOW = 0.3  # "has probably left": P(alive) below this (course convention)


def _fitted(name, model, kind, keys, expected):
    """``model``, after checking it is a fitted ``kind``: its ``params`` hold each of ``keys`` as one finite
    number > 0 (a model built with NaN parameters is no fitted model)."""
    if not isinstance(model, kind):
        raise CourseInputError("errors.type", name=name, value=type(model).__name__, expected=Message(expected))
    params = model.params if isinstance(model.params, dict) else {}
    values = [params.get(key) for key in keys]
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) and 0 < v < np.inf for v in values):
        raise CourseInputError("errors.type", name=name, value=model.params, expected=Message(expected))
    return model


def _models(bg_nbd, gamma_gamma=None, spend=False):
    """Check ``bg_nbd`` (a fitted BGNBD) and, with ``spend``, ``gamma_gamma`` (a fitted GammaGamma)."""
    _fitted("bg_nbd", bg_nbd, BGNBD, ("r", "alpha", "a", "b"), "holdout.expect_model")
    if spend:
        _fitted("gamma_gamma", gamma_gamma, GammaGamma, ("p", "q", "gamma"), "customer_outlook.expect_gamma_gamma")


@cache
def course_models():
    """The lesson's two models fitted to the whole course log (2023–2025) in weeks: a tuple
    ``(bg_nbd, gamma_gamma)``, computed once per session.

    FORMULA: :func:`coursekit.repeat_buying.fit_bg_nbd` and :func:`~coursekit.repeat_buying.fit_gamma_gamma`
    of ``purchase_summary(data.transactions(), freq="W")``. SOURCE: course convention.

    >>> bg_nbd, gamma_gamma = course_models()
    >>> sorted(bg_nbd.params), sorted(gamma_gamma.params)
    (['a', 'alpha', 'b', 'r'], ['gamma', 'p', 'q'])
    """
    summary = segments.purchase_summary(data.transactions(), freq="W")
    return fit_bg_nbd(summary), fit_gamma_gamma(summary)


def simulate_customers(params, customers=8, periods=156, seed=1):
    """The BG/NBD story acted out by ``customers`` made-up customers over ``periods`` periods:
    every purchase, and the moment each one drops out (if they do).

    FORMULA (the model's assumptions, Fader, Hardie & Lee 2005, section 2): each customer draws
    a purchase rate λ ~ Gamma(shape r, rate α) and a drop-out chance p ~ Beta(a, b); the first
    purchase is at time 0; while alive, the waits between purchases are exponential with
    mean 1/λ (Poisson purchases); right after each repeat purchase the customer drops out
    for good with probability p.

    Returns one row per event: ``customer`` (1, 2, …), ``time`` (periods since the first
    purchase), ``event`` ("first", "repeat", "dropout": at the time of the purchase after
    which the customer left, or "end": the end of the watch, at ``periods``), ``rate`` (λ,
    purchases per period) and ``dropout_chance`` (p).
    The same ``seed`` gives the same customers. SOURCE: Fader, Hardie & Lee (2005).

    Parameters:
        params: the model's parameters, a dict with ``r``, ``alpha``, ``a``, ``b`` (each > 0), e.g. a fitted
            model's ``params``.
        customers: how many customers, a whole number 1–50.
        periods: how long they are watched, in periods, > 0 (156 weeks = three years).
        seed: the random seed, a whole number ≥ 0 (course convention: 1 shows some of each kind).

    >>> story = simulate_customers({"r": 1.0, "alpha": 10.0, "a": 1.0, "b": 3.0}, customers=2, periods=52)
    >>> set(story["event"]) <= {"first", "repeat", "dropout", "end"}, story["customer"].unique().tolist()
    (True, [1, 2])
    """
    if not isinstance(params, dict):
        raise CourseInputError(
            "errors.type", name="params", value=params, expected=Message("customer_outlook.expect_params")
        )
    r, alpha, a, b = (check_range(f"params['{k}']", params.get(k, np.nan), low=0, low_open=True)
                      for k in ("r", "alpha", "a", "b"))
    customers = check_int("customers", customers, low=1, high=50)
    periods = check_single("periods", periods, low=0, low_open=True)
    rng = np.random.default_rng(check_int("seed", seed, low=0))
    rows = []
    for number in range(1, customers + 1):
        rate, chance = rng.gamma(r, 1 / alpha), rng.beta(a, b)
        rows.append((number, 0.0, "first", rate, chance))
        time = rng.exponential(1 / rate)
        while time <= periods:
            rows.append((number, time, "repeat", rate, chance))
            if rng.random() < chance:  # gone for good, right after this purchase
                rows.append((number, time, "dropout", rate, chance))
                break
            time += rng.exponential(1 / rate)
        rows.append((number, periods, "end", rate, chance))
    return pd.DataFrame(rows, columns=["customer", "time", "event", "rate", "dropout_chance"])


def alive_grid(bg_nbd, T, most_frequency=None):
    """P(alive) for every history a customer of age ``T`` can have (the recency × frequency
    heat map): rows recency tₓ = 0 … T, columns frequency x = 0 … ``most_frequency``.

    FORMULA: :meth:`coursekit.repeat_buying.BGNBD.probability_alive` (x, tₓ, T). Histories that
    cannot happen are NaN: x repeat purchases need x different periods after the first one
    (x ≤ tₓ), and x = 0 means tₓ = 0. The cell x = 0, tₓ = 0 is 1: in BG/NBD nobody drops out
    before a repeat purchase (the model's quirk).
    SOURCE: Fader, Hardie & Lee (2005), section 3; the picture as lifetimes'
    ``plot_probability_alive_matrix``.

    Parameters:
        bg_nbd: a fitted :class:`coursekit.repeat_buying.BGNBD`.
        T: the customers' age at the end of observation, a whole number of periods 1–1,000.
        most_frequency: the largest frequency shown, a whole number 1–T, or None for T.

    >>> from coursekit.repeat_buying import BGNBD
    >>> grid = alive_grid(BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0), T=3)
    >>> grid.round(2)  # doctest: +NORMALIZE_WHITESPACE
    frequency    0     1     2     3
    recency
    0          1.0   NaN   NaN   NaN
    1          NaN  0.42   NaN   NaN
    2          NaN  0.56  0.58   NaN
    3          NaN  0.67  0.73  0.77
    """
    _models(bg_nbd)
    T = check_int("T", T, low=1, high=1000)
    most = T if most_frequency is None else check_int("most_frequency", most_frequency, low=1)
    if most > T:  # x repeat purchases need x different periods after the first
        raise CourseInputError("customer_outlook.frequency_above_age", name="most_frequency", value=most, T=T)
    x, tx = np.meshgrid(np.arange(most + 1, dtype=float), np.arange(T + 1, dtype=float))
    possible = (x <= tx) & ((x > 0) | (tx == 0))
    alive = np.asarray(bg_nbd.probability_alive(x, tx, np.full_like(x, T)))
    grid = pd.DataFrame(np.where(possible, alive, np.nan), index=pd.RangeIndex(T + 1, name="recency"),
                        columns=pd.RangeIndex(most + 1, name="frequency"))
    return grid


def spend_independence(summary, groups=None):
    """The Gamma-Gamma model's assumption checked: is the spend per purchase unrelated to how
    often a customer buys? The correlation of frequency and mean spend among repeat buyers,
    for all of them and, with ``groups``, within each group.

    FORMULA: Pearson's correlation of ``frequency`` (x) and ``monetary_value`` (m) over the
    customers with x > 0 and m > 0; near 0 is what the model assumes. ``customers`` = how many
    repeat buyers. Rows: each group (sorted), then "all_customers".
    SOURCE: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", section 3 (the
    independence assumption and its check); the lifetimes documentation does the same check.

    Parameters:
        summary: the table of :func:`coursekit.segments.purchase_summary` (``frequency``, ``monetary_value`` ≥ 0)
            with at least three repeat buyers.
        groups: None, or one group code per customer (a pandas Series indexed like ``summary``, e.g. the
            customer type).

    >>> s = pd.DataFrame({"frequency": [1.0, 2.0, 3.0, 4.0, 0.0], "monetary_value": [10.0, 20.0, 25.0, 40.0, 0.0]})
    >>> spend_independence(s).round(2)  # doctest: +NORMALIZE_WHITESPACE
                   customers  correlation
    group
    all_customers          4         0.98
    """
    check_columns("summary", summary, ["frequency", "monetary_value"])
    x = check_number_column("summary", "frequency", summary["frequency"], low=0)
    m = check_number_column("summary", "monetary_value", summary["monetary_value"], low=0)
    buyers = (x > 0) & (m > 0)
    if buyers.sum() < 3:
        raise CourseInputError("repeat_buying.no_repeat_buyers", name="summary")
    frame = pd.DataFrame({"frequency": x[buyers], "monetary_value": m[buyers]})
    parts = {}
    if groups is not None:
        if not isinstance(groups, pd.Series):
            raise CourseInputError("errors.type", name="groups", value=type(groups).__name__,
                                   expected=Message("customer_outlook.expect_groups"))
        codes = groups.reindex(frame.index)
        if codes.isna().any():
            raise CourseInputError("customer_outlook.group_missing", name="groups", value=codes.index[codes.isna()][0])
        parts = {str(code): part for code, part in frame.groupby(codes.astype(str))}
    parts["all_customers"] = frame
    rows = {
        code: {
            "customers": len(part),
            "correlation": part["frequency"].corr(part["monetary_value"]) if len(part) > 2 else np.nan,
        }
        for code, part in parts.items()
    }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "group"
    return table


def margin_rates(transactions, customer="customer_id", revenue="revenue", margin="gross_margin"):
    """Each customer's margin rate (毛利率): the share of their revenue that was gross margin.

    FORMULA: Σ gross_margin / Σ revenue over the customer's orders, kept within 0–1 (a customer
    whose orders lost money in total gets 0: no future margin is expected from them; one
    without revenue gets 0 too). SOURCE: course convention.

    Parameters:
        transactions: an order table with the three columns named next.
        customer, revenue, margin: names of the customer id column, the revenue column (yuan, ≥ 0) and the
            gross margin column (yuan).

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "revenue": [100.0, 300.0, 50.0],
    ...                    "gross_margin": [20.0, 40.0, -5.0]})
    >>> margin_rates(tx).tolist()
    [0.15, 0.0]
    """
    check_columns("transactions", transactions, [customer, revenue, margin])
    sums = pd.DataFrame({
        "revenue": check_number_column("transactions", revenue, transactions[revenue], low=0),
        "margin": check_number_column("transactions", margin, transactions[margin]),
    }).groupby(transactions[customer].to_numpy()).sum()
    rate = (sums["margin"] / sums["revenue"].where(sums["revenue"] > 0)).fillna(0.0).clip(0, 1)
    rate.index.name = customer
    return rate.rename("margin_rate")


def lifetime_values(bg_nbd, gamma_gamma, summary, margin, years=5, discount=0.10, period_length=YEAR_WEEKS):
    """Model-based lifetime value per customer (基于模型的客户终身价值): the discounted
    expected margin of the next ``years`` years, one row per customer of ``summary``.

    FORMULA: :func:`coursekit.repeat_buying.lifetime_value_table` with yearly periods
    (``period_length`` periods each) and a yearly ``discount``, with margin share 1 (expected
    revenue), times each customer's margin rate: the value is linear in the margin, so
    CLVᵢ = mᵢ · Σ_{k=1..years} (E[Yᵢ(k)] − E[Yᵢ(k−1)]) · spendᵢ / (1 + i)^k, where E[Yᵢ(k)] are
    the expected purchases in the next k years and spendᵢ the Gamma-Gamma expected spend. As in
    lesson 2 the margin of year k arrives at its END and is divided by (1 + i)^k; what lesson 2
    wrote as rᵗ (one retention rate for everyone) is here each customer's own expected
    purchases, from their P(alive) and purchase rate.
    Columns: ``probability_alive``, ``expected_purchases`` (over the whole horizon),
    ``expected_spend`` (yuan per purchase), ``margin_rate``, ``lifetime_value`` (yuan).
    SOURCE: Fader, Hardie & Lee (2005); Fader & Hardie (2013); Gupta & Lehmann (2005) for the
    discounting convention.

    Parameters:
        bg_nbd: a fitted :class:`coursekit.repeat_buying.BGNBD`.
        gamma_gamma: a fitted :class:`coursekit.repeat_buying.GammaGamma`.
        summary: the purchase summary the models describe (``frequency``, ``recency``, ``T``, ``monetary_value``).
        margin: the margin rate, a fraction 0–1, the same for everyone or a pandas Series by customer (e.g.
            :func:`margin_rates`) holding every customer of ``summary``.
        years: the horizon, a whole number of years 1–20.
        discount: the yearly discount rate, a fraction 0–1.
        period_length: periods in one year, > 0 (52 for weeks, 365 for days).

    >>> from coursekit.repeat_buying import BGNBD, GammaGamma
    >>> bg_nbd = BGNBD({"r": 1.0, "alpha": 10.0, "a": 1.5, "b": 3.0}, 0.0)
    >>> gamma_gamma = GammaGamma({"p": 2.0, "q": 3.0, "gamma": 100.0}, 0.0)
    >>> s = pd.DataFrame({"frequency": [5.0, 5.0], "recency": [50.0, 10.0], "T": [52.0, 52.0],
    ...                   "monetary_value": [200.0, 200.0]}, index=["recent", "quiet"])
    >>> lifetime_values(bg_nbd, gamma_gamma, s, margin=0.2)["lifetime_value"].round(0).tolist()
    [199.0, 1.0]
    """
    _models(bg_nbd, gamma_gamma, spend=True)
    check_columns("summary", summary, ["frequency", "recency", "T", "monetary_value"])
    years = check_int("years", years, low=1, high=20)
    discount = check_single("discount", discount, low=0, high=1)
    period_length = check_single("period_length", period_length, low=0, low_open=True)
    if isinstance(margin, pd.Series):
        rates = margin.reindex(summary.index)
        if rates.isna().any():
            raise CourseInputError("customer_outlook.margin_missing", name="margin", value=rates.index[rates.isna()][0])
        rates = pd.Series(check_range("margin", rates.to_numpy(dtype=float), low=0, high=1), index=rates.index)
    else:
        rates = check_single("margin", margin, low=0, high=1)
    table = lifetime_value_table(bg_nbd, gamma_gamma, summary, margin=1.0, periods=years,
                                 period_length=period_length, discount=discount)
    table.insert(3, "margin_rate", rates if isinstance(rates, pd.Series) else float(rates))
    table["lifetime_value"] = table["lifetime_value"] * table["margin_rate"]
    return table


def compare_with_tiers(values, profit, cutoffs=(0.05, 0.20, 0.70), alive_below=ALIVE_BELOW):
    """Model lifetime value against lesson 2's customer pyramid by past profit: who looks
    valuable but has probably left, and who is worth more than their past shows.

    FORMULA: ``tier`` = :func:`coursekit.segments.customer_tiers` of past ``profit``;
    ``model_tier`` = the same cut-offs applied to ``lifetime_value``;
    ``probably_left`` = tier platinum or gold AND P(alive) < ``alive_below``;
    ``undervalued`` = tier iron or lead AND model_tier platinum or gold.
    SOURCE: course convention, on Zeithaml, Rust & Lemon (2001) (the tiers) and Fader,
    Hardie & Lee (2005) (P(alive)).

    Parameters:
        values: the table of :func:`lifetime_values` (``probability_alive``, ``lifetime_value``), one row per
            customer.
        profit: past profit per customer (yuan, may be negative), a pandas Series holding every customer of
            ``values`` once (e.g. :func:`coursekit.segments.customer_value_table`'s ``profit``).
        cutoffs: the tiers' cumulative top shares, as in :func:`coursekit.segments.customer_tiers`.
        alive_below: P(alive) below which a customer has probably left, a fraction strictly between 0 and 1.

    >>> v = pd.DataFrame({"probability_alive": [0.1, 0.9, 0.95, 0.8], "lifetime_value": [0.0, 50.0, 900.0, 10.0]},
    ...                  index=["a", "b", "c", "d"])
    >>> p = pd.Series({"a": 800.0, "b": 40.0, "c": 100.0, "d": 5.0})
    >>> compare_with_tiers(v, p, cutoffs=(0.25, 0.5, 0.75))[["tier", "model_tier", "probably_left", "undervalued"]]
           tier model_tier  probably_left  undervalued
    a  platinum       lead           True        False
    b      iron       gold          False         True
    c      gold   platinum          False        False
    d      lead       iron          False        False
    """
    check_columns("values", values, ["probability_alive", "lifetime_value"])
    alive = check_number_column("values", "probability_alive", values["probability_alive"], low=0, high=1)
    worth = check_number_column("values", "lifetime_value", values["lifetime_value"], low=0)
    if not isinstance(profit, pd.Series):
        raise CourseInputError("errors.type", name="profit", value=type(profit).__name__,
                               expected=Message("customer_outlook.expect_profit"))
    if profit.index.has_duplicates:  # which of the two profits would be the customer's?
        raise CourseInputError("customer_outlook.profit_twice", name="profit",
                               value=profit.index[profit.index.duplicated()][0])
    past = profit.reindex(values.index)
    if past.isna().any():
        raise CourseInputError("customer_outlook.profit_missing", name="profit", value=past.index[past.isna()][0])
    past = pd.Series(check_range("profit", past.to_numpy()), index=past.index)  # no text, no ±inf
    below = check_single("alive_below", alive_below, low=0, high=1, low_open=True, high_open=True)
    tier = segments.customer_tiers(past, cutoffs=cutoffs)
    model_tier = segments.customer_tiers(worth, cutoffs=cutoffs)
    top, model_top = tier.isin(segments.TOP_TIERS), model_tier.isin(segments.TOP_TIERS)
    return pd.DataFrame({
        "profit": past,
        "tier": tier,
        "lifetime_value": worth,
        "model_tier": model_tier,
        "probability_alive": alive,
        "probably_left": top & (alive < below),
        "undervalued": ~top & model_top,
    }, index=values.index)


def customer_outlook(bg_nbd, gamma_gamma, frequency, recency, T, monetary_value, margin, years=5, discount=0.10,
                     period_length=YEAR_WEEKS, silent_periods=2 * YEAR_WEEKS):
    """One customer's outlook from their x, tₓ, T and mean spend: P(alive), purchases next
    year, spend per purchase, lifetime value, year by year, and how P(alive) would fall if
    no purchase came.

    FORMULA: P(alive) and E[Y(t)] as in :mod:`coursekit.repeat_buying` (eqs. 10–11);
    ``expected_purchases`` = E[Y(period_length)] (the next year); ``purchases_by_year`` k =
    E[Y(k·L)] − E[Y((k−1)·L)]; ``value_by_year`` k = purchases_by_year k × expected spend ×
    margin / (1 + discount)^k; ``lifetime_value`` = their sum (= :func:`lifetime_values` for this
    customer); ``alive_curve`` = P(alive | x, tₓ, age) for ages tₓ … T + ``silent_periods``
    (the same history observed later, with no new purchase). A history must be possible:
    0 ≤ tₓ ≤ T, x ≤ tₓ (x repeat purchases need x different periods after the first), and
    tₓ = 0 exactly when x = 0.
    SOURCE: Fader, Hardie & Lee (2005); Fader & Hardie (2013); discounting as lesson 2.

    Parameters:
        bg_nbd: a fitted :class:`coursekit.repeat_buying.BGNBD`.
        gamma_gamma: a fitted :class:`coursekit.repeat_buying.GammaGamma`.
        frequency: repeat purchases x, a whole number ≥ 0.
        recency: the age at the last purchase tₓ, a whole number of periods, x ≤ tₓ ≤ T (0 when x = 0).
        T: the age now, a whole number of periods ≥ 0.
        monetary_value: the mean value of the repeat purchases, yuan ≥ 0.
        margin: the margin rate, a fraction 0–1.
        years: the horizon of the lifetime value, a whole number of years 1–20.
        discount: the yearly discount rate, a fraction 0–1.
        period_length: periods in one year, > 0 (52 for weeks).
        silent_periods: how far the P(alive) curve looks ahead, a whole number of periods 1–1,000.

    >>> bg_nbd, gamma_gamma = course_models()
    >>> recent = customer_outlook(bg_nbd, gamma_gamma, 10, 150, 156, 3000, margin=0.2)
    >>> quiet = customer_outlook(bg_nbd, gamma_gamma, 10, 100, 156, 3000, margin=0.2)
    >>> recent["probability_alive"] > quiet["probability_alive"], recent["lifetime_value"] > quiet["lifetime_value"]
    (True, True)
    """
    _models(bg_nbd, gamma_gamma, spend=True)
    x = check_int("frequency", frequency, low=0)
    T = check_int("T", T, low=0)
    tx = check_int("recency", recency, low=0)
    if tx > T:
        raise CourseInputError("customer_outlook.recency_after_now", name="recency", value=tx, T=T)
    if x == 0 and tx > 0:  # with no repeat purchase the last purchase is the first, at age 0
        raise CourseInputError("customer_outlook.no_repeat_recency", name="recency", value=tx)
    if x > tx:  # x repeat purchases fall in x different periods after the first
        raise CourseInputError("customer_outlook.impossible_history", name="frequency", value=x, recency=tx)
    spend_so_far = check_single("monetary_value", monetary_value, low=0)
    rate = check_single("margin", margin, low=0, high=1)
    years = check_int("years", years, low=1, high=20)
    discount = check_single("discount", discount, low=0, high=1)
    length = check_single("period_length", period_length, low=0, low_open=True)
    silent = check_int("silent_periods", silent_periods, low=1, high=1000)

    horizon = length * np.arange(1, years + 1)
    by_now = np.asarray(bg_nbd.expected_purchases(horizon, x, tx, T))  # E[Y(k·L)], k = 1..years
    purchases = np.diff(by_now, prepend=0.0)
    spend = gamma_gamma.expected_spend(x, spend_so_far)
    value = purchases * spend * rate / (1 + discount) ** np.arange(1, years + 1)
    ages = np.arange(tx, T + silent + 1, dtype=float)
    return {
        "frequency": x,
        "recency": tx,
        "T": T,
        "monetary_value": spend_so_far,
        "margin": rate,
        "probability_alive": bg_nbd.probability_alive(x, tx, T),
        "expected_purchases": float(bg_nbd.expected_purchases(length, x, tx, T)),
        "expected_spend": spend,
        "lifetime_value": float(value.sum()),
        "year": np.arange(1, years + 1),
        "purchases_by_year": purchases,
        "value_by_year": value,
        "ages": ages,
        "alive_curve": np.asarray(bg_nbd.probability_alive(np.full_like(ages, x), np.full_like(ages, tx), ages)),
    }
