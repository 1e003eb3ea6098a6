#!/bin/bash
# RunScript hook used by the bacula workload: prints lines and exits with a status
case "$1" in
  before) echo "hook: preparing $2 (level $3)"; echo "hook: snapshot of $(ls /work/round25/bacula/data/small | wc -l) files ready"; exit 0 ;;
  after)  echo "hook: $2 finished with exit code ${3:-?}"; exit 0 ;;
  fail)   echo "hook: cannot prepare $2: lock file present" >&2; exit $(( 1 + RANDOM % 3 )) ;;
  slow)   echo "hook: waiting for quiet period"; sleep 40; exit 0 ;;
  nap)    echo "hook: $2 sleeping a little"; sleep 8; exit 0 ;;
  client) echo "hook: client side script for $2 on $(hostname)"; exit 0 ;;
  admin)  echo "hook: admin task $2 running"; df -k /work/round25/bacula/run/storage | tail -1; exit 0 ;;
esac
exit 0
