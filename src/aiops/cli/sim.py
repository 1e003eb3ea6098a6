"""`aiops sim`: the embedded sandbox — list and show scenarios, read their logs and metrics,
export their telemetry (log files + OpenMetrics) for other tools."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

HELP = """\
Scenarios are deterministic simulated incidents (topology, faults, noise). Wherever a command
takes NAME, a path to a scenario YAML file works too.

  aiops sim list                                        the shipped scenarios
  aiops sim show pool-leak-payment                      alert, services, change events
  aiops sim show pool-leak-payment --answer             ... plus the faults and the expected answer
  aiops sim logs pool-leak-payment --service payment-api --minutes 10
  aiops sim metrics pool-leak-payment --service payment-api --metric connections
  aiops sim events pool-leak-payment
  aiops sim export pool-leak-payment --out ./export     logs/*.log, metrics.om, events.jsonl

--state-dir DIR reads the world as saved by an incident (after its actions), e.g.
.aiops/incidents/<id>/env.
"""


SCENARIO_HELP = "a shipped scenario's name (see `aiops sim list`) or a scenario YAML file"


def register(sub: argparse._SubParsersAction) -> None:
    """Add `sim list|show|logs|metrics|events|export`."""
    p = sub.add_parser(
        "sim",
        help="the embedded sandbox: scenarios, their logs, metrics and exports",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=lambda _args: p.print_help() or 2)
    cmds = p.add_subparsers(dest="sim_command", metavar="COMMAND")
    cmd = cmds.add_parser("list", help="the shipped scenarios")
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=run_list)
    cmd = cmds.add_parser("show", help="a scenario's alert, services and change events")
    cmd.add_argument("scenario", metavar="NAME|FILE", help=SCENARIO_HELP)
    cmd.add_argument(
        "--answer", action="store_true", help="also show the faults and the expected answer (spoiler)"
    )
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=run_show)
    cmd = cmds.add_parser("logs", help="raw log lines of one service")
    _world_args(cmd)
    cmd.add_argument("--service", required=True, help="service name")
    cmd.add_argument(
        "--minutes", type=int, default=30, help="how far back from the current time (default 30)"
    )
    cmd.add_argument("--level", help="only this level and above (DEBUG, INFO, WARN, ERROR, FATAL)")
    cmd.set_defaults(func=run_logs)
    cmd = cmds.add_parser("metrics", help="one metric of one service as a time series")
    _world_args(cmd)
    cmd.add_argument("--service", required=True, help="service name")
    cmd.add_argument("--metric", required=True, help="cpu, memory, connections, error_rate, latency_p99, ...")
    cmd.add_argument(
        "--minutes", type=int, default=60, help="how far back from the current time (default 60)"
    )
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(func=run_metrics)
    cmd = cmds.add_parser("events", help="change events (deployments, config changes, restarts, actions)")
    _world_args(cmd)
    cmd.add_argument(
        "--minutes", type=int, default=120, help="how far back from the current time (default 120)"
    )
    cmd.set_defaults(func=run_events)
    cmd = cmds.add_parser("export", help="write log files, OpenMetrics and events of the scenario window")
    _world_args(cmd)
    cmd.add_argument("--out", required=True, type=Path, help="output folder (created)")
    cmd.add_argument(
        "--alert-at", help="shift all timestamps so the alert is at this UTC time ('now' or ISO 8601)"
    )
    cmd.set_defaults(func=run_export)


def _world_args(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("scenario", metavar="NAME|FILE", help=SCENARIO_HELP)
    cmd.add_argument(
        "--state-dir", type=Path, help="saved world state (actions, clock) to read instead of a fresh one"
    )


def _env(args: argparse.Namespace):
    from aiops.sandbox import build_environment

    return build_environment(args.scenario, state_dir=args.state_dir)


def run_list(args: argparse.Namespace) -> int:
    """One line per shipped scenario (no spoilers)."""
    from aiops.sandbox import list_scenarios, load_scenario

    rows = []
    for name in list_scenarios():
        sc = load_scenario(name)
        rows.append(
            {
                "name": name,
                "services": len(sc.topology.services),
                "window_minutes": sc.window_minutes,
                "topology": "own" if sc.custom_topology else "default",
                "alert": sc.alert,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        print(
            f"{r['name']:<{width}}  {r['topology']:<7} {r['services']} svc  "
            f"{r['window_minutes']:>4} min  {r['alert']}"
        )
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Alert, topology and events; faults and the expected answer only with --answer."""
    from aiops.sandbox import build_environment, load_scenario

    sc = load_scenario(args.scenario)
    env = build_environment(sc)
    alert_time = env.clock.now()
    events = env.events.events(start=alert_time - timedelta(minutes=sc.window_minutes), end=alert_time)
    data = {
        "name": sc.name,
        "seed": sc.seed,
        "window_minutes": sc.window_minutes,
        "alert_time": alert_time.isoformat(),
        "alert": sc.alert,
        "services": [_service_row(s) for s in env.inventory.services()],
        "events": [
            {"ts": e.ts.isoformat(), "type": e.type, "service": e.service, "summary": e.summary}
            for e in events
        ],
        "noise": [{"type": n.type, "target": n.target} for n in sc.noise],
    }
    if args.answer:
        data["description"] = sc.description
        data["faults"] = [
            {
                "type": f.type,
                "target": f.target,
                "start_minute": f.start,
                "params": f.params,
                "fixed_by": list(f.fixes),
            }
            for f in sc.faults
        ]
        data["expected"] = {
            "root_cause": sc.expected.root_cause,
            "service": sc.expected.service,
            "fixes": list(sc.expected.fixes),
        }
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(
        f"{sc.name}  (seed {sc.seed}, {sc.window_minutes} min of history, "
        f"alert at {alert_time:%Y-%m-%d %H:%M} UTC)"
    )
    print(f"alert: {sc.alert}")
    print("services:")
    for row in data["services"]:
        deps = f" -> {', '.join(row['depends_on'])}" if row["depends_on"] else ""
        print(f"  {row['name']:<16} {row['kind']:<9} {row['limits']}{deps}")
    print("change events:" if events else "change events: none")
    for e in events:
        minutes = round((e.ts - alert_time).total_seconds() / 60)
        print(f"  {minutes:>5} min  {e.type:<13} {e.service:<16} {e.summary}")
    if args.answer:
        print(f"description: {sc.description.strip()}")
        for f in data["faults"]:
            print(
                f"fault: {f['type']} on {f['target']} from minute {f['start_minute']} {f['params']} "
                f"(fixed by {', '.join(f['fixed_by'])})"
            )
        exp = data["expected"]
        print(f"expected: root_cause={exp['root_cause']} service={exp['service']} fixes={exp['fixes']}")
    return 0


def _service_row(s) -> dict:
    limits = ", ".join(
        f"{k}={getattr(s, k)}"
        for k in ("replicas", "memory_limit_mi", "cpu", "pool_size", "max_connections")
        if getattr(s, k) is not None
    )
    return {"name": s.name, "kind": s.kind, "limits": limits, "depends_on": list(s.depends_on)}


def run_logs(args: argparse.Namespace) -> int:
    """Raw lines, oldest first."""
    from aiops.core import LEVELS
    from aiops.core.errors import UnknownServiceError

    env = _env(args)
    now = env.clock.now()
    floor = LEVELS.index(args.level.upper()) if args.level and args.level.upper() in LEVELS else 0
    try:
        records = env.logs.fetch(args.service, start=now - timedelta(minutes=max(1, args.minutes)), end=now)
        for record in records:
            if floor and (record.level not in LEVELS or LEVELS.index(record.level) < floor):
                continue
            sys.stdout.write(record.raw + "\n")
    except UnknownServiceError as exc:
        print(f"aiops: error: {exc}", file=sys.stderr)
        return 2
    return 0


def run_metrics(args: argparse.Namespace) -> int:
    """`timestamp value unit` per minute (missing minutes: not scraped)."""
    from aiops.core.errors import UnknownMetricError, UnknownServiceError

    env = _env(args)
    now = env.clock.now()
    try:
        series = env.metrics.query(
            args.service, args.metric, start=now - timedelta(minutes=max(1, args.minutes)), end=now
        )
    except (UnknownServiceError, UnknownMetricError) as exc:
        print(f"aiops: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    "service": series.service,
                    "metric": series.metric,
                    "unit": series.unit,
                    "limit": series.limit,
                    "points": [
                        [t.isoformat(), v] for t, v in zip(series.timestamps, series.values, strict=True)
                    ],
                }
            )
        )
        return 0
    limit = f", limit {series.limit:g}" if series.limit is not None else ""
    print(f"# {series.service} {series.metric} ({series.unit}{limit})")
    for ts, value in zip(series.timestamps, series.values, strict=True):
        print(f"{ts:%Y-%m-%dT%H:%M:%SZ}  {value:g}")
    return 0


def run_events(args: argparse.Namespace) -> int:
    """Change events, oldest first."""
    env = _env(args)
    now = env.clock.now()
    for e in env.events.events(start=now - timedelta(minutes=max(1, args.minutes)), end=now):
        print(f"{e.ts:%Y-%m-%dT%H:%M:%SZ}  {e.type:<13} {e.service:<16} {e.summary}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the export and print what was written."""
    from aiops.core.errors import ConfigError
    from aiops.sandbox.export import export_environment

    alert_at = None
    if args.alert_at:
        if args.alert_at == "now":
            alert_at = datetime.now(UTC).replace(second=0, microsecond=0)
        else:
            try:
                alert_at = datetime.fromisoformat(args.alert_at.replace("Z", "+00:00"))
            except ValueError as exc:
                raise ConfigError(
                    f"--alert-at: expected 'now' or an ISO 8601 time, got {args.alert_at!r}"
                ) from exc
            if alert_at.tzinfo is None:
                alert_at = alert_at.replace(tzinfo=UTC)
    env = _env(args)
    summary = export_environment(env, args.out, alert_at=alert_at)
    for path in summary.files:
        print(path)
    lines = sum(summary.log_lines.values())
    print(f"{lines} log lines, {summary.samples} metric samples -> {args.out}")
    return 0
