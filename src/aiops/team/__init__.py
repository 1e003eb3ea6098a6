"""The team as configuration: schema, strict loader and the default team folder (`default/`).

    from aiops.team import load_team, resolve_team_dir
    team = load_team(resolve_team_dir(args.team))   # --team > $AIOPS_TEAM > packaged default

No LangChain import here; this package sits below tools, agents and runtime.
"""

from aiops.team.loader import load_team
from aiops.team.model import AgentView, Team
from aiops.team.paths import TEAM_ENV, TEAM_FILE, default_team_dir, resolve_team_dir
from aiops.team.schema import AgentSpec, ModelOptions, TeamSpec
from aiops.team.skills import SKILL_FILE, SkillRef

__all__ = [
    "SKILL_FILE",
    "TEAM_ENV",
    "TEAM_FILE",
    "AgentSpec",
    "AgentView",
    "ModelOptions",
    "SkillRef",
    "Team",
    "TeamSpec",
    "default_team_dir",
    "load_team",
    "resolve_team_dir",
]
