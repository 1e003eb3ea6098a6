#!/bin/bash
# Round-10 corpus workload: Syncthing 1.19 (Debian 12 package `syncthing`), four local instances
# A, B, C, D on 127.0.0.1 only (sync ports 21001-21004, GUI/REST ports 20384-20387; global and
# local discovery, relays, NAT/STUN, usage/crash reporting and upgrades off), run as an
# unprivileged user. A (the logged one) shares folders with B and C; D is unknown to A.
# `syncthing serve --verbose --logflags=7 --logfile=...` (with its monitor process); the
# randomised workload (stwork.py, next to this script) creates, edits, renames and deletes
# files, makes conflicts, unreadable files, read-only directories, a missing folder marker, a
# broken .stignore and an impossible free-space limit, pauses/resumes folders and devices over
# the REST API, kills and restarts C, restarts A and B over REST, and finally shuts them down.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# Writes OUT_DIR/syncthing.log (instance A's log file, unchanged; default: this script's folder).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-300}
W=/tmp/r10st
command -v syncthing >/dev/null || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q syncthing; }
id r10sync >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/r10sync --shell /usr/sbin/nologin r10sync
for p in $W/*/pid; do [ -s "$p" ] && kill -- -"$(cat "$p")" 2>/dev/null; done
sleep 1; rm -rf $W; mkdir -p $W; chown r10sync: $W
cp "$HERE/stwork.py" $W/stwork.py
runuser -u r10sync -- /usr/bin/python3 $W/stwork.py --dir $W --duration "$DURATION"
sleep 2
for p in $W/*/pid; do [ -s "$p" ] && kill -- -"$(cat "$p")" 2>/dev/null; done
cp $W/A/syncthing.log "$OUT/syncthing.log"
wc -l "$OUT/syncthing.log"
