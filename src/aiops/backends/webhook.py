"""Webhook executor: POST the approved action as JSON to a URL (a deploy bot, a runbook service).

Body: `{"action", "target", "dry_run", "key", "environment"}`. A 2xx answer is success unless its
JSON says `"ok": false`; a `message` in the answer is passed on. Dry runs are only sent when
`send_dry_run` is set (the receiver must honour `dry_run: true`); otherwise they only report.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field

from aiops.backends.context import BuildContext
from aiops.backends.http import HttpClient
from aiops.backends.options import HttpOptions
from aiops.backends.registry import BackendType
from aiops.backends.targets import ConfiguredExecutor, tail
from aiops.core.errors import BackendError
from aiops.core.types import ActionResult


class WebhookOptions(HttpOptions):
    """`url` (+ auth, TLS), the `actions` the receiver understands, optional `targets`."""

    actions: list[str] = Field(min_length=1)
    targets: list[str] | None = None
    send_dry_run: bool = False
    check_path: str | None = None


class WebhookExecutor(ConfiguredExecutor):
    """Posts each action to one URL."""

    def __init__(self, options: WebhookOptions, ctx: BuildContext) -> None:
        self.options = options
        self.client = HttpClient(options, name="webhook", resolve=ctx.resolve, max_bytes=1024 * 1024)
        self.environment = ctx.spec.name
        self._inventory = ctx.inventory

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult:
        """POST the action (a dry run is only posted with `send_dry_run`)."""
        refusal = self.refusal(action, target, dry_run=dry_run)
        if refusal is not None:
            return refusal
        body = {
            "action": action,
            "target": target,
            "dry_run": dry_run,
            "key": key,
            "environment": self.environment,
        }
        request = {"method": "POST", "url": self.client.shown, "body": body}
        if dry_run and not self.options.send_dry_run:
            return ActionResult(
                action,
                target,
                ok=True,
                dry_run=True,
                message=f"dry run: would POST to {self.client.shown}",
                details={"request": request, "sent": False},
            )
        try:
            status, data = self.client.request("POST", "", body=body)
        except BackendError as exc:
            return ActionResult(
                action,
                target,
                ok=False,
                dry_run=dry_run,
                message=str(exc),
                details={"request": request, "sent": False},
            )
        answer = _json_or_text(data)
        ok = 200 <= status < 300 and not (isinstance(answer, dict) and answer.get("ok") is False)
        said = answer.get("message") if isinstance(answer, dict) else None
        message = f"webhook answered HTTP {status}" + (f": {str(said)[:200]}" if said else "")
        return ActionResult(
            action,
            target,
            ok=ok,
            dry_run=dry_run,
            message=message,
            details={"request": request, "sent": True, "response": {"status": status, "body": answer}},
        )

    def check(self) -> str:
        if self.options.check_path is None:
            return f"not probed (set check_path to probe {self.client.shown})"
        status, _ = self.client.request("GET", self.options.check_path)
        if status >= 500:
            raise BackendError(f"webhook: HTTP {status} from {self.options.check_path}")
        where = self.client.url(self.options.check_path) if self.options.url else self.client.shown
        return f"HTTP {status} from {where}"


def _json_or_text(data: bytes) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return tail(data, 2000)


def build_webhook(options: WebhookOptions, ctx: BuildContext) -> WebhookExecutor:
    """Factory for `executor: {type: webhook}`."""
    return WebhookExecutor(options, ctx)


EXECUTOR = BackendType("executor", "webhook", WebhookOptions, build_webhook, "POST the action as JSON to a URL")
