#!/bin/sh
lim=$1; shift
rc=0
for f in "$@"; do
  [ "$(wc -c < "$f")" -gt "$lim" ] && rc=1
done
exit $rc
