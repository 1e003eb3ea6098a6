"""The offline `playbook` engine: plays every role of the team graph without an LLM by applying
the knowledge in the team's skills to what the tools return."""

from __future__ import annotations

from typing import Any

from aiops.agents.playbook.model import PlaybookChatModel
from aiops.agents.playbook.setup import AgentSetup, setup_from_context


def create_playbook_model(*, agent: str, context: Any = None) -> PlaybookChatModel:
    """The engine for `agent` (called once per agent by the model factory)."""
    return PlaybookChatModel(setup=setup_from_context(agent, context))


__all__ = ["AgentSetup", "PlaybookChatModel", "create_playbook_model"]
