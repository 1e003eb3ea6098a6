"""Option models shared by several backends: strict base, HTTP endpoint, TLS, credentials by env var."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ENV_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "x-auth-token"})


class Options(BaseModel):
    """Base of every backend's options: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def one_or_many(value: object) -> object:
    """A `{service: path}` mapping whose values may be one string or a list: every value a list."""
    if isinstance(value, dict):
        return {k: [v] if isinstance(v, str) else v for k, v in value.items()}
    return value


def check_env_name(value: str | None) -> str | None:
    """An environment variable *name* (never the secret itself)."""
    if value is not None and not ENV_NAME_RE.match(value):
        raise ValueError(f"{value!r} is not an environment variable name (letters, digits, '_')")
    return value


class TlsOptions(Options):
    """TLS settings: a CA bundle to trust, a client certificate, or (for test setups) no verification."""

    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    insecure: bool = False


class HttpOptions(Options):
    """An HTTP(S) endpoint with optional bearer token or basic auth, both read from env vars.

    `url_env` names an environment variable holding the URL instead, for endpoints whose URL is itself
    a credential (Slack and Teams webhooks, signed URLs); it is read when the backend is built."""

    url: str = ""
    url_env: str | None = None
    timeout_s: float = Field(default=10.0, gt=0, le=600)
    token_env: str | None = None
    username: str | None = None
    password_env: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    tls: TlsOptions = Field(default_factory=TlsOptions)

    _check_token = field_validator("token_env", "password_env", "url_env")(check_env_name)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value:
            return value
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("must be an http:// or https:// URL")
        if re.match(r"^https?://[^/@\s]*:[^/@\s]*@", value):
            raise ValueError("credentials in the URL are not allowed; use username + password_env")
        return value.rstrip("/")

    @field_validator("headers")
    @classmethod
    def _headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if name.lower() in SECRET_HEADERS:
                raise ValueError(f"header {name!r} carries a credential; use token_env or password_env instead")
        return value

    @model_validator(mode="after")
    def _one_endpoint(self) -> HttpOptions:
        if self.url and self.url_env:
            raise ValueError("give `url` or `url_env` (an environment variable holding the URL), not both")
        if not self.url and not self.url_env:
            raise ValueError("needs `url` (or `url_env`: an environment variable holding a URL that is a credential)")
        return self
