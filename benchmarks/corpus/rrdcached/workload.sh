#!/bin/bash
# Workload for rrdcached (Debian 12 package rrdcached/rrdtool 1.7.2): runs the daemon in the
# foreground (-g) at LOG_DEBUG with its own log file (-o), in a private network and mount
# namespace, and drives it with rrdtool --daemon clients and raw protocol commands.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round39-r39c/rrdcached
if [ -z "${R39C_INNER:-}" ]; then
  rm -rf "$T"; mkdir -p "$T"
  exec unshare -m -n --propagation private env R39C_INNER=1 bash "$0" "$@"
fi
ip link set lo up
mount -t tmpfs -o size=16m tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
  XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run TZ=UTC
mkdir -p "$HOME" "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR" \
  "$T/base/sub" "$T/journal" "$T/run"
RAW=$T/rrdcached.raw.log
SOCK=unix:$T/run/rrdcached.sock
TCP=127.0.0.1:51000
RANDOM=${SEED:-1}
PID=
raw() { timeout 10 /usr/bin/python3 "$D/rawproto.py" "$@" >/dev/null 2>&1; }
rr() { timeout 20 rrdtool "$@" >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start() {
  local f=$((2 + RANDOM % 4)) w=$((1 + RANDOM % 3)) t=$((1 + RANDOM % 4))
  rrdcached -g -V LOG_DEBUG -o "$RAW" -p "$T/run/rrdcached.pid" -j "$T/journal" -b "$T/base" -B -R \
    -f $f -w $w -z 1 -t $t -l "$SOCK" -l "$TCP" "$@" >>"$T/stderr.txt" 2>&1 &
  PID=$!
  for _ in $(seq 50); do [ -S "$T/run/rrdcached.sock" ] && break; sleep 0.1; done
  sleep 0.3
}
stop() {  # signal
  kill -"$1" "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=
  rm -f "$T/run/rrdcached.sock" "$T/run/rrdcached.pid"
}

FILES=()
create() {
  local n="r$RANDOM.rrd"; [ $((RANDOM % 4)) = 0 ] && n="sub/$n"
  if rr create "$n" --daemon "$(pick "$SOCK" "$TCP")" --step 1 --start $(( $(date +%s) - 100 )) \
      DS:a:GAUGE:10:U:U DS:b:COUNTER:10:U:U RRA:AVERAGE:0.5:1:300 RRA:MAX:0.5:5:100; then
    FILES+=("$n")
  fi
}
someone() { if [ ${#FILES[@]} -gt 0 ]; then pick "${FILES[@]}"; else echo none.rrd; fi; }

step() {
  local r=$((RANDOM % 100)) f; f=$(someone)
  if   [ $r -lt 30 ]; then rr update --daemon "$(pick "$SOCK" "$TCP")" "$f" "N:$RANDOM:$RANDOM"
  elif [ $r -lt 38 ]; then create
  elif [ $r -lt 43 ]; then rr update --daemon "$SOCK" "missing$RANDOM.rrd" "N:1:2"
  elif [ $r -lt 47 ]; then rr update --daemon "$SOCK" "$f" "N:$RANDOM"
  elif [ $r -lt 50 ]; then rr update --daemon "$SOCK" "$f" "N:1:2:3:4"
  elif [ $r -lt 53 ]; then rr update --daemon "$SOCK" notrrd.txt "N:1:2"
  elif [ $r -lt 57 ]; then raw "$SOCK" FLUSHALL
  elif [ $r -lt 61 ]; then rr fetch --daemon "$SOCK" "$f" AVERAGE -s -60
  elif [ $r -lt 64 ]; then rr flushcached --daemon "$TCP" "$f"
  elif [ $r -lt 67 ]; then raw "$TCP" STATS HELP PING "PENDING $f" "LAST $f" "FIRST $f" QUEUE
  elif [ $r -lt 70 ]; then raw "$SOCK" "BOGUS$RANDOM arg" "" "   " "UPDATE" "UPDATE $f" "FETCH" "FORGET missing.rrd"
  elif [ $r -lt 73 ]; then raw "$SOCK" BATCH "UPDATE $f N:1:2" "UPDATE missing$RANDOM.rrd N:3:4" "UPDATE $f N:5" "."
  elif [ $r -lt 76 ]; then raw "$TCP" "UPDATE $f 12:1:2" "UPDATE $f x:y:z" "UPDATE $f N:1:2 junk" "UPDATE ../../etc/passwd N:1"
  elif [ $r -lt 79 ]; then raw "$SOCK" "CREATE bad$RANDOM.rrd -s 1 DS:a:GAUGE:10:U:U" "CREATE bad.rrd RRA:AVERAGE:0.5:1:10" "CREATE $f -O -s 1 DS:a:GAUGE:5:U:U RRA:AVERAGE:0.5:1:10"
  elif [ $r -lt 82 ]; then raw "$SOCK" "FORGET $f" "WROTE $f" "FLUSH $f" "FLUSH missing.rrd"
  elif [ $r -lt 85 ]; then rr info --daemon "$SOCK" "$f"; rr last --daemon "$SOCK" "$f"; rr first --daemon "$SOCK" "$f"
  elif [ $r -lt 88 ]; then rr graph /dev/null --daemon "$SOCK" -s -120 "DEF:a=$f:a:AVERAGE" "LINE1:a#ff0000"
  elif [ $r -lt 90 ]; then [ ${#FILES[@]} -gt 0 ] && rm -f "$T/base/$f" && [ $((RANDOM % 2)) = 0 ] && FILES=("${FILES[@]/$f}") && FILES=(${FILES[@]})
  elif [ $r -lt 92 ]; then rr update --daemon "$SOCK" "$f" "$(( $(date +%s) - 100000 )):1:2"
  elif [ $r -lt 94 ]; then raw "$SOCK" "UPDATE $f N:1:2" "@close"
  else sleep 0.$((RANDOM % 9 + 1))
  fi
}

cd "$T/base"   # rrdtool clients resolve relative names against their working directory
echo "this is not an rrd file" > "$T/base/notrrd.txt"
for round in $(seq 1 12); do
  case $((round % 4)) in
    0) start -F ;;
    *) start ;;
  esac
  for _ in $(seq $((50 + RANDOM % 90))); do step; done
  # leftovers for the journal on the next start
  case $((RANDOM % 6)) in
    0|1) stop TERM ;;
    2) stop INT ;;
    3) stop USR1 ;;
    4) stop USR2 ;;
    5) stop KILL
       printf 'update %s N:1:2\nupdate half-written' "$(someone)" > "$T/journal/rrd.journal.0000000001.000000" ;;
  esac
  if [ $((RANDOM % 4)) = 0 ]; then
    printf 'update %s 1:1:2\n' "$(someone)" > "$T/journal/rrd.journal.0000000002.000000"
    chmod 664 "$T/journal/rrd.journal.0000000002.000000"
  fi
done
sed -n '1,2500p' "$RAW" > "$D/rrdcached.log"
rm -rf "$T"
