#!/bin/bash
# Run inside a private network namespace (only loopback): unshare -n bash -c "ip link set lo up; ./workload.sh"
# Randomised REST workload for OctoPrint (serve -vvv + logging.yaml); log: <basedir>/logs/octoprint.log,
# of which lines 481-2950 (from "Listening on" of the first server run) were kept as octoprint.log
D=$(cd "$(dirname "$0")" && pwd)
B=/tmp/round36-r36f/octo
O=/tmp/round36-r36f/venv-octo/bin/octoprint
PY=/tmp/round36-r36f/venv-octo/bin/python
P=48600; U=http://127.0.0.1:$P
rm -rf $B; mkdir -p $B $B/gcode
cp $D/config.yaml $D/logging.yaml $B/
$O -b $B user add --password "pw$RANDOM$RANDOM" --admin admin > /dev/null 2>&1
$O -b $B user add --password "pw$RANDOM$RANDOM" viewer > /dev/null 2>&1
KEY=$(openssl rand -hex 16); KEY2=$(openssl rand -hex 16)
$PY - "$B/users.yaml" "$KEY" "$KEY2" <<'EOP'
import sys, yaml
p, k, k2 = sys.argv[1:]
d = yaml.safe_load(open(p))
d["admin"]["apikey"] = k
d["viewer"]["apikey"] = k2
yaml.safe_dump(d, open(p, "w"))
EOP
R() { echo $(( RANDOM % $1 )); }
# a few small G-code files
for i in 1 2 3 4; do
  { echo "; test part $i"; echo "G28"; echo "M104 S200"; echo "M140 S60"; echo "G1 Z0.3 F3000"
    for j in $(seq 1 $((20 + i * 15))); do echo "G1 X$((j % 100)) Y$(( (j * 7) % 100 )) E0.$j F1500"; done
    echo "M104 S0"; echo "M140 S0"; echo "M84"; } > $B/gcode/part$i.gcode
done
printf 'not gcode at all\n' > $B/gcode/notes.txt
start() {
  $O serve -b $B --host 127.0.0.1 --port $P -vvv --iknowwhatimdoing > /dev/null 2>&1 &
  OPID=$!
  for i in $(seq 1 120); do curl -s -o /dev/null --max-time 2 $U/api/version -H "X-Api-Key: $KEY" && break; sleep 0.5; done
}
# let the last request finish logging first: a SIGTERM that lands while OctoPrint's async log handler
# is submitting a record can deadlock the server (it happened once; that server was then killed with -9)
stop() { sleep 2; kill -TERM $OPID 2>/dev/null; wait $OPID 2>/dev/null; }
A() { curl -s -o /dev/null --max-time 15 -H "X-Api-Key: $KEY" "$@"; }
J() { A -H "Content-Type: application/json" "$@"; }
one() {
  case $(R 30) in
    0|1) A $U/api/version ;;
    2) A $U/api/server ;;
    3|4) A $U/api/printer ;;
    5) A $U/api/job ;;
    6) A $U/api/connection ;;
    7) J -X POST $U/api/connection -d '{"command":"connect","port":"VIRTUAL","baudrate":115200}' ;;
    8) J -X POST $U/api/connection -d '{"command":"disconnect"}' ;;
    9|10) A -F "file=@$B/gcode/part$((1 + $(R 4))).gcode" $U/api/files/local ;;
    11) J -X POST $U/api/files/local/part$((1 + $(R 4))).gcode -d '{"command":"select","print":true}' ;;
    12) J -X POST $U/api/job -d '{"command":"cancel"}' ;;
    13) J -X POST $U/api/job -d '{"command":"pause","action":"toggle"}' ;;
    14) J -X POST $U/api/job -d '{"command":"start"}' ;;
    15) J -X POST $U/api/printer/command -d '{"commands":["M105","M114"]}' ;;
    16) J -X POST $U/api/printer/tool -d "{\"command\":\"target\",\"targets\":{\"tool0\":$((150 + $(R 80)))}}" ;;
    17) J -X POST $U/api/printer/bed -d "{\"command\":\"target\",\"target\":$((40 + $(R 40)))}" ;;
    18) J -X POST $U/api/printer/printhead -d '{"command":"home","axes":["x","y","z"]}' ;;
    19) J -X POST $U/api/printer/printhead -d "{\"command\":\"jog\",\"x\":$(R 20),\"y\":-$(R 20)}" ;;
    20) A $U/api/files ;;
    21) A $U/api/files/local/part$((1 + $(R 6))).gcode ;;
    22) A -X DELETE $U/api/files/local/part$((1 + $(R 6))).gcode ;;
    23) J -X POST $U/api/printer/command -d '{"commands":["M999","G0 X10"]}' ;;
    24) A -H "X-Api-Key: wrongkey$RANDOM" $U/api/printer ;;
    25) curl -s -o /dev/null --max-time 5 $U/api/job ;;
    26) J -X POST $U/api/job -d '{not json' ;;
    27) A -F "file=@$B/gcode/notes.txt" $U/api/files/local ;;
    28) J -X POST $U/api/printer/command -d '{"command":"M117 hello '$RANDOM'"}' ;;
    29) curl -s -o /dev/null --max-time 5 -H "X-Api-Key: $KEY2" -H "Content-Type: application/json" -X POST $U/api/job -d '{"command":"cancel"}' ;;
  esac
}
burst() { for i in $(seq 1 $1); do one; sleep 0.$(R 4); done; }
start
J -X POST $U/api/connection -d '{"command":"connect","port":"VIRTUAL","baudrate":115200}'
sleep 3
burst $((40 + $(R 20)))
A -F "file=@$B/gcode/part2.gcode" $U/api/files/local
J -X POST $U/api/files/local/part2.gcode -d '{"command":"select","print":true}'
sleep 5
burst $((30 + $(R 20)))
J -X POST $U/api/system/commands/core/restart -d '{}' > /dev/null
stop
start
burst $((30 + $(R 20)))
J -X POST $U/api/connection -d '{"command":"connect","port":"/dev/ttyS0","baudrate":115200}'
sleep 3
burst $((20 + $(R 10)))
stop
