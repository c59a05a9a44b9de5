"""System users, groups and folder permissions for the hub test and the hub benchmark (root only).

Everything made here has a test prefix and is removed by the same code: the students' system
users (their processes are ended by PID first, then ``userdel --remove``), their group, and
the traverse permission (a POSIX ACL entry for the students' group, ``setfacl``) given on the
folders between ``/`` and the course's Python where others may not pass, e.g. ``/root`` when
the Python is a pyenv under root's home, as on the course's CI machines.
"""

import os
import pwd
import shutil
import signal
import stat
import subprocess
from pathlib import Path

SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


def tool(name):
    return shutil.which(name, path=SYSTEM_PATH) or name


def processes_of(uid):
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    yield int(entry.name)
            except FileNotFoundError:
                pass


def remove_user(name):
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        return
    for pid in processes_of(account.pw_uid):  # left by a hub that did not stop its servers
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    subprocess.run([tool("userdel"), "--remove", name], check=False, capture_output=True)


def remove_group(name):
    subprocess.run([tool("groupdel"), name], check=False, capture_output=True)


def closed_folders(paths):
    """The folders on the way to ``paths`` (their parents, and each path that is a folder) that
    other users may not enter."""
    found = []
    for path in paths:
        path = Path(os.path.realpath(path))
        for folder in [*reversed(path.parents), *([path] if path.is_dir() else [])]:
            if not os.stat(folder).st_mode & stat.S_IXOTH and folder not in found:
                found.append(folder)
    return found


def _extended_acl(folder):
    shown = subprocess.run([tool("getfacl"), "-c", "-p", str(folder)], capture_output=True, text=True, check=True)
    base = ("user::", "group::", "other::")
    return [line for line in shown.stdout.splitlines() if line and not line.startswith(base)]


def grant_traverse(folders, group):
    """Let ``group`` enter ``folders`` (an ACL entry each); returns what to pass to ``revoke_traverse``.
    Raises RuntimeError when setfacl is missing (Debian package acl)."""
    if folders and not shutil.which("setfacl", path=SYSTEM_PATH):
        raise RuntimeError(f"{', '.join(map(str, folders))}: closed to other users, and setfacl (apt: acl) is missing")
    granted = []
    for folder in folders:
        had_acl = bool(_extended_acl(folder))
        subprocess.run([tool("setfacl"), "-m", f"g:{group}:x", str(folder)], check=True)
        granted.append((folder, had_acl))
    return granted


def revoke_traverse(granted, group):
    """Undo ``grant_traverse``: a folder that had no ACL before has none after (no mask left behind)."""
    for folder, had_acl in granted:
        if had_acl:
            subprocess.run([tool("setfacl"), "-x", f"g:{group}", str(folder)], check=False)
        else:
            subprocess.run([tool("setfacl"), "-b", str(folder)], check=False)
