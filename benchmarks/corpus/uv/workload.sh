#!/bin/bash
# Randomised uv workload. Runs itself inside a private network + mount namespace.
# stderr+stdout of every `uv -v` run goes to $R/raw.log; a contiguous stretch of it is
# cut into /work/round44/uv/uv.log.
set -m
F=/work/round44/uv
R=/tmp/round44-r44b/uv
V=/tmp/round44-r44b/venv
PORT=46520

if [ "$1" != inner ]; then
  cd "$F" || exit 1
  rm -rf "$R"; mkdir -p "$R"
  unshare -n -m --propagation private bash -c 'mount --bind /tmp/round44-r44b /mnt && mount -t tmpfs tmpfs /tmp && mkdir -p /tmp/round44-r44b && mount --bind /mnt /tmp/round44-r44b && umount /mnt && mount -t tmpfs tmpfs /var/tmp && mount -t tmpfs tmpfs /dev/shm && ip link set lo up && exec env -i PATH=/usr/bin:/bin bash "$0" inner' "$0"
  n=$(wc -l < "$R/raw.log")
  start=$(( n > 2500 ? (n - 2500) / 2 : 1 )); [ $start -lt 1 ] && start=1
  sed -n "${start},$((start + 2499))p" "$R/raw.log" > "$F/uv.log"
  wc -l "$R/raw.log" "$F/uv.log"
  exit 0
fi

cd "$R" || exit 1
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/xdg/cache XDG_CONFIG_HOME=$R/xdg/config \
  XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/run
mkdir -p "$HOME" "$TMPDIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
export NO_COLOR=1 TERM=dumb UV_CACHE_DIR=$F/cache UV_PYTHON_INSTALL_DIR=$F/python UV_PYTHON_DOWNLOADS=never \
  UV_NO_PROGRESS=1
RAW=$R/raw.log
: > "$RAW"
rm -rf "$F/cache" "$F/python"
python3 "$F/mkpkgs.py" "$R/pkgs"
INDEX=http://127.0.0.1:$PORT/simple/
LINKS=$R/pkgs/wheels

serve() { python3 -m http.server $PORT --bind 127.0.0.1 --directory "$R/pkgs" > /dev/null 2>&1 & HP=$!; sleep 1; }
unserve() { kill "$HP"; wait "$HP" 2>/dev/null; }
uv() { "$V/bin/uv" -v "$@" >> "$RAW" 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

serve
P=$R/projects; mkdir -p "$P"
VE=$R/env1
uv venv "$VE"
newproj() {
  local name=proj$1
  rm -rf "$P/$name"
  (cd "$P" && uv init $(pick --lib --app --package) "$name")
  cur=$P/$name
}
newproj 0

for round in $(seq 1 60); do
  case $((RANDOM % 24)) in
    0) newproj $round ;;
    1|2) VIRTUAL_ENV=$VE uv pip install --index-url "$INDEX" "$(pick alpha beta gamma zeta 'alpha==1.0' 'gamma<0.9')" ;;
    3) VIRTUAL_ENV=$VE uv pip install --no-index --find-links "$LINKS" "$(pick alpha beta 'alpha>1' zeta)" ;;
    4) VIRTUAL_ENV=$VE uv pip install --index-url "$INDEX" $(pick nosuch delta epsilon 'alpha==9.9' 'beta==1.0 gamma==0.5' 'alpha===bad!') ;;
    5) VIRTUAL_ENV=$VE uv pip uninstall $(pick alpha beta gamma nosuch) ;;
    6) printf '%s\n' "$(pick alpha beta gamma zeta)" "$(pick 'alpha<2' gamma beta)" > "$R/req.in"
       uv pip compile --index-url "$INDEX" "$R/req.in" -o "$R/req.txt" ;;
    7) VIRTUAL_ENV=$VE uv pip $(pick list freeze 'show alpha' check) ;;
    8|9) (cd "$cur" && uv add --default-index "$INDEX" "$(pick alpha beta gamma zeta 'alpha<2' 'gamma==0.5')") ;;
    10) (cd "$cur" && uv add --default-index "$INDEX" "$(pick nosuch delta 'alpha>=5' epsilon)") ;;
    11) (cd "$cur" && uv lock --default-index "$INDEX" $(pick '' --upgrade --check --locked)) ;;
    12|13) (cd "$cur" && uv sync --default-index "$INDEX" $(pick '' --frozen --locked --reinstall)) ;;
    14) (cd "$cur" && uv build $(pick '' --wheel --sdist)) ;;
    15) (cd "$cur" && uv remove "$(pick alpha beta gamma zeta nosuch)") ;;
    16) (cd "$cur" && uv tree --default-index "$INDEX" --offline) ;;
    17) unserve
        (cd "$cur" && uv lock --default-index "$INDEX" --upgrade)
        VIRTUAL_ENV=$VE uv pip install --index-url "$INDEX" --refresh "$(pick alpha beta)"
        serve ;;
    18) (cd "$cur" && uv sync --offline --default-index "$INDEX" --refresh) ;;
    19) cp "$cur/pyproject.toml" "$R/saved.toml"
        case $((RANDOM % 3)) in
          0) printf '[project\nname = "x"\n' > "$cur/pyproject.toml" ;;
          1) sed -i 's/^version = .*/version = "not a version"/' "$cur/pyproject.toml" ;;
          2) sed -i 's/^requires-python = .*/requires-python = ">=3.99"/' "$cur/pyproject.toml" ;;
        esac
        (cd "$cur" && uv "$(pick lock sync build tree)" --default-index "$INDEX")
        cp "$R/saved.toml" "$cur/pyproject.toml" ;;
    20) uv venv "$R/env$((RANDOM % 3 + 2))" $(pick '' '--python 3.9' '--python 3.11' '--seed' '--clear') ;;
    21) (cd "$cur" && uv run --default-index "$INDEX" python -c "import sys; sys.exit($((RANDOM % 3)))") ;;
    22) uv $(pick 'cache dir' 'cache clean alpha' 'python list' 'python find 3.12' 'cache prune') ;;
    23) VIRTUAL_ENV=$VE uv pip install --offline --index-url "$INDEX" "$(pick alpha zeta beta)" ;;
  esac
done
unserve
rm -rf "$F/cache" "$F/python"
