#!/bin/bash
# Randomised workload for OpenNTPD. ntpd's NTP port (123) is fixed in the program, so everything runs
# inside a private network + mount namespace (own loopback, own /run, /var/lib/openntpd, /etc/hosts).
D=/work/round21/openntpd
rm -rf $D/run; mkdir -p $D/run/state/run $D/run/state/db
exec unshare -n -m --propagation private bash $D/inner.sh
