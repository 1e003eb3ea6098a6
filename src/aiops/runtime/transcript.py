"""`--transcript FILE`: every model request and response as JSON lines."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import BaseMessage, message_to_dict
from langchain_core.outputs import LLMResult

from aiops.core.private import open_private, private_dir


class TranscriptWriter(BaseCallbackHandler):
    """Appends `{"ts", "kind": "request"|"response", "agent", "run_id", ...}` per model call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not self.path.parent.exists():
            private_dir(self.path.parent)
        self._lock = threading.Lock()
        self._agents: dict[UUID, str | None] = {}

    def _write(self, entry: dict[str, Any]) -> None:
        entry = {"ts": datetime.now(UTC).isoformat(), **entry}
        with self._lock, open_private(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, default=str) + "\n")

    def on_chat_model_start(self, serialized: dict[str, Any], messages: list[list[BaseMessage]], *,  # noqa: ARG002
                            run_id: UUID, metadata: dict[str, Any] | None = None, **kwargs: Any) -> None:
        agent = (metadata or {}).get("lc_agent_name")
        self._agents[run_id] = agent
        tools = (kwargs.get("invocation_params") or {}).get("tools")
        self._write({"kind": "request", "agent": agent, "run_id": str(run_id),
                     "messages": [message_to_dict(m) for m in messages[0]] if messages else [], "tools": tools})

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, **kwargs: Any) -> None:  # noqa: ARG002
        generations = [g for batch in response.generations for g in batch]
        self._write({"kind": "response", "agent": self._agents.pop(run_id, None), "run_id": str(run_id),
                     "messages": [message_to_dict(g.message) for g in generations if hasattr(g, "message")]})
