"""The sandbox executor: applies runbook actions to the world by their `effect`, advances the
simulated clock by the action's recovery time plus a few minutes of observation, and remembers
each idempotency key's result (also across processes, through the state folder)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiops.core.types import ActionResult
from aiops.sandbox.actions import EFFECTS, Applied, Timeline
from aiops.sandbox.clock import SimClock
from aiops.sandbox.rng import rng_for
from aiops.sandbox.state import WorldState, load_state, save_state
from aiops.sandbox.world import World

OBSERVE_MINUTES = 4
"""Simulated minutes that pass after an action completes, so verification sees its effect."""
KINDS_FOR = {
    "kill_queries": ("database",),
    "failover": ("database",),
    "reset_pool": ("app",),
    "grow_pool": ("app", "database"),
    "scale": ("app", "cache"),
}


class SandboxExecutor:
    """`Executor` over a `World`; refusals come back as `ok=False` with a clear message."""

    def __init__(
        self,
        world: World,
        clock: SimClock,
        catalogue: Mapping[str, Mapping[str, Any]],
        state: WorldState,
        state_dir: Path | None,
    ) -> None:
        self.world = world
        self.clock = clock
        self.catalogue = catalogue
        self.state = state
        self.state_dir = state_dir

    def supported_actions(self) -> list[str]:
        return [name for name, spec in self.catalogue.items() if spec.get("effect") in EFFECTS]

    def seen(self, key: str) -> bool:
        """True when an action was already applied (or refused) under idempotency key `key`."""
        self._reload()
        return any(done.key == key for done in self.state.actions)

    def execute(
        self, action: str, target: str, *, dry_run: bool = False, key: str | None = None
    ) -> ActionResult:
        self._reload()
        if key:
            for done in self.state.actions:
                if done.key == key:
                    return _result(done, dry_run=False)
        refusal = self._refusal(action, target)
        if refusal:
            if key and not dry_run:
                self._record(
                    Applied(
                        action,
                        "",
                        target,
                        self.clock.offset_minutes,
                        self.clock.offset_minutes,
                        key,
                        False,
                        refusal,
                        {},
                    )
                )
            return ActionResult(action=action, target=target, ok=False, message=refusal, dry_run=dry_run)
        spec = self.catalogue[action]
        effect, minutes = spec["effect"], int(spec.get("recovery_minutes", 2))
        at = self.clock.offset_minutes
        message, details = self._describe(action, effect, target, at, minutes)
        if dry_run:
            return ActionResult(
                action=action,
                target=target,
                ok=True,
                message=f"would do: {message}",
                dry_run=True,
                details=details,
            )
        details |= {
            "started_at": self.world.ts(at).isoformat(),
            "completed_at": self.world.ts(at + minutes).isoformat(),
            "observed_until": self.world.ts(at + minutes + OBSERVE_MINUTES).isoformat(),
        }
        applied = Applied(action, effect, target, at, at + minutes, key, True, message, details)
        self.clock.offset_minutes = at + minutes + OBSERVE_MINUTES
        self._record(applied)
        return _result(applied, dry_run=False)

    def _record(self, applied: Applied) -> None:
        self.state.actions.append(applied)
        self.state.clock_minutes = self.clock.offset_minutes
        self.world.set_timeline(Timeline(self.state.actions))
        save_state(self.state_dir, self.state)

    def _reload(self) -> None:
        """Adopt what another process may have saved since this environment was built."""
        if self.state_dir is None:
            return
        saved = load_state(self.state_dir, self.state.scenario, self.state.fingerprint)
        if saved.to_dict() != self.state.to_dict():
            self.state.actions[:] = saved.actions
            self.state.clock_minutes = saved.clock_minutes
            self.clock.offset_minutes = max(self.clock.offset_minutes, saved.clock_minutes)
            self.world.set_timeline(Timeline(self.state.actions))

    def _refusal(self, action: str, target: str) -> str | None:
        if action not in self.catalogue:
            return f"unknown action {action!r}; available actions: {', '.join(sorted(self.catalogue))}"
        effect = self.catalogue[action].get("effect")
        if effect not in EFFECTS:
            known = ", ".join(EFFECTS)
            return f"the sandbox cannot perform {action!r} (effect {effect!r} is not one it knows: {known})"
        services = self.world.topology.services
        if target not in services:
            return f"unknown target {target!r}; known services: {', '.join(sorted(services))}"
        kind = services[target].kind
        allowed = KINDS_FOR.get(str(effect))
        if allowed and kind not in allowed:
            return f"{action} applies to {' or '.join(allowed)} services; {target} is a {kind}"
        if effect == "rollback" and not self.world.can_roll_back(target, self.clock.offset_minutes):
            return f"no earlier revision of {target} to roll back to (no deployment in its rollout history)"
        return None

    def _describe(
        self, action: str, effect: str, target: str, at: int, minutes: int
    ) -> tuple[str, dict[str, Any]]:
        spec = self.world.topology.services[target]
        snap = self.world.snap(target, at)
        rng = rng_for(self.world.seed, "action", action, target, at)
        details: dict[str, Any] = {"effect": effect, "recovery_minutes": minutes}
        if effect == "restart":
            text = f"restarted {target}: {snap.replicas} replica(s) restarted one at a time, all ready"
        elif effect == "scale":
            target_replicas = self._scaled_replicas(target, at)
            details["replicas"] = {"from": snap.replicas, "to": target_replicas}
            text = f"scaled {target} from {snap.replicas} to {target_replicas} replicas; new replicas ready"
        elif effect == "rollback":
            current, previous = snap.version, self._previous_version(target, at)
            details["version"] = {"from": current, "to": previous}
            text = f"rolled {target} back from {current} to {previous}; rollout complete"
        elif effect == "reset_pool":
            text = (
                f"drained and recreated the connection pool of {target} (size {round(snap.conn_limit or 0)})"
            )
        elif effect == "grow_pool":
            old = round(snap.conn_limit or 0)
            what = "max_connections" if spec.kind == "database" else "connection pool size"
            details["pool"] = {"from": old, "to": round(old * 1.5)}
            text = f"raised the {what} of {target} from {old} to {round(old * 1.5)}"
        elif effect == "free_disk":
            freed = max(
                0.5, (snap.disk - self.world.profiles[target].disk0 * 0.75) / 100 * _volume_gib(spec.kind)
            )
            text = (f"cleared space on {target}: rotated and compressed logs, removed temp files "
                    f"({freed:.1f} GiB freed)")
        elif effect == "renew_cert":
            until = self.world.ts(at + 90 * 24 * 60)
            text = f"issued and loaded a new certificate for {target} (valid until {until:%Y-%m-%d})"
        elif effect == "rollback_config":
            text = f"restored the previous configuration of {target} and reloaded it"
        elif effect == "kill_queries":
            sessions = rng.randint(3, 12)
            details["sessions_terminated"] = sessions
            text = f"terminated {sessions} long-running or blocking sessions on {target}"
        else:
            text = f"promoted the replica of {target} to primary and repointed clients"
        return f"{text} ({action}, {minutes} min)", details

    def _scaled_replicas(self, target: str, at: int) -> int:
        """At least double; more when the load per replica is far above normal (as an operator would)."""
        snap, spec = self.world.snap(target, at), self.world.topology.services[target]
        per_replica = snap.rps / self.world.profiles[target].nominal_rps * spec.replicas / snap.replicas
        return max(2 * snap.replicas, math.ceil(snap.replicas * per_replica * 1.1))

    def _previous_version(self, target: str, at: int) -> str:
        probe = Timeline([*self.world.timeline.applied, Applied("probe", "rollback", target, at, at)])
        current = self.world.timeline
        self.world.timeline = probe
        try:
            return self.world.version_at(target, at)
        finally:
            self.world.timeline = current


def _volume_gib(kind: str) -> float:
    return {"app": 40.0, "database": 500.0, "cache": 50.0}[kind]


def _result(applied: Applied, *, dry_run: bool) -> ActionResult:
    return ActionResult(
        action=applied.action,
        target=applied.target,
        ok=applied.ok,
        message=applied.message,
        dry_run=dry_run,
        details=dict(applied.details),
    )
