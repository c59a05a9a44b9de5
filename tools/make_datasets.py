"""Make the course datasets (maintainers only; notebooks never write datasets/).

    python tools/make_datasets.py             # writes datasets/*.csv, MANIFEST.json, README.md
    python tools/make_datasets.py --out DIR   # the same files into DIR (the tests do this)

All tables describe Haichuan Appliances (海川电器), a fictional home-appliance maker.
The data are synthetic: one numpy generator with a fixed seed, vectorised
steps in a fixed order, fixed float formats and "\\n" line ends, so every run
writes the same bytes. Column names, kinds and ranges come from
coursekit.data.SCHEMAS; each table function's docstring is that table's data
card text in README.md (generated, like the column tables, so they cannot drift).
"""

import argparse
import hashlib
import inspect
import json
from pathlib import Path

import numpy as np
import pandas as pd

from coursekit.data import ATTRIBUTES as SURVEY_ATTRIBUTES
from coursekit.data import SCHEMAS
from coursekit.errors import interval_text
from coursekit.i18n import entry

SEED = 20260901
START, END = pd.Timestamp("2023-01-01"), pd.Timestamp("2025-12-31")
DAYS = (END - START).days  # 1095: day numbers 0..DAYS cover 2023-2025
CASES_END = pd.Timestamp("2024-12-31")  # cases stop a year before END, so repurchased_12m is always observed
OUT = Path(__file__).resolve().parents[1] / "datasets"

# One row per customer type: how many there are, how often and how much they buy,
# how long they stay, and what they cost to serve.
# existing: share who joined before 2023
# buys_a_year: mean purchase rate while a customer (gamma-distributed across customers)
# stay_a_year: mean chance of still being a customer a year later (beta-distributed across customers)
# units: mean extra units per order (times the customer's size); price: share of the retail list price paid
# margin_cut: gross-margin points given up (trade discounts); account, order: yearly and per-order cost to serve
TYPES = pd.DataFrame(
    [
        ("retail", 1400, 0.35, 3.5, 0.95, 0.1, 1.00, 0.00, 60, 150),
        ("merchant", 340, 0.60, 18, 0.90, 0.2, 0.80, 0.07, 1000, 80),
        ("franchisee", 140, 0.60, 16, 0.92, 1.0, 0.82, 0.06, 1500, 80),
        ("distributor", 80, 0.70, 20, 0.94, 2, 0.75, 0.09, 3000, 120),
        ("internal", 40, 1.00, 6, 0.97, 1, 0.70, 0.12, 300, 50),
    ],
    columns="type count existing buys_a_year stay_a_year units price margin_cut account order".split(),
).set_index("type")
# Cost of winning a customer (yuan) by acquisition channel; distributors cost twice the business figure
ACQUISITION_COST = pd.DataFrame(
    {
        "retail": {"store": 80, "online": 120, "referral": 50, "sales_visit": 300},
        "business": {"trade_fair": 4000, "sales_visit": 4500, "referral": 750, "online": 1800},
    }
)

# Retail list price (yuan) and gross margin rate at list price of each product line
PRODUCTS = pd.DataFrame(
    {"list_price": [2600, 3800, 3300, 3000, 350], "margin": [0.24, 0.24, 0.26, 0.16, 0.32]},
    index=["washer", "fridge", "aircon", "tv", "small_appliance"],
)
RETAIL_MIX = [0.17, 0.14, 0.17, 0.14, 0.38]  # retail buyers buy many small appliances
TRADE_MIX = [0.22, 0.22, 0.22, 0.18, 0.16]  # business customers buy the big lines


def pick(table, column, keys):
    """``table[column]`` looked up for every key in ``keys`` (a numpy array)."""
    return table[column].reindex(keys).to_numpy()


def choose(rng, options, probabilities, size):
    """``size`` draws from ``options`` with the given probabilities."""
    return np.asarray(options)[rng.choice(len(options), size=size, p=probabilities)]


def day_to_date(days):
    return START + pd.to_timedelta(np.asarray(days), unit="D")


