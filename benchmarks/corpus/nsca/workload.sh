#!/bin/bash
# Randomised workload for NSCA 2.10.2 (Debian nsca): debug=1, logging to a private rsyslogd
# whose /dev/log lives in a private mount namespace (overlay on /dev), so nothing system-wide changes.
set -u
D=/work/round33/nsca
T=/tmp/round33-r33h/nsca
PORT=41501
if [ -z "${R33H_NS:-}" ]; then
  mkdir -p "$T/up" "$T/work" "$T/spool"
  exec env R33H_NS=1 unshare -m --propagation private "$0" "$@"
fi
mount -t overlay overlay -o "lowerdir=/dev,upperdir=$T/up,workdir=$T/work" /dev || exit 1
rm -f "$T/raw.log" "$T/nsca.pid" "$T/rsyslogd.pid"
/usr/sbin/rsyslogd -f "$D/rsyslog.conf" -i "$T/rsyslogd.pid"
sleep 1
mkdir -p "$T/checkresults" "$T/cmddir"
R() { echo $((RANDOM % $1)); }
HOSTS=(web01 web02 db-main cache3 mail localhost lb-edge build7 nas01 printer-2f)
SVCS=("HTTP" "Disk /var" "Load" "PING" "SMTP queue" "Swap" "Backup age" "SSL cert" "NTP offset" "Postgres conns")
OUTS=("OK - 12 ms" "WARNING - load average 4.21" "CRITICAL - connection refused" "OK: 43% used" "UNKNOWN - plugin timed out" "OK - rta 0.21ms, lost 0%" "WARNING: 3 days left" "CRITICAL: queue 812")
pick() { local -n a=$1; echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# mkconf NAME [extra lines...]: the base configuration plus overrides
mkconf() {
  local f="$T/$1.cfg"; shift
  cp "$D/conf/base.cfg" "$f"
  for l in "$@"; do printf '%s\n' "$l" >> "$f"; done
  echo "$f"
}
pid() { cat "$T/nsca.pid" 2>/dev/null; }
start() { /usr/sbin/nsca -c "$1" ${2:-} ; sleep 0.5; }
stop() { local p; p=$(pid); [ -n "$p" ] && kill -TERM "$p"; sleep 1; }

send() {  # send_nsca with a client config and 1-4 results
  local cfg=$1 n=$((1 + $(R 4))) i data="" extra=${2:-}
  for ((i = 0; i < n; i++)); do
    if [ $(R 4) = 0 ]; then data+="$(pick HOSTS)"$'\t'"$(R 4)"$'\t'"$(pick OUTS)"
    else data+="$(pick HOSTS)"$'\t'"$(pick SVCS)"$'\t'"$(R 4)"$'\t'"$(pick OUTS)"; fi
    [ $i -lt $((n - 1)) ] && data+=$'\x17'
  done
  printf '%s\n' "$data" | timeout 20 send_nsca -H 127.0.0.1 -p $PORT -to 5 -c "$D/conf/$cfg" $extra >/dev/null 2>&1 || watchdog
}
# the single-process daemon can deadlock when a signal lands inside syslog(); an operator
# would notice the dead port and kill -9 it: do the same when the daemon no longer answers
watchdog() {
  local p; p=$(pid)
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  timeout 4 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$PORT),timeout=3); sys.exit(0 if len(s.recv(132)) else 1)" 2>/dev/null && return 0
  kill -9 "$p"; rm -f "$T/nsca.pid"; sleep 0.5
}
hup() { sleep 0.4; kill -HUP "$(pid)"; sleep 1; }
raw() { timeout 20 python3 "$D/rawclient.py" $PORT "$1" "$(pick HOSTS)" "$2" "$(R 4)" "$(pick OUTS)" "${3:-0}" >/dev/null 2>&1; }

