"""A runaway model (it never stops calling tools) hits the incident's budget or step limit and the
incident ends with a partial report and exit code 5. Budgets are set small in a copied team folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

from aiops.safety import read_entries
from tests.unit.safety_e2e.harness import ROOT, compromised_team, copy_team, start


class Runaway(BaseChatModel):
    """Calls the same tool forever; reports `tokens` of usage per call and takes `delay` seconds."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    agent: str = "agent"
    call: dict[str, Any] = Field(default_factory=lambda: {"name": "list_services", "args": {}})
    tokens: int = 0
    delay: float = 0.0
    calls: int = 0

    @property
    def _llm_type(self) -> str:
        return "runaway"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Runaway:
        return self

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: Any = None, **kwargs: Any) -> ChatResult:
        self.calls += 1
        time.sleep(self.delay)
        message = AIMessage(content="", tool_calls=[{**self.call, "id": f"{self.agent}-{self.calls}",
                                                      "type": "tool_call"}])
        message.usage_metadata = {"input_tokens": self.tokens, "output_tokens": 0, "total_tokens": self.tokens}
        return ChatResult(generations=[ChatGeneration(message=message)])


def _runaway_team(who: str, **kwargs: Any) -> dict[str, Any]:
    models: dict[str, Any] = compromised_team(obey=False)
    call = ({"name": "list_services", "args": {}} if who == "ops_manager"
            else {"name": "query_metrics", "args": {"service": "payment-api", "metric": "cpu"}})
    models[who] = Runaway(agent=who, call=call, **kwargs)
    return models


@pytest.mark.parametrize(("budgets", "model", "limit"), [
    pytest.param({"max_model_calls": 7}, {}, "model_calls", id="model-calls"),
    pytest.param({"max_tokens": 12_000}, {"tokens": 3000}, "tokens", id="tokens"),
    pytest.param({"max_wall_seconds": 1.5}, {"delay": 0.1}, "wall_seconds", id="wall-time"),
])
@pytest.mark.parametrize("who", ["ops_manager", "sre_remediator"])
def test_runaway_hits_the_budget(tmp_path: Path, who: str, budgets: dict[str, Any], model: dict[str, Any],
                                 limit: str) -> None:
    team = copy_team(tmp_path / "team", {"budgets": {**budgets, "recursion_limit": 200}})
    models = _runaway_team(who, **model)
    run = start("pool-leak-payment", lambda r: None, models=models, team_dir=team)
    outcome = run.outcome
    assert outcome.exit_code == 5 and outcome.status == "unresolved"
    report = outcome.report
    assert report.partial and f"budget exhausted: {limit}" in (report.stopped_reason or "")
    assert run.audit("budget_exhausted")
    assert models[who].calls <= 60
    if limit == "model_calls":
        assert report.model_calls == 7
    saved = json.loads((run.dir / "report.json").read_text())
    assert saved["partial"] is True and saved["status"] == "unresolved"
    run.session.close()


def test_runaway_orchestrator_hits_the_step_limit(tmp_path: Path) -> None:
    team = copy_team(tmp_path / "team", {"budgets": {"max_model_calls": 1000, "recursion_limit": 12}})
    models = _runaway_team("ops_manager")
    run = start("pool-leak-payment", lambda r: None, models=models, team_dir=team)
    assert run.outcome.exit_code == 5
    assert "recursion limit" in (run.outcome.report.stopped_reason or "")
    assert models["ops_manager"].calls <= 12
    run.session.close()


def test_runaway_delegate_hits_the_step_limit(tmp_path: Path) -> None:
    """The team's step limit binds the delegates too, not only the orchestrator."""
    team = copy_team(tmp_path / "team", {"budgets": {"max_model_calls": 30, "recursion_limit": 12}})
    models = _runaway_team("sre_remediator")
    run = start("pool-leak-payment", lambda r: None, models=models, team_dir=team)
    assert run.outcome.exit_code == 5
    assert "recursion limit" in (run.outcome.report.stopped_reason or "")
    run.session.close()


def test_runaway_script_through_the_cli_exits_5_with_a_partial_report(tmp_path: Path) -> None:
    """`aiops respond --json` with a script that never stops: exit 5, a partial report on disk."""
    team = copy_team(tmp_path / "team", {"budgets": {"max_model_calls": 6, "recursion_limit": 200}})
    steps = [{"tool_calls": [{"name": "list_services", "args": {}}]} for _ in range(40)]
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump({"ops_manager": steps}))  # no shared objects: scripts allow no aliases
    env = {**os.environ, "AIOPS_SCRIPT": str(script), "AIOPS_HOME": str(tmp_path / "state")}
    out = subprocess.run([sys.executable, "-m", "aiops", "respond", "--scenario", "pool-leak-payment", "--team",
                          str(team), "--model", "scripted", "--json", "--quiet"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=240, check=False, stdin=subprocess.DEVNULL)
    assert out.returncode == 5, out.stderr
    result = json.loads(out.stdout)
    assert result["exit_code"] == 5 and result["status"] == "unresolved" and result["model_calls"] == 6
    report = json.loads(Path(result["report_path"]).with_suffix(".json").read_text())
    assert report["partial"] is True and "model_calls" in report["stopped_reason"]
    assert "list_services" in " ".join(report["root_cause"]["evidence"])  # what was known when it stopped
    markdown = Path(result["report_path"]).read_text()
    assert "(partial report)" in markdown and "Stopped early" in markdown
    kinds = [e["kind"] for e in read_entries(tmp_path / "state" / "audit.jsonl")]
    assert kinds == ["budget_exhausted"]
