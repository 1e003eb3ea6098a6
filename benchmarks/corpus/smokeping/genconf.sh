#!/bin/bash
# genconf.sh RUNDIR MODE : writes a randomised SmokePing config to RUNDIR/smokeping.conf
# MODE: multi (several probes), single (concurrentprobes=no), one (only FPing), notargets (probes without targets), broken (invalid key)
R=$1; MODE=${2:-multi}; D=$(cd "$(dirname "$0")" && pwd)
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
CP=yes; [ "$MODE" = single ] && CP=no
STEP=${SP_STEP:-10}
cat > "$R/smokeping.conf" <<CONF
*** General ***
owner    = Workload Tester
contact  = root@localhost
mailhost = 127.0.0.1
cgiurl   = http://127.0.0.1:29088/smokeping.cgi
concurrentprobes = $CP
imgcache = $R/cache
imgurl   = ../smokeping/images
datadir  = $R/data
piddir  = $R/pid
smokemail = /etc/smokeping/smokemail
tmail = /etc/smokeping/tmail
dyndir = $R/data/__cgi

*** Database ***
step     = $STEP
pings    = ${SP_PINGS:-3}

AVERAGE  0.5   1  1008
AVERAGE  0.5  12  4320
    MIN  0.5  12  4320
    MAX  0.5  12  4320

*** Presentation ***
template = /etc/smokeping/basepage.html
charset = utf-8

+ overview
width = 600
height = 50
range = 10h

+ detail
width = 600
height = 200
unison_tolerance = 2

"Last 3 Hours"    3h

*** Alerts ***
to = |$D/alert.sh
from = smokealert@localhost

+bigloss
type = loss
pattern = ==0%,==0%,>$(pick 0 20 50)%
edgetrigger = yes
comment = sudden loss

+lossclear
type = matcher
pattern = CheckLoss(l=>$(pick 1 2),x=>$(pick 1 2))
edgetrigger = yes
comment = loss seen over samples

+stillloss
type = loss
pattern = >$(pick 10 50 90)%
comment = loss still there

+highrtt
type = matcher
pattern = CheckLatency(l=>$(pick 1 5 50),x=>$(pick 1 2))
edgetrigger = yes
comment = rtt above limit

+medianjump
type = matcher
pattern = Median(old=>2,new=>1,diff=>1)
edgetrigger = yes
comment = median jumped

CONF
if [ "$MODE" = broken ]; then
  printf '\n*** Probes ***\n\n+ FPing\nbinary = /usr/bin/fping\nbogus_key = $RANDOM\n\n*** Targets ***\nprobe = FPing\nmenu = Top\ntitle = Top\n' >> "$R/smokeping.conf"
  return 0 2>/dev/null || exit 0
fi
echo '*** Probes ***' >> "$R/smokeping.conf"
if [ "$MODE" != none ]; then
cat >> "$R/smokeping.conf" <<CONF

+ FPing
binary = /usr/bin/fping
$( [ $((RANDOM%2)) = 0 ] && echo "step = $STEP" )
$( [ $((RANDOM%2)) = 0 ] && echo "offset = $(pick 10% 50% 90%)" )
CONF
fi
if [ "$MODE" = multi ] || [ "$MODE" = single ] || [ "$MODE" = notargets ]; then
cat >> "$R/smokeping.conf" <<CONF

+ Curl
binary = /usr/bin/curl
forks = $(pick 2 3 5)
$( [ $((RANDOM%2)) = 0 ] && echo "offset = $(pick 20% 60%)" )
urlformat = http://%host%:29080/
timeout = 3

+ AnotherSSH
forks = $(pick 2 4)
timeout = 2
port = 29022
CONF
fi
cat >> "$R/smokeping.conf" <<CONF

*** Targets ***
probe = FPing
menu = Top
title = Local smokeping workload
remark = workload

+ Local
menu = Local
title = Loopback hosts

++ lo1
menu = lo1
title = 127.0.0.1
host = 127.0.0.1
alerts = bigloss,lossclear,highrtt,medianjump

++ lo$((RANDOM%200+2))
menu = lo-random
title = random loopback
host = 127.0.$((RANDOM%250)).$((RANDOM%250+1))
alerts = stillloss,medianjump
CONF
if [ "$MODE" = multi ] || [ "$MODE" = single ]; then
cat >> "$R/smokeping.conf" <<CONF

+ Web
menu = Web
title = local http
probe = Curl

++ ok
menu = ok
title = ok
host = 127.0.0.1
alerts = highrtt,bigloss

++ flaky
menu = flaky
title = flaky
host = 127.0.0.$((RANDOM%9+1))
urlformat = http://%host%:29080/flaky
alerts = bigloss,lossclear,stillloss

++ slow
menu = slow
title = slow
host = 127.0.0.1
urlformat = http://%host%:29080/slow$RANDOM
alerts = highrtt,stillloss

++ refused
menu = refused
title = refused
host = 127.0.0.1
urlformat = http://%host%:$(pick 29081 29082 29099)/
alerts = stillloss

+ Ssh
menu = Ssh
title = ssh banners
probe = AnotherSSH

++ good
menu = good
title = good
host = 127.0.0.1
port = 29022
alerts = highrtt,medianjump

++ garbage
menu = garbage
title = garbage
host = 127.0.0.1
port = 29023
alerts = stillloss

++ silent
menu = silent
title = silent
host = 127.0.0.1
port = 29024

++ closer
menu = closer
title = closer
host = 127.0.0.1
port = 29025

++ refused
menu = refused
title = refused
host = 127.0.0.1
port = $(pick 29026 29027)
CONF
fi
