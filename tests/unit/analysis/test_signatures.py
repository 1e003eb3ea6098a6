"""signatures.yaml: format, vocabulary, and adding a signature without code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aiops.analysis import load_signatures, match_signatures
from aiops.analysis.signatures import default_signatures_path
from aiops.core.errors import ConfigError

FAILURE_MODES = Path(default_signatures_path()).parent.parent / "diagnostics" / "failure_modes.yaml"


def test_default_catalogue_loads_and_uses_the_category_vocabulary() -> None:
    signatures = load_signatures(default_signatures_path())
    categories = set(yaml.safe_load(FAILURE_MODES.read_text())["categories"])
    assert len(signatures) >= 20
    assert {s.category for s in signatures} <= categories
    assert {"connection_pool_exhaustion", "out_of_memory", "database_deadlock", "network_dns", "disk_full",
            "certificate_expired"} <= {s.category for s in signatures}


@pytest.mark.parametrize(("line", "name"), [
    ("HikariPool-1 - Connection is not available, request timed out after 30000ms.", "pool_exhausted"),
    ("FATAL: sorry, too many clients already", "max_connections_reached"),
    ("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space", "java_out_of_memory"),
    ("java.lang.OutOfMemoryError: GC overhead limit exceeded", "gc_overhead_limit"),
    ("Memory cgroup out of memory: Killed process 4242 (java)", "oom_killed"),
    ("ERROR: deadlock detected", "db_deadlock"),
    ("ERROR: canceling statement due to statement timeout", "db_query_timeout"),
    ("read tcp 10.0.0.1:5432: connection reset by peer", "connection_reset"),
    ("dial tcp 10.0.0.9:443: connect: connection timed out", "connection_timed_out"),
    ("connect: no route to host", "no_route_to_host"),
    ("lookup db.internal on 10.0.0.2:53: no such host", "dns_resolution_failed"),
    ("write /var/lib/data/wal: no space left on device", "disk_full"),
    ("x509: certificate has expired or is not yet valid", "certificate_expired"),
])
def test_known_lines_are_flagged(line: str, name: str) -> None:
    assert name in [s.name for s in match_signatures(load_signatures(default_signatures_path()), line)]


def test_ordinary_lines_are_not_flagged() -> None:
    signatures = load_signatures(default_signatures_path())
    for line in ["GET /health 200 3ms", "user alice logged in", "cache warmed with 1200 keys"]:
        assert match_signatures(signatures, line) == []


def test_a_new_signature_needs_no_code(tmp_path: Path) -> None:
    path = tmp_path / "signatures.yaml"
    path.write_text("version: 1\nsignatures:\n  - name: quota_hit\n    category: traffic_spike\n"
                    "    severity: warning\n    description: quota\n    patterns: ['quota (hit|reached)']\n"
                    "    exclude: ['test']\n")
    [sig] = load_signatures(path)
    assert sig.matches("API quota reached for tenant 7")
    assert not sig.matches("API quota reached in test")


@pytest.mark.parametrize(("body", "where"), [
    ("signatures: nope", "signatures"),
    ("signatures:\n  - name: Bad Name\n    patterns: [x]", "signatures[0].name"),
    ("signatures:\n  - name: ok\n    patterns: ['(']", "signatures[0].patterns[0]"),
    ("signatures:\n  - name: ok\n    patterns: [x, '^(\\w+\\s?)*$']", "signatures[0].patterns[1]"),
    ("signatures:\n  - name: ok\n    severity: loud\n    patterns: [x]", "signatures[0].severity"),
])
def test_bad_files_name_the_key(tmp_path: Path, body: str, where: str) -> None:
    path = tmp_path / "signatures.yaml"
    path.write_text(body)
    with pytest.raises(ConfigError) as info:
        load_signatures(path)
    assert info.value.path == where
    assert info.value.exit_code == 2
