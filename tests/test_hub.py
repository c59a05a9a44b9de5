"""The class hub (hub/): roster, passwords, course sync, and the hub itself with two students.

The unit tests (roster files as a 教务系统 or Excel writes them, the password store, the
course sync's rules) run everywhere. The hub test (marker ``hub``; ``pytest -m hub``) starts
the real JupyterHub from hub/jupyterhub_config.py on 127.0.0.1 with a two-student roster and
checks, through the hub's public URL as a browser would (tests/hub/student.py): the right
password logs in and a wrong one is refused, a first login sets the password, repeated
failures lock a login name; each student's server starts as the student's own system user
with the student edition; student A's kernel can neither read nor change B's files, and A
cannot open B's server; A's edit survives a course update and a hub restart, while the
lesson A did not edit is updated and a new lesson arrives. It removes the system users and
folders it made (users ``khtest-*``).

It needs root (useradd, servers run as the students), the course's .venv with the hub extra
(`make test` installs it), the proxy from npm (hub/node_modules; `make test` runs npm ci where
npm is installed) and, when the course's Python sits where other users may not pass (a pyenv
under /root, as on CI), setfacl (apt: acl) to let the test students' group through for the
test's duration (tests/hub/system.py). Outside CI it is skipped, saying which is missing; in
CI (CI=true) it fails.
"""

import asyncio
import csv
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hub"))

from coursehub import passwords, roster, sync  # noqa: E402
from coursehub.spawner import ensure_group  # noqa: E402

from tests.hub import system  # noqa: E402
from tests.hub.student import LoginRefused, Student  # noqa: E402

VENV = ROOT / ".venv"
PROXY = ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
EDITION = ROOT / "student" / "notebooks"
PREFIX, GROUP = "khtest-", "khtest-students"
A, B, TEACHER = "t2024001", "t2024002", "teacher"
FOLDER = "客户管理"


# --- roster ------------------------------------------------------------------------------------

