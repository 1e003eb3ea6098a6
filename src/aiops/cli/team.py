"""`aiops team`: copy the default team out for editing, validate a team folder, show what it holds."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiops.team.model import Team

HELP = """\
The team is configuration: a folder with team.yaml (agents, models, tools, skills, memory),
prompts/, skills/<name>/SKILL.md and AGENTS.md. Paths inside it are relative to the folder.

  aiops team init ./my-team                 copy the built-in team out for editing
  aiops team validate --team ./my-team      check it: exit 0 when valid, 2 with the problem
  aiops team show --team ./my-team [--json] every agent with its model, tools, skills and memory

The team folder is --team DIR, else $AIOPS_TEAM, else the built-in team.
"""
_TEAM_HELP = "team folder (default: $AIOPS_TEAM or the built-in team)"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".DS_Store")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `team init|validate|show`."""
    p = sub.add_parser("team", help="create, validate and inspect team folders", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=lambda _args: p.print_help() or 2)
    cmds = p.add_subparsers(dest="team_command", metavar="COMMAND")
    init = cmds.add_parser("init", help="copy the built-in team into DIR for editing",
                           description="Copy the built-in team (team.yaml, prompts, skills, AGENTS.md) "
                                       "into DIR.")
    init.add_argument("dir", metavar="DIR", help="where to create the team folder")
    init.add_argument("--force", action="store_true",
                      help="write into a non-empty DIR, overwriting files of the same name (others are kept)")
    init.set_defaults(func=run_init)
    validate = cmds.add_parser("validate", help="check a team folder (exit 2 on the first problem)")
    validate.add_argument("--team", metavar="DIR", help=_TEAM_HELP)
    validate.set_defaults(func=run_validate)
    show = cmds.add_parser("show", help="list every agent with its model, tools, skills and memory")
    show.add_argument("--team", metavar="DIR", help=_TEAM_HELP)
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(func=run_show)


def run_init(args: argparse.Namespace) -> int:
    """Copy the packaged team into `args.dir`, then validate the copy."""
    from aiops.cli._invocation import command_prefix
    from aiops.core.errors import ConfigError
    from aiops.team import default_team_dir, load_team

    dest = Path(args.dir).expanduser()
    if dest.exists() and not dest.is_dir():
        raise ConfigError("exists and is not a folder", file=str(dest), path="DIR")
    if dest.is_dir() and any(dest.iterdir()) and not args.force:
        raise ConfigError("folder is not empty; choose a new folder or pass --force to overwrite files "
                          "of the same name", file=str(dest), path="DIR")
    shutil.copytree(default_team_dir(), dest, ignore=_IGNORE, dirs_exist_ok=True)
    team = load_team(dest)
    print(f"created {dest}: {_counts(team)}")
    print(f"  edit    {dest / 'team.yaml'} (agents, models, tools), prompts/, skills/*/SKILL.md, AGENTS.md")
    aiops = command_prefix()
    print(f"  check   {aiops} team validate --team {dest}")
    print(f"  use     {aiops} respond --team {dest} ...   (or export AIOPS_TEAM={dest})")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    """Load the team; print a one-line summary (errors exit 2 through ConfigError)."""
    from aiops.team import load_team, resolve_team_dir
    from aiops.team.skilldata import DATA_FILES

    team = load_team(resolve_team_dir(args.team))
    for kind in DATA_FILES:
        team.data(kind)
    print(f"ok: {_counts(team)} ({team.dir})")
    print(f"  data files checked: {', '.join(f'{s}/{f}' for s, f in DATA_FILES.values())}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """Print the resolved team as a table, or as JSON with --json."""
    from aiops.team import load_team, resolve_team_dir

    team = load_team(resolve_team_dir(args.team))
    if args.json:
        print(json.dumps(team.to_dict(), indent=2))
    else:
        print(render_table(team))
    return 0


def _counts(team: Team) -> str:
    n, m, k = len(team.agents), len(team.skills), len(team.memory_files)
    return (f"{n} agent{'s' * (n != 1)}, {m} skill{'s' * (m != 1)}, "
            f"{k} memory file{'s' * (k != 1)}")


def render_table(team: Team) -> str:
    """A readable table: one row per agent; paths shown relative to the team folder."""
    rows = [("AGENT", "ROLE", "MODEL", "TOOLS", "SKILLS", "MEMORY")]
    for view in team.agents.values():
        model = f"{view.model} ({view.model_tier})" if view.model_tier else view.model
        memory = [_rel(path, team.dir) for path in view.memory]
        rows.append((view.name, view.role, model, ", ".join(view.tools) or "-",
                     ", ".join(view.skill_names) or "-", ", ".join(memory) or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [f"team {team.name}: {team.dir}", ""]
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
              for row in rows]
    lines += ["", "routing (what the orchestrator reads):"]
    lines += [f"  {name}: {team.agents[name].description}" for name in team.delegates]
    return "\n".join(lines)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
