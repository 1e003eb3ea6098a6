"""Metrics from CSV and OpenMetrics files, and the metric-name aliases that map them onto the
team's vocabulary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from aiops.backends.aliases import AliasedMetrics, parse_metric_names
from aiops.backends.metricfiles import FileMetrics
from aiops.backends.metricparse import ReadNotes, parse_labels, read_exposition
from aiops.core.errors import BackendError, ConfigError, UnknownMetricError
from aiops.core.yamlsafe import load_yaml_file
from aiops.team import default_team_dir

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _csv(path: Path, rows: list[tuple[int, str, str, float]]) -> Path:
    lines = ["timestamp,metric,labels,value"]
    for minute, name, labels, value in rows:
        stamp = (T0 + timedelta(minutes=minute)).isoformat().replace("+00:00", "Z")
        lines.append(f'{stamp},{name},"{labels}",{value}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_labels_parse_with_escapes_and_reject_garbage() -> None:
    assert parse_labels('{b="2",a="x \\"q\\""}') == (("a", 'x "q"'), ("b", "2"))
    with pytest.raises(ValueError, match="cannot read labels"):
        parse_labels("a=1")


def test_csv_series_belong_to_the_service_their_labels_name(tmp_path: Path) -> None:
    rows = [(m, "CPUUtilization", 'DBInstanceIdentifier=""orders-db"",namespace=""AWS/RDS"",unit=""Percent""', 20 + m)
            for m in range(10)]
    rows += [(m, "container_memory_working_set_bytes", 'pod=""checkout-7f9dd8b6c4-x7gr9""', 2**28) for m in range(10)]
    path = _csv(tmp_path / "metrics.csv", rows)
    metrics = FileMetrics([path], service_labels=["DBInstanceIdentifier", "pod"], known=["orders-db", "checkout"])
    assert metrics.services() == ["checkout", "orders-db"]
    series = metrics.query("orders-db", "CPUUtilization", start=T0, end=T0 + timedelta(minutes=5))
    assert series.unit == "Percent" and series.values == [20, 21, 22, 23, 24, 25]
    with pytest.raises(UnknownMetricError, match="CPUUtilization"):
        metrics.query("orders-db", "nope", start=T0, end=T0 + timedelta(minutes=5))


def test_a_bad_row_is_a_note_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "metrics.csv"
    path.write_text('timestamp,metric,labels,value\n2026-03-01T10:00:00Z,x,"service=""a""",1\n'
                    'yesterday,x,"service=""a""",2\n2026-03-01T10:01:00Z,x,"service=""a""",NaN\n', encoding="utf-8")
    metrics = FileMetrics([path], service_labels=["service"], known=["a"])
    assert metrics.notes.rows == 1 and metrics.notes.skipped == 2
    assert any("unreadable timestamp" in n for n in metrics.notes.notes)


def test_openmetrics_needs_timestamps_in_seconds_or_milliseconds(tmp_path: Path) -> None:
    path = tmp_path / "m.om"
    path.write_text('# TYPE up gauge\nup{service="a"} 1 1772359200\nup{service="a"} 1 1772359260000\n'
                    'up{service="a"} 1\n# EOF\n', encoding="utf-8")
    notes = ReadNotes()
    samples = list(read_exposition(path, notes))
    assert [s.ts for s in samples] == [datetime(2026, 3, 1, 10, 0, tzinfo=UTC), datetime(2026, 3, 1, 10, 1, tzinfo=UTC)]
    assert notes.skipped == 1 and "without a timestamp" in notes.notes[0]


ALIASES = parse_metric_names({"metrics": {
    "cpu": {"unit": "percent", "limit": 100, "sources": [
        "CPUUtilization",
        {"name": "node_cpu_seconds_total", "labels": {"mode": "idle"}, "rate": True, "complement": 1, "scale": 100},
    ]},
    "io_latency": {"unit": "ms", "sources": ["WriteLatency"]},
    "memory": {"unit": "Mi", "limit_from": ["kube_limit"], "sources": [{"name": "mem_bytes", "unit": "bytes"}]},
}})


def test_aliases_convert_units_and_serve_the_vocabulary(tmp_path: Path) -> None:
    rows = [(m, "WriteLatency", 'DBInstanceIdentifier=""db"",unit=""Seconds""', 0.002) for m in range(6)]
    rows += [(m, "mem_bytes", 'service=""app""', 256 * 2**20) for m in range(6)]
    rows += [(m, "kube_limit", 'service=""app""', 512) for m in range(6)]
    metrics = AliasedMetrics(FileMetrics([_csv(tmp_path / "m.csv", rows)], service_labels=["service",
                                          "DBInstanceIdentifier"], known=["db", "app"]), ALIASES)
    assert metrics.names_for("db")[0] == "io_latency"
    latency = metrics.query("db", "io_latency", start=T0, end=T0 + timedelta(minutes=5))
    assert latency.unit == "ms" and latency.values[0] == pytest.approx(2.0)
    memory = metrics.query("app", "memory", start=T0, end=T0 + timedelta(minutes=5))
    assert memory.values[0] == pytest.approx(256) and memory.limit == 512
    with pytest.raises(UnknownMetricError):
        metrics.query("db", "memory", start=T0, end=T0 + timedelta(minutes=5))


