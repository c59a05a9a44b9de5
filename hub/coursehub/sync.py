"""The course arrives in a student's folder, and the student's work is never overwritten.

``sync(source, dest)`` copies the course edition ``source`` (e.g. ``student/notebooks/``) into
``dest`` (e.g. ``~/客户管理``). A manifest in ``dest`` (``.kehu-course.json``) records the
SHA-256 of every file as it was last delivered. For each file of the course:

=========================================  ==============================================
the student's copy                          what happens
=========================================  ==============================================
missing, never delivered (a new lesson)     copied ("added")
missing, delivered before (student deleted  copied again ("restored"): deleting a lesson is
it)                                         how a student starts it afresh
equal to the course's file                  nothing ("same")
unchanged since delivery, course changed    replaced by the course's new version ("updated")
changed by the student (or not delivered    kept as it is ("kept"); when the course's version
by us, or a link)                           differs from what was delivered, the new version
                                            goes beside it as ``<name>.新版<ext>``, under the
                                            same rules ("beside")
=========================================  ==============================================

Files the course no longer has are left alone: nothing in ``dest`` is ever deleted, and
no file the student changed is ever written. These are nbgitpuller's merge rules without
git (its "Automatic Merging Behavior": local changes win, deleted files come back), so the
course folder need not be a git repository and the student's folder holds no ``.git``.

The hub runs this as the student's own system user (``python -m coursehub.sync SRC DEST``),
so it can write nothing the student could not. Writes are atomic (a temporary file in the
same folder, then rename). Hidden files and ``.ipynb_checkpoints`` are not copied.
"""

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

MANIFEST = ".kehu-course.json"
BESIDE = ".新版"


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def course_files(source):
    """The course's files, relative paths in sorted order (hidden parts skipped)."""
    source = Path(source)
    found = []
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found.append(rel)
    return sorted(found)


def _copy(src, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".sync-")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def beside_name(rel):
    """Where a course update goes when the student changed the file.

    >>> str(beside_name(Path("01_customers.ipynb")))
    '01_customers.新版.ipynb'
    """
    return rel.with_name(rel.stem + BESIDE + rel.suffix)


def _deliver(src, rel, dest, manifest, new, report, beside=True):
    target = dest / rel
    key = rel.as_posix()
    delivered = manifest.get(key)
    in_the_way = target.is_symlink() or (target.exists() and not target.is_file())
    if not in_the_way and not target.exists():
        _copy(src, target)
        manifest[key] = new
        report[key] = "restored" if delivered else "added"
        return
    current = None if in_the_way else digest(target)
    if current == new:
        manifest[key] = new
        report[key] = "same"
    elif delivered is not None and current == delivered:
        _copy(src, target)
        manifest[key] = new
        report[key] = "updated"
    else:
        report[key] = "kept"
        if beside and delivered != new:
            _deliver(src, beside_name(rel), dest, manifest, new, report, beside=False)
            report[key] = "kept, new version beside"


def sync(source, dest):
    """Bring ``dest`` up to date with the course in ``source``; returns {file: what happened}."""
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise FileNotFoundError(f"the course edition {source} is missing (run make student)")
    dest.mkdir(mode=0o755, parents=True, exist_ok=True)
    manifest_path = dest / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))["delivered"]
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        manifest = {}
    report = {}
    for rel in course_files(source):
        _deliver(source / rel, rel, dest, manifest, digest(source / rel), report)
    fd, tmp = tempfile.mkstemp(dir=dest, prefix=".sync-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"delivered": manifest}, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, manifest_path)
    return report


LOCALE_SETTINGS = Path(".jupyter/lab/user-settings/@jupyterlab/translation-extension/plugin.jupyterlab-settings")


def chinese_interface(home):
    """JupyterLab's menus in Chinese for a student who has not chosen a language (a student's own
    choice in Settings → Language is this file, and is never overwritten). True if written."""
    path = Path(home) / LOCALE_SETTINGS
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"locale": "zh_CN"}) + "\n", encoding="utf-8")
    return True


def main(argv=None):
    source, dest = (argv or sys.argv[1:])[:2]
    report = sync(source, dest)
    if chinese_interface(Path.home()):
        report[str(LOCALE_SETTINGS)] = "added"
    print(json.dumps(report, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
