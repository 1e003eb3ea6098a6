#!/bin/bash
# Workload for Nikola (PyPI nikola in /tmp/round39-r39h/venv-nikola), NIKOLA_DEBUG=1 (most verbose).
# Runs inside a private network + mount namespace (loopback only). Writes nikola.log here.
set -u
set -m
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round39-r39h
if [ -z "${R39_INNER:-}" ]; then
  # nikola from PyPI in its own virtualenv (installed before entering the namespace)
  [ -x $BASE/venv-nikola/bin/nikola ] || { python3 -m venv $BASE/venv-nikola && $BASE/venv-nikola/bin/pip install nikola; }
  exec env R39_INNER=1 unshare -n -m --propagation private "$0" "$@"
fi
ip link set lo up
export HOME=$BASE/home TMPDIR=$BASE/tmp XDG_CONFIG_HOME=$BASE/xdg/config XDG_CACHE_HOME=$BASE/xdg/cache \
  XDG_DATA_HOME=$BASE/xdg/data XDG_RUNTIME_DIR=$BASE/xdg/run XDG_STATE_HOME=$BASE/xdg/state
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_RUNTIME_DIR $XDG_STATE_HOME
mount -t tmpfs tmpfs /dev/shm
export NIKOLA_DEBUG=1
NK=$BASE/venv-nikola/bin/nikola
PY=$BASE/venv-nikola/bin/python
PORT=53500
RAW=$BASE/nikola-raw.log
WORK=$BASE/nk-run
rm -rf $WORK; mkdir -p $WORK; : > $RAW
cd $WORK
r() { echo $(( RANDOM % $1 )); }
nk() { "$NK" "$@" >> $RAW 2>&1; }

nk init -q site
cd site
post() { # slug title tags
  printf '.. title: %s\n.. slug: %s\n.. date: 2026-11-%02d 10:%02d:00 UTC\n.. tags: %s\n.. category: %s\n\nSome *text* for %s.\n\nSee `about <link://slug/about>`_.\n' \
    "$2" "$1" $(( $(r 27) + 1 )) $(r 60) "$3" "cat$(r 3)" "$1" > posts/$1.rst
}
for i in $(seq 1 $(( 3 + $(r 5) ))); do post p$i "Post number $i" "t$(r 4), common"; done
printf '.. title: About\n.. slug: about\n\nAbout page.\n' > pages/about.rst
printf 'print("hello")\n' > listings/hello.py
mkdir -p galleries/demo
$PY -c 'from PIL import Image; import random
for i in range(2): Image.new("RGB",(random.randint(300,900),random.randint(300,900)),(i*90,20,200)).save(f"galleries/demo/img{i}.jpg")'
nk build
nk build

serve_session() {
  "$NK" serve -p $PORT -a 127.0.0.1 >> $RAW 2>&1 &
  SP=$!
  for t in $(seq 1 40); do curl -s -o /dev/null http://127.0.0.1:$PORT/robots.txt && break; sleep 0.5; done
  for i in $(seq 1 $(( 5 + $(r 15) ))); do
    case $(r 9) in
      0|1) curl -s -o /dev/null http://127.0.0.1:$PORT/ ;;
      2) curl -s -o /dev/null http://127.0.0.1:$PORT/posts/p1/ ;;
      3) curl -s -o /dev/null http://127.0.0.1:$PORT/posts/p1 ;;
      4) curl -s -o /dev/null http://127.0.0.1:$PORT/missing-$(r 100).html ;;
      5) curl -s -o /dev/null -X POST http://127.0.0.1:$PORT/ ;;
      6) curl -s -o /dev/null -I http://127.0.0.1:$PORT/rss.xml ;;
      7) printf 'BOGUS\r\n\r\n' | timeout 2 $PY -c 'import socket,sys;s=socket.create_connection(("127.0.0.1",'$PORT'));s.sendall(sys.stdin.buffer.read());s.recv(4096)' ;;
      8) curl -s -o /dev/null http://127.0.0.1:$PORT/assets/css/all.css ;;
    esac
  done
  kill -INT $SP; wait $SP
}

serve_session
for round in $(seq 1 $(( 5 + $(r 3) ))); do
  case $(r 12) in
    0) n=$(( 20 + $(r 50) )); post p$n "Fresh $n" "t$(r 4)"; nk build ;;
    1) f=$(ls posts/*.rst | shuf -n1); echo "Edited $(date +%s%N)." >> $f; nk build ;;
    2) printf '.. title: Broken\n.. slug: broken\n.. date: 2026-11-05 10:00:00 UTC\n\nBad *rst\n\n.. nosuchdirective:: x\n\n`dangling <nowhere>`__\n\n===\nX\n' > posts/broken.rst; nk build; rm -f posts/broken.rst ;;
    3) printf 'no metadata here\n' > posts/nometa.rst; nk build; rm -f posts/nometa.rst ;;
    4) printf '.. title: Short\n.. slug: short\n.. date: 2026-11-05 10:00:00 UTC\n\nHi {{%% nosuch arg=1 %%}} there.\n' > posts/short.md; nk build; rm -f posts/short.md ;;
    5) cp conf.py conf.py.bak; echo 'THIS IS = not python' >> conf.py; nk build; nk status; mv conf.py.bak conf.py ;;
    6) nk check -l -v; nk check -f -v ;;
    7) nk status ;;
    8) nk new_post -t "New thing $(r 1000)" -f rest; nk new_post -t "Post number 1" -f rest; nk new_post -t "X" -f nosuchformat ;;
    9) nk deploy; nk orphans ;;
    10) nk theme -l; nk theme -i nosuchtheme ;;
    11) rm -f $(ls posts/*.rst | shuf -n1); touch output/stray-$(r 100).html; nk build; nk check -f --clean-files ;;
  esac
  [ $(r 3) = 0 ] && serve_session
done
"$NK" serve -p $PORT -a 127.0.0.1 >> $RAW 2>&1 &
SP=$!; for t in $(seq 1 40); do curl -s -o /dev/null http://127.0.0.1:$PORT/robots.txt && break; sleep 0.5; done
"$NK" serve -p $PORT -a 127.0.0.1 >> $RAW 2>&1
kill -INT $SP; wait $SP
nk build
cd "$HERE"
sed -n '1,2500p' $RAW > "$HERE/nikola.log"
