#!/bin/bash
# reprepro workload: run as root; re-executes itself inside private net+mount namespaces.
RANDOM=4646
D=/work/round46/reprepro
R=/tmp/round46-r46f/rr
if [ -z "$R46NS" ]; then exec "$D/ns.sh" env R46NS=1 bash "$D/workload.sh" "$@"; fi
set -m
cd "$D" || exit 1
rm -rf "$R/work"; mkdir -p "$R/work/fix" "$R/work/srv"
F=$R/work/fix; REPO=$R/work/repo; UP=$R/work/srv/up
RAW=$R/work/raw.log; : > "$RAW"
export SOURCE_DATE_EPOCH=1700000000
rr(){ reprepro -VVV "$@" >> "$RAW" 2>&1; }
rp(){ rr -b "$REPO" --confdir "$D/conf" "$@"; }
ru(){ rr -b "$UP" --confdir "$D/upconf" "$@"; }
mkdeb(){ # name version arch [section]
  local n=$1 v=$2 a=$3 s=${4:-misc} d=$F/b-$1-$2-$3
  mkdir -p $d/DEBIAN $d/usr/share/doc/$n; echo "$n $v" > $d/usr/share/doc/$n/README
  printf 'Package: %s\nVersion: %s\nArchitecture: %s\nMaintainer: T <t@example.org>\nSection: %s\nPriority: optional\nDescription: test %s\n test package\n' $n $v $a $s $n > $d/DEBIAN/control
  dpkg-deb -Zgzip --root-owner-group -b $d $F/${n}_${v}_${a}.deb >/dev/null 2>&1; rm -rf $d; }
mkdsc(){ # name version
  local n=$1 v=$2 d=$F/s-$1/$1-$2
  mkdir -p $d/debian/source; echo "$n" > $d/file; echo '3.0 (native)' > $d/debian/source/format
  printf 'Source: %s\nSection: misc\nPriority: optional\nMaintainer: T <t@example.org>\n\nPackage: %s\nArchitecture: all\nDescription: %s\n %s\n' $n $n $n $n > $d/debian/control
  printf '%s (%s) unstable; urgency=low\n\n  * init\n\n -- T <t@example.org>  Mon, 01 Jan 2024 00:00:00 +0000\n' $n $v > $d/debian/changelog
  (cd $F/s-$n && dpkg-source -b $n-$v >/dev/null 2>&1 && mv ${n}_$v.dsc ${n}_$v.tar.xz $F/); rm -rf $F/s-$n; }
mkchanges(){ # out dist source version files...
  local out=$1 dist=$2 src=$3 ver=$4; shift 4
  { printf 'Format: 1.8\nDate: Mon, 01 Jan 2024 00:00:00 +0000\nSource: %s\nBinary: %s\nArchitecture: source all amd64\nVersion: %s\nDistribution: %s\nUrgency: low\nMaintainer: T <t@example.org>\nChanged-By: T <t@example.org>\nDescription:\n %s - test\nChanges:\n %s (%s) %s; urgency=low\n .\n   * test\n' $src $src $ver $dist $src $src $ver $dist
    echo "Checksums-Sha1:"; for f in "$@"; do [ -f "$F/$f" ] && echo " $(sha1sum < $F/$f | cut -d' ' -f1) $(stat -c %s $F/$f) $f" || echo " 0000000000000000000000000000000000000000 10 $f"; done
    echo "Checksums-Sha256:"; for f in "$@"; do [ -f "$F/$f" ] && echo " $(sha256sum < $F/$f | cut -d' ' -f1) $(stat -c %s $F/$f) $f"; done
    echo "Files:"; for f in "$@"; do [ -f "$F/$f" ] && echo " $(md5sum < $F/$f | cut -d' ' -f1) $(stat -c %s $F/$f) misc optional $f" || echo " 00000000000000000000000000000000 10 misc optional $f"; done
  } > "$F/$out"; }
NAMES=(foo bar baz qux lib-alpha tool zeta omega)
ARCHS=(amd64 i386 all)
DISTS=(alpha beta gamma)
# upstream archive, served over http on port 48500
for i in $(seq 1 $((RANDOM%4+3))); do n=up${NAMES[RANDOM%8]}; v=1.$((RANDOM%5)); a=${ARCHS[RANDOM%3]}; mkdeb $n $v $a; ru includedeb stable $F/${n}_${v}_${a}.deb; done
mkdsc upsrc 0.9; ru includedsc stable $F/upsrc_0.9.dsc
ru export
(cd $R/work/srv && exec python3 -m http.server --bind 127.0.0.1 48500 >/dev/null 2>&1) & HTTPPID=$!
sleep 1
for round in $(seq 1 24); do
  for k in $(seq 1 $((RANDOM%6+2))); do
    n=${NAMES[RANDOM%8]}; v=$((RANDOM%3+1)).$((RANDOM%4)); a=${ARCHS[RANDOM%3]}; d=${DISTS[RANDOM%3]}
    case $((RANDOM%20)) in
      0|1|2|3|4|5) [ -f $F/${n}_${v}_${a}.deb ] || mkdeb $n $v $a; rp includedeb $d $F/${n}_${v}_${a}.deb;;
      6) rp -C contrib includedeb $d $F/${n}_${v}_${a}.deb;;
      7|8) [ -f $F/${n}_$v.dsc ] || mkdsc $n $v; rp includedsc $d $F/${n}_$v.dsc;;
      9) mkdeb $n $v $a; mkdsc $n $v; mkchanges ${n}_${v}_amd64.changes $d $n $v ${n}_$v.dsc ${n}_$v.tar.xz ${n}_${v}_${a}.deb; rp include $d $F/${n}_${v}_amd64.changes;;
      10) mkdsc $n $v; mkchanges ${n}_${v}_bad.changes ${DISTS[RANDOM%3]}x $n $v ${n}_$v.dsc missing_$v.tar.xz; rp include $d $F/${n}_${v}_bad.changes;;
      11) rp includedeb $d $F/nonexistent_${v}_$a.deb;;
      12) if [ $((RANDOM%2)) = 0 ]; then head -c $((RANDOM%300+10)) $F/$(ls $F | grep '\.deb$' | head -1) > $F/broken_${v}_$a.deb; else printf '!<arch>\ngarbage %s\n' $RANDOM > $F/broken_${v}_$a.deb; fi; rp includedeb $d $F/broken_${v}_$a.deb;;
      13) rp remove $d $n; rp -T dsc remove $d $n;;
      14) rp includedeb nosuchdist $F/$(ls $F | grep '\.deb$' | tail -1);;
      15) rp list $d $n; rp listfilter $d "Package (== $n)";;
      16) rp -A ${ARCHS[RANDOM%2]} includedeb $d $F/$(ls $F | grep '\.deb$' | head -$((RANDOM%3+1)) | tail -1);;
      17) printf 'garbage\n' > $F/bad_$v.dsc; rp includedsc $d $F/bad_$v.dsc;;
      18) rp copy beta alpha $n;;
      19) rp removesrc $d $n;;
    esac
  done
  case $((RANDOM%9)) in
    0|1) rp export;;
    2) rp check;;
    3) rp checkpool; rp checkpool fast;;
    4) rp --noskipold update beta;;
    5) rp update;;
    6) f=$(find $REPO/pool -name '*.deb' 2>/dev/null | head -$((RANDOM%3+1)) | tail -1); [ -n "$f" ] && rm -f "$f"; rp checkpool; rp check;;
    7) rp deleteunreferenced; rp dumpunreferenced;;
    8) rp clearvanished; rp createsymlinks; rp --delete --delete clearvanished;;
  esac
  if [ $((RANDOM%4)) = 0 ]; then kill $HTTPPID; wait $HTTPPID 2>/dev/null; rp update beta; (cd $R/work/srv && exec python3 -m http.server --bind 127.0.0.1 48500 >/dev/null 2>&1) & HTTPPID=$!; sleep 1; fi
  if [ $((RANDOM%5)) = 0 ]; then n=up${NAMES[RANDOM%8]}; v=2.$((RANDOM%9)); mkdeb $n $v amd64; ru includedeb stable $F/${n}_${v}_amd64.deb; ru export; fi
done
rp dumptracks beta; rp retrack; rp tidytracks; rp dumpreferences
kill $HTTPPID; wait $HTTPPID 2>/dev/null
sed -n '1,2500p' "$RAW" > "$D/reprepro.log"
rm -rf "$R/work"
