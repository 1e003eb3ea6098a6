"""Variables that span a varying number of words (``0 bytes`` / ``1190 bytes (1.16 KB)``, a run of
quoted values such as a command line (``'/bin/check' 'ok'`` / ``'/bin/check' 'ok' 'db1'``),
``lifetime <1 sec`` / ``lifetime 00:02``): two token lists of different lengths are one event when
their skeletons agree, and such a template shows each run of variable text as one ``<*>``.

A reason in parentheses that ends a long message (``Aborted connection <*> to db: ... (KILLED)`` /
``(Got an error writing communication packets)``) is free text: `reason_tail` splits it off, and
messages that agree on everything before it are one event. A closing ``(<*>)`` that holds one value
counts too, so the same value printed over several words elsewhere (``listenurl (http://a/b)`` /
``server_name (nova fjord radio)``) joins it.
"""

from __future__ import annotations

import re

from aiops.analysis.masking import MASK
from aiops.analysis.variables import BOXED_WORD, DESCRIPTION, UNITS

PUNCT = "()[]{},;:<>"
"""Punctuation trimmed from words in a skeleton."""


_QUOTED = re.compile(r"""(['"])[^\s'"]+\1[,;:]?""")
"""One quoted value with no blank in it (``'/usr/bin/check'``, ``"mail1",``): data, as `<*>` is."""


def _pure(token: str) -> bool:
    """A token that is variable text only: `<*>` with punctuation and quotes (``('<*>',``), or one
    quoted value."""
    return (MASK in token and not token.replace(MASK, "").strip(PUNCT + "'\"=")) or bool(_QUOTED.fullmatch(token))


_SIGN = "="
_ARROW_SIGN = "=>"
"""An arrow (``key => value``), which opens no value glued to a sign."""
_QUOTED_ALONE = re.compile(r'"<\*>"|\'<\*>\'')
"""A variable in quotes, nothing else in the token."""
_ARROW = re.compile(r"<+|>+")
"""A run of one angle bracket: the mark a transcript puts before what was sent or received
(``<<< {...}``, ``greylistd: >>> ...``, ``DEBUG: < HELO``); between two values it is part of them
(a shell redirect, ``/bin/cat > /dev/null``; a comparison)."""


def _equals_values(tokens: list[str]) -> list[bool]:
    """Per token: is it the value of an equals sign written apart from its key (``Curr_auth =   None,``
    / ``Curr_auth =Success,``: a ``%7s`` value padded to its width, or filling it)? Such a value is
    variable text, over one word or glued to the sign."""
    out: list[bool] = []
    after = False
    for token in tokens:
        out.append(after or (token[:1] == _SIGN and token[1:2] not in ("", _SIGN)))
        after = token == _SIGN
    return out


def _named_subject(token: str) -> bool:
    """A name in parentheses closing the subject of a message (``neighbor 127.0.0.2 (peerB): ...``):
    the name a program prints beside a value when one is configured, part of that value's run."""
    found = DESCRIPTION.fullmatch(token)
    return found is not None and found.group(1) == ":"


def skeleton(tokens: list[str], *, lead: bool = False) -> tuple[str, ...]:
    """The words of a token list with punctuation trimmed and every run of variable text collapsed
    into one `<*>`: tokens that are only `<*>` and punctuation, unit words right after them
    (``<*> bytes (<*> KB)`` -> ``<*>``) and a name in parentheses closing a subject after them
    (``<*> (peerB):``, `_named_subject`), and the value of an equals sign written apart from its key
    (`_equals_values`); a leading bracketed word, or a leading run before two words or more, is
    dropped (an optional context field such as ``[1.batch]``, ``[  0.502]`` or ``[alice]`` before the
    text, where a bare value before one word, ``221 Logout.``, is the statement's own; with `lead`, a
    leading value that ends in a colon, ``<*>: Shutting down``, is kept as it names the speaker). A
    word or closing bracket ending the message with a colon adds ``:``: the text after it comes
    from elsewhere."""
    out: list[str] = []
    in_run = False
    for index, (token, valued) in enumerate(zip(tokens, _equals_values(tokens), strict=True)):
        if token == _SIGN:
            continue
        if _pure(token) or valued:
            if not in_run:
                out.append(MASK)
            in_run = True
            continue
        core = token.replace(MASK, "").strip(PUNCT)
        if in_run and (core.lower() in UNITS or _named_subject(token)):
            continue
        in_run = False
        if core or MASK in token:
            out.append(token.strip(PUNCT))
        elif _ARROW.fullmatch(token) and not (0 < index < len(tokens) - 1 and _pure(tokens[index - 1])
                                               and _pure(tokens[index + 1])):
            out.append(token)  # a direction mark tells a request from its reply
    boxed = bool(out) and (BOXED_WORD.fullmatch(tokens[0]) is not None
                           or (out[0] == MASK and tokens[0].startswith(("[", "("))))
    if (((len(out) > 2 and out[0] == MASK) or (len(out) > 1 and boxed))
            and not (lead and tokens[0].endswith(":"))):
        del out[0]
    if tokens and tokens[-1].endswith(":") and (tokens[-1][-2:-1].isalnum() or tokens[-1][-2:-1] in (")", "]")):
        out.append(":")  # a colon ending the message introduces what follows: another statement's text
    return tuple(out)


