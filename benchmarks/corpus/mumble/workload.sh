#!/bin/bash
# Round-10 corpus workload: Mumble server murmurd 1.3.4 (Debian 12 package `mumble-server`) with
# its own log file (`logfile=` in a private ini, started with -v), bound to 127.0.0.1:17640 (second
# virtual server created over Ice on 17642, Ice on 17645). Randomised clients (clients.py, pymumble
# plus raw sockets plus ZeroC Ice administration) connect, leave, move between channels, create,
# rename, move and remove channels, register (certificates), fail passwords and server passwords,
# use invalid and duplicate names, get kicked and banned (SuperUser and Ice), send garbage, idle
# until timeout, flood the server (server full, autoban); between phases the log is reopened with
# SIGHUP, virtual server 1 is stopped and started over Ice, and murmurd is restarted; it is
# stopped with SIGTERM at the end. The first 2,500 lines of the log file are copied unchanged to
# mumble.log.
#
# Run as root on Debian 12:
#   apt-get install -y mumble-server python3-zeroc-ice zeroc-ice-slice libopus0 python3-venv openssl
#   bash workload.sh [PHASE_SECONDS (default 130)]
# (creates the client venv /opt/r10-mumble-venv with pymumble 1.6.1, protobuf 3.20.3, opuslib 3.0.1)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
PHASE=${1:-130}
W=/tmp/r10-mumble
PORT=17640; PORT2=17642; ICE=17645
SECRET=r10-ice-$RANDOM
SUPW=su-$RANDOM$RANDOM
VENV=/opt/r10-mumble-venv
r() { echo $((RANDOM % $1)); }

if [ ! -x $VENV/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages $VENV
  $VENV/bin/pip install -q --no-deps pymumble==1.6.1 protobuf==3.20.3 opuslib==3.0.1
fi

stop_murmur() {
  if [ -f $W/murmur.pid ]; then
    local pid; pid=$(cat $W/murmur.pid)
    kill "$pid" 2>/dev/null
    for i in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    sleep 1
  fi
}
stop_murmur
rm -rf $W; mkdir -p $W/certs

cat > $W/murmur.ini <<EOF
database=$W/murmur.sqlite
logfile=$W/murmur.log
pidfile=$W/murmur.pid
host=127.0.0.1
port=$PORT
ice="tcp -h 127.0.0.1 -p $ICE"
icesecretwrite=$SECRET
welcometext="Welcome to the round-10 test server"
serverpassword=
users=9
timeout=8
bonjour=false
uname=mumble-server
autobanAttempts=25
autobanTimeframe=5
autobanTime=4
textmessagelength=300
[Ice]
Ice.Warn.UnknownProperties=1
Ice.MessageSizeMax=65536
EOF

for who in reg_anna reg_boris reg_chen reg_dora; do
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$who" \
    -keyout $W/certs/$who.key -out $W/certs/$who.crt >/dev/null 2>&1
done
chown -R mumble-server $W

start_murmur() { murmurd -ini $W/murmur.ini -v; sleep 3; }
clients() { $VENV/bin/python "$HERE/clients.py" "$1" $PORT $PORT2 $ICE $SECRET $SUPW $W/certs ${2:-run} 2>>$W/clients.err; }

murmurd -ini $W/murmur.ini -supw "$SUPW" >/dev/null 2>&1   # set the SuperUser password (creates the database)
start_murmur
clients 5 setup
clients $PHASE                       # phase 1
kill -HUP "$(cat $W/murmur.pid)"     # reopen the log file
sleep 1
clients $((PHASE / 2))               # phase 2
clients 5 bounce                     # stop and start virtual server 1 over Ice
clients $((PHASE / 2))
stop_murmur                          # restart murmurd
sleep 1
start_murmur
clients $PHASE                       # phase 3
stop_murmur

head -n 2500 $W/murmur.log > "$HERE/mumble.log"   # keep at most 2,500 lines (cut at a line boundary)
wc -l $W/murmur.log "$HERE/mumble.log"
