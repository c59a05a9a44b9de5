"""Benchmark of coursekit.segments on a synthetic transaction log (not a test).

Builds 1,000,000 purchases of 50,000 customers (fixed seed), then times, as the median of 5 runs:
rfm, purchase_summary (days and weeks), customer_tiers + tier_economics, pareto_share + gini,
each against a plain per-customer Python loop. The loops run on a 5,000-customer subset (about a
tenth of the rows) and are scaled linearly to the full log (they are linear in the number of rows).
If the ``lifetimes`` package is importable, its summary_data_from_transaction_data is timed on the
same log and its results compared with purchase_summary.

`make bench` runs it in .bench-venv (the course's pandas and numpy, plus the `bench` extra with
lifetimes); by hand, from the course folder:  .bench-venv/bin/python bench/bench_analytics.py
"""

import argparse
import platform
import statistics
import sys
import time
import warnings
from importlib import metadata

import numpy as np
import pandas as pd

from coursekit.segments import TIERS, customer_tiers, gini, pareto_share, purchase_summary, rfm, tier_economics

DAY0 = pd.Timestamp("2021-01-01")


def synthetic_log(rows, customers, seed=2024):
    """Heterogeneous buyers: purchase rates ~ gamma, spend ~ lognormal, dates over three years."""
    rng = np.random.default_rng(seed)
    weights = rng.gamma(0.8, 1.0, customers)
    who = np.concatenate([np.arange(customers), rng.choice(customers, rows - customers, p=weights / weights.sum())])
    seconds = rng.integers(0, 3 * 365 * 86_400, rows)
    frame = pd.DataFrame(
        {
            "customer_id": pd.Series([f"C{i:06d}" for i in range(customers)]).to_numpy()[who],
            "date": DAY0 + pd.to_timedelta(seconds, unit="s"),
            "revenue": rng.lognormal(5, 0.8, rows).round(2),
        }
    )
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def median_time(function, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# ---------------------------------------------------------------- naive per-customer loops
# What a first attempt looks like: a Python loop over customers (and over each customer's rows).


def naive_rfm(log, bins=5):
    asof = log["date"].max().normalize() + pd.Timedelta(days=1)
    per = {}
    for customer, rows in log.groupby("customer_id"):
        last = max(rows["date"]).normalize()
        per[customer] = ((asof - last).days, len(rows), sum(rows["revenue"]))
    scores = {customer: "" for customer in per}
    for goodness in (lambda c: -per[c][0], lambda c: per[c][1], lambda c: per[c][2]):
        for position, customer in enumerate(sorted(per, key=goodness)):  # stable: ties in id order
            scores[customer] += str(position * bins // len(per) + 1)
    return {c: (per[c][0], per[c][1], scores[c]) for c in per}


def naive_summary(log, freq="D"):
    def period(when):  # a day, or the Monday starting its Monday-to-Sunday week
        day = when.normalize()
        return day if freq == "D" else day - pd.Timedelta(days=day.weekday())

    unit = pd.Timedelta(days=1 if freq == "D" else 7)
    end = period(log["date"].max())
    result = {}
    for customer, rows in log.groupby("customer_id"):
        totals = {}
        for when, amount in zip(rows["date"], rows["revenue"], strict=True):
            totals[period(when)] = totals.get(period(when), 0.0) + amount
        periods = sorted(totals)
        repeats = [totals[p] for p in periods[1:]]
        result[customer] = (
            len(periods) - 1,
            (periods[-1] - periods[0]) / unit,
            (end - periods[0]) / unit,
            sum(repeats) / len(repeats) if repeats else 0.0,
        )
    return result


def naive_pyramid(values, cutoffs=(0.05, 0.20, 0.70)):
    n = len(values)
    order = sorted(range(n), key=lambda i: -values[i])  # stable: ties in input order
    totals = {tier: [0, 0.0] for tier in TIERS}
    for rank, i in enumerate(order, start=1):
        tier = next((t for t, c in zip(TIERS, cutoffs, strict=False) if (rank - 0.5) / n <= c), "lead")
        totals[tier][0] += 1
        totals[tier][1] += values[i]
    return totals


def naive_concentration(values, top=0.2):
    x = sorted(values)
    n, total = len(x), sum(x)
    weighted = 0.0
    for i, v in enumerate(x, start=1):
        weighted += i * v
    k = round(top * n)
    return sum(x[n - k :]) / total, 2 * weighted / (n * total) - (n + 1) / n


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--subset", type=int, default=5_000, help="customers in the naive loops' subset")
    args = parser.parse_args()

    log = synthetic_log(args.rows, args.customers)
    subset = log[log["customer_id"].isin(sorted(log["customer_id"].unique())[: args.subset])]
    scale = len(log) / len(subset)
    spend = rfm(log)["monetary"]
    customers = pd.DataFrame({"revenue": spend, "profit": 0.25 * spend - 150})

    def pyramid():
        return tier_economics(customers.assign(tier=customer_tiers(customers["profit"])))

    steps = [  # name, coursekit on everything, naive loop, factor to scale the naive time
        ("rfm", lambda: rfm(log), lambda: naive_rfm(subset), scale),
        ("purchase_summary (freq D)", lambda: purchase_summary(log), lambda: naive_summary(subset, "D"), scale),
        (
            "purchase_summary (freq W)",
            lambda: purchase_summary(log, freq="W"),
            lambda: naive_summary(subset, "W"),
            scale,
        ),
        ("customer_tiers + tier_economics", pyramid, lambda: naive_pyramid(customers["profit"].tolist()), 1),
        (
            "pareto_share + gini",
            lambda: (pareto_share(spend), gini(spend)),
            lambda: naive_concentration(spend.tolist()),
            1,
        ),
    ]
    print(f"{len(log):,} rows, {log['customer_id'].nunique():,} customers. Median of 5 runs.")
    print(f"Naive loops over the log run on {args.subset:,} customers ({len(subset):,} rows) and are scaled")
    print(f"x{scale:.2f} (they are linear in rows); the others run on all customers.\n")
    print("| step | coursekit (s) | naive loop (s) | speed-up |")
    print("| --- | ---: | ---: | ---: |")
    for name, fast, naive, factor in steps:
        fast_time, _ = median_time(fast)
        naive_time = median_time(naive)[0] * factor
        scaled = " (scaled)" if factor != 1 else ""
        print(f"| {name} | {fast_time:.3f} | {naive_time:.2f}{scaled} | {naive_time / fast_time:.0f}× |")
    check_naive_loops(subset, customers)
    compare_with_lifetimes(log)
    print(f"\nPython {platform.python_version()} ({sys.platform}), numpy {np.__version__}, pandas {pd.__version__}")


def check_naive_loops(subset, customers):
    """The loops and coursekit agree (exactly, or to 1e-9 for means)."""
    got = rfm(subset)[["recency_days", "purchase_count", "rfm_score"]]
    assert {c: tuple(row) for c, row in zip(got.index, got.itertuples(index=False), strict=True)} == naive_rfm(subset)
    for freq in ("D", "W"):
        expected = naive_summary(subset, freq)
        summary = purchase_summary(subset, freq=freq).loc[list(expected)]
        assert np.allclose(summary.to_numpy(), list(expected.values()), rtol=1e-12, atol=1e-9)
    table = tier_economics(customers.assign(tier=customer_tiers(customers["profit"])))
    expected = naive_pyramid(customers["profit"].tolist())
    assert table["customer_count"].tolist() == [expected[t][0] for t in TIERS]
    assert np.allclose(table["tier_profit"], [expected[t][1] for t in TIERS])
    share, coefficient = naive_concentration(customers["revenue"].tolist())
    assert np.isclose(share, pareto_share(customers["revenue"])) and np.isclose(coefficient, gini(customers["revenue"]))
    print("\nchecked: the naive loops give the same results as coursekit")


def compare_with_lifetimes(log):
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            from lifetimes.utils import summary_data_from_transaction_data
    except ImportError as err:
        print(f"\nlifetimes comparison skipped ({err}): `make bench` runs this script in .bench-venv,")
        print("which has the `bench` extra of pyproject.toml (lifetimes 0.11.3, setuptools below 82).")
        return
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("lifetimes", "scipy", "setuptools"))
    print(f"\n{versions}: summary_data_from_transaction_data on the same log")
    for warning in caught:
        print(f"(importing lifetimes warns: {warning.category.__name__}: {str(warning.message).splitlines()[0]})")
    print()
    print(
        "| freq | observation end | coursekit (s) | lifetimes (s) | speed-up | same customers "
        "| frequency, recency, T equal |"
    )
    print("| --- | --- | ---: | ---: | ---: | --- | --- |")
    monetary = []
    for freq, end in [("D", None), ("W", None), ("D", "2022-06-15 12:00"), ("W", "2022-06-15 12:00")]:
        ours_time, ours = median_time(lambda f=freq, e=end: purchase_summary(log, freq=f, observation_end=e))
        theirs_time, theirs = median_time(
            lambda f=freq, e=end: summary_data_from_transaction_data(
                log, "customer_id", "date", "revenue", freq=f, observation_period_end=e
            )
        )
        theirs = theirs.sort_index()
        same = ours.index.equals(theirs.index)
        equal = same and ours[["frequency", "recency", "T"]].equals(theirs[["frequency", "recency", "T"]])
        monetary.append((ours["monetary_value"] - theirs["monetary_value"]).abs().max() if same else np.inf)
        speed_up = theirs_time / ours_time
        times = f"{ours_time:.3f} | {theirs_time:.3f} | {speed_up:.1f}×"
        print(f"| {freq} | {end or 'last date'} | {times} | {same} | {equal} |")
    print(f"\nmonetary_value: largest absolute difference {max(monetary):.1e} (order of summation)")


if __name__ == "__main__":
    main()
