"""`EventSource` over the simulated world: scenario changes (deployments, config changes...),
container restarts after crashes, and the remediation actions the team executed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiops.core.types import ChangeEvent

EFFECT_EVENT = {
    "restart": "restart",
    "scale": "scaling",
    "rollback": "deployment",
    "reset_pool": "config_change",
    "grow_pool": "config_change",
    "rollback_config": "config_change",
    "free_disk": "maintenance",
    "kill_queries": "maintenance",
    "renew_cert": "certificate",
    "failover": "failover",
}


class SandboxEvents:
    """Change events of the sandbox, oldest first, up to `clock.now()`."""

    def __init__(self, world: Any, clock: Any) -> None:
        self.world = world
        self.clock = clock

    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]:
        world = self.world
        end = min(end, self.clock.now())
        first = max(world.first_minute, world.minute_of(start))
        last = world.minute_of(end)
        out: list[ChangeEvent] = []
        for change in world.changes:
            ts = world.ts(change.at_minute)
            out.append(
                ChangeEvent(
                    ts=ts,
                    type=change.type,
                    service=change.service,
                    summary=change.summary,
                    attrs=dict(change.attrs),
                )
            )
        for applied in world.timeline.applied:
            attrs = {"action": applied.action, "by": "aiops"}
            out.append(
                ChangeEvent(
                    ts=world.ts(applied.at),
                    type=EFFECT_EVENT.get(applied.effect, "maintenance"),
                    service=applied.target,
                    summary=applied.message,
                    attrs=attrs,
                )
            )
        for minute in range(first, last + 1):
            for name, snap in world.minute(minute).items():
                for item in snap.marks:
                    if item.kind != "oom_kill":
                        continue
                    pod = world.pod(name, int(item.get("replica", 0)), minute)
                    summary = (
                        f"container {name} in pod {pod} restarted "
                        "(last state: Terminated, reason: OOMKilled, "
                        "exit code 137)"
                    )
                    out.append(
                        ChangeEvent(
                            ts=world.ts(minute + item.second / 60),
                            type="restart",
                            service=name,
                            summary=summary,
                            attrs={"pod": pod, "reason": "OOMKilled", "exit_code": "137"},
                        )
                    )
        out = [e for e in out if start <= e.ts <= end and (service is None or e.service == service)]
        out.sort(key=lambda e: e.ts)
        return out
