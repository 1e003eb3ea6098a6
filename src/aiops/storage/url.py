"""Database URLs: parse `postgresql://user[:password]@host[:port]/name[?options]`, and show one
without its password. A password never reaches a message, a log line or a stored record."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

from aiops.core.errors import ConfigError

SCHEMES = ("postgresql", "postgres")
_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<password>[^@/\s]*)@")
_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&\s]*")


def redact_url(text: str) -> str:
    """`text` with every URL password replaced by `***` (in user info and in a `password=` query)."""
    return _QUERY_PASSWORD.sub(r"\1***", _USERINFO.sub(r"\g<scheme>\g<user>:***@", str(text)))


@dataclass(frozen=True, slots=True)
class DatabaseURL:
    """A parsed PostgreSQL URL. `dsn` (with the password) is only ever handed to the driver."""

    dsn: str
    host: str
    port: int
    name: str
    user: str

    @property
    def shown(self) -> str:
        """The URL as it may be printed: the password masked."""
        return redact_url(self.dsn)

    @property
    def has_password(self) -> bool:
        """True when the URL carries a password (in user info or as a query option)."""
        parts = urllib.parse.urlsplit(self.dsn)
        return parts.password is not None or "password" in urllib.parse.parse_qs(parts.query)

    def with_password(self, password: str) -> DatabaseURL:
        """The same URL with `password` in its user info (quoted)."""
        parts = urllib.parse.urlsplit(self.dsn)
        user = urllib.parse.quote(urllib.parse.unquote(parts.username or ""), safe="")
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"
        netloc = f"{user}:{urllib.parse.quote(password, safe='')}@{host}" + (f":{parts.port}" if parts.port else "")
        return parse_url(urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), "")


def parse_url(value: object, where: str) -> DatabaseURL:
    """Check a PostgreSQL URL; ConfigError names `where` (an env var or a file key) and what to fix."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: must be a postgresql:// URL, e.g. postgresql://aiops@db.example:5432/aiops")
    text = value.strip()
    try:
        parts = urllib.parse.urlsplit(text)
        port = parts.port or 5432
    except ValueError as exc:
        raise ConfigError(f"{where}: not a valid URL ({exc}): {redact_url(text)}") from None
    if parts.scheme not in SCHEMES:
        raise ConfigError(f"{where}: the scheme must be postgresql:// (SQLite needs no URL: leave it unset), "
                          f"got {redact_url(text)}")
    name = parts.path.lstrip("/")
    if not parts.hostname and "host=" not in parts.query:
        raise ConfigError(f"{where}: the URL names no host: {redact_url(text)}")
    if not name:
        raise ConfigError(f"{where}: the URL names no database (…/DBNAME at the end): {redact_url(text)}")
    return DatabaseURL(dsn=text, host=parts.hostname or "", port=port, name=urllib.parse.unquote(name),
                       user=urllib.parse.unquote(parts.username or ""))
