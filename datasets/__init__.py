"""The course's data files, importable as ``coursekit.datasets``.

This folder is installed as part of coursekit (see pyproject.toml), so lessons
load the data with ``coursekit.data`` (importlib.resources), never by a path.
Each table has a data card in README.md; the files are made by
tools/make_datasets.py with a fixed seed and must not be edited by hand.
"""
