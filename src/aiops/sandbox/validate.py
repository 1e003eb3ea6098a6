"""Small strict-validation helpers: every error is a `ConfigError` naming the file and key path."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from typing import Any

from aiops.core.errors import ConfigError
from aiops.core.yamlsafe import parse_yaml


def load_yaml(text: str, file: str = "(text)", *, what: str = "scenario file") -> Any:
    """Parse YAML strictly (`aiops.core.yamlsafe`: no anchors, aliases, tags or duplicate keys)."""
    return parse_yaml(text, file, what=what).data


class Checker:
    """Validates plain YAML data for one file; `path` arguments are dotted key paths."""

    def __init__(self, file: str | None) -> None:
        self.file = file

    def fail(self, path: str, message: str) -> ConfigError:
        """The error to raise for `path`."""
        return ConfigError(message, file=self.file, path=path or None)

    def mapping(self, value: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"expected a mapping, got {type(value).__name__}")
        for key in value:
            if not isinstance(key, str):
                raise self.fail(path, f"keys must be text, got {key!r}")
        return value

    def keys(
        self, value: Mapping[str, Any], path: str, *, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> None:
        """Unknown keys and missing required keys are errors (with a close-match hint)."""
        allowed = list(allowed)
        for key in value:
            if key not in allowed:
                hint = suggest(key, allowed)
                extra = f" (did you mean {hint!r}?)" if hint else ""
                raise self.fail(join(path, key), f"unknown key {key!r}{extra}; allowed: {', '.join(allowed)}")
        for key in required:
            if key not in value:
                raise self.fail(join(path, key), f"missing required key {key!r}")

    def list(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {type(value).__name__}")
        return value

    def text(self, value: Any, path: str, *, allow_empty: bool = False) -> str:
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise self.fail(path, f"expected non-empty text, got {value!r}")
        return value

    def integer(self, value: Any, path: str, *, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(path, f"expected a whole number from {low} to {high}, got {value!r}")
        return value

    def number(self, value: Any, path: str, *, low: float, high: float) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise self.fail(path, f"expected a number from {low:g} to {high:g}, got {value!r}")
        return float(value)

    def choice(self, value: Any, path: str, options: Iterable[str], *, what: str = "value") -> str:
        options = list(options)
        if value not in options:
            hint = suggest(str(value), options)
            extra = f" (did you mean {hint!r}?)" if hint else ""
            raise self.fail(path, f"unknown {what} {value!r}{extra}; known: {', '.join(options)}")
        return str(value)


def suggest(given: str, options: list[str]) -> str | None:
    """The option `given` most likely meant: a prefix or part of it first, else a close spelling."""
    partial = [o for o in options if o.startswith(given) or given in o]
    if partial:
        return min(partial, key=len)
    close = get_close_matches(given, options, n=1)
    return close[0] if close else None


def join(path: str, key: str | int) -> str:
    """`a.b` + `c` -> `a.b.c`; `a` + 0 -> `a[0]`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key
