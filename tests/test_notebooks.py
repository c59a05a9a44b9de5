"""The stored form of every lesson notebook (the policy is in tools/nbtool.py).

nbval runs the notebooks themselves; these tests keep what is stored in git
readable and honest: no stale outputs, language-neutral code, no data paths.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK_TAG = "nbval-check-output"  # nbval compares these cells' stored outputs
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def test_there_is_a_course_guide():
    assert (ROOT / "notebooks" / "00_course_guide.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_valid_and_uses_the_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "widgets" not in nb.metadata, "saved widget state goes stale: run tools/nbtool.py clean"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_checked_cells_store_outputs(path):
    for n, cell in enumerate(code_cells(path)):
        assert "NBVAL_" not in cell.source, f"code cell {n}: use the cell tag {CHECK_TAG}, not a comment students see"
        if CHECK_TAG in cell.metadata.get("tags", []):
            assert cell.outputs and cell.execution_count, f"code cell {n}: checked cell without stored output"
            for out in cell.outputs:
                assert set(out.get("data", {})) <= {"text/plain"}, f"code cell {n}: only text is compared"
        else:
            assert not cell.outputs and cell.execution_count is None, (
                f"code cell {n} stores outputs: run `python tools/nbtool.py clean {path.name}`"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_calls_setup(path):
    assert "coursekit.setup(" in code_cells(path)[0].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_language_neutral(path):
    # Labels come from coursekit, so the English edition changes prose only.
    for n, cell in enumerate(code_cells(path)):
        found = CJK.findall(cell.source)
        assert not found, f"code cell {n} contains Chinese text {''.join(found)!r}: move it to coursekit.i18n"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_use_no_file_paths(path):
    # Course data is loaded by coursekit (importlib.resources), never by a path.
    for n, cell in enumerate(code_cells(path)):
        assert not re.search(r"\.\./|/home/|[A-Z]:\\\\|\.csv['\"]", cell.source), f"code cell {n} uses a file path"


def printed_tables(source):
    """The lines of ``source`` that print a table as text: ``print(localize(...))`` or
    ``print(... .to_string())``. Printed, a table with Chinese labels does not line up (a Chinese
    character is not two spaces wide in every font); shown as a cell's result it is a rendered table.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            for arg in node.args:
                called = arg.func if isinstance(arg, ast.Call) else None
                name = getattr(called, "id", None) or getattr(called, "attr", None)
                if name in ("localize", "to_string", "to_markdown"):
                    found.append(node.lineno)
    return sorted(found)


def test_printed_tables_finds_what_it_should():
    assert printed_tables('print(localize(t))\nlocalize(t)\nprint(t.to_string())\nprint("x")') == [1, 3]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_tables_are_shown_as_tables_not_printed(path):
    for n, cell in enumerate(code_cells(path)):
        lines = printed_tables(cell.source)
        assert not lines, f"code cell {n}, line {lines}: show the table as the cell's result (or display(...))"


def test_the_guide_lists_every_notebook():
    guide = nbformat.read(ROOT / "notebooks" / "00_course_guide.ipynb", as_version=4)
    text = "\n".join(c.source for c in guide.cells if c.cell_type == "markdown")
    for path in NOTEBOOKS:
        assert path.name in text, f"the course guide does not mention {path.name}"


BARE_RESULTS = (ast.Tuple, ast.List, ast.Dict, ast.Set, ast.ListComp, ast.SetComp, ast.DictComp)


def ends_in_bare_collection(source):
    """Whether the cell's result is a bare tuple, list, dict or set (or a comprehension making one):
    ``(45000, 11001, 3000)`` shows numbers without names or units, so the prose has to decode them.
    """
    body = ast.parse(source).body
    return bool(body) and isinstance(body[-1], ast.Expr) and isinstance(body[-1].value, BARE_RESULTS)


def test_ends_in_bare_collection_finds_what_it_should():
    for bare in ("a, b", "x = 1\n[1, 2]", "{1: 2}", "{1, 2}", "[round(x) for x in xs]", "(a, b)"):
        assert ends_in_bare_collection(bare), bare
    for fine in ("f(a, b)", "a, b = 1, 2", "[1, 2]\nf(x)", "results((1.0, 'value.clv'))", "x", ""):
        assert not ends_in_bare_collection(fine), fine


NUMBER_MAKERS = {"round", "float", "int", "abs", "len", "sum", "min", "max"}


def ends_in_bare_number(source):
    """Whether the cell's result is plainly a bare number: a numeric constant, arithmetic, or a call of
    ``round``/``float``/``int``/``len``/... (``round(guide.survivors_after(0.8), 1)`` shows 32.8 of what?)."""

    def numeric(node):
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
        if isinstance(node, ast.UnaryOp):
            return numeric(node.operand)
        if isinstance(node, ast.BinOp):
            return True
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NUMBER_MAKERS

    body = ast.parse(source).body
    return bool(body) and isinstance(body[-1], ast.Expr) and numeric(body[-1].value)


def test_ends_in_bare_collection_and_number_find_what_they_should():
    for bare in ("round(x, 1)", "3", "-2.5", "a / b", "x = 1\nlen(xs)", "float(s.sum())"):
        assert ends_in_bare_number(bare), bare
    for fine in ("result(round(x, 1), 'guide.survivors_result')", "x", "f(x)", "True", "x = a / b", ""):
        assert not ends_in_bare_number(fine), fine


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_result_is_a_bare_tuple_list_dict_or_number(path):
    cells = code_cells(path)
    bare = [n for n, cell in enumerate(cells) if ends_in_bare_collection(cell.source)]
    assert not bare, (
        f"code cells {bare} end in a bare tuple/list/dict: show each number with its name and unit "
        "(coursekit.display.result / results) or as a table (localize)"
    )
    numbers = [n for n, cell in enumerate(cells) if ends_in_bare_number(cell.source)]
    assert not numbers, (
        f"code cells {numbers} end in a bare number: show it with its name and unit (coursekit.display.result)"
    )
