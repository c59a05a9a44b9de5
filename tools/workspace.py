"""Your own working copy of the course: what `make lab` and `make lab-teacher` open.

    python tools/workspace.py student   # work/student/ ← student/notebooks/ (what `make lab` opens)
    python tools/workspace.py teacher   # work/teacher/ ← notebooks/ (the instructor edition, answers included)

JupyterLab saves every notebook it has open (autosave, every two minutes): it writes the
outputs and the kernel's details into the file. Opened in place, the lessons in notebooks/ and
student/notebooks/ would change, the tests that check their stored form would fail and a
`git pull` of a course update would conflict. So people work in a copy under work/ (not
tracked by git): students in the student edition, which has no answer keys; instructors ask
for theirs explicitly.

A course update never overwrites your work. The copy is brought up to date with the rules
of the class hub (hub/coursehub/sync.py): a new lesson is added; a lesson you have not
changed is updated; a lesson you changed is kept as it is, and the course's new version goes
beside it as ``<name>.新版.ipynb``; a lesson you deleted comes back fresh (that is how you start
a lesson again). Nothing in work/ is ever deleted.
"""

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = {"student": ROOT / "student" / "notebooks", "teacher": ROOT / "notebooks"}
WORK = ROOT / "work"

sys.path.insert(0, str(ROOT / "hub"))
from coursehub.sync import sync  # noqa: E402  (the hub's rules, without the hub)

SAID = {
    "added": "新课 added",
    "restored": "重新取回 restored (you had deleted it)",
    "updated": "已更新 updated",
    "kept": "保留你的修改 kept (you changed it)",
    "kept, new version beside": "保留你的修改，新版放在旁边 kept; the course's new version is beside it",
}


def workspace(edition, work=WORK):
    """Bring ``work/<edition>`` up to date with the edition; returns (folder, {file: what happened})."""
    folder = Path(work) / edition
    return folder, sync(EDITIONS[edition], folder)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", choices=sorted(EDITIONS))
    parser.add_argument("--work", default=str(WORK), help="where the working copies are (default: work/)")
    args = parser.parse_args(argv)
    folder, report = workspace(args.edition, args.work)
    for name, what in sorted(report.items()):
        if what != "same":
            print(f"{folder.name}/{name}: {SAID.get(what, what)}")
    print(f"你的笔记本 · your notebooks: {folder}")


if __name__ == "__main__":
    main()
