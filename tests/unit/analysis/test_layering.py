"""The analysis core stays plain Python, and `aiops logs parse` stays import-light."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("langchain", "langgraph", "deepagents", "pydantic", "yaml")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_analysis_imports_no_agent_framework() -> None:
    modules = _modules_after("import aiops.analysis as a\nfor n in a.__all__: getattr(a, n)")
    assert not [m for m in modules if m.split(".")[0] in ("langchain", "langgraph", "deepagents",
                                                          "langchain_core")]


def test_parse_command_loads_only_what_it_needs(tmp_path) -> None:
    log = tmp_path / "a.log"
    log.write_text("2024-01-01 00:00:00 INFO hello 1\n")
    code = (f"from aiops.cli.main import main\nimport contextlib, io\n"
            f"with contextlib.redirect_stdout(io.StringIO()): main(['logs', 'parse', '--json', {str(log)!r}])")
    modules = _modules_after(code)
    assert not [m for m in modules if m.split(".")[0] in HEAVY]
