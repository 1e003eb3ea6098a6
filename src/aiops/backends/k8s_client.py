"""Shared Kubernetes plumbing: connection options, the official client (imported lazily), and calls
that return plain JSON (`_preload_content=False`) so code depends on the API's documented shapes,
not on a client version's model classes. Errors become one-line `BackendError`s."""

from __future__ import annotations

import json
from typing import Any

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.options import Options, TlsOptions, check_env_name
from aiops.backends.secrets import from_env
from aiops.core.errors import BackendError, ConfigError

API_GROUPS = {"core": "CoreV1Api", "apps": "AppsV1Api", "batch": "BatchV1Api"}


class KubeOptions(Options):
    """How to reach the cluster: a kubeconfig (+ context), in-cluster config, or `url` + `token_env`."""

    kubeconfig: str | None = None
    context: str | None = None
    in_cluster: bool = False
    url: str | None = None
    token_env: str | None = None
    tls: TlsOptions = Field(default_factory=TlsOptions)
    namespace: str = "default"
    timeout_s: float = Field(default=15.0, gt=0)
    selector: str = "app={service}"
    workloads: dict[str, str] = Field(default_factory=dict)

    _env = field_validator("token_env")(check_env_name)

    @field_validator("workloads")
    @classmethod
    def _workloads(cls, value: dict[str, str]) -> dict[str, str]:
        for service, ref in value.items():
            kind, _, name = ref.partition("/")
            if kind not in ("deployment", "statefulset") or not name:
                raise ValueError(f"{service}: use deployment/NAME or statefulset/NAME, not {ref!r}")
        return value


def _client_module() -> Any:
    try:
        import kubernetes.client
    except ImportError:
        raise ConfigError(
            "the kubernetes backends need the official client: pip install 'aiops-team[kubernetes]'",
            path="type",
        ) from None
    return kubernetes


def api_client(options: KubeOptions, ctx: BuildContext) -> Any:
    """A configured `kubernetes.client.ApiClient`."""
    kubernetes = _client_module()
    cfg = kubernetes.client.Configuration()
    try:
        if options.url:
            cfg.host = options.url.rstrip("/")
            if options.token_env:
                token = f"Bearer {from_env(options.token_env, what='kubernetes')}"
                cfg.api_key = {"BearerToken": token, "authorization": token}
        elif options.in_cluster:
            kubernetes.config.load_incluster_config(client_configuration=cfg)
        else:
            path = str(ctx.resolve(options.kubeconfig)) if options.kubeconfig else None
            kubernetes.config.load_kube_config(
                config_file=path, context=options.context, client_configuration=cfg, persist_config=False
            )
    except kubernetes.config.ConfigException as exc:
        raise ConfigError(f"kubernetes configuration: {exc}") from None
    if options.tls.ca_file:
        cfg.ssl_ca_cert = str(ctx.resolve(options.tls.ca_file))
    if options.tls.cert_file:
        cfg.cert_file = str(ctx.resolve(options.tls.cert_file))
        cfg.key_file = str(ctx.resolve(options.tls.key_file)) if options.tls.key_file else None
    if options.tls.insecure:
        cfg.verify_ssl = False
    return kubernetes.client.ApiClient(cfg)


class Kube:
    """JSON calls against one namespace."""

    def __init__(self, options: KubeOptions, ctx: BuildContext) -> None:
        self.options = options
        self.namespace = options.namespace
        self.client = api_client(options, ctx)
        module = _client_module()
        self._errors = (
            module.client.exceptions.ApiException,
            OSError,
            module.client.exceptions.OpenApiException,
        )
        self.apis = {group: getattr(module.client, cls)(self.client) for group, cls in API_GROUPS.items()}

    def raw(self, group: str, method: str, *args: Any, **kwargs: Any) -> bytes:
        """Call `group`'s API method; the raw body (BackendError on failure)."""
        import urllib3

        try:
            resp = getattr(self.apis[group], method)(
                *args, _preload_content=False, _request_timeout=self.options.timeout_s, **kwargs
            )
        except self._errors as exc:
            raise BackendError(_short(exc)) from None
        except urllib3.exceptions.HTTPError as exc:
            raise BackendError(f"kubernetes: cannot reach the API server: {exc}") from None
        if not 200 <= resp.status < 300:
            raise BackendError(_short(resp))
        return resp.data

    def call(self, group: str, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call and decode the JSON answer."""
        data = self.raw(group, method, *args, **kwargs)
        try:
            return json.loads(data)
        except ValueError:
            raise BackendError(f"kubernetes: {method} did not return JSON") from None

    def workload(self, service: str) -> tuple[str, str]:
        """`(kind, name)` of a service's workload (`deployment`, the service name by default)."""
        kind, _, name = self.options.workloads.get(service, f"deployment/{service}").partition("/")
        return kind, name

    def selector(self, service: str) -> str:
        """The pod label selector of a service."""
        return self.options.selector.replace("{service}", service)

    def close(self) -> None:
        self.client.close()


def _short(exc: Any) -> str:
    status = getattr(exc, "status", None)
    body = getattr(exc, "body", None) or getattr(exc, "data", None)
    message = ""
    if body:
        try:
            message = json.loads(body).get("message", "")
        except (ValueError, AttributeError):
            message = body.decode("utf-8", "replace")[:200] if isinstance(body, bytes) else str(body)[:200]
    reason = getattr(exc, "reason", None) or ""
    if status is None:
        return f"kubernetes: {str(exc)[:200]}"
    return f"kubernetes: HTTP {status} {reason}".rstrip() + (f": {message}" if message else "")
