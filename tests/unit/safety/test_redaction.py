"""Redaction: planted secrets of every kind are masked in text, records, events, series and nested
data; ordinary operational values are left alone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aiops.core.types import ChangeEvent, LogRecord, MetricSeries
from aiops.safety import RedactionConfig, RedactionPattern, Redactor
from aiops.safety.redaction_rules import is_card_number, is_secret_key, luhn_ok

TS = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)

# (kind, line with the secret planted, the secret itself)
PLANTED = [
    ("url_password", "connecting to postgres://app:S3cr3t!pw@db.internal:5432/payments", "S3cr3t!pw"),
    ("url_password", "cache at redis://:hunter2redis@redis:6379/0", "hunter2redis"),
    ("url_password", "amqp://svc:p@ss@word@rabbit:5672/", "p@ss@word"),
    ("password", "db login user=app password=hunter2 host=db", "hunter2"),
    ("password", '{"user": "app", "password": "p@ss w0rd!", "level": "info"}', "p@ss w0rd!"),
    ("password", '{"payload": "{\\"db_password\\":\\"esc4ped-Pw\\"}"}', "esc4ped-Pw"),
    ("password", "Server=db;User Id=sa;Password=Secret123;Encrypt=true", "Secret123"),
    ("password", "exec psql --password Tr0ub4dor --host db", "Tr0ub4dor"),
    ("password", "config password: correcthorse", "correcthorse"),
    ("password", "PGPASSWORD='quoted-secret-1' psql", "quoted-secret-1"),
    ("secret", "client_secret=4f9a8b7c6d5e4f3a2b1c", "4f9a8b7c6d5e4f3a2b1c"),
    ("secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG"),
    ("secret", "curl -H 'X-Api-Key: 9f8e7d6c5b4a' https://svc", "9f8e7d6c5b4a"),
    ("secret", "GET /callback?code=1&access_token=ya29.a0AfH6SMB&state=x", "ya29.a0AfH6SMB"),
    ("secret", "Set-Cookie: session=abc123def456; Path=/; HttpOnly", "abc123def456"),
    ("auth_header", "Authorization: Bearer abcdef123456.xyz789", "abcdef123456.xyz789"),
    ("auth_header", '"authorization": "Basic dXNlcjpwYXNzd29yZA=="', "dXNlcjpwYXNzd29yZA=="),
    ("auth_header", "upstream rejected bearer tok_9f8e7d6c5b4a3f2e", "tok_9f8e7d6c5b4a3f2e"),
    ("aws_key", "using credentials AKIAIOSFODNN7EXAMPLE for s3", "AKIAIOSFODNN7EXAMPLE"),
    (
        "api_key",
        "anthropic key sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345 loaded",
        "sk-ant-api03-abcdefghij",
    ),
    ("api_key", "OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwx", "sk-proj-abcdefghijklmnopqrstuvwx"),
    ("api_key", "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    ("api_key", "slack xoxb-123456789012-abcdefghijkl posted", "xoxb-123456789012-abcdefghijkl"),
    (
        "api_key",
        "google AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe ok",
        "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
    ),
    ("api_key", "gitlab glpat-xxxxxxxxxxxxxxxxxxxx1234 used", "glpat-xxxxxxxxxxxxxxxxxxxx1234"),
    (
        "github_token",
        "clone with ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ done",
        "ghp_abcdefghijklmnopqrstuvwxyzAB",
    ),
    (
        "github_token",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "github_pat_11ABCDEFG01234",
    ),
    (
        "jwt",
        "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
        "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
    ),
    (
        "private_key",
        "key: -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx4\n-----END RSA PRIVATE KEY----- ok",
        "MIIEpAIBAAKCAQEAx4",
    ),
    (
        "private_key",
        "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAA truncated",
        "b3BlbnNzaC1rZXkt",
    ),
    ("email", "password reset mail sent to alice.smith+ops@example.co.uk", "alice.smith+ops@example.co.uk"),
    ("card_number", "charge failed for card 4111 1111 1111 1111 amount=12.00", "4111 1111 1111 1111"),
    ("card_number", "card=5500005555555559 declined", "5500005555555559"),
    ("card_number", "amex 3782-822463-10005 ok", "3782-822463-10005"),
]

ORDINARY = [
    "2025-01-06T12:00:00.123Z ERROR payment-api HikariPool-1 - Connection is not available, "
    "request timed out after 30000ms",
    "GET /api/v1/payments/123 200 35ms request_id=9f8e7d6c-1234-4abc-9def-0123456789ab "
    "trace=4bf92f3577b34da6",
    "client 10.0.3.7:51234 -> 172.16.4.2:5432 connection reset by peer; dns 8.8.8.8 ok",
    "ts=1736164800123 duration=1.234s latency_p99=850ms bytes=1048576 pid=4412 port=8080",
    "epoch_ns=1736164800123456789 offset=4294967296 order_id=10000000000001",
    "max_tokens=4096 prompt_tokens=1200 total_tokens=5296 token_count=5 tokenizer=bpe",
    'password authentication failed for user "app"',
    "Failed to refresh token: connection refused",
    "token: expired; retrying",
    "password_changed_at=2025-01-01T10:00:00Z password_reset=true secret_name=db-creds",
    "version 2.4.1 deployed by ci@1.2.3 image=registry/payment-api@sha256:0123abcd",
    "java.lang.OutOfMemoryError: GC overhead limit exceeded",
    "deadlock detected: Process 123 waits for ShareLock on transaction 456; blocked by process 789",
    "http://payment-api:8080/health returned 503 after 3 retries",
    "uuid 123e4567-e89b-12d3-a456-426614174000 ratio 0.4111111111111111",
    "kubelet: Killing container payment-api (OOMKilled), restart count 3, limit 512Mi",
]


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(RedactionConfig(stable_tags=False))


@pytest.mark.parametrize(
    ("kind", "line", "secret"), PLANTED, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(PLANTED)]
)
def test_planted_secret_is_masked_in_text(redactor, kind, line, secret):
    masked = redactor.text(line)
    assert secret not in masked
    assert f"[REDACTED:{kind}]" in masked


@pytest.mark.parametrize("line", ORDINARY)
def test_ordinary_operational_lines_are_left_alone(redactor, line):
    assert redactor.text(line) == line


def test_masking_keeps_the_rest_of_the_line_readable(redactor):
    masked = redactor.text("connecting to postgres://app:S3cr3t@db.internal:5432/payments as app")
    assert masked == "connecting to postgres://app:[REDACTED:url_password]@db.internal:5432/payments as app"


def test_planted_secrets_are_masked_in_log_records(redactor):
    for _, line, secret in PLANTED:
        record = LogRecord(
            ts=TS, service="payment-api", level="ERROR", message=line, raw=f"{TS} ERROR {line}"
        )
        masked = redactor.record(record)
        assert secret not in masked.message and secret not in masked.raw
        assert masked.ts == TS and masked.level == "ERROR" and masked.service == "payment-api"


def test_planted_secrets_are_masked_in_change_events(redactor):
    for _, line, secret in PLANTED:
        event = ChangeEvent(
            ts=TS,
            type="config_change",
            service="payment-api",
            summary=f"changed: {line}",
            attrs={"diff": line, "db_password": "plainpw", "author": "ci"},
        )
        masked = redactor.event(event)
        assert secret not in masked.summary and secret not in masked.attrs["diff"]
        assert "plainpw" not in str(masked.attrs) and masked.attrs["author"] == "ci"


def test_planted_secrets_are_masked_in_metric_series(redactor):
    series = MetricSeries(
        service="payment-api",
        metric='connections{dsn="postgres://u:pw-in-label@db/x"}',
        unit="token=abcdef123456",
        timestamps=[TS],
        values=[42.0],
        limit=100.0,
    )
    masked = redactor.series(series)
    assert "pw-in-label" not in masked.metric and "abcdef123456" not in masked.unit
    assert masked.values == [42.0] and masked.limit == 100.0 and masked.service == "payment-api"
    assert series.metric.endswith('x"}')  # the original is untouched


def test_planted_secrets_are_masked_in_nested_structures(redactor):
    data = {
        "alert": "payment-api 503s, see postgres://app:alertpw1@db/x",
        "labels": {"instance": "10.0.3.7:9100", "api_key": "k-1234567890", "owner": "bob@example.com"},
        "history": [{"password": 123456}, ("token=abcdef123456",), {"ok": True, "n": 3}],
        "when": TS,
        "password": "",
    }
    masked = redactor.value(data)
    text = str(masked)
    for secret in ("alertpw1", "k-1234567890", "bob@example.com", "123456", "abcdef123456"):
        assert secret not in text
    assert masked["labels"]["instance"] == "10.0.3.7:9100"
    assert masked["history"][2] == {"ok": True, "n": 3}
    assert masked["when"] == TS.isoformat() and masked["password"] == ""


def test_secret_named_keys():
    assert is_secret_key("password") and is_secret_key("X-Auth-Token") and is_secret_key("client_secret")
    assert is_secret_key("DB_PASSWORD") and is_secret_key("apiKey") and is_secret_key("Cookie")
    assert not is_secret_key("max_tokens") and not is_secret_key("token_count")
    assert not is_secret_key("password_changed_at") and not is_secret_key("secret_name")
    assert not is_secret_key("request_id") and not is_secret_key("duration")


def test_card_checks():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert is_card_number("4111 1111 1111 1111")
    assert not is_card_number("1736164800123")  # epoch milliseconds: no card prefix
    assert not is_card_number("4111111111111112")  # fails Luhn


def test_digits_inside_an_identifier_are_no_card_number():
    """A random id can hold a Luhn-valid run of 13+ digits (``apv_2458716967482a1d...``, an approval
    id): masking it broke the audit trail's link to the approval, so only a standalone run counts."""
    redactor = Redactor()
    for text in ("apv_2458716967482a1d2e2b13e8", "order-ref x4111111111111111", "id=4111111111111111abc"):
        assert redactor.text(text) == text
    assert "4111111111111111" not in redactor.text("card 4111111111111111, declined")


