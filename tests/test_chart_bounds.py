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

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def overflow(fig):
    """How far (inches) the drawn content reaches beyond each edge of the figure; all ≤ 0 when it fits."""
    style.png(fig)
    box = fig.get_tightbbox(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    edges = {"left": -box.x0, "bottom": -box.y0, "right": box.x1 - width, "top": box.y1 - height}
    return {edge: round(float(inches), 3) for edge, inches in edges.items()}


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
    formatter.for_type(Figure, lambda fig: shown.append((cell, overflow(fig))) or style.png(fig))
    for cell, source in enumerate(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"):
        result = shell.run_cell(source, silent=False)
        assert result.success, f"code cell {cell}: {result.error_in_exec or result.error_before_exec}"
    beyond = [(cell, edges) for cell, edges in shown if max(edges.values()) > 0.01]
    assert shown or path.name.startswith("00"), "no chart was shown"
    assert not beyond, f"charts reaching beyond the figure (code cell, inches): {beyond}"
