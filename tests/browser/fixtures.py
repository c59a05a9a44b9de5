"""The real-browser tests' shared pytest fixtures, one of each per test module (loaded for every
test by ``pytest_plugins`` in the top conftest.py; a module may define its own instead):

- ``playwright``: Playwright driving Debian's Chromium; skipped where Chromium is missing (failed in CI);
- ``chromium``: a Chromium context with a fresh profile;
- ``lab``: the course's JupyterLab serving the course folder, with throwaway settings.
"""

import pytest

from tests.browser.lab import jupyterlab, launch_chromium, need_chromium


@pytest.fixture(scope="module")
def playwright():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def chromium(playwright, tmp_path_factory):
    context = launch_chromium(playwright, tmp_path_factory.mktemp("chromium-profile"))
    yield context
    context.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("lab")) as server:
        yield server
