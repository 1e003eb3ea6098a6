#!/bin/bash
# Randomised workload for twemproxy (nutcracker) in front of redis-server and memcached.
# Ports 40001-40099 on 127.0.0.1 only. Every process started is recorded by PID and stopped by PID.
D=/work/round27/nutcracker
R=$D/run
LOG=$R/nutcracker.log
rm -rf "$R"; mkdir -p "$R/bad"
cd "$R"
ulimit -c 0
PIDS=()
declare -A BPID

start_redis() { # name port extra...
  local n=$1 p=$2; shift 2
  redis-server --port $p --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --dir "$R" --logfile "$R/$n.out" "$@" & BPID[$n]=$!
}
start_mc() { memcached -l 127.0.0.1 -p $2 -U 0 -m 16 >"$R/$1.out" 2>&1 & BPID[$1]=$!; }
start_fake() { python3 "$D/fakeback.py" $2 >"$R/$1.out" 2>&1 & BPID[$1]=$!; }
stop_backend() { local n=$1 sig=${2:-TERM}; [ -n "${BPID[$n]}" ] && kill -$sig ${BPID[$n]} 2>/dev/null; wait ${BPID[$n]} 2>/dev/null; BPID[$n]=; }
start_backend() {
  case $1 in
    r1) start_redis r1 40011 --timeout $((RANDOM % 3 + 2)) ;;
    r2) start_redis r2 40012 ;;
    m1) start_mc m1 40021 ;;
    m2) start_mc m2 40022 ;;
    fk) start_fake fk 40014 ;;
  esac
}

LONGNAME=$(python3 -c "print('cache-node-' + 'x'*280)")
write_conf() {
  local c=$R/nc.yml eject=$([ $((RANDOM % 4)) -eq 0 ] && echo false || echo true)
  cat > $c <<YML
alpha:
  listen: 127.0.0.1:40001
  redis: true
  hash: $(shuf -n1 -e fnv1a_64 murmur md5 crc32a)
  distribution: ketama
  auto_eject_hosts: $eject
  server_retry_timeout: $((RANDOM % 2000 + 1000))
  server_failure_limit: $((RANDOM % 2 + 1))
  server_connections: $((RANDOM % 2 + 1))
  preconnect: true
  timeout: 800
  servers:
   - 127.0.0.1:40011:1 r1
   - 127.0.0.1:40012:1 r2
beta:
  listen: 127.0.0.1:40002
  hash: fnv1a_64
  distribution: $(shuf -n1 -e ketama modula random)
  auto_eject_hosts: true
  server_retry_timeout: 1500
  server_failure_limit: 1
  timeout: 500
  servers:
   - 127.0.0.1:40021:1 m1
   - 127.0.0.1:40022:1 m2
gamma:
  listen: 127.0.0.1:40003
  redis: true
  redis_db: $((RANDOM % 50 + 20))
  preconnect: $(shuf -n1 -e true false)
  servers:
   - 127.0.0.1:40012:1 r2
delta:
  listen: 127.0.0.1:40004
  redis: true
  distribution: modula
  preconnect: true
  timeout: 400
  servers:
   - 127.0.0.1:40014:1 fake
   - $R/nosuch.sock:1 ghost
YML
  if [ $((RANDOM % 3)) -ne 0 ]; then
    cat >> $c <<YML
zeta:
  listen: 127.0.0.1:40009
  distribution: ketama
  servers:
   - 127.0.0.1:40021:1 $LONGNAME
YML
  fi
}

NC=
start_nc() {
  write_conf
  nutcracker -c $R/nc.yml -v 11 -o $LOG -s 40005 -a 127.0.0.1 -p $R/nc.pid -i $((RANDOM % 3000 + 1000)) 2>>$R/nc.stderr &
  NC=$!; sleep 0.7
}
stop_nc() { [ -n "$NC" ] && kill -INT $NC 2>/dev/null; wait $NC 2>/dev/null; NC=; }
sig_nc() { [ -n "$NC" ] && kill -$1 $NC 2>/dev/null; sleep 0.2; }

