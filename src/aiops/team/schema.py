"""Pydantic schema of a team folder's `team.yaml`. Unknown keys are errors everywhere."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from aiops.safety.config import PolicyConfig

NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,62}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModelOptions(_Strict):
    """Options for one agent's model. `base_url` selects an OpenAI-compatible server
    (chat-completions API); `api_key_env` names the variable holding its key."""

    base_url: str | None = None
    api_key_env: str | None = None
    temperature: float | None = Field(default=None, ge=0, le=2)
    max_tokens: int | None = Field(default=None, ge=1)
    timeout_seconds: float | None = Field(default=None, gt=0)


class AgentSpec(_Strict):
    """One agent. `model` is a `provider:model` string or a tier alias from `models:` (the team's
    `default_model` when omitted); exactly one of `system_prompt` / `prompt_file` gives its role
    prompt. `memory` replaces the team's memory list for this agent (`[]`: no memory); omitted, the
    agent gets the team's. Skills are folder names under the team's `skills_dir`."""

    description: str = Field(min_length=1)
    model: str | None = None
    model_options: ModelOptions | None = None
    system_prompt: str | None = None
    prompt_file: str | None = None
    tools: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    memory: list[str] | None = None

    @model_validator(mode="after")
    def _one_prompt(self) -> AgentSpec:
        if (self.system_prompt is None) == (self.prompt_file is None):
            raise PydanticCustomError("prompt_choice", "give exactly one of `system_prompt` or `prompt_file`")
        return self

    @field_validator("tools", "skills")
    @classmethod
    def _no_duplicates(cls, values: list[str]) -> list[str]:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                raise ValueError(f"{value!r} is listed twice")
            seen.add(value)
        return values


class TeamSpec(_Strict):
    """A whole team: the orchestrator plus its delegates, shared memory, model tiers, policy.

    Paths (`memory`, `skills_dir`, agents' `prompt_file`) are relative to the team folder."""

    version: int = Field(default=1, ge=1, le=1)
    name: str = "default"
    orchestrator: str
    models: dict[str, str] = Field(default_factory=dict)
    default_model: str | None = None
    memory: list[str] = Field(default_factory=lambda: ["AGENTS.md"])
    skills_dir: str = "skills"
    agents: dict[str, AgentSpec]
    policy: PolicyConfig = Field(default_factory=PolicyConfig)

    @field_validator("agents")
    @classmethod
    def _agent_names(cls, agents: dict[str, AgentSpec]) -> dict[str, AgentSpec]:
        for name in agents:
            if not NAME_RE.match(name):
                raise ValueError(
                    f"agent name {name!r} must be lower-case letters, digits, '_' or '-', "
                    "starting with a letter"
                )
        return agents

    @model_validator(mode="after")
    def _orchestrator_exists(self) -> TeamSpec:
        if self.orchestrator not in self.agents:
            raise PydanticCustomError(
                "orchestrator_unknown",
                "orchestrator '{name}' is not one of the agents ({known})",
                {"name": self.orchestrator, "known": ", ".join(self.agents)},
            )
        return self

    @property
    def delegates(self) -> list[str]:
        """Every agent but the orchestrator, in file order."""
        return [name for name in self.agents if name != self.orchestrator]