def make_customers(rng):
    """One row per customer (lessons 1 and 2). Haichuan sells to five kinds of customer:
    retail customers (零售客户, 70 % of the file), merchants who resell or build the
    products into their own (商家), franchised Haichuan stores (加盟商), channel
    distributors (渠道分销商) and internal customers (内部客户: other Haichuan
    departments and branches, e.g. the staff-welfare centre or the hotel division).

    How it was made: fixed numbers per type; 35 % of retail and 60-100 % of business
    customers joined before 2023, the rest join evenly over 2023-2025 (customer_id
    follows the join date). Region, city tier, acquisition channel and preferred
    contact are drawn with type-specific shares; acquisition cost depends on the
    channel and type (lognormal noise); internal customers cost nothing to win.
    Age and gender exist for retail customers only.

    service_cost is the total cost to serve in 2023-2025: a yearly account cost by type
    (marketing and membership for retail, an account manager for distributors) for the
    time from 2023-01-01 (or the join date) until half a year after the last order, plus a
    delivery and handling cost per order, plus 300 yuan per service case and the
    compensation paid, times a "demanding customer" factor (lognormal). Lesson 2's customer pyramid uses it:
    profit = sum(gross_margin) - service_cost, and many small retail buyers and some
    small merchants come out unprofitable ("lead" customers, 重铅客户).
    """
    types = np.repeat(TYPES.index.to_numpy(), TYPES["count"].to_numpy())
    n = len(types)
    existing = rng.random(n) < pick(TYPES, "existing", types)
    join_day = np.where(
        existing,
        rng.integers((pd.Timestamp("2018-01-01") - START).days, 0, n),  # before 2023: negative day numbers
        rng.integers(0, DAYS + 1, n),
    )
    retail = types == "retail"
    trade = ~retail & (types != "internal")
    region = choose(
        rng, ["east", "south", "north", "central", "west", "northeast"], [0.3, 0.2, 0.17, 0.15, 0.1, 0.08], n
    )
    tier = np.where(
        retail,
        rng.choice([1, 2, 3, 4], n, p=[0.2, 0.3, 0.3, 0.2]),
        rng.choice([1, 2, 3, 4], n, p=[0.35, 0.35, 0.2, 0.1]),
    )
    channel = np.where(
        retail,
        choose(rng, ["store", "online", "referral", "sales_visit"], [0.45, 0.35, 0.15, 0.05], n),
        np.where(
            trade,
            choose(rng, ["trade_fair", "sales_visit", "referral", "online"], [0.35, 0.45, 0.15, 0.05], n),
            "head_office",
        ),
    )
    cost = np.where(retail, pick(ACQUISITION_COST, "retail", channel), pick(ACQUISITION_COST, "business", channel))
    cost = np.nan_to_num(cost) * np.where(types == "distributor", 2, 1) * rng.lognormal(0, 0.35, n)  # head_office: 0
    age = np.where(retail, np.clip(rng.normal(42, 12, n), 18, 80).round(), np.nan)
    gender = np.where(retail, choose(rng, ["female", "male"], [0.52, 0.48], n), "")
    contact = np.where(
        retail,
        choose(rng, ["wechat", "phone", "sms", "email", "visit"], [0.45, 0.3, 0.12, 0.05, 0.08], n),
        choose(rng, ["wechat", "phone", "sms", "email", "visit"], [0.35, 0.3, 0.0, 0.2, 0.15], n),
    )
    frame = pd.DataFrame(
        {
            "customer_type": types,
            "region": region,
            "city_tier": tier,
            "join_day": join_day,
            "acquisition_channel": channel,
            "acquisition_cost": cost.round(2),
            "age": pd.array(age, dtype="Int64"),
            "gender": gender,
            "preferred_contact": contact,
            "size": rng.lognormal(0, 0.8, n),  # hidden: how big a business customer is (units per order)
        }
    )
    order = np.lexsort((rng.random(n), join_day))  # ids follow the join date; ties at random
    frame = frame.iloc[order].reset_index(drop=True)
    frame.insert(0, "customer_id", [f"C{i:05d}" for i in range(1, n + 1)])
    frame["join_date"] = day_to_date(frame["join_day"])
    return frame


def draw_purchases(rng, customers):
    """(customer row, day) of every purchase before complaints change anything.

    While a customer, each buys at a personal rate (gamma across customers, so a few
    buy very often: the 80/20 pattern) and each year stays with a personal probability
    (beta across customers), so the customer's life ends at an exponential time.
    New customers buy on their join date; customers from before 2023 buy at least once.
    """
    types = customers["customer_type"].to_numpy()
    n = len(types)
    rate = rng.gamma(2, pick(TYPES, "buys_a_year", types) / 2)
    kept = pick(TYPES, "stay_a_year", types)
    stay = rng.beta(30 * kept, 30 * (1 - kept))
    join = customers["join_day"].to_numpy()
    start = np.maximum(join, 0)
    end = np.minimum(start + 365.25 * rng.exponential(1 / -np.log(stay)), DAYS)
    extra = rng.poisson(rate * (end - start) / 365.25)
    extra = np.where((join < 0) & (extra == 0), 1, extra)  # customers from before 2023 buy at least once
    owner = np.repeat(np.arange(n), extra)
    days = np.floor(start[owner] + rng.random(len(owner)) * (end - start)[owner]).astype(int)
    first = np.flatnonzero(join >= 0)
    return np.concatenate([first, owner]), np.concatenate([join[first], days])


