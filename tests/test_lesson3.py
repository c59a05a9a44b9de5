"""Lesson 3's review items that can be computed: the seed's two churn figures are about two groups,
the churn simulator explains why a year loses more customers than the yearly churn rate says,
the expected tenure matches the lesson's own weighting of year 1, the 7–10× attribution to Kotler
is marked unconfirmed, the figures checked before keeping name their source, and the groups of
lesson 2 get honest minutes to present."""

import re
from pathlib import Path

import nbformat
import pytest

import coursekit
from coursekit import quiz, retention, value
from coursekit.i18n import text
from coursekit.sims.retention import churn_cost_simulator
from tests.test_lesson_format import plan_minutes, plans

ROOT = Path(__file__).resolve().parents[1]
LESSON = nbformat.read(ROOT / "notebooks" / "03_retention.ipynb", as_version=4)
PROSE = [c.source for c in LESSON.cells if c.cell_type == "markdown"]
STUDENT_PROSE = [
    c.source for c in LESSON.cells if c.cell_type == "markdown" and "instructor" not in c.metadata.get("tags", [])
]


@pytest.fixture(autouse=True)
def chinese():
    coursekit.setup()


def test_the_seeds_two_churn_figures_are_two_groups_with_two_rates():
    lost_at_20_percent = 1 - retention.survival_after(0.8, 5)
    yearly_for_half = 1 - 0.5 ** (1 / 5)
    assert lost_at_20_percent == pytest.approx(0.672, abs=0.001) and yearly_for_half == pytest.approx(0.129, abs=0.001)
    assert yearly_for_half < 0.2  # the well-performing group loses fewer: no contradiction
    cell = next(source for source in STUDENT_PROSE if "两个群体" in source)
    assert "许多公司" in cell and "表现良好的机构" in cell and "13%" in cell
    assert not any("不是素材所说的" in source or "两个数字放在一起对不对" in source for source in PROSE)


def test_the_churn_simulator_explains_that_replacements_churn_too():
    sim = churn_cost_simulator()
    result = sim.result
    assert result["lost_per_year"] == pytest.approx(12 * result["lost_per_month"])
    assert result["lost_of_start"] == pytest.approx(result["customers"] * retention.annual_churn(0.015))
    assert result["lost_of_start"] + result["lost_replacements"] == pytest.approx(result["lost_per_year"])
    assert result["lost_replacements"] > 0
    assert "247.3 万" in sim.summary.value and "补进来的新客户也会流失" in sim.summary.value
    sim.controls["monthly_churn"].value = 3  # 3 % a month (in percent): more replacements to lose
    assert sim.result["lost_replacements"] / sim.result["lost_per_year"] > result["lost_replacements"] / result[
        "lost_per_year"
    ]
    assert any("补进来的新客户也会流失" in source for source in STUDENT_PROSE)


@pytest.mark.parametrize("kept", [0.6, 0.65, 0.9, 0.95])
def test_expected_tenure_follows_the_lessons_weighting_of_year_1(kept):
    weighted = kept / (1 - kept)  # r + r² + …: year 1 weighted by r, as in V(r)
    assert value.lifetime_value(1, kept, 0, years=None) == pytest.approx(weighted)
    assert value.lifetime_value(1, kept, 0, years=1000) == pytest.approx(weighted)
    assert text(f"retention.paid_years_{round(100 * kept)}")  # the lesson's table labels each rate


def test_the_lesson_no_longer_says_year_1_is_certain():
    prose = "\n".join(PROSE)
    assert "第 1 年客户一定在" not in prose
    assert r"E = \dfrac{r}{1 - r}" in prose and "第 1 年也乘" in prose


