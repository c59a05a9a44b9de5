"""Check a repeat-buying model like a scientist (像科学家一样检验模型), lesson 5 (拓展).

Fit the model on the first part of the order log only, the calibration period (校准期),
let it predict the part it has not seen, the holdout period (检验期), and compare with
what the customers really did — and with a naive forecast that needs no model:

- :func:`calibration_holdout`: the split: each customer's x, tₓ, T at the end of the
  calibration, their purchases in the holdout, and their purchases in the calibration's
  last stretch as long as the holdout (the naive forecast: "everyone buys as last year").
- :func:`tracking_table`: cumulative repeat purchases period by period, actual and as
  the model predicts them (the tracking plot, 追踪图).
- :func:`holdout_comparison`, :func:`by_calibration_purchases`, :func:`forecast_errors`:
  per customer, by number of calibration purchases (conditional expectations, 条件期望),
  and the errors in numbers.
- :func:`alive_check`: P(alive) at the end of the calibration against who came back.

Time is counted in periods ("W" weeks Monday–Sunday by default, or "D" days), as in
:func:`coursekit.segments.purchase_summary`. The split follows ``lifetimes`` 0.11.3
``calibration_and_holdout_data``.

SOURCE: Fader, Hardie & Lee (2005), "'Counting your customers' the easy way", Marketing
Science 24(2) (calibration on weeks 1–39, holdout weeks 40–78, tracking plot and
conditional expectations, figures 2–4); Schmittlein & Peterson (1994), Marketing Science
13(1) (validation on a holdout period).
"""

from itertools import pairwise

import numpy as np
import pandas as pd

from coursekit import segments
from coursekit.errors import (
    CourseInputError,
    check_choice,
    check_columns,
    check_date,
    check_date_column,
    check_int,
    check_no_missing,
    check_number_column,
    check_range,
    check_transactions,
)
from coursekit.i18n import Message
from coursekit.repeat_buying import BGNBD

FORECASTS = ("model_forecast", "naive_forecast")  # the two forecasts compared, model first
SPLIT_COLUMNS = ["frequency", "recency", "T", "holdout_purchases", "holdout_length", "recent_purchases"]


def _model(model):
    if not isinstance(model, BGNBD):
        raise CourseInputError(
            "errors.type", name="model", value=type(model).__name__, expected=Message("holdout.expect_model")
        )
    return model


def _ends(first_day, last_day, calibration_end, holdout_end):
    """The two ends as Timestamps, checked: the calibration ends on or after the first day of
    the log, the holdout after the calibration."""
    cal_end = check_date("calibration_end", calibration_end)
    if cal_end < first_day:
        raise CourseInputError(
            "errors.range", name="calibration_end", value=str(calibration_end), allowed=f"≥ {first_day:%Y-%m-%d}"
        )
    hold_end = last_day if holdout_end is None else check_date("holdout_end", holdout_end)
    if hold_end <= cal_end:
        raise CourseInputError("holdout.holdout_not_after", name="holdout_end", value=f"{hold_end:%Y-%m-%d}",
                               calibration_end=f"{cal_end:%Y-%m-%d}")
    return cal_end, hold_end


def _periods_with_purchase(customers, periods):
    """How many different periods each customer bought in: a Series by customer."""
    return pd.Series(periods).groupby(np.asarray(customers)).nunique()


