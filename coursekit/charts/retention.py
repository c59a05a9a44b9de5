"""Retention measures on the course data and the charts of lesson 3, 客户保持的经济学 (retention economics).

Every chart function returns a matplotlib Figure made with :func:`coursekit.style.figure`
and labelled through :mod:`coursekit.i18n`.
"""

import numpy as np
import pandas as pd

from coursekit import style
from coursekit.errors import CourseInputError, bilingual, check_choice, check_columns, check_int, check_range
from coursekit.i18n import category_label, text
from coursekit.retention import REICHHELD_SASSER_1990, cohort_survival, retention_profit_lift
from coursekit.segments import _date_column, _no_missing, _number_column, _transactions

# The worst outcome of a customer's service cases so far, mildest first.
LESSON3_CASE_OUTCOMES = ("no_case", "resolved", "partial", "unresolved")


def _orders(transactions):
    """customer_id, date (datetime64) and revenue of an order table, checked."""
    return _transactions(transactions, "customer_id", "date", "revenue")


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
        raise CourseInputError(bilingual("lesson3_years_error", name="transactions", years=years))
    keys = ["buy_year"]
    if by is not None:
        if customers is None:
            raise CourseInputError(
                bilingual(
                    "type_error",
                    name="customers",
                    value=None,
                    expected="客户表（给出 by 时必须给出）",
                    expected_en="the customer table (needed with by)",
                )
            )
        check_columns("customers", customers, ["customer_id"])
        check_choice("by", by, [column for column in customers.columns if column != "customer_id"])
        unknown = ~pairs["customer_id"].isin(customers["customer_id"])
        if unknown.any():
            example = pairs.loc[unknown, "customer_id"].iloc[0]
            raise CourseInputError(
                bilingual("lesson3_unknown_customers", name="transactions", n=unknown.sum(), example=example)
            )
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
    _no_missing("service_cases", "customer_id", service_cases["customer_id"])
    opened = _date_column("service_cases", "opened", service_cases["opened"])
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
    history = _case_history(transactions, service_cases, year)
    risky = history[history["worst_outcome"].isin(["partial", "unresolved"])]
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
    start = orders["date"].min()
    joined = _date_column("customers", "join_date", customers["join_date"]) >= start
    new = customers.loc[joined, ["customer_id", "customer_type"]]
    orders = orders.merge(new, on="customer_id")
    if orders.empty:
        raise CourseInputError(bilingual("lesson3_no_new_customers", start=f"{start:%Y-%m-%d}"))
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

    >>> import pandas as pd
    >>> people = pd.DataFrame({"customer_type": ["retail"] * 3, "acquisition_channel": ["store", "referral", "store"],
    ...                        "acquisition_cost": [80.0, 50.0, 90.0]})
    >>> acquisition_cost_by_channel(people)
      customer_type acquisition_channel  customers  mean_acquisition_cost
    0        retail            referral          1                   50.0
    1        retail               store          2                   85.0
    """
    check_columns("customers", customers, ["customer_type", "acquisition_channel", "acquisition_cost"])
    chosen = customers
    if customer_type is not None:
        check_choice("customer_type", customer_type, list(customers["customer_type"].dropna().unique()))
        chosen = customers[customers["customer_type"] == customer_type]
    cost = _number_column("customers", "acquisition_cost", chosen["acquisition_cost"], low=0)
    table = (
        chosen.assign(acquisition_cost=cost)
        .groupby("acquisition_channel", observed=True)["acquisition_cost"]
        .agg(customers="size", mean_acquisition_cost="mean")
        .reset_index()
        .sort_values("mean_acquisition_cost", kind="stable", ignore_index=True)
    )
    table.insert(0, "customer_type", customer_type or "all_customers")
    return table


def reichheld_sasser_chart(lifts=None):
    """Reichheld & Sasser's exhibit as a bar chart: by how much the net present value of a
    customer rose, industry by industry, when defections fell by 5 percentage points.

    FORMULA: none (draws the published numbers as percentages, largest at the top).
    SOURCE: Reichheld & Sasser (1990), "Zero defections: quality comes to services",
    Harvard Business Review 68(5), exhibit "Reducing defections 5% boosts profits 25% to
    85%" (:data:`coursekit.retention.REICHHELD_SASSER_1990`, the default ``lifts``).

    >>> fig = reichheld_sasser_chart()
    >>> [round(bar.get_width()) for bar in fig.axes[0].patches][-2:]
    [75, 85]
    """
    lifts = REICHHELD_SASSER_1990 if lifts is None else lifts
    if not isinstance(lifts, dict) or not lifts:
        raise CourseInputError(
            bilingual(
                "type_error",
                name="lifts",
                value=lifts,
                expected="非空字典 {行业: 增幅}",
                expected_en="a non-empty dict {industry: lift}",
            )
        )
    check_range("lifts", list(lifts.values()), low=0)
    ordered = sorted(lifts.items(), key=lambda item: item[1])  # barh draws from the bottom up
    fig, ax = style.figure()
    bars = ax.barh([category_label(code) for code, _ in ordered], [100 * lift for _, lift in ordered])
    ax.bar_label(bars, fmt="+{:.0f}%", padding=3)
    ax.set(title=text("lesson3_rs_title"), xlabel=text("lesson3_rs_xlabel"))
    ax.set_xlim(0, 100 * max(lifts.values()) * 1.15)
    ax.grid(axis="y", visible=False)
    return fig


def cohort_decay_chart(retentions, years=5, start=100):
    """How a group of ``start`` new customers shrinks at constant yearly retention rates,
    one line per rate, with the "half are gone" level marked.

    FORMULA: customers(t) = start × r^t, t = 0..years (:func:`coursekit.retention.cohort_survival`).
    SOURCE: course convention (constant retention, as in Gupta & Lehmann 2005).

    >>> fig = cohort_decay_chart([0.8], years=2)
    >>> fig.axes[0].lines[0].get_ydata().round(1).tolist()
    [100.0, 80.0, 64.0]
    """
    rates = np.atleast_1d(check_range("retentions", retentions, low=0, high=1))
    years = check_int("years", years, low=1, high=50)
    start = check_range("start", start, low=0, low_open=True)
    fig, ax = style.figure()
    for rate in rates:
        cohort = cohort_survival(rate, years, start=start)
        label = text("lesson3_cohort_line", keep=rate, churn=1 - rate)
        (line,) = ax.plot(cohort["year"], cohort["customers"], marker="o", label=label)
        end = cohort["customers"].iloc[-1]
        ax.annotate(
            f"{end:,.0f}", (years, end), xytext=(6, 0), textcoords="offset points", va="center", color=line.get_color()
        )
    ax.hlines(start / 2, 0, years, color="#8C8C8C", linestyle="--", linewidth=1, label=text("lesson3_cohort_half"))
    ax.set(
        title=text("lesson3_cohort_title", start=start, years=years),
        xlabel=text("lesson3_cohort_xlabel"),
        ylabel=text("lesson3_cohort_ylabel"),
        ylim=(0, start * 1.05),
        xticks=range(years + 1),
    )
    ax.legend()
    return fig


def retention_by_group_chart(table, by="customer_type"):
    """Observed yearly retention per group as grouped bars: one group of bars per value of
    ``by`` (e.g. customer type), one bar per pair of years, with the seed's "typical"
    20 % churn (80 % retention) as a reference line.

    FORMULA: bar height = retention × 100 from :func:`yearly_retention` (…, by=by).
    SOURCE: course convention; the 20 % line is the seed's "typical" yearly churn.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": [2023, 2023], "next_year": [2024, 2024],
    ...                       "customer_type": ["retail", "merchant"], "retention": [0.7, 0.9]})
    >>> [round(bar.get_height()) for bar in retention_by_group_chart(table).axes[0].patches]
    [70, 90]
    """
    check_columns("table", table, ["buy_year", "next_year", by, "retention"])
    groups = list(dict.fromkeys(table[by]))
    pairs = list(dict.fromkeys(zip(table["buy_year"], table["next_year"], strict=True)))
    width = 0.8 / len(pairs)
    fig, ax = style.figure()
    for n, (year, next_year) in enumerate(pairs):
        rows = table[table["buy_year"] == year].set_index(by).reindex(groups)
        x = np.arange(len(groups)) - 0.4 + width * (n + 0.5)
        bars = ax.bar(
            x,
            100 * rows["retention"].to_numpy(dtype=float),
            width,
            label=text("lesson3_group_pair", year=year, next_year=next_year),
        )
        ax.bar_label(bars, fmt="{:.0f}", fontsize="small")
    ax.axhline(80, color="#8C8C8C", linestyle="--", linewidth=1, label=text("lesson3_group_reference"))
    ax.set_xticks(np.arange(len(groups)), [category_label(group) for group in groups])
    ax.set(title=text("lesson3_group_title"), ylabel=text("lesson3_group_ylabel"), ylim=(0, 110))
    ax.grid(axis="x", visible=False)
    fig.legend(loc="outside lower center", ncols=3)
    return fig


def profit_lift_chart(horizons=(3, 10, 20), delta=0.05, discount=0.10, margin_growth=0.0):
    """The Reichheld & Sasser claim made computable: the lift in customer value from
    ``delta`` more retention, against the current retention (50 % up to 95 %, or up to
    100 % − delta), one line per horizon in years, with the 25–85 % band of the HBR exhibit.

    FORMULA: lift(r) = V(r + Δ) / V(r) − 1, V(r) = Σ_{t=1..N} m(1+g)^(t−1) r^t / (1+i)^t
    (:func:`coursekit.retention.retention_profit_lift`).
    SOURCE: Reichheld & Sasser (1990), Harvard Business Review 68(5); the value model of
    Gupta & Lehmann (2005).

    >>> fig = profit_lift_chart(horizons=[10])
    >>> x, y = fig.axes[0].lines[0].get_data()
    >>> round(float(x[30])), round(float(y[30]), 1)
    (80, 22.9)
    """
    horizons = [check_int("horizons", years, low=1, high=100) for years in np.atleast_1d(horizons).tolist()]
    delta = check_range("delta", delta, low=0, high=0.3, low_open=True)
    discount = check_range("discount", discount, low=0, high=1)
    margin_growth = check_range("margin_growth", margin_growth, low=-1, high=1)
    retention = np.arange(50, round(100 * min(0.95, 1 - delta)) + 1) / 100
    fig, ax = style.figure()
    low, high = min(REICHHELD_SASSER_1990.values()), max(REICHHELD_SASSER_1990.values())
    ax.axhspan(100 * low, 100 * high, color="#8C8C8C", alpha=0.15, label=text("lesson3_lift_band", low=low, high=high))
    for years in horizons:
        lift = retention_profit_lift(retention, delta, discount, years, margin_growth=margin_growth)
        ax.plot(100 * retention, 100 * lift["profit_lift"], label=text("lesson3_lift_line", years=years))
    ax.set(
        title=text("lesson3_lift_title", points=100 * delta),
        xlabel=text("lesson3_lift_xlabel"),
        ylabel=text("lesson3_lift_ylabel"),
        ylim=(0, 100),
    )
    ax.legend(title=text("lesson3_lift_legend", discount=discount, growth=margin_growth), loc="upper left")
    return fig


def lapse_by_outcome_chart(table):
    """The share of customers who stopped buying, by the worst outcome of their service
    cases (the x-axis): one bar per outcome of :func:`lapse_by_case_outcome`, group sizes
    under the labels.

    FORMULA: bar height = lapse_rate × 100. SOURCE: course convention.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"buy_year": 2024, "worst_outcome": ["no_case", "unresolved"],
    ...                       "customers": [10, 4], "lapsed": [2, 2], "lapse_rate": [0.2, 0.5]})
    >>> [round(bar.get_height()) for bar in lapse_by_outcome_chart(table).axes[0].patches]
    [20, 50]
    """
    check_columns("table", table, ["buy_year", "worst_outcome", "customers", "lapse_rate"])
    colours = {
        "no_case": "#8C8C8C",
        "resolved": style.PALETTE[2],
        "partial": style.PALETTE[1],
        "unresolved": style.PALETTE[3],
    }
    outcomes = [str(outcome) for outcome in table["worst_outcome"]]
    ticks = [
        text("lesson3_lapse_tick", outcome=category_label(outcome), n=n)
        for outcome, n in zip(outcomes, table["customers"], strict=True)
    ]
    fig, ax = style.figure()
    bars = ax.bar(
        ticks,
        100 * table["lapse_rate"].to_numpy(dtype=float),
        color=[colours.get(outcome, style.PALETTE[0]) for outcome in outcomes],
    )
    ax.bar_label(bars, fmt="{:.0f}%")
    year = int(table["buy_year"].iloc[0])
    ax.set(
        title=text("lesson3_lapse_title", year=year, next_year=year + 1),
        xlabel=text("lesson3_lapse_xlabel"),
        ylabel=text("lesson3_lapse_ylabel"),
    )
    ax.set_ylim(0, max(100 * table["lapse_rate"].max() * 1.2, 10))
    ax.grid(axis="x", visible=False)
    return fig
