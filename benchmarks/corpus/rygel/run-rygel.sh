#!/bin/bash
# Runs Rygel (inside the netns) with its own session bus, config and cache dirs.
R=/tmp/round33-r33e/ryghome
export HOME=$R XDG_CACHE_HOME=$R/cache XDG_CONFIG_HOME=$R/config XDG_DATA_HOME=$R/data XDG_RUNTIME_DIR=$R/run
export G_MESSAGES_DEBUG=all
mkdir -p $XDG_RUNTIME_DIR $XDG_CONFIG_HOME; chmod 700 $XDG_RUNTIME_DIR
cp "$(dirname "$0")/rygel.conf" $XDG_CONFIG_HOME/rygel.conf
exec dbus-run-session -- rygel -g '*:5' -n lo -p 40100
