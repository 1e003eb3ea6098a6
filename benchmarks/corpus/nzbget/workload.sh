#!/bin/bash
# Randomised NZBGet workload. Ports: 22501 (NServ news server), 22502 (flaky news server),
# 22503 (dead backup server), 22510 (nzbget control/JSON-RPC), 22511 (http server with nzb files).
D=/work/round21/nzbget
R=$D/run
bash $D/setup_nzbget.sh
N="nzbget -c $R/nzbget.conf"
api() { python3 $D/api.py "$@" > /dev/null; }
rsleep() { sleep $(python3 -c "import random;print(round(random.uniform($1,$2),2))"); }
ids() { python3 $D/api.py listgroups | python3 -c "import sys,json,random
try: r=json.loads(sys.stdin.read())['result']
except Exception: r=[]
ids=[g['NZBID'] for g in r]; random.shuffle(ids); print(json.dumps(ids[:$1]))"; }
hids() { python3 $D/api.py history | python3 -c "import sys,json,random
try: r=json.loads(sys.stdin.read())['result']
except Exception: r=[]
ids=[g['NZBID'] for g in r]; random.shuffle(ids); print(json.dumps(ids[:$1]))"; }
waitport() { for i in $(seq 40); do (echo > /dev/tcp/127.0.0.1/$1) 2>/dev/null && return; sleep 0.25; done; }
startns() { nzbget --nserv -d $R/data -b 127.0.0.1 -p 22501 -v 0 > /dev/null 2>&1 & NS=$!; waitport 22501; }
startnzbget() { $N -D > /dev/null 2>&1; waitport 22510; sleep 1; }
NZBS=($(ls $R/nzbsrc | shuf))

startns
python3 $D/flaky_nntp.py 22502 $((40 + RANDOM % 30)) & FL=$!
python3 -m http.server 22511 --bind 127.0.0.1 -d $R/www > /dev/null 2>&1 & HT=$!
startnzbget
api version; api status
# wrong credentials, restricted and add-only users, garbage
api --user nzbget --pass wrong status
api --user nobody --pass x listgroups
api --user viewer --pass view pausedownload
api --user viewer --pass view listgroups
printf 'GARBAGE / HTTP/1.0\r\n\r\n' > /dev/tcp/127.0.0.1/22510 2>/dev/null
printf 'GET /jsonrpc/nosuchmethod HTTP/1.0\r\nAuthorization: Basic bnpiZ2V0OnNlY3JldA==\r\n\r\n' > /dev/tcp/127.0.0.1/22510 2>/dev/null
api nosuchmethod
# add nzbs by content (various categories / priorities / paused)
for n in "${NZBS[@]:0:4}"; do
  api append "\"$n\"" "\"@$R/nzbsrc/$n\"" "\"$(shuf -n1 -e Movies Series Music '' Unknown)\"" $(shuf -n1 -e 0 50 100 -100) false $(shuf -n1 -e true false false) '""' 0 '"SCORE"' '[]'
  rsleep 0.2 1
done
api --user adder --pass add append "\"${NZBS[4]}\"" "\"@$R/nzbsrc/${NZBS[4]}\"" '""' 0 false false '""' 0 '"ALL"' '[]'
# by URL: good, missing, refused port
api append '""' "\"http://127.0.0.1:22511/${NZBS[5]}\"" '"Series"' 0 false false '""' 0 '"SCORE"' '[]'
api append '"missing.nzb"' '"http://127.0.0.1:22511/no-such-file.nzb"' '""' 0 false false '""' 0 '"SCORE"' '[]'
api append '"refused.nzb"' '"http://127.0.0.1:22509/x.nzb"' '""' 0 false false '""' 0 '"SCORE"' '[]'
# scanner: drop the rest into NzbDir
for n in "${NZBS[@]:6}"; do cp $R/nzbsrc/$n $R/nzb/; done
echo "not a zip" > $R/nzb/archive_$RANDOM.zip
rsleep 2 4
# queue editing
for c in $(shuf -e GroupPause GroupResume GroupMoveTop GroupMoveBottom GroupSetPriority GroupSetCategory GroupApplyCategory GroupSetName GroupSetDupeKey GroupSortFiles GroupDelete GroupPauseExtraPars GroupPauseAllPars | head -n 8); do
  case $c in
    GroupSetPriority) p=100;; GroupSetCategory|GroupApplyCategory) p=$(shuf -n1 -e Movies Music Software);;
    GroupSetName) p=renamed_$RANDOM;; GroupSetDupeKey) p=key$RANDOM;; *) p="";;
  esac
  api editqueue "\"$c\"" "\"$p\"" "$(ids $((1 + RANDOM % 2)))"
  rsleep 0.2 0.8
done
api editqueue '"GroupResume"' '""' "$(ids 10)"
api editqueue '"NoSuchCommand"' '""' '[1]'
api pausedownload; rsleep 1 2; api resumedownload
api rate 200; rsleep 1 3; api rate 0
api pausepost; api pausescan; rsleep 0.5 1; api resumepost; api resumescan; api scan
api servervolumes; api resetservervolume 1 '""'
api log 0 20; api sysinfo; api config; api loadconfig
rsleep 4 7
# the news server dies and comes back
kill $NS; wait $NS 2>/dev/null
rsleep 4 8
startns
rsleep 5 10
api history
api editqueue '"HistoryRedownload"' '""' "$(hids 1)"
api editqueue '"HistoryReturn"' '""' "$(hids 1)"
api editqueue '"HistoryMarkBad"' '""' "$(hids 1)"
api editqueue '"HistoryDelete"' '""' "$(hids 1)"
api editqueue '"HistoryFinalDelete"' '""' "$(hids 1)"
api editqueue '"HistoryProcess"' '""' "$(hids 1)"
rsleep 4 8
# reload (soft restart) then shutdown and start again
api reload
sleep 3; waitport 22510
for n in "${NZBS[@]:0:2}"; do
  api append "\"again_$n\"" "\"@$R/nzbsrc/$n\"" '""' 0 true false '""' 0 '"FORCE"' '[]'
done
rsleep 5 9
api shutdown
sleep 3
startnzbget
cp $R/nzbsrc/${NZBS[$((RANDOM % ${#NZBS[@]}))]} $R/nzb/late_$RANDOM.nzb
rsleep 8 12
api editqueue '"GroupDelete"' '""' "$(ids 3)"
api history
rsleep 2 4
$N -Q > /dev/null 2>&1
sleep 3
kill $NS $HT $FL 2>/dev/null
wait 2>/dev/null
head -n 2500 $R/nzbget.log > $D/nzbget.log
wc -l $R/nzbget.log $D/nzbget.log
