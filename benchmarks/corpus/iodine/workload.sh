#!/bin/bash
# Randomised workload for iodined (iodine 0.7.0, Debian) in private network namespaces.
# Server: netns r31i-dns (UDP 53 inside that namespace only, 28053/28054 for the odd-port runs),
# stderr appended to the log, syslog() through a private /dev/log into a private rsyslogd
# writing the same file. Clients: real iodine clients and dnsq.py in netns r31i-c1..3.
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31i/iodine
LOG=$T/iodined.log
TOP=t1.r31i.test
PASS=secretpw
mkdir -p $T/rsyslog
: > $LOG
PIDS=$T/pids; : > $PIDS
r() { echo $(( RANDOM % $1 )); }

"$D/netns.sh" down; "$D/netns.sh" up
rsyslogd -n -f "$D/rsyslog.conf" -i $T/rsyslogd.pid > $T/rsyslogd.out 2>&1 &
RSYS=$!; echo rsyslogd $RSYS >> $PIDS; sleep 1

SRV=""
start_server() {   # args: iodined options
  ip netns exec r31i-dns unshare -m --propagation private "$D/devlog.sh" $T/devlog.sock \
    iodined "$@" 2>>$LOG &
  SRV=$!; echo iodined $SRV >> $PIDS
  sleep 1.5
}
stop_server() {
  [ -n "$SRV" ] || return
  if kill -0 $SRV 2>/dev/null; then
    if [ $(r 10) -lt 8 ]; then kill -INT $SRV; else kill -TERM $SRV; fi
  fi
  wait $SRV 2>/dev/null; SRV=""; sleep 0.5
}

client() {  # args: ns-index password seconds
  local i=$1 pw=$2 secs=$3 opts=()
  [ $(r 3) -eq 0 ] && opts+=(-r)
  case $(r 8) in 0) opts+=(-T TXT);; 1) opts+=(-T CNAME);; 2) opts+=(-T MX);; 3) opts+=(-T A);; 4) opts+=(-T SRV);; esac
  [ $(r 4) -eq 0 ] && opts+=(-L 0)
  [ $(r 5) -eq 0 ] && opts+=(-m $((200 + $(r 900))))
  [ $(r 5) -eq 0 ] && opts+=(-O $(echo Base32 Base64 Base64u Base128 | tr ' ' '\n' | shuf -n1))
  ip netns exec r31i-c$i timeout -s INT $secs iodine -f -P "$pw" "${opts[@]}" 10.31.$i.1 $TOP >> $T/client$i.out 2>&1 &
  echo client $! >> $PIDS
  local cp=$!
  sleep $((4 + $(r 4)))
  if [ "$pw" = "$PASS" ]; then
    ip netns exec r31i-c$i ping -q -c $((2 + $(r 12))) -i 0.$((2 + $(r 7))) -s $((20 + $(r 1300))) -W 1 10.32.0.1 >/dev/null 2>&1
  fi
  wait $cp 2>/dev/null
}

fuzz() {  # args: ns-index count [port]
  ip netns exec r31i-c$1 python3 "$D/dnsq.py" 10.31.$1.1 $TOP $2 ${3:-53}
}

bad_invocations() {
  local n=$((1 + $(r 3)))
  for _ in $(seq $n); do
    case $(r 11) in
      0) start_server -f -P $PASS 10.32.0.1/$((2 + $(r 5))) $TOP ;;
      1) start_server -f -P $PASS 10.32.0.1 t1..r31i.test ;;
      2) start_server -f -P $PASS 10.32.0.1 r31i ;;
      3) start_server -f -P $PASS -m 0 10.32.0.1 $TOP ;;
      4) start_server -f -P $PASS -p 70000 10.32.0.1 $TOP ;;
      5) start_server -f -P $PASS -b 53 10.32.0.1 $TOP ;;
      6) start_server -f -P $PASS -u nosuchuser$(r 99) 10.32.0.1 $TOP ;;
      7) start_server -f -P $PASS 10.32.$(r 9).999 $TOP ;;
      8) start_server -f -P $PASS -n 1.2.3.999 10.32.0.1 $TOP ;;
      9) start_server -f -P $PASS -l 10.0.0.999 10.32.0.1 $TOP ;;
      10) start_server -f -P $PASS -b 0 10.32.0.1 $TOP ;;
    esac
    sleep 1; kill -INT $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=""
  done
}

