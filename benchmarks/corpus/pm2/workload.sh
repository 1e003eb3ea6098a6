#!/bin/bash
# Randomised workload for the PM2 daemon; its log is $PM2_HOME/pm2.log
HERE=$(cd "$(dirname "$0")" && pwd)
export PM2_HOME=/tmp/round33-r33e/pm2home
export DEBUG='pm2:*,-pm2:daemon'
export PM2_WORKER_INTERVAL=${PM2_WORKER_INTERVAL:-10000}
export PM2_DISABLE_VERSION_CHECK=true
PM2=/tmp/round33-r33e/npm/node_modules/.bin/pm2
A=$HERE/apps
ROUNDS=${ROUNDS:-60}
FLAG=/tmp/round33-r33e/backoff.flag
mkdir -p "$PM2_HOME"
p() { timeout 60 "$PM2" "$@" >/dev/null 2>&1; }
r() { echo $((RANDOM % $1)); }
names=(web webc crash stubborn quick leak tick backoff noready)
start_app() {
  case $1 in
    web) PORT=40010 p start $A/web.js --name web --wait-ready --listen-timeout 3000 ;;
    webc) PORT=40011 p start $A/web.js --name webc -i $((2 + $(r 2))) ;;
    crash) p start $A/crash.js --name crash --restart-delay $((100 + $(r 900))) ;;
    stubborn) p start $A/stubborn.js --name stubborn --kill-timeout $((300 + $(r 900))) ;;
    quick) p start $A/quick.js --name quick --max-restarts $((2 + $(r 4))) --min-uptime 2000 ;;
    leak) p start $A/leak.js --name leak --max-memory-restart 60M ;;
    tick) p start $A/tick.js --name tick --cron-restart '* * * * *' --watch $A/watched ;;
    backoff) FLAG_FILE=$FLAG p start $A/backoff.js --name backoff --exp-backoff-restart-delay 100 ;;
    noready) p start $A/noready.js --name noready --wait-ready --listen-timeout $((500 + $(r 1500))) ;;
    missing) p start $A/does-not-exist.js --name missing ;;
  esac
}
rm -f $FLAG
p ping
for n in web crash tick backoff; do start_app $n; done
for i in $(seq 1 $ROUNDS); do
  n=${names[$(r ${#names[@]})]}
  case $(r 22) in
    0|1|2) start_app $n ;;
    3|4) p restart $n ;;
    5) p stop $n ;;
    6) p delete $n ;;
    7) p reload webc ;;
    8) p reload web ;;
    9) p reset $n ;;
    10) p sendSignal SIGUSR2 $n ;;
    11) p reloadLogs ;;
    12) p flush $n ;;
    13) p scale webc $((1 + $(r 3))) ;;
    14) echo "$RANDOM" >> $A/watched/a.txt ;;
    15) touch $FLAG ;;
    16) rm -f $FLAG; p restart backoff ;;
    17) p save ;;
    18) pid=$($PM2 pid $n 2>/dev/null | head -1); [ -n "$pid" ] && [ "$pid" != 0 ] && kill -9 $pid 2>/dev/null ;;
    19) p trigger $n nosuchaction ;;
    20) p start_app missing; start_app missing ;;
    21) case $(r 4) in
          0) p kill; p resurrect ;;
          1) kill -TERM $(cat $PM2_HOME/pm2.pid); sleep 2; p resurrect ;;
          2) p update ;;
          3) p stop all; p start all ;;
        esac ;;
  esac
  sleep $((1 + $(r 4)))
done
p stop all
p delete all
p kill
echo init > $A/watched/a.txt
rm -f $FLAG
