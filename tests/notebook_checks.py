"""pytest plugin (loaded by pyproject's addopts): stricter notebook runs.

nbval fails a cell that raises. This also fails a cell that writes anything to
stderr: a warning such as matplotlib's "Glyph ... missing from font(s)" (Chinese
drawn as boxes), a deprecation notice, or a logged error. Lessons run clean.
"""

import pytest
from nbval.plugin import IPyNbCell


class NotebookStderrError(AssertionError):
    """A notebook cell wrote to stderr."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    if isinstance(item, IPyNbCell):
        for out in item.test_outputs or []:
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                raise NotebookStderrError(
                    f"cell {item.cell_num} wrote to stderr (a warning or an error message):\n{out['text']}"
                )
    return result
