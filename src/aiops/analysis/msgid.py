"""Message ids: a header field that names the event itself (Cisco ``%LINK-3-UPDOWN:``, Apache
``AH01626:``, a syslog MSGID), or a code-shaped word early in the message (FRRouting's
``[PCFFM-WMARW]``, Kea's ``DHCP4_PACKET_SEND``), found from the file's own lines.

A header field is a message id when, over the first lines, it behaves like one: its values repeat
(lines per value), every template mined from those lines carries a single value of it (one log
statement, one id), and a value carries about one template (a program or logger name carries
many, a field with a process id in it takes a new value on every line). Where such a field
exists, the lines that carry one id are one event even when their messages differ in a closed
set of words (``changed state to up`` / ``to down`` / ``to administratively down``) or in free
text (``logged command:<text>``): the first template seen with an id takes the later lines that
carry it and start with the same word.

Nothing here knows a format: only how the values of a field spread over the templates.
"""

from __future__ import annotations

import re
from collections import defaultdict

from aiops.analysis.header import HeaderModel
from aiops.analysis.miner import WILD, Template, TemplateMiner, current
from aiops.analysis.skeleton import collapsed_text
from aiops.analysis.variables import generalise

_LEAD = re.compile(r"[A-Za-z_]*")
"""The letters a word starts with."""
NIL = frozenset({"", "-"})
"""Values that say the field is absent on a line."""
MIN_VALUES = 4
"""Fewer distinct values than this prove nothing."""
MIN_REPEAT = 3.0
"""Lines per value, at least: an id names an event that happens more than once."""
ONE_ID = 0.9
"""Share of the templates (with two lines or more) whose lines all carry one value."""
SAME_START = 0.9
"""Share of the values with more than one template whose templates all start with one word (the
lines of a program or logger name start with all kinds of words)."""


_CODE = re.compile(r"[\[%(]?(?:[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+|[A-Z]{1,5}\d{3,}[A-Z]?)[\]):]?")
"""A word that may be a message code (``[PCFFM-WMARW]``, ``DHCP4_PACKET_SEND``, ``%LINK-3-UPDOWN:``):
upper case and digits in two parts or more, or a catalogue number: a few capitals and three digits
or more (Apache's ``AH01626:``, z/OS's ``IEF403I``)."""
CODE_POSITIONS = 4
"""Message words searched for a code: a code sits at the start, after a level or a component."""
CODE_SHARE = 0.5
"""Share of the first lines that must carry a code at the position."""


def find_id_group(header: HeaderModel, lines: list[str]) -> str | None:
    """The regex group of `header` that holds a message id in `lines` (the first lines), or None;
    of two such fields (an application name, then a message id) the later one."""
    if header.regex is None or not (header.name_groups or header.bracket_groups):
        return None
    rows = []
    for line in lines:
        match = header.regex.match(line)
        if match is not None:
            rows.append((match.groupdict(), line[match.end():]))
    if len(rows) < 0.5 * len(lines) or not rows:
        return None
    miner = TemplateMiner()
    templates = [miner.add(message) for _, message in rows]
    coded = [name for name in header.bracket_groups  # a bracketed field counts when it holds codes
             if sum(bool(_CODE.fullmatch(groups.get(name) or "")) for groups, _ in rows) >= CODE_SHARE * len(rows)]
    found = [name for name in (*header.name_groups, *coded) if _is_id(name, rows, templates)]
    return found[-1] if found else None


FIRST_CODE = -1
"""The id "position" of a file whose codes move: the first code-shaped word among the first
`CODE_POSITIONS` words (Apache's ``AH01626:`` opens the message, or follows ``[client ...]``)."""


def find_id_word(messages: list[str]) -> int | None:
    """The position of a message word that holds a message id in `messages` (the first messages
    after the header), or None: at that position most lines carry a code-shaped word, and the
    codes pass the same statistics test as a header field (see the module docstring). Where no
    one position does, the first code among the leading words is tried (`FIRST_CODE`)."""
    templates: list[Template] = []
    for position in (*range(CODE_POSITIONS), FIRST_CODE):
        codes = [word_at(message, position) for message in messages]
        if sum(bool(code) for code in codes) < CODE_SHARE * len(messages):
            continue
        if not templates:  # mined once, for the first position worth testing
            miner = TemplateMiner()
            templates = [miner.add(message) for message in messages]
        rows = [({"code": code}, message) for code, message in zip(codes, messages, strict=True)]
        if _is_id("code", rows, templates):
            return position
    return None


