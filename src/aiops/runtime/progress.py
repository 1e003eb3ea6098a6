"""Live progress as a tree on stderr: which agent, which tool, which skill it read."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler

from aiops.core.termtext import safe_line

_QUIET_TOOLS = {"ls", "glob", "grep"}


def _short(args: dict[str, Any], limit: int = 70) -> str:
    text = ", ".join(f"{k}={v}" for k, v in args.items() if v not in (None, ""))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProgressTree(BaseCallbackHandler):
    """Prints one line per delegation, tool call and skill read, indented under its agent."""

    def __init__(self, orchestrator: str, stream: TextIO | None = None) -> None:
        self.orchestrator = orchestrator
        self.stream = stream or sys.stderr
        self._started = False
        self._delegations: set[tuple[str, str]] = set()
        self._proposals: set[tuple[str, str]] = set()
        self._decisions: dict[tuple[str, str], Any] = {}

    def _line(self, depth: int, text: str) -> None:
        if not self._started:
            self.stream.write(f"● {self.orchestrator}\n")
            self._started = True
        self.stream.write(("│   " * depth) + "├─ " + safe_line(text, limit=300) + "\n")
        self.stream.flush()

    def on_tool_start(self, serialized: dict[str, Any], input_str: str, *, run_id: UUID,  # noqa: ARG002
                      metadata: dict[str, Any] | None = None, inputs: dict[str, Any] | None = None,
                      **kwargs: Any) -> None:
        name = (serialized or {}).get("name") or kwargs.get("name") or "tool"
        agent = (metadata or {}).get("lc_agent_name") or self.orchestrator
        args = inputs if isinstance(inputs, dict) else _parse(input_str)
        depth = 0 if agent == self.orchestrator else 1
        if name == "task":
            key = (str(args.get("subagent_type")), str(args.get("description")))
            again = " (continues after the decision)" if key in self._delegations else ""
            self._delegations.add(key)
            self._line(0, f"▶ {args.get('subagent_type', '?')}{again}")
        elif name == "read_file" and str(args.get("file_path", "")).endswith("SKILL.md"):
            skill = str(args["file_path"]).rstrip("/").split("/")[-2]
            self._line(depth, f"reads skill {skill}")
        elif name == "execute_remediation":
            key = (str(args.get("action")), str(args.get("target")))
            if key in self._proposals:
                self._line(depth, f"execute_remediation: {self._carried_out(key)}")
            else:
                self._proposals.add(key)
                self._line(depth, f"execute_remediation({_short(args)}) - needs a human decision")
        elif name not in _QUIET_TOOLS:
            self._line(depth, f"{name}({_short({k: v for k, v in args.items() if k != 'runtime'})})")

    def note(self, text: str) -> None:
        """A line from the runtime itself (approval prompts, pauses, verification)."""
        self._line(0, text)

    def _carried_out(self, key: tuple[str, str]) -> str:
        """What happens when the paused tool call runs again with the decision (seen here or on record)."""
        decision = self._decisions.pop(key, None)
        if decision is None:
            return f"carrying out the decision on record for {key[0]} on {key[1]}"
        if decision.kind == "reject":
            return f"{key[0]} on {key[1]} rejected: nothing runs"
        if decision.kind == "edit":
            return (f"carrying out the edited action: {decision.action or key[0]} on {decision.target or key[1]} "
                    f"(instead of {key[0]} on {key[1]})")
        return f"carrying out the approved action: {key[0]} on {key[1]}"

    def decided(self, request: dict[str, Any], decision: Any) -> None:
        """Show the human decision on a proposal (None means the incident pauses)."""
        key = (str(request.get("action")), str(request.get("target")))
        self._proposals.add(key)
        if decision is not None:
            self._decisions[key] = decision
        what = f"{request.get('action')} on {request.get('target')} ({request.get('risk')} risk)"
        if decision is None:
            self.note(f"|| {what}: paused for a decision")
        elif decision.kind == "reject":
            self.note(f"|| {what}: rejected by {decision.approver}: {decision.reason}")
        elif decision.kind == "edit":
            changed = f"{decision.action or request.get('action')} on {decision.target or request.get('target')}"
            self.note(f"|| {what}: edited by {decision.approver} to {changed}")
        else:
            self.note(f"|| {what}: approved by {decision.approver}")


def _parse(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
