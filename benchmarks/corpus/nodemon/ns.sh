#!/bin/bash
# run a command in a private net+mount namespace with loopback only and private HOME/TMPDIR/XDG dirs
R=/tmp/round39-r39d
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/config XDG_CACHE_HOME=$R/cache XDG_DATA_HOME=$R/data XDG_STATE_HOME=$R/state XDG_RUNTIME_DIR=$R/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR $R/shm
chmod 700 $XDG_RUNTIME_DIR
exec unshare -n -m --propagation private bash -c 'ip link set lo up; mount --bind '$R'/shm /dev/shm; exec "$@"' ns "$@"
