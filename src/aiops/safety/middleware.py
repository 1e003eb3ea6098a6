"""`BudgetMiddleware`: the LangChain v1 agent middleware that charges an incident `Budget` around
every model call (the only module of `aiops.safety` that imports LangChain).

Add one instance to every agent of the incident, subagents included, all sharing one `Budget`.
Before a call it raises `BudgetExceeded` when the call would pass a limit (the model is not
called); after it, it charges the tokens the provider reports in `usage_metadata` (or a
conservative estimate from the text), so an overshoot stops the next call.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from langchain.agents.middleware import AgentMiddleware, ExtendedModelResponse, ModelRequest, ModelResponse
from langchain_core.messages import AIMessage, BaseMessage

from aiops.safety.budget import Budget, estimate_tokens


def _message_text(message: BaseMessage) -> str:
    content = message.content
    text = content if isinstance(content, str) else json.dumps(content, default=str)
    calls = getattr(message, "tool_calls", None)
    if calls:
        text += json.dumps(calls, default=str)
    return text


def prompt_tokens(request: ModelRequest) -> int:
    """A conservative estimate of the tokens a request sends (system prompt, messages, tools)."""
    parts = [request.system_prompt or ""]
    parts.extend(_message_text(message) for message in request.messages)
    for tool in request.tools:
        if isinstance(tool, dict):
            parts.append(json.dumps(tool, default=str))
        else:
            parts.append(f"{tool.name} {tool.description} {getattr(tool, 'args', '')}")
    return sum(estimate_tokens(part) for part in parts)


def _messages(result: Any) -> list[BaseMessage]:
    if isinstance(result, ExtendedModelResponse):
        result = result.model_response
    if isinstance(result, ModelResponse):
        return list(result.result)
    if isinstance(result, BaseMessage):
        return [result]
    return []


def used_tokens(result: Any, prompt_estimate: int) -> int:
    """Tokens a call used: the provider's `usage_metadata` totals when present, else the prompt
    estimate plus an estimate of the output."""
    messages = _messages(result)
    reported = [m.usage_metadata for m in messages if isinstance(m, AIMessage) and m.usage_metadata]
    if reported:
        return sum(
            int(u.get("total_tokens") or (u.get("input_tokens", 0) + u.get("output_tokens", 0)))
            for u in reported
        )
    return prompt_estimate + sum(estimate_tokens(_message_text(m)) for m in messages)


class BudgetMiddleware(AgentMiddleware):
    """Charges `budget` before and after each model call; raises `BudgetExceeded` when exhausted."""

    def __init__(self, budget: Budget, *, name: str | None = None) -> None:
        super().__init__()
        self.budget = budget
        self._name = name or type(self).__name__

    @property
    def name(self) -> str:
        """The middleware's name (unique within one agent)."""
        return self._name

    def wrap_model_call(self, request: ModelRequest, handler: Callable[[ModelRequest], Any]) -> Any:
        """Check and charge the budget around the model call."""
        estimate = prompt_tokens(request)
        self.budget.before_call(estimate)
        result = handler(request)
        self.budget.after_call(used_tokens(result, estimate))
        return result

    async def awrap_model_call(
        self, request: ModelRequest, handler: Callable[[ModelRequest], Awaitable[Any]]
    ) -> Any:
        """Async twin of `wrap_model_call`."""
        estimate = prompt_tokens(request)
        self.budget.before_call(estimate)
        result = await handler(request)
        self.budget.after_call(used_tokens(result, estimate))
        return result
