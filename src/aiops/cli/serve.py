"""`aiops serve` (the service: webhook intake, workers, the page, the API) and `aiops tokens`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from aiops.cli._state import add_home

SERVE_HELP = """\
Run aiops as a service: Alertmanager posts to the webhook, investigations run in worker processes,
people follow them and decide in the browser (or Slack), and the API serves the same.

  POST /api/v1/alerts/alertmanager   Alertmanager webhook (v4)
  POST /api/v1/incidents             {"alert": "...", "service": "...", "env": "..."}
  GET  /api/v1/incidents[/ID]        incidents; one incident as `aiops respond --json` shows it
  GET  /api/v1/incidents/ID/events   the live steps as Server-Sent Events (replay with Last-Event-ID)
  POST /api/v1/incidents/ID/decision {"decision": "approve"|"edit"|"reject", "reason": "..."}
  GET  /incidents                    the page for people;  /healthz /readyz /metrics

Without any token (`aiops tokens create`) the server has no authentication and serves loopback
addresses only. The env file's `serve:` and `notify:` sections configure the queue and the
notifications (Slack, signed webhooks), naming secrets by environment variable (see README).

exit codes: 0 stopped cleanly, 2 bad configuration
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the service: webhook intake, workers, web page and API",
                       description=SERVE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--env", metavar="FILE", help="environment file: the systems to investigate, plus its serve: "
                   "and notify: sections")
    p.add_argument("--scenario", metavar="NAME", help="investigate the sandbox scenario instead of real systems "
                   "(to try the service; POST /incidents may then name other scenarios as env)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; another address "
                   "needs authentication: create a token first)")
    p.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    p.add_argument("--workers", type=int, default=2, help="investigations run at once, one process each (default 2)")
    p.add_argument("--queue-size", type=int, help="waiting investigations before intake answers 429 (default 100, "
                   "or serve.queue_size)")
    p.add_argument("--grace", type=float, default=30.0, help="seconds a stopping server lets running work finish "
                   "before it is checkpointed and stopped (default 30)")
    p.add_argument("--lease", type=float, default=30.0, help="PostgreSQL: seconds without a worker's heartbeat "
                   "after which its job is queued again for another worker (default 30)")
    p.add_argument("--team", metavar="DIR", help="team folder (default: $AIOPS_TEAM or the built-in team)")
    p.add_argument("--model", help="one model for every agent: provider:model or 'playbook' (also $AIOPS_MODEL)")
    p.add_argument("--base-url", help="OpenAI-compatible server URL for local models")
    add_home(p)
    p.add_argument("--log-level", default="warning", choices=("debug", "info", "warning", "error"),
                   help="server log level (default warning)")
    p.set_defaults(func=serve)

    t = sub.add_parser("tokens", help="API tokens for `aiops serve` (create, list, revoke)",
                       description="API tokens: each has a name (the identity recorded on decisions) and a role: "
                                   "viewer (reads, opens investigations), approver (also decides), admin (also lists "
                                   "tokens). High-risk actions also need the name in the team policy's "
                                   "senior_approvers. Tokens are stored hashed; a new token is shown once.")
    ts = t.add_subparsers(dest="tokens_command", metavar="ACTION", required=True)
    c = ts.add_parser("create", help="create a token and print it once")
    c.add_argument("--name", required=True, help="the person or system (recorded as the approver)")
    c.add_argument("--role", required=True, choices=("viewer", "approver", "admin"),
                   help="viewer: read and open investigations; approver: also decide; admin: also list tokens")
    add_home(c)
    c.set_defaults(func=create_token)
    ls = ts.add_parser("list", help="tokens (never the tokens themselves)")
    add_home(ls)
    ls.add_argument("--json", action="store_true", help="print JSON")
    ls.set_defaults(func=list_tokens)
    rv = ts.add_parser("revoke", help="revoke the tokens of a name, or one token by id")
    rv.add_argument("name", help="token name or id")
    add_home(rv)
    rv.set_defaults(func=revoke_token)


def _tokens(args: argparse.Namespace) -> Any:
    from aiops.runtime.home import StateHome
    from aiops.runtime.state import database
    from aiops.server.db import ServerDB
    from aiops.server.tokens import TokenStore

    home = StateHome.resolve(args.home)
    return TokenStore(ServerDB(home.root, database(home)), home.root)


def create_token(args: argparse.Namespace) -> int:
    info, token = _tokens(args).create(args.name, args.role)
    print(token)
    print(f"token {info.id} for {info.name} ({info.role}); it is shown only now: store it safely", file=sys.stderr)
    return 0


