"""What `aiops serve` runs with: the command line, plus the env file's `serve:` and `notify:` sections.

Secrets are never written in the file: each destination names the environment variable that holds
its secret (`webhook_url_env`, `signing_secret_env`, `url_env`, `secret_env`), like the backends'
`*_env` options. A variable that is named but not set is an error before the server starts (exit 2).

    serve:
      public_url: https://aiops.example.com    # links in messages (default: http://HOST:PORT)
      queue_size: 100                          # waiting investigations before intake answers 429
      environments: {staging: staging.yaml}    # other env files POST /incidents may name as `env`
    notify:
      slack:
        webhook_url_env: SLACK_WEBHOOK_URL     # incoming webhook: messages
        signing_secret_env: SLACK_SIGNING_SECRET  # the Slack app's interactive buttons
        approvers: {U012ABCDEF: alice}         # Slack user id -> approver name (others may not decide)
      webhooks:
        - url_env: HOOK_URL                    # or url: https://... when the URL is not a secret
          secret_env: HOOK_SECRET              # HMAC-SHA256 signature key
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aiops.core.errors import ConfigError

_ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SlackSection(_Strict):
    webhook_url_env: str | None = Field(default=None, pattern=_ENV_NAME)
    signing_secret_env: str | None = Field(default=None, pattern=_ENV_NAME)
    approvers: dict[str, str] = Field(default_factory=dict)
    replay_window_seconds: int = Field(default=300, ge=10, le=3600)


class WebhookSection(_Strict):
    url: str | None = None
    url_env: str | None = Field(default=None, pattern=_ENV_NAME)
    secret_env: str = Field(pattern=_ENV_NAME)


class NotifySection(_Strict):
    slack: SlackSection | None = None
    webhooks: list[WebhookSection] = Field(default_factory=list)
    timeout_seconds: float = Field(default=5, gt=0, le=60)


class ServeSection(_Strict):
    public_url: str | None = None
    queue_size: int = Field(default=100, ge=1, le=100_000)
    environments: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class Destination:
    """A resolved notification destination (secrets read from the environment)."""

    kind: str
    url: str | None
    secret: bytes | None = None


@dataclass
class Settings:
    """Everything the server needs, resolved and checked."""

    home: Path
    team_dir: str
    world: dict[str, Any]
    environments: dict[str, dict[str, Any]] = field(default_factory=dict)
    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 2
    queue_size: int = 100
    public_url: str | None = None
    destinations: list[Destination] = field(default_factory=list)
    slack_signing_secret: bytes | None = None
    slack_approvers: dict[str, str] = field(default_factory=dict)
    slack_window: int = 300
    notify_timeout: float = 5.0
    model_override: str | None = None
    base_url: str | None = None
    grace_seconds: float = 30.0
    poll_seconds: float = 0.1
    lease_seconds: float = 30.0
    env_file: str | None = None

    @property
    def link_base(self) -> str:
        """Where people open the incident pages (for links in messages)."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")


def section(model: type[BaseModel], raw: Any, name: str, file: str | None) -> Any:
    """Validate one section of the env file; ConfigError with the dotted key path."""
    try:
        return model.model_validate(raw or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in (name, *first["loc"]))
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise ConfigError(message, file=file, path=where) from None


def read_env_var(name: str, where: str, file: str | None) -> str:
    """The value of an environment variable named in the config; ConfigError when it is unset."""
    value = os.environ.get(name, "")
    if not value:
        raise ConfigError(f"names the environment variable {name}, which is not set", file=file, path=where)
    return value


def destinations(notify: NotifySection, file: str | None) -> tuple[list[Destination], bytes | None]:
    """The notification destinations and the Slack signing secret, read from the environment."""
    out: list[Destination] = []
    signing = None
    if notify.slack is not None:
        if notify.slack.webhook_url_env:
            out.append(Destination("slack", read_env_var(notify.slack.webhook_url_env,
                                                         "notify.slack.webhook_url_env", file)))
        if notify.slack.signing_secret_env:
            signing = read_env_var(notify.slack.signing_secret_env, "notify.slack.signing_secret_env",
                                   file).encode()
    for i, hook in enumerate(notify.webhooks):
        if bool(hook.url) == bool(hook.url_env):
            raise ConfigError("give one of url and url_env", file=file, path=f"notify.webhooks.{i}")
        url = hook.url or read_env_var(str(hook.url_env), f"notify.webhooks.{i}.url_env", file)
        secret = read_env_var(hook.secret_env, f"notify.webhooks.{i}.secret_env", file).encode()
        out.append(Destination("webhook", url, secret))
    for dest in out:
        if not (dest.url or "").startswith(("http://", "https://")):
            raise ConfigError(f"the {dest.kind} URL must start with http:// or https://", file=file, path="notify")
    return out, signing


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
