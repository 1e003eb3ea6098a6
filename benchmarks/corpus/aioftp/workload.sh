#!/bin/bash
# aioftp server (python -m aioftp via serve.py, which only sets the root logger to DEBUG first),
# run in a private network + mount namespace, driven by client.py (ftplib) and raw sockets.
set -u
D=/work/round42/aioftp
T=/tmp/round42-r42h/aioftp
if [ "${1:-}" != inner ]; then
  exec unshare -n -m --propagation private bash "$0" inner
fi
cd "$D" || exit 1
ip link set lo up
mkdir -p $T/home $T/tmp
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/home/.config XDG_CACHE_HOME=$T/home/.cache \
       XDG_DATA_HOME=$T/home/.local/share XDG_RUNTIME_DIR=$T/tmp PYTHONUNBUFFERED=1
PY=/tmp/round42-r42h/venv-aioftp/bin/python
PORT=45501
rm -rf $T/share; mkdir -p $T/share/dir1/sub
head -c 40000000 /dev/zero > $T/share/big.bin
echo hi > $T/share/dir1/inner.txt
ln -s /nonexistent/target $T/share/dangling
RAW=$T/raw.log; : > $RAW
set -m
start() { $PY $D/serve.py --host 127.0.0.1 --port $PORT -d $T/share "$@" >> $RAW 2>&1 & SPID=$!; sleep 1.2; }
stop() { kill -INT $SPID; wait $SPID; }
clients() { $PY $D/client.py $PORT "$1" $(( $2 + RANDOM % $3 )); }

# bad command line
$PY $D/serve.py --port abc >> $RAW 2>&1
start
clients anon 12 10
# a second server on the same port
$PY $D/serve.py --host 127.0.0.1 --port $PORT -d $T/share >> $RAW 2>&1
clients anon 5 5
stop
start --user alice --pass s3cret
clients user 14 10
stop
start --user bob
clients nopass 4 5
stop
start --memory
clients anon 3 4
stop
start --user alice --pass s3cret
clients user 5 5
stop
sed -n '1,2500p' $RAW > $D/aioftp.log
