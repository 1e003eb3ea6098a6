"""Data literals inside a message: a Python or JSON value printed whole (``%r`` of a list, a dict,
a tuple of quoted strings, a bytes object, an object), or a single-quoted string, most often over
several words.

Such a value is one variable of its statement, however many words it prints
(``got message b'{"command": "list", "properties": {}}'``, ``process args: ['/bin/sh', '-c',
'exit 0']``, ``Invalid line: 'junk line 29778'``); split on blanks, it would make one template per
length and per key set. `spans` finds them so that masking can write each as one ``<*>`` (a
string keeps its quotes: ``'<*>'``).

What counts: an opening at the start of a word (or after ``=``, ``:`` or ``(``) of ``b'`` / ``b"``;
``[`` / ``{`` directly followed by a quote or another opening bracket; ``(`` directly followed by a
quote in a tuple (a quoted item followed by a comma); ``<`` and a name, for an object's repr
(``<Handler(id=1, addr='a:1')>``, Python's default ``<pkg.Class object at 0x7f12...>``); a
capitalised name and a parenthesis that opens on ``key=``, a dataclass or namedtuple repr
(``Theme(name='mkdocs', dirs=[...])``), after some text (alone it is the message a ``__str__``
writes, the statement's own); or a single quote. It is closed by its matching bracket or quote,
quotes and backslash escapes respected; a list or dict counts even as one word (Scrapy's
``['partial']`` flags after a request), any other only over a blank (a one-word value is left to the
word rules); and it must end a word. Not counted: gluster-style records of keyed fields
(``[{Key=name}, {errno=2}]``), and quoted strings holding ``key=`` fields or command-line options
(an audit record's ``msg='op=... acct=...'``, a command built by a format, ``'... --name %s --ca
%s'``): their words are the statement's own. Double-quoted text is left alone: it is as often the
statement's own sentence (``"230 Login successful."``) as a value. A value cut short by the program
(Celery's ``saferepr`` ends in ``...``) never closes; when it lists quoted items it runs to the end
of the message, and no literal is looked for after an opening that does not close.
"""

from __future__ import annotations

import re

__all__ = ["spans"]

OPENING = re.compile(r"(?<![^\s=:(])(?:b['\"]|[\[{](?=['\"\[({])|\((?=['\"])|<(?=[A-Za-z_])|'(?=\S)"
                     r"|[A-Z][A-Za-z0-9_]*\((?=[a-z_]\w*=))")
"""Where a data literal may open (see the module docstring)."""
_KEYED = re.compile(r"\{[A-Za-z_][\w.-]*=")
"""A braced ``key=`` field: a record of named fields, not a printed value."""
_CLOSING = {"[": "]", "{": "}", "(": ")"}
_ANGLED = {"<": ">"}
_STRUCTURED = re.compile(r"(?<![^\s'])(?:[A-Za-z_][\w.-]*=|--?[A-Za-z])")
"""Inside a quoted string, ``key=`` fields or command-line options: the statement's own layout
(an audit record's ``msg='op=... acct=...'``, a command built from a format), not a value."""
_OBJECT = re.compile(r"<[A-Za-z_][\w.]*(?:\(.*\)>|\s.*\sat 0x[0-9a-fA-F]+>)>?\Z", re.S)
"""An object printed by its ``repr``: ``<Handler(id=1, addr='a:1')>``, Python's default
``<module.Class object at 0x7f12...>``, or a bound method with its object's default repr inside
(``<bound method Class.name of <module.Class object at 0x7f12...>>``)."""
_FIELDS = re.compile(r", [a-z_]\w*=")
"""A second ``key=`` field after a comma: how Python's dataclass and namedtuple reprs list fields
(a Java ``toString`` often separates them by blanks alone, and a repr alone is the statement's text)."""
_LISTED = ("', ", '", ')
"""A quoted item followed by another: what an unclosed opening must show to be taken as a value."""
_AFTER = ",.;:)]}"
"""Characters that may follow a literal besides a blank (it must end a word)."""


def _quoted_end(text: str, start: int, quote: str) -> int:
    """Index after the `quote` that closes a string whose body starts at `start`, or -1."""
    index, size = start, len(text)
    while index < size:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == quote:
            return index + 1
        index += 1
    return -1


def _end(text: str, start: int) -> int:
    """Index after the literal opening at `start`, or -1 when it does not close."""
    if text[start] == "b":
        return _quoted_end(text, start + 2, text[start + 1])
    if text[start] == "'":
        return _quoted_end(text, start + 1, "'")
    if text[start].isupper():  # a constructor's repr, ``Theme(name='x', dirs=[...])``, from its parenthesis
        return _balanced_end(text, text.index("(", start), _CLOSING)
    return _balanced_end(text, start, _ANGLED if text[start] == "<" else _CLOSING)


def _balanced_end(text: str, start: int, closing: dict[str, str]) -> int:
    """Index after the closer that balances the opener at `start`, counting only the pairs of
    `closing` (an object's repr nests ``<...>``, a data value its brackets) and skipping quoted
    strings; -1 when it does not close or a closer does not match."""
    expected: list[str] = []
    index, size = start, len(text)
    while index < size:
        char = text[index]
        if char in "'\"":
            index = _quoted_end(text, index + 1, char)
            if index < 0:
                return -1
            continue
        if char in closing:
            expected.append(closing[char])
        elif char in closing.values():
            if not expected or expected.pop() != char:
                return -1
            if not expected:
                return index + 1
        index += 1
    return -1


def spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every data literal of `text`, in order (see the module docstring)."""
    found: list[tuple[int, int]] = []
    after = 0
    for opening in OPENING.finditer(text):
        start = opening.start()
        if start < after:
            continue
        end = _end(text, start)
        if end < 0:
            if any(mark in text[start:] for mark in _LISTED):
                found.append((start, len(text)))
            break
        body = text[start:end]
        if ((" " not in body and "\t" not in body and body[0] not in "[{")
                or (body[0].isupper() and (not text[:start].strip() or _FIELDS.search(body) is None))
                or (body[0] == "(" and "'," not in body and '",' not in body)
                or (body[0] == "<" and _OBJECT.match(body) is None)
                or (body[0] == "'" and _STRUCTURED.search(body) is not None)
                or _KEYED.search(body) is not None
                or (end < len(text) and not (text[end].isspace() or text[end] in _AFTER))):
            continue
        found.append((start + 1, end - 1) if body[0] == "'" else (start, end))  # a string keeps its quotes
        after = end
    return found
