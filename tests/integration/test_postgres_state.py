"""The whole state on PostgreSQL through the `aiops` command: migrations and the start-up check, one
incident end to end with no SQLite file written, a decision taken on another node, and a password
that never shows."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aiops.storage import migrations

AIOPS = [sys.executable, "-m", "aiops.cli.main"]


def _aiops(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AIOPS, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIOPS_")}
    return {**env, "NO_COLOR": "1", **extra}


def test_schema_is_checked_at_start_and_upgraded_by_the_command(pg_server, tmp_path):
    url = pg_server.url(pg_server.create_database())
    env = _env(AIOPS_DATABASE_URL=url, AIOPS_HOME=str(tmp_path / "home"))
    refused = _aiops("incidents", "list", env=env, cwd=tmp_path)
    assert refused.returncode == 2
    assert "run `aiops db upgrade`" in refused.stderr and pg_server.password not in refused.stderr
    status = _aiops("db", "status", "--json", env=env, cwd=tmp_path)
    assert status.returncode == 1 and json.loads(status.stdout)["version"] == 0
    first = subprocess.Popen([*AIOPS, "db", "upgrade"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    second = _aiops("db", "upgrade", env=env, cwd=tmp_path)  # two nodes upgrading at once take turns
    out, _ = first.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert (out + second.stdout).count("applied 1:") == 1
    status = _aiops("db", "status", "--json", env=env, cwd=tmp_path)
    info = json.loads(status.stdout)
    assert status.returncode == 0 and info["current"] and info["version"] == info["latest"] == migrations.LATEST
    assert pg_server.password not in status.stdout and ":***@" in info["location"]
    assert _aiops("incidents", "list", env=env, cwd=tmp_path).returncode == 0


def test_database_section_takes_the_password_by_variable_name(pg_server, pg_url, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "env.yaml").write_text(f"type: sandbox\nscenario: pool-leak-payment\ndatabase:\n"
                                   f"  url: {pg_url.replace(':' + pg_server.password + '@', '@')}\n"
                                   f"  password_env: MY_DB_PASSWORD\n")
    env = _env(AIOPS_HOME=str(home))
    missing = _aiops("db", "status", env=env, cwd=tmp_path)
    assert missing.returncode == 2 and "MY_DB_PASSWORD" in missing.stderr and "password_env" in missing.stderr
    ok = _aiops("db", "status", env={**env, "MY_DB_PASSWORD": pg_server.password}, cwd=tmp_path)
    assert ok.returncode == 0 and "postgresql" in ok.stdout and pg_server.password not in ok.stdout
    wrong = _aiops("db", "status", env={**env, "MY_DB_PASSWORD": "not-the-password"}, cwd=tmp_path)
    assert wrong.returncode == 2 and "not-the-password" not in wrong.stderr + wrong.stdout
    assert "PostgreSQL at postgresql://aiops:***@127.0.0.1" in wrong.stderr
    (home / "env.yaml").write_text(f"type: sandbox\nscenario: pool-leak-payment\ndatabase:\n  url: {pg_url}\n")
    inline = _aiops("db", "status", env=env, cwd=tmp_path)
    assert inline.returncode == 2 and pg_server.password not in inline.stderr


def test_an_incident_on_postgres_then_decided_on_another_node(pg_url, tmp_path):
    """Node A opens an incident that pauses for approval; node B (its own state folder, the same key and
    database) approves it; the incident resolves once, the audit verifies on both nodes, and neither
    node wrote a SQLite file."""
    node_a, node_b = tmp_path / "a", tmp_path / "b"
    env_a = _env(AIOPS_DATABASE_URL=pg_url, AIOPS_HOME=str(node_a))
    env_b = _env(AIOPS_DATABASE_URL=pg_url, AIOPS_HOME=str(node_b))
    paused = _aiops("respond", "--scenario", "pool-leak-payment", "--json", env=env_a, cwd=tmp_path)
    assert paused.returncode == 3, paused.stderr
    incident = json.loads(paused.stdout)["incident_id"]
    other_key = _aiops("incidents", "list", env=env_b, cwd=tmp_path)
    assert other_key.returncode == 2 and "secret.key" in other_key.stderr  # B has a key of its own: refused
    shutil.rmtree(node_b)
    node_b.mkdir(mode=0o700)
    shutil.copy2(node_a / "secret.key", node_b / "secret.key")
    shutil.copytree(node_a / "incidents", node_b / "incidents")  # the incident folders: a shared volume in production
    listed = _aiops("incidents", "list", "--json", env=env_b, cwd=tmp_path)
    assert listed.returncode == 0 and incident in listed.stdout
    done = _aiops("incidents", "resume", incident, "--approve", "--json", env=env_b, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "resolved" and [a["result"] for a in result["actions"]] == ["succeeded"]
    again = _aiops("incidents", "resume", incident, "--approve", env=env_a, cwd=tmp_path)
    assert "resolved" in again.stdout + again.stderr
    for env in (env_a, env_b):
        verified = _aiops("audit", "verify", env=env, cwd=tmp_path)
        assert verified.returncode == 0 and "intact" in verified.stdout, verified.stdout
    shown = _aiops("audit", "show", "--incident", incident, "--json", env=env_a, cwd=tmp_path)
    kinds = [json.loads(line)["kind"] for line in shown.stdout.splitlines()]
    assert kinds.count("execution_started") == 1 and kinds.count("execution_result") == 1
    for node in (node_a, node_b):
        assert not list(node.glob("*.sqlite")) and not (node / "audit.jsonl").exists()


@pytest.mark.parametrize("tamper", ["edit", "delete"])
def test_audit_verify_catches_tampering_in_the_database(pg_url, tmp_path, tamper):
    import psycopg

    env = _env(AIOPS_DATABASE_URL=pg_url, AIOPS_HOME=str(tmp_path / "h"))
    assert _aiops("respond", "--scenario", "pool-leak-payment", "--approve", "all", env=env,
                  cwd=tmp_path).returncode == 0
    with psycopg.connect(pg_url, autocommit=True) as conn:
        if tamper == "edit":
            conn.execute("UPDATE audit_entries SET line = replace(line, 'reset_connection_pool', 'restart')"
                         " WHERE kind = 'decision'")
        else:
            conn.execute("DELETE FROM audit_entries WHERE kind = 'execution_started'")
    verified = _aiops("audit", "verify", env=env, cwd=tmp_path)
    assert verified.returncode == 1
    assert ("BROKEN" if tamper == "edit" else "chain broken") in verified.stdout
