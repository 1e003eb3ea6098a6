"""Figures with their units, the same way everywhere a person reads them (reports, verification)."""

from __future__ import annotations

_SUFFIX: dict[str, str] = {
    "percent": "%", "%": "%", "ms": " ms", "milliseconds": " ms", "s": " s", "seconds": " s",
    "MiB": " MiB", "Mi": " MiB", "GiB": " GiB", "Gi": " GiB", "KiB": " KiB", "Ki": " KiB", "bytes": " B",
    "B": " B", "req/s": " req/s", "rps": " req/s", "count": "", "": "",
}
"""Unit names used by the environments -> how they follow a number (anything else: ' <unit>')."""


def number(value: float) -> str:
    """`26860` -> `26,860`; `19.3412` -> `19.3`; `0.3312` -> `0.331`; integers stay integers."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def with_unit(value: float | None, unit: str | None, metric: str | None = None) -> str:
    """The value followed by its unit: `19.3%`, `26,860 ms`, `412 MiB`, `3 req/s`. A unit that only
    repeats the metric's name (`connections 99`, not `connections 99 connections`) is left out."""
    if value is None:
        return "?"
    unit = (unit or "").strip()
    if metric and unit == metric:
        unit = ""
    suffix = _SUFFIX.get(unit, f" {unit}")
    return f"{number(value)}{suffix}"
