"""Per-incident budgets: model calls, tokens and wall time, shared by every agent of an incident.

`Budget` is plain Python (no LangChain); `aiops.safety.middleware.BudgetMiddleware` charges it
around every model call. Exhaustion raises `BudgetExceeded` (exit code 5) and stays sticky.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiops.safety.config import BudgetConfig
from aiops.safety.errors import BudgetExceeded

CHARS_PER_TOKEN = 3.0
"""Conservative estimate (real tokenisers average about 4 characters per token in English)."""


def estimate_tokens(text: str) -> int:
    """A conservative token count for `text` when the provider reports no usage."""
    return math.ceil(len(text) / CHARS_PER_TOKEN) if text else 0


@dataclass(frozen=True, slots=True)
class BudgetUsage:
    """What an incident has used so far; `exhausted` names the limit that was hit, if any."""

    model_calls: int
    tokens: int
    wall_seconds: float
    exhausted: str | None = None


class Budget:
    """Counts model calls, tokens and wall time of one incident; thread safe.

    Pass `used` (from a saved `usage()`) to carry the counts across a resume; wall time then
    continues from `used.wall_seconds`.
    """

    def __init__(
        self,
        config: BudgetConfig | None = None,
        *,
        used: BudgetUsage | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config or BudgetConfig()
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._calls = used.model_calls if used else 0
        self._tokens = used.tokens if used else 0
        self._started = monotonic() - (used.wall_seconds if used else 0.0)
        self._exceeded: BudgetExceeded | None = None

    def _elapsed(self) -> float:
        return self._monotonic() - self._started

    def usage(self) -> BudgetUsage:
        """A snapshot of the counts."""
        with self._lock:
            limit = self._exceeded.limit if self._exceeded else None
            return BudgetUsage(self._calls, self._tokens, round(self._elapsed(), 3), limit)

    @property
    def exceeded(self) -> BudgetExceeded | None:
        """The first exhaustion, once one happened."""
        return self._exceeded

    def _fail(self, limit: str, used: float, maximum: float) -> BudgetExceeded:
        if self._exceeded is None:
            self._exceeded = BudgetExceeded(limit, used, maximum)
        return self._exceeded

    def check(self) -> None:
        """Raise `BudgetExceeded` when any limit is already used up (or was before)."""
        with self._lock:
            self._check_locked(0)

    def _check_locked(self, upcoming_tokens: int) -> None:
        if self._exceeded is not None:
            raise self._exceeded
        cfg = self.config
        if self._elapsed() >= cfg.max_wall_seconds:
            raise self._fail("wall_seconds", round(self._elapsed(), 1), cfg.max_wall_seconds)
        if self._calls >= cfg.max_model_calls:
            raise self._fail("model_calls", self._calls, cfg.max_model_calls)
        if self._tokens + upcoming_tokens > cfg.max_tokens:
            raise self._fail("tokens", self._tokens + upcoming_tokens, cfg.max_tokens)

    def before_call(self, prompt_tokens: int = 0) -> None:
        """Charge one model call whose prompt is about `prompt_tokens` long; raise instead when the
        call would exceed a limit (the call must then not be made)."""
        with self._lock:
            self._check_locked(prompt_tokens)
            self._calls += 1

    def after_call(self, tokens: int) -> None:
        """Charge the tokens a call used (input plus output). Overshooting marks the budget
        exhausted: the next `before_call` raises, the current answer is kept."""
        with self._lock:
            self._tokens += max(0, int(tokens))
            if self._tokens > self.config.max_tokens:
                self._fail("tokens", self._tokens, self.config.max_tokens)

    def exhaust(self, limit: str, used: float, maximum: float) -> BudgetExceeded:
        """Mark the budget exhausted from outside (e.g. a step counter); returns the error to raise."""
        with self._lock:
            return self._fail(limit, used, maximum)
