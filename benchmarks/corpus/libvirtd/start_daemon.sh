#!/bin/bash
# start private session-mode libvirtd as nobody, all state inside run/
R=/work/round25/libvirtd/run
cd $R
exec setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=$R/home XDG_RUNTIME_DIR=$R/xdg-run XDG_CONFIG_HOME=$R/xdg-config XDG_CACHE_HOME=$R/xdg-cache XDG_DATA_HOME=$R/xdg-data SASL_CONF_PATH=$R/sasl /usr/sbin/libvirtd --listen --config $R/libvirtd.conf --pid-file $R/libvirtd.pid "$@"
