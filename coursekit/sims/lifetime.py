"""Simulator of lesson 5 (拓展, 客户终身价值：从订单记录看谁还是客户): one customer's outlook.

- :func:`lifetime_simulator`: a customer's repeat purchases x, age at the last purchase tₓ,
  age now T, mean spend and margin rate → P(alive), expected purchases next year and the
  lifetime value of the next five years.

Every number it shows comes from :func:`coursekit.customer_outlook.customer_outlook` with
the models fitted to the course data (:func:`coursekit.customer_outlook.course_models`);
the simulator is a pure ``model`` plus a ``draw`` that updates a figure made once, and an
``explain`` that writes the key numbers (see :mod:`coursekit.sims.base`).
"""

from functools import partial

import numpy as np
from matplotlib.ticker import PercentFormatter

from coursekit import style
from coursekit.customer_outlook import YEAR_WEEKS, course_models, customer_outlook
from coursekit.errors import check_int, check_single
from coursekit.i18n import text
from coursekit.sims.base import (
    THOUSANDS,
    Simulator,
    as_shown,
    fixed_layout,
    new_figure,
    percent_slider,
    slider,
)

YEARS, DISCOUNT = 5, 0.10  # the lifetime value's horizon and yearly discount rate (lesson 2's 10 %)
MOST_WEEKS = 156  # the course log: three years of weeks
SILENT_WEEKS = 2 * YEAR_WEEKS  # how far the P(alive) curve looks ahead with no new purchase


def _lifetime_model(bg_nbd, gamma_gamma, frequency, recency, T, monetary_value, margin):
    """The customer's outlook (coursekit.customer_outlook.customer_outlook) for these slider values."""
    return customer_outlook(bg_nbd, gamma_gamma, frequency, recency, T, monetary_value, margin, years=YEARS,
                            discount=DISCOUNT, period_length=YEAR_WEEKS, silent_periods=SILENT_WEEKS)


def _lifetime_figure():
    """Two panels whose axes never change, so that a move redraws only the lines, dots, bars and
    numbers (``fixed_layout(..., moving=...)``): P(alive) on a fixed 0–100 % scale, and the bars of
    the five years scaled to the largest, each labelled with its amount in yuan."""
    fig, (left, right) = new_figure(1, 2)
    (curve,) = left.plot([], [], color=style.MAIN, label=text("sims.lifetime.curve"))
    last = left.axvline(0, color=style.REFERENCE, linestyle=":", linewidth=1.2, label=text("sims.lifetime.last"))
    (now,) = left.plot([], [], "o", color=style.HIGHLIGHT, label=text("sims.lifetime.now"))
    left.set(xlim=(0, MOST_WEEKS + SILENT_WEEKS), ylim=(0, 1.05), title=text("sims.lifetime.alive_title"),
             xlabel=text("sims.lifetime.alive_xlabel"), ylabel=text("sims.lifetime.alive_ylabel"))
    left.yaxis.set_major_formatter(PercentFormatter(1.0))
    years = np.arange(1, YEARS + 1)
    bars = right.bar(years, np.zeros(YEARS), color=style.GOOD, width=0.6)
    amounts = [right.text(year, 0, "", ha="center", va="bottom", fontsize="small") for year in years]
    right.set(xticks=years, ylim=(0, 1.2), yticks=[], title=text("sims.lifetime.value_title"),
              xlabel=text("sims.lifetime.value_xlabel"))
    right.spines["left"].set_visible(False)
    right.grid(False)
    fig.legend(handles=[curve, last, now], loc="outside lower center", ncols=3)
    artists = {"curve": curve, "last": last, "now": now, "bars": bars, "amounts": amounts}
    return fixed_layout(fig, artists, moving=[curve, last, now, *bars, *amounts])


def _lifetime_draw(artists, result):
    artists["curve"].set_data(result["ages"], result["alive_curve"])
    artists["last"].set_xdata([result["recency"]] * 2)
    artists["now"].set_data([result["T"]], [result["probability_alive"]])
    values = result["value_by_year"]
    largest = float(values.max())
    for bar, amount, value in zip(artists["bars"], artists["amounts"], values, strict=True):
        height = value / largest if largest > 0 else 0.0
        bar.set_height(height)
        amount.set_y(height + 0.02)
        amount.set_text(THOUSANDS.format(x=as_shown(float(value))))