make_bad_confs() {
  local B=$R/bad S='  servers:
   - 127.0.0.1:40011:1'
  printf 'p1:\n  listen: 127.0.0.1:40030\n  redis: true\n  hash: nosuchhash\n%s\n' "$S" > $B/invalid_hash.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  timeout: soon\n%s\n' "$S" > $B/not_number.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  redis: maybe\n%s\n' "$S" > $B/not_bool.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  listen: 127.0.0.1:40031\n%s\n' "$S" > $B/dup.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  colour: blue\n%s\n' "$S" > $B/unknown.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n%s\n---\np2:\n  listen: 127.0.0.1:40031\n%s\n' "$S" "$S" > $B/twodocs.yml
  printf -- '---\np1:\n  listen: 127.0.0.1:40030\n%s\n' "$S" > $B/docstart.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  servers: [127.0.0.1:40011:1, 127.0.0.1:40012:1]\n' > $B/flowseq.yml
  printf 'p1: {listen: 127.0.0.1:40030}\n' > $B/flowmap.yml
  printf 'p1:\n  listen: &l 127.0.0.1:40030\n%s\np2:\n  listen: *l\n%s\n' "$S" "$S" > $B/anchor.yml
  printf 'p1:\n  listen: !!str 127.0.0.1:40030\n%s\n' "$S" > $B/tag.yml
  printf '%%YAML 1.1\n---\np1:\n  listen: 127.0.0.1:40030\n%s\n' "$S" > $B/version.yml
  printf '%%TAG ! tag:example.com,2000:\n---\np1:\n  listen: 127.0.0.1:40030\n%s\n' "$S" > $B/tagdir.yml
  printf 'p1:\n  listen: "127.0.0.1:40030\n%s\n' "$S" > $B/scan.yml
  printf 'p1:\n\tlisten: 127.0.0.1:40030\n' > $B/tab.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  servers:\n' > $B/noservers.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  servers:\n   - 127.0.0.1:40011:1 a\n   - 127.0.0.1:40012:1 a\n' > $B/samename.yml
  printf 'p1:\n  redis: true\n%s\n' "$S" > $B/nolisten.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  server_connections: 0\n%s\n' "$S" > $B/zeroconn.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  redis_auth: secret\n%s\n' "$S" > $B/authmc.yml
  printf '' > $B/empty.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n%s\np2:\n  listen: 127.0.0.1:40030\n%s\n' "$S" "$S" > $B/samelisten.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n%s\np1:\n  listen: 127.0.0.1:40031\n%s\n' "$S" "$S" > $B/samepool.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  extra:\n    deeper: 1\n%s\n' "$S" > $B/depth.yml
  printf -- '- a\n- b\n' > $B/rootseq.yml
  printf 'p1:\n  - 127.0.0.1:40011:1\n' > $B/seqdepth1.yml
  printf 'justascalar\n' > $B/scalar.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  servers:\n   - 127.0.0.1:40011\n' > $B/badserver.yml
  printf 'p1:\n  listen: 127.0.0.1:notaport\n%s\n' "$S" > $B/badlisten.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  distribution: circle\n%s\n' "$S" > $B/baddist.yml
  printf 'p1:\n  listen: 127.0.0.1:40030\n  servers:\n   - 127.0.0.1:40011:1\n  servers:\n   - 127.0.0.1:40012:1\n' > $B/dupseq.yml
}