def test_stable_tags_same_secret_same_placeholder_different_secrets_differ():
    redactor = Redactor()
    first = redactor.text("password=hunter2")
    assert first == redactor.text("password=hunter2") != redactor.text("password=hunter3")
    assert first.startswith("password=[REDACTED:password#") and "hunter2" not in first


def test_tags_differ_between_incidents_and_are_stable_with_the_same_key():
    assert Redactor().text("password=hunter2") != Redactor().text("password=hunter2")
    key = b"k" * 32
    assert Redactor(key=key).text("password=hunter2") == Redactor(key=key).text("password=hunter2")


def test_extra_patterns_from_config():
    config = RedactionConfig(
        stable_tags=False,
        patterns=[
            RedactionPattern(name="order_token", pattern=r"order_tok=(?P<secret>[A-Z0-9]{8})"),
            RedactionPattern(name="employee_id", pattern=r"\bEMP-\d{6}\b"),
        ],
    )
    masked = Redactor(config).text("order_tok=AB12CD34 by EMP-123456")
    assert masked == "order_tok=[REDACTED:order_token] by [REDACTED:employee_id]"


def test_invalid_extra_pattern_is_a_config_error():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="regular expression"):
        RedactionPattern(name="bad", pattern="(unclosed")
    with pytest.raises(ValidationError, match="empty string"):
        RedactionPattern(name="bad", pattern="x*")
    with pytest.raises(ValidationError, match="exponential time"):
        RedactionPattern(name="bad", pattern=r"token=(\w+-?)+;")
    with pytest.raises(ValidationError, match="unknown built-in"):
        RedactionConfig(disable=["nonsense"])


