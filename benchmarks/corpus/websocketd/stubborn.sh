#!/bin/sh
# ignores stdin EOF and some signals, to exercise websocketd's termination path
trap '' INT
[ "$1" = hard ] && trap '' TERM
while :; do
  if read -r line; then echo "got $line"; else sleep 0.1; fi
done
