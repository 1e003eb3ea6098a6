"""Start a real Prometheus on blocks made by `promtool tsdb create-blocks-from openmetrics`."""

from __future__ import annotations

import contextlib
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

from .servers import free_port, http_ok, process, require, wait_until

CONFIG = "global:\n  scrape_interval: 1h\n  evaluation_interval: 1h\n"


def create_blocks(openmetrics: Path, data_dir: Path) -> None:
    """Turn an OpenMetrics file (with `# EOF`) into TSDB blocks."""
    promtool = require("promtool")
    data_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [promtool, "tsdb", "create-blocks-from", "openmetrics", str(openmetrics), str(data_dir)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        raise AssertionError(f"promtool failed: {proc.stderr[-2000:]}")


@contextlib.contextmanager
def prometheus(
    data_dir: Path, *, web_config: Path | None = None, scheme: str = "http", extra_args: list[str] | None = None
) -> Iterator[str]:
    """A Prometheus serving `data_dir` on a free loopback port; yields its URL."""
    binary = require("prometheus")
    port = free_port()
    config = data_dir.parent / f"prometheus-{port}.yml"
    config.write_text(CONFIG, encoding="utf-8")
    argv = [
        binary,
        f"--config.file={config}",
        f"--storage.tsdb.path={data_dir}",
        f"--web.listen-address=127.0.0.1:{port}",
        "--storage.tsdb.retention.time=100y",
        "--log.level=warn",
    ]
    if web_config is not None:
        argv.append(f"--web.config.file={web_config}")
    argv += extra_args or []
    with process("prometheus", argv, log=data_dir.parent / f"prometheus-{port}.log") as proc:
        url = f"{scheme}://127.0.0.1:{port}"
        if scheme == "http":
            wait_until(lambda: proc.poll() is None and http_ok(f"{url}/-/ready"), what="prometheus")
        else:  # ready, not just listening: the TSDB answers 503 until it has loaded the blocks
            wait_until(lambda: proc.poll() is None and http_ok(f"{url}/-/ready", context=_any_certificate()),
                       what="prometheus (tls)")
        yield url


def _any_certificate() -> ssl.SSLContext:
    """A TLS context for the readiness probe alone, which trusts the test's self-signed certificate."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context
