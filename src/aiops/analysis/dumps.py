"""Entries of a mapping printed one per line: the lines a pretty-printer writes for a dict or a JSON
object (Python's ``pprint``, ``json.dumps(..., indent=...)``, Node's ``util.inspect``) are one
statement's output, and each entry's key is data as much as its value. An indented line that is a
quoted key, a colon and a value (`` 'stderr': <_io.TextIOWrapper ...>,``, ``    "name": "web",``)
is such an entry, whatever its value's shape or length: the entries of one quoting style share one
event (``'<*>': <*>``). A quoted key at the start of an unindented line names the subject of a
statement (``'/srv/git': not in directory list``) and is left to the miner."""

from __future__ import annotations

import re

from aiops.analysis.template import WILD, Template

__all__ = ["Entries", "entry_quote"]

_ENTRY = re.compile(r"""\s+(['"])[^'"\s][^'"]{0,199}\1:(?: .*)?""")
"""An indented quoted key of up to 200 characters, its colon, and the value after a blank (or
nothing, where the value opens on the next line)."""


def entry_quote(message: str) -> str | None:
    """The quote around the key when `message` is one entry of a mapping printed one per line."""
    match = _ENTRY.fullmatch(message)
    return match.group(1) if match is not None else None


class Entries:
    """One template per quoting style for the entries of printed mappings (see the module docstring)."""

    def __init__(self) -> None:
        self.templates: dict[str, Template] = {}

    def event(self, message: str) -> Template | None:
        """The entry template `message` belongs to, or None when it is no mapping's entry."""
        quote = entry_quote(message)
        if quote is None:
            return None
        template = self.templates.get(quote)
        if template is None:
            template = self.templates[quote] = Template(id=f"entry{len(self.templates) + 1}",
                                                        tokens=[f"{quote}{WILD}{quote}:", WILD])
            template.refresh()
        return template
