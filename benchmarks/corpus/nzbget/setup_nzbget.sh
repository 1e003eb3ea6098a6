#!/bin/bash
# Build a private nzbget configuration and data under ./run (called by workload.sh)
D=/work/round21/nzbget
R=$D/run
rm -rf $R; mkdir -p $R/{data,nzbsrc,www,scripts,nzb,dst}
cp $D/PPNotify.py $R/scripts/; chmod 755 $R/scripts/PPNotify.py
python3 $D/mkdata.py $R/data $R/nzbsrc
cp $R/nzbsrc/* $R/www/
zcat /usr/share/doc/nzbget/examples/nzbget.conf.gz > $R/nzbget.conf
set_opt() { if grep -q "^$1=" $R/nzbget.conf; then sed -i "s#^$1=.*#$1=$2#" $R/nzbget.conf; else echo "$1=$2" >> $R/nzbget.conf; fi; }
set_opt MainDir $R
set_opt WebDir /usr/share/nzbget/webui
set_opt LogFile $R/nzbget.log
set_opt ScriptDir $R/scripts
set_opt Server1.Name nserv
set_opt Server1.Host 127.0.0.1
set_opt Server1.Port 22501
set_opt Server1.Username user
set_opt Server1.Password pass
set_opt Server1.Connections 3
set_opt Server1.JoinGroup yes
cat >> $R/nzbget.conf <<X
Server2.Active=yes
Server2.Name=flaky
Server2.Level=0
Server2.Host=127.0.0.1
Server2.Port=22502
Server2.Username=user
Server2.Password=pass
Server2.JoinGroup=yes
Server2.Connections=2
Server3.Active=yes
Server3.Name=backup
Server3.Level=1
Server3.Host=127.0.0.1
Server3.Port=22503
Server3.Connections=1
Server3.Optional=yes
X
set_opt ControlIP 127.0.0.1
set_opt ControlPort 22510
set_opt ControlUsername nzbget
set_opt ControlPassword secret
set_opt RestrictedUsername viewer
set_opt RestrictedPassword view
set_opt AddUsername adder
set_opt AddPassword add
set_opt UpdateCheck none
set_opt DaemonUsername root
set_opt ErrorTarget log
set_opt WarningTarget log
set_opt InfoTarget log
set_opt DetailTarget log
set_opt DebugTarget log
set_opt WriteLog append
set_opt NzbLog yes
set_opt OutputMode loggable
set_opt NzbDirInterval 2
set_opt NzbDirFileAge 1
set_opt ArticleRetries 2
set_opt ArticleInterval 1
set_opt ArticleTimeout 5
set_opt UrlRetries 1
set_opt UrlInterval 1
set_opt UrlTimeout 5
set_opt HealthCheck park
set_opt DiskSpace 10
set_opt KeepHistory 1
set_opt Extensions PPNotify.py
set_opt UnrarCmd unrar
set_opt SevenZipCmd 7z
set_opt DownloadRate 0
set_opt CrashTrace no