def make_orders(rng, customers, owner, days):
    """Product, quantity, revenue and gross margin of the purchases (customer row ``owner`` on day ``days``)."""
    types = customers["customer_type"].to_numpy()[owner]
    retail = types == "retail"
    n = len(owner)
    product = np.where(retail, choose(rng, PRODUCTS.index, RETAIL_MIX, n), choose(rng, PRODUCTS.index, TRADE_MIX, n))
    units = pick(TYPES, "units", types) * customers["size"].to_numpy()[owner]
    quantity = 1 + rng.poisson(units)
    unit_price = (
        pick(PRODUCTS, "list_price", product) * pick(TYPES, "price", types) * rng.lognormal(0, 0.3, n)
    ).round()
    revenue = quantity * unit_price
    margin_rate = pick(PRODUCTS, "margin", product) - pick(TYPES, "margin_cut", types)
    gross_margin = revenue * margin_rate * rng.normal(1, 0.08, n)
    return pd.DataFrame(
        {
            "row": owner,
            "day": days,
            "product": product,
            "quantity": quantity,
            "revenue": revenue,
            "gross_margin": gross_margin.round(2),
        }
    )


def count_orders_between(orders, row, low, high):
    """For each (customer row, low, high): the number of orders with low < day <= high."""
    key = np.sort(orders["row"].to_numpy() * 10_000 + orders["day"].to_numpy())
    return np.searchsorted(key, row * 10_000 + high, side="right") - np.searchsorted(
        key, row * 10_000 + low, side="right"
    )


CASE_CATEGORIES = pd.DataFrame(
    # share of cases (installation: x 2.5 for air conditioners, x 0.1 for small appliances);
    # days from the order to the case, lowest and highest
    [
        ("product_quality", 0.24, 1, 120),
        ("installation", 0.17, 0, 14),
        ("delivery", 0.14, 0, 7),
        ("repair", 0.18, 30, 540),
        ("staff_attitude", 0.09, 0, 30),
        ("waiting_time", 0.10, 0, 30),
        ("price_billing", 0.08, 0, 60),
    ],
    columns=["category", "share", "delay_low", "delay_high"],
).set_index("category")
# hours to a first response: median by channel (letters are slow; media get a fast answer)
RESPONSE_MEDIAN = pd.Series({"phone": 6, "letter": 72, "in_person": 3, "online": 12, "media": 8, "legal": 48})
CASE_CHANNELS = (["phone", "online", "in_person", "letter", "media", "legal"], [0.48, 0.30, 0.10, 0.06, 0.04, 0.02])
RESOLUTION_LIFT = pd.Series({"resolved": 1.6, "partial": 0.7, "unresolved": -0.3})


