#!/bin/bash
# Randomised workload for mtail 3.0.0~rc50: good and broken programs, log files that are
# appended to, rotated, truncated and removed, a UDP log source, program reloads
# (SIGHUP), HTTP queries, refused starts and shutdowns.  All files stay in this folder.
# Output: raw.log (stderr of every mtail started here, appended in order).
set -u
D=$(cd "$(dirname "$0")" && pwd)
R=$D/run
PORT=48110
UDP=48111
LOG=$D/raw.log
VMOD="checker=1,main=2,mtail=2,runtime=2,store=2,tail=2,logstream=2,filestream=2,pipestream=2,dgramstream=2,socketstream=2,cancel=2,decode=2,httpstatus=2,compiler=2,metric=2,prometheus=2,json=2,varz=2,export=2,timedwaker=2,graphite=2,statsd=2,collectd=2,symtab=2,opt=2"
PIDS=()
rm -rf "$R" "$LOG"; mkdir -p "$R/progs" "$R/logs" "$R/other"
: > "$LOG"
echo "$$" > "$D/workload.pid"

rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

METHODS=(GET GET GET POST PUT DELETE HEAD PATCH)
PATHS=(/ /index.html /api/v1/users /api/v1/items/42 /login /static/app.js /healthz /admin)
CODES=(200 200 200 201 204 301 304 400 401 403 404 500 502 503)
APPS=(sshd cron nginx postfix kernel sudo)
USERS=(root alice bob carol dave eve)

access_line() {
  case $(rnd 10) in
    0) echo "garbage $(head -c 12 /dev/urandom | base64)";;
    1) echo "$(date -u +%Y-%m-%dT%H:%M:%S) $(pick "${METHODS[@]}") $(pick "${PATHS[@]}") 2x0 abc";;
    2) echo "not-a-time $(pick GET POST) $(pick "${PATHS[@]}") $(pick "${CODES[@]}") $(rnd 900)";;
    *) if [ $(rnd 2) = 0 ]; then b=" $(rnd 50000)"; else b=""; fi
       echo "$(date -u +%Y-%m-%dT%H:%M:%S) $(pick "${METHODS[@]}") $(pick "${PATHS[@]}") $(pick "${CODES[@]}") $(rnd 1500)$b";;
  esac
}
syslog_line() {
  local app; app=$(pick "${APPS[@]}")
  case $(rnd 9) in
    0) echo "$(date -u '+%b %e %H:%M:%S') host1 sshd[$((1000+$(rnd 9000)))]: Failed password for $(pick "${USERS[@]}") from 127.0.0.$((1+$(rnd 200))) port $((40000+$(rnd 9999))) ssh2";;
    1) echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) host2 $app: session closed after $(rnd 90000)ms";;
    2) echo "$(date -u '+%b %e %H:%M:%S') host1 admin[$((100+$(rnd 900)))]: purge $(pick "${USERS[@]}")";;
    3) echo "this line is not syslog at all $(rnd 1000)";;
    4) echo "Foo 99 99:99:99 host3 $app: bad month";;
    *) echo "$(date -u '+%b %e %H:%M:%S') host$((1+$(rnd 3))) $app[$((100+$(rnd 9000)))]: message number $(rnd 100000)";;
  esac
}
conv_line() {
  case $(rnd 6) in
    0) echo "VAL $(rnd 100000)";;
    1) echo "VAL $(pick 12abc NaN 0x1f -- 3.14 '')";;
    2) echo "HEX $(pick ff 1A zz 0x10 g7)";;
    3) echo "WHEN $(date -u '+%Y-%m-%d %H:%M:%S')";;
    4) echo "WHEN $(pick 'yesterday noon' '2024-13-45 99:00:00' 'soon')";;
    *) echo "plain $(rnd 1000)";;
  esac
}

# A writer: appends a few lines of one kind to one file.
write_some() { # file kind n
  local i
  for ((i=0; i<$3; i++)); do
    case $2 in
      access) access_line;; syslog) syslog_line;; conv) conv_line;;
    esac >> "$1"
  done
}

http_query() {
  local url
  url=$(pick / /metrics /json /varz /progz "/progz?prog=access.mtail" "/progz?prog=nosuch.mtail" \
        /debug/vars /favicon.ico /nonexistent /tracez "/progz?prog=broken_syntax.mtail" \
        "/json?x=1" /metrics)
  curl -s -m 3 -o /dev/null "http://127.0.0.1:$PORT$url"
  [ $(rnd 4) = 0 ] && curl -s -m 3 -o /dev/null -X POST -d 'junk=1' "http://127.0.0.1:$PORT$url"
  [ $(rnd 6) = 0 ] && printf 'GARBAGE\r\n\r\n' | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; cat >&3; cat <&3 >/dev/null" 2>/dev/null
  return 0
}

start_mtail() { # extra args...
  mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT \
        -poll_interval=2s -poll_log_interval=3s "$@" 2>>"$LOG" >/dev/null &
  MPID=$!
  PIDS+=("$MPID")
  echo "$MPID" >> "$D/pids.txt"
}
stop_mtail() { # pid signal
  kill -"$2" "$1" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$1" 2>/dev/null && kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
}

: > "$D/pids.txt"
# ---- refused starts ----------------------------------------------------------
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -logs "$R/logs/*.log" 2>>"$LOG"
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -progs "$R/progs" 2>>"$LOG"
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -progs "$R/progs" -logs a.log extra-arg 2>>"$LOG"

# ---- programs ----------------------------------------------------------------
cp "$D/progs_src/access.mtail" "$D/progs_src/syslogish.mtail" "$D/progs_src/conv.mtail" "$R/progs/"
for b in broken_syntax broken_regex broken_type unused; do
  [ $(rnd 2) = 0 ] && cp "$D/progs_src/$b.mtail" "$R/progs/"
