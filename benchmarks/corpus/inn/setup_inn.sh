#!/bin/bash
# Build a private INN instance under $D/run (called by workload.sh)
D=/work/round21/inn
R=$D/run
rm -rf $R; mkdir -p $R/{etc,db,spool/innfeed,spool/articles,spool/overview,spool/incoming/tmp,spool/outgoing,spool/archive,log,run,filter,rs,http}
sed -e 's/^port:.*/port:                        22119/' \
    -e 's/^nnrpdpostport:.*/nnrpdpostport:               22119/' \
    -e 's/^pathhost:.*/pathhost:                    news.example.test/' \
    -e 's/^doinnwatch:.*/doinnwatch:                  false/' \
    -e 's/^timer:.*/timer:                       15/' \
    -e 's/^status:.*/status:                      0/' \
    -e 's/^pgpverify:.*/pgpverify:                   false/' \
    -e 's/^readertrack:.*/readertrack:                 false/' \
    -e "s#^pathetc:.*#pathetc: $R/etc#" -e "s#^pathdb:.*#pathdb: $R/db#" \
    -e "s#^pathspool:.*#pathspool: $R/spool#" -e "s#^patharticles:.*#patharticles: $R/spool/articles#" \
    -e "s#^pathoverview:.*#pathoverview: $R/spool/overview#" -e "s#^pathincoming:.*#pathincoming: $R/spool/incoming#" \
    -e "s#^pathtmp:.*#pathtmp: $R/spool/incoming/tmp#" -e "s#^pathoutgoing:.*#pathoutgoing: $R/spool/outgoing#" \
    -e "s#^patharchive:.*#patharchive: $R/spool/archive#" -e "s#^pathlog:.*#pathlog: $R/log#" \
    -e "s#^pathrun:.*#pathrun: $R/run#" -e "s#^pathfilter:.*#pathfilter: $R/filter#" -e "s#^pathhttp:.*#pathhttp: $R/http#" \
    /etc/news/inn.conf > $R/etc/inn.conf
echo "bindaddress: 127.0.0.1" >> $R/etc/inn.conf
printf '#!/bin/sh\ncat > /dev/null\n' > $R/fakemta; chmod 755 $R/fakemta
sed -i -e "s#^mta:.*#mta: \"$R/fakemta %s\"#" -e "s#^mailcmd:.*#mailcmd: $R/fakemta#" $R/etc/inn.conf
for f in distrib.pats distributions expire.ctl moderators subscriptions innshellvars.local innshellvars.pl.local innshellvars.tcl.local localgroups nocem.ctl inn-secrets.conf; do cp /etc/news/$f $R/etc/ 2>/dev/null; done
cat > $R/etc/storage.conf <<'X'
method tradspool {
    newsgroups: *
    class: 0
}
X
cat > $R/etc/incoming.conf <<'X'
streaming: true
max-connections: 4
peer ME {
  hostname: "localhost"
}
peer feeder {
  hostname: "127.0.0.2"
  max-connections: 3
}
peer feeder2 {
  hostname: "127.0.0.4"
  streaming: false
  max-connections: 1
}
X
cat > $R/etc/newsfeeds <<X
ME:*,!junk,!control*::
peerA/peera.example.test:*,!junk,!control*:Tm:innfeed!
peerB/peerb.example.test:local.*:Tm:innfeed!
innfeed!:!*:Tc,Wnm*:/usr/lib/news/bin/innfeed -c $R/etc/innfeed.conf
controlchan!:!*,control,control.*,!control.cancel:AC,Tc,Wnsm:/usr/lib/news/bin/controlchan
logfeed:local.*:Tf,Wnm:
X
cat > $R/etc/innfeed.conf <<X
news-spool: $R/spool/articles
input-file: ""
pid-file: innfeed.pid
debug-level: 0
debug-shrinking: false
initial-sleep: 2
use-mmap: false
log-file: innfeed.log
status-file: innfeed.status
connection-stats: true
host-queue-highwater: 20
stats-period: 20
stats-reset: 43200
backlog-limit: 100
backlog-factor: 1.10
backlog-limit-highwater: 0
dns-retry: 5
dns-expire: 60
close-period: 30
gen-html: false
log-time-format: "%a %b %d %H:%M:%S %Y"
backlog-directory: innfeed
backlog-rotate-period: 30
backlog-ckpt-period: 10
backlog-newfile-period: 60
max-reconnect-time: 20
initial-reconnect-time: 3
peer peerA {
  ip-name: 127.0.0.3
  port-number: 22130
  max-connections: 2
  initial-connections: 1
  article-timeout: 30
  response-timeout: 15
  streaming: true
}
peer peerB {
  ip-name: 127.0.0.5
  port-number: 22131
  max-connections: 1
  initial-connections: 1
  article-timeout: 30
  response-timeout: 15
  streaming: false
}
X
cat > $R/etc/readers.conf <<X
auth "anyone" {
    hosts: "*"
    default: "<anon>"
}
auth "users" {
    hosts: "*"
    auth: "ckpasswd -f $R/etc/passwd.nntp"
}
access "anon" {
    users: "<anon>"
    newsgroups: "*,!local.private"
    access: R
}
access "users" {
    users: "*,!<anon>"
    newsgroups: "*"
    access: RPA
}
X
python3 -W ignore -c "
import crypt
for u,p in [('alice','wonder1'),('bob','builder2'),('carol','xmas3')]:
    print(u+':'+crypt.crypt(p, crypt.mksalt(crypt.METHOD_MD5)))" > $R/etc/passwd.nntp
cat > $R/etc/control.ctl <<'X'
all:*:*:drop
checkgroups:*:*:log
ihave:*:*:drop
sendme:*:*:drop
sendsys:*:*:log
senduuname:*:*:log
version:*:*:log
newgroup:*:*:log
newgroup:*@example.test:local.*:doit
rmgroup:*:*:log
rmgroup:*@example.test:local.*:doit
X
cp /etc/news/control.ctl.local $R/etc/ 2>/dev/null; : > $R/etc/control.ctl.local
cat > $R/filter/filter_innd.pl <<'X'
sub filter_art {
    my $s = $hdr{'Subject'};
    return "Spam subject rejected" if $s =~ /MAKE MONEY/;
    return "";
}
sub filter_mode {
    return;
}
1;
X
cat > $R/db/active <<'X'
control 0000000000 0000000001 n
control.cancel 0000000000 0000000001 n
control.newgroup 0000000000 0000000001 n
control.rmgroup 0000000000 0000000001 n
control.checkgroups 0000000000 0000000001 n
junk 0000000000 0000000001 n
local.test 0000000000 0000000001 y
local.misc 0000000000 0000000001 y
local.private 0000000000 0000000001 y
local.moderated 0000000000 0000000001 m
local.noposting 0000000000 0000000001 n
comp.lang.c 0000000000 0000000001 y
alt.test 0000000000 0000000001 y
X
: > $R/db/active.times
awk '{print $1"\tSome group "$1}' $R/db/active > $R/db/newsgroups
: > $R/db/history
chown -R news:news $R
chmod 700 $R/etc/passwd.nntp
su news -s /bin/sh -c "INNCONF=$R/etc/inn.conf /usr/lib/news/bin/makedbz -i -o -f $R/db/history"
cat > $R/rsyslog.conf <<X
global(workDirectory="$R/rs")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$R/log.sock" RateLimit.Interval="0" CreatePath="on")
news.*  $R/news.debug
X