def _lifetime_explain(result):
    numbers = {
        **result,
        "silent": result["T"] - result["recency"],
        "lifetime_value": as_shown(result["lifetime_value"]),
        "years": YEARS,
        "discount": DISCOUNT,
    }
    lines = [
        text("sims.lifetime.summary_alive", **numbers),
        text("sims.lifetime.summary_purchases", **numbers),
        text("sims.lifetime.summary_value", **numbers),
    ]
    if result["frequency"] == 0:
        lines.append(text("sims.lifetime.summary_quirk"))
    return "<br>".join(lines)


def lifetime_simulator(frequency=10, recency=150, T=156, monetary_value=3000, margin=0.2, bg_nbd=None,
                       gamma_gamma=None):
    """One customer's outlook (一位客户的前景): is this customer still a customer, how much will
    they buy next year, and what are the next five years worth?

    Students set the customer's history as the models read it — repeat purchases x, the age
    (weeks since the first purchase) at the last purchase tₓ, the age now T — the mean value
    of their repeat purchases and the margin rate, and see P(alive), the expected purchases
    in the next 52 weeks, the expected spend per purchase and the lifetime value, with two
    pictures: how P(alive) would fall if no purchase came (the curve from tₓ on; the dot is
    now), and the discounted margin of each of the next five years.

    MODEL (:func:`coursekit.customer_outlook.customer_outlook`): BG/NBD P(alive) and conditional
    expectations (Fader, Hardie & Lee 2005), Gamma-Gamma spend (Fader & Hardie 2013); lifetime
    value = Σ_{k=1..5} (purchases in year k) × spend × margin / 1.1^k (lesson 2's convention:
    a year's margin at its end, discounted at 10 % a year). A history that cannot happen
    (tₓ > T; more repeat purchases than weeks after the first; x = 0 with tₓ > 0 or the other
    way round) gets a message in the sliders' words; as starting values, and models that are
    not fitted, it is refused (CourseInputError).

    DEFAULTS: the models fitted to the course data in weeks (:func:`coursekit.customer_outlook.course_models`);
    a customer like the lesson's opening pair: 10 repeat purchases over three years, the last
    6 weeks ago, 3,000 yuan a purchase, 20 % margin (the course data's customers have 6–41 %,
    mean 22 %): course convention.

    Parameters:
        frequency: repeat purchases x, a whole number 0–60.
        recency: the age at the last purchase tₓ, whole weeks 0–156.
        T: the age now, whole weeks 0–156.
        monetary_value: the mean value of the repeat purchases, yuan 0–20,000.
        margin: the margin rate, a fraction 0.05–0.50.
        bg_nbd: a fitted :class:`coursekit.repeat_buying.BGNBD` in weeks, or None for the course data's.
        gamma_gamma: a fitted :class:`coursekit.repeat_buying.GammaGamma`, or None for the course data's.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = lifetime_simulator()
    >>> sim.result["probability_alive"] > 0.9
    True
    """
    if bg_nbd is None or gamma_gamma is None:
        fitted = course_models()
        bg_nbd = fitted[0] if bg_nbd is None else bg_nbd
        gamma_gamma = fitted[1] if gamma_gamma is None else gamma_gamma
    weeks = {"low": 0, "high": MOST_WEEKS}
    controls = {
        "frequency": slider("sims.lifetime.frequency", check_int("frequency", frequency, 0, 60), 0, 60, 1,
                            integer=True),
        "recency": slider("sims.lifetime.recency", check_int("recency", recency, **weeks), 0, MOST_WEEKS, 1,
                          integer=True),
        "T": slider("sims.lifetime.T", check_int("T", T, **weeks), 0, MOST_WEEKS, 1, integer=True),
        "monetary_value": slider("sims.lifetime.monetary_value",
                                 check_single("monetary_value", monetary_value, low=0, high=20_000), 0, 20_000, 100,
                                 fmt=",.0f"),
        "margin": percent_slider("sims.lifetime.margin", check_single("margin", margin, low=0.05, high=0.5), 0.05,
                                 0.5, 0.01),
    }
    messages = {
        "customer_outlook.recency_after_now": "sims.lifetime.recency_after_now_error",
        "customer_outlook.impossible_history": "sims.lifetime.impossible_history_error",
        "customer_outlook.no_repeat_recency": "sims.lifetime.no_repeat_recency_error",
    }
    model = partial(_lifetime_model, bg_nbd, gamma_gamma)
    # the models and a history that cannot happen (x = 0 with tₓ > 0, ...) are refused here, not shown as a notice
    model(frequency=frequency, recency=recency, T=T, monetary_value=monetary_value, margin=margin)
    return Simulator(controls, model, _lifetime_figure, _lifetime_draw, _lifetime_explain, messages)
