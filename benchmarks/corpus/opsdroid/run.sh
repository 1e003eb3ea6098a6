#!/bin/bash
. /tmp/round38-r38e/env.sh
exec ip netns exec r38e-ops env HOME=$HOME TMPDIR=$TMPDIR XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_STATE_HOME=$XDG_STATE_HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR /tmp/round38-r38e/venv-opsdroid/bin/opsdroid start -f ${CONF:-/work/round38/opsdroid/configuration.yaml}
