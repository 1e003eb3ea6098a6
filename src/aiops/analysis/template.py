"""A mined template and the one that stands for it once folded (`current`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiops.analysis.masking import MASK
from aiops.analysis.readable import Shown, render
from aiops.analysis.skeleton import collapsed_text

WILD = MASK
"""The placeholder of a variable in a template."""


def worded(tokens: Sequence[str]) -> bool:
    """True when two tokens or more of `tokens` hold no variable: enough constant text to say which
    statement a message is (a row of values says nothing about a missing or extra one)."""
    return sum(WILD not in token for token in tokens) >= 2


@dataclass(slots=True, eq=False)
class Template:
    """One mined template. `tokens` generalise (positions become `<*>`) as lines join."""

    id: str
    tokens: list[str]
    count: int = 0
    text: str = ""
    json_tail: str = field(default="", repr=False)
    shown: Shown | None = field(default=None, repr=False)
    collapsed: bool = False
    reason_at: int = -1
    into: Template | None = field(default=None, repr=False)
    """The more general template this one was folded into (see `TemplateMiner._absorb`)."""
    folded: list[Template] = field(default_factory=list, repr=False)

    def refresh(self) -> None:
        """Recompute the cached text forms after the tokens changed (a template that took lines with
        variables of another length shows each run of variable text as one `<*>`, a template whose
        closing reason varied shows it as ``(<*>)``, or ``[<*>]`` for a boxed one)."""
        tokens = self.tokens
        if self.reason_at >= 0:
            boxed = self.reason_at < len(tokens) and tokens[self.reason_at].startswith("[")
            tokens = [*tokens[:self.reason_at], f"[{WILD}]" if boxed else f"({WILD})"]
        self.show(collapsed_text(tokens) if self.collapsed else render(tokens, self.shown or {}))

    def show(self, text: str) -> None:
        """Set the text shown for this template (and its cached JSON tail)."""
        self.text = text
        self.json_tail = f', "group": "{self.id}", "template": {json.dumps(self.text)}}}'
        for member in self.folded:  # lines already given a folded template show the live text
            member.text, member.json_tail = self.text, self.json_tail


def current(template: Template) -> Template:
    """The template that now stands for `template` (itself unless it was folded into another)."""
    while template.into is not None:
        template = template.into
    return template
