#!/bin/bash
# Round-12 corpus workload: Libreswan 4.10 `pluto` (Debian 12 package libreswan 4.10-2+deb12u1),
# three pluto instances in network namespaces r12pA (hub), r12pB, r12pC joined by veth pairs.
# The log kept is the hub's `logfile=` ($OUT/pluto.log); the peers' logs stay in $WORK.
# The Debian package conflicts with strongswan-starter, so it is unpacked (dpkg -x) into /opt
# instead of installed; only its library dependencies are installed.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION_SECONDS]
# (pluto.log here was made with DURATION_SECONDS=420)
set -u
OUT=${1:?out dir}; DURATION=${2:-300}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
WORK=/tmp/r12p; LS=/opt/r12libreswan
export IPSEC_EXECDIR=$LS/usr/libexec/ipsec IPSEC_SBINDIR=$LS/usr/sbin
export PATH=$LS/usr/sbin:$PATH

# ---------------------------------------------------------------- install
if [ ! -x $IPSEC_EXECDIR/pluto ]; then
  apt-get update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libnss3-tools \
    libcurl3-nss libevent-core-2.1-7 libevent-pthreads-2.1-7 libldns3 libunbound8 libcap-ng0 \
    libaudit1 dns-root-data iptables openssl iproute2 python3 >/dev/null
  (cd /tmp && apt-get download libreswan && mkdir -p $LS && dpkg -x libreswan_*_amd64.deb $LS)
fi

# pluto runs /usr/libexec/ipsec/addconn (a compiled-in path): point it at the unpacked tree
MADE_LINK=0
if [ ! -e /usr/libexec/ipsec ]; then ln -s $IPSEC_EXECDIR /usr/libexec/ipsec; MADE_LINK=1; fi

mine() { # pidfile name: true when the pid in the file is still a process of that name
  [ -f "$1" ] && [ "$(cat /proc/$(cat "$1")/comm 2>/dev/null)" = "$2" ]
}
cleanup() {
  for n in A B C; do
    mine $WORK/$n/pluto.pid pluto && kill "$(cat $WORK/$n/pluto.pid)" 2>/dev/null
  done
  sleep 1
  for n in A B C; do ip netns del r12p$n 2>/dev/null; done
}
cleanup
rm -rf $WORK; mkdir -p $WORK; rm -f "$OUT/pluto.log"

# ---------------------------------------------------------------- network
# A (hub) 10.212.1.1 -- B 10.212.1.2 ; A 10.212.2.1 -- C 10.212.2.2 ; subnets 10.213.N.0/24 on lo
for n in A B C; do ip netns add r12p$n; ip -n r12p$n link set lo up; done
ip link add r12pab type veth peer name r12pba
ip link set r12pab netns r12pA; ip link set r12pba netns r12pB
ip link add r12pac type veth peer name r12pca
ip link set r12pac netns r12pA; ip link set r12pca netns r12pC
ip -n r12pA addr add 10.212.1.1/24 dev r12pab; ip -n r12pA link set r12pab up
ip -n r12pB addr add 10.212.1.2/24 dev r12pba; ip -n r12pB link set r12pba up
ip -n r12pA addr add 10.212.2.1/24 dev r12pac; ip -n r12pA link set r12pac up
ip -n r12pC addr add 10.212.2.2/24 dev r12pca; ip -n r12pC link set r12pca up
ip -n r12pA addr add 10.213.0.1/24 dev lo
ip -n r12pB addr add 10.213.1.1/24 dev lo
ip -n r12pC addr add 10.213.2.1/24 dev lo
ip -n r12pB route add 10.212.2.0/24 via 10.212.1.1
ip -n r12pC route add 10.212.1.0/24 via 10.212.2.1
ip netns exec r12pA sysctl -qw net.ipv4.ip_forward=1

# ---------------------------------------------------------------- certificates (NSS)
PKI=$WORK/pki; mkdir -p $PKI
openssl req -x509 -newkey rsa:2048 -nodes -keyout $PKI/ca.key -out $PKI/ca.crt -days 30 \
  -subj "/C=XX/O=R12 Lab/CN=R12 Lab CA" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout $PKI/rogue.key -out $PKI/rogue.crt -days 30 \
  -subj "/C=XX/O=Rogue/CN=Rogue CA" 2>/dev/null
