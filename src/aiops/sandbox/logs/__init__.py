"""Sandbox log generation: per-service formats and per-minute line mixes, streamed lazily."""

from aiops.sandbox.logs.source import SandboxLogSource

__all__ = ["SandboxLogSource"]
