#!/bin/bash
# Randomised workload for lyskomd (Debian lyskom-server). Log: lyskom.raw (stdout+stderr of lyskomd -f -d -d).
HERE=$(cd "$(dirname "$0")" && pwd)
L=/tmp/round35-r35d/l
PORT=47510
OUT=$L/lyskom.raw
ulimit -c 0
mkdir -p $L/db $L/run
rm -f $L/db/* $OUT
cp /var/lib/lyskom-server/lyskomd-data /var/lib/lyskom-server/lyskomd-texts /var/lib/lyskom-server/number.txt $L/db/
sed "s/^Client port:.*/Client port:\t$PORT/" $HERE/lyskomd.conf > $L/good.conf
printf 'Connect timeout: 2\nLogin timeout: 0.05\n' >> $L/good.conf
R() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
start() { # $1 config
  stdbuf -oL -eL /usr/sbin/lyskomd -f -d -d "$1" >> $OUT 2>&1 < /dev/null &
  PID=$!; echo $PID >> $L/pids; sleep 1.5
}
stop() { kill -$1 $PID 2>/dev/null; for i in $(seq 50); do kill -0 $PID 2>/dev/null || break; sleep 0.2; done; }
client() { timeout 60 python3 $HERE/lkclient.py $PORT "$@" >/dev/null 2>&1; }
bad_runs() {
  case $(R 0 9) in
    0) stdbuf -oL /usr/sbin/lyskomd -f -q $L/good.conf >> $OUT 2>&1 </dev/null ;;
    1) stdbuf -oL /usr/sbin/lyskomd -f $L/missing-$(R 1 99).conf >> $OUT 2>&1 </dev/null ;;
    2) { cat $L/good.conf; echo "Frobnicate level: $(R 1 9)"; } > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    3) { cat $L/good.conf; echo "Max texts without colon"; echo "Sync interval: $(R 1 5)"; } > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    4) { cat $L/good.conf; echo "Sync interval: -$(R 1 5)"; echo "Max conferences: 99x"; } > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    5) sed "s#^Aux-item definition file:.*#Aux-item definition file: $L/aux-missing.conf#" $L/good.conf > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    6) { head -n $(R 20 60) $HERE/aux-items.conf; echo "  bogus-field = $(R 1 9);"; echo "}"; } > $L/aux-bad.conf
       sed "s#^Aux-item definition file:.*#Aux-item definition file: $L/aux-bad.conf#" $L/good.conf > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    7) sed "s#^Data file:.*#Data file: $L/nodir/data#; s#^Backup file:.*#Backup file: $L/nodir/backup#" $L/good.conf > $L/bad.conf; timeout 5 stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    8) { cat $L/good.conf; echo "Max texts: 10"; } > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
    9) { cat $L/good.conf; echo "Login timeout: 3 fortnights"; } > $L/bad.conf; stdbuf -oL /usr/sbin/lyskomd -f $L/bad.conf >> $OUT 2>&1 </dev/null ;;
  esac
}
SEED=${SEED:-$RANDOM}
for round in $(seq ${ROUNDS:-8}); do
  [ $(R 0 2) = 0 ] && bad_runs
  [ $(R 0 4) = 0 ] && printf '%d\n' $(R 1 50) > $L/db/number.txt
  [ $(R 0 5) = 0 ] && echo "garbage" > $L/db/number.txt
  start $L/good.conf
  [ $(R 0 2) = 0 ] && { stdbuf -oL /usr/sbin/lyskomd -f $L/good.conf >> $OUT 2>&1 </dev/null; }
  for step in $(seq $(R 2 7)); do
    case $(R 0 9) in
      0|1|2|3) client $(R 3 25) $((SEED + round * 100 + step)) ;;
      4) client 1 0 idle $(R 1 4) & IP=$!; client $(R 1 6) $((SEED + step)) ; wait $IP ;;
      5) client 1 0 sync ;;
      6) kill -WINCH $PID; sleep 0.5 ;;
      7) CP=; for i in $(seq $(R 1 3)); do client $(R 1 5) $((SEED + round + i)) & CP="$CP $!"; done; wait $CP ;;
      8) (exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'B3Hfoo\n' >&3; sleep 0.3) 2>/dev/null ;;
      9) (exec 3<>/dev/tcp/127.0.0.1/$PORT; printf 'A99999999999Hx\n' >&3; sleep 0.3) 2>/dev/null ;;
    esac
  done
  case $(R 0 4) in
    0|1) client 1 0 shutdown; sleep 1; stop TERM ;;
    2) stop TERM ;;
    3) stop HUP ;;
    4) stop INT ;;
  esac
  sleep 0.5
done
