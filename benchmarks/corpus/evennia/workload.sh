#!/bin/bash
# Randomised workload for Evennia: a fresh game in /tmp/round42-r42f/ev/game (ports 44510-44516,
# loopback only), driven by client.py over telnet and HTTP, with reloads, resets and restarts.
# Runs inside a private network + mount namespace. The log kept is a stretch of server/logs/server.log.
# Run: bash /work/round42/evennia/workload.sh
if [ -z "$R42F_IN_NS" ]; then
  export R42F_IN_NS=1
  exec unshare -n -m --propagation private /bin/bash "$0" "$@"
fi
set -m
cd /work/round42/evennia || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
V=/tmp/round42-r42f/ev
rm -rf $V/game $V/home $V/tmp $V/xdg
mkdir -p $V/home $V/tmp $V/xdg/config $V/xdg/cache $V/xdg/data
export PATH=/tmp/round42-r42f/venv-ev/bin:$PATH
export HOME=$V/home TMPDIR=$V/tmp XDG_CONFIG_HOME=$V/xdg/config XDG_CACHE_HOME=$V/xdg/cache XDG_DATA_HOME=$V/xdg/data
export EVENNIA_SUPERUSER_USERNAME=admin EVENNIA_SUPERUSER_PASSWORD=adminpass123 EVENNIA_SUPERUSER_EMAIL=admin@example.org
PY=/tmp/round42-r42f/venv-ev/bin/python
cd $V && evennia --init game > $V/launcher.out 2>&1
cat /work/round42/evennia/settings_extra.py >> $V/game/server/conf/settings.py
cd $V/game
evennia migrate >> $V/launcher.out 2>&1
evennia start >> $V/launcher.out 2>&1
sleep 8
while [ $SECONDS -lt ${DURATION:-1500} ]; do
  CS=
  for k in 1 2 3; do $PY /work/round42/evennia/client.py $((RANDOM % 12 + 3)) & CS="$CS $!"; done
  $PY /work/round42/evennia/client.py $((RANDOM % 12 + 3))
  wait $CS
  case $((RANDOM % 10)) in
    0|1) evennia reload >> $V/launcher.out 2>&1; sleep 5 ;;
    2) evennia reset >> $V/launcher.out 2>&1; sleep 5 ;;
    3) evennia stop >> $V/launcher.out 2>&1; sleep 1; evennia start >> $V/launcher.out 2>&1; sleep 7 ;;
    4) $PY -c "import socket,time; s=socket.create_connection(('127.0.0.1',44510)); time.sleep(34)" 2>/dev/null & ;;
    5) evennia reboot >> $V/launcher.out 2>&1; sleep 8 ;;
    *) ;;
  esac
done
evennia stop >> $V/launcher.out 2>&1
sleep 2
for f in $V/game/server/server.pid $V/game/server/portal.pid; do [ -s $f ] && kill $(cat $f) 2>/dev/null; done
umount /dev/shm
# keep one contiguous stretch of at most 2500 whole lines, from the first restart after initial setup
L=$V/game/server/logs/server.log
S=$(grep -n -m1 'Server Shut Down\.' $L | cut -d: -f1)
sed -n "$((S+1)),$((S+2500))p" $L > /work/round42/evennia/evennia.log
wc -l $L /work/round42/evennia/evennia.log
