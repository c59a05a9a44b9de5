"""Benchmark of the lesson 5 fits, coursekit.repeat_buying against lifetimes 0.11.3 (not a test).

Fits BG/NBD (fit_bg_nbd against BetaGeoFitter) and Gamma-Gamma (fit_gamma_gamma against
GammaGammaFitter, on the repeat buyers) on the same purchase summaries, one after the other in
one run, each the median of 5 runs:

* the course log (coursekit.data "transactions", 2,000 customers), in days and in weeks;
* the 50,000-customer log of bench_analytics.py (1,000,000 purchases), in days and in weeks. Its
  buyers never drop out, so the BG/NBD top lies at the edge (a → 0, b → ∞ with every
  p = 0): each fitter stops somewhere along that ridge, and only r, α and the log-likelihood
  can be compared;
* 50,000 customers drawn from the BG/NBD and Gamma-Gamma stories themselves (fixed seed), in
  weeks, where every parameter has a top.

For each fit: both times, the speed-up, lifetimes' time without the Hessian its fit() computes
for standard errors (coursekit computes none), the largest relative difference of the parameters,
and the log-likelihood difference (coursekit's minus lifetimes', both summed with coursekit's
plain log-likelihood). Without lifetimes (outside .bench-venv) only coursekit's times are printed.

`make bench` runs it in .bench-venv; by hand, from the course folder:
    .bench-venv/bin/python bench/bench_repeat_buying.py
"""

import os
import platform
import statistics
import sys
import time
import warnings
from importlib import metadata

import numpy as np
import pandas as pd
from bench_analytics import synthetic_log

from coursekit import data, repeat_buying, segments

RUNS = 5
SIMULATED = {"r": 0.9, "alpha": 7.0, "a": 0.8, "b": 3.0, "p": 6.0, "q": 4.0, "gamma": 15.0}


def median_time(function, runs=RUNS):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def simulated_summary(customers=50_000, weeks=104.0, seed=11, params=SIMULATED):
    """Purchase summaries from the models' own stories: rate λ ~ Gamma(r, 1/α), drop-out chance
    p ~ Beta(a, b), Poisson purchases while alive, a drop-out chance after each repeat purchase;
    customers join over ``weeks`` (T uniform); each spends per purchase ~ Gamma(p, 1/ν) with
    ν ~ Gamma(q, 1/γ), and monetary_value is the mean of the repeat purchases."""
    rng = np.random.default_rng(seed)
    T = np.ceil(rng.uniform(1, weeks, customers))
    rate = rng.gamma(params["r"], 1 / params["alpha"], customers)
    drop = rng.beta(params["a"], params["b"], customers)
    scale = 1 / rng.gamma(params["q"], 1 / params["gamma"], customers)
    x, last, spent = np.zeros(customers), np.zeros(customers), np.zeros(customers)
    now, alive = np.zeros(customers), np.ones(customers, dtype=bool)
    while alive.any():
        now = now + rng.exponential(1 / rate)
        alive &= now <= T
        x[alive] += 1
        last[alive] = now[alive]
        spent[alive] += rng.gamma(params["p"], scale[alive])
        alive &= rng.random(customers) >= drop
    return pd.DataFrame({"frequency": x, "recency": last, "T": T,
                         "monetary_value": np.divide(spent, x, out=np.zeros(customers), where=x > 0)})


def summaries():
    course = data.load("transactions")
    log = synthetic_log(1_000_000, 50_000)
    return [
        ("course log, days", segments.purchase_summary(course)),
        ("course log, weeks", segments.purchase_summary(course, freq="W")),
        ("bench log, days", segments.purchase_summary(log)),
        ("bench log, weeks", segments.purchase_summary(log, freq="W")),
        ("simulated, weeks", simulated_summary()),
    ]


