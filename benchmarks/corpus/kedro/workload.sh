#!/bin/bash
# Kedro workload: generate projects, drive `kedro` commands with DEBUG logging (the project's own
# conf/logging.yml with only its levels raised to DEBUG); the log is the info_file_handler's info.log.
# Runs inside a private network + mount namespace.
set -u
HERE=/work/round44/kedro
BASE=/tmp/round44-r44h/kedro
VENV=/tmp/round44-r44h/venv-kedro
if [ "${1:-}" != inside ]; then
  rm -rf "$BASE/work" "$BASE/home" "$BASE/tmp" "$BASE/run"; mkdir -p "$BASE/work"
  unshare -n -m bash -c '
    mount --make-rprivate /
    mount --bind /tmp/round44-r44h /mnt
    mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round44-r44h
    mount --bind /mnt /tmp/round44-r44h
    mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    ip link set lo up
    exec bash '"$HERE"'/workload.sh inside'
  # keep one contiguous stretch of whole lines
  sed -n '1,2500p' "$BASE/work/info.log" > "$HERE/kedro.log"
  wc -l "$HERE/kedro.log"
  exit 0
fi
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_RUNTIME_DIR=$BASE/run
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share XDG_STATE_HOME=$HOME/.local/state
mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
export PATH=$VENV/bin:$PATH KEDRO_DISABLE_TELEMETRY=1 PYTHONDONTWRITEBYTECODE=1
LOG=$BASE/work/info.log
cd "$BASE/work"
touch "$LOG"
# a local starter: a copy of the project template shipped with kedro
rm -rf starter; cp -r "$VENV/lib/python3.11/site-packages/kedro/templates/project" starter
r() { echo $((RANDOM % $1)); }
raw() {  # write a raw input file with a random number of rows
  local n=$((3 + RANDOM % 20)) i out="["
  for ((i=0;i<n;i++)); do
    if [ $((RANDOM % 7)) = 0 ]; then out+="{\"v\": null},"; else out+="{\"v\": $((RANDOM % 50))},"; fi
  done
  mkdir -p data/01_raw; echo "${out%,}]" > data/01_raw/rows.json
}
mkproj() {  # mkproj NAME : kedro new + project code
  local name=$1
  if [ $((RANDOM % 2)) = 0 ]; then
    kedro new --name "$name" --tools none --example n >/dev/null 2>&1
  else
    kedro new --starter "$BASE/work/starter" --name "$name" --tools none --example n >/dev/null 2>&1
  fi
  [ -d "$name" ] || { kedro new --name "$name" --tools none --example n >/dev/null 2>&1; }
  cp -r "$HERE/skel/src/PKG/." "$name/src/$name/"
  cp -r "$HERE/skel/conf/." "$name/conf/"
  sed -i "s/PKG/$name/g" "$name/conf/base/catalog.yml" "$name/conf/broken/catalog.yml"
  # kedro's own template logging.yml (kedro new leaves it out without tools), levels raised to DEBUG
  sed -e "s/{{ cookiecutter.python_package }}/$name/" -e 's/level: INFO/level: DEBUG/' \
    "$VENV/lib/python3.11/site-packages/kedro/templates/project/{{ cookiecutter.repo_name }}/conf/logging.yml" > "$name/conf/logging.yml"
  # pluggy call tracing (written through these two loggers at DEBUG) kept off: levels only
  printf '  kedro.framework.hooks.manager:\n    level: INFO\n\n  kedro.framework.cli.hooks.manager:\n    level: INFO\n' > "$TMPDIR/lv"
  sed -i "/^loggers:/r $TMPDIR/lv" "$name/conf/logging.yml"
  ln -sf "$LOG" "$name/info.log"
  (cd "$name" && raw)
  if [ $((RANDOM % 2)) = 0 ]; then  # some projects are git checkouts
    (cd "$name" && git init -q && git add -A && git -c user.name=w -c user.email=w@localhost commit -qm init)
  fi
}
# first project: created before any logging.yml exists (stdout only)
mkproj alpha
export KEDRO_LOGGING_CONFIG=$BASE/work/alpha/conf/logging.yml
mkproj beta
mkproj gamma
RUNNERS=(SequentialRunner SequentialRunner ThreadRunner ParallelRunner)
step() {
  local proj=$1; cd "$BASE/work/$proj"
  export KEDRO_LOGGING_CONFIG=$BASE/work/$proj/conf/logging.yml
  case $(r 40) in
    0|1|2) kedro run ;;
    7|8) kedro run -p prep ;;
    9|10) kedro run -p model ;;
    11) kedro run -p flaky ;;
    12|13) kedro run --runner ${RUNNERS[$(r 4)]} ;;
    3|4) kedro run --params "flaky.divisor=0" --runner ${RUNNERS[$(r 4)]} ;;
    5|6) kedro run -p prep --params "prep.fail_clean=true" ;;
    14) kedro run --params "flaky.divisor=0" ;;
    15) kedro run -p flaky --params "flaky.key=median" ;;
    16) kedro run --params "prep.fail_clean=true" ;;
    17) kedro run --nodes split_node,fit_node ;;
    18) kedro run --tags report ;;
    19) kedro run --from-nodes fit_node ;;
    20) kedro run --to-outputs feature_rows ;;
    21|22) kedro run --only-missing-outputs ;;
    23) kedro run --async ;;
    24) kedro run -e broken ;;
    25) kedro run -p nosuchpipe ;;
    26) kedro run --nodes nosuch_node ;;
    27) rm -f data/01_raw/rows.json; kedro run -p prep; raw ;;
    28) echo '{not json' > data/01_raw/rows.json; kedro run; raw ;;
    29) raw ;;
    30) kedro catalog describe-datasets ;;
    31) kedro catalog list-patterns ;;
    32) kedro catalog resolve-patterns ;;
    33) kedro registry list; kedro registry describe model ;;
    34) cd "$BASE/work"; kedro info ;;
    35) rm -rf data/02_intermediate data/04_feature data/06_models; kedro run --only-missing-outputs ;;
    36) kedro run --runner ParallelRunner --params "flaky.divisor=0" ;;
    37) kedro run --runner ThreadRunner -p flaky --params "flaky.key=median" ;;
    38) kedro run -e nosuchenv ;;
    39) kedro run --load-versions raw_rows:2020-01-01T00.00.00.000Z ;;
  esac >/dev/null 2>&1
}
PROJS=(alpha beta gamma)
n=0
while [ "$(wc -l < "$LOG")" -lt 2600 ] && [ $n -lt 400 ]; do
  step ${PROJS[$(r 3)]}
  n=$((n + 1))
  if [ $((RANDOM % 60)) = 0 ]; then
    cd "$BASE/work"; p=delta$n; mkproj $p; PROJS+=($p)
  fi
done
