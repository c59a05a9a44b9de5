"""coursekit.repeat_buying: the BG/NBD and Gamma-Gamma models (lesson 5).

Properties that need no reference package, and agreement with lifetimes 0.11.3, the field's
reference implementation, run in the bench environment (.bench-venv, `make test` makes it)."""

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coursekit import _repeat_buying_fast, data, repeat_buying, segments
from coursekit.errors import CourseInputError

ROOT = Path(__file__).resolve().parents[1]
TRUE = {"r": 0.9, "alpha": 7.0, "a": 0.8, "b": 3.0}


def simulate(params, customers=6000, T=52.0, seed=5):
    """Purchase summaries drawn from the BG/NBD story itself: a rate λ ~ Gamma(r, 1/α) and a
    drop-out chance p ~ Beta(a, b) per customer; Poisson purchases while alive; after each
    repeat purchase the customer drops out with probability p."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(params["r"], 1 / params["alpha"], customers)
    drop = rng.beta(params["a"], params["b"], customers)
    x, last = np.zeros(customers), np.zeros(customers)
    now, alive = np.zeros(customers), np.ones(customers, dtype=bool)
    while alive.any():
        now = now + rng.exponential(1 / rate)
        alive &= now <= T
        x[alive] += 1
        last[alive] = now[alive]
        alive &= rng.random(customers) >= drop
    return pd.DataFrame({"frequency": x, "recency": last, "T": T})


@pytest.fixture(scope="module")
def simulated_fit():
    return repeat_buying.fit_bg_nbd(simulate(TRUE))


def test_parameters_are_recovered_from_a_large_simulated_sample(simulated_fit):
    for name, value in TRUE.items():
        assert simulated_fit.params[name] == pytest.approx(value, rel=0.25), name


def test_the_fit_is_the_maximum_of_the_likelihood(simulated_fit):
    summary = simulate(TRUE)
    best = simulated_fit.log_likelihood
    for name in TRUE:
        for factor in (0.95, 1.05):
            moved = {**simulated_fit.params, name: simulated_fit.params[name] * factor}
            ll = repeat_buying.bg_nbd_log_likelihood(**moved, frequency=summary["frequency"],
                                                      recency=summary["recency"], T=summary["T"]).sum()
            assert ll < best


def test_a_customer_without_repeat_purchases_is_alive_for_sure(simulated_fit):
    assert simulated_fit.probability_alive(0, 0, 52) == 1.0


def test_alive_rises_with_recency_at_fixed_frequency_and_age(simulated_fit):
    alive = simulated_fit.probability_alive(np.full(6, 4), np.linspace(5, 52, 6), np.full(6, 52))
    assert np.all(np.diff(alive) > 0) and 0 < alive[0] < alive[-1] <= 1


def test_expectations_start_at_zero_and_grow(simulated_fit):
    assert simulated_fit.expected_purchases(0, 3, 40, 52) == pytest.approx(0, abs=1e-12)
    later = simulated_fit.expected_purchases(np.array([1.0, 10, 52]), 3, 40, 52)
    assert np.all(np.diff(later) > 0)
    curve = simulated_fit.expected_repeat_purchases(np.array([0.0, 10, 52]))
    assert curve[0] == pytest.approx(0, abs=1e-12) and np.all(np.diff(curve) > 0)


def test_the_course_log_gives_finite_values_for_everyone():
    summary = segments.purchase_summary(data.load("transactions"), freq="W")
    table = repeat_buying.lifetime_value_table(repeat_buying.fit_bg_nbd(summary),
                                               repeat_buying.fit_gamma_gamma(summary), summary,
                                               period_length=4.35)
    assert len(table) == len(summary) and np.isfinite(table.to_numpy()).all()
    assert (table["probability_alive"].between(0, 1)).all() and (table["lifetime_value"] >= 0).all()


@pytest.mark.parametrize("summary, words", [
    (pd.DataFrame({"frequency": [0, 0], "recency": [0, 0], "T": [5, 9]}), ["summary"]),
    (pd.DataFrame({"frequency": [1, 2], "recency": [8, 3], "T": [5, 9]}), ["recency", "T"]),
    (pd.DataFrame({"frequency": [1, -2], "recency": [1, 3], "T": [5, 9]}), ["frequency"]),
    (pd.DataFrame({"frequency": [1, 2]}), ["recency"]),
])
def test_a_summary_that_cannot_be_fitted_is_refused_in_both_languages(summary, words):
    with pytest.raises(CourseInputError) as err:
        repeat_buying.fit_bg_nbd(summary)
    for word in words:
        assert word in err.value.bilingual()


# ---------------------------------------------------------------- the fast path (_repeat_buying_fast.py)
# The fits maximise the sums of the plain log-likelihoods with a faster kernel: it must compute the
# same sums, and gradients that are the derivatives of the plain sums.


def random_histories(rng, customers):
    """x, tₓ, T with many repeated histories (small whole numbers) and some fractional ages."""
    T = rng.integers(1, 40, customers).astype(float)
    T[: customers // 4] += rng.random(customers // 4).round(2)
    x = np.where(rng.random(customers) < 0.35, 0.0, rng.integers(1, 12, customers).astype(float))
    tx = np.where(x > 0, np.minimum(T, np.ceil(rng.random(customers) * T)), 0.0)
    return x, tx, T


def random_parameters(rng, size):
    return np.exp(rng.uniform(np.log(0.05), np.log(30), size))


def central_differences(function, point, relative=1e-6):
    steps = relative * np.abs(point)
    return np.array([(function(point + h) - function(point - h)) / (2 * h[i])
                     for i, h in enumerate(np.diag(steps))])


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_bg_nbd_sum_and_gradient_are_the_plain_ones(seed):
    rng = np.random.default_rng(seed)
    x, tx, T = random_histories(rng, [1, 7, 300, 2000, 2000, 5000][seed])
    total = _repeat_buying_fast.BGNBDSum(x, tx, T)

    def plain(params):
        return repeat_buying.bg_nbd_log_likelihood(*params, x, tx, T).sum()

    for _ in range(5):
        params = random_parameters(rng, 4)
        value, gradient = total.value_and_gradient(*params)
        assert value == pytest.approx(plain(params), rel=1e-9, abs=1e-9)
        assert gradient == pytest.approx(central_differences(plain, params), rel=1e-5, abs=1e-6 * len(x))


@pytest.mark.parametrize("seed", range(4))
def test_the_fast_gamma_gamma_sum_and_gradient_are_the_plain_ones(seed):
    rng = np.random.default_rng(seed)
    buyers = [1, 9, 400, 3000][seed]
    x = rng.integers(1, 15, buyers).astype(float)
    m = rng.lognormal(4, 1, buyers).round(2)
    total = _repeat_buying_fast.GammaGammaSum(x, m)

    def plain(params):
        return repeat_buying.gamma_gamma_log_likelihood(*params, x, m).sum()

    for _ in range(5):
        params = random_parameters(rng, 3) * [1, 1, 100]
        value, gradient = total.value_and_gradient(*params)
        assert value == pytest.approx(plain(params), rel=1e-9, abs=1e-9)
        assert gradient == pytest.approx(central_differences(plain, params), rel=1e-5, abs=1e-6 * buyers)


def test_distinct_rows_keep_every_history_once_with_its_count():
    x, tx, T = random_histories(np.random.default_rng(3), 1000)
    (dx, dtx, dT), count, row = _repeat_buying_fast.distinct_rows(x, tx, T)
    assert count.sum() == 1000 and len(set(zip(x, tx, T, strict=True))) == len(count)
    assert np.array_equal(dx[row], x) and np.array_equal(dtx[row], tx) and np.array_equal(dT[row], T)


@pytest.mark.parametrize("freq", ["D", "W"])
def test_the_fits_stop_at_the_top_of_the_plain_sums(freq):
    # The plain sums' slope (central differences, per customer and per log-parameter) is flat at the
    # fitted parameters, and their value there is the fit's log-likelihood.
    summary = segments.purchase_summary(data.load("transactions"), freq=freq)
    x, tx, T, m = (summary[c].to_numpy() for c in ("frequency", "recency", "T", "monetary_value"))
    bg, gg = repeat_buying.fit_bg_nbd(summary), repeat_buying.fit_gamma_gamma(summary)
    buyers = (x > 0) & (m > 0)
    for model, plain, n in [
        (bg, lambda lp: repeat_buying.bg_nbd_log_likelihood(*np.exp(lp), x, tx, T).sum(), len(x)),
        (gg, lambda lp: repeat_buying.gamma_gamma_log_likelihood(*np.exp(lp), x[buyers], m[buyers]).sum(),
         buyers.sum()),
    ]:
        log_params = np.log(list(model.params.values()))
        assert plain(log_params) == pytest.approx(model.log_likelihood, rel=1e-9)
        slope = [(plain(log_params + h) - plain(log_params - h)) / 2e-5 for h in np.eye(len(log_params)) * 1e-5]
        assert np.max(np.abs(slope)) / n < 1e-7, slope


AGREEMENT = r"""
import json, sys, warnings
warnings.filterwarnings("ignore")
import numpy as np
from lifetimes import BetaGeoFitter, GammaGammaFitter
from coursekit import _repeat_buying_fast, data, repeat_buying, segments
out = {}
for freq in ("D", "W"):
    s = segments.purchase_summary(data.load("transactions"), freq=freq)
    ours, ref = repeat_buying.fit_bg_nbd(s), BetaGeoFitter(penalizer_coef=0).fit(s["frequency"], s["recency"], s["T"])
    rep = s[s["frequency"] > 0]
    gg = repeat_buying.fit_gamma_gamma(s)
    gref = GammaGammaFitter(penalizer_coef=0).fit(rep["frequency"], rep["monetary_value"])
    t = 30 if freq == "D" else 4
    out[freq] = {
        "params": [ours.params[k] / ref.params_[k] - 1 for k in ("r", "alpha", "a", "b")],
        "gg": [gg.params[k] / gref.params_[j] - 1 for k, j in (("p", "p"), ("q", "q"), ("gamma", "v"))],
        "alive": float(np.max(np.abs(ours.probability_alive(s["frequency"], s["recency"], s["T"])
                                     - ref.conditional_probability_alive(s["frequency"], s["recency"], s["T"])))),
        "expected": float(np.max(np.abs(
            ours.expected_purchases(t, s["frequency"], s["recency"], s["T"])
            - ref.conditional_expected_number_of_purchases_up_to_time(t, s["frequency"], s["recency"], s["T"])))),
        "spend": float(np.max(np.abs(gg.expected_spend(rep["frequency"], rep["monetary_value"])
                       / gref.conditional_expected_average_profit(rep["frequency"], rep["monetary_value"]) - 1))),
    }
