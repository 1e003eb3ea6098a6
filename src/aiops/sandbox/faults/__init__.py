"""The fault library: every fault type by name."""

from __future__ import annotations

from aiops.sandbox.faults.base import ChangeSpec, Fault, Param, WorldView
from aiops.sandbox.faults.database import DbDeadlock, SlowDatabase
from aiops.sandbox.faults.deploy import BadDeployment
from aiops.sandbox.faults.load import TrafficSpike
from aiops.sandbox.faults.network import CertExpiry, DependencyDown, DnsFailure
from aiops.sandbox.faults.pool import ConnectionLeak
from aiops.sandbox.faults.resources import DiskFill, MemoryLeak

FAULTS: dict[str, type[Fault]] = {
    cls.type: cls
    for cls in (
        MemoryLeak,
        TrafficSpike,
        ConnectionLeak,
        SlowDatabase,
        DbDeadlock,
        DiskFill,
        DnsFailure,
        CertExpiry,
        BadDeployment,
        DependencyDown,
    )
}

__all__ = ["FAULTS", "ChangeSpec", "Fault", "Param", "WorldView"]
