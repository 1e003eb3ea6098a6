"""Flagging telemetry that reads like instructions to an AI or an operator (prompt injection).

`find_instruction_like` is a detector for the report ("suspicious inputs"), not a control: the
controls are the policy, the bound approvals and the data delimiting. The rules aim at few false
positives on ordinary log lines: each needs an address to an agent or operator, an override of
instructions, a chat-template or tool-call shape, or a destructive demand, not just a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_I = re.IGNORECASE
_AGENT = (
    r"(?:ai|a\.i\.|assistant|agent|llm|chatbot|language model|ai model|copilot|claude|gpt|chatgpt|gemini)"
)
_ACT = (
    r"(?:run|execute|call|invoke|trigger|perform|delete|drop|wipe|erase|destroy|failover|fail over|"
    r"roll ?back|restart|scale|approve|disable|grant|transfer|send|email|post|upload|curl|wget|"
    r"ignore|skip|bypass)"
)
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "override_instructions",
        re.compile(
            r"\b(?:ignore|disregard|forget|override|bypass)\b[\w\s,'-]{0,30}?\b(?:all|any|the|your|previous|prior|"
            r"above|earlier|preceding|system|original|safety)\s+(?:\w+\s+){0,2}?(?:instructions?|prompts?|rules|"
            r"directives|guidelines|guardrails|policies|constraints)\b",
            _I,
        ),
    ),
    (
        "new_instructions",
        re.compile(
            r"\b(?:new|updated|real|actual|hidden|secret|important)\s+(?:system\s+)?(?:instructions?|directives?|"
            r"orders|task)\s*(?:for|to)?\s*(?:the\s+)?(?:" + _AGENT + r"s?\s*)?[:>-]|\bsystem\s+prompt\b",
            _I,
        ),
    ),
    (
        "addresses_agent",
        re.compile(
            r"\b(?:dear|hey|hello|attention|note to|message to|instructions? (?:for|to))\s+"
            r"(?:the\s+|any\s+|all\s+)?" + _AGENT + r"s?\b|\b(?:to|for) (?:the|any|all) "
            r"(?:ai|llm|language model|assistant|automated agent)s?\b"
            r"[^.]{0,40}\b(?:reading|processing|analy[sz]ing|handling)\b"
            r"|\bas an? (?:ai|llm|language model)\b",
            _I,
        ),
    ),
    (
        "agent_must_act",
        re.compile(
            r"\b" + _AGENT + r"s?\b[^.]{0,40}?\b(?:must|should|shall|needs? to|has to|have to|is required to|"
            r"are required to|is instructed to|is authori[sz]ed to|will now|now)\b[^.]{0,30}?\b"
            + _ACT
            + r"\b",
            _I,
        ),
    ),
    (
        "you_must_act",
        re.compile(
            r"\byou\s+(?:must|should|shall|need to|have to|are (?:now )?(?:required|instructed|authori[sz]ed|"
            r"allowed|permitted) to|will now|can now)\s+(?:now\s+|immediately\s+|also\s+)?"
            + _ACT
            + r"\b[^.]{0,60}?\b(?:database|db|prod(?:uction)?|cluster|all|every|remediation|failover|tool|"
            r"command|"
            r"following|script|service|approval|instructions|data|backups?|secrets?|credentials?|keys?)\b",
            _I,
        ),
    ),
    (
        "role_play",
        re.compile(
            r"\byou are now\b|\bact as (?:an?|the)\b|\bpretend (?:to be|you are)\b|\bfrom now on,? you\b|"
            r"\b(?:developer|god|dan|jailbreak|unrestricted) mode\b|\bjailbreak\b",
            _I,
        ),
    ),
    (
        "chat_markup",
        re.compile(
            r"<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>|\[/?INST\]|<</?SYS>>|"
            r"</?(?:system|assistant|user|human|tool_call|tool_calls|function_calls?|invoke|antml:[a-z_]+)>|"
            r"(?:^|\n|\s)(?:###\s*)?(?:system|assistant|human)\s*(?:prompt|message|override|instruction)s?\s*:|"
            r"\bHuman:\s.{0,200}\bAssistant:",
            _I,
        ),
    ),
    (
        "tool_call",
        re.compile(
            r"\b(?:execute_remediation|submit_report|write_todos|write_file|edit_file)\b|"
            r"\"(?:tool_calls?|function_call)\"\s*:|"
            r"\"(?:name|tool|function|tool_name)\"\s*:\s*\"[A-Za-z_]+\"\s*,\s*\"(?:arguments|args|parameters|input)\"\s*:",
            _I,
        ),
    ),
    (
        "fake_approval",
        re.compile(
            r"\b(?:pre-?approved|already approved|"
            r"approval (?:is )?(?:not needed|not required|granted|waived)|"
            r"no (?:need for |human )?(?:approval|confirmation|review) (?:is )?(?:needed|required)|"
            r"(?:skip|bypass|without)\s+(?:the\s+|any\s+|human\s+)*(?:approval|confirmation|review|human)|"
            r"(?:approved|authori[sz]ed) by (?:the )?"
            r"(?:on-?call|sre|lead|admin|senior|manager|cto|ciso|security))\b",
            _I,
        ),
    ),
    (
        "destructive_demand",
        re.compile(
            r"(?:^\s*|[.!:;>\"]\s*|\b(?:please|now|immediately|just|must|should|you|then|and)\s+)"
            r"(?:delete|drop|wipe|erase|destroy|truncate)\s+(?:the\s+|all\s+|every\s+|entire\s+)+"
            r"(?:production\s+)?(?:database|databases|db|data|backups?|tables|records|cluster|volumes?|bucket)\b|"
            r"\bdrop\s+database\b|\brm\s+-[a-z]*r[a-z]*f?[a-z]*\s+(?:/|~|\*)(?:\s|$|\*)|\bmkfs\.|:\(\)\s*\{\s*:\|:&\s*\};:",
            _I,
        ),
    ),
)
RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in _RULES)
_ANY_RULE = re.compile("|".join(f"(?:{regex.pattern})" for _, regex in _RULES), _I)
"""Matches exactly when some rule matches (every rule uses the same flags): one scan per clean line."""


@dataclass(frozen=True, slots=True)
class Finding:
    """A line that reads like an instruction: its 0-based index, the rule that hit, a short excerpt."""

    line: int
    rule: str
    excerpt: str


def _excerpt(text: str, start: int, width: int = 160) -> str:
    left = max(0, min(start - 40, len(text) - width))
    snippet = text[left : left + width].replace("\n", " ").strip()
    return ("..." if left else "") + snippet + ("..." if left + width < len(text) else "")


def instruction_rule(text: str) -> tuple[str, int, int] | None:
    """The first rule `text` trips, with the match span, or None."""
    if _ANY_RULE.search(text) is None:
        return None
    for name, regex in _RULES:
        match = regex.search(text)
        if match:
            return name, match.start(), match.end()
    return None


def find_instruction_like(lines: Iterable[str]) -> list[Finding]:
    """The lines that look like instructions to an AI or operator, at most one finding per line.

    Pass redacted text: the excerpt quotes the line.
    """
    findings: list[Finding] = []
    for index, line in enumerate(lines):
        text = str(line)
        hit = instruction_rule(text)
        if hit is not None:
            name, start, _ = hit
            findings.append(Finding(index, name, _excerpt(text, start)))
    return findings
