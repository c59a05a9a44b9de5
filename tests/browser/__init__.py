"""Helpers of the real-browser test (tests/test_browser.py): JupyterLab and Chromium in
throwaway folders (:mod:`tests.browser.lab`), and what the test does and reads in a
notebook's page (:mod:`tests.browser.notebook`)."""
