#!/bin/bash
# Runs inside the private namespaces (called by workload.sh).
set -u
D=/work/round21/openntpd; R=$D/run
R_() { echo $((RANDOM % $1)); }
ip link set lo up
mount -t tmpfs none /run; mkdir -p /run/openntpd; chmod 755 /run/openntpd
mount --bind $R/state /var/lib/openntpd
{ echo "127.0.0.1 localhost"; for i in 60 61 62 63 64 65; do echo "127.0.0.$i pool.ntp.test"; done; echo "127.0.0.66 single.ntp.test"; } > $R/hosts
mount --bind $R/hosts /etc/hosts
[ $(R_ 2) = 0 ] && echo "-12.5" > $R/state/db/ntpd.drift   # sometimes an existing drift file

mkconf() {
  { echo "listen on 127.0.0.1"
    [ $(R_ 2) = 0 ] && echo "listen on 127.0.0.250"
    echo "servers pool.ntp.test"
    echo "server single.ntp.test"
    echo "server nosuch.invalid"
    for i in $(seq 10 $((150 + $(R_ 20)))); do echo "server 127.0.0.$i"; done
    echo "server 127.0.0.99"
  } > $R/ntpd.conf
}
mkconf

RESP=
start_resp() { python3 $D/ntpresp.py 10 170 & RESP=$!; sleep 0.3; }
stop_resp() { kill $RESP; wait $RESP 2>/dev/null; }
NTPD=
start_ntpd() { setpriv --bounding-set -sys_time ntpd -d -v $1 -f $R/ntpd.conf 2>>$R/ntpd.log & NTPD=$!; sleep 1; }
stop_ntpd() { kill $NTPD; wait $NTPD 2>/dev/null; sleep 0.5; }

clients() { # query ntpd's own server, valid and garbage packets
  python3 - "$@" <<'PY'
import os, random, socket, struct, time
for _ in range(random.randint(5, 20)):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.3)
    s.bind(("127.0.0.%d" % random.randint(200, 220), 0))
    r = random.random()
    if r < 0.6:
        pkt = struct.pack("!BBbb", (0 << 6) | (4 << 3) | 3, 0, 6, -20) + bytes(36) + struct.pack("!II", int(time.time()) + 2208988800, random.getrandbits(32))
    elif r < 0.8:
        pkt = os.urandom(random.randint(1, 47))
    else:
        pkt = struct.pack("!B", random.choice([0x1c, 0x26, 0xe3, 0x17])) + os.urandom(47)
    s.sendto(pkt, ("127.0.0.1", 123))
    try: s.recv(100)
    except OSError: pass
    s.close(); time.sleep(random.uniform(0, 0.2))
PY
}

start_resp
start_ntpd ""
for t in $(seq $((35 + $(R_ 15)))); do sleep 1; [ $(R_ 8) = 0 ] && clients; [ $(R_ 15) = 0 ] && ntpctl -s all >/dev/null 2>&1; done
# all upstream servers die
stop_resp
sleep $((20 + $(R_ 10)))
start_resp
for t in $(seq $((25 + $(R_ 10)))); do sleep 1; [ $(R_ 8) = 0 ] && clients; done
# SIGHUP, then a restart with -s (set time at start-up; the clock cannot be set here)
kill -HUP $NTPD; sleep 2
stop_ntpd
mkconf
start_ntpd -s
for t in $(seq $((35 + $(R_ 15)))); do sleep 1; [ $(R_ 8) = 0 ] && clients; [ $(R_ 15) = 0 ] && ntpctl -s peers >/dev/null 2>&1; done
# servers die again briefly, then shutdown
stop_resp
sleep $((10 + $(R_ 10)))
start_resp
sleep $((10 + $(R_ 10)))
stop_ntpd
stop_resp
cp $R/ntpd.log $D/full.log