def list_tokens(args: argparse.Namespace) -> int:
    import json

    rows = _tokens(args).list()
    if args.json:
        print(json.dumps([{k: getattr(t, k) for k in ("id", "name", "role", "created_at", "revoked_at")}
                          for t in rows], indent=2))
        return 0
    if not rows:
        print("no tokens: `aiops serve` runs without authentication, on loopback only")
        return 0
    for t in rows:
        print(f"{t.id:<18} {t.name:<24} {t.role:<9} created {t.created_at}"
              + (f"  REVOKED {t.revoked_at}" if t.revoked_at else ""))
    return 0


def revoke_token(args: argparse.Namespace) -> int:
    from aiops.core.errors import ConfigError

    count = _tokens(args).revoke(args.name)
    if not count:
        raise ConfigError(f"no active token named or with id {args.name!r}; see `aiops tokens list`")
    print(f"revoked {count} token(s)")
    return 0


def settings_from(args: argparse.Namespace) -> Any:
    """Settings from the command line and the env file; ConfigError (exit 2) for anything wrong."""
    from aiops.core.errors import ConfigError
    from aiops.runtime.home import StateHome
    from aiops.server.config import NotifySection, ServeSection, Settings, destinations, section
    from aiops.team import load_team, resolve_team_dir

    if bool(args.env) == bool(args.scenario):
        raise ConfigError("give --env FILE (your systems) or --scenario NAME (the sandbox), one of them",
                          path="--env")
    home = StateHome.resolve(args.home, env_file=args.env)
    if args.workers < (0 if home.database is not None else 1) or args.workers > 64:
        raise ConfigError("between 1 and 64 (0 is allowed with a PostgreSQL state database: this node then only "
                          "takes alerts and decisions, and `aiops worker` processes investigate)", path="--workers")
    if not 0 < args.port < 65536:
        raise ConfigError("a TCP port, 1-65535", path="--port")
    team_dir = resolve_team_dir(args.team)
    load_team(team_dir)
    raw: dict[str, Any] = {}
    file = None
    if args.env:
        from aiops.backends import load_environment_file

        path = Path(args.env)
        if not path.is_file():
            raise ConfigError("no such environment file", file=str(path))
        spec = load_environment_file(path)
        raw, file = spec.raw, str(path)
        world: dict[str, Any] = {"kind": "env", "file": str(path.resolve()), "name": spec.name}
    else:
        from aiops.sandbox import load_scenario

        load_scenario(args.scenario)
        world = {"kind": "sandbox", "scenario": args.scenario, "name": args.scenario}
    serve_cfg = section(ServeSection, raw.get("serve"), "serve", file)
    notify = section(NotifySection, raw.get("notify"), "notify", file)
    dests, signing = destinations(notify, file)
    environments = {}
    for name, rel in serve_cfg.environments.items():
        env_path = (Path(file).parent / rel) if file else Path(rel)
        from aiops.backends import load_environment_file

        load_environment_file(env_path)
        environments[name] = {"kind": "env", "file": str(env_path.resolve())}
    slack = notify.slack
    return Settings(home=home.root, team_dir=str(team_dir), world=world, env_file=args.env,
                    lease_seconds=args.lease,
                    environments=environments, host=args.host, port=args.port, workers=args.workers,
                    queue_size=args.queue_size or serve_cfg.queue_size, public_url=serve_cfg.public_url,
                    destinations=dests, slack_signing_secret=signing,
                    slack_approvers=dict(slack.approvers) if slack else {},
                    slack_window=slack.replay_window_seconds if slack else 300, notify_timeout=notify.timeout_seconds,
                    model_override=args.model, base_url=args.base_url, grace_seconds=args.grace)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from aiops.cli._incident import approver_name
    from aiops.core.errors import ConfigError
    from aiops.server.app import create_app
    from aiops.server.config import is_loopback
    from aiops.server.service import Service

    settings = settings_from(args)
    service = Service(settings, local_user=approver_name(None))
    if not service.auth.enabled and not is_loopback(settings.host):
        raise ConfigError(f"no API token exists, so the server has no authentication and may listen on loopback "
                          f"only, not {settings.host}; create tokens first (aiops tokens create --name NAME --role "
                          "admin) or use --host 127.0.0.1", path="--host")
    auth = "tokens" if service.auth.enabled else f"none (loopback only; you are {service.auth.local_user})"
    print(f"aiops serve: http://{settings.host}:{settings.port}/incidents  workers={settings.workers} "
          f"queue={settings.queue_size} auth={auth} state={service.home.root}", file=sys.stderr)
    config = uvicorn.Config(create_app(service), host=settings.host, port=settings.port, log_level=args.log_level,
                            timeout_graceful_shutdown=5, proxy_headers=False, server_header=False)
    import signal

    # uvicorn shuts down gracefully on SIGTERM / SIGINT (the lifespan stops the workers), then raises the
    # signal again for the handler found before it: exit 0, as a clean stop
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    uvicorn.Server(config).run()
    return 0
