#!/bin/bash
# Round-12 corpus workload: ZNC 1.8 IRC bouncer (Debian 12 package `znc`) in the foreground with debug
# output (`znc --foreground --debug`, stdout and stderr to znc.log), run as an unprivileged user, connected
# to a private ngIRCd (Debian package `ngircd`) on 127.0.0.1-4:21301 that this script starts, stops and
# restarts. ZNC listens on 127.0.0.1:21300 (IRC and webadmin). Clients (zncload.py, plain sockets and
# urllib): logins with good, wrong and unknown passwords, *status and *controlpanel commands (users and
# networks added and removed, module loads/unloads, jumps, disconnects, rehash, save), webadmin pages and
# logins, plain IRC users on the upstream server, CTCP and line floods; SIGHUP/SIGUSR1, *status Restart,
# upstream outages, ZNC stop and start.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (writes OUT_DIR/znc.log)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-130}
W=/tmp/znc-r12
command -v znc >/dev/null && command -v ngircd >/dev/null || {
  apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y znc ngircd; }
id zncr12 >/dev/null 2>&1 || useradd -r -M -d $W/home -s /usr/sbin/nologin zncr12
rm -rf $W; mkdir -p $W/data/configs $W/home $W/run "$OUT"; chmod 777 $W/run
rm -f "$OUT/znc.log"
export ZNC_PORT=21300 IRC_PORT=21301 ZNC_STATE=$W/state
: > $ZNC_STATE

cat > $W/ngircd.conf <<'EOF'
[Global]
Name = irc.r12.test
Info = round12 upstream ircd
AdminInfo1 = round12
AdminEMail = root@localhost
Listen = 127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4
Ports = 21301
MotdPhrase = "round12 upstream server"
PidFile = /tmp/znc-r12/run/ngircd.pid
[Limits]
MaxConnectionsIP = 0
MaxNickLength = 20
PingTimeout = 60
PongTimeout = 20
[Options]
DNS = no
Ident = no
PAM = no
OperCanUseMode = yes
[Operator]
Name = oper
Password = operpw
[Channel]
Name = #ops
Topic = operators
Modes = +tn
EOF

cat > $W/data/configs/znc.conf <<'EOF'
Version = 1.8.2
AnonIPLimit = 10
ConnectDelay = 2
ServerThrottle = 15
MaxBufferSize = 500
ProtectWebSessions = true
<Listener l>
	Port = 21300
	Host = 127.0.0.1
	IPv4 = true
	IPv6 = false
	SSL = false
	AllowIRC = true
	AllowWeb = true
</Listener>
LoadModule = webadmin
LoadModule = fail2ban 1 4
LoadModule = identfile
LoadModule = lastseen
<User admin>
	Pass = plain#adminpw
	Admin = true
	Nick = zadmin
	AltNick = zadmin_
	Ident = zadmin
	RealName = ZNC admin
	Buffer = 100
	LoadModule = controlpanel
	LoadModule = chansaver
	LoadModule = notes
	<Network local>
		Server = 127.0.0.1 21301
		LoadModule = simple_away
		LoadModule = keepnick
		LoadModule = kickrejoin
		<Chan #ops>
		</Chan>
		<Chan #dev>
		</Chan>
	</Network>
	<Network deadnet>
		Server = 127.0.0.9 21302
	</Network>
</User>
<User alice>
	Pass = plain#alicepw
	Nick = alice
	AltNick = alice_
	Ident = alice
	RealName = Alice Example
	LoadModule = chansaver
	<Network local>
		Server = 127.0.0.1 21301
		LoadModule = route_replies
		LoadModule = perform
		<Chan #lobby>
		</Chan>
		<Chan #dev>
		</Chan>
	</Network>
</User>
EOF
chown -R zncr12 $W/data $W/home
echo "alice alicepw local" > $ZNC_STATE; chmod 666 $ZNC_STATE

