"""The notebook harness itself: a broken notebook must fail the test run.

Each case writes a tiny notebook to a temporary folder and runs pytest on it
with the project's own configuration, as `make test` does.
"""

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]


def run_notebook_test(tmp_path, *cells):
    path = tmp_path / "case.ipynb"
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(ROOT), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def checked_cell(source, stored_text):
    cell = new_code_cell(source, execution_count=1, metadata={"tags": ["nbval-check-output"]})
    cell.outputs = [new_output("execute_result", data={"text/plain": stored_text}, execution_count=1)]
    return cell


pytestmark = pytest.mark.slow


def test_a_working_notebook_passes(tmp_path):
    done = run_notebook_test(tmp_path, new_code_cell("x = 6 * 7"), checked_cell("x", "42"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


def test_an_exception_in_a_cell_fails_the_run(tmp_path):
    done = run_notebook_test(tmp_path, new_code_cell("x = 1"), new_code_cell("1 / 0"))
    assert done.returncode == 1
    assert "ZeroDivisionError" in done.stdout
    assert "1 failed" in done.stdout


def test_a_changed_worked_example_number_fails_the_run(tmp_path):
    done = run_notebook_test(tmp_path, checked_cell("6 * 7", "41"))
    assert done.returncode == 1
    assert "Cell outputs differ" in done.stdout


def test_a_warning_in_a_cell_fails_the_run(tmp_path):
    # What matplotlib prints when Chinese text would be drawn as boxes.
    warn = (
        "import warnings\n"
        "warnings.warn('Glyph 23458 (\\\\N{CJK UNIFIED IDEOGRAPH-5BA2}) missing from font(s) DejaVu Sans.')"
    )
    done = run_notebook_test(tmp_path, new_code_cell(warn))
    assert done.returncode == 1
    assert "missing from font" in done.stdout
