"""Connectivity check: build each role's backend and ask it to answer (`check()`), one row per role."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiops.backends.context import BuildContext
from aiops.backends.environment import BUILD_ORDER, build_role
from aiops.backends.spec import EnvironmentSpec
from aiops.core.errors import AiopsError
from aiops.core.termtext import safe_line


@dataclass(frozen=True)
class RoleCheck:
    """The outcome for one role."""

    role: str
    type: str
    ok: bool
    detail: str
    seconds: float


def _probe(role: str, backend: Any) -> str:
    """The backend's own `check()`, else a cheap call of its role's protocol."""
    checker = getattr(backend, "check", None)
    if callable(checker):
        return str(checker())
    if role == "inventory":
        return f"{len(backend.services())} services"
    if role == "metrics":
        return f"metrics: {', '.join(backend.metric_names())}"
    if role == "clock":
        return f"now {backend.now().isoformat(timespec='seconds')}"
    if role == "executor":
        return f"actions: {', '.join(backend.supported_actions()) or '(none)'}"
    return "built"


def check_environment(spec: EnvironmentSpec, *, state_dir: Path | None = None) -> list[RoleCheck]:
    """Build and probe every role; a failing role does not stop the others."""
    with tempfile.TemporaryDirectory(prefix="aiops-env-check-") as tmp:
        ctx = BuildContext(spec=spec, state_dir=state_dir or Path(tmp))
        rows = []
        try:
            for role in BUILD_ORDER:
                kind = spec.role(role).type
                started = time.monotonic()
                try:
                    backend = build_role(role, ctx)
                    ok, detail = True, _probe(role, backend)
                except AiopsError as exc:
                    ok, detail = False, str(exc)
                except Exception as exc:  # a broken backend must not hide the other rows
                    ok, detail = False, f"{type(exc).__name__}: {exc}"
                rows.append(
                    RoleCheck(role, kind, ok, detail.splitlines()[0] if detail else "", time.monotonic() - started)
                )
        finally:
            ctx.close_built()
    return rows


def render_table(rows: list[RoleCheck]) -> str:
    """The rows as an aligned text table."""
    header = ("ROLE", "TYPE", "STATUS", "TIME", "DETAIL")
    lines = [(r.role, r.type, "ok" if r.ok else "FAIL", f"{r.seconds:.2f}s", safe_line(r.detail)) for r in rows]
    widths = [max(len(str(x[i])) for x in (header, *lines)) for i in range(4)]
    out = []
    for line in (header, *lines):
        out.append("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(line[:4])) + "  " + line[4])
    return "\n".join(out)
