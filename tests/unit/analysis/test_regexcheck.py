"""Patterns from configuration that could backtrack catastrophically are refused by shape."""

from __future__ import annotations

import pytest

from aiops.core.regexcheck import nested_repetition


@pytest.mark.parametrize("pattern", [r"^(\w+\s?)*$", r"(a+)+b", r"(?:.*,)*x", r"((ab)*c)+", r"(x|y+)*z"])
def test_unbounded_repetition_inside_unbounded_repetition_is_flagged(pattern: str) -> None:
    assert nested_repetition(pattern)


@pytest.mark.parametrize("pattern", [
    r"(?:\d{1,3}\.){3}\d{1,3}", r"OutOfMemoryError", r"connection (refused|reset) by \S+",
    r"\b(?:ERROR|FATAL)\b.*timeout", r"(ab){2,}", r"(?=.*x+)y", "(",
])
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert not nested_repetition(pattern)
