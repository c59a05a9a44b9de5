"""Who is still a customer, and what each is worth, from the order log alone (lesson 5, 拓展):
the "buy till you die" models (购买—流失模型).

An appliance maker never sees a customer leave: buyers simply stop coming. The BG/NBD model
(beta-geometric / negative binomial distribution) tells a story that explains such a log:

* while "alive", a customer buys at their own steady rate λ (purchases are Poisson);
* after each purchase they may drop out for good, with their own probability p;
* across customers, λ follows a gamma distribution (shape r, scale 1/α) and p a beta
  distribution (a, b): some buy often, some rarely; some are loyal, some fickle.

Fitted to each customer's three facts of :func:`coursekit.segments.purchase_summary`
(x = ``frequency`` repeat purchases, tₓ = ``recency`` the age at the last one, T = the
age at the end of observation, in one time unit), it says how likely each customer is
still alive and how many purchases to expect. The Gamma-Gamma model adds how much a
repeat buyer spends per purchase. Time unit: whatever the summary used (days by default).

SOURCE: Fader, Hardie & Lee (2005), "'Counting your customers' the easy way: an alternative
to the Pareto/NBD model", Marketing Science 24(2), 275–284; Fader & Hardie (2013), "The
Gamma-Gamma model of monetary value" (note), and Colombo & Jiang (1999), "A stochastic RFM
model", Journal of Interactive Marketing 13(3), 2–12. The reference implementation is ``lifetimes`` 0.11.3
(``BetaGeoFitter``, ``GammaGammaFitter``): a test compares the fits.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import betaln, expit, gammaln, hyp2f1

from coursekit import _repeat_buying_fast
from coursekit.errors import (
    CourseInputError,
    check_columns,
    check_int,
    check_number_column,
    check_range,
    check_shapes,
    check_single,
    plain,
)
from coursekit.i18n import Message


def _summary(summary, columns):
    check_columns("summary", summary, columns)
    checked = {c: check_number_column("summary", c, summary[c], low=0).to_numpy() for c in columns}
    if "recency" in checked and np.any(checked["recency"] > checked["T"]):
        raise CourseInputError("repeat_buying.recency_after_end", name="summary")
    return checked


def _history(frequency, recency, T):
    """A customer's x, tₓ and T (numbers or arrays), checked: ≥ 0, shapes that fit together."""
    return check_shapes(
        frequency=check_range("frequency", frequency, low=0),
        recency=check_range("recency", recency, low=0),
        T=check_range("T", T, low=0),
    )


# The smallest parameter a likelihood takes: the smallest normal float. Below it (5e-324) ln Γ and ln B
# give inf, and the log-likelihood inf − inf = NaN. A fit may go near 0 (a → 0 for buyers who never drop out).
SMALLEST_PARAMETER = float(np.finfo(float).tiny)


def _parameters(**values):
    """The model's parameters (r, alpha, ... by name), each checked to be one number in
    [SMALLEST_PARAMETER, 10^15]."""
    return tuple(check_single(name, value, low=SMALLEST_PARAMETER) for name, value in values.items())


def _model(name, model, kind):
    """``model``, after checking it is a fitted model of class ``kind`` (:class:`BGNBD`, :class:`GammaGamma`)."""
    if not isinstance(model, kind):
        expected = Message(f"repeat_buying.expect_{kind.__name__.lower()}")
        raise CourseInputError("errors.type", name=name, value=type(model).__name__, expected=expected)
    return model


# ---------------------------------------------------------------- BG/NBD


def bg_nbd_log_likelihood(r, alpha, a, b, frequency, recency, T):
    """Each customer's log-likelihood under the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6).

    FORMULA: L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
               + [x > 0] · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tₓ)^(r+x)),
    computed in log space (ln Γ, ln B, log-sum-exp) so that no term overflows.
    SOURCE: Fader, Hardie & Lee (2005), Marketing Science 24(2), equation (6).

    Parameters:
        r, alpha, a, b: the model's parameters, each one number > 0 (at least 2.2e-308, the smallest normal float).
        frequency, recency, T: x, tₓ and T per customer, arrays of equal length (or numbers), ≥ 0, tₓ ≤ T.

    >>> round(float(bg_nbd_log_likelihood(0.24, 4.41, 0.79, 2.43, 2, 30.4, 38.9)), 3)
    -9.467
    """
    r, alpha, a, b = _parameters(r=r, alpha=alpha, a=a, b=b)
    x, tx, T = (np.asarray(v, dtype=float) for v in _history(frequency, recency, T))
    shared = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    stays = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore"):  # x = 0: this term does not exist (log 0 = −inf)
        drops = np.where(x > 0, betaln(a + 1, np.maximum(b + x - 1, 1e-300)) - betaln(a, b)
                         - (r + x) * np.log(alpha + tx), -np.inf)
    return shared + np.logaddexp(stays, drops)


