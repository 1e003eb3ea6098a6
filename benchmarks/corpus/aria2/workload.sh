#!/bin/bash
# Round-13 corpus workload: aria2 1.36 (Debian 12 package `aria2`), every aria2c run logging to
# one file with --log=$OUT/aria2.log --log-level=info (the file is appended to by each run, never
# by two runs at the same time). Local HTTP and FTP servers (servers.py, needs python3-pyftpdlib)
# on 127.0.0.1 only; randomised downloads for DURATION seconds: successes, 404s and other errors,
# segmented and resumed downloads, checksum mismatches, timeouts, retries, auth, redirects,
# metalinks, input files, and JSON-RPC sessions of a daemon (--enable-rpc) with good and bad
# secrets, pause/unpause/remove, options, shutdown.
# Run as root on Debian 12: apt-get install -y aria2 python3-pyftpdlib; bash workload.sh OUT_DIR [DURATION]
# (The corpus aria2.log is the first 2417 lines of a 150-second run, cut at the start of an aria2c run.)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:?out dir}; DURATION=${2:-300}
HTTP=25613; FTP=25614; RPC=25615; DEAD=25616; PLO=25620; PHI=25640
W=/tmp/r13aria-work
rm -rf "$W"; mkdir -p "$W/root" "$W/dl" "$OUT"; rm -f "$OUT/aria2.log"
LOG="$OUT/aria2.log"
r() { echo $((RANDOM % $1)); }
names=()
for i in $(seq 1 14); do
  n="$(shuf -n1 -e data img backup video iso report pkg)-$RANDOM.$(shuf -n1 -e bin tar.gz iso zip dat)"
  case $(r 3) in 0) sz=$((1000 + RANDOM * 7));; 1) sz=$((1000000 + RANDOM * 90));; 2) sz=$((8000000 + RANDOM * 600));; esac
  head -c $sz /dev/urandom > "$W/root/$n"; names+=("$n")
done
/usr/bin/python3 "$HERE/servers.py" "$W/root" $HTTP $FTP $PLO $PHI & SRV=$!
sleep 1.5
pick() { echo "${names[$(r ${#names[@]})]}"; }
sha() { sha256sum "$W/root/$1" | cut -d' ' -f1; }
A() { (cd "$W/dl" && timeout -s ${SIG:-TERM} ${T:-60} aria2c --log="$LOG" --log-level=info --console-log-level=error \
      --summary-interval=0 --dir="$W/dl" --max-tries=${TRIES:-2} --retry-wait=1 "$@" >/dev/null 2>&1); }
U="http://127.0.0.1:$HTTP"
F="ftp://127.0.0.1:$FTP"

rpc() { # rpc METHOD SECRET PARAMS-JSON
  python3 - "$RPC" "$@" <<'PY' 2>/dev/null
import json, sys, urllib.request
port, method, secret, params = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
if secret != "-":
    params = ["token:" + secret] + params
req = {"jsonrpc": "2.0", "id": "q", "method": method, "params": params}
try:
    r = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/jsonrpc",
        json.dumps(req).encode(), {"Content-Type": "application/json"}), timeout=5)
    print(json.loads(r.read()).get("result", ""))
except urllib.error.HTTPError as e:
    print("ERR", e.code)
except Exception as e:
    print("ERR", e)
PY
}

rpc_session() {
  SEC="s$RANDOM"
  (cd "$W/dl" && exec aria2c --enable-rpc --rpc-listen-port=$RPC --rpc-secret=$SEC --log="$LOG" --log-level=info \
     --console-log-level=error --dir="$W/dl" --max-concurrent-downloads=$((1 + $(r 3))) \
     --save-session="$W/session.txt" --max-tries=2 --retry-wait=1 --allow-overwrite=true >/dev/null 2>&1) & DAEMON=$!
  sleep 1
  gids=()
  for k in $(seq 1 $((3 + $(r 5)))); do
    case $(r 6) in
      0|1) u="$U/files/$(pick)";; 2) u="$U/slow/$(pick)";; 3) u="$U/files/missing-$RANDOM.bin";;
      4) u="$F/$(pick)";; 5) u="http://127.0.0.1:$DEAD/x$RANDOM";;
    esac
    g=$(rpc aria2.addUri $SEC "[[\"$u\"], {\"split\": \"$((1 + $(r 4)))\", \"out\": \"rpc-$RANDOM.bin\"}]")
    gids+=("$g")
  done
  for k in $(seq 1 $((4 + $(r 6)))); do
    g=${gids[$(r ${#gids[@]})]}
    case $(r 12) in
      0) rpc aria2.tellStatus $SEC "[\"$g\", [\"status\", \"completedLength\"]]";;
      1) rpc aria2.pause $SEC "[\"$g\"]";;
      2) rpc aria2.unpause $SEC "[\"$g\"]";;
      3) rpc aria2.remove $SEC "[\"$g\"]";;
      4) rpc aria2.forceRemove $SEC "[\"$g\"]";;
      5) rpc aria2.changeOption $SEC "[\"$g\", {\"max-download-limit\": \"$((10 + $(r 90)))K\"}]";;
      6) rpc aria2.changeGlobalOption $SEC "[{\"max-overall-download-limit\": \"$(r 5)M\"}]";;
      7) rpc aria2.tellStatus wrong$RANDOM "[\"$g\"]";;
      8) rpc aria2.noSuchMethod $SEC "[]";;
      9) rpc aria2.pauseAll $SEC "[]"; sleep 0.5; rpc aria2.unpauseAll $SEC "[]";;
      10) rpc aria2.saveSession $SEC "[]"; rpc aria2.purgeDownloadResult $SEC "[]";;
      11) rpc aria2.addUri $SEC "[[\"$U/files/$(pick)\"], {\"checksum\": \"sha-256=$(printf %064x $RANDOM)\"}]";;
    esac >/dev/null
    sleep 0.$((2 + $(r 7)))
  done
  rpc aria2.getGlobalStat $SEC "[]" >/dev/null
  sleep $(r 3)
  case $(r 3) in
    0) rpc aria2.shutdown $SEC "[]";;
    1) rpc aria2.forceShutdown $SEC "[]";;
    2) kill -INT $DAEMON;;
  esac >/dev/null
  for i in $(seq 1 20); do kill -0 $DAEMON 2>/dev/null || break; sleep 0.5; done
  kill $DAEMON 2>/dev/null; wait $DAEMON 2>/dev/null
  rm -f "$W"/dl/rpc-*
}

