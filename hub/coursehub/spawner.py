"""Each student's server runs as the student's own system user, with the course synced first.

A hub user ``2023010101`` is the system user ``<prefix>2023010101`` (prefix ``kh-`` by
default, so no real account is ever used), made on first start with ``useradd`` (own group,
also a member of the students' group ``student_group``, no login shell, home
``<home_base>/<system name>`` with mode 0700: no other student can list,
read or change it). Before each start the course edition is synced into
``~/<course_folder>`` by :mod:`coursehub.sync`, run as that user. Then JupyterHub's
LocalProcessSpawner starts ``jupyterhub-singleuser`` as that user; its server only accepts
requests that the hub's OAuth says are that user's (or an instructor's).
"""

import asyncio
import grp
import json
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

HUB_DIR = Path(__file__).resolve().parents[1]
SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


def tool(name):
    """The system's own ``useradd``, ``groupadd``, ... wherever the hub's PATH points."""
    found = shutil.which(name, path=SYSTEM_PATH)
    if not found:
        raise FileNotFoundError(f"{name} is missing (Debian package passwd)")
    return found


def ensure_group(name):
    """The gid of the students' group, made if missing."""
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run([tool("groupadd"), "--system", name], check=True, capture_output=True, text=True)
        return grp.getgrnam(name).gr_gid


def student_can_run(python, paths, group):
    """None if a user with no rights but the students' group can run ``python`` with the hub's
    packages and read ``paths``; else what went wrong."""
    code = (
        f"import sys; sys.path.insert(0, {str(HUB_DIR)!r}); import coursehub.sync, jupyterhub, importlib.util, os; "
        f"assert importlib.util.find_spec('coursekit'), 'coursekit is not installed'; "
        f"[os.listdir(p) if os.path.isdir(p) else open(p, 'rb').close() for p in {[str(p) for p in paths]!r}]"
    )
    nobody = pwd.getpwnam("nobody")
    try:
        done = subprocess.run([python, "-I", "-c", code], user=nobody.pw_uid, group=nobody.pw_gid,
                              extra_groups=[ensure_group(group)], cwd="/", env={"PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True, timeout=60)  # fmt: skip
    except PermissionError as err:
        return str(err)
    return None if done.returncode == 0 else done.stderr.strip().splitlines()[-1]


class StudentSpawner(LocalProcessSpawner):
    user_prefix = Unicode("kh-", help="System user name = prefix + hub name").tag(config=True)
    home_base = Unicode("/home", help="Students' homes are made here").tag(config=True)
    course_source = Unicode(help="The course edition to sync (student/notebooks/)").tag(config=True)
    course_folder = Unicode("客户管理", help="The course's folder in each student's home").tag(config=True)
    student_group = Unicode("kh-students", help="Every student's system user is a member").tag(config=True)

    @property
    def system_name(self):
        return self.user_prefix + self.user.name

    def _account(self):
        """The student's system user, made if missing; its home is always 0700."""
        name = self.system_name
        if len(name) > 32:
            raise ValueError(f"system user name {name!r} is longer than 32 characters")
        ensure_group(self.student_group)
        try:
            account = pwd.getpwnam(name)
            if name not in grp.getgrnam(self.student_group).gr_mem:
                subprocess.run([tool("usermod"), "--append", "--groups", self.student_group, name], check=True)
        except KeyError:
            home = os.path.join(self.home_base, name)
            subprocess.run(
                [tool("useradd"), "--create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin", "--user-group",
                 "--groups", self.student_group, "--comment", f"kehu-guanli hub student {self.user.name}", name],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            account = pwd.getpwnam(name)
            self.log.info("Made system user %s (home %s)", name, home)
        os.chmod(account.pw_dir, 0o700)
        return account

    def _sync(self, account):
        dest = os.path.join(account.pw_dir, self.course_folder)
        code = f"import sys; sys.path.insert(0, {str(HUB_DIR)!r}); from coursehub.sync import main; main()"
        done = subprocess.run(
            [sys.executable, "-I", "-c", code, self.course_source, dest],
            user=account.pw_uid, group=account.pw_gid, extra_groups=[grp.getgrnam(self.student_group).gr_gid],
            cwd=account.pw_dir,
            env={"HOME": account.pw_dir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if done.returncode:
            raise RuntimeError(f"course sync for {account.pw_name} failed: {done.stderr.strip()[-500:]}")
        report = json.loads(done.stdout)
        changed = {k: v for k, v in report.items() if v != "same"}
        self.log.info("Course synced for %s: %s", self.user.name, changed or "up to date")
        return report

    def prepare(self):
        account = self._account()
        self._sync(account)

    async def start(self):
        await asyncio.get_running_loop().run_in_executor(None, self.prepare)
        return await super().start()

    def make_preexec_fn(self, name):
        return set_user_setuid(self.system_name)

    def user_env(self, env):
        account = pwd.getpwnam(self.system_name)
        env["USER"] = account.pw_name
        env["HOME"] = account.pw_dir
        env["SHELL"] = "/bin/bash"
        return env
