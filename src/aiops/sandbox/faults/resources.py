"""Resource faults: a memory leak (climb, OOM kills, restarts) and a filling disk."""

from __future__ import annotations

from typing import ClassVar

from aiops.sandbox.faults.base import Fault, Param, WorldView
from aiops.sandbox.model import Cond, mark
from aiops.sandbox.rng import unit

RESETS_MEMORY = frozenset({"restart", "rollback"})


class MemoryLeak(Fault):
    """Each replica's memory climbs until the container limit kills it; it restarts and climbs again."""

    type = "memory_leak"
    summary = "gradual memory climb per replica, then OOM kills and restarts"
    kinds = ("app",)
    params_spec: ClassVar[dict[str, Param]] = {
        "per_minute": Param("number", 6.0, 0.05, 500.0, help="MiB leaked per minute per replica"),
    }
    fixes = frozenset({"restart"})
    relief = frozenset({"rollback"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        if minute < self.start:
            return
        spec = world.topology.services[self.target]
        cond = conds[self.target]
        anchor = max(self.start, world.timeline.last_done(self.target, RESETS_MEMORY, minute) or self.start)
        t = minute - anchor
        headroom = max(8.0, spec.memory_limit_mi * 0.985 - world.profiles[self.target].mem0)
        worst = 0.0
        for replica in range(spec.replicas):
            rate = self.params["per_minute"] * (0.8 + 0.4 * unit(world.seed, self.target, "leak", replica))
            cycle = max(1.0, headroom / rate)
            worst = max(worst, (t % cycle) * rate)
            if t >= 1 and int(t / cycle) > int((t - 1) / cycle):
                second = 5 + 50 * unit(world.seed, self.target, "oom", replica, minute)
                cond.marks.append(mark("oom_kill", second, replica=replica))
                cond.marks.append(mark("startup", min(59.0, second + 4), replica=replica, reason="crash"))
                cond.restarts += 1
                cond.add_error("oom", 0.5 / spec.replicas)
            elif t >= 2 and int((t - 1) / cycle) > int((t - 2) / cycle):
                cond.add_error("restart", 0.12 / spec.replicas)
        cond.mem_add += worst


class DiskFill(Fault):
    """A volume fills at a steady rate; at 100 % writes fail. Clearing space relieves it for a while."""

    type = "disk_fill"
    summary = "a volume fills up until writes fail"
    kinds = ("app", "database", "cache")
    params_spec: ClassVar[dict[str, Param]] = {
        "per_minute": Param("number", 1.5, 0.01, 50.0, help="percentage points of the volume per minute"),
        "from_pct": Param("number", 70.0, 0.0, 99.0, help="usage when the fault starts"),
    }
    fixes = frozenset({"free_disk"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        if minute < self.start:
            return
        cleared = world.timeline.last_done(self.target, {"free_disk"}, minute)
        if cleared is None:
            start_pct, elapsed = self.params["from_pct"], minute - self.start
        else:
            start_pct, elapsed = world.profiles[self.target].disk0 * 0.75, minute - cleared
        cond = conds[self.target]
        cond.disk = min(100.0, start_pct + self.params["per_minute"] * elapsed)
        if world.topology.services[self.target].kind == "database":
            cond.count("archive_failing", 1.0)
