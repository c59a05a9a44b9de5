"""The customer pyramid simulator (lesson 2), driven headless as a student's sliders would drive it."""

from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coursekit
from coursekit import data
from coursekit.errors import CourseInputError
from coursekit.segments import (
    TIERS,
    customer_tiers,
    customer_value_table,
    lorenz_curve,
    pareto_share,
    pyramid_model,
    tier_economics,
)
from coursekit.sims.base import STALE_STYLE, model_value
from coursekit.sims.pyramid import pyramid_simulator

FAST = settings(deadline=None, max_examples=50)
DEFAULTS = {
    "platinum": 0.05,
    "gold": 0.15,
    "iron": 0.50,
    "reallocation": 0.0,
    "top_elasticity": 0.3,
    "lead_elasticity": 0.3,
}


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()
    yield
    coursekit.setup()  # back to Chinese also after the English test


@pytest.fixture(scope="module")
def table():
    return customer_value_table()


@pytest.fixture
def sim(table):
    return pyramid_simulator(table=table)


def move(sim, **values):
    """Move controls one by one, as a student does (shares in percent, as on the sliders)."""
    for name, value in values.items():
        sim.controls[name].value = value


def fractions(sim, **values):
    """What the model gets for these slider positions: the shares as fractions."""
    return {name: model_value(sim.controls[name], value) for name, value in values.items()}


def small_table():
    return pd.DataFrame(
        {"revenue": [900.0, 500, 300, 100], "gross_margin": [300.0, 150, 60, 10], "service_cost": [100.0, 50, 40, 30]}
    )


# --- customer_value_table -----------------------------------------------------------------------


def test_value_table_sums_every_order_of_each_customer(table):
    customers, orders = data.customers(), data.transactions()
    revenue, margin = defaultdict(float), defaultdict(float)
    for customer, amount, gm in zip(orders["customer_id"], orders["revenue"], orders["gross_margin"], strict=True):
        revenue[customer] += amount
        margin[customer] += gm
    ids = customers["customer_id"].tolist()
    assert table.index.tolist() == ids
    np.testing.assert_allclose(table["revenue"], [revenue[c] for c in ids])
    np.testing.assert_allclose(table["gross_margin"], [margin[c] for c in ids])
    np.testing.assert_allclose(table["service_cost"], customers["service_cost"])
    np.testing.assert_allclose(table["profit"], table["gross_margin"] - table["service_cost"])


def test_value_table_gives_the_data_cards_key_figures(table):
    # datasets/README.md: 252 unprofitable customers; the top 20 % bring 78.6 % of revenue
    assert (table["profit"] < 0).sum() == 252
    assert round(pareto_share(table["revenue"], top=0.2), 3) == 0.786


def test_a_customer_without_orders_costs_money():
    customers = pd.DataFrame({"customer_id": ["a", "b"], "service_cost": [10.0, 25.0]})
    orders = pd.DataFrame({"customer_id": ["a"], "revenue": [100.0], "gross_margin": [40.0]})
    table = customer_value_table(customers, orders)
    assert table.loc["b"].tolist() == [0.0, 0.0, 25.0, -25.0]
    assert table.loc["a", "profit"] == 30.0


def _customers(**changes):
    frame = pd.DataFrame({"customer_id": ["a", "b"], "service_cost": [10.0, 25.0]})
    return frame.assign(**changes)


def _orders(**changes):
    frame = pd.DataFrame({"customer_id": ["a", "b"], "revenue": [100.0, 50.0], "gross_margin": [40.0, 5.0]})
    return frame.assign(**changes)


@pytest.mark.parametrize(
    ("customers", "orders", "named"),
    [
        ("not a table", _orders(), "customers"),
        (_customers().drop(columns="service_cost"), _orders(), "service_cost"),
        (_customers(), _orders().drop(columns="gross_margin"), "gross_margin"),
        (_customers(customer_id=["a", "a"]), _orders(customer_id=["a", "a"]), "customer_id"),
        (_customers(customer_id=["a", None]), _orders(customer_id=["a", "a"]), "customer_id"),
        (_customers(), _orders(customer_id=["a", "z"]), "'z'"),
        (_customers(service_cost=[10.0, -1.0]), _orders(), "service_cost"),
        (_customers(), _orders(revenue=[100.0, -5.0]), "revenue"),
        (_customers(), _orders(gross_margin=["40", "many"]), "gross_margin"),
    ],
)
def test_value_table_rejects_bad_tables(customers, orders, named):
    with pytest.raises(CourseInputError, match=named):
        customer_value_table(customers, orders)


