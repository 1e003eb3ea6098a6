"""A small HTTP client over urllib: timeouts, bearer/basic auth from env vars, TLS options,
capped response sizes, and errors as one short `BackendError` line."""

from __future__ import annotations

import base64
import json
import re
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from aiops.backends.options import HttpOptions
from aiops.backends.secrets import from_env
from aiops.core.errors import BackendError, ConfigError

MAX_RESPONSE_BYTES = 64 * 1024 * 1024


def endpoint(options: HttpOptions, *, what: str) -> tuple[str, str]:
    """`(url, shown)`: the URL to call and the one to show in messages. A URL from `url_env` may be a
    credential (a webhook), so only its scheme and host are shown."""
    if options.url:
        return options.url, options.url
    var = str(options.url_env)
    value = from_env(var, what=f"{what} (url_env)").strip()
    if not re.match(r"^https?://[^/\s]+", value):
        raise ConfigError(f"environment variable {var} does not hold an http:// or https:// URL",
                          path=f"{what}.url_env")
    parts = urllib.parse.urlsplit(value)
    port = f":{parts.port}" if parts.port else ""
    return value.rstrip("/"), f"{parts.scheme}://{parts.hostname}{port}/... (from ${var})"


def ssl_context(options: HttpOptions, resolve: Any = None, url: str | None = None) -> ssl.SSLContext | None:
    """The TLS context for an https URL (None for plain http)."""
    if not (url or options.url).startswith("https://"):
        return None
    tls = options.tls
    path = resolve or (lambda p: p)
    ctx = ssl.create_default_context(cafile=str(path(tls.ca_file)) if tls.ca_file else None)
    if tls.cert_file:
        ctx.load_cert_chain(str(path(tls.cert_file)), str(path(tls.key_file)) if tls.key_file else None)
    if tls.insecure:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def auth_headers(options: HttpOptions, *, what: str) -> dict[str, str]:
    """Authorization header from `token_env` (bearer) or `username` + `password_env` (basic)."""
    if options.token_env:
        return {"Authorization": f"Bearer {from_env(options.token_env, what=what)}"}
    if options.username:
        password = from_env(options.password_env, what=what) if options.password_env else ""
        pair = base64.b64encode(f"{options.username}:{password}".encode()).decode()
        return {"Authorization": f"Basic {pair}"}
    return {}


class HttpClient:
    """JSON over HTTP against one base URL. `name` prefixes error messages (e.g. "prometheus")."""

    def __init__(
        self, options: HttpOptions, *, name: str, resolve: Any = None, max_bytes: int = MAX_RESPONSE_BYTES
    ) -> None:
        self.base, self.shown = endpoint(options, what=name)
        self.name = name
        self.timeout = options.timeout_s
        self.max_bytes = max_bytes
        self.headers = {"User-Agent": "aiops-team", **options.headers, **auth_headers(options, what=name)}
        self._ssl = ssl_context(options, resolve, self.base)

    def url(self, path: str, params: dict[str, Any] | None = None) -> str:
        """The full URL of `path` with query parameters."""
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return f"{self.base}/{path.lstrip('/')}{query}" if path else f"{self.base}{query}"

    def request(
        self, method: str, path: str, *, params: dict[str, Any] | None = None, body: Any = None
    ) -> tuple[int, bytes]:
        """Send a request; returns `(status, body)` for any HTTP status, BackendError when unreachable."""
        data = None if body is None else json.dumps(body).encode()
        headers = dict(self.headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url(path, params), data=data, method=method, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(req, timeout=self.timeout, context=self._ssl) as resp:  # noqa: S310
                return resp.status, self._read(resp)
        except urllib.error.HTTPError as exc:
            return exc.code, self._read(exc)
        except TimeoutError:
            raise BackendError(f"{self.name}: no answer from {self.shown} within {self.timeout:g}s") from None
        except urllib.error.URLError as exc:
            reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
            raise BackendError(f"{self.name}: cannot reach {self.shown}: {reason}") from None
        except (ConnectionError, OSError) as exc:
            raise BackendError(f"{self.name}: connection to {self.shown} failed: {exc}") from None

    def _read(self, resp: Any) -> bytes:
        try:
            data = resp.read(self.max_bytes + 1)
        except TimeoutError:
            raise BackendError(f"{self.name}: {self.shown} stopped answering within {self.timeout:g}s") from None
        if len(data) > self.max_bytes:
            raise BackendError(f"{self.name}: response over {self.max_bytes // 1024 // 1024} MiB; narrow the query")
        return data

    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET and decode JSON; a non-2xx status is a BackendError with the server's short reason."""
        status, data = self.request("GET", path, params=params)
        return self.decode(status, data, path)

    def decode(self, status: int, data: bytes, path: str) -> Any:
        """Decode a JSON body, mapping HTTP errors to a one-line BackendError."""
        try:
            payload = json.loads(data) if data else None
        except ValueError:
            payload = None
        if not 200 <= status < 300:
            detail = ""
            if isinstance(payload, dict):
                detail = str(payload.get("error") or payload.get("message") or "")
            detail = detail or data[:200].decode("utf-8", "replace").strip()
            raise BackendError(f"{self.name}: HTTP {status} from {path}" + (f": {detail[:200]}" if detail else ""))
        if payload is None and data:
            raise BackendError(f"{self.name}: {path} did not return JSON")
        return payload
