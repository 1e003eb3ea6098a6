#!/bin/bash
# Round-17 corpus workload: ircd-hybrid 8.2 (Debian 12 package ircd-hybrid), private config, every
# log type (ircd, user, oper, kill, kline, dline, xline, resv, debug) sent to one file, plus
# randomised raw-socket IRC clients (clients.py, beside this script) on 127.0.0.1 ports 43660-43669 only.
# Run as root on Debian 12: apt-get install -y ircd-hybrid python3; bash workload.sh [DURATION]  (the log here: bash workload.sh 290)
# Writes /work/round17/ircdhybrid/ircdhybrid.raw.log (copy / cut into ircdhybrid.log).
set -u
DURATION=${1:-240}
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r17ircd; rm -rf $W; mkdir -p $W/db; LOG=$W/ircd.log
cat > $W/ircd.conf <<CONF
serverinfo { name = "hub.r17.test"; sid = "7RX"; description = "round17 test"; network_name = "R17Net"; hub = yes; };
admin { name = "Admin"; description = "r17"; email = "<admin@r17.test>"; };
class { name = "users"; ping_time = 40 seconds; number_per_ip_local = 40; number_per_ip_global = 60; max_number = 30; sendq = 100 kbytes; recvq = 2560 bytes; };
class { name = "tight"; ping_time = 20 seconds; number_per_ip_local = 2; max_number = 3; sendq = 8 kbytes; recvq = 1024 bytes; };
class { name = "opers"; ping_time = 90 seconds; number_per_ip_local = 10; max_number = 100; sendq = 100 kbytes; };
class { name = "server"; ping_time = 30 seconds; connectfreq = 20 seconds; max_number = 2; sendq = 2 megabytes; };
listen { host = "127.0.0.1"; port = 43667, 43668; };
auth { user = "vip*@127.0.0.1"; password = "club"; class = "tight"; spoof = "vip.r17.test"; flags = need_password, can_flood; };
auth { user = "*@127.0.0.1"; class = "users"; };
operator { name = "root"; user = "*@127.0.0.1"; password = "opensesame"; encrypted = no; class = "opers"; umodes = locops, servnotice, wallop;
  flags = admin, squit, connect, connect:remote, die, dline, globops, kill, kill:remote, kline, locops, module, opme, rehash, remoteban, restart, set, unkline, undline, unxline, xline, resv, unresv, close, wallops; };
operator { name = "helper"; user = "*@10.9.9.9"; password = "helperpw"; encrypted = no; class = "opers"; flags = kill; };
connect { name = "leaf.r17.test"; host = "127.0.0.1"; port = 43669; send_password = "linkpw"; accept_password = "linkpw"; class = "server"; flags = autoconn; };
connect { name = "leaf2.r17.test"; host = "127.0.0.1"; port = 43666; send_password = "x"; accept_password = "y"; class = "server"; };
resv { mask = "NickServ"; reason = "Reserved for services"; };
resv { mask = "#warez*"; reason = "No warez"; };
gecos { name = "*badbot*"; reason = "Bad bot"; };
kill { user = "evil*@127.0.0.1"; reason = "Evil users not welcome"; };
channel { max_channels = 15; };
general { disable_auth = yes; ping_cookie = no; throttle_count = 100; throttle_time = 1 second; max_nick_changes = 3; max_nick_time = 20 seconds;
  anti_spam_exit_message_time = 5 seconds; stats_e_disabled = no; failed_oper_notice = yes; short_motd = no; max_targets = 4; kill_chase_time_limit = 90 seconds; default_floodcount = 10; };
modules { path = "/usr/lib/ircd-hybrid/modules"; path = "/usr/lib/ircd-hybrid/modules/autoload"; };
log { use_logging = yes;
  file { type = oper; name = "$LOG"; size = unlimited; };
  file { type = user; name = "$LOG"; size = unlimited; };
  file { type = kill; name = "$LOG"; size = unlimited; };
  file { type = kline; name = "$LOG"; size = unlimited; };
  file { type = dline; name = "$LOG"; size = unlimited; };
  file { type = xline; name = "$LOG"; size = unlimited; };
  file { type = resv; name = "$LOG"; size = unlimited; };
  file { type = debug; name = "$LOG"; size = unlimited; };
};
CONF
echo "Welcome to R17Net" > $W/ircd.motd
chown -R irc:irc $W
start() {
  su -s /bin/sh irc -c "/usr/sbin/ircd-hybrid -foreground -configfile $W/ircd.conf -logfile $LOG -pidfile $W/ircd.pid \
    -klinefile $W/db/kline.db -dlinefile $W/db/dline.db -xlinefile $W/db/xline.db -resvfile $W/db/resv.db" >>$W/stderr 2>&1 &
  sleep 2
}
start
# RESTART re-execs a path Debian does not ship, so act as the init system: start it again if it died
( while [ ! -f $W/stop ]; do sleep 3; [ -f $W/stop ] && break
    pgrep -u irc -f "configfile $W/ircd.conf" >/dev/null || start; done ) &
WATCH=$!
python3 "$HERE/clients.py" "$DURATION" "$W" || true
touch $W/stop; sleep 2
pid=$(cat $W/ircd.pid 2>/dev/null) && kill "$pid" 2>/dev/null
wait $WATCH 2>/dev/null; sleep 2
cp $LOG "$HERE/ircdhybrid.raw.log"
