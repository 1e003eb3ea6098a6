"""Metric names of real systems mapped onto the team's metric vocabulary (`cpu`, `memory`,
`connections`, `disk_free`, `replica_lag`, ...), as data: the team's `metric_names.yaml`.

`AliasedMetrics(inner, names)` wraps a `MetricSource` that answers in its own names (metric files,
a dump) and also answers in the vocabulary: a vocabulary name is served by the first of its
sources the service has, with the source's transformation (counter rate, label selection,
complement, scale, unit conversion) and its limit. A name the inner source answers itself is
passed through untouched, so a Prometheus backend whose queries already use the vocabulary is
unaffected.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from aiops.core.errors import BackendError, ConfigError, UnknownMetricError
from aiops.core.types import MetricSeries

UNITS: dict[tuple[str, str], float] = {
    ("bytes", "Mi"): 1 / 1024**2, ("bytes", "Gi"): 1 / 1024**3, ("kilobytes", "Mi"): 1 / 1024,
    ("megabytes", "Mi"): 1.0, ("gigabytes", "Gi"): 1.0, ("bytes", "bytes"): 1.0,
    ("seconds", "ms"): 1000.0, ("milliseconds", "ms"): 1.0, ("microseconds", "ms"): 1 / 1000,
    ("seconds", "s"): 1.0, ("milliseconds", "s"): 1 / 1000, ("percent", "percent"): 1.0,
    ("count", "count"): 1.0, ("count/second", "per_s"): 1.0, ("bytes/second", "Mi/s"): 1 / 1024**2,
}
"""Conversions from a series' own unit (a CloudWatch `unit` label, or the source's `unit:`) to the
vocabulary's unit."""
ADDITIVE_UNITS = frozenset({"per_s", "Mi/s"})
"""Vocabulary units of things that add up across series (requests per second of every pod and status);
a CPU share or a memory size does not (the worst series stands for the service)."""
RATED = re.compile(r"(^|:)\w*(i?rate|increase|deriv)\w*$")
"""Prometheus recording-rule names (`level:metric:operations`) whose operations already made a rate."""


@dataclass(frozen=True)
class Source:
    """One real metric that can stand for a vocabulary name."""

    name: str
    labels: dict[str, str] = field(default_factory=dict)
    rate: bool = False
    complement: float | None = None
    scale: float = 1.0
    unit: str = ""
    error_labels: tuple[str, ...] = ()
    """With `errors:`, the label that holds a request's outcome (the first a series carries)..."""
    error_match: str = ""
    """...and the pattern of its failing values: the value is then the failing share, in percent."""
    per: str = ""
    """Divide by this other metric of the service (summed, rated like this one), times 100: a share."""
    own_limit: bool = False
    limit: float | None = None
    """With `limit:` on the source (a number, or null for "not known"), it replaces the vocabulary's:
    cAdvisor's CPU is in cores (100 = one core), not a share of the container's limit."""

    def matches(self, raw: str) -> bool:
        """True when the raw metric name is this source (names may be globs)."""
        return fnmatch.fnmatchcase(raw, self.name)


@dataclass(frozen=True)
class Alias:
    """A vocabulary name: its unit, fixed limit and sources, in order of preference."""

    name: str
    unit: str = ""
    limit: float | None = None
    limit_from: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


