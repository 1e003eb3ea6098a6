"""A scripted chat model: replays a per-agent script of replies. Drives tests and config trials
without a key; never a stand-in for the offline engine (that is `playbook`).

A script is a list of steps; step *n* answers the agent's *n*-th model call within one
invocation (counted as the AI messages already in the conversation, so it also lines up after a
resume in another process). A step is a mapping `{"content": str, "tool_calls": [{"name", "args"}]}`
or a callable `(messages) -> mapping` for replies that depend on what the agent has seen.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import ConfigDict, Field, PrivateAttr

Step = Mapping[str, Any] | Callable[[Sequence[BaseMessage]], Mapping[str, Any]]


class ScriptedChatModel(BaseChatModel):
    """Replays `steps`; after the last step it repeats a final step that ends the turn."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    agent: str = "agent"
    steps: list[Any] = Field(default_factory=list)
    final: str = "done"
    _bound_tools: list[dict[str, Any]] = PrivateAttr(default_factory=list)
    _requests: list[list[BaseMessage]] = PrivateAttr(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "aiops-scripted"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"agent": self.agent}

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedChatModel:  # noqa: ARG002
        """Record the tool schemas the agent would offer a model; return self (no binding needed)."""
        self._bound_tools = [convert_to_openai_tool(tool) for tool in tools]
        return self

    @property
    def bound_tools(self) -> list[dict[str, Any]]:
        """Tool schemas from the last `bind_tools` call (what a real model would see)."""
        return list(self._bound_tools)

    @property
    def requests(self) -> list[list[BaseMessage]]:
        """Every message list this model was called with, in order."""
        return list(self._requests)

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,  # noqa: ARG002
                  run_manager: Any = None, **kwargs: Any) -> ChatResult:  # noqa: ARG002
        self._requests.append(list(messages))
        index = sum(1 for message in messages if isinstance(message, AIMessage))
        step: Step = self.steps[index] if index < len(self.steps) else {"content": self.final}
        reply = step(messages) if callable(step) else step
        calls = [
            {"name": call["name"], "args": dict(call.get("args", {})),
             "id": call.get("id") or f"{self.agent}-{index}-{n}", "type": "tool_call"}
            for n, call in enumerate(reply.get("tool_calls", []))
        ]
        message = AIMessage(content=reply.get("content", ""), tool_calls=calls,
                            usage_metadata={"input_tokens": 0, "output_tokens": 0, "total_tokens": 0})
        return ChatResult(generations=[ChatGeneration(message=message)])


def load_script_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Read a JSON or YAML script file: `{agent_name: [steps...]}`."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".yaml", ".yml"}:
        from aiops.core.yamlsafe import parse_yaml

        data = parse_yaml(text, str(path), what="script file").data
    else:
        data = json.loads(text)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        from aiops.core.errors import ConfigError

        raise ConfigError("a script maps each agent name to a list of steps", file=str(path))
    return data
