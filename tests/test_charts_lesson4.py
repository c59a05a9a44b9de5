"""Lesson 4 charts: each one draws exactly the numbers computed here independently (no image comparison)."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex

import coursekit
from coursekit import charts, complaints, data, style
from coursekit.complaints import TARP_BUY_AGAIN, complaint_iceberg
from coursekit.data import ATTRIBUTES
from coursekit.errors import CourseInputError
from coursekit.i18n import text

FAST = settings(deadline=None, max_examples=60)


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()
    yield
    coursekit.setup()  # back to Chinese also after the English tests


def heights(ax, container=0):
    return [float(bar.get_height()) for bar in ax.containers[container]]


def labels(ax):
    return [tick.get_text() for tick in ax.get_xticklabels()]


# --- satisfaction_by_gap -------------------------------------------------------------------------


def survey_gap():
    survey = data.survey()
    gap = sum(survey[f"performance_{a}"] - survey[f"expectation_{a}"] for a in ATTRIBUTES) / len(ATTRIBUTES)
    return gap, survey["overall_satisfaction"]


def test_gap_bars_are_the_mean_satisfaction_of_each_half_point_group():
    gap, satisfaction = survey_gap()
    groups = {}
    for g, s in zip(gap, satisfaction, strict=True):  # explicit loop: nearest half point, clipped to ±2
        centre = min(max(round(g * 2) / 2, -2.0), 2.0)
        groups.setdefault(centre, []).append(s)
    ax = charts.satisfaction_by_gap_chart(complaints.satisfaction_by_gap(gap, satisfaction)).axes[0]
    bars = ax.containers[0]
    assert [float(bar.get_x() + bar.get_width() / 2) for bar in bars] == pytest.approx(sorted(groups))
    assert heights(ax) == pytest.approx([np.mean(groups[c]) for c in sorted(groups)])
    assert [t.get_text() for t in ax.texts] == [f"n={len(groups[c])}" for c in sorted(groups)]
    assert labels(ax)[0] == "≤-2" and labels(ax)[-1] == "≥2"


def test_gap_bars_are_coloured_by_zone_and_satisfaction_rises_with_the_gap():
    gap, satisfaction = survey_gap()
    ax = charts.satisfaction_by_gap_chart(complaints.satisfaction_by_gap(gap, satisfaction)).axes[0]
    centres = [float(bar.get_x() + bar.get_width() / 2) for bar in ax.containers[0]]
    expected = [
        style.CATEGORY_COLOURS["satisfied" if c > 0.5 else "dissatisfied" if c < -0.5 else "neutral"] for c in centres
    ]
    assert [to_hex(bar.get_facecolor()) for bar in ax.containers[0]] == [c.lower() for c in expected]
    assert np.all(np.diff(heights(ax)) > 0)  # the data follow Oliver (1980), not the seed's backwards rule


@FAST
@given(
    st.lists(
        st.tuples(st.floats(-6, 6, allow_nan=False), st.integers(1, 7)),
        min_size=1,
        max_size=40,
    )
)
def test_gap_bars_keep_every_respondent(pairs):
    gap, satisfaction = zip(*pairs, strict=True)
    ax = charts.satisfaction_by_gap_chart(complaints.satisfaction_by_gap(list(gap), list(satisfaction))).axes[0]
    counts = [int(t.get_text()[2:]) for t in ax.texts]
    assert sum(counts) == len(pairs)
    assert sum(h * n for h, n in zip(heights(ax), counts, strict=True)) == pytest.approx(sum(satisfaction))


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"gap": "big"}, "gap"),
        ({"gap": [1.0, math.nan]}, "gap"),
        ({"satisfaction": [4]}, "satisfaction"),
        ({"gap": []}, "gap"),
        ({"tolerance": -0.1}, "tolerance"),
        ({"width": 0}, "width"),
        ({"limit": 0.2}, "limit"),
    ],
)
def test_gap_chart_rejects_bad_input(kwargs, name):
    args = {"gap": [0.0, 1.0], "satisfaction": [4, 5], **kwargs}
    with pytest.raises(CourseInputError, match=name):
        charts.satisfaction_by_gap_chart(complaints.satisfaction_by_gap(**args))


# --- complaint_iceberg_chart ---------------------------------------------------------------------


@pytest.mark.parametrize("dissatisfied, share, severity", [(1000, 0.04, "major"), (250, 0.1, "minor")])
def test_iceberg_bars_are_the_iceberg_numbers(dissatisfied, share, severity):
    ice = complaint_iceberg(dissatisfied, share, severity=severity)
    ax = charts.complaint_iceberg_chart(complaints.complaint_iceberg(dissatisfied, share, severity=severity)).axes[0]
    expected = [ice["complain_to_firm"], -ice["third_party"], -ice["silent"], -ice["silent_leave"]]
    assert heights(ax) == pytest.approx(expected)
    assert any(f"{ice['hear_bad_wom']:,.0f}" in t.get_text() for t in ax.texts)
    assert ax.get_title() == text("charts.complaints.iceberg_title", dissatisfied=dissatisfied)


def test_iceberg_numbers_by_hand():
    ax = charts.complaint_iceberg_chart(complaints.complaint_iceberg(1000)).axes[0]
    silent = 1000 - 40 - 10
    assert heights(ax) == pytest.approx([40, -10, -silent, -silent * (1 - 0.09)])


def test_iceberg_chart_layout_review_items():
    """Review item L4: only complaints to the firm stand above the water; 水面以下 is written below
    the water, away from the firm's bar; whole people on the bars; the severity assumption shown."""
    fig = charts.complaint_iceberg_chart(complaints.complaint_iceberg(1000))
    ax = fig.axes[0]
    bars = ax.containers[0]
    assert [bar.get_height() > 0 for bar in bars] == [True, False, False, False]  # third parties below the water
    hidden = next(t for t in ax.texts if t.get_text() == text("charts.complaints.iceberg_hidden"))
    assert hidden.get_position()[1] < 0 and hidden.get_position()[0] > 2.5  # below the water, not under the firm bar
    visible = next(t for t in ax.texts if t.get_text() == text("charts.complaints.iceberg_visible"))
    assert visible.get_position()[1] > 0
    labels = [t.get_text() for t in ax.texts]
    assert "865" in labels and "864.5" not in " ".join(labels)  # whole people, rounded half up
    assert any("9%" in t and "假设" in t for t in labels)  # the severity assumption is on the chart
    minor = charts.complaint_iceberg_chart(complaints.complaint_iceberg(1000, severity="minor")).axes[0]
    assert any("37%" in t.get_text() for t in minor.texts)
    fig.canvas.draw()
    box = ax.get_window_extent()
    for label in ax.texts:  # every note inside the axes
        extent = label.get_window_extent()
        assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1 and box.y0 - 1 <= extent.y0, label.get_text()


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"dissatisfied": -1}, "dissatisfied"),
        ({"dissatisfied": [100, 200]}, "dissatisfied"),
        ({"complain_share": 1.5}, "complain_share"),
        ({"third_party_share": -0.1}, "third_party_share"),
        ({"severity": "huge"}, "severity"),
    ],
)
def test_iceberg_chart_rejects_bad_input(kwargs, name):
    with pytest.raises(CourseInputError, match=name):
        charts.complaint_iceberg_chart(complaints.complaint_iceberg(**{"dissatisfied": 1000, **kwargs}))


