"""Credentials come from environment variables only; the environment file names the variable.

`find_inline_secrets` scans a raw environment file for keys or values that look like secrets written
into the file itself, so they are rejected before anything else reads them: secret-named keys, values
that are credentials, and credentials *inside* values (URL queries and passwords, webhook URLs,
`NAME=value` assignments and `--password VALUE` in argv items, a client's own password option such
as `mysql -pVALUE` (see `secret_flags`), bearer/basic authorization). A
reference to an environment variable (`$NAME`, `${NAME}`) is never a secret.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

from aiops.backends.secret_flags import password_in_command, password_option
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

CREDENTIAL_NAME_RE = re.compile(
    r"(password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|secret[_-]?key"
    r"|private[_-]?key|routing[_-]?key|integration[_-]?key|credentials?|signature"
    r"|(^|[_.-])(pass|pwd|sig|auth))$",
    re.IGNORECASE,
)
"""A name whose value is a credential: `PGPASSWORD`, `MYSQL_PWD`, `AWS_SECRET_ACCESS_KEY`, `--token`."""
QUERY_CREDENTIALS = frozenset({"key", "code", "auth", "sig", "jsessionid", "phpsessid", "sessionid", "sid"})
"""Query (and fragment, and `;path`) parameters that carry a credential although their names are
generic (`?key=` of Google APIs, session ids that stand for a login)."""
USER_FLAGS = frozenset({"-u", "--user", "--proxy-user"})
"""curl's `user:password` options."""
_TOKEN_RE = re.compile(
    r"(?<![A-Za-z0-9])"  # a token starts a word: `risk-adapter-5d6c9b7f8-h2vkn.log` holds no `sk-...` key
    r"(eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+|gh[pousr]_[A-Za-z0-9]{20,}"
    r"|sk-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----)"
)
_AUTH_RE = re.compile(
    r"\b(?:proxy-)?authorization\s*[:=]\s*(?:(?:bearer|basic|token|digest)\s+)?([^\s'\"]+)", re.IGNORECASE
)
_SCHEME_RE = re.compile(r"\b(bearer|basic)\s+([A-Za-z0-9._~+/-]+=*)", re.IGNORECASE)
_URL_RE = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")
_USERINFO_RE = re.compile(r"://[^/@\s:]*:([^/@\s]+)@")
_HEADER_RE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(\S+)")
_ASSIGN_RE = re.compile(r"(?:^|(?<=[\s;&|('\"]))(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=([^\s'\";&|)]*)")
_WEBHOOKS = (
    ("Slack", re.compile(r"^hooks\.slack\.com$"), re.compile(r"^/(services|workflows|triggers)/.")),
    ("Discord", re.compile(r"^(\w+\.)?discord(app)?\.com$"), re.compile(r"^/api/webhooks/.")),
    ("Microsoft Teams", re.compile(r"\.webhook\.office\.com$|^outlook\.office(365)?\.com$"),
     re.compile(r"^/webhook")),
    ("Zapier", re.compile(r"^hooks\.zapier\.com$"), re.compile(r"^/hooks/.")),
    ("Telegram bot", re.compile(r"^api\.telegram\.org$"), re.compile(r"^/bot\d+:")),
)


def _reference(value: str) -> bool:
    """True for a reference to an environment variable, or nothing at all."""
    return not value or value.startswith("$")


def _credential_name(name: str) -> bool:
    bare = name.lstrip("-")
    return bool(CREDENTIAL_NAME_RE.search(bare)) and not bare.lower().endswith(("_env", "_file", "-file", "-env"))


def _token_looking(value: str) -> bool:
    """A bearer/basic credential rather than a word ("bearer tokens come from ...")."""
    return len(value) >= 20 or (len(value) >= 8 and any(ch.isdigit() for ch in value))


def _in_url(url: str) -> str | None:
    if (match := _USERINFO_RE.search(url)) and not _reference(match.group(1)):
        return "credentials in the URL (user:password@host)"
    try:
        parts = urllib.parse.urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    for name, hosts, paths in _WEBHOOKS:
        if hosts.search(host) and paths.search(parts.path):
            return f"a {name} webhook URL (the URL itself is the credential)"
    params = [(f"query (`{n}=`)", n, v) for n, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)]
    params += [(f"fragment (`#{n}=`)", n, v)
               for n, v in urllib.parse.parse_qsl(parts.fragment, keep_blank_values=True)]
    params += [(f"path (`;{n}=`)", n, v) for segment in parts.path.split("/") for piece in segment.split(";")[1:]
               for n, _, v in [piece.partition("=")]]
    for shown, name, value in params:
        if (name.lower() in QUERY_CREDENTIALS or _credential_name(name)) and not _reference(value):
            return f"a credential in the URL {shown}"
    return None


