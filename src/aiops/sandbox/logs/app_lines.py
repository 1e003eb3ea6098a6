"""The app lines that are not request failures: access lines, housekeeping (pool stats, GC,
scheduled jobs), warnings, noise, and one-off marks (startup, shutdown, OOM, operator actions)."""

from __future__ import annotations

from typing import Any

from aiops.sandbox.logs.app_marks import mark_lines
from aiops.sandbox.logs.minute import Minute
from aiops.sandbox.logs.templates import JAVA_ADVICE, JAVA_HIKARI, JAVA_WEB, T, t
from aiops.sandbox.rng import poisson

BASELINE: dict[str, T] = {
    "java": t(
        "WARN",
        JAVA_ADVICE,
        "Request failed [{method} {path}]: org.springframework.web.context.request.async."
        "AsyncRequestNotUsableException: ServletOutputStream failed to flush: "
        "java.io.IOException: Broken pipe",
    ),
    "go": t(
        "WARN",
        "http",
        "client disconnected",
        err="write tcp {self_ip}:8080->{client_ip}:{port}: write: broken pipe",
        request_id="{rid}",
    ),
    "node": t("WARN", "http", "request aborted by client", reqId="{rid}"),
    "python": t("WARN", "{module}.views", "ClientDisconnect while streaming response request_id={rid}"),
}
BENIGN: dict[str, tuple[T, ...]] = {
    "java": (
        t(
            "WARN",
            "o.h.orm.deprecation",
            "HHH90000025: PostgreSQLDialect does not need to be specified "
            "explicitly using 'hibernate.dialect' (remove the property setting "
            "and it will be selected by default)",
        ),
        t(
            "WARN",
            "c.a.{pkg}.flags.FlagClient",
            "Feature flag refresh slow ({slow_ms} ms); serving cached flags",
        ),
        t("WARN", JAVA_WEB, "Deprecated header X-Client-Version missing; assuming 1.0"),
    ),
    "go": (
        t("WARN", "http", "deprecated API version requested", version="v1", client="mobile-{n}.{n}"),
        t("WARN", "flags", "slow feature flag refresh", took="{slow_ms}ms"),
    ),
    "node": (
        t(
            "WARN",
            "process",
            "(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. "
            "Please use a userland alternative instead.",
        ),
        t("WARN", "http", "request body larger than 1mb; consider streaming", reqId="{rid}"),
    ),
    "python": (
        t(
            "WARN",
            "urllib3.connectionpool",
            "Connection pool is full, discarding connection: rates.partner.example. Connection pool size: 10",
        ),
        t(
            "WARN",
            "py.warnings",
            "DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled "
            "for removal in a future version.",
        ),
    ),
}
CLIENT_ERRORS: dict[str, tuple[T, ...]] = {
    "java": (
        t(
            "ERROR",
            JAVA_ADVICE,
            "Request rejected [POST /api/v1/{plural}]: {cap} declined by issuer "
            "(code=05 do_not_honor) status=402",
        ),
        t(
            "ERROR",
            JAVA_ADVICE,
            "Validation failed for request {rid}: field 'email' must be a well-formed "
            "email address status=400",
        ),
    ),
    "go": (
        t(
            "ERROR",
            "http",
            "request rejected",
            status="422",
            reason="validation failed: quantity must be > 0",
            request_id="{rid}",
        ),
        t("ERROR", "auth", "token verification failed", err="token is expired", status="401"),
    ),
    "node": (
        t("ERROR", "auth", "UnauthorizedError: jwt expired", statusCode="401", reqId="{rid}"),
        t("ERROR", "http", 'ValidationError: "email" must be a valid email', statusCode="400"),
    ),
    "python": (
        t("ERROR", "{module}.views", "Rejected request request_id={rid}: 409 Conflict (duplicate key)"),
        t("ERROR", "{module}.auth", "Authentication failed: invalid signature (401)"),
    ),
}
RETRY: dict[str, T] = {
    "java": t(
        "WARN",
        "c.a.{pkg}.client.RetryListener",
        "Retrying call to {target} (attempt 2/3) after 200 ms: Read timed out",
    ),
    "go": t(
        "WARN",
        "client",
        "retrying request",
        upstream="{target}",
        attempt="2",
        backoff="200ms",
        err="context deadline exceeded",
    ),
    "node": t(
        "WARN", "client", "retrying request after error", upstream="{target}", attempt="2", err="ECONNRESET"
    ),
    "python": t(
        "WARN",
        "{module}.clients",
        "Retrying (Retry(total=2, connect=None, read=None, redirect=None, "
        "status=None)) after connection broken by 'ReadTimeoutError' host={target}",
    ),
}
SLOW: dict[str, T] = {
    "java": t("WARN", "c.a.{pkg}.web.RequestLoggingFilter", "Slow request {method} {path} took {slow_ms} ms"),
    "go": t(
        "WARN",
        "http",
        "slow request",
        method="{method}",
        path="{path}",
        duration_ms="{slow_ms}",
        request_id="{rid}",
    ),
    "node": t("WARN", "http", "slow request", method="{method}", url="{path}", responseTime="{slow_ms}"),
    "python": t("WARN", "{module}.middleware", "Slow request: {method} {path} took {slow_ms}ms"),
}


