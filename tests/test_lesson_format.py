"""The lesson format: a lesson fits the class periods it claims, and students do things in each.

Every lesson (FORMATTED: every notebook but the course guide) is in this format:

- **periods**: each class period (课时, 45 minutes) starts with a heading ``## 第一课时（上）…``;
  before it stands its time plan, an ``instructor`` cell whose first line names the
  ``教学安排`` and whose table has a ``分钟`` column. The minutes add up to at most
  MAX_MINUTES, so every period leaves slack;
- **hands-on**: every period holds at least MIN_EXERCISES ``exercise`` cells, each followed by its
  ``solution`` cell (the student edition drops the solutions; tests/test_exercises.py checks that
  each reference solution passes its check);
- **practice**: the lesson's self-check quiz has at least MIN_QUESTIONS questions;
- **presentations**: when a lesson's task says the groups present next time (``下次课汇报``), the
  next lesson's plans give them minutes (a row naming ``汇报``);
- **optional material** (拓展) is tagged ``extension``, its heading says 拓展, and the lesson still
  runs top to bottom with every ``extension`` cell removed: a lecturer can skip it.
"""

import re
from pathlib import Path

import nbformat
import pytest

from coursekit import quiz
from tools.editions import lessons

ROOT = Path(__file__).resolve().parents[1]
FORMATTED = [p.name for p in lessons() if not p.name.startswith("00_")]  # the guide is no lesson
MAX_MINUTES, MIN_EXERCISES, MIN_QUESTIONS = 40, 2, 10
PERIOD = re.compile(r"^## 第[一二三四]课时", re.M)
EXTENSION = "extension"


def tags(cell):
    return cell.metadata.get("tags", [])


def notebook(name):
    return nbformat.read(ROOT / "notebooks" / name, as_version=4)


def plan_minutes(source):
    """The minutes of a time plan's table (the column headed 分钟), one number per row."""
    rows = [line.strip().strip("|").split("|") for line in source.splitlines() if line.strip().startswith("|")]
    if len(rows) < 3:
        return []
    header = [cell.strip() for cell in rows[0]]
    column = next(i for i, name in enumerate(header) if "分钟" in name)
    return [int(row[column].strip()) for row in rows[2:] if row[column].strip()]


def plans(nb):
    """(cell index, source) of every time plan."""
    return [
        (i, c.source)
        for i, c in enumerate(nb.cells)
        if c.cell_type == "markdown" and "instructor" in tags(c) and "教学安排" in c.source.splitlines()[0]
    ]


def periods(nb):
    """[(start, end)] cell ranges of the periods: from a period heading to the next (the last one to the end)."""
    starts = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and PERIOD.search(c.source)]
    return list(zip(starts, [*starts[1:], len(nb.cells)], strict=True))


def test_plan_minutes_reads_the_table():
    plan = "**第一课时（上）教学安排**\n\n| 环节 | 分钟 |\n|---|---|\n| 引例 | 5 |\n| 动手练 | 8 |\n\n合计 13 分钟"
    assert plan_minutes(plan) == [5, 8]


@pytest.mark.parametrize("name", FORMATTED)
def test_each_period_has_a_plan_that_leaves_slack(name):
    nb = notebook(name)
    found, spans = plans(nb), periods(nb)
    assert spans, f"{name}: no period heading (## 第一课时…)"
    assert len(found) == len(spans), f"{name}: {len(spans)} periods but {len(found)} time plans"
    for (plan_at, source), (start, _) in zip(found, spans, strict=True):
        assert plan_at < start, f"{name}: the plan of the period at cell {start} comes after it"
        minutes = plan_minutes(source)
        assert minutes and sum(minutes) <= MAX_MINUTES, f"{name}: a period's plan adds up to {sum(minutes)} minutes"


@pytest.mark.parametrize("name", FORMATTED)
def test_each_period_has_hands_on_exercises_with_solutions(name):
    nb = notebook(name)
    for start, end in periods(nb):
        cells = nb.cells[start:end]
        exercises = [i for i, c in enumerate(cells) if "exercise" in tags(c) and EXTENSION not in tags(c)]
        assert len(exercises) >= MIN_EXERCISES, f"{name}: the period at cell {start} has {len(exercises)} exercises"
        for i in exercises:
            assert i + 1 < len(cells) and "solution" in tags(cells[i + 1]), f"{name}: exercise without its solution"


@pytest.mark.parametrize("name", FORMATTED)
def test_the_quiz_has_enough_questions(name):
    number = int(name.split("_")[0])
    assert len(quiz.questions(number)) >= MIN_QUESTIONS


@pytest.mark.parametrize("name", FORMATTED)
def test_presentations_of_the_last_task_have_their_minutes(name):
    all_lessons = [p.name for p in lessons()]
    position = all_lessons.index(name)
    if position == 0:
        return
    before = notebook(all_lessons[position - 1])
    if not any("task" in tags(c) and "下次课汇报" in c.source for c in before.cells):
        return
    rows = [line for _, source in plans(notebook(name)) for line in source.splitlines() if "汇报" in line]
    assert rows, f"{name}: the groups present {all_lessons[position - 1]}'s task, but no plan row gives them minutes"


@pytest.mark.parametrize("name", FORMATTED)
def test_optional_sections_are_marked_and_can_be_skipped(name, tmp_path):
    from nbclient import NotebookClient

    nb = notebook(name)
    optional = [c for c in nb.cells if EXTENSION in tags(c)]
    if not optional:
        pytest.skip(f"{name} has no optional section (the lesson as a whole may be optional)")
    firsts = [c for i, c in enumerate(nb.cells) if EXTENSION in tags(c) and EXTENSION not in tags(nb.cells[i - 1])]
    assert all(c.cell_type == "markdown" and "拓展" in c.source.splitlines()[0] for c in firsts), (
        "an optional section starts with a heading that says 拓展"
    )
    nb.cells = [c for c in nb.cells if EXTENSION not in tags(c)]
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
