"""Redis server log lines for one minute: RDB snapshots, persistence errors, TLS errors, restarts."""

from __future__ import annotations

import random
from typing import Any

from aiops.sandbox.model import Snap
from aiops.sandbox.topology import ServiceSpec

Entry = tuple[float, str, str, str, tuple[tuple[str, object], ...], str, str | None]
STARTUP = (
    "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
    "Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started",
    "Configuration loaded",
    "monotonic clock: POSIX clock_gettime",
    "Running mode=standalone, port=6379.",
    "Server initialized",
    "Loading RDB produced by version 7.2.5",
    "Done loading RDB, keys loaded: {keys}, keys expired: {expired}.",
    "DB loaded from disk: {load} seconds",
    "Ready to accept connections tcp",
)


class RedisLogs:
    """Generates a cache's minute of log entries from its snapshot."""

    flavor = "redis"

    def __init__(self, world: Any, spec: ServiceSpec) -> None:
        self.world = world
        self.spec = spec
        self.profile = world.profiles[spec.name]

    def expected(self, snap: Snap) -> float:
        """An upper bound of the mean number of lines `minute` produces for `snap`."""
        if not snap.scraped:
            return 0.0
        return 7 + max(1.0, 6 * snap.errors.get("tls_server", 0.0)) + 10 * len(snap.marks)

    def minute(self, minute: int, snap: Snap, rng: random.Random) -> list[Entry]:
        out: list[Entry] = []
        if not snap.scraped:
            return out

        def add(second: float, level: str, msg: str, role: str = "1:M") -> None:
            out.append((min(59.999, second), level, "", msg, (), role, None))

        if minute % 5 == 0:
            pid = rng.randint(100, 30000)
            add(0.1, "INFO", f"{rng.randint(100, 9000)} changes in 300 seconds. Saving...")
            add(0.1, "INFO", f"Background saving started by pid {pid}")
            if snap.counts.get("disk_full") or snap.errors.get("disk"):
                add(0.9, "WARN", "Write error saving DB on disk: No space left on device", f"{pid}:C")
                add(1.0, "WARN", "Background saving error")
            else:
                add(1.2, "INFO", "DB saved on disk", f"{pid}:C")
                add(
                    1.2,
                    "INFO",
                    f"Fork CoW for RDB: current {rng.randint(1, 6)} MB, peak {rng.randint(6, 12)} MB, "
                    f"average {rng.randint(1, 4)} MB",
                    f"{pid}:C",
                )
                add(1.3, "INFO", "Background saving terminated with success")
        elif snap.errors.get("disk") and rng.random() < 0.5:
            add(rng.uniform(0, 60), "WARN", "Background saving error")
        if snap.errors.get("tls_server"):
            for _ in range(max(1, round(6 * snap.errors["tls_server"]))):
                add(
                    rng.uniform(0, 60),
                    "WARN",
                    "Error accepting a client connection: error:0A000412:SSL routines::"
                    f"sslv3 alert bad certificate (addr=10.1.{rng.randint(0, 63)}."
                    f"{rng.randint(2, 254)}:{rng.randint(32768, 60999)} laddr=0.0.0.0:6379)",
                )
        restarted = False
        for item in snap.marks:
            if item.kind in ("startup", "action_restart", "oom_kill") and not restarted:
                restarted = True
                values = {
                    "keys": rng.randint(90_000, 400_000),
                    "expired": rng.randint(10, 900),
                    "load": f"{rng.uniform(0.4, 2.5):.3f}",
                }
                for i, msg in enumerate(STARTUP):
                    add(item.second + i * 0.05, "INFO", msg.format(**values))
            elif item.kind == "literal":
                text = str(item.get("text"))
                out.append((item.second, str(item.get("level")), "", text, (), "", text))
        return out