def baseline_error(flavor: str) -> T:
    return BASELINE[flavor]


NODE_LAG = t("WARN", "monitor", "event loop blocked", lagMs="{lag}")
JOBS = {
    "java": t(
        "INFO",
        "c.a.{pkg}.jobs.ReferenceDataRefresher",
        "Refreshed {noun} reference data: {n3} entries in {slow_ms} ms",
    ),
    "go": t("INFO", "jobs", "reference data refreshed", entries="{n3}", took="{slow_ms}ms"),
    "node": t("INFO", "jobs", "reference data refreshed", entries="{n3}"),
    "python": t("INFO", "{module}.jobs", "refreshed reference data: {n3} rows"),
}


def access(
    logs: Any, m: Minute, second: float, *, method: str, path: str, status: int, duration: float
) -> None:
    """One access line in the flavour's usual shape."""
    flavor, rng = logs.flavor, m.rng
    level = "INFO" if status < 500 else "WARN"
    if flavor == "java":
        msg = f"{method} {path} -> {status} ({duration:.0f} ms)"
        logger = "c.a." + logs.vocab.pkg + ".web.RequestLoggingFilter"
        m.out.append((second, level, logger, msg, (), logs.ctx(rng, m.minute), None))
    elif flavor == "go":
        rid = f"{rng.getrandbits(64):016x}"
        fields = (
            ("component", "http"),
            ("method", method),
            ("path", path),
            ("status", status),
            ("duration_ms", round(duration, 1)),
            ("request_id", rid),
        )
        m.out.append((second, level, "", "request completed", fields, "", None))
    elif flavor == "node":
        rid = f"{rng.getrandbits(64):016x}"
        fields = (
            ("reqId", rid),
            ("method", method),
            ("url", path),
            ("statusCode", status),
            ("responseTime", round(duration, 1)),
        )
        m.out.append((second, level, "", "request completed", fields, logs.ctx(rng, m.minute), None))
    else:
        rand = rng.random
        client = f"10.1.{int(rand() * 64)}.{2 + int(rand() * 253)}:{32768 + int(rand() * 28232)}"
        msg = f'{client} - "{method} {path} HTTP/1.1" {status}'
        m.out.append((second, "INFO", "uvicorn.access", msg, (), "", None))


