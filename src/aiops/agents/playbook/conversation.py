"""Reading a conversation: the only state the engine has is the message list it is given.

Everything the engine decides is a function of this view: the system prompt (role, skills list),
the task (the first human message), and every tool call already made with its result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage

_SKILL_PATH = re.compile(r"`(/[^`\s]+/SKILL\.md)`")


@dataclass(frozen=True, slots=True)
class ToolResult:
    """One tool call the agent made and what came back (`content` None while unanswered)."""

    id: str
    name: str
    args: dict[str, Any]
    content: str | None
    artifact: Any = None
    error: bool = False

    @property
    def answered(self) -> bool:
        """True once the tool message for this call is in the conversation."""
        return self.content is not None

    @property
    def data(self) -> dict[str, Any]:
        """The structured artifact, or an empty dict when the tool returned none."""
        return self.artifact if isinstance(self.artifact, dict) else {}


@dataclass(slots=True)
class Conversation:
    """The engine's view of one agent's message list."""

    system: str
    task: str
    calls: list[ToolResult] = field(default_factory=list)
    ai_turns: int = 0
    last_text: str = ""

    def results(self, name: str) -> list[ToolResult]:
        """Answered calls of tool `name`, oldest first."""
        return [c for c in self.calls if c.name == name and c.answered]

    def has_call(self, name: str, **args: Any) -> bool:
        """True when `name` was already called with (at least) these argument values."""
        return any(c.name == name and all(c.args.get(k) == v for k, v in args.items()) for c in self.calls)

    def skill_paths(self) -> list[str]:
        """SKILL.md paths listed in the system prompt, in order, without repeats."""
        return list(dict.fromkeys(_SKILL_PATH.findall(self.system)))


def message_text(message: BaseMessage) -> str:
    """Plain text of a message whatever its content shape (string or content blocks)."""
    content = message.content
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and isinstance(block.get("text"), str):
            parts.append(block["text"])
    return "".join(parts)


def parse_messages(messages: Sequence[BaseMessage]) -> Conversation:
    """Build the view from the messages the model was called with."""
    system = "\n".join(message_text(m) for m in messages if isinstance(m, SystemMessage))
    humans = [m for m in messages if isinstance(m, HumanMessage)]
    conv = Conversation(system=system, task=message_text(humans[0]) if humans else "")
    answers = {m.tool_call_id: m for m in messages if isinstance(m, ToolMessage)}
    for message in messages:
        if not isinstance(message, AIMessage):
            continue
        conv.ai_turns += 1
        conv.last_text = message_text(message) or conv.last_text
        for call in message.tool_calls:
            answer = answers.get(call.get("id") or "")
            conv.calls.append(
                ToolResult(
                    id=call.get("id") or "",
                    name=call["name"],
                    args=dict(call.get("args") or {}),
                    content=message_text(answer) if answer is not None else None,
                    artifact=getattr(answer, "artifact", None) if answer is not None else None,
                    error=bool(answer is not None and getattr(answer, "status", "success") == "error"),
                )
            )
    return conv


def unanswered(calls: Iterable[ToolResult]) -> list[ToolResult]:
    """Calls still waiting for their tool message."""
    return [c for c in calls if not c.answered]