def _checked_params(params, names, log_likelihood):
    """``params`` as a dict of floats, each > 0, with exactly the keys ``names``; ``log_likelihood`` finite."""
    if not isinstance(params, dict) or set(params) != set(names):
        shown = sorted(map(str, params)) if isinstance(params, dict) else type(params).__name__
        raise CourseInputError("repeat_buying.params_keys", name="params", value=shown, keys=", ".join(names))
    values = {k: float(check_single(f"params['{k}']", params[k], low=0, low_open=True)) for k in names}
    return values, float(check_single("log_likelihood", log_likelihood))


@dataclass(frozen=True)
class BGNBD:
    """A fitted BG/NBD model: ``params`` (r, alpha, a, b), ``log_likelihood`` (the sum over customers).

    Parameters:
        params: a dict with ``r``, ``alpha``, ``a``, ``b``, each > 0.
        log_likelihood: the log-likelihood of the data at these parameters.
    """

    params: dict
    log_likelihood: float

    def __post_init__(self):
        params, log_likelihood = _checked_params(self.params, ("r", "alpha", "a", "b"), self.log_likelihood)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "log_likelihood", log_likelihood)

    def probability_alive(self, frequency, recency, T):
        """P(alive): the chance a customer with this history has not dropped out.

        FORMULA: 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee 2005, eq. 11),
        computed in log space (1 / (1 + e^z), z the log of the second term) so that a frequency of
        hundreds does not overflow the power. A customer with no repeat purchase (x = 0) gets 1: in
        BG/NBD one drops out only right after a purchase, a known quirk of the model.

        Parameters:
            frequency, recency, T: x, tₓ and T, numbers or arrays, 0 ≤ tₓ ≤ T.
        """
        return plain(self._alive(*_history(frequency, recency, T)))

    def _alive(self, x, tx, T):
        """P(alive) of checked histories (see :meth:`probability_alive`)."""
        r, alpha, a, b = (self.params[k] for k in ("r", "alpha", "a", "b"))
        with np.errstate(divide="ignore"):  # x = 0: no second term (log 0 = −inf, P(alive) = 1)
            log_ratio = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                                 + (r + x) * (np.log(alpha + T) - np.log(alpha + tx)), -np.inf)
        return expit(-log_ratio)

    def expected_purchases(self, t, frequency, recency, T):
        """Expected purchases in the next ``t`` periods of a customer with this history.

        FORMULA (Fader, Hardie & Lee 2005, eq. 10): E[Y(t) | x, tₓ, T] =
        (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
        / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)). Needs a > 1. The bracket is computed
        through Euler's transformation of ₂F₁ (same value), so that a frequency of hundreds does not overflow.

        Parameters:
            t: the length of the future period, ≥ 0, in the summary's time unit.
            frequency, recency, T: x, tₓ and T, numbers or arrays, 0 ≤ tₓ ≤ T.
        """
        x, tx, T = _history(frequency, recency, T)
        t, _ = check_shapes(t=check_range("t", t, low=0), frequency=x)
        return plain(self._expected(t, x, tx, T))

    def _expected(self, t, x, tx, T):
        """Expected purchases in the next ``t`` periods for checked histories (see :meth:`expected_purchases`)."""
        r, alpha, a, b = (self.params[k] for k in ("r", "alpha", "a", "b"))
        top = (a + b + x - 1) / (a - 1)
        z = t / (alpha + T + t)
        # ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z), rewritten by Euler's transformation
        # ₂F₁(A, B; C; z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) with 1 − z = (α+T)/(α+T+t): the same number,
        # but neither factor grows with x (the power and ₂F₁ of the formula as written overflow for x in the hundreds)
        rest = (1 - z) ** (a - 1) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
        return top * (1 - rest) * self._alive(x, tx, T)

    def expected_repeat_purchases(self, t):
        """Expected repeat purchases by time ``t`` of a new customer (the tracking curve).

        FORMULA (Fader, Hardie & Lee 2005, eq. 9): E[X(t)] =
        (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))].

        Parameters:
            t: time since the first purchase, ≥ 0 (a number or an array).
        """
        r, alpha, a, b = (self.params[k] for k in ("r", "alpha", "a", "b"))
        t = check_range("t", t, low=0)
        not_yet = (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t))
        return plain((a + b - 1) / (a - 1) * (1 - not_yet))


