"""aiops: an AI incident-response team for on-call engineers, built on deepagents."""

__version__ = "0.1.0"

__all__ = ["__version__"]
