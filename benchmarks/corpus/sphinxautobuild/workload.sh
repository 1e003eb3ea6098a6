#!/bin/bash
# sphinx-autobuild over a small Sphinx project that this script edits and breaks, with HTTP requests.
# Log: sphinx-autobuild's stdout+stderr (which carries the sphinx-build child's output).
# Runs itself inside a private network + mount namespace. Usage: bash /work/round40/sphinxautobuild/workload.sh [seed]
set -u
D=/work/round40/sphinxautobuild
T=/tmp/round40-r40e/sab
V=/tmp/round40-r40e/venv-sab
if [ -z "${R40E_INNS:-}" ]; then
  mkdir -p "$T"
  R40E_INNS=1 exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
SEED=${1:-6262}
RANDOM=$SEED
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
rm -rf "$T/home" "$T/tmp" "$T/xdg" "$T/proj"
mkdir -p "$T/home" "$T/tmp" "$T/xdg/config" "$T/xdg/cache" "$T/xdg/data" "$T/xdg/state" "$T/xdg/run" "$T/proj"
chmod 700 "$T/xdg/run"
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_CACHE_HOME=$T/xdg/cache \
  XDG_DATA_HOME=$T/xdg/data XDG_STATE_HOME=$T/xdg/state XDG_RUNTIME_DIR=$T/xdg/run PYTHONUNBUFFERED=1
cp -r "$D/docs-template" "$T/proj/src"
cd "$T/proj"
RAW=$T/raw.log
rm -f "$RAW"
PORT=56300
PAGES=(index guide reference)
NEW=()

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
page() { pick "${PAGES[@]}"; }

http() {
  local k
  for ((k = 0; k < RANDOM % 4; k++)); do
    case $((RANDOM % 9)) in
      0|1|2) curl -s -o /dev/null "http://127.0.0.1:$PORT/$(page).html" ;;
      3) curl -s -o /dev/null "http://127.0.0.1:$PORT/" ;;
      4) curl -s -o /dev/null "http://127.0.0.1:$PORT/missing$RANDOM.html" ;;
      5) curl -s -o /dev/null "http://127.0.0.1:$PORT/_static/alabaster.css" ;;
      6) timeout 2 bash -c "printf 'BOGUS\r\n\r\n' > /dev/tcp/127.0.0.1/$PORT" ;;
      7) timeout 2 bash -c "printf 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n' > /dev/tcp/127.0.0.1/$PORT" ;;
      8) curl -s -o /dev/null -X POST -d x=1 "http://127.0.0.1:$PORT/index.html" ;;
    esac
  done
}

edit() {
  local p n
  p=$(page)
  case $(pick para para para para para para directive ref doc toc orphan orphan delete conf ext inline include image restore restore dup) in
    para) printf '\nParagraph %d added at %s.\n' $RANDOM "$(date -u +%T)" >> "src/$p.rst" ;;
    directive) printf '\n.. nosuch%d::\n\n   body\n' $((RANDOM % 50)) >> "src/$p.rst" ;;
    ref) printf '\nSee :ref:`missing-%d`.\n' $((RANDOM % 50)) >> "src/$p.rst" ;;
    doc) printf '\nSee :doc:`absent%d`.\n' $((RANDOM % 50)) >> "src/$p.rst" ;;
    toc) printf '\n.. toctree::\n\n   ghost%d\n' $((RANDOM % 50)) >> "src/$p.rst" ;;
    orphan) n=extra$RANDOM; printf '%s\n%s\n\nAn extra page.\n' "$n" "$(printf '%*s' ${#n} '' | tr ' ' '=')" > "src/$n.rst"; NEW+=("$n") ;;
    delete) if [ ${#NEW[@]} -gt 0 ]; then n=${NEW[RANDOM % ${#NEW[@]}]}; rm -f "src/$n.rst"; else printf '\nMore text.\n' >> "src/$p.rst"; fi ;;
    conf) printf 'html_title = ("broken %d"\n' $RANDOM >> src/conf.py; sleep 3; http; cp "$D/docs-template/conf.py" src/conf.py ;;
    ext) printf 'extensions = ["nosuchext%d"]\n' $((RANDOM % 9)) >> src/conf.py; sleep 3; cp "$D/docs-template/conf.py" src/conf.py ;;
    inline) printf '\nSome *unclosed emphasis %d here.\n' $RANDOM >> "src/$p.rst" ;;
    include) printf '\n.. include:: missing%d.txt\n' $((RANDOM % 9)) >> "src/$p.rst" ;;
    image) printf '\n.. image:: pic%d.png\n' $((RANDOM % 9)) >> "src/$p.rst" ;;
    restore) cp "$D/docs-template/$p.rst" "src/$p.rst" ;;
    dup) printf '\n.. _ref-top:\n\nDuplicate\n---------\n' >> "src/$p.rst" ;;
  esac
}

SPID=""
start() {
  local args=(--host 127.0.0.1 --port $PORT)
  case $1 in
    1) args+=(--pre-build "false") ;;
    2) args+=(--post-build "true") ;;
    3) args+=(--pre-build "true" -a) ;;
  esac
  [ $((RANDOM % 3)) -eq 0 ] && args+=(--re-ignore '.*\.swp$')
  set -m
  "$V/bin/sphinx-autobuild" "${args[@]}" src out >> "$RAW" 2>&1 &
  SPID=$!
  set +m
  sleep 5
}

# four runs: plain, a failing pre-build command, a post-build command, a pre-build command with -a; random order
opts=(0 1 2 3)
for ((i = 3; i > 0; i--)); do j=$((RANDOM % (i + 1))); t=${opts[i]}; opts[i]=${opts[j]}; opts[j]=$t; done
for run in 0 1 2 3; do
  start "${opts[run]}"
  for ((e = 0; e < 8 + RANDOM % 14; e++)); do
    edit
    [ $((RANDOM % 4)) -eq 0 ] && edit
    sleep $((2 + RANDOM % 3))
    http
  done
  kill -INT "$SPID"; sleep 2
  kill -0 "$SPID" 2>/dev/null && kill -TERM "$SPID"
  wait "$SPID" 2>/dev/null
  [ $((RANDOM % 2)) -eq 0 ] && rm -rf out
done
# keep one contiguous stretch of whole lines
sed -n '1,2500p' "$RAW" > "$D/sphinxautobuild.log"
wc -l "$RAW" "$D/sphinxautobuild.log"
