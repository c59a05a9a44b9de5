"""The course's class hub (JupyterHub for one server): who may log in (roster, passwords),
each student's own system user and course folder (spawner, sync).

Modules, each usable and tested on its own:

- ``roster``: the class list from a 教务系统 export (学号,姓名,班级; UTF-8 or GBK);
- ``passwords``: scrypt-hashed passwords in a file only root can read, initial passwords to hand out;
- ``auth``: the hub's authenticator: roster + passwords + a limit on repeated failures;
- ``sync``: the student edition copied into a student's home without overwriting their work;
- ``spawner``: each student's server as their own system user, the course synced first;
- ``__main__``: the instructor's commands (``python -m coursehub --help``).
"""
