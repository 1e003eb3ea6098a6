#!/bin/bash
# Runs the paho-mqtt clients and a private mosquitto broker inside private net+mount namespaces.
D=/work/round45/pahomqtt
T=/tmp/round45-r45h
if [ -z "$R45H_INNS" ]; then
  cd "$D" || exit 1
  mkdir -p $T/paho
  exec unshare -n -m --fork env R45H_INNS=1 bash "$D/workload.sh" "$@"
fi
set -m
cd "$D" || exit 1
mount --make-rprivate /
mount --bind $T /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p $T; mount --bind /mnt $T; mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$T/paho/home TMPDIR=$T/paho/tmp XDG_CONFIG_HOME=$T/paho/xdg/config XDG_CACHE_HOME=$T/paho/xdg/cache XDG_DATA_HOME=$T/paho/xdg/data XDG_STATE_HOME=$T/paho/xdg/state XDG_RUNTIME_DIR=$T/paho/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
PY=$T/venv-paho/bin/python
RAW=$T/paho/raw.log
rm -f $RAW
rm -f $T/paho/passwd; mosquitto_passwd -c -b $T/paho/passwd alice secret; chmod 0700 $T/paho/passwd
SEED=${SEED:-4545}
RANDOM=$SEED
start_broker() { mosquitto -c $D/mosquitto.conf > $T/paho/broker.out 2>&1 & BROKER=$!; sleep 0.5; }
stop_broker() { kill -TERM $BROKER; wait $BROKER 2>/dev/null; }
start_broker
$PY $D/driver.py $RAW live $((SEED+1)) 75 & LIVE=$!
for round in $(seq 1 14); do
  $PY $D/driver.py $RAW burst $((SEED+100+round)) $((RANDOM % 8 + 2))
  case $((RANDOM % 6)) in
    0) stop_broker; sleep $((RANDOM % 4 + 1)); start_broker ;;
    1) kill -STOP $BROKER; sleep $((RANDOM % 6 + 4)); kill -CONT $BROKER ;;
    *) sleep 1 ;;
  esac
done
wait $LIVE
stop_broker
# keep one contiguous stretch of at most 2500 lines
sed -n '1,2500p' $RAW > $D/pahomqtt.log
wc -l $RAW $D/pahomqtt.log
rm -f $T/paho/passwd
