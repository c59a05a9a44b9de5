"""The instructor's commands for the class hub (run as root; `make hub-passwords` calls the second).

python hub/coursehub check ROSTER.csv
    read the roster as the hub will: the number of students per class, or what is wrong.
python hub/coursehub passwords --roster ROSTER.csv --state /var/lib/kehu-hub [--user NAME ...] [--reset]
    issue initial passwords to every student on the roster (and each --user, e.g. the
    instructor) who has none yet (--reset: new ones for those named, or for all), and write
    them, once, to a handout CSV for Excel (学号,姓名,班级,初始密码; mode 0600) in the state folder.
"""

import argparse
import collections
import csv
import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coursehub import roster
from coursehub.passwords import PasswordStore


def check(args):
    students = roster.read(args.roster)
    classes = collections.Counter(s.klass or "-" for s in students)
    print(f"{len(students)} students / 名学生: " + ", ".join(f"{k} {n}" for k, n in sorted(classes.items())))


def passwords(args):
    state = Path(args.state)
    state.mkdir(mode=0o700, parents=True, exist_ok=True)
    students = {s.username: s for s in roster.read(args.roster)} if args.roster else {}
    extra = [roster.normalize_id(name) for name in args.user]
    names = extra if (args.user and args.reset) else [*students, *extra]
    issued = PasswordStore(state / "passwords.json").issue(names, reset=args.reset)
    if not issued:
        print("everyone already has a password / 每个人都已有密码 (--reset to issue new ones)")
        return
    out = Path(args.out) if args.out else state / f"initial-passwords-{dt.datetime.now():%Y%m%d-%H%M%S}.csv"
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handout:  # the BOM: Excel reads UTF-8
        writer = csv.writer(handout)
        writer.writerow(["学号", "姓名", "班级", "初始密码"])
        for name, password in issued.items():
            student = students.get(name, roster.Student(name))
            writer.writerow([name, student.name, student.klass, password])
    print(f"{len(issued)} initial passwords written to / 初始密码已写入 {out} (only root can read it)")


def k8s_users(args):
    """The roster as z2jh's ``hub.config.Authenticator.allowed_users`` (a YAML flow list)."""
    names = [s.username for s in roster.read(args.roster)]
    print("hub:\n  config:\n    Authenticator:\n      allowed_users: [" + ", ".join(f'"{n}"' for n in names) + "]")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="coursehub", description="the 客户管理 class hub's instructor commands")
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("check", help="read a roster as the hub will")
    p.add_argument("roster")
    p.set_defaults(run=check)
    p = sub.add_parser("passwords", help="issue initial passwords, written once to a handout CSV")
    p.add_argument("--roster", help="the class roster CSV")
    p.add_argument("--state", default="/var/lib/kehu-hub", help="the hub's state folder")
    p.add_argument("--user", action="append", default=[], help="also (or with --reset: only) this login name")
    p.add_argument("--reset", action="store_true", help="new passwords even for those who have one")
    p.add_argument("--out", help="the handout CSV (default: in the state folder)")
    p.set_defaults(run=passwords)
    p = sub.add_parser("k8s-users", help="the roster as Zero to JupyterHub values (hub/k8s/values.yaml)")
    p.add_argument("roster")
    p.set_defaults(run=k8s_users)
    args = parser.parse_args(argv)
    try:
        args.run(args)
    except roster.RosterError as err:
        sys.exit(str(err))


if __name__ == "__main__":
    main()
