"""Stack frames: the lines a runtime's trace printer writes, one per call, are no log statement's.

A Java ``Throwable.printStackTrace`` writes ``at pkg.Class.method(File.java:42)`` for each call and
``... 12 more`` for the calls it left out and ``Caused by: pkg.SomeException: ...`` (or
``Suppressed:``) before the frames of a cause (one event, shown ``at <*>``); Ruby writes
``path/file.rb:42:in `method'`` (its report of an uncaught exception puts ``from`` before each frame
after the first: another printer, another event); Node writes ``at fn (/path/file.js:42:7)``, ``at
/path/file.js:42:7`` or ``at fn (node:net:42:7)``; a Go panic writes ``/path/file.go:42 +0x1d``
under each function; .NET writes ``at NS.Class.Method(String name) in C:\\src\\File.cs:line 42``;
Perl's Carp and Devel::StackTrace write ``Pkg::sub('arg') called at /path/File.pm line 42`` or
``eval {...} at /path/File.pm line 42`` for each call (and a bare ``at /path/File.pm line 42`` where
the message's place went on a line of its own) under the message a ``die`` or ``confess``
wrote; glibc's ``backtrace_symbols``, which C and C++ programs print on a crash, writes
``path(symbol+0xoff) [0xaddr]``, numbered or not (``0. /lib/libx.so(f()+0x16) [0x7f...]``); PHP's
report of an uncaught exception writes ``Stack trace:``, then ``#0 /path/file.php(42): f('arg')`` for
each call and ``#1 {main}``, then ``  thrown in /path/file.php on line 42``. Each
names a file, a line or an address and a function, and no two frames name the same ones, so a miner
that takes a source location for the statement that printed a line makes a template of every frame.
They are one event per printer instead, as the lines of a Python traceback are (`TRACEBACK`). The
exception's own line above the frames (Java's ``java.lang.IllegalStateException: ...``, Node's
``Error: ...``, Go's ``panic: ...``) and the lines its message runs on are the printer's too, as are
a blank line after a Java trace and the properties Node prints after an error's last frame: the
parser gives them the frames' event (`LogParser._thrown`), since only the lines around them tell
them apart from a statement's. Ruby's backtrace is most often logged under a statement's own
message, which stays that statement's.

A line is a frame only when all of it (indentation aside) is one; the parser also tries a line
whole, where a loose header would take a frame's number, path and address for its own fields.
"""

from __future__ import annotations

import re

from aiops.analysis.template import WILD, Template

__all__ = ["CAUGHT", "CHAINED", "FRAME_KINDS", "TRACEBACK", "Frames", "frame_kind", "outside_tracebacks"]

TRACEBACK = "Traceback (most recent call last):"
"""The first line of a Python traceback. From it (when a ``File "...", line N`` frame follows) to
the exception line, with the chained parts after it, the lines are one event: one
``logging.exception`` or ``print_exc`` call writes them all, and their shapes (frames, source
lines, ``^^^`` markers) say nothing about which statement it was. Twisted's ``Failure`` blocks,
which have no frames, are left alone."""
CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
"""How Python opens the line between two chained tracebacks."""
CAUGHT = "--- <exception caught here> ---"
"""The line Twisted's ``Failure`` puts among a traceback's frames, where the exception was caught."""

_JS_PLACE = r"(?:node:[\w/.-]+|[^\s()]*\.[cm]?[jt]sx?|[^\s()]*/[^\s()]*):\d+:\d+"
"""Where a Node frame points: a built-in module or a script, with line and column."""

