"""Message templates for failures seen when calling a dependency, by failure kind, dependency
kind and app log flavour (pgx, libpq, Lettuce, ioredis, Go net, Node, requests, OpenSSL texts)."""

from __future__ import annotations

from aiops.sandbox.logs.templates import JAVA_HIKARI, JAVA_SQL, PY_DB, T, t

# Failures seen when calling a dependency (by dependency kind) --------------------------------------
DEP: dict[str, dict[str, dict[str, tuple[T, ...]]]] = {
    "unreachable": {
        "database": {
            "java": (
                t(
                    "ERROR",
                    JAVA_SQL,
                    "Connection to {host}:5432 refused. Check that the hostname and port are "
                    "correct and that the postmaster is accepting TCP/IP connections.",
                ),
                t(
                    "ERROR",
                    JAVA_HIKARI,
                    "HikariPool-1 - Exception during pool initialization: "
                    "java.net.SocketTimeoutException: Connect timed out",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "store",
                    "query failed",
                    err="failed to connect to `host={host} user={user} "
                    "database={db}`: dial error (dial tcp {ip}:5432: connect: "
                    "connection timed out)",
                    request_id="{rid}",
                ),
            ),
            "node": (
                t("ERROR", "db", "Error: Connection terminated due to connection timeout", reqId="{rid}"),
            ),
            "python": (
                t(
                    "ERROR",
                    PY_DB,
                    'psycopg2.OperationalError: connection to server at "{host}" ({ip}), port '
                    "5432 failed: timeout expired",
                ),
            ),
        },
        "cache": {
            "java": (
                t(
                    "ERROR",
                    "c.a.{pkg}.cache.{cap}Cache",
                    "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 2 second(s)",
                ),
                t(
                    "WARN",
                    "i.l.core.protocol.ConnectionWatchdog",
                    "Cannot reconnect to [{host}/{ip}:6379]: connection timed out: {host}/{ip}:6379",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "cache",
                    "cache get failed",
                    err="redis: dial tcp {ip}:6379: i/o timeout",
                    key="{noun}:{id}",
                ),
            ),
            "node": (
                t("ERROR", "redis", "Error: connect ETIMEDOUT", address="{ip}", port="6379"),
                t("WARN", "redis", "[ioredis] Unhandled error event: Error: connect ETIMEDOUT"),
            ),
            "python": (
                t("ERROR", "{module}.cache", "redis.exceptions.TimeoutError: Timeout connecting to server"),
            ),
        },
        "app": {
            "java": (
                t(
                    "ERROR",
                    "c.a.{pkg}.client.{dcap}Client",
                    'I/O error on GET request for "http://{host}:8080/api/v1/{dplural}/{id}": Read timed out',
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "client",
                    "upstream call failed",
                    upstream="{dep}",
                    err='Get "http://{host}:8080/api/v1/{dplural}/{id}": context deadline exceeded '
                    "(Client.Timeout "
                    "exceeded while awaiting headers)",
                ),
            ),
            "node": (
                t(
                    "ERROR",
                    "client",
                    "AxiosError: timeout of 5000ms exceeded",
                    upstream="{dep}",
                    reqId="{rid}",
                ),
            ),
            "python": (
                t(
                    "ERROR",
                    "{module}.clients",
                    "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='{host}', "
                    "port=8080): Read timed out. (read timeout=5)",
                ),
            ),
        },
    },
    "dns": {
        "database": {
            "java": (
                t(
                    "ERROR",
                    JAVA_HIKARI,
                    "HikariPool-1 - Exception during pool initialization: "
                    "java.net.UnknownHostException: {host}: Temporary failure in name resolution",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "store",
                    "query failed",
                    err="failed to connect to `host={host} user={user} "
                    "database={db}`: hostname resolving error (lookup {host} on "
                    "10.96.0.10:53: no such host)",
                    request_id="{rid}",
                ),
            ),
            "node": (t("ERROR", "db", "Error: getaddrinfo EAI_AGAIN {host}", reqId="{rid}"),),
            "python": (
                t(
                    "ERROR",
                    PY_DB,
                    'psycopg2.OperationalError: could not translate host name "{host}" to '
                    "address: Temporary failure in name resolution",
                ),
            ),
        },
        "any": {
            "java": (
                t(
                    "ERROR",
                    "c.a.{pkg}.client.{dcap}Client",
                    "java.net.UnknownHostException: {host}: Temporary failure in name resolution",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "client",
                    "upstream call failed",
                    upstream="{dep}",
                    err="dial tcp: lookup {host} on 10.96.0.10:53: i/o timeout",
                ),
            ),
            "node": (t("ERROR", "client", "Error: getaddrinfo ENOTFOUND {host}", upstream="{dep}"),),
            "python": (
                t(
                    "ERROR",
                    "{module}.clients",
                    "socket.gaierror: [Errno -3] Temporary failure in name resolution (host={host})",
                ),
            ),
        },
    },
    "tls": {
        "any": {
            "java": (
                t(
                    "ERROR",
                    "c.a.{pkg}.client.{dcap}Client",
                    "javax.net.ssl.SSLHandshakeException: PKIX path "
                    "validation failed: java.security.cert."
                    "CertPathValidatorException: validity check failed",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "client",
                    "upstream call failed",
                    upstream="{dep}",
                    err="tls: failed to verify certificate: x509: certificate has expired or is not "
                    "yet valid: "
                    "current time {now} is after {not_after}",
                ),
            ),
            "node": (
                t(
                    "ERROR",
                    "client",
                    "Error: certificate has expired",
                    code="CERT_HAS_EXPIRED",
                    upstream="{dep}",
                ),
            ),
            "python": (
                t(
                    "ERROR",
                    "{module}.clients",
                    "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] "
                    "certificate verify failed: certificate has expired "
                    "(_ssl.c:1006) host={host}",
                ),
            ),
        },
    },
    "upstream": {
        "any": {
            "java": (
                t(
                    "ERROR",
                    "c.a.{pkg}.client.{dcap}Client",
                    "503 Service Unavailable from GET http://{host}:8080/api/v1/{dplural}/{id}",
                ),
            ),
            "go": (
                t(
                    "ERROR",
                    "client",
                    "upstream returned error",
                    upstream="{dep}",
                    status="503",
                    path="/api/v1/{dplural}/{id}",
                ),
            ),
            "node": (
                t(
                    "ERROR",
                    "client",
                    "AxiosError: Request failed with status code 502",
                    upstream="{dep}",
                    reqId="{rid}",
                ),
            ),
            "python": (
                t(
                    "ERROR",
                    "{module}.clients",
                    "requests.exceptions.HTTPError: 503 Server Error: Service "
                    "Unavailable for url: http://{host}:8080/api/v1/{dplural}/{id}",
                ),
            ),
        },
    },
}