def lifetimes_fitters():
    """lifetimes' two fitters and a way to time the Hessian inside their fit(), or None."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import lifetimes.fitters
            from lifetimes import BetaGeoFitter, GammaGammaFitter
    except ImportError as err:
        print(f"lifetimes comparison skipped ({err}): `make bench` runs this script in .bench-venv.\n")
        return None
    spent = [0.0]
    hessian = lifetimes.fitters.hessian  # autograd's, called once at the end of every fit

    def timed_hessian(function):
        inner = hessian(function)

        def timed(*args):
            start = time.perf_counter()
            result = inner(*args)
            spent[0] += time.perf_counter() - start
            return result

        return timed

    lifetimes.fitters.hessian = timed_hessian
    return BetaGeoFitter, GammaGammaFitter, spent


def compare(name, summary, model, fitters):
    """One row of the table: ``model`` ("BG/NBD" or "Gamma-Gamma") fitted to ``summary``."""
    repeat = summary[summary["frequency"] > 0]
    if model == "BG/NBD":
        ours_time, ours = median_time(lambda: repeat_buying.fit_bg_nbd(summary))
        keys, their_keys = ("r", "alpha", "a", "b"), ("r", "alpha", "a", "b")
        histories = [summary[c].to_numpy() for c in ("frequency", "recency", "T")]

        def log_likelihood(params):
            return repeat_buying.bg_nbd_log_likelihood(*params, *histories).sum()
    else:
        ours_time, ours = median_time(lambda: repeat_buying.fit_gamma_gamma(summary))
        keys, their_keys = ("p", "q", "gamma"), ("p", "q", "v")

        def log_likelihood(params):
            spend = repeat_buying.gamma_gamma_log_likelihood(*params, repeat["frequency"], repeat["monetary_value"])
            return spend.sum()

    row = f"| {name} | {len(summary):,} | {model} | {ours_time:.3f} |"
    if not fitters:
        return row
    BetaGeoFitter, GammaGammaFitter, spent = fitters
    if model == "BG/NBD":
        def theirs_fit():
            return BetaGeoFitter(penalizer_coef=0).fit(summary["frequency"], summary["recency"], summary["T"])
    else:
        def theirs_fit():
            return GammaGammaFitter(penalizer_coef=0).fit(repeat["frequency"], repeat["monetary_value"])
    spent[0] = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs_time, theirs = median_time(theirs_fit)
    without = theirs_time - spent[0] / RUNS
    ours_params = np.array([ours.params[k] for k in keys])
    their_params = np.array([theirs.params_[k] for k in their_keys])
    differences = np.abs(ours_params / their_params - 1)
    if model == "BG/NBD" and name.startswith("bench"):
        shown = f"{differences[:2].max():.1e} (r, α; a, b at the edge)"
    else:
        shown = f"{differences.max():.1e}"
    gap = log_likelihood(ours_params) - log_likelihood(their_params)
    return row + (f" {theirs_time:.3f} | {theirs_time / ours_time:.1f}× | {without:.3f} | "
                  f"{without / ours_time:.1f}× | {shown} | {gap:+.2e} |")


def main():
    fitters = lifetimes_fitters()
    names = ("lifetimes", "scipy", "numpy", "pandas")
    versions = ", ".join(f"{n} {metadata.version(n)}" for n in names if fitters or n != "lifetimes")
    print(f"Median of {RUNS} runs of each fit. {versions}; 1-minute load average {os.getloadavg()[0]:.1f} "
          "at the start.\n")
    header = "| data | customers | model | coursekit (s) |"
    if fitters:
        header += (" lifetimes (s) | speed-up | lifetimes without its Hessian (s) | speed-up | largest parameter "
                   "difference | log-likelihood, coursekit − lifetimes |")
    print(header)
    print("|" + " --- |" * 3 + " ---: |" * (header.count("|") - 4))
    for name, summary in summaries():
        for model in ("BG/NBD", "Gamma-Gamma"):
            print(compare(name, summary, model, fitters), flush=True)
    print(f"\n1-minute load average {os.getloadavg()[0]:.1f} at the end (2 cores; other work shares the machine).")
    print(f"Python {platform.python_version()} ({sys.platform})")


if __name__ == "__main__":
    main()
