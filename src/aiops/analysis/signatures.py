"""Known failure signatures of log lines, read from the log-analysis skill's `signatures.yaml`.

`load_signatures(path)` returns `Signature` objects (name, category, severity, description,
compiled patterns). `match_signatures(signatures, *texts)` names the signatures that any of the
texts shows. The YAML format is documented at the top of the file itself; adding a signature there
needs no code change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEVERITIES = ("info", "warning", "error", "critical")


@dataclass(frozen=True, slots=True)
class Signature:
    """One known failure signature."""

    name: str
    category: str
    severity: str
    description: str
    patterns: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...] = field(default=())

    def matches(self, text: str) -> bool:
        """True when `text` shows this signature."""
        return any(p.search(text) for p in self.patterns) and not any(p.search(text) for p in self.exclude)

    def to_dict(self) -> dict[str, Any]:
        """Name, category, severity, description (JSON-able)."""
        return {"name": self.name, "category": self.category, "severity": self.severity,
                "description": self.description}


def default_signatures_path() -> Path:
    """signatures.yaml of the default team's log-analysis skill."""
    skills = Path(__file__).resolve().parent.parent / "team" / "default" / "skills"
    return skills / "log-analysis" / "signatures.yaml"


def _compile(patterns: Any, file: str, where: str) -> tuple[re.Pattern[str], ...]:
    from aiops.core.errors import ConfigError
    from aiops.core.regexcheck import ADVICE, nested_repetition

    if patterns is None:
        return ()
    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError("must be a list of regular expressions", file=file, path=where)
    out = []
    for index, pattern in enumerate(patterns):
        try:
            out.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise ConfigError(f"bad regular expression {pattern!r}: {exc}", file=file,
                              path=f"{where}[{index}]") from exc
        if nested_repetition(pattern):
            raise ConfigError(f"regular expression {pattern!r}: {ADVICE}", file=file, path=f"{where}[{index}]")
    return tuple(out)


def parse_signatures(data: Any, *, file: str = "signatures.yaml") -> list[Signature]:
    """Signatures from already-loaded YAML data (see `load_signatures`)."""
    from aiops.core.errors import ConfigError

    items = data.get("signatures") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ConfigError("expected a `signatures:` list", file=file, path="signatures")
    out: list[Signature] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"signatures[{index}]"
        if not isinstance(item, dict):
            raise ConfigError("each signature must be a mapping", file=file, path=where)
        name = item.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
            raise ConfigError("needs a snake_case `name`", file=file, path=f"{where}.name")
        if name in seen:
            raise ConfigError(f"duplicate signature name {name!r}", file=file, path=f"{where}.name")
        seen.add(name)
        severity = str(item.get("severity", "error"))
        if severity not in SEVERITIES:
            raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}", file=file, path=f"{where}.severity")
        patterns = _compile(item.get("patterns"), file, f"{where}.patterns")
        if not patterns:
            raise ConfigError("needs at least one pattern", file=file, path=f"{where}.patterns")
        out.append(Signature(
            name=name, category=str(item.get("category", "none")), severity=severity,
            description=str(item.get("description", "")).strip(), patterns=patterns,
            exclude=_compile(item.get("exclude"), file, f"{where}.exclude"),
        ))
    return out


def load_signatures(path: str | Path) -> list[Signature]:
    """Read and validate a signatures.yaml; raises `ConfigError` (file and key path) when it is wrong."""
    from aiops.core.errors import ConfigError
    from aiops.core.yamlsafe import parse_yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read signatures: {exc.strerror}", file=str(path)) from exc
    return parse_signatures(parse_yaml(text, str(path), what="skill data file").data, file=str(path))


def match_signatures(signatures: Sequence[Signature] | None, *texts: str) -> list[Signature]:
    """The signatures shown by any of `texts`, in catalogue order."""
    if not signatures:
        return []
    return [sig for sig in signatures if any(sig.matches(text) for text in texts if text)]


def as_signatures(items: Iterable[Any] | None) -> list[Signature]:
    """Accept `Signature` objects or their dict form (as read from YAML); anything else is skipped."""
    if not items:
        return []
    out: list[Signature] = []
    raw: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Signature):
            out.append(item)
        elif isinstance(item, dict):
            raw.append(item)
    if raw:
        out.extend(parse_signatures({"signatures": raw}, file="<signatures>"))
    return out
