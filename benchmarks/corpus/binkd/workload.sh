#!/bin/bash
# Randomised workload for binkd (Debian 1.1a-115): the binkd under test (main.cfg, 2:5020/100,
# port 42600, loglevel 12, log binkd.log) exchanges mail with a second binkd (peer.cfg,
# 2:5020/200, port 42601) and with one-shot calling binkds (call_*.cfg), and meets fake peers
# (fakepeer.py, hold.py). Steps are drawn at random.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round34-r34b/bk
SEED=${SEED:-$RANDOM}; RANDOM=$SEED
STEPS=${STEPS:-40}
rm -rf $B; mkdir -p $B/M/{outb,inb,insecure,tmp,files} $B/P/{outb,inb,tmp}
for c in C1 C2 C3 C4; do mkdir -p $B/$c/{outb,inb,tmp,files}; done
rm -f "$HERE/binkd.log"
hex() { printf "%04x%04x" 5020 $1; }
rndfile() { head -c $2 /dev/urandom > "$1"; }
startM() { /usr/sbin/binkd -C "$HERE/${1:-main.cfg}" 2>/dev/null & MPID=$!; echo $MPID > $B/M.ppid; sleep 1; }
startP() { /usr/sbin/binkd -s "$HERE/peer.cfg" 2>/dev/null & PPID_=$!; echo $PPID_ > $B/P.ppid; sleep 0.5; }
stopM() { kill -TERM $MPID 2>/dev/null; wait $MPID 2>/dev/null; }
stopP() { kill -TERM $PPID_ 2>/dev/null; wait $PPID_ 2>/dev/null; }
# queue files on the main node for node $1
queue() {
  local n=$1 h; h=$(hex $n)
  for i in $(seq 1 $((1 + RANDOM % 2))); do
    local f=$B/M/files/f$RANDOM.$(printf "%s" "txt zip tic lzh" | tr ' ' '\n' | sed -n "$((1 + RANDOM % 4))p")
    rndfile $f $((RANDOM % 3000 + 1))
    case $((RANDOM % 3)) in 0) echo "^$f" ;; 1) echo "#$f" ;; 2) echo "$f" ;; esac >> $B/M/outb/$h.flo
  done
  [ $((RANDOM % 3)) = 0 ] && echo "$B/M/files/missing$RANDOM.txt" >> $B/M/outb/$h.flo
  [ $((RANDOM % 2)) = 0 ] && rndfile $B/M/outb/$h.out $((RANDOM % 800 + 60))
  [ $((RANDOM % 4)) = 0 ] && touch $B/M/outb/$h.clo
  true
}
# one-shot caller $1 (C1..C4, config $2) sends some files to the main node
caller() {
  local c=$1 cfg=$2 h; h=$(hex 100)
  for i in $(seq 1 $((1 + RANDOM % 2))); do
    local ext; ext=$(printf "pkt exe dat req txt" | tr ' ' '\n' | sed -n "$((1 + RANDOM % 5))p")
    local f=$B/$c/files/n$((RANDOM % 6)).$ext
    if [ $ext = dat ]; then rndfile $f $((RANDOM % 4000 + 9000)); else rndfile $f $((RANDOM % 2000 + 10)); fi
    echo "^$f" >> $B/$c/outb/$h.flo
  done
  [ $((RANDOM % 3)) = 0 ] && rndfile $B/$c/outb/$h.out $((RANDOM % 500 + 60))
  timeout 30 /usr/sbin/binkd -p -P 2:5020/100 "$HERE/$cfg" >/dev/null 2>&1
}
startP
startM
for step in $(seq 1 $STEPS); do
  r=$((RANDOM % 100))
  if   [ $r -lt 14 ]; then queue $(printf "200 200 200 201 210 600" | tr ' ' '\n' | sed -n "$((1 + RANDOM % 6))p"); sleep 4
  elif [ $r -lt 28 ]; then caller C1 call_good.cfg
  elif [ $r -lt 40 ]; then caller C2 call_badpw.cfg
  elif [ $r -lt 46 ]; then caller C3 call_unknown.cfg
  elif [ $r -lt 50 ]; then caller C4 call_nd.cfg
  elif [ $r -lt 54 ]; then stopP; queue 200; sleep 5; startP
  elif [ $r -lt 57 ]; then touch $B/M/outb/$(hex 300).clo; sleep 4
  elif [ $r -lt 60 ]; then python3 "$HERE/fakepeer.py" listen-silent 42603 14 & FP=$!; touch $B/M/outb/$(hex 400).clo; sleep 14; wait $FP
  elif [ $r -lt 63 ]; then touch $B/M/outb/$(hex 500).clo; sleep 4
  elif [ $r -lt 65 ]; then touch $B/M/outb/$(hex 700).clo; sleep 4
  elif [ $r -lt 68 ]; then touch $B/M/outb/$(hex 200).bsy; queue 200; sleep 4; rm -f $B/M/outb/$(hex 200).bsy
  elif [ $r -lt 74 ]; then python3 "$HERE/fakepeer.py" $(printf "silent junk bighdr partial hangup" | tr ' ' '\n' | sed -n "$((1 + RANDOM % 5))p") 42600
  elif [ $r -lt 77 ]; then python3 "$HERE/hold.py" 42600 $((4 + RANDOM % 3)) 3
  elif [ $r -lt 81 ]; then sleep 1; touch "$HERE/main.cfg"; sleep 4
  elif [ $r -lt 85 ]; then kill -HUP $MPID; sleep 2
  elif [ $r -lt 89 ]; then stopM; startM
  elif [ $r -lt 92 ]; then stopM; timeout 10 /usr/sbin/binkd -C "$HERE/main_bad.cfg" 2>/dev/null; startM
  elif [ $r -lt 95 ]; then touch $B/M/outb/$(hex 200).hld; queue 200; sleep 4; rm -f $B/M/outb/$(hex 200).hld
  else sleep 3
  fi
done
sleep 3
stopM; stopP
