"""`make lab` (the README's first command) starts JupyterLab on the course guide.

Run headless here: the server must answer, serve the guide notebook and load
the widgets' front-end extension.
"""

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.geturl(), response.read().decode("utf-8")


def test_make_lab_serves_the_course_guide(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    args = f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={token}"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),
    }
    log = tmp_path / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"ARGS={args}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # includes the pip check of `make lab`
        while True:
            try:
                status, _, _ = get(f"{base}/api/status?token={token}")
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        assert status == 200
        status, url, page = get(f"{base}/?token={token}")
        assert status == 200 and url.split("?")[0].endswith("/lab/tree/notebooks/00_course_guide.ipynb")
        assert "@jupyter-widgets/jupyterlab-manager" in page, "the widgets' front end is not loaded"
        # The file browser starts at the course folder, so students can open coursekit's code too.
        status, _, body = get(f"{base}/api/contents/notebooks/00_course_guide.ipynb?token={token}&content=0")
        assert status == 200 and '"type": "notebook"' in body.replace('":"', '": "')
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
