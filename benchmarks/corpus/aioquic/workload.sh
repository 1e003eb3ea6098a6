#!/bin/bash
# Randomised workload for aioquic (QUIC + HTTP/3 server and clients), all inside private namespaces.
RANDOM=4646
set -m
cd /work/round46/aioquic || exit 1
BASE=/tmp/round46-r46a
PY=$BASE/venv-aioquic/bin/python
DIR=/work/round46/aioquic
RAW=$BASE/aioquic/raw.log
mkdir -p $BASE/aioquic
PORT=46010
SRV=10.46.1.1
: > "$RAW"
# throwaway certificates, kept outside this folder (cert2 is an unrelated self-signed CA for bad-certificate tests)
C=$BASE/aioquic
if [ ! -f $C/cert.pem ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout $C/key.pem -out $C/cert.pem -days 30 -nodes \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:10.46.1.1" 2>/dev/null
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -keyout $C/key2.pem -out $C/cert2.pem -days 30 -nodes \
    -subj "/CN=other.example" 2>/dev/null
fi
mkdir -p $BASE/home $BASE/tmp $BASE/xdg/{config,cache,data,runtime}
chmod 700 $BASE/xdg/runtime

# two network namespaces joined by a veth pair; loss is added on the client side with iptables
# (statistic match, in the client namespace only; tc netem is not available on this kernel)
ip netns del r46a-qs 2>/dev/null; ip netns del r46a-qc 2>/dev/null
ip netns add r46a-qs; ip netns add r46a-qc
ip link add r46a-qv0 type veth peer name r46a-qv1
ip link set r46a-qv0 netns r46a-qs; ip link set r46a-qv1 netns r46a-qc
ip -n r46a-qs addr add 10.46.1.1/24 dev r46a-qv0; ip -n r46a-qc addr add 10.46.1.2/24 dev r46a-qv1
for n in r46a-qs r46a-qc; do ip -n $n link set lo up; done
ip -n r46a-qs link set r46a-qv0 up; ip -n r46a-qc link set r46a-qv1 up

nsrun() { # nsrun NETNS cmd... : private mount ns, private /tmp and /var/tmp, private env
  local ns=$1; shift
  ip netns exec "$ns" unshare -m bash -c '
    mount --make-rprivate /; mount --bind /tmp/round46-r46a /mnt; mount -t tmpfs tmpfs /tmp
    mkdir -p /tmp/round46-r46a; mount --bind /mnt /tmp/round46-r46a; mount -t tmpfs tmpfs /var/tmp
    mount -t tmpfs tmpfs /dev/shm
    cd /work/round46/aioquic
    exec env -i PATH=/usr/bin:/bin HOME=/tmp/round46-r46a/home TMPDIR=/tmp/round46-r46a/tmp \
      XDG_CONFIG_HOME=/tmp/round46-r46a/xdg/config XDG_CACHE_HOME=/tmp/round46-r46a/xdg/cache \
      XDG_DATA_HOME=/tmp/round46-r46a/xdg/data XDG_RUNTIME_DIR=/tmp/round46-r46a/xdg/runtime \
      PYTHONHASHSEED=46 "$@"' _ "$@"
}

SPID=
start_server() { # retry-mode, idle timeout
  nsrun r46a-qs $PY $DIR/quicapp.py server $SRV $PORT "$1" "$2" >> "$RAW" 2>&1 &
  SPID=$!
  sleep 1.5
}
stop_server() {
  [ -n "$SPID" ] && kill -TERM -- -"$SPID" 2>/dev/null; wait "$SPID" 2>/dev/null
  SPID=
}
client() { # mode [port]
  nsrun r46a-qc $PY $DIR/quicapp.py client $SRV "${2:-$PORT}" "$1" $RANDOM >> "$RAW" 2>&1
}

MODES=(echo echo echo echo h3 h3 h3 h3 h3 reset close ping badalpn badcert badname goodcert vneg vnone v2 idle abort)
for round in 1 2 3 4 5 6; do
  if [ $((RANDOM % 3)) -eq 0 ]; then retry=retry; else retry=plain; fi
  idles=(5 10 30)
  start_server $retry ${idles[$((RANDOM % 3))]}
  n=$((6 + RANDOM % 8))
  for i in $(seq $n); do
    client ${MODES[$((RANDOM % ${#MODES[@]}))]}
  done
  # lossy link for a while (random drops on the client side of the veth)
  loss=$((3 + RANDOM % 12))
  ip netns exec r46a-qc iptables -A INPUT -i r46a-qv1 -m statistic --mode random --probability 0.$(printf %02d $loss) -j DROP
  for i in $(seq $((2 + RANDOM % 4))); do
    m=(lossy h3 echo); client ${m[$((RANDOM % 3))]}
  done
  ip netns exec r46a-qc iptables -F INPUT
  # nobody listening on this port
  [ $((RANDOM % 2)) -eq 0 ] && client echo 46011
  stop_server
done
ip netns del r46a-qs; ip netns del r46a-qc
sed -n '1,2500p' "$RAW" > $DIR/aioquic.log
