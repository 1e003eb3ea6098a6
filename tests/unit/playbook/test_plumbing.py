"""Conversation parsing, skill reading, findings blocks, role inference and the runbook choice."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import parse_messages
from aiops.agents.playbook.intake import affected_service, alert_text, services_in_text
from aiops.agents.playbook.roles import Role, delegation_order, infer_role
from aiops.agents.playbook.runbook import candidates, catalogue
from aiops.agents.playbook.skills import data_refs, read_calls_needed, skill_data, strip_read_output

SYSTEM = """## Skills
- **diagnostics**: How to get from findings to a root cause.
  -> Read `/team/skills/doc/diagnostics/SKILL.md` for full instructions"""


def _conv(*tool_rounds: tuple[str, dict, str]):
    messages = [SystemMessage(SYSTEM), HumanMessage("Alert: x-api down\nAffected service: x-api")]
    for n, (name, args, content) in enumerate(tool_rounds):
        messages.append(AIMessage("", tool_calls=[{"name": name, "args": args, "id": f"c{n}", "type": "tool_call"}]))
        messages.append(ToolMessage(content, tool_call_id=f"c{n}"))
    return parse_messages(messages)


def test_skill_reading_follows_the_skill_md_to_its_data_file():
    conv = _conv()
    assert read_calls_needed(conv) == [
        {
            "name": "read_file",
            "args": {"file_path": "/team/skills/doc/diagnostics/SKILL.md", "offset": 0, "limit": 5000},
        }
    ]
    skill_md = "@@ lines 1-3 of 3 @@\n---\nname: diagnostics\n---\nThe data is `failure_modes.yaml` here."
    conv = _conv(("read_file", {"file_path": "/team/skills/doc/diagnostics/SKILL.md"}, skill_md))
    needed = read_calls_needed(conv)
    assert needed[0]["args"]["file_path"] == "/team/skills/doc/diagnostics/failure_modes.yaml"
    data = "@@ lines 1-2 of 2 @@\ncategories: [a, none]\nfailure_modes: {}"
    conv = _conv(
        ("read_file", {"file_path": "/team/skills/doc/diagnostics/SKILL.md"}, skill_md),
        ("read_file", {"file_path": "/team/skills/doc/diagnostics/failure_modes.yaml"}, data),
    )
    assert read_calls_needed(conv) == []
    assert skill_data(conv)["categories"] == ["a", "none"]


def test_partial_reads_are_not_trusted():
    assert strip_read_output("@@ lines 1-100 of 400 @@\na: 1") is None
    assert strip_read_output("Error: file not found") is None
    assert data_refs("see `runbooks.yaml` and data/x.yml, not ../y.yaml") == ["runbooks.yaml", "data/x.yml"]


def test_blocks_round_trip_and_kinds():
    text = "prose\n" + blocks.render_block({"root_cause": {"category": "disk_full"}, "note": "a ```b"}) + "\nmore"
    found = blocks.find_blocks(text)
    assert found[0]["root_cause"]["category"] == "disk_full"
    assert "```" not in found[0]["note"]
    assert blocks.block_kind(found[0]) == "diagnosis"
    assert blocks.block_kind({"action": "restart", "decision": "approved"}) == "remediation"
    assert blocks.block_kind({"signatures": [], "patterns": []}) == "analysis"
    assert blocks.find_blocks("```json\nnot json\n```") == []


def test_roles_come_from_tools_and_description_not_names():
    assert infer_role(["fetch_logs", "query_metrics"], "", orchestrator=False) is Role.ANALYST
    assert infer_role(["query_metrics", "recent_changes"], "", orchestrator=False) is Role.DIAGNOSTICIAN
    assert infer_role(["execute_remediation", "query_metrics"], "", orchestrator=False) is Role.REMEDIATOR
    assert infer_role([], "Drafts customer status updates", orchestrator=False) is Role.COMMUNICATOR
    assert infer_role([], "Keeps a glossary", orchestrator=False) is Role.WRITER
    order = delegation_order(
        [
            ("zed", Role.COMMUNICATOR, ""),
            ("fixer", Role.REMEDIATOR, ""),
            ("reader", Role.ANALYST, ""),
            ("thinker", Role.DIAGNOSTICIAN, ""),
        ]
    )
    assert order == ["reader", "thinker", "fixer", "zed"]


def test_affected_service_from_alert_text():
    task = "Incident inc-1, alert received at 2026:\n\ncheckout-api-v2 503s; checkout-api fine"
    assert alert_text(task).startswith("checkout-api-v2 503s")
    assert affected_service(task, ["checkout-api", "checkout-api-v2", "db"]) == "checkout-api-v2"
    assert services_in_text("db then api", ["api", "db"]) == ["db", "api"]
    hinted = "Incident x:\n\nsomething broke\nAffected service (from the alert source): db"
    assert affected_service(hinted, ["api", "db"]) == "db"


def test_runbook_candidates_prefer_the_diagnosis_then_the_catalogue_order():
    actions = catalogue(
        {
            "actions": {
                "restart": {"risk": "low", "fixes": ["out_of_memory", "connection_pool_exhaustion"]},
                "reset_connection_pool": {"risk": "medium", "fixes": ["connection_pool_exhaustion"]},
                "clear_disk_space": {"risk": "medium", "fixes": ["disk_full"]},
            }
        }
    )
    names = [a.name for a in candidates(actions, "connection_pool_exhaustion", ["reset_connection_pool"])]
    assert names == ["reset_connection_pool", "restart"]
    assert [a.name for a in candidates(actions, "connection_pool_exhaustion")] == [
        "restart",
        "reset_connection_pool",
    ]
    assert candidates(actions, "network_dns") == []


def test_a_service_is_named_only_as_a_whole_name():
    from aiops.agents.playbook.world import mentions as _mentions

    assert _mentions("upstream=api timeout", "api")
    assert _mentions('GET "http://checkout-api:8080/api/v1/x": timeout', "checkout-api")
    assert not _mentions("GET /api/v1/orders failed", "api")
    assert not _mentions("lookup orders-db-2: no such host", "orders-db")
