#!/bin/bash
# Randomised workload for dlt-daemon 2.18.8: example apps, receivers, control messages,
# garbage on the TCP port, config errors, restarts. Ports 44501 (44502 for a bad instance).
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34f/dlt
E=/usr/lib/libdlt-examples
PORT=44501
export DLT_PIPE_DIR=$T/pipes DLT_DAEMON_TCP_PORT=$PORT
mkdir -p $T/pipes $T/offline $T/persist $T/ls $T/recv
cp "$HERE/dlt_logstorage.conf" $T/ls/
rm -f $T/dltdaemon.log
r() { echo $(( RANDOM % $1 )); }
start_daemon() { (dlt-daemon -c "$HERE/dlt.conf" -t $T/pipes -p $PORT >$T/stdout.txt 2>&1 & echo $! >$T/daemon.pid); sleep 1; }
stop_daemon() { local p=$(cat $T/daemon.pid); kill -${1:-TERM} $p; while kill -0 $p 2>/dev/null; do sleep 0.2; done; }
apps() {
  for i in $(seq $((1 + $(r 3)))); do
    A=$(printf 'AP%02d' $(r 20)); C=$(printf 'C%03d' $(r 50))
    timeout 8 $E/dlt-example-user -d $((20 + $(r 80))) -n $((1 + $(r 8))) -A $A -C $C -l $(( $(r 6) + 1 )) -t 200 "hello $RANDOM" >/dev/null 2>&1 &
  done
  [ $(r 3) = 0 ] && timeout 8 $E/dlt-example-user -g -n 3 -d 50 -t 500 "nv" >/dev/null 2>&1 &
  [ $(r 4) = 0 ] && (echo "line $RANDOM"; echo "other $RANDOM") | timeout 5 dlt-adaptor-stdin -a SINA -c SINC -t 300 >/dev/null 2>&1 &
  [ $(r 5) = 0 ] && timeout 6 $E/dlt-test-user -n 1 -d 5 >/dev/null 2>&1 &
  wait
}
receiver() { timeout $((1 + $(r 4))) dlt-receive -p $PORT ${1:-} -o $T/recv/r$RANDOM.dlt localhost >/dev/null 2>&1 & }
control() {
  case $(r 12) in
    0) dlt-control -p $PORT -l $(r 7) -a LOG -c TEST localhost ;;
    1) dlt-control -p $PORT -l $(r 7) -a "AP*" localhost ;;
    2) dlt-control -p $PORT -r $(r 2) -a LOG -c TEST localhost ;;
    3) dlt-control -p $PORT -d $(r 6) localhost ;;
    4) dlt-control -p $PORT -f $(r 2) localhost ;;
    5) dlt-control -p $PORT -i $(r 2) localhost ;;
    6) dlt-control -p $PORT -j localhost ;;
    7) dlt-control -p $PORT -k localhost ;;
    8) dlt-control -p $PORT -o localhost ;;
    9) dlt-control -p $PORT -g localhost ;;
    10) dlt-control -p $PORT -a LOG -c TEST -s 4096 -m "inject $RANDOM" localhost ;;
    11) dlt-control -p $PORT -l 9 -c "ZZ*" localhost ;;
  esac >/dev/null 2>&1
}
garbage() {
  case $(r 4) in
    0) head -c $((10 + $(r 300))) /dev/urandom | timeout 2 bash -c "cat >/dev/tcp/127.0.0.1/$PORT" ;;
    1) printf 'DLS\001garbage%s' $RANDOM | timeout 2 bash -c "cat >/dev/tcp/127.0.0.1/$PORT" ;;
    2) timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT; sleep 0.5" ;;
    3) head -c 64 /dev/urandom | timeout 2 bash -c "cat >/dev/udp/127.0.0.1/$PORT" ;;
  esac >/dev/null 2>&1
}
logstorage() {
  case $(r 3) in
    0) timeout 5 dlt-logstorage-ctrl -c 1 -p $T/ls ;;
    1) timeout 5 dlt-logstorage-ctrl -c 0 -p $T/ls ;;
    2) timeout 5 dlt-logstorage-ctrl -s$T/ls ;;
  esac >/dev/null 2>&1
}
start_daemon
for round in $(seq ${ROUNDS:-6}); do
  for step in $(seq $((3 + $(r 6)))); do
    case $(r 10) in
      0|1|2) apps ;;
      3|4) receiver; sleep 0.3; apps ;;
      5|6) control ;;
      7) garbage ;;
      8) logstorage ;;
      9) receiver -a; control ;;
    esac
  done
  sleep 1; wait
  case $(r 4) in
    0) stop_daemon TERM; start_daemon ;;
    1) stop_daemon INT; start_daemon ;;
    2) dlt-daemon -c /nonexistent/dlt.conf -t $T/pipes -p 44502 >/dev/null 2>&1 & sleep 1; kill $! 2>/dev/null; wait $! 2>/dev/null ;;
    3) : ;;
  esac
done
stop_daemon TERM
cp $T/dltdaemon.log "$HERE/dltdaemon.full.log"
