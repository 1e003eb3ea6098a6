"""The loaded team: every agent resolved (model string, prompt text, skills found, memory files) and
helpers to reach the skills' data files. Frozen dataclasses built only by `load_team`; treat the
`agents` mapping as read-only (it is a plain dict so that a Team can be pickled and deep-copied)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from aiops.core.errors import ConfigError
from aiops.team.schema import ModelOptions, TeamSpec
from aiops.team.skills import SkillRef, skill_name_problem
from aiops.team.yamlsafe import load_yaml_file

Role = Literal["orchestrator", "delegate"]


@dataclass(frozen=True, slots=True)
class AgentView:
    """One agent as the graph builder needs it. `model` is a resolved `provider:model` string (or a
    built-in engine name); `model_tier` is the `models:` alias it came from, if any."""

    name: str
    role: Role
    description: str
    model: str
    model_tier: str | None
    model_options: ModelOptions | None
    system_prompt: str
    prompt_file: Path | None
    tools: tuple[str, ...]
    skills: tuple[SkillRef, ...]
    memory: tuple[Path, ...]

    @property
    def skill_names(self) -> list[str]:
        """Names of the skills this agent has."""
        return [skill.name for skill in self.skills]


@dataclass(frozen=True, slots=True)
class Team:
    """A validated team folder. `agents` keeps the file order; the orchestrator is one of them."""

    dir: Path
    file: Path
    spec: TeamSpec
    agents: Mapping[str, AgentView]
    orchestrator: str
    delegates: tuple[str, ...]
    memory: tuple[Path, ...]
    skill_data: Mapping[str, Any] = field(default_factory=dict)
    """The skills' data files checked at load (`aiops.team.skilldata`), by kind."""

    def data(self, kind: str) -> Any:
        """The parsed data file of `kind` (signatures, failure_modes, runbooks); ConfigError naming the
        missing file when the team has none."""
        from aiops.team.skilldata import data_path

        if kind not in self.skill_data:
            raise ConfigError("missing: the safety policy, the runtime and the offline engine read this file; "
                              "copy it from `aiops team init`", file=str(data_path(self.skills_root, kind)),
                              path="(file)")
        return self.skill_data[kind]

    @property
    def name(self) -> str:
        """The team's name from the file."""
        return self.spec.name

    @property
    def skills_root(self) -> Path:
        """The folder holding one sub-folder per skill."""
        return self.dir / self.spec.skills_dir

    @property
    def skills(self) -> dict[str, SkillRef]:
        """Every skill some agent lists, by name (file order)."""
        return {skill.name: skill for view in self.agents.values() for skill in view.skills}

    @property
    def memory_files(self) -> tuple[Path, ...]:
        """Every memory file some agent loads, in agent order, without repeats."""
        seen: dict[Path, None] = {}
        for view in self.agents.values():
            seen.update(dict.fromkeys(view.memory))
        return tuple(seen)

    def agent(self, name: str) -> AgentView:
        """One agent by name; ConfigError listing the agents when unknown."""
        if name not in self.agents:
            raise ConfigError(f"no agent {name!r}; agents: {', '.join(self.agents)}", file=str(self.file),
                              path="agents")
        return self.agents[name]

    def skill_dir(self, skill: str) -> Path:
        """The folder of skill `skill` under `skills_dir` (it must exist; it need not be listed)."""
        problem = skill_name_problem(skill)
        if problem:
            raise ConfigError(f"skill name {skill!r} {problem}", file=str(self.file), path="skills_dir")
        folder = self.skills_root / skill
        if not folder.is_dir():
            raise ConfigError(f"the team has no skill folder {skill!r} under {self.skills_root}",
                              file=str(self.file), path="skills_dir")
        return folder

    def skill_file(self, skill: str, filename: str) -> Path:
        """A file inside a skill folder, such as `remediation/runbooks.yaml`; ConfigError if missing."""
        folder = self.skill_dir(skill)
        rel = PurePosixPath(filename)
        path = folder / rel
        if not filename or rel.is_absolute() or ".." in rel.parts or "\\" in filename or not path.is_file():
            raise ConfigError(f"the {skill} skill has no file {filename!r}", file=str(path), path="(file)")
        return path

    def load_skill_data(self, skill: str, filename: str, key: str | None = None) -> Any:
        """Parse a skill's YAML data file strictly; with `key`, return that top-level key (required)."""
        doc = load_yaml_file(self.skill_file(skill, filename))
        if key is None:
            return doc.data
        if not isinstance(doc.data, dict) or key not in doc.data:
            raise ConfigError(f"missing top-level key {key!r}", file=doc.file, path=key)
        return doc.data[key]

    def to_dict(self) -> dict[str, Any]:
        """The JSON view printed by `aiops team show --json`."""
        return {
            "team": {
                "name": self.spec.name,
                "dir": str(self.dir),
                "file": str(self.file),
                "version": self.spec.version,
                "orchestrator": self.orchestrator,
                "delegates": list(self.delegates),
                "models": dict(self.spec.models),
                "default_model": self.spec.default_model,
                "skills_dir": str(self.skills_root),
                "skills": list(self.skills),
                "memory": [str(path) for path in self.memory],
            },
            "agents": [_agent_dict(view) for view in self.agents.values()],
        }


def _agent_dict(view: AgentView) -> dict[str, Any]:
    return {
        "name": view.name,
        "role": view.role,
        "description": view.description,
        "model": view.model,
        "model_tier": view.model_tier,
        "model_options": view.model_options.model_dump(exclude_none=True) if view.model_options else None,
        "tools": list(view.tools),
        "skills": view.skill_names,
        "skill_dirs": {skill.name: str(skill.path) for skill in view.skills},
        "memory": [str(path) for path in view.memory],
        "prompt_file": str(view.prompt_file) if view.prompt_file else None,
    }
