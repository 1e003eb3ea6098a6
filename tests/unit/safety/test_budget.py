"""Budgets: model calls, tokens and wall time per incident; the agent middleware stops a runaway
agent; tool timeouts return a short error."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.tools import tool

from aiops.safety import Budget, BudgetConfig, BudgetExceeded, BudgetUsage, ToolTimeoutError, estimate_tokens
from aiops.safety.middleware import BudgetMiddleware, used_tokens


class Ticker:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class RunawayModel(BaseChatModel):
    """Calls the `ping` tool forever (a compromised or confused model), optionally reporting usage."""

    usage: int | None = None
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "runaway"

    def bind_tools(self, tools: Any, **kwargs: Any) -> RunawayModel:
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        self.calls += 1
        meta = None
        if self.usage is not None:
            meta = {"input_tokens": self.usage - 10, "output_tokens": 10, "total_tokens": self.usage}
        message = AIMessage(
            content="again",
            tool_calls=[{"name": "ping", "args": {}, "id": f"c{self.calls}"}],
            usage_metadata=meta,
        )
        return ChatResult(generations=[ChatGeneration(message=message)])


@tool
def ping() -> str:
    """Return pong."""
    return "pong"


def _agent(model, budget):
    from langchain.agents import create_agent

    return create_agent(model=model, tools=[ping], middleware=[BudgetMiddleware(budget)])


def test_call_limit_is_enforced_and_sticky():
    budget = Budget(BudgetConfig(max_model_calls=3))
    for _ in range(3):
        budget.before_call()
    with pytest.raises(BudgetExceeded) as info:
        budget.before_call()
    assert info.value.limit == "model_calls" and info.value.exit_code == 5
    with pytest.raises(BudgetExceeded):
        budget.check()
    assert budget.usage().exhausted == "model_calls"


def test_token_limit_refuses_a_call_whose_prompt_would_exceed_it():
    budget = Budget(BudgetConfig(max_tokens=1000))
    budget.before_call(400)
    budget.after_call(900)
    with pytest.raises(BudgetExceeded) as info:
        budget.before_call(200)
    assert info.value.limit == "tokens"


def test_token_overshoot_keeps_the_current_answer_and_stops_the_next_call():
    budget = Budget(BudgetConfig(max_tokens=100))
    budget.before_call(10)
    budget.after_call(500)  # no raise: the answer already exists
    with pytest.raises(BudgetExceeded):
        budget.before_call(0)


def test_wall_time_limit():
    ticker = Ticker()
    budget = Budget(BudgetConfig(max_wall_seconds=60), monotonic=ticker)
    budget.before_call()
    ticker.now = 61
    with pytest.raises(BudgetExceeded) as info:
        budget.before_call()
    assert info.value.limit == "wall_seconds"


def test_usage_carries_across_a_resume():
    ticker = Ticker()
    budget = Budget(
        BudgetConfig(max_model_calls=5, max_wall_seconds=100),
        monotonic=ticker,
        used=BudgetUsage(model_calls=5, tokens=10, wall_seconds=3.0),
    )
    assert budget.usage().wall_seconds == 3.0
    with pytest.raises(BudgetExceeded):
        budget.before_call()


def test_estimate_is_conservative():
    assert estimate_tokens("") == 0
    assert estimate_tokens("x" * 400) >= 100  # at least chars / 4


def test_usage_metadata_is_preferred_over_the_estimate():
    message = AIMessage(
        content="hi", usage_metadata={"input_tokens": 90, "output_tokens": 10, "total_tokens": 100}
    )
    assert used_tokens(message, prompt_estimate=5) == 100
    assert used_tokens(AIMessage(content="x" * 30), prompt_estimate=5) == 5 + 10


def test_middleware_stops_a_runaway_agent_at_the_call_limit():
    model = RunawayModel()
    budget = Budget(BudgetConfig(max_model_calls=4))
    with pytest.raises(BudgetExceeded) as info:
        _agent(model, budget).invoke(
            {"messages": [{"role": "user", "content": "go"}]}, {"recursion_limit": 100}
        )
    assert info.value.limit == "model_calls"
    assert model.calls == 4  # the fifth call never reached the model


def test_middleware_charges_reported_tokens():
    model = RunawayModel(usage=300)
    budget = Budget(BudgetConfig(max_tokens=1000, max_model_calls=50))
    with pytest.raises(BudgetExceeded) as info:
        _agent(model, budget).invoke(
            {"messages": [{"role": "user", "content": "go"}]}, {"recursion_limit": 200}
        )
    assert info.value.limit == "tokens"
    assert model.calls == 4 and budget.usage().tokens == 1200


def test_one_budget_is_shared_by_several_agents():
    budget = Budget(BudgetConfig(max_model_calls=5))
    first, second = RunawayModel(), RunawayModel()
    for model in (first, second):
        with pytest.raises(BudgetExceeded):
            _agent(model, budget).invoke(
                {"messages": [{"role": "user", "content": "go"}]}, {"recursion_limit": 100}
            )
    assert first.calls + second.calls == 5


def test_async_middleware_path():
    model = RunawayModel()
    budget = Budget(BudgetConfig(max_model_calls=2))
    with pytest.raises(BudgetExceeded):
        asyncio.run(
            _agent(model, budget).ainvoke(
                {"messages": [{"role": "user", "content": "go"}]}, {"recursion_limit": 100}
            )
        )
    assert model.calls == 2


def test_tool_timeout_returns_a_short_error_and_passes_results_through():
    from aiops.safety import run_with_timeout

    assert run_with_timeout(lambda: 42, 1.0) == 42
    started = time.monotonic()
    with pytest.raises(ToolTimeoutError) as info:
        run_with_timeout(lambda: time.sleep(5), 0.05, label="fetch_logs")
    assert time.monotonic() - started < 2
    assert str(info.value) == "fetch_logs timed out after 0.05 s; try a shorter window or another source"
    with pytest.raises(ZeroDivisionError):
        run_with_timeout(lambda: 1 / 0, 1.0)


def test_tool_timeout_is_a_backend_error_so_tool_wrappers_report_it_as_one_line():
    from aiops.core.errors import BackendError

    assert issubclass(ToolTimeoutError, BackendError)
