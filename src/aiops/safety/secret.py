"""The state folder's secret key: created once with 0600 permissions, shared by every process."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import time
from pathlib import Path

from aiops.core.errors import ConfigError
from aiops.core.private import private_dir

SECRET_FILE = "secret.key"  # noqa: S105 (a file name, not a secret)
_SIZE = 32


def load_or_create_secret(state_dir: Path) -> bytes:
    """The 32-byte key in `state_dir/secret.key`, created atomically (0600) when missing.

    Two processes creating it at once agree on one key (the file is published with a hard link,
    which fails when it exists). A key readable by group or others is refused.
    """
    if not state_dir.exists():
        private_dir(state_dir)
    path = state_dir / SECRET_FILE
    if not path.exists():
        tmp = state_dir / f".{SECRET_FILE}.{os.getpid()}.{time.monotonic_ns()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, os.urandom(_SIZE).hex().encode("ascii"))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError("the key is readable by other users; run `chmod 600` on it", file=str(path))
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError as exc:
        raise ConfigError(
            "the key file is corrupt (expected hex); remove it to start a new key "
            "(existing approvals become invalid)",
            file=str(path),
        ) from exc
    if len(key) < 16:
        raise ConfigError("the key is shorter than 16 bytes", file=str(path))
    return key


def derive_key(secret: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose (e.g. `redaction:<incident id>`), so one secret serves several uses."""
    return hmac.new(secret, purpose.encode("utf-8"), hashlib.sha256).digest()


def read_secret(state_dir: Path) -> bytes | None:
    """The key of `state_dir` when it has one (checked as `load_or_create_secret` does), else None;
    never creates a key (for readers such as `aiops audit verify`)."""
    if not (state_dir / SECRET_FILE).exists():
        return None
    return load_or_create_secret(state_dir)
