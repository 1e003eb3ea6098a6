#!/bin/sh
# args: repo ref sender ; env COMMIT
sleep 0.05
case "$2" in
  refs/heads/dev) printf 'deployed %s@%s to staging (commit %s, by %s)' "$1" "$2" "${COMMIT:-none}" "$3" ;;
  *) printf 'deployed %s@%s to production (commit %s, by %s)' "$1" "$2" "${COMMIT:-none}" "$3" ;;
esac
