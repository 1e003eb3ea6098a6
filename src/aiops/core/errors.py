"""Error types shared by every layer, each carrying the CLI exit code it maps to."""

from __future__ import annotations


class AiopsError(Exception):
    """Base error. `exit_code` is what the CLI exits with when this reaches it."""

    exit_code = 1


class ConfigError(AiopsError):
    """Bad input or configuration: a file, a key path and what to do about it. Exit code 2."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, path: str | None = None) -> None:
        self.file = file
        self.path = path
        where = ": ".join(part for part in (file, path) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message


class BackendError(AiopsError):
    """A backend could not answer (server down, timeout, bad response). Text is safe to show an agent."""


class UnknownServiceError(BackendError):
    """The service is not in the environment; the message lists the known ones."""

    def __init__(self, service: str, known: list[str]) -> None:
        self.service = service
        self.known = sorted(known)
        super().__init__(f"unknown service {service!r}; known services: {', '.join(self.known) or '(none)'}")


class UnknownMetricError(BackendError):
    """The metric is not available; the message lists the metrics that are."""

    def __init__(self, metric: str, known: list[str]) -> None:
        self.metric = metric
        self.known = sorted(known)
        super().__init__(f"unknown metric {metric!r}; available metrics: {', '.join(self.known) or '(none)'}")
