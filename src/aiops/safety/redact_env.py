"""`redact_environment`: wraps every backend of an `Environment` so nothing un-redacted leaves it.

Each wrapper implements the same protocol as what it wraps, masks every returned record, series,
event, service and action result, and masks the message of any exception on its way out (error
text reaches agents too). The raw backend stays reachable as `.inner` for runtime code that needs
it (never hand `.inner` to a tool).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from aiops.core.types import ActionResult, ChangeEvent, Environment, LogRecord, MetricSeries, ServiceInfo, StateRecord
from aiops.safety.redaction import Redactor


class _Wrapper:
    def __init__(self, inner: Any, redactor: Redactor, closed: set[int] | None = None) -> None:
        self.inner = inner
        self._redactor = redactor
        self._closed = closed if closed is not None else set()

    def close(self) -> None:
        """Close the wrapped backend when it can be closed (once, even when it plays several roles)."""
        if id(self.inner) in self._closed:
            return
        self._closed.add(id(self.inner))
        closer = getattr(self.inner, "close", None)
        if callable(closer):
            closer()


class RedactedLogs(_Wrapper):
    """A `LogSource` whose records are masked."""

    def fetch(
        self, service: str, *, start: datetime, end: datetime, limit: int = 200_000
    ) -> Iterator[LogRecord]:
        """The wrapped source's records, masked one by one."""
        try:
            for record in self.inner.fetch(service, start=start, end=end, limit=limit):
                yield self._redactor.record(record)
        except Exception as exc:
            raise self._redactor.exception(exc) from None


class RedactedMetrics(_Wrapper):
    """A `MetricSource` whose series are masked."""

    def metric_names(self) -> list[str]:
        """The metric names, masked."""
        try:
            return [self._redactor.text(name) for name in self.inner.metric_names()]
        except Exception as exc:
            raise self._redactor.exception(exc) from None

    def query(
        self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60
    ) -> MetricSeries:
        """The wrapped series, masked."""
        try:
            return self._redactor.series(
                self.inner.query(service, metric, start=start, end=end, step_s=step_s)
            )
        except Exception as exc:
            raise self._redactor.exception(exc) from None


    def names_for(self, service: str) -> list[str]:
        """The metric names of one service (empty when the wrapped source cannot tell)."""
        lister = getattr(self.inner, "names_for", None)
        if not callable(lister):
            raise AttributeError("names_for")
        try:
            return [self._redactor.text(name) for name in lister(service)]
        except Exception as exc:
            raise self._redactor.exception(exc) from None


class RedactedEvents(_Wrapper):
    """An `EventSource` whose events are masked."""

    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]:
        """The wrapped events, masked."""
        try:
            return [self._redactor.event(e) for e in self.inner.events(start=start, end=end, service=service)]
        except Exception as exc:
            raise self._redactor.exception(exc) from None


class RedactedInventory(_Wrapper):
    """An `Inventory` whose service descriptions are masked."""

    def services(self) -> list[ServiceInfo]:
        """The wrapped services, masked."""
        try:
            return [self._redactor.service(info) for info in self.inner.services()]
        except Exception as exc:
            raise self._redactor.exception(exc) from None


class RedactedExecutor(_Wrapper):
    """An `Executor` whose results (and errors) are masked; arguments pass through unchanged."""

    def seen(self, key: str) -> bool:
        """True when the wrapped executor already acted on idempotency key `key` (False if it cannot tell)."""
        inner = getattr(self.inner, "seen", None)
        return bool(inner(key)) if callable(inner) else False

    def supported_actions(self) -> list[str]:
        """The wrapped executor's actions."""
        return list(self.inner.supported_actions())

    def execute(
        self, action: str, target: str, *, dry_run: bool = False, key: str | None = None
    ) -> ActionResult:
        """Execute through the wrapped executor and mask what comes back."""
        try:
            result = self.inner.execute(action, target, dry_run=dry_run, key=key)
        except Exception as exc:
            raise self._redactor.exception(exc) from None
        return self._redactor.action_result(result)


class RedactedState(_Wrapper):
    """A `StateSource` whose records are masked (names, reasons, messages, attributes)."""

    def records(self, service: str | None = None) -> list[StateRecord]:
        """The wrapped records, masked."""
        try:
            return [self._redactor.state(r) for r in self.inner.records(service)]
        except Exception as exc:
            raise self._redactor.exception(exc) from None


class _SharedClock(_Wrapper):
    """The environment's clock unchanged; only `close` is shared with the other wrappers."""

    def now(self) -> datetime:
        """The wrapped clock's time."""
        return self.inner.now()


def redact_environment(env: Environment, redactor: Redactor) -> Environment:
    """A new `Environment` over the same backends, each wrapped so its output is masked; the alert
    text and `info` are masked too. The clock's time passes through unchanged. Wrapping twice is
    harmless."""
    closed: set[int] = set()
    return Environment(
        name=env.name,
        inventory=RedactedInventory(env.inventory, redactor, closed),
        logs=RedactedLogs(env.logs, redactor, closed),
        metrics=RedactedMetrics(env.metrics, redactor, closed),
        events=RedactedEvents(env.events, redactor, closed),
        executor=RedactedExecutor(env.executor, redactor, closed),
        clock=_SharedClock(env.clock, redactor, closed),
        state=RedactedState(env.state, redactor, closed) if env.state is not None else None,
        alert=redactor.text(env.alert) if env.alert else env.alert,
        info=redactor.value(env.info),
    )