def collapsed_text(tokens: list[str]) -> str:
    """Template text with each run of variable text as one `<*>`, keeping the punctuation that ends
    the run (``close, <*> bytes (<*> KB) sent,`` -> ``close, <*> sent,``) and the brackets it closes
    that a shown word opened (``(Client <*>)`` stays ``(Client <*>)``)."""
    out: list[str] = []
    in_run = False
    shown: list[bool] = []  # per open bracket: opened by a word that is shown
    closed = ""
    pure = [_pure(token) for token in tokens]
    values = [valued and word != _ARROW_SIGN for word, valued in zip(tokens, _equals_values(tokens), strict=True)]
    for index, (token, valued) in enumerate(zip(tokens, values, strict=True)):
        core = token.replace(MASK, "").strip(PUNCT)
        if (len(tokens) > 1 and _QUOTED_ALONE.fullmatch(token) and not in_run
                and not (index + 1 < len(tokens) and pure[index + 1])):
            out.append(token)  # a quoted value amid text keeps its quotes (``=> "<*>" in``)
            continue
        if pure[index] or valued or (in_run and core.lower() in UNITS):
            closed = (closed if in_run else "") + _brackets(token, shown, visible=False)
            trail = closed + token[len(token.rstrip(",;:")):]
            lead = _SIGN if valued and token.startswith(_SIGN) else ""
            if in_run and not lead:
                out[-1] = MASK + trail
            else:
                out.append(lead + MASK + trail)
            in_run = True
            continue
        _brackets(token, shown, visible=True)
        in_run = False
        out.append(token)
    return " ".join(out)


_OPENERS, _CLOSERS = "([{", ")]}"
"""Brackets a run of variable text may open and close."""


def _brackets(token: str, shown: list[bool], *, visible: bool) -> str:
    """Follow the brackets of `token` on the stack `shown` (per open bracket: opened by a shown word),
    its openers pushed as `visible`; return the closers that close a shown word's bracket."""
    closed = ""
    for char in token:
        if char in _OPENERS:
            shown.append(visible)
        elif char in _CLOSERS and shown and shown.pop():
            closed += char
    return closed


MIN_CONTEXT = 5
"""Words that must precede a parenthesised reason for it to count as free text."""
_WORDLIKE = re.compile(r"\(?\[?[A-Za-z][a-z]*[,;:]?\)?\.?")
"""A plain word, maybe opening or closing the group or followed by punctuation, or opening a tag in
brackets (Python's ``[Errno 111] Connection refused``)."""
SHORT_REASON = 3
"""A parenthesised group of this many words or more is free text after a shorter context too
(two words: ``exited: web (exit status 1; not expected)``)."""


def _prose(group: list[str]) -> bool:
    """A group of at least `SHORT_REASON` words, most of them plain words (free text, not a list
    of values such as ``(<*> -> <*>, vhost: '<*>')``)."""
    plain = sum(1 for token in group if _WORDLIKE.fullmatch(token))
    return len(group) >= SHORT_REASON and 2 * plain > len(group)


def value_group(tokens: list[str]) -> bool:
    """True when `tokens` end in a parenthesised or boxed group of one value (``(<*>)``, ``[<*>]``)."""
    return bool(tokens) and (tokens[-1].rstrip(".)") == f"({MASK}" or tokens[-1].rstrip(".]") == f"[{MASK}")


def reason_tail(tokens: list[str], *, loose: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(words before, words of) a parenthesised or boxed group that ends the message, when at least
    `MIN_CONTEXT` words precede it (two for a group of one value); None otherwise. With `loose`,
    any closing group after two words or more (to be matched only against a group of one value)."""
    if not tokens:
        return None
    last = tokens[-1].rstrip(".")
    if last.endswith(")") or tokens[-1] == f"({MASK}":
        opener = "("  # a value masked with its closing parenthesis (as URLs are) ends a group too
    elif last.endswith("]") or tokens[-1] == f"[{MASK}":
        opener = "["
    else:
        return None
    for start in range(len(tokens) - 1, 0, -1):
        if tokens[start].startswith(opener):
            group = tokens[start:]
            if start >= 2 and (loose or (len(group) == 1 and value_group(group))):
                return tuple(tokens[:start]), tuple(group)  # one value now, maybe words elsewhere
            if 2 * sum(MASK in token for token in group) > len(group):
                return None  # a list of values, not a reason
            if start >= MIN_CONTEXT or (start >= 2 and _prose(group)):
                return tuple(tokens[:start]), tuple(tokens[start:])
            return None
    return None
