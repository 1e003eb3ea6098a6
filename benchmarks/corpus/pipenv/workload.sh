#!/bin/bash
# Pipenv workload: `pipenv ... --verbose` commands over generated projects, against a local package
# index (python3 -m http.server on 127.0.0.1:49500, the only source), in a private net+mount namespace.
# stdout and stderr of every command go to one file; the log is a stretch of it.
set -u
HERE=/work/round44/pipenv
BASE=/tmp/round44-r44h/pipenv
VENV=/tmp/round44-r44h/venv-pipenv
if [ "${1:-}" != inside ]; then
  rm -rf "$BASE/work" "$BASE/home" "$BASE/tmp" "$BASE/run" "$BASE/cache" "$BASE/index"; mkdir -p "$BASE/work"
  python3 "$HERE/mkindex.py" "$BASE/index"
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
  sed -n '1,2500p' "$BASE/work/out.log" > "$HERE/pipenv.log"
  wc -l "$HERE/pipenv.log"
  exit 0
fi
set -m
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_RUNTIME_DIR=$BASE/run
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share XDG_STATE_HOME=$HOME/.local/state
mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
export PATH=$VENV/bin:$PATH PIPENV_VENV_IN_PROJECT=1 PIPENV_CACHE_DIR=$BASE/cache PIP_CACHE_DIR=$BASE/cache/pip
export PIPENV_PYPI_MIRROR=http://127.0.0.1:49500/simple PIPENV_NOSPIN=1 PIPENV_YES=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export COLUMNS=3000 PIP_RETRIES=0 PIP_TIMEOUT=3
# the index above is the only package source: no pip configuration files, no inherited find-links
unset PIP_FIND_LINKS PIP_DEFAULT_TIMEOUT PIP_CERT PIP_INDEX_URL PIP_EXTRA_INDEX_URL
export PIP_CONFIG_FILE=/dev/null
LOG=$BASE/work/out.log
: > "$LOG"
HP=
start_index() { (cd "$BASE/index" && exec python3 -m http.server --bind 127.0.0.1 49500 >/dev/null 2>&1) & HP=$!; sleep 0.7; }
stop_index() { [ -n "$HP" ] && kill "$HP" 2>/dev/null; wait "$HP" 2>/dev/null; HP=; }
r() { echo $((RANDOM % $1)); }
PK=("alpha-lib" "alpha-lib==1.0" "beta-util" "gamma-core==1.0" "zeta-pin" "eta-app" "delta-tool" "epsilon-new" "theta-broken" "nosuchpkg" "beta-util==0.5")
pipfile() {  # pipfile DIR KIND
  mkdir -p "$1"
  case $2 in
    good) printf '[[source]]\nurl = "http://127.0.0.1:49500/simple"\nverify_ssl = false\nname = "local"\n\n[packages]\nalpha-lib = "*"\n\n[dev-packages]\ngamma-core = "==1.0"\n\n[requires]\npython_version = "3.11"\n' > "$1/Pipfile" ;;
    pinned) printf '[[source]]\nurl = "http://127.0.0.1:49500/simple"\nverify_ssl = false\nname = "local"\n\n[packages]\nalpha-lib = "==1.1"\nbeta-util = "==0.5"\n\n[requires]\npython_version = "3.11"\n' > "$1/Pipfile" ;;
    badtoml) printf '[[source]]\nurl = "http://127.0.0.1:49500/simple"\nverify_ssl = false\nname = "local"\n\n[packages\nalpha-lib = \n' > "$1/Pipfile" ;;
    badsrc) printf '[[source]]\nurl = "http://127.0.0.1:49501/simple"\nverify_ssl = false\nname = "gone"\n\n[packages]\nbeta-util = "*"\n' > "$1/Pipfile" ;;
    oldpy) printf '[[source]]\nurl = "http://127.0.0.1:49500/simple"\nverify_ssl = false\nname = "local"\n\n[packages]\ngamma-core = "*"\n\n[requires]\npython_version = "2.7"\n' > "$1/Pipfile" ;;
    conflict) printf '[[source]]\nurl = "http://127.0.0.1:49500/simple"\nverify_ssl = false\nname = "local"\n\n[packages]\neta-app = "*"\nalpha-lib = "<2"\n' > "$1/Pipfile" ;;
  esac
}
KINDS=(good good good pinned pinned badtoml badsrc oldpy conflict)
step() {
  local d=$BASE/work/p$(r 4)
  [ -f "$d/Pipfile" ] || pipfile "$d" ${KINDS[$(r 9)]}
  cd "$d"
  case $(r 34) in
    0|1|2) pipenv install --verbose ;;
    3|4|5) pipenv install --verbose "${PK[$(r ${#PK[@]})]}" ;;
    6) pipenv install --dev --verbose "${PK[$(r ${#PK[@]})]}" ;;
    7|8) pipenv lock --verbose ;;
    9|10) pipenv sync --verbose ;;
    11) pipenv graph ;;
    12) pipenv check --verbose ;;
    13) pipenv run python -c "import alpha_lib; print(alpha_lib.VERSION)" ;;
    14) pipenv run nosuchcommand ;;
    15) pipenv uninstall --verbose "${PK[$(r 5)]}" ;;
    16) pipenv update --verbose ;;
    17) pipenv requirements ;;
    18) pipenv --venv; pipenv --where; pipenv --py ;;
    19) pipenv clean --verbose ;;
    20) pipenv verify ;;
    21) stop_index; pipenv install --verbose beta-util; start_index ;;
    22) stop_index; pipenv lock --verbose; start_index ;;
    23) rm -f Pipfile.lock; pipenv sync --verbose ;;
    24) echo '{"_meta": ' > Pipfile.lock; pipenv install --verbose ;;
    25) pipfile "$d" ${KINDS[$(r 9)]}; pipenv install --verbose ;;
    26) rm -rf .venv Pipfile.lock; pipfile "$d" ${KINDS[$(r 9)]} ;;
    27) pipenv --rm ;;
    28) pipenv install --deploy --verbose ;;
    29) pipenv install --verbose --skip-lock "${PK[$(r ${#PK[@]})]}" ;;
    30) pipenv upgrade --verbose "${PK[$(r 5)]}" ;;
    31) pipenv lock --dev --verbose ;;
    32) pipenv scripts; pipenv run --help >/dev/null ;;
    33) pipenv install --verbose -r nosuch-requirements.txt ;;
  esac </dev/null >> "$LOG" 2>&1
}
start_index
n=0
while [ "$(wc -l < "$LOG")" -lt 2600 ] && [ $n -lt 300 ]; do
  step; n=$((n + 1))
done
stop_index
