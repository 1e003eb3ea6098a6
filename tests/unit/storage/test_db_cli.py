"""`aiops db` and `aiops worker` on the default SQLite state (no server, no network)."""

from __future__ import annotations

import json

from aiops.cli.main import main


def test_db_commands_on_sqlite_say_there_is_nothing_to_migrate(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("AIOPS_DATABASE_URL", raising=False)
    monkeypatch.delenv("AIOPS_ENV", raising=False)
    home = tmp_path / "state"
    assert main(["db", "status", "--home", str(home), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info == {"backend": "sqlite", "location": str(home), "current": True}
    assert main(["db", "upgrade", "--home", str(home)]) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_worker_needs_a_postgres_state_database(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("AIOPS_DATABASE_URL", raising=False)
    monkeypatch.delenv("AIOPS_ENV", raising=False)
    assert main(["worker", "--home", str(tmp_path / "state")]) == 2
    err = capsys.readouterr().err
    assert "AIOPS_DATABASE_URL" in err and "aiops serve --workers N" in err


def test_a_bad_database_setting_stops_every_command_with_the_variable_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AIOPS_DATABASE_URL", "mysql://aiops:hunter2hunter2@db/aiops")
    assert main(["incidents", "list", "--home", str(tmp_path / "state")]) == 2
    err = capsys.readouterr().err
    assert "AIOPS_DATABASE_URL" in err and "postgresql://" in err and "hunter2hunter2" not in err
