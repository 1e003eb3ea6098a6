#!/bin/bash
# RunOnReceive / RunOnSent / RunOnFailure hook for gammu-smsd: random behaviour
what="$1"; shift
case $((RANDOM % 6)) in
  0) echo "hook $what handled $*"; exit 0 ;;
  1) exit 0 ;;
  2) echo "hook $what cannot process $*" ; exit $((1 + RANDOM % 5)) ;;
  3) echo "hook $what: queued $# file(s)"; exit 0 ;;
  4) kill -TERM $$ ;;
  5) exit 0 ;;
esac
