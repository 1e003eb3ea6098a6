"""Network-side faults: name resolution failing, an expired certificate, a dependency that stops answering."""

from __future__ import annotations

from typing import ClassVar

from aiops.sandbox.faults.base import Fault, Param, WorldView
from aiops.sandbox.model import Cond


class DnsFailure(Fault):
    """The service cannot resolve its dependencies' names (a resolver or mesh configuration change)."""

    type = "dns_failure"
    summary = "name resolution of the service's dependencies fails"
    kinds = ("app",)
    params_spec: ClassVar[dict[str, Param]] = {
        "failure_pct": Param("number", 85.0, 1.0, 100.0, help="share of lookups failing (%)"),
    }
    fixes = frozenset({"rollback_config"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world)
        if level > 0:
            cond = conds[self.target]
            cond.dns_fail = max(cond.dns_fail, self.params["failure_pct"] / 100 * level)


class CertExpiry(Fault):
    """The service's TLS certificate expires at `start_minute`: handshakes against it fail."""

    type = "cert_expiry"
    summary = "the serving certificate expired; TLS handshakes fail"
    kinds = ("app", "database", "cache")
    params_spec: ClassVar[dict[str, Param]] = {
        "failure_pct": Param(
            "number", 100.0, 1.0, 100.0, help="share of clients that verify the certificate (%)"
        ),
    }
    fixes = frozenset({"renew_cert"})

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world)
        if level > 0:
            cond = conds[self.target]
            cond.tls_broken = max(cond.tls_broken, self.params["failure_pct"] / 100 * level)


class DependencyDown(Fault):
    """The service stops answering (hung process): callers time out, its own metrics stop."""

    type = "dependency_down"
    summary = "a dependency stops answering; errors cascade to its callers"
    kinds = ("app", "database", "cache")
    params_spec: ClassVar[dict[str, Param]] = {
        "failure_pct": Param("number", 100.0, 1.0, 100.0, help="share of the time it does not answer (%)"),
    }
    fixes = frozenset({"restart"})

    def fix_effects(self, kind: str) -> frozenset[str]:
        return self.fixes | {"failover"} if kind == "database" else self.fixes

    def apply(self, minute: int, conds: dict[str, Cond], world: WorldView) -> None:
        level = self.level(minute, world)
        if level > 0:
            cond = conds[self.target]
            cond.down = max(cond.down, self.params["failure_pct"] / 100 * level)
