"""Where matplotlib keeps its settings and font cache when the home folder is read-only.

matplotlib writes them to ``~/.config/matplotlib`` (Linux; ``~/.matplotlib`` on macOS). On a
locked-down lab PC, a container or a class server whose home folder is read-only it cannot,
and every kernel then writes two warnings to stderr at ``import matplotlib`` ("mkdir -p failed
...", "Matplotlib created a temporary cache directory ..."). That is not a student's problem
to solve, so before matplotlib is first imported coursekit checks the folder itself and, only
when it cannot be made or written, points matplotlib (``MPLCONFIGDIR``) to a folder of this
user's own in the temporary directory, kept between kernels so the font cache is built once.
A user who set ``MPLCONFIGDIR`` keeps their choice; nothing changes where the home is writable.
"""

import os
import sys
import tempfile
from pathlib import Path


def default_config_dir():
    """matplotlib's own choice of folder (its ``get_configdir`` rules, without importing it)."""
    if sys.platform.startswith(("linux", "freebsd")):
        base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
        return Path(base) / "matplotlib"
    return Path(os.path.expanduser("~")) / ".matplotlib"


def writable(folder):
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK) and folder.is_dir()


def private_temporary_folder():
    """``<tmp>/coursekit-matplotlib-<uid>``, made with mode 700 and used only if this user owns it
    (another user could have made it first, in a shared /tmp); else a new temporary folder."""
    if hasattr(os, "getuid"):
        folder = Path(tempfile.gettempdir()) / f"coursekit-matplotlib-{os.getuid()}"
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
            info = folder.lstat()
            if folder.is_dir() and not folder.is_symlink() and info.st_uid == os.getuid() and writable(folder):
                return folder
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix="coursekit-matplotlib-"))


def use_a_writable_config_dir():
    """Set ``MPLCONFIGDIR`` to a private temporary folder when matplotlib's own is not writable;
    returns the folder chosen, or None when nothing had to change."""
    if os.environ.get("MPLCONFIGDIR") or "matplotlib" in sys.modules or writable(default_config_dir()):
        return None
    folder = private_temporary_folder()
    os.environ["MPLCONFIGDIR"] = str(folder)
    return folder
