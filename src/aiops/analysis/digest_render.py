"""Rendering a `LogDigest` as compact text for a model, within its token budget.

Sections, in priority order: the headline (window, lines, levels), error share and volume before
and after the split, flagged signatures, the error sequence, background errors, then templates
from the most important down, each with a verbatim example while room remains. Whatever does not
fit is counted on the last line, so the reader knows what it did not see. The whole text is
checked with `estimate_tokens` (conservative), never cut mid-line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiops.analysis.tokens import estimate_tokens

if TYPE_CHECKING:
    from aiops.analysis.digest import LogDigest

TEXT_CHARS = 180
EXAMPLE_CHARS = 220
EXAMPLES_FOR = 10
"""Templates (most important first) that may get a verbatim example."""
OMITTED_RESERVE = 70


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _n(value: int) -> str:
    return f"{value:,}"


class _Page:
    """Lines with a running token count; `add` refuses what would go over the budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.lines: list[str] = []
        self.used = 0

    def add(self, line: str) -> bool:
        cost = estimate_tokens(line) + 1
        if self.used + cost > self.budget:
            return False
        self.lines.append(line)
        self.used += cost
        return True


class _Clock:
    """Shortens ISO times to HH:MM:SSZ when the whole window falls on one day; a window over several
    days keeps the date on every time."""

    def __init__(self, start: str | None, end: str | None) -> None:
        self.day = (start or "")[:10] if (start or "")[:10] == (end or "")[:10] else None

    def __call__(self, stamp: str | None) -> str:
        if not stamp:
            return "?"
        return stamp[11:] if self.day and stamp[:10] == self.day else stamp


def _span(seconds: float) -> str:
    """`+42s`, `+12min`, `+3.5h`, `+2d`: offsets stay short on windows of days."""
    if seconds < 120:
        return f"{seconds:g}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}min"
    return f"{seconds / 3600:.1f}h" if seconds < 172_800 else f"{seconds / 86400:.1f}d"


def _rate(per_min: float) -> str:
    """A rate in the unit that keeps it readable: `12/min`, `3.5/h`, `2/day` (never `0/min`)."""
    if per_min >= 1:
        return f"{per_min:.3g}/min"
    if per_min * 60 >= 1:
        return f"{per_min * 60:.2g}/h"
    return f"{per_min * 1440:.2g}/day"


def _headline(d: LogDigest, clock: _Clock) -> list[str]:
    window = d.window.to_dict()
    levels = " ".join(f"{lv or 'unknown'} {_n(n)}" for lv, n in d.levels.items())
    lines = [f"logs {d.service or '(service)'} {window['start']} to {clock(window['end'])} "
             f"({window['minutes']:g} min): {_n(d.lines)} lines, {_n(d.templates_total)} templates | {levels}"]
    if d.timeless:
        lines.append("no timestamps in the input: times are line positions")
    if d.lines:
        share, volume = d.error_share, d.volume
        lines.append(
            f"error lines {share['earlier']:.1%} before {clock(window['split'])} -> {share['recent']:.1%} after; "
            f"volume {_rate(volume['earlier_per_min'])} -> {_rate(volume['recent_per_min'])}; "
            f"first error {clock(d.first_error) if d.first_error else 'none'}")
    return lines


def _signature_line(hit: dict[str, Any], clock: _Clock) -> str:
    return (f"signature {hit['name']} x{_n(hit['count'])} first {clock(hit['first_seen'])} "
            f"last {clock(hit['last_seen'])} [{','.join(hit['templates'][:4])}]: {_cut(hit['description'], 90)}")


def _sequence_line(items: list[dict[str, Any]], clock: _Clock) -> str:
    parts = []
    for index, item in enumerate(items):
        when = clock(item["onset"]) if index == 0 else f"+{_span(item['offset_s'])}"
        sigs = f" [{','.join(item['signatures'])}]" if item["signatures"] else ""
        head = f"{when} {item['template']} {item['level'] or '-'} {item['change']}{sigs}"
        parts.append(f"{head} \"{_cut(item['text'], 70)}\"")
    return "sequence (onset order): " + " -> ".join(parts)


