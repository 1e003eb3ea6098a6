#!/bin/bash
# searchd workload: searchd --nodetach --logdebugvv in a private mount+network namespace,
# driven by indexer runs, signals and SphinxQL traffic (pymysql in /tmp/round41-r41c/venv).
cd /work/round41/searchd || exit 1
T=/tmp/round41-r41c/searchd
mkdir -p $T/home $T/tmp $T/xdg $T/data $T/binlog $T/shm
rm -rf $T/data/* $T/binlog/* $T/searchd.raw.log $T/query.log $T/tools.out
unshare -m -n --propagation private bash /work/round41/searchd/run_ns.sh
# keep the first 2500 lines
sed -n '1,2500p' $T/searchd.raw.log > searchd.log
wc -l $T/searchd.raw.log searchd.log
