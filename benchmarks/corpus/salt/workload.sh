#!/bin/bash
# Randomised workload for a Salt master + minion pair (ports 27005-27008 on 127.0.0.1).
# Runtime files live under /tmp/round31-r31h/saltrun; the venv is /tmp/round31-r31h/salt.
# The labelled log is the minion's log file (log_level_logfile: debug).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
V=/tmp/round31-r31h/salt/bin
RUN=/tmp/round31-r31h/saltrun
C="-c $HERE"
ROUNDS=${ROUNDS:-70}
mkdir -p $RUN/log $RUN/managed

pidof_file() { python3 -c 'import json,sys; t=open(sys.argv[1]).read().strip(); print(json.loads(t)["pid"] if t.startswith("{") else t)' "$1" 2>/dev/null; }
start_master() { $V/salt-master $C -d; sleep 6; }
start_minion() { $V/salt-minion $C -d; sleep 8; }
stop_pid() {  # terminate a daemon by the pid in its pidfile and wait until it is gone
  local p; p=$(pidof_file "$1"); [ -n "$p" ] || return
  kill "$p"; for _ in $(seq 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
}
stop_master() { stop_pid $RUN/master.pid; sleep 2; }
stop_minion() { stop_pid $RUN/minion.pid; sleep 2; }
S() { timeout 40 $V/salt $C -t "${T:-8}" r31h-minion "$@" >/dev/null 2>&1; }
pick() { echo $((RANDOM % $1)); }

start_master
start_minion
sleep 4
$V/salt-key $C -y -a r31h-minion >/dev/null 2>&1
sleep 12

for ((i = 0; i < ROUNDS; i++)); do
  case $(pick 44) in
    0|1|2|3|4) S test.ping ;;
    5|6) S test.echo "r31h-$RANDOM" ;;
    7) S test.version ;;
    8) S test.exception "boom-$RANDOM" ;;
    9) T=2 S test.sleep $((4 + RANDOM % 4)) ;;
    10|11|12) S cmd.run "echo hello-$RANDOM" ;;
    13|14) S cmd.run "ls /nonexistent-$RANDOM" ;;
    15) S cmd.run "pwd" cwd=/nonexistent-dir ;;
    16) S cmd.retcode "exit $((RANDOM % 4))" python_shell=True ;;
    17) S cmd.run_all "cat /etc/hostname" ;;
    18) S grains.item os kernel ;;
    19) S grains.setval r31h_key "v$RANDOM" ;;
    20) S pillar.get r31h:color ;;
    21) S saltutil.refresh_pillar ;;
    22|23) S state.apply demo ;;
    24) S state.apply failing ;;
    25) S state.apply broken ;;
    26) S state.apply nosuchstate$RANDOM ;;
    27) S state.apply demo test=True ;;
    28) S file.read /nonexistent/file$RANDOM ;;
    29) S file.touch $RUN/managed/t$((RANDOM % 5)) ;;
    30) S cp.get_file salt://missing$RANDOM.txt $RUN/managed/got.txt ;;
    31) S nosuchmodule.func ;;
    32) S test.nosuchfunc ;;
    33) S saltutil.sync_modules ;;
    34) S event.send "r31h/custom/$RANDOM" '{"k": 1}' ;;
    35) S sys.list_functions test ;;
    36) stop_master; sleep $((5 + RANDOM % 10)); start_master; sleep 10 ;;
    37) stop_minion; start_minion; sleep 4 ;;
    38) $V/salt-key $C -y -d r31h-minion >/dev/null 2>&1; sleep $((8 + RANDOM % 8))
        $V/salt-key $C -y -a r31h-minion >/dev/null 2>&1; sleep 15 ;;
    39) S cmd.run "sleep 1; echo done" ;;
    40) stop_master; sleep $((20 + RANDOM % 20)); start_master; sleep 12 ;;
    41) stop_minion; start_minion; sleep 4 ;;
    42) S saltutil.kill_job 20990101000000000000 ;;
    43) S state.sls_exists demo ;;
  esac
  sleep 0.$((RANDOM % 9))
done

stop_minion
stop_master
