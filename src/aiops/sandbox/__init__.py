"""The embedded sandbox production: a deterministic simulated world (topology, fault library,
scenarios, telemetry, executor) behind the `aiops.core` backend protocols.

Nothing here imports LangChain, LangGraph or deepagents.

Public API::

    list_scenarios() -> list[str]
    load_scenario(name_or_path, *, catalogue=None) -> Scenario
    build_environment(scenario, *, state_dir=None, catalogue=None) -> Environment
    export_scenario(scenario, out_dir, ...) -> ExportSummary     (see aiops.sandbox.export)

Metric names, units and limits: see `aiops.sandbox.metrics`. Exported metric families and
labels: see `aiops.sandbox.export`.
"""

from aiops.sandbox.actions import EFFECTS
from aiops.sandbox.environment import build_environment
from aiops.sandbox.export import ExportSummary, export_scenario
from aiops.sandbox.faults import FAULTS
from aiops.sandbox.metrics import METRICS
from aiops.sandbox.noise import NOISE_PARAMS
from aiops.sandbox.scenario import (
    Expected,
    FaultSpec,
    Scenario,
    list_scenarios,
    load_scenario,
    parse_scenario,
)
from aiops.sandbox.world import ALERT_TIME

__all__ = [
    "ALERT_TIME",
    "EFFECTS",
    "FAULTS",
    "METRICS",
    "NOISE_PARAMS",
    "Expected",
    "ExportSummary",
    "FaultSpec",
    "Scenario",
    "build_environment",
    "export_scenario",
    "list_scenarios",
    "load_scenario",
    "parse_scenario",
]