mkcert() { # name cn ca
  openssl req -newkey rsa:2048 -nodes -keyout $PKI/$1.key -out $PKI/$1.csr -subj "/C=XX/O=R12 Lab/CN=$2" 2>/dev/null
  printf "subjectAltName=DNS:%s\n" "$2" > $PKI/$1.ext
  openssl x509 -req -in $PKI/$1.csr -CA $PKI/$3.crt -CAkey $PKI/$3.key -CAcreateserial -days ${4:-20} \
    -extfile $PKI/$1.ext -out $PKI/$1.crt 2>/dev/null
  openssl pkcs12 -export -inkey $PKI/$1.key -in $PKI/$1.crt -name $1 -passout pass:x -out $PKI/$1.p12
}
mkcert hubA hub-a.r12.test ca; mkcert peerB peer-b.r12.test ca; mkcert peerC peer-c.r12.test ca
mkcert fakeC peer-x.r12.test rogue
for n in A B C; do
  mkdir -p $WORK/$n/nss $WORK/$n/run $WORK/$n/policies
  certutil -N -d sql:$WORK/$n/nss --empty-password
  certutil -A -d sql:$WORK/$n/nss -n "R12 Lab CA" -t "CT,," -i $PKI/ca.crt
done
pk12util -d sql:$WORK/A/nss -i $PKI/hubA.p12 -W x >/dev/null
pk12util -d sql:$WORK/B/nss -i $PKI/peerB.p12 -W x >/dev/null
pk12util -d sql:$WORK/C/nss -i $PKI/peerC.p12 -W x >/dev/null
pk12util -d sql:$WORK/C/nss -i $PKI/fakeC.p12 -W x >/dev/null

# ---------------------------------------------------------------- configuration
setup_section() { # node logfile
cat <<CONF
config setup
	logfile=$2
	logappend=yes
	logtime=yes
	logip=yes
	plutodebug=none
	uniqueids=yes
	ikev1-policy=accept
	dumpdir=$WORK/$1/run

conn %default
	ikelifetime=4m
	salifetime=3m
	rekeymargin=50s
	rekeyfuzz=60%
	keyingtries=2
	retransmit-timeout=15s
	dpddelay=6
	dpdtimeout=25
	dpdaction=clear

CONF
}
# hub A
{ setup_section A "$OUT/pluto.log"; cat <<'CONF'
conn ab-psk
	left=10.212.1.1
	leftid=@hub-a.r12.test
	leftsubnet=10.213.0.0/28
	right=10.212.1.2
	rightid=@peer-b.r12.test
	rightsubnet=10.213.1.0/28
	authby=secret
	ikev2=insist
	ike=aes256-sha2_256;dh19,aes128-sha2_256;modp2048
	esp=aes256-sha2_256,aes128-sha1
	dpdaction=restart
	auto=add

conn ab-v1
	left=10.212.1.1
	leftid=@hub-a-v1.r12.test
	leftsubnet=10.213.0.16/28
	right=10.212.1.2
	rightid=@peer-b-v1.r12.test
	rightsubnet=10.213.1.16/28
	authby=secret
	ikev2=no
	ike=aes256-sha2_256;modp2048
	esp=aes256-sha2_256
	auto=add

conn ab-ikemismatch
	left=10.212.1.1
	leftid=@hub-a-mm.r12.test
	leftsubnet=10.213.0.32/28
	right=10.212.1.2
	rightid=@peer-b-mm.r12.test
	rightsubnet=10.213.1.32/28
	authby=secret
	ikev2=insist
	ike=aes256-sha2_512;dh20
	esp=aes256-sha2_512
	auto=add

conn ab-espmismatch
	left=10.212.1.1
	leftid=@hub-a-em.r12.test
	leftsubnet=10.213.0.48/28
	right=10.212.1.2
	rightid=@peer-b-em.r12.test
	rightsubnet=10.213.1.48/28
	authby=secret
	ikev2=insist
	esp=aes256-sha2_512
	auto=add

conn ac-cert
	left=10.212.2.1
	leftid=%fromcert
	leftcert=hubA
	leftsubnet=10.213.0.64/28
	right=10.212.2.2
	rightid="C=XX, O=R12 Lab, CN=peer-c.r12.test"
	rightca=%same
	rightsubnet=10.213.2.0/28
	authby=rsasig
	ikev2=insist
	auto=add

conn ac-anycert
	left=10.212.2.1
	leftid=%fromcert
	leftcert=hubA
	leftsubnet=10.213.0.80/28
	right=10.212.2.2
	rightid=%fromcert
	rightsubnet=10.213.2.16/28
	authby=rsasig
	ikev2=insist
	auto=add

conn ac-psk
	left=10.212.2.1
	leftid=@hub-a-c.r12.test
	leftsubnet=10.213.0.96/28
	right=10.212.2.2
	rightid=@peer-c.r12.test
	rightsubnet=10.213.2.32/28
	authby=secret
	ikev2=insist
	dpdaction=restart
	auto=add

conn ac-v1agg
	left=10.212.2.1
	leftid=@hub-a-agg.r12.test
	leftsubnet=10.213.0.112/28
	right=10.212.2.2
	rightid=@peer-c-agg.r12.test
	rightsubnet=10.213.2.48/28
	authby=secret
	ikev2=no
	aggressive=yes
	ike=aes128-sha1;modp2048
	auto=add
CONF
} > $WORK/A/ipsec.conf

# peer B
{ setup_section B "$WORK/B/pluto.log"; cat <<'CONF'
conn ab-psk
	left=10.212.1.2
	leftid=@peer-b.r12.test
	leftsubnet=10.213.1.0/28
	right=10.212.1.1
	rightid=@hub-a.r12.test
	rightsubnet=10.213.0.0/28
	authby=secret
	ikev2=insist
	ike=aes128-sha2_256;modp2048
	esp=aes128-sha1
	dpdaction=restart
	auto=add

conn ab-v1
	left=10.212.1.2
	leftid=@peer-b-v1.r12.test
	leftsubnet=10.213.1.16/28
	right=10.212.1.1
	rightid=@hub-a-v1.r12.test
	rightsubnet=10.213.0.16/28
	authby=secret
	ikev2=no
	ike=aes256-sha2_256;modp2048
	esp=aes256-sha2_256
	auto=add

conn ab-ikemismatch
	left=10.212.1.2
	leftid=@peer-b-mm.r12.test
	leftsubnet=10.213.1.32/28
	right=10.212.1.1
	rightid=@hub-a-mm.r12.test
	rightsubnet=10.213.0.32/28
	authby=secret
	ikev2=insist
	ike=aes128-sha1;modp2048
	esp=aes128-sha1
	auto=add

conn ab-espmismatch
	left=10.212.1.2
	leftid=@peer-b-em.r12.test
	leftsubnet=10.213.1.48/28
	right=10.212.1.1
	rightid=@hub-a-em.r12.test
	rightsubnet=10.213.0.48/28
	authby=secret
	ikev2=insist
	esp=aes128-sha1
	auto=add

conn ab-unknown
	left=10.212.1.2
	leftid=@stranger-b.r12.test
	leftsubnet=10.213.1.64/28
	right=10.212.1.1
	rightid=@hub-a.r12.test
	rightsubnet=10.213.0.0/28
	authby=secret
	ikev2=insist
	auto=add
CONF
} > $WORK/B/ipsec.conf

# peer C
{ setup_section C "$WORK/C/pluto.log"; cat <<'CONF'
conn ac-cert
	left=10.212.2.2
	leftid=%fromcert
	leftcert=peerC
	leftsubnet=10.213.2.0/28
	right=10.212.2.1
	rightid="C=XX, O=R12 Lab, CN=hub-a.r12.test"
	rightsubnet=10.213.0.64/28
	authby=rsasig
	ikev2=insist
	auto=add

conn ac-fakecert
	left=10.212.2.2
	leftid=%fromcert
	leftcert=fakeC
	leftsubnet=10.213.2.16/28
	right=10.212.2.1
	rightid=%any
	rightsubnet=10.213.0.80/28
	authby=rsasig
	ikev2=insist
	auto=add

conn ac-psk
	left=10.212.2.2
	leftid=@peer-c.r12.test
	leftsubnet=10.213.2.32/28
	right=10.212.2.1
	rightid=@hub-a-c.r12.test
	rightsubnet=10.213.0.96/28
	authby=secret
	ikev2=insist
	dpdaction=restart
	auto=add

conn ac-v1agg
	left=10.212.2.2
	leftid=@peer-c-agg.r12.test
	leftsubnet=10.213.2.48/28
	right=10.212.2.1
	rightid=@hub-a-agg.r12.test
	rightsubnet=10.213.0.112/28
	authby=secret
	ikev2=no
	aggressive=yes
	ike=aes128-sha1;modp2048
	auto=add
CONF
} > $WORK/C/ipsec.conf

randkey() { head -c 18 /dev/urandom | base64 | tr -d '/+='; }
K_AB=$(randkey); K_V1=$(randkey); K_MM=$(randkey); K_EM=$(randkey); K_AC=$(randkey); K_AGG=$(randkey)
write_secrets() { # node ; wrong-key flags come from WRONG_<conn>
  local n=$1 f=$WORK/$1/ipsec.secrets
  : > $f
  case $n in
  A) cat >> $f <<SEC
@hub-a.r12.test @peer-b.r12.test : PSK "$K_AB"
@hub-a-v1.r12.test @peer-b-v1.r12.test : PSK "$K_V1"
10.212.1.1 10.212.1.2 : PSK "$K_V1"
@hub-a-mm.r12.test @peer-b-mm.r12.test : PSK "$K_MM"
@hub-a-em.r12.test @peer-b-em.r12.test : PSK "$K_EM"
@hub-a-c.r12.test @peer-c.r12.test : PSK "$K_AC"
@hub-a-agg.r12.test @peer-c-agg.r12.test : PSK "$K_AGG"
SEC
  ;;
  B) cat >> $f <<SEC
@peer-b.r12.test @hub-a.r12.test : PSK "${WRONG_AB:-$K_AB}"
@peer-b-v1.r12.test @hub-a-v1.r12.test : PSK "${WRONG_V1:-$K_V1}"
10.212.1.2 10.212.1.1 : PSK "${WRONG_V1:-$K_V1}"
@peer-b-mm.r12.test @hub-a-mm.r12.test : PSK "$K_MM"
@peer-b-em.r12.test @hub-a-em.r12.test : PSK "$K_EM"
@stranger-b.r12.test @hub-a.r12.test : PSK "$K_AB"
SEC
  ;;
  C) cat >> $f <<SEC
@peer-c.r12.test @hub-a-c.r12.test : PSK "${WRONG_AC:-$K_AC}"
@peer-c-agg.r12.test @hub-a-agg.r12.test : PSK "${WRONG_AGG:-$K_AGG}"
SEC
  ;;
  esac
  chmod 600 $f
}
for n in A B C; do write_secrets $n; done

