#!/bin/bash
# Runs inside a private mount+network namespace (see workload.sh).
cd /work/round41/searchd || exit 1
. ./ns_setup.sh
PY=/tmp/round41-r41c/venv/bin/python
DATA=/tmp/round41-r41c/searchd/data
OUT=/tmp/round41-r41c/searchd/tools.out
r() { echo $(( RANDOM % $1 )); }
start() { searchd -c $1 --nodetach --logdebugvv >>$OUT 2>&1 & SP=$!; sleep 1.5; }
indexer -c sphinx.conf docs >>$OUT 2>&1
indexer -c sphinx.conf broken >>$OUT 2>&1
start sphinx.conf
$PY sqlwork.py $((90 + $(r 60)))
$PY agent.py & AP=$!
sleep 0.5
$PY sqlwork.py $((60 + $(r 60)))
# second daemon on the same ports and pid file
searchd -c sphinx.conf --nodetach --logdebugvv >>$OUT 2>&1
# rotation
for i in $(seq $((1 + $(r 3)))); do
  indexer -c sphinx.conf --rotate docs >>$OUT 2>&1; kill -HUP $SP; sleep 1
  $PY sqlwork.py $((30 + $(r 45)))
done
kill -USR1 $SP; sleep 0.3
kill -TERM $SP; wait $SP
# restart, then a crash (SIGKILL) with unflushed RT data
start sphinx.conf
$PY sqlwork.py $((60 + $(r 60)))
kill -KILL $SP; wait $SP 2>/dev/null
rm -f $DATA/docs.spl $DATA/rt.spl
# restart with the alternate configuration (binlog replay, unknown key, non-seamless rotation)
searchd -c sphinx-alt.conf --nodetach --logdebugvv >>$OUT 2>&1
start sphinx-alt2.conf
$PY sqlwork.py $((45 + $(r 45)))
indexer -c sphinx-alt2.conf --rotate docs >>$OUT 2>&1; kill -HUP $SP; sleep 1.5
$PY sqlwork.py $((30 + $(r 30)))
# index files gone while serving, then rotation of a broken index
mv $DATA/docs.sph $DATA/docs.sph.bak
kill -HUP $SP; sleep 1
mv $DATA/docs.sph.bak $DATA/docs.sph
$PY sqlwork.py $((15 + $(r 30)))
kill -TERM $SP; wait $SP
kill $AP; wait $AP 2>/dev/null