# --- pyramid_model ------------------------------------------------------------------------------


def test_with_todays_allocation_the_model_is_tier_economics(table):
    result = pyramid_model(table, **DEFAULTS)
    tiers = customer_tiers(table["profit"].to_numpy(), cutoffs=(0.05, 0.20, 0.70))
    expected = tier_economics(table.assign(tier=tiers.to_numpy()), cost_to_serve="service_cost")
    pd.testing.assert_frame_equal(result["tiers"], expected)
    assert result["profit_change"] == pytest.approx(0, abs=1e-6)
    assert result["profit"] == pytest.approx(table["profit"].sum())
    assert result["top20_share"] == pareto_share(table["revenue"], top=0.2)
    assert result["top_customer_share"] == pytest.approx(0.20)


def test_the_worked_example_by_hand():
    # profits 200, 100, 20, -20: one customer per tier
    r = pyramid_model(small_table(), platinum=0.25, gold=0.25, iron=0.25, reallocation=0.5)
    assert r["moved"] == 15.0  # half of the lead customer's 30
    assert r["service_lift"] == pytest.approx(15 / 150)
    assert r["revenue_lift"] == pytest.approx(1.1**0.3 - 1)
    assert r["lead_revenue_drop"] == pytest.approx(1 - 0.5**0.3)
    lead = r["tiers"].loc["lead"]
    assert lead["tier_revenue"] == pytest.approx(100 * 0.5**0.3)
    assert lead["cost_to_serve_per_customer"] == pytest.approx(15)
    assert r["tiers"].loc["platinum", "profit_per_customer"] == pytest.approx(300 * 1.1**0.3 - 110)


@FAST
@given(
    rows=st.lists(
        st.tuples(
            st.floats(0, 1e5),  # revenue
            st.floats(-1e3, 1e4),  # gross margin
            st.floats(1, 1e4),  # cost to serve
        ),
        min_size=5,
        max_size=40,
    ),
    shares=st.sampled_from([(0.05, 0.15, 0.5), (0.1, 0.2, 0.3), (0.2, 0.4, 0.3), (0.01, 0.05, 0.1)]),
    reallocation=st.floats(0, 1),
    top_elasticity=st.floats(0, 1),
    lead_elasticity=st.floats(0, 1),
)
def test_moving_service_keeps_total_cost_and_changes_profit_only_through_margins(
    rows, shares, reallocation, top_elasticity, lead_elasticity
):
    table = pd.DataFrame(rows, columns=["revenue", "gross_margin", "service_cost"])
    assume(table["revenue"].sum() > 0)  # the 80/20 share needs some revenue
    tier = customer_tiers(table["gross_margin"] - table["service_cost"], cutoffs=np.cumsum(shares)).tolist()
    top_cost = lead_cost = top_margin = lead_margin = 0.0
    for t, (_, gm, cost) in zip(tier, rows, strict=True):
        if t in ("platinum", "gold"):
            top_cost, top_margin = top_cost + cost, top_margin + gm
        elif t == "lead":
            lead_cost, lead_margin = lead_cost + cost, lead_margin + gm
    moved = reallocation * lead_cost
    if moved > 0 and top_cost == 0:  # too few customers for a platinum or gold tier: nobody to spend it on
        with pytest.raises(CourseInputError, match="reallocation"):
            pyramid_model(table, *shares, reallocation, top_elasticity, lead_elasticity)
        return
    r = pyramid_model(table, *shares, reallocation, top_elasticity, lead_elasticity)
    lift = (1 + moved / top_cost) ** top_elasticity - 1 if moved > 0 else 0.0
    drop = 1 - (1 - reallocation) ** lead_elasticity
    tiers = r["tiers"]
    total_cost = (tiers["cost_to_serve_per_customer"].fillna(0) * tiers["customer_count"]).sum()
    assert total_cost == pytest.approx(table["service_cost"].sum())
    assert r["moved"] == pytest.approx(moved)
    assert r["profit_change"] == pytest.approx(lift * top_margin - drop * lead_margin, rel=1e-9, abs=1e-6)
    assert tiers["customer_count"].tolist() == [tier.count(t) for t in TIERS]


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"platinum": 0.2, "gold": 0.4, "iron": 0.7}, "platinum + gold + iron"),
        ({"platinum": 0.1, "gold": 0.2, "iron": 0.7}, "platinum + gold + iron"),  # exactly 100 %: no lead left
        ({"platinum": 0.0}, "platinum"),
        ({"gold": 1.2}, "gold"),
        ({"iron": -0.1}, "iron"),
        ({"reallocation": -0.1}, "reallocation"),
        ({"reallocation": 1.5}, "reallocation"),
        ({"top_elasticity": 2.0}, "top_elasticity"),
        ({"lead_elasticity": -0.5}, "lead_elasticity"),
        ({"platinum": "many"}, "platinum"),
    ],
)
def test_model_rejects_bad_values(table, values, named):
    with pytest.raises(CourseInputError, match=named.replace("+", r"\+")):
        pyramid_model(table, **{**DEFAULTS, **values})


