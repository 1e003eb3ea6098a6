"""Target checks shared by the executors: a target must be a known service with a safe name."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from aiops.core.protocols import Inventory
from aiops.core.types import ActionResult

SAFE_TARGET_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$")


def allowed_targets(configured: Sequence[str] | None, inventory: Inventory) -> list[str]:
    """The executor's configured target list, or else every service the inventory knows."""
    if configured is not None:
        return list(configured)
    return [svc.name for svc in inventory.services()]


class ConfiguredExecutor:
    """Base of executors configured with an action table (`options.actions`) and an optional
    target list (`options.targets`, else the inventory's services)."""

    options: Any
    _inventory: Inventory

    def targets(self) -> list[str]:
        """The targets actions may name."""
        return allowed_targets(self.options.targets, self._inventory)

    def supported_actions(self) -> list[str]:
        return sorted(self.options.actions)

    def refusal(self, action: str, target: str, *, dry_run: bool) -> ActionResult | None:
        """None when `action` on `target` may proceed; otherwise the refusal to return."""
        return check_request(action, target, self.supported_actions(), self.targets, dry_run=dry_run)


def refuse(action: str, target: str, message: str, *, dry_run: bool = False, **details: object) -> ActionResult:
    """An `ok=False` result that did nothing."""
    return ActionResult(action, target, ok=False, message=message, dry_run=dry_run, details=dict(details))


def check_request(
    action: str, target: str, actions: list[str], targets: Callable[[], list[str]], *, dry_run: bool
) -> ActionResult | None:
    """None when `action` on `target` may proceed; otherwise the refusal to return."""
    if action not in actions:
        return refuse(
            action,
            target,
            f"unsupported action {action!r}; supported: {', '.join(sorted(actions))}",
            dry_run=dry_run,
        )
    known = targets()
    if target not in known:
        return refuse(action, target, f"unknown target {target!r}; known: {', '.join(sorted(known))}", dry_run=dry_run)
    if not SAFE_TARGET_RE.match(target):
        return refuse(action, target, f"target {target!r} has characters an executor will not pass on", dry_run=dry_run)
    return None


def tail(text: str | bytes | None, limit: int = 4000) -> str:
    """The last `limit` characters of command or HTTP output."""
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return text if len(text) <= limit else "..." + text[-limit:]
