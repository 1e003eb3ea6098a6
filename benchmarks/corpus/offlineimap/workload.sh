#!/bin/bash
# OfflineIMAP workload: private Dovecot (127.0.0.1:43510) + fake IMAP peers (43520-43522; 43519 closed),
# offlineimap -o -u basic -l LOG -d maildir[,thread] against it in a private mount+network namespace.
cd /work/round42/offlineimap || exit 1
R=/tmp/round42-r42d/oi
mkdir -p $R
SEED=${SEED:-4242} ROUNDS=${ROUNDS:-75} unshare -m -n bash /work/round42/offlineimap/inner.sh
# keep one contiguous stretch of at most 2500 whole lines
sed -n '1,2500p' $R/raw.log > /work/round42/offlineimap/offlineimap.log