def calibration_holdout(transactions, calibration_end, holdout_end=None, freq="W", customer="customer_id",
                        date="date", amount="revenue"):
    """The order log split at ``calibration_end`` (校准期与检验期): one row per customer who
    bought on or before it, index the customer id (sorted).

    FORMULA, with E = the period of ``calibration_end`` and H = the period of ``holdout_end``:

    - ``frequency``, ``recency``, ``T``, ``monetary_value``: :func:`coursekit.segments.purchase_summary`
      of the orders on or before ``calibration_end`` (x, tₓ, T at the end of the calibration);
    - ``holdout_purchases``: the number of different periods in which the customer bought
      after ``calibration_end`` and on or before ``holdout_end`` (as lifetimes counts
      ``frequency_holdout``);
    - ``holdout_length`` = H − E periods (the same for every customer);
    - ``recent_purchases``: the number of different periods with a purchase among the last
      ``holdout_length`` periods of the calibration (E − length, E]: what the naive forecast
      "everyone buys as often as in the last year" predicts for the holdout.

    Customers whose first purchase comes after ``calibration_end`` are not in the table.

    SOURCE: lifetimes 0.11.3 ``calibration_and_holdout_data``; the naive forecast: course
    convention (the "same as last year" benchmark).

    Parameters:
        transactions: an order table with one row per purchase, holding the three columns named next.
        calibration_end: the last day of the calibration period, a date on or after the first purchase date.
        holdout_end: the last day of the holdout period, a date after ``calibration_end``, or None for the last
            purchase date.
        freq: the time unit, ``"W"`` (weeks Monday–Sunday) or ``"D"`` (days).
        customer, date, amount: names of the customer id column, the purchase date column and the amount
            column (≥ 0).

    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"],
    ...                    "date": ["2024-01-01", "2024-01-15", "2024-02-05", "2024-01-08", "2024-02-12"],
    ...                    "revenue": [10.0, 20.0, 30.0, 50.0, 60.0]})
    >>> split = calibration_holdout(tx, "2024-01-21", "2024-02-18")
    >>> split[["frequency", "T", "holdout_purchases", "recent_purchases"]]  # doctest: +NORMALIZE_WHITESPACE
                 frequency    T  holdout_purchases  recent_purchases
    customer_id
    a                  1.0  2.0                1.0               2.0
    b                  0.0  1.0                1.0               1.0
    >>> split["holdout_length"].tolist()  # the holdout: weeks 3–6 of the log, after the calibration's weeks 0–2
    [4.0, 4.0]
    """
    data = check_transactions(transactions, customer, date, amount)
    freq = check_choice("freq", freq, ("D", "W"))
    cal_end, hold_end = _ends(data[date].min(), data[date].max(), calibration_end, holdout_end)
    calibration = data[data[date] <= cal_end]
    summary = segments.purchase_summary(calibration, customer, date, amount, observation_end=cal_end, freq=freq)
    end, last = cal_end.to_period(freq).ordinal, hold_end.to_period(freq).ordinal
    length = last - end

    holdout = data[(data[date] > cal_end) & (data[date] <= hold_end) & data[customer].isin(summary.index)]
    bought = _periods_with_purchase(holdout[customer], holdout[date].dt.to_period(freq).array.asi8)
    periods = calibration[date].dt.to_period(freq).array.asi8
    recent = periods > end - length  # the calibration's last stretch, as long as the holdout
    lately = _periods_with_purchase(calibration[customer][recent], periods[recent])
    return summary.assign(
        holdout_purchases=bought.reindex(summary.index, fill_value=0).astype(float),
        holdout_length=float(length),
        recent_purchases=lately.reindex(summary.index, fill_value=0).astype(float),
    )


