"""Prometheus metric source against a real Prometheus loaded with known OpenMetrics data."""

from __future__ import annotations

import math
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends import build_environment, parse_environment
from aiops.core.errors import BackendError, UnknownMetricError

from .prom import create_blocks, prometheus
from .servers import require

pytestmark = pytest.mark.integration

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)  # data covers T0 .. T0 + 60 min
SERVICES = {"payment-api": 1.0, "user-api": 0.5}
QUERIES = {
    "cpu": 'avg(aiops_test_cpu_percent{service="{service}"})',
    "memory": {
        "query": 'max(aiops_test_memory_bytes{service="{service}"}) / 1048576',
        "unit": "Mi",
        "limit_from": "memory_limit_mi",
    },
    "connections": {
        "query": 'sum(aiops_test_pool_active{service="{service}"})',
        "limit_query": 'max(aiops_test_pool_max{service="{service}"})',
    },
    "error_rate": {
        "query": '100 * sum(rate(aiops_test_requests_total{service="{service}",code="503"}[{step}s]))'
        ' / sum(rate(aiops_test_requests_total{service="{service}"}[{step}s]))',
        "unit": "%",
        "limit": 100,
    },
}


def cpu(scale: float, second: int) -> float:
    return round(scale * (20 + second / 100), 3)


def openmetrics() -> str:
    lines = []
    for name, kind in (
        ("aiops_test_cpu_percent", "gauge"),
        ("aiops_test_memory_bytes", "gauge"),
        ("aiops_test_pool_active", "gauge"),
        ("aiops_test_pool_max", "gauge"),
        ("aiops_test_requests", "counter"),
    ):
        lines += [f"# HELP {name} test data", f"# TYPE {name} {kind}"]
        for service, scale in SERVICES.items():
            for pod in ("a", "b"):
                labels = f'service="{service}",pod="{service}-{pod}"'
                series = {}
                if kind == "counter":
                    for code, share in (("200", 0.9), ("503", 0.1)):
                        rows = [
                            f'{name}_total{{{labels},code="{code}"}} {share * 10 * s:.1f} {T0.timestamp() + s:.0f}'
                            for s in range(0, 3601, 15)
                        ]
                        series[code] = rows
                    lines += series["200"] + series["503"]
                    continue
                for s in range(0, 3601, 15):
                    value = {
                        "aiops_test_cpu_percent": cpu(scale, s) + (1 if pod == "b" else -1),
                        "aiops_test_memory_bytes": (300 + s / 60 + (5 if pod == "b" else 0)) * 1048576,
                        "aiops_test_pool_active": 10 + s // 600,
                        "aiops_test_pool_max": 100,
                    }[name]
                    lines.append(f"{name}{{{labels}}} {value} {T0.timestamp() + s:.0f}")
    return "\n".join(lines) + "\n# EOF\n"


@pytest.fixture(scope="module")
def prom_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prom")
    (tmp / "data.om").write_text(openmetrics(), encoding="utf-8")
    create_blocks(tmp / "data.om", tmp / "data")
    with prometheus(tmp / "data") as url:
        yield url


def env_for(url, tmp_path, **metrics):
    spec = parse_environment(
        {
            "name": "prom",
            "inventory": {
                "type": "static",
                "services": {"payment-api": {"memory_limit_mi": 512}, "user-api": {"memory_limit_mi": 256}},
            },
            "logs": {"type": "files", "pattern": "logs/{service}.log"},
            "metrics": {"type": "prometheus", "url": url, "queries": QUERIES, **metrics},
            "clock": {"type": "fixed", "at": (T0 + timedelta(minutes=60)).isoformat()},
        },
        file=tmp_path / "env.yaml",
    )
    return build_environment(spec)


def test_gauges_match_the_data(prom_url, tmp_path):
    env = env_for(prom_url, tmp_path)
    end = env.clock.now()
    series = env.metrics.query("payment-api", "cpu", start=end - timedelta(minutes=30), end=end, step_s=60)
    assert len(series.values) == 31
    assert series.timestamps[0] == end - timedelta(minutes=30)
    for ts, value in zip(series.timestamps, series.values, strict=True):
        assert value == pytest.approx(cpu(1.0, int((ts - T0).total_seconds())), abs=1e-6)
    half = env.metrics.query("user-api", "cpu", start=end - timedelta(minutes=5), end=end)
    assert half.values[-1] == pytest.approx(cpu(0.5, 3600))


def test_limits_units_and_rates(prom_url, tmp_path):
    env = env_for(prom_url, tmp_path)
    end = env.clock.now()
    memory = env.metrics.query("payment-api", "memory", start=end - timedelta(minutes=10), end=end)
    assert memory.unit == "Mi" and memory.limit == 512
    assert memory.values[-1] == pytest.approx(300 + 60 + 5)
    conns = env.metrics.query("user-api", "connections", start=end - timedelta(minutes=10), end=end)
    assert conns.limit == 100 and conns.values[-1] == 2 * (10 + 6)
    errors = env.metrics.query("payment-api", "error_rate", start=end - timedelta(minutes=10), end=end, step_s=60)
    assert all(math.isclose(v, 10.0, abs_tol=0.01) for v in errors.values) and errors.limit == 100


def test_errors_and_check(prom_url, tmp_path):
    env = env_for(prom_url, tmp_path)
    end = env.clock.now()
    with pytest.raises(UnknownMetricError, match="connections, cpu, error_rate, memory"):
        env.metrics.query("payment-api", "latency_p99", start=end, end=end)
    broken = env_for(prom_url, tmp_path, queries={"cpu": "sum(rate(oops[5m]"})
    with pytest.raises(BackendError, match=r"HTTP 400.*parse error"):
        broken.metrics.query("payment-api", "cpu", start=end - timedelta(minutes=5), end=end)
    empty = env_for(prom_url, tmp_path, queries={"cpu": 'nothing_here{service="{service}"}'})
    assert empty.metrics.query("payment-api", "cpu", start=end - timedelta(minutes=5), end=end).values == []
    assert env.metrics.check().startswith("prometheus 2.")
    down = env_for("http://127.0.0.1:1", tmp_path, timeout_s=2)
    with pytest.raises(BackendError, match="cannot reach"):
        down.metrics.query("payment-api", "cpu", start=end, end=end)


def test_tls_ca_file_and_insecure(prom_url, tmp_path):
    openssl = require("openssl")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    web = tmp_path / "web.yml"
    web.write_text(f"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n", encoding="utf-8")
    data = tmp_path / "data"
    (tmp_path / "data.om").write_text(openmetrics(), encoding="utf-8")
    create_blocks(tmp_path / "data.om", data)
    with prometheus(data, web_config=web, scheme="https") as url:
        end = T0 + timedelta(minutes=60)
        trusted = env_for(url, tmp_path, tls={"ca_file": "cert.pem"})
        assert trusted.metrics.query("payment-api", "cpu", start=end - timedelta(minutes=1), end=end).values
        untrusted = env_for(url, tmp_path)
        with pytest.raises(BackendError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
            untrusted.metrics.query("payment-api", "cpu", start=end, end=end)
        insecure = env_for(url, tmp_path, tls={"insecure": True})
        assert insecure.metrics.query("payment-api", "cpu", start=end - timedelta(minutes=1), end=end).values