ROSTER = (
    "学号,姓名,班级\r\n2023010101,张三,市场营销2301\r\n"
    "２０２３０１０１０２ ,李四,市场营销2301\r\n\r\nS2023-03,王五,工商管理2302\r\n"  # full-width digits, a blank line
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_roster_reads_every_encoding_excel_writes(tmp_path, encoding):
    path = tmp_path / "roster.csv"
    path.write_bytes(ROSTER.encode(encoding))
    students = roster.read(path)
    assert [s.username for s in students] == ["2023010101", "2023010102", "s2023-03"]
    assert students[1] == roster.Student("2023010102", "李四", "市场营销2301")


def test_roster_refuses_what_it_cannot_use(tmp_path):
    cases = {
        "学号,姓名\n2023010101,张三\n2023010101,张三\n": "重复",
        "学号,姓名\n2.02301E+09,张三\n": "Excel",
        "学号,姓名\n2023010101.0,张三\n": "Excel",
        "姓名,班级\n张三,1班\n": "学号",
        "学号,姓名\n,张三\n": "为空",
        "学号,姓名\nroot;rm,张三\n": "字母",
        "": "空",
    }
    for text, words in cases.items():
        with pytest.raises(roster.RosterError, match=words):
            roster.parse(text)
    big5 = tmp_path / "big5.csv"  # not mojibake: the header check refuses it
    big5.write_bytes("學號,姓名\n2023010101,陳大文\n".encode("big5"))
    with pytest.raises(roster.RosterError, match="学号"):
        roster.read(big5)


def _read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- passwords ---------------------------------------------------------------------------------


def test_password_store_keeps_hashes_only_and_owner_only(tmp_path):
    store = passwords.PasswordStore(tmp_path / "state" / "passwords.json")
    issued = store.issue(["a", "b"])
    assert set(issued) == {"a", "b"} and all(len(p) == passwords.INITIAL_LENGTH for p in issued.values())
    assert store.issue(["a", "b", "c"]).keys() == {"c"}  # nobody's password is replaced unasked
    text = store.path.read_text()
    assert not any(p in text for p in issued.values())
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert store.check("a", issued["a"]) and not store.check("a", issued["b"]) and not store.check("x", "y")
    assert not store.set_if_absent("a", "another-one") and store.set_if_absent("d", "first-login")
    assert store.check("d", "first-login")


def test_instructor_handout_lists_initial_passwords(tmp_path):
    (tmp_path / "roster.csv").write_bytes(ROSTER.encode("gbk"))
    out = tmp_path / "handout.csv"
    command = [sys.executable, str(ROOT / "hub" / "coursehub"), "passwords", "--roster", str(tmp_path / "roster.csv")]
    subprocess.run([*command, "--state", str(tmp_path / "state"), "--user", TEACHER, "--out", str(out)], check=True)
    rows = _read_csv(out)
    assert [r["学号"] for r in rows] == ["2023010101", "2023010102", "s2023-03", TEACHER]
    assert rows[0]["姓名"] == "张三" and out.stat().st_mode & 0o777 == 0o600
    store = passwords.PasswordStore(tmp_path / "state" / "passwords.json")
    assert all(store.check(r["学号"], r["初始密码"]) for r in rows)


# --- course sync ---------------------------------------------------------------------------------


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_sync_delivers_updates_and_never_overwrites_a_students_work(tmp_path):
    course, home = tmp_path / "course", tmp_path / "home" / FOLDER
    _write(course / "01.ipynb", "lesson 1 v1")
    _write(course / "02.ipynb", "lesson 2 v1")
    _write(course / "03.ipynb", "lesson 3 v1")
    _write(course / ".ipynb_checkpoints" / "01-checkpoint.ipynb", "not for students")
    assert set(sync.sync(course, home).values()) == {"added"}
    assert not (home / ".ipynb_checkpoints").exists()

    _write(home / "01.ipynb", "lesson 1 v1 + my notes")  # the student works on lesson 1
    (home / "03.ipynb").unlink()  # ... and deletes lesson 3 to start it afresh
    _write(home / "mine.ipynb", "my own notebook")
    _write(course / "01.ipynb", "lesson 1 v2")  # the instructor updates lessons 1 and 2, adds 4
    _write(course / "02.ipynb", "lesson 2 v2")
    _write(course / "04.ipynb", "lesson 4 v1")
    report = sync.sync(course, home)
    assert report == {
        "01.ipynb": "kept, new version beside",
        "01.新版.ipynb": "added",
        "02.ipynb": "updated",
        "03.ipynb": "restored",
        "04.ipynb": "added",
    }
    assert (home / "01.ipynb").read_text() == "lesson 1 v1 + my notes"
    assert (home / "01.新版.ipynb").read_text() == "lesson 1 v2"
    assert (home / "02.ipynb").read_text() == "lesson 2 v2"
    assert (home / "mine.ipynb").read_text() == "my own notebook"

    _write(home / "01.新版.ipynb", "v2 with notes too")  # edits in the new version are kept as well
    _write(course / "01.ipynb", "lesson 1 v3")
    (course / "04.ipynb").unlink()  # a lesson leaves the course: the student's copy stays
    report = sync.sync(course, home)
    assert report["01.ipynb"] == "kept, new version beside" and report["01.新版.ipynb"] == "kept"
    assert (home / "01.新版.ipynb").read_text() == "v2 with notes too"
    assert (home / "04.ipynb").read_text() == "lesson 4 v1"
    assert set(sync.sync(course, home).values()) <= {"same", "kept", "kept, new version beside"}


def test_sync_leaves_links_and_folders_in_the_way_alone(tmp_path):
    course, home = tmp_path / "course", tmp_path / "home"
    _write(course / "01.ipynb", "lesson")
    _write(course / "02.ipynb", "lesson")
    home.mkdir()
    (home / "01.ipynb").symlink_to(tmp_path / "elsewhere.txt")
    (home / "02.ipynb").mkdir()
    beside = "kept, new version beside"
    assert sync.sync(course, home) == {"01.ipynb": beside, "01.新版.ipynb": "added", "02.ipynb": beside,
                                       "02.新版.ipynb": "added"}  # fmt: skip
    assert not (tmp_path / "elsewhere.txt").exists()  # a link is never written through


def test_no_secret_in_the_hub_files():
    config = (ROOT / "hub" / "jupyterhub_config.py").read_text(encoding="utf-8")
    for setting in ("cookie_secret =", "api_token", "auth_token =", "CONFIGPROXY_AUTH_TOKEN"):
        assert setting not in config
    assert "cookie_secret_file" in config and "/var/lib/kehu-hub" in config


# --- Zero to JupyterHub on Kubernetes (hub/k8s/): written, not run here ------------------------------------

K8S = ROOT / "hub" / "k8s"
# The keys of z2jh's values.schema.yaml (chart source, 2026-07 snapshot: the schema forbids unknown keys at
# every level below except the free-form ones) that the course's values may use; below a FREE key any
# content is the chart's pass-through (JupyterHub's own config, a Kubernetes lifecycle handler).
Z2JH_KEYS = {
    "hub.config",
    "singleuser.image.name",
    "singleuser.image.tag",
    "singleuser.image.pullPolicy",
    "singleuser.memory.guarantee",
    "singleuser.memory.limit",
    "singleuser.cpu.guarantee",
    "singleuser.cpu.limit",
    "singleuser.defaultUrl",
    "singleuser.startTimeout",
    "singleuser.storage.capacity",
    "singleuser.storage.homeMountPath",
    "singleuser.lifecycleHooks.postStart",
    "singleuser.extraEnv",
    "cull.enabled",
    "cull.timeout",
    "cull.every",
    "cull.users",
    "cull.adminUsers",
    "cull.concurrency",
    "cull.maxAge",
}
FREE = ("hub.config", "singleuser.lifecycleHooks.postStart", "singleuser.extraEnv")


def _values():
    import yaml

    return yaml.safe_load((K8S / "values.yaml").read_text(encoding="utf-8"))


def _leaves(node, path=""):
    if path in FREE or not isinstance(node, dict):
        yield path
        return
    for key, value in node.items():
        yield from _leaves(value, f"{path}.{key}" if path else key)


def _bytes(quantity):
    units = {"K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    number = quantity.rstrip("KMGi")
    return float(number) * units.get(quantity[len(number) :], 1)


def test_z2jh_values_use_only_keys_the_chart_knows():
    leaves = set(_leaves(_values()))
    assert leaves <= Z2JH_KEYS, f"keys z2jh does not know: {sorted(leaves - Z2JH_KEYS)}"
    values = _values()
    assert "cookieSecret" not in values["hub"] and "proxy" not in values, "the chart makes the secrets"
    assert values["hub"]["config"]["JupyterHub"]["authenticator_class"] == "nativeauthenticator.NativeAuthenticator"
    limits = values["singleuser"]["memory"]
    assert 300 * 2**20 < _bytes(limits["guarantee"]) < _bytes(limits["limit"])  # above the measured 230-265 MiB


def test_z2jh_setup_agrees_with_the_course_and_its_pins():
    import tomllib

    values, dockerfile = _values(), (K8S / "Dockerfile").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert values["singleuser"]["image"]["tag"] == project["version"]
    assert '-c constraints.txt -c hub/constraints.txt -e ".[lab,hub]"' in dockerfile  # the pins make hub uses
    base = next(line.split()[1] for line in dockerfile.splitlines() if line.startswith("FROM "))
    version = tuple(int(n) for n in base.split(":")[1].split("-")[0].split("."))
    assert version >= (3, 11, 5) and project["requires-python"] == ">=3.11"  # soupsieve's pin needs 3.11.5
    config = (ROOT / "hub" / "jupyterhub_config.py").read_text(encoding="utf-8")
    assert f'"KEHU_HUB_CULL_TIMEOUT", "{values["cull"]["timeout"]}"' in config  # the same culling as make hub
    command = values["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"]
    assert command[1:3] == ["/opt/kehu-guanli/hub/coursehub/sync.py", "/opt/kehu-guanli/student/notebooks"]
    assert command[3] == "/home/jovyan/" + FOLDER and "COPY . /opt/kehu-guanli" in dockerfile
    assert values["singleuser"]["defaultUrl"] == f"/lab/tree/{FOLDER}/00_course_guide.ipynb"
    ignored = (K8S / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", ".git", "hub/node_modules"} <= set(ignored)


def test_roster_becomes_z2jh_allowed_users(tmp_path):
    import yaml

    (tmp_path / "roster.csv").write_bytes(ROSTER.encode("utf-8-sig"))
    command = [sys.executable, str(ROOT / "hub" / "coursehub"), "k8s-users", str(tmp_path / "roster.csv")]
    shown = yaml.safe_load(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    assert shown["hub"]["config"]["Authenticator"]["allowed_users"] == ["2023010101", "2023010102", "s2023-03"]


def test_students_get_the_chinese_interface_unless_they_chose(tmp_path):
    assert sync.chinese_interface(tmp_path)
    settings = tmp_path / sync.LOCALE_SETTINGS
    assert json.loads(settings.read_text())["locale"] == "zh_CN"
    settings.write_text('{"locale": "en"}')  # the student's own choice
    assert not sync.chinese_interface(tmp_path) and "en" in settings.read_text()


# --- the hub itself ------------------------------------------------------------------------------------


def _in_ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _missing():
    if os.geteuid() != 0:
        return "the hub test runs as root (it makes system users for two test students)"
    if not PROXY.exists():
        return f"{PROXY} is missing: install npm, then `make test` runs `npm ci` in hub/"
    if not (VENV / "bin" / "jupyterhub").exists():
        return "jupyterhub is not in .venv: `make test` installs the hub extra"
    if system.closed_folders(_course_paths()) and not shutil.which("setfacl", path=system.SYSTEM_PATH):
        return f"{system.closed_folders(_course_paths())} are closed to other users and setfacl is missing (apt: acl)"
    return None


def _course_paths():
    return [ROOT / "hub", EDITION, VENV, Path(os.path.realpath(VENV / "bin" / "python"))]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    def __init__(self, base):
        self.base = base
        self.state, self.course = base / "state", base / "course"
        self.port, self.api_port, self.proxy_port = _free_port(), _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proxy_token = secrets.token_hex(16)
        self.proc = None
        self.log = base / "hub.log"

    def env(self):
        return {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "KEHU_HUB_STATE": str(self.state),
            "KEHU_HUB_ROSTER": str(self.base / "roster.csv"),
            "KEHU_HUB_COURSE": str(self.course),
            "KEHU_HUB_ADMINS": TEACHER,
            "KEHU_HUB_USER_PREFIX": PREFIX,
            "KEHU_HUB_STUDENT_GROUP": GROUP,
            "KEHU_HUB_FIRST_LOGIN": "1",
            "KEHU_HUB_MAX_FAILURES": "3",
            "KEHU_HUB_LOCKOUT_SECONDS": "2",
            "KEHU_HUB_PORT": str(self.port),
            "KEHU_HUB_API_PORT": str(self.api_port),
            "KEHU_HUB_PROXY_API_PORT": str(self.proxy_port),
            "CONFIGPROXY_AUTH_TOKEN": self.proxy_token,  # lets the test read the proxy's routing table
        }

    def start(self):
        command = [str(VENV / "bin" / "jupyterhub"), "-f", str(ROOT / "hub" / "jupyterhub_config.py")]
        with self.log.open("a") as log:
            self.proc = subprocess.Popen(command, cwd=self.state, env=self.env(), stdout=log, stderr=log,
                                         start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"the hub exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                if httpx.get(self.url + "/hub/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        pytest.fail(f"the hub did not answer in 60 s:\n{self.tail()}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the hub stops the students' servers and its proxy
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None

    def tail(self, lines=40):
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def route_target(self, user):
        routes = httpx.get(f"http://127.0.0.1:{self.proxy_port}/api/routes",
                           headers={"Authorization": f"token {self.proxy_token}"}).json()  # fmt: skip
        return routes[f"/user/{user}"]["target"]


@pytest.fixture(scope="module")
def hub():
    missing = _missing()
    if missing:
        if _in_ci():
            pytest.fail(missing)
        pytest.skip(missing)
    for name in (A, B, TEACHER):
        system.remove_user(PREFIX + name)
    base = Path(tempfile.mkdtemp(prefix="kehu-hub-test-"))
    base.chmod(0o755)  # the students' sync reads the course from here
    hub = Hub(base)
    opened = []
    try:
        ensure_group(GROUP)
        opened = system.grant_traverse(system.closed_folders(_course_paths()), GROUP)
        hub.state.mkdir(mode=0o700)
        shutil.copytree(EDITION, hub.course)
        (base / "roster.csv").write_bytes(f"学号,姓名,班级\r\n{A},张三,测试班\r\n{B},李四,测试班\r\n".encode("gbk"))
        handout = base / "handout.csv"
        subprocess.run([str(VENV / "bin" / "python"), str(ROOT / "hub" / "coursehub"), "passwords", "--state",
                        str(hub.state), "--user", A, "--user", TEACHER, "--out", str(handout)], check=True)  # fmt: skip
        hub.passwords = {r["学号"]: r["初始密码"] for r in _read_csv(handout)}
        hub.passwords[B] = "b-chooses-this"  # B has none: B's first login sets it
        hub.start()
        yield hub
    finally:
        hub.stop()
        if hub.log.exists():  # kept for a failure's diagnosis (test-output/ is not in git)
            (ROOT / "test-output").mkdir(exist_ok=True)
            shutil.copy(hub.log, ROOT / "test-output" / "hub.log")
        for name in (A, B, TEACHER):
            system.remove_user(PREFIX + name)
        system.revoke_traverse(opened, GROUP)
        system.remove_group(GROUP)
        shutil.rmtree(base, ignore_errors=True)


def run(coroutine, timeout=240):
    async def bounded():
        return await asyncio.wait_for(coroutine, timeout)

    return asyncio.run(bounded())


async def _attempt(hub, name, password):
    student = Student(hub.url, name)
    try:
        return await student.login(password)
    finally:
        await student.close()


async def _logged_in(hub, name, password=None):
    student = Student(hub.url, name)
    await student.login(password or hub.passwords[name])
    return student


@pytest.mark.hub
@pytest.mark.slow
def test_login_needs_the_right_password_and_a_place_on_the_roster(hub):
    async def scenario():
        a = Student(hub.url, A)
        with pytest.raises(LoginRefused, match="403"):
            await a.login("wrong-password")
        assert await a.login(hub.passwords[A]) == 302
        assert (await a.hub_api("GET", f"/users/{A}")).json()["admin"] is False
        assert (await a.hub_api("GET", "/users")).status_code == 403  # only the instructor is an admin
        await a.close()
        with pytest.raises(LoginRefused, match="8"):  # B's first login: a password of 8 characters or more
            await _attempt(hub, B, "short")
        await _attempt(hub, B, hub.passwords[B])
        with pytest.raises(LoginRefused):  # now B's password is set: another one is wrong
            await _attempt(hub, B, "b-chooses-other")
        await _attempt(hub, B, hub.passwords[B])
        with pytest.raises(LoginRefused):  # not on the roster: refused even though first logins set passwords
            await _attempt(hub, "t2099999", "any-long-password")

    run(scenario())


@pytest.mark.hub
@pytest.mark.slow
def test_repeated_failures_lock_a_login_name_for_a_while(hub):
    async def scenario():
        for _ in range(3):
            with pytest.raises(LoginRefused, match="403"):
                await _attempt(hub, TEACHER, "not-my-password")
        with pytest.raises(LoginRefused, match="429"):  # locked: even the right password is refused
            await _attempt(hub, TEACHER, hub.passwords[TEACHER])
        await asyncio.sleep(2.5)
        teacher = await _logged_in(hub, TEACHER)
        assert (await teacher.hub_api("GET", "/users")).status_code == 200  # the instructor is an admin
        await teacher.close()

    run(scenario())


async def _with_server(hub, name):
    student = await _logged_in(hub, name)
    await student.start_server()
    lab = await student.open_lab()
    assert lab.status_code == 200, f"{name}'s JupyterLab: {lab.status_code}"
    return student


@pytest.mark.hub
@pytest.mark.slow
def test_each_student_has_an_own_server_with_the_student_edition(hub):
    async def scenario():
        edition = sorted(p.name for p in EDITION.glob("*.ipynb"))
        for name in (A, B):
            student = await _with_server(hub, name)
            listing = (await student.contents(FOLDER)).json()
            assert sorted(item["name"] for item in listing["content"]) == edition
            kernel = await student.kernel()
            who = "import os, pwd; print(pwd.getpwuid(os.getuid()).pw_name, os.getcwd())"
            _, shown, error = await kernel.execute(who)
            assert error is None and shown.split() == [PREFIX + name, pwd.getpwnam(PREFIX + name).pw_dir]
            transport = "import json, ipykernel.connect as c; print(json.loads(c.get_connection_info())['transport'])"
            _, shown, error = await kernel.execute(transport)  # Unix sockets in the student's home, no TCP port
            assert error is None and shown.strip() == "ipc"
            await kernel.close()
            await student.close()
            home = Path(pwd.getpwnam(PREFIX + name).pw_dir)
            assert home.stat().st_mode & 0o777 == 0o700
            assert (home / FOLDER / edition[1]).stat().st_uid == pwd.getpwnam(PREFIX + name).pw_uid
            assert (home / sync.LOCALE_SETTINGS).exists()  # JupyterLab in Chinese until the student chooses

    run(scenario())


@pytest.mark.hub
@pytest.mark.slow
def test_students_cannot_reach_each_others_files_or_servers(hub):
    b_home = pwd.getpwnam(PREFIX + B).pw_dir
    b_server = hub.route_target(B)

    async def scenario():
        await (await _with_server(hub, B)).close()
        a = await _with_server(hub, A)
        kernel = await a.kernel()
        probes = {
            "read": f"open({b_home + '/' + FOLDER + '/01_customers.ipynb'!r}).read()",
            "list": f"os.listdir({b_home!r})",
            "write": f"open({b_home + '/planted.txt'!r}, 'w').write('x')",
        }
        for what, code in probes.items():
            _, _, error = await kernel.execute(f"import os\n{code}")
            assert error and error.startswith("PermissionError"), f"A could {what} B's files: {error}"
        # B's server straight from A's kernel, past the proxy: without B's credentials nothing comes back
        _, shown, error = await kernel.execute(
            "import urllib.request, urllib.error\n"
            f"try:\n    urllib.request.urlopen({b_server + '/user/' + B + '/api/contents'!r}); print('open')\n"
            "except urllib.error.HTTPError as e:\n    print(e.code)"
        )
        assert error is None and shown.strip() in ("302", "403"), shown
        await kernel.close()
        # through the hub with A's own login: B's server refuses A
        assert (await a.open_lab(owner=B)).status_code == 403
        assert (await a.contents(FOLDER, owner=B)).status_code in (302, 403)
        assert (await a.hub_api("POST", f"/users/{B}/server")).status_code in (403, 404)  # 404: B is not even shown
        await a.close()

    run(scenario())
    assert not Path(b_home, "planted.txt").exists()


def _notebook_with(path, text):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "markdown", "metadata": {}, "source": [text]})
    return notebook


@pytest.mark.hub
@pytest.mark.slow
def test_a_students_edit_survives_a_course_update_and_a_hub_restart(hub):
    lesson1, lesson2 = "01_customers.ipynb", "02_customer_value.ipynb"

    async def edit():
        a = await _with_server(hub, A)
        mine = _notebook_with(EDITION / lesson1, "我的笔记：A 的答案")
        saved = await a.api("PUT", "/contents/" + f"{FOLDER}/{lesson1}", json={"type": "notebook", "content": mine})
        assert saved.status_code == 200, saved.text
        await a.close()

    async def after():
        a = await _with_server(hub, A)

        async def text(name):
            answer = await a.contents(f"{FOLDER}/{name}")
            assert answer.status_code == 200, f"{name}: {answer.status_code}"
            return json.dumps(answer.json()["content"], ensure_ascii=False)

        first, beside, second = await text(lesson1), await text("01_customers.新版.ipynb"), await text(lesson2)
        assert "A 的答案" in first and "课程更新 1" not in first  # A's edit kept, not overwritten
        assert "课程更新 1" in beside and "A 的答案" not in beside  # the update beside it
        assert "课程更新 2" in second  # the lesson A did not touch is updated
        assert (await a.contents(f"{FOLDER}/05_new.ipynb")).status_code == 200  # a new lesson arrives
        await a.close()

    run(edit())
    for name, note in [(lesson1, "课程更新 1"), (lesson2, "课程更新 2")]:  # the instructor updates the course
        (hub.course / name).write_text(json.dumps(_notebook_with(hub.course / name, note)), encoding="utf-8")
    shutil.copy(hub.course / lesson2, hub.course / "05_new.ipynb")
    hub.stop()  # stops every student's server too
    assert not any(system.processes_of(pwd.getpwnam(PREFIX + A).pw_uid)), "A's server outlived the hub"
    hub.start()
    run(after())
