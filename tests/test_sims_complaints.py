"""The lesson-4 simulators, driven headless as a student's sliders would drive them."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_rgba

import coursekit
from coursekit import style
from coursekit.complaints import (
    SEVERITIES,
    TARP_BUY_AGAIN,
    attribute_satisfaction,
    complaint_outcome,
    overpromise,
    stay_probability,
)
from coursekit.data import ATTRIBUTES
from coursekit.errors import CourseInputError
from coursekit.i18n import text
from coursekit.sims.base import STALE_STYLE
from coursekit.sims.complaints import (
    DELAYS,
    LEAVE,
    ROW_Y,
    STAY,
    _complaint_model,
    complaint_response_simulator,
    expectation_simulator,
    overpromise_simulator,
)

FAST = settings(deadline=None, max_examples=50)


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()
    yield
    coursekit.setup()  # back to Chinese also after the English tests


def move(sim, **values):
    """Move controls one by one, as a student does."""
    for name, value in values.items():
        sim.controls[name].value = value


# --- 5. complaint response ----------------------------------------------------------------------

COMPLAINT_DEFAULTS = {
    "dissatisfied": 2500,
    "response_days": 7,
    "resolution": 0.8,
    "apology": 0.0,
    "severity": "major",
    "value_per_customer": 5000,
    "complain_share": 0.04,
}
MOVED = {  # the slider positions (rates in percent): 60 % resolved, 50 % apology, 5 % complain: 200 complaints
    "dissatisfied": 4000,
    "response_days": 3,
    "resolution": 60,
    "apology": 50,
    "severity": "minor",
    "value_per_customer": 8000,
    "complain_share": 5,
}


@pytest.fixture
def complaint_sim():
    return complaint_response_simulator()


def test_complaint_result_is_what_complaint_outcome_returns(complaint_sim):
    move(complaint_sim, **MOVED)
    expected = complaint_outcome(4000 * 0.05, 0.6, 3, 8000, severity="minor", complain_share=0.05, apology=0.5)
    for key, value in expected.items():
        assert complaint_sim.result[key] == pytest.approx(value), key
    # and by hand, from the TARP anchors of a minor problem (46 %, 70 %, 95 %)
    base = 0.46 + 0.6 * ((0.70 - 0.46) + (0.95 - 0.70) * 0.5 ** (3 / 7))
    stay = base + 0.5 * 0.1 * (1 - base)
    assert complaint_sim.result["stay_probability"] == pytest.approx(stay)
    assert complaint_sim.result["stay"] == pytest.approx(200 * stay)
    assert complaint_sim.result["third_party"] == pytest.approx(4000 * 0.01)
    assert complaint_sim.result["noncomplainers"] == pytest.approx(4000 - 200 - 40)  # 3,760 silent
    assert complaint_sim.result["noncomplainers_leave"] == pytest.approx(3760 * (1 - 0.37))
    assert complaint_sim.result["total_value_lost"] == pytest.approx((200 * (1 - stay) + 3760 * 0.63) * 8000)


def test_complaint_summary_shows_those_numbers(complaint_sim):
    move(complaint_sim, **MOVED)
    result, summary = complaint_sim.result, complaint_sim.summary.value
    for key in ["stay", "leave", "value_lost", "hear_bad_wom", "hear_good_wom", "noncomplainers"]:
        assert f"{result[key]:,.0f}" in summary, key
    for key in ["noncomplainers_leave", "noncomplainers_value_lost", "total_value_lost", "noncomplainers_hear_bad_wom",
                "third_party"]:
        assert f"{result[key]:,.0f}" in summary, key
    assert "每月 4,000 位不满意的客户" in summary and "每月 200 件投诉" in summary
    assert "投诉率 5%" in summary and "约有 19 位" in summary


def test_complaint_figure_is_updated_in_place(complaint_sim):
    fig, curve = complaint_sim.fig, complaint_sim.artists["curve"]
    before = complaint_sim.image.value
    move(complaint_sim, **MOVED)
    artists, result = complaint_sim.artists, complaint_sim.result
    assert complaint_sim.fig is fig and artists["curve"] is curve
    assert complaint_sim.image.value != before
    p = stay_probability(0.6, 3, "minor", apology=0.5)
    np.testing.assert_allclose(curve.get_ydata(), stay_probability(0.6, DELAYS, "minor", apology=0.5))
    assert np.all(np.diff(curve.get_ydata()) <= 0)  # a later answer never keeps more customers
    assert list(artists["point"].get_xdata()) == [3] and artists["point"].get_ydata()[0] == pytest.approx(p)
    silent = TARP_BUY_AGAIN["minor"]["did_not_complain"]
    assert artists["silent"].get_ydata()[0] == pytest.approx(silent)
    widths = [bar.get_width() for bar in artists["stay"]]
    assert widths == pytest.approx([p, silent])
    assert [bar.get_x() for bar in artists["leave"]] == pytest.approx([p, silent])
    assert [bar.get_width() for bar in artists["leave"]] == pytest.approx([1 - p, 1 - silent])
    counts = [[label.get_text() for label in row] for row in artists["counts"]]
    assert counts == [
        [f"{result['stay']:,.0f}", f"{result['leave']:,.0f}"],
        [f"{result['noncomplainers_stay']:,.0f}", f"{result['noncomplainers_leave']:,.0f}"],
    ]
    assert all(label.get_visible() for row in artists["counts"] for label in row)  # every head count is shown
    labels = [label for row in artists["counts"] for label in row]  # wide bars: white numbers on the bars
    assert [x for label in labels for x in label.get_position()] == pytest.approx(
        [p / 2, 0, (1 + p) / 2, 0, silent / 2, 1, (1 + silent) / 2, 1]
    )
    assert {label.get_color() for label in labels} == {"white"}
    move(complaint_sim, severity="major")  # only 9 % of the silent stay: too thin a bar to write on
    kept, lost = artists["counts"][1]
    assert kept.get_text() == f"{complaint_sim.result['noncomplainers_stay']:,.0f}" == "338"  # 3,760 × 9 %
    assert kept.get_visible() and kept.get_position() == (0, 0.58) and kept.get_color() == STAY  # in the gap above
    assert (kept.get_ha(), kept.get_va()) == ("left", "bottom")
    assert lost.get_position() == pytest.approx(((1 + 0.09) / 2, 1)) and lost.get_color() == "white"


def test_thin_bar_counts_stay_inside_the_axes():
    sim = complaint_response_simulator(severity="minor", resolution=1, response_days=0, apology=1)
    kept, lost = sim.artists["counts"][0]  # complainers: 95.5 % stay, the leave bar is a sliver
    assert sim.result["stay_probability"] > 0.9
    assert lost.get_position() == (1, 0.42) and (lost.get_ha(), lost.get_va()) == ("right", "top")
    assert lost.get_color() == LEAVE and kept.get_color() == "white"
    sim.fig.canvas.draw()
    axes_box = sim.fig.axes[0].get_window_extent()
    for label in (kept, lost, *sim.artists["counts"][1]):
        box = label.get_window_extent()
        assert axes_box.x0 - 1 <= box.x0 and box.x1 <= axes_box.x1 + 1, label.get_text()
        assert axes_box.y0 - 1 <= box.y0 and box.y1 <= axes_box.y1 + 1, label.get_text()


def test_complaint_reset_restores_defaults(complaint_sim):
    default_summary = complaint_sim.summary.value
    move(complaint_sim, **MOVED)
    complaint_sim.reset_button.click()
    assert complaint_sim.values() == COMPLAINT_DEFAULTS
    assert complaint_sim.summary.value == default_summary
    assert complaint_sim.result["stay"] == pytest.approx(100 * stay_probability(0.8, 7))


def test_nobody_complaining_shows_a_message_and_keeps_the_last_result(complaint_sim):
    move(complaint_sim, complain_share=10)
    last, summary = complaint_sim.result, complaint_sim.summary.value
    complaint_sim.controls["complain_share"].value = 0  # the slider's lowest position
    message = complaint_sim.message.value
    assert "⚠" in message and "投诉率为 0%" in message and "至少设为 1%" in message
    assert "complain_share" not in message and "(0, 1]" not in message
    assert complaint_sim.result is last
    assert complaint_sim.summary.value == f'<div style="{STALE_STYLE}">{summary}</div>'  # greyed: not current
    complaint_sim.controls["complain_share"].value = 1  # the position the message names (1 %) can be computed
    assert complaint_sim.message.value == "" and STALE_STYLE not in complaint_sim.summary.value
    complaint_sim.controls["complain_share"].value = 20
    assert complaint_sim.result["noncomplainers"] == pytest.approx(2500 * (1 - 0.2 - 0.01))


def test_more_complaints_from_the_same_dissatisfied_customers_lose_less():
    """Review item L4: the complaint-rate slider holds the dissatisfied customers fixed, so a
    higher share who complain means more complaints handled and fewer silent leavers (it used
    to hold the complaints fixed, and losses collapsed from 11.13M to 0.66M at 50 %)."""
    sim = complaint_response_simulator()
    losses, complaints_handled = [], []
    for share in (1, 4, 20, 50):
        sim.controls["complain_share"].value = share
        assert sim.result["dissatisfied"] == 2500
        assert sim.result["complainers"] + sim.result["third_party"] + sim.result["noncomplainers"] == pytest.approx(
            2500
        )
        losses.append(sim.result["total_value_lost"])
        complaints_handled.append(sim.result["complainers"])
    assert complaints_handled == pytest.approx([25, 100, 500, 1250])
    assert losses == sorted(losses, reverse=True)  # more voice, less lost
    assert losses[-1] > 0.4 * losses[1]  # no collapse: the dissatisfied customers are still there


def test_the_summary_counts_bad_word_of_mouth_from_silent_leavers_too(complaint_sim):
    result, summary = complaint_sim.result, complaint_sim.summary.value
    assert result["noncomplainers_hear_bad_wom"] == pytest.approx(result["noncomplainers_leave"] * 9.5)
    assert result["noncomplainers_hear_bad_wom"] > 10 * result["hear_bad_wom"]
    assert f"{result['noncomplainers_hear_bad_wom']:,.0f}" in summary and "沉默客户" in summary


def test_the_expectation_simulator_labels_cost_as_value_for_money_and_names_its_weights():
    sim = expectation_simulator()
    assert "物有所值" in sim.controls["cost_expectation"].description
    assert "物有所值" in sim.summary.value and "五项同等重要" in sim.summary.value
    weighted = expectation_simulator(weights={"cost": 3})
    assert "按表中的权重" in weighted.summary.value and "五项同等重要" not in weighted.summary.value


@FAST
@given(
    dissatisfied=st.integers(250, 25000),
    response_days=st.integers(0, 30),
    resolution=st.floats(0, 1),
    apology=st.floats(0, 1),
    severity=st.sampled_from(SEVERITIES),
    value=st.floats(0, 50000),
    share=st.floats(0.01, 0.5),
)
def test_complaint_model_anywhere_on_the_sliders(
    dissatisfied, response_days, resolution, apology, severity, value, share
):
    sim_result = _complaint_model(dissatisfied, response_days, resolution, apology, severity, value, share)
    complainers = dissatisfied * share
    expected = complaint_outcome(
        complainers, resolution, response_days, value, severity=severity, complain_share=share, apology=apology
    )
    for key, number in expected.items():
        assert sim_result[key] == pytest.approx(number)
    assert 0 <= sim_result["stay"] <= complainers * (1 + 1e-12)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("dissatisfied", 5),
        ("dissatisfied", 300.5),
        ("dissatisfied", 30000),
        ("response_days", -1),
        ("response_days", 31),
        ("resolution", 1.2),
        ("apology", -0.1),
        ("severity", "huge"),
        ("value_per_customer", -1),
        ("value_per_customer", 60000),
        ("complain_share", 0),
        ("complain_share", 0.6),
    ],
)
def test_complaint_factory_rejects_values_off_the_sliders(name, value):
    with pytest.raises(CourseInputError, match=name):
        complaint_response_simulator(**{name: value})


def test_complaint_labels_in_english():
    coursekit.setup(lang="en")
    sim = complaint_response_simulator()
    assert sim.controls["response_days"].description == "Response time (days)"
    assert sim.controls["severity"].label == "Major problem (loss over $100)"
    bars_ax, curve_ax = sim.fig.axes
    assert bars_ax.get_title() == "Stay or leave" and curve_ax.get_xlabel() == "Response time (days)"
    assert [t.get_text() for t in bars_ax.get_yticklabels()] == ["Complained", "Stayed silent"]
    assert "100 complaints a month" in sim.summary.value and "Total value lost" in sim.summary.value
    sim.controls["complain_share"].value = 0
    assert "nobody complains" in sim.message.value and "complain_share" not in sim.message.value


# --- 6. expectation and satisfaction -----------------------------------------------------------

EXPECTED = {"service": 8, "appearance": 6, "image": 7, "cost": 6, "delivery": 8}
PERFORMED = {"service": 6, "appearance": 7, "image": 7, "cost": 6.5, "delivery": 9}


@pytest.fixture
def expectation_sim():
    return expectation_simulator()


def test_expectation_result_is_what_attribute_satisfaction_returns(expectation_sim):
    move(expectation_sim, service_performance=9, cost_expectation=8, tolerance=1.0)
    expected = {**EXPECTED, "cost": 8}
    performed = {**PERFORMED, "service": 9}
    table = expectation_sim.result["table"]
    pd.testing.assert_frame_equal(table, attribute_satisfaction(expected, performed, tolerance=1.0))
    # by hand: gap = performance − expectation; beyond ±1 → satisfied / dissatisfied
    gaps = {name: performed[name] - expected[name] for name in ATTRIBUTES}
    assert gaps == {"service": 1, "appearance": 1, "image": 0, "cost": -1.5, "delivery": 1}
    assert table["zone"].tolist() == ["neutral", "neutral", "neutral", "dissatisfied", "neutral", "neutral"]
    assert table.loc["overall", "gap"] == pytest.approx(sum(gaps.values()) / 5)


def test_performance_above_expectation_satisfies(expectation_sim):
    move(expectation_sim, image_expectation=5, image_performance=9)
    assert expectation_sim.result["table"].loc["image", "zone"] == "satisfied"
    move(expectation_sim, image_expectation=9, image_performance=5)
    assert expectation_sim.result["table"].loc["image", "zone"] == "dissatisfied"


def test_expectation_summary_shows_zones_and_gaps(expectation_sim):
    move(expectation_sim, delivery_performance=4)
    table, summary = expectation_sim.result["table"], expectation_sim.summary.value
    for name, row in table.iterrows():
        own = name in ("cost", "overall")  # the simulator's own labels: 物有所值（成本）, 总体（平均）
        label = text(f"sims.complaints.attribute_{name}") if own else text(f"attributes.{name}")
        assert f"<td>{label}</td>" in summary
        zone = text("categories." + row["zone"])
        assert f"<td>{row['gap']:+.1f}</td><td>{zone}</td>" in summary
    overall = table.loc["overall"]
    zone = text("categories." + overall["zone"])
    assert f"差距 {overall['gap']:+.1f} 分 → {zone}" in summary
    assert table.loc["delivery", "zone"] == "dissatisfied" and overall["gap"] == pytest.approx(-0.9)


def test_expectation_figure_follows_the_table(expectation_sim):
    fig = expectation_sim.fig
    move(expectation_sim, appearance_performance=3, tolerance=2.0)
    artists, table = expectation_sim.artists, expectation_sim.result["table"]
    assert expectation_sim.fig is fig
    np.testing.assert_allclose(artists["performed"].get_offsets(), np.column_stack([table["performance"], ROW_Y]))
    np.testing.assert_allclose(artists["expected"].get_xdata(), table["expectation"])
    colours = [to_rgba(style.CATEGORY_COLOURS[zone]) for zone in table["zone"]]
    np.testing.assert_allclose(artists["performed"].get_facecolors(), colours)
    assert [band.get_x() for band in artists["bands"]] == pytest.approx(table["expectation"] - 2.0)
    assert [band.get_width() for band in artists["bands"]] == pytest.approx([4.0] * 6)
    assert [label.get_text() for label in artists["numbers"]] == [f"{gap:+.1f}" for gap in table["gap"]]
    assert artists["numbers"][1].get_text() == "-3.0"  # appearance 3 against an expectation of 6


def test_an_overall_gap_of_almost_zero_reads_plus_0_not_minus_0(expectation_sim):
    # gaps 0, +7.5, −7.5, +1, −1 weighted 20 % each: −8.9e-16 in floating point, shown as +0.0
    move(
        expectation_sim,
        service_performance=8,
        appearance_expectation=2,
        appearance_performance=9.5,
        image_expectation=8.5,
        image_performance=1,
        cost_expectation=5.5,
        cost_performance=6.5,
        delivery_expectation=9,
        delivery_performance=8,
    )
    gap = expectation_sim.result["table"].loc["overall", "gap"]
    assert gap == pytest.approx(0, abs=1e-12) and np.signbit(gap)  # the case: a tiny negative number
    summary = expectation_sim.summary.value
    assert "差距 +0.0 分" in summary and "<td>+0.0</td><td>" in summary and "-0.0" not in summary
    assert expectation_sim.artists["numbers"][-1].get_text() == "+0.0"  # the overall row of the figure


def test_expectation_reset_restores_defaults(expectation_sim):
    default = expectation_sim.values()
    move(expectation_sim, service_expectation=2, tolerance=0)
    expectation_sim.reset()
    assert expectation_sim.values() == default
    assert default == {
        **{f"{name}_expectation": EXPECTED[name] for name in ATTRIBUTES},
        **{f"{name}_performance": PERFORMED[name] for name in ATTRIBUTES},
        "tolerance": 0.5,
    }
    assert expectation_sim.result["table"].loc["overall", "zone"] == "neutral"


@pytest.mark.parametrize("corner", ["min", "max"])
def test_expectation_every_slider_corner_computes(expectation_sim, corner):
    # The slider ranges are the functions' allowed ranges: no invalid combination is reachable.
    for control in expectation_sim.controls.values():
        control.value = getattr(control, corner)
    assert expectation_sim.message.value == ""
    assert expectation_sim.values()["tolerance"] == (0 if corner == "min" else 3)


def test_expectation_weights_override():
    sim = expectation_simulator(weights={"service": 6})
    gaps = np.array([PERFORMED[name] - EXPECTED[name] for name in ATTRIBUTES])
    weights = np.array([6, 1, 1, 1, 1]) / 10
    assert sim.result["table"].loc["overall", "gap"] == pytest.approx(gaps @ weights)
    assert sim.result["table"].loc["overall", "zone"] == "dissatisfied"  # service now weighs most


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"expectations": {"price": 5}}, "expectations key"),
        ({"expectations": {"service": 11}}, "expectations"),
        ({"performances": {"cost": 0}}, "performances"),
        ({"tolerance": -0.1}, "tolerance"),
        ({"tolerance": 3.5}, "tolerance"),
        ({"weights": {"quality": 1}}, "weights key"),
        ({"weights": {"service": -1}}, "weights"),
        ({"weights": dict.fromkeys(ATTRIBUTES, 0)}, "weights"),
    ],
)
def test_expectation_factory_rejects_bad_overrides(kwargs, name):
    with pytest.raises(CourseInputError, match=name):
        expectation_simulator(**kwargs)


def test_expectation_labels_in_english():
    coursekit.setup(lang="en")
    sim = expectation_simulator()
    assert sim.controls["service_expectation"].description == "Service: expected (pts)"
    assert sim.controls["delivery_performance"].description == "Delivery: performance (pts)"
    ax = sim.fig.axes[0]
    assert ax.get_title().startswith("Expectation")
    # equal weights by default: the overall row is a mean, not labelled "weighted" (the lesson says 简单平均)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Overall (mean)"
    assert "Overall (mean)" in sim.summary.value and "Neutral (as expected)" in sim.summary.value


# --- 6b. over-promising -------------------------------------------------------------------------


@pytest.fixture
def overpromise_sim():
    return overpromise_simulator()


def test_overpromise_result_is_what_overpromise_returns(overpromise_sim):
    move(overpromise_sim, promised=4, delivered=7)
    expected = overpromise(4, 7, max_buy=0.5, tolerance=0.5)
    for key, value in expected.items():
        assert overpromise_sim.result[key] == value, key
    assert overpromise_sim.result["buy_probability"] == pytest.approx(0.5 * 4 / 10)
    assert overpromise_sim.result["zone"] == "satisfied"  # delivering more than promised satisfies


def test_overpromise_summary_shows_those_numbers(overpromise_sim):
    assert "45% 的潜在客户购买，购买后不满意" in overpromise_sim.summary.value
    move(overpromise_sim, promised=4, delivered=7)
    summary = overpromise_sim.summary.value
    assert "承诺 4.0 分，交付 7.0 分（差距 +3.0 分）" in summary
    assert "20% 的潜在客户购买，购买后满意" in summary and "满意的购买者占潜在客户 20%" in summary


def test_overpromise_figure_follows_the_model(overpromise_sim):
    fig = overpromise_sim.fig
    move(overpromise_sim, promised=4, delivered=7)
    artists = overpromise_sim.artists
    assert overpromise_sim.fig is fig
    assert list(artists["point"].get_xdata()) == [4] and list(artists["point"].get_ydata()) == [0.2]
    assert list(artists["delivered"].get_xdata()) == [7, 7]
    # satisfied buyers for promises below 7 − 0.5, dissatisfied above 7 + 0.5 (grid step 0.01)
    spans = {}
    for zone, area in artists["areas"].items():
        x = np.concatenate([path.vertices[:, 0] for path in area.get_paths()])
        spans[zone] = (x.min(), x.max())
    assert spans["satisfied"] == pytest.approx((0, 6.49))
    assert spans["neutral"] == pytest.approx((6.5, 7.5))
    assert spans["dissatisfied"] == pytest.approx((7.51, 10))
    top = artists["areas"]["dissatisfied"].get_paths()[0].vertices[:, 1].max()
    assert top == pytest.approx(overpromise(10, 7)["buy_probability"])


def test_overpromise_reset_and_corners(overpromise_sim):
    for promised, delivered in [(0, 0), (0, 10), (10, 0), (10, 10)]:
        move(overpromise_sim, promised=promised, delivered=delivered)
        assert overpromise_sim.message.value == ""  # no invalid combination is reachable
        assert overpromise_sim.result["buy_probability"] == pytest.approx(0.05 * promised)
    overpromise_sim.reset()
    assert overpromise_sim.values() == {"promised": 9, "delivered": 6}
    assert overpromise_sim.result["zone"] == "dissatisfied"


@pytest.mark.parametrize(
    ("name", "value"),
    [("promised", 11), ("promised", -1), ("delivered", 10.5), ("max_buy", 0), ("max_buy", 1.5), ("tolerance", -1)],
)
def test_overpromise_factory_rejects_bad_overrides(name, value):
    with pytest.raises(CourseInputError, match=name):
        overpromise_simulator(**{name: value})


def test_overpromise_labels_in_english():
    coursekit.setup(lang="en")
    sim = overpromise_simulator()
    assert sim.controls["promised"].description == "Promised level (pts)"
    ax = sim.fig.axes[0]
    assert ax.get_xlabel() == "Promised level (0–10 points)"
    labels = [t.get_text() for t in sim.fig.legends[0].get_texts()]
    assert "Buyers: Satisfied" in labels and "Delivered level" in labels
    assert "45% of prospects buy" in sim.summary.value


# --- the numbers of the lesson-4 instructor answer keys (notebooks/04_complaints.ipynb) ---------


def test_lesson4_answer_key_of_the_expectation_simulator(expectation_sim):
    table = expectation_sim.result["table"]
    assert (table.loc["service", "gap"], table.loc["service", "zone"]) == (-2, "dissatisfied")  # (1)
    assert (round(table.loc["overall", "gap"], 1), table.loc["overall", "zone"]) == (0.1, "neutral")
    move(expectation_sim, service_performance=8.5)  # (2) a gap of exactly +0.5 is still inside the zone
    assert expectation_sim.result["table"].loc["service", "zone"] == "neutral"
    move(expectation_sim, service_performance=9)
    assert expectation_sim.result["table"].loc["service", "zone"] == "satisfied"
    expectation_sim.reset()
    move(expectation_sim, delivery_expectation=10)  # (3) "same-day delivery" promised
    table = expectation_sim.result["table"]
    assert (table.loc["delivery", "gap"], table.loc["delivery", "zone"]) == (-1, "dissatisfied")
    assert (round(table.loc["overall", "gap"], 1), table.loc["overall", "zone"]) == (-0.3, "neutral")


def test_lesson4_answer_key_of_the_complaint_simulator(complaint_sim):
    def stay_share(days):
        move(complaint_sim, response_days=days)
        return complaint_sim.result["stay_probability"]

    assert round(100 * stay_share(30)) == 48 and round(100 * stay_share(0)) == 69  # (1)
    first_days = [100 * (stay_share(day) - stay_share(day + 1)) for day in range(3)]
    assert all(1.5 < drop < 2.5 for drop in first_days)  # about 2 points a day in the first 3 days
    complaint_sim.reset()
    move(complaint_sim, resolution=100)  # (2): 100 % resolved
    assert round(complaint_sim.result["stay"]) == 68
    complaint_sim.reset()
    move(complaint_sim, response_days=1)
    assert round(complaint_sim.result["stay"]) == 67
    complaint_sim.reset()  # (3), in units of 10,000 yuan
    assert round(complaint_sim.result["noncomplainers_value_lost"] / 1e4) == 1081
    assert round(complaint_sim.result["value_lost"] / 1e4, 1) == 20.9
