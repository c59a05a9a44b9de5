"""The class hub under a class's load: N simulated students on one server (never a test).

    sudo .venv/bin/python bench/bench_hub.py                 # 10, 20 and 40 students; adds its section to RESULTS.md
    sudo .venv/bin/python bench/bench_hub.py --students 5 --no-write

For each class size the hub is started afresh from hub/jupyterhub_config.py on 127.0.0.1 (students
``khbench-b001``... made once and removed at the end, as in tests/test_hub.py). Every simulated
student at once, through the hub's public URL as a browser does (tests/hub/student.py):

1. logs in through the login form and starts their server; **ready** = from the login form's
   submission to JupyterLab's page loaded from the student's own server (the OAuth round trip done);
2. fetches the lesson (``--lesson``, the student edition in their home) through the contents API,
   opens a kernel and runs its code cells one by one, each after the previous one finished, as
   "run all" does; **run-all** = from the first cell sent to the last cell done;
3. when every student has run the lesson, all of them move the CLV simulator's margin slider
   ``--moves`` times, one step up and down, a move every ``--interval`` seconds at most: the next
   move waits for the previous picture (ipywidgets' front end keeps one update in flight and sends
   the newest value when the kernel is idle again). **slider** = from the update sent to the
   simulator's new PNG received.

Memory is sampled every second: the proportional set size (PSS, /proc/PID/smaps_rollup, which
shares libraries fairly between processes) of every process of the students' users (servers,
kernels), and of the hub, the proxy and the idle culler. Reported: the peak of the students' total,
that divided by N, and the hub side's peak. Failures: any student whose login, server, a cell, or a
move failed or timed out. Loopback only; every wait is bounded, a round stops after ``--deadline``
seconds, and the hub and every process of the students are stopped at the end.
"""

import argparse
import asyncio
import datetime as dt
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hub"))

import httpx  # noqa: E402
from coursehub.passwords import PasswordStore  # noqa: E402
from coursehub.spawner import ensure_group  # noqa: E402

from coursekit.i18n import text  # noqa: E402
from tests.hub import system  # noqa: E402
from tests.hub.student import Student  # noqa: E402

VENV = ROOT / ".venv"
PREFIX, GROUP = "khbench-", "khbench-students"
SECTION = "## Class hub under load"
FOLDER = "客户管理"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def descendants(pid):
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


TICK = os.sysconf("SC_CLK_TCK")


