"""Metrics read from files: CSV and Prometheus / OpenMetrics text with timestamps (a bundle's
`metrics.csv` and `metrics/*.om`, what `aiops sim export` writes, a CloudWatch or Prometheus dump).

Series keep their own names (`CPUUtilization`, `container_memory_working_set_bytes`, ...): the
team's metric-name aliases (skill data) map them onto the engine's signals at query time. The
product's own export format is read as what it is: `aiops_<metric>` (what `aiops sim export` and an
incident's recorded evidence write) is the metric `<metric>`, with its limit from
`aiops_<metric>_limit`. A series
belongs to the service named by the first of `service_labels` whose value is a known service (or
the workload a pod name was generated from); series that name no service go to `default_service`.
"""

from __future__ import annotations

import glob as globmod
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.metricparse import ReadNotes, Sample, read_samples, utc
from aiops.backends.naming import resolve_service, service_name, workload_of
from aiops.backends.options import Options
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, UnknownMetricError, UnknownServiceError
from aiops.core.types import MetricSeries

SERVICE_LABELS = (
    "service", "service_name", "app", "app_kubernetes_io_name", "k8s_app", "application", "deployment",
    "statefulset", "daemonset", "job_name", "container", "pod", "DBInstanceIdentifier", "DBClusterIdentifier",
    "CacheClusterId", "ClusterName", "ServiceName", "FunctionName", "LoadBalancer", "QueueName", "job",
    "instance", "node", "host", "hostname",
)
"""Labels that name the service a series belongs to, most specific first (Prometheus and Kubernetes
conventions, then CloudWatch dimensions, then the scrape job and target)."""
UNIT_LABELS = ("unit", "Unit")
OWN_PREFIX = "aiops_"
LIMIT_SUFFIX = "_limit"
POD_LABELS = frozenset({"pod", "pod_name", "container"})
"""Labels whose values are generated pod names (the service is the workload they belong to)."""
MAX_SAMPLES = 2_000_000


