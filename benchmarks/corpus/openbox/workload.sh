#!/bin/bash
# Openbox workload: Xvfb + openbox --debug --debug-focus --debug-session in a private
# mount+network namespace, driven by xdotool, xmessage/xev clients, --reconfigure/--restart/--exit.
cd /work/round42/openbox || exit 1
R=/tmp/round42-r42d/ob
mkdir -p $R
SEED=${SEED:-4242} ROUNDS=${ROUNDS:-130} unshare -m -n bash /work/round42/openbox/inner.sh
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $R/raw.log > /work/round42/openbox/openbox.log
