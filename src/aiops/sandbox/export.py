"""Export a scenario's telemetry to files another system can load.

Layout of `OUT`:

- `logs/<service>.log` — the raw log lines of each service, oldest first (one format per service:
  Spring Boot, Go slog text, pino JSON, Python logging, PostgreSQL, Redis);
- `metrics.om` — OpenMetrics text with timestamps, loadable with
  `promtool tsdb create-blocks-from openmetrics metrics.om DATA_DIR`;
- `events.jsonl` — change events (`ts`, `type`, `service`, `summary`, `attrs`);
- `services.json` — the topology (kind, replicas, limits, pools, dependencies).

Exported metric families (all gauges, one sample per simulated minute, timestamps in seconds,
label `service="<name>"`; the sandbox metric `M` is the family `aiops_M`):

| family | sandbox metric | unit |
| --- | --- | --- |
| `aiops_cpu` | cpu | percent of the CPU limit |
| `aiops_memory` | memory | MiB (largest replica) |
| `aiops_memory_limit` | limit of memory | MiB |
| `aiops_connections` | connections | connections in use |
| `aiops_connections_limit` | limit of connections | pool size / max_connections / maxclients |
| `aiops_error_rate` | error_rate | percent |
| `aiops_latency_p99`, `aiops_latency_p50` | latency_p99, latency_p50 | milliseconds |
| `aiops_request_rate` | request_rate | per second |
| `aiops_disk_usage` | disk_usage | percent |
| `aiops_restarts` | restarts | count since the window start |
| `aiops_replicas` | replicas | count |

Log formats (one per service; `LogRecord.level` / `.message` in brackets):

- java, Spring Boot 3: `2025-06-03T14:02:11.482Z  INFO 1 --- [app] [thread] [trace]? logger : msg`
  [level word; text after ` : `]; also JVM GC lines `[2025-06-03T14:02:11.482+0000][info][gc] ...`
  [INFO] and `Terminating due to java.lang.OutOfMemoryError: ...` with no timestamp [FATAL];
- go, slog text: `time=... level=INFO msg="..." k=v ...` [msg then the other k=v];
- node, pino JSON: `{"level":30,"time":<epoch ms>,"pid":1,"hostname":"<pod>",...,"msg":"..."}`
  (20 DEBUG, 30 INFO, 40 WARN, 50 ERROR, 60 FATAL) [msg then the other fields as k=v]; plus
  `FATAL ERROR: Reached heap limit ...` / `<--- Last few GCs --->` with no timestamp;
- python: `2025-06-03 14:02:11,482 WARNING [logger] msg` (WARNING -> WARN, CRITICAL -> FATAL);
- postgres: `2025-06-03 14:02:11.482 UTC [pid] user@db SEVERITY:  msg` (LOG -> INFO, WARNING ->
  WARN; DETAIL/HINT/CONTEXT/STATEMENT lines carry the level of the error they belong to);
- redis: `1:M 03 Jun 2025 14:02:11.482 * msg` (`*` INFO, `#` WARN, `.` DEBUG);
- `lines` noise of a scenario: the literal text, as is, with no timestamp.

So `query_metrics(S, M)` maps to PromQL `aiops_M{service="S"}`. Samples of a service that stopped
answering are absent (as a failed scrape would be). With `alert_at`, every timestamp is shifted so
the alert falls at that time (load into a Prometheus whose retention covers the shifted window).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from aiops.core.types import Environment
from aiops.sandbox.environment import build_environment
from aiops.sandbox.metrics import METRICS
from aiops.sandbox.scenario import Scenario

HELP = {
    "cpu": "CPU usage, percent of the container CPU limit.",
    "memory": "Memory working set of the largest replica, MiB.",
    "connections": "Connections in use (apps: DB pool; databases: server connections; caches: clients).",
    "error_rate": "Share of requests failing, percent.",
    "latency_p99": "99th percentile request latency, milliseconds.",
    "latency_p50": "Median request latency, milliseconds.",
    "request_rate": "Requests (queries, commands) per second.",
    "disk_usage": "Data volume usage, percent.",
    "restarts": "Container restarts since the window start.",
    "replicas": "Running replicas.",
}
LIMITS = {
    "memory": "Memory limit per container, MiB.",
    "connections": "Connection limit: pool size, max_connections or maxclients.",
}


@dataclass
class ExportSummary:
    """What was written."""

    out_dir: Path
    files: list[Path] = field(default_factory=list)
    log_lines: dict[str, int] = field(default_factory=dict)
    samples: int = 0


def export_scenario(
    scenario: Scenario | str | Path,
    out_dir: Path,
    *,
    state_dir: Path | None = None,
    alert_at: datetime | None = None,
) -> ExportSummary:
    """Write logs, OpenMetrics, events and topology of the scenario's window to `out_dir`."""
    env = build_environment(scenario, state_dir=state_dir)
    try:
        return export_environment(env, Path(out_dir), alert_at=alert_at)
    finally:
        env.close()


