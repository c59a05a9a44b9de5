"""Build the lessons' other editions from the instructor edition in notebooks/.

    python tools/editions.py student     # student/notebooks/: checked in, kept in sync by a test
    python tools/editions.py presenter   # build/presenter/: large charts, code folded (for Voilà or JupyterLab)
    python tools/editions.py html        # build/html/: static handouts of the student edition

- The **student edition** drops the cells tagged ``instructor`` (teaching plans,
  discussion answer keys) and ``solution`` (the worked solution that follows each
  ``exercise`` cell), and all stored outputs: students run every cell themselves,
  the exercises check what they write, and the self-check questions give hints
  before answers.
- The **presenter edition** starts with ``coursekit.setup(presentation=True)``
  (large fonts, thick lines), folds every code cell (cell metadata
  ``jupyter.source_hidden``) and, like the student edition, leaves out the
  instructor cells (the answer keys stay in the presenter guides, off the
  projector); the screen shows prose, charts and live sliders, and a click on a
  fold shows the code when the class asks for it.
- The **handouts** are the student edition executed and saved as self-contained
  HTML: charts are embedded pictures and each simulator shows its default figure.
"""

import argparse
import copy
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "notebooks"
STUDENT = ROOT / "student" / "notebooks"
PRESENTER = ROOT / "build" / "presenter"
HTML = ROOT / "build" / "html"
INSTRUCTOR_TAG = "instructor"
SOLUTION_TAG = "solution"  # a worked solution of the exercise cell (tag "exercise") above it
HIDDEN_TAGS = {INSTRUCTOR_TAG, SOLUTION_TAG}  # cells only the instructor edition holds
SETUP_CALL = "coursekit.setup()"


def lessons(folder=SOURCE):
    return sorted(folder.glob("*.ipynb"))


def student_edition(nb):
    """The notebook without instructor-only cells (plans, answer keys, solutions) and outputs."""
    nb = copy.deepcopy(nb)
    nb.cells = [cell for cell in nb.cells if not HIDDEN_TAGS & set(cell.metadata.get("tags", []))]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            tags = [t for t in cell.metadata.get("tags", []) if t != "nbval-check-output"]
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
    return nb


def presenter_edition(nb):
    """The student edition in presentation mode, with every code cell folded."""
    nb = student_edition(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if SETUP_CALL not in code[0].source:
        raise ValueError(f"the first code cell does not call {SETUP_CALL}")
    code[0].source = code[0].source.replace(SETUP_CALL, "coursekit.setup(presentation=True)")
    for cell in code:
        cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    return nb


def write_edition(make, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for path in lessons():
        nbformat.write(make(nbformat.read(path, as_version=4)), folder / path.name)
        print(f"{folder.relative_to(ROOT)}/{path.name}")


def html_handouts(folder=HTML, sources=None):
    """Execute each student notebook and save it as self-contained HTML."""
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    folder.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    written = []
    for path in sources or lessons(STUDENT):
        nb = nbformat.read(path, as_version=4)
        # No widget state is stored, so each simulator falls back to its default picture.
        NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            store_widget_state=False,
            resources={"metadata": {"path": str(SOURCE)}},
        ).execute()
        body, _ = exporter.from_notebook_node(nb)
        target = folder / path.with_suffix(".html").name
        target.write_text(body, encoding="utf-8")
        written.append(target)
        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("edition", choices=["student", "presenter", "html"])
    args = parser.parse_args(argv)
    if args.edition == "student":
        write_edition(student_edition, STUDENT)
    elif args.edition == "presenter":
        write_edition(presenter_edition, PRESENTER)
    else:
        html_handouts()


if __name__ == "__main__":
    sys.exit(main())
