#!/bin/bash
# Randomised Tahoe-LAFS grid workload; the log is storage node s1's stdout (FLOGTOTWISTED=1).
# run as: bash /work/round46/tahoe/workload.sh
SEED=5151
D=/work/round46/tahoe
if [ -z "$R46G_INNS" ]; then
  export R46G_INNS=1
  exec unshare -n -m --propagation private bash "$D/workload.sh" "$@"
fi
set -m
RANDOM=$SEED
mount --make-rprivate /
mount --bind /tmp/round46-r46g /mnt; mount -t tmpfs tmpfs /tmp; mkdir -p /tmp/round46-r46g
mount --bind /mnt /tmp/round46-r46g; mount -t tmpfs tmpfs /var/tmp; mount -t tmpfs tmpfs /dev/shm
ip link set lo up
. /tmp/round46-r46g/env.sh
mkdir -p "$HOME" "$TMPDIR" "$XDG_RUNTIME_DIR"
export PATH=/tmp/round46-r46g/venv-tahoe/bin:/usr/bin:/bin PYTHONDONTWRITEBYTECODE=1
G=$D/grid; W=/tmp/round46-r46g/th; rm -rf $G $W; mkdir -p $G $W/files
RAW=$W/s1.raw; : > $RAW
pick() { R=$((RANDOM % $1)); }
tahoe create-introducer --port=tcp:49100:interface=127.0.0.1 --location=tcp:127.0.0.1:49100 $G/intro > /dev/null
tahoe run --allow-stdin-close $G/intro > $W/intro.out 2>&1 &
IPID=$!
for i in 1 2 3 4 5 6 7 8 9 10; do sleep 1; [ -f $G/intro/private/introducer.furl ] && break; done
FURL=$(cat $G/intro/private/introducer.furl)
declare -A SPID
for i in 1 2 3 4; do
  tahoe create-node --port=tcp:4910$i:interface=127.0.0.1 --location=tcp:127.0.0.1:4910$i --webport=none --nickname=s$i --introducer=$FURL --shares-needed=2 --shares-happy=2 --shares-total=4 $G/s$i > /dev/null
done
startnode() {
  if [ "$1" = s1 ]; then
    FLOGTOTWISTED=1 tahoe run --allow-stdin-close $G/s1 >> $RAW 2>&1 &
  else
    FLOGTOTWISTED=1 tahoe run --allow-stdin-close $G/$1 >> $W/$1.out 2>&1 &
  fi
  SPID[$1]=$!
}
stopnode() { kill -INT ${SPID[$1]} 2>/dev/null; wait ${SPID[$1]} 2>/dev/null; SPID[$1]=; }
for i in 1 2 3 4; do startnode s$i; done
tahoe create-client --webport=tcp:49150:interface=127.0.0.1 --nickname=c1 --introducer=$FURL --shares-needed=2 --shares-happy=2 --shares-total=4 $G/c1 > /dev/null
tahoe run --allow-stdin-close $G/c1 > $W/c1.out 2>&1 &
CPID=$!
sleep 8
T() { timeout 60 tahoe -d $G/c1 "$@" > /dev/null 2>&1; }
T create-alias tahoe
T mkdir tahoe:docs
NF=0
N=${N:-110}
for ((it=0; it<N; it++)); do
  echo $it > $W/iter
  pick 20
  case $R in
    0|1|2|3)
      pick 4; case $R in 0) SZ=$((RANDOM % 50 + 1));; 1) SZ=$((RANDOM % 3000 + 100));; 2) SZ=$((RANDOM % 60000 + 5000));; 3) SZ=$((RANDOM % 300000 + 130000));; esac
      NF=$((NF+1)); F=$W/files/f$NF; yes "block $RANDOM $NF" | head -c $SZ > $F
      pick 3; case $R in 0) T put $F tahoe:f$NF;; 1) T put $F tahoe:docs/f$NF;; 2) T put --mutable $F tahoe:m$NF;; esac;;
    4|5|6) [ $NF -gt 0 ] && { X=$((RANDOM % NF + 1)); T get tahoe:f$X $W/out; T get tahoe:m$X $W/out; T get tahoe:docs/f$X $W/out; };;
    7) T ls -l tahoe:; T ls tahoe:docs; T get tahoe:missing$RANDOM $W/out;;
    8) T check tahoe:f$((RANDOM % (NF+1)));;
    9) T check --verify tahoe:docs/f$((RANDOM % (NF+1)));;
    10) T check --add-lease tahoe:f$((RANDOM % (NF+1)));;
    11) T check --repair tahoe:m$((RANDOM % (NF+1)));;
    12) pick 3; case $R in 0) T deep-check tahoe:;; 1) T deep-check --verify --repair tahoe:;; 2) T deep-check --add-lease tahoe:;; esac;;
    13) S=s$((RANDOM % 3 + 2)); DOWN=0; for X in s2 s3 s4; do [ -z "${SPID[$X]}" ] && DOWN=1; done
        if [ $DOWN = 0 ]; then stopnode $S; else for X in s2 s3 s4; do [ -z "${SPID[$X]}" ] && startnode $X; done; sleep 3; fi;;
    14) for S in s1 s2 s3 s4; do [ -z "${SPID[$S]}" ] && { startnode $S; sleep 3; }; done;;
    15) [ $NF -gt 0 ] && { X=$((RANDOM % NF + 1)); T mv tahoe:f$X tahoe:docs/moved$X; T rm tahoe:m$X; };;
    16) SH=$(find $G/s1/storage/shares -type f -size +300c 2>/dev/null | sort | sed -n "$((RANDOM % 20 + 1))p"); [ -n "$SH" ] && printf 'XXXXXXXX' | dd of="$SH" bs=1 seek=$((RANDOM % 200 + 80)) conv=notrunc 2>/dev/null; T deep-check --verify tahoe:;;
    17) T mkdir tahoe:dir$it; T cp -r $W/files/ tahoe:dir$it/ ;;
    18) pick 2; if [ $R = 0 ]; then stopnode s1; sleep 1; startnode s1; sleep 3; else T put --mutable $W/files/f$((RANDOM % (NF+1))) tahoe:m$((RANDOM % (NF+1))); fi;;
    19) T backup $W/files tahoe:backup;;
  esac
done
kill -INT $CPID; wait $CPID
for S in s1 s2 s3 s4; do [ -n "${SPID[$S]}" ] && stopnode $S; done
kill -INT $IPID; wait $IPID
L=$(wc -l < $RAW)
if [ "$L" -gt 2500 ]; then sed -n "1,2500p" $RAW > $D/tahoe.log; else cp $RAW $D/tahoe.log; fi
rm -rf $G $W/files
