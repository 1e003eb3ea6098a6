"""`Redactor`: masks secrets and personal data in text, nested data and the core telemetry types.

Placeholders are `[REDACTED:<kind>]`, or with `stable_tags` `[REDACTED:<kind>#<tag>]` where the tag
is a keyed hash of the secret: the same secret gets the same placeholder within one redactor (one
incident) and the tag reveals nothing without the redactor's key, which never leaves memory (pass
a key derived from the state folder's secret and the incident id to keep tags stable on resume).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from typing import Any

from aiops.core.types import ActionResult, ChangeEvent, LogRecord, MetricSeries, ServiceInfo, StateRecord
from aiops.safety.config import RedactionConfig
from aiops.safety.jsonable import to_jsonable
from aiops.safety.redaction_rules import (
    BUILTIN_RULES,
    PUBLIC_IP_RULE,
    Rule,
    Span,
    disabled_kinds,
    is_secret_key,
    secret_kind,
    skip_secret_value,
)


def _custom_rule(name: str, pattern: str) -> Rule:
    regex = re.compile(pattern)
    group = "secret" if "secret" in regex.groupindex else None

    def resolve(match: re.Match[str], _text: str) -> list[Span]:
        start, end = match.span(group) if group else match.span()
        return [(start, end, name)] if end > start else []

    return Rule(name, regex, resolve)


class Redactor:
    """Masks secrets; safe to share between threads (it holds no mutable state after construction)."""

    def __init__(self, config: RedactionConfig | None = None, *, key: bytes | None = None) -> None:
        self.config = config or RedactionConfig()
        self._key = key if key is not None else os.urandom(32)
        rules = [_custom_rule(extra.name, extra.pattern) for extra in self.config.patterns]
        if self.config.builtin:
            off = disabled_kinds(self.config.disable)
            rules.extend(rule for rule in BUILTIN_RULES if rule.kind not in off)
            if self.config.public_ips:
                rules.append(PUBLIC_IP_RULE)
        self._rules: tuple[Rule, ...] = tuple(rules)
        words = sorted({t for rule in self._rules for t in rule.triggers}, key=len, reverse=True)
        # One scan tells whether any trigger word occurs at all; most log lines have none.
        self._any_trigger = re.compile("|".join(map(re.escape, words))) if words else None

    def placeholder(self, kind: str, secret: str) -> str:
        """The mask of one secret of one kind."""
        if not self.config.stable_tags:
            return f"[REDACTED:{kind}]"
        tag = hmac.new(self._key, secret.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:6]
        return f"[REDACTED:{kind}#{tag}]"

    def text(self, value: str) -> str:
        """`value` with every secret masked."""
        if not value:
            return value
        lowered = value.lower()
        triggered = self._any_trigger is not None and self._any_trigger.search(lowered) is not None
        for rule in self._rules:
            if rule.triggers and not (triggered and any(trigger in lowered for trigger in rule.triggers)):
                continue
            masked = self._apply(rule, value, lowered)
            if masked is not value:
                value, lowered = masked, masked.lower()
        return value

    def _apply(self, rule: Rule, value: str, lowered: str) -> str:
        regex, subject = rule.regex, value
        if rule.fold:
            if len(lowered) == len(value):
                subject = lowered
            else:  # lower-casing changed the length (rare non-ASCII): use the case-insensitive twin
                regex = rule.regex_any or rule.regex
        pieces: list[str] = []
        last = 0
        for match in regex.finditer(subject):
            for start, end, kind in rule.resolve(match, value):
                if start < last:
                    continue
                pieces.append(value[last:start])
                pieces.append(self.placeholder(kind, value[start:end]))
                last = end
        if not pieces:
            return value
        pieces.append(value[last:])
        return "".join(pieces)

    def value(self, data: Any) -> Any:
        """A JSON-able copy of `data` (any nesting of mappings, sequences, dataclasses, scalars) with
        secrets masked in every string, and whole values masked under secret-named keys."""
        return self._walk(to_jsonable(data))

    def _walk(self, data: Any) -> Any:
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, list):
            return [self._walk(item) for item in data]
        if isinstance(data, dict):
            return {self.text(key): self._field(key, item) for key, item in data.items()}
        return data

    def _field(self, key: str, item: Any) -> Any:
        if is_secret_key(key) and isinstance(item, str | int | float) and not isinstance(item, bool):
            text = str(item)
            if not skip_secret_value(text):
                return self.placeholder(secret_kind(key), text)
        return self._walk(item)

    def mapping(self, data: Mapping[str, str]) -> dict[str, str]:
        """A string-to-string mapping (event attributes, labels) with secrets masked."""
        return {str(key): str(value) for key, value in self.value(dict(data)).items()}

    def record(self, record: LogRecord) -> LogRecord:
        """A log record with message, raw line and service masked."""
        return dataclasses.replace(
            record,
            service=self.text(record.service),
            message=self.text(record.message),
            raw=self.text(record.raw),
        )

    def event(self, event: ChangeEvent) -> ChangeEvent:
        """A change event with type, service, summary and attributes masked."""
        return dataclasses.replace(
            event,
            type=self.text(event.type),
            service=self.text(event.service),
            summary=self.text(event.summary),
            attrs=self.mapping(event.attrs),
        )

    def state(self, record: StateRecord) -> StateRecord:
        """An orchestrator state record with its names, reason, message and attributes masked."""
        return dataclasses.replace(
            record,
            name=self.text(record.name),
            service=self.text(record.service),
            status=self.text(record.status),
            reason=self.text(record.reason),
            message=self.text(record.message),
            attrs=self.mapping(record.attrs),
        )

    def series(self, series: MetricSeries) -> MetricSeries:
        """A copy of a metric series with its service, metric name and unit masked (values kept)."""
        return MetricSeries(
            service=self.text(series.service),
            metric=self.text(series.metric),
            unit=self.text(series.unit),
            timestamps=list(series.timestamps),
            values=list(series.values),
            limit=series.limit,
        )

    def service(self, info: ServiceInfo) -> ServiceInfo:
        """A service description with its names masked."""
        return dataclasses.replace(
            info,
            name=self.text(info.name),
            kind=self.text(info.kind),
            depends_on=tuple(self.text(dep) for dep in info.depends_on),
        )

    def action_result(self, result: ActionResult) -> ActionResult:
        """An executor result with its message and details masked."""
        return dataclasses.replace(
            result, message=self.text(result.message), details=self.value(result.details)
        )

    def exception(self, exc: BaseException) -> BaseException:
        """Mask the string arguments of an exception in place (its message reaches agents); returns it."""
        exc.args = tuple(self.text(arg) if isinstance(arg, str) else arg for arg in exc.args)
        for name in ("message",):
            current = getattr(exc, name, None)
            if isinstance(current, str):
                with contextlib.suppress(AttributeError):
                    setattr(exc, name, self.text(current))
        return exc
