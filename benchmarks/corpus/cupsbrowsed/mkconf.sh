#!/bin/bash
# Writes configuration for three private cupsd instances (s0 = local one cups-browsed manages,
# s1/s2 = polled "remote" servers) and for cups-browsed, all under /tmp/round43-r43c/cb.
W=/tmp/round43-r43c/cb
for n in 0 1 2; do
  S=$W/s$n
  mkdir -p $S/etc/ppd $S/etc/ssl $S/etc/interfaces $S/spool/tmp $S/cache $S/run $S/log
  chmod 0755 $S $S/etc $S/cache $S/run $S/log; chmod 0710 $S/spool; chmod 1770 $S/spool/tmp
  chgrp lp $S/spool $S/spool/tmp $S/cache $S/etc/ppd $S/etc/ssl 2>/dev/null
  chmod 0775 $S/cache
  cat > $S/etc/cups-files.conf <<EOC
ServerRoot $S/etc
RequestRoot $S/spool
TempDir $S/spool/tmp
CacheDir $S/cache
StateDir $S/run
ErrorLog $S/log/error_log
AccessLog $S/log/access_log
PageLog $S/log/page_log
DataDir /usr/share/cups
ServerBin /usr/lib/cups
FileDevice Yes
SystemGroup root
User lp
Group lp
EOC
  if [ $n = 0 ]; then SOCK=/run/cups/cups.sock; else SOCK=$S/run/cups.sock; fi
  cat > $S/etc/cupsd.conf <<EOC
LogLevel warn
Listen 127.0.0.1:4730$n
Listen $SOCK
Browsing No
BrowseLocalProtocols none
DefaultShared Yes
WebInterface No
DefaultAuthType Basic
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOC
done
mkdir -p $W/cbcache $W/cblog $W/runcups $W/rundbus $W/varcups $W/etccups
cat > $W/cups-browsed.conf <<EOC
DebugLogging file
DebugLogFileSize 0
LogDir $W/cblog
CacheDir $W/cbcache
BrowseLocalProtocols none
BrowseRemoteProtocols none
BrowsePoll 127.0.0.1:47301
BrowsePoll 127.0.0.1:47302
BrowsePoll 127.0.0.1:47303
BrowseInterval 4
BrowseTimeout 12
CreateIPPPrinterQueues No
CreateRemoteCUPSPrinterQueues Yes
CreateRemoteRawPrinterQueues Yes
HttpLocalTimeout 3
HttpRemoteTimeout 3
HttpMaxRetries 2
EOC