FRAME_KINDS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("java", re.compile(r"at [\w$.<>/-]+\((?:[\w$-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)"
                        r"(?: ~?\[[^\]\s]*\])?|\.\.\. \d+ (?:more|common frames omitted)"
                        r"|(?:Caused by|Suppressed): (?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:: .*)?"), f"at {WILD}"),
    ("node", re.compile(rf"at (?:async )?(?:new )?(?:[^\s()]+(?: \[as [^\s\]]+\])? "
                        rf"\((?:{_JS_PLACE}|index \d+|native|<anonymous>)\)|{_JS_PLACE})(?: \{{)?"),
     f"at {WILD} ({WILD})"),
    ("dotnet", re.compile(r"at [\w.`<>\[\],+]+\([^()]*\) in .+:line \d+"), f"at {WILD} in {WILD}:line {WILD}"),
    ("ruby-from", re.compile(r"from \S+:\d+:in [`'][^`']+'"), f"from {WILD}:{WILD}:in {WILD}"),
    ("ruby", re.compile(r"\S+:\d+:in [`'][^`']+'"), f"{WILD}:{WILD}:in {WILD}"),
    ("go", re.compile(r"/\S+\.go:\d+(?: \+0x[0-9a-f]+)?"), f"{WILD}.go:{WILD}"),
    ("perl", re.compile(r"(?:(?:\S.* called|\S.*\{\.\.\.\}) +)?at \S+ line \d+\.?"), f"{WILD} at {WILD} line {WILD}"),
    ("native", re.compile(r"(?:[#(\[]?\d+[.:)\]]? +|0x[0-9a-f]+: +)?[^\s(\[]+\(.*\+0x[0-9a-f]+\) ?\[0x[0-9a-f]+\]"),
     f"{WILD}({WILD}) [{WILD}]"),
    ("php", re.compile(r"#\d+ (?:\S.*\(\d+\): \S.*|\{main\}|\[internal function\]: \S.*)"
                       r"|Stack trace:|thrown in \S.* on line \d+"), f"#{WILD} {WILD}"),
)
"""(kind, a whole frame line of that runtime with its indentation removed, the template shown)."""
_SHOWN = {kind: shown for kind, _pattern, shown in FRAME_KINDS}
"""The template shown for each kind."""
_MAX_FRAME = 1_000
"""Longer lines are not frames (a frame names one call)."""


def frame_kind(message: str) -> str | None:
    """The runtime whose stack frame `message` is, all of it (indentation aside), or None."""
    text = message.strip()
    if len(text) > _MAX_FRAME or not (text.startswith(("at ", "... ", "from ", "/", "Caused by: ", "Suppressed: ", "#",
                                                        "Stack trace:", "thrown in "))
                                       or ":in " in text or text.endswith("]") or " line " in text):
        return None
    for kind, pattern, _shown in FRAME_KINDS:
        if pattern.fullmatch(text):
            return kind
    return None


class Frames:
    """One template per runtime for the stack frames of a log (see the module docstring)."""

    def __init__(self) -> None:
        self.templates: dict[str, Template] = {}
        """The frame template of each runtime seen so far, by kind."""

    def event(self, message: str) -> Template | None:
        """The frame template `message` belongs to, or None when it is no frame."""
        kind = frame_kind(message)
        if kind is None:
            return None
        template = self.templates.get(kind)
        if template is None:
            template = self.templates[kind] = Template(id=f"frame-{kind}", tokens=_SHOWN[kind].split())
            template.refresh()
        return template


def outside_tracebacks(lines: list[str]) -> list[str]:
    """`lines` without the lines of Python tracebacks (the ``Traceback`` line, the frames under it,
    the exception line after them, the chained lines between two tracebacks): in a log where many
    statements print one, they are no sample of the header the statements' lines carry. A traceback
    indented as a whole (Twisted's log writes every line after a message's first with a tab before
    it) is read the same way from its own indentation. An exception line that ends in another
    ``Traceback`` line (a child process's stderr as the message) keeps the traceback open. Blank
    lines are expected to be left out already."""
    kept: list[str] = []
    depth: int | None = None
    for line in lines:
        text = line.lstrip()
        indent = len(line) - len(text)
        if text.startswith(CHAINED) or text.rstrip() == TRACEBACK:
            depth = indent
            continue
        if depth is not None:
            if indent > depth:
                continue  # a frame, its source line or a marker
            if indent == depth:
                if not text.rstrip().endswith(TRACEBACK):
                    depth = None  # the exception line closes the traceback
                continue
            depth = None
        kept.append(line)
    return kept
