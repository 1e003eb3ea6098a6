"""Bad input exits 2 with a message naming what to fix, never a traceback: Alertmanager payloads that
are not UTF-8, nest too deeply, are missing or carry lone surrogates; a model server that cannot be
reached; Ctrl-D at the approval prompt pauses."""

from __future__ import annotations

import json

import httpx
import openai
import pytest
from langchain_openai import ChatOpenAI

from aiops.cli import _incident
from aiops.cli.main import main
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore
from tests.unit.spine.test_alert_intake import PAYLOAD

GOOD = json.dumps(PAYLOAD)
BAD_PAYLOADS = {
    "not utf-8": GOOD.encode().replace(b"payment-api returning", b"payment-api \xff\xfe returning"),
    "deep nesting": b'{"version": "4", "alerts": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "lone surrogate": GOOD.replace("payment-api returning 503s", "payment-api \\ud800 returning 503s").encode(),
}


@pytest.mark.parametrize("case", list(BAD_PAYLOADS))
def test_bad_alertmanager_payloads_exit_2(case, tmp_path, capsys):
    payload = tmp_path / "alert.json"
    payload.write_bytes(BAD_PAYLOADS[case])
    assert main(["respond", "--alertmanager", str(payload), "--scenario", "pool-leak-payment", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert str(payload) in err and "Traceback" not in err
    assert IncidentStore(StateHome.resolve().index).list() == []


def test_missing_alertmanager_file_exits_2(tmp_path, capsys):
    missing = tmp_path / "nope.json"
    assert main(["respond", "--alertmanager", str(missing), "--scenario", "pool-leak-payment", "--quiet"]) == 2
    assert str(missing) in capsys.readouterr().err


def test_unreachable_model_server_exits_2_and_leaves_the_incident_resumable(monkeypatch, capsys):
    def unreachable(self, *args, **kwargs):
        raise openai.APIConnectionError(request=httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions"))

    monkeypatch.setattr(ChatOpenAI, "_generate", unreachable)
    code = main(["respond", "--scenario", "pool-leak-payment", "--model", "openai:qwen", "--base-url",
                 "http://127.0.0.1:9/v1", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2
    assert "http://127.0.0.1:9/v1 cannot be reached" in err and "--base-url" in err
    (record,) = IncidentStore(StateHome.resolve().index).list()
    assert record.status == "interrupted"
    assert f"incidents resume {record.id}" in err
    assert len(err.splitlines()) < 12


def test_ctrl_d_at_the_approval_prompt_pauses(monkeypatch, capsys):
    def eof(prompt=""):
        raise EOFError

    monkeypatch.setattr(_incident, "interactive", lambda: True)
    monkeypatch.setattr("builtins.input", eof)
    request = {"incident_id": "inc-1", "proposal_id": "p1", "action": "restart", "target": "payment-api",
               "risk": "low"}
    assert _incident.make_decider("ask", "ann")(request) is None
    assert "paus" in capsys.readouterr().err


MISBEHAVING_SERVERS = {
    "http 500": (500, b"boom", "answered with an error"),
    "not json": (200, b"\xff\xfenot json", "not a valid chat completion"),
    "wrong json": (200, b'{"choices": 5}', "not a valid chat completion"),
}


@pytest.mark.parametrize("case", list(MISBEHAVING_SERVERS))
def test_a_misbehaving_model_server_exits_2_and_leaves_the_incident_resumable(case, monkeypatch, capsys):
    """The real OpenAI client reads the server's answer (an in-process transport: no socket)."""
    import httpx2
    import langchain_openai

    status, body, expected = MISBEHAVING_SERVERS[case]

    def answer(request):
        return httpx2.Response(status, content=body, headers={"content-type": "application/json"})

    def client(**kwargs):
        kwargs["max_retries"] = 0
        return ChatOpenAI(**kwargs, http_client=httpx2.Client(transport=httpx2.MockTransport(answer)))

    monkeypatch.setattr(langchain_openai, "ChatOpenAI", client)
    code = main(["respond", "--scenario", "pool-leak-payment", "--model", "openai:qwen", "--base-url",
                 "http://127.0.0.1:9/v1", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert expected in err and "Traceback" not in err and len(err.splitlines()) < 12
    (record,) = IncidentStore(StateHome.resolve().index).list()
    assert record.status == "interrupted" and f"incidents resume {record.id}" in err


def test_an_error_in_our_own_code_is_not_blamed_on_the_model_server():
    from aiops.runtime.lifecycle import model_failure

    try:
        json.loads("{")
    except ValueError as exc:
        assert model_failure(exc, "http://127.0.0.1:9/v1") is None
