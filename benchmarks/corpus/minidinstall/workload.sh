#!/bin/bash
# Randomised upload workload for mini-dinstall (config ./mini-dinstall.conf, archive under /tmp/round36-r36d/md).
# Usage: bash workload.sh ROUNDS
HERE=$(cd "$(dirname "$0")" && pwd)
CONF=$HERE/mini-dinstall.conf
A=/tmp/round36-r36d/md/archive
IN=$A/mini-dinstall/incoming
W=/tmp/round36-r36d/mdw
ROUNDS=${1:-60}
mkdir -p $W /tmp/round36-r36d/md
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
start() { mini-dinstall -c $CONF -v -v -f >> $W/console.out 2>&1 & echo $! > $W/daemon.pid; sleep 3; }
build() {  # name version arch dist -> leaves files in $W/up, prints changes path
  local n=$1 v=$2 a=$3 d=$4 t=$W/b/$1-$2-$3
  rm -rf $t; mkdir -p $t/src/debian $t/pkg/DEBIAN $t/pkg/usr/share/doc/$n $W/up
  printf 'Source: %s\nSection: misc\nPriority: optional\nMaintainer: R36 Tester <r36@example.org>\n\nPackage: %s\nArchitecture: %s\nDescription: r36 test package\n test\n' $n $n $a > $t/src/debian/control
  printf '%s (%s) %s; urgency=%s\n\n  * Upload %s.\n\n -- R36 Tester <r36@example.org>  %s\n' $n $v $d $(pick low medium high) $RANDOM "$(date -R)" > $t/src/debian/changelog
  printf 'Package: %s\nVersion: %s\nArchitecture: %s\nMaintainer: R36 Tester <r36@example.org>\nDescription: r36 test package\n test\n' $n $v $a > $t/pkg/DEBIAN/control
  head -c $((RANDOM % 5000)) /dev/urandom | base64 > $t/pkg/usr/share/doc/$n/README
  dpkg-deb -Zgzip --build $t/pkg $W/up/${n}_${v}_${a}.deb >/dev/null
  echo "${n}_${v}_${a}.deb misc optional" > $t/src/debian/files
  (cd $t/src && dpkg-genchanges -b -u$W/up -DDistribution=$d > $W/up/${n}_${v}_${a}.changes 2>/dev/null)
  rm -rf $t
}
declare -A ver
start
for ((r = 0; r < ROUNDS; r++)); do
  n=$(pick r36hello r36tools libr36-1 r36-doc r36bad r36veto-x r36data)
  ver[$n]=$(( ${ver[$n]:-0} + RANDOM % 3 ))
  v="1.$((ver[$n]))-$((RANDOM % 3 + 1))"
  a=$(pick all all amd64)
  d=$(pick unstable unstable experimental experimental testing stable-proposed)
  kind=$(pick good good good good good good good good good incomplete late badsum unknowndist unknownarch signed nodist empty)
  # unparseable or distribution-less .changes crash the incoming thread (upstream bug): rare
  (( RANDOM % 45 == 0 )) && kind=$(pick garbage junkfields)
  # an incomplete upload to an alias distribution crashes the incoming thread (upstream bug), so keep those to real names
  case $kind in incomplete|late) d=$(pick unstable experimental testing);; esac
  rm -rf $W/up; mkdir -p $W/up
  # the admin's reaction to a crashed daemon: drop the upload that killed it, start again
  # (it also dies rejecting a timed-out upload that is incomplete or has no Distribution, and re-examines every
  # left-over .changes at boot): clear out such uploads and unknown-distribution ones before starting it again
  if ! kill -0 $(cat $W/daemon.pid) 2>/dev/null; then
    rm -f $IN/r36junk_*.changes $IN/*_junk.changes
    for c in $IN/*.changes; do
      [ -e "$c" ] || continue
      if grep -q '^Distribution: r36-nowhere' $c || ! grep -q '^Distribution:' $c; then rm -f $c; continue; fi
      for f in $(awk '/^Files:/{x=1;next} /^[^ ]/{x=0} x{print $5}' $c); do [ -e $IN/$f ] || { rm -f $c; break; }; done
    done
    start
  fi
  case $kind in
    unknowndist) build $n $v $a r36-nowhere;;
    unknownarch) build $n $v i386 $d;;
    signed) build $n $v $a r36-signed;;
    garbage|empty|junkfields) :;;
    *) build $n $v $a $d;;
  esac
  c=$(ls $W/up/*.changes 2>/dev/null | head -1)
  case $kind in
    good|unknowndist|unknownarch|signed) cp $W/up/*.deb $IN/; cp $c $IN/;;
    incomplete) cp $c $IN/;;
    late) cp $c $IN/; sleep $((RANDOM % 8 + 2)); cp $W/up/*.deb $IN/;;
    badsum) cp $c $IN/; echo corrupt >> $W/up/*.deb; cp $W/up/*.deb $IN/;;
    nodist) sed -i '/^Distribution:/d' $c; cp $W/up/*.deb $IN/; cp $c $IN/;;
    garbage) head -c 300 /dev/urandom | base64 > $IN/r36junk_$r.changes;;
    empty) : > $IN/r36empty_$r.changes;;
    junkfields) printf 'Format: 1.8\nSource: %s\nVersion: %s\nX-Note: %s\n' $n $v $RANDOM > $IN/${n}_${v}_junk.changes;;
  esac
  (( RANDOM % 8 == 0 )) && mini-dinstall -c $CONF -r >> $W/console.out 2>&1
  (( RANDOM % 25 == 0 )) && python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.send(b"STATUS\n"); s.recv(100)' $A/mini-dinstall/master >> $W/console.out 2>&1
  if (( r == ROUNDS / 2 )); then
    mini-dinstall -c $CONF -k >> $W/console.out 2>&1; sleep 3
    start
  fi
  sleep $((RANDOM % 6 + 1))
done
sleep 10
mini-dinstall -c $CONF -k >> $W/console.out 2>&1
sleep 2