def parse_metric_names(data: Any, *, file: str = "metric_names.yaml") -> dict[str, Alias]:
    """The aliases of a `metric_names.yaml` document (ConfigError naming the key when malformed)."""
    metrics = data.get("metrics") if isinstance(data, Mapping) else None
    if not isinstance(metrics, Mapping):
        raise ConfigError("expected a `metrics:` mapping of vocabulary name -> sources", file=file, path="metrics")
    out = {}
    for name, spec in metrics.items():
        where = f"metrics.{name}"
        if not isinstance(spec, Mapping) or not isinstance(spec.get("sources"), list):
            raise ConfigError("needs `sources:`, a list of metric names or {name: ...} entries", file=file, path=where)
        sources = []
        for index, raw in enumerate(spec["sources"]):
            item = {"name": raw} if isinstance(raw, str) else raw
            if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
                raise ConfigError("each source needs a `name`", file=file, path=f"{where}.sources[{index}]")
            labels = {str(k): str(v) for k, v in (item.get("labels") or {}).items()}
            errors = item.get("errors") or {}
            if errors and (not isinstance(errors, Mapping) or not errors.get("label") or not errors.get("match")):
                raise ConfigError("`errors` needs `label` (a name or a list) and `match` (a regular expression)",
                                  file=file, path=f"{where}.sources[{index}].errors")
            error_labels = errors.get("label") or []
            try:
                re.compile(str(errors.get("match") or ""))
            except re.error as exc:
                raise ConfigError(f"not a regular expression: {exc}", file=file,
                                  path=f"{where}.sources[{index}].errors.match") from None
            sources.append(Source(name=item["name"], labels=labels, rate=bool(item.get("rate")),
                                  complement=item.get("complement"), scale=float(item.get("scale", 1.0)),
                                  unit=str(item.get("unit") or ""),
                                  error_labels=tuple([error_labels] if isinstance(error_labels, str) else
                                                     [str(x) for x in error_labels]),
                                  error_match=str(errors.get("match") or ""), per=str(item.get("per") or ""),
                                  own_limit="limit" in item, limit=item.get("limit")))
        limit_from = spec.get("limit_from") or []
        out[str(name)] = Alias(name=str(name), unit=str(spec.get("unit") or ""), limit=spec.get("limit"),
                               limit_from=tuple([limit_from] if isinstance(limit_from, str) else limit_from),
                               sources=tuple(sources))
    return out


def _unit_factor(own: str, wanted: str) -> float:
    if not own or not wanted:
        return 1.0
    return UNITS.get((own.strip().lower(), wanted), 1.0)


def _rate(points: list[tuple[datetime, float]]) -> list[tuple[datetime, float]]:
    """Per-second increase of a counter (a drop is a reset: the new value is the increase)."""
    out = []
    for (t0, v0), (t1, v1) in pairwise(points):
        seconds = (t1 - t0).total_seconds()
        if seconds > 0:
            out.append((t1, (v1 - v0 if v1 >= v0 else v1) / seconds))
    return out


