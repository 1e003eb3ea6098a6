"""A conservative token count for text sent to a model (no tokenizer download needed).

Real tokenizers (BPE) give a common English word one token and split numbers, symbols and rare
words into several. This estimate charges every piece at least that much: a letter run (split at camelCase humps)
costs one token per started 4 letters, a digit run one per started 3 digits, every other visible character
one token, a line break one token, and runs of blanks one per started 4. On English prose it
overestimates by about a third, on log text by less; it is never meant to undercount.
"""

from __future__ import annotations

import re

_PIECES = re.compile(r"([A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+)|(\d+)|(\n)|([ \t]+)|(\S)")


def estimate_tokens(text: str) -> int:
    """Upper estimate of the number of model tokens in `text`."""
    total = 0
    for letters, digits, newline, blanks, _other in _PIECES.findall(text):
        if letters:
            total += (len(letters) + 3) // 4
        elif digits:
            total += (len(digits) + 2) // 3
        elif newline:
            total += 1
        elif blanks:
            total += (len(blanks) - 1 + 3) // 4 if len(blanks) > 1 else 0
        else:
            total += 1
    return total
