#!/bin/bash
# Randomised pdm -v workload against a private simple index on port 46520 (46521 is left closed).
# Runs itself inside a private network + mount namespace (ns.sh); writes /work/round45/pdm/pdm.log.
if [ -z "$R45B_INNER" ]; then
  exec /work/round45/pdm/ns.sh R45B_INNER=1 bash /work/round45/pdm/workload.sh
fi
set -m
cd /work/round45/pdm
B=/tmp/round45-r45b
rm -rf $B/pdmpkgs $B/pdmhome $B/pdmcache $B/pdmproj
python3 /work/round45/pdm/mkpkgs.py $B/pdmpkgs
mkdir -p $B/pdmproj
python3 /work/round45/pdm/index.py 46520 $B/pdmpkgs $B/backend 2>/dev/null &
SRV=$!
sleep 1
export PDM_HOME=$B/pdmhome PDM_CACHE_DIR=$B/pdmcache PDM_CONFIG_FILE=/work/round45/pdm/config.toml
export PDM_CHECK_UPDATE=false NO_COLOR=1 PDM_PYPI_URL=http://127.0.0.1:46520/simple/
PDM=$B/venvs/pdm/bin/pdm
RAW=$B/pdm.raw.log
: > $RAW
r() { echo $((RANDOM % $1)); }
run() { "$@" >> $RAW 2>&1; }
newproj() {
  P=$B/pdmproj/proj$(r 4)
  if [ ! -f $P/pyproject.toml ] || [ $(r 5) = 0 ]; then
    rm -rf $P; mkdir -p $P; cd $P
    if [ $(r 2) = 0 ]; then run $PDM init -n -v; else run $PDM init -n -v --no-git; fi
  fi
  cd $P
}
step() {
  newproj
  case $(r 24) in
    0|1|2) run $PDM add -v beta ;;
    3) run $PDM add -v gamma ;;
    4) run $PDM add -v nosuchpkg$(r 9) ;;
    5) run $PDM add -v "alpha==9.$(r 9)" ;;
    6) run $PDM add -v theta==1.1 ;;
    7) run $PDM add -v iota ;;
    8) run $PDM add -v delta ;;
    9) run $PDM add -v flaky ;;
    10) run $PDM lock -v ;;
    11) run $PDM install -v ;;
    12) run $PDM sync -v --clean ;;
    13) run $PDM update -v ;;
    14) run $PDM update -v alpha ;;
    15) run $PDM remove -v beta ;;
    16) run $PDM remove -v nosuch$(r 5) ;;
    17) run $PDM list -v ;;
    18) run $PDM show -v alpha ;;
    19) run $PDM build -v ;;
    20) cp pyproject.toml pyproject.toml.bak; echo "[project" >> pyproject.toml; run $PDM lock -v; mv pyproject.toml.bak pyproject.toml ;;
    21) run $PDM run -v nosuchscript$(r 3) ;;
    22) if [ $(r 2) = 0 ]; then PDM_PYPI_URL=http://127.0.0.1:46521/simple/ run $PDM add -v kappa; else run $PDM add -v -d kappa; fi ;;
    23) run $PDM add -v "beta[full]" ;;
  esac
}
n=0
while [ $(wc -l < $RAW) -lt 2600 ] && [ $n -lt 200 ]; do step; n=$((n+1)); done
kill $SRV
wait $SRV 2>/dev/null
cd /work/round45/pdm
# keep one contiguous stretch of whole lines
sed -n '1,2500p' $RAW > /work/round45/pdm/pdm.log
