#!/bin/bash
# Randomised LSP workload for clangd; runs itself in private network+mount namespaces.
cd /work/round41/clangd || exit 1
if [ "$1" != inner ]; then exec unshare -n -m --propagation private "$0" inner; fi
ip link set lo up
R=/tmp/round41-r41d/clangd/run
rm -rf "$R"; mkdir -p "$R"/home "$R"/tmp "$R"/xdg/config/clangd "$R"/xdg/data "$R"/xdg/cache "$R"/xdg/run
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_DATA_HOME=$R/xdg/data XDG_CACHE_HOME=$R/xdg/cache XDG_RUNTIME_DIR=$R/xdg/run
RANDOM=${SEED:-4143}
P=$R/proj
cp -r /work/round41/clangd/proj $P
python3 - "$P" <<'PY'
import json, sys
d = sys.argv[1]
cmds = [{"directory": d, "command": f"{c} {f}", "file": f"{d}/{f}"} for f, c in
        [("src/util.c", "cc -Iinclude -Wall -c"), ("src/main.c", "cc -Iinclude -Wall -c"),
         ("src/shapes.cpp", "c++ -std=c++17 -Iinclude -Wall -c")]]
json.dump(cmds, open(d + "/compile_commands.json", "w"))
PY
OUT=$R/clangd.raw.log
: > $OUT
C=/work/round41/clangd/lspclient.py
# session 1: plain, background index
python3 $C $P $OUT $RANDOM $((RANDOM % 20 + 40))
# a start with a bad option value
(cd $P && clangd --log=verbose --pch-storage=$(shuf -n1 -e bogus ram) < /dev/null 2>> $OUT)
# session 2: user config and project .clangd (with mistakes), one worker
cp conf/config.yaml $R/xdg/config/clangd/config.yaml; cp conf/dot-clangd $P/.clangd
python3 $C $P $OUT $RANDOM $((RANDOM % 20 + 30)) -j=1
# session 3: --compile-commands-dir names a missing directory; no background index; client drops the pipe without shutdown
rm -f $R/xdg/config/clangd/config.yaml $P/.clangd
ABRUPT=1 python3 $C $P $OUT $RANDOM $((RANDOM % 20 + 20)) --compile-commands-dir=$R/nodb --background-index=false
# session 4: back to normal, index reloaded from disk
python3 $C $P $OUT $RANDOM $((RANDOM % 20 + 30))
# keep one contiguous stretch of whole lines (at most 2500)
sed -n '1,2500p' $OUT > /work/round41/clangd/clangd.log
wc -l $OUT /work/round41/clangd/clangd.log
