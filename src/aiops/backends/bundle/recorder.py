"""Recording what an incident's tools read, as an evidence bundle (the `--bundle` layout), so the
incident can be exported, replayed and scored later.

`record_environment(env, folder, alert=...)` wraps the (already redacted) environment: every log
record, metric series, orchestrator record and change event a tool reads is also written under
`folder`, once, within a byte budget:

    bundle.yaml            alert, services, at (the incident's time), topology (kinds, limits, dependencies)
    logs/<service>/recorded.log   the records read, one per line (`<iso time> <LEVEL> <message>`;
                                  lines that carried no time are written as they were)
    metrics/recorded.om    OpenMetrics: `aiops_<metric>{service="..."} value time`, `aiops_<metric>_limit`
    k8s/state.json         the orchestrator records read, in their own exact form
    events.jsonl           the change events read

Replaying the folder with `aiops respond --bundle` gives the team the same evidence.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from aiops.core.private import open_private, private_dir, write_private_text
from aiops.core.types import ChangeEvent, Environment, LogRecord, MetricSeries, StateRecord

MAX_BYTES = 20 * 1024 * 1024
STATE_KIND = "aiops.StateRecord"
"""The kind under which recorded orchestrator records are written (read back exactly by the snapshot reader)."""


def log_line(record: LogRecord) -> str:
    """A record as one line the files backend reads back with the same time, level and message."""
    if not record.dated:
        return record.raw.replace("\r", " ")
    level = f" {record.level}" if record.level else ""
    return f"{record.ts.isoformat()}{level} {record.message}".replace("\r", " ")


class Recorder:
    """Writes the evidence of one incident, each item once, until the byte budget is spent."""

    def __init__(self, folder: Path, *, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.left = max_bytes
        self.truncated = False
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        for existing in folder.rglob("*") if folder.is_dir() else []:  # a resumed incident: nothing twice
            if existing.is_file() and existing.suffix in (".log", ".om", ".jsonl"):
                self._seen.update(existing.read_text(encoding="utf-8", errors="replace").splitlines())
                self.left -= existing.stat().st_size

    def write(self, relative: str, lines: list[str]) -> None:
        """Append the lines not written before to `relative` (while the budget lasts)."""
        with self._lock:
            fresh = [line for line in dict.fromkeys(lines) if line not in self._seen]
            if not fresh:
                return
            size = sum(len(line.encode("utf-8")) + 1 for line in fresh)
            if size > self.left:
                self._truncate()
                return
            self.left -= size
            self._seen.update(fresh)
            path = self.folder / relative
            private_dir(path.parent)
            with open_private(path, "a", encoding="utf-8") as handle:
                handle.write("\n".join(fresh) + "\n")

    def _truncate(self) -> None:
        if not self.truncated:
            self.truncated = True
            write_private_text(self.folder / "TRUNCATED.txt",
                               "The evidence of this incident went over the recording budget; later reads were "
                               "not kept.\n")

    def settings(self, env: Environment, *, alert: str, at: datetime) -> None:
        """bundle.yaml: the alert, the services with their topology, and the incident's time."""
        topology = {}
        for svc in env.inventory.services():
            row = {"kind": svc.kind, "replicas": svc.replicas, "memory_limit_mi": svc.memory_limit_mi,
                   "cpu": svc.cpu, "pool_size": svc.pool_size, "max_connections": svc.max_connections,
                   "depends_on": list(svc.depends_on)}
            topology[svc.name] = {k: v for k, v in row.items() if v not in (None, [])}
        data = {"alert": alert, "services": list(topology), "at": at.isoformat(), "topology": topology}
        private_dir(self.folder)
        write_private_text(self.folder / "bundle.yaml", yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


class _Recorded:
    def __init__(self, inner: Any, recorder: Recorder) -> None:
        self.inner = inner
        self.recorder = recorder

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class RecordedLogs(_Recorded):
    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        kept: list[str] = []
        try:
            for record in self.inner.fetch(service, start=start, end=end, limit=limit):
                kept.append(log_line(record))
                yield record
        finally:
            self.recorder.write(f"logs/{_safe(service)}/recorded.log", kept)


class RecordedMetrics(_Recorded):
    def query(self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60) -> MetricSeries:
        series = self.inner.query(service, metric, start=start, end=end, step_s=step_s)
        label = json.dumps(service)
        lines = [f"aiops_{_metric(metric)}{{service={label}}} {value!r} {ts.timestamp():.3f}"
                 for ts, value in zip(series.timestamps, series.values, strict=False)]
        if series.limit is not None and series.timestamps:
            lines += [f"aiops_{_metric(metric)}_limit{{service={label}}} {series.limit!r} {ts.timestamp():.3f}"
                      for ts in series.timestamps]
        self.recorder.write("metrics/recorded.om", lines)
        return series


class RecordedEvents(_Recorded):
    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]:
        found = self.inner.events(start=start, end=end, service=service)
        self.recorder.write("events.jsonl", [json.dumps({"ts": e.ts.isoformat(), "type": e.type, "service": e.service,
                                                          "summary": e.summary, "attrs": dict(e.attrs)}, sort_keys=True)
                                              for e in found])
        return found


class RecordedState(_Recorded):
    def records(self, service: str | None = None) -> list[StateRecord]:
        found = self.inner.records(service)
        self.recorder.write("k8s/state.jsonl", [json.dumps({"kind": STATE_KIND, "record": _state_dict(r)},
                                                           sort_keys=True) for r in found])
        return found


def _state_dict(record: StateRecord) -> dict[str, Any]:
    data = asdict(record)
    for key in ("ts", "first_ts"):
        data[key] = data[key].isoformat() if data[key] is not None else None
    return data


def state_from_dict(data: dict[str, Any]) -> StateRecord:
    """A recorded orchestrator record, exactly as it was."""
    from aiops.backends.k8s_objects import when

    record = StateRecord(**{k: v for k, v in data.items() if k in StateRecord.__slots__})
    return replace(record, ts=when(data.get("ts")), first_ts=when(data.get("first_ts")),
                   attrs={str(k): str(v) for k, v in (data.get("attrs") or {}).items()})


def _metric(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name)


def _safe(service: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in service) or "_"


def record_environment(env: Environment, folder: Path, *, alert: str, max_bytes: int = MAX_BYTES) -> Environment:
    """The same environment, with every read also written to `folder` as an evidence bundle."""
    recorder = Recorder(folder, max_bytes=max_bytes)
    if not (folder / "bundle.yaml").is_file():
        recorder.settings(env, alert=alert, at=env.clock.now())
    return replace(env, logs=RecordedLogs(env.logs, recorder), metrics=RecordedMetrics(env.metrics, recorder),
                   events=RecordedEvents(env.events, recorder),
                   state=RecordedState(env.state, recorder) if env.state is not None else None)
