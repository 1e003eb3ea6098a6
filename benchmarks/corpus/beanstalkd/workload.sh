#!/bin/bash
# Randomised beanstalkd workload; log = stdout+stderr of every run, appended.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=/tmp/round31-r31c/beanstalkd; mkdir -p $BASE
LOG=$BASE/raw.log; : > $LOG
WAL=$BASE/wal; rm -rf $WAL; mkdir -p $WAL
P=22011
R=$RANDOM
run() { beanstalkd "$@" >> $LOG 2>&1 & echo $! > $BASE/pid; sleep 0.3; }
stop() { kill -TERM $(cat $BASE/pid) 2>/dev/null; wait $(cat $BASE/pid) 2>/dev/null; }

# bad command lines
beanstalkd -x >> $LOG 2>&1
beanstalkd -z abc >> $LOG 2>&1

beanstalkd extra >> $LOG 2>&1
beanstalkd -l 127.0.0.1 -p $P -u nosuchuser-r31c >> $LOG 2>&1
beanstalkd -l 127.0.0.1 -p $P -b /nonexistent/r31c >> $LOG 2>&1
beanstalkd -l no.such.host.invalid -p $P >> $LOG 2>&1


for round in 1 2 3 4; do
  run -VV -l 127.0.0.1 -p $P -b $WAL -s $((4096 * (1 + RANDOM % 3))) -z $((2000 + RANDOM % 2000)) -f $((RANDOM % 2 * 50))
  # a second server on the same port and one on the same WAL dir
  [ $((RANDOM % 2)) = 0 ] && beanstalkd -V -l 127.0.0.1 -p $P >> $LOG 2>&1
  [ $((RANDOM % 2)) = 0 ] && timeout 2 beanstalkd -V -l 127.0.0.1 -p $((P+1)) -b $WAL >> $LOG 2>&1
  python3 $HERE/client.py $P $((8 + RANDOM % 12)) $((R + round)) &
  python3 $HERE/client.py $P $((5 + RANDOM % 10)) $((R + 100 + round))
  wait %2 2>/dev/null
  if [ $round = 3 ]; then
    kill -USR1 $(cat $BASE/pid)   # drain mode: puts are refused
    python3 $HERE/client.py $P 2 $((R + 200))
  fi
  stop
done
# large -z and a corrupt binlog
run -V -l 127.0.0.1 -p $P -z 2000000000
stop
CW=$BASE/cwal; rm -rf $CW; mkdir -p $CW
python3 - $CW <<'PY'
import struct, sys, random
d = sys.argv[1]
open(d + "/binlog.1", "wb").write(struct.pack("i", 99))
open(d + "/binlog.2", "wb").write(struct.pack("i", 7) + struct.pack("i", -5))
open(d + "/binlog.3", "wb").write(struct.pack("i", 7) + struct.pack("i", 500))
open(d + "/binlog.4", "wb").write(struct.pack("i", 7) + struct.pack("i", 4) + b"ab")
open(d + "/binlog.5", "wb").write(b"\x07\x00")
PY
run -V -l 127.0.0.1 -p $P -b $CW
stop
rm -rf $CW $WAL
cp $LOG "$HERE/beanstalkd.log.raw"
# the whole of beanstalkd.log.raw was kept as beanstalkd.log
