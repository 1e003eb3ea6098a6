"""A learned header layout and how it is compiled: `FieldSpec` per header position, `HeaderModel`
with one anchored regular expression over them (so applying a layout costs one match per line), and
`compile_header`, which turns the positions `header` learned into such a model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aiops.analysis.fields import TIME_FIELD, level_of
from aiops.analysis.header_patterns import BRACKET, bracket_body, level_body
from aiops.analysis.header_stats import NIL, SEVERITY_LIKE, Position
from aiops.analysis.jsonlines import split_json, split_logfmt

__all__ = ["FieldSpec", "HeaderModel", "compile_header", "from_specs"]


@dataclass(frozen=True)
class FieldSpec:
    """One learned header position: its family, the literal for separators, and roles."""

    family: str
    literal: str = ""
    needs_digit: bool = False
    timed: bool = False
    strict: bool = True
    is_time: bool = False
    is_level: bool = False
    flex: int = 0
    nil: bool = False
    levels: tuple[str, ...] = ()
    opener: str = ""
    """For a bracket field whose values all open with one bracket, that bracket."""


@dataclass
class HeaderModel:
    """A learned header layout. `split(line)` returns (match or None, message)."""

    fields: tuple[FieldSpec, ...] = ()
    regex: re.Pattern[str] | None = None
    time_groups: tuple[str, ...] = ()
    name_groups: tuple[str, ...] = ()
    bracket_groups: tuple[str, ...] = ()
    """Regex groups of bracketed fields that are no time (a thread, a code such as ``[V98V0-MTWPF]``)."""
    json: bool = False
    logfmt: bool = False
    prefixed: bool = False
    """The JSON or logfmt record follows a text prefix (a collector's time, stream or host)."""
    message_keys: tuple[str, ...] = ()
    """A JSON file's message keys, the one its records carry most first (`jsonlines.message_keys`)."""
    notes: list[str] = field(default_factory=list)
    unlevelled: re.Pattern[str] | None = None
    """The header up to its level field, for lines that have a label there instead (``START:``
    where other lines have ``DEBUG:``): the label opens the message, whose statement it names."""

    def structured(self, line: str) -> tuple[str, str, str] | None:
        """(message, level text, time text) of a JSON or logfmt line; None when the layout is plain
        text or the line does not parse as its record."""
        if self.json:
            return split_json(line, prefixed=self.prefixed, keys=self.message_keys)
        if self.logfmt:
            return split_logfmt(line, prefixed=self.prefixed)
        return None

    def split(self, line: str) -> tuple[re.Match[str] | None, str]:
        """Cut `line` into its header match (None when it does not fit) and its message."""
        if self.regex is None:
            return None, line
        match = self.regex.match(line)
        if match is None and self.unlevelled is not None:
            match = self.unlevelled.match(line)  # a label where the level sits (``START:``) opens the message
            label = SEVERITY_LIKE.match(line, match.end()) if match is not None else None
            if label is None or level_of(label.group()):
                match = None
        if match is None:
            return None, line
        return match, line[match.end():]

    def describe(self) -> str:
        """The layout in words, e.g. ``var var level key | message``."""
        if self.json or self.logfmt:
            kind = "JSON lines" if self.json else "logfmt"
            return f"text prefix | {kind}" if self.prefixed else kind
        parts = [spec.literal or spec.family + ("?" if spec.flex else "") for spec in self.fields]
        return " ".join([*parts, "| message"]) if parts else "(no header) message"


def _pattern(spec: FieldSpec, index: int) -> str:
    if spec.family == "sep":
        body = re.escape(spec.literal) if spec.strict else rf"(?:{re.escape(spec.literal)}|{BRACKET}|[^\s|]+)"
    elif spec.family == "bracket":
        body = bracket_body(spec.opener)
    elif spec.family == "key":
        body = r"(?:[^\s|]+?:|[^\s|\[]+\])(?=\s|$)"
    elif spec.family == "level" and spec.is_level:
        body = level_body(spec.levels)
    elif spec.family == "quoted":
        body = r'"[^"\n]*"'
    elif spec.timed:
        body = TIME_FIELD
    elif spec.needs_digit:
        body = r"[^\s|]*\d[^\s|]*"
    else:
        body = r"[^\s|]+"
    if spec.nil:
        body = f"(?:-|{body})"
    if spec.is_level:
        return f"(?P<lv>{body})"
    if spec.is_time:
        return f"(?P<t{index}>{body})"
    if spec.family in ("key", "word"):
        return f"(?P<k{index}>{body})"
    if spec.family == "bracket":
        return f"(?P<b{index}>{body})"
    return body


def compile_header(positions: list[Position], *, indented: bool = False) -> HeaderModel:
    """Turn learned positions into a `HeaderModel` with one anchored regex."""
    specs: list[FieldSpec] = []
    level_taken = False
    for pos in positions:
        is_level = pos.level_share >= 0.5 and not level_taken
        level_taken = level_taken or is_level
        specs.append(FieldSpec(
            family=pos.family, literal=pos.literal,
            needs_digit=pos.family == "var" and pos.digit_share >= 0.98,
            strict=pos.share * pos.purity >= 0.99 or (pos.family == "sep" and not specs and pos.literal != NIL),
            is_time=not is_level and pos.family in ("var", "bracket") and pos.time_share >= 0.5,
            timed=pos.time_led and pos.family == "var",
            is_level=is_level, flex=pos.flex, nil=pos.nil > 0 and pos.family != "sep", levels=pos.levels,
            opener=pos.opener,
        ))
    return from_specs(specs, indented=indented)


def from_specs(specs: list[FieldSpec], *, indented: bool) -> HeaderModel:
    """A `HeaderModel` of `specs`: one anchored regex, its time, name and bracket groups."""
    regex = _assemble(specs, indented=indented)
    level = next((i for i, spec in enumerate(specs) if spec.is_level), -1)
    unlevelled = _assemble(specs[:level], indented=indented) if level > 0 else None
    time_groups = tuple(f"t{i}" for i, spec in enumerate(specs) if spec.is_time)
    name_groups = tuple(f"k{i}" for i, spec in enumerate(specs)
                        if spec.family in ("key", "word") and not spec.is_level and not spec.is_time
                        and not (spec.flex and i + 1 < len(specs)))
    bracket_groups = tuple(f"b{i}" for i, spec in enumerate(specs)
                           if spec.family == "bracket" and not spec.is_time and not spec.is_level
                           and not (spec.flex and i + 1 < len(specs)))
    return HeaderModel(fields=tuple(specs), regex=regex, time_groups=time_groups, name_groups=name_groups,
                       bracket_groups=bracket_groups, unlevelled=unlevelled)


_GLUE_TIGHT = frozenset({"sep", "bracket", "quoted"})


def _assemble(specs: list[FieldSpec], *, indented: bool) -> re.Pattern[str]:
    """One anchored regex over the fields of `specs`, in order."""
    parts = [r"[ \t]*" if indented else ""]
    for index, spec in enumerate(specs):
        if index and not specs[index - 1].flex:
            prev = specs[index - 1]
            tight = prev.family in _GLUE_TIGHT or spec.family in _GLUE_TIGHT
            parts.append(r"[ \t]*" if tight else r"[ \t]+")
        if spec.flex and index + 1 < len(specs):
            parts.append(rf"(?:(?:{BRACKET}|[^\s|]+)(?:[ \t]+[^\s|]+){{0,{spec.flex}}}?[ \t]+)?")
            continue
        parts.append(_pattern(spec, index))
    last = specs[-1]
    parts.append(r"[ \t]*" if last.family in _GLUE_TIGHT | {"key"} else r"(?:[ \t]+|$)")
    return re.compile("".join(parts))