def _template_line(item: dict[str, Any], clock: _Clock) -> str:
    notes = [item["change"]]
    if item["onset"]:
        notes.append(f"from {clock(item['onset'])}")
    if item["burst"]:
        notes.append(f"burst {item['burst']['count']:,} in the minute from {clock(item['burst']['at'])}")
    if item["change"] in ("surge", "drop", "stopped"):
        notes.append(f"{item['earlier']}->{item['recent']}")
    sigs = f" [{','.join(item['signatures'])}]" if item["signatures"] else ""
    return (f"{item['id']} {item['level'] or '-'} x{_n(item['count'])} {' '.join(notes)}{sigs}: "
            f"{_cut(item['template'], TEXT_CHARS)}")


def _together_line(group: dict[str, Any], clock: _Clock) -> str:
    examples = "; ".join(f"\"{_cut(text, 50)}\"" for text in group["examples"])
    return (f"{len(group['templates'])} one-off templates started together at {clock(group['at'])} "
            f"({_n(group['lines'])} lines, e.g. {examples})")


def _notable(item: dict[str, Any]) -> bool:
    return bool(item["level"] not in ("", "INFO", "DEBUG", "TRACE") or item["signatures"]
                or item["change"] != "steady")


def _head(d: LogDigest, page: _Page, clock: _Clock, left: dict[str, int]) -> tuple[int, set[str]]:
    """Headline, signatures, sequence, background and groups of one-offs; returns the lines the
    groups cover and the template ids they stand for."""
    for line in _headline(d, clock):
        page.add(line)
    for hit in d.signatures:
        if not page.add(_signature_line(hit, clock)):
            left["signatures"] += 1
    sequence = list(d.sequence)
    while sequence and not page.add(_sequence_line(sequence, clock)):
        sequence.pop()
        left["sequence"] += 1
    if d.background:
        text = "; ".join(f"{b['template']} {b['level']} x{_n(b['count'])} \"{_cut(b['text'], 60)}\""
                         for b in d.background[:4])
        page.add(f"present all along: {text}")
    covered = 0
    grouped: set[str] = set()
    for group in d.extra.get("together", []):
        if page.add(_together_line(group, clock)):
            grouped.update(group["templates"])
            covered += group["lines"]
    return covered, grouped


def render_digest(d: LogDigest) -> str:
    """The digest as text of at most `d.budget_tokens` estimated tokens."""
    window = d.window.to_dict()
    clock = _Clock(window["start"], window["end"])
    page = _Page(max(d.budget_tokens - OMITTED_RESERVE, 0))
    left = {"signatures": 0, "sequence": 0, "templates": 0, "examples": 0}
    shown_lines, grouped = _head(d, page, clock, left)
    heading = "templates, most important first:"
    templates = [item for item in d.templates if item["id"] not in grouped]
    lines = [_template_line(item, clock) for item in templates]
    notable = [_notable(item) for item in templates]
    # room kept for the notable templates still to come, so examples never crowd them out
    owed = [0] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        owed[index] = owed[index + 1] + (estimate_tokens(lines[index]) + 1 if notable[index] else 0)
    for rank, item in enumerate(templates):
        need = estimate_tokens(lines[rank]) + 1 + (estimate_tokens(heading) + 1 if heading else 0)
        if page.used + need > page.budget:
            left["templates"] += 1
            continue
        if heading:
            page.add(heading)
            heading = ""
        page.add(lines[rank])
        shown_lines += item["count"]
        example = item["examples"][0] if item["examples"] else ""
        if rank < EXAMPLES_FOR and example and notable[rank]:
            text = f"  e.g. {_cut(example, EXAMPLE_CHARS)}"
            if page.used + estimate_tokens(text) + 1 + owed[rank + 1] > page.budget or not page.add(text):
                left["examples"] += 1
    beyond = len(grouped - {item["id"] for item in d.templates})  # grouped, though past the kept templates
    hidden_templates = left["templates"] + d.omitted["templates"] - beyond
    hidden_lines = d.lines - shown_lines
    parts = []
    if hidden_templates:
        parts.append(f"{_n(hidden_templates)} templates ({_n(hidden_lines)} lines)")
    for key in ("signatures", "sequence", "examples"):
        if left[key]:
            parts.append(f"{left[key]} {key if key != 'sequence' else 'sequence steps'}")
    page.budget = d.budget_tokens
    page.add("omitted: " + (", ".join(parts) if parts else "nothing"))
    text = "\n".join(page.lines)
    while estimate_tokens(text) > d.budget_tokens and len(page.lines) > 1:
        page.lines.pop(-2)
        text = "\n".join(page.lines)
    return text
