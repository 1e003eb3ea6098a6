"""Regular expressions from configuration run over every log line: one whose running time can grow
exponentially with the line (catastrophic backtracking) turns a long line into a stalled incident.
`nested_repetition` finds the shape behind nearly all such patterns: an unbounded repetition inside
another unbounded repetition (``(\\w+\\s?)*``, ``(a+)+``, ``(.*,)*``). Rejecting that shape is stricter than
needed (``(\\d+,)*`` is safe), but such a pattern can always be rewritten without the nesting.
"""

from __future__ import annotations

import re
from re import _parser  # the stdlib's own regex parser (Python 3.11+)
from typing import Any

_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT)
ADVICE = ("an unbounded repetition inside another repetition can take exponential time on a long "
          "line; rewrite it without the nesting (e.g. `(\\w+\\s?)*` -> `[\\w\\s]*`)")


def _depth(items: Any) -> int:
    """Largest number of nested unbounded repetitions (`*`, `+`, `{n,}`) in a parsed pattern; a
    bounded count (`{3}`, `{1,3}`) does not nest into exponential time."""
    deepest = 0
    for op, arg in items:
        if op in _REPEATS:
            _low, high, sub = arg
            deepest = max(deepest, _depth(sub) + (1 if high == _parser.MAXREPEAT else 0))
        elif op == _parser.SUBPATTERN:
            deepest = max(deepest, _depth(arg[-1]))
        elif op == _parser.BRANCH:
            deepest = max(deepest, *(_depth(branch) for branch in arg[1]))
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            deepest = max(deepest, _depth(arg[1]))
    return deepest


def nested_repetition(pattern: str) -> bool:
    """True when `pattern` repeats without bound a group that itself repeats without bound: the
    shape of catastrophic backtracking."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return False
    return _depth(parsed) > 1
