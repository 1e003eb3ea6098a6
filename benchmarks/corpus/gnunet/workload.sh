#!/bin/bash
# Randomised workload for gnunet-service-arm (started by gnunet-arm) on a private config/data dir:
# start, on-demand starts by clients, explicit start/stop, unknown services, crashing and missing
# binaries, broken listen configs, killed services, arm restarts, shutdown.
D=/work/round28/gnunet
R=$D/run
pick() { shuf -n1 -e -- "$@"; }
chance() { [ $((RANDOM % 100)) -lt $1 ]; }
arm() { timeout 20 gnunet-arm -c $R/gnunet.conf "$@" >> $R/client.out 2>&1; }
rm -rf $R; mkdir -p $R/logs $R/rt $R/tmp
mkconf() {
cat > $R/gnunet.conf <<CONF
[PATHS]
GNUNET_HOME = $R/home
GNUNET_DATA_HOME = $R/home/data
GNUNET_CONFIG_HOME = $R/home/config
GNUNET_CACHE_HOME = $R/home/cache
GNUNET_RUNTIME_DIR = $R/rt
GNUNET_USER_RUNTIME_DIR = $R/rt
GNUNET_TMP = $R/tmp

[arm]
UNIXPATH = $R/rt/gnunet-service-arm.sock
OPTIONS = -L DEBUG -l $R/logs/arm.log
GLOBAL_POSTFIX = -L INFO -l $R/logs/{}.log
START_SYSTEM_SERVICES = YES
START_USER_SERVICES = YES

[cadet]
IMMEDIATE_START = NO
[dht]
IMMEDIATE_START = NO
[fs]
IMMEDIATE_START = NO
[gns]
IMMEDIATE_START = $(pick YES NO)
[hostlist]
IMMEDIATE_START = NO
START_ON_DEMAND = NO
[nse]
IMMEDIATE_START = NO
[revocation]
IMMEDIATE_START = NO
[topology]
IMMEDIATE_START = NO
START_ON_DEMAND = NO
[zonemaster]
IMMEDIATE_START = NO
START_ON_DEMAND = NO
[rest]
IMMEDIATE_START = NO
START_ON_DEMAND = NO
[dns2gns]
START_ON_DEMAND = NO
[transport]
PLUGINS =
[transport-tcp]
PORT = 58210
BINDTO = 127.0.0.1
[transport-udp]
PORT = 58211
BINDTO = 127.0.0.1
[nat]
ENABLE_UPNP = NO
USE_LOCALADDR = YES
RETURN_LOCAL_ADDRESSES = YES
DISABLEV6 = YES
EXTERNAL_ADDRESS = 127.0.0.1
[identity]
IMMEDIATE_START = $(pick YES NO)

[flaky1]
BINARY = $D/flaky.sh
START_ON_DEMAND = YES
IMMEDIATE_START = YES
UNIXPATH = $R/rt/flaky1.sock
[flaky2]
BINARY = $D/flaky.sh
START_ON_DEMAND = YES
IMMEDIATE_START = $(pick YES NO)
PORT = 58220
BINDTO = 127.0.0.1
[missing]
BINARY = gnunet-service-doesnotexist
START_ON_DEMAND = YES
IMMEDIATE_START = $(pick YES NO)
UNIXPATH = $R/rt/missing.sock
CONF
chance 60 && printf '[badport]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nPORT = %s\n' $D $(pick 99999 70000 -5) >> $R/gnunet.conf
chance 60 && printf '[noaddr]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\n' $D >> $R/gnunet.conf
chance 60 && printf '[longunix]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nUNIXPATH = %s/rt/%s.sock\n' $D $R $(head -c 200 /dev/zero | tr '\0' x) >> $R/gnunet.conf
chance 60 && printf '[busyport]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nPORT = 58230\nBINDTO = 127.0.0.1\n' $D >> $R/gnunet.conf
chance 60 && printf '[badhost]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nPORT = 58231\nBINDTO = no-such-host.invalid\n' $D >> $R/gnunet.conf
chance 60 && printf '[v4only]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nDISABLEV6 = YES\nPORT = 58233\nBINDTO = ::1\n' $D >> $R/gnunet.conf
chance 60 && printf '[badunixdir]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nUNIXPATH = /proc/gnunet-nodir/x.sock\n' $D >> $R/gnunet.conf
chance 50 && printf '[v6svc]\nBINARY = %s/flaky.sh\nSTART_ON_DEMAND = YES\nPORT = 58232\nBINDTO = ::1\n' $D >> $R/gnunet.conf
true
}
# a listener that keeps port 58230 busy
python3 -c 'import socket,time
s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1",58230)); s.listen(); time.sleep(600)' &
BUSY=$!; echo $BUSY > $R/busy.pid; sleep 1
SERVICES=(statistics peerinfo identity namestore namecache ats core transport datastore fs nse gns revocation peerstore resolver cadet dht reclaim)
kill_random_service() {
  local p; p=$(pgrep -P "$(cat $R/arm.pid 2>/dev/null)" 2>/dev/null | shuf -n1)
  [ -n "$p" ] && kill -$(pick KILL TERM SEGV ABRT) $p 2>/dev/null
}
clients() {
  local i
  for i in $(seq $((3 + RANDOM % 6))); do
    case $((RANDOM % 14)) in
      0) timeout 10 gnunet-statistics -c $R/gnunet.conf >/dev/null 2>&1 ;;
      1) timeout 10 gnunet-identity -c $R/gnunet.conf -C ego$RANDOM >/dev/null 2>&1 ;;
      2) timeout 10 gnunet-identity -c $R/gnunet.conf -d >/dev/null 2>&1 ;;
      3) timeout 10 gnunet-peerinfo -c $R/gnunet.conf -s >/dev/null 2>&1 ;;
      4) arm -i $(pick ${SERVICES[@]} flaky1 flaky2 missing badport noaddr busyport nosuch${RANDOM}) ;;
      5) arm -k $(pick ${SERVICES[@]} flaky1 flaky2 missing arm nosuch${RANDOM}) ;;
      6) arm -I ;;
      7) timeout 2 gnunet-arm -c $R/gnunet.conf -m >> $R/client.out 2>&1 ;;
      8) python3 -c "import socket,sys
