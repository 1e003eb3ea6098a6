"""Service names from the names real systems print: pod and ReplicaSet names with Kubernetes'
generated suffixes, `namespace/name`, `Kind/name`, container ids, `host:port`.

Kubernetes names a Deployment's pods `<deployment>-<pod-template-hash>-<suffix>`, a ReplicaSet
`<deployment>-<hash>`, a Job's or DaemonSet's pods `<owner>-<suffix>`, a CronJob's jobs
`<cronjob>-<minutes since the epoch>` and a StatefulSet's pods `<statefulset>-<ordinal>`. The hash
and the suffix are drawn from an alphabet without vowels (so they never spell words), which is
what tells a generated suffix from a word such as `-proxy`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

K8S_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
"""The characters Kubernetes uses for generated name parts (apimachinery's rand.String)."""
def _generated(size: str) -> str:
    """A generated part of `size` characters (a regex count such as `5` or `6,10`): drawn from that
    alphabet, or (names copied from elsewhere) letters and digits with at least one digit; a plain
    word such as `proxy` is neither."""
    return rf"(?:[{K8S_ALPHABET}]{{{size}}}|(?=[a-z0-9]*\d)[a-z0-9]{{{size}}})"


_POD_SUFFIX = re.compile(rf"-{_generated('5')}$")
_AFTER_HASH = re.compile(rf"(-{_generated('6,10')})-[a-z0-9]{{5}}$")
"""Any five-character last part after a template hash: the two together are a Deployment's pod even
when the suffix was typed by hand (`-abcde`)."""
_TEMPLATE_HASH = re.compile(rf"-{_generated('6,10')}$")
_CRONJOB_RUN = re.compile(r"-\d{8,10}$")
_ORDINAL = re.compile(r"-\d{1,4}$")
_PREFIXES = re.compile(r"^(?:[A-Za-z]+/)?(?:[\w.-]+/)?")
_PORT = re.compile(r":\d{1,5}$")
_ARN = re.compile(r"^arn:aws[\w-]*:[\w-]+:[\w-]*:\d*:")
_HEX_ID = re.compile(r"^[0-9a-f]{8,}$")
_NOT_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def bare_name(name: str) -> str:
    """`Pod/payments/payments-api-7f9dd8b6c4-x7gr9` -> `payments-api-7f9dd8b6c4-x7gr9`; `db:5432` -> `db`;
    cloud ids name their resource before a trailing hex id (`app/accounts-alb/5c1d9e7f3a2b4c6d`,
    `targetgroup/api/9a8b...`) or after an ARN's prefix (`arn:aws:rds:eu-west-1:123:db:orders`)."""
    name = name.strip().strip("\"'`")
    if _ARN.match(name):
        name = _ARN.sub("", name).replace(":", "/")
    if "/" in name:
        parts = [part for part in name.split("/") if part]
        while len(parts) > 1 and _HEX_ID.match(parts[-1]):
            parts.pop()
        name = parts[-1] if parts else name
    return _PORT.sub("", name)


def service_name(value: str) -> str:
    """A name fit for the inventory from any label value: `bare_name`, then every run of characters a
    service name cannot hold turned into one '-' (empty when nothing is left)."""
    return _NOT_NAME.sub("-", bare_name(value)).strip("-.")


def owner_candidates(name: str) -> list[str]:
    """The names `name` may have been generated from, nearest owner first: for a Deployment's pod,
    its ReplicaSet then its Deployment; for a Job's pod, the Job (and a CronJob's run, the CronJob)."""
    out: list[str] = []
    current = bare_name(name)
    for pattern in (_POD_SUFFIX, _TEMPLATE_HASH, _CRONJOB_RUN):
        stripped = pattern.sub("", current)
        if pattern is _POD_SUFFIX and stripped == current:
            stripped = _AFTER_HASH.sub(r"\1", current)
        if stripped != current and stripped:
            out.append(stripped)
            current = stripped
    return out


def workload_of(name: str) -> str:
    """The workload a generated pod or ReplicaSet name belongs to (the name itself when nothing in it
    was generated). StatefulSet ordinals (`-0`) are left alone here: `db-replica-1` is as likely a
    name of its own; `resolve_service` strips them only towards a known name."""
    owners = owner_candidates(name)
    return owners[-1] if owners else bare_name(name)


def pod_workload(pod: str) -> str:
    """The workload of a name known to be a pod's: generated parts stripped, else a trailing
    StatefulSet ordinal (`orders-db-0` -> `orders-db`)."""
    owners = owner_candidates(pod)
    if owners:
        return owners[-1]
    bare = bare_name(pod)
    return _ORDINAL.sub("", bare) or bare


def resolve_service(name: str, known: Iterable[str], *, prefix: bool = True) -> str | None:
    """The known service `name` refers to: the name itself, the workload it was generated from, or
    (with `prefix`) the longest known name it starts with followed by '-' or '.'; None otherwise."""
    names = list(known)
    if not name:
        return None
    lowered = {n.lower(): n for n in names}
    bare = bare_name(name)
    for candidate in (name, bare, *owner_candidates(name), _ORDINAL.sub("", bare)):
        if candidate.lower() in lowered:
            return lowered[candidate.lower()]
    if not prefix:
        return None
    lowered_bare = bare.lower()
    prefixed = [n for n in names if lowered_bare.startswith((n.lower() + "-", n.lower() + "."))]
    return max(prefixed, key=len) if prefixed else None
