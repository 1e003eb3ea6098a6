"""The offline engine as a LangChain chat model: it plays one agent of the team graph.

It is stateless: each call reads the whole message list (system prompt, task, earlier tool calls
and results) and decides the next turn from it, so a paused incident resumes correctly in another
process from the checkpoint alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

from aiops.agents.playbook.conversation import Conversation, parse_messages
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.roles import Role
from aiops.agents.playbook.setup import AgentSetup

log = logging.getLogger(__name__)
MAX_TURNS = 40
"""A turn budget per conversation: past it the agent stops with what it has."""

Step = Callable[[Conversation, AgentSetup], Reply]


def _steps() -> dict[Role, Step]:
    from aiops.agents.playbook import analyst, communicator, diagnostician, orchestrator, remediator

    return {
        Role.ORCHESTRATOR: orchestrator.step,
        Role.ANALYST: analyst.step,
        Role.DIAGNOSTICIAN: diagnostician.step,
        Role.REMEDIATOR: remediator.step,
        Role.COMMUNICATOR: communicator.step,
        Role.WRITER: communicator.step,
    }


class PlaybookChatModel(BaseChatModel):
    """Deterministic engine for one agent; `bind_tools` returns the model itself."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    setup: Any = Field(description="the agent's AgentSetup")
    _tool_names: tuple[str, ...] = PrivateAttr(default=())

    @property
    def _llm_type(self) -> str:
        return "aiops-playbook"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"agent": self.setup.agent, "role": str(self.setup.role)}

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> PlaybookChatModel:  # noqa: ARG002
        """Remember which tools the agent offers (names only); return self."""
        self._tool_names = tuple(
            getattr(t, "name", None) or (t.get("name") if isinstance(t, dict) else str(t)) for t in tools
        )
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        del stop, run_manager, kwargs
        conv = parse_messages(messages)
        reply = self.decide(conv)
        calls = [
            {
                "name": c["name"],
                "args": dict(c["args"]),
                "id": f"pb-{self.setup.agent}-{conv.ai_turns}-{n}",
                "type": "tool_call",
            }
            for n, c in enumerate(reply.calls)
        ]
        message = AIMessage(
            content=reply.text,
            tool_calls=calls,
            usage_metadata={"input_tokens": 0, "output_tokens": 0, "total_tokens": 0},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def decide(self, conv: Conversation) -> Reply:
        """The next turn for this conversation (tool calls the agent lacks are dropped)."""
        if conv.ai_turns >= MAX_TURNS:
            return Reply(text="Stopping: the turn budget of the offline engine is spent.")
        offered = frozenset(self._tool_names)
        setup = replace(self.setup, offered=offered) if offered else self.setup
        try:
            reply = _steps()[setup.role](conv, setup)
        except Exception as exc:  # an engine bug must not take the incident down; the report says it stopped
            log.exception("playbook %s failed", setup.agent)
            return Reply(
                text=f"The offline engine could not continue this step ({type(exc).__name__}: {exc}); "
                "stopping here with the findings so far."
            )
        if offered:
            dropped = [c["name"] for c in reply.calls if c["name"] not in offered]
            if dropped:
                log.warning("playbook %s: tools not offered, skipped: %s", self.setup.agent, dropped)
            reply.calls = [c for c in reply.calls if c["name"] in offered]
        return reply
