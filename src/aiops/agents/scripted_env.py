"""`--model scripted`: replay a script file named by `AIOPS_SCRIPT` (JSON or YAML, `{agent: [steps]}`).

For trying a team configuration end to end with no key and no offline engine; every output is
labelled as scripted by the CLI.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from aiops.agents.scripted import ScriptedChatModel, load_script_file
from aiops.core.errors import ConfigError


def create_scripted_model(*, agent: str, context: Any = None) -> ScriptedChatModel:  # noqa: ARG001
    """Scripted model for `agent` from the file in `$AIOPS_SCRIPT` (an agent absent there just stops)."""
    path = os.environ.get("AIOPS_SCRIPT")
    if not path:
        raise ConfigError("--model scripted needs AIOPS_SCRIPT=path/to/script.yaml ({agent: [steps]})")
    script = load_script_file(Path(path))
    return ScriptedChatModel(agent=agent, steps=list(script.get(agent, [])))
