"""Workers on many machines, simulated with processes on this one: `aiops serve` nodes take alerts and
decisions, `aiops worker` processes investigate, all over one PostgreSQL state database."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections import Counter

import psycopg

from tests.integration.workers import alert, node_env, payload, serve_node, wait_status, worker


def _prepare_home(tmp_path):
    home = tmp_path / "state"
    home.mkdir(mode=0o700)
    return home


def _rows(url, sql, *args):
    with psycopg.connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def test_sixty_alerts_three_workers_twenty_incidents_each_investigated_once(pg_url, tmp_path):
    env = node_env(pg_url, _prepare_home(tmp_path))
    log = tmp_path / "nodes.log"
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(serve_node(env, log))
        for _ in range(3):
            stack.enter_context(worker(env, log))
        fingerprints = [f"fp-{n:02d}" for n in range(20)]
        alerts = [alert(fp) for fp in fingerprints * 3]  # every fingerprint fires three times
        answers = []
        for start in range(0, 60, 10):
            response = client.post("/api/v1/alerts/alertmanager", json=payload(alerts[start:start + 10]))
            assert response.status_code == 200, response.text
            answers.append(response.json())
        listed = client.get("/api/v1/incidents", params={"limit": 100}).json()
        assert listed["total"] == 20
        for item in listed["incidents"]:
            wait_status(client, item["incident_id"], {"awaiting_approval"})
    ids = {item["incident_id"] for item in listed["incidents"]}
    jobs = _rows(pg_url, "SELECT args->>'incident_id', status FROM procrastinate_jobs")
    assert Counter(incident for incident, _ in jobs) == Counter(dict.fromkeys(ids, 1))  # one job each
    assert {status for _, status in jobs} == {"succeeded"}
    started = _rows(pg_url, "SELECT incident_id, count(*) FROM events WHERE kind = 'status' AND data LIKE %s"
                    " GROUP BY incident_id", '%investigation started%')
    assert dict(started) == dict.fromkeys(ids, 1)  # each investigated once
    proposals = _rows(pg_url, "SELECT incident_id, count(*) FROM proposals GROUP BY incident_id")
    assert dict(proposals) == dict.fromkeys(ids, 1)
    workers = _rows(pg_url, "SELECT count(DISTINCT data::json->>'worker') FROM events WHERE kind = 'status'")
    assert workers[0][0] == 3  # the work was shared by the three workers


def test_a_worker_killed_mid_investigation_its_incident_finishes_on_another_once(pg_url, tmp_path):
    """kill -9 the worker that runs an incident while it investigates: after the lease another worker
    continues it from its last checkpoint; approved from a second serve node, the action runs once, and
    the idempotency record, the ledger and the audit trail agree."""
    home = _prepare_home(tmp_path)
    env = node_env(pg_url, home)
    log = tmp_path / "nodes.log"
    with contextlib.ExitStack() as stack:
        first = stack.enter_context(serve_node(env, log))
        second = stack.enter_context(serve_node(env, log))
        procs = [stack.enter_context(worker(env, log)) for _ in range(2)]
        incident = first.post("/api/v1/incidents", json={"alert": "payment-api 503s, error rate 23%"}).json()[
            "incident_id"]
        victim = _running_worker(pg_url, incident, procs)
        os.killpg(victim.pid, signal.SIGKILL)  # the worker and anything it started
        victim.wait()
        paused = wait_status(second, incident, {"awaiting_approval"}, timeout=120)
        assert paused["pending"], paused
        texts = [t for (t,) in _rows(pg_url, "SELECT data::json->>'text' FROM events WHERE incident_id = %s"
                                     " AND kind = 'status' ORDER BY id", incident)]
        assert texts[:2] == ["investigation started", "continuing from the last checkpoint (was running)"], texts
        # two nodes decide at once: one wins, the other is told
        answers = _decide_twice(first, second, incident)
        assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
        done = wait_status(first, incident, {"resolved", "unresolved"}, timeout=120)
    assert done["status"] == "resolved", done
    assert [a["result"] for a in done["actions"]] == ["succeeded"]
    (approval,) = _rows(pg_url, "SELECT id, state FROM approvals WHERE incident_id = %s", incident)
    assert approval[1] == "done"
    assert _rows(pg_url, "SELECT count(*) FROM executed WHERE key = %s AND result IS NOT NULL", approval[0]) == [(1,)]
    kinds = Counter(kind for (kind,) in _rows(pg_url, "SELECT kind FROM audit_entries WHERE approval_id = %s",
                                               approval[0]))
    assert kinds["execution_started"] == 1 and kinds["execution_result"] == 1
    jobs = _rows(pg_url, "SELECT attempts, status FROM procrastinate_jobs WHERE args->>'incident_id' = %s ORDER BY id",
                 incident)
    assert jobs[0][0] >= 2  # the first job was retried after its worker died


def _running_worker(url, incident, procs, timeout=60):
    """The worker process whose job is advancing `incident`, once its investigation is under way (it has
    written a checkpoint)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = _rows(url, "SELECT data::json->>'worker' FROM events WHERE incident_id = %s AND kind = 'status'"
                     " ORDER BY id DESC LIMIT 1", incident)
        checkpoints = _rows(url, "SELECT count(*) FROM checkpoints WHERE thread_id = %s", incident)[0][0]
        if rows and rows[0][0] and checkpoints >= 3:
            pid = int(rows[0][0].rsplit(":", 1)[1])
            for proc in procs:
                if proc.pid == pid:
                    return proc
        time.sleep(0.05)
    raise AssertionError(f"no worker took incident {incident} in {timeout} s")


def _decide_twice(first, second, incident):
    import threading

    answers = []
    barrier = threading.Barrier(2)

    def post(client, body):
        barrier.wait()
        answers.append(client.post(f"/api/v1/incidents/{incident}/decision", json=body))

    threads = [threading.Thread(target=post, args=(client, {"decision": "approve"})) for client in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    loser = next(a for a in answers if a.status_code != 200)
    assert "being worked on" in loser.text or "not waiting for a decision" in loser.text, loser.text
    return answers
