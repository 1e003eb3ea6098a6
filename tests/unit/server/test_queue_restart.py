"""The work queue (bounded, one waiting job per incident, recovery), and a real `aiops serve`
process stopped with SIGTERM in the middle of investigations, then restarted: nothing is lost,
nothing runs twice."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from aiops.server.db import ServerDB
from aiops.server.jobqueue import QueueFullError, SqliteQueue

from .harness import wait_for


def test_queue_is_bounded_and_keeps_one_waiting_job_per_incident(tmp_path):
    queue = SqliteQueue(ServerDB(tmp_path), capacity=2, retry_after=7)
    assert queue.submit("a") and not queue.submit("a")
    assert queue.submit("b")
    with pytest.raises(QueueFullError) as full:
        queue.submit("c")
    assert full.value.retry_after == 7 and full.value.depth == 2
    assert queue.submit("c", force=True), "a recorded decision is never refused"
    job = queue.claim("w1")
    assert job.incident_id == "a" and queue.running() == 1 and queue.depth() == 2
    assert queue.submit("a", force=True), "a new job may wait while one runs"
    second = queue.claim("w2")
    assert second.incident_id == "b", "never two workers on one incident"
    assert queue.recover("w1") == 1 and queue.depth() == 2, "the recovered job merges with the waiting one"
    queue.finish(second)
    assert queue.running() == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(home, port: int, *extra: str) -> subprocess.Popen:
    argv = [sys.executable, "-m", "aiops.cli.main", "serve", "--scenario", "pool-leak-payment", "--port", str(port),
            "--home", str(home), *extra]
    return subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def _ready(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read().decode()
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server not ready")


@pytest.mark.loopback
def test_sigterm_checkpoints_running_work_and_a_restart_continues_it(tmp_path):
    home, port = tmp_path / "state", _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _serve(home, port, "--workers", "2", "--grace", "0.5")
    try:
        _ready(url, proc)
        with httpx.Client(base_url=url, timeout=30) as client:
            ids = [client.post("/api/v1/incidents", json={"alert": f"payment-api 503s ({i})", "service": "payment-api"}
                               ).json()["incident_id"] for i in range(5)]
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:  # stop while investigations are in flight
                if any(client.get(f"/api/v1/incidents/{i}").json()["status"] == "running" for i in ids):
                    break
                time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    db = sqlite3.connect(home / "server.sqlite")
    assert db.execute("SELECT COUNT(*) FROM jobs WHERE state='running'").fetchone()[0] == 0
    statuses = dict(sqlite3.connect(home / "incidents.sqlite").execute("SELECT id, status FROM incidents"))
    assert set(statuses) == set(ids)
    assert set(statuses.values()) - {"awaiting_approval"}, "the stop came while work was unfinished"

    proc = _serve(home, port, "--workers", "2")
    try:
        _ready(url, proc)
        with httpx.Client(base_url=url, timeout=30) as client:
            for incident in ids:
                deadline = time.monotonic() + 120
                while not (paused := wait_for(client, incident, {"awaiting_approval"}, timeout=120))["pending"]:
                    assert time.monotonic() < deadline, f"{incident} shows no pending approval"
                    time.sleep(0.2)  # paused before the stop, but the stop came before the pause was shown
                assert [p["action"] for p in paused["pending"]] == ["reset_connection_pool"]
        proposals = sqlite3.connect(home / "approvals.sqlite").execute(
            "SELECT incident_id, COUNT(*) FROM proposals GROUP BY incident_id").fetchall()
        assert sorted(proposals) == sorted((i, 1) for i in ids), "each incident proposed exactly once"
        opened = sqlite3.connect(home / "server.sqlite").execute(
            "SELECT COUNT(*) FROM events WHERE kind='opened'").fetchone()[0]
        assert opened == 5
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
