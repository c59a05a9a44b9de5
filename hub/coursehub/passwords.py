"""Students' passwords: scrypt hashes in one JSON file that only its owner (root) can read.

Hash: scrypt (RFC 7914, Python's ``hashlib.scrypt``) with n=2**14, r=8, p=1, a 16-byte
random salt and a 32-byte key, stored as ``scrypt$n$r$p$salt_hex$key_hex``; compared in
constant time. About 16 MiB and 40-60 ms per check, so the hub runs checks off its event
loop. The file is written atomically (a temporary file, then rename) with mode 0600 in a
folder outside the course's repository; it holds no password, only hashes.

Initial passwords (``issue``) are 10 characters from an alphabet without look-alikes
(no 0/O, 1/l/I): about 57 bits, printed once for the instructor to hand out.
"""

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from pathlib import Path

N, R, P, KEY_BYTES = 2**14, 8, 1, 32
ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
INITIAL_LENGTH = 10


def hash_password(password, salt=None):
    """The stored form of ``password``: ``scrypt$n$r$p$salt$key`` (hex).

    >>> stored = hash_password("秘密-secret")
    >>> stored.startswith("scrypt$16384$8$1$"), verify("秘密-secret", stored), verify("secret", stored)
    (True, True, False)
    """
    salt = secrets.token_bytes(16) if salt is None else salt
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=KEY_BYTES, maxmem=64 * 2**20)
    return f"scrypt${N}${R}${P}${salt.hex()}${key.hex()}"


def verify(password, stored):
    """Whether ``password`` matches the stored form (False for a malformed one)."""
    try:
        kind, n, r, p, salt, key = stored.split("$")
        n, r, p, salt, key = int(n), int(r), int(p), bytes.fromhex(salt), bytes.fromhex(key)
    except (ValueError, AttributeError):
        return False
    if kind != "scrypt":
        return False
    got = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=len(key), maxmem=64 * 2**20)
    return hmac.compare_digest(got, key)


def new_password():
    """A random initial password, easy to read aloud and to type."""
    return "".join(secrets.choice(ALPHABET) for _ in range(INITIAL_LENGTH))


class PasswordStore:
    """The hashes, one per login name, in ``path`` (0600). Reads the file on every call,
    so a password issued from the command line while the hub runs counts at once."""

    def __init__(self, path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def _load(self):
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, hashes):
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".passwords-")
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(hashes, out, indent=0, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def has(self, username):
        return username in self._load()

    def check(self, username, password):
        stored = self._load().get(username)
        return stored is not None and verify(password, stored)

    def set(self, username, password):
        stored = hash_password(password)
        with self._lock:
            hashes = self._load()
            hashes[username] = stored
            self._save(hashes)

    def set_if_absent(self, username, password):
        """Store ``password`` for a first login; False if the user already has one."""
        stored = hash_password(password)
        with self._lock:
            hashes = self._load()
            if username in hashes:
                return False
            hashes[username] = stored
            self._save(hashes)
            return True

    def remove(self, username):
        with self._lock:
            hashes = self._load()
            if hashes.pop(username, None) is not None:
                self._save(hashes)

    def issue(self, usernames, reset=False):
        """New initial passwords for ``usernames`` that have none (all of them with ``reset``):
        {username: password}, to print once and hand out."""
        issued = {name: new_password() for name in usernames}
        hashed = {name: hash_password(password) for name, password in issued.items()}
        with self._lock:
            hashes = self._load()
            if not reset:
                issued = {name: pw for name, pw in issued.items() if name not in hashes}
            hashes.update({name: hashed[name] for name in issued})
            self._save(hashes)
        return issued