def test_iceberg_chart_names_the_parts_missing_from_its_table():
    with pytest.raises(CourseInputError, match="silent_leave"):
        charts.complaint_iceberg_chart({"dissatisfied": 10, "complain_to_firm": 1})


# --- cases_by_channel ----------------------------------------------------------------------------


def test_channel_bars_are_case_counts_and_median_hours():
    cases = data.service_cases()
    left, right = charts.cases_by_channel_chart(complaints.cases_by_channel(cases)).axes
    counts, medians = [], []
    for channel in data.CASE_CHANNELS:
        hours = sorted(h for h, c in zip(cases["response_hours"], cases["channel"], strict=True) if c == channel)
        counts.append(len(hours))
        middle = len(hours) // 2
        medians.append(hours[middle] if len(hours) % 2 else (hours[middle - 1] + hours[middle]) / 2)
    assert [bar.get_width() for bar in left.containers[0]] == counts
    assert [bar.get_width() for bar in right.containers[0]] == pytest.approx(medians)
    assert [t.get_text() for t in left.get_yticklabels()] == [text(f"categories.{c}") for c in data.CASE_CHANNELS]


def test_channel_chart_shows_an_empty_channel_as_zero():
    cases = pd.DataFrame({"channel": ["phone", "phone", "letter"], "response_hours": [1.0, 3.0, 50.0]})
    left, right = charts.cases_by_channel_chart(complaints.cases_by_channel(cases)).axes
    assert [bar.get_width() for bar in left.containers[0]] == [2, 1, 0, 0, 0, 0]
    assert [bar.get_width() for bar in right.containers[0]] == [2.0, 50.0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    "cases, name",
    [
        ([1, 2], "cases"),
        (pd.DataFrame({"channel": ["phone"]}), "cases"),
        (pd.DataFrame({"channel": ["fax"], "response_hours": [1.0]}), "channel"),
        (pd.DataFrame({"channel": ["phone"], "response_hours": [-1.0]}), "response_hours"),
    ],
)
def test_channel_chart_rejects_bad_input(cases, name):
    with pytest.raises(CourseInputError, match=name):
        charts.cases_by_channel_chart(complaints.cases_by_channel(cases))


# --- repurchase_by_handling ----------------------------------------------------------------------


@pytest.mark.parametrize("fast_hours", [24, 8])
def test_repurchase_bars_are_group_shares(fast_hours):
    cases = data.service_cases()
    ax = charts.repurchase_by_handling_chart(complaints.repurchase_by_handling(cases, fast_hours)).axes[0]
    for container, fast in enumerate((True, False)):
        expected = []
        for resolution in data.RESOLUTIONS:
            bought = [
                b
                for b, r, h in zip(cases["repurchased_12m"], cases["resolution"], cases["response_hours"], strict=True)
                if r == resolution and (h <= fast_hours) == fast
            ]
            expected.append(sum(bought) / len(bought))
        assert heights(ax, container) == pytest.approx(expected)
    assert ax.get_legend().get_texts()[0].get_text() == text("charts.complaints.fast", hours=fast_hours)


