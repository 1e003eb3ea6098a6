#!/bin/bash
. /tmp/round38-r38e/env.sh
P=/tmp/round38-r38e/pyload
exec ip netns exec r38e-pyload env HOME=$HOME TMPDIR=$TMPDIR XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_STATE_HOME=$XDG_STATE_HOME /tmp/round38-r38e/venv-pyload/bin/pyload -d --userdir $P/user --storagedir $P/storage --tempdir $P/tmp --pidfile $P/pyload.pid
