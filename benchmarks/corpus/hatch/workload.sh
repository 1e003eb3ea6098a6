#!/bin/bash
# Randomised hatch -vv workload against a private simple index on port 46530.
# Runs itself inside a private network + mount namespace (ns.sh); writes /work/round45/hatch/hatch.log.
if [ -z "$R45B_INNER" ]; then
  exec /work/round45/hatch/ns.sh R45B_INNER=1 bash /work/round45/hatch/workload.sh
fi
set -m
cd /work/round45/hatch
B=/tmp/round45-r45b
rm -rf $B/hpkgs $B/hatchdata $B/hatchcache $B/hproj
python3 /work/round45/hatch/mkpkgs.py $B/hpkgs
mkdir -p $B/hproj
python3 /work/round45/hatch/index.py 46530 $B/hpkgs $B/backend 2>/dev/null &
SRV=$!
sleep 1
export HATCH_DATA_DIR=$B/hatchdata HATCH_CACHE_DIR=$B/hatchcache HATCH_CONFIG=/work/round45/hatch/config.toml NO_COLOR=1
export PIP_INDEX_URL=http://127.0.0.1:46530/simple/ PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
H="$B/venvs/hatch/bin/hatch -vv"
RAW=$B/hatch.raw.log
: > $RAW
r() { echo $((RANDOM % $1)); }
run() { "$@" >> $RAW 2>&1; }
proj() {
  N=p$(r 3)
  P=$B/hproj/$N
  if [ ! -f $P/pyproject.toml ] || [ $(r 6) = 0 ]; then
    rm -rf $P; cd $B/hproj; run $H new $N
    cat >> $P/pyproject.toml <<'TOML'

[tool.hatch.envs.hatch-build]
installer = "pip"

[tool.hatch.envs.deps]
dependencies = ["beta"]

[tool.hatch.envs.broken]
dependencies = ["nosuchpkg"]

[tool.hatch.envs.clash]
dependencies = ["gamma", "beta"]

[tool.hatch.envs.default.scripts]
ok = "python -c pass"
fail = "python -c 'import sys; sys.exit(3)'"
TOML
  fi
  cd $P
}
step() {
  proj
  case $(r 18) in
    0|1) run $H env create ;;
    2) run $H env create deps ;;
    3) run $H env create broken ;;
    4) run $H env create clash ;;
    5) run $H env remove $(echo default deps broken clash | cut -d' ' -f$(( $(r 4) + 1 ))) ;;
    6) run $H env prune ;;
    7) run $H run ok ;;
    8) run $H run fail ;;
    9) run $H run nosuchcmd$(r 3) ;;
    10) run $H version ;;
    11) run $H version minor ;;
    12) run $H env show --json ;;
    13) run $H status ;;
    14) run $H -e nosuchenv run ok ;;
    15) cp pyproject.toml pyproject.bak; echo "[project" >> pyproject.toml; run $H version; mv pyproject.bak pyproject.toml ;;
    16) run $H env find ;;
    17) run $H -e deps run ok ;;
  esac
}
n=0
while [ $(wc -l < $RAW) -lt 2500 ] && [ $n -lt 200 ]; do step; n=$((n+1)); done
kill $SRV
wait $SRV 2>/dev/null
cd /work/round45/hatch
# keep one contiguous stretch of whole lines
sed -n '1,2500p' $RAW > /work/round45/hatch/hatch.log