def tracking_table(model, transactions, calibration_end, holdout_end=None, freq="W", customer="customer_id",
                   date="date"):
    """The tracking plot's numbers (追踪图): cumulative repeat purchases of the calibration's
    customers, period by period from the first period of the log to ``holdout_end``, as they
    happened and as ``model`` predicts them.

    FORMULA: the customers are those whose first purchase period f is on or before the
    period of ``calibration_end``. In calendar period k:

    - ``actual`` = Σ over those customers of the periods f < j ≤ k with a purchase (repeat
      purchases so far, each period with a purchase counted once, as x counts them);
    - ``predicted`` = Σ_f n_f · E[X(k − f)], with n_f customers who first bought in period f and
      E[X(t)] the model's expected repeat purchases by age t
      (:meth:`coursekit.repeat_buying.BGNBD.expected_repeat_purchases`, eq. 9): a convolution.

    Columns: ``period`` (0, 1, … from the log's first period), ``start`` (the period's first
    day), ``actual``, ``predicted``, ``holdout`` (True after the calibration period).

    SOURCE: Fader, Hardie & Lee (2005), figure 2 ("tracking cumulative repeat transactions").

    Parameters:
        model: a fitted :class:`coursekit.repeat_buying.BGNBD` (fitted on the calibration period).
        transactions: an order table with one row per purchase, holding the two columns named last.
        calibration_end: the last day of the calibration period, a date on or after the first purchase date.
        holdout_end: the last day of the holdout, a date after ``calibration_end``, or None for the last date.
        freq: the time unit the model was fitted in, ``"W"`` (weeks) or ``"D"`` (days).
        customer, date: names of the customer id column and of the purchase date column.

    >>> from coursekit.repeat_buying import BGNBD
    >>> model = BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0)
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "date": ["2024-01-01", "2024-01-15", "2024-01-08"]})
    >>> tracking_table(model, tx, "2024-01-10", "2024-01-21")[["period", "actual", "holdout"]]
       period  actual  holdout
    0       0     0.0    False
    1       1     0.0    False
    2       2     1.0     True
    """
    model = _model(model)
    check_columns("transactions", transactions, [customer, date])
    ids = check_no_missing("transactions", customer, transactions[customer])
    dates = check_date_column("transactions", date, transactions[date])
    freq = check_choice("freq", freq, ("D", "W"))
    cal_end, hold_end = _ends(dates.min(), dates.max(), calibration_end, holdout_end)
    end, last = cal_end.to_period(freq).ordinal, hold_end.to_period(freq).ordinal

    # One row per customer and period with a purchase (a period's several orders count once).
    visits = pd.DataFrame({"customer": ids.to_numpy(), "period": dates.dt.to_period(freq).array.asi8})
    visits = visits[visits["period"] <= last].drop_duplicates()
    first = visits.groupby("customer")["period"].transform("min")
    in_cohort = first <= end  # the customers the model was fitted to
    visits, first = visits[in_cohort], first[in_cohort]
    start = int(visits["period"].min())
    n = last - start + 1
    repeat = visits["period"][visits["period"] > first]  # every purchase period but each customer's first
    actual = np.bincount(repeat - start, minlength=n).cumsum()
    newcomers = np.bincount(visits.groupby("customer")["period"].min() - start, minlength=n)
    curve = np.atleast_1d(model.expected_repeat_purchases(np.arange(n, dtype=float)))  # E[X(age)], ages 0..n−1
    predicted = np.convolve(newcomers, curve)[:n]  # Σ_f n_f · E[X(k − f)]
    return pd.DataFrame({
        "period": np.arange(n),
        "start": pd.PeriodIndex.from_ordinals(np.arange(start, last + 1), freq=freq).start_time,
        "actual": actual.astype(float),
        "predicted": predicted,
        "holdout": np.arange(start, last + 1) > end,
    })


def holdout_comparison(model, split):
    """Per customer, the purchases in the holdout: what happened, what the model predicted
    from the calibration alone, and what the naive forecast said.

    FORMULA: ``model_forecast`` = E[Y(t) | x, tₓ, T] with t = ``holdout_length``
    (:meth:`coursekit.repeat_buying.BGNBD.expected_purchases`, the conditional expectation,
    eq. 10); ``naive_forecast`` = ``recent_purchases``; ``actual`` = ``holdout_purchases``;
    ``frequency`` = x in the calibration.
    SOURCE: Fader, Hardie & Lee (2005), section 4 (conditional expectations on the holdout).

    Parameters:
        model: a fitted :class:`coursekit.repeat_buying.BGNBD` (fitted to ``split``).
        split: the table of :func:`calibration_holdout`.

    >>> from coursekit.repeat_buying import BGNBD
    >>> model = BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0)
    >>> split = pd.DataFrame({"frequency": [0.0, 2.0], "recency": [0.0, 3.0], "T": [4.0, 4.0],
    ...     "holdout_purchases": [0.0, 1.0], "holdout_length": [2.0, 2.0], "recent_purchases": [0.0, 2.0]})
    >>> holdout_comparison(model, split).round(2)
       frequency  actual  model_forecast  naive_forecast
    0        0.0     0.0            0.30             0.0
    1        2.0     1.0            0.53             2.0
    """
    model = _model(model)
    check_columns("split", split, SPLIT_COLUMNS)
    numbers = {c: check_number_column("split", c, split[c], low=0) for c in SPLIT_COLUMNS}
    forecast = model.expected_purchases(numbers["holdout_length"].to_numpy(), numbers["frequency"].to_numpy(),
                                        numbers["recency"].to_numpy(), numbers["T"].to_numpy())
    return pd.DataFrame({
        "frequency": numbers["frequency"],
        "actual": numbers["holdout_purchases"],
        "model_forecast": np.atleast_1d(forecast),
        "naive_forecast": numbers["recent_purchases"],
    }, index=split.index)


