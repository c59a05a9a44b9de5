"""Teaching modes, for every lesson: the student edition is in sync and holds no
answer keys; the presenter edition runs with large charts and folded code; the
static HTML handouts embed every picture; Voilà renders each lesson without code."""

import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402  (a maintenance script, imported to test what it builds)

LESSONS = editions.lessons()
IDS = [p.stem for p in LESSONS]


def test_every_lesson_has_a_student_edition():
    assert [p.name for p in editions.lessons(editions.STUDENT)] == [p.name for p in LESSONS]


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_student_edition_is_in_sync_with_the_lesson(path):
    expected = editions.student_edition(nbformat.read(path, as_version=4))
    stored = nbformat.read(editions.STUDENT / path.name, as_version=4)
    assert stored == expected, f"student/notebooks/{path.name} is stale: run `make student`"


@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_student_edition_has_no_answer_keys_and_no_outputs(path):
    nb = nbformat.read(editions.STUDENT / path.name, as_version=4)
    assert not any(editions.HIDDEN_TAGS & set(c.metadata.get("tags", [])) for c in nb.cells)
    assert not any(c.outputs for c in nb.cells if c.cell_type == "code")
    original = nbformat.read(path, as_version=4)
    # only the instructor cells and the worked solutions (tag "solution") are left out
    hidden = sum(bool(editions.HIDDEN_TAGS & set(c.metadata.get("tags", []))) for c in original.cells)
    kept = len(original.cells) - hidden
    assert len(nb.cells) == kept  # nothing else was dropped


def png_width(b64):
    import base64

    return struct.unpack(">I", base64.b64decode(b64)[16:20])[0]


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_presenter_edition_runs_with_large_charts_and_folded_code(path):
    nb = editions.presenter_edition(nbformat.read(path, as_version=4))
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.metadata["jupyter"]["source_hidden"] for c in code)
    assert not any("instructor" in c.metadata.get("tags", []) for c in nb.cells)  # no answer keys on the projector
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]
    widths = [png_width(o.data["image/png"]) for o in outputs if "image/png" in o.get("data", {})]
    assert widths, "no chart or simulator picture"
    assert min(widths) >= 800, f"presentation charts should be large, got widths {widths}"


@pytest.mark.slow
def test_html_handouts_embed_every_picture_for_every_lesson(tmp_path):
    written = editions.html_handouts(tmp_path, editions.lessons(editions.STUDENT))
    assert [p.stem for p in written] == IDS
    for page in written:
        html = page.read_text(encoding="utf-8")
        assert "客户" in html
        assert "data:image/png;base64," in html, page.name
        for bad in ("Traceback", "VBox("):
            at = html.find(bad)
            assert at < 0, f"{page.name}: {html[max(0, at - 400) : at + 400]}"
        assert "application/vnd.jupyter.widget-view+json" not in html  # no widget needing a kernel


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def voila_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("presenter")
    for path in LESSONS:
        nbformat.write(editions.presenter_edition(nbformat.read(path, as_version=4)), folder / path.name)
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / "runtime"), "JUPYTER_DATA_DIR": str(folder / "data")}
    log = (folder / "voila.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "voila", str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base, timeout=5)
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, (folder / "voila.log").read_text()
            time.sleep(0.3)
    yield base
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)
    log.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS, ids=IDS)
def test_voila_renders_the_lesson_without_code(voila_server, path):
    with urllib.request.urlopen(f"{voila_server}/voila/render/{path.name}", timeout=300) as response:
        html = response.read().decode("utf-8")
    outputs = [
        json.loads(block)
        for block in re.findall(r'<script type="application/vnd.voila.cell-output\+json">(.*?)</script>', html, re.S)
    ]
    assert outputs, "Voilà rendered no outputs"
    assert not [o for o in outputs if o["output_type"] == "error" or o.get("name") == "stderr"]
    assert any(
        "image/png" in o.get("data", {}) or "application/vnd.jupyter.widget-view+json" in o.get("data", {})
        for o in outputs
    )
    first_code = next(c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code").source
    assert first_code.splitlines()[0] not in html  # the code is not shown
