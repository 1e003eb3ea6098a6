#!/bin/bash
# Round-9 corpus workload: strongSwan 5.9 charon (Debian 12: strongswan, strongswan-charon,
# strongswan-swanctl, strongswan-pki). Three charon instances in three network namespaces
# (r9sa 10.99.9.1 = the logged one, r9sb 10.99.9.2 = normal peer, r9sc 10.99.9.3 = unknown /
# untrusted peer) joined by veths to a bridge namespace. Only charon A writes the filelog
# OUT/strongswan.log (time format, default=1, ike/cfg/knl=2, ike_name). Randomised IKEv2 workload:
# PSK and certificate tunnels, wrong PSKs, unknown peers, untrusted certs, proposal mismatches,
# rekeying, trap policies + traffic, DPD timeouts (peer killed -9), swanctl initiate/terminate/
# load-all/list-sas/rekey/reload-settings, stop. Stops once the log has ~MAXLINES lines or DURATION s.
# Run as root: bash workload.sh [OUT_DIR] [DURATION] [MAXLINES]
set -u
OUT=${1:-/work/round9/strongswan}; DURATION=${2:-300}; MAXLINES=${3:-2300}
W=/tmp/r9sw; LOG=$OUT/strongswan.log
CHARON=/usr/lib/ipsec/charon
r() { echo $((RANDOM % $1)); }
cleanup_ns() {
  for n in a b c; do [ -f $W/$n/charon.pid ] && kill "$(cat $W/$n/charon.pid)" 2>/dev/null; done
  sleep 1
  for n in r9sa r9sb r9sc r9sbr; do ip netns del $n 2>/dev/null; done
}
cleanup_ns
rm -rf $W; mkdir -p $W; rm -f "$LOG"; mkdir -p "$OUT"

# --- network: a bridge namespace with veths to a, b, c
ip netns add r9sbr; ip -n r9sbr link add br0 type bridge; ip -n r9sbr link set br0 up
i=1
for n in a b c; do
  ip netns add r9s$n
  ip link add v$n type veth peer name e0 netns r9s$n
  ip link set v$n netns r9sbr; ip -n r9sbr link set v$n master br0 up
  ip -n r9s$n addr add 10.99.9.$i/24 dev e0; ip -n r9s$n link set e0 up; ip -n r9s$n link set lo up
  ip -n r9s$n addr add 10.199.$i.1/32 dev lo
  i=$((i+1))
done

# --- PKI: our CA issues a, b, c; a rogue CA issues another cert for c
cd $W
pki --gen --type ecdsa --size 256 --outform pem > ca.key
pki --self --ca --lifetime 3650 --in ca.key --type ecdsa --dn "C=CH, O=r9, CN=r9 Root CA" --outform pem > ca.pem
pki --gen --type ecdsa --size 256 --outform pem > rogue.key
pki --self --ca --lifetime 3650 --in rogue.key --type ecdsa --dn "C=XX, O=rogue, CN=Rogue CA" --outform pem > rogue.pem
for n in a b c; do
  mkdir -p $n/x509 $n/x509ca $n/private $n/conf.d
  pki --gen --type ecdsa --size 256 --outform pem > $n/private/$n.key
  if [ $n = c ]; then CAK=rogue.key CAC=rogue.pem; else CAK=ca.key CAC=ca.pem; fi
  pki --pub --in $n/private/$n.key --type ecdsa | pki --issue --lifetime 30 --cacert $CAC --cakey $CAK \
     --dn "C=CH, O=r9, CN=$n.r9.test" --san $n.r9.test --outform pem > $n/x509/$n.pem
  cp ca.pem $n/x509ca/
done

