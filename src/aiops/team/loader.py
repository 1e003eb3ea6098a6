"""`load_team`: read a team folder, validate everything, resolve every agent. Nothing is started.

Order of checks: the YAML itself (strict), the schema (pydantic), names, model tiers and strings,
tools, prompts, skills and memory. The first problem raises a `ConfigError` (exit code 2) naming
the file, the dotted key path and the line, with a hint on how to fix it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from aiops.agents.model_names import ENGINES, parse_model_string
from aiops.core.errors import ConfigError
from aiops.team.errors import did_you_mean, from_validation, located
from aiops.team.model import AgentView, Team
from aiops.team.paths import TEAM_FILE, default_team_dir, is_inside, resolve_inside
from aiops.team.schema import AgentSpec, TeamSpec
from aiops.team.skilldata import load_skill_data
from aiops.team.skills import SkillRef, read_skill, skill_name_problem
from aiops.team.yamlsafe import Loc, YamlDoc, dotted, load_yaml_file, read_text
from aiops.tools.names import TOOL_SUMMARIES

BUILTIN_NAMES: frozenset[str] = frozenset(
    {"general-purpose", "task", "write_todos", "ls", "read_file", "write_file", "edit_file", "glob", "grep",
     "execute"}
)
"""deepagents' own helper agent and tools: an agent with one of these names would be confused with them."""

MAX_PROMPT_BYTES = 200_000
_TIER_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,62}$")


def load_team(team_dir: str | os.PathLike[str] | None = None) -> Team:
    """Load and validate the team in `team_dir` (the packaged default team when None).

    Use `resolve_team_dir(cli_value)` first to honour `--team` and `$AIOPS_TEAM`."""
    root = _team_root(team_dir)
    doc = load_yaml_file(root / TEAM_FILE)
    if not isinstance(doc.data, dict):
        raise located("the team file must be a mapping with at least `orchestrator:` and `agents:`", doc, ())
    try:
        spec = TeamSpec.model_validate(doc.data)
    except ValidationError as exc:
        raise from_validation(exc, doc, TeamSpec) from None
    _check_names(spec, doc)
    ctx = _Context(root=root, doc=doc, tiers=_check_tiers(spec, doc),
                   skills_root=resolve_inside(root, spec.skills_dir, doc, ("skills_dir",)))
    if spec.default_model:
        ctx.default = _resolve_model(spec.default_model, ctx, ("default_model",))
    if "memory" not in doc.data and not (root / spec.memory[0]).is_file():
        raise located(f"memory file {spec.memory[0]!r} not found in the team folder", doc, ("memory",),
                      "every team loads AGENTS.md by default: create it, or set `memory: []` in team.yaml")
    ctx.memory = tuple(_memory_file(value, ctx, ("memory", i)) for i, value in enumerate(spec.memory))
    views = {name: _agent_view(name, agent, spec, ctx) for name, agent in spec.agents.items()}
    return Team(dir=root, file=root / TEAM_FILE, spec=spec, agents=views,
                orchestrator=spec.orchestrator, delegates=tuple(spec.delegates), memory=ctx.memory,
                skill_data=load_skill_data(ctx.skills_root))


@dataclass
class _Context:
    root: Path
    doc: YamlDoc
    tiers: dict[str, str]
    skills_root: Path
    found: dict[str, SkillRef] = field(default_factory=dict)
    default: tuple[str, str | None] | None = None
    memory: tuple[Path, ...] = ()


def _agent_view(name: str, agent: AgentSpec, spec: TeamSpec, ctx: _Context) -> AgentView:
    loc: Loc = ("agents", name)
    if agent.model is not None:
        model, tier = _resolve_model(agent.model, ctx, (*loc, "model"))
    elif ctx.default is not None:
        model, tier = ctx.default
    else:
        raise located("no model for this agent", ctx.doc, (*loc, "model"),
                      "add `model:` (a tier or provider:model) or a top-level `default_model:`")
    _check_tools(agent, ctx.doc, loc)
    prompt, prompt_file = _prompt(agent, ctx, loc)
    skills = tuple(_skill(skill, ctx, (*loc, "skills", i)) for i, skill in enumerate(agent.skills))
    memory = ctx.memory if agent.memory is None else tuple(
        _memory_file(value, ctx, (*loc, "memory", i)) for i, value in enumerate(agent.memory))
    return AgentView(
        name=name, role="orchestrator" if name == spec.orchestrator else "delegate",
        description=" ".join(agent.description.split()), model=model, model_tier=tier,
        model_options=agent.model_options, system_prompt=prompt, prompt_file=prompt_file,
        tools=tuple(agent.tools), skills=skills, memory=memory,
    )


def _team_root(team_dir: str | os.PathLike[str] | None) -> Path:
    root = default_team_dir() if team_dir is None else Path(team_dir).expanduser()
    if root.is_file() and root.name == TEAM_FILE:
        root = root.parent
    root = root.resolve()
    if not root.is_dir():
        raise ConfigError("team folder not found; pass an existing folder (`aiops team init DIR` makes one)",
                          file=str(root), path="(team folder)")
    if not (root / TEAM_FILE).is_file():
        raise ConfigError(f"no {TEAM_FILE} in the team folder; create one with `aiops team init DIR`",
                          file=str(root / TEAM_FILE), path="(document)")
    return root


