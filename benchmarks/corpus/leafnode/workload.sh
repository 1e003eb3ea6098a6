#!/bin/bash
# leafnode workload: leafnode (nntpd, under inetd.py), fetchnews and texpire with debugmode = 3,
# logging through a private rsyslogd, in a private mount+network+UTS namespace.
cd /work/round41/leafnode || exit 1
T=/tmp/round41-r41c/leafnode
rm -rf $T/spool $T/raw.log $T/tools.out $T/rsyslog
mkdir -p $T/home $T/tmp $T/xdg $T/rsyslog $T/spool
cp -a /var/spool/news/. $T/spool/
unshare -m -n -u --propagation private bash /work/round41/leafnode/run_ns.sh
cat etc/config.good > etc/config
# keep the first 2500 lines
sed -n '1,2500p' $T/raw.log > leafnode.log
wc -l $T/raw.log leafnode.log
