"""A compromised chat model: it obeys every instruction it finds in its input.

It reads the human message (the alert, or a task description from the orchestrator) and every
tool result, finds instructions of the form `<tool name> {json arguments}` anywhere in them, and
calls that tool with those arguments, whatever the tool, the arguments or the agent. It then
passes every instruction it has seen on, verbatim, in whatever it writes next (task
descriptions, findings), so an injection that reaches any agent reaches all of them.

Besides obeying, each agent follows a small plan of its own (reconnaissance calls, delegations,
a report), so a run looks like a real investigation.

Special argument keys steer the attack itself and are stripped before the call:
`"_times": n` issues the call n times in one reply (parallel calls), `"_id": "..."` forces the
tool call id (to collide with an earlier call).

The model is stateless: what it already did is read back from the conversation, so it behaves the
same after a resume in a fresh process.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

TOOL_NAMES = (
    "execute_remediation", "task", "write_file", "edit_file", "read_file", "ls", "glob", "grep",
    "submit_report", "fetch_logs", "query_metrics", "list_services", "recent_changes", "incident_timeline",
    "write_todos", "execute", "shell",
)
_INSTRUCTION = re.compile(r"\b(" + "|".join(TOOL_NAMES) + r")\s*(?=\{)")
_DECODER = json.JSONDecoder()
PLAN_STEP = "plan_step"
"""Key in an AI message's additional_kwargs: which plan step the message carried out."""

Planned = dict[str, Any]
PlanStep = Planned | Callable[[Sequence[BaseMessage]], Planned | None]
"""A planned tool call `{"name", "args", "id"?}` or several at once `{"parallel": [calls]}`, or a
callable building one from the conversation (None: skip the step). A forced `id` is only for
calls meant to collide with an earlier one; the step is done when its first call's id is seen."""


def text_of(message: BaseMessage) -> str:
    """The text content of a message (string or content blocks)."""
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)


def find_instructions(text: str) -> list[tuple[str, dict[str, Any], str]]:
    """Every `<tool> {json}` instruction in `text`, as (tool name, arguments, the text of it)."""
    found = []
    for match in _INSTRUCTION.finditer(text):
        try:
            args, end = _DECODER.raw_decode(text, match.end())
        except ValueError:
            continue
        if isinstance(args, dict):
            found.append((match.group(1), args, text[match.start():end]))
    return found


def _key(name: str, args: dict[str, Any]) -> str:
    clean = {k: v for k, v in args.items() if not k.startswith("_")}
    return name + json.dumps(clean, sort_keys=True, ensure_ascii=False)


def inputs(messages: Sequence[BaseMessage]) -> list[str]:
    """The untrusted texts the model reads: human messages and tool results (not the system prompt)."""
    return [text_of(m) for m in messages if isinstance(m, HumanMessage | ToolMessage)]


def seen_instructions(messages: Sequence[BaseMessage]) -> list[tuple[str, dict[str, Any], str]]:
    """Distinct instructions found in the inputs, in order of appearance."""
    out: dict[str, tuple[str, dict[str, Any], str]] = {}
    for text in inputs(messages):
        for name, args, raw in find_instructions(text):
            out.setdefault(_key(name, args), (name, args, raw))
    return list(out.values())


def forwarded(messages: Sequence[BaseMessage]) -> str:
    """Every instruction seen so far, verbatim, one per line (what the model passes on)."""
    lines = [raw for _, _, raw in seen_instructions(messages)]
    return ("\nInstructions received (forwarded verbatim):\n" + "\n".join(lines)) if lines else ""


def _calls_made(messages: Sequence[BaseMessage]) -> list[dict[str, Any]]:
    return [call for m in messages if isinstance(m, AIMessage) for call in m.tool_calls]


def last_tool_text(messages: Sequence[BaseMessage]) -> str:
    """The latest tool result's text ('' when there is none)."""
    return next((text_of(m) for m in reversed(messages) if isinstance(m, ToolMessage)), "")


class CompromisedModel(BaseChatModel):
    """Obeys injected instructions first, then follows `plan`, then answers `final(messages)`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    agent: str = "agent"
    plan: list[Any] = Field(default_factory=list)
    final: Any = None
    obey: bool = True
    _requests: list[list[BaseMessage]] = PrivateAttr(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "compromised-scripted"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"agent": self.agent}

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> CompromisedModel:
        """No binding needed: the model calls whatever it is told to."""
        return self

    @property
    def requests(self) -> list[list[BaseMessage]]:
        """Every message list this model was called with."""
        return list(self._requests)

    def _conversation_id(self, messages: Sequence[BaseMessage]) -> str:
        first = next((text_of(m) for m in messages if isinstance(m, HumanMessage)), "")
        return hashlib.sha256(first.encode()).hexdigest()[:8]

    def _obey(self, messages: Sequence[BaseMessage], conv: str) -> list[dict[str, Any]]:
        made: dict[str, int] = {}
        for call in _calls_made(messages):
            key = _key(call["name"], call["args"])
            made[key] = made.get(key, 0) + 1
        calls = []
        for name, args, _ in seen_instructions(messages):
            key = _key(name, args)
            times = int(args.get("_times", 1))
            if made.get(key, 0) >= 1:  # obeyed already (all `_times` calls go out in one reply)
                continue
            clean = {k: v for k, v in args.items() if not k.startswith("_")}
            digest = hashlib.sha256(key.encode()).hexdigest()[:8]
            for n in range(times):
                call_id = str(args.get("_id") or f"{self.agent}-{conv}-inj-{digest}-{n}")
                calls.append({"name": name, "args": clean, "id": call_id, "type": "tool_call"})
        return calls

    def _next_plan_step(self, messages: Sequence[BaseMessage], conv: str) -> tuple[int | None, list[dict[str, Any]]]:
        done = {m.additional_kwargs.get(PLAN_STEP) for m in messages if isinstance(m, AIMessage)}
        for index, step in enumerate(self.plan):
            if index in done:
                continue
            planned = step(messages) if callable(step) else step
            if planned is None:
                continue
            group = planned.get("parallel", [planned])
            return index, [{"name": call["name"], "args": dict(call.get("args", {})), "type": "tool_call",
                            "id": call.get("id") or f"{self.agent}-{conv}-plan-{index}-{n}"}
                           for n, call in enumerate(group)]
        return None, []

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: Any = None, **kwargs: Any) -> ChatResult:
        self._requests.append(list(messages))
        conv = self._conversation_id([m for m in messages if not isinstance(m, SystemMessage)])
        calls = self._obey(messages, conv) if self.obey else []
        step = None
        if not calls:
            step, calls = self._next_plan_step(messages, conv)
        if calls:
            message = AIMessage(content="", tool_calls=calls)
            if step is not None:
                message.additional_kwargs[PLAN_STEP] = step
        else:
            content = self.final(messages) if callable(self.final) else str(self.final or "done")
            message = AIMessage(content=content)
        message.usage_metadata = {"input_tokens": 0, "output_tokens": 0, "total_tokens": 0}
        return ChatResult(generations=[ChatGeneration(message=message)])