@pytest.mark.parametrize(
    ("frame", "named"),
    [
        (small_table().drop(columns="gross_margin"), "gross_margin"),
        (small_table().assign(revenue=[1.0, -1, 1, 1]), "revenue"),
        (small_table().assign(service_cost=[1.0, 1, 1, np.nan]), "service_cost"),
        (small_table().assign(service_cost=[0.0, 0, 0, 30]), "reallocation"),  # no top-tier cost to scale up
    ],
)
def test_model_rejects_bad_tables(frame, named):
    with pytest.raises(CourseInputError, match=named):
        pyramid_model(frame, platinum=0.25, gold=0.25, iron=0.25, reallocation=0.5)


# --- the simulator ------------------------------------------------------------------------------


def test_default_simulator_shows_the_course_pyramid(sim, table):
    assert sim.values() == DEFAULTS
    pd.testing.assert_frame_equal(sim.result["tiers"], pyramid_model(table, **DEFAULTS)["tiers"])
    assert sim.result["tiers"]["customer_count"].tolist() == [100, 300, 1000, 600]
    assert "78.6%" in sim.summary.value
    assert f"{sim.result['profit']:,.0f}" in sim.summary.value


def test_moving_sliders_recomputes_redraws_and_explains(sim, table):
    fig, bars = sim.fig, list(sim.artists["profit"])
    move(sim, platinum=10, gold=20, reallocation=30, top_elasticity=0.5)
    values = {**DEFAULTS, **fractions(sim, platinum=10, gold=20, reallocation=30, top_elasticity=0.5)}
    assert values == {**DEFAULTS, "platinum": 0.10, "gold": 0.20, "reallocation": 0.30, "top_elasticity": 0.5}
    expected = pyramid_model(table, **values)
    tiers = expected["tiers"]
    # (1) the numbers are those of the coursekit functions
    pd.testing.assert_frame_equal(sim.result["tiers"], tiers)
    assert sim.result["profit_change"] == pytest.approx(expected["profit_change"])
    assert tiers["customer_count"].tolist() == [200, 400, 1000, 400]
    assert expected["profit_change"] > 0
    # (2) the summary shows them
    html = sim.summary.value
    for number in [
        f"{expected['moved']:,.0f}",
        f"{expected['profit']:,.0f}",
        f"{expected['profit_change']:+,.0f}",
        f"{tiers.loc['platinum', 'profit_per_customer']:,.0f}",
        f"{tiers.loc['lead', 'cost_to_serve_per_customer']:,.0f}",
        f"{tiers.loc['gold', 'revenue_share']:.1%}",
    ]:
        assert number in html
    # (3) the bars and their labels follow, on the same figure
    assert sim.fig is fig and list(sim.artists["profit"]) == bars
    widths = [bar.get_width() for bar in sim.artists["profit"]]
    np.testing.assert_allclose(widths, tiers["profit_per_customer"])
    np.testing.assert_allclose([bar.get_width() for bar in sim.artists["cost"]], tiers["cost_to_serve_per_customer"])
    assert sim.artists["labels"][0].get_text() == f"{tiers.loc['platinum', 'profit_per_customer']:,.0f}"