def make_service_cases(rng, customers, orders):
    """Service and complaint cases opened in 2023-2024 (lesson 4: complaints and satisfaction).

    Each case comes from an order (22 % of retail orders and 5 % of business orders
    placed in 2023-2024 lead to a case): the product is the order's, the category decides how
    many days after the order the case is opened (delivery within a week, repairs
    after a month or more). Cases stop at 2024-12-31 so that repurchased_12m, "bought
    again within 365 days after opened", is fully observed in transactions.csv.

    Relationships built in (what lesson 4 teaches):
    - channel: most cases come by phone or online; media (4 %) and legal (2 %) are rare;
      letters are answered slowest;
    - one hidden "handling quality" per case drives both a fast response and a full
      resolution, so fast cases are resolved more often;
    - satisfaction_after = 1.6 + 0.3 * satisfaction_before + (1.6 resolved, 0.7 partial,
      -0.3 unresolved) - 0.35 * log2(response_hours / 12) (capped to -1.2 ... +0.8)
      + 0.3 if compensated + noise, rounded and kept in 1-5;
    - the chance that the customer stays rises with satisfaction_after:
      P(stay) = 1 / (1 + exp(-(1.0 + 1.2 * (satisfaction_after - 3) + 3 * business))), business = 1
      for business customers and 0 for retail;
      a customer who stays buys again within 12 months (an order
      is added if none came naturally); a customer who leaves buys nothing after the case
      (their later orders and cases are removed). So repurchase is, as in the TARP studies
      for the US Office of Consumer Affairs ("Consumer Complaint Handling in America",
      1979 and 1986), highest for complaints resolved quickly, lower for complaints resolved
      slowly, and lowest for unresolved ones; repurchased_12m is computed from the final orders;
    - note = washing_vegetables marks a few cases of rural customers in the west whose washers'
      drains clogged because they washed sweet potatoes in them (the Haier story of lesson 1.1);
      they were resolved within hours.
    """
    types = customers["customer_type"].to_numpy()[orders["row"]]
    chance = np.where(types == "retail", 0.22, 0.05)
    source = orders[(rng.random(len(orders)) < chance) & (orders["day"] <= (CASES_END - START).days)]
    n = len(source)
    weights = np.tile(CASE_CATEGORIES["share"].to_numpy(), (n, 1))
    weights[:, CASE_CATEGORIES.index.get_loc("installation")] *= np.select(
        [source["product"] == "aircon", source["product"] == "small_appliance"], [2.5, 0.1], 1
    )
    weights /= weights.sum(axis=1, keepdims=True)
    category = CASE_CATEGORIES.index.to_numpy()[(weights.cumsum(axis=1) < rng.random((n, 1))).sum(axis=1)]
    low, high = pick(CASE_CATEGORIES, "delay_low", category), pick(CASE_CATEGORIES, "delay_high", category)
    cases = pd.DataFrame(
        {
            "row": source["row"].to_numpy(),
            "opened_day": source["day"].to_numpy() + rng.integers(low, high + 1),
            "product": source["product"].to_numpy(),
            "category": category,
            "channel": choose(rng, *CASE_CHANNELS, n),
        }
    )
    quality = rng.normal(0, 1, n)  # hidden handling quality of the case
    hours = RESPONSE_MEDIAN.reindex(cases["channel"]).to_numpy()
    cases["response_hours"] = np.maximum(hours * np.exp(-0.6 * quality + 0.5 * rng.normal(0, 1, n)), 0.1).round(1)
    score = quality + 0.7 * rng.normal(0, 1, n)
    cases["resolution"] = np.select([score > -0.4, score > -1.2], ["resolved", "partial"], "unresolved")
    business = customers["customer_type"].to_numpy()[cases["row"]] != "retail"
    eligible = cases["category"].isin(["product_quality", "installation", "delivery", "repair"]) & (
        cases["resolution"] != "unresolved"
    )
    amount = (
        rng.lognormal(np.log(150), 0.6, n)
        * np.where(business, 8, 1)
        * np.where(cases["channel"].isin(["media", "legal"]), 3, 1)
    )
    cases["compensation_yuan"] = np.where(eligible & (rng.random(n) < 0.35), amount.round(), 0.0)
    cases["note"] = ""
    cases = cases[cases["opened_day"] <= (CASES_END - START).days]
    cases = pd.concat([cases, washing_vegetables_cases(rng, customers, orders)], ignore_index=True)
    n = len(cases)
    before = np.clip(rng.normal(2.1, 0.8, n).round(), 1, 5)
    speed = np.clip(-0.35 * np.log2(cases["response_hours"] / 12), -1.2, 0.8)
    after = (
        1.6
        + 0.3 * before
        + RESOLUTION_LIFT.reindex(cases["resolution"]).to_numpy()
        + speed
        + 0.3 * (cases["compensation_yuan"] > 0)
        + rng.normal(0, 0.6, n)
    )
    cases["satisfaction_before"] = before.astype(int)
    cases["satisfaction_after"] = np.clip(after.round(), 1, 5).astype(int)
    cases.loc[cases["note"] != "", "satisfaction_after"] = 5
    business = customers["customer_type"].to_numpy()[cases["row"]] != "retail"
    stay = 1 / (1 + np.exp(-(1.0 + 1.2 * (cases["satisfaction_after"] - 3) + 3 * business)))
    cases["stays"] = rng.random(n) < stay  # hidden: does the customer keep buying?
    return cases


def washing_vegetables_cases(rng, customers, orders):
    """Up to six cases (lesson 1.1, Haier): rural customers in the west whose washers clogged with sweet-potato mud."""
    rural_west = customers.index[
        (customers["customer_type"] == "retail") & (customers["region"] == "west") & (customers["city_tier"] >= 3)
    ]
    washers = orders[orders["row"].isin(rural_west) & (orders["product"] == "washer") & (orders["day"] <= 640)]
    washers = washers.drop_duplicates("row")
    chosen = washers.iloc[np.sort(rng.choice(len(washers), size=min(6, len(washers)), replace=False))]
    k = len(chosen)
    return pd.DataFrame(
        {
            "row": chosen["row"].to_numpy(),
            "opened_day": chosen["day"].to_numpy() + rng.integers(20, 90, k),
            "product": "washer",
            "category": "product_quality",
            "channel": "phone",
            "response_hours": rng.uniform(1, 6, k).round(1),
            "resolution": "resolved",
            "compensation_yuan": 0.0,
            "note": "washing_vegetables",
        }
    )


def apply_case_outcomes(rng, customers, orders, cases):
    """Customers who leave after a case buy nothing afterwards; customers who stay buy within 12 months.

    Returns the final cases (with case_id and repurchased_12m, computed from the orders) and orders.
    """
    lost = cases[~cases["stays"]].groupby("row")["opened_day"].min()
    last = lost.reindex(range(len(customers)), fill_value=DAYS + 1).to_numpy()  # last day each customer may buy
    cases = cases[cases["opened_day"].to_numpy() <= last[cases["row"]]].reset_index(drop=True)
    orders = orders[orders["day"].to_numpy() <= last[orders["row"]]]
    # a customer who stays and has no order in the next 12 months gets one (before any later loss)
    room = np.minimum(365, last[cases["row"]] - cases["opened_day"].to_numpy())
    missing = (
        cases["stays"].to_numpy()
        & (room > 0)
        & (count_orders_between(orders, cases["row"], cases["opened_day"], cases["opened_day"] + 365) == 0)
    )
    todo = cases[missing]
    extra_days = todo["opened_day"].to_numpy() + 1 + np.floor(rng.random(len(todo)) * room[missing]).astype(int)
    orders = pd.concat([orders, make_orders(rng, customers, todo["row"].to_numpy(), extra_days)], ignore_index=True)
    cases["repurchased_12m"] = (
        count_orders_between(orders, cases["row"], cases["opened_day"], cases["opened_day"] + 365) > 0
    ).astype(int)
    cases = cases.sort_values(["opened_day", "row"], kind="stable").reset_index(drop=True)
    cases.insert(0, "case_id", [f"S{i:05d}" for i in range(1, len(cases) + 1)])
    return cases, orders


