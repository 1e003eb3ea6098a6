#!/bin/bash
# Randomised workload for rdnssd (foreground, stderr captured), in a private net+mount namespace
# with a veth pair; router advertisements come from ra_send.py.
# Usage: bash /work/round42/rdnssd/workload.sh
if [ -z "$R42C_INNS" ]; then
  cd /work/round42/rdnssd || exit 1
  R42C_INNS=1 exec unshare -n -m --propagation private bash /work/round42/rdnssd/workload.sh "$@"
fi
set -m
cd /work/round42/rdnssd || exit 1
B=/tmp/round42-r42c/rdnssd
rm -rf $B; mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/data $B/xdg/cache $B/xdg/runtime $B/run
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data \
  XDG_CACHE_HOME=$B/xdg/cache XDG_RUNTIME_DIR=$B/xdg/runtime LC_ALL=C
RAW=/work/round42/rdnssd/rdnssd.raw
rm -f $RAW
r() { echo $(( RANDOM % $1 )); }

ip link set lo up
ip link add r42c0 type veth peer name r42c1
ip link set r42c0 up; ip link set r42c1 up
sleep 3

# resolv.conf locations: writable by the worker (nobody), not writable, missing, a directory
mkdir -p $B/ok $B/ro $B/isdir/resolv.conf $B/pids
chown nobody $B/ok $B/isdir
# merge hooks: working, missing, not executable, a directory
printf '#!/bin/sh\nexit 0\n' > $B/hook-ok; chmod 755 $B/hook-ok
printf '#!/bin/sh\nexit 0\n' > $B/hook-noexec; chmod 644 $B/hook-noexec
mkdir -p $B/hook-dir

RD=/usr/sbin/rdnssd
PID=
start() { $RD -f "$@" >/dev/null 2>>$RAW & PID=$!; sleep 0.5; }
stop() { [ -n "$PID" ] && kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; PID=; }
ras() { python3 /work/round42/rdnssd/ra_send.py r42c0 "$@"; }
resolv() { case $(r 5) in 0) echo $B/ok/resolv.conf ;; 1|2) echo $B/ro/resolv.conf ;; 3) echo $B/missing/resolv.conf ;; *) echo $B/isdir/resolv.conf ;; esac; }
hook() { case $(r 5) in 0) echo $B/hook-ok ;; 1|2) echo $B/nohook ;; 3) echo $B/hook-noexec ;; *) echo $B/hook-dir ;; esac; }

session() {
  local n=$((5 + $(r 80)))
  case $(r 12) in
    0|1|2|3|4)   # ordinary run, sometimes without a hook
      if [ $(r 3) = 0 ]; then start -p $B/pids/rd.pid -r $(resolv)
      else start -p $B/pids/rd.pid -r $(resolv) -H $(hook); fi
      ras $n 0.01; sleep 0.$(r 9); stop ;;
    5)           # short lifetimes: let entries expire before stopping
      start -p $B/pids/rd.pid -r $(resolv) -H $(hook)
      ras $((n / 4 + 1)) 0.02; sleep $((2 + $(r 4))); stop ;;
    6)           # a second instance on the same pid file
      start -p $B/pids/rd.pid -r $(resolv) -H $(hook)
      $RD -f -p $B/pids/rd.pid -r $B/ok/resolv.conf >/dev/null 2>>$RAW
      ras $n 0.01; stop ;;
    7)           # pid file in a missing directory, or a directory
      $RD -f -p $(echo $B/nopids/rd.pid $B/pids | tr ' ' '\n' | shuf -n1) -r $B/ok/resolv.conf >/dev/null 2>>$RAW ;;
    8)           # unknown user
      $RD -f -u $(echo nosuchuser rdnss nobodyx | tr ' ' '\n' | shuf -n1) -p $B/pids/rd.pid -r $B/ok/resolv.conf >/dev/null 2>>$RAW ;;
    9)           # the worker process dies
      start -p $B/pids/rd.pid -r $(resolv) -H $(hook)
      ras $((n / 2 + 1)) 0.01
      for w in $(cat /proc/$PID/task/$PID/children 2>/dev/null); do kill -KILL $w; done
      wait $PID 2>/dev/null; PID= ;;
    10)          # bad command lines
      for k in $(seq $((1 + $(r 3)))); do
        case $(r 6) in
          0) $RD -z ;; 1) $RD -f -r ;; 2) $RD --bogus ;; 3) $RD --user ;; 4) $RD --h ;; *) $RD --foreground=yes ;;
        esac >/dev/null 2>>$RAW
      done ;;
    11)          # the worker runs as root
      start -u root -p $B/pids/rd.pid -r $(resolv) -H $(hook)
      ras $n 0.01; stop ;;
  esac
}

for i in $(seq 40); do session; done
stop
N=$(wc -l < $RAW)
echo "raw lines: $N"
sed -n '1,2500p' $RAW > /work/round42/rdnssd/rdnssd.log
rm -f $RAW
rm -rf $B
wc -l /work/round42/rdnssd/rdnssd.log