def test_builtin_kinds_can_be_disabled():
    redactor = Redactor(RedactionConfig(stable_tags=False, disable=["email"]))
    assert (
        redactor.text("mail bob@example.com password=x1")
        == "mail bob@example.com password=[REDACTED:password]"
    )
    assert Redactor(RedactionConfig(builtin=False)).text("password=hunter2") == "password=hunter2"


def test_public_ips_are_opt_in_and_private_ips_never_masked():
    line = "client 203.0.113.9 via 10.0.3.7 and 127.0.0.1 and 8.8.8.8"
    assert Redactor(RedactionConfig(stable_tags=False)).text(line) == line
    masked = Redactor(RedactionConfig(stable_tags=False, public_ips=True)).text(line)
    assert (
        masked == "client 203.0.113.9 via 10.0.3.7 and 127.0.0.1 and [REDACTED:ip]"
    )  # 203.0.113/24 is TEST-NET


def test_non_ascii_text_falls_back_safely(redactor):
    masked = redactor.text("İstanbul PASSWORD=Gizli123 ok")
    assert "Gizli123" not in masked and masked.startswith("İstanbul PASSWORD=")


def test_exception_messages_are_masked(redactor):
    from aiops.core.errors import BackendError

    exc = redactor.exception(BackendError("cannot reach postgres://app:pw12345@db:5432"))
    assert "pw12345" not in str(exc)


def test_many_lines_stay_linear(redactor):
    lines = [ORDINARY[i % len(ORDINARY)] + f" user{i}@example.com" for i in range(5000)]
    masked = [redactor.text(line) for line in lines]
    assert all("@example.com" not in line for line in masked)
