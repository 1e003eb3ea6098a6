"""What a fault is: a target, a start, typed params with defaults, the runbook effects that fix it,
and how it shapes the symptom channels of the world minute by minute."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from aiops.sandbox.actions import Timeline, fade
from aiops.sandbox.model import Cond, Profile
from aiops.sandbox.topology import Topology


@dataclass(frozen=True, slots=True)
class Param:
    """One fault or noise parameter: `kind` is number, int, choice or text."""

    kind: str
    default: Any
    low: float = 0.0
    high: float = 0.0
    choices: tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True, slots=True)
class ChangeSpec:
    """A change event in scenario minutes (from the scenario file or caused by a fault)."""

    at_minute: int
    type: str
    service: str
    summary: str
    attrs: tuple[tuple[str, str], ...] = ()


class WorldView(Protocol):
    """What faults may read of the world."""

    seed: int
    topology: Topology
    profiles: dict[str, Profile]
    timeline: Timeline

    def version_at(self, service: str, minute: int) -> str: ...


class Fault:
    """Base class. Subclasses set the class attributes and implement `apply`."""

    type: ClassVar[str]
    summary: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]]
    params_spec: ClassVar[dict[str, Param]] = {}
    fixes: ClassVar[frozenset[str]]
    relief: ClassVar[frozenset[str]] = frozenset()
    ramp_minutes: ClassVar[int] = 0

    def __init__(self, target: str, start: int, params: dict[str, Any], *, index: int = 0) -> None:
        self.target = target
        self.start = start
        self.index = index
        self.params = {name: spec.default for name, spec in self.params_spec.items()} | dict(params)

    def fix_effects(self, kind: str) -> frozenset[str]:  # noqa: ARG002
        """Runbook effects that end this fault when applied to its target (may depend on its kind)."""
        return self.fixes

    def level(self, minute: int, world: WorldView, *, ramp: float | None = None) -> float:
        """Intensity 0..1: ramps in from `start`, fades out while a fixing action runs."""
        if minute < self.start:
            return 0.0
        ramp = self.ramp_minutes if ramp is None else ramp
        level = min(1.0, (minute - self.start + 1) / ramp) if ramp > 0 else 1.0
        kind = world.topology.services[self.target].kind
        fix = world.timeline.first_fix(self.target, self.fix_effects(kind), minute)
        return fade(level, fix, minute)

    def changes(self, world: WorldView) -> list[ChangeSpec]:  # noqa: ARG002
        """Change events this fault brings with it (a deployment, say)."""
        return []

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        """Write this minute's symptoms into the conditions of the affected services."""
        raise NotImplementedError