def _comparison(comparison):
    check_columns("comparison", comparison, ["frequency", "actual", *FORECASTS])
    return {c: check_number_column("comparison", c, comparison[c], low=0) for c in ["frequency", "actual", *FORECASTS]}


def by_calibration_purchases(comparison, most=7):
    """The conditional expectations (条件期望) table: customers grouped by their repeat
    purchases in the calibration (0, 1, …, ``most`` or more), and in each group the mean
    purchases in the holdout — actual, the model's and the naive forecast's.

    FORMULA: group g = min(x, most); for each g: ``customers`` = how many, and the mean of
    ``actual``, ``model_forecast`` and ``naive_forecast`` over them. Index ``frequency`` = g
    (the last group holds everyone with ``most`` or more).
    SOURCE: Fader, Hardie & Lee (2005), figure 4.

    Parameters:
        comparison: the table of :func:`holdout_comparison`.
        most: the last group, a whole number 1–50 (customers with this many or more).

    >>> c = pd.DataFrame({"frequency": [0.0, 1.0, 5.0], "actual": [1.0, 0.0, 4.0],
    ...                   "model_forecast": [0.5, 0.7, 3.0], "naive_forecast": [0.0, 1.0, 6.0]})
    >>> by_calibration_purchases(c, most=2)[["customers", "actual", "model_forecast"]]
    ... # doctest: +NORMALIZE_WHITESPACE
               customers  actual  model_forecast
    frequency
    0                  1     1.0             0.5
    1                  1     0.0             0.7
    2                  1     4.0             3.0
    """
    numbers = _comparison(comparison)
    most = check_int("most", most, low=1, high=50)
    group = numbers["frequency"].clip(upper=most).astype(int).to_numpy()
    means = pd.DataFrame({c: numbers[c] for c in ["actual", *FORECASTS]}).groupby(group).mean()
    table = means.reindex(range(most + 1))
    table.insert(0, "customers", pd.Series(group).value_counts().reindex(range(most + 1), fill_value=0))
    table.index.name = "frequency"
    return table


