"""Kubernetes executor: rollout restart (patch the pod template's `restartedAt` annotation), scale
(via the scale subresource), rollout undo (the previous ReplicaSet's template, as `kubectl rollout
undo` does). Dry runs go to the API server with `dryRun=All`, so admission and validation run too."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import Field

from aiops.backends.context import BuildContext
from aiops.backends.k8s_client import Kube, KubeOptions
from aiops.backends.registry import BackendType
from aiops.backends.targets import check_request
from aiops.core.errors import BackendError
from aiops.core.types import ActionResult

Operation = Literal["rollout_restart", "scale", "rollout_undo"]
STRATEGIC = "application/strategic-merge-patch+json"
MERGE = "application/merge-patch+json"
JSON_PATCH = "application/json-patch+json"
REVISION = "deployment.kubernetes.io/revision"
METHOD_KIND = {"deployment": "deployment", "statefulset": "stateful_set"}


class KubeExecutorOptions(KubeOptions):
    """Cluster access, action -> operation mapping, scaling bounds."""

    actions: dict[str, Operation] = Field(
        default_factory=lambda: {
            "restart": "rollout_restart",
            "scale_up": "scale",
            "rollback_deployment": "rollout_undo",
        },
        min_length=1,
    )
    scale_factor: float = Field(default=2.0, gt=1)
    max_replicas: int = Field(default=20, gt=0)
    field_manager: str = "aiops"


class KubeExecutor:
    """Acts on the service's workload."""

    def __init__(self, options: KubeExecutorOptions, kube: Kube, ctx: BuildContext) -> None:
        self.options = options
        self.kube = kube
        self._inventory = ctx.inventory

    def supported_actions(self) -> list[str]:
        return sorted(self.options.actions)

    def targets(self) -> list[str]:
        return sorted({*self.options.workloads, *(svc.name for svc in self._inventory.services())})

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult:
        """Apply the action's operation to the target's workload (server-side dry run with `dry_run`)."""
        del key  # idempotency is handled by the wrapper around every executor
        refusal = check_request(action, target, self.supported_actions(), self.targets, dry_run=dry_run)
        if refusal is not None:
            return refusal
        operation = self.options.actions[action]
        kind, name = self.kube.workload(target)
        details: dict[str, Any] = {
            "operation": operation,
            "workload": f"{kind}/{name}",
            "namespace": self.kube.namespace,
        }
        try:
            message = getattr(self, f"_{operation}")(kind, name, details, "All" if dry_run else None)
        except BackendError as exc:
            return ActionResult(action, target, ok=False, dry_run=dry_run, message=str(exc), details=details)
        prefix = "dry run (server-side): " if dry_run else ""
        return ActionResult(action, target, ok=True, dry_run=dry_run, message=prefix + message, details=details)

    def _patch(
        self,
        method: str,
        name: str,
        body: Any,
        *,
        content_type: str,
        dry_run: str | None,
        details: dict[str, Any],
    ) -> dict[str, Any]:
        details["request"] = {
            "method": "PATCH",
            "call": method,
            "name": name,
            "content_type": content_type,
            "body": body,
            "dry_run": dry_run,
        }
        kwargs: dict[str, Any] = {"field_manager": self.options.field_manager, "_content_type": content_type}
        if dry_run:
            kwargs["dry_run"] = dry_run
        answer = self.kube.call("apps", method, name, self.kube.namespace, body, **kwargs)
        spec, meta = answer.get("spec") or {}, answer.get("metadata") or {}
        details["response"] = {
            "generation": meta.get("generation"),
            "replicas": spec.get("replicas"),
            "revision": (meta.get("annotations") or {}).get(REVISION),
        }
        return answer

    def _rollout_restart(self, kind: str, name: str, details: dict[str, Any], dry_run: str | None) -> str:
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        body = {"spec": {"template": {"metadata": {"annotations": {"kubectl.kubernetes.io/restartedAt": stamp}}}}}
        self._patch(
            f"patch_namespaced_{METHOD_KIND[kind]}",
            name,
            body,
            content_type=STRATEGIC,
            dry_run=dry_run,
            details=details,
        )
        return f"rollout restart of {kind}/{name} requested (restartedAt={stamp})"

    def _scale(self, kind: str, name: str, details: dict[str, Any], dry_run: str | None) -> str:
        method = f"namespaced_{METHOD_KIND[kind]}_scale"
        current = int(
            (self.kube.call("apps", f"read_{method}", name, self.kube.namespace).get("spec") or {}).get("replicas") or 0
        )
        wanted = min(self.options.max_replicas, max(current + 1, math.ceil(current * self.options.scale_factor)))
        if wanted <= current:
            raise BackendError(
                f"{kind}/{name} already has {current} replicas (max_replicas {self.options.max_replicas})"
            )
        details["replicas"] = {"before": current, "after": wanted}
        self._patch(
            f"patch_{method}",
            name,
            {"spec": {"replicas": wanted}},
            content_type=MERGE,
            dry_run=dry_run,
            details=details,
        )
        return f"scaled {kind}/{name} from {current} to {wanted} replicas"

    def _rollout_undo(self, kind: str, name: str, details: dict[str, Any], dry_run: str | None) -> str:
        if kind != "deployment":
            raise BackendError(f"rollout undo needs a Deployment, not a {kind}")
        deployment = self.kube.call("apps", "read_namespaced_deployment", name, self.kube.namespace)
        current = int(((deployment.get("metadata") or {}).get("annotations") or {}).get(REVISION, "0"))
        previous = previous_replica_set(self._replica_sets(deployment), current)
        if previous is None:
            raise BackendError(f"deployment/{name} has no previous revision to roll back to")
        template = previous["spec"]["template"]
        labels = dict((template.get("metadata") or {}).get("labels") or {})
        labels.pop("pod-template-hash", None)
        template = {**template, "metadata": {**(template.get("metadata") or {}), "labels": labels}}
        revision = previous["metadata"]["annotations"][REVISION]
        details["revisions"] = {"from": current, "to": int(revision)}
        body = [{"op": "replace", "path": "/spec/template", "value": template}]
        self._patch(
            "patch_namespaced_deployment",
            name,
            body,
            content_type=JSON_PATCH,
            dry_run=dry_run,
            details=details,
        )
        return f"rolled deployment/{name} back from revision {current} to revision {revision}"

    def _replica_sets(self, deployment: dict[str, Any]) -> list[dict[str, Any]]:
        selector = ((deployment.get("spec") or {}).get("selector") or {}).get("matchLabels") or {}
        uid = (deployment.get("metadata") or {}).get("uid")
        listing = self.kube.call(
            "apps",
            "list_namespaced_replica_set",
            self.kube.namespace,
            label_selector=",".join(f"{k}={v}" for k, v in sorted(selector.items())),
        )
        return [
            rs
            for rs in listing.get("items") or []
            if any(o.get("uid") == uid for o in (rs.get("metadata") or {}).get("ownerReferences") or [])
        ]

    def check(self) -> str:
        listing = self.kube.call("apps", "list_namespaced_deployment", self.kube.namespace, limit=1)
        count = len(listing.get("items") or [])
        return f"deployments readable in namespace {self.kube.namespace} ({count} listed)"

    def close(self) -> None:
        self.kube.close()


def previous_replica_set(replica_sets: list[dict[str, Any]], current: int) -> dict[str, Any] | None:
    """The ReplicaSet with the highest revision below `current`."""
    older = [
        (int(rs["metadata"]["annotations"][REVISION]), rs)
        for rs in replica_sets
        if (rs.get("metadata") or {}).get("annotations", {}).get(REVISION, "").isdigit()
    ]
    older = [(rev, rs) for rev, rs in older if rev < current]
    return max(older, key=lambda pair: pair[0])[1] if older else None


def build_kube_executor(options: KubeExecutorOptions, ctx: BuildContext) -> KubeExecutor:
    """Factory for `executor: {type: kubernetes}`."""
    return KubeExecutor(options, Kube(options, ctx), ctx)


EXECUTOR = BackendType(
    "executor", "kubernetes", KubeExecutorOptions, build_kube_executor, "rollout restart, scale, rollout undo"
)
