#!/bin/sh
# Small line-based server run by xinetd: replies, sometimes fails or lingers.
read -r line
case "$line" in
  quit*) echo "bye"; exit 0 ;;
  fail*) echo "failing"; exit 3 ;;
  crash*) kill -SEGV $$ ;;
  slow*) sleep 2; echo "slow done" ;;
  *) echo "you said: $line" ;;
esac
exit 0
