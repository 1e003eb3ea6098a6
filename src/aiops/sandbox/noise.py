"""Benign background that real services have: warnings, slow requests, retries, client errors,
self-healing blips, batch jobs, and literal lines injected as-is (for redaction/injection tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiops.sandbox.faults.base import Param
from aiops.sandbox.model import Cond, mark
from aiops.sandbox.rng import unit

LITERAL_LEVELS = ("DEBUG", "INFO", "WARN", "ERROR", "FATAL")

NOISE_PARAMS: dict[str, dict[str, Param]] = {
    "benign_warnings": {"per_minute": Param("number", 1.5, 0.01, 1000.0)},
    "slow_requests": {"per_minute": Param("number", 1.0, 0.01, 1000.0)},
    "retries": {"per_minute": Param("number", 1.0, 0.01, 1000.0)},
    "noisy_errors": {"per_minute": Param("number", 10.0, 0.01, 5000.0)},
    "blip": {
        "duration_minutes": Param("int", 3, 1, 240),
        "error_pct": Param("number", 8.0, 0.1, 100.0),
        "latency_factor": Param("number", 4.0, 1.0, 100.0),
    },
    "batch_job": {
        "every_minutes": Param("int", 15, 2, 1440),
        "duration_minutes": Param("int", 2, 1, 240),
        "cpu_pct": Param("number", 25.0, 1.0, 90.0),
    },
    "lines": {
        "text": Param("text", None),
        "level": Param("choice", "WARN", choices=LITERAL_LEVELS),
        "every_minutes": Param("int", 1, 1, 10_080),
    },
}
"""Noise type -> its own keys (next to `type`, `target`, `start_minute`, `end_minute`)."""


@dataclass(frozen=True)
class NoiseSpec:
    """One noise entry of a scenario. `end` None means until the end of time."""

    type: str
    target: str
    start: int
    end: int | None
    params: dict[str, Any] = field(default_factory=dict)

    def active(self, minute: int) -> bool:
        return minute >= self.start and (self.end is None or minute < self.end)

    def apply(self, minute: int, conds: dict[str, Cond], seed: int) -> None:
        """Write this minute's share of the noise into the target's conditions."""
        if not self.active(minute):
            return
        cond = conds[self.target]
        p = self.params
        since = minute - self.start
        if self.type in ("benign_warnings", "retries", "noisy_errors"):
            cond.count(self.type, p["per_minute"])
        elif self.type == "slow_requests":
            cond.count(self.type, p["per_minute"])
            if unit(seed, self.target, "slow-noise", minute) > 0.7:
                cond.lat_mult *= 1.1
        elif self.type == "blip":
            if since < p["duration_minutes"]:
                cond.add_error("reset", p["error_pct"] / 100)
                cond.lat_mult *= p["latency_factor"]
        elif self.type == "batch_job":
            phase = since % p["every_minutes"]
            if phase < p["duration_minutes"]:
                cond.cpu_add += p["cpu_pct"]
                cond.count("batch", 1.0)
                if phase == 0:
                    cond.marks.append(mark("batch_start", 0.5))
                if phase == p["duration_minutes"] - 1:
                    cond.marks.append(mark("batch_end", 58.0))
        elif self.type == "lines" and since % p["every_minutes"] == 0:
            second = 1 + 57 * unit(seed, self.target, "literal", minute, p["text"])
            cond.marks.append(mark("literal", second, text=p["text"], level=p["level"]))