def fit_bg_nbd(summary):
    """The BG/NBD model fitted by maximum likelihood to a purchase summary.

    FORMULA: the parameters that maximise Σ :func:`bg_nbd_log_likelihood` over the customers.
    SOURCE: Fader, Hardie & Lee (2005); the fit as ``lifetimes.BetaGeoFitter`` (no penaliser).
    The sum is maximised by ``_repeat_buying_fast.py``: the same sum, computed once per distinct
    history, with its gradient written out, so the climb takes a few dozen steps (a test checks
    that it equals the sum of this module's function).

    Parameters:
        summary: the table of :func:`coursekit.segments.purchase_summary`: columns ``frequency``,
            ``recency``, ``T`` (≥ 0, recency ≤ T), with at least one repeat buyer.

    >>> s = pd.DataFrame({"frequency": [0, 2, 5, 1, 0, 3], "recency": [0, 30, 60, 10, 0, 50],
    ...                   "T": [90, 80, 70, 60, 50, 65]})
    >>> model = fit_bg_nbd(s)
    >>> sorted(model.params)
    ['a', 'alpha', 'b', 'r']
    """
    data = _summary(summary, ["frequency", "recency", "T"])
    if not np.any(data["frequency"] > 0):
        raise CourseInputError("repeat_buying.no_repeat_buyers", name="summary")

    (r, alpha, a, b), log_likelihood = _repeat_buying_fast.fit_bg_nbd(data["frequency"], data["recency"], data["T"])
    return BGNBD({"r": float(r), "alpha": float(alpha), "a": float(a), "b": float(b)}, float(log_likelihood))


# ---------------------------------------------------------------- Gamma-Gamma


def gamma_gamma_log_likelihood(p, q, gamma, frequency, monetary_value):
    """Each repeat buyer's log-likelihood of their mean spend under the Gamma-Gamma model.

    FORMULA: with x purchases of mean value m: ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ
    + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
    SOURCE: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", equation (3).

    Parameters:
        p, q, gamma: the model's parameters, each one number > 0 (at least 2.2e-308, the smallest normal float).
        frequency, monetary_value: x ≥ 1 and m > 0 per repeat buyer, arrays of equal length (or numbers).
    """
    p, q, gamma = _parameters(p=p, q=q, gamma=gamma)
    x, m = (np.asarray(v, dtype=float) for v in check_shapes(
        frequency=check_range("frequency", frequency, low=1),
        monetary_value=check_range("monetary_value", monetary_value, low=0, low_open=True)))
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(gamma)
            + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(gamma + m * x))


@dataclass(frozen=True)
class GammaGamma:
    """A fitted Gamma-Gamma model: ``params`` (p, q, gamma) and ``log_likelihood``.

    Parameters:
        params: a dict with ``p``, ``q``, ``gamma``, each > 0.
        log_likelihood: the log-likelihood of the repeat buyers' spend at these parameters.
    """

    params: dict
    log_likelihood: float

    def __post_init__(self):
        params, log_likelihood = _checked_params(self.params, ("p", "q", "gamma"), self.log_likelihood)
        object.__setattr__(self, "params", params)
        object.__setattr__(self, "log_likelihood", log_likelihood)

    def expected_spend(self, frequency, monetary_value):
        """The expected spend per purchase of a customer with ``frequency`` repeat purchases of
        mean value ``monetary_value``: their own mean pulled towards the population's.

        FORMULA: (γ + m x) p / (p x + q − 1) (Fader & Hardie 2013, eq. 5; needs q > 1); with no
        repeat purchase (x = 0) the population mean γ p / (q − 1).

        Parameters:
            frequency: repeat purchases x, ≥ 0 (a number or an array).
            monetary_value: their mean value m, ≥ 0, as many as ``frequency``.
        """
        p, q, gamma = (self.params[k] for k in ("p", "q", "gamma"))
        x, m = check_shapes(frequency=check_range("frequency", frequency, low=0),
                            monetary_value=check_range("monetary_value", monetary_value, low=0))
        return plain((gamma + m * x) * p / (p * x + q - 1))


