"""Lesson 4's review items that can be computed: the complaint-rate slider holds the dissatisfied
customers fixed, one iceberg convention (23.75 silent per complaint) everywhere, the Albrecht &
Zemke wording, the iceberg chart's assumption, silent leavers' word of mouth, a quiz that tests
concepts (not the course's half-life), value for money instead of a bare 成本, one term 实绩,
the unconfirmed Hart, Heskett & Sasser citation, and presentations that have their minutes."""

import re
from pathlib import Path

import nbformat
import pytest

import coursekit
from coursekit import charts, complaints, quiz
from coursekit.i18n import text
from coursekit.sims.complaints import complaint_response_simulator, expectation_simulator
from tests.test_lesson_format import plan_minutes, plans, tags

ROOT = Path(__file__).resolve().parents[1]
LESSON = nbformat.read(ROOT / "notebooks" / "04_complaints.ipynb", as_version=4)
PROSE = [c.source for c in LESSON.cells if c.cell_type == "markdown"]
GUIDE = (ROOT / "docs" / "presenter" / "04_complaints.md").read_text(encoding="utf-8")
SEED_QUOTE = "“期望 > 实际绩效 → 满意；期望 < 实际绩效 → 不满意”"  # the seed slide, quoted in the erratum


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()



def test_the_complaint_rate_slider_holds_the_dissatisfied_customers_fixed():
    sim = complaint_response_simulator()
    lost = {}
    for share in (4, 50):
        sim.controls["complain_share"].value = share
        result = sim.result
        assert result["complainers"] + result["third_party"] + result["noncomplainers"] == pytest.approx(2500)
        lost[share] = result["total_value_lost"]
    assert lost[50] < lost[4]  # more voice, more recovered
    assert lost[50] > 0.5 * lost[4]  # ... but no collapse (it used to fall from 11.13M to 0.66M)
    assert "不满意的客户数不变" in "\n".join(PROSE)


def test_one_iceberg_convention_in_the_iceberg_the_outcome_the_quiz_and_the_text():
    per_complaint = 95 / 4  # 4 % to the firm, 1 % to third parties, 95 % silent
    ice = complaints.complaint_iceberg(1000)
    assert ice["silent"] / ice["complain_to_firm"] == pytest.approx(per_complaint)
    out = complaints.complaint_outcome(20, 1, 0, 0)
    assert out["noncomplainers"] / 20 == pytest.approx(per_complaint)
    assert out["third_party"] == pytest.approx(5)
    q2 = quiz.questions(4)[1]
    assert q2.answer == pytest.approx(20 * per_complaint) and q2.decimals == 0  # 475, not 480
    assert "1% 找第三方" in q2.prompt["zh"]
    prose = "\n".join(PROSE)
    assert "23.75 位沉默" in prose and "每件投诉背后是 24 位" not in prose


def test_albrecht_and_zemke_are_quoted_with_the_usual_wording():
    prose = "\n".join(PROSE)
    assert "每收到 1 件投诉，背后还有 26 位遇到问题的客户，其中 6 位的问题是严重的" in prose
    assert "26 位遇到问题却沉默" not in prose and "26 位沉默" not in prose


def test_the_iceberg_shows_its_assumption_and_whole_people():
    ax = charts.complaint_iceberg_chart(complaints.complaint_iceberg(1000)).axes[0]
    notes = " ".join(t.get_text() for t in ax.texts)
    assert "假设" in notes and "9%" in notes and "865" in notes and "864.5" not in notes
    assert [bar.get_height() > 0 for bar in ax.containers[0]] == [True, False, False, False]
    prose = "\n".join(PROSE)
    assert "假设这 950 位遇到的都是严重问题" in prose and "平均" in prose


def test_bad_word_of_mouth_counts_the_silent_leavers():
    sim = complaint_response_simulator()
    result = sim.result
    assert result["noncomplainers_hear_bad_wom"] == pytest.approx(result["noncomplainers_leave"] * 9.5)
    assert f"{result['noncomplainers_hear_bad_wom']:,.0f}" in sim.summary.value


def test_the_quiz_tests_concepts_not_the_courses_half_life():
    questions = quiz.questions(4)
    assert len(questions) >= 10
    prompts = " ".join(q.prompt["zh"] for q in questions)
    assert "减半" not in prompts and "stay_probability" not in prompts
    assert "TARP" in questions[2].prompt["zh"] and isinstance(questions[2], quiz.Choice)


def test_cost_reads_as_value_for_money_and_the_weights_are_named():
    sim = expectation_simulator()
    assert "物有所值" in sim.controls["cost_performance"].description
    assert "五项同等重要" in sim.summary.value
    prose = "\n".join(PROSE)
    assert "物有所值" in prose and "简单平均" in prose


def test_one_term_for_perceived_performance():
    prose = "\n".join(PROSE).replace(SEED_QUOTE, "")
    assert "感知绩效" not in prose and "实际绩效" not in prose
    assert prose.count("**实绩**（perceived performance") == 1  # defined once
    catalog_terms = [
        text("columns.performance"),
        text("sims.complaints.expectation_title"),
        text("charts.complaints.gap_xlabel"),
    ]
    assert all("实际绩效" not in term and "感知绩效" not in term for term in catalog_terms)
    for question in quiz.questions(4):
        for entry in (question.prompt, question.hint):
            assert "感知绩效" not in entry["zh"]


def test_hart_heskett_and_sasser_are_not_claimed_as_the_source_of_the_tarp_figures():
    for source in PROSE:
        if "Hart" in source and "TARP" in source:
            assert "未能核实" in source, source[:80]
    for module in ("complaints.py", "charts/complaints.py", "sims/complaints.py"):
        code = (ROOT / "coursekit" / module).read_text(encoding="utf-8")
        for match in re.finditer(r"Hart, Heskett\s*&\s*(#\s*)?Sasser", code):
            around = code[max(0, match.start() - 200) : match.end() + 250]
            assert "unconfirmed" in around or "未能核实" in around, (module, around)


def test_the_lesson_3_presentations_have_their_minutes_in_both_periods():
    rows = [line for _, plan in plans(LESSON) for line in plan.splitlines() if "汇报" in line and line.startswith("|")]
    assert len(rows) == 2
    minutes = [m for row in rows for m in plan_minutes("| 环节 | 分钟 |\n|---|---|\n" + row)]
    assert sum(minutes) >= 2 * 8  # 8–10 groups, 2 minutes each


def test_the_lessons_own_task_is_handed_in_not_presented_in_the_optional_lesson_5():
    task = "\n".join(c.source for c in LESSON.cells if "task" in tags(c))
    assert "下次课汇报" not in task
    assert "书面提交" in task and "批阅" in task
    assert "书面提交" in GUIDE and "批阅" in GUIDE and "下次课汇报" not in GUIDE
