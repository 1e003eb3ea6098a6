#!/bin/bash
# Ant workload: random builds of four small projects (proj/app, proj/badsrc, proj/broken, proj/badtask)
# with `ant -debug -logfile`, each run's log file appended to one log, in a private
# mount+network namespace.
cd /work/round42/ant || exit 1
R=/tmp/round42-r42d/ant
mkdir -p $R
SEED=${SEED:-4242} ROUNDS=${ROUNDS:-34} unshare -m -n bash /work/round42/ant/inner.sh
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $R/raw.log > /work/round42/ant/ant.log