def test_repurchase_chart_of_a_tiny_table():
    cases = pd.DataFrame(
        {
            "resolution": ["resolved", "resolved", "unresolved"],
            "response_hours": [2.0, 30.0, 5.0],
            "repurchased_12m": [1, 0, 0],
        }
    )
    ax = charts.repurchase_by_handling_chart(complaints.repurchase_by_handling(cases)).axes[0]
    assert heights(ax, 0) == [1.0, 0.0, 0.0]  # fast: resolved 1/1, no partial case (drawn as 0), unresolved 0/1
    assert heights(ax, 1) == [0.0, 0.0, 0.0]
    assert "n=0" in [t.get_text().split("\n")[1] for t in ax.texts]


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"fast_hours": 0}, "fast_hours"),
        ({"cases": pd.DataFrame({"resolution": ["resolved"], "response_hours": [1.0]})}, "cases"),
        (
            {"cases": pd.DataFrame({"resolution": ["maybe"], "response_hours": [1.0], "repurchased_12m": [1]})},
            "resolution",
        ),
        (
            {"cases": pd.DataFrame({"resolution": ["resolved"], "response_hours": [1.0], "repurchased_12m": [2]})},
            "repurchased_12m",
        ),
    ],
)
def test_repurchase_chart_rejects_bad_input(kwargs, name):
    args = {"cases": data.service_cases(), **kwargs}
    with pytest.raises(CourseInputError, match=name):
        charts.repurchase_by_handling_chart(complaints.repurchase_by_handling(**args))


# --- tarp_buy_again_chart ------------------------------------------------------------------------


def test_tarp_bars_are_the_published_figures():
    ax = charts.tarp_buy_again_chart().axes[0]
    assert heights(ax, 0) == [0.09, 0.19, 0.54, 0.82]  # major problems (Hart, Heskett & Sasser 1990)
    assert heights(ax, 1) == [0.37, 0.46, 0.70, 0.95]  # minor problems
    assert heights(ax, 0) == list(TARP_BUY_AGAIN["major"].values())


def test_tarp_chart_in_english():
    coursekit.setup(lang="en")
    ax = charts.tarp_buy_again_chart().axes[0]
    assert ax.get_title() == "TARP surveys: customers with a problem who would buy again"
    assert labels(ax)[0] == "Did not complain"


# --- wait_and_satisfaction -----------------------------------------------------------------------


def mean_rating_by_wait(calls, agent=None):
    """Mean rating per wait bin [0, 30), [30, 60), [60, 120), [120, 240), [240, ∞) seconds: an explicit loop."""
    edges = [0, 30, 60, 120, 240, math.inf]
    sums, counts = [0.0] * 5, [0] * 5
    for wait, abandoned, who, rating in zip(
        calls["wait_seconds"], calls["abandoned"], calls["agent_id"], calls["satisfaction"], strict=True
    ):
        if abandoned or (agent is not None and who != agent):
            continue
        i = next(k for k in range(5) if edges[k] <= wait < edges[k + 1])
        sums[i] += rating
        counts[i] += 1
    return [s / n for s, n in zip(sums, counts, strict=True) if n], [n for n in counts if n]


def test_wait_lines_are_mean_ratings_for_all_agents_and_agent_77():
    calls = data.call_center()
    ax = charts.wait_and_satisfaction_chart(complaints.satisfaction_by_wait(calls)).axes[0]
    everyone, _ = mean_rating_by_wait(calls)
    agent, counts = mean_rating_by_wait(calls, agent=77)
    assert list(ax.lines[0].get_ydata()) == pytest.approx(everyone)
    assert list(ax.lines[1].get_ydata()) == pytest.approx(agent)
    assert [t.get_text() for t in ax.texts] == [f"n={n}" for n in counts]
    assert labels(ax) == ["0–0.5", "0.5–1", "1–2", "2–4", "≥4"]
    assert np.all(np.diff(ax.lines[1].get_ydata()) < 0)  # even the politest agent's ratings fall with the wait


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"agent": 999}, "agent"),
        ({"agent": 0}, "agent"),
        ({"agent": 7.5}, "agent"),
        ({"calls": pd.DataFrame({"wait_seconds": [1]})}, "calls"),
        (
            {"calls": pd.DataFrame({"wait_seconds": [1], "abandoned": [0], "agent_id": [77], "satisfaction": [9]})},
            "satisfaction",
        ),
    ],
)
def test_wait_chart_rejects_bad_input(kwargs, name):
    args = {"calls": data.call_center(), **kwargs}
    with pytest.raises(CourseInputError, match=name):
        charts.wait_and_satisfaction_chart(complaints.satisfaction_by_wait(**args))
