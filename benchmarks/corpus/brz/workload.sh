#!/bin/bash
# Randomised workload for Breezy: a `brz serve` smart server on 127.0.0.1:44500 and brz clients,
# all in a private network + mount namespace. Breezy's debug log (BRZ_LOG) is shared by server and
# clients; the kept stretch is cut from it at the end.
# Run: bash /work/round42/brz/workload.sh   (re-executes itself inside unshare -n -m)
if [ -z "$R42F_IN_NS" ]; then
  export R42F_IN_NS=1
  exec unshare -n -m --propagation private /bin/bash "$0" "$@"
fi
cd /work/round42/brz || exit 1
set -m   # background jobs keep SIGINT
ip link set lo up
B=/tmp/round42-r42f/brz
rm -rf $B/home $B/tmp $B/xdg $B/srv $B/full.log
mkdir -p $B/home $B/tmp $B/xdg/config $B/xdg/cache $B/xdg/data $B/srv
mount -t tmpfs tmpfs /dev/shm
export HOME=$B/home TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache XDG_DATA_HOME=$B/xdg/data
export BRZ_LOG=$B/full.log BRZ_EMAIL="Work Load <wl@example.org>" BRZ_PROGRESS_BAR=none
PORT=44500
URL=bzr://127.0.0.1:$PORT
SP=
start_server() {  # $1: extra options
  brz -Dhpss serve --listen=127.0.0.1 --port=$PORT --directory=$B/srv $1 >>$B/serve.out 2>&1 &
  SP=$!
  for i in 1 2 3 4 5 6 7 8 9 10; do (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.3; done
}
stop_server() {
  [ -n "$SP" ] || return
  kill -INT $SP 2>/dev/null
  for i in $(seq 20); do kill -0 $SP 2>/dev/null || break; sleep 0.5; done
  kill -TERM $SP 2>/dev/null; wait $SP 2>/dev/null; SP=
}
flag() { local f=("" "" "-Dhpss" "-Derror" "-Dlock" "-Dhpss"); echo "${f[RANDOM % ${#f[@]}]}"; }
c() { brz $(flag) "$@" >>$B/client.out 2>&1; }
pick() { echo "${@:RANDOM % $# + 1:1}"; }

cd $B/srv
brz init-shared-repo repo >/dev/null 2>&1
brz init repo/trunk >/dev/null 2>&1
start_server --allow-writes
cd $B/tmp
c checkout $URL/repo/trunk wt
n=0
for iter in $(seq 1 90); do
  cd $B/tmp/wt 2>/dev/null || cd $B/tmp
  r=$((RANDOM % 20))
  case $r in
    0|1|2|3) f=f$((RANDOM % 6)).txt; echo "line $RANDOM" >> $f; c add -q $f; c commit -m "change $iter" ;;
    4) n=$((n+1)); c push $URL/repo/b$n ;;
    5) c push $URL/repo/b$((RANDOM % (n+1))) ;;
    6) rm -rf $B/tmp/br; c branch $URL/repo/$(pick trunk b1 b2 nosuch) $B/tmp/br ;;
    7) c log -l $((RANDOM % 3 + 1)) $URL/repo/trunk ;;
    8) c info $URL/repo/$(pick trunk b1 missing) ;;
    9) c cat -r -1 $URL/repo/trunk/$(pick f0.txt f1.txt nofile.txt) ;;
    10) c ls $URL/repo/$(pick trunk b1 "") ;;
    11) c tag -d $URL/repo/trunk t$RANDOM ;;
    12) c pull -d $B/tmp/br $URL/repo/trunk ;;
    13) c update ;;
    14) stop_server; c log -l 1 $URL/repo/trunk; start_server --allow-writes ;;
    15) stop_server; start_server; c push --overwrite $URL/repo/b1; c tag -d $URL/repo/trunk ro$RANDOM; stop_server; start_server --allow-writes ;;
    16) exec 7<>/dev/tcp/127.0.0.1/$PORT && { printf '%s' "$(pick 'garbage request' 'bzr message 3 (bzr 1.6)' 'bzr request 2' 'GET / HTTP/1.0')" >&7; printf '\n' >&7; sleep 0.5; exec 7>&-; } ;;
    17) stop_server; start_server "--allow-writes --client-timeout=1"; exec 7<>/dev/tcp/127.0.0.1/$PORT; sleep 2.5; exec 7>&-; c revno $URL/repo/trunk; stop_server; start_server --allow-writes ;;
    18) c uncommit --force $URL/repo/b$((RANDOM % (n+1))) ;;
    19) c $(pick missing diff status) ;;
  esac
done
stop_server
umount /dev/shm
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $B/full.log > /work/round42/brz/brz.log
wc -l $B/full.log /work/round42/brz/brz.log
