#!/bin/bash
# Randomised workload for nebula (tun disabled): a lighthouse/relay and nodes on 127.0.0.x
# (UDP 42001-42007, sshd 42101-42103), all logging at debug level (text) to nebula.log.
# Exercises handshakes, lighthouse queries, tunnels via the ssh debug console, ssh auth
# failures, a rogue-CA node, a blocklisted node, an expiring cert, garbage UDP, SIGHUP
# reloads (good and bad), node crashes and restarts, shutdown.
D=/work/round26/nebula
R=$D/run
LOG=$D/nebula.log
rm -f $LOG
mkdir -p $R
bash $D/mkcerts.sh > /dev/null 2>&1
BLOCK=$(nebula-cert print -path $R/n6.crt -json | python3 -c 'import json,sys;print(json.load(sys.stdin)["fingerprint"])')

gen() {  # gen NAME IDX [variant]
  local n=$1 i=$2 v=${3:-0}
  local ca=$R/ca.crt lh=false relay=false sshport=$((42100 + i)) level=debug
  [ $n = n5 ] && ca=$R/rogueca.crt
  [ $n = lh ] && { lh=true; relay=true; }
  [ $v = 2 ] && level=info
  {
    echo "pki:"
    echo "  ca: $ca"
    echo "  cert: $R/$n.crt"
    echo "  key: $R/$n.key"
    echo "  blocklist:"
    echo "    - $BLOCK"
    echo "static_host_map:"
    echo "  \"127.77.0.1\": [\"127.0.0.1:42001\"]"
    echo "lighthouse:"
    echo "  am_lighthouse: $lh"
    echo "  interval: $((3 + RANDOM % 5))"
    if [ $lh = false ]; then echo "  hosts:"; echo "    - \"127.77.0.1\""; fi
    echo "  advertise_addrs:"
    echo "    - \"127.0.0.$i:4200$i\""
    echo "  remote_allow_list:"
    echo "    \"0.0.0.0/0\": false"
    echo "    \"127.0.0.0/8\": true"
    echo "    \"::/0\": false"
    echo "  local_allow_list:"
    echo "    \"0.0.0.0/0\": false"
    echo "    \"::/0\": false"
    echo "listen:"
    echo "  host: 127.0.0.$i"
    echo "  port: 4200$i"
    echo "punchy:"
    echo "  punch: true"
    echo "  respond: true"
    echo "  delay: 1s"
    echo "relay:"
    echo "  am_relay: $relay"
    echo "  use_relays: true"
    if [ $lh = false ]; then echo "  relays:"; echo "    - 127.77.0.1"; fi
    echo "tun:"
    echo "  disabled: true"
    echo "  dev: neb$i"
    echo "logging:"
    echo "  level: $level"
    echo "  format: text"
    echo "  timestamp_format: \"2006-01-02T15:04:05.000Z07:00\""
    echo "handshakes:"
    echo "  try_interval: 100ms"
    echo "  retries: $((5 + RANDOM % 6))"
    echo "timers:"
    echo "  connection_alive_interval: 3"
    echo "  pending_deletion_interval: 6"
    if [ $i -le 3 ]; then
      echo "sshd:"
      echo "  enabled: true"
      echo "  listen: 127.0.0.1:$sshport"
      echo "  host_key: $R/ssh_host"
      echo "  authorized_users:"
      echo "    - user: admin"
      echo "      keys:"
      echo "        - \"$(cat $R/ssh_admin.pub)\""
    fi
    echo "firewall:"
    echo "  conntrack:"
    echo "    tcp_timeout: 12m"
    echo "    udp_timeout: 3m"
    echo "    default_timeout: 10m"
    echo "  outbound:"
    echo "    - port: any"
    echo "      proto: any"
    echo "      host: any"
    echo "  inbound:"
    echo "    - port: any"
    echo "      proto: icmp"
    echo "      host: any"
    if [ $v = 1 ]; then
      echo "    - port: 443"
      echo "      proto: tcp"
      echo "      group: web"
      echo "    - port: 5432"
      echo "      proto: tcp"
      echo "      groups:"
      echo "        - db"
      echo "        - ssh"
    fi
    if [ $v = 3 ]; then
      echo "    - port: notaport"
      echo "      proto: tcp"
      echo "      host: any"
    fi
  } > $R/$n.yml
}

