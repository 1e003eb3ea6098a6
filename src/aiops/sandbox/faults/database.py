"""Database faults: slow queries (callers exhaust their pools) and lock deadlocks."""

from __future__ import annotations

from typing import ClassVar

from aiops.sandbox.faults.base import Fault, Param, WorldView
from aiops.sandbox.model import Cond


class SlowDatabase(Fault):
    """Heavy queries slow every statement; callers hold connections longer and exhaust their pools."""

    type = "slow_database"
    summary = "slow queries at the database; pool exhaustion and timeouts upstream"
    kinds = ("database",)
    params_spec: ClassVar[dict[str, Param]] = {
        "factor": Param("number", 12.0, 1.5, 500.0, help="query time multiplier"),
        "ramp_minutes": Param("int", 3, 0, 240, help="minutes to full slowness"),
    }
    fixes = frozenset({"kill_queries", "failover"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world, ramp=self.params["ramp_minutes"])
        if level <= 0:
            return
        factor = self.params["factor"]
        cond = conds[self.target]
        cond.query_mult *= 1 + (factor - 1) * level
        cond.cpu_add += 48 * level * min(1.0, factor / 8)
        cond.add_error("statement_timeout", 0.03 * level * min(1.0, factor / 10))
        cond.count("slow_query", level * min(factor, 40))
        cond.count("temp_file", level)


class DbDeadlock(Fault):
    """Concurrent transactions lock rows in opposite orders: deadlocks abort some, lock waits slow all."""

    type = "db_deadlock"
    summary = "lock deadlocks abort transactions; lock waits slow the rest"
    kinds = ("database",)
    params_spec: ClassVar[dict[str, Param]] = {
        "per_minute": Param("number", 10.0, 0.1, 600.0, help="deadlocks detected per minute"),
        "error_pct": Param("number", 6.0, 0.1, 100.0, help="share of transactions aborted (%)"),
    }
    fixes = frozenset({"kill_queries"})
    ramp_minutes = 2

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world)
        if level <= 0:
            return
        cond = conds[self.target]
        cond.query_mult *= 1 + 1.2 * level
        cond.add_error("deadlock", self.params["error_pct"] / 100 * level)
        cond.count("deadlock", self.params["per_minute"] * level)
        cond.count("lock_wait", level)