def forecast_errors(comparison):
    """How far each forecast is from what happened in the holdout, in numbers: the model's
    and the naive forecast's, one row each.

    FORMULA, with aᵢ customer i's actual purchases and fᵢ a forecast for them:
    ``forecast_total`` = Σ fᵢ; ``actual_total`` = Σ aᵢ; ``total_error`` = Σ fᵢ / Σ aᵢ − 1
    (a share: +0.05 = the forecast says 5 % too many); ``mean_absolute_error`` = (1/n) Σ |fᵢ − aᵢ|
    (purchases per customer: how far off a forecast is for one customer on average).
    SOURCE: course convention (Fader, Hardie & Lee 2005 compare totals and per-customer
    expectations).

    Parameters:
        comparison: the table of :func:`holdout_comparison` (at least one customer, some actual purchases).

    >>> c = pd.DataFrame({"frequency": [0.0, 1.0], "actual": [1.0, 3.0],
    ...                   "model_forecast": [1.5, 2.5], "naive_forecast": [0.0, 2.0]})
    >>> forecast_errors(c)  # doctest: +NORMALIZE_WHITESPACE
                    forecast_total  actual_total  total_error  mean_absolute_error
    forecast
    model_forecast             4.0           4.0          0.0                  0.5
    naive_forecast             2.0           4.0         -0.5                  1.0
    """
    numbers = _comparison(comparison)
    actual = numbers["actual"].to_numpy()
    if actual.sum() == 0:
        raise CourseInputError("errors.all_zero", name="comparison['actual']")
    rows = {}
    for forecast in FORECASTS:
        values = numbers[forecast].to_numpy()
        rows[forecast] = {
            "forecast_total": values.sum(),
            "actual_total": actual.sum(),
            "total_error": values.sum() / actual.sum() - 1,
            "mean_absolute_error": np.abs(values - actual).mean(),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "forecast"
    return table


def _group_names(edges):
    """"0–30%", "30–70%", ... with as few decimals as keep every limit apart (0.3 and 0.305: "30.0–30.5%")."""
    for decimals in range(6):
        shown = [f"{100 * edge:.{decimals}f}" for edge in edges]
        if len(set(shown)) == len(shown):
            break
    else:
        shown = [f"{100 * edge:.12g}" for edge in edges]
    return [f"{low}–{high}%" for low, high in pairwise(shown)]


def alive_check(model, split, cutoffs=(0.3, 0.7)):
    """Is P(alive) right? Customers grouped by their P(alive) at the end of the calibration,
    and in each group the share who bought again in the holdout.

    FORMULA: P(alive) = :meth:`coursekit.repeat_buying.BGNBD.probability_alive` (x, tₓ, T);
    groups [0, c₁), [c₁, c₂), …, [cₖ, 1]; per group ``customers``, ``probability_alive`` (the
    group's mean) and ``bought_again`` = the share with ``holdout_purchases`` > 0. A customer
    who is alive need not buy within the holdout, so ``bought_again`` stays below P(alive);
    a group the model thinks has left should hardly buy at all.
    SOURCE: course convention.

    Parameters:
        model: a fitted :class:`coursekit.repeat_buying.BGNBD`.
        split: the table of :func:`calibration_holdout`.
        cutoffs: the group limits, a list of increasing fractions strictly between 0 and 1 that leave every group
            some customers.

    >>> from coursekit.repeat_buying import BGNBD
    >>> model = BGNBD({"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, 0.0)
    >>> split = pd.DataFrame({"frequency": [1.0, 3.0], "recency": [1.0, 9.0], "T": [10.0, 10.0],
    ...     "holdout_purchases": [0.0, 2.0], "holdout_length": [5.0, 5.0], "recent_purchases": [0.0, 2.0]})
    >>> alive_check(model, split, cutoffs=(0.5,))[["customers", "bought_again"]]
    ... # doctest: +NORMALIZE_WHITESPACE
                    customers  bought_again
    alive_group
    0–50%                   1           0.0
    50–100%                 1           1.0
    """
    model = _model(model)
    check_columns("split", split, SPLIT_COLUMNS)
    numbers = {c: check_number_column("split", c, split[c], low=0) for c in SPLIT_COLUMNS}
    limits = np.atleast_1d(check_range("cutoffs", cutoffs, low=0, high=1, low_open=True, high_open=True))
    if limits.ndim != 1:
        raise CourseInputError("holdout.cutoffs_not_list", name="cutoffs", value=limits.tolist())
    if np.any(np.diff(limits) <= 0):
        raise CourseInputError("holdout.cutoffs_order", name="cutoffs", value=tuple(limits.tolist()))
    alive = np.atleast_1d(model.probability_alive(numbers["frequency"].to_numpy(), numbers["recency"].to_numpy(),
                                                  numbers["T"].to_numpy()))
    edges = [0.0, *limits.tolist(), 1.0]
    names = _group_names(edges)
    group = np.searchsorted(limits, alive, side="right")  # 0 for [0, c₁), 1 for [c₁, c₂), ...
    frame = pd.DataFrame({"probability_alive": alive, "bought_again": numbers["holdout_purchases"].to_numpy() > 0})
    counts = np.bincount(group, minlength=len(names))
    if not counts.all():  # an empty group has no share of buyers (5e-324 as a limit: the group 0–0%)
        raise CourseInputError("holdout.empty_alive_group", name="cutoffs", value=tuple(limits.tolist()),
                               group=names[int(np.argmin(counts))])
    means = frame.groupby(group).mean().reindex(range(len(names)))
    table = pd.DataFrame({
        "customers": counts,
        "probability_alive": means["probability_alive"].to_numpy(),
        "bought_again": means["bought_again"].to_numpy(dtype=float),
    }, index=pd.Index(names, name="alive_group"))
    return table
