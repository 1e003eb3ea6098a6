#!/bin/bash
# Honcho (honcho start) over random Procfiles whose processes start, exit, crash and are stopped.
# Runs itself again inside private network + mount namespaces (loopback only).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round39-r39e
if [ "${1:-}" != inner ]; then
  exec unshare -mn --propagation private bash "$HERE/workload.sh" inner
fi
set -m
ip link set lo up
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data XDG_RUNTIME_DIR=$B/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR
mount -t tmpfs tmpfs /dev/shm
HONCHO=$B/venv-honcho/bin/honcho
W=$B/honchoapp
RAW=$B/honcho-raw.log
rm -rf $W; mkdir -p $W; cd $W
: > $RAW
r() { echo $(( RANDOM % $1 )); }
# silent process kinds: long sleeper, quick exit with a code, crash by signal, ignores SIGTERM
proc() {
  case $(r 10) in
    0|1|2|3) echo "sleep $(( 5 + $(r 20) ))" ;;
    4|5) echo "sh -c 'sleep 0.$(r 9); exit $(r 4)'" ;;
    6) echo "sh -c 'sleep 1; kill -SEGV \$\$'" ;;
    7) echo "sh -c 'sleep 1.$(r 9); kill -KILL \$\$'" ;;
    8) echo "sh -c 'trap \"\" TERM; sleep 8'" ;;
    9) echo "nonexistent_command_$(r 5)" ;;
  esac
}
NAMES=(web worker clock queue mailer cache api beat)
for run in $(seq 200); do
  : > .env
  n=$(( 1 + $(r 8) ))
  : > Procfile
  for i in $(seq $n); do echo "${NAMES[$(( i - 1 ))]}: $(proc)" >> Procfile; done
  case $(r 20) in
    0) $HONCHO -f nosuch_Procfile start >>$RAW 2>&1; continue ;;
    1) $HONCHO start nothere_$(r 5) >>$RAW 2>&1; continue ;;
    2) echo "PORT=abc$(r 9)" > .env; $HONCHO start >>$RAW 2>&1; continue ;;
    3) if [ $(r 2) = 0 ]; then echo 'this is not a procfile' > Procfile; else echo 'web: sleep 1' >> Procfile; fi; $HONCHO start >>$RAW 2>&1; continue ;;
    4) $HONCHO start -c web=$(r 3) >>$RAW 2>&1 & HP=$! ;;
    *) $HONCHO start -p 52300 >>$RAW 2>&1 & HP=$! ;;
  esac
  sleep 0.$(( 3 + $(r 7) ))
  case $(r 4) in
    0) kill -INT $HP 2>/dev/null ;;
    1) kill -TERM $HP 2>/dev/null ;;
    *) sleep $(r 3) ;;
  esac
  wait $HP 2>/dev/null
done
umount /dev/shm
sed -n '1,2500p' $RAW > "$HERE/honcho.log"
wc -l $RAW "$HERE/honcho.log"
