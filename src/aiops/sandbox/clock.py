"""Simulated time: minute 0 is the alert; the clock only moves when the world is acted on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta


class SimClock:
    """`now()` = alert time + `offset_minutes`. `advance` moves it forward and reports through `on_change`."""

    def __init__(
        self, alert_time: datetime, offset_minutes: int = 0, on_change: Callable[[int], None] | None = None
    ) -> None:
        self.alert_time = alert_time
        self.offset_minutes = offset_minutes
        self._on_change = on_change

    def now(self) -> datetime:
        return self.alert_time + timedelta(minutes=self.offset_minutes)

    def advance(self, minutes: int) -> datetime:
        """Let `minutes` of simulated time pass (persisted when the environment has a state folder)."""
        if minutes < 0:
            raise ValueError("the simulated clock cannot go back")
        self.offset_minutes += minutes
        if self._on_change is not None:
            self._on_change(self.offset_minutes)
        return self.now()