# ---------------------------------------------------------------- helpers
start_pluto() { # node
  local n=$1
  rm -f $WORK/$n/run/pluto.ctl $WORK/$n/run/pluto.pid
  ip netns exec r12p$n $IPSEC_EXECDIR/pluto --config $WORK/$n/ipsec.conf --nofork \
    --rundir $WORK/$n/run --nssdir $WORK/$n/nss --secretsfile $WORK/$n/ipsec.secrets \
    --ipsecdir $WORK/$n --no-dnssec >>$WORK/$n/stderr 2>&1 &
  echo $! > $WORK/$n/pluto.pid
  for i in $(seq 40); do [ -S $WORK/$n/run/pluto.ctl ] && break; sleep 0.25; done
  sleep 0.5
}
stop_pluto() { # node [signal]
  local n=$1 pid; mine $WORK/$n/pluto.pid pluto || return; pid=$(cat $WORK/$n/pluto.pid)
  kill -${2:-TERM} $pid 2>/dev/null
  for i in $(seq 40); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  rm -f $WORK/$n/pluto.pid
}
whk() { # node args...   (ipsec whack against that node's pluto)
  local n=$1; shift
  ip netns exec r12p$n env IPSEC_RUNDIR=$WORK/$n/run timeout 30 ipsec whack --ctlsocket $WORK/$n/run/pluto.ctl "$@" >/dev/null 2>&1
}
aut() { # node args...   (ipsec auto against that node's pluto; --up returns at once)
  local n=$1; shift
  [ "$1" = --up ] && set -- --asynchronous "$@"
  ip netns exec r12p$n env IPSEC_RUNDIR=$WORK/$n/run timeout 30 ipsec auto --config $WORK/$n/ipsec.conf --ctlsocket $WORK/$n/run/pluto.ctl "$@" >/dev/null 2>&1
}

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
later() { # seconds command...   (run a command in the background after a delay)
  local d=$1; shift; ( sleep "$d"; "$@" ) & 
}
garbage() { # send a malformed datagram from B or C to the hub's IKE port
  local src=$(pick B C) dst
  [ $src = B ] && dst=10.212.1.1 || dst=10.212.2.1
  ip netns exec r12p$src timeout 3 python3 - "$dst" "$(r 7)" <<'PY'
import os, random, socket, struct, sys
dst, kind = sys.argv[1], int(sys.argv[2])
ispi = os.urandom(8)
if kind == 0:    # too short
    data = os.urandom(random.randint(1, 27))
elif kind == 1:  # IKE header with unsupported major version
    data = ispi + bytes(8) + bytes([33, 0x30, 34, 8]) + bytes(4) + struct.pack("!I", 28)
elif kind == 2:  # IKEv2 IKE_SA_INIT whose length field lies
    data = ispi + bytes(8) + bytes([33, 0x20, 34, 8]) + bytes(4) + struct.pack("!I", 9000) + os.urandom(40)
elif kind == 3:  # IKEv2 with an unknown exchange type
    data = ispi + bytes(8) + bytes([0, 0x20, random.choice([99, 200, 7]), 8]) + bytes(4) + struct.pack("!I", 28)
elif kind == 4:  # IKEv2 response for an SA nobody has
    data = ispi + os.urandom(8) + bytes([46, 0x20, 37, 0x20]) + struct.pack("!I", random.randint(1, 9)) + struct.pack("!I", 60) + os.urandom(32)
elif kind == 5:  # IKE_SA_INIT request with a truncated SA payload
    body = bytes([34, 0, 0, 40]) + os.urandom(12)
    data = ispi + bytes(8) + bytes([33, 0x20, 34, 8]) + bytes(4) + struct.pack("!I", 28 + len(body)) + body
else:            # IKEv1 main mode with garbage payloads
    body = os.urandom(random.randint(8, 60))
    data = ispi + bytes(8) + bytes([1, 0x10, 2, 0]) + bytes(4) + struct.pack("!I", 28 + len(body)) + body
port = random.choice([500, 500, 4500])
if port == 4500:
    data = (bytes(4) + data) if random.random() < 0.7 else b"\xff"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(random.randint(1, 3)):
    s.sendto(data, (dst, port))
PY
}
set_wrong() { # node conn-var on|off
  local n=$1 v=$2
  if [ $3 = on ]; then eval "export $v=wrong$(randkey)"; else eval "unset $v"; fi
  write_secrets $n; whk $n --rereadsecrets
}
RESTARTS_A=0
restart_hub() {
  if [ $(r 2) = 0 ]; then whk A --shutdown; sleep 1; stop_pluto A; else stop_pluto A TERM; fi
  sleep $((1 + $(r 3))); start_pluto A; RESTARTS_A=$((RESTARTS_A + 1))
}
dpd_test() { # kill a peer hard while its tunnel is up, wait for the hub's liveness to notice
  local n=$(pick B C) c
  [ $n = B ] && c=$(pick ab-psk ab-v1) || c=$(pick ac-psk ac-cert)
  aut $n --up $c; sleep $((3 + $(r 4)))
  stop_pluto $n KILL
  sleep $((30 + $(r 20)))
  start_pluto $n
}

for n in A B C; do start_pluto $n; done
sleep 2
END=$((SECONDS + DURATION)); DPD_DONE=0
while [ $SECONDS -lt $END ]; do
  case $(r 24) in
    0|1) aut B --up ab-psk; [ $(r 3) = 0 ] && later $((5 + $(r 30))) aut B --down ab-psk ;;
    2) aut A --up $(pick ab-psk ac-psk ac-cert ab-v1) ;;
    3) set_wrong B WRONG_AB on; aut B --up ab-psk; sleep $((2 + $(r 4))); aut B --down ab-psk; set_wrong B WRONG_AB off ;;
    4) aut B --up ab-ikemismatch; later $((3 + $(r 10))) aut B --down ab-ikemismatch ;;
    5) aut B --up ab-espmismatch; later $((2 + $(r 20))) aut B --down ab-espmismatch ;;
    6) aut $(pick A B) --up ab-v1; [ $(r 2) = 0 ] && later $((3 + $(r 20))) aut B --down ab-v1 ;;
    7) set_wrong B WRONG_V1 on; aut B --up ab-v1; sleep $((3 + $(r 5))); aut B --down ab-v1; set_wrong B WRONG_V1 off ;;
    8) aut B --up ab-unknown; later $((1 + $(r 8))) aut B --down ab-unknown ;;
    9) aut $(pick A C) --up ac-cert; [ $(r 2) = 0 ] && later $((3 + $(r 20))) aut C --down ac-cert ;;
    10) aut C --up ac-fakecert; later $((1 + $(r 12))) aut C --down ac-fakecert ;;
    11) aut $(pick A C C) --up ac-psk; [ $(r 2) = 0 ] && later $((3 + $(r 25))) aut $(pick A C) --down ac-psk ;;
    12) set_wrong C WRONG_AC on; aut C --up ac-psk; sleep $((2 + $(r 4))); aut C --down ac-psk; set_wrong C WRONG_AC off ;;
    13) aut C --up ac-v1agg; [ $(r 2) = 0 ] && later $((3 + $(r 20))) aut C --down ac-v1agg ;;
    14) set_wrong C WRONG_AGG on; aut C --up ac-v1agg; sleep $((2 + $(r 4))); aut C --down ac-v1agg; set_wrong C WRONG_AGG off ;;
    15) c=$(pick ab-psk ab-v1 ac-psk ac-cert ac-v1agg ab-espmismatch)
        case $(r 6) in
          0) aut A --down $c ;; 1) aut A --delete $c; sleep 1; aut A --add $c ;;
          2) aut A --replace $c ;; 3) aut A --route $c; sleep 1; aut A --unroute $c ;;
          4) aut A --$(pick up down delete) nosuch-$(r 99) ;; 5) whk A --name $c --rekey-$(pick ike ipsec) ;;
        esac ;;
    16) whk A --$(pick status trafficstatus globalstatus listall listcerts listpubkeys rereadsecrets rereadall listen shuntstatus briefstatus fetchcrls purgeocsp) ;;
    17) whk A --deletestate $((1 + $(r 60))) ;;
    18|19) garbage ;;
    20) [ $DPD_DONE -lt 3 ] && { dpd_test; DPD_DONE=$((DPD_DONE + 1)); } ;;
    21) [ $RESTARTS_A -lt 2 ] && [ $SECONDS -gt 90 ] && restart_hub ;;
    22) n=$(pick B C); stop_pluto $n; sleep $((1 + $(r 5))); start_pluto $n ;;
    23) aut $(pick B C) --down $(pick ab-psk ac-psk ab-v1 ac-cert) ;;
  esac
  sleep 0.$((2 + $(r 8)))
done
sleep 3
whk A --shutdown; sleep 2
cleanup
wait 2>/dev/null
[ $MADE_LINK = 1 ] && rm -f /usr/libexec/ipsec
wc -l "$OUT/pluto.log"
