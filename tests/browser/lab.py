"""JupyterLab and Chromium for the real-browser test, each with throwaway folders.

JupyterLab is the course's own (the venv's ``jupyter-lab``), serving the course folder on
127.0.0.1 with a random token; its config, data, runtime, user-settings and workspace
folders are fresh, so a developer's own JupyterLab settings play no part. Chromium is
Debian's (``/usr/bin/chromium``), driven by Playwright; Playwright never downloads a
browser here.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"

# User settings every test server starts with.
SETTINGS = {
    # no "Would you like to receive official Jupyter news?" pop-up, no update check
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    # every cell stays in the page (by default cells out of view may be skipped or detached)
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    # running a notebook makes it "changed": never write the course's notebooks back
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}


@dataclass(frozen=True)
class Lab:
    url: str  # e.g. http://127.0.0.1:40123
    token: str
    log: Path

    def notebook_url(self, path, workspace):
        """The page of the notebook ``path`` (relative to the course folder) in a new, empty
        workspace (so no notebook opened earlier is opened again)."""
        return f"{self.url}/lab/workspaces/{workspace}/tree/{path}?token={self.token}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_settings(folder, locale=None):
    """JupyterLab user settings (``*.jupyterlab-settings``) in ``folder``; ``locale`` e.g. "zh_CN"."""
    settings = dict(SETTINGS)
    if locale:
        settings["@jupyterlab/translation-extension/plugin"] = {"locale": locale}
    for name, values in settings.items():
        path = folder / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@contextmanager
def jupyterlab(folder, locale=None, disabled_extensions=()):
    """JupyterLab serving the course folder, its settings and log under ``folder``;
    stopped (with its kernels) when the block ends, whatever happened in it."""
    folder.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(folder / "config"),
        "JUPYTER_DATA_DIR": str(folder / "data"),
        "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(folder / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces"),
        "IPYTHONDIR": str(folder / "ipython"),
    }
    write_settings(folder / "settings", locale)
    if disabled_extensions:
        page_config = folder / "config" / "labconfig" / "page_config.json"
        page_config.parent.mkdir(parents=True, exist_ok=True)
        page_config.write_text(json.dumps({"disabledExtensions": dict.fromkeys(disabled_extensions, True)}))
    port, token = free_port(), secrets.token_hex(16)
    command = [
        str(Path(sys.prefix) / "bin" / "jupyter-lab"),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: run commands, read the notebook's model
        # Opening a notebook makes a checkpoint; keep it out of the course folder.
        f"--FileCheckpoints.checkpoint_dir={folder / 'checkpoints'}",
    ]
    if os.getuid() == 0:  # containers and CI run as root
        command.append("--allow-root")
    lab = Lab(f"http://127.0.0.1:{port}", token, folder / "lab.log")
    with lab.log.open("w") as log:
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        _wait_until_serving(lab, server)
        yield lab
    finally:
        _stop(server)


def _wait_until_serving(lab, server, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{lab.url}/api/status?token={lab.token}", timeout=5):
                return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{lab.log.read_text()}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterLab did not answer in {timeout} s:\n{lab.log.read_text()}") from None
            time.sleep(0.3)


def _stop(server):
    """SIGTERM to the server's process group (it shuts its kernels down), SIGKILL if it hangs."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)


def launch_chromium(playwright, folder, env=None):
    """Debian's Chromium with a fresh profile in ``folder`` (a Playwright browser context).
    ``env``: the browser's environment, e.g. with FONTCONFIG_FILE."""
    return playwright.chromium.launch_persistent_context(
        folder,
        executable_path=str(CHROMIUM),
        args=CHROMIUM_FLAGS,
        headless=True,
        env=env,
        viewport={"width": 1280, "height": 1000},
    )


def fontconfig_without_cjk(folder):
    """A fontconfig file whose only fonts are matplotlib's (DejaVu, STIX: no Chinese), for
    FONTCONFIG_FILE: Chromium then has no font for Chinese, as on a machine without
    fonts-wqy-microhei. (A config with no fonts at all makes Chromium's renderer crash.)"""
    import matplotlib

    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


# --- helpers for tests that open pages offline or need Chromium --------------------------------

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")  # addresses that never leave the machine


@dataclass
class Network:
    """What the pages of a browser context asked for: ``requests``, every request's URL (file:
    ones included), and ``blocked``, those that would have left the machine, each aborted."""

    requests: list
    blocked: list


def block_network(context):
    """Cut ``context`` off the network: every request (and WebSocket) to an address that is not
    local (:data:`LOCAL_SCHEMES`) is aborted and recorded. Call before opening pages; the
    :class:`Network` it returns fills in as the pages load."""
    network = Network(requests=[], blocked=[])

    def abort(route):
        network.blocked.append(route.request.url)
        route.abort("internetdisconnected")

    def refuse_socket(socket):
        network.blocked.append(socket.url)
        socket.close()

    context.on("request", lambda request: network.requests.append(request.url))
    context.route(lambda url: not url.startswith(LOCAL_SCHEMES), abort)
    context.route_web_socket(lambda url: not url.startswith(LOCAL_SCHEMES), refuse_socket)
    return network


def in_ci():
    """True in CI (the environment variable CI set to anything but "", 0, false or no)."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def need_chromium():
    """Skip the calling test when Debian's Chromium is missing; in CI, fail it instead."""
    import pytest

    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium chromium-driver fonts-wqy-microhei"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
