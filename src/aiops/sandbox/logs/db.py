"""PostgreSQL server log lines for one minute: connections, checkpoints, autovacuum, slow
statements, lock waits, deadlocks, timeouts, disk and archiver errors, restarts and promotions."""

from __future__ import annotations

import random
from typing import Any

from aiops.sandbox.logs.vocab import Vocab, vocab_for
from aiops.sandbox.model import Snap
from aiops.sandbox.rng import poisson
from aiops.sandbox.topology import ServiceSpec

Entry = tuple[float, str, str, str, tuple[tuple[str, object], ...], str, str | None]
RESTART = (
    ("INFO", "", "received fast shutdown request"),
    ("INFO", "", "aborting any active transactions"),
    ("INFO", "", "database system is shut down"),
    (
        "INFO",
        "",
        "starting PostgreSQL 16.3 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
    ),
    ("INFO", "", 'listening on IPv4 address "0.0.0.0", port 5432'),
    ("INFO", "", "database system was shut down at {stamp}"),
    ("INFO", "", "database system is ready to accept connections"),
)
PROMOTE = (
    ("INFO", "", "received promote request"),
    ("INFO", "", "redo done at 2A/C1000110 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.01 s"),
    ("INFO", "", "selected new timeline ID: 4"),
    ("INFO", "", "archive recovery complete"),
    ("INFO", "", "database system is ready to accept connections"),
)
SQL = (
    "SELECT * FROM {table} WHERE id = $1",
    "UPDATE {table} SET status = $1, updated_at = now() WHERE id = $2",
    "INSERT INTO {events} ({noun}_id, kind, payload) VALUES ($1, $2, $3)",
    "SELECT count(*) FROM {items} WHERE {noun}_id = $1",
)
HEAVY_SQL = (
    "SELECT o.id, o.status, sum(i.amount) AS total FROM {table} o JOIN {items} i ON i.{noun}_id = o.id "
    "WHERE o.updated_at > $1 GROUP BY o.id, o.status ORDER BY total DESC"
)
DEADLOCK_SQL = "UPDATE {items} SET reserved = reserved + $1 WHERE sku = $2"
RELOAD = (("INFO", "", "received SIGHUP, reloading configuration files"),)


