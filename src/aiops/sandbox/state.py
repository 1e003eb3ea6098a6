"""World state that survives the process: the applied actions and the simulated clock, saved
atomically as JSON in the incident's state folder and reloaded by `build_environment`."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.sandbox.actions import Applied

STATE_FILE = "sandbox.json"
VERSION = 1


@dataclass
class WorldState:
    """What changed since the alert: actions (ok or refused, by idempotency key) and the clock."""

    scenario: str
    fingerprint: str
    clock_minutes: int = 0
    actions: list[Applied] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "scenario": self.scenario,
            "fingerprint": self.fingerprint,
            "clock_minutes": self.clock_minutes,
            "actions": [a.to_dict() for a in self.actions],
        }


def load_state(state_dir: Path | None, scenario: str, fingerprint: str) -> WorldState:
    """The saved state in `state_dir`, or a fresh one. A state of another scenario is an error."""
    fresh = WorldState(scenario, fingerprint)
    if state_dir is None:
        return fresh
    path = Path(state_dir) / STATE_FILE
    if not path.exists():
        return fresh
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        actions = [Applied.from_dict(a) for a in data.get("actions", [])]
        state = WorldState(data["scenario"], data["fingerprint"], int(data.get("clock_minutes", 0)), actions)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"unreadable sandbox state: {exc}", file=str(path)) from exc
    if state.fingerprint != fingerprint:
        raise ConfigError(
            f"this state belongs to scenario {state.scenario!r} (or an edited version of it); "
            f"use another state folder for {scenario!r}",
            file=str(path),
        )
    return state


def save_state(state_dir: Path | None, state: WorldState) -> None:
    """Write `state` atomically (temp file + rename); no-op without a state folder."""
    if state_dir is None:
        return
    from aiops.core.private import private_dir

    folder = private_dir(Path(state_dir))
    text = json.dumps(state.to_dict(), indent=2, sort_keys=True, default=str)
    fd, tmp = tempfile.mkstemp(prefix=".sandbox-", suffix=".json", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(folder / STATE_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
