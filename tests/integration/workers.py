"""Real processes for the multi-node tests: `aiops serve` nodes and `aiops worker` processes over one
PostgreSQL state database and one shared state folder (a shared volume in production)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from tests.integration.servers import free_port, process, wait_until

SCENARIO = "pool-leak-payment"


def node_env(url: str, home: Path) -> dict[str, str]:
    """The environment of every node: the database URL and the shared state folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIOPS_")}
    return {**env, "AIOPS_DATABASE_URL": url, "AIOPS_HOME": str(home), "NO_COLOR": "1"}


def started(name: str, argv: list[str], env: dict[str, str], log: Path) -> contextlib.AbstractContextManager:
    """A node process for the block (pid file for `ci/servers.sh stop`; its log appended to)."""
    return process(name, argv, log=log, env=env, append=True, stop_timeout=30)


@contextlib.contextmanager
def serve_node(env: dict[str, str], log: Path) -> Iterator[httpx.Client]:
    """An `aiops serve` node that only takes alerts and decisions (`--workers 0`)."""
    port = free_port()
    argv = [sys.executable, "-m", "aiops.cli.main", "serve", "--scenario", SCENARIO, "--workers", "0",
            "--port", str(port), "--lease", "3"]
    with started("serve", argv, env, log), httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        wait_until(lambda: client.get("/healthz").status_code == 200, timeout=60, what="aiops serve")
        yield client


def worker(env: dict[str, str], log: Path, lease: float = 3.0) -> contextlib.AbstractContextManager[subprocess.Popen]:
    """One worker process (the process `aiops worker` starts per `--concurrency`)."""
    argv = [sys.executable, "-m", "aiops.server.worker", "--home", env["AIOPS_HOME"], "--lease", str(lease),
            "--nice", "0"]
    return started("worker", argv, env, log)


def payload(alerts: list[dict[str, Any]]) -> dict[str, Any]:
    """An Alertmanager webhook v4 body."""
    return {"version": "4", "groupKey": "{}:{}", "status": "firing", "receiver": "aiops", "groupLabels": {},
            "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://alertmanager.local", "alerts": alerts}


def alert(fingerprint: str, service: str = "payment-api") -> dict[str, Any]:
    """A firing alert of one fingerprint (one firing episode: the same startsAt)."""
    return {"status": "firing", "fingerprint": fingerprint, "startsAt": "2026-03-01T10:00:00Z",
            "labels": {"alertname": "HighErrorRate", "service": service, "instance": fingerprint},
            "annotations": {"summary": f"{service} 5xx above 20%"}}


def wait_status(client: httpx.Client, incident_id: str, statuses: set[str], timeout: float = 120) -> dict[str, Any]:
    """Poll the incident until its status is one of `statuses`."""
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = client.get(f"/api/v1/incidents/{incident_id}").json()
        if body.get("status") in statuses:
            return body
        time.sleep(0.2)
    raise AssertionError(f"incident {incident_id} stayed {body.get('status')}, not {statuses}")