FAKEDNS=""
sessions=$((11 + $(r 4)))
for s in $(seq $sessions); do
  [ $(r 3) -eq 0 ] && bad_invocations
  opts=(-f -P $PASS)
  # real iodine clients probe the server with non-ASCII query names, which debug level >= 2 would
  # print raw (not UTF-8): sessions with clients run at level 0 or 1, fuzz-only sessions at 2 or 3
  fuzzonly=0; [ $(r 10) -lt 3 ] && fuzzonly=1
  if [ $fuzzonly = 1 ]; then lvl=$((2 + $(r 2))); else lvl=1; fi
  [ $(r 5) -ne 0 ] && opts+=(-$(printf 'D%.0s' $(seq $lvl)))
  [ $(r 4) -eq 0 ] && opts+=(-c)
  [ $(r 3) -eq 0 ] && opts+=(-F $T/iodined.pid)
  [ $(r 8) -eq 0 ] && opts+=(-F /nonexistent/r31i/iodined.pid)
  [ $(r 4) -eq 0 ] && opts+=(-n 10.31.1.1)
  port=53
  [ $(r 7) -eq 0 ] && { port=28053; opts+=(-p 28053); }
  if [ $(r 2) -eq 0 ]; then
    ip netns exec r31i-dns python3 "$D/fakedns.py" 28054 &
    FAKEDNS=$!; echo fakedns $FAKEDNS >> $PIDS
    opts+=(-b 28054)
  fi
  idle=0
  [ $(r 6) -eq 0 ] && { idle=1; opts+=(-i $((8 + $(r 5)))); }
  case $(r 5) in 0) mask=30;; 1) mask=29;; *) mask=27;; esac
  start_server "${opts[@]}" 10.32.0.1/$mask $TOP
  # a second instance on the same port (iodined sets SO_REUSEADDR, so it starts too)
  if [ $(r 8) -eq 0 ]; then S1=$SRV; start_server -f -P $PASS -p $port 10.33.0.1 $TOP; S2=$SRV
    sleep 1; kill -INT $S2 2>/dev/null; wait $S2 2>/dev/null; SRV=$S1; fi
  if [ $port = 28053 ]; then
    fuzz $((1 + $(r 3))) $((10 + $(r 30))) 28053
  elif [ $fuzzonly = 1 ]; then
    fj=(); for i in 1 2 3; do fuzz $i $((10 + $(r 50))) & fj+=($!); done; wait "${fj[@]}"; sleep 2
  else
    jobs_=()
    for i in 1 2 3; do
      case $(r 6) in
        0|1|2) client $i $PASS $((10 + $(r 15))) & jobs_+=($!) ;;
        3) client $i wrong$(r 999) 6 & jobs_+=($!) ;;
        4) fuzz $i $((5 + $(r 40))) & jobs_+=($!) ;;
        5) : ;;
      esac
      sleep $(r 3)
    done
    [ ${#jobs_[@]} -gt 0 ] && wait "${jobs_[@]}" 2>/dev/null
    [ $(r 2) -eq 0 ] && fuzz $((1 + $(r 3))) $((5 + $(r 25)))
  fi
  if [ $idle = 1 ]; then sleep 22; fi
  stop_server
  if [ -n "$FAKEDNS" ]; then kill $FAKEDNS 2>/dev/null; wait $FAKEDNS 2>/dev/null; FAKEDNS=""; fi
done
sleep 1
kill $RSYS; wait $RSYS 2>/dev/null
"$D/netns.sh" down
rm -rf $T/rsyslog $T/iodined.pid
wc -l $LOG
