#!/bin/sh
# helper program for procmail pipes: arg is exit code, "sleep" or "hold"
cat > /dev/null
case "$1" in
  sleep) sleep 8 ;;
  hold) sleep 2 ;;
  *) exit "$1" ;;
esac
exit 0