def word_at(message: str, position: int) -> str:
    """The word at `position` of `message` ("" when it is shorter, or the word is no code); at
    `FIRST_CODE`, the first code among its first `CODE_POSITIONS` words."""
    if position == FIRST_CODE:
        return next((word for word in message.split(None, CODE_POSITIONS)[:CODE_POSITIONS]
                     if _CODE.fullmatch(word)), "")
    words = message.split(None, position + 1)
    word = words[position] if len(words) > position else ""
    return word if _CODE.fullmatch(word) else ""


def _is_id(name: str, rows: list[tuple[dict[str, str | None], str]], templates: list[Template]) -> bool:
    """The statistics test of one field (see the module docstring)."""
    values_of: dict[int, set[str]] = defaultdict(set)
    templates_of: dict[str, set[int]] = defaultdict(set)
    lines_of: dict[int, int] = defaultdict(int)
    for (groups, _), template in zip(rows, templates, strict=True):
        value = groups.get(name) or ""
        if value in NIL:
            continue
        values_of[id(template)].add(value)
        templates_of[value].add(id(template))
        lines_of[id(template)] += 1
    if len(templates_of) < MIN_VALUES or len(rows) < MIN_REPEAT * len(templates_of):
        return False
    repeated = [key for key, count in lines_of.items() if count >= 2]
    if not repeated or sum(len(values_of[key]) == 1 for key in repeated) < ONE_ID * len(repeated):
        return False
    first_of = {value: templates[next(i for i, (groups, _) in enumerate(rows) if groups.get(name) == value)]
                for value, group in templates_of.items() if len(group) > 1}
    by_id = {id(t): t for t in templates}
    shared = [all(_same_start(first_of[value], by_id[key]) for key in templates_of[value]) for value in first_of]
    return not shared or sum(shared) >= SAME_START * len(shared)


class IdEvents:
    """Lines that carry one message id are one event: the first template seen with an id keeps
    the later lines with that id whose message starts with the same word."""

    def __init__(self, group: str, limit: int = 50_000, *, word: int | None = None) -> None:
        self.group = group
        self.word = word
        """With a header group of "", the position of the message word that holds the id."""
        self.limit = limit
        self._first: dict[str, Template] = {}
        self._shown: dict[str, list[str]] = {}

    def knows(self, value: str) -> bool:
        """True when a template was seen with the id `value`."""
        return value in self._first

    def event(self, value: str | None, template: Template) -> Template:
        """The template a line gets: `template`, or the first one seen with its id `value`."""
        if not value:
            return template
        first = self._first.get(value)
        if first is not None and first.into is not None:
            first = self._first[value] = current(first)  # folded into a more general template
        if first is None:
            if len(self._first) >= self.limit:
                self._first.clear()
            self._first[value] = template
            return template
        if first is template or not _same_start(first, template):
            shown = self._shown.get(value)
            if first is template and shown is not None:
                first.show(collapsed_text(shown))  # the miner may have refreshed the text
            return template
        template.count -= 1
        first.count += 1
        shown = cover(self._shown.get(value) or first.tokens, template.tokens)
        self._shown[value] = shown
        first.show(collapsed_text(shown))
        return first


def cover(left: list[str], right: list[str]) -> list[str]:
    """Tokens that cover both token lists: equal words kept, different ones generalised
    (``User:<*>``) or `<*>`; lists of two lengths keep their shared start and end around one `<*>`."""
    if len(left) == len(right):
        return [a if a == b else generalise(a, b) for a, b in zip(left, right, strict=True)]
    head: list[str] = []
    for a, b in zip(left, right, strict=False):
        word = a if a == b else generalise(a, b)
        if word == WILD:
            break
        head.append(word)
    tail: list[str] = []
    for a, b in zip(reversed(left[len(head):]), reversed(right[len(head):]), strict=False):
        word = a if a == b else generalise(a, b)
        if word == WILD:
            break
        tail.append(word)
    return [*head, WILD, *reversed(tail)]


def _same_start(first: Template, other: Template) -> bool:
    """Both templates start with the same letters (``ISM[lo:<*>]:`` / ``ISM[<*>:<*>]:``), counted
    from the first word that has letters: values in front (a bracketed process id on every line)
    say nothing about the statement."""
    if not first.tokens or not other.tokens:
        return False
    return _lead(first.tokens) == _lead(other.tokens)


def _lead(tokens: list[str]) -> str:
    """The letters the first word with letters starts with (opening brackets skipped), or ""."""
    for token in tokens:
        head = _LEAD.match(token.lstrip("[(<")).group()  # type: ignore[union-attr]
        if head:
            return head
    return ""
