"""`make lab` (the README's first command) opens the student edition, in the user's own copy.

- `make lab` serves work/student/ (a copy of student/notebooks/, made by tools/workspace.py) and
  opens its guide; `make lab-teacher` does the same with the instructor edition in work/teacher/.
- A lecturer's ordinary session, autosave included, writes only into that copy: the tracked
  lessons (notebooks/, student/notebooks/) stay byte for byte what they were, so `make test` and
  `git pull` are unaffected. Checked in a real browser: the guide is run, JupyterLab's autosave
  (every 2 s here, 120 s by default) writes the outputs into the copy, and nothing tracked changed.
- work/ is not tracked, linted or tested.

The servers run headless on 127.0.0.1, with throwaway Jupyter folders and a work/ in a temporary
folder (WORK=...), so a developer's own copy is never touched.
"""

import hashlib
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import tomllib
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

from tests.browser.lab import Lab, free_port, launch_chromium, need_chromium

ROOT = Path(__file__).resolve().parents[1]
GUIDE = "00_course_guide.ipynb"
TRACKED = [ROOT / "notebooks", ROOT / "student" / "notebooks"]
pytestmark = pytest.mark.slow


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.geturl(), response.read().decode("utf-8")


def fingerprint(folders):
    """Every file under ``folders``, by path, with its SHA-256."""
    return {
        str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def saved_with_outputs(path):
    """Does the notebook file at ``path`` hold outputs of a run (read as it is now on disk)?"""
    try:
        saved = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    except Exception:  # caught mid-write: not yet
        return False
    return any(cell.get("outputs") for cell in saved.cells if cell.cell_type == "code")


@contextmanager
def make_lab(tmp_path, target="lab", settings=None, extra_args=""):
    """``make <target>`` serving on a free loopback port with its work/ in ``tmp_path``;
    yields (Lab, the work folder); stopped (with its kernels) at the end."""
    port, token = free_port(), secrets.token_hex(16)
    args = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token} {extra_args}"
    work = tmp_path / "work"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    for name, values in (settings or {}).items():
        path = tmp_path / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    log = tmp_path / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            ["make", "--no-print-directory", target, f"WORK={work}", f"ARGS={args}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    lab = Lab(f"http://127.0.0.1:{port}", token, log)
    try:
        deadline = time.monotonic() + 180  # includes the pip check of `make lab`
        while True:
            try:
                get(f"{lab.url}/api/status?token={token}")
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        yield lab, work
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)


def test_make_lab_opens_the_student_edition_in_the_users_copy(tmp_path):
    with make_lab(tmp_path) as (lab, work):
        status, url, page = get(f"{lab.url}/?token={lab.token}")
        assert status == 200 and url.split("?")[0].endswith(f"/lab/tree/{GUIDE}")
        assert "@jupyter-widgets/jupyterlab-manager" in page, "the widgets' front end is not loaded"
        # What is served is the copy in work/student, and it is the student edition.
        status, _, body = get(f"{lab.url}/api/contents/{GUIDE}?token={lab.token}&content=0")
        assert status == 200 and '"type": "notebook"' in body.replace('":"', '": "')
        for lesson in (ROOT / "student" / "notebooks").glob("*.ipynb"):
            assert (work / "student" / lesson.name).read_bytes() == lesson.read_bytes()
        assert not (work / "teacher").exists()


def test_make_lab_teacher_opens_the_instructor_edition(tmp_path):
    with make_lab(tmp_path, target="lab-teacher") as (lab, work):
        status, url, _ = get(f"{lab.url}/?token={lab.token}")
        assert status == 200 and url.split("?")[0].endswith(f"/lab/tree/{GUIDE}")
        for lesson in (ROOT / "notebooks").glob("*.ipynb"):
            assert (work / "teacher" / lesson.name).read_bytes() == lesson.read_bytes()


def test_a_course_update_never_overwrites_a_students_work(tmp_path):
    """tools/workspace.py run again (the next `make lab`, after a `git pull`): a lesson the student
    changed is kept; one they deleted comes back."""
    tool = [sys.executable, str(ROOT / "tools" / "workspace.py"), "student", "--work", str(tmp_path)]
    subprocess.run(tool, check=True, capture_output=True)
    mine, gone = tmp_path / "student" / "01_customers.ipynb", tmp_path / "student" / "02_customer_value.ipynb"
    mine.write_text(mine.read_text(encoding="utf-8").replace("客户", "顾客"), encoding="utf-8")
    changed = mine.read_bytes()
    gone.unlink()
    said = subprocess.run(tool, check=True, capture_output=True, text=True).stdout
    assert mine.read_bytes() == changed and "01_customers.ipynb: 保留你的修改" in said
    assert gone.read_bytes() == (ROOT / "student" / "notebooks" / gone.name).read_bytes()


def test_peoples_copies_are_not_tracked_linted_or_tested():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "work" in config["tool"]["ruff"]["extend-exclude"]  # a student's half-written code is theirs
    assert not any(p.split("/")[0] == "work" for p in config["tool"]["pytest"]["ini_options"]["testpaths"])
    assert "work/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "work" not in subprocess.run(  # `make clean` must never delete anybody's work
        ["make", "-n", "clean"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()


# --- a lecturer's ordinary session, autosave included, in a real browser ------------------------------


@pytest.fixture
def chromium(tmp_path):
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        context = launch_chromium(driver, tmp_path / "chromium-profile")
        yield context
        context.close()


@pytest.mark.browser
def test_a_session_with_autosave_leaves_the_tracked_lessons_alone(tmp_path, chromium):
    from tests.browser import notebook as nb

    before = fingerprint(TRACKED)
    autosave = {"@jupyterlab/docmanager-extension/plugin": {"autosave": True, "autosaveInterval": 2}}
    quiet = {"@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False}}
    with make_lab(tmp_path, settings=autosave | quiet, extra_args="--LabApp.expose_app_in_browser=True") as (
        lab,
        work,
    ):
        copy = work / "student" / GUIDE
        delivered = copy.read_bytes()
        page = nb.open_notebook(chromium, lab, GUIDE, "autosave")
        try:
            nb.run_all(page, GUIDE)
            assert nb.problems(page, GUIDE) == []
            # Autosave may write more than once (the first save can come before the run's outputs): wait
            # until the copy on disk holds the outputs of the run.
            deadline = time.monotonic() + 60
            while not saved_with_outputs(copy):
                assert time.monotonic() < deadline, "JupyterLab's autosave did not save the run within 60 s"
                time.sleep(0.5)
            assert copy.read_bytes() != delivered
        finally:
            nb.shut_down(page, GUIDE)
            page.close()
    assert fingerprint(TRACKED) == before, "the session changed a tracked lesson"
