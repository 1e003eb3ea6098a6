#!/bin/sh
# client wrapper: scanimage with the net backend, sane-port mapped to 43566 in a private mount namespace
D=$(cd "$(dirname "$0")" && pwd)
exec unshare -m sh -c 'mount --bind "$0/cconf/services" /etc/services && HOME="$0/home" SANE_CONFIG_DIR="$0/cconf" exec scanimage "$@"' "$D" "$@"
