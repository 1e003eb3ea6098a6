#!/bin/bash
# Round-10 corpus workload: InspIRCd 3.15 (Debian 12 package `inspircd`), two linked servers on
# 127.0.0.1 (client ports 20667/20677, server-link ports 20668/20678, HTTP stats 20680, a fake
# link peer on 20679 opened by clients.py), the
# first server logging at level "debug" to its own file, type="* -USERINPUT -USEROUTPUT -SERVICE".
# Randomised raw-socket IRC clients (clients.py, next to this script) for DURATION seconds:
# registrations, nick changes and collisions, joins/parts, channel modes, kicks, bans, floods,
# opers with right/wrong passwords, X-lines, filters, module loads, links split and rejoined,
# REHASH/SIGHUP (one with a broken config), RESTART, and a final DIE.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
# Writes OUT_DIR/inspircd.log (default: the folder of this script), unchanged.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-130}
W=/tmp/r10irc
command -v inspircd >/dev/null || { apt-get update -q; DEBIAN_FRONTEND=noninteractive apt-get install -y -q inspircd; }
for p in $W/s1/inspircd.pid $W/s2/inspircd.pid; do [ -s $p ] && kill "$(cat $p)" 2>/dev/null; done
sleep 1; rm -rf $W; mkdir -p $W/s1 $W/s2

sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
# gen NAME SID CLIENTPORT LINKPORT PEERNAME PEERPORT DIR LOGLEVEL
gen() {
cat > "$7/inspircd.conf" <<EOF
<server name="$1" description="Round10 test server $2" id="$2" network="R10Net">
<admin name="Round Ten" nick="admin" email="admin@r10.test">
<bind address="127.0.0.1" port="$3" type="clients">
<bind address="127.0.0.1" port="$4" type="servers">
<connect name="users" allow="127.0.0.128/26" timeout="10" threshold="5" commandrate="8000" pingfreq="25" hardsendq="262144" softsendq="8192" recvq="4096" localmax="3" globalmax="4" maxchans="8" resolvehostnames="no" limit="150">
<connect name="deny66" deny="127.0.0.66" reason="This address is not welcome here.">
<connect name="opers" allow="127.0.0.1" timeout="20" commandrate="20000" pingfreq="60" hardsendq="1048576" softsendq="65536" recvq="65536" localmax="50" globalmax="50" resolvehostnames="no" limit="60">
<connect name="locked" allow="127.0.0.77" password="letmein" timeout="10" pingfreq="30" localmax="3" globalmax="3" resolvehostnames="no">
<connect name="tiny" allow="127.0.0.25?" timeout="8" pingfreq="15" hardsendq="3000" softsendq="1000" recvq="1024" localmax="2" globalmax="2" resolvehostnames="no">
<connect name="dns" allow="127.0.0.3*" timeout="12" pingfreq="40" localmax="3" globalmax="3" resolvehostnames="yes">
<connect name="others" allow="127.0.0.0/8" timeout="10" threshold="5" commandrate="8000" pingfreq="25" hardsendq="262144" softsendq="8192" recvq="4096" localmax="3" globalmax="4" maxchans="8" resolvehostnames="no" limit="150">
<class name="Shutdown" commands="DIE RESTART REHASH LOADMODULE UNLOADMODULE RELOADMODULE">
<class name="ServerLink" commands="CONNECT SQUIT RCONNECT RSQUIT MKPASSWD">
<class name="BanControl" commands="KILL GLINE KLINE ZLINE QLINE ELINE SHUN CBAN FILTER CLONES">
<class name="OperChat" commands="WALLOPS GLOBOPS">
<class name="HostCloak" commands="SETHOST SETIDENT CHGNAME CHGHOST CHGIDENT SETNAME">
<class name="SA" commands="SAJOIN SAPART SANICK SAMODE SAKICK SAQUIT SATOPIC" privs="users/auspex channels/auspex servers/auspex users/mass-message">
<type name="NetAdmin" classes="OperChat BanControl HostCloak Shutdown ServerLink SA" vhost="netadmin.r10.test" modes="+s +cCqkoxn">
<type name="Helper" classes="HostCloak OperChat" vhost="helper.r10.test">
<oper name="root" password="$(sha root-$2)" hash="sha256" host="*@127.0.0.1" type="NetAdmin">
<oper name="helper" password="helpme" host="*@127.0.0.*" type="Helper">
<oper name="remote" password="farfaraway" host="*@10.9.8.7" type="NetAdmin">
<files motd="$7/motd.txt">
<dns server="127.0.0.1" timeout="3">
<pid file="$7/inspircd.pid">
<options prefixquit="Quit: " syntaxhints="yes" announcets="yes" hostintopic="yes" pingwarning="5" defaultmodes="nt">
<security announceinvites="dynamic" hideserver="" userstats="Pu" maxtargets="10" runasuser="" runasgroup="">
<performance quietbursts="yes" softlimit="1024" somaxconn="128" netbuffersize="10240" clonesonconnect="yes">
<whowas groupsize="10" maxgroups="1000" maxkeep="3d">
<badnick nick="ChanServ" reason="Reserved For Services">
<badnick nick="Nick*Serv" reason="Reserved For Services">
<badhost host="*@127.0.0.99" reason="Host banned by configuration">
<badip ipmask="127.0.0.98" reason="IP banned by configuration">
<exception host="*@127.0.0.1" reason="Operator host">
<channels users="8" opers="60">
<limits maxnick="20" maxchan="32" maxmodes="20" maxident="10" maxquit="120" maxtopic="200" maxkick="120" maxreal="80" maxaway="120">
<maxlist chan="*" limit="20">

<module name="sha256">
<module name="password_hash">
<module name="spanningtree">
<module name="operlog">
<operlog tosnomask="no">
<module name="filter">
<filteropts engine="glob" notifyuser="yes" warnonselfmsg="no">
<keyword pattern="*qwerty*" reason="You qwertied!" action="block" flags="pn">
<keyword pattern="*killmenow*" reason="As you request." action="kill" flags="*">
<keyword pattern="*buy cheap*" reason="Spam is not allowed" action="gline" duration="45s" flags="pn">
<keyword pattern="*warnme*" reason="Watch your language" action="warn" flags="pn">
<keyword pattern="*shhh*" reason="Silent filter" action="silent" flags="pnP">
<module name="regex_glob">
<module name="xline_db">
<xlinedb filename="$7/xline.db" saveperiod="5s">
<module name="permchannels">
<permchanneldb filename="$7/permchannels.conf" listmodes="yes" saveperiod="5s" operonly="yes">
<include file="$7/permchannels.conf" missingokay="yes">
<module name="connectban">
<connectban threshold="6" banmessage="Too many connections from your address, wait a while." banduration="40s" ipv4cidr="32" ipv6cidr="128" bootwait="10s" splitwait="10s">
<module name="connflood">
<connflood period="3" maxconns="10" timeout="4" quitmsg="Throttled" bootwait="20s">
<module name="messageflood">
<module name="nickflood">
<module name="repeat">
<repeat maxbacklog="10" maxdistance="30" maxlines="10" maxtime="0s" size="512" kickmessage="Repeat flood">
<module name="sajoin">
<module name="sanick">
<module name="samode">
<module name="globops">
<module name="chghost">
<module name="shun">
<shun enabledcommands="PING PONG QUIT" notifyuser="yes" affectopers="no">
<module name="cban">
<module name="operjoin">
<operjoin channel="#opers" override="no">
<module name="denychans">
<badchan name="#warez*" reason="No warez channels">
<module name="disable">
<disabled commands="SUMMON USERS" usermodes="" chanmodes="" fakenonexistent="no" notifyopers="yes">
<module name="httpd">
<module name="httpd_stats">
EOF
if [ "$2" = 10A ]; then cat >> "$7/inspircd.conf" <<EOF
<bind address="127.0.0.1" port="20680" type="httpd">
<httpd timeout="10">
<link name="ghost.r10.test" ipaddr="127.0.0.1" port="20669" allowmask="127.0.0.1" timeout="5" sendpass="boo" recvpass="boo">
<link name="fake.r10.test" ipaddr="127.0.0.1" port="20679" allowmask="127.0.0.0/8" timeout="5" sendpass="realpass" recvpass="realpass">
EOF
fi
cat >> "$7/inspircd.conf" <<EOF
<link name="$5" ipaddr="127.0.0.1" port="$6" allowmask="127.0.0.1" timeout="15" sendpass="linkpw" recvpass="linkpw">
<autoconnect period="20" server="$5">
<log method="file" type="* -USERINPUT -USEROUTPUT -SERVICE" level="$8" flush="1" target="$7/inspircd.log">
EOF
printf 'Welcome to %s\n\nBe nice.\nThis server is part of a test network.\n' "$1" > "$7/motd.txt"
}
gen irc.r10.test 10A 20667 20668 hub2.r10.test 20678 $W/s1 debug
gen hub2.r10.test 20B 20677 20678 irc.r10.test 20668 $W/s2 default
chown -R irc:irc $W

start() { runuser -u irc -- /usr/sbin/inspircd --config=$W/$1/inspircd.conf --nofork >>$W/$1/stdout.txt 2>&1 & }
start s1; sleep 2; start s2; sleep 3

# The client workload (also kills/restarts s2, edits and rehashes s1's config, RESTARTs s1, DIEs).
python3 "$HERE/clients.py" --duration "$DURATION" --dir $W
sleep 2
for p in $W/s1/inspircd.pid $W/s2/inspircd.pid; do [ -s $p ] && kill "$(cat $p)" 2>/dev/null; done
sleep 2
cp $W/s1/inspircd.log "$OUT/inspircd.log"
wc -l "$OUT/inspircd.log"