done
cp "$D/progs_src/broken_syntax.mtail" "$R/progs/" 2>/dev/null
echo "not a program" > "$R/progs/README"
mkdir -p "$R/goodprogs"; cp "$D/progs_src/access.mtail" "$D/progs_src/conv.mtail" "$R/goodprogs/"

# compile-only and one-shot runs
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -compile_only -progs "$R/progs" 2>>"$LOG"
for i in $(seq $((20 + $(rnd 20)))); do access_line; done > "$R/other/oneshot.log"
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -one_shot -one_shot_format "$(pick json prometheus)" \
      -progs "$R/goodprogs" -logs "$R/other/oneshot.log" 2>>"$LOG" >/dev/null
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -progs "$R/nonexistent" -logs "$R/logs/*.log" 2>>"$LOG" &
NP=$!; echo $NP >> "$D/pids.txt"; sleep 1.5; stop_mtail $NP TERM

# ---- main instance -------------------------------------------------------------
write_some "$R/logs/access.log" access 5
write_some "$R/logs/system.log" syslog 5
mkdir -p "$R/logs/subdir.log"   # a folder matching the glob
start_mtail -progs "$R/progs" -logs "$R/logs/*.log" -logs "$R/logs/late.txt" -logs "udp://127.0.0.1:$UDP" \
            -ignore_filename_regex_pattern '\.ignored$'
MAIN=$MPID
sleep 1.5
# port already taken
mtail -logtostderr -v=0 -vmodule="$VMOD" -address 127.0.0.1 -port $PORT -progs "$R/progs" -logs "$R/logs/*.log" 2>>"$LOG" &
CP=$!; echo $CP >> "$D/pids.txt"; sleep 1.5; stop_mtail $CP TERM

rounds=$((22 + $(rnd 8)))
ROT=$((2 + $(rnd 15))); TRUNC=$((2 + $(rnd 15)))
write_some "$R/logs/conv.log" conv 4
for ((r=0; r<rounds; r++)); do
  # several writers at once
  W=()
  write_some "$R/logs/access.log" access $((1 + $(rnd 4))) & W+=($!)
  write_some "$R/logs/system.log" syslog $((1 + $(rnd 4))) & W+=($!)
  if [ -e "$R/logs/conv.log" ]; then write_some "$R/logs/conv.log" conv $((1 + $(rnd 3))) & W+=($!); fi
  wait "${W[@]}"
  for _ in $(seq $((1 + $(rnd 3)))); do http_query; done
  [ $(rnd 3) = 0 ] && printf '%s\n' "$(syslog_line)" > /dev/udp/127.0.0.1/$UDP
  # one rotation and one truncation in every run, at a random round
  if [ $r = $ROT ]; then mv "$R/logs/access.log" "$R/logs/access.log.0"; sleep 0.3; write_some "$R/logs/access.log" access 2; fi
  if [ $r = $TRUNC ]; then : > "$R/logs/conv.log"; write_some "$R/logs/conv.log" conv 1; fi
  case $(rnd 14) in
    0) mv "$R/logs/access.log" "$R/logs/access.log.1"; sleep 0.3; write_some "$R/logs/access.log" access 2;;
    1) : > "$R/logs/system.log"; write_some "$R/logs/system.log" syslog 1;;
    2) write_some "$R/logs/conv.log" conv 3;;
    3) rm -f "$R/logs/conv.log";;
    4) write_some "$R/logs/late.txt" access 2;;
    5) rm -f "$R/logs/late.txt";;
    6) cp "$D/progs_src/$(pick broken_regex broken_type unused).mtail" "$R/progs/"; kill -HUP $MAIN;;
    7) rm -f "$R/progs/broken_"*.mtail "$R/progs/unused.mtail"; kill -HUP $MAIN;;
    8) sed -i "s/counter conv_values_total/counter conv_values_total\ncounter conv_extra_$(rnd 99)/" "$R/progs/conv.mtail"; kill -HUP $MAIN;;
    9) rm -f "$R/progs/syslogish.mtail"; kill -HUP $MAIN; sleep 0.5; cp "$D/progs_src/syslogish.mtail" "$R/progs/"; kill -HUP $MAIN;;
    10) mv "$R/logs/system.log" "$R/logs/system.log.ignored"; sleep 2.5; write_some "$R/logs/system.log" syslog 2;;
    11) write_some "$R/logs/new$(rnd 9).log" syslog 2; write_some "$R/logs/skip.ignored" syslog 1;;
    12) printf 'partial line without newline' >> "$R/logs/access.log";;
    13) kill -HUP $MAIN;;
  esac
  sleep "0.$((2 + $(rnd 7)))"
  [ $(rnd 3) = 0 ] && sleep 2
done
rm -f "$R/logs/"new*.log
sleep 2.5
stop_mtail $MAIN "$(pick TERM INT)"

# ---- restart with a different log set, then remove everything under it --------
write_some "$R/logs/access.log" access 3
start_mtail -progs "$R/progs" -logs "$R/logs/access.log,$R/logs/system.log" -logs "$R/logs/missing-*.log" \
            -emit_prog_label=false -vm_logs_runtime_errors=$(pick true false)
SECOND=$MPID
sleep 2
for ((r=0; r<6; r++)); do
  write_some "$R/logs/access.log" access 2; write_some "$R/logs/system.log" syslog 2
  http_query; sleep 0.$((3 + $(rnd 6)))
done
write_some "$R/logs/missing-1.log" access 2; sleep 3.5
rm -f "$R/logs/access.log"; sleep 2.5
rm -rf "$R/progs/"*; kill -HUP $SECOND; sleep 1
http_query
stop_mtail $SECOND TERM
echo done