bad_starts() { # run a few nutcrackers with broken configurations, ports or files
  local k=$1 f
  for f in $(ls $R/bad/*.yml | shuf -n $k); do
    timeout 5 nutcracker -c $f -v 11 -o $LOG -s 40007 -a 127.0.0.1 2>>$R/nc.stderr
  done
  case $((RANDOM % 4)) in
    0) timeout 5 nutcracker -c $R/missing-$RANDOM.yml -v 11 -o $LOG -s 40007 -a 127.0.0.1 2>>$R/nc.stderr ;;
    1) timeout 5 nutcracker -c $R/nc.yml -v 11 -o $LOG -s 40005 -a 127.0.0.1 2>>$R/nc.stderr ;;   # stats port taken
    2) timeout 5 nutcracker -c $R/nc.yml -v 11 -o $LOG -s 40008 -a 127.0.0.1 2>>$R/nc.stderr ;;   # listen port taken
    3) timeout 5 nutcracker -c $R/nc.yml -v 11 -o $LOG -s 40008 -a 127.0.0.1 -p $R/no/such/dir.pid 2>>$R/nc.stderr ;;
  esac
}

client_burst() { # random mix of clients, some in parallel
  local i n=$((RANDOM % 25 + 30)) cp=()
  for ((i = 0; i < n; i++)); do
    case $((RANDOM % 14)) in
      0|1) python3 $D/client.py rgood 40001 $((RANDOM % 40 + 5)) & cp+=($!) ;;
      2) python3 $D/client.py runsup $(shuf -n1 -e 40001 40003) $((RANDOM % 6 + 1)) ;;
      3) python3 $D/client.py rlong 40001 ;;
      4) python3 $D/client.py garbage $(shuf -n1 -e 40001 40002 40003) ;;
      5) python3 $D/client.py rinc $(shuf -n1 -e 40001 40003 40004) ;;
      6) python3 $D/client.py minc 40002 ;;
      7|8) python3 $D/client.py mgood 40002 $((RANDOM % 40 + 5)) & cp+=($!) ;;
      9) python3 $D/client.py mbad $(shuf -n1 -e 40002 40009) ;;
      10) python3 $D/client.py rgood 40004 $((RANDOM % 5 + 1)) ;;
      11) python3 $D/client.py rgood 40003 $((RANDOM % 10 + 1)) ;;
      12) python3 $D/client.py stats 40005 ;;
      13) redis-cli -h 127.0.0.1 -p 40001 $(shuf -n1 -e "get k$RANDOM" "set k$RANDOM v" "keys *" "info" "ping" "incr c") >/dev/null 2>&1 ;;
    esac
  done
  for i in "${cp[@]}"; do wait $i; done
}

make_bad_confs
for b in r1 r2 m1 m2 fk; do start_backend $b; done
sleep 1
start_nc
ROUNDS=$((RANDOM % 4 + 13))
for ((round = 0; round < ROUNDS; round++)); do
  client_burst
  case $((RANDOM % 7)) in
    0) sig_nc TTOU; sig_nc TTIN ;;
    1) sig_nc HUP ;;
    2) sig_nc USR1; sig_nc USR2 ;;
    3) sig_nc TTIN; sig_nc TTOU; sig_nc TTIN ;;
    *) ;;
  esac
  # a backend dies (hard or soft) while clients are busy, and comes back later
  victim=$(shuf -n1 -e r1 r2 m1 m2 fk)
  python3 $D/client.py rgood 40001 200 & c1=$!
  python3 $D/client.py mgood 40002 200 & c2=$!
  sleep 0.1
  stop_backend $victim $(shuf -n1 -e TERM KILL)
  wait $c1 $c2
  client_burst
  sleep $((RANDOM % 3 + 1))
  start_backend $victim
  sleep 0.5
  [ $((RANDOM % 3)) -eq 0 ] && bad_starts $((RANDOM % 4 + 1))
  if [ $((RANDOM % 4)) -eq 0 ]; then stop_nc; bad_starts $((RANDOM % 3 + 2)); start_nc; fi
done
bad_starts 40
# a crash: SIGSEGV makes nutcracker print its stack trace
sig_nc SEGV; wait $NC 2>/dev/null; NC=
start_nc
client_burst
stop_nc
for b in r1 r2 m1 m2 fk; do stop_backend $b; done
head -n 2500 $LOG > $D/nutcracker.log
wc -l $LOG $D/nutcracker.log
