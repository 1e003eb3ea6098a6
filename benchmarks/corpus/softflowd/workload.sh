#!/bin/bash
# Randomised workload for softflowd 1.1.0 (Debian) in private network namespaces r31i-flow /
# r31i-flowp. softflowd runs with -D (foreground, verbose, messages on stderr); its stdout and
# stderr are appended to the log. Collector: 127.0.0.1:28100 inside r31i-flow (UDP or TCP).
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31i/softflowd
LOG=$T/softflowd.log
CTL=$T/softflowd.ctl
PIDF=$T/softflowd.pid
mkdir -p $T; : > $LOG
PIDS=$T/pids; : > $PIDS
r() { echo $(( RANDOM % $1 )); }
pick() { shift $(( RANDOM % $# )); echo $1; }
"$D/netns.sh" down; "$D/netns.sh" up
NSX="ip netns exec r31i-flow"
$NSX python3 "$D/sink.py" & SINK=$!; echo sink $SINK >> $PIDS

SRV=""
start() { $NSX softflowd "$@" >>$LOG 2>&1 & SRV=$!; echo softflowd $SRV >> $PIDS; sleep 0.7; }
ctl() { $NSX softflowctl -c $CTL "$@" >/dev/null 2>&1; }
random_ctl() {
  case $(r 20) in
    0|1|2|3) ctl statistics ;; 4|5|6) ctl dump-flows ;; 7|8) ctl expire-all ;; 9) ctl delete-all ;;
    10) ctl timeouts ;; 11) ctl debug- ;; 12) ctl debug+ ;; 13) ctl stop-gather; sleep 1; ctl start-gather ;;
    14) ctl send-template ;; 15) ctl $(pick flush reload status help stats) ;; 16) ctl start-gather ;;
    *) ctl statistics ;;
  esac
}
collector() {  # udp|tcp|none
  COL=""
  case $1 in udp|tcp) $NSX python3 "$D/collector.py" 28100 $1 & COL=$!; echo collector $COL >> $PIDS; sleep 0.3 ;; esac
}
stop_collector() { [ -n "$COL" ] && { kill $COL 2>/dev/null; wait $COL 2>/dev/null; COL=""; }; }
bad_invocations() {
  for _ in $(seq $((1 + $(r 2)))); do
    case $(r 12) in
      0) start -D -i f0 -t bogus=5 -c $CTL -p $PIDF ;;
      1) start -D -i f0 -v 7 -c $CTL -p $PIDF ;;
      2) start -D -i f0 -T weird -c $CTL -p $PIDF ;;
      3) start -D -n 127.0.0.1:28100 -c $CTL -p $PIDF ;;
      4) start -D -i nosuch$(r 9) -n 127.0.0.1:28100 -c $CTL -p $PIDF ;;
      5) start -D -r $T/missing-$(r 99).pcap -n 127.0.0.1:28100 -c $CTL -p $PIDF ;;
      6) start -D -i f0 -n 127.0.0.1 -c $CTL -p $PIDF ;;
      7) start -D -i f0 -t general=0 -c $CTL -p $PIDF ;;
      8) start -D -i f0 -n 127.0.0.1:28100 -P sctp6 -c $CTL -p $PIDF ;;
      9) start -D -i f0 -A hours -n 127.0.0.1:28100 -c $CTL -p $PIDF ;;
      10) start -D -i f0 -L 999 -n 127.0.0.1:28100 -c $CTL -p $PIDF ;;
      11) start -D -i f0 -n 127.0.0.1:28100 -P tcp -c $CTL -p $PIDF ;;
    esac
    sleep 1; kill -TERM $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=""
  done
}
common_opts() {
  OPTS=(-D -c $CTL -p $PIDF)
  case $(r 8) in 0) OPTS+=(-v 1);; 1) OPTS+=(-v 9);; 2|3) OPTS+=(-v 10);; 4) OPTS+=(-v 10 -b);; *) : ;; esac
  [ $(r 4) -eq 0 ] && OPTS+=(-T $(pick full port proto ip vlan ether))
  [ $(r 4) -eq 0 ] && OPTS+=(-m $((8 + $(r 40))))
  [ $(r 5) -eq 0 ] && OPTS+=(-s $((2 + $(r 4))))
  [ $(r 5) -eq 0 ] && OPTS+=(-A $(pick sec milli micro nano))
  [ $(r 3) -eq 0 ] && OPTS+=(-t udp=$((2 + $(r 5))) -t icmp=$((2 + $(r 5))) -t tcp.rst=$((1 + $(r 3))))
  [ $(r 3) -eq 0 ] && OPTS+=(-t expint=$((1 + $(r 3))) -t maxlife=$((5 + $(r 20))))
}

sessions=$((8 + $(r 4)))
for s in $(seq $sessions); do
  [ $(r 3) -eq 0 ] && bad_invocations
  collector $(pick udp udp udp tcp none)
  common_opts
  if [ "$COL" != "" ] && ps -o args= -p $COL | grep -q tcp; then OPTS+=(-P tcp); fi
  if [ $(r 3) -eq 0 ]; then
    # offline: read a generated capture (this version only progresses when the control socket is used)
    $NSX python3 "$D/mkpcap.py" $T/capture.pcap $((50 + $(r 400)))
    [ $(r 2) -eq 0 ] && OPTS+=(-a)
    start "${OPTS[@]}" -r $T/capture.pcap -n 127.0.0.1:28100
    for _ in $(seq $((2 + $(r 6)))); do kill -0 $SRV 2>/dev/null || break; random_ctl; sleep 0.$(r 9); done
    for _ in 1 2 3 4 5 6; do kill -0 $SRV 2>/dev/null || break; ctl statistics; sleep 0.3; done
  else
    start "${OPTS[@]}" -i f0 -B $(pick 16384 32768 65536) -n 127.0.0.1:28100
    [ $(r 6) -eq 0 ] && { start -D -i f0 -c $T/other.ctl -p $PIDF; wait $SRV 2>/dev/null; SRV=$(grep '^softflowd' $PIDS | tail -2 | head -1 | cut -d' ' -f2); }
    ip netns exec r31i-flowp python3 "$D/traffic.py" 10.51.0.1 fd51::1 $((6 + $(r 12))) & TP=$!
    for _ in $(seq $((2 + $(r 5)))); do
      ip netns exec r31i-flowp ping -q -c $((50 + $(r 400))) -i 0.002 -s $((64 + $(r 1200))) $(pick 10.51.0.1 10.51.0.1 fd51::1) >/dev/null 2>&1
      random_ctl; sleep 0.$(r 9)
    done
    wait $TP
    [ $(r 2) -eq 0 ] && { sleep $((1 + $(r 5))); ctl statistics; }
    case $(r 6) in
      0|1) ctl shutdown ;; 2) ctl exit ;; 3) kill -TERM $SRV ;; 4) kill -INT $SRV ;; 5) kill -HUP $SRV ;;
    esac
  fi
  for _ in $(seq 20); do kill -0 $SRV 2>/dev/null || break; sleep 0.3; done
  kill -0 $SRV 2>/dev/null && { kill -TERM $SRV; }
  wait $SRV 2>/dev/null; SRV=""
  stop_collector
  sleep 0.5
done
kill $SINK; wait $SINK 2>/dev/null
"$D/netns.sh" down
rm -f $T/capture.pcap
wc -l $LOG