print(json.dumps(out))
"""


def test_fits_agree_with_lifetimes_on_the_course_log():
    python = ROOT / ".bench-venv" / "bin" / "python"
    if not python.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must compare with lifetimes: `make test` builds .bench-venv")
        pytest.skip("no .bench-venv (made by `make test` and `make bench`): lifetimes is not installed")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([str(python), "-c", AGREEMENT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for freq, result in json.loads(done.stdout).items():
        assert max(map(abs, result["params"])) < 1e-3, (freq, result)
        assert max(map(abs, result["gg"])) < 1e-3, (freq, result)
        assert result["alive"] < 1e-6 and result["expected"] < 1e-6, (freq, result)
        assert result["spend"] < 1e-3, (freq, result)


@pytest.mark.parametrize(
    "params",
    [{"r": -1.0, "alpha": 2.0, "a": 1.5, "b": 3.0}, {"r": 1.0}, [1.0, 2.0, 1.5, 3.0],
     {"r": 1.0, "alpha": 2.0, "a": 1.5, "b": float("nan")}, {"r": 1.0, "alpha": 2.0, "a": 1.5, "b": 3.0, "c": 1}],
)
def test_a_model_made_by_hand_needs_its_parameters_each_above_zero(params):
    with pytest.raises(CourseInputError, match="params"):
        repeat_buying.BGNBD(params, 0.0)
    with pytest.raises(CourseInputError, match="log_likelihood"):
        repeat_buying.GammaGamma({"p": 2.0, "q": 3.0, "gamma": 100.0}, float("inf"))
