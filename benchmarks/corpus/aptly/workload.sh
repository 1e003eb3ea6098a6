#!/bin/bash
# Randomised workload for `aptly api serve` (127.0.0.1:32080, root dir under /tmp/round31-r31m/aptly).
# Its stdout+stderr is captured to aptly.log.  A python http.server on 127.0.0.1:32081 serves the
# published tree so that mirrors can be created from it (the fake upstream); port 32082 has nothing.
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31m/aptly
rm -rf "$T"; mkdir -p "$T/root/public" "$T/debs" "$T/build"
LOG=$HERE/aptly.log; : > "$LOG"
API=http://127.0.0.1:32080/api
R() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(R ${#a[@]})]}"; }

# --- fake packages
for p in alpha beta gamma delta; do for v in 1.0 1.1 2.0; do for a in amd64 all; do
  d=$T/build/$p-$v-$a; mkdir -p $d/DEBIAN $d/usr/share/doc/r31-$p; echo "$p $v" > $d/usr/share/doc/r31-$p/README
  deps=""; [ $p = beta ] && deps="Depends: r31-alpha (>= 1.0)"; [ $p = gamma ] && deps="Depends: r31-beta, r31-missing"
  printf "Package: r31-$p\nVersion: $v\nArchitecture: $a\nMaintainer: Test <t@example.invalid>\nDescription: test package $p\n${deps:+$deps\n}" > $d/DEBIAN/control
  dpkg-deb --build $d $T/debs/r31-${p}_${v}_$a.deb >/dev/null
done; done; done
echo "not a deb" > $T/debs/broken_1.0_amd64.deb
rm -rf $T/build

start() { GIN_MODE=${1:-debug} aptly api serve -config="$HERE/aptly.conf" -listen=127.0.0.1:32080 >>"$LOG" 2>&1 & SRV=$!; echo $SRV > $T/aptly.pid
  for i in $(seq 50); do curl -s -o /dev/null $API/version && break; sleep 0.1; done; }
stop() { kill -TERM $SRV 2>/dev/null; for i in $(seq 30); do kill -0 $SRV 2>/dev/null || break; sleep 0.1; done; kill -KILL $SRV 2>/dev/null; wait $SRV 2>/dev/null; }
c() { curl -s -m 60 -o /dev/null "$@"; }
j() { c -H 'Content-Type: application/json' "$@"; }

(cd $T/root/public && exec python3 -m http.server 32081 --bind 127.0.0.1 >/dev/null 2>&1) & WEB=$!
start
repos=(main extra testing)
for r in "${repos[@]}"; do j -X POST -d "{\"Name\":\"$r\",\"DefaultDistribution\":\"$r\",\"DefaultComponent\":\"main\"}" $API/repos; done
n=0
while [ $n -lt 280 ]; do
  n=$((n+1)); r=$(pick "${repos[@]}"); dir=up$(R 5)
  case $(R 40) in
    0|1|2|3) for f in $(ls $T/debs | shuf -n $((1 + $(R 4)))); do c -X POST -F "file=@$T/debs/$f" $API/files/$dir; done
       c -X POST "$API/repos/$r/file/$dir$( [ $(R 3) = 0 ] && echo '?forceReplace=1')" ;;
    4) c -X POST -F "file=@$T/debs/$(ls $T/debs | shuf -n1)" $API/files/$dir
       c -X POST "$API/repos/$r/file/$dir/$(ls $T/debs | shuf -n1)" ;;
    5|6) c $API/repos; c $API/repos/$r; c "$API/repos/$r/packages?q=$(pick 'r31-alpha' 'Name (~ r31-.*)' 'r31-beta (>= 1.1)' '\$Architecture (amd64)' 'bad((query' | sed 's/ /%20/g')" ;;
    7) c "$API/repos/$r/packages?format=details"; c $API/repos/nosuch$(R 9) ;;
    8) j -X POST -d "{\"Name\":\"$r\"}" $API/repos; j -X POST -d '{"Nam' $API/repos ;;
    9) j -X PUT -d "{\"Comment\":\"edited $n\",\"DefaultDistribution\":\"$r\"}" $API/repos/$r ;;
    10|11) s=snap-$r-$n; j -X POST -d "{\"Name\":\"$s\",\"Description\":\"from $r\"}" $API/repos/$r/snapshots ;;
    12) c $API/snapshots; s=$(curl -s $API/snapshots | python3 -c 'import json,sys,random; l=json.load(sys.stdin); print(random.choice(l)["Name"] if l else "none")'); c $API/snapshots/$s; c "$API/snapshots/$s/packages?q=r31-alpha" ;;
    13) l=($(curl -s $API/snapshots | python3 -c 'import json,sys; print(" ".join(x["Name"] for x in json.load(sys.stdin)))')); c $API/snapshots/$(pick "${l[@]}" none)/diff/$(pick "${l[@]}" none) ;;
    14|15) d=$(pick stable unstable $r); p=$(pick "" "r31" "alt:edge")
       j -X POST -d "{\"SourceKind\":\"local\",\"Sources\":[{\"Name\":\"$r\"}],\"Distribution\":\"$d\",\"Architectures\":[\"amd64\",\"all\"],\"Signing\":{\"Skip\":$(pick true true true false)}}" $API/publish/${p:-.} ;;
    16) l=($(curl -s $API/snapshots | python3 -c 'import json,sys; print(" ".join(x["Name"] for x in json.load(sys.stdin)))')); s=$(pick "${l[@]}" none)
       j -X POST -d "{\"SourceKind\":\"snapshot\",\"Sources\":[{\"Name\":\"$s\"}],\"Distribution\":\"snap$(R 3)\",\"Signing\":{\"Skip\":true}}" $API/publish/snaps ;;
    17|18) j -X PUT -d "{\"Signing\":{\"Skip\":true},\"ForceOverwrite\":$(pick true false)}" $API/publish/:./$(pick stable unstable main extra testing) ;;
    19) l=($(curl -s $API/snapshots | python3 -c 'import json,sys; print(" ".join(x["Name"] for x in json.load(sys.stdin)))'))
       j -X PUT -d "{\"Snapshots\":[{\"Component\":\"main\",\"Name\":\"$(pick "${l[@]}" none)\"}],\"Signing\":{\"Skip\":true}}" $API/publish/snaps/snap$(R 3) ;;
    20) c -X DELETE "$API/publish/$(pick : r31 snaps)/$(pick stable unstable snap0 snap1 main)$( [ $(R 2) = 0 ] && echo '?force=1')" ;;
    21) c $API/publish; c $API/files; c $API/files/$dir; c -X DELETE $API/files/$dir/$(ls $T/debs | shuf -n1) ;;
    22) c -X DELETE $API/files/$dir; c -X DELETE $API/files/nosuchdir ;;
    23) j -X DELETE -d "{\"PackageRefs\":[\"Pamd64 r31-alpha 1.0 $(printf %016x $RANDOM)\"]}" $API/repos/$r/packages ;;
    24) c -X DELETE "$API/repos/$r$( [ $(R 2) = 0 ] && echo '?force=1')"
        j -X POST -d "{\"Name\":\"$r\",\"DefaultDistribution\":\"$r\",\"DefaultComponent\":\"main\"}" $API/repos ;;
    25) c -X DELETE "$API/snapshots/$(curl -s $API/snapshots | python3 -c 'import json,sys,random; l=json.load(sys.stdin); print(random.choice(l)["Name"] if l else "none")')$( [ $(R 2) = 0 ] && echo '?force=1')" ;;
    26) j -X POST -d "{\"Name\":\"up-$n\",\"ArchiveURL\":\"http://127.0.0.1:32081/$(pick '' r31/)\",\"Distribution\":\"$(pick stable unstable main)\",\"Components\":[\"main\"],\"Architectures\":[\"amd64\"],\"IgnoreSignatures\":true}" $API/mirrors ;;
    27) j -X POST -d "{\"Name\":\"dead-$n\",\"ArchiveURL\":\"http://127.0.0.1:32082/debian/\",\"Distribution\":\"bookworm\",\"IgnoreSignatures\":true}" $API/mirrors
        j -X POST -d "{\"Name\":\"signed-$n\",\"ArchiveURL\":\"http://127.0.0.1:32081/\",\"Distribution\":\"stable\"}" $API/mirrors ;;
    28) m=$(curl -s $API/mirrors | python3 -c 'import json,sys,random; l=json.load(sys.stdin); print(random.choice(l)["Name"] if l else "none")')
        j -X PUT -d "{\"IgnoreSignatures\":true,\"Skip-Existing-Packages\":$(pick true false)}" $API/mirrors/$m; c $API/mirrors/$m/packages ;;
    29) m=$(curl -s $API/mirrors | python3 -c 'import json,sys,random; l=json.load(sys.stdin); print(random.choice(l)["Name"] if l else "none")')
        j -X POST -d "{\"Name\":\"msnap-$n\"}" $API/mirrors/$m/snapshots; c -X DELETE "$API/mirrors/$m$( [ $(R 2) = 0 ] && echo '?force=1')" ;;
    30) c -X POST $API/db/cleanup ;;
    31) c $API/graph.$(pick png svg dot) ;;
    32) c $API/tasks; c -X POST $API/tasks-clear; c "$API/tasks/$(R 50)"; c "$API/tasks/$(R 50)/output" ;;
    33) j -X POST -d "{\"Name\":\"merge-$n\",\"SourceSnapshots\":[\"$(curl -s $API/snapshots | python3 -c 'import json,sys; l=json.load(sys.stdin); print(l[0]["Name"] if l else "none")')\"],\"Description\":\"merged\"}" $API/snapshots ;;
    34) c "$API/packages/$(pick 'Pamd64 r31-alpha 1.0 0' 'Pall r31-delta 2.0 1' xyz)" ; c $API/metrics ;;
    35) c -X POST "$API/repos/$r/file/$dir?_async=true"; c $API/tasks-wait ;;
    36) c -X POST -F "file=@$T/debs/broken_1.0_amd64.deb" $API/files/$dir; c -X POST $API/repos/$r/file/$dir/broken_1.0_amd64.deb ;;
    37) stop; sleep 0.5; start $(pick debug debug release) ;;
    38) c -X POST -H 'Content-Type: application/json' -d '{"Signing":' $API/publish; c -X PATCH $API/repos; c "$API/repos/$r/packages?q=Name%20(%3D%3D" ;;
    39) c -X POST -F "file=@$T/debs/$(ls $T/debs | shuf -n1)" "$API/files/../etc"; c -X POST $API/repos/$r/include/$dir ;;
  esac
done
stop
kill $WEB; wait $WEB 2>/dev/null
rm -rf "$T"
