"""`build_environment`: the sandbox world of a scenario as an `aiops.core.Environment`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiops.core.types import Environment, ServiceInfo
from aiops.sandbox import _data
from aiops.sandbox.actions import Timeline
from aiops.sandbox.clock import SimClock
from aiops.sandbox.events import SandboxEvents
from aiops.sandbox.executor import SandboxExecutor
from aiops.sandbox.logs import SandboxLogSource
from aiops.sandbox.metrics import SandboxMetrics
from aiops.sandbox.scenario import Scenario, load_scenario
from aiops.sandbox.state import load_state, save_state
from aiops.sandbox.world import World


class SandboxInventory:
    """The scenario's topology as `ServiceInfo`s."""

    def __init__(self, world: World) -> None:
        self._infos = world.topology.infos()

    def services(self) -> list[ServiceInfo]:
        return list(self._infos)


def build_environment(
    scenario: Scenario | str | Path,
    *,
    state_dir: Path | None = None,
    catalogue: Mapping[str, Any] | None = None,
) -> Environment:
    """The sandbox `Environment` of `scenario` (an object, a shipped name or a file path).

    With `state_dir`, actions and the simulated clock are saved there (`sandbox.json`) and
    reloaded by the next call with the same folder, so a resumed incident sees the same world.
    `catalogue` is the runbook catalogue (`actions:` mapping or the whole runbooks document);
    the default team's catalogue by default.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    actions = _data.normalize_catalogue(catalogue) if catalogue is not None else _data.default_catalogue()
    folder = Path(state_dir) if state_dir is not None else None
    state = load_state(folder, scenario.name, scenario.fingerprint())
    world = World(scenario, Timeline(state.actions))

    def persist_clock(offset: int) -> None:
        state.clock_minutes = offset
        save_state(folder, state)

    clock = SimClock(world.alert_time, state.clock_minutes, on_change=persist_clock)
    info = {
        "source": "sandbox",
        "scenario": scenario.name,
        "alert_time": world.alert_time.isoformat(),
        "window_minutes": scenario.window_minutes,
        "services": world.topology.names(),
    }
    return Environment(
        name="sandbox",
        inventory=SandboxInventory(world),
        logs=SandboxLogSource(world, clock),
        metrics=SandboxMetrics(world, clock),
        events=SandboxEvents(world, clock),
        executor=SandboxExecutor(world, clock, actions, state, folder),
        clock=clock,
        alert=scenario.alert,
        info=info,
    )
