"""Helpers that start real local servers for integration tests and always stop them.

A missing server binary skips the test on a developer machine but fails it under CI (`CI` or
`AIOPS_INTEGRATION` set, as `make test` does), so CI can never pass by skipping. Pids are recorded
under $AIOPS_CI_RUN for `ci/servers.sh stop`.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

RUN_DIR = Path(os.environ.get("AIOPS_CI_RUN", "/tmp/aiops-ci-servers"))


def require(binary: str) -> str:
    """Path of `binary`; skip locally / fail in CI when it is missing (run `ci/servers.sh install`)."""
    path = shutil.which(binary) or (binary if Path(binary).is_file() else None)
    if path is None:
        message = f"{binary} is not installed; run ci/servers.sh install"
        _skip_or_fail(message)
    return path


def require_module(name: str) -> None:
    """Skip locally / fail in CI when a Python module is missing."""
    try:
        __import__(name)
    except ImportError:
        message = f"python module {name} is missing; run ci/servers.sh install"
        _skip_or_fail(message)


def _skip_or_fail(message: str) -> None:
    if os.environ.get("CI") or os.environ.get("AIOPS_INTEGRATION"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check: Callable[[], bool], *, timeout: float = 20.0, what: str = "server") -> None:
    """Poll `check` until it is true; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.05)
    pytest.fail(f"{what} did not become ready within {timeout:g}s")


def http_ok(url: str, *, context: ssl.SSLContext | None = None) -> bool:
    """True when GET `url` answers 2xx (over TLS with `context`, when given)."""
    with urllib.request.urlopen(url, timeout=2, context=context) as resp:
        return 200 <= resp.status < 300


@contextlib.contextmanager
def process(name: str, argv: list[str], *, log: Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            append: bool = False, stop_timeout: float = 10) -> Iterator[subprocess.Popen]:
    """Run a server process for the duration of the block (pid file under RUN_DIR); stopped with
    SIGTERM, then SIGKILL after `stop_timeout` seconds."""
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    with log.open("ab" if append else "wb") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env, start_new_session=True)
    pidfile = RUN_DIR / f"{name}-{proc.pid}.pid"
    pidfile.write_text(str(proc.pid))
    try:
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=stop_timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        pidfile.unlink(missing_ok=True)


@contextlib.contextmanager
def stub_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """A threaded HTTP server on a free loopback port; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


ALERTMANAGER_CONFIG = """\
route:
  receiver: aiops
  group_by: [alertname, service]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: aiops
    webhook_configs:
      - url: {url}
        send_resolved: true
"""


@contextlib.contextmanager
def alertmanager(tmp_path: Path, webhook: str) -> Iterator[str]:
    """A real Alertmanager (Debian's binary) that posts every group to `webhook` within about a second;
    yields its base URL once it is ready."""
    binary = require("prometheus-alertmanager")
    (tmp_path / "am.yml").write_text(ALERTMANAGER_CONFIG.format(url=webhook), encoding="utf-8")
    port = free_port()
    argv = [binary, f"--config.file={tmp_path / 'am.yml'}", f"--storage.path={tmp_path / 'am-data'}",
            f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn"]
    with process("alertmanager", argv, log=tmp_path / "am.log") as proc:
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: proc.poll() is None and http_ok(f"{base}/-/ready"), what="alertmanager")
        yield base


def post_alerts(base: str, alerts: list[dict]) -> None:
    """Fire (or resolve) `alerts` on the Alertmanager at `base` through its v2 API."""
    req = urllib.request.Request(f"{base}/api/v2/alerts", data=json.dumps(alerts).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.status == 200