def test_kotlers_7_to_10_times_is_marked_unconfirmed_in_prose_and_quiz():
    for source in STUDENT_PROSE:
        if "科特勒" in source and "7–10" in source:
            assert "未能核实" in source, source[:80]
    mentioning = [q for q in quiz.questions(3) if "科特勒" in q.prompt["zh"]]
    assert mentioning and all("未能核实" in q.prompt["zh"] or "未能核实" in str(q) for q in mentioning)


def test_figures_checked_before_keeping_name_their_source():
    prose = "\n".join(STUDENT_PROSE)
    assert "10%–30%" in prose and "第 4 页" in prose and "第 1 页" in prose  # Reichheld (1996), pages named
    assert "Sharp（2010）" in prose and "Marketing Week" in prose  # the critique, with where it is reported


def test_lesson_2s_groups_get_two_minutes_each_in_the_plans():
    rows = [line for source in PROSE if "教学安排" in source.splitlines()[0] for line in source.splitlines()
            if "汇报" in line and line.startswith("|")]
    assert len(rows) == 2
    for row in rows:
        groups = int(re.search(r"(\d+)(?:–\d+)? 组", row).group(1))
        each = int(re.search(r"每组 (\d+) 分钟", row).group(1))
        minutes = int(row.strip().strip("|").split("|")[-1])
        assert minutes >= groups * each and 2 <= each <= 3


def test_the_period_plans_add_up_fit_45_minutes_and_match_the_presenter_notes():
    found = [source for _, source in plans(LESSON)]
    assert len(found) == 2
    notes = (ROOT / "docs" / "presenter" / "03_retention.md").read_text(encoding="utf-8")
    note_tables = [block for block in notes.split("**第")[1:] if "| 分钟 |" in block]
    assert len(note_tables) == 2
    for plan, note in zip(found, note_tables, strict=True):
        minutes = plan_minutes(plan)
        total, spare = (int(n) for n in re.search(r"合计 (\d+) 分钟，留 (\d+) 分钟机动", plan).groups())
        assert sum(minutes) == total <= 40 and total + spare == 45
        note_minutes = [int(line.split("|")[1]) for line in note.splitlines()
                        if line.startswith("| ") and line.split("|")[1].strip().isdigit()]
        assert note_minutes == minutes
        assert f"合计 {total} 分钟，机动 {spare} 分钟" in note
    assert not any("若仍写" in source for source in PROSE) and "若仍写" not in notes


def test_period_2s_core_prose_stays_under_3500_chinese_characters():
    start = next(i for i, c in enumerate(LESSON.cells)
                 if "第二课时" in c.source.splitlines()[0] and "教学安排" in c.source)
    skipped = {"instructor", "extension", "self-check"}
    core = [c.source for c in LESSON.cells[start:] if c.cell_type == "markdown"
            and not skipped & set(c.metadata.get("tags", [])) and not c.source.startswith("## 资料来源")]
    assert 0 < sum(len(re.findall(r"[\u4e00-\u9fff]", source)) for source in core) <= 3500
    assert sum("免费的广告" in source for source in STUDENT_PROSE) <= 2  # once in section 6, once in the summary


def test_the_wireless_cost_is_shown_in_hundred_million_dollars_like_the_prose():
    wireless = retention.churn_replacement_cost(175e6, 0.015, 300, periods=12).iloc[0]
    assert float(wireless["cost_per_period"]) / 1e8 == pytest.approx(7.875)
    assert float(wireless["cost_total"]) / 1e8 == pytest.approx(94.5)
    assert text("units.hundred_million_dollars") == "亿美元"
    cell = next(c for c in LESSON.cells if "churn_replacement_cost(175e6" in c.source)
    assert '"hundred_million_dollars"' in cell.source
    assert '"million_dollars"' not in cell.source and '"billion_dollars"' not in cell.source
    shown = "".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
                    for output in cell.get("outputs", []))
    assert "7.875 亿美元" in shown and "94.5 亿美元" in shown
    prose = "\n".join(STUDENT_PROSE)
    assert "7.875 亿" in prose and "94.5 亿" in prose