s=socket.socket(socket.AF_UNIX); s.settimeout(2)
try:
  s.connect(sys.argv[1]); s.send(b'\x00\x04\x00\x01'); s.recv(10)
except Exception: pass" $R/rt/$(pick flaky1 missing statistics).sock ;;
      9) timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/58220; echo hi >&3" 2>/dev/null ;;
      10) kill_random_service ;;
      12|13) timeout 20 python3 $D/arm_raw.py $R/rt/gnunet-service-arm.sock $((1 + RANDOM % 3)) ;;
      11) timeout 10 gnunet-namestore -c $R/gnunet.conf -D >/dev/null 2>&1 ;;
    esac
    sleep 0.$((RANDOM % 9))
  done
}
start_arm() {
  arm -s
  sleep 1
  pgrep -f "gnunet-service-arm -c $R/gnunet.conf" | head -1 > $R/arm.pid
}
mkconf
start_arm
for round in $(seq $((12 + RANDOM % 5))); do
  clients
  sleep $((1 + RANDOM % 2))
  case $((RANDOM % 4)) in
    0) arm -r; sleep 1; pgrep -f "gnunet-service-arm -c $R/gnunet.conf" | head -1 > $R/arm.pid ;;
    1) arm -e; mkconf; start_arm ;;
    2) kill -TERM $(cat $R/arm.pid); sleep 2; mkconf; start_arm ;;
    3) arm -k $(pick ${SERVICES[@]}); arm -i $(pick ${SERVICES[@]}) ;;
  esac
done
clients
arm -e
sleep 1
kill $BUSY 2>/dev/null
