"""Clocks: wall time for real systems, a fixed instant for replaying recorded data."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import field_validator

from aiops.backends.options import Options
from aiops.backends.registry import BackendType


class WallClock:
    """The current UTC time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def check(self) -> str:
        return f"wall time {self.now().isoformat(timespec='seconds')}"


class FixedClock:
    """Always the same instant (replaying exported or recorded telemetry)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def check(self) -> str:
        return f"fixed at {self.at.isoformat()}"


class WallOptions(Options):
    """No options."""


class FixedOptions(Options):
    """`at`: an ISO 8601 instant (naive values are taken as UTC)."""

    at: datetime

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def build_wall(options: WallOptions, ctx: object) -> WallClock:  # noqa: ARG001
    """Factory for `clock: {type: wall}`."""
    return WallClock()


def build_fixed(options: FixedOptions, ctx: object) -> FixedClock:  # noqa: ARG001
    """Factory for `clock: {type: fixed, at: ...}`."""
    return FixedClock(options.at)


WALL = BackendType("clock", "wall", WallOptions, build_wall, "current UTC time")
FIXED = BackendType("clock", "fixed", FixedOptions, build_fixed, "a fixed instant (replaying recorded data)")
