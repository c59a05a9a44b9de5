"""pytest plugin (loaded by pyproject's addopts): stricter notebook runs.

nbval fails a cell that raises. This also fails a cell that writes anything to
stderr: a warning such as matplotlib's "Glyph ... missing from font(s)" (Chinese
drawn as boxes), a deprecation notice, or a logged error. Lessons run clean.

A checked cell (tag ``nbval-check-output``) stores its result as text only
(tools/nbtool.py): a table shown as a cell's result is compared by its text, which
holds the same numbers as the HTML table JupyterLab draws from it; the HTML is not
compared (nbval would otherwise fail on an output field the stored cell lacks).
"""

import pytest
from nbval.plugin import IPyNbCell


class NotebookStderrError(AssertionError):
    """A notebook cell wrote to stderr."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    if isinstance(item, IPyNbCell) and "text/html" not in item.parent.skip_compare:
        item.parent.skip_compare = (*item.parent.skip_compare, "text/html")
    result = yield
    if isinstance(item, IPyNbCell):
        for out in item.test_outputs or []:
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                raise NotebookStderrError(
                    f"cell {item.cell_num} wrote to stderr (a warning or an error message):\n{out['text']}"
                )
    return result