def test_the_lorenz_curve_is_the_data_and_marks_the_top_20_percent(sim, table):
    curve_ax = sim.fig.axes[1]
    lorenz, marker = curve_ax.lines[0], curve_ax.lines[2]
    expected = lorenz_curve(table["revenue"])
    np.testing.assert_allclose(lorenz.get_xdata(), expected["cum_customer_share"])
    np.testing.assert_allclose(lorenz.get_ydata(), expected["cum_value_share"])
    share = pareto_share(table["revenue"], top=0.2)
    np.testing.assert_allclose(marker.get_ydata(), [1 - share, 1])  # the top 20 % bring the rest up to 1
    assert "78.6%" in marker.get_label()
    move(sim, platinum=2)
    np.testing.assert_allclose(lorenz.get_ydata(), expected["cum_value_share"])  # cut-offs do not move it


def test_reset_restores_the_defaults(sim):
    before = sim.summary.value
    move(sim, platinum=12, iron=30, reallocation=50, lead_elasticity=0.8)
    assert sim.summary.value != before
    sim.reset()
    assert sim.values() == DEFAULTS
    assert sim.summary.value == before
    assert sim.result["moved"] == 0


def test_tier_shares_of_100_percent_or_more_show_a_message_and_keep_the_last_result(sim):
    move(sim, gold=30)
    kept, summary = sim.result, sim.summary.value
    move(sim, iron=70)  # 5 % + 30 % + 70 % = 105 %
    message = sim.message.value
    assert "⚠" in message and "铂金、黄金、钢铁客户占比之和 5% + 30% + 70% = 105%" in message
    assert "platinum" not in message and "允许" not in message  # the sliders' words, not pyramid_model's
    assert sim.result is kept
    assert sim.summary.value == f'<div style="{STALE_STYLE}">{summary}</div>'  # greyed: not current
    move(sim, iron=60)
    assert sim.message.value == "" and STALE_STYLE not in sim.summary.value
    assert sim.result["tiers"].loc["lead", "customer_count"] == 100


def test_english_labels(table):
    coursekit.setup(lang="en")
    sim = pyramid_simulator(table=table)
    bars_ax, curve_ax = sim.fig.axes
    assert sim.controls["platinum"].description == "Platinum customers (%)"
    assert [label.get_text() for label in bars_ax.get_yticklabels()] == ["Platinum", "Gold", "Iron", "Lead"]
    assert bars_ax.get_title() == "Customer pyramid" and "yuan" in bars_ax.get_xlabel()
    assert curve_ax.get_title() == "Revenue concentration (80/20)"
    assert "Ranked by profit" in sim.summary.value and "Customer tier" in sim.summary.value
    move(sim, gold=40, iron=70)
    assert "lead customers are the rest" in sim.message.value


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"platinum": 0.5}, "platinum"),  # outside the slider
        ({"gold": 0.01}, "gold"),
        ({"iron": 0.9}, "iron"),
        ({"platinum": 0.2, "gold": 0.4, "iron": 0.4}, r"platinum \+ gold \+ iron"),
        ({"reallocation": 0.8}, "reallocation"),
        ({"top_elasticity": 1.5}, "top_elasticity"),
        ({"lead_elasticity": -1}, "lead_elasticity"),
        ({"table": small_table().drop(columns="revenue")}, "revenue"),
    ],
)
def test_simulator_rejects_bad_defaults(table, values, named):
    with pytest.raises(CourseInputError, match=named):
        pyramid_simulator(**{"table": table, **values})
