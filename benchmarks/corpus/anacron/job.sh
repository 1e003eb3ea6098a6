#!/bin/sh
# a job for anacron: $1 = what it does
case "$1" in
  ok) exit 0 ;;
  fail) exit "${2:-1}" ;;
  talk) echo "job $$ says hello at $(date -u +%T)"; [ -n "$2" ] && echo "second line" >&2; exit 0 ;;
  talkfail) echo "could not finish step $2" >&2; exit 3 ;;
  long) sleep "${2:-3}"; exit 0 ;;
  signal) kill -"${2:-TERM}" $$; sleep 1 ;;
  *) exit 0 ;;
esac