start() {  # start NAME IDX
  gen $1 $2 $((RANDOM % 2))
  nebula -config $R/$1.yml >> $LOG 2>&1 &
  echo $! > $R/$1.pid
  sleep 0.5
}
stop() {  # stop NAME [signal]
  [ -f $R/$1.pid ] && kill -${2:-TERM} $(cat $R/$1.pid) 2>/dev/null
  sleep 1
  rm -f $R/$1.pid
}
hup() { gen $1 $2 ${3:-$((RANDOM % 2))}; [ -f $R/$1.pid ] && kill -HUP $(cat $R/$1.pid); sleep 1; }

sshc() {  # sshc PORT KEY CMD...
  local p=$1 k=$2; shift 2
  timeout 8 ssh -q -p $p -i $R/$k -o BatchMode=yes -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes admin@127.0.0.1 "$@" > /dev/null 2>&1
}

garbage() {
  python3 - "$@" <<'PY'
import os, random, socket, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.%d" % random.randint(60, 90), 42000 + random.randint(50, 99)))
for _ in range(random.randint(1, 4)):
    kind = random.random()
    if kind < 0.3:
        data = os.urandom(random.randint(1, 15))
    elif kind < 0.6:
        # version 1 header, random type/subtype, random index
        data = bytes([0x10 | random.randint(0, 6), random.randint(0, 3)]) + os.urandom(14 + random.randint(0, 60))
    else:
        data = os.urandom(random.randint(16, 200))
    s.sendto(data, ("127.0.0.%d" % (port - 42000), port))
PY
}

action() {
  case $((RANDOM % 16)) in
    0) sshc 42102 ssh_admin create-tunnel 127.77.0.$((3 + RANDOM % 2)) ;;
    1) sshc 42103 ssh_admin create-tunnel 127.77.0.$((RANDOM % 2 * 2 + 2)) ;;
    2) sshc $((42101 + RANDOM % 3)) ssh_admin query-lighthouse 127.77.0.$((2 + RANDOM % 6)) ;;
    3) sshc $((42102 + RANDOM % 2)) ssh_admin close-tunnel 127.77.0.$((2 + RANDOM % 3)) ;;
    4) sshc $((42101 + RANDOM % 3)) ssh_intruder list-hostmap ;;
    5) sshc $((42101 + RANDOM % 3)) ssh_admin list-hostmap; sshc 42101 ssh_admin list-lighthouse-addrmap ;;
    6) sshc 42102 ssh_admin change-remote 127.77.0.3 127.0.0.3:42003 ;;
    7) sshc $((42101 + RANDOM % 3)) ssh_admin print-tunnel 127.77.0.$((1 + RANDOM % 4)) ;;
    8) garbage $((42001 + RANDOM % 4)) ;;
    9) sshc $((42101 + RANDOM % 3)) ssh_admin log-level $(shuf -n1 -e debug info debug) ;;
    10) hup lh 1 ;;
    11) hup n$((2 + RANDOM % 3)) 0 ;;
    12) sshc $((42101 + RANDOM % 3)) ssh_admin reload ;;
    13) sshc 42102 ssh_admin print-relays; sshc 42102 ssh_admin create-tunnel 10.9.9.9 ;;
    14) timeout 3 bash -c "echo garbage | nc -w1 127.0.0.1 4210$((1 + RANDOM % 3))" > /dev/null 2>&1 ;;
    15) sleep 2 ;;
  esac
}

start lh 1
sleep 1
start n2 2
start n3 3
start n4 4
start n7 7
sleep 4
for r in $(seq 16); do
  for a in $(seq $((4 + RANDOM % 5))); do action; done
  case $((RANDOM % 7)) in
    6) hup lh 1 3; sleep 1; hup lh 1 ;;
    0) start n5 5; sleep 3; stop n5 ;;
    1) start n6 6; sleep 3; stop n6 ;;
    2) stop n4 KILL; sleep 4; start n4 4 ;;
    3) stop n3; sleep 2; start n3 3 ;;
    4) hup n2 3; sleep 1; hup n2 0 ;;
    5) stop lh; sleep 3; start lh 1 ;;
  esac
  sleep $((1 + RANDOM % 3))
done
# the short-lived cert has expired by now: restart it (fails) and let peers see it
stop n7; start n7 7; sleep 1; stop n7
start n5 5; start n6 6; sleep 3; stop n5; stop n6
# bad config file
# config test mode, and configs that fail at start-up
nebula -test -config $R/n4.yml >> $LOG 2>&1
sed 's|n4.key|missing.key|' $R/n4.yml > $R/bad1.yml
nebula -config $R/bad1.yml >> $LOG 2>&1
sed 's|"127.77.0.1"$|"10.99.0.1"|' $R/n4.yml > $R/bad2.yml
nebula -config $R/bad2.yml >> $LOG 2>&1
for a in $(seq 6); do action; done
stop n2; stop n3; stop n4; stop lh