def add_service_cost(rng, customers, orders, cases):
    """customers with service_cost: the cost to serve them in 2023-2025 (see make_customers)."""
    last = orders.groupby("row")["day"].max().reindex(range(len(customers))).to_numpy()
    years = (np.minimum(last + 182, DAYS + 1) - np.maximum(customers["join_day"], 0)) / 365.25
    types = customers["customer_type"].to_numpy()
    per_order = pick(TYPES, "order", types[orders["row"]]) + 10 * orders["quantity"]
    per_case = 300 + cases["compensation_yuan"]
    rows = range(len(customers))
    cost = (
        pick(TYPES, "account", types) * years
        + per_order.groupby(orders["row"]).sum().reindex(rows, fill_value=0)
        + per_case.groupby(cases["row"]).sum().reindex(rows, fill_value=0)
    )
    return customers.assign(service_cost=(cost * rng.lognormal(0, 0.3, len(customers))).round(2))


def make_transactions(customers, orders):
    """Every order of 2023-2025 (lessons 2 and 3): one row per order line.

    How it was made: while a customer, each one orders at a personal rate (gamma
    distributed within each type: retail customers about 3.5 times a year, counting small
    appliances; merchants, franchisees and distributors 16-20 times a year) until their
    relationship ends after an exponentially distributed time (personal beta-distributed
    yearly retention). Customers who joined in 2023-2025 buy on their join date. Product
    mix, units (bigger business customers order more) and price (business customers pay
    70-82 % of the retail list price, with lognormal model/price noise) depend on the type;
    gross_margin = revenue x (product margin rate - the type's trade discount) x noise.
    Service cases change the orders: see service_cases.

    What the lessons find (see "Key figures" below): a few customers bring most revenue
    (the 80/20 rule), there are one-time buyers, repeat buyers and lapsed customers for RFM,
    and about 75-80 % of the customers who buy in one year buy again the next.
    """
    orders = orders.sort_values(["day", "row"], kind="stable").reset_index(drop=True)
    return pd.DataFrame(
        {
            "transaction_id": [f"T{i:05d}" for i in range(1, len(orders) + 1)],
            "customer_id": customers["customer_id"].to_numpy()[orders["row"]],
            "date": day_to_date(orders["day"]),
            "product": orders["product"],
            "quantity": orders["quantity"],
            "revenue": orders["revenue"].astype(float),
            "gross_margin": orders["gross_margin"],
        }
    )


