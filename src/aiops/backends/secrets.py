"""Credentials come from environment variables only; the environment file names the variable.

`find_inline_secrets` scans a raw environment file for keys or values that look like secrets
written into the file itself, so they are rejected before anything else reads them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from aiops.core.errors import ConfigError

SECRET_KEY_RE = re.compile(
    r"(password|passwd|passphrase|secret|token|api[_-]?key|apikey|authorization|bearer|credential|private[_-]?key)",
    re.IGNORECASE,
)
SECRET_VALUE_RE = re.compile(
    r"^(bearer\s+\S+|basic\s+[A-Za-z0-9+/=]{8,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\..*"
    r"|gh[pousr]_[A-Za-z0-9]{20,}"
    r"|sk-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)$",
    re.IGNORECASE | re.DOTALL,
)
ALLOWED_SUFFIXES = ("_env", "_file")
FREE_FORM_KEYS = frozenset({"services", "queries", "actions", "programs", "workloads", "labels", "selectors"})
"""Mappings whose keys are names (services, metrics, actions), not settings: their keys are not scanned."""


def find_inline_secrets(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Yield `(dotted path, reason)` for every key or value that looks like an inline secret."""
    if isinstance(data, dict):
        free_form = prefix.rsplit(".", 1)[-1] in FREE_FORM_KEYS if prefix else False
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            name = str(key)
            if (
                not free_form
                and SECRET_KEY_RE.search(name)
                and not name.lower().endswith(ALLOWED_SUFFIXES)
                and value not in (None, "", False)
            ):
                yield (
                    path,
                    f"looks like an inline secret; put it in an environment variable and use `{name}_env`",
                )
                continue
            yield from find_inline_secrets(value, path)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from find_inline_secrets(item, f"{prefix}.{index}" if prefix else str(index))
    elif isinstance(data, str) and SECRET_VALUE_RE.match(data.strip()):
        yield (
            prefix,
            "value looks like a credential; secrets must come from environment variables (`*_env` keys)",
        )


def from_env(var: str, *, what: str) -> str:
    """The value of environment variable `var`; a ConfigError naming `what` needs it when unset."""
    value = os.environ.get(var)
    if not value:
        raise ConfigError(f"environment variable {var} is not set (needed for {what})")
    return value