def cpu_by_kind(uids, hub_pid):
    """CPU seconds used so far by the students' kernels, the students' servers and the hub side."""
    kinds = {"kernels": 0.0, "servers": 0.0, "hub, proxy": 0.0}
    hub_side = set(descendants(hub_pid))
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            uid = entry.stat().st_uid
            if uid not in uids and int(entry.name) not in hub_side:
                continue
            fields = Path(entry, "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = Path(entry, "cmdline").read_bytes()
        except (FileNotFoundError, ProcessLookupError):
            continue
        seconds = (int(fields[11]) + int(fields[12])) / TICK
        if uid in uids:
            kinds["kernels" if b"ipykernel" in cmdline else "servers"] += seconds
        else:
            kinds["hub, proxy"] += seconds
    return kinds


class Sampler(threading.Thread):
    """Peak PSS of the students' processes (total, and the largest student) and of the hub side."""

    def __init__(self, users, hub_pid):
        super().__init__(daemon=True)
        self.users, self.hub_pid, self.uids = users, hub_pid, {}
        self.peak_students = self.peak_one = self.peak_hub = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.wait(1.0):
            for user in self.users:  # the first round makes the users as their servers start
                if user not in self.uids and _exists(user):
                    self.uids[user] = pwd.getpwnam(user).pw_uid
            per_uid = dict.fromkeys(self.uids.values(), 0)
            for uid in per_uid:
                per_uid[uid] = sum(pss_kib(pid) for pid in system.processes_of(uid))
            hub = sum(pss_kib(pid) for pid in descendants(self.hub_pid) if Path(f"/proc/{pid}").exists()
                      and os.stat(f"/proc/{pid}").st_uid == 0)  # fmt: skip
            self.peak_students = max(self.peak_students, sum(per_uid.values()))
            self.peak_one = max(self.peak_one, max(per_uid.values(), default=0))
            self.peak_hub = max(self.peak_hub, hub)


class BenchHub:
    def __init__(self, base, roster_names):
        self.base, self.state = base, base / "state"
        self.state.mkdir(mode=0o700)
        (base / "roster.csv").write_text("学号\n" + "\n".join(roster_names) + "\n", encoding="utf-8")
        self.proc = None

    def start(self):
        self.port = _free_port()
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "KEHU_HUB_STATE": str(self.state),
            "KEHU_HUB_ROSTER": str(self.base / "roster.csv"),
            "KEHU_HUB_USER_PREFIX": PREFIX,
            "KEHU_HUB_STUDENT_GROUP": GROUP,
            "KEHU_HUB_PORT": str(self.port),
            "KEHU_HUB_API_PORT": str(_free_port()),
            "KEHU_HUB_PROXY_API_PORT": str(_free_port()),
        }
        self.log = (self.base / "hub.log").open("a")
        command = [str(VENV / "bin" / "jupyterhub"), "-f", str(ROOT / "hub" / "jupyterhub_config.py")]
        self.proc = subprocess.Popen(command, cwd=self.state, env=env, stdout=self.log, stderr=self.log,
                                     start_new_session=True)  # fmt: skip
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited; see {self.base / 'hub.log'}")
            try:
                if httpx.get(self.url + "/hub/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError("the hub did not answer in 60 s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None


async def one_student(url, name, password, lesson, all_ran, args, extra_code, result, on_moves, all_moved, on_end):
    student = Student(url, name, timeout=args.deadline)
    try:
        start = time.perf_counter()
        await student.login(password)
        await student.start_server(timeout=args.deadline)
        lab = await student.open_lab()
        if lab.status_code != 200:
            raise RuntimeError(f"lab page {lab.status_code}")
        result["ready"] = time.perf_counter() - start
        stored = await student.contents(f"{FOLDER}/{lesson}")
        stored.raise_for_status()
        cells = [c if isinstance(c, str) else "".join(c) for c in
                 ("".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                  for cell in stored.json()["content"]["cells"] if cell["cell_type"] == "code")]  # fmt: skip
        kernel = await student.kernel()
        start = time.perf_counter()
        simulator_cell = None
        if args.only_simulator:  # the first cell (imports, setup) and the simulator's cell
            cells = [cells[0], *[c for c in cells if c.strip() == "clv_simulator()"]]
        for code in cells:
            msg_id, _, error = await kernel.execute(code, timeout=args.deadline)
            if error:
                raise RuntimeError(f"cell {code[:40]!r}: {error}")
            if code.strip() == "clv_simulator()":
                simulator_cell = msg_id
        result["run_all"] = time.perf_counter() - start
        if extra_code:
            _, _, error = await kernel.execute(extra_code)
            if error:
                raise RuntimeError(f"extra code: {error}")
        if simulator_cell is None:
            raise RuntimeError("the lesson has no clv_simulator() cell")
        label = text("sim_clv_margin")
        sliders = [cid for cid in kernel.widgets_of(simulator_cell, "FloatSliderModel")
                   if kernel.comms[cid][1].get("description") == label]  # fmt: skip
        images = kernel.widgets_of(simulator_cell, "ImageModel")
        if len(sliders) != 1 or len(images) != 1:
            raise RuntimeError(f"found {len(sliders)} margin sliders and {len(images)} images")
        state = kernel.comms[sliders[0]][1]
        values = [state["value"] + state["step"], state["value"]]
    except Exception as err:
        result["error"] = f"{type(err).__name__}: {err}"
        values = None
    finally:
        all_ran.set_one()
    await all_ran.wait()
    on_moves()
    try:
        if values:
            result["moves"] = []
            for k in range(args.moves):
                took = await kernel.move(sliders[0], values[k % 2], images[0], timeout=args.deadline)
                result["moves"].append(took)
                await asyncio.sleep(max(0.0, args.interval - took))
    except Exception as err:
        result.setdefault("error", f"{type(err).__name__}: {err}")
    all_moved.set_one()
    await all_moved.wait()
    on_end()  # before any kernel is shut down: its CPU time would leave the count with it
    try:
        if values:
            await kernel.close()
    except Exception as err:
        result.setdefault("error", f"{type(err).__name__}: {err}")
    finally:
        await student.close()


class Barrier:
    def __init__(self, n):
        self.left, self.event = n, asyncio.Event()

    def set_one(self):
        self.left -= 1
        if self.left <= 0:
            self.event.set()

    async def wait(self):
        await self.event.wait()


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


async def class_round(hub, names, passwords, args, extra_code, cpu):
    results = [{"name": n} for n in names]
    barrier = Barrier(len(names))
    uids = {pwd.getpwnam(PREFIX + n).pw_uid for n in names if _exists(PREFIX + n)}

    def moves_start():  # the first student past the barrier: every lesson has run
        if "start" not in cpu:
            cpu["uids"] = uids | {pwd.getpwnam(PREFIX + n).pw_uid for n in names if _exists(PREFIX + n)}
            cpu["start"] = (time.monotonic(), cpu_by_kind(cpu["uids"], hub.proc.pid))

    def moves_end():  # the first student past the second barrier: every student has made every move
        if "start" in cpu and "end" not in cpu:
            cpu["end"] = (time.monotonic(), cpu_by_kind(cpu["uids"], hub.proc.pid))

    moved = Barrier(len(names))
    tasks = [one_student(hub.url, n, passwords[n], args.lesson, barrier, args, extra_code, r, moves_start, moved,
                         moves_end) for n, r in zip(names, results, strict=True)]  # fmt: skip
    await asyncio.wait_for(asyncio.gather(*tasks), args.deadline)
    return results


def settle(limit=1.5, wait=120):
    """Wait (at most ``wait`` s) for the 1-minute load average to fall below ``limit``: the last
    round's processes are gone, but the average lags behind them."""
    deadline = time.monotonic() + wait
    while os.getloadavg()[0] > limit and time.monotonic() < deadline:
        time.sleep(5)


def run_round(hub, names, passwords, args, extra_code=None):
    settle()
    load_before = os.getloadavg()
    cpu = {}
    hub.start()
    sampler = Sampler([PREFIX + n for n in names], hub.proc.pid)
    sampler.start()
    start = time.monotonic()
    try:
        results = asyncio.run(class_round(hub, names, passwords, args, extra_code, cpu))
    except TimeoutError:
        results = [{"name": n, "error": "round deadline"} for n in names]
    finally:
        wall = time.monotonic() - start
        sampler.stop.set()
        sampler.join()
        hub.stop()
    return {
        "n": len(names),
        "results": results,
        "wall": wall,
        "load": (load_before, os.getloadavg()),
        "memory": (sampler.peak_students, sampler.peak_one, sampler.peak_hub),
        "cpu": cpu,
    }


def _exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def table(rounds, args):
    lines = [
        "| students | server ready p50 / p95 (s) | lesson run-all p50 / p95 (s) | slider p50 / p95 (ms) | moves "
        "| peak memory, students (MiB) | per student (MiB) | largest student (MiB) | hub + proxy + culler (MiB) "
        "| CPU per move: kernel + server + hub (ms) | failures | load before → after |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for r in rounds:
        ok = [x for x in r["results"] if "error" not in x]
        ready = [x["ready"] for x in r["results"] if "ready" in x]
        run_all = [x["run_all"] for x in r["results"] if "run_all" in x]
        moves = [1000 * m for x in r["results"] for m in x.get("moves", [])]
        students, one, hub = (kib / 1024 for kib in r["memory"])
        before, after = r["load"]
        per_move = "–"
        if "end" in r["cpu"] and moves:
            (_, c0), (_, c1) = r["cpu"]["start"], r["cpu"]["end"]
            used = {k: 1000 * (c1[k] - c0[k]) / len(moves) for k in c0}
            per_move = " + ".join(f"{used[k]:.0f}" for k in ("kernels", "servers", "hub, proxy"))
            per_move += f" = {sum(used.values()):.0f}"
        lines.append(
            f"| {r['n']} | {pct(ready, 50):.1f} / {pct(ready, 95):.1f} "
            f"| {pct(run_all, 50):.1f} / {pct(run_all, 95):.1f} "
            f"| {pct(moves, 50):.0f} / {pct(moves, 95):.0f} | {len(moves)} | {students:,.0f} | {students / r['n']:.0f} "
            f"| {one:.0f} | {hub:.0f} | {per_move} | {r['n'] - len(ok)} | {before[0]:.1f} → {after[0]:.1f} |"
        )
    errors = [f"{x['name']} ({r['n']} students): {x['error']}" for r in rounds for x in r["results"] if "error" in x]
    return "\n".join(lines), errors


def machine():
    sys.path.insert(0, str(ROOT / "bench"))
    from run_all import machine as describe

    return describe()


def write_section(section):
    results = ROOT / "bench" / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    start = old.find(SECTION)
    if start >= 0:
        end = old.find("\n## ", start + len(SECTION))
        old = old[:start].rstrip() + ("\n\n" + old[end + 1 :] if end >= 0 else "")
    results.write_text(old.rstrip() + "\n\n" + section.strip() + "\n", encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="1,2,4,10,20,40", help="class sizes, comma-separated")
    parser.add_argument("--lesson", default="02_customer_value.ipynb")
    parser.add_argument("--moves", type=int, default=25, help="slider moves per student")
    parser.add_argument("--interval", type=float, default=0.2, help="at most one move per this many seconds")
    parser.add_argument("--deadline", type=float, default=900, help="seconds a round may take at most")
    parser.add_argument("--no-write", action="store_true", help="print only; do not touch bench/RESULTS.md")
    parser.add_argument(
        "--only-simulator",
        action="store_true",
        help="run only the lesson's first cell and its simulator cell (slider experiments; implies --no-write)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.students.split(",")]
    section, errors = bench(sizes, args)
    print(section)
    if errors:
        print("\n".join(errors), file=sys.stderr)
    if not (args.no_write or args.only_simulator):
        write_section(section)
        print(f"written: the '{SECTION}' section of bench/RESULTS.md")


def bench(sizes, args, extra_code=None):
    if os.geteuid() != 0:
        sys.exit("bench_hub.py runs as root: it makes a system user per simulated student")
    names = [f"b{i:03d}" for i in range(1, max(sizes) + 1)]
    for name in names:
        system.remove_user(PREFIX + name)
    base = Path(tempfile.mkdtemp(prefix="kehu-hub-bench-"))
    base.chmod(0o755)
    opened = []
    rounds = []
    try:
        ensure_group(GROUP)
        course_python = [ROOT, VENV / "bin" / "python", os.path.realpath(VENV / "bin" / "python")]
        opened = system.grant_traverse(system.closed_folders(course_python), GROUP)
        hub = BenchHub(base, names)
        passwords = PasswordStore(hub.state / "passwords.json").issue(names)
        for n in sizes:
            print(f"== {n} students", file=sys.stderr, flush=True)
            rounds.append(run_round(hub, names[:n], passwords, args, extra_code))
            ok = sum("error" not in x for x in rounds[-1]["results"])
            print(f"   {ok}/{n} without failure, {rounds[-1]['wall']:.0f} s", file=sys.stderr, flush=True)
    finally:
        for name in names:
            system.remove_user(PREFIX + name)
        system.revoke_traverse(opened, GROUP)
        system.remove_group(GROUP)
        if (base / "hub.log").exists():  # for a failure's diagnosis; test-output/ is not in git
            (ROOT / "test-output").mkdir(exist_ok=True)
            shutil.copy(base / "hub.log", ROOT / "test-output" / "bench-hub.log")
        shutil.rmtree(base, ignore_errors=True)
    rows, errors = table(rounds, args)
    section = f"""{SECTION}

Made by `make bench-hub` (bench/bench_hub.py) on {dt.datetime.now():%Y-%m-%d %H:%M}. Machine: {machine()}.
JupyterHub 6.1.1, configurable-http-proxy 5.1.0, LocalProcessSpawner as each student's own user.
Each round: the hub started afresh, N students at once log in, start their servers, run
`{args.lesson}` cell by cell, then all move the CLV simulator's margin slider {args.moves} times
(at most one move every {args.interval:g} s, each waiting for the previous picture). Memory is PSS
(shared pages divided fairly); load is the 1-minute load average before and after the round
(other work shares this machine).

{rows}
"""
    if errors:
        section += "\nFailures:\n\n" + "\n".join(f"- {e}" for e in errors[:20]) + "\n"
    return section, errors


if __name__ == "__main__":
    main()
