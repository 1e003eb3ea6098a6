#!/bin/bash
# mypy -v workload: random projects, incremental caches, configs, stubs, plugins.
# stderr of every mypy run is appended to $RAW; mypy.log is a contiguous stretch of it.
set -m
cd /work/round43/mypy || exit 1
B=/tmp/round43-r43h
W=$B/mypy-work
RAW=$B/mypy-raw.log
rm -rf "$W" "$RAW"; mkdir -p "$W" $B/home $B/tmp $B/xdg/cache $B/xdg/config $B/xdg/data $B/xdg/state
export PATH=$B/venv-mypy/bin:/usr/bin:/bin HOME=$B/home TMPDIR=$B/tmp XDG_CACHE_HOME=$B/xdg/cache \
  XDG_CONFIG_HOME=$B/xdg/config XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state
RANDOM=${SEED:-4343}
STDMODS=(os sys json re typing collections dataclasses pathlib itertools functools enum abc logging argparse subprocess datetime math random)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
run() { # run mypy in a private net+mount namespace, stderr to RAW
  ( cd "$1" && shift && unshare -n -m mypy -v "$@" >/dev/null 2>>"$RAW" ) ; }
mkproj() { # $1 dir; random package with modules, cycles, missing imports, stubs
  local d=$1 n=$((2 + RANDOM % 5)) i
  mkdir -p "$d/app" "$d/stubs/extlib"
  : > "$d/app/__init__.py"
  for ((i=0;i<n;i++)); do
    {
      echo "import $(pick "${STDMODS[@]}")"
      [ $((RANDOM%3)) = 0 ] && echo "from app import m$(( (i+1) % n ))"
      [ $((RANDOM%4)) = 0 ] && echo "import extlib"
      [ $((RANDOM%5)) = 0 ] && echo "import missing_pkg_$((RANDOM%3))"
      echo "def f$i(x: int) -> int:"
      echo "    return x + $i"
      [ $((RANDOM%3)) = 0 ] && echo "y$i: str = $i"
    } > "$d/app/m$i.py"
  done
  printf 'def ext(a: int) -> str: ...\nVALUE: int\n' > "$d/stubs/extlib/__init__.pyi"
  printf 'from mypy.plugin import Plugin\nclass P(Plugin):\n    pass\ndef plugin(version: str) -> type[Plugin]:\n    return P\n' > "$d/plug.py"
  printf 'from app import *\nimport app.m0\nprint(app.m0.f0(1))\n' > "$d/main.py"
}
writecfg() { # $1 dir, $2 kind
  case $2 in
    plain) printf '[mypy]\nmypy_path = stubs\nwarn_unused_configs = True\n' ;;
    plugin) printf '[mypy]\nmypy_path = stubs\nplugins = plug.py\n' ;;
    silent) printf '[mypy]\nmypy_path = stubs\nfollow_imports = silent\nignore_missing_imports = True\n[mypy-app.m1]\ndisallow_untyped_defs = True\n' ;;
    skip) printf '[mypy]\nmypy_path = stubs\nfollow_imports = skip\n' ;;
    strict) printf '[mypy]\nmypy_path = stubs\nstrict = True\n[mypy-missing_pkg_*]\nignore_missing_imports = True\n' ;;
    bad) printf '[mypy]\nmypy_path = stubs\nbogus_option = 1\nfollow_imports = sometimes\nwarn_unused_ignores = maybe\n[mypy-app.m0]\nnot_a_thing = True\nstrict = True\n' ;;
    broken) printf '[mypy]\nmypy_path = stubs\n[[mypy-bad\n' ;;
    nosect) printf '[tool]\nx = 1\n' ;;
    fg) printf '[mypy]\nmypy_path = stubs\ncache_fine_grained = True\n' ;;
  esac > "$1/mypy.ini"
}
projects=2
for ((p=0;p<projects;p++)); do
  d=$W/proj$p; mkproj "$d"
  writecfg "$d" "$(pick plain plugin silent skip strict fg plain)"
  run "$d" main.py app                       # cold run, cache written
  steps=$((9 + RANDOM % 5))
  for ((s=0;s<steps;s++)); do
    m=$d/app/m$((RANDOM % 2)).py
    case $((RANDOM % 12)) in
      0) run "$d" main.py app ;;                                   # warm run
      1) echo "    # comment $RANDOM" >> "$m"; run "$d" main.py app ;;   # body change
      2) printf 'def g%s(s: str) -> str:\n    return s\n' $RANDOM >> "$m"; run "$d" main.py app ;;  # interface change
      3) touch "$m"; run "$d" main.py app ;;                       # mtime only
      4) writecfg "$d" "$(pick plain plugin silent skip strict fg)"; run "$d" main.py app ;;
      5) run "$d" main.py app --strict-optional --warn-return-any ;;  # options differ
      6) find "$d/.mypy_cache" -name 'm*.data.ff' | head -n $((1 + RANDOM%2)) | xargs -r rm -f; run "$d" main.py app ;;
      7) echo 'def broken(:' > "$d/app/bad.py"; run "$d" main.py app; rm -f "$d/app/bad.py" ;;
      8) writecfg "$d" "$(pick bad bad nosect broken)"; run "$d" main.py app; writecfg "$d" plain ;;
      9) run "$d" main.py app --cache-dir="$d/main.py/cache$RANDOM" ;;   # cache dir under a file: write errors
      10) run "$d" main.py app --no-incremental ;;
      11) rm -f "$d/stubs/extlib/__init__.pyi"; run "$d" main.py app; printf 'def ext(a: int) -> str: ...\n' > "$d/stubs/extlib/__init__.pyi" ;;
    esac
  done
done
# one contiguous stretch of whole lines
total=$(wc -l < "$RAW"); start=$(( total > 2500 ? 1 + RANDOM % (total - 2499) : 1 ))
sed -n "${start},$((start + 2499))p" "$RAW" > /work/round43/mypy/mypy.log
wc -l "$RAW" /work/round43/mypy/mypy.log
