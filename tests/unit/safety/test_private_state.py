"""The state folder is private to its owner (issue #11 item 4): folders 0700, files 0600, whatever the
umask, including SQLite files with their -wal/-shm siblings, reports, evidence, transcripts and the
team snapshot copied into an incident. A folder created before this rule is tightened when opened."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LOOSE = stat.S_IRWXG | stat.S_IRWXO


def _loose(root: Path) -> list[str]:
    """Every path under `root` (and `root` itself) that a group or other user may read, write or enter."""
    paths = [root, *root.rglob("*")]
    return [f"{oct(p.lstat().st_mode & 0o777)} {p}" for p in paths
            if not p.is_symlink() and p.lstat().st_mode & LOOSE]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_cli_incident_leaves_nothing_readable_by_others(tmp_path: Path) -> None:
    home, transcript = tmp_path / "state", tmp_path / "out" / "transcript.jsonl"
    env = {**os.environ, "AIOPS_HOME": str(home)}
    out = subprocess.run(
        [sys.executable, "-m", "aiops", "respond", "--scenario", "pool-leak-payment", "--model", "playbook",
         "--approve", "all", "--json", "--quiet", "--transcript", str(transcript)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
        stdin=subprocess.DEVNULL, preexec_fn=lambda: os.umask(0o022),
    )
    assert out.returncode == 0, out.stderr[-2000:]
    incident = home / "incidents" / json.loads(out.stdout)["incident_id"]
    for name in ("secret.key", "approvals.sqlite", "checkpoints.sqlite", "incidents.sqlite", "audit.jsonl",
                 "audit.jsonl.head"):
        assert (home / name).is_file(), name
    for name in ("report.md", "report.json", "evidence.jsonl", "env/sandbox.json", "team"):
        assert (incident / name).exists(), name
    assert list((incident / "team").rglob("SKILL.md")), "the team snapshot was copied"
    assert _loose(home) == []
    assert transcript.stat().st_mode & LOOSE == 0, "a transcript holds model requests: owner only"


def test_an_in_process_incident_is_private_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    from aiops.runtime.home import StateHome
    from tests.unit.safety_e2e.harness import careful_human, compromised_team, start

    home = StateHome.resolve(tmp_path / "state")
    models = compromised_team(obey=False)
    models["sre_log_analyst"].plan.insert(0, {"name": "write_file", "args": {
        "file_path": "/notes/findings.md", "content": "pool exhausted on payment-api"}})
    run = start("pool-leak-payment", careful_human(), home=home, models=models)
    run.session.close()
    assert run.outcome.status == "resolved"
    assert (run.dir / "workspace" / "notes" / "findings.md").is_file()
    assert _loose(home.root) == []


def test_sqlite_wal_and_shm_siblings_are_private(tmp_path: Path, umask_022: None) -> None:
    from aiops.runtime.home import StateHome
    from aiops.runtime.store import IncidentStore

    home = StateHome.resolve(tmp_path / "state")
    store = IncidentStore(home.index)
    conn = sqlite3.connect(home.index)  # an open reader keeps -wal and -shm in place
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("SELECT count(*) FROM incidents").fetchone()
        from tests.unit.safety_e2e.harness import new_record

        store.save(new_record("pool-leak-payment"))
        siblings = [home.index.with_name(home.index.name + s) for s in ("-wal", "-shm")]
        assert all(p.exists() for p in siblings)
        assert _loose(home.root) == []
    finally:
        conn.close()


def test_a_state_folder_from_before_is_tightened_when_opened(tmp_path: Path, umask_022: None) -> None:
    from aiops.runtime.home import StateHome

    root = tmp_path / ".aiops"
    (root / "incidents" / "inc-1").mkdir(parents=True)
    for name in ("approvals.sqlite", "audit.jsonl", "incidents/inc-1/report.md"):
        (root / name).write_text("x")
    root.chmod(0o755)
    assert _loose(root)
    StateHome.resolve(root)
    assert _loose(root) == []


def test_an_unrelated_shared_folder_is_not_chmodded(tmp_path: Path) -> None:
    """`$AIOPS_HOME` pointing at a folder that is not a state folder (say, a shared one) keeps its
    mode; what aiops creates inside it is still private."""
    from aiops.runtime.home import StateHome

    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "someone-elses.txt").write_text("x")
    shared.chmod(0o755)
    home = StateHome.resolve(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    from aiops.safety import load_or_create_secret

    load_or_create_secret(home.root)
    from aiops.runtime.store import IncidentStore

    IncidentStore(home.index)
    assert home.index.stat().st_mode & LOOSE == 0
