#!/bin/bash
# Runs a Cylc 8 workflow (cylc play --debug --no-detach) several times (cold start, restarts),
# driving it with cylc CLI commands drawn at random, inside a private network + mount namespace.
# The log is the scheduler log files of all runs (log/scheduler/NN-*.log), joined in order.
set -m
cd /work/round43/cylc || exit 1
R=/tmp/round43-r43d/cylc
SEED=${SEED:-$RANDOM}
echo "seed $SEED"
rm -rf $R/home $R/tmp $R/xdg
mkdir -p $R/home $R/tmp $R/xdg/config $R/xdg/cache $R/xdg/data $R/xdg/run
unshare -n -m --propagation private bash -c '
set -m
ip link set lo up
R='$R'
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_RUNTIME_DIR=$R/xdg/run
export CYLC_CONF_PATH=/work/round43/cylc/conf TZ=UTC PATH=/tmp/round43-r43d/venv-cylc/bin:$PATH
cd $R
RANDOM='$SEED'
WF=r43d
RUN=$HOME/cylc-run/$WF
mkdir -p $RUN
cp /work/round43/cylc/flow/wf/flow.cylc $RUN/flow.cylc
C() { timeout 30 cylc "$@" >/dev/null 2>&1; }
pt() { echo 20261207T0$(( RANDOM % 4 ))00Z; }
task() { local t=(prep model post recover archive finish nosuch); echo ${t[$(( RANDOM % 7 ))]}; }
act() {
  case $(( RANDOM % 16 )) in
    0|1) C hold "$WF//$(pt)/$(task)" ;;
    2|3) C release "$WF//$(pt)/$(task)" ;;
    4) C trigger "$WF//$(pt)/$(task)" ;;
    5) C kill "$WF//$(pt)/model" ;;
    6) C poll "$WF//*" ;;
    7) C broadcast -s "[environment]EXTRA=$RANDOM" -p $(pt) -n model "$WF" ;;
    8) C broadcast -c "$WF" ;;
    9) C reload "$WF" ;;
    10) C pause "$WF"; sleep $(( RANDOM % 4 )); C play "$WF" ;;
    11) C set --out=succeeded "$WF//$(pt)/post" ;;
    12) C remove "$WF//$(pt)/$(task)" ;;
    13) C hold --after=20261207T0200Z "$WF"; sleep 2; C release --all "$WF" ;;
    14) cp /work/round43/cylc/flow/flow-bad.cylc $RUN/flow.cylc; C reload "$WF"; cp /work/round43/cylc/flow/wf/flow.cylc $RUN/flow.cylc ;;
    15) C trigger "$WF//1/nosuch" ;;
  esac
}
for r in 1 2 3; do
  if [ $r -eq 1 ]; then
    cylc play --debug --no-detach -s NCYCLES=$(( 3 + RANDOM % 3 )) $WF >/dev/null 2>&1 &
  else
    cylc play --debug --no-detach $WF >/dev/null 2>&1 &
  fi
  PID=$!
  sleep 8
  n=$(( 5 + RANDOM % 6 ))
  for i in $(seq 1 $n); do
    kill -0 $PID 2>/dev/null || break
    act
    sleep $(( 1 + RANDOM % 5 ))
  done
  case $(( (r + RANDOM) % 3 )) in
    0) C stop "$WF" ;;
    1) C stop --kill "$WF" ;;
    2) C stop --now "$WF" ;;
  esac
  for w in $(seq 1 60); do kill -0 $PID 2>/dev/null || break; sleep 1; done
  kill -0 $PID 2>/dev/null && C stop --now --now "$WF"
  wait $PID
done
# a last restart that runs until the workflow finishes, stalls or times out
cylc play --debug --no-detach $WF >/dev/null 2>&1 &
PID=$!
sleep 10
C release --all "$WF"
for w in $(seq 1 150); do kill -0 $PID 2>/dev/null || break; sleep 1; done
kill -0 $PID 2>/dev/null && C stop --now --now "$WF"
wait $PID
'
cat $(ls $R/home/cylc-run/r43d/log/scheduler/[0-9]*.log | sort) > $R/joined.log
sed -n '1,2500p' $R/joined.log > /work/round43/cylc/cylc.log
wc -l $R/joined.log /work/round43/cylc/cylc.log
