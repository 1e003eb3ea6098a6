"""Evidence bundles: a folder of collected logs, metrics, Kubernetes snapshots and change events,
investigated offline as an ordinary environment (`aiops respond --bundle DIR`, `aiops bundle check`)."""

from aiops.backends.bundle.discover import Discovered, discover
from aiops.backends.bundle.layout import Bundle, scan
from aiops.backends.bundle.spec import bundle_environment, environment_dict, load_bundle

__all__ = ["Bundle", "Discovered", "bundle_environment", "discover", "environment_dict", "load_bundle", "scan"]
