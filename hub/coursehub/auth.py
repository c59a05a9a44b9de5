"""The hub's authenticator: the roster says who may log in, the password file checks them.

- A login name must be on the roster (``roster_file``, re-read when it changes) or be an
  instructor (``admin_users``); anyone else is refused whatever the password.
- A student whose password was issued (``python -m coursehub passwords``) logs in with it.
  With ``first_login_sets_password`` a student who has none sets it by logging in the first
  time (at least ``min_password_length`` characters): convenient, but whoever logs in first
  with a student's 学号 owns the account, so issued passwords are the default.
- After ``max_failures`` wrong passwords in a row a login name is locked for
  ``lockout_seconds`` (the right password is refused too, and so is each further try).
  The count is per login name, not per address: a classroom often reaches the server
  through one address, and one student's typos must not lock out the class.
- ``/hub/change-password`` lets a logged-in user replace their password.
"""

import asyncio
import time
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from tornado import web
from traitlets import Bool, Integer, Unicode

from coursehub import roster as roster_module
from coursehub.passwords import PasswordStore


class RosterAuthenticator(Authenticator):
    roster_file = Unicode(help="The class roster (CSV with a 学号 column)").tag(config=True, allow_config=True)
    password_file = Unicode(help="The scrypt hashes (JSON, mode 0600, outside the repository)").tag(config=True)
    first_login_sets_password = Bool(False, help="A student without a password sets it at first login").tag(config=True)
    min_password_length = Integer(8).tag(config=True)
    max_failures = Integer(5, help="Wrong passwords in a row before a login name is locked").tag(config=True)
    lockout_seconds = Integer(300, help="How long a locked login name stays locked").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._roster, self._roster_mtime = frozenset(), None
        self._failures = {}  # username -> (wrong passwords in a row, locked until (monotonic) or 0)

    @property
    def store(self):
        return PasswordStore(self.password_file)

    def roster(self):
        """The roster's login names, read again when the file changes."""
        try:
            mtime = Path(self.roster_file).stat().st_mtime_ns
        except OSError:
            self.log.error("Roster %s cannot be read: nobody but the instructors may log in", self.roster_file)
            return frozenset()
        if mtime != self._roster_mtime:
            try:
                self._roster = frozenset(s.username for s in roster_module.read(self.roster_file))
            except roster_module.RosterError as err:
                self.log.error("Roster not (re)loaded, keeping the previous one: %s", err)
            self._roster_mtime = mtime
        return self._roster

    def normalize_username(self, username):
        return roster_module.normalize_id(username)

    def check_allowed(self, username, authentication=None):
        return username in self.admin_users or username in self.roster()

    def _locked_for(self, username):
        _, until = self._failures.get(username, (0, 0))
        return max(0.0, until - time.monotonic())

    def _failed(self, username):
        count, until = self._failures.get(username, (0, 0))
        count += 1
        if count >= self.max_failures:
            until = time.monotonic() + self.lockout_seconds
        self._failures[username] = (count, until)

    async def authenticate(self, handler, data):
        username = self.normalize_username(data.get("username", ""))
        password = data.get("password", "")
        if not username or not password or not self.check_allowed(username):
            return None
        wait = self._locked_for(username)
        if wait > 0:
            self._failed(username)  # a try while locked extends the lock
            self.log.warning("Login of %s refused: locked after repeated failures", username)
            raise web.HTTPError(
                429, f"登录失败次数过多，请 {wait:.0f} 秒后再试 / Too many failed logins: try again in {wait:.0f} s"
            )
        store = self.store
        loop = asyncio.get_running_loop()
        if self.first_login_sets_password and not await loop.run_in_executor(None, store.has, username):
            if len(password) < self.min_password_length:
                raise web.HTTPError(
                    400,
                    f"第一次登录：请设定至少 {self.min_password_length} 个字符的密码 / "
                    f"first login: choose a password of at least {self.min_password_length} characters",
                )
            if await loop.run_in_executor(None, store.set_if_absent, username, password):
                self.log.info("First login of %s: password set", username)
                self._failures.pop(username, None)
                return username
        if await loop.run_in_executor(None, store.check, username, password):
            self._failures.pop(username, None)
            return username
        self._failed(username)
        self.log.warning("Wrong password for %s", username)
        return None

    def get_handlers(self, app):
        return [*super().get_handlers(app), ("/change-password", ChangePasswordHandler)]


class ChangePasswordHandler(BaseHandler):
    """The logged-in user's own password: the current one, then the new one twice."""

    def _page(self, message="", ok=False):
        return self.render_template("change-password.html", message=message, ok=ok, xsrf=self.xsrf_token.decode())

    @web.authenticated
    async def get(self):
        self.finish(await self._page())

    @web.authenticated
    async def post(self):
        auth = self.authenticator
        old = self.get_body_argument("old_password", "")
        new = self.get_body_argument("new_password", "")
        again = self.get_body_argument("new_password_again", "")
        name = self.current_user.name
        loop = asyncio.get_running_loop()
        if auth._locked_for(name) > 0:
            message = "登录失败次数过多，请稍后再试 / Too many failed attempts: try again later"
        elif not await loop.run_in_executor(None, auth.store.check, name, old):
            auth._failed(name)
            message = "当前密码不对 / The current password is wrong"
        elif new != again:
            message = "两次输入的新密码不一样 / The two new passwords differ"
        elif len(new) < auth.min_password_length:
            message = f"新密码至少 {auth.min_password_length} 个字符 / At least {auth.min_password_length} characters"
        else:
            await loop.run_in_executor(None, auth.store.set, name, new)
            self.log.info("Password changed by %s", name)
            self.finish(await self._page("密码已更改 / Password changed", ok=True))
            return
        self.set_status(400)
        self.finish(await self._page(message))
