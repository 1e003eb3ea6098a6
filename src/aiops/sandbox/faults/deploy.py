"""A bad deployment: errors (and some latency) start right after the new version rolls out."""

from __future__ import annotations

import re
from typing import ClassVar

from aiops.sandbox.faults.base import ChangeSpec, Fault, Param, WorldView
from aiops.sandbox.model import Cond


def previous_of(version: str) -> str:
    """v2.5.0 -> v2.4.3: a plausible version before `version` (deterministic)."""
    found = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not found:
        return f"{version}-prev"
    major, minor, patch = int(found.group(1)), int(found.group(2)), int(found.group(3) or 0)
    if minor > 0:
        return f"v{major}.{minor - 1}.{(major * 7 + minor * 3) % 9 + 1}"
    if patch > 0:
        return f"v{major}.{minor}.{patch - 1}"
    return f"v{max(0, major - 1)}.9.{major % 9 + 1}"


def bump(version: str) -> str:
    """v2.4.1 -> v2.5.0 (anything unparsable gets a suffix)."""
    found = re.fullmatch(r"v?(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not found:
        return f"{version}-next"
    return f"v{found.group(1)}.{int(found.group(2)) + 1}.0"


class BadDeployment(Fault):
    """The version deployed at `start_minute` throws on a code path; only a rollback ends it."""

    type = "bad_deployment"
    summary = "a regression shipped in a deployment; errors start right after it"
    kinds = ("app",)
    params_spec: ClassVar[dict[str, Param]] = {
        "error_pct": Param("number", 12.0, 0.5, 100.0, help="share of requests failing (%)"),
        "latency_factor": Param("number", 1.4, 1.0, 50.0, help="latency multiplier"),
        "version": Param("text", "", help="the deployed version (default: next minor)"),
    }
    fixes = frozenset({"rollback"})
    ramp_minutes = 2

    def changes(self, world: WorldView) -> list[ChangeSpec]:
        previous = world.version_at(self.target, self.start - 1)
        version = self.params["version"] or bump(previous)
        if self.params["version"] and not world.deployed_before(self.target, self.start):
            previous = previous_of(version)
        summary = f"{self.target} deployed {version} (was {previous})"
        return [
            ChangeSpec(
                self.start,
                "deployment",
                self.target,
                summary,
                (("version", version), ("previous_version", previous), ("author", "ci-pipeline")),
            )
        ]

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world)
        if level <= 0:
            return
        cond = conds[self.target]
        cond.add_error("exception", self.params["error_pct"] / 100 * level)
        cond.lat_mult *= 1 + (self.params["latency_factor"] - 1) * level
        cond.count("exception", level)
