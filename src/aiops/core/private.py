"""Owner-only files and folders for the state folder: folders 0700, files 0600, whatever the umask.

The state folder holds approvals, checkpoints, the audit trail, transcripts and reports; none of it is
for other local users. Every writer in the state folder goes through these helpers. A SQLite database
created with `private_file` first keeps its -wal, -shm and -journal siblings private too (SQLite gives
them the database file's mode).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

DIR_MODE = 0o700
FILE_MODE = 0o600
_OTHERS = stat.S_IRWXG | stat.S_IRWXO


def _tighten(path: Path) -> None:
    """Remove group and other permissions from `path` when it is ours (never follows a symlink)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return
    if stat.S_IMODE(info.st_mode) & _OTHERS:
        with contextlib.suppress(PermissionError):
            path.chmod(stat.S_IMODE(info.st_mode) & ~_OTHERS)


def harden_tree_item(path: Path) -> None:
    """Tighten one file or folder of ours (group and other permissions removed)."""
    _tighten(path)


def private_dir(path: Path) -> Path:
    """Create `path` and its missing parents with mode 0700; an existing folder of ours is tightened."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
    _tighten(path)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty with mode 0600 when missing; tighten it when it exists. Returns `path`.

    An existing file is never opened here: closing a descriptor of a file drops every POSIX lock this
    process holds on it, including the locks of SQLite connections open on it in other threads (a
    server that opens a store while another thread reads it would lose them, and another process
    could then checkpoint and delete the WAL under the reader: "database disk image is malformed").
    A symbolic link is refused, as `O_NOFOLLOW` refuses it when creating."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
        os.close(fd)
    else:
        if stat.S_ISLNK(info.st_mode):
            raise OSError(errno.ELOOP, "refusing to follow a symbolic link", str(path))
    _tighten(path)
    return path


def open_private(path: Path, mode: str = "a", **kwargs: Any) -> IO[Any]:
    """`open(path, mode)` for writing, creating the file 0600 (`w` truncates, `a` appends, `r+` updates)."""
    flags = {"w": os.O_WRONLY | os.O_TRUNC, "a": os.O_WRONLY | os.O_APPEND, "r": os.O_WRONLY}[mode[0]]
    if "+" in mode:
        flags = (flags & ~os.O_WRONLY) | os.O_RDWR
    fd = os.open(path, flags | os.O_CREAT, FILE_MODE)
    try:
        _tighten(path)
        return os.fdopen(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def write_private_text(path: Path, text: str, *, encoding: str = "utf-8") -> Path:
    """`Path.write_text` with the file created 0600."""
    with open_private(path, "w", encoding=encoding) as handle:
        handle.write(text)
    return path


def harden_tree(root: Path) -> int:
    """Tighten every folder (0700) and file (0600) of ours under `root`; returns how many changed."""
    changed = 0
    for path in _walk(root):
        before = path.lstat().st_mode
        _tighten(path)
        changed += path.lstat().st_mode != before
    return changed


def _walk(root: Path) -> Iterator[Path]:
    if not root.exists() or root.is_symlink():
        return
    yield root
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        for name in (*dirs, *files):
            yield base / name


def is_private(path: Path) -> bool:
    """True when no group or other user has any permission on `path`."""
    return not path.stat().st_mode & _OTHERS
