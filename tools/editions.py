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
  They need no network (a classroom projector PC may have none): a page with formulas
  carries MathJax inside it (MathJax 3's one-file SVG build, from the pinned
  ``django-static-mathjax`` package: formulas are drawn as SVG paths, no font files),
  and nbconvert's scripts from a CDN (require.js, widgets, mermaid) are left out: the
  pages show no live widgets and no diagrams.
"""

import argparse
import copy
import re
import sys
from functools import cache
from importlib import metadata, resources
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


# MathJax for the handouts: MathJax 3's published files, in a wheel that needs nothing else (not
# even Django, whose static-file folders it fits). tex-svg-full.js is one file holding every TeX
# package (nothing is loaded on demand) and draws formulas as SVG paths (no web fonts to fetch).
MATHJAX_DISTRIBUTION = "django-static-mathjax"
MATHJAX_PACKAGE, MATHJAX_FILE = "mathjax", "static/mathjax/es5/tex-svg-full.js"
# The delimiters JupyterLab typesets ($…$, $$…$$, \(…\), \[…\], environments), as in nbconvert's
# MathJax 2 set-up; no context menu (its accessibility options would load parts from the web).
MATHJAX_CONFIG = r"""window.MathJax = {
  tex: {
    inlineMath: [["$", "$"], ["\\(", "\\)"]],
    displayMath: [["$$", "$$"], ["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    tags: "ams",
  },
  svg: {fontCache: "global"},
  options: {enableMenu: false},
};"""
MATH = re.compile(r"\$|\\\(|\\\[|\\begin\{")  # what MathJax may typeset in a Markdown cell or output
# nbconvert's lab page, with every script it would fetch from a CDN replaced or left out.
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{{ resources.offline_mathjax }}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


@cache
def mathjax_script():
    """The ``<script>`` elements that typeset a page's formulas with the MathJax inside them."""
    version = metadata.version(MATHJAX_DISTRIBUTION)
    code = (resources.files(MATHJAX_PACKAGE) / MATHJAX_FILE).read_text(encoding="utf-8")
    # Inside <script>, "</script" ends the element, and "<!--" before "<script" changes how it is read.
    if re.search(r"</script|<!--(?:(?!-->).)*<script", code, re.IGNORECASE | re.DOTALL):
        raise ValueError(f"{MATHJAX_FILE} of {MATHJAX_DISTRIBUTION} {version} cannot be put inside a <script>")
    return (
        f"<!-- MathJax (Apache License 2.0), {MATHJAX_FILE} of the {MATHJAX_DISTRIBUTION} {version} package -->\n"
        f"<script>\n{MATHJAX_CONFIG}\n</script>\n<script>{code}</script>"
    )


def has_math(nb):
    """Does the notebook have anything MathJax would typeset (Markdown cells, Markdown or LaTeX outputs)?"""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and MATH.search(cell.source):
            return True
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/latex" in data or MATH.search(str(data.get("text/markdown", ""))):
                return True
    return False


def handout_page(nb, name):
    """The HTML handout of an executed notebook ``nb``, titled ``name``: nothing in it is fetched
    from the network (MathJax is inside the page when it has formulas)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", language_code="zh")
    exporter.raw_template = OFFLINE_TEMPLATE
    page_resources = {
        "metadata": {"name": name},
        "offline_mathjax": mathjax_script() if has_math(nb) else "",
    }
    body, _ = exporter.from_notebook_node(nb, resources=page_resources)
    return body


def html_handouts(folder=HTML, sources=None):
    """Execute each student notebook (or each of ``sources``) and save it as self-contained HTML
    in ``folder``; the pages written, in order."""
    from nbclient import NotebookClient

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
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
        target = folder / path.with_suffix(".html").name
        target.write_text(handout_page(nb, path.stem), encoding="utf-8")
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
