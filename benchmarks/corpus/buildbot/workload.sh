#!/bin/bash
# Randomised workload for a Buildbot master (twistd.log) with two local workers: builds that pass,
# fail, time out and lose their worker; bad logins, reconfigs (good and broken), restarts.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round32-r32g/bb
PB=36410
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
rm -rf "$B"; mkdir -p "$B"; cd "$B"
buildbot create-master -r master >/dev/null
sed "s/@PBPORT@/$PB/; s/@WWWPORT@/36411/" "$HERE/master.cfg.in" > master/master.cfg
buildbot-worker create-worker -r w1 127.0.0.1:$PB w1 pw-w1 >/dev/null
buildbot-worker create-worker -r w2 127.0.0.1:$PB w2 pw-w2 >/dev/null
buildbot-worker create-worker -r bad 127.0.0.1:$PB w1 wrong-password >/dev/null
buildbot-worker create-worker -r ghost 127.0.0.1:$PB ghost pw-ghost >/dev/null
WHO=(alice bob carol dave erin)
FILES=(src/main.c src/util.c README.md docs/index.rst tests/test_api.py Makefile)
send() { # send PROJECT [auth]
  buildbot sendchange --master 127.0.0.1:$PB --auth "${2:-changer:chpw}" --who "${WHO[RANDOM % 5]}" \
    --project "$1" --branch "$( [ $((RANDOM % 4)) -eq 0 ] && echo release || echo main )" \
    --revision "$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')" -c "change $RANDOM" \
    "${FILES[RANDOM % 6]}" >/dev/null 2>&1
}
wpid() { cat "$B/$1/twistd.pid" 2>/dev/null; }
buildbot start master >/dev/null 2>&1
buildbot-worker start w1 >/dev/null 2>&1; buildbot-worker start w2 >/dev/null 2>&1
sleep 2
LOSE=$(r 3 12)   # one round where the worker is surely killed mid-build, others at random
for round in $(seq 1 $(r 28 36)); do
  k=$(( RANDOM % 17 )); [ "$round" -eq "$LOSE" ] && k=8
  case $k in
    0|1|2|3|4) send p1; sleep $(r 3 6) ;;
    5) send p1; send p1; sleep $(r 4 8) ;;
    6|7) send p2; sleep $(r 4 6) ;;
    8|16) send p2; sleep 3; kill -9 "$(wpid w2)" 2>/dev/null; sleep $(r 2 4)
       buildbot-worker start w2 >/dev/null 2>&1; sleep 2 ;;
    9) send p1 "changer:badpass"; send p1 "nobody:x"; sleep 1 ;;
    10) buildbot-worker start bad >/dev/null 2>&1; sleep 3; buildbot-worker stop bad >/dev/null 2>&1 ;;
    11) buildbot-worker start ghost >/dev/null 2>&1; sleep 3; buildbot-worker stop ghost >/dev/null 2>&1 ;;
    12) buildbot reconfig master >/dev/null 2>&1; sleep 1 ;;
    13) cp master/master.cfg master/master.cfg.ok
        case $(( RANDOM % 3 )) in
          0) echo "c['builders'].append(util.BuilderConfig(name='x', workernames=['nope'], factory=f_pass))" >> master/master.cfg ;;
          1) echo "this is not python (" >> master/master.cfg ;;
          2) echo "c['workers'].append(worker.Worker('w1', 'dup'))" >> master/master.cfg ;;
        esac
        buildbot reconfig master >/dev/null 2>&1; sleep 1; mv master/master.cfg.ok master/master.cfg ;;
    14) buildbot-worker stop w1 >/dev/null 2>&1; send p1; sleep 2; buildbot-worker start w1 >/dev/null 2>&1; sleep 3 ;;
    15) buildbot restart master >/dev/null 2>&1; sleep 3 ;;
  esac
done
sleep 10
buildbot-worker stop w1 >/dev/null 2>&1; buildbot-worker stop w2 >/dev/null 2>&1
buildbot stop master >/dev/null 2>&1
cp master/twistd.log "$HERE/twistd.full.log"   # buildbot.log is this file, whole
rm -rf "$B"
