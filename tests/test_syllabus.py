"""Coverage: every row of the syllabus (docs/syllabus.md) is taught in its lesson.

A cell teaches row 2.7 when it carries the tag ``map-2.7``. The syllabus is the
project's own list; nothing here reads the course's source material.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SYLLABUS = ROOT / "docs" / "syllabus.md"


def syllabus_rows():
    """{row id: lesson notebook file} from the syllabus tables."""
    rows, notebook = {}, None
    for line in SYLLABUS.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"## .*（(\w+\.ipynb)）", line)
        if heading:
            notebook = heading[1]
        row = re.match(r"\| (\d+\.\d+) \|", line)
        if row:
            rows[row[1]] = notebook
    return rows


def tags_of(notebook):
    nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
    return {tag for cell in nb.cells for tag in cell.metadata.get("tags", [])}


ROWS = syllabus_rows()


def test_syllabus_has_all_52_rows_in_five_lessons():
    assert len(ROWS) == 52
    assert sorted(set(ROWS.values())) == [
        "01_customers.ipynb",
        "02_customer_value.ipynb",
        "03_retention.ipynb",
        "04_complaints.ipynb",
        "05_lifetime_value.ipynb",
    ]


@pytest.mark.parametrize("row", sorted(ROWS, key=lambda r: tuple(map(int, r.split(".")))))
def test_every_row_has_a_tagged_cell_in_its_lesson(row):
    notebook = ROWS[row]
    assert (ROOT / "notebooks" / notebook).exists(), f"{notebook} (lesson of row {row}) does not exist"
    assert f"map-{row}" in tags_of(notebook), f"no cell of {notebook} is tagged map-{row}"


def test_no_tag_names_a_row_that_is_not_in_the_syllabus():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        unknown = {t for t in tags_of(path.name) if t.startswith("map-") and t[4:] not in ROWS}
        assert not unknown, f"{path.name}: {sorted(unknown)}"


def expand(ids):
    """"1.1–1.3、1.5" → ["1.1", "1.2", "1.3", "1.5"] (a range stays inside one lesson)."""
    found = []
    for part in ids.split("、"):
        first, _, last = part.strip().partition("–")
        lesson, low = first.split(".")
        high = last.split(".")[1] if last else low
        found += [f"{lesson}.{n}" for n in range(int(low), int(high) + 1)]
    return found


def period_rows(notebook):
    """[rows taught in period 1, rows taught in period 2]: the map- tags of each period's core (not 拓展) cells."""
    from tests.test_lesson_format import EXTENSION, periods

    nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
    return [
        {t.removeprefix("map-") for c in nb.cells[start:end] if EXTENSION not in c.metadata.get("tags", [])
         for t in c.metadata.get("tags", []) if t.startswith("map-")}
        for start, end in periods(nb)
    ]


def test_expand_reads_ranges():
    assert expand("1.1–1.3、1.7") == ["1.1", "1.2", "1.3", "1.7"]


@pytest.mark.parametrize("notebook", sorted(set(ROWS.values())))
def test_the_syllabus_says_which_period_teaches_each_row(notebook):
    text = SYLLABUS.read_text(encoding="utf-8")
    section = text[text.index(f"（{notebook}）"):]
    said = re.search(r"上：(.+?)；下：(.+?)。", section.split("\n## ")[0])
    assert said, f"{notebook}: the syllabus does not say what each period (上、下) teaches"
    assert [set(expand(said[1])), set(expand(said[2]))] == period_rows(notebook)
