#!/bin/bash
# Builds a small Debian-style archive under /tmp/round45-r45e/dm-work/archive, serves it with
# python3 http.server on 127.0.0.1:48010, and runs debmirror --debug --verbose --method=http
# against it with random options and faults. Output (stdout+stderr) -> debmirror.log.
# Run inside the r45e namespace wrapper (see run.sh).
set -m
F=/work/round45/debmirror
W=/tmp/round45-r45e/dm-work
rm -rf $W; mkdir -p $W; cd $W
RAW=$W/raw.log; : > $RAW
A=$W/archive; M=$F/mirror
rm -rf $M; mkdir -p $M
PORT=48010
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
mkdeb() { # comp name version arch
  local c=$1 n=$2 v=$3 a=$4; local r=$W/b-$n-$a
  mkdir -p $r/DEBIAN $r/usr/share/$n $A/pool/$c/${n:0:1}/$n
  head -c $((200 + RANDOM % 3000)) /dev/urandom | base64 > $r/usr/share/$n/data
  printf 'Package: %s\nVersion: %s\nArchitecture: %s\nMaintainer: Lab <lab@example.org>\nSection: %s\nPriority: %s\nDescription: lab package %s\n Test.\n' $n $v $a $(pick utils net admin) $(pick optional extra important) $n > $r/DEBIAN/control
  dpkg-deb --root-owner-group -Zgzip --build $r $A/pool/$c/${n:0:1}/$n/${n}_${v}_$a.deb >/dev/null 2>&1
  rm -rf $r
}
mksrc() { # comp name version
  local c=$1 n=$2 v=$3; local p=$A/pool/$c/${n:0:1}/$n
  mkdir -p $p $W/src-$n/debian/source
  printf '%s (%s) unstable; urgency=low\n\n  * x\n\n -- Lab <lab@example.org>  Mon, 07 Dec 2026 10:00:00 +0000\n' $n $v > $W/src-$n/debian/changelog
  printf 'Source: %s\nMaintainer: Lab <lab@example.org>\nStandards-Version: 4.6.2\n\nPackage: %s\nArchitecture: all\nDescription: x\n x\n' $n $n > $W/src-$n/debian/control
  echo "3.0 (native)" > $W/src-$n/debian/source/format
  (cd $p && dpkg-source -b $W/src-$n >/dev/null 2>&1)
}
index() {
  for c in main contrib; do
    for a in amd64 i386; do
      d=$A/dists/$DIST/$c/binary-$a; mkdir -p $d
      (cd $A && dpkg-scanpackages -m -a $a pool/$c /dev/null 2>/dev/null) > $d/Packages
      gzip -9nc $d/Packages > $d/Packages.gz; xz -kc $d/Packages > $d/Packages.xz
    done
    d=$A/dists/$DIST/$c/source; mkdir -p $d
    (cd $A && dpkg-scansources pool/$c /dev/null 2>/dev/null) > $d/Sources; gzip -9nc $d/Sources > $d/Sources.gz
  done
  python3 $F/gen_release.py $A $DIST "amd64 i386"
}
DIST=bookworm
mkdir -p $A
for n in apple berry cherry date elder fig grape; do mkdeb main $n 1.$((RANDOM%9))-1 $(pick all amd64 i386); done
for n in kiwi lemon; do mkdeb contrib $n 0.$((RANDOM%9)) all; done
mksrc main apple 1.0; mksrc contrib kiwi 0.5
index
start_server() { python3 -m http.server $PORT --bind 127.0.0.1 --directory $A >/dev/null 2>&1 & SRV=$!; sleep 1; }
stop_server() { [ -n "$SRV" ] && kill $SRV 2>/dev/null; wait $SRV 2>/dev/null; SRV=; }
start_server
dm() { echo "+ debmirror $*" >> $W/commands; timeout 120 debmirror --debug --verbose --method=http "$@" >> $RAW 2>&1; }
COMMON="--host=127.0.0.1:$PORT --root=/ --dist=$DIST --section=main,contrib --ignore-release-gpg --no-check-gpg --diff=none --rsync-extra=none --state-cache-days=0"
N=$((28 + RANDOM % 6))
for i in $(seq $N); do
  dest=$M/$(pick m1 m1 m2 m3)
  case $((RANDOM % 13)) in
    0|1) dm $COMMON --arch=$(pick amd64 i386 amd64,i386) --nosource $dest ;;
    2) dm $COMMON --arch=amd64 --source $dest ;;
    3) # update: new package version in the archive
       mkdeb main $(pick apple berry hazel) 2.$RANDOM-1 amd64; index
       dm $COMMON --arch=amd64 --nosource $(pick --cleanup --postcleanup --precleanup) $dest ;;
    4) # missing pool file
       f=$(find $A/pool -name '*.deb' | shuf -n1); mv $f $f.away
       dm $COMMON --arch=$(pick amd64 i386) --nosource $(pick --ignore-small-errors "") $M/m4
       mv $f.away $f ;;
    5) # corrupted pool file (bad checksum)
       f=$(find $A/pool -name '*.deb' | shuf -n1); cp $f $f.good; printf 'x' >> $f
       rm -rf $M/m5; dm $COMMON --arch=amd64,i386 --nosource $(pick --checksums --checksums "") $M/m5
       mv $f.good $f ;;
    6) # archive root that 404s
       dm --host=127.0.0.1:$PORT --root=/$(pick nothere debian) --dist=$DIST --section=main --arch=amd64 --nosource --ignore-release-gpg --no-check-gpg --rsync-extra=none $M/m6 ;;
    7) # archive stopped (connection refused)
       stop_server; dm $COMMON --arch=amd64 --nosource --timeout=5 $M/m7; start_server ;;
    8) # bad Release checksum
       cp $A/dists/$DIST/Release $W/Release.good; sed -i '/main\/binary-amd64\/Packages.*$/s/^ [0-9a-f]\{8\}/ 00000000/' $A/dists/$DIST/Release
       dm $COMMON --arch=amd64 --nosource $M/m8; cp $W/Release.good $A/dists/$DIST/Release ;;
    9) # missing Release
       mv $A/dists/$DIST/Release $W/Release.away
       dm $COMMON --arch=amd64 --nosource $(pick --ignore-missing-release "") $M/m9; mv $W/Release.away $A/dists/$DIST/Release ;;
    10) dm $COMMON --arch=amd64 --nosource --dry-run $(pick --i18n --getcontents "") $dest ;;
    11) # gpg check without signature, bad option, unknown dist
       dm --host=127.0.0.1:$PORT --root=/ --dist=$(pick $DIST sid) --section=main --arch=amd64 --nosource --rsync-extra=none $(pick --check-gpg --frobnicate --method=gopher) $M/m10 ;;
    12) dm $COMMON --arch=amd64 --nosource --exclude='/berry_' $(pick --include='/berry_' "") --limit-priority=$(pick important optional) $dest ;;
  esac
done
stop_server
rm -rf $M
sed -n '1,2500p' $RAW > $F/debmirror.log
