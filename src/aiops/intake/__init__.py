"""Alert intake: Alertmanager webhook payloads into incoming alerts (alert text, service, fingerprint)."""

from aiops.intake.alertmanager import (
    DEFAULT_SERVICE_LABELS,
    IncomingAlert,
    parse_alertmanager,
    pick_service,
    pod_workload,
    read_alertmanager,
)

__all__ = [
    "DEFAULT_SERVICE_LABELS",
    "IncomingAlert",
    "parse_alertmanager",
    "pick_service",
    "pod_workload",
    "read_alertmanager",
]
