"""Every test (doctests included) starts from the same state: the language is
Chinese and pandas shows tables with its own defaults, whatever an earlier test's
``coursekit.setup()`` changed."""

import tempfile

import pandas as pd
import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from coursekit import i18n

# The real-browser tests' shared fixtures (playwright, chromium, lab): tests/browser/fixtures.py.
pytest_plugins = ["tests.browser.fixtures"]

# Property tests keep no example database, and hypothesis its caches, in the course folder.
settings.register_profile("course", database=None)
settings.load_profile("course")
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="hypothesis-"))


@pytest.fixture(autouse=True)
def course_defaults():
    i18n.set_language("zh")
    pd.reset_option("display")
    yield
