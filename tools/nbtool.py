"""Keep lesson notebooks in their stored form (see CONTRIBUTING in the README).

Stored-outputs policy: a notebook in git carries no outputs, except the cells
tagged ``nbval-check-output`` (cell metadata). Those hold the worked-example
numbers that nbval compares on every test run, so they must be plain text and
current. Charts, widgets and everything else are produced when the notebook runs.

    python tools/nbtool.py clean notebooks/*.ipynb    # strip outputs (keep checked cells)
    python tools/nbtool.py refresh notebooks/*.ipynb  # run, store checked cells' outputs
"""

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK_TAG = "nbval-check-output"
TEXT_MIMES = {"text/plain"}
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def is_checked(cell):
    return cell.cell_type == "code" and CHECK_TAG in cell.metadata.get("tags", [])


def clean(nb):
    """Strip outputs, execution counts and widget state, except in checked cells."""
    for cell in nb.cells:
        if cell.cell_type == "code" and not is_checked(cell):
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def refresh(nb, path):
    """Run the notebook in a fresh kernel; keep text outputs of checked cells only."""
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        if is_checked(cell):
            for out in cell.outputs:
                if "data" in out:
                    out["data"] = {k: v for k, v in out["data"].items() if k in TEXT_MIMES}
    return clean(nb)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["clean", "refresh"])
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        nb = refresh(nb, path) if args.command == "refresh" else clean(nb)
        nbformat.write(nb, path)
        print(f"{args.command}: {path}")


if __name__ == "__main__":
    sys.exit(main())
