#!/bin/sh
# alert receiver for the SmokePing workload: records the call in the run dir
echo "$(date +%s) $*" >> "$(dirname "$0")/run/alerts.txt"