def housekeeping(logs: Any, m: Minute) -> None:
    """Pool stats, GC, scheduled jobs."""
    snap, rng = m.snap, m.rng
    flavor, pool, active = logs.flavor, round(snap.conn_limit or 0), round(snap.conns)
    idle, waiting = max(0, pool - active), round(snap.pool_waiting)
    second = rng.uniform(0, 60)
    if flavor == "java":
        msg = f"HikariPool-1 - Pool stats (total={pool}, active={active}, idle={idle}, waiting={waiting})"
        m.out.append((second, "DEBUG", JAVA_HIKARI, msg, (), f"{logs.spec.name}|ool-1 housekeeper|", None))
        _gc(logs, m)
    elif flavor == "go":
        fields = (
            ("component", "store"),
            ("max_conns", pool),
            ("acquired", active),
            ("idle", idle),
            ("empty_acquire", waiting * 60),
            ("acquire_ms", round(snap.lat_p50 * 0.1 if waiting else 0.4, 1)),
        )
        m.out.append((second, "INFO", "", "db pool stats", fields, "", None))
    elif flavor == "node":
        fields = (("used", active), ("free", idle), ("pendingAcquires", waiting), ("pendingCreates", 0))
        m.out.append((second, "INFO", "db", "pool stats", fields, logs.ctx(rng, m.minute), None))
    elif m.minute % 2 == 0:
        msg = (
            f"Pool size: {pool}  Connections in pool: {idle} Current Overflow: 0 "
            f"Current Checked out connections: {active}"
        )
        m.out.append((second, "INFO", f"{logs.vocab.module}.db", msg, (), "", None))
    if m.minute % 5 == 0:
        logs.emit(m, rng.uniform(0, 5), JOBS[flavor], thread="scheduling-1")


def _gc(logs: Any, m: Minute) -> None:
    snap, rng = m.snap, m.rng
    heap = round(snap.mem_limit * 0.75)
    pressure = snap.counts.get("gc_pressure", 0.0)
    used = min(heap - 1, round(snap.mem * 0.75 * rng.uniform(0.9, 1.0)))
    gc_id = (m.minute + 100_000) * 3
    seconds = sorted(rng.uniform(0, 60) for _ in range(3 if pressure > 0 else 1))
    for i, ts_second in enumerate(seconds):
        if pressure > 0.3 and i > 0:
            after = round(used * rng.uniform(0.95, 0.99))
            text = (
                f"GC({gc_id + i}) Pause Full (G1 Compaction Pause) {used}M->{after}M({heap}M) "
                f"{rng.uniform(600, 2400) * pressure:.3f}ms"
            )
        else:
            after = round(used * (0.4 + 0.5 * pressure) * rng.uniform(0.9, 1.1))
            text = (
                f"GC({gc_id + i}) Pause Young (Normal) (G1 Evacuation Pause) {used}M->{after}M({heap}M) "
                f"{rng.uniform(3, 18) * (1 + 6 * pressure):.3f}ms"
            )
        stamp = logs.world.ts(m.minute)
        raw_ts = f"{stamp:%Y-%m-%dT%H:%M}:{int(ts_second):02d}.{int(ts_second % 1 * 1000):03d}+0000"
        m.out.append((ts_second, "INFO", "gc", text, (), "", f"[{raw_ts}][info][gc] {text}"))


def warnings(logs: Any, m: Minute) -> None:
    """Slow requests, event-loop lag, retries and the noise counts."""
    snap, rng, flavor = m.snap, m.rng, logs.flavor
    ratio = snap.lat_p99 / logs.profile.p99_0
    slow = (1.5 + 3 * min(1.0, ratio / 10) if ratio > 2.5 else 0.0) + snap.counts.get("slow_requests", 0.0)
    for _ in range(poisson(rng, slow)):
        method, path = logs.endpoint(rng, 0.0)
        logs.emit(m, rng.uniform(0, 60), SLOW[flavor], method=method, path=path)
    pressure = snap.counts.get("gc_pressure", 0.0)
    if pressure > 0 and flavor == "node":
        for _ in range(poisson(rng, 3 * pressure)):
            logs.emit(m, rng.uniform(0, 60), NODE_LAG)
    targets = list(logs.deps) or ["upstream"]
    for _ in range(poisson(rng, snap.counts.get("retries", 0.0))):
        logs.emit(m, rng.uniform(0, 60), RETRY[flavor], target=rng.choice(targets))
    for _ in range(poisson(rng, snap.counts.get("benign_warnings", 0.0))):
        logs.emit(m, rng.uniform(0, 60), rng.choice(BENIGN[flavor]))
    for _ in range(poisson(rng, snap.counts.get("noisy_errors", 0.0))):
        logs.emit(m, rng.uniform(0, 60), rng.choice(CLIENT_ERRORS[flavor]))


def marks(logs: Any, m: Minute) -> None:
    """Startups, shutdowns, OOM kills, operator actions, batch jobs, literal lines."""
    for item in m.snap.marks:
        m.out.extend(mark_lines(logs, item, m.rng, m.snap, m.minute))
