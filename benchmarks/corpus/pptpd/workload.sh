#!/bin/bash
# pptpd workload: private network namespace r32f1 + private mount namespace (own /dev/log for a private rsyslogd).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p /tmp/round32-r32f/pp
ip netns add r32f1
ip netns exec r32f1 unshare -m "$HERE/inner.sh"
ip netns delete r32f1
