#!/bin/bash
# Randomised workload for dma (DragonFly Mail Agent, Debian 12). dma only logs through syslog:
# a private rsyslogd in a private mount namespace (our own /dev/log) writes dma's lines to dma.log.
# Local SMTP servers (smtpd.py) on 127.0.0.1:18200-18208; dma's config, spool and mailboxes here.
D=$(cd "$(dirname "$0")" && pwd); R=$D/run
rm -rf $R; mkdir -p $R/spool $R/mail
chown root:mail $R/spool $R/mail; chmod 2775 $R/spool $R/mail
cat > $R/aliases <<A
# aliases for the dma workload
postmaster: root
team: alice@example.org, bob@example.com, root
abuse: nosuch1@example.org
A
touch $R/dma.conf
: > $D/dma.log
unshare -m --propagation private bash $D/inner.sh
rm -rf $R
echo "lines: $(wc -l < $D/dma.log)"
