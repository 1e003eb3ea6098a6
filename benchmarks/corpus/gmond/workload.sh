#!/bin/bash
# Randomised workload for gmond: spoofed gmetric senders, raw/malformed XDR and sFlow datagrams,
# XML queries over TCP (plain, gzip, ACL-denied, aborted), SIGHUP reloads, host/metric expiry,
# restarts and start-up failures. All traffic on 127.0.0.0/8, ports 48650-48659.
set -u
D="$(cd "$(dirname "$0")" && pwd)"
cd "$D"
LOG="$D/gmond.log.raw"
RUN="$D/run"; mkdir -p "$RUN"
: > "$LOG"
PIDS="$RUN/pids"; : > "$PIDS"
GM="gmetric -c $D/gmetric.conf"
PK="python3 $D/gpkt.py"
Q="python3 $D/xmlquery.py"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start_gmond() {  # $1 = config
  /usr/sbin/gmond -c "$1" -d 10 -p "$RUN/gmond.pid" 2>> "$LOG" &
  GPID=$!; echo "$GPID" >> "$PIDS"; sleep 1.5
}
stop_gmond() {
  [ -n "${GPID:-}" ] && kill -TERM "$GPID" 2>/dev/null; wait "$GPID" 2>/dev/null; GPID=""
}

# variant configs made from the main one
sed 's/^  override_hostname = .*$//; s/^  override_ip = .*$//' gmond.conf > "$RUN/noover.conf"
sed 's/^  deaf = no/  deaf = yes/; s/^  mute = no/  mute = yes/' gmond.conf > "$RUN/deafmute.conf"
sed 's/action = "allow"/action = "permit"/' gmond.conf > "$RUN/badacl.conf"
sed 's/^  host_tmax = 20/  host_tmax = twenty/' gmond.conf > "$RUN/parse.conf"
sed 's/name = "cpu_user"/name = "cpu_bogus"/; s/path = "modmem.so"/path = "modnothere.so"/' gmond.conf > "$RUN/badmod.conf"
awk '/^udp_recv_channel/{n++} {print} /^  port = 48653/ && n==2 {print "  retry_bind = false"}' gmond.conf > "$RUN/busy.conf"
sed 's/port = 48651/port = 48652/' gmond.conf | sed 's/^  port = 48650$/  port = 48659/' > "$RUN/tcpbusy.conf"
sed 's|^  deaf = no|  deaf = yes|' gmond.conf > "$RUN/deaf.conf"

HOSTS=(web01 web02 db01 cache01 batch07 edge03 lb02)
METRICS=(req_rate:int32 temp_c:float queue_len:uint32 build:string latency_ms:double conns:uint16 errors:int16 jobs:uint8 skew:int8)

