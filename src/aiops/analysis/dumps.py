"""Entries of a mapping printed one per line: the lines a pretty-printer writes for a dict or a JSON
object (Python's ``pprint``, ``json.dumps(..., indent=...)``, Node's ``util.inspect``) are one
statement's output, and each entry's key is data as much as its value. An indented line that is a
quoted key, a colon and a value (`` 'stderr': <_io.TextIOWrapper ...>,``, ``    "name": "web",``)
is such an entry, whatever its value's shape or length: the entries of one quoting style share one
event (``'<*>': <*>``). A quoted key at the start of an unindented line names the subject of a
statement (``'/srv/git': not in directory list``) and is left to the miner.

Structures printed one field per line with an unquoted key and ``=`` (``   request-id=2113055``,
``    salt_length = 32``: pyasn1's ``prettyPrint``, a protocol library's packet dump) are the same
kind of output, but an indented ``key=value`` line is as often one statement's own line (a summary
that prints ``  version=%d`` and ``  request-id=%d`` from two calls). What tells a dump is its
keys: `Entries.learn` takes a style of such lines (``=`` written tight, or with a blank before it)
for a dump's when the first lines of the file show `DUMP_KEYS` different keys or more in it, at two
depths of indentation or more, outside Python tracebacks (whose source lines assign). Every line of
that style is then one entry, one event per style (pyasn1 prints some components with an empty
name, ``   =_BindValue:``: a line of the dump too). Node's ``util.inspect`` writes an object's
properties with an unquoted key and a colon (``  statusCode: 200,``); they count as a dump when
the keys are as many and at least `COMMA_SHARE` of them end in a comma, as every property but an
object's last does. The entries followed by another and those that open a nested object or array
are then one event each; an object's last entry, with no comma, reads like a statement's own
``  max: 3`` and is left to the miner."""

from __future__ import annotations

import re

from aiops.analysis.template import WILD, Template

__all__ = ["Entries", "entry_quote"]

_ENTRY = re.compile(r"""\s+(['"])[^'"\s][^'"]{0,199}\1:(?: .*)?""")
"""An indented quoted key of up to 200 characters, its colon, and the value after a blank (or
nothing, where the value opens on the next line)."""


_KEYED = re.compile(r"(\s+)(?:[A-Za-z_][\w.-]{0,99})?( ?=)(.*)")
"""An indented unquoted key of up to 100 characters (or none), ``=`` with or without a blank before
it, and the value (see `keyed_style`)."""
DUMP_KEYS = 10
"""Different keys of one style the first lines must show for that style to be a dump's."""


_COLON = re.compile(r"(\s+)[A-Za-z_$][\w$.-]{0,99}: (\S.*)")
"""An indented unquoted key, a colon and a value: how Node's ``util.inspect`` writes an object's
properties (``  statusCode: 200,``)."""
COMMA_SHARE = 0.3
"""Share of the colon entries of the first lines that must end in a comma for that notation to be
taken for a printed object's (a summary's ``  Version: 1.2`` lines end in none)."""
_TOKENS = {"=": [f"{WILD}={WILD}"], " =": [WILD, "=", WILD], ":,": [f"{WILD}:", f"{WILD},"], ":{": [f"{WILD}:", WILD]}
"""The template's words for each style a dump can be learnt in (a colon's last entry never is)."""


def keyed_style(message: str) -> tuple[str, int] | None:
    """(style, indentation) when `message` is an indented ``key=value``, ``key = value`` or
    ``key: value`` line. The style is ``=`` or `` =`` (the value follows the ``=`` the way the
    style writes it, tight or after a blank, or is absent: a nested structure opens on the next
    line), or for a colon ``:,`` (an entry followed by another), ``:{`` (a nested object or array
    opens) or ``:`` (the last entry)."""
    match = _KEYED.fullmatch(message)
    if match is not None:
        style, value = match.group(2), match.group(3)
        if value and (value[0] == " ") != (style == " ="):
            return None
        return style, len(match.group(1))
    match = _COLON.fullmatch(message)
    if match is None:
        return None
    value = match.group(2).rstrip()
    return (":," if value.endswith(",") else ":{" if value.endswith(("{", "[")) else ":"), len(match.group(1))


def entry_quote(message: str) -> str | None:
    """The quote around the key when `message` is one entry of a mapping printed one per line."""
    match = _ENTRY.fullmatch(message)
    return match.group(1) if match is not None else None


class Entries:
    """One template per quoting style for the entries of printed mappings (see the module docstring)."""

    def __init__(self) -> None:
        self.templates: dict[str, Template] = {}
        self.keyed: set[str] = set()
        """The ``key=value`` styles the first lines showed to be a dump's (`learn`)."""

    def learn(self, messages: list[str]) -> None:
        """Take each style of keyed lines the `messages` (the first lines' messages, tracebacks left
        out) print with `DUMP_KEYS` different keys or more, at two depths or more, for a dump's
        (the colon's three styles counted as one, and only with `COMMA_SHARE` of them in commas)."""
        keys: dict[str, set[str]] = {}
        depths: dict[str, set[int]] = {}
        commas: set[str] = set()
        for message in messages:
            found = keyed_style(message)
            if found is not None:
                style = found[0] if found[0] in ("=", " =") else ":"
                key = re.split("[=:]", message, maxsplit=1)[0].strip()
                keys.setdefault(style, set()).add(key)
                depths.setdefault(style, set()).add(found[1])
                if found[0] == ":,":
                    commas.add(key)
        self.keyed = {style for style, found in keys.items() if len(found) >= DUMP_KEYS and len(depths[style]) > 1}
        if ":" in self.keyed:
            self.keyed.discard(":")  # a last entry (no comma) is left to the miner (see the module docstring)
            if len(commas) >= COMMA_SHARE * len(keys[":"]):
                self.keyed |= {":,", ":{"}

    def event(self, message: str, *, continuation: bool = True) -> Template | None:
        """The entry template `message` belongs to, or None when it is no mapping's entry; with
        `continuation` false (a line that carries the file's header), only a quoted key makes one."""
        quote = entry_quote(message)
        if quote is not None:
            return self._template(quote, [f"{quote}{WILD}{quote}:", WILD])
        keyed = keyed_style(message) if self.keyed and continuation else None
        if keyed is None or keyed[0] not in self.keyed:
            return None
        return self._template(keyed[0], list(_TOKENS[keyed[0]]))  # a template owns its words

    def _template(self, style: str, tokens: list[str]) -> Template:
        template = self.templates.get(style)
        if template is None:
            template = self.templates[style] = Template(id=f"entry{len(self.templates) + 1}", tokens=tokens)
            template.refresh()
        return template
