"""Message templates per symptom and per app log flavour. Placeholders are filled lazily from
the line's context (dependency host, ip, user...) and random draws (ids, durations, pids).

Texts are the ones real stacks print (HikariCP, Knex, SQLAlchemy, pgx, libpq, Lettuce, Go net,
Node, OpenSSL), so the same symptom reads differently across services."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class T:
    """One template: level, logger/component, message, structured fields (go/node)."""

    level: str
    logger: str
    msg: str
    fields: tuple[tuple[str, str], ...] = ()


def t(level: str, logger: str, msg: str, **fields: str) -> T:
    return T(level, logger, msg, tuple(fields.items()))


JAVA_WEB = "c.a.{pkg}.web.{cap}Controller"
JAVA_ADVICE = "c.a.{pkg}.web.GlobalExceptionHandler"
JAVA_SQL = "o.h.engine.jdbc.spi.SqlExceptionHelper"
JAVA_HIKARI = "com.zaxxer.hikari.pool.HikariPool"
JAVA_SERVLET = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"
PY_DB = "{module}.db"
PY_VIEWS = "{module}.views"

# Failures of the service itself ------------------------------------------------------------------
OWN: dict[str, dict[str, tuple[T, ...]]] = {
    "pool_timeout": {
        "java": (
            t("WARN", JAVA_SQL, "SQL Error: 0, SQLState: 08001"),
            t(
                "ERROR",
                JAVA_SQL,
                "HikariPool-1 - Connection is not available, request timed out after "
                "{pool_timeout}ms (total={pool}, active={active}, idle=0, waiting={waiting}).",
            ),
            t(
                "ERROR",
                JAVA_ADVICE,
                "Request failed [{method} {path}]: org.springframework.transaction."
                "CannotCreateTransactionException: Could not open JPA EntityManager for "
                "transaction",
            ),
        ),
        "go": (
            t(
                "ERROR",
                "store",
                "query failed",
                err="acquire conn: context deadline exceeded",
                op="{op}",
                waited="{pool_timeout_s}s",
                request_id="{rid}",
            ),
        ),
        "node": (
            t(
                "ERROR",
                "db",
                "KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably "
                "full. Are you missing a .transacting(trx) call?",
                reqId="{rid}",
            ),
        ),
        "python": (
            t(
                "ERROR",
                PY_DB,
                "sqlalchemy.exc.TimeoutError: QueuePool limit of size {pool} overflow 0 "
                "reached, connection timed out, timeout 30.00 (Background on this error at: "
                "https://sqlalche.me/e/20/3o7r) request_id={rid}",
            ),
        ),
    },
    "overload": {
        "java": (
            t("ERROR", JAVA_ADVICE, "Request processing timed out after 15000 ms [{method} {path}]"),
            t(
                "WARN",
                JAVA_HIKARI,
                "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta={delta}).",
            ),
        ),
        "go": (t("ERROR", "http", "handler timeout", path="{path}", elapsed="15.0{n}s", request_id="{rid}"),),
        "node": (
            t("WARN", "monitor", "event loop blocked", lagMs="{lag}"),
            t("ERROR", "http", "request timed out after 15000ms", reqId="{rid}", url="{path}"),
        ),
        "python": (t("FATAL", "gunicorn.error", "WORKER TIMEOUT (pid:{pid})"),),
    },
    "disk": {
        "java": (
            t(
                "ERROR",
                "c.a.{pkg}.storage.FileStore",
                "Failed to write /var/lib/{service}/spool/{hex}.tmp: "
                "java.io.IOException: No space left on device",
            ),
        ),
        "go": (
            t(
                "ERROR",
                "spool",
                "write failed",
                err="write /var/lib/{service}/spool/{hex}.tmp: no space left on device",
                request_id="{rid}",
            ),
        ),
        "node": (
            t(
                "ERROR",
                "upload",
                "Error: ENOSPC: no space left on device, write",
                path="/tmp/uploads/{hex}",  # noqa: S108 - log text
                reqId="{rid}",
            ),
        ),
        "python": (
            t(
                "ERROR",
                "{module}.storage",
                "OSError: [Errno 28] No space left on device: '/var/lib/{service}/tmp/{hex}.part'",
            ),
        ),
    },
    "tls_server": {
        "java": (
            t(
                "WARN",
                "o.a.tomcat.util.net.NioEndpoint",
                "Handshake failed for client connection from "
                "[/{client_ip}:{port}]: javax.net.ssl.SSLHandshakeException: "
                "Received fatal alert: bad_certificate",
            ),
        ),
        "go": (
            t(
                "ERROR",
                "http",
                "http: TLS handshake error from {client_ip}:{port}: remote error: tls: bad certificate",
            ),
        ),
        "node": (
            t(
                "ERROR",
                "tls",
                "tlsClientError: SSL alert number 42: sslv3 alert bad certificate",
                remote="{client_ip}:{port}",
            ),
        ),
        "python": (
            t(
                "ERROR",
                "uvicorn.error",
                "ssl.SSLError: [SSL: SSLV3_ALERT_BAD_CERTIFICATE] sslv3 alert bad "
                "certificate (_ssl.c:2580) peer={client_ip}:{port}",
            ),
        ),
    },
    "reset": {
        "java": (
            t(
                "ERROR",
                JAVA_ADVICE,
                "Request failed [{method} {path}]: java.net.SocketException: Connection reset",
            ),
        ),
        "go": (
            t(
                "ERROR",
                "http",
                "request failed",
                err="read tcp {self_ip}:{port}->{client_ip}:8080: read: connection reset by peer",
                request_id="{rid}",
            ),
        ),
        "node": (t("ERROR", "http", "Error: read ECONNRESET", reqId="{rid}"),),
        "python": (
            t(
                "ERROR",
                PY_VIEWS,
                "ConnectionResetError: [Errno 104] Connection reset by peer request_id={rid}",
            ),
        ),
    },
    "exception": {
        "java": (
            t(
                "ERROR",
                JAVA_SERVLET,
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] "
                "threw exception [Request processing failed: java.lang.NullPointerException: "
                'Cannot invoke "com.acme.{pkg}.model.{cap}Details.getCurrency()" because '
                '"details" is null] with root cause',
            ),
        ),
        "go": (
            t(
                "ERROR",
                "http",
                "panic recovered",
                err="runtime error: invalid memory address or nil pointer dereference",
                path="{path}",
                request_id="{rid}",
                stack="goroutine {n} [running]: {service}/internal/{pkg}.(*Handler).Apply(...)",
            ),
        ),
        "node": (
            t(
                "ERROR",
                "http",
                "TypeError: Cannot read properties of undefined (reading 'tenantId')",
                reqId="{rid}",
                url="{path}",
                stack="at {cap}Service.apply (/app/dist/{noun}/service.js:{line}:{col})",
            ),
        ),
        "python": (
            t("ERROR", PY_VIEWS, "Exception on {path} [{method}]: KeyError: 'tenant_id' request_id={rid}"),
        ),
    },
    "gc_timeout": {
        "java": (t("ERROR", JAVA_ADVICE, "Request processing timed out after 10000 ms [{method} {path}]"),),
        "go": (t("ERROR", "http", "handler timeout", path="{path}", elapsed="10.0{n}s", request_id="{rid}"),),
        "node": (t("WARN", "monitor", "event loop blocked", lagMs="{lag}"),),
        "python": (t("FATAL", "gunicorn.error", "WORKER TIMEOUT (pid:{pid})"),),
    },
    "action_reset_pool": {
        "java": (t("ERROR", JAVA_SQL, "HikariDataSource HikariDataSource (HikariPool-1) has been closed."),),
        "go": (t("ERROR", "store", "query failed", err="closed pool", request_id="{rid}"),),
        "node": (t("ERROR", "db", "Error: Unable to acquire a connection", reqId="{rid}"),),
        "python": (
            t(
                "ERROR",
                PY_DB,
                "sqlalchemy.exc.InvalidRequestError: This pool has been disposed request_id={rid}",
            ),
        ),
    },
}

# Errors a database or cache returns, seen by the caller (by the server-side reason) ----------------
SERVER_ERRORS: dict[str, tuple[str, str]] = {
    "deadlock": ("40P01", "deadlock detected"),
    "statement_timeout": ("57014", "canceling statement due to statement timeout"),
    "disk": ("53100", 'could not extend file "base/16384/{relid}": No space left on device'),
    "too_many_clients": ("53300", "sorry, too many clients already"),
    "action_restart": ("57P01", "terminating connection due to administrator command"),
    "action_kill_queries": ("57014", "canceling statement due to user request"),
    "action_failover": ("25006", "cannot execute UPDATE in a read-only transaction"),
    "overload": ("57014", "canceling statement due to statement timeout"),
}
CACHE_ERRORS: dict[str, str] = {
    "disk": "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist "
    "to disk. "
    "Commands that may modify the data set are disabled, because this instance is configured to report "
    "errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the "
    "Redis logs for details about the RDB error.",
    "action_restart": "LOADING Redis is loading the dataset in memory",
    "oom": "OOM command not allowed when used memory > 'maxmemory'.",
}
PY_PG_CLASS = {
    "40P01": "DeadlockDetected",
    "57014": "QueryCanceled",
    "53100": "DiskFull",
    "53300": "TooManyConnections",
    "57P01": "AdminShutdown",
    "25006": "ReadOnlySqlTransaction",
}


def db_error(flavor: str, sqlstate: str, text: str) -> tuple[T, ...]:
    """How a caller of the given flavour logs a PostgreSQL error."""
    if flavor == "java":
        return (
            t("WARN", JAVA_SQL, f"SQL Error: 0, SQLState: {sqlstate}"),
            t("ERROR", JAVA_SQL, f"ERROR: {text}"),
        )
    if flavor == "go":
        return (
            t(
                "ERROR",
                "store",
                "query failed",
                err=f"ERROR: {text} (SQLSTATE {sqlstate})",
                op="{op}",
                request_id="{rid}",
            ),
        )
    if flavor == "node":
        return (t("ERROR", "db", f"error: {text}", code=sqlstate, reqId="{rid}"),)
    return (t("ERROR", PY_DB, f"psycopg2.errors.{PY_PG_CLASS.get(sqlstate, 'DatabaseError')}: {text}"),)


def cache_error(flavor: str, text: str) -> tuple[T, ...]:
    """How a caller logs an error reply from Redis."""
    if flavor == "java":
        return (
            t(
                "ERROR",
                "c.a.{pkg}.cache.{cap}Cache",
                f"io.lettuce.core.RedisCommandExecutionException: {text}",
            ),
        )
    if flavor == "go":
        return (t("ERROR", "cache", "cache set failed", err=text, key="{noun}:{id}"),)
    if flavor == "node":
        return (t("ERROR", "redis", f"ReplyError: {text}", command="SET"),)
    return (t("ERROR", "{module}.cache", f"redis.exceptions.ResponseError: {text}"),)


STATUS = {
    "pool_timeout": 503,
    "overload": 503,
    "exception": 500,
    "disk": 500,
    "reset": 502,
    "gc_timeout": 504,
    "dns": 502,
    "tls": 502,
    "upstream": 502,
    "unreachable": 504,
    "db": 500,
    "cache": 500,
    "action_reset_pool": 503,
}
