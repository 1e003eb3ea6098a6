#!/bin/bash
# argus workload: argus (Debian argus-server 3.0.8.2, -D 3: this build has no ARGUSDEBUG) on veth0 of network namespace r40h-arg1, peer
# veth1 in r40h-arg2; traffic and ra/misbehaving clients from the peer; restarts with bad options.
# argus stdout+stderr -> /tmp/round40-r40h/argus/raw.log; kept stretch -> argus.log.
set -u
HERE=/work/round40/argus
WORK=/tmp/round40-r40h/argus
cd "$HERE" || exit 1
N1=r40h-arg1; N2=r40h-arg2
rm -rf "$WORK"; mkdir -p "$WORK"/{home,tmp,xdg/config,xdg/data,xdg/cache,xdg/run,out}
export HOME=$WORK/home TMPDIR=$WORK/tmp XDG_CONFIG_HOME=$WORK/xdg/config XDG_DATA_HOME=$WORK/xdg/data \
       XDG_CACHE_HOME=$WORK/xdg/cache XDG_RUNTIME_DIR=$WORK/xdg/run
ip netns del $N1 2>/dev/null; ip netns del $N2 2>/dev/null
ip netns add $N1; ip netns add $N2
ip -n $N1 link set lo up; ip -n $N2 link set lo up
ip -n $N1 link add veth0 type veth peer name veth1 netns $N2
ip -n $N1 addr add 10.57.6.1/24 dev veth0; ip -n $N2 addr add 10.57.6.2/24 dev veth1
ip -n $N1 link set veth0 up; ip -n $N2 link set veth1 up
RAW=$WORK/raw.log; : > "$RAW"
printf 'x' > "$WORK/onebyte.pcap"; : > "$WORK/empty.pcap"; head -c 300 /dev/urandom > "$WORK/junk.pcap"; echo "not a capture" > "$WORK/text.pcap"
R() { echo $(( RANDOM % $1 )); }
IN1() { ip netns exec $N1 unshare -m --propagation private "$@"; }
IN2() { ip netns exec $N2 "$@"; }
PID=
start() {
  ip netns exec $N1 unshare -m --propagation private /usr/sbin/argus -X -D 3 -F "$HERE/argus.conf" \
    -w "$WORK/out/flows.argus" "$@" >>"$RAW" 2>&1 &
  PID=$!; sleep 1.5
}
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=; }
bad() {  # one misconfigured argus run; most exit at once
  local o=()
  case $(R 16) in
    0) o=(-i nosuch$(R 9));;
    1) o=(-i veth0 -w /nonexistent/dir$(R 9)/x.argus);;
    2) o=(-r "$WORK/missing$(R 9).pcap" -w /dev/null);;
    3) o=(-r "$WORK/$(shuf -n1 -e onebyte.pcap empty.pcap junk.pcap text.pcap)" -w /dev/null);;
    4) o=(-i veth0 -w argus-udp://nohost$(R 9).invalid:57562);;
    5) o=(-i veth0 -B 10.57.$(R 99).$(R 99) -P 57561);;
    6) o=(-i veth0 -u nosuchuser$(R 9) -w /dev/null);;
    7) o=(-i veth0 -g nosuchgroup$(R 9) -w /dev/null);;
    8) o=(-i veth0 -c "$WORK/nochroot$(R 9)" -w /dev/null);;
    9) o=(-i veth0 -e "nohost$(R 9).invalid" -w /dev/null);;
    10) local bo=(Q W K y 9); o=(-i veth0 -${bo[$(R 5)]});;
    11) o=(-F "$HERE/$(shuf -n1 -e bad1.conf bad2.conf)" -w /dev/null);;
    12) o=(-i veth0 -e "1.2.3" -w /dev/null);;
    13) o=(-i veth0 -w /dev/null -P 57561 -B 10.57.6.1);;  # port already taken by the running one
    14) o=(-i "veth0,nosuch" -w /dev/null);;
    15) o=(-i veth0 -w udp://10.57.6.$((3 + $(R 50))):$((57500 + $(R 400))));;
  esac
  IN1 timeout -s INT 2 /usr/sbin/argus -X "${o[@]}" >>"$RAW" 2>&1
}
traffic() {
  case $(R 4) in
    0) IN2 ping -q -c $((1 + $(R 8))) -i 0.2 10.57.6.1 >/dev/null 2>&1;;
    1) IN2 ping -q -c $((1 + $(R 4))) -i 0.2 10.57.6.$((3 + $(R 50))) >/dev/null 2>&1;;
    2) IN2 python3 -c 'import socket,random
s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)
for i in range(random.randrange(1,30)): s.sendto(b"x"*random.randrange(1,900),("10.57.6.1",random.randrange(57500,58000)))' ;;
    3) IN2 python3 -c 'import socket,random
for i in range(random.randrange(1,6)):
  try: socket.create_connection(("10.57.6.1",random.randrange(57600,57700)),timeout=0.3).close()
  except OSError: pass';;
  esac
}
clients() {  # a batch of concurrent clients
  local i cp=()
  for ((i = 0; i < $1; i++)); do
    case $(R 10) in
      0|1|2|3|4) IN2 timeout 3 ra -S 10.57.6.1:57561 -N $((1 + $(R 5))) >/dev/null 2>&1 &;;
      5) IN2 timeout 3 ra -S 10.57.6.1:57561 -N 2 - $(shuf -n1 -e icmp udp tcp "host 10.57.6.2") >/dev/null 2>&1 &;;
      6) IN2 python3 "$HERE/client.py" 10.57.6.1 57561 junk 0.5 &;;
      7) IN2 python3 "$HERE/client.py" 10.57.6.1 57561 $(shuf -n1 -e start filter done) 0.5 &;;
      8) IN2 python3 "$HERE/client.py" 10.57.6.1 57561 none 0.3 &;;
      9) IN2 python3 "$HERE/client.py" 10.57.6.1 57561 none $(shuf -n1 -e 0.2 12) &;;
    esac
    cp+=($!); sleep 0.0$(R 10)
  done
  wait "${cp[@]}"
}
for round in $(seq 1 ${ROUNDS:-55}); do
  for ((b = 0; b < $(R 3); b++)); do bad; done
  EXTRA=("" "" "-A" "-R" "-M 5" "-S 3" "-m" "-Z")
  start ${EXTRA[$(R ${#EXTRA[@]})]}
  for step in $(seq 1 $((2 + $(R 5)))); do
    case $(R 8) in
      0|1|2) clients $((1 + $(R 20)));;
      3|4) traffic;;
      5) ip -n $N1 link set veth0 down; sleep $(shuf -n1 -e 0.5 1.2 2); ip -n $N1 link set veth0 up; sleep 1.2;;
      6) [ $(R 3) = 0 ] && bad;;
      7) sleep 1;;
    esac
  done
  stop
done
ip netns del $N1; ip netns del $N2
sed -n '1,2500p' "$RAW" > "$HERE/argus.log"
wc -l "$RAW" "$HERE/argus.log"
