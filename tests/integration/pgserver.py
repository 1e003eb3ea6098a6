"""A throwaway PostgreSQL cluster for the integration tests: `initdb` in a temporary folder, the
server on a free loopback port with password (SCRAM) authentication, one fresh database per test.

Debian's `postgresql` package (installed by `ci/servers.sh`) puts the server programs in
/usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run as root, so as root the cluster is
made and run as the `postgres` user the package creates.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.integration.servers import RUN_DIR, _skip_or_fail, free_port, process, wait_until

PASSWORD_VAR = "AIOPS_TEST_PG_PASSWORD"


def pg_bin(name: str) -> str:
    """The path of a PostgreSQL server program (skip locally / fail in CI when missing)."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    path = found[0] if found else shutil.which(name)
    if path is None:
        _skip_or_fail(f"{name} is not installed (Debian package postgresql); run ci/servers.sh install")
    return str(path)


@dataclass(frozen=True)
class PgServer:
    """A running cluster: where it listens and its superuser's password."""

    port: int
    user: str
    password: str

    def url(self, database: str, *, password: bool = True) -> str:
        """A URL for `database` (with or without the password)."""
        secret = f":{self.password}" if password else ""
        return f"postgresql://{self.user}{secret}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new, empty database; returns its name."""
        import psycopg

        name = f"aiops_{secrets.token_hex(4)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name


def _as_postgres(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@contextlib.contextmanager
def postgres_server() -> Iterator[PgServer]:
    """Start a cluster for the block and remove it afterwards."""
    initdb, postgres = pg_bin("initdb"), pg_bin("postgres")
    root = Path(tempfile.mkdtemp(prefix="aiops-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    password = secrets.token_urlsafe(16)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
        shutil.chown(pwfile, "postgres")
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", "aiops", "--auth=scram-sha-256",
                                 f"--pwfile={pwfile}", "-E", "UTF8", "--no-sync"]),
                   check=True, capture_output=True)
    port = free_port()
    argv = _as_postgres([postgres, "-D", str(data), "-p", str(port), "-k", str(sock),
                         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200",
                         "-c", "synchronous_commit=off"])
    server = PgServer(port=port, user="aiops", password=password)
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    try:
        with process("postgres", argv, log=root / "server.log"):
            wait_until(lambda: _ready(server), timeout=30, what="postgres")
            yield server
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _ready(server: PgServer) -> bool:
    import psycopg

    with psycopg.connect(server.url("postgres"), connect_timeout=2):
        return True