def export_environment(env: Environment, out_dir: Path, *, alert_at: datetime | None = None) -> ExportSummary:
    """Export a sandbox environment (window start to `clock.now()`)."""
    alert_time = datetime.fromisoformat(env.info["alert_time"])
    shift = (alert_at - alert_time) if alert_at is not None else timedelta(0)
    start = alert_time - timedelta(minutes=int(env.info["window_minutes"]))
    end = env.clock.now()
    summary = ExportSummary(out_dir=out_dir)
    (out_dir / "logs").mkdir(parents=True, exist_ok=True)
    services = env.inventory.services()
    for svc in services:
        path = out_dir / "logs" / f"{svc.name}.log"
        count = 0
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            for record in env.logs.fetch(svc.name, start=start, end=end + timedelta(seconds=1), limit=10**12):
                handle.write(_shift_raw(record.raw, record.ts, shift) + "\n")
                count += 1
        summary.log_lines[svc.name] = count
        summary.files.append(path)
    summary.samples = _write_openmetrics(env, out_dir / "metrics.om", start, end, shift)
    summary.files.append(out_dir / "metrics.om")
    events_path = out_dir / "events.jsonl"
    with events_path.open("w", encoding="utf-8", newline="\n") as handle:
        for ev in env.events.events(start=start, end=end):
            row = {
                "ts": (ev.ts + shift).isoformat(),
                "type": ev.type,
                "service": ev.service,
                "summary": ev.summary,
                "attrs": dict(ev.attrs),
            }
            handle.write(json.dumps(row, sort_keys=True) + "\n")
    summary.files.append(events_path)
    topo_path = out_dir / "services.json"
    rows = [
        {
            "name": s.name,
            "kind": s.kind,
            "replicas": s.replicas,
            "memory_limit_mi": s.memory_limit_mi,
            "cpu": s.cpu,
            "pool_size": s.pool_size,
            "max_connections": s.max_connections,
            "depends_on": list(s.depends_on),
        }
        for s in services
    ]
    units = {name: unit for name, (unit, _, _) in METRICS.items()}
    topo_path.write_text(
        json.dumps({"services": rows, "metric_units": units, "metric_prefix": "aiops_"}, indent=2) + "\n",
        encoding="utf-8",
    )
    summary.files.append(topo_path)
    return summary


def _shift_raw(raw: str, ts: datetime, shift: timedelta) -> str:
    """Without a shift the line is written unchanged; shifted exports replace the line's own stamp."""
    if not shift:
        return raw
    for old, new in (
        (ts.strftime("%Y-%m-%dT%H:%M:%S"), (ts + shift).strftime("%Y-%m-%dT%H:%M:%S")),
        (ts.strftime("%Y-%m-%d %H:%M:%S"), (ts + shift).strftime("%Y-%m-%d %H:%M:%S")),
        (str(int(ts.timestamp() * 1000)), str(int((ts + shift).timestamp() * 1000))),
    ):
        if old in raw:
            return raw.replace(old, new, 1)
    return raw


def _write_openmetrics(env: Environment, path: Path, start: datetime, end: datetime, shift: timedelta) -> int:
    samples = 0
    services = [s.name for s in env.inventory.services()]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for metric in METRICS:
            series = {svc: env.metrics.query(svc, metric, start=start, end=end) for svc in services}
            family = f"aiops_{metric}"
            handle.write(f"# TYPE {family} gauge\n# HELP {family} {HELP[metric]}\n")
            for svc, data in series.items():
                label = f'{{service="{svc}"}}'
                for ts, value in zip(data.timestamps, data.values, strict=True):
                    handle.write(f"{family}{label} {_number(value)} {int((ts + shift).timestamp())}\n")
                    samples += 1
            if metric in LIMITS:
                handle.write(f"# TYPE {family}_limit gauge\n# HELP {family}_limit {LIMITS[metric]}\n")
                for svc, data in series.items():
                    if data.limit is None or not data.timestamps:
                        continue
                    for ts in data.timestamps:
                        handle.write(
                            f'{family}_limit{{service="{svc}"}} {_number(data.limit)} '
                            f"{int((ts + shift).timestamp())}\n"
                        )
                        samples += 1
        handle.write("# EOF\n")
    return samples


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(round(float(value), 4))
