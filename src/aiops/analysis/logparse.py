"""Raw log lines in, templates out: header learning + masking + template mining, streamed.

`LogParser.parse(lines)` learns the header layout from the first `learn_lines` lines (held in a
bounded buffer), then yields one `ParsedLine` per input line, in order, blank lines included.
`LogParser.json_lines(lines)` is the same stream rendered as the `aiops logs parse --json`
contract: one JSON object per input line, ``{"line": N, "group": "<id>", "template": "<text>"}``
(N counts from 1; the template is the group's template as known when the line's block of
`BLOCK_LINES` lines was read; the group id is stable while the template generalises).

Fast path: a line whose *shape* (the whole line with every digit turned into ``0``, but the line
numbers of source locations, see `masking.shapes`) was seen before gets that line's template with
one dictionary lookup: masking depends on no other digits, so two lines of one shape always mask
alike. Shapes are computed for whole blocks of lines with one `str.translate`. The shape table is
bounded by `SHAPE_CHARS`.

Beyond the message, three things found in the first lines group lines: a message id (`msgid`: a
header field or an early message word that names the event), a call site in the header
(`HEADER_LOCATION`), which joins variants of one statement, and in logfmt files the message value
with its call site and the statement's own fields (`fieldevents`), whatever context surrounds them.
The lines of a Python traceback, exception groups and Rich's boxed tracebacks included, are one
event (`TRACEBACK`), and the stack frames of Java, Node, Ruby, Go and .NET one per runtime
(`frames`), with the exception's own lines above them (`_thrown`); the entries of a mapping printed
one per line are one event per quoting style (`dumps`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from aiops.analysis.dumps import Entries
from aiops.analysis.fieldevents import CallSites, FieldEvents
from aiops.analysis.frames import CAUGHT, CHAINED, TRACEBACK, Frames, outside_tracebacks
from aiops.analysis.header import HeaderModel
from aiops.analysis.header_choice import HeaderChoice, choose_header
from aiops.analysis.jsonlines import split_json
from aiops.analysis.masking import SOURCE_EXT, SOURCE_RE, shapes
from aiops.analysis.masking import plain as plain_text
from aiops.analysis.miner import WILD, Template, TemplateMiner, current
from aiops.analysis.msgid import IdEvents, find_id_group, find_id_word, word_at

_FRAME = re.compile(r'File "[^"\n]*", line \d+')
GROUP_OPENER = "+ Exception Group Traceback (most recent call last):"
"""The first line of a Python exception group's traceback (PEP 654, Python 3.11 on)."""
_GROUP_LINE = re.compile(r"\+[-+ ]|\|(?: |$)")
"""A line of a printed exception group past its indentation: ``+`` opens it and each sub-exception
(``+-+---- 1 ----``), ``|`` runs down the side of every line of each part's traceback."""
BOXED = "Traceback (most recent call last)"
"""What the top edge of Rich's boxed traceback (``╭──── Traceback (most recent call last) ────╮``) says;
its frames follow behind ``│``, the bottom edge starts with ``╰``, the exception's line comes after."""
_RAISED = re.compile(r"[A-Za-z_][\w.]*(?::|$)")
_THROWN = re.compile(r"(?:Exception in thread \"[^\"]*\" |Uncaught )?(?:(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*"
                     r"|(?:[A-Z][\w$]*(?:\.|::))*[A-Z]?\w*(?:Error|Exception)(?: \[[A-Z][A-Z0-9_]*\])?|panic)(?::|$)")
"""The line of a thrown exception: its class (Java's qualified name, a name ending in ``Error`` or
``Exception``, Node's with its ``[ERR_CODE]``) or Go's ``panic``, then a colon and its message."""
_FRAME_IDS = ("frame-",)
_THROWN_ABOVE = frozenset({"frame-java", "frame-node", "frame-dotnet", "frame-go"})
"""The runtimes whose trace printer writes the exception's line above the frames (Ruby's backtrace
is most often logged under a message a statement wrote)."""
_JAVA = "frame-java"
_NODE = "frame-node"
MAX_FIELDS = 40
"""Lines of an error's own properties Node may print after its last frame (``{ code: 'EADDRINUSE',
... }``)."""
_WORDY = re.compile(r"[^\W\d_]{2}")
"""A word: a line an exception's message runs on says something (a separator of dashes does not)."""
MAX_RUNS_ON = 12
"""Lines without the header an exception's message may run on for after a bare Python traceback."""
MAX_THROWN = 8
"""Lines a thrown exception's message may run on before its first frame."""
MAX_UNMARKED = 3
"""The same where no header tells the printer's lines from the statements' (a statement's line that
opens with a logger's name looks like an exception's)."""
LEARN_LINES = 400
"""Lines buffered to learn the header before the first result is produced."""
SHAPE_CHARS = 4_000_000
"""Characters of line shapes kept in the fast-path table before it is reset."""
HEADER_LOCATION = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*@\d+\b|[a-z_]\w*:[a-z_]\w*/\d+:\d+|"
                             + SOURCE_RE.pattern)