gm_good() {
  local h=$(pick "${HOSTS[@]}") m=$(pick "${METRICS[@]}")
  local n=${m%%:*} t=${m##*:} v
  case $t in string) v="v$(r 9).$(r 20)";; float|double) v="$(r 90).$(r 100)";; int8|int16|int32) v=$(( $(r 200) - 100 ));; *) v=$(r 250);; esac
  $GM -n "$n" -v "$v" -t "$t" -u "$(pick units ms C items)" -x $((20 + $(r 60))) -d "$(pick 0 0 25 35)" \
      -g "$(pick app db net)" -T "$n title" -D "workload metric" -S "127.0.0.$((20 + $(r 7))):$h.test" >/dev/null 2>&1
}
gm_bad() {
  case $(r 5) in
    0) $GM -n bad_type -v 1 -t int64 -S "127.0.0.30:bad.test" ;;
    1) $GM -n "" -v 1 -t int32 ;;
    2) $GM -n notnum -v abc -t int32 -S "127.0.0.31:weird.test" ;;
    3) $GM -n nospoofsep -v 3 -t int32 -S "127.0.0.32" ;;
    4) $GM -n hb -v 1 -t int32 -H -S "127.0.0.$((20 + $(r 7))):$(pick "${HOSTS[@]}").test" ;;
  esac >/dev/null 2>&1
}
raw_op() {
  local h="127.0.0.$((40 + $(r 5))):raw$(r 5).test"
  case $(r 13) in
    0) $PK 48650 pair "$h" "raw_metric$(r 3)" int32 $(r 1000) "$(pick 0 20)";;
    1) $PK 48650 value "$h" "orphan_metric$(r 4)" "$(pick int32 uint32 float double string)" 5;;
    2) $PK 48650 request "127.0.0.1:gmond-r27.test" "$(pick heartbeat load_one cpu_num mem_free)";;
    3) $PK 48650 nospoof "rawnocolon$(r 3)" "m$(r 3)";;
    4) $PK 48650 location "$h" "rack$(r 4),$(r 9),0";;
    5) $PK 48650 heartbeat "$h" $(date +%s);;
    6) $PK 48650 garbage;;
    7) $PK 48650 unknownid;;
    8) $PK 48650 truncated "$h" "cut_metric";;
    9) $PK 48650 empty;;
    10) SRC=127.0.0.7 $PK 48653 pair "127.0.0.50:acl-ok.test" acl_ok int32 $(r 50);;
    11) $PK 48653 pair "127.0.0.51:acl-denied.test" acl_denied int32 $(r 50);;
    12) $PK 48650 meta "$h" "metaonly$(r 3)" "$(pick float string)";;
  esac
}
sflow_op() {  # broken sFlow datagrams
  case $(r 4) in
    0) $PK 48654 sflow-short;; 1) $PK 48654 sflow-v4;; 2) $PK 48654 sflow-addr;; 3) $PK 48654 sflow-trunc;;
  esac
}
sflow_valid() {  # valid sFlow counter samples; only right before a stop, as an XML dump of an
                 # sFlow-created host makes this gmond build crash
  local i a
  for ((i = 0; i < 2 + $(r 4); i++)); do
    a=$(pick 70 70 71 72)
    SEQ=$((SEQ + 1)); CS=$((CS + 1 + $(pick 0 0 0 9)))
    $PK 48654 sflow "127.0.0.$a" $SEQ $CS "sfhost$a.test"; sleep 0.2
  done
}
tcp_op() {
  case $(r 6) in
    0|1) $Q 127.0.0.1 48651 read;;
    2) $Q 127.0.0.1 48652 read;;
    3) $Q 127.0.0.1 48652 read 127.0.0.2;;
    4) $Q 127.0.0.1 48651 "$(pick abort partial line)";;
    5) $Q 127.0.0.1 48651 garbage;;
  esac >/dev/null 2>&1
}
burst() {  # $1 = number of random operations
  local i
  for ((i = 0; i < $1; i++)); do
    case $(r 10) in
      0|1|2) gm_good;; 3) gm_bad;; 4|5|6) raw_op;; 7) sflow_op;; 8|9) tcp_op;;
    esac
    sleep 0.$((1 + $(r 4)))
  done
}

SEQ=0; CS=0
# --- a start-up failure or two before the real start ---
for c in $(shuf -e missing parse deafmute badacl -n 3); do
  case $c in
    missing) /usr/sbin/gmond -c "$RUN/does-not-exist.conf" -d 10 2>> "$LOG";;
    *) timeout 5 /usr/sbin/gmond -c "$RUN/$c.conf" -d 10 2>> "$LOG";;
  esac
done
start_gmond "$D/gmond.conf"
burst $((25 + $(r 10)))
# second instance that cannot bind (udp without retry / tcp busy)
timeout 5 /usr/sbin/gmond -c "$RUN/$(pick busy tcpbusy).conf" -d 10 2>> "$LOG"
timeout 5 /usr/sbin/gmond -c "$D/gmond.conf" -d 10 -p "$RUN/gmond.pid" 2>> "$LOG"
burst $((15 + $(r 10)))
kill -HUP "$GPID"; sleep 2      # reload: gmond re-executes itself
burst $((15 + $(r 10)))
# quiet period: spoofed hosts and short-lived metrics expire
sleep $((42 + $(r 6)))
burst $((10 + $(r 5)))
sflow_valid
stop_gmond
# restarts with other configurations (own hostname, bad module, deaf), one of them reloaded
first=1
for c in $(shuf -e noover badmod deaf -n 2); do
  start_gmond "$RUN/$c.conf"
  burst $((8 + $(r 6)))
  if [ $first = 1 ]; then kill -HUP "$GPID"; sleep 2; burst $((5 + $(r 5))); first=0; fi
  stop_gmond
done
start_gmond "$D/gmond.conf"
burst $((20 + $(r 10)))
sflow_valid
stop_gmond
for p in $(cat "$PIDS"); do kill "$p" 2>/dev/null; done
head -n 2500 "$LOG" > "$D/gmond.log"
wc -l "$LOG" "$D/gmond.log"
