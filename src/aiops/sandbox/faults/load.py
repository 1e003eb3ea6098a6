"""Load faults: a traffic spike (CPU, latency, then memory or pool pressure)."""

from __future__ import annotations

from typing import ClassVar

from aiops.sandbox.faults.base import Fault, Param, WorldView
from aiops.sandbox.model import Cond


class TrafficSpike(Fault):
    """Request rate multiplies over a short ramp and stays up; only more capacity relieves it."""

    type = "traffic_spike"
    summary = "request rate multiplies: CPU and latency rise, then memory or pool pressure"
    kinds = ("app",)
    params_spec: ClassVar[dict[str, Param]] = {
        "factor": Param("number", 3.0, 1.1, 50.0, help="request rate multiplier at full spike"),
        "ramp_minutes": Param("int", 5, 0, 240, help="minutes from normal to full spike"),
    }
    fixes = frozenset({"scale"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:  # noqa: ARG002
        if minute < self.start:
            return
        ramp = self.params["ramp_minutes"]
        level = min(1.0, (minute - self.start + 1) / ramp) if ramp else 1.0
        cond = conds[self.target]
        cond.load *= 1 + (self.params["factor"] - 1) * level
        cond.count("hot_path", level)