def fit_gamma_gamma(summary):
    """The Gamma-Gamma model of spend per purchase, fitted to the repeat buyers of a summary.

    FORMULA: the parameters that maximise Σ :func:`gamma_gamma_log_likelihood` over customers
    with frequency > 0 and monetary_value > 0. SOURCE: Fader & Hardie (2013); Colombo & Jiang
    (1999); the fit as ``lifetimes.GammaGammaFitter`` (no penaliser), the sum maximised by
    ``_repeat_buying_fast.py`` as in :func:`fit_bg_nbd`. The model assumes spend and purchase
    frequency are independent: check their correlation before trusting it.

    Parameters:
        summary: the table of :func:`coursekit.segments.purchase_summary` with columns
            ``frequency`` and ``monetary_value`` (≥ 0); at least two repeat buyers.
    """
    data = _summary(summary, ["frequency", "monetary_value"])
    buyers = (data["frequency"] > 0) & (data["monetary_value"] > 0)
    if buyers.sum() < 2:
        raise CourseInputError("repeat_buying.no_repeat_buyers", name="summary")
    (p, q, gamma), log_likelihood = _repeat_buying_fast.fit_gamma_gamma(data["frequency"][buyers],
                                                                       data["monetary_value"][buyers])
    return GammaGamma({"p": float(p), "q": float(q), "gamma": float(gamma)}, float(log_likelihood))


def lifetime_value_table(bg_nbd, gamma_gamma, summary, margin=0.3, periods=12, period_length=30, discount=0.01):
    """Model-based customer lifetime value (基于模型的客户终身价值), one row per customer.

    FORMULA: for period k = 1..periods of ``period_length`` time units, the expected purchases in
    it, E[Y(k·L)] − E[Y((k−1)·L)], times the expected spend and ``margin``, discounted by
    (1 + discount)^k; summed. Margins arrive at the END of each period, as in lesson 2's
    margin multiple (timing "end"), but retention is no longer one rate: each customer's
    P(alive) and purchase rate come from their own history.
    SOURCE: Fader, Hardie & Lee (2005) and Fader & Hardie (2013); discounting as
    ``lifetimes`` ``customer_lifetime_value`` (monthly periods, a monthly rate).

    Parameters:
        bg_nbd: a fitted :class:`BGNBD`.
        gamma_gamma: a fitted :class:`GammaGamma`.
        summary: the purchase summary the models describe (``frequency``, ``recency``, ``T``,
            ``monetary_value``).
        margin: the share of revenue that is margin, 0–1.
        periods: the horizon in periods, a whole number 1–120.
        period_length: time units in one period, > 0 (30 days ≈ a month).
        discount: the discount rate per period, 0–1.
    """
    bg_nbd, gamma_gamma = _model("bg_nbd", bg_nbd, BGNBD), _model("gamma_gamma", gamma_gamma, GammaGamma)
    data = _summary(summary, ["frequency", "recency", "T", "monetary_value"])
    margin = check_single("margin", margin, low=0, high=1)
    periods = check_int("periods", periods, low=1, high=120)
    period_length = check_single("period_length", period_length, low=0, low_open=True)
    discount = check_single("discount", discount, low=0, high=1)
    spend = gamma_gamma.expected_spend(data["frequency"], data["monetary_value"])
    value, before = np.zeros(len(summary)), 0.0
    for k in range(1, periods + 1):
        by_now = bg_nbd._expected(k * period_length, data["frequency"], data["recency"], data["T"])
        value += (by_now - before) * spend * margin / (1 + discount) ** k
        before = by_now
    return pd.DataFrame({
        "probability_alive": bg_nbd._alive(data["frequency"], data["recency"], data["T"]),
        "expected_purchases": before,
        "expected_spend": spend,
        "lifetime_value": value,
    }, index=summary.index)