def _with_password(value: str) -> bool:
    """`user:password` (curl's `-u`), not `user` alone (curl then asks) nor `user:$VAR`."""
    user, colon, password = value.partition(":")
    return bool(user and colon and password) and not _reference(password)


def credential_in(text: str, *, previous: str | None = None) -> str | None:
    """What credential `text` carries inside it, or None. `previous` is the argv item before it (so that
    `--password VALUE` is found)."""
    if (match := _TOKEN_RE.search(text)) is not None:
        return f"a credential-shaped token ({match.group(0)[:4]}...)"
    for url in _URL_RE.findall(text):
        if (found := _in_url(url)) is not None:
            return found
    for match in _AUTH_RE.finditer(text):
        if not _reference(match.group(1)):
            return "an Authorization header with its credential"
    for match in _SCHEME_RE.finditer(text):
        if _token_looking(match.group(2)):
            return f"a {match.group(1).lower()} credential"
    if (header := _HEADER_RE.match(text)) and _credential_name(header.group(1)) and not _reference(header.group(2)):
        return f"a {header.group(1)} header with its value"
    for match in _ASSIGN_RE.finditer(text):
        name, value = match.group(1), match.group(2)
        if _credential_name(name) and not _reference(value):
            return f"an assignment of {name if name.startswith('--') else name.lstrip('-')}"
        if name in USER_FLAGS and _with_password(value):
            return f"a password in {name}"
    if previous in USER_FLAGS and _with_password(text):
        return f"a password in {previous}"
    if (program := password_in_command(text)) is not None:
        return f"a password passed as `{program}`"
    flag = previous is not None and previous.startswith("-") and "=" not in previous and _credential_name(previous)
    if flag and not text.startswith("-") and not _reference(text):
        return f"the value of {previous}"
    return None


def _advice(key: str, found: str, in_list: bool) -> str:
    """The error message: what was found (never the value) and what to write instead."""
    if key in {"url", "endpoint"} and ("URL" in found or "webhook" in found):
        return (f"value holds {found}; put the whole URL in an environment variable and name it with "
                "`url_env` (credentials for the endpoint go in `token_env` or `password_env`)")
    if in_list:
        return (f"argument holds {found}; the command inherits the environment aiops runs in: set the "
                "variable there (and refer to it as `$NAME` inside an `sh -c` script); never write the "
                "value into the file")
    return (f"value holds {found}; secrets must come from environment variables: name the variable with "
            "a `*_env` option (`token_env` for a bearer token, `password_env` for basic auth, `url_env` "
            "for a URL that is a credential)")


def find_inline_secrets(data: Any, prefix: str = "", *, _key: str = "", _in_list: bool = False,
                        _previous: str | None = None) -> Iterator[tuple[str, str]]:
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
            yield from find_inline_secrets(value, path, _key=name)
    elif isinstance(data, list):
        argv = [item for item in data if isinstance(item, str)]
        if len(argv) == len(data) and (found := password_option(argv)) is not None:
            where = f"{prefix}.{found[0]}" if prefix else str(found[0])
            yield where, _advice(_key, f"a password passed as `{found[1]}`", True)
            return
        previous: str | None = None
        for index, item in enumerate(data):
            path = f"{prefix}.{index}" if prefix else str(index)
            yield from find_inline_secrets(item, path, _key=_key, _in_list=True, _previous=previous)
            previous = item if isinstance(item, str) else None
    elif isinstance(data, str) and SECRET_VALUE_RE.match(data.strip()):
        yield (
            prefix,
            "value looks like a credential; secrets must come from environment variables (`*_env` keys)",
        )
    elif isinstance(data, str) and (found := credential_in(data, previous=_previous if _in_list else None)):
        yield prefix, _advice(_key, found, _in_list)


def from_env(var: str, *, what: str) -> str:
    """The value of environment variable `var`; a ConfigError naming `what` needs it when unset."""
    value = os.environ.get(var)
    if not value:
        raise ConfigError(f"environment variable {var} is not set (needed for {what})")
    return value
