"""Analysis core, plain Python (no LangChain): log template mining, log digests, metric anomalies
and cross-service correlation. The agents' tools and the offline engine build on it.

- `TemplateMiner().add(message) -> Template` (`.id`, `.text`, `.count`): streaming miner for
  messages; `LogParser().parse(lines)` / `.json_lines(lines)` / `.template_blocks(lines)` for raw
  lines, learning the header (time, level, pid, host, component) from the lines themselves;
  `header_hypotheses(lines)` / `choose_header(lines) -> HeaderChoice` (`.explain()`) for the
  header layouts considered and the one kept (the collapse safeguard).
- `build_digest(records, start=, end=, signatures=, budget_tokens=2000) -> LogDigest` with
  `.to_dict()` and `.render()`; `digest_lines(lines, ...)` for raw text; `load_signatures(path)`;
  `estimate_tokens(text)`.
- `analyze_series(series) -> MetricFinding` with `.to_dict()` and `.render()`.
- `correlate(findings=, events=, services=, digests=) -> Correlation` with `.to_dict()`, `.render()`.

The dict shapes are documented in `digest`, `metrics` and `correlate`; the `--json` line contract
in `logparse`. Names are imported lazily (PEP 562) so that `aiops logs parse`, whose throughput is
measured as a whole process, loads only the modules it uses.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "MASK": "masking",
    "mask": "masking",
    "HeaderModel": "header",
    "learn_header": "header",
    "header_hypotheses": "header",
    "HeaderChoice": "header_choice",
    "choose_header": "header_choice",
    "Template": "miner",
    "TemplateMiner": "miner",
    "LogParser": "logparse",
    "ParsedLine": "logparse",
    "iter_lines": "linereader",
    "LogDigest": "digest",
    "build_digest": "digest",
    "digest_lines": "digest_file",
    "records_from_lines": "digest_file",
    "Signature": "signatures",
    "load_signatures": "signatures",
    "match_signatures": "signatures",
    "default_signatures_path": "signatures",
    "estimate_tokens": "tokens",
    "TimeParser": "timeparse",
    "MetricFinding": "metrics",
    "analyze_series": "metrics",
    "Correlation": "correlate",
    "correlate": "correlate",
    "parse_time": "timeparse",
}

__all__ = [
    "MASK",
    "Correlation",
    "HeaderChoice",
    "HeaderModel",
    "LogDigest",
    "LogParser",
    "MetricFinding",
    "ParsedLine",
    "Signature",
    "Template",
    "TemplateMiner",
    "TimeParser",
    "analyze_series",
    "build_digest",
    "choose_header",
    "correlate",
    "default_signatures_path",
    "digest_lines",
    "estimate_tokens",
    "header_hypotheses",
    "iter_lines",
    "learn_header",
    "load_signatures",
    "mask",
    "match_signatures",
    "parse_time",
    "records_from_lines",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'aiops.analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"aiops.analysis.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
