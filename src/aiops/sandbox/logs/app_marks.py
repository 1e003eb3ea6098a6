"""Lines of one-off happenings in an app: startup and shutdown sequences, OOM deaths, operator
actions (pool reset or resize, certificate or configuration reload, cleanup), batch jobs and
literal lines injected as-is."""

from __future__ import annotations

import random
from typing import Any

from aiops.sandbox.model import Mark, Snap

STARTUP: dict[str, tuple[tuple[float, str, str, str], ...]] = {
    "java": (
        (
            0.0,
            "INFO",
            "c.a.{pkg}.{app_class}",
            "Starting {app_class} {version} using Java 21.0.3 with PID 1 "
            "(/app/app.jar started by app in /app)",
        ),
        (3.1, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
        (3.6, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
        (
            8.2,
            "INFO",
            "o.s.b.w.embedded.tomcat.TomcatWebServer",
            "Tomcat started on port 8080 (http) with context path '/'",
        ),
        (
            8.4,
            "INFO",
            "c.a.{pkg}.{app_class}",
            "Started {app_class} in {sec} seconds (process running for {sec})",
        ),
    ),
    "go": (
        (0.0, "INFO", "main", "starting {service} version={version} go=go1.22.4"),
        (0.4, "INFO", "store", "database pool ready max_conns={pool}"),
        (0.5, "INFO", "http", "listening addr=:8080"),
    ),
    "node": (
        (0.0, "INFO", "app", "starting {service}@{version} (node v20.14.0)"),
        (1.2, "INFO", "redis", "connected to redis"),
        (1.4, "INFO", "app", "Server listening at http://0.0.0.0:3000"),
    ),
    "python": (
        (0.0, "INFO", "gunicorn.error", "Starting gunicorn 22.0.0"),
        (0.1, "INFO", "gunicorn.error", "Listening at: http://0.0.0.0:8000 (1)"),
        (0.1, "INFO", "gunicorn.error", "Using worker: uvicorn.workers.UvicornWorker"),
        (0.3, "INFO", "gunicorn.error", "Booting worker with pid: {pid}"),
        (2.2, "INFO", "uvicorn.error", "Application startup complete. version={version}"),
    ),
}
SHUTDOWN: dict[str, tuple[tuple[float, str, str, str], ...]] = {
    "java": (
        (
            -6.0,
            "INFO",
            "o.s.b.w.e.tomcat.GracefulShutdown",
            "Commencing graceful shutdown. Waiting for active requests to complete",
        ),
        (-4.5, "INFO", "o.s.b.w.e.tomcat.GracefulShutdown", "Graceful shutdown complete"),
        (-4.2, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed."),
    ),
    "go": (
        (-5.0, "INFO", "main", "shutting down signal=terminated"),
        (-4.0, "INFO", "http", "server stopped"),
    ),
    "node": ((-5.0, "INFO", "app", "received SIGTERM, closing server"),),
    "python": (
        (-5.0, "INFO", "gunicorn.error", "Handling signal: term"),
        (-4.0, "INFO", "gunicorn.error", "Worker exiting (pid: {pid})"),
    ),
}
ACTIONS: dict[str, dict[str, tuple[tuple[float, str, str, str], ...]]] = {
    "action_reset_pool": {
        "java": (
            (0.0, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown initiated..."),
            (0.8, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Shutdown completed."),
            (1.0, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Starting..."),
            (1.4, "INFO", "com.zaxxer.hikari.HikariDataSource", "HikariPool-1 - Start completed."),
        ),
        "go": (
            (0.0, "INFO", "store", "closing database pool"),
            (0.9, "INFO", "store", "database pool ready max_conns={pool}"),
        ),
        "node": ((0.0, "INFO", "db", "destroying knex pool"), (1.0, "INFO", "db", "knex pool initialised")),
        "python": ((0.0, "INFO", "{module}.db", "engine disposed; connection pool recreated"),),
    },
    "action_grow_pool": {
        "java": (
            (
                0.0,
                "INFO",
                "com.zaxxer.hikari.pool.HikariPool",
                "HikariPool-1 - maximumPoolSize changed to {new_pool}",
            ),
        ),
        "go": ((0.0, "INFO", "store", "pool resized max_conns={new_pool}"),),
        "node": ((0.0, "INFO", "db", "pool resized max={new_pool}"),),
        "python": ((0.0, "INFO", "{module}.db", "pool_size set to {new_pool}"),),
    },
    "action_renew_cert": {
        "any": ((0.0, "INFO", "tls", "TLS certificate reloaded from /etc/tls/tls.crt (notAfter={renewed})"),)
    },
    "action_rollback_config": {
        "any": ((0.0, "INFO", "config", "configuration reloaded (source=configmap)"),)
    },
    "config_reloaded": {"any": ((0.0, "INFO", "config", "configuration reloaded (source=configmap)"),)},
    "action_free_disk": {
        "any": ((0.0, "INFO", "housekeeping", "log cleanup removed {n3} files from /var/log/{service}"),)
    },
    "batch_start": {"any": ((0.0, "INFO", "jobs", "reconciliation batch started"),)},
    "batch_end": {"any": ((0.0, "INFO", "jobs", "reconciliation batch finished: {n3} records"),)},
}


def mark_lines(logs: Any, item: Mark, rng: random.Random, snap: Snap, minute: int) -> list[tuple]:
    """Entries for one mark (seconds clipped to the minute)."""
    flavor = logs.flavor
    out: list[tuple] = []
    if item.kind == "literal":
        text = str(item.get("text"))
        return [(item.second, str(item.get("level")), "", text, (), "", text)]
    if item.kind == "oom_kill":
        return _oom(logs, item, snap, minute, rng)
    steps: tuple[tuple[float, str, str, str], ...] = ()
    extra: dict[str, Any] = {"version": snap.version}
    if item.kind == "startup":
        steps = STARTUP[flavor]
        if item.get("reason") in ("restart", "rollback"):
            steps = SHUTDOWN[flavor] + steps
    elif item.kind in ACTIONS:
        table = ACTIONS[item.kind]
        steps = table.get(flavor, table.get("any", ()))
        extra["new_pool"] = round((snap.conn_limit or 0) * 1.5)
        extra["renewed"] = f"{logs.world.ts(minute + 90 * 24 * 60):%Y-%m-%dT%H:%M:%SZ}"
    values = logs.values(rng, snap, minute, **extra)
    for offset, level, logger, msg in steps:
        second = min(59.999, max(0.0, item.second + offset))
        text = msg.format_map(values)
        name = logger.format_map(values)
        if flavor == "go":
            out.append((second, level, "", text, (("component", name),), "", None))
        else:
            out.append((second, level, name, text, (), logs.ctx(rng, minute, "main"), None))
    return out


def _oom(logs: Any, item: Mark, snap: Snap, minute: int, rng: random.Random) -> list[tuple]:
    flavor, second = logs.flavor, item.second
    if flavor == "java":
        text = "Terminating due to java.lang.OutOfMemoryError: Java heap space"
        msg = (
            "Servlet.service() for servlet [dispatcherServlet] threw exception [Handler dispatch failed: "
            "java.lang.OutOfMemoryError: Java heap space] with root cause"
        )
        return [
            (
                max(0.0, second - 0.4),
                "ERROR",
                "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                msg,
                (),
                logs.ctx(rng, minute),
                None,
            ),
            (second, "FATAL", "jvm", text, (), "", text),
        ]
    if flavor == "node":
        text = "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
        lead = "<--- Last few GCs --->"
        return [
            (max(0.0, second - 0.2), "WARN", "", lead, (), "", lead),
            (second, "FATAL", "", text, (), "", text),
        ]
    _ = snap
    return []
