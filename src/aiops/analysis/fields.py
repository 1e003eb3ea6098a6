"""Leading-field tokenising and classification, the vocabulary the header learner works with.

A line's prefix is cut into fields: quoted strings, bracket groups (one level of nesting, so
``[QuorumPeer[myid=1]/0:2181]`` is one field), a lone ``|`` and plain non-blank runs. Each field
gets a kind from its own text; kinds are grouped into families the learner compares across lines.
"""

from __future__ import annotations

import re

FIELD_RE = re.compile(r'("[^"\n]*"|\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\][^\s|]*|\||[^\s|]+)([ \t]*)')
"""One leading field (quoted, bracketed, a pipe, or a plain run) and the blanks after it."""

LEVEL_WORDS: dict[str, str] = {
    "trace": "TRACE", "finest": "TRACE", "finer": "TRACE", "verbose": "TRACE",
    "debug": "DEBUG", "fine": "DEBUG", "dbg": "DEBUG",
    "info": "INFO", "information": "INFO", "informational": "INFO", "notice": "INFO", "note": "INFO",
    "success": "INFO",
    "config": "INFO",
    "log": "INFO",
    "warn": "WARN", "warning": "WARN", "wrn": "WARN",
    "error": "ERROR", "err": "ERROR", "severe": "ERROR", "eror": "ERROR",
    "fatal": "FATAL", "critical": "FATAL", "crit": "FATAL", "alert": "FATAL", "emerg": "FATAL",
    "emergency": "FATAL", "panic": "FATAL",
}
"""Severity words used by common logging libraries (case-insensitive), mapped to core LEVELS."""

LETTER_LEVELS: dict[str, str] = {
    "V": "TRACE", "T": "TRACE", "D": "DEBUG", "I": "INFO", "W": "WARN", "E": "ERROR", "F": "FATAL",
}
"""One-letter severities (Android logcat, glog, klog, Tarantool's ``I>``); only trusted as a whole
field, bare or with an arrow after it."""

SEPARATORS = frozenset({"-", "|", "--", "::", ":", "—", "->", "=>", ">", "#"})

_TIME_RE = re.compile(
    r"\d{1,8}(?:[-/.:_T]\d{1,9})+(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?[,:]?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}[.,]?"
    r"|[+-]\d{4}|UTC|GMT|Z"
)
_NUM_RE = re.compile(r"[-+]?\d+(?:\.\d+)?,?")
_CLOCK = re.compile(rf"[*.]?(?:{_TIME_RE.pattern})")
"""A time, maybe after a ``*`` or ``.`` that marks an unsynchronised clock (Cisco IOS, some syslogs)."""
_HAS_DIGIT = re.compile(r"\d")
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?::\d+)?,?")
_FIELD_END = r"(?=[\s|]|$)"
TIME_FIELD = rf"(?!{_IPV4.pattern}:?{_FIELD_END}){_CLOCK.pattern}{_FIELD_END}"
"""A field `kind_of` calls a time, as a pattern: what a line's first field must be where the file's
records open with a time."""
_BRACKETS = {"[": "]", "(": ")", "<": ">", "{": "}"}

FAMILIES: dict[str, str] = {
    "time": "var", "num": "var", "id": "var", "level": "level", "sep": "sep", "bracket": "bracket",
    "key": "key", "quoted": "quoted", "word": "word",
}
"""Kind -> family. Timestamps, numbers and digit-bearing ids all vary the same way in a header."""


def level_of(text: str) -> str:
    """The core level for a field's text (``[ERROR]``, ``warn``, ``E``, ``<info>``), or "" if none."""
    core = text.strip("[]()<>{}:,;*")
    if len(core) == 1:  # a letter alone, or with an arrow after it (Tarantool's ``I>``, ``V>``)
        return LETTER_LEVELS.get(core, "") if text in (core, core + ">") else ""
    domain, dash, last = core.rpartition("-")
    if dash and domain and last.isupper():  # GLib's ``domain-LEVEL`` (``GLib-CRITICAL``, ``cockpit-ws-DEBUG``)
        return LEVEL_WORDS.get(last.lower(), "")
    return LEVEL_WORDS.get(core.lower(), "")


def kind_of(text: str) -> str:
    """Classify one field: time, num, id, level, sep, bracket, key, quoted or word."""
    if text in SEPARATORS:
        return "sep"
    if level_of(text):
        return "level"
    first = text[0]
    if first == '"':
        return "quoted"
    if first in _BRACKETS and _BRACKETS[first] in text:
        return "key" if text.endswith(":") and len(text) > 2 else "bracket"
    if _IPV4.fullmatch(text):
        return "id"  # an address, though its dotted numbers fit a date's shape
    if text[-1] == ":" and _IPV4.fullmatch(text[:-1]):
        return "key"  # an address that labels what follows (``127.0.0.1:60560: ...``)
    if _CLOCK.fullmatch(text) and not (text[-1] == ":" and ":" not in text[:-1]):
        return "time"  # closed by a colon only with a clock in it (``12:00:01.5:``, not ``1.4.1:``)
    if _NUM_RE.fullmatch(text) or (text[-1] == ":" and _NUM_RE.fullmatch(text[:-1])):
        return "num"  # a counter such as ``000123:`` is a number, not a name key
    if len(text) > 1 and (text.endswith(":") or (text.endswith("]") and "[" not in text)):
        return "key"
    if _HAS_DIGIT.search(text):
        return "id"
    return "word"


def split_fields(line: str, limit: int) -> list[tuple[str, int]]:
    """The first `limit` fields of `line` as (text, width of the blank run after it)."""
    out: list[tuple[str, int]] = []
    for match in FIELD_RE.finditer(line):
        text, blanks = match.groups()
        out.append((text, len(blanks)))
        if len(out) >= limit:
            break
    return out


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT_RUNS = re.compile(r"\d+")


def shape_of(text: str) -> str:
    """Coarse shape: digit runs -> 9, letter runs -> a, other characters kept (``node-246`` -> ``a-9``)."""
    return _DIGIT_RUNS.sub("9", _LETTERS.sub("a", text))
