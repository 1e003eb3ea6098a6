#!/bin/bash
# smcroute workload: runs ns_run.sh in a private network namespace; the daemon's
# stderr (foreground, -l debug) goes to run/smcroute.raw.log, kept as smcroute.log.
D=/work/round30/smcroute
mkdir -p $D/run; rm -f $D/run/smcroute.raw.log $D/run/pids
unshare -n bash $D/ns_run.sh
head -n 2500 $D/run/smcroute.raw.log > $D/smcroute.log
wc -l $D/run/smcroute.raw.log $D/smcroute.log
