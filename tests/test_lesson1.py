"""Lesson 1's review items that can be computed: a sixth TV attribute, what the call data show
about staffing, prose without hard line breaks, consistent section numbers, friendly simulator errors."""

import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import coursekit
from coursekit import charts, customer_base, data, sims
from coursekit.errors import CourseInputError
from coursekit.i18n import text

ROOT = Path(__file__).resolve().parents[1]
LESSON = nbformat.read(ROOT / "notebooks" / "01_customers.ipynb", as_version=4)
PROSE = [c.source for c in LESSON.cells if c.cell_type == "markdown"]
CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()


def test_a_sixth_attribute_rated_for_both_tvs_is_scored_and_drawn():
    six = customer_base.tv_choice(ratings_a={"performance": 7}, ratings_b={"performance": 8})
    five = customer_base.tv_choice()
    assert list(six.index) == [*data.ATTRIBUTES, "performance", "overall"]
    assert six["weight"].drop("overall").tolist() == pytest.approx([1 / 6] * 6)
    expected_b = (five["rating_b"].drop("overall").sum() + 8) / 6
    assert six.loc["overall", "points_b"] == pytest.approx(expected_b)
    heavy = customer_base.tv_choice(
        weights={"performance": 3}, ratings_a={"performance": 7}, ratings_b={"performance": 8}
    )
    assert heavy.loc["performance", "weight"] == pytest.approx(3 / 8)
    bars = charts.tv_choice_chart(six).axes[0].patches
    assert len(bars) == 12  # six segments for each TV
    ends = [max(bar.get_x() + bar.get_width() for bar in bars[row::2]) for row in (0, 1)]
    assert ends == pytest.approx(six.loc["overall", ["points_a", "points_b"]].tolist())


@pytest.mark.parametrize(
    "kwargs", [{"ratings_a": {"performance": 7}}, {"ratings_b": {"performance": 7}}, {"weights": {"performance": 2}}]
)
def test_a_sixth_attribute_for_one_tv_only_is_refused_clearly(kwargs):
    with pytest.raises(CourseInputError, match="performance"):
        customer_base.tv_choice(**kwargs)


def test_the_call_data_show_few_agents_answering_at_8_and_20_but_no_duty_roster():
    calls = data.call_center()
    per_hour = customer_base.calls_by_hour(calls)
    quiet = per_hour["calls_per_day"].nsmallest(2).index.tolist()
    assert sorted(quiet) == [8, 20] and (per_hour.loc[quiet, "wait_above_mean"] > 0).all()
    answering = calls.dropna(subset=["agent_id"]).groupby(["date", "hour"])["agent_id"].nunique().groupby("hour").mean()
    assert answering[quiet].max() < answering.drop(quiet).min()
    assert not any("staff" in column or "shift" in column for column in calls.columns)  # no roster in the data
    prose = "\n".join(PROSE)
    assert "值班的人更少" not in prose and "没有排班表" in prose  # the lesson says what the data can show


def test_chinese_paragraphs_have_no_hard_line_breaks():
    broken = []
    for source in PROSE:
        for before, after in zip(source.splitlines(), source.splitlines()[1:], strict=False):
            if before and after and not re.match(r"\s*(\||- |\d+\. |#|>|\*\*第)", after):
                if not before.lstrip().startswith(("|", "#")) and re.search(f"[{CJK}]$", before):
                    broken.append(before[-20:] + " ⏎ " + after[:20])
    assert not broken


def test_sections_are_numbered_one_after_another():
    numbers = [int(n) for source in PROSE for n in re.findall(r"^### (\d+) ", source, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_the_lesson_picks_customers_with_rfm_not_unexplained_methods():
    core = "\n".join(c.source for c in LESSON.cells if "素材勘误" not in c.source)
    assert "segments.rfm" in core and "RFM" in core
    assert "回归分析（regression analysis）" not in core


def test_simulator_errors_name_the_sliders_and_show_plain_numbers():
    sim = sims.tv_choice_simulator()
    for name in data.ATTRIBUTES:
        sim.controls[f"weight_{name}"].value = 0
    message = sim.message.value
    assert text("sims.customers.tv_weight", attribute=text("attributes.cost")) in message
    assert "weights" not in message and "np." not in message
    with pytest.raises(CourseInputError) as refused:
        customer_base.tv_choice(ratings_a={"service": np.int64(11)})
    assert "np." not in str(refused.value) and "11" in str(refused.value)
