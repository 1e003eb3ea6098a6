#!/bin/bash
# Workload for Moleculer: 3 worker nodes + 1 driver node via moleculer-runner, TCP transporter, logLevel debug.
SEED=46177
RANDOM=$SEED
D=/work/round46/moleculer
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
export NODE_PATH=$R/mol/node_modules
RUNNER=$R/mol/node_modules/.bin/moleculer-runner
RUN=$R/molrun; rm -rf $RUN; mkdir -p $RUN
RAW=$RUN/raw.log; : > $RAW
declare -A PID
start_node() { # name port dir
  R46_NODE=$1 R46_PORT=$2 R46_SEED=$((SEED + RANDOM)) R46_STEPS=${STEPS:-80} $RUNNER --config $D/moleculer.config.js $D/$3 >>$RAW 2>&1 &
  PID[$1]=$!
}
start_node node-1 48101 services
start_node node-2 48102 services
start_node node-3 48103 services
sleep 1
start_node driver 48104 driver
for round in $(seq 1 ${ROUNDS:-7}); do
  sleep $((4 + RANDOM % 6))
  n=node-$((1 + RANDOM % 3))
  a=$((RANDOM % 4))
  echo "round $round $n $a"
  case $a in
    0) kill -TERM ${PID[$n]}; wait ${PID[$n]} 2>/dev/null; sleep $((RANDOM % 4)); start_node $n 481${n#node-} services ;;
    1) kill -KILL ${PID[$n]}; wait ${PID[$n]} 2>/dev/null; sleep $((7 + RANDOM % 4)); start_node $n 481${n#node-} services ;;
    2) kill -STOP ${PID[$n]}; sleep $((2 + RANDOM % 6)); kill -CONT ${PID[$n]} ;;
    3) kill -INT ${PID[$n]}; wait ${PID[$n]} 2>/dev/null; sleep 2; start_node $n 481${n#node-} services ;;
  esac
done
sleep 3
for n in driver node-3 node-2 node-1; do kill -TERM ${PID[$n]}; wait ${PID[$n]} 2>/dev/null; sleep 1; done
grep -c $'\r' $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $D/moleculer.log
wc -l $RAW $D/moleculer.log