"""A call site in a header: Java's ``Class@line`` (log4j ``%C{1}@%L``), Erlang's ``module:function/
arity:line``, or a file and line (``reflector.go:148``)."""
HEADER_FILE = re.compile(rf"(?<![\w/.-])(?:[\w.-]+/)*[A-Za-z_][\w-]*\.(?:{SOURCE_EXT})(?![\w.:])")
"""A source file named in a header without a line (h2o's ``[lib/core/proxy.c]``): the module that
logs."""
HEADER_SHARE = 0.5
"""Share of constant words two templates of one header call site must have in common: a logging
framework prints the site of a helper that logs for many callers just as readily."""
MAX_SHAPE = 2_000
"""Longer lines are not kept in the shape table."""
BLOCK_LINES = 2_048


@dataclass(slots=True)
class ParsedLine:
    """One parsed line: its 1-based number, template, message part, header texts and the line."""

    number: int
    template: Template
    message: str
    level_text: str
    time_text: str
    raw: str
    header: bool


class LogParser:
    """Header learning plus a `TemplateMiner`, usable on any line-oriented log."""

    def __init__(self, *, header: HeaderModel | None = None, miner: TemplateMiner | None = None,
                 learn_lines: int = LEARN_LINES) -> None:
        self.header = header
        self.miner_is_new = miner is None
        self.miner = miner or TemplateMiner()
        self.choice: HeaderChoice | None = None
        self.learn_lines = learn_lines
        self._shapes: dict[str, Template] = {}
        self._shape_chars = 0
        self._folds = self.miner.folds
        self.ids: IdEvents | None = None
        self.fields: FieldEvents | None = None
        self.sites: CallSites | None = None
        self._header_sites = CallSites(prefixed=False)
        """Splits the templates of plain lines by the source file their header names."""
        self._header_lines = CallSites(prefixed=False)
        """Splits templates of values only by the call site (file and line) their header names."""
        self._traceback: Template | None = None
        """The one template of every Python traceback's lines (see `TRACEBACK`), once one was seen."""
        self._in_traceback: int | None = None
        """The indentation of the traceback being read, or None."""
        self._in_group: int | None = None
        """The indentation of the exception group being read (`GROUP_OPENER`), or None."""
        self._boxed = ""
        """Where a boxed traceback being read is (`BOXED`): ``open``, ``closed`` (its exception line
        comes next) or nothing."""
        self._raised = False
        """Whether the traceback being read has shown its exception line."""
        self._runs_on = 0
        """Lines the exception's message may still run on for, without the header (see `_tracebacks`)."""
        self._deeper_before = False
        """Whether the line before ran the exception's message on, indented."""
        self._frames = Frames()
        """The stack frames of other runtimes, one template per runtime (see `frames`)."""
        self._entries = Entries()
        """The entries of mappings printed one per line, one template per quoting style (`dumps`)."""
        self._last: Template | None = None
        """The template of the last line of the block before, for a blank line after a trace."""
        self._fields: Template | None = None
        """The frames' template while a Node error's properties are read after its last frame."""
        self._fields_left = 0
        """Lines of those properties still allowed (`MAX_FIELDS`)."""

    def _prime(self, lines: Iterable[str]) -> Iterator[str]:
        """Choose the header from the first lines if needed and seed the miner with a trial run
        over them (see `header_choice`); return an iterator over all lines."""
        iterator = iter(lines)
        if self.choice is not None or (self.header is not None and not self.miner_is_new):
            return iterator
        head = list(islice(iterator, self.learn_lines))
        self.choice = choose_header(head, self.header)
        self.header = self.choice.header
        if self.choice.miner is not None and self.miner_is_new:
            self.miner.seed(self.choice.miner)
        group = find_id_group(self.header, head) if self.header is not None else None
        self.ids = IdEvents(group) if group else None
        if self.ids is None and not (self.header is not None and (self.header.json or self.header.logfmt)):
            position = find_id_word([self.split(line)[0] for line in head])
            self.ids = IdEvents("", word=position) if position is not None else None
        if self.header is not None and self.header.regex is not None:  # a dump's lines after its first carry no header
            self._entries.learn([line for line in outside_tracebacks(head)
                                 if line.strip() and self.header.split(line)[0] is None])
        if self.header is not None and self.header.logfmt:
            self.fields = FieldEvents.learn(head, prefixed=self.header.prefixed)
        elif self.header is not None and self.header.json:
            self.sites = CallSites.learn(head, prefixed=self.header.prefixed)
        return _chain(head, iterator)

    @property
    def templates(self) -> list[Template]:
        """Every template lines were given: the miner's, and those split off by call site or message
        in structured files (`fieldevents`)."""
        extra = ((self.fields.twins if self.fields else []) + (self.sites.twins if self.sites else [])
                 + self._header_sites.twins + self._header_lines.twins + ([self._traceback] if self._traceback else [])
                 + list(self._frames.templates.values()) + list(self._entries.templates.values()))
        return [*self.miner.templates, *(t for t in extra if t.into is None)]

    def split(self, line: str) -> tuple[str, str, str]:
        """(message, level text, time text) of one line under the learned header."""
        return self._split(line)[:3]

    def _split(self, line: str) -> tuple[str, str, str, bool]:
        header = self.header or HeaderModel()
        if header.json or header.logfmt:
            parts = header.structured(line)
            return (*parts, True) if parts is not None else (line, "", "", False)
        match, message = header.split(line)
        if match is None:
            return message, "", "", False
        groups = match.groupdict()
        when = " ".join(groups[name] for name in header.time_groups if groups.get(name))
        return message, groups.get("lv") or "", when, True

    def _mine(self, shape: str, line: str) -> Template:
        """Template of a line whose shape is not in the table yet."""
        header = self.header
        plain = header is not None and header.regex is not None
        match, message = header.split(line) if plain else (None, self.split(line)[0])  # type: ignore[union-attr]
        message = plain_text(message)
        if plain and match is None and message.startswith("{") and message.endswith("}") \
                and (record := split_json(message)) and record[0]:
            message = record[0]  # a JSON record written among text lines: its message, or its fields
        frame = self._frames.event(message)
        if frame is None and match is not None:
            frame = self._frames.event(plain_text(line))  # a loose header may take a frame's fields for its own
        if frame is None:
            frame = self._entries.event(message, continuation=plain and match is None)
        if frame is not None:
            template = frame  # a runtime's stack frame or a printed mapping's entry, no statement's line
        elif self.ids is not None and self.ids.word is not None:
            template = self.ids.event(word_at(message, self.ids.word), self.miner.add(message))
        elif plain and self.ids is not None:
            template = self.miner.add(message)
            if match is not None:
                template = self.ids.event(match.group(self.ids.group), template)
        elif plain:
            template = self.miner.add(message)
            found = HEADER_LOCATION.findall(match.group()) if match is not None else []
            if len(found) == 1:
                template = self.miner.at_location(found[0], template, share=HEADER_SHARE)
                if all(WILD in word for word in template.tokens):
                    template = self._header_lines.at(found[0], template)  # values only: the site tells
            elif len(files := HEADER_FILE.findall(match.group()) if match is not None else []) == 1:
                template = self._header_sites.at(files[0], template)  # one text from two modules
        elif self.fields is not None:
            template = self.fields.event(line, self.miner.add(message))
        elif self.sites is not None:
            template = self.sites.event(line, self.miner.add(message))
        else:
            template = self.miner.add(message)
        if len(shape) <= MAX_SHAPE and not template.shown:
            if self._shape_chars > SHAPE_CHARS:
                self._shapes.clear()
                self._shape_chars = 0
            self._shapes[shape] = template
            self._shape_chars += len(shape)
        return template

    def _refold(self, table: dict[str, Template]) -> None:
        """Point the shape table at the templates that now stand for folded ones."""
        for key, template in table.items():
            if template.into is not None:
                table[key] = current(template)
        self._folds = self.miner.folds

    def _mine_once(self, shape: str, line: str) -> Template:
        """`_mine` for `template_blocks`, which counts every line of a block at the end."""
        template = self._mine(shape, line)
        template.count -= 1
        return template

    def template_blocks(self, lines: Iterable[str]) -> Iterator[tuple[list[str], list[Template]]]:
        """Blocks of (lines, their templates), in input order: the cheapest way to stream a log."""
        iterator = self._prime(lines)
        table = self._shapes
        while True:
            block = list(islice(iterator, BLOCK_LINES))
            if not block:
                return
            keys = shapes(block)
            if self.miner.folds != self._folds:
                self._refold(table)
            found: list[Template | None] = list(map(table.get, keys))
            if None in found:
                for index, hit in enumerate(found):
                    if hit is None:
                        found[index] = table.get(keys[index]) or self._mine_once(keys[index], block[index])
                if self.miner.folds != self._folds:
                    found = [current(t) for t in found]  # type: ignore[arg-type]
                    self._refold(table)
            self._tracebacks(block, found)  # type: ignore[arg-type]
            self._thrown(block, found)  # type: ignore[arg-type]
            for template, count in Counter(found).items():
                template.count += count  # type: ignore[union-attr]
            if self.miner.fold_lists():
                self._refold(table)
            yield block, found  # type: ignore[misc]

    def _tracebacks(self, block: list[str], found: list[Template]) -> None:
        """Give the lines of each Python traceback in `block` one template of their own (see
        `TRACEBACK`); the state carries over to the next block. Indentation counts from where the
        header ends, so a traceback whose every line carries a header (a collector's time stamp)
        reads as one written bare. Where the statements' lines carry a header and the traceback's
        do not, the indented lines without one after the exception line, and a line of words right
        before or after such a line, are its message running on (a YAML parser's error says what it
        expected and shows the place in the document, indented), up to `MAX_RUNS_ON`. An exception
        group's traceback (`GROUP_OPENER`, then lines behind ``|`` and ``+`` marks, nested groups
        indented further) and Rich's boxed traceback (`BOXED`) are the same printer's, and take the
        same template."""
        regex = self.header.regex if self.header is not None else None
        for index, line in enumerate(block):
            if self._in_group is not None:
                indent = len(line) - len(line.lstrip(" \t"))  # written bare, or after a header:
                indent, body = (indent, line) if _GROUP_LINE.match(line, indent) else self._body(line)
                if (indent >= self._in_group and _GROUP_LINE.match(body, indent) is not None) \
                        or not body.strip() or body.startswith(CHAINED, indent):  # a cause or context follows
                    found[index] = self._traceback_template()
                    continue
                self._in_group = None
            if self._boxed and self._in_box(line):
                found[index] = self._traceback_template()
                continue
            if self._in_traceback is not None:
                indent, body = self._body(line)
                between = not body.strip() or body.startswith((*CHAINED, CAUGHT), indent)  # blank, chained, caught
                deeper = indent > self._in_traceback  # a frame, its source line or a marker
                raised = indent == self._in_traceback and _RAISED.match(body, indent) is not None
                runs_on = self._raised and self._runs_on > 0 and regex is not None and regex.match(line) is None \
                    and not between and not line.rstrip().endswith(TRACEBACK) \
                    and (deeper or (_WORDY.search(body) is not None
                                    and (self._deeper_before or self._deeper_next(block, index, regex))))
                self._deeper_before = runs_on and deeper
                if between or runs_on or (not self._raised and (deeper or raised)):
                    self._raised = self._raised or not (between or deeper)  # the exception line
                    if raised and self._opens(block, index):
                        self._raised = False  # its message is another traceback (a child's stderr)
                    self._runs_on -= runs_on
                    found[index] = self._traceback_template()
                    continue
                self._in_traceback = None
            if BOXED not in line:
                continue  # every opener names it: `TRACEBACK`, `GROUP_OPENER` and Rich's top edge
            if self._body(line)[1].lstrip().startswith("╭"):  # Rich's top edge, bare or behind a header
                self._boxed = "open"
                found[index] = self._traceback_template()
                continue
            if line.rstrip().endswith(GROUP_OPENER):
                indent, body = self._body(line)
                if body.startswith(GROUP_OPENER, indent):
                    self._in_group = indent
                    found[index] = self._traceback_template()
                    continue
            if self._opens(block, index):
                self._in_traceback, self._raised = self._body(line)[0], False
                self._runs_on = MAX_RUNS_ON if regex is not None and regex.match(line) is None else 0
                found[index] = self._traceback_template()

    def _in_box(self, line: str) -> bool:
        """Whether `line` belongs to the boxed traceback being read (see `BOXED`): a side of the box,
        its bottom edge, or the exception's line right after it, each read past the header when one
        carries it (a log collector's prefix on every line). Moves the box's state along."""
        text = self._body(line)[1].lstrip()
        if self._boxed == "open" and text.startswith(("│", "╰")):
            self._boxed = "open" if text.startswith("│") else "closed"
            return True
        raised = self._boxed == "closed" and _RAISED.match(text) is not None
        self._boxed = ""
        return raised

    def _traceback_template(self) -> Template:
        """The one template of every Python traceback's lines, made when the first is seen."""
        if self._traceback is None:
            self._traceback = Template(id="tb", tokens=TRACEBACK.split())
            self._traceback.refresh()
        return self._traceback

    def _opens(self, block: list[str], index: int) -> bool:
        """Whether the line at `index` in `block` ends with `TRACEBACK` and a frame follows it."""
        line = block[index]
        return line.rstrip().endswith(TRACEBACK) and index + 1 < len(block) \
            and _FRAME.match(self._body(block[index + 1])[1].lstrip()) is not None

    def _deeper_next(self, block: list[str], index: int, regex: re.Pattern[str]) -> bool:
        """Whether the line after `index` in `block` is indented deeper than the traceback being
        read, without the header (a place an exception's message points at)."""
        if index + 1 >= len(block) or regex.match(block[index + 1]) is not None:
            return False
        indent, body = self._body(block[index + 1])
        return bool(body.strip()) and indent > (self._in_traceback or 0)

    def _thrown(self, block: list[str], found: list[Template]) -> None:
        """Give the lines of a thrown exception right before its first stack frame (the exception's
        own line and the lines its message runs on) the frames' template: the trace printer writes
        them (see `frames`). They run back from the frame, over lines that are neither blank nor
        frames (nor carry the header where the frames carry none), to the nearest line whose message
        names an exception type (`_THROWN`), at most `MAX_THROWN` lines up (`MAX_UNMARKED` where
        the frames carry a header too or no line does). A blank line right after a Java trace is
        the printer's (a layout's line end after the throwable); after a Node frame that ends in
        ``{``, the error's own properties up to the closing ``}`` are too. A trace cut by the end
        of a block keeps the lines before the cut as they are."""
        if not self._frames.templates:  # no frame seen yet: nothing to join
            self._last = found[-1] if found else None
            return
        regex = self.header.regex if self.header is not None else None
        for index in range(len(block)):
            frame, before = found[index], found[index - 1] if index else self._last
            if self._fields is not None:
                body = self._body(block[index])[1]
                if body.rstrip() == "}" or (body[:1].isspace() and self._fields_left):
                    found[index], self._fields_left = self._fields, self._fields_left - 1
                    if body.rstrip() == "}":
                        self._fields = None
                    continue
                self._fields = None
            if frame.id == _NODE and self._body(block[index])[1].rstrip().endswith(" {"):
                self._fields, self._fields_left = frame, MAX_FIELDS  # the error's own properties follow
            if before is not None and before.id == _JAVA and not self._body(block[index])[1].strip():
                found[index] = before  # a blank line right after the trace
                continue
            if before is None or frame.id not in _THROWN_ABOVE or before.id.startswith(_FRAME_IDS):
                continue
            start = at = index
            bare = regex is not None and regex.match(block[index]) is None  # the printer writes no header
            reach = MAX_THROWN if bare else MAX_UNMARKED
            while at > 0 and index - at < reach and not found[at - 1].id.startswith(_FRAME_IDS):
                line = block[at - 1]
                body = self._body(line)[1]
                if not body.strip():
                    break
                at -= 1
                if bare and regex.match(line) is not None:  # type: ignore[union-attr]
                    break  # the statement that logged the exception
                if _THROWN.match(body) is not None:
                    start = at
                    break
            for line_at in range(start, index):
                found[line_at] = frame
        self._last = found[-1] if found else None

    def _body(self, line: str) -> tuple[int, str]:
        """(indentation, text) of `line` past its header, when the header fits it: the blanks the
        header ends with, less the one that separates it from the message, are the message's own
        indentation. A line without a header counts from its start."""
        header = self.header
        match = header.regex.match(line) if header is not None and header.regex is not None else None
        if match is None:
            return len(line) - len(line.lstrip()), line
        end = match.end()
        while end > match.start() and line[end - 1] in " \t":
            end -= 1
        body = line[end:]
        blanks = len(body) - len(body.lstrip(" \t"))
        return max(blanks - 1, 0), body[min(blanks, 1):]

    def parse(self, lines: Iterable[str]) -> Iterator[ParsedLine]:
        """Yield a `ParsedLine` for every line of `lines` (text lines without line ends)."""
        number = 0
        for block, templates in self.template_blocks(lines):
            for line, template in zip(block, templates, strict=True):
                number += 1
                message, level, when, matched = self._split(line)
                yield ParsedLine(number, template, message, level, when, line, matched)

    def json_lines(self, lines: Iterable[str]) -> Iterator[list[str]]:
        """Yield blocks of `--json` output lines (no line ends), one per input line, in order."""
        number = 0
        for _block, templates in self.template_blocks(lines):
            start = number
            number += len(templates)
            yield [f'{{"line": {n}{t.json_tail}' for n, t in enumerate(templates, start + 1)]


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest
