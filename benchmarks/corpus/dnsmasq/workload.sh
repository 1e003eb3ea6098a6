#!/bin/bash
# Round-6 corpus workload: dnsmasq 2.90 (Debian 12 package dnsmasq-base 2.90-4~deb12u2) as DNS
# forwarder/cache and DHCP server inside network namespace r6dnsS (veth vdS 10.77.0.1/24 <-> vdC in
# namespace r6dnsC), logging with log-queries=extra, log-dhcp, log-debug, log-facility=<own file>.
# Upstreams (all on the namespace's own loopback): a scripted DNS server on 127.0.0.1#5300 and #5303
# (answers, NXDOMAIN, SERVFAIL, REFUSED, CNAMEs, slow replies), a dead one on #5301 (nothing listens)
# and a black hole on #5302 (never answers) for one domain.
# Workload for DURATION seconds: cached and uncached queries (UDP and TCP), hosts-file and
# configured names, NXDOMAIN, blocked names, non-local clients, query floods to the black hole,
# DHCP discover/request/renew/release with dhclient, crafted DHCP (INFORM, DECLINE, bad REQUESTs,
# ignored MACs) with scapy, static leases, hosts files changed under inotify, SIGHUP reloads,
# SIGUSR1 cache dumps, SIGUSR2, a restart, SIGTERM stop.
# Needs: dnsmasq-base, isc-dhcp-client, dnsutils, python3-scapy, python3-dnspython.
# Run as root on Debian 12: bash workload.sh [OUT_DIR] [DURATION]
set -u
OUT=${1:-/work/round6/dnsmasq}; DURATION=${2:-150}
W=/tmp/r6dns; S=r6dnsS; C=r6dnsC
LOG=$OUT/dnsmasq.log
cleanup() {
  for p in $W/dnsmasq.pid $W/upstream.pid; do [ -f $p ] && kill "$(cat $p)" 2>/dev/null; rm -f $p; done
  sleep 1; ip netns del $S 2>/dev/null; ip netns del $C 2>/dev/null
}
cleanup; rm -rf $W; mkdir -p $W/hosts.d $OUT; rm -f $LOG
inS() { ip netns exec $S "$@"; }
inC() { ip netns exec $C "$@"; }
ip netns add $S; ip netns add $C
inS ip link set lo up; inC ip link set lo up
ip link add vdS netns $S type veth peer name vdC netns $C
inS ip addr add 10.77.0.1/24 dev vdS; inS ip link set vdS up; inC ip link set vdC up
inC ip addr add 10.88.0.5/32 dev lo            # a "non-local" source address for the client side
inC ip route add 10.77.0.1/32 dev vdC
inC ip route add 10.77.0.0/24 dev vdC 2>/dev/null

# hosts-style files
cat > $W/hosts <<EOF
10.77.0.10 gateway gw
10.77.0.11 nas files
10.77.0.12 printer
10.77.0.13 wiki intranet
10.77.0.14 git
fd77::14 git
10.77.0.20 mail
EOF
cat > $W/hosts.d/lab <<EOF
10.77.0.30 lab1
10.77.0.31 lab2
EOF
cat > $W/dhcp-hosts <<EOF
02:77:00:00:00:01,10.77.0.21,kiosk,30m
02:77:00:00:00:02,10.77.0.22,camera
02:77:00:00:00:03,10.77.0.11,nas
EOF
cat > $W/dhcp-opts <<EOF
option:ntp-server,10.77.0.1
tag:lab,option:domain-search,lab.lan
EOF
cat > $W/dnsmasq.conf <<EOF
no-resolv
no-hosts
addn-hosts=$W/hosts
hostsdir=$W/hosts.d
domain-needed
bogus-priv
local-service
server=127.0.0.1#5300
server=127.0.0.1#5301
server=/blackhole.example/127.0.0.1#5302
server=/corp.example/127.0.0.1#5303
local=/lan/
domain=lan
expand-hosts
address=/ads.example/0.0.0.0
address=/tracker.example/
cname=www.lan,wiki.lan
cname=docs.lan,wiki
mx-host=lan,mail.lan,10
srv-host=_ldap._tcp.lan,nas.lan,389
txt-record=info.lan,"r6 test network"
ptr-record=_http._tcp.lan,"web server._http._tcp.lan"
host-record=router.lan,10.77.0.1
cache-size=60
dns-forward-max=15
log-queries=extra
log-dhcp
log-debug
log-facility=$LOG
pid-file=$W/dnsmasq.pid
dhcp-range=10.77.0.50,10.77.0.69,2m
dhcp-range=10.77.0.0,static
dhcp-leasefile=$W/leases
dhcp-hostsfile=$W/dhcp-hosts
dhcp-optsfile=$W/dhcp-opts
dhcp-host=02:77:00:00:00:0f,ignore
dhcp-host=02:77:00:00:00:04,10.77.0.23,set:lab
dhcp-mac=set:vm,52:54:00:*:*:*
dhcp-vendorclass=set:pxe,PXEClient
dhcp-option=option:router,10.77.0.1
dhcp-option=option:dns-server,10.77.0.1
dhcp-option=tag:vm,option:mtu,1450
dhcp-boot=tag:pxe,pxelinux.0,bootsrv,10.77.0.1
dhcp-authoritative
dhcp-lease-max=40
EOF

# scripted upstream DNS (dnspython) on 127.0.0.1:5300 and :5303, black hole on 127.0.0.1:5302
cat > $W/upstream.py <<'EOF'
import random, socket, threading, time
import dns.message, dns.rcode, dns.rrset, dns.flags
def answer(data):
    q = dns.message.from_wire(data); r = dns.message.make_response(q); r.flags |= dns.flags.RA
    name = q.question[0].name; t = q.question[0].rdtype; label = name.labels[0].decode().lower() if name.labels else ""
    if label.startswith("nx"): r.set_rcode(dns.rcode.NXDOMAIN)
    elif label.startswith("fail"): r.set_rcode(dns.rcode.SERVFAIL)
    elif label.startswith("refuse"): r.set_rcode(dns.rcode.REFUSED)
    elif label.startswith("notimp"): r.set_rcode(dns.rcode.NOTIMP)
    elif label.startswith("slow"): time.sleep(random.uniform(0.5, 2.5)); r.answer.append(dns.rrset.from_text(name, 60, "IN", "A", "198.51.100.%d" % random.randrange(1, 250)))
    elif label.startswith("rebind"): r.answer.append(dns.rrset.from_text(name, 60, "IN", "A", "192.168.%d.%d" % (random.randrange(256), random.randrange(1, 255))))
    elif label.startswith("alias"):
        tgt = "real%d.%s" % (random.randrange(9), name.parent().to_text())
        r.answer.append(dns.rrset.from_text(name, 300, "IN", "CNAME", tgt))
        if t == 1: r.answer.append(dns.rrset.from_text(tgt, 300, "IN", "A", "203.0.113.%d" % random.randrange(1, 250)))
    elif t == 1: r.answer.append(dns.rrset.from_text(name, random.choice([5, 30, 300, 3600]), "IN", "A", *["198.51.100.%d" % random.randrange(1, 250) for _ in range(random.randrange(1, 4))]))
    elif t == 28 and random.random() < 0.5: r.answer.append(dns.rrset.from_text(name, 300, "IN", "AAAA", "2001:db8::%x" % random.randrange(1, 65535)))
    elif t == 15: r.answer.append(dns.rrset.from_text(name, 300, "IN", "MX", "10 mx%d.%s" % (random.randrange(3), name.to_text())))
    elif t == 16: r.answer.append(dns.rrset.from_text(name, 300, "IN", "TXT", '"v=spf1 -all"'))
    elif t == 12: r.answer.append(dns.rrset.from_text(name, 300, "IN", "PTR", "host%d.example.net." % random.randrange(99)))
    return r.to_wire()
def serve(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", port))
    while True:
        data, peer = s.recvfrom(4096)
        def reply(data=data, peer=peer):
            try: s.sendto(answer(data), peer)
            except Exception: pass
        threading.Thread(target=reply, daemon=True).start()
def blackhole():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 5302))
    while True: s.recvfrom(4096)
for f in (lambda: serve(5300), lambda: serve(5303), blackhole): threading.Thread(target=f, daemon=True).start()
time.sleep(100000)
EOF
ip netns exec $S /usr/bin/python3 $W/upstream.py & echo $! > $W/upstream.pid
sleep 1
cat > $W/noop-script <<'EOF'
#!/bin/sh
exit 0
EOF
chmod +x $W/noop-script

# crafted DHCP packets from the client namespace (scapy)
cat > $W/dhcp.py <<'EOF'
import random, sys
from scapy.all import Ether, IP, UDP, BOOTP, DHCP, sendp, conf
conf.verb = 0
kind, mac = sys.argv[1], sys.argv[2]
ip = sys.argv[3] if len(sys.argv) > 3 else "10.77.0.%d" % random.randrange(2, 254)
hw = bytes.fromhex(mac.replace(":", ""))
xid = random.randrange(1, 2**32)
opts = {"inform": [("message-type", "inform")],
        "decline": [("message-type", "decline"), ("requested_addr", ip), ("server_id", "10.77.0.1")],
        "request": [("message-type", "request"), ("requested_addr", ip)],
        "select": [("message-type", "request"), ("requested_addr", ip), ("server_id", "10.77.0.%d" % random.choice([1, 1, 9]))],
        "renew": [("message-type", "request")],
        "discover": [("message-type", "discover"), ("hostname", "box-%d" % random.randrange(99)),
                     ("vendor_class_id", random.choice(["PXEClient:Arch:00000", "MSFT 5.0", "udhcp 1.36", "android-dhcp-13"])),
                     ("param_req_list", random.sample([1, 3, 6, 12, 15, 26, 28, 42, 43, 66, 67, 119, 121, 252], 6))],
        "release": [("message-type", "release"), ("server_id", "10.77.0.1")]}[kind]
ciaddr = ip if kind in ("inform", "renew", "release") else "0.0.0.0"
dst = "10.77.0.1" if kind in ("inform", "renew", "release") else "255.255.255.255"
pkt = (Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=ciaddr, dst=dst) / UDP(sport=68, dport=67) /
       BOOTP(chaddr=hw, xid=xid, ciaddr=ciaddr, flags=0x8000) / DHCP(options=opts + ["end"]))
sendp(pkt, iface="vdC")
EOF

start_dnsmasq() { inS dnsmasq --conf-file=$W/dnsmasq.conf --dhcp-script=$W/noop-script "$@"; sleep 1; }
start_dnsmasq
DM() { cat $W/dnsmasq.pid; }

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
rmac() { printf '02:77:%02x:%02x:%02x:%02x' $(r 4) $(r 256) $(r 256) $(r 256); }
CLIENTS=(); for i in $(seq 12); do CLIENTS+=("$(rmac)"); done
CLIENTS+=(02:77:00:00:00:01 02:77:00:00:00:02 02:77:00:00:00:03 02:77:00:00:00:04 52:54:00:12:34:56 52:54:00:ab:cd:ef)
NAMES=(example.com example.org wiki.example.net api.example.io cdn.example.com shop.example.de news.example.co.uk mail.example.org static.example.net)
q() { inS dig +tries=1 +time=2 "$@" >/dev/null 2>&1; }
qC() { inC dig +tries=1 +time=2 "$@" >/dev/null 2>&1; }
dhc() { # mac [args...]: run dhclient (foreground) for one MAC in the client namespace until it is bound
  local mac=$1; shift; local id=${mac//:/}; local lf=$W/dhc-$id.lease
  inC ip link set vdC address $mac
  printf 'send host-name "%s";\nrequest subnet-mask, broadcast-address, routers, domain-name, domain-name-servers%s;\n' \
    "$(pick pc laptop phone tv printer nas)-$(r 90)" "$(pick "" ", ntp-servers" ", interface-mtu, domain-search")" > $W/dhc-$id.conf
  local before; before=$(cat $lf 2>/dev/null | grep -c '^lease')
  ip netns exec $C dhclient -d -4 -1 -q -cf $W/dhc-$id.conf -sf $W/noop-script -lf $lf -pf $W/dhc-$id.pid "$@" vdC >/dev/null 2>&1 &
  local p=$!
  for i in $(seq 30); do
    sleep 0.2; kill -0 $p 2>/dev/null || break
    [ "$(cat $lf 2>/dev/null | grep -c '^lease')" != "$before" ] && break
  done
  kill $p 2>/dev/null; wait $p 2>/dev/null; rm -f $W/dhc-$id.pid     # SIGTERM: no release
}
stop_dnsmasq() { local p; p=$(DM); kill -TERM $p; for i in $(seq 50); do kill -0 $p 2>/dev/null || break; sleep 0.1; done; sleep 1.5; }
NEXTIP=24; DUMPS=0
END=$((SECONDS + DURATION)); RESTARTED=0
while [ $SECONDS -lt $END ]; do
  n=$(pick "${NAMES[@]}")
  case $(r 30) in
    0|1|2|15) for i in $(seq $((1 + $(r 4)))); do q @127.0.0.1 $(pick A A A AAAA MX TXT) $(pick "${NAMES[@]}"); done ;;                   # often cached after first time
    3) q @127.0.0.1 $(pick A AAAA) "h$RANDOM.$(pick example.com example.net test.example.org)" ;;   # uncached
    4) q @127.0.0.1 "nx$RANDOM.$(pick example.com example.org)"; q @127.0.0.1 "$(pick fail refuse notimp)$(r 99).example.com" ;;
    5) q @127.0.0.1 $(pick A AAAA ANY) $(pick gateway nas printer wiki git mail gateway.lan wiki.lan lab1 lab2.lan unknown$(r 20).lan) ;;
    6) q @127.0.0.1 $(pick www.lan docs.lan info.lan router.lan ads.example x$(r 9).tracker.example) $(pick A TXT AAAA) ;;
    7) q @127.0.0.1 $(pick MX SRV PTR) $(pick lan _ldap._tcp.lan _http._tcp.lan); q -x 10.77.0.$(pick 10 11 12 13 20 1 50 51 99) @127.0.0.1 ;;
    8) q @127.0.0.1 "slow$(r 50).example.com"; q @127.0.0.1 +tcp $n ;;
    9) q @127.0.0.1 "alias$(r 20).$(pick example.com example.net)" $(pick A AAAA) ;;
    10) q -x $(pick 198.51.100.$(r 250) 192.168.$(r 255).$(r 255) 203.0.113.9 8.8.4.4) @127.0.0.1 ;;
    11) q @127.0.0.1 "rebind$(r 9).example.com"; q @127.0.0.1 $(pick intranet localhost-$(r 9) printer) ;;   # single label + private answers
    12) P=(); for i in $(seq $((5 + $(r 20)))); do inS dig +tries=1 +time=1 @127.0.0.1 "q$i-$RANDOM.blackhole.example" >/dev/null 2>&1 & P+=($!); done; wait "${P[@]}" ;;
    13) q @127.0.0.1 "x$RANDOM.corp.example" $(pick A MX) ;;
    14) qC @10.77.0.1 $n; qC @10.77.0.1 -b 10.88.0.5 $(pick "${NAMES[@]}") ;;   # second one from a non-local network
    16|17) m=$(pick "${CLIENTS[@]}"); dhc $m ;;                       # discover/offer/request/ack or init-reboot
    18) m=$(pick "${CLIENTS[@]}"); dhc $m -r ;;                           # release
    19) m=$(pick "${CLIENTS[@]}"); inC /usr/bin/python3 $W/dhcp.py $(pick discover discover inform request select renew decline release) $m $(pick 10.77.0.5$(r 9) 10.77.0.2$(r 5) 10.77.0.1$(r 5) 10.99.0.7) ;;
    20) inC /usr/bin/python3 $W/dhcp.py discover 02:77:00:00:00:0f; q @127.0.0.1 "nx$RANDOM.example.net" ;;   # ignored host
    21) q @127.0.0.1 $(pick A AAAA) "h$RANDOM.example.com"; q @127.0.0.1 +tcp "$(pick fail nx alias)$(r 9).example.org" ;;
    22) if [ $(r 4) = 0 ] && [ $DUMPS -lt 5 ]; then kill -USR1 $(DM); DUMPS=$((DUMPS + 1)); else q @127.0.0.1 $(pick A AAAA) "$(pick nx alias slow)$(r 99).example.net"; fi ;;
    23) kill -HUP $(DM) ;;
    24) echo "10.77.0.$((40 + $(r 9))) lab$((3 + $(r 9)))" >> $W/hosts.d/lab ;;                  # inotify
    25) f=$W/hosts.d/tmp$(r 3); if [ -f $f ]; then rm -f $f; else echo "10.77.0.$((33 + $(r 5))) bench$(r 9)" > $f; fi ;;
    26) if [ $NEXTIP -lt 49 ]; then echo "02:77:00:00:00:$(printf %02x $NEXTIP),10.77.0.$NEXTIP,dev$(r 50)" >> $W/dhcp-hosts; NEXTIP=$((NEXTIP + 1)); fi
        [ $(r 5) = 0 ] && echo "02:77:00:00:00:$(printf %02x $((100 + $(r 50)))),10.77.0.$((24 + $(r 3))),dup$(r 9)" >> $W/dhcp-hosts   # occasional duplicate IP
        kill -HUP $(DM) ;;
    27) if [ $(r 3) = 0 ]; then mv $W/hosts $W/hosts.off; kill -HUP $(DM); sleep 0.5; mv $W/hosts.off $W/hosts
        else kill -USR2 $(DM); fi ;;
    28) if [ $RESTARTED = 0 ] && [ $SECONDS -gt $((END - DURATION / 2)) ]; then
          stop_dnsmasq; start_dnsmasq; RESTARTED=1; fi ;;
    29) for i in $(seq 3); do q @127.0.0.1 $(pick "${NAMES[@]}"); done ;;
  esac
  sleep 0.$(r 5)
done
kill -USR1 $(DM); sleep 0.5
stop_dnsmasq
cleanup
wc -l $LOG
