"""`private_file` never opens a file that exists: closing a descriptor drops every POSIX lock the
process holds on the file, including those of SQLite connections in other threads of a server."""

from __future__ import annotations

import os
import sqlite3

import pytest

from aiops.core.private import private_file


def test_an_existing_file_is_tightened_without_being_opened(tmp_path, monkeypatch):
    path = tmp_path / "db.sqlite"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    opened: list[str] = []
    real_open = os.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    assert private_file(path) == path
    assert opened == [] and oct(path.stat().st_mode & 0o777) == "0o600"
    new = tmp_path / "new.sqlite"
    private_file(new)
    assert opened == [str(new)] and oct(new.stat().st_mode & 0o777) == "0o600"


def test_a_symbolic_link_is_refused(tmp_path):
    target = tmp_path / "elsewhere"
    target.write_text("x")
    link = tmp_path / "link.sqlite"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symbolic link"):
        private_file(link)
