#!/bin/bash
# Workload for MQTT.js (npm mqtt 5.x) against a private mosquitto; log = clients' DEBUG=mqttjs* stderr.
SEED=46051
RANDOM=$SEED
D=/work/round46/mqttjs
R=/tmp/round46-r46e
if [ -z "$R46E_INNS" ]; then
  export R46E_INNS=1
  exec unshare -n -m bash "$0" "$@"
fi
set -m
cd $D || exit 1
mount --make-rprivate /
mount --bind $R /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p $R
mount --bind /mnt $R
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
export DEBUG='mqttjs*' DEBUG_COLORS=no DEBUG_COMPACT=true DEBUG_BREAK_LENGTH=Infinity
MQ=$R/mq/node_modules/.bin/mqtt
RUN=$R/mqrun; rm -rf $RUN; mkdir -p $RUN
RAW=$RUN/raw.log; : > $RAW
mosquitto_passwd -c -b $RUN/passwd ops S3cret-ops 2>/dev/null
cat > $RUN/mosquitto.conf <<CONF
per_listener_settings true
persistence false
user root
pid_file $RUN/mosquitto.pid
log_dest file $RUN/mosquitto.log
listener 48001 127.0.0.1
allow_anonymous true
listener 48002 127.0.0.1
allow_anonymous false
password_file $RUN/passwd
CONF
BPID=
start_broker() { mosquitto -c $RUN/mosquitto.conf >>$RUN/mosquitto.out 2>&1 & BPID=$!; sleep 0.5; }
stop_broker() { kill -TERM $BPID; wait $BPID 2>/dev/null; }
start_broker
node $D/fakesrv.js & FPID=$!
N=0
client() { N=$((N+1)); node $D/clients.js $1 $((SEED + N * 7 + RANDOM)) $N 2>>$RAW; }
LONG=()
for i in 1; do N=$((N+1)); node $D/clients.js longrun $((SEED + N * 7 + RANDOM)) L$i 2>>$RAW & LONG+=($!); done
sleep 1
SUBS=()
sub_cli() { N=$((N+1)); $MQ sub -h 127.0.0.1 -p 48001 -i cli$N -t "$1" -q $((RANDOM % 3)) -v 2>>$RAW >/dev/null & SUBS+=($!); }
pub_cli() { N=$((N+1)); local r=; [ $((RANDOM % 4)) = 0 ] && r=-r; $MQ pub -h 127.0.0.1 -p 48001 -i cli$N -q $((RANDOM % 3)) $r -t "$1" -m "$2" 2>>$RAW >/dev/null; }
sub_cli 'plant/#'
SCEN=(normal normal normal will will badauth badauth badauth goodauth refused refused silent silent garbage garbage alias alias cli cli stdin)
for round in $(seq 1 ${ROUNDS:-14}); do
  sc=${SCEN[$((RANDOM % ${#SCEN[@]}))]}
  echo "round $round $sc"
  case $sc in
    cli) pub_cli "plant/line$((RANDOM % 3))/temp" "t=$RANDOM" ;;
    stdin) N=$((N+1)); printf 'm%s\nm%s\nm%s\n' $RANDOM $RANDOM $RANDOM | $MQ pub -h 127.0.0.1 -p 48001 -i cli$N -q $((RANDOM % 3)) -t office/batch -s -M 2>>$RAW >/dev/null ;;
    *) client $sc ;;
  esac
  ev=$((RANDOM % 10))
  if [ $ev = 0 ]; then stop_broker; sleep $((1 + RANDOM % 3)); start_broker
  elif [ $ev = 1 ]; then kill -STOP $BPID; sleep $((3 + RANDOM % 4)); kill -CONT $BPID
  elif [ $ev = 2 ]; then sub_cli "office/+"
  fi
done
sleep 1
for p in "${SUBS[@]}"; do kill -INT $p; wait $p 2>/dev/null; done
for p in "${LONG[@]}"; do kill -TERM $p; wait $p 2>/dev/null; done
stop_broker
kill $FPID; wait $FPID 2>/dev/null
grep -c $'\r' $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $D/mqttjs.log
wc -l $RAW $D/mqttjs.log