END=$((SECONDS + DURATION))
deck=()
while [ $SECONDS -lt $END ]; do
  # a shuffled deck of all the cases, so every kind of run comes up once per round
  [ ${#deck[@]} = 0 ] && deck=($(shuf -e $(seq 0 21)))
  c=${deck[0]}; deck=("${deck[@]:1}")
  f=$(pick); rm -f "$W"/dl/*
  case $c in
    0|1) A -x$((1 + $(r 8))) -s$((1 + $(r 8))) -k1M "$U/files/$f";;
    2) A "$U/files/nothere-$RANDOM.$(shuf -n1 -e iso bin txt)";;
    3) # interrupted then resumed
       SIG=INT T=$((1 + $(r 3))) A --max-download-limit=$((200 + $(r 800)))K -x$((1 + $(r 4))) -s4 "$U/files/$f"
       A -c -x$((1 + $(r 4))) -s4 "$U/files/$f";;
    4) if [ $(r 2) = 0 ]; then A --checksum=sha-256=$(sha "$f") "$U/files/$f"
       else A --checksum=sha-256=$(printf '%064x' $RANDOM$RANDOM) "$U/files/$f"; fi;;
    5) T=30 A --timeout=$((2 + $(r 3))) --connect-timeout=3 "$U/hang";;
    6) A "http://127.0.0.1:$DEAD/file$RANDOM.bin";;
    7) A --lowest-speed-limit=$((100 + $(r 400)))K --max-download-limit=50K "$U/slow/$f";;
    8) TRIES=$((2 + $(r 3))) A "$U/drop/$f";;
    9) if [ $(r 2) = 0 ]; then A --http-user=user --http-passwd=secret "$U/auth/$f"
       else A --http-user=user --http-passwd=bad$RANDOM "$U/auth/$f"; fi;;
    10) if [ $(r 3) = 0 ]; then A "$U/loop"; else A "$U/redir/$(r 4)/$f"; fi;;
    11) TRIES=$((1 + $(r 4))) A "$U/err/$(shuf -n1 -e 500 403 400 410 502 503 401)";;
    12) TRIES=$((2 + $(r 4))) A --retry-wait=1 "$U/flaky/$f";;
    13) A "$U/garbage";;
    14) case $(r 4) in
          0) A -x$((1 + $(r 3))) -s3 "$F/$f";;
          1) A --ftp-user=ftpuser --ftp-passwd=ftppass --ftp-pasv=true "$F/$f";;
          2) A --ftp-user=ftpuser --ftp-passwd=wrong$RANDOM "$F/$f";;
          3) A "$F/absent-$RANDOM.bin";;
        esac;;
    15) # input file with several URIs, some bad
        : > "$W/in.txt"
        for k in $(seq 1 $((2 + $(r 4)))); do
          case $(r 4) in 0) echo "$U/files/$(pick)";; 1) echo "$F/$(pick)";; 2) echo "$U/err/404";; 3) echo "$U/norange/$(pick)";; esac >> "$W/in.txt"
        done
        A -j$((1 + $(r 3))) -i "$W/in.txt";;
    16) # metalink with mirrors and a good or bad hash
        h=$(sha "$f"); [ $(r 2) = 0 ] && h=$(printf '%064x' $RANDOM$RANDOM)
        cat > "$W/m.meta4" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<metalink xmlns="urn:ietf:params:xml:ns:metalink">
  <file name="$f">
    <size>$(stat -c %s "$W/root/$f")</size>
    <hash type="sha-256">$h</hash>
    <url priority="1">http://127.0.0.1:$DEAD/$f</url>
    <url priority="2">$U/files/$f</url>
    <url priority="3">$F/$f</url>
  </file>
</metalink>
EOF
        A -M "$W/m.meta4";;
    17) A "$U/files/$f"; A --allow-overwrite=false --auto-file-renaming=$(shuf -n1 -e true false) "$U/files/$f";;
    18) A -x$((2 + $(r 4))) -s$((2 + $(r 4))) "$U/norange/$f" "$U/files/$f";;
    19|20|21) rpc_session;;
  esac
  sleep 0.$((2 + $(r 8)))
done
kill $SRV; wait $SRV 2>/dev/null
rm -rf "$W"
