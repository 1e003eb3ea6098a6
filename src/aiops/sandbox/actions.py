"""Remediation actions applied to the world, and the queries faults and physics ask about them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

EFFECTS: tuple[str, ...] = (
    "restart",
    "scale",
    "rollback",
    "reset_pool",
    "grow_pool",
    "free_disk",
    "renew_cert",
    "rollback_config",
    "kill_queries",
    "failover",
)
"""Effects the sandbox executor knows how to apply (the `effect` keyword of a runbook action)."""

SCALE_FACTOR = 2.0
POOL_FACTOR = 1.5


@dataclass(frozen=True, slots=True)
class Applied:
    """An executed action: starts at minute `at`, fully effective from minute `done`."""

    action: str
    effect: str
    target: str
    at: int
    done: int
    key: str | None = None
    ok: bool = True
    message: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Applied:
        return cls(**data)


class Timeline:
    """The applied actions in execution order."""

    def __init__(self, applied: Iterable[Applied] = ()) -> None:
        self.applied: list[Applied] = [a for a in applied if a.ok]

    def on(self, target: str, effects: Iterable[str]) -> list[Applied]:
        wanted = set(effects)
        return [a for a in self.applied if a.target == target and a.effect in wanted]

    def started(self, target: str, effects: Iterable[str], minute: int) -> list[Applied]:
        """Actions on `target` with one of `effects` begun at or before `minute`."""
        return [a for a in self.on(target, effects) if a.at <= minute]

    def last_done(self, target: str, effects: Iterable[str], minute: int) -> int | None:
        """The latest completion minute (<= `minute`) of such actions, or None."""
        done = [a.done for a in self.on(target, effects) if a.done <= minute]
        return max(done) if done else None

    def first_fix(self, target: str, effects: Iterable[str], minute: int) -> Applied | None:
        """The earliest such action begun by `minute`."""
        started = self.started(target, effects, minute)
        return min(started, key=lambda a: a.at) if started else None

    def count_done(self, target: str, effect: str, minute: int) -> int:
        return sum(1 for a in self.on(target, [effect]) if a.done <= minute)

    def replicas_factor(self, target: str, minute: int) -> float:
        """Replicas now / replicas in the topology, after the scale actions done by `minute`."""
        factor = 1.0
        for a in self.on(target, ["scale"]):
            if a.done <= minute:
                change = a.details.get("replicas") or {}
                factor *= change["to"] / change["from"] if change.get("from") else SCALE_FACTOR
        return factor

    def pool_factor(self, target: str, minute: int) -> float:
        return POOL_FACTOR ** self.count_done(target, "grow_pool", minute)

    def in_progress(self, target: str, minute: int) -> list[Applied]:
        """Actions on `target` running during `minute` (at <= minute < done, or at == minute)."""
        return [a for a in self.applied if a.target == target and (a.at <= minute < a.done or a.at == minute)]


def fade(level: float, fix: Applied | None, minute: int) -> float:
    """`level` scaled down linearly while `fix` runs; 0 once it is done."""
    if fix is None or minute < fix.at:
        return level
    if minute >= fix.done:
        return 0.0
    return level * (1 - (minute - fix.at + 1) / (fix.done - fix.at + 1))