start_ircd() {
  # daemons start in subshells, so that the clients' `wait` never waits for them
  ( ngircd -n -f $W/ngircd.conf >> $W/ngircd.out 2>&1 &
    echo $! > $W/ngircd.mypid )
  for i in $(seq 40); do (echo > /dev/tcp/127.0.0.1/21301) 2>/dev/null && break; sleep 0.25; done
}
stop_ircd() {
  local pid; pid=$(cat $W/ngircd.mypid)
  kill "$pid" 2>/dev/null; for i in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
}
start_znc() {
  ( HOME=$W/home setpriv --reuid=zncr12 --regid="$(id -g zncr12)" --init-groups \
      znc --datadir $W/data --foreground --debug >> "$OUT/znc.log" 2>&1 &
    echo $! > $W/znc.mypid )
  for i in $(seq 40); do (echo > /dev/tcp/127.0.0.1/21300) 2>/dev/null && break; sleep 0.25; done
}
stop_znc() {
  local pid; pid=$(cat $W/znc.mypid)
  kill "$pid" 2>/dev/null; for i in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
}
cl() { timeout 30 python3 "$HERE/zncload.py" "$1" >/dev/null 2>&1 || echo "$1 rc=$?" >> $W/clients.err; }
r() { echo $((RANDOM % $1)); }
admin_cmd() {  # one *status command from the admin, attached to network local
  timeout 15 python3 - "$1" <<'PY' >/dev/null 2>&1
import sys, time
sys.path.insert(0, __import__("os").environ["ZNC_HERE"])
from zncload import znc_login, status
c = znc_login("admin", "adminpw", "local")
time.sleep(0.3)
status(c, sys.argv[1], wait=1.0)
c.close()
PY
}
export ZNC_HERE=$HERE

one_action() {
  case $ID in
    0|1|2|3) cl login ;;
    4) cl badpass ;;
    5) cl unknown_user ;;
    6) cl nopass ;;
    7) cl bad_network ;;
    8) cl garbage ;;
    9|10) cl status ;;
    11|12|20) cl controlpanel ;;
    13|14) cl irc_side ;;
    15|19) WEBN=$(( (WEBN + 1) % 7 )); ZNC_WEB_BRANCH=$WEBN cl web ;;
    16) [ $(r 2) = 0 ] && cl ctcp_flood || cl flood_out ;;
    17) cl irc_side & cl login ;;
    18) case $(r 6) in   # signals and admin-only commands
          0) [ $(r 2) = 0 ] && { kill -USR1 "$(cat $W/znc.mypid)"; sleep 0.5; }
             kill -HUP "$(cat $W/znc.mypid)" ;;     # rehash
          1) kill -USR1 "$(cat $W/znc.mypid)" ;;    # write the config
          2) admin_cmd Rehash ;;
          3) admin_cmd SaveConfig ;;
          4) admin_cmd "Broadcast maintenance in $((5 + $(r 50))) minutes" ;;
          5) admin_cmd "Jump" ;;
        esac ;;
  esac
}

# actions are dealt from a shuffled deck (each of the 21 kinds once per deck), parameters at random
deck=()
WEBN=$(r 7)   # webadmin scenarios are taken in turn
next_id() { [ ${#deck[@]} -eq 0 ] && deck=($(shuf -i 0-20)); ID=${deck[0]}; deck=("${deck[@]:1}"); }

run_phase() {  # $1 = seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    next_id
    one_action
    sleep $((2 + $(r 2))).$(r 10)
  done
  wait
}

P=$((DURATION / 6))
start_ircd
start_znc
run_phase $P
stop_ircd                                   # upstream outage: disconnects and reconnect attempts
run_phase $((P / 2))
start_ircd
run_phase $P
admin_cmd Restart                           # ZNC re-executes itself
sleep 3
run_phase $P
stop_znc                                    # SIGTERM: clean shutdown
sleep 1; start_znc
run_phase $P
kill -9 "$(cat $W/ngircd.mypid)"            # upstream crash
sleep 2; start_ircd
run_phase $((DURATION - 4 * P - P / 2))
admin_cmd Shutdown                          # stop through *status
for i in $(seq 20); do kill -0 "$(cat $W/znc.mypid)" 2>/dev/null || break; sleep 0.5; done
kill -0 "$(cat $W/znc.mypid)" 2>/dev/null && stop_znc
stop_ircd
wait
echo "done: $(wc -l < "$OUT/znc.log") lines in $OUT/znc.log"
