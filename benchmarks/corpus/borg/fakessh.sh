#!/bin/bash
# Local stand-in for ssh: runs the remote command on this machine through a pipe.
# Usage (as BORG_RSH): fakessh.sh [-p PORT] HOST borg serve ...
while [ $# -gt 0 ]; do
  case "$1" in
    -p) shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host="$1"; shift
case "$host" in
  down.invalid) exit 255 ;;              # connection refused: the remote side never starts
esac
unset BORG_LOGGING_CONF
extra=()
case "$host" in
  restricted) extra=(--restrict-to-path "$SERVE_ROOT/restricted") ;;
  appendonly) extra=(--append-only) ;;
  quota) extra=(--storage-quota 10M) ;;
  repos) extra=(--restrict-to-repository "$SERVE_ROOT/r1") ;;
esac
cd "$SERVE_ROOT" || exit 1
exec "$@" "${extra[@]}"
