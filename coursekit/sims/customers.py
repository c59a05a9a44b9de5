"""Simulator of lesson 1 (谁是我们的客户): the TV choice as a what-if.

- :func:`tv_choice_simulator`: how much does each attribute matter to this customer, and how
  good must A's service and delivery be for A to win although B is cheaper?

The model is :func:`coursekit.customer_base.tv_choice`; the figure is lesson 1's TV-choice chart
(:func:`coursekit.charts.customers.tv_choice_figure`), redrawn in place.
"""

from functools import partial

from coursekit.charts.customers import draw_tv_choice, tv_choice_figure, wins
from coursekit.customer_base import TV_PRICES, TV_RATINGS, overrides, tv_choice
from coursekit.data import ATTRIBUTES
from coursekit.i18n import Join, text
from coursekit.sims.base import Simulator, new_figure, slider


def _tv_model(ratings_b, prices, yuan_per_point, ratings_a, **sliders):
    """:func:`tv_choice` for the slider values (weights ``weight_<attribute>``, A's
    ``service_a`` and ``delivery_a``), and B's lead from its lower price."""
    weights = {name: sliders[f"weight_{name}"] for name in ATTRIBUTES}
    rated_a = {**(ratings_a or {}), "service": sliders["service_a"], "delivery": sliders["delivery_a"]}
    scores = tv_choice(weights, rated_a, ratings_b, prices, yuan_per_point)
    cost = scores.loc["cost"]
    return {
        "scores": scores,
        "price_gap": prices[0] - prices[1],
        "cost_weight": cost["weight"],
        "cost_lead": cost["points_b"] - cost["points_a"],
    }


def _tv_draw_result(artists, result):
    draw_tv_choice(artists, result["scores"])


def _tv_explain(result):
    scores = result["scores"]
    a, b = scores.loc["overall", ["points_a", "points_b"]]
    if wins(a, b) or wins(b, a):
        summary = text("sims.customers.tv_summary", a=a, b=b, winner="A" if wins(a, b) else "B")
    else:
        summary = text("sims.customers.tv_tie", points=a)
    if result["price_gap"] <= 0:
        price = text("sims.customers.tv_price_note_other")
    elif result["cost_weight"] == 0:
        price = text("sims.customers.tv_price_ignored")
    else:
        price = text("sims.customers.tv_price_note", gap=result["price_gap"], lead=result["cost_lead"])
    return f"<p>{summary}<br>{price}</p>"


def tv_choice_simulator(ratings_a=None, ratings_b=None, prices=TV_PRICES, yuan_per_point=100):
    """The TV choice as a what-if (电视机选择模拟器): how important is each attribute to this
    customer, and how good must A's service and delivery be for A to win although B is
    200 yuan cheaper?

    Sliders: the importance (0–10) of service, appearance, image, cost and delivery, and
    company A's service and delivery ratings (1–10). The figure is lesson 1's ``tv_choice_chart``
    redrawn in place; the note gives both totals and how many points B's lower price is
    worth. MODEL: :func:`coursekit.customer_base.tv_choice` (weighted additive scoring; Fishbein 1963, Wilkie &
    Pessemier 1973). DEFAULTS: ``customer_base.TV_RATINGS``, equal importance 5: course convention.
    All importances 0 cannot be scored: the simulator says so and keeps the last picture.

    Parameters:
        ratings_a, ratings_b: None or dicts that change some of A's or B's starting ratings (1–10), e.g.
            ``{"service": 9}``; keys among the five attributes.
        prices: the two prices in yuan (A, B), each > 0.
        yuan_per_point: yuan of extra price that cost one rating point, > 0.

    >>> import coursekit
    >>> coursekit.setup()
    >>> sim = tv_choice_simulator()
    >>> round(float(sim.result["scores"].loc["overall", "points_b"]), 2)
    7.8
    >>> sim.controls["service_a"].value = 10  # as a student moves the slider
    >>> round(float(sim.result["scores"].loc["overall", "points_a"]), 2)
    7.8
    """
    tv_choice(None, ratings_a, ratings_b, prices, yuan_per_point)  # checks every argument once, here
    start_a = overrides("ratings_a", ratings_a, TV_RATINGS["a"])
    controls = {}
    for name in ATTRIBUTES:
        controls[f"weight_{name}"] = slider(f"attributes.{name}", 5, 0, 10, 1, integer=True)
        controls[f"weight_{name}"].description = text("sims.customers.tv_weight", attribute=text(f"attributes.{name}"))
    for name in ("service", "delivery"):
        controls[f"{name}_a"] = slider(f"attributes.{name}", start_a[name], 1, 10, 0.5, fmt=".1f")
        controls[f"{name}_a"].description = text("sims.customers.tv_rating_a", attribute=text(f"attributes.{name}"))

    model = partial(_tv_model, ratings_b, tuple(prices), yuan_per_point, ratings_a)
    make_figure = partial(tv_choice_figure, tuple(prices), new_figure)
    importance = Join(controls[f"weight_{name}"].description for name in ATTRIBUTES)
    messages = {("complaints.weights_error", "weights"): ("sims.customers.tv_no_weights", {"sliders": importance})}
    return Simulator(controls, model, make_figure, _tv_draw_result, _tv_explain, messages)
