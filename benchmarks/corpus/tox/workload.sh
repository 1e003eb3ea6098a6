#!/bin/bash
# Randomised tox 4 workload. Runs itself inside a private network + mount namespace.
# Output of every `tox -vvv` run (stdout+stderr, colour off) goes to $R/raw.log;
# a contiguous stretch of it is cut into /work/round44/tox/tox.log.
set -m
F=/work/round44/tox
R=/tmp/round44-r44b/tox
V=/tmp/round44-r44b/venv

if [ "$1" != inner ]; then
  cd "$F" || exit 1
  rm -rf "$R"; mkdir -p "$R"
  unshare -n -m --propagation private bash -c 'mount --bind /tmp/round44-r44b /mnt && mount -t tmpfs tmpfs /tmp && mkdir -p /tmp/round44-r44b && mount --bind /mnt /tmp/round44-r44b && umount /mnt && mount -t tmpfs tmpfs /var/tmp && mount -t tmpfs tmpfs /dev/shm && ip link set lo up && exec env -i PATH=/usr/bin:/bin bash "$0" inner' "$0"
  n=$(wc -l < "$R/raw.log")
  start=$(( n > 2500 ? (n - 2500) / 2 : 1 )); [ $start -lt 1 ] && start=1
  sed -n "${start},$((start + 2499))p" "$R/raw.log" > "$F/tox.log"
  wc -l "$R/raw.log" "$F/tox.log"
  exit 0
fi

cd "$R" || exit 1
export HOME=$R/home TMPDIR=$R/tmp XDG_CACHE_HOME=$R/xdg/cache XDG_CONFIG_HOME=$R/xdg/config \
  XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/run
mkdir -p "$HOME" "$TMPDIR" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
export NO_COLOR=1 TERM=dumb PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1 PIP_FIND_LINKS=$R/pkgs/wheels \
  PIP_DISABLE_PIP_VERSION_CHECK=1 VIRTUALENV_OVERRIDE_APP_DATA=$R/xdg/cache/virtualenv
RAW=$R/raw.log
: > "$RAW"
python3 "$F/mkpkgs.py" "$R/pkgs"

tox() { "$V/bin/tox" "$@" >> "$RAW" 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

write_main() {  # $1 = project dir, $2 = skip_missing_interpreters
  mkdir -p "$1"
  cat > "$1/tox.ini" <<EOF
[tox]
env_list = ok, fail, nodeps, conflict, py27, ign, ext, crash
skip_missing_interpreters = $2
no_package = true

[testenv]
deps = alpha<2
set_env = MODE = {env_name}
commands = python -c "import alpha, sys; sys.exit(0)"

[testenv:fail]
deps = beta
commands = python -c "import sys; sys.exit($((RANDOM % 5 + 1)))"
commands_post = python -c "import gamma"

[testenv:nodeps]
deps = notexisting>=1.0

[testenv:conflict]
deps =
    beta==1.0
    gamma==0.5

[testenv:py27]
commands = python -V

[testenv:ign]
deps = alpha==2.0
ignore_errors = true
commands_pre = python -c "import alpha"
commands =
    - python -c "raise SystemExit(2)"
    python -c "raise SystemExit(4)"
    python -c "import alpha"

[testenv:ext]
deps =
commands = true

[testenv:crash]
deps = zeta
commands = python -c "import nosuchmodule"

[testenv:slow]
deps =
commands = python -c "import time; time.sleep(30)"

[testenv:posargs]
deps =
commands = python -c "import sys; sys.exit(len(sys.argv) > 3)" {posargs:a b}
EOF
}

write_toml() {
  mkdir -p "$1"
  cat > "$1/tox.toml" <<EOF
env_list = ["a", "b"]
skip_missing_interpreters = false
no_package = true
[env_run_base]
deps = ["alpha==1.0"]
commands = [["python", "-c", "import alpha"]]
[env.b]
base_python = ["python3.$((RANDOM % 3 + 4))"]
EOF
}

write_bad() {
  mkdir -p "$1"
  case $((RANDOM % 4)) in
    0) printf '[tox\nenv_list = a\n' > "$1/tox.ini" ;;
    1) printf '[tox]\nenv_list = a\n[testenv]\ndeps = -r nosuchfile.txt\ncommands = python -V\n' > "$1/tox.ini" ;;
    2) printf 'env_list = [\n' > "$1/tox.toml" ;;
    3) printf '[tox]\nrequires = tox>=99\nenv_list = a\n[testenv]\ncommands = python -V\n' > "$1/tox.ini" ;;
  esac
}

P=$R/projects
write_main "$P/main" true
write_toml "$P/toml"
mkdir -p "$P/empty"

for round in $(seq 1 48); do
  case $((RANDOM % 18)) in
    0|1) (cd "$P/main" && tox -vvv -e "$(pick ok fail ign ext crash nodeps conflict posargs),$(pick ok fail py27)") ;;
    2) (cd "$P/main" && tox -vvv -e "$(pick ok fail ign ext crash posargs)" -r) ;;
    3) (cd "$P/main" && tox -vvv -p "$(pick 2 all auto)") ;;
    4) write_main "$P/main" "$(pick true false)"; (cd "$P/main" && tox -vvv -e "$(pick py27 py312 ok)") ;;
    5) (cd "$P/main" && tox -vvv -e "$(pick nosuch typo ok,missing)") ;;
    6) (cd "$P/main" && exec env --default-signal=INT "$V/bin/tox" -vvv -e slow >> "$RAW" 2>&1) & pid=$!
       sleep $((RANDOM % 4 + 3)); kill -INT "$pid"; wait "$pid" ;;
    7) (cd "$P/main" && tox -vvv -e posargs -- x y z) ;;
    8) (cd "$P/main" && tox -vvv config -e "$(pick ok fail ign)" -k deps commands) ;;
    9) (cd "$P/main" && tox -vvv -p 2 -e "ok,$(pick crash fail ext),$(pick ign py27 nodeps)") ;;
    10) (cd "$P/toml" && tox -vvv) ;;
    11|16|17) rm -rf "$P/bad"; write_bad "$P/bad"; (cd "$P/bad" && tox -vvv) ;;
    12) (cd "$P/empty" && tox -vvv -e "$(pick py a)") ;;
    13) (cd "$P/main" && tox -vvv list) ;;
    14) (cd "$P/main" && tox -vvv -e ok --notest) ;;
    15) (cd "$P/main" && tox -vvv run -e fail -x "testenv:fail.commands=python -c 'raise SystemExit(7)'") ;;
  esac
done