def test_a_counter_is_rated_and_an_idle_share_becomes_busy_percent(tmp_path: Path) -> None:
    # node_exporter counts idle seconds per CPU: 0.75 s of idle per second = 25% busy
    rows = [(m, "node_cpu_seconds_total", 'node=""n1"",mode=""idle""', 45.0 * m) for m in range(8)]
    rows += [(m, "node_cpu_seconds_total", 'node=""n1"",mode=""user""', 15.0 * m) for m in range(8)]
    metrics = AliasedMetrics(FileMetrics([_csv(tmp_path / "m.csv", rows)], service_labels=["node"], known=["n1"]),
                             ALIASES)
    cpu = metrics.query("n1", "cpu", start=T0 + timedelta(minutes=1), end=T0 + timedelta(minutes=7))
    assert cpu.values and all(v == pytest.approx(25.0) for v in cpu.values) and cpu.limit == 100


def test_a_name_the_source_answers_itself_passes_through() -> None:
    class Vocabulary:
        def metric_names(self) -> list[str]:
            return ["cpu"]

        def query(self, service: str, metric: str, **_: object) -> str:
            return f"{service}/{metric}"

    assert AliasedMetrics(Vocabulary(), ALIASES).query("a", "cpu", start=T0, end=T0) == "a/cpu"


def test_metric_names_file_errors_name_the_key() -> None:
    with pytest.raises(ConfigError, match=r"metrics\.cpu"):
        parse_metric_names({"metrics": {"cpu": {"unit": "percent"}}})
    with pytest.raises(ConfigError, match=r"sources\[0\]"):
        parse_metric_names({"metrics": {"cpu": {"sources": [{"label": "x"}]}}})


def test_no_metrics_for_a_service_is_said_plainly(tmp_path: Path) -> None:
    path = _csv(tmp_path / "m.csv", [(0, "up", 'service=""a""', 1)])
    metrics = FileMetrics([path], service_labels=["service"], known=["a", "b"])
    with pytest.raises(BackendError, match="no metrics were collected for 'b'"):
        metrics.query("b", "up", start=T0, end=T0)


def test_a_request_counter_split_by_status_gives_the_failing_share(tmp_path: Path) -> None:
    # 9 requests/s succeed on two pods, 1 request/s fails: 10% errors, 10 requests/s in all
    rows = [(m, "http_requests_total", 'service=""api"",pod=""a"",code=""200""', 240.0 * m) for m in range(8)]
    rows += [(m, "http_requests_total", 'service=""api"",pod=""b"",code=""200""', 300.0 * m) for m in range(8)]
    rows += [(m, "http_requests_total", 'service=""api"",pod=""b"",code=""503""', 60.0 * m) for m in range(8)]
    rows += [(m, "HTTPCode_Target_5XX_Count", 'service=""alb""', 30.0) for m in range(8)]
    rows += [(m, "RequestCount", 'service=""alb""', 600.0) for m in range(8)]
    files = FileMetrics([_csv(tmp_path / "m.csv", rows)], service_labels=["service"], known=["api", "alb"])
    shipped = default_team_dir() / "skills" / "log-analysis" / "metric_names.yaml"
    metrics = AliasedMetrics(files, parse_metric_names(load_yaml_file(shipped).data))
    window = {"start": T0 + timedelta(minutes=1), "end": T0 + timedelta(minutes=7)}
    errors = metrics.query("api", "error_rate", **window)
    assert errors.values and all(v == pytest.approx(10.0) for v in errors.values) and errors.unit == "percent"
    requests = metrics.query("api", "request_rate", **window)
    assert all(v == pytest.approx(10.0) for v in requests.values)  # the counters add up, not the largest
    assert all(v == pytest.approx(5.0) for v in metrics.query("alb", "error_rate", **window).values)


def test_an_errors_source_is_checked() -> None:
    with pytest.raises(ConfigError, match=r"errors"):
        parse_metric_names({"metrics": {"error_rate": {"sources": [{"name": "x", "errors": {"label": "code"}}]}}})
    with pytest.raises(ConfigError, match=r"errors\.match"):
        parse_metric_names({"metrics": {"error_rate": {"sources": [
            {"name": "x", "errors": {"label": "code", "match": "(5"}}]}}})
