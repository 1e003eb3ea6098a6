#!/bin/bash
# Install first: python3 -m venv /tmp/round31-r31j/venv && /tmp/round31-r31j/venv/bin/pip install proxy.py==2.4.10
# Randomised proxy.py workload: several proxy runs with random options (threaded/threadless,
# basic auth, web/static/PAC server, filter plugins, core events, connection pool, short
# timeouts), random client traffic against fake peers, SIGTERM/SIGINT shutdowns, a failing start.
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round31-r31j/proxypy
PROXY=/tmp/round31-r31j/venv/bin/proxy
LOG=$HERE/proxypy.log
mkdir -p "$RUN"; : > "$LOG"; PIDS=$RUN/pids; : > "$PIDS"
python3 "$HERE/peers.py" & PEERS=$!; echo $PEERS >> "$PIDS"; sleep 1
pick() { [ $((RANDOM % 100)) -lt "$1" ]; }

runs=$((12 + RANDOM % 3))
for r in $(seq 1 $runs); do
  args=(--hostname 127.0.0.1 --port 29100 --log-level DEBUG --num-acceptors 1
        --num-workers $((1 + RANDOM % 2)) --pid-file "$RUN/proxy.pid" --data-dir "$RUN/data")
  auth=- web=0 hf=0 plugins=()
  pick 30 && args+=(--threaded)
  pick 45 && { auth="user:secret$r"; args+=(--basic-auth "$auth"); }
  pick 40 && { web=1; args+=(--enable-web-server --enable-static-server --static-server-dir "$HERE/static" --pac-file "$HERE/proxy.pac"); }
  pick 50 && { hf=1; plugins+=(proxy.plugin.FilterByUpstreamHostPlugin); }
  pick 50 && { plugins+=(proxy.plugin.FilterByURLRegexPlugin); args+=(--filtered-url-regex-config "$HERE/url_regex.json"); }
  pick 20 && plugins+=(proxy.plugin.ModifyRequestHeaderPlugin)
  [ ${#plugins[@]} -gt 0 ] && args+=(--plugins "${plugins[@]}")
  pick 30 && args+=(--enable-events)
  pick 30 && args+=(--enable-conn-pool)
  pick 40 && args+=(--timeout $((1 + RANDOM % 3)))
  "$PROXY" "${args[@]}" >> "$LOG" 2>&1 & PPID_=$!; echo $PPID_ >> "$PIDS"; sleep 2.5
  if pick 25; then   # a second instance on the same port fails to start
    "$PROXY" --hostname 127.0.0.1 --port 29100 --log-level DEBUG --num-acceptors 1 --num-workers 1 >> "$LOG" 2>&1 & X=$!
    echo $X >> "$PIDS"; sleep 3; kill -INT $X 2>/dev/null; wait $X 2>/dev/null
  fi
  python3 "$HERE/ppclient.py" $((3 + RANDOM % 7)) "$auth" $web $hf
  sleep $((RANDOM % 3))
  kill -$(shuf -n1 -e TERM TERM INT) $PPID_; wait $PPID_ 2>/dev/null
done
# a start with a bad option value and one with a missing filter config
"$PROXY" --hostname 127.0.0.1 --port 29100 --log-level DEBUG --num-workers abc >> "$LOG" 2>&1
"$PROXY" --hostname 127.0.0.1 --port 29100 --log-level DEBUG --num-acceptors 1 --num-workers 1 \
  --plugins proxy.plugin.FilterByURLRegexPlugin --filtered-url-regex-config "$RUN/missing.json" >> "$LOG" 2>&1 & X=$!
echo $X >> "$PIDS"; sleep 2.5
python3 "$HERE/ppclient.py" 2 - 0 0; sleep 0.5; kill -TERM $X 2>/dev/null; wait $X 2>/dev/null
kill $PEERS; wait $PEERS 2>/dev/null
rm -rf "$RUN/data"
