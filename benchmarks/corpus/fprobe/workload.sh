#!/bin/bash
# Workload for fprobe 1.1 (Debian): fprobe in netns r38f-fp on veth r38ffa (peer r38ffb in
# netns r38f-fq sends traffic), logging to stdout at -v 7 (-l 2), exporting to a UDP sink of
# ours on 127.0.0.1:48800-48802; a private tmpfs on /run (mount namespace) holds its pid file.
set -m
D=/work/round38/fprobe
LOG=$D/fprobe.log
P="ip netns exec r38f-fp"
Q="ip netns exec r38f-fq"
export HOME=/tmp/round38-r38f/home TMPDIR=/tmp/round38-r38f/tmp XDG_RUNTIME_DIR=/tmp/round38-r38f/xdg XDG_CONFIG_HOME=/tmp/round38-r38f/xdg XDG_CACHE_HOME=/tmp/round38-r38f/xdg
mkdir -p $HOME $TMPDIR $XDG_RUNTIME_DIR
for n in r38f-fp r38f-fq; do ip netns del $n 2>/dev/null; ip netns add $n; ip netns exec $n ip link set lo up; done
mkveth() {
  ip link add r38ffa netns r38f-fp type veth peer name r38ffb netns r38f-fq
  $P ip addr add 10.38.30.1/24 dev r38ffa; $P ip link set r38ffa up
  $Q ip addr add 10.38.30.2/24 dev r38ffb; $Q ip link set r38ffb up
}
mkveth
# the NetFlow collector: a sink that reads and discards datagrams
$P python3 -c "
import socket,select
ss=[socket.socket(socket.AF_INET,socket.SOCK_DGRAM) for _ in range(3)]
[s.bind(('127.0.0.1',48800+i)) for i,s in enumerate(ss)]
while True:
  for s in select.select(ss,[],[])[0]: s.recv(65535)
" & SINK=$!
: > $LOG
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
traffic() {  # random traffic through the probed interface for about $1 seconds
  $Q python3 -c "
import socket,random,time,os
end=time.time()+$1
while time.time()<end:
  k=random.random()
  if k<0.5:
    s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto(os.urandom(random.randrange(10,1400)),('10.38.30.1',random.randrange(48850,48860)))
  elif k<0.8:
    s=socket.socket(); s.settimeout(0.2)
    try: s.connect(('10.38.30.1',random.choice([48870,48871,22])))
    except Exception: pass
    s.close()
  else:
    s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto(os.urandom(3000),('10.38.30.1',48880))
  time.sleep(random.random()*0.05)
" &
  local tp=$!
  [ $(r 2) = 0 ] && $Q ping -q -c $((2 + $(r 6))) -i 0.2 -s $(pick 56 1600 3000) 10.38.30.1 > /dev/null 2>&1
  wait $tp
}
run() {  # run fprobe with args for $1 seconds of traffic; $2 = "ro" for a read-only /run
  local t=$1 ro=$2; shift 2
  local mnt="mount -t tmpfs r38f /run"
  [ "$ro" = ro ] && mnt="mount -t tmpfs -o ro r38f /run"
  $P unshare -m sh -c "$mnt && exec fprobe -l 2 -v 7 \"\$@\"" fprobe "$@" >> $LOG 2>&1 &
  local fp=$!
  sleep 0.3
  if kill -0 $fp 2>/dev/null; then
    traffic $t
    case $(r 8) in
      0) $P ip link del r38ffa; sleep 1.5; mkveth ;;   # the interface goes away under it
    esac
    kill -TERM $fp 2>/dev/null
    for i in $(seq 1 30); do kill -0 $fp 2>/dev/null || break; sleep 0.2; done
    kill -9 $fp 2>/dev/null
  fi
  wait $fp 2>/dev/null
}
COL=(127.0.0.1:48800 127.0.0.1:48801/127.0.0.1 127.0.0.1:48802//r 127.0.0.1:48801//r 127.0.0.1:48800/127.0.0.1/m)
for round in $(seq 1 ${ROUNDS:-100}); do
  case $(r 16) in
    0) run 1 rw -i r38ffa -n $(pick 9 3 0) 127.0.0.1:48800 ;;
    1) run 1 rw -i r38ffa -q 0 127.0.0.1:48800 ;;
    2) run 1 rw -i r38ffa -b 0 127.0.0.1:48800 ;;
    3) run 1 rw -i r38ffa -r $(pick 200 120) 127.0.0.1:48800 ;;
    4) run 1 rw -i r38ffa $(pick 127.0.0.1 127.0.0.1:48800/127.0.0.1/x) ;;
    5) run 1 rw -i r38ffa -u $(pick r38fnouser nobody-r38f) 127.0.0.1:48800 ;;
    6) run 1 rw -i $(pick r38fnone eth9 r38ffz) 127.0.0.1:48800 ;;
    7) run 1 rw -i r38ffa -f "$(pick 'udp and (' 'port 99999' 'tcp portx 1' 'host')" 127.0.0.1:48800 ;;
    8) run 2 rw -i r38ffa -c /tmp/round38-r38f/no-such-dir 127.0.0.1:48800 ;;
    9) run 2 ro -i r38ffa 127.0.0.1:48800 ;;
    10) run 1 rw -i r38ffa -a 10.38.99.$((1 + $(r 9))) 127.0.0.1:48800 ;;
    *) args=(-i r38ffa -s $(pick 1 2 5) -d $(pick 1 2 5 60) -e $(pick 2 4 300) -n $(pick 5 5 1 7))
       [ $(r 2) = 0 ] && args+=(-f "$(pick udp tcp icmp 'not port 22' 'net 10.38.30.0/24')")
       [ $(r 3) = 0 ] && args+=(-p)
       [ $(r 3) = 0 ] && args+=(-x $(pick 1:2 3 7:9))
       [ $(r 3) = 0 ] && args+=(-b $(pick 100 5000 20000) -q $(pick 50 100 500))
       [ $(r 4) = 0 ] && args+=(-m $(pick 64 1024 0))
       [ $(r 4) = 0 ] && args+=(-B $(pick 64 256))
       [ $(r 4) = 0 ] && args+=(-S $(pick 64 128 1500) -t $(pick 1000:1000 0:0))
       [ $(r 5) = 0 ] && args+=(-k)
       [ $(r 4) = 0 ] && args+=(-a 127.0.0.1)
       cols="${COL[$(r ${#COL[@]})]}"
       [ $(r 2) = 0 ] && cols+=" ${COL[$(r ${#COL[@]})]}"
       run $((1 + $(r 3))) rw "${args[@]}" $cols ;;
  esac
done
kill $SINK; wait $SINK 2>/dev/null
ip netns del r38f-fp; ip netns del r38f-fq
