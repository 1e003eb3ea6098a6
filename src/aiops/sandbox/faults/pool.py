"""Connection-pool faults: a leak that holds connections until the pool is exhausted."""

from __future__ import annotations

import math
from typing import ClassVar

from aiops.sandbox.actions import POOL_FACTOR
from aiops.sandbox.faults.base import Fault, Param, WorldView
from aiops.sandbox.model import Cond

RESETS_POOL = frozenset({"reset_pool", "restart", "rollback"})


class ConnectionLeak(Fault):
    """A code path keeps its DB connection; leaked connections pile up until the pool runs dry."""

    type = "connection_leak"
    summary = "connections are never returned to the pool until it is exhausted"
    kinds = ("app",)
    params_spec: ClassVar[dict[str, Param]] = {
        "per_minute": Param("number", 4.0, 0.1, 10_000.0, help="connections leaked per minute"),
    }
    fixes = frozenset({"reset_pool", "restart", "grow_pool"})
    relief = frozenset({"rollback", "scale"})

    def leaked(self, minute: int, world: WorldView) -> float:
        """Connections held by the leak at `minute`. Only a checked-out connection can leak, so the
        leak slows as the pool fills: held approaches the pool size exponentially."""
        anchor = max(self.start, world.timeline.last_done(self.target, RESETS_POOL, minute) or self.start)
        if minute <= anchor:
            return 0.0
        pool = float(world.topology.services[self.target].pool_size or 0)
        timeline = world.timeline
        steps = sorted(
            {a.done for a in timeline.on(self.target, ["grow_pool", "scale"]) if anchor < a.done <= minute}
        )
        rate, held, last = self.params["per_minute"], 0.0, anchor
        for boundary in [*steps, minute]:
            cap = pool * POOL_FACTOR ** timeline.count_done(self.target, "grow_pool", last)
            cap *= timeline.replicas_factor(self.target, last)
            held = cap - (cap - held) * math.exp(-rate * (boundary - last) / cap) if cap > 0 else 0.0
            last = boundary
        return held

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        if minute < self.start:
            return
        conds[self.target].leaked += self.leaked(minute, world)
