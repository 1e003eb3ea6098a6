"""The one place that assembles the deepagents graph for a team.

The orchestrator is a `create_deep_agent` agent; each delegate is a compiled LangChain agent
made of deepagents' own middleware (filesystem, skills, memory) and handed to the orchestrator's
`task` tool through our `SubAgentMiddleware`. That keeps the team file authoritative: each agent
gets exactly its tools, its skills and the memory — no unconfigured general-purpose helper and
no shell tool — and the approval gate lives in `execute_remediation` itself, so no subagent
setting can drop it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from deepagents import FilesystemMiddleware, MemoryMiddleware, SubAgentMiddleware, create_deep_agent
from deepagents.backends.protocol import BackendProtocol
from deepagents.middleware.patch_tool_calls import PatchToolCallsMiddleware
from deepagents.middleware.skills import SkillsMiddleware
from langchain.agents import create_agent
from langchain.agents.middleware import AgentMiddleware
from langchain_core.language_models import BaseChatModel
from langchain_core.tools import BaseTool
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Checkpointer

from aiops.agents.files import AgentFiles
from aiops.core.errors import ConfigError

FILE_TOOLS = ["ls", "read_file", "glob", "grep", "write_file", "edit_file"]
"""File tools every agent gets: reading skills and memory, notes in the incident's workspace.
No `execute`: agents never get a shell."""

MEMORY_TEMPLATE = """<team_memory>
{agent_memory}
</team_memory>

The team memory above is operational context maintained by the people who run this team. It is
read-only at run time. Use it as background (topology, limits, known failure modes, escalation
rules, recent incidents); when it disagrees with what the tools show now, the tools win."""

SKILLS_TEMPLATE = """## Skills
Your skills hold the team's know-how for your role. Only their names and descriptions are listed
here; read a skill's SKILL.md with `read_file` (limit=1000) before you rely on it, and the data
files next to it when the skill points to them.

{skills_locations}{skills_load_warnings}

{skills_list}"""

DELEGATION_PROMPT = """## Delegation
Hand work to a teammate with the `task` tool. A teammate sees only the description you give it,
so include everything it needs: the alert, the affected service, and the previous teammate's
findings (pass their fenced json block on verbatim)."""


TASK_DESCRIPTION = """Hand a piece of the incident to one teammate and get their answer back.

The teammate starts fresh: it sees only `description`, so write there the alert, the affected
service, what you want from it, and the previous teammate's findings (their fenced json block,
verbatim). Its final answer comes back to you as this tool's result. One teammate per call;
wait for the answer before the next step.

Teammates:
{available_agents}"""


@dataclass(slots=True)
class AgentPlan:
    """Everything needed to build one agent."""

    name: str
    description: str
    system_prompt: str
    model: BaseChatModel
    tools: list[BaseTool]
    files: AgentFiles
    middleware: list[AgentMiddleware] = field(default_factory=list)
    recursion_limit: int = 200


def _file_middleware(plan: AgentPlan, backend: BackendProtocol) -> list[AgentMiddleware]:
    stack: list[AgentMiddleware] = [FilesystemMiddleware(backend=backend, tools=list(FILE_TOOLS))]
    if plan.files.skills_source:
        stack.append(SkillsMiddleware(backend=backend, sources=[(plan.files.skills_source, "Team")],
                                     system_prompt=SKILLS_TEMPLATE))
    if plan.files.memory:
        stack.append(MemoryMiddleware(backend=backend, sources=list(plan.files.memory), system_prompt=MEMORY_TEMPLATE))
    return stack


def build_delegate(plan: AgentPlan, backend: BackendProtocol) -> Any:
    """A delegate: its model, tools, skills and memory; it inherits the parent's checkpointer."""
    middleware = [*_file_middleware(plan, backend), PatchToolCallsMiddleware(), *plan.middleware]
    agent = create_agent(plan.model, tools=plan.tools, system_prompt=plan.system_prompt, middleware=middleware,
                         name=plan.name)
    return agent.with_config({"recursion_limit": plan.recursion_limit})


def build_team_graph(
    orchestrator: AgentPlan,
    delegates: Sequence[AgentPlan],
    *,
    backend: BackendProtocol,
    checkpointer: Checkpointer | None,
) -> CompiledStateGraph:
    """Compile the team: the orchestrator with a `task` tool over the delegates."""
    if not delegates:
        raise ConfigError("a team needs at least one agent besides the orchestrator", path="agents")
    compiled = [
        {"name": plan.name, "description": plan.description, "runnable": build_delegate(plan, backend)}
        for plan in delegates
    ]
    task_middleware = SubAgentMiddleware(backend=backend, subagents=compiled, system_prompt=DELEGATION_PROMPT,
                                         task_description=TASK_DESCRIPTION)
    file_stack = _file_middleware(orchestrator, backend)
    middleware: list[AgentMiddleware] = [file_stack[0], task_middleware, *file_stack[1:], *orchestrator.middleware]
    return create_deep_agent(
        orchestrator.model,
        tools=orchestrator.tools,
        system_prompt=orchestrator.system_prompt,
        middleware=middleware,
        backend=backend,
        checkpointer=checkpointer,
        name=orchestrator.name,
    )
