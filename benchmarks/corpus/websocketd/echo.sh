#!/bin/sh
# small line program wrapped by websocketd
while read -r line; do
  case "$line" in
    quit) exit 0 ;;
    fail) echo "bad request" >&2; exit 3 ;;
    err*) echo "warning: $line" >&2 ;;
    *) echo "you said: $line" ;;
  esac
done