def make_call_center(rng):
    """Calls to the customer hotline, 2025-10-01 to 2025-12-31 (lesson 4: the agent No. 77 case).

    How it was made: calls per day = 140 x weekday factor (Monday 1.25 ... Sunday 0.8) x
    season factor (National Day week 1.3; 11-20 November, when Double-11 orders are
    delivered and installed, 1.8), spread over the hours 8-20 with peaks at 10-11 and 18;
    each (day, hour) gets a Poisson number of calls. The same number of agents works
    every hour (half at 8:00 and 20:00), so the load of an hour is calls / capacity and
    the mean wait is 20 + 30 x load / (1 - load) seconds (a queueing-style curve, load
    capped at 0.97): waits explode at busy hours and days. Each caller hangs up after a
    gamma-distributed patience (mean 450 s); abandoned calls have no agent and no rating.
    Satisfaction (1-5) = 4.6 - 0.55 x (wait in minutes)^0.7 + the agent's courtesy + noise:
    it falls with the wait even for the politest agents. Agent 77 is the most courteous
    agent of the sixty (staff numbers 41-100), yet callers who waited long are unhappy with this agent too.
    """
    days = pd.date_range("2025-10-01", "2025-12-31")
    weekday = np.array([1.25, 1.1, 1.0, 1.0, 1.0, 0.85, 0.8])[days.day_of_week]
    season = np.select([days <= "2025-10-07", (days >= "2025-11-11") & (days <= "2025-11-20")], [1.3, 1.8], 1.0)
    hours = np.arange(8, 21)
    profile = np.array([4, 8, 11, 11, 8, 6, 7, 8, 8, 8, 9, 8, 4], dtype=float)
    profile /= profile.sum()
    calls = rng.poisson(140 * (weekday * season)[:, None] * profile[None, :])  # (day, hour)
    staffed = 2.3 * 140 * np.where((hours == 8) | (hours == 20), 0.5, 1) / len(hours)  # calls agents can take an hour
    load = np.minimum(calls / staffed, 0.97)
    mean_wait = 20 + 30 * load / (1 - load)
    cell = np.repeat(np.arange(calls.size), calls.ravel())  # one entry per call: its (day, hour) cell
    n = len(cell)
    wait = rng.exponential(mean_wait.ravel()[cell])
    patience = rng.gamma(3, 150, n)
    abandoned = patience < wait
    agents = np.arange(41, 101)
    courtesy = pd.Series(rng.normal(0, 0.25, len(agents)), index=agents)
    courtesy[77] = courtesy.max() + 0.2
    agent = np.where(abandoned, 0, rng.choice(agents, n))
    score = 4.6 - 0.55 * (wait / 60) ** 0.7 + courtesy.reindex(agent).fillna(0).to_numpy() + rng.normal(0, 0.6, n)
    frame = pd.DataFrame(
        {
            "date": days[cell // len(hours)],
            "hour": hours[cell % len(hours)],
            "minute": rng.random(n),  # hidden: order within the hour
            "wait_seconds": np.where(abandoned, patience, wait).round().astype(int),
            "handle_seconds": np.where(abandoned, 0, rng.lognormal(np.log(240), 0.5, n).round()).astype(int),
            "abandoned": abandoned.astype(int),
            "agent_id": pd.array(np.where(abandoned, None, agent), dtype="Int64"),
            "satisfaction": pd.array(np.where(abandoned, None, np.clip(score.round(), 1, 5)), dtype="Int64"),
        }
    )
    frame = frame.sort_values(["date", "hour", "minute"]).reset_index(drop=True)
    frame.insert(0, "call_id", [f"H{i:05d}" for i in range(1, len(frame) + 1)])
    return frame


# What customers judge (the course's list: 服务、外观、形象、成本、交货): mean expectation,
# mean performance, and how much each attribute weighs for retail and for business customers
ATTRIBUTES = pd.DataFrame(
    {
        "expectation": [5.2, 4.8, 4.8, 5.0, 5.2],
        "performance": [5.0, 5.2, 4.9, 4.4, 4.8],
        "retail_weight": [0.30, 0.20, 0.15, 0.20, 0.15],
        "business_weight": [0.20, 0.05, 0.15, 0.30, 0.30],
    },
    index=list(SURVEY_ATTRIBUTES),
)


def make_survey(rng, customers, orders):
    """A satisfaction survey of 1,000 customers who bought in 2025 (lesson 4).

    For each attribute customers judge - service, appearance, image, cost, delivery
    (服务、外观、形象、成本、交货) - the respondent rated what they expected and what they
    got (1-7; for cost a high rating means good value). How it was made: expectation ~
    normal around the attribute's mean; performance ~ normal around the attribute's mean
    plus a personal "halo"; both rounded to 1-7.

    Relationship built in: the expectation-disconfirmation model (Oliver, R. L. 1980,
    "A cognitive model of the antecedents and consequences of satisfaction decisions",
    Journal of Marketing Research 17(4)): overall_satisfaction = 4.3 + sum of weight x
    (performance - expectation) + 0.25 x (weighted performance - 4.8) + noise, rounded to
    1-7. Performance ABOVE expectation satisfies, below it dissatisfies. The weights differ:
    retail customers weigh service (0.30) and appearance (0.20) more, business customers
    cost (0.30) and delivery (0.30). would_repurchase (1-7) and would_recommend (0-10, the
    "Net Promoter" question of Reichheld 2003, "The one number you need to grow", Harvard
    Business Review) rise with overall satisfaction, plus noise.
    """
    buyers = np.unique(orders.loc[orders["day"] >= (pd.Timestamp("2025-01-01") - START).days, "row"])
    rows = np.sort(rng.choice(buyers, size=1000, replace=False))
    n = len(rows)
    business = (customers["customer_type"].to_numpy()[rows] != "retail")[:, None]
    weights = np.where(business, ATTRIBUTES["business_weight"].to_numpy(), ATTRIBUTES["retail_weight"].to_numpy())
    halo = rng.normal(0, 0.6, (n, 1))
    expected = np.clip(rng.normal(ATTRIBUTES["expectation"].to_numpy(), 1.0, (n, 5)).round(), 1, 7)
    performed = np.clip(rng.normal(ATTRIBUTES["performance"].to_numpy() + halo, 1.0, (n, 5)).round(), 1, 7)
    gap = (weights * (performed - expected)).sum(axis=1)
    level = (weights * performed).sum(axis=1) - 4.8
    overall = np.clip((4.3 + gap + 0.25 * level + rng.normal(0, 0.7, n)).round(), 1, 7)
    frame = pd.DataFrame({"respondent_id": [f"R{i:04d}" for i in range(1, n + 1)]})
    frame["customer_id"] = customers["customer_id"].to_numpy()[rows]
    for i, attr in enumerate(SURVEY_ATTRIBUTES):
        frame[f"expectation_{attr}"] = expected[:, i].astype(int)
        frame[f"performance_{attr}"] = performed[:, i].astype(int)
    frame["overall_satisfaction"] = overall.astype(int)
    frame["would_repurchase"] = np.clip((1.2 + 0.75 * overall + rng.normal(0, 0.8, n)).round(), 1, 7).astype(int)
    frame["would_recommend"] = np.clip((1.6 * overall - 1.3 + rng.normal(0, 1.1, n)).round(), 0, 10).astype(int)
    return frame


def make_tables(seed=SEED):
    """All five tables, {name: DataFrame with exactly the SCHEMAS columns}."""
    rng = np.random.default_rng(seed)
    customers = make_customers(rng)
    orders = make_orders(rng, customers, *draw_purchases(rng, customers))
    cases = make_service_cases(rng, customers, orders)
    cases, orders = apply_case_outcomes(rng, customers, orders, cases)
    customers = add_service_cost(rng, customers, orders, cases)
    cases["customer_id"] = customers["customer_id"].to_numpy()[cases["row"]]
    cases["opened"] = day_to_date(cases["opened_day"])
    tables = {
        "customers": customers,
        "transactions": make_transactions(customers, orders),
        "service_cases": cases,
        "call_center": make_call_center(rng),
        "survey": make_survey(rng, customers, orders),
    }
    return {name: frame[list(SCHEMAS[name])] for name, frame in tables.items()}


# ---------------------------------------------------------------- writing the files

LESSONS = {
    "customers": ("客户档案", "1 (who the customer is: profiles), 2 (customer value, 80/20, customer pyramid)"),
    "transactions": ("交易记录", "2 (CLV, 80/20, RFM, customer pyramid), 3 (retention economics)"),
    "service_cases": ("服务与投诉记录", "4 (complaints: response, resolution, satisfaction, repurchase)"),
    "call_center": ("呼叫中心来电", "4 (waiting and satisfaction: the agent No. 77 case)"),
    "survey": ("满意度调查", "4 (expectation vs performance, satisfaction, recommendation)"),
}
MAKERS = {
    "customers": make_customers,
    "transactions": make_transactions,
    "service_cases": make_service_cases,
    "call_center": make_call_center,
    "survey": make_survey,
}


def csv_bytes(frame):
    """The table as CSV bytes: UTF-8, "\\n" line ends, 2-decimal floats, ISO dates."""
    text = frame.to_csv(index=False, lineterminator="\n", float_format="%.2f", date_format="%Y-%m-%d")
    return text.encode("utf-8")


def key_figures(tables):
    """The relationships built into the data, as measured on the files (markdown bullets)."""
    customers, transactions, cases, calls, survey = (tables[name] for name in MAKERS)
    revenue = transactions.groupby("customer_id")["revenue"].sum().sort_values(ascending=False)
    top = revenue.iloc[: len(revenue) // 5].sum() / revenue.sum()
    years = transactions.assign(year=transactions["date"].dt.year).groupby(["customer_id", "year"]).size().unstack()
    buys = years.notna()
    kept = [(buys[y] & buys[y + 1]).sum() / buys[y].sum() for y in (2023, 2024)]
    orders = transactions.groupby("customer_id").size()
    margin = transactions.groupby("customer_id")["gross_margin"].sum()
    profit = margin.reindex(customers["customer_id"]).to_numpy() - customers["service_cost"].to_numpy()
    fast = cases["response_hours"] <= 24
    groups = {
        "resolved within 24 h": (cases["resolution"] == "resolved") & fast,
        "resolved, slower": (cases["resolution"] == "resolved") & ~fast,
        "partly resolved": cases["resolution"] == "partial",
        "unresolved": cases["resolution"] == "unresolved",
    }
    rebuy = ", ".join(f"{k} {cases.loc[g, 'repurchased_12m'].mean():.0%}" for k, g in groups.items())
    after = cases.groupby("resolution")["satisfaction_after"].mean()
    hourly = calls.groupby("hour")["wait_seconds"].mean()
    answered = calls[calls["abandoned"] == 0]
    gap = sum(survey[f"performance_{a}"] - survey[f"expectation_{a}"] for a in SURVEY_ATTRIBUTES) / 5
    return [
        f"Top 20 % of customers by revenue bring {top:.1%} of 2023-2025 revenue (lesson 2, 80/20).",
        f"Customers who bought in 2023 and bought again in 2024: {kept[0]:.1%}; 2024 → 2025: {kept[1]:.1%} (lesson 3).",
        f"One-time buyers: {(orders == 1).sum()}; repeat buyers: {(orders > 1).sum()}; "
        f"lapsed (no purchase in 2025): {(~buys[2025]).sum()} (RFM).",
        f"Unprofitable customers (sum of gross_margin < service_cost): {(profit < 0).sum()} "
        f"({(profit < 0).mean():.1%}; customer pyramid, lesson 2).",
        f"Bought again within 12 months after a case: {rebuy} (lesson 4, TARP).",
        "Mean satisfaction_after: "
        + ", ".join(f"{k} {after[k]:.2f}" for k in ("resolved", "partial", "unresolved"))
        + ".",
        f"Calls abandoned: {calls['abandoned'].mean():.1%}; mean wait {hourly.max():.0f} s at {hourly.idxmax()}:00 "
        f"vs {hourly.min():.0f} s at {hourly.idxmin()}:00; correlation of wait and satisfaction "
        f"{answered['wait_seconds'].corr(answered['satisfaction'].astype(float)):.2f}.",
        f"Survey: correlation of overall_satisfaction with mean (performance − expectation) "
        f"{survey['overall_satisfaction'].corr(gap):.2f} (Oliver 1980).",
    ]


def column_table(name):
    """The data card's column table of ``name``, from coursekit.data.SCHEMAS."""
    lines = ["| column | 中文 | kind | unit | allowed values / range | meaning |", "|---|---|---|---|---|---|"]
    for column, col in SCHEMAS[name].items():
        if col.kind == "category":
            allowed = ", ".join(f"`{code}` {entry(f'categories.{code}')['zh']}" for code in col.allowed)
        elif col.kind in ("int", "float"):
            allowed = interval_text(col.low, col.high, col.low is None, col.high is None)
        else:
            allowed = "YYYY-MM-DD" if col.kind == "date" else ""
        if col.blank:
            allowed += " or blank"
        label = entry(f"columns.{column}")["zh"]
        lines.append(f"| `{column}` | {label} | {col.kind} | {col.unit} | {allowed} | {col.meaning} |")
    return "\n".join(lines)


README_HEAD = """\
# 课程数据 · Course datasets

**Synthetic data of a fictional company.** Haichuan Appliances (海川电器) does not exist; every
customer, order, case, call and answer here was generated by `tools/make_datasets.py` (numpy,
seed {seed}). Any resemblance to real firms or people is accidental.

- Regenerate with `python tools/make_datasets.py`: the output is byte-for-byte the same each time,
  and `tests/test_datasets.py` checks that, the checksums in `MANIFEST.json`, the schemas and the
  relationships listed below. **Never edit these files by hand** (this README is generated too);
  notebooks never write here.
- Load a table in a notebook with `coursekit.data` (for example `data.customers()`); column names,
  kinds and ranges come from `coursekit.data.SCHEMAS`, labels from the message catalogs
  `coursekit/messages/columns.toml` and `categories.toml` (`columns.<column>`, `categories.<code>`).
  Read your own CSV or Excel export with `data.read_customer_csv(path)`.
- Money is in yuan (元), dates are ISO `YYYY-MM-DD`, files are UTF-8 CSV with commas.

## The company

Haichuan Appliances makes washers (洗衣机), fridges (冰箱), air conditioners (空调), TVs (电视) and
small appliances (小家电) and sells them to five kinds of customer: retail customers (零售客户, end
consumers), merchants (商家: shops that resell, or firms that build the products into their own),
franchisees (加盟商: Haichuan-branded stores run by their owners), channel distributors (渠道分销商)
and internal customers (内部客户: other Haichuan departments and branches buying internally).
It sells in six regions: 华北 north, 华东 east, 华南 south, 华中 central, 西部 west, 东北 northeast.

## Tables

| file | 中文 | lessons | rows | columns |
|---|---|---|---|---|
{tables}

## Key figures (measured on these files)

{figures}
"""


def readme(tables):
    rows = "\n".join(
        f"| `{name}.csv` | {LESSONS[name][0]} | {LESSONS[name][1]} | {len(frame):,} | {frame.shape[1]} |"
        for name, frame in tables.items()
    )
    figures = "\n".join(f"- {line}" for line in key_figures(tables))
    parts = [README_HEAD.format(seed=SEED, tables=rows, figures=figures)]
    for name, frame in tables.items():
        zh, lessons = LESSONS[name]
        parts.append(
            f"## `{name}.csv` — {zh}\n\nLessons: {lessons}. Rows: {len(frame):,}.\n\n"
            f"{inspect.cleandoc(MAKERS[name].__doc__)}\n\n{column_table(name)}\n"
        )
    return "\n".join(parts).encode("utf-8")


def write_all(out):
    """Write every CSV, MANIFEST.json and README.md into the folder ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tables = make_tables()
    manifest = {}
    for name, frame in tables.items():
        data = csv_bytes(frame)
        (out / f"{name}.csv").write_bytes(data)
        manifest[f"{name}.csv"] = {
            "sha256": hashlib.sha256(data).hexdigest(),
            "rows": len(frame),
            "columns": list(frame.columns),
        }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8", newline="\n")
    (out / "README.md").write_bytes(readme(tables))
    return tables


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=OUT, help="folder to write into (default: datasets/)")
    write_all(parser.parse_args(argv).out)


if __name__ == "__main__":
    main()
