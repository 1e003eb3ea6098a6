#!/usr/bin/env bash
# Servers for the integration tests (tests/integration, marker `integration`).
#
#   ci/servers.sh install   apt + pip packages the tests need (idempotent; fast when present)
#   ci/servers.sh start     install, then check every server binary runs; prints what it found
#   ci/servers.sh stop      stop any server a test run left behind (pid files in $AIOPS_CI_RUN)
#   ci/servers.sh status    show the pid files and whether their processes live
#
# The tests start their own short-lived servers (Prometheus loaded with exported blocks,
# supervisord with a small program, local HTTP stubs, a PostgreSQL cluster made with initdb in a
# temporary folder, run as the `postgres` user when root) on free loopback ports and stop them in
# fixtures; they record pids under $AIOPS_CI_RUN so `stop` can clean up after a crash.
# Environment: PYTHON (default: .venv/bin/python, else python3), AIOPS_CI_RUN (default
# /tmp/aiops-ci-servers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${AIOPS_CI_RUN:-/tmp/aiops-ci-servers}"
if [[ -z "${PYTHON:-}" ]]; then
  if [[ -x "$ROOT/.venv/bin/python" ]]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON="python3"; fi
fi
# chromium: the `aiops serve` page tests (Playwright drives Debian's browser; nothing is downloaded)
# postgresql: the state-on-PostgreSQL tests (each starts a throwaway cluster with initdb)
APT_PACKAGES=(prometheus prometheus-alertmanager systemd-journal-remote libsystemd-dev pkg-config gcc openssl chromium postgresql)
PIP_PACKAGES=("supervisor>=4.2" "kubernetes>=30" "systemd-python>=235" "playwright>=1.45" "psycopg[binary]>=3.3" "psycopg-pool>=3.3"
              "langgraph-checkpoint-postgres>=3.2" "procrastinate>=3.10")
JOURNAL_REMOTE=/lib/systemd/systemd-journal-remote

log() { printf '[servers] %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

pip_install() {
  if ! "$PYTHON" -c "import supervisor, kubernetes, systemd.journal, playwright, psycopg, procrastinate, langgraph.checkpoint.postgres" 2>/dev/null; then
    log "pip install ${PIP_PACKAGES[*]}"
    "$PYTHON" -m pip install -q "${PIP_PACKAGES[@]}" 2>&1 | { grep -v "^WARNING: Location" || true; } >&2
    "$PYTHON" -c "import supervisor, kubernetes, systemd.journal, playwright, psycopg, procrastinate, langgraph.checkpoint.postgres"
  fi
}

install() {
  local t0=$SECONDS
  apt_install
  pip_install
  log "install done in $((SECONDS - t0))s"
}

start() {
  install
  mkdir -p "$RUN_DIR"
  prometheus --version 2>&1 | head -1 | sed 's/^/[servers] /' >&2
  promtool --version 2>&1 | head -1 | sed 's/^/[servers] /' >&2
  prometheus-alertmanager --version 2>&1 | head -1 | sed 's/^/[servers] /' >&2
  chromium --version 2>&1 | head -1 | sed 's/^/[servers] /' >&2
  "$PYTHON" -m supervisor.supervisord --version | sed 's/^/[servers] supervisord /' >&2
  test -x "$JOURNAL_REMOTE" || { log "missing $JOURNAL_REMOTE"; exit 1; }
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  test -x "$pg_bin/initdb" && test -x "$pg_bin/postgres" || { log "missing PostgreSQL server programs in /usr/lib/postgresql"; exit 1; }
  "$pg_bin/postgres" --version | sed 's/^/[servers] /' >&2
  id postgres >/dev/null 2>&1 || { log "missing the postgres user (Debian's postgresql package creates it)"; exit 1; }
  "$PYTHON" -c "import systemd.journal, kubernetes; print('[servers] systemd-python and kubernetes client import')" >&2
  log "ready (tests start their own servers on free loopback ports; pid files in $RUN_DIR)"
}

stop() {
  [[ -d "$RUN_DIR" ]] || return 0
  shopt -s nullglob
  for pidfile in "$RUN_DIR"/*.pid; do
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      log "stopping $(basename "$pidfile" .pid) (pid $pid)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

status() {
  shopt -s nullglob
  for pidfile in "$RUN_DIR"/*.pid; do
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then state=running; else state=gone; fi
    echo "$(basename "$pidfile" .pid) pid=$pid $state"
  done
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
