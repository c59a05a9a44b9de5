"""Every chart a lesson shows lies inside its picture.

Lessons show charts drawn once at the figure's own size (``coursekit.style.png``), not
cropped to a tight bounding box, so the constrained layout must keep every title, label
and legend inside the figure. This runs each lesson's code in an in-process IPython
shell whose picture formatter measures each figure it is asked to show.
"""

from pathlib import Path

import nbformat
import pytest
from IPython.core.interactiveshell import InteractiveShell
from matplotlib.figure import Figure

from coursekit import style
from tests.figures import beyond_the_figure

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def shown_beyond(fig):
    """Draw ``fig`` as a lesson shows it; what then reaches beyond its edges (``{}`` when it fits)."""
    style.png(fig)
    return beyond_the_figure(fig)


@pytest.fixture
def shell(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # a lesson writes nothing; if it did, not into the course folder
    shell = InteractiveShell.instance()
    yield shell
    InteractiveShell.clear_instance()


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_chart_of_the_lesson_fits_in_its_figure(path, shell):
    shown = []
    formatter = shell.display_formatter.formatters["image/png"]
    formatter.for_type(Figure, lambda fig: shown.append((cell, shown_beyond(fig))) or style.png(fig))
    for cell, source in enumerate(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"):
        result = shell.run_cell(source, silent=False)
        assert result.success, f"code cell {cell}: {result.error_in_exec or result.error_before_exec}"
    beyond = [(cell, edges) for cell, edges in shown if edges]
    assert shown or path.name.startswith("00"), "no chart was shown"
    assert not beyond, f"charts reaching beyond the figure (code cell, inches): {beyond}"
