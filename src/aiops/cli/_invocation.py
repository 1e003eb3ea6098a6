"""How this `aiops` was started, so the commands the CLI prints (resume hints) can be run as printed:
`aiops` when that is on PATH, `.venv/bin/aiops` after `make demo`, `python -m aiops` otherwise."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path


def _shown(path: Path) -> str:
    """`path` relative to the working directory when it lies inside it, else absolute."""
    try:
        rel = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return shlex.quote(str(path))
    text = rel.as_posix()
    return shlex.quote(text if "/" in text else f"./{text}")


_home: str | None = None


def remember_home(home: str | None) -> None:
    """Note the `--home` this command was given, for `state_option` (None: the default state folder)."""
    global _home  # noqa: PLW0603 - one command per process; main() sets it before anything prints
    _home = str(Path(home).resolve()) if home else None


def state_option() -> str:
    """` --home DIR` when this command was given one, so a printed command finds the same incidents
    from any folder; empty when the state folder is the default one."""
    return f" --home {shlex.quote(_home)}" if _home else ""


def command_prefix(argv0: str | None = None) -> str:
    """The command that runs this CLI again from the current shell."""
    argv0 = argv0 if argv0 is not None else (sys.argv[0] if sys.argv else "")
    script = Path(argv0) if argv0 else None
    if script is not None and script.name == "__main__.py" and script.parent.name == "aiops":
        python = shutil.which("python3")
        same = python is not None and Path(python).resolve() == Path(sys.executable).resolve()
        return f"{'python3' if same else _shown(Path(sys.executable))} -m aiops"
    if script is None or script.name != "aiops":
        return "aiops"  # embedded (tests, another program): the installed name
    found = shutil.which("aiops")
    if found is not None and script.exists() and script.samefile(found):
        return "aiops"
    return _shown(script)
