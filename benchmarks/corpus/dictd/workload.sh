#!/bin/bash
# Randomised workload for dictd 1.13 (Debian 12) with dict-jargon.
# Everything lives in /work/round25/dictd/run (owned by user dictd, which the
# daemon switches to); the log is run/dictd.log, copied to dictd.log at the end.
set -u
HERE=/work/round25/dictd
RUN=$HERE/run
PORT=42101
PORT2=42102
LOG=$RUN/dictd.log
CLIENT="python3 $HERE/dict_client.py"
PIDS=$RUN/pids.txt

mkdir -p $RUN
chown dictd:dictd $RUN
rm -f $LOG $RUN/*.pid
: > $PIDS
echo "Site info: test dictd on 127.0.0.1:$PORT (workload run $RANDOM)" > $RUN/site.txt

rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }

access_block() {   # $1 = extra broken spec or empty
  cat <<EOF
access {
  allow localhost
  allow 127.0.0.1
  deny 127.0.0.9
EOF
  [ -n "$1" ] && echo "  allow \"$1\""
  cat <<EOF
  allow "127.0.0.0/29"
  allow "127.0.0.10:127.0.0.19"
  authonly "127.0.0.2?"
  allow "127.0.0.30/40"
}
EOF
}

write_conf() {   # $1 = file, $2 = broken access spec or empty, $3 = variant
  {
    cat <<EOF
global {
  listen_to 127.0.0.1
  port ${4:-$PORT}
  site $RUN/site.txt
  limit_childs $(rnd 3 5)
  limit_queries $(rnd 25 45)
  delay $(rnd 3 5)
}

EOF
    access_block "$2"
    case "$3" in
      nodata)
        cat <<EOF
database jargon {
  data  $RUN/missing-$(rnd 1 99).dict.dz
  index /usr/share/dictd/jargon.index
}
EOF
        ;;
      noindex)
        cat <<EOF
database jargon {
  data  /usr/share/dictd/jargon.dict.dz
  index $RUN/missing.index
}
EOF
        ;;
      badvirtual)
        cat <<EOF
database jargon {
  data  /usr/share/dictd/jargon.dict.dz
  index /usr/share/dictd/jargon.index
}
database_virtual broken {
  database_list "jargon,nosuch$(rnd 1 9)"
}
EOF
        ;;
      novlist)
        cat <<EOF
database jargon {
  data  /usr/share/dictd/jargon.dict.dz
  index /usr/share/dictd/jargon.index
}
database_virtual broken {
  name "no list"
}
EOF
        ;;
      *)
        cat <<EOF
database jargon {
  data  /usr/share/dictd/jargon.dict.dz
  index /usr/share/dictd/jargon.index
}
database jargonpriv {
  data  /usr/share/dictd/jargon.dict.dz
  index /usr/share/dictd/jargon.index
  name "Jargon for members"
  access { user alice }
}
database_exit
database_virtual alljargon {
  name "virtual: jargon twice"
  database_list "jargon,jargonpriv"
}

user alice "wonderland"
user bob "builder"
EOF
        ;;
    esac
  } > "$1"
}

start_main() {   # extra args
  dictd -c $RUN/dictd.conf -L $LOG -l all -d init -d auth -d port -m 1 \
        --pid-file $RUN/dictd.pid "$@"
  sleep 1
  cat $RUN/dictd.pid >> $PIDS
}

main_pid() { cat $RUN/dictd.pid; }

# the parent dies when it turns a client away itself (over limit_childs);
# start it again if so
# it can also hang (a signal arriving while it logs); kill it then
responsive() {
  python3 -c "
import socket,sys
s=socket.create_connection(('127.0.0.1',$PORT),timeout=3)
s.settimeout(3)
sys.exit(0 if s.recv(100).startswith(b'220') else 1)" 2>/dev/null
}
ensure_main() {
  if ! kill -0 $(main_pid) 2>/dev/null || ! responsive; then
    kill -9 $(main_pid) 2>/dev/null
    sleep 1
    start_main "$@"
  fi
}

# when the parent itself turns a client away (over limit_childs) it closes its
# log file and keeps running without logging: restart it after a burst
restart_after_burst() {
  kill -TERM $(main_pid) 2>/dev/null; sleep 1
  kill -0 $(main_pid) 2>/dev/null && kill -9 $(main_pid) 2>/dev/null
  sleep 1
  start_main "$@"
}

traffic() {   # a random mix of client runs, some in parallel
  local k
  for k in $(seq 1 $1); do
    ensure_main
    case $(rnd 1 10) in
      1|2|3) $CLIENT $PORT normal $(rnd 2 4) ;;
      4) $CLIENT $PORT auth $(rnd 2 5) ;;
      5) $CLIENT $PORT garbage $(rnd 1 3) ;;
      6) $CLIENT $PORT denied $(rnd 1 4) ;;
      7) $CLIENT $PORT abort $(rnd 1 3) ;;
      8) $CLIENT $PORT normal $(rnd 2 4) & $CLIENT $PORT auth $(rnd 1 3) & wait ;;
      9) $CLIENT $PORT flood 1 ;;
      10) $CLIENT $PORT normal $(rnd 1 3) & $CLIENT $PORT garbage 1 & $CLIENT $PORT denied 1 & wait ;;
    esac
  done
}

# 1. start-ups that fail (bad configurations), written to the same log
for v in $(printf '%s\n' nodata noindex badvirtual novlist | shuf | head -n $(rnd 2 4)); do
  write_conf $RUN/bad.conf "" $v $PORT2
  dictd -c $RUN/bad.conf -L $LOG -l all -d port \
        --pid-file $RUN/bad.pid >/dev/null 2>&1
  sleep 0.5
  [ -s $RUN/bad.pid ] && kill $(cat $RUN/bad.pid) 2>/dev/null
  rm -f $RUN/bad.pid
done

# 2. normal start
write_conf $RUN/dictd.conf "" good
start_main
$CLIENT $PORT normal $(rnd 2 3)
$CLIENT $PORT denied $(rnd 3 5)
$CLIENT $PORT abort $(rnd 2 3)
$CLIENT $PORT auth $(rnd 2 3)
$CLIENT $PORT garbage $(rnd 1 2)
traffic 2

# 3. idle clients hit the client delay; a burst goes over limit_childs
$CLIENT $PORT idle $(rnd 1 2)
$CLIENT $PORT burst $(rnd 6 8)
sleep 6
restart_after_burst
traffic $(rnd 1 2)

# 4. reload with a broken access rule, then back
ensure_main
for spec in $(printf '%s\n' "127.0.0.0/" "127.0.0.40:" "127.0.0.1:127.0.0.2:127.0.0.3" | shuf); do
  ensure_main
  write_conf $RUN/dictd.conf "$spec" good
  kill -HUP $(main_pid); sleep 1
  $CLIENT $PORT normal $(rnd 2 4)
  $CLIENT $PORT denied 1
done
write_conf $RUN/dictd.conf "" good
ensure_main
kill -HUP $(main_pid); sleep 1
traffic $(rnd 1 2)

# 5. unload databases (SIGUSR1): clients are turned away until SIGHUP
ensure_main
kill -USR1 $(main_pid); sleep 1
$CLIENT $PORT unavailable $(rnd 2 4)
kill -HUP $(main_pid); sleep 1
traffic $(rnd 1 2)

# 6. a second server on the same port fails to bind
write_conf $RUN/dup.conf "" good
dictd -c $RUN/dup.conf -L $LOG -l all -d init -p $PORT --pid-file $RUN/dup.pid >/dev/null 2>&1
sleep 1
[ -s $RUN/dup.pid ] && kill $(cat $RUN/dup.pid) 2>/dev/null

# 7. stop and restart (with an explicit locale), wait for a timestamp mark
ensure_main
kill -TERM $(main_pid); sleep 1
start_main --locale C.UTF-8
traffic $(rnd 1 2)
sleep $(rnd 62 70)
traffic 1
$CLIENT $PORT burst $(rnd 6 8)
sleep 6
restart_after_burst
traffic 1

# 8. shutdown with a random signal
ensure_main
kill -$(printf '%s\n' TERM INT QUIT | shuf -n 1) $(main_pid); sleep 1

sleep 1
for p in $(sort -u $PIDS); do   # only our own dictd processes
  [ "$(cat /proc/$p/comm 2>/dev/null)" = dictd ] && kill -9 $p 2>/dev/null
done
cp $LOG $HERE/dictd.full.log
