#!/bin/bash
# Randomised workload for debuginfod -vvv. Builds ELF files, serves them, queries them.
D=/work/round34/debuginfod
R=/tmp/round34-r34d/dbg
P=43510; UP=43511
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
rm -rf $R; mkdir -p $R/elf $R/up $R/cache $R/deb
build() { # name dir : debug binary + stripped binary + separate debuginfo
  gcc -g -O$(rnd 0 2) -Wl,--build-id -o $2/$1 $D/src/$3.c
  cp $2/$1 $2/$1.full; objcopy --only-keep-debug $2/$1.full $2/$1.debug; strip $2/$1; rm $2/$1.full
}
for n in hello calc sorter; do build $n $R/elf $n; done
build upstreamonly $R/up hello; sed 's/3 + 1/5 + 2/' $D/src/calc.c > $R/up/u.c; gcc -g -o $R/up/u2 $R/up/u.c
printf 'not an elf\n' > $R/elf/junk.bin; ln -s /nonexistent $R/elf/dangling
# a small .deb holding one ELF
mkdir -p $R/debpkg/DEBIAN $R/debpkg/usr/bin; cp $R/elf/hello.debug $R/debpkg/usr/bin/hello-dbg
printf 'Package: r34d\nVersion: 1.0\nArchitecture: amd64\nMaintainer: x <x@x>\nDescription: x\n' > $R/debpkg/DEBIAN/control
dpkg-deb -b $R/debpkg $R/deb/r34d_1.0_amd64.deb >/dev/null
# upstream server (not logged) for federation
debuginfod -p $UP -d $R/up.sqlite -F $R/up -t 0 -g 0 >/dev/null 2>&1 & echo $! > $R/up.pid
run() { DEBUGINFOD_URLS="http://127.0.0.1:$UP http://127.0.0.1:43519" DEBUGINFOD_CACHE_PATH=$R/srvcache \
  debuginfod -vvv -p $P -d $R/db.sqlite -F -U -t $(rnd 2 6) -g $(rnd 3 8) -c 2 "$@" $R/elf $R/deb $R/missingdir >> $D/debuginfod.raw 2>&1 & echo $! > $R/srv.pid; sleep 3; }
: > $D/debuginfod.raw
run
ids() { for f in $R/elf/* $R/up/*; do eu-readelf -n $f 2>/dev/null | awk '/Build ID:/{print $3}'; done | sort -u; }
export DEBUGINFOD_URLS=http://127.0.0.1:$P DEBUGINFOD_CACHE_PATH=$R/cache
for round in $(seq $(rnd 70 85)); do
  case $(rnd 0 10) in
    0|1|2) for id in $(ids | shuf -n $(rnd 1 4)); do
         debuginfod-find debuginfo $id >/dev/null 2>&1; debuginfod-find executable $id >/dev/null 2>&1
         debuginfod-find source $id /tmp/nosuch.c >/dev/null 2>&1; done
       rm -rf $R/cache ;;
    3) for i in $(seq $(rnd 1 5)); do debuginfod-find debuginfo $(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n') >/dev/null 2>&1; done ;;
    4) curl -s --max-time 3 http://127.0.0.1:$P/metrics >/dev/null; curl -s --max-time 3 http://127.0.0.1:$P/badpath >/dev/null
       curl -s --max-time 3 http://127.0.0.1:$P/buildid/zz/debuginfo >/dev/null; curl -s --max-time 3 http://127.0.0.1:$P/buildid/abcd/bogus >/dev/null ;;
    5) for id in $(ids | shuf -n 2); do curl -s --max-time 3 -H 'X-Forwarded-For: 10.0.0.1' http://127.0.0.1:$P/buildid/$id/source/usr/src/x.c >/dev/null
         curl -s --max-time 3 -I http://127.0.0.1:$P/buildid/$id/executable >/dev/null; done ;;
    6) build extra$round $R/elf sorter; sleep $(rnd 2 5); kill -USR1 $(cat $R/srv.pid) ;;
    7) rm -f $R/elf/extra*; kill -USR2 $(cat $R/srv.pid); sleep 2 ;;
    8) kill -INT $(cat $R/srv.pid); sleep 2; run ;;
    10) curl -s --max-time 3 http://127.0.0.1:$P/ >/dev/null; curl -s --max-time 3 "http://127.0.0.1:$P/buildid/$(ids | shuf -n1)/source" >/dev/null ;;
    9) printf 'GARBAGE\r\n\r\n' | timeout 2 curl -s --max-time 2 telnet://127.0.0.1:$P >/dev/null 2>&1
       curl -s --max-time 3 -X POST http://127.0.0.1:$P/metrics -d x >/dev/null ;;
  esac
  sleep $(rnd 1 3)
done
kill -INT $(cat $R/srv.pid); sleep 2
debuginfod -vvv -p $P -d /nonexistent/dir/db.sqlite -F $R/elf >> $D/debuginfod.raw 2>&1
kill $(cat $R/up.pid); sleep 1
