"""Analysis core, plain Python (no LangChain): log template mining, log digests, metric anomalies
and cross-service correlation. The agents' tools and the offline engine build on it.

Names are imported lazily (PEP 562) so that `aiops logs parse`, whose throughput is measured as
a whole process, loads only the modules it uses.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS: dict[str, str] = {
    "MASK": "masking",
    "mask": "masking",
    "HeaderModel": "header",
    "learn_header": "header",
    "Template": "miner",
    "TemplateMiner": "miner",
    "LogParser": "logparse",
    "ParsedLine": "logparse",
    "iter_lines": "linereader",
}

__all__ = [
    "MASK",
    "HeaderModel",
    "LogParser",
    "ParsedLine",
    "Template",
    "TemplateMiner",
    "iter_lines",
    "learn_header",
    "mask",
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