def _check_names(spec: TeamSpec, doc: YamlDoc) -> None:
    if not spec.delegates:
        raise located("the team has only the orchestrator", doc, ("agents",),
                      "add at least one agent for the orchestrator to delegate to")
    for name in spec.agents:
        if name in TOOL_SUMMARIES:
            raise located(f"agent name {name!r} clashes with the tool {name!r}", doc, ("agents", name),
                          "rename the agent (e.g. sre_<role>)")
        if name in BUILTIN_NAMES:
            raise located(f"agent name {name!r} clashes with a deepagents built-in of that name", doc,
                          ("agents", name), "rename the agent (e.g. sre_<role>)")


def _check_tiers(spec: TeamSpec, doc: YamlDoc) -> dict[str, str]:
    tiers: dict[str, str] = {}
    for alias, value in spec.models.items():
        loc: Loc = ("models", alias)
        if not _TIER_RE.match(alias) or alias in ENGINES:
            reserved = f"; {', '.join(sorted(ENGINES))} are engine names" if alias in ENGINES else ""
            raise located(f"tier name {alias!r} is not allowed{reserved}", doc, loc,
                          "use a plain word such as strong, fast or cheap (no ':')")
        try:
            tiers[alias] = str(parse_model_string(value))
        except ValueError as exc:
            raise located(str(exc), doc, loc, "a tier maps to one provider:model string") from None
    return tiers


def _resolve_model(value: str, ctx: _Context, loc: Loc) -> tuple[str, str | None]:
    tiers, doc = ctx.tiers, ctx.doc
    text = value.strip()
    if text in tiers:
        return tiers[text], text
    try:
        return str(parse_model_string(text)), None
    except ValueError as exc:
        known = ", ".join(tiers) or "(none defined)"
        guess = did_you_mean(text, list(tiers))
        if guess and ":" not in text:
            raise located(f"unknown model tier {text!r}", doc, loc,
                          f"{guess}tiers in `models:`: {known}") from None
        raise located(str(exc), doc, loc, f"or use a tier from `models:`: {known}") from None


def _check_tools(agent: AgentSpec, doc: YamlDoc, loc: Loc) -> None:
    for i, tool in enumerate(agent.tools):
        if tool not in TOOL_SUMMARIES:
            known = ", ".join(TOOL_SUMMARIES)
            raise located(f"unknown tool {tool!r}", doc, (*loc, "tools", i),
                          f"{did_you_mean(tool, list(TOOL_SUMMARIES))}known tools: {known}")


def _prompt(agent: AgentSpec, ctx: _Context, loc: Loc) -> tuple[str, Path | None]:
    doc = ctx.doc
    if agent.system_prompt is not None:
        if not agent.system_prompt.strip():
            raise located("system_prompt is empty", doc, (*loc, "system_prompt"), "write the role prompt")
        return agent.system_prompt.strip(), None
    assert agent.prompt_file is not None
    where = (*loc, "prompt_file")
    path = resolve_inside(ctx.root, agent.prompt_file, doc, where)
    if not path.is_file():
        raise located(f"prompt file {agent.prompt_file!r} not found at {path}", doc, where,
                      "paths are relative to the team folder; create the file or fix the path")
    text = read_text(path, limit=MAX_PROMPT_BYTES).strip()
    if not text:
        raise located(f"prompt file {agent.prompt_file!r} is empty", doc, where, "write the role prompt")
    return text, path


def _skill(name: str, ctx: _Context, loc: Loc) -> SkillRef:
    doc, root, skills_root = ctx.doc, ctx.root, ctx.skills_root
    if name in ctx.found:
        return ctx.found[name]
    problem = skill_name_problem(name)
    if problem:
        raise located(f"skill name {name!r} {problem}", doc, loc, "use the skill's folder name")
    folder = skills_root / name
    if not folder.is_dir():
        have = sorted(p.name for p in skills_root.iterdir() if p.is_dir()) if skills_root.is_dir() else []
        raise located(f"skill {name!r} not found: no folder {folder}", doc, loc,
                      f"create {name}/SKILL.md under the skills folder or remove it; available: "
                      f"{', '.join(have) or '(none)'}")
    if not is_inside(folder, root):
        raise located(f"skill folder {name!r} is a link that leads outside the team folder", doc, loc,
                      "copy the skill into the team folder")
    try:
        skill = read_skill(folder, root)
    except ConfigError as exc:
        raise ConfigError(f"{exc.message} (skill listed at {doc.file} {dotted(loc)})", file=exc.file,
                          path=exc.path) from None
    ctx.found[name] = skill
    return skill


def _memory_file(value: str, ctx: _Context, loc: Loc) -> Path:
    path = resolve_inside(ctx.root, value, ctx.doc, loc)
    if not path.is_file():
        raise located(f"memory file {value!r} not found at {path}", ctx.doc, loc,
                      "paths are relative to the team folder, not the working directory; create or remove it")
    read_text(path)
    return path