class AliasedMetrics:
    """A `MetricSource` answering in its own names and in the team's vocabulary (see the module)."""

    def __init__(self, inner: Any, aliases: Mapping[str, Alias]) -> None:
        self.inner = inner
        self.aliases = dict(aliases)

    def _raw(self, service: str | None = None) -> list[str]:
        lister = getattr(self.inner, "names_for", None)
        if service is not None and callable(lister):
            return list(lister(service))
        return list(self.inner.metric_names())

    def _served(self, raw: list[str]) -> list[str]:
        return [name for name, alias in self.aliases.items()
                if name not in raw and any(s.matches(r) for s in alias.sources for r in raw)]

    def metric_names(self) -> list[str]:
        raw = self._raw()
        return sorted({*raw, *self._served(raw)})

    def names_for(self, service: str) -> list[str]:
        """What `service` can be asked for: its vocabulary names first, then its own names (only when the
        inner source can list a service's metrics; AttributeError otherwise, like the inner source)."""
        if not callable(getattr(self.inner, "names_for", None)):
            raise AttributeError("names_for")
        raw = self._raw(service)
        return [*sorted(self._served(raw)), *sorted(raw)]

    def query(self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60) -> MetricSeries:
        alias = self.aliases.get(metric)
        raw = self._raw(service)
        if alias is None or metric in raw:
            return self.inner.query(service, metric, start=start, end=end, step_s=step_s)
        for source in alias.sources:
            for name in (r for r in raw if source.matches(r)):
                series = self._from_source(service, name, source, alias, window=(start, end), step_s=step_s)
                if series is not None and series.values:
                    return series
        if not raw:
            return self.inner.query(service, metric, start=start, end=end, step_s=step_s)
        raise UnknownMetricError(metric, self.names_for(service))

    def _from_source(self, service: str, name: str, source: Source, alias: Alias, *,
                     window: tuple[datetime, datetime], step_s: int) -> MetricSeries | None:
        start, end = window
        pad = timedelta(seconds=max(step_s, 60)) if source.rate else timedelta(0)
        if source.error_match or source.per:
            return self._share(service, name, source, alias=alias, window=(start - pad, end), step_s=step_s)
        picked = self._series(service, name, source, (start - pad, end), step_s)
        if not picked:
            return None
        merged: dict[datetime, float] = {}
        adds_up = source.rate and alias.unit in ADDITIVE_UNITS
        unit = ""
        for own_unit, raw_points in picked:
            unit = own_unit or source.unit
            points = _rate(raw_points) if source.rate and not RATED.search(name) else raw_points
            factor = _unit_factor(unit, alias.unit)
            for ts, raw in points:
                if not start <= ts <= end:
                    continue
                value = ((source.complement - raw) if source.complement is not None else raw) * source.scale * factor
                # events per second split by labels (status, pod) add up; anything else: the worst series
                merged[ts] = merged.get(ts, 0.0) + value if adds_up else max(value, merged.get(ts, value))
        times = sorted(merged)
        limit = source.limit if source.own_limit else alias.limit
        limit = limit if limit is not None else self._limit(service, alias, start, end, step_s)
        return MetricSeries(service=service, metric=alias.name, unit=alias.unit or unit, timestamps=times,
                            values=[merged[t] for t in times], limit=limit)

    def _share(self, service: str, name: str, source: Source, *, alias: Alias, window: tuple[datetime, datetime],
               step_s: int) -> MetricSeries | None:
        """The failing share of requests, in percent: the series whose outcome label matches `errors`
        over all of them, or this metric over the `per` metric (each summed, rated for counters)."""
        start = window[0] + (timedelta(seconds=max(step_s, 60)) if source.rate else timedelta(0))
        pattern = re.compile(source.error_match) if source.error_match else None

        def failing(labels: Mapping[str, str]) -> bool:
            value = next((labels[k] for k in source.error_labels if k in labels), None)
            return value is not None and pattern is not None and pattern.search(value) is not None

        def total(metric: str, keep: Callable[[Mapping[str, str]], bool]) -> dict[datetime, float]:
            sums: dict[datetime, float] = {}
            for labels, points in self._labelled(service, metric, source, window, step_s):
                if keep(labels):
                    for ts, value in _rate(points) if source.rate and not RATED.search(metric) else points:
                        sums[ts] = sums.get(ts, 0.0) + value
            return sums

        series = self._labelled(service, name, source, window, step_s)
        if pattern is not None and not any(k in labels for labels, _ in series for k in source.error_labels):
            return None  # no outcome label: this source does not fit the service's series
        everything = total(source.per or name, lambda _labels: True)
        bad = total(name, failing if pattern is not None else lambda _labels: True)
        if not everything:
            return None
        times = [t for t in sorted(everything) if start <= t <= window[1] and everything[t] > 0]
        return MetricSeries(service=service, metric=alias.name, unit=alias.unit or "percent", timestamps=times,
                            values=[100.0 * bad.get(t, 0.0) / everything[t] for t in times], limit=alias.limit)

    def _labelled(self, service: str, name: str, source: Source, window: tuple[datetime, datetime],
                  step_s: int) -> list[tuple[Mapping[str, str], list[tuple[datetime, float]]]]:
        """(labels, points) of every raw series of `name` (only sources that list their series)."""
        del step_s
        start, end = window
        lister = getattr(self.inner, "series_of", None)
        if not callable(lister):
            return []
        return [(s.labels, [(t, v) for t, v in s.points if start <= t <= end]) for s in lister(service, name)
                if all(s.labels.get(k) == v for k, v in source.labels.items())]

    def _series(self, service: str, name: str, source: Source, window: tuple[datetime, datetime],
                step_s: int) -> list[tuple[str, list[tuple[datetime, float]]]]:
        """(unit, points) of every raw series of `name` whose labels match the source."""
        start, end = window
        lister = getattr(self.inner, "series_of", None)
        if callable(lister):
            return [(s.unit, [(t, v) for t, v in s.points if start <= t <= end])
                    for s in lister(service, name)
                    if all(s.labels.get(k) == v for k, v in source.labels.items())]
        if source.labels:
            return []
        try:
            found = self.inner.query(service, name, start=start, end=end, step_s=step_s)
        except BackendError:
            return []
        return [(found.unit, list(zip(found.timestamps, found.values, strict=False)))]

    def _limit(self, service: str, alias: Alias, start: datetime, end: datetime, step_s: int) -> float | None:
        raw = self._raw(service)
        for name in alias.limit_from:
            if name in raw:
                try:
                    found = self.inner.query(service, name, start=start, end=end, step_s=step_s)
                except BackendError:
                    continue
                if found.values:
                    return float(found.values[-1]) * _unit_factor(found.unit, alias.unit)
        return None

    def __getattr__(self, name: str) -> Any:
        """Everything else (check, close, series_of, ...) is the inner source's."""
        return getattr(self.inner, name)
