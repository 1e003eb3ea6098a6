"""Running a blocking call with a time limit (tool calls to backends)."""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable
from typing import TypeVar

from aiops.safety.errors import ToolTimeoutError

T = TypeVar("T")


def run_with_timeout(fn: Callable[[], T], seconds: float, *, label: str = "tool") -> T:
    """`fn()` if it finishes within `seconds`, else raise `ToolTimeoutError` whose message is the short
    text for the agent. Exceptions of `fn` propagate unchanged.

    Python cannot stop a thread: a timed-out call keeps running in a daemon thread and its result
    is discarded. Use it for reads; never for the executor (an action must not run unobserved).
    """
    outcome: dict[str, object] = {}
    context = contextvars.copy_context()

    def target() -> None:
        try:
            outcome["value"] = context.run(fn)
        except BaseException as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=target, name=f"aiops-timeout-{label}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise ToolTimeoutError(label, seconds)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
