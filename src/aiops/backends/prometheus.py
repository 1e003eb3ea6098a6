"""Prometheus metric source: the team's metric names mapped to PromQL templates.

Each template may use `{service}` (replaced by the service name, escaped for a PromQL string) and
`{step}` (the query step in seconds, for `rate(...[{step}s])`). Ranges go to `/api/v1/query_range`;
`limit_query` uses `/api/v1/query` at the end of the window.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import Field, model_validator

from aiops.backends.context import BuildContext
from aiops.backends.http import HttpClient
from aiops.backends.options import HttpOptions, Options
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, UnknownMetricError, UnknownServiceError
from aiops.core.protocols import Inventory
from aiops.core.types import MetricSeries

MAX_POINTS = 11_000
COMBINE = {"max": max, "min": min, "sum": math.fsum, "avg": lambda v: math.fsum(v) / len(v)}


LimitField = Literal["memory_limit_mi", "pool_size", "max_connections", "cpu", "replicas"]


class QueryOptions(Options):
    """One metric: PromQL template, unit, and where its saturation limit comes from."""

    query: str = Field(min_length=1)
    unit: str = ""
    limit: float | None = None
    limit_from: list[LimitField] | None = None
    limit_query: str | None = None
    combine: Literal["max", "min", "sum", "avg"] = "max"

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"query": value}
        if isinstance(value, dict) and isinstance(value.get("limit_from"), str):
            return {**value, "limit_from": [value["limit_from"]]}
        return value

    @model_validator(mode="after")
    def _one_limit(self) -> QueryOptions:
        if sum(x is not None for x in (self.limit, self.limit_from, self.limit_query)) > 1:
            raise ValueError("give at most one of limit, limit_from, limit_query")
        return self


class PrometheusOptions(HttpOptions):
    """`url`, auth and TLS, plus `queries: {metric: PromQL | {query, unit, limit|limit_from|limit_query}}`."""

    queries: dict[str, QueryOptions] = Field(min_length=1)


def promql_string(value: str) -> str:
    """`value` escaped for use inside a double-quoted PromQL string."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def render(template: str, service: str, step_s: int) -> str:
    """Fill `{service}` and `{step}` in a PromQL template (other braces are PromQL's own)."""
    return template.replace("{service}", promql_string(service)).replace("{step}", str(step_s))


def _timestamp(dt: datetime) -> str:
    return f"{dt.timestamp():.3f}"


class PrometheusMetrics:
    """`MetricSource` over a Prometheus HTTP API."""

    def __init__(self, client: HttpClient, queries: dict[str, QueryOptions], inventory: Inventory) -> None:
        self.client = client
        self.queries = queries
        self.inventory = inventory

    def metric_names(self) -> list[str]:
        return sorted(self.queries)

    def _api(self, path: str, params: dict[str, Any]) -> Any:
        payload = self.client.get_json(path, params)
        if not isinstance(payload, dict) or payload.get("status") != "success":
            error = payload.get("error") if isinstance(payload, dict) else None
            raise BackendError(f"prometheus: query failed: {error or 'unexpected response'}")
        return payload.get("data") or {}

    def query(self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60) -> MetricSeries:
        """The metric over `[start, end]`, one point per step (series of several pods combined)."""
        spec = self.queries.get(metric)
        if spec is None:
            raise UnknownMetricError(metric, list(self.queries))
        info = {svc.name: svc for svc in self.inventory.services()}
        if service not in info:
            raise UnknownServiceError(service, list(info))
        span = max((end - start).total_seconds(), 0.0)
        step_s = max(int(step_s), 1, math.ceil(span / MAX_POINTS))
        data = self._api(
            "api/v1/query_range",
            {
                "query": render(spec.query, service, step_s),
                "start": _timestamp(start),
                "end": _timestamp(end),
                "step": step_s,
            },
        )
        series = MetricSeries(service=service, metric=metric, unit=spec.unit)
        for ts, value in combine_matrix(data.get("result") or [], spec.combine):
            series.timestamps.append(datetime.fromtimestamp(ts, UTC))
            series.values.append(value)
        series.limit = self._limit(spec, info[service], service, (start, end), step_s)
        return series

    def _limit(
        self, spec: QueryOptions, svc: Any, service: str, window: tuple[datetime, datetime], step_s: int
    ) -> float | None:
        start, end = window
        if spec.limit is not None:
            return spec.limit
        if spec.limit_from is not None:  # the first inventory field the service has
            value = next((v for f in spec.limit_from if (v := getattr(svc, f)) is not None), None)
            return float(value) if value is not None else None
        if spec.limit_query is not None:  # its latest value in the window (the series may end early)
            params = {
                "query": render(spec.limit_query, service, step_s),
                "start": _timestamp(start),
                "end": _timestamp(end),
                "step": step_s,
            }
            points = combine_matrix(self._api("api/v1/query_range", params).get("result") or [], spec.combine)
            return points[-1][1] if points else None
        return None

    def check(self) -> str:
        """The server's version, and that it evaluates a query."""
        version = self._api("api/v1/status/buildinfo", {}).get("version", "?")
        if instant_value(self._api("api/v1/query", {"query": "vector(1)"})) != 1.0:
            raise BackendError("prometheus: the test query vector(1) did not return 1")
        return f"prometheus {version} at {self.client.shown}"


def combine_matrix(result: list[dict[str, Any]], how: str) -> list[tuple[float, float]]:
    """Merge a matrix result into one `(ts, value)` list: several series are combined per timestamp."""
    points: dict[float, list[float]] = defaultdict(list)
    for item in result:
        for ts, raw in item.get("values") or []:
            value = float(raw)
            if math.isfinite(value):
                points[float(ts)].append(value)
    func = COMBINE[how]
    return [(ts, float(func(values))) for ts, values in sorted(points.items())]


def instant_value(data: dict[str, Any]) -> float | None:
    """The first finite value of an instant query (vector or scalar)."""
    result = data.get("result")
    if data.get("resultType") == "scalar" and isinstance(result, list):
        return float(result[1])
    for item in result or []:
        value = float(item.get("value", [0, "nan"])[1])
        if math.isfinite(value):
            return value
    return None


def build_prometheus(options: PrometheusOptions, ctx: BuildContext) -> PrometheusMetrics:
    """Factory for `metrics: {type: prometheus}`."""
    client = HttpClient(options, name="prometheus", resolve=ctx.resolve)
    return PrometheusMetrics(client, dict(options.queries), ctx.inventory)


METRICS = BackendType("metrics", "prometheus", PrometheusOptions, build_prometheus, "PromQL over the HTTP API")