class FileMetricOptions(Options):
    """`paths`: globs of CSV / OpenMetrics files (relative to the environment file)."""

    paths: list[str] = Field(min_length=1)
    service_labels: list[str] = Field(default_factory=lambda: list(SERVICE_LABELS))
    default_service: str | None = None

    @field_validator("paths", mode="before")
    @classmethod
    def _list(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


@dataclass
class Series:
    """One raw series: name, labels, the service it belongs to, samples in time order."""

    name: str
    labels: dict[str, str]
    service: str
    unit: str = ""
    points: list[tuple[datetime, float]] = field(default_factory=list)


class FileMetrics:
    """`MetricSource` over metric files, read once when built."""

    def __init__(self, files: list[Path], *, service_labels: Iterable[str], known: Iterable[str] | None,
                 default_service: str | None = None) -> None:
        self.files = files
        self.notes = ReadNotes()
        self._labels = tuple(service_labels)
        self._known = list(known) if known is not None else None
        self._default = default_service
        self._series: dict[tuple[str, tuple[tuple[str, str], ...]], Series] = {}
        self._limits: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
        self.unattributed = 0
        for path in files:
            for sample in read_samples(path, self.notes):
                if self.notes.rows > MAX_SAMPLES:
                    self.notes.skip(path.name, f"more than {MAX_SAMPLES} samples: the rest is not read")
                    break
                self._add(sample)
        for series in self._series.values():
            series.points.sort()

    def _add(self, sample: Sample) -> None:
        if sample.name.startswith(OWN_PREFIX) and sample.name.endswith(LIMIT_SUFFIX):
            self._limits[(sample.name[len(OWN_PREFIX):-len(LIMIT_SUFFIX)], sample.labels)] = sample.value
            return
        if sample.name.startswith(OWN_PREFIX):
            sample = replace(sample, name=sample.name[len(OWN_PREFIX):])
        key = (sample.name, sample.labels)
        series = self._series.get(key)
        if series is None:
            labels = dict(sample.labels)
            service = self.service_of(labels)
            if service is None:
                self.unattributed += 1
                service = ""
            unit = next((labels[k] for k in UNIT_LABELS if k in labels), "")
            series = self._series[key] = Series(sample.name, labels, service, unit)
        series.points.append((utc(sample.ts), sample.value))

    def service_of(self, labels: dict[str, str]) -> str | None:
        """The service a label set names (see the module docstring)."""
        for key in self._labels:
            value = labels.get(key)
            if not value:
                continue
            if self._known is None:
                name = workload_of(value) if key in POD_LABELS else service_name(value)
                if name:
                    return name
                continue
            found = resolve_service(value, self._known)
            if found:
                return found
        return self._default

    def all_series(self) -> list[Series]:
        """Every raw series read."""
        return list(self._series.values())

    def services(self) -> list[str]:
        """Services that have at least one series."""
        return sorted({s.service for s in self._series.values() if s.service})

    def metric_names(self) -> list[str]:
        return sorted({s.name for s in self._series.values() if s.service})

    def names_for(self, service: str) -> list[str]:
        """Metric names with a series of `service`."""
        return sorted({s.name for s in self._series.values() if s.service == service})

    def series_of(self, service: str, metric: str) -> list[Series]:
        """Every raw series of `metric` for `service` (one per label set)."""
        return [s for s in self._series.values() if s.service == service and s.name == metric]

    def query(self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60) -> MetricSeries:
        """Samples of `metric` for `service` in [start, end]; several series (pods, modes) are combined
        by taking the largest value at each time."""
        del step_s
        if self._known is not None and service not in self._known and service not in self.services():
            raise UnknownServiceError(service, self._known)
        found = self.series_of(service, metric)
        if not found:
            if not self.names_for(service):
                raise BackendError(f"no metrics were collected for {service!r} (metrics exist for: "
                                   f"{', '.join(self.services()) or 'no service'})")
            raise UnknownMetricError(metric, self.names_for(service))
        merged: dict[datetime, float] = {}
        for series in found:
            for ts, value in series.points:
                if start <= ts <= end:
                    merged[ts] = max(value, merged.get(ts, value))
        times = sorted(merged)
        limits = [self._limits[key] for key in self._limits if key[0] == metric
                  and self.service_of(dict(key[1])) == service]
        return MetricSeries(service=service, metric=metric, unit=found[0].unit, timestamps=times,
                            values=[merged[t] for t in times], limit=max(limits) if limits else None)

    def time_range(self) -> tuple[datetime, datetime] | None:
        """The earliest and latest sample time."""
        stamps = [p[0] for s in self._series.values() for p in (s.points[0], s.points[-1]) if s.points]
        return (min(stamps), max(stamps)) if stamps else None

    def check(self) -> str:
        if not self._series:
            raise BackendError(f"no metric samples in {len(self.files)} file(s)")
        extra = f", {self.notes.skipped} rows skipped" if self.notes.skipped else ""
        return (f"{len(self._series)} series of {len(self.metric_names())} metrics for {len(self.services())} "
                f"services{extra}")


def expand(patterns: Iterable[str]) -> list[Path]:
    """Files matching the glob patterns, in name order."""
    found = {Path(p) for pattern in patterns for p in globmod.glob(pattern) if Path(p).is_file()}  # noqa: PTH207
    return sorted(found)


def build_file_metrics(options: FileMetricOptions, ctx: BuildContext) -> FileMetrics:
    """Factory for `metrics: {type: files}`."""
    files = expand(str(ctx.resolve(p)) for p in options.paths)
    if not files:
        raise BackendError(f"no metric file matches {', '.join(options.paths)}")
    return FileMetrics(files, service_labels=options.service_labels, known=ctx.service_names(),
                       default_service=options.default_service)


METRICS = BackendType("metrics", "files", FileMetricOptions, build_file_metrics,
                      "CSV or OpenMetrics files with timestamps (a bundle, an export, a dump)")