mkconf() { # $1 = instance, $2 = log path
cat > $W/$1/strongswan.conf <<CONF
charon {
  load = random nonce aes sha1 sha2 hmac kdf drbg gcm pem pkcs1 pkcs8 x509 revocation constraints pubkey gmp openssl kernel-netlink socket-default vici updown counters
  retransmit_tries = 2
  retransmit_timeout = 1.5
  retransmit_base = 1.5
  install_virtual_ip = no
  plugins {
    vici { socket = unix://$W/$1/charon.vici }
  }
  filelog {
    r9 {
      path = $2
      time_format = %b %e %T
      default = 1
      ike = 2
      cfg = 2
      knl = 2
      ike_name = yes
      flush_line = yes
      append = yes
    }
  }
}
CONF
}
mkconf a $LOG; mkconf b $W/b/charon.log; mkconf c $W/c/charon.log

rnd_secret() { head -c 12 /dev/urandom | base64 | tr -d '/+='; }
PSK=$(rnd_secret)
# --- A: the logged instance
cat > $W/a/swanctl.conf <<CONF
connections {
  psk-b {
    remote_addrs = 10.99.9.2
    proposals = aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp384
    dpd_delay = 4s
    rekey_time = 0
    local { auth = psk; id = alice@r9.test }
    remote { auth = psk; id = bob@r9.test }
    children {
      net-psk {
        local_ts = 10.199.1.1/32
        remote_ts = 10.199.2.1/32
        esp_proposals = aes128-sha256,aes128gcm16-ecp256
        rekey_time = 0
        dpd_action = clear
        start_action = trap
      }
    }
  }
  cert-b {
    remote_addrs = 10.99.9.2
    proposals = aes256-sha384-ecp256
    dpd_delay = 5s
    rekey_time = 45s
    local { auth = pubkey; certs = a.pem; id = a.r9.test }
    remote { auth = pubkey; id = b.r9.test }
    children {
      net-cert {
        local_ts = 10.199.1.0/28
        remote_ts = 10.199.2.0/28
        esp_proposals = aes256-sha256-ecp256
        rekey_time = 25s
        life_time = 60s
        dpd_action = restart
      }
      net-cert2 {
        local_ts = 10.199.1.16/28
        remote_ts = 10.199.2.16/28
        esp_proposals = aes128gcm16
        rekey_time = 35s
      }
    }
  }
  badpsk-b {
    remote_addrs = 10.99.9.2
    proposals = aes128-sha256-modp3072
    local { auth = psk; id = mallory@r9.test }
    remote { auth = psk; id = bob2@r9.test }
    children { net-bad { local_ts = 10.199.1.32/28; remote_ts = 10.199.2.32/28 } }
  }
  noprop-b {
    remote_addrs = 10.99.9.2
    proposals = 3des-sha1-modp1024
    local { auth = psk; id = alice@r9.test }
    remote { auth = psk; id = bob@r9.test }
    children { net-noprop { local_ts = 10.199.1.48/28; remote_ts = 10.199.2.48/28 } }
  }
  noesp-b {
    remote_addrs = 10.99.9.2
    proposals = aes128-sha256-modp2048
    local { auth = psk; id = alice@r9.test }
    remote { auth = psk; id = bob@r9.test }
    children { net-noesp { local_ts = 10.199.1.64/28; remote_ts = 10.199.2.64/28; esp_proposals = aes192-sha512-modp4096 } }
  }
  badid-b {
    remote_addrs = 10.99.9.2
    proposals = aes256-sha384-ecp256
    local { auth = pubkey; certs = a.pem; id = a.r9.test }
    remote { auth = pubkey; id = zz.r9.test }
    children { net-badid { local_ts = 10.199.1.80/28; remote_ts = 10.199.2.80/28 } }
  }
  dead {
    remote_addrs = 10.99.9.9
    proposals = aes128-sha256-modp2048
    local { auth = psk; id = alice@r9.test }
    remote { auth = psk; id = ghost@r9.test }
    children { net-dead { local_ts = 10.199.1.96/28; remote_ts = 10.199.9.0/24 } }
  }
  from-c {
    remote_addrs = 10.99.9.3
    proposals = aes256-sha384-ecp256
    local { auth = pubkey; certs = a.pem; id = a.r9.test }
    remote { auth = pubkey; id = c.r9.test }
    children { net-c { local_ts = 10.199.1.1/32; remote_ts = 10.199.3.1/32 } }
  }
}
secrets {
  ike-ab { id-a = alice@r9.test; id-b = bob@r9.test; secret = "$PSK" }
  ike-m { id-a = mallory@r9.test; id-b = bob2@r9.test; secret = "$(rnd_secret)" }
  ike-g { id-a = alice@r9.test; id-g = ghost@r9.test; secret = "$(rnd_secret)" }
  private-a { file = a.key }
}
CONF
# --- B: the peer (accepts the same tunnels as responder, initiates some)
cat > $W/b/swanctl.conf <<CONF
connections {
  psk-a {
    remote_addrs = 10.99.9.1
    proposals = aes128-sha256-modp2048,aes256gcm16-prfsha384-ecp384
    dpd_delay = 6s
    local { auth = psk; id = bob@r9.test }
    remote { auth = psk; id = alice@r9.test }
    children {
      net-psk { local_ts = 10.199.2.1/32; remote_ts = 10.199.1.1/32; esp_proposals = aes128-sha256,aes128gcm16-ecp256; start_action = trap }
      net-noesp { local_ts = 10.199.2.64/28; remote_ts = 10.199.1.64/28; esp_proposals = aes128-sha1 }
    }
  }
  cert-a {
    remote_addrs = 10.99.9.1
    proposals = aes256-sha384-ecp256
    local { auth = pubkey; certs = b.pem; id = b.r9.test }
    remote { auth = pubkey; id = a.r9.test }
    children {
      net-cert { local_ts = 10.199.2.0/28; remote_ts = 10.199.1.0/28; esp_proposals = aes256-sha256-ecp256 }
      net-cert2 { local_ts = 10.199.2.16/28; remote_ts = 10.199.1.16/28; esp_proposals = aes128gcm16 }
      net-badid { local_ts = 10.199.2.80/28; remote_ts = 10.199.1.80/28 }
    }
  }
  badpsk-a {
    remote_addrs = 10.99.9.1
    proposals = aes128-sha256-modp3072
    local { auth = psk; id = bob2@r9.test }
    remote { auth = psk; id = mallory@r9.test }
    children { net-bad { local_ts = 10.199.2.32/28; remote_ts = 10.199.1.32/28 } }
  }
  stranger-a {
    remote_addrs = 10.99.9.1
    proposals = aes128-sha256-modp2048
    local { auth = psk; id = stranger@r9.test }
    remote { auth = psk; id = alice@r9.test }
    children { net-stranger { local_ts = 10.199.2.128/28; remote_ts = 10.199.1.128/28 } }
  }
}
secrets {
  ike-ab { id-a = alice@r9.test; id-b = bob@r9.test; secret = "$PSK" }
  ike-m { id-a = mallory@r9.test; id-b = bob2@r9.test; secret = "$(rnd_secret)" }
  ike-s { id-a = alice@r9.test; id-s = stranger@r9.test; secret = "$(rnd_secret)" }
  private-b { file = b.key }
}
CONF
# --- C: untrusted cert and unknown identities towards A
cat > $W/c/swanctl.conf <<CONF
connections {
  rogue-a {
    remote_addrs = 10.99.9.1
    proposals = aes256-sha384-ecp256
    local { auth = pubkey; certs = c.pem; id = c.r9.test }
    remote { auth = pubkey; id = a.r9.test }
    children { net-c { local_ts = 10.199.3.1/32; remote_ts = 10.199.1.1/32 } }
  }
  unknown-a {
    remote_addrs = 10.99.9.1
    proposals = aes128-sha256-modp2048,aes256-sha384-ecp256
    local { auth = psk; id = eve@elsewhere.test }
    remote { auth = psk }
    children { net-u { local_ts = 10.199.3.0/24; remote_ts = 10.199.1.0/24 } }
  }
  weird-a {
    remote_addrs = 10.99.9.1
    proposals = camellia128-sha512-modp8192,aes128-md5-modp1536
    local { auth = psk; id = eve@elsewhere.test }
    remote { auth = psk }
    children { net-w { local_ts = 10.199.3.0/24; remote_ts = 10.199.1.0/24 } }
  }
}
secrets {
  ike-e { id = eve@elsewhere.test; secret = "$(rnd_secret)" }
  private-c { file = c.key }
}
CONF

start() { # instance
  ip netns exec r9s$1 sh -c "mount -t tmpfs r9run /run && STRONGSWAN_CONF=$W/$1/strongswan.conf exec $CHARON" \
     >>$W/$1/stderr 2>&1 &
  echo $! > $W/$1/charon.pid
  for _ in $(seq 1 50); do [ -S $W/$1/charon.vici ] && break; sleep 0.2; done
  sw $1 --load-all >/dev/null 2>&1
}
sw() { local n=$1 op=$2; shift 2; SWANCTL_DIR=$W/$n timeout 30 swanctl $op --uri unix://$W/$n/charon.vici "$@" 2>/dev/null; }
ping_a() { ip netns exec r9sa ping -c $((1 + $(r 3))) -W 1 -i 0.3 -I 10.199.1.1 10.199.2.1 >/dev/null 2>&1; }

# strongswan.conf/swanctl.conf settings are newline separated: unfold the one-line sections
for n in a b c; do sed -i 's/{ /{\n/g; s/; /\n/g; s/ }/\n}/g' $W/$n/swanctl.conf; done
for n in a b c; do start $n; done
sleep 2
END=$((SECONDS + DURATION))
# each round runs the 20 scenarios in a random order
while [ $SECONDS -lt $END ] && [ "$(wc -l < $LOG)" -lt "$MAXLINES" ]; do
 for step in $(shuf -i 0-19); do
  [ "$(wc -l < $LOG)" -lt "$MAXLINES" ] || break
  case $step in
    0|1) sw a --initiate --child net-cert --timeout $((3 + $(r 5))) >/dev/null 2>&1 ;;
    2) sw a --initiate --child net-psk >/dev/null 2>&1; ping_a ;;
    3) ping_a ;;
    4) sw a --initiate --child net-bad --timeout 5 >/dev/null 2>&1 ;;
    5) sw a --initiate --child net-noprop --timeout 5 >/dev/null 2>&1 ;;
    6) sw a --initiate --child net-noesp --timeout 5 >/dev/null 2>&1 ;;
    7) sw a --initiate --child net-badid --timeout 5 >/dev/null 2>&1 ;;
    8) [ $(r 3) = 0 ] && sw a --initiate --child net-dead --timeout 8 >/dev/null 2>&1 ;;
    9) sw c --initiate --child $( [ $(r 2) = 0 ] && echo net-c || echo net-u ) --timeout 5 >/dev/null 2>&1 ;;
    10) sw c --initiate --child net-w --timeout 5 >/dev/null 2>&1 ;;
    11) sw b --initiate --child $( [ $(r 3) = 0 ] && echo net-stranger || echo net-cert2 ) --timeout 5 >/dev/null 2>&1 ;;
    12) sw a --terminate --ike $( [ $(r 2) = 0 ] && echo cert-b || echo psk-b ) --timeout 5 >/dev/null 2>&1 ;;
    13) sw a --terminate --child net-cert2 >/dev/null 2>&1; sw b --terminate --ike cert-a --timeout 5 >/dev/null 2>&1 ;;
    14) sw a --list-sas >/dev/null 2>&1; sw a --list-conns >/dev/null 2>&1 ;;
    15) if [ $(r 4) = 0 ]; then sw a --load-all >/dev/null 2>&1; else sw a --load-creds >/dev/null 2>&1; fi ;;
    16) sw a --rekey --ike cert-b >/dev/null 2>&1; sw a --rekey --child net-psk >/dev/null 2>&1 ;;
    17) sw a --reload-settings >/dev/null 2>&1; sw a --stats >/dev/null 2>&1 ;;
    18) # DPD timeout: kill the peer hard, wait, restart it
        if [ $(r 3) != 0 ]; then
          sw a --initiate --child net-cert --timeout 5 >/dev/null 2>&1
          kill -9 "$(cat $W/b/charon.pid)" 2>/dev/null; sleep $((12 + $(r 6)))
          start b
        fi ;;
    19) sw a --list-pols >/dev/null 2>&1; sw a --list-certs >/dev/null 2>&1; sw b --list-sas >/dev/null 2>&1 ;;
  esac
  sleep 0.$((2 + $(r 7)))
 done
done
# stop: terminate everything, then SIGTERM the daemons
sw a --terminate --ike cert-b --timeout 5 >/dev/null 2>&1
sleep 1
for n in c b a; do kill "$(cat $W/$n/charon.pid)" 2>/dev/null; sleep 1; done
sleep 2
cleanup_ns
echo "lines: $(wc -l < $LOG)"