# variants applied on reload
variant() {
  case $(R 12) in
    0|1|2) mkconf good ;;
    3) rm -f "$T/nagios.cmd"; mkconf good ;;
    4) mkconf good "command_file=$T/nope/nagios.cmd" "alternate_dump_file=$T/nope/nsca.dump" ;;
    5) mkconf good "command_file=$T/cmddir" ;;
    6) mkconf good "check_result_path=$T/checkresults" ;;
    7) mkconf good "aggregate_writes=1" ;;
    8) mkconf good "strict_mode_spoofing=1" ;;
    9) mkconf good "log_facility=loca17" ;;
    10) mkconf good "max_packet_age=5" ;;
    11) mkconf good "append_to_file=0" "command_file=$T/nope/nagios.cmd" ;;
  esac
}

badconfigs() {
  local k
  for k in $(seq $((2 + $(R 4)))); do
    case $(R 11) in
      0) start "$T/missing-$(R 99).cfg" ;;
      1) start "$(mkconf bad "frobnicate_level=$(R 9)")" ;;
      2) start "$(mkconf bad "server_port=")" ;;
      3) f=$(mkconf bad); printf '=' >> "$f"; start "$f" ;;
      4) start "$(mkconf bad "server_port=-$(R 900)")" ;;
      5) start "$(mkconf bad "decryption_method=$((40 + $(R 50)))")" ;;
      6) start "$(mkconf bad "max_packet_age=$((901 + $(R 5000)))")" ;;
      7) start "$(mkconf bad "check_result_path=$T/no-such-dir-$(R 9)")" ;;
      8) start "$(mkconf bad "server_address=300.1.2.$(R 9)")" ;;
      9) start "$(mkconf bad "pid_file=$T/other.pid")" ;;   # port already bound
      10) start "$(mkconf good)" ;;                          # already running
    esac
  done
}

: > "$T/nagios.cmd"
start "$(mkconf good)"
rounds=${1:-260}
for ((r = 0; r < rounds; r++)); do
  if [ -z "$(pid)" ] || ! kill -0 "$(pid)" 2>/dev/null; then
    [ $(R 3) = 0 ] && start "$(mkconf good)" --daemon || start "$(mkconf good)"
  fi
  x=$(R 100)
  if   [ $x -lt 38 ]; then send send_good.cfg
  elif [ $x -lt 44 ]; then send send_wrongpw.cfg
  elif [ $x -lt 47 ]; then send send_des.cfg
  elif [ $x -lt 49 ]; then send send_none.cfg
  elif [ $x -lt 53 ]; then send send_good.cfg --legacy-2-7-mode
  elif [ $x -lt 58 ]; then raw send "$(pick SVCS)" $((-60 - $(R 900)))
  elif [ $x -lt 61 ]; then raw send "$(pick SVCS)" $((40 + $(R 300)))
  elif [ $x -lt 64 ]; then raw send "" $((-1 * $(R 3)))
  elif [ $x -lt 66 ]; then (raw short "$(pick SVCS)" $(R 3000) &)
  elif [ $x -lt 68 ]; then raw badcrc "$(pick SVCS)" 0
  elif [ $x -lt 71 ]; then raw close x
  elif [ $x -lt 73 ]; then raw garbage x
  elif [ $x -lt 75 ]; then timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; sleep 1" 2>/dev/null
  elif [ $x -lt 85 ]; then variant >/dev/null; hup
  elif [ $x -lt 88 ]; then stop
  elif [ $x -lt 91 ]; then badconfigs
  elif [ $x -lt 93 ]; then mkconf good "decryption_method=$((2 + $(R 25)))" >/dev/null; hup
                            send send_des.cfg; send send_good.cfg; mkconf good >/dev/null; hup
  elif [ $x -lt 95 ]; then mkconf good "debug=$(R 2)" "bogus_reload_option=1" >/dev/null; hup
  elif [ $x -lt 97 ]; then stop; start "$(mkconf good "nsca_user=nobody$(R 9)" "nsca_group=nogroup$(R 9)")"
  else : > "$T/nagios.cmd"; send send_good.cfg
  fi
done
sleep 12
stop
sleep 1
kill "$(cat "$T/rsyslogd.pid")"
sleep 1
cp "$T/raw.log" "$D/raw-full.log"