class PostgresLogs:
    """Generates a database's minute of log entries from its snapshot."""

    flavor = "postgres"

    def __init__(self, world: Any, spec: ServiceSpec) -> None:
        self.world = world
        self.spec = spec
        self.profile = world.profiles[spec.name]
        self.callers: list[Vocab] = [
            vocab_for(world.topology.services[c]) for c in world.topology.callers(spec.name)
        ]
        if not self.callers:
            self.callers = [vocab_for(spec)]
        self.caller_ips = {v.service: world.profiles[v.service].ip for v in self.callers}

    def _who(self, rng: random.Random) -> tuple[Vocab, str]:
        caller = rng.choice(self.callers)
        return caller, f"{caller.db_user}@{caller.db_name}"

    def _sql(self, rng: random.Random, caller: Vocab, heavy: bool = False) -> str:
        text = HEAVY_SQL if heavy else rng.choice(SQL)
        table, events, items = caller.tables
        return (
            text.replace("{table}", table)
            .replace("{events}", events)
            .replace("{items}", items)
            .replace("{noun}", caller.noun)
        )

    def expected(self, snap: Snap) -> float:
        """An upper bound of the mean number of lines `minute` produces for `snap`."""
        if not snap.scraped:
            return 0.0
        rate = self.spec.log_rate / 14
        scale = snap.rps / max(1.0, self.profile.nominal_rps) * self.spec.log_rate * 2
        c = snap.counts
        failures = sum(
            2 * min(40.0, snap.errors.get(r, 0.0) * scale)
            for r in ("statement_timeout", "too_many_clients", "disk")
        )
        return (
            8.5 * rate
            + 3
            + 0.3
            + 1.2 * c.get("slow_query", 0.0)
            + 2 * c.get("temp_file", 0.0)
            + 12 * c.get("lock_wait", 0.0)
            + 6 * c.get("deadlock", 0.0)
            + failures
            + 4
            + min(30.0, 8 * snap.errors.get("tls_server", 0.0))
            + 10 * len(snap.marks)
        )

    def minute(self, minute: int, snap: Snap, rng: random.Random) -> list[Entry]:
        out: list[Entry] = []
        if not snap.scraped:
            return out
        rate = self.spec.log_rate / 14

        def add(
            second: float, level: str, msg: str, who: str = "", *, severity: str = "", pid: int | None = None
        ) -> int:
            pid = pid or rng.randint(1000, 99999)
            out.append((second, level, severity, msg, (), f"{pid}|{who}", None))
            return pid

        for _ in range(poisson(rng, 3.0 * rate)):
            caller, who = self._who(rng)
            second = rng.uniform(0, 60)
            pid = add(
                second,
                "INFO",
                f"connection received: host={self.caller_ips[caller.service]} "
                f"port={rng.randint(32768, 60999)}",
            )
            add(
                second + 0.003,
                "INFO",
                f"connection authorized: user={caller.db_user} database={caller.db_name} "
                f"application_name={caller.service}",
                who,
                pid=pid,
            )
        for _ in range(poisson(rng, 2.5 * rate)):
            caller, who = self._who(rng)
            add(
                rng.uniform(0, 60),
                "INFO",
                f"disconnection: session time: 0:{rng.randint(0, 59):02d}:"
                f"{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d} user={caller.db_user} "
                f"database={caller.db_name} host={self.caller_ips[caller.service]} "
                f"port={rng.randint(32768, 60999)}",
                who,
            )
        if minute % 5 == 0:
            self._checkpoint(add, rng)
        if rng.random() < 0.18 * rate:
            caller, who = self._who(rng)
            add(
                rng.uniform(0, 60),
                "INFO",
                f'automatic analyze of table "{caller.db_name}.public.{caller.tables[0]}" '
                f"system usage: CPU: user: 0.{rng.randint(10, 99)} s, system: 0.0"
                f"{rng.randint(1, 9)} s, elapsed: 0.{rng.randint(10, 99)} s",
            )
        self._statements(add, rng, snap)
        self._locks(add, rng, snap)
        self._failures(add, rng, snap, minute)
        out.extend(self._marks(add, rng, snap, minute))
        return out

    def _checkpoint(self, add: Any, rng: random.Random) -> None:
        buffers = rng.randint(800, 6000)
        write = rng.uniform(20, 28)
        add(0.2, "INFO", "checkpoint starting: time", pid=38)
        add(
            59.0,
            "INFO",
            f"checkpoint complete: wrote {buffers} buffers ({buffers / 163.84:.1f}%); 0 WAL file(s) "
            f"added, 0 removed, {rng.randint(1, 4)} recycled; write={write:.3f} s, sync=0.00"
            f"{rng.randint(1, 9)} s, total={write + 0.01:.3f} s; sync files={rng.randint(20, 90)}, "
            f"longest=0.00{rng.randint(1, 9)} s, average=0.001 s; distance={rng.randint(9000, 40000)} "
            f"kB, estimate={rng.randint(20000, 42000)} kB",
            pid=38,
        )

    def _statements(self, add: Any, rng: random.Random, snap: Snap) -> None:
        slow = snap.counts.get("slow_query", 0.0)
        for _ in range(poisson(rng, 0.15 + slow * 1.2)):
            caller, who = self._who(rng)
            heavy = slow > 0 and rng.random() < 0.6
            ms = rng.uniform(500, 1500) if slow <= 0 else max(500.0, snap.lat_p99 * rng.uniform(0.4, 3.0))
            if heavy:
                ms *= rng.uniform(4, 20)
            add(
                rng.uniform(0, 60),
                "INFO",
                f"duration: {ms:.3f} ms  execute <unnamed>: {self._sql(rng, caller, heavy)}",
                who,
            )
        for _ in range(poisson(rng, 2.0 * snap.counts.get("temp_file", 0.0))):
            caller, who = self._who(rng)
            pid = rng.randint(1000, 99999)
            add(
                rng.uniform(0, 60),
                "INFO",
                f'temporary file: path "base/pgsql_tmp/pgsql_tmp{pid}.{rng.randint(0, 9)}", '
                f"size {rng.randint(20, 900) * 1048576}",
                who,
                pid=pid,
            )

    def _locks(self, add: Any, rng: random.Random, snap: Snap) -> None:
        for _ in range(poisson(rng, 4.0 * snap.counts.get("lock_wait", 0.0))):
            caller, who = self._who(rng)
            second, pid, other = rng.uniform(0, 59), rng.randint(1000, 99999), rng.randint(1000, 99999)
            add(
                second,
                "INFO",
                f"process {pid} still waiting for ShareLock on transaction {rng.randint(10**6, 10**7)} "
                f"after 1000.{rng.randint(10, 999)} ms",
                who,
                pid=pid,
            )
            add(
                second,
                "INFO",
                f"Process holding the lock: {other}. Wait queue: {pid}.",
                who,
                severity="DETAIL",
                pid=pid,
            )
            add(
                second,
                "INFO",
                f"while updating tuple ({rng.randint(1, 9000)},{rng.randint(1, 40)}) in relation "
                f'"{caller.tables[2]}"',
                who,
                severity="CONTEXT",
                pid=pid,
            )
        for _ in range(poisson(rng, snap.counts.get("deadlock", 0.0))):
            caller, who = self._who(rng)
            second, p1, p2 = rng.uniform(0, 59), rng.randint(1000, 99999), rng.randint(1000, 99999)
            x1, x2 = rng.randint(10**6, 10**7), rng.randint(10**6, 10**7)
            table = caller.tables[2]
            add(second, "ERROR", "deadlock detected", who, pid=p1)
            add(
                second,
                "ERROR",
                f"Process {p1} waits for ShareLock on transaction {x1}; blocked by process {p2}.",
                who,
                severity="DETAIL",
                pid=p1,
            )
            add(
                second,
                "ERROR",
                f"Process {p2} waits for ShareLock on transaction {x2}; blocked by process {p1}.",
                who,
                severity="DETAIL",
                pid=p1,
            )
            add(second, "ERROR", "See server log for query details.", who, severity="HINT", pid=p1)
            add(
                second,
                "ERROR",
                f'while updating tuple ({rng.randint(1, 9000)},{rng.randint(1, 40)}) in relation "{table}"',
                who,
                severity="CONTEXT",
                pid=p1,
            )
            add(second, "ERROR", DEADLOCK_SQL.replace("{items}", table), who, severity="STATEMENT", pid=p1)

    def _failures(self, add: Any, rng: random.Random, snap: Snap, minute: int) -> None:
        scale = snap.rps / max(1.0, self.profile.nominal_rps) * self.spec.log_rate * 2
        for reason, count in (("statement_timeout", 1.0), ("too_many_clients", 1.0), ("disk", 0.4)):
            for _ in range(poisson(rng, min(40.0, snap.errors.get(reason, 0.0) * scale * count))):
                caller, who = self._who(rng)
                second = rng.uniform(0, 60)
                if reason == "statement_timeout":
                    pid = add(second, "ERROR", "canceling statement due to statement timeout", who)
                    add(
                        second,
                        "ERROR",
                        self._sql(rng, caller, rng.random() < 0.5),
                        who,
                        severity="STATEMENT",
                        pid=pid,
                    )
                elif reason == "too_many_clients":
                    add(second, "FATAL", "sorry, too many clients already", who)
                else:
                    pid = add(
                        second,
                        "ERROR",
                        f'could not extend file "base/16384/{rng.randint(16390, 98000)}": '
                        "No space left on device",
                        who,
                    )
                    add(second, "ERROR", "Check free disk space.", who, severity="HINT", pid=pid)
        if snap.counts.get("disk_full") and rng.random() < 0.5:
            add(
                rng.uniform(0, 60),
                "ERROR",
                f'could not write to file "pg_wal/xlogtemp.{rng.randint(30, 999)}": No space left on device',
            )
        if snap.counts.get("archive_failing") and minute % 2 == 0:
            segment = f"000000010000002A000000{(minute + 4000) % 256:02X}"
            add(rng.uniform(0, 60), "INFO", "archive command failed with exit code 1", pid=41)
            add(
                rng.uniform(0, 60),
                "INFO",
                f"The failed archive command was: test ! -f /mnt/wal-archive/{segment} && "
                f"cp pg_wal/{segment} /mnt/wal-archive/{segment}",
                severity="DETAIL",
                pid=41,
            )
            if minute % 6 == 0:
                add(
                    rng.uniform(0, 60),
                    "WARN",
                    f'archiving write-ahead log file "{segment}" failed too many times, will try again later',
                    pid=41,
                )
        if snap.errors.get("tls_server"):
            for _ in range(poisson(rng, min(30.0, 8 * snap.errors["tls_server"]))):
                add(
                    rng.uniform(0, 60), "INFO", "could not accept SSL connection: sslv3 alert bad certificate"
                )

    def _marks(self, add: Any, rng: random.Random, snap: Snap, minute: int) -> list[Entry]:
        stamp = f"{self.world.ts(minute):%Y-%m-%d %H:%M:%S} UTC"
        literal: list[Entry] = []
        restarted = False
        for item in snap.marks:
            steps: tuple = ()
            if item.kind in ("action_restart", "startup", "oom_kill"):
                if restarted:
                    continue
                restarted, steps = True, RESTART
            elif item.kind == "action_failover":
                steps = PROMOTE
            elif item.kind in (
                "action_grow_pool",
                "action_renew_cert",
                "action_rollback_config",
                "config_reloaded",
            ):
                steps = RELOAD
            elif item.kind == "action_kill_queries":
                for _ in range(rng.randint(3, 9)):
                    _, who = self._who(rng)
                    add(
                        item.second + rng.uniform(0, 1),
                        "FATAL",
                        "terminating connection due to administrator command",
                        who,
                    )
            elif item.kind == "literal":
                text = str(item.get("text"))
                literal.append((item.second, str(item.get("level")), "", text, (), "", text))
            for i, (level, severity, msg) in enumerate(steps):
                add(
                    min(59.999, item.second + i * 0.4),
                    level,
                    msg.format(stamp=stamp),
                    severity=severity,
                    pid=1,
                )
        return literal
