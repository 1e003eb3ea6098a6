"""Plain data types, protocols and errors: the bottom layer every other package builds on.

Nothing here imports LangChain, the sandbox or any backend; implementations import this.
"""

from aiops.core.errors import (
    AiopsError,
    BackendError,
    ConfigError,
    UnknownMetricError,
    UnknownServiceError,
)
from aiops.core.protocols import Clock, EventSource, Executor, Inventory, LogSource, MetricSource, StateSource
from aiops.core.types import (
    LEVELS,
    ActionResult,
    ChangeEvent,
    Environment,
    LogRecord,
    MetricSeries,
    ServiceInfo,
    StateRecord,
)

__all__ = [
    "LEVELS",
    "ActionResult",
    "AiopsError",
    "BackendError",
    "ChangeEvent",
    "Clock",
    "ConfigError",
    "Environment",
    "EventSource",
    "Executor",
    "Inventory",
    "LogRecord",
    "LogSource",
    "MetricSeries",
    "MetricSource",
    "ServiceInfo",
    "StateRecord",
    "StateSource",
    "UnknownMetricError",
    "UnknownServiceError",
]
