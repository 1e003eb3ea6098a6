"""Which database holds the state: SQLite files in the state folder (the default, no server), or
PostgreSQL when `AIOPS_DATABASE_URL` is set or an environment file has a `database:` section:

    database:
      url: postgresql://aiops@db.example:5432/aiops
      password_env: AIOPS_DB_PASSWORD     # the name of the variable that holds the password

The environment file read is the one given (`--env`), else `$AIOPS_ENV`, else `env.yaml` in the state
folder, so `aiops incidents list` finds the same database as the `aiops serve` that wrote it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.storage.url import DatabaseURL, parse_url

URL_VAR = "AIOPS_DATABASE_URL"
PASSWORD_VAR = "AIOPS_DATABASE_PASSWORD"  # noqa: S105 - the name of a variable, not a password
SECTION_KEYS = ("url", "password_env", "pool_size")


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    """A PostgreSQL database and where its settings came from (for messages)."""

    url: DatabaseURL
    origin: str
    pool_size: int = 4

    @property
    def shown(self) -> str:
        """The URL with its password masked, and its origin."""
        return f"{self.url.shown} (from {self.origin})"


def parse_section(raw: Any, *, file: str | None, environ: Mapping[str, str] | None = None) -> DatabaseConfig:
    """Check a `database:` section of an environment file; the password comes from `password_env`."""
    environ = os.environ if environ is None else environ
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict):
        raise ConfigError("must be a mapping with `url` (and `password_env`)", file=file, path="database")
    for key in raw:
        if key not in SECTION_KEYS:
            raise ConfigError(f"unknown key; allowed: {', '.join(SECTION_KEYS)}", file=file, path=f"database.{key}")
    url = parse_url(raw.get("url"), f"{file or 'environment file'}: database.url")
    if url.has_password:
        raise ConfigError("a password must not be written in the file; put it in an environment variable and "
                          "name that variable in `password_env`", file=file, path="database.url")
    pool = raw.get("pool_size", 4)
    if not isinstance(pool, int) or isinstance(pool, bool) or not 1 <= pool <= 100:
        raise ConfigError("must be a whole number from 1 to 100", file=file, path="database.pool_size")
    name = raw.get("password_env")
    if name is not None:
        if not isinstance(name, str) or not name.strip():
            raise ConfigError("must be the name of an environment variable", file=file, path="database.password_env")
        if name not in environ:
            raise ConfigError(f"the environment variable {name} (named by database.password_env) is not set",
                              file=file, path="database.password_env")
        url = url.with_password(environ[name])
    return DatabaseConfig(url=url, origin=f"{file or 'environment file'}: database", pool_size=pool)


def _from_env_file(path: Path, environ: Mapping[str, str]) -> DatabaseConfig | None:
    from aiops.core.yamlsafe import load_yaml_data

    data = load_yaml_data(path, what="environment file")
    if not isinstance(data, dict) or data.get("database") is None:
        return None
    return parse_section(data["database"], file=str(path), environ=environ)


def resolve(home: Path | None = None, env_file: str | os.PathLike[str] | None = None,
            environ: Mapping[str, str] | None = None) -> DatabaseConfig | None:
    """The PostgreSQL database to use, or None for SQLite in the state folder.

    `AIOPS_DATABASE_URL` wins (its password may be inline, or in `AIOPS_DATABASE_PASSWORD`); then the
    `database:` section of `env_file`, of `$AIOPS_ENV`, or of `env.yaml` in the state folder `home`."""
    environ = os.environ if environ is None else environ
    if environ.get(URL_VAR, "").strip():
        url = parse_url(environ[URL_VAR], URL_VAR)
        if not url.has_password and environ.get(PASSWORD_VAR):
            url = url.with_password(environ[PASSWORD_VAR])
        return DatabaseConfig(url=url, origin=URL_VAR)
    candidates = [Path(env_file)] if env_file else []
    if environ.get("AIOPS_ENV"):
        candidates.append(Path(environ["AIOPS_ENV"]))
    if home is not None:
        candidates.append(home / "env.yaml")
    for path in candidates:
        if path.is_file():
            found = _from_env_file(path, environ)
            if found is not None:
                return found
    return None
