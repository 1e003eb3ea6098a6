#!/bin/bash
# Randomised Poetry workload. Runs itself inside a private network + mount namespace.
# Output (stdout+stderr) of every `poetry -vvv` run goes to $R/raw.log; a contiguous
# stretch of it is cut into /work/round44/poetry/poetry.log.
set -m
F=/work/round44/poetry
R=/tmp/round44-r44b/poetry
V=/tmp/round44-r44b/venv
PORT=46510

if [ "$1" != inner ]; then
  cd "$F" || exit 1
  rm -rf "$R"; mkdir -p "$R"
  unshare -n -m --propagation private bash -c 'mount --bind /tmp/round44-r44b /mnt && mount -t tmpfs tmpfs /tmp && mkdir -p /tmp/round44-r44b && mount --bind /mnt /tmp/round44-r44b && umount /mnt && mount -t tmpfs tmpfs /var/tmp && mount -t tmpfs tmpfs /dev/shm && ip link set lo up && exec env -i PATH=/usr/bin:/bin bash "$0" inner' "$0"
  n=$(wc -l < "$R/raw.log")
  # keep the first 2500 lines (one contiguous stretch)
  sed -n "1,2500p" "$R/raw.log" > "$F/poetry.log"
  wc -l "$R/raw.log" "$F/poetry.log"
  exit 0
fi

cd "$R" || exit 1
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/xdg/cache XDG_CONFIG_HOME=$R/xdg/config \
  XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/run
mkdir -p "$HOME" "$TMPDIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
export NO_COLOR=1 TERM=dumb POETRY_CACHE_DIR=$F/cache POETRY_CONFIG_DIR=$F/config \
  POETRY_VIRTUALENVS_PATH=$F/venvs POETRY_NO_INTERACTION=1 PIP_CONFIG_FILE=/dev/null
rm -rf "$F/cache" "$F/config" "$F/venvs"
RAW=$R/raw.log
: > "$RAW"
python3 "$F/mkpkgs.py" "$R/pkgs"
INDEX=http://127.0.0.1:$PORT/simple/

serve() { python3 -m http.server $PORT --bind 127.0.0.1 --directory "$R/pkgs" > /dev/null 2>&1 & HP=$!; sleep 1; }
unserve() { kill "$HP"; wait "$HP" 2>/dev/null; }
poetry() { "$V/bin/poetry" -vvv "$@" >> "$RAW" 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

serve
P=$R/projects; mkdir -p "$P"
newproj() {
  local name=proj$1
  rm -rf "$P/$name"
  (cd "$P" && poetry new "$name") 
  (cd "$P/$name" && poetry source add --priority=primary mine "$INDEX")
  cur=$P/$name
}
newproj 0

for round in $(seq 1 60); do
  case $((RANDOM % 22)) in
    0) newproj $round ;;
    1|2|3) (cd "$cur" && poetry add "$(pick alpha beta gamma zeta 'alpha@^1.0' 'gamma@0.9' 'beta==1.0')") ;;
    4) (cd "$cur" && poetry add "$(pick nosuch delta epsilon 'alpha>=9')") ;;
    5) (cd "$cur" && poetry lock $(pick '' --regenerate)) ;;
    6|7) (cd "$cur" && poetry install $(pick '' --no-root --sync)) ;;
    8) (cd "$cur" && poetry update $(pick '' alpha gamma)) ;;
    9) (cd "$cur" && poetry show $(pick '' --tree --latest alpha nosuch)) ;;
    10) (cd "$cur" && poetry build $(pick '' '-f wheel' '-f sdist')) ;;
    11) (cd "$cur" && poetry check $(pick '' --lock)) ;;
    12) (cd "$cur" && poetry remove "$(pick alpha beta gamma zeta nosuch)") ;;
    13|20|21) cp "$cur/pyproject.toml" "$R/saved.toml"
        case $((RANDOM % 3)) in
          0) printf '[project\nname = "x"\n' > "$cur/pyproject.toml" ;;
          1) sed -i 's/^version = .*/version = "not a version"/' "$cur/pyproject.toml" ;;
          2) sed -i 's/^name = .*/name = 12/' "$cur/pyproject.toml" ;;
        esac
        (cd "$cur" && poetry "$(pick install check lock show)")
        cp "$R/saved.toml" "$cur/pyproject.toml" ;;
    14) unserve; (cd "$cur" && poetry "$(pick lock add update)" $(pick '' gamma '--regenerate')); serve ;;
    15) (cd "$cur" && poetry env info) ;;
    16) (cd "$cur" && poetry "$(pick nosuchcmd 'add' 'show --bogus')") ;;
    17) (cd "$cur" && poetry add 'beta==1.0' 'gamma==0.5') ;;
    18) (cd "$cur" && poetry run python -c "import sys; sys.exit($((RANDOM % 3)))") ;;
    19) (cd "$P" && poetry check) ;;
  esac
done
unserve
rm -rf "$F/cache" "$F/config" "$F/venvs"
