"""supervisord executor over XML-RPC (HTTP `inet_http_server` or the `unix_http_server` socket).

`restart` is stop + start (supervisor has no restart call); `stop` and `start` map directly. A
service maps to a program name (`programs`, or the `program` template, `{service}` by default);
`group:*` names act on a whole group. Results carry the PIDs before and after.
"""

from __future__ import annotations

import http.client
import socket
import xmlrpc.client
from typing import Any, Literal

from pydantic import Field, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.options import Options, check_env_name
from aiops.backends.registry import BackendType
from aiops.backends.secrets import from_env
from aiops.backends.targets import check_request
from aiops.core.errors import BackendError
from aiops.core.types import ActionResult

Operation = Literal["restart", "stop", "start"]


class SupervisordOptions(Options):
    """Where supervisord listens and how services map to programs and actions to operations."""

    url: str = "unix:///var/run/supervisor.sock"
    username: str | None = None
    password_env: str | None = None
    timeout_s: float = Field(default=30.0, gt=0)
    program: str = "{service}"
    programs: dict[str, str] = Field(default_factory=dict)
    actions: dict[str, Operation] = Field(default_factory=lambda: {"restart": "restart"}, min_length=1)

    _env = field_validator("password_env")(check_env_name)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("unix://", "http://", "https://")):
            raise ValueError("must be unix:///path/to/supervisor.sock or http://host:port/RPC2")
        if "@" in value.split("/")[2]:
            raise ValueError("credentials in the URL are not allowed; use username + password_env")
        return value


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        sock.connect(self.path)
        self.sock = sock


class _UnixTransport(xmlrpc.client.Transport):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__()
        self.path = path
        self.timeout = timeout

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        del host  # the socket path is the address
        return _UnixConnection(self.path, self.timeout)


class _TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: Any) -> http.client.HTTPConnection:
        conn = super().make_connection(host)
        conn.timeout = self.timeout
        return conn


def server_proxy(options: SupervisordOptions) -> xmlrpc.client.ServerProxy:
    """An XML-RPC proxy for supervisord (credentials from the env var, never the file)."""
    auth = ""
    if options.username:
        password = from_env(options.password_env, what="supervisord") if options.password_env else ""
        auth = f"{options.username}:{password}@"
    if options.url.startswith("unix://"):
        transport: xmlrpc.client.Transport = _UnixTransport(options.url[len("unix://") :], options.timeout_s)
        return xmlrpc.client.ServerProxy(f"http://{auth}localhost/RPC2", transport=transport, allow_none=True)
    scheme, rest = options.url.split("://", 1)
    url = f"{scheme}://{auth}{rest}"
    if scheme == "http":
        return xmlrpc.client.ServerProxy(url, transport=_TimeoutTransport(options.timeout_s), allow_none=True)
    return xmlrpc.client.ServerProxy(url, allow_none=True)


class SupervisordExecutor:
    """Acts on supervisord programs."""

    def __init__(self, options: SupervisordOptions, ctx: BuildContext) -> None:
        self.options = options
        self.proxy = server_proxy(options)
        self._inventory = ctx.inventory

    def supported_actions(self) -> list[str]:
        return sorted(self.options.actions)

    def targets(self) -> list[str]:
        return sorted({*self.options.programs, *(svc.name for svc in self._inventory.services())})

    def program(self, service: str) -> str:
        """The supervisor program (or `group:*`) of a service."""
        return self.options.programs.get(service) or self.options.program.replace("{service}", service)

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self.proxy.supervisor, method)(*args)
        except xmlrpc.client.Fault as exc:
            raise BackendError(f"supervisord: {method}: {exc.faultString}") from None
        except (OSError, xmlrpc.client.ProtocolError, http.client.HTTPException) as exc:
            raise BackendError(f"supervisord: cannot reach {self.options.url}: {exc}") from None

    def processes(self, program: str) -> list[dict[str, Any]]:
        """State of the program's processes (all of a group for `group:*`)."""
        if program.endswith(":*"):
            group = program[:-2]
            return [p for p in self._call("getAllProcessInfo") if p["group"] == group]
        return [self._call("getProcessInfo", program)]

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult:
        """Restart, stop or start the target's program (`key` is handled by the idempotency wrapper)."""
        del key
        refusal = check_request(action, target, self.supported_actions(), self.targets, dry_run=dry_run)
        if refusal is not None:
            return refusal
        operation = self.options.actions[action]
        program = self.program(target)
        details: dict[str, Any] = {"program": program, "operation": operation, "url": self.options.url}
        try:
            before = self.processes(program)
            details["before"] = _summary(before)
            if dry_run:
                return ActionResult(
                    action,
                    target,
                    ok=True,
                    dry_run=True,
                    details=details,
                    message=f"dry run: would {operation} {program} ({_states(before)})",
                )
            calls = self._apply(operation, program, before)
            details["calls"] = calls
            after = self.processes(program)
        except BackendError as exc:
            return ActionResult(action, target, ok=False, dry_run=dry_run, message=str(exc), details=details)
        details["after"] = _summary(after)
        wanted = "STOPPED" if operation == "stop" else "RUNNING"
        ok = all(p["statename"] == wanted for p in after)
        pids = f"pid {_pids(before)} -> {_pids(after)}"
        return ActionResult(
            action,
            target,
            ok=ok,
            details=details,
            message=f"{operation} {program}: {_states(after)} ({pids})",
        )

    def _apply(self, operation: str, program: str, before: list[dict[str, Any]]) -> list[str]:
        calls = []
        running = any(p["statename"] in ("RUNNING", "STARTING", "BACKOFF") for p in before)
        if operation in ("restart", "stop") and running:
            self._call("stopProcess", program, True)
            calls.append(f"stopProcess({program})")
        if operation in ("restart", "start"):
            self._call("startProcess", program, True)
            calls.append(f"startProcess({program})")
        return calls

    def check(self) -> str:
        state = self._call("getState")
        version = self._call("getSupervisorVersion")
        return f"supervisord {version} {state.get('statename', '?')} at {self.options.url}"

    def close(self) -> None:
        self.proxy("close")()


def _summary(procs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": f"{p['group']}:{p['name']}", "state": p["statename"], "pid": p["pid"]} for p in procs]


def _states(procs: list[dict[str, Any]]) -> str:
    return ", ".join(sorted({p["statename"] for p in procs})) or "no processes"


def _pids(procs: list[dict[str, Any]]) -> str:
    return ",".join(str(p["pid"]) for p in procs) or "-"


def build_supervisord(options: SupervisordOptions, ctx: BuildContext) -> SupervisordExecutor:
    """Factory for `executor: {type: supervisord}`."""
    return SupervisordExecutor(options, ctx)


EXECUTOR = BackendType("executor", "supervisord", SupervisordOptions, build_supervisord, "supervisord over XML-RPC")
