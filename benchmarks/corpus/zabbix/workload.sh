#!/bin/bash
# Round-13 corpus workload: Zabbix agent 6.0 (Debian 12 package zabbix-agent), zabbix_agentd with
# DebugLevel=4 writing its own LogFile, for DURATION seconds of randomised passive checks
# (zbxclients.py get, like zabbix_get) and active checks served by a fake Zabbix server
# (zbxclients.py server); valid, unsupported and malformed keys, timeouts, denied keys and hosts,
# garbage, runtime-control reloads, restarts, stop. 127.0.0.1 ports 21050/21051 only.
# Run as root on Debian 12:  apt-get install -y zabbix-agent ; bash workload.sh [OUT_DIR] [DURATION]
# Writes OUT_DIR/zabbix_agentd.full.log (the agent's own log file, unchanged); zabbix.log is its
# first 2,500 lines: head -2500 zabbix_agentd.full.log > zabbix.log
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; DURATION=${2:-100}
W=/tmp/r13zbx; P="python3 $HERE/zbxclients.py"
AP=21050; SP=21051
[ -f $W/zabbix_agentd.pid ] && kill $(cat $W/zabbix_agentd.pid) 2>/dev/null
[ -f $W/fake.pid ] && kill $(cat $W/fake.pid) 2>/dev/null
sleep 1; rm -rf $W; mkdir -p $W/rot $W/data; cd $W
r() { echo $((RANDOM % $1)); }
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima)
w() { echo ${words[$(r ${#words[@]})]}; }
echo "first line" > app.log
for i in 1 2 3; do echo "$(w) $RANDOM" > data/f$i.txt; done
echo "WARN boot $RANDOM" > rot/app.1.log
chown -R zabbix $W
cat > agent.conf <<EOF
PidFile=$W/zabbix_agentd.pid
LogType=file
LogFile=$W/zabbix_agentd.log
LogFileSize=0
DebugLevel=4
Server=127.0.0.1
ListenIP=127.0.0.1
ListenPort=$AP
StartAgents=3
ServerActive=127.0.0.1:$SP
Hostname=r13host
HostMetadata=round13 linux
RefreshActiveChecks=60
BufferSend=2
BufferSize=20
MaxLinesPerSecond=5
Timeout=3
AllowKey=system.run[*]
DenyKey=vfs.file.contents[/etc/shadow]
DenyKey=vfs.file.*[/root/*]
LogRemoteCommands=1
Alias=my.ping:agent.ping
Alias=my.load:system.cpu.load[all,avg1]
UnsafeUserParameters=0
Include=$W/userparams.conf
EOF
write_up() {
  cat > userparams.conf <<EOF
UserParameter=r13.echo[*],echo "\$1"
UserParameter=r13.sleep[*],sleep \$1; echo slept
UserParameter=r13.fail,exit 3
UserParameter=r13.rand,echo \$\$
UserParameter=r13.gen$1,echo generation $1
UserParameter=r13.stderr,ls /nonexistent-$1
EOF
  chown zabbix userparams.conf
}
write_up 1
state() { # mode items...
  local mode=$1; shift; local items=""
  for it in "$@"; do items="$items,[\"${it%|*}\",${it##*|}]"; done
  echo "{\"mode\":\"$mode\",\"items\":[${items#,}],\"sleep\":$((4 + $(r 4)))}" > state.json
}
active_sets=(
 "log[$W/app.log,error]|1" "logrt[$W/rot/app\\\\..*\\\\.log,WARN]|2" "log.count[$W/app.log,fail]|2"
 "agent.ping|$((1 + $(r 3)))" "system.cpu.load[all,avg5]|3" "nosuch.active.key|2" "eventlog[System]|3"
 "vfs.file.size[$W/app.log]|2" "r13.sleep[4]|5" "vfs.file.contents[/etc/shadow]|4" "my.load|2"
 "log[$W/missing.log]|3" "proc.num[zabbix_agentd]|4" "system.uptime|5" "r13.fail|4" )
pick_active() {
  local n=$((3 + $(r 6))) out=()
  for i in $(seq $n); do out+=("${active_sets[$(r ${#active_sets[@]})]}"); done
  state ${1:-ok} "${out[@]}"
}
pick_active ok
start_fake() { $P server $SP $W/state.json & echo $! > fake.pid; }
start_agent() { zabbix_agentd -c $W/agent.conf; }
start_fake; sleep 0.5; start_agent; sleep 2
getk() { timeout 10 $P get $AP "$@" >/dev/null 2>&1; }
passive_key() {
  case $(r 40) in
    0) echo agent.ping ;; 1) echo agent.version ;; 2) echo agent.hostname ;; 3) echo system.uptime ;;
    4) echo "system.cpu.load[all,avg$(( (1 + $(r 3)) * 5 - 4 + 0 ))]" ;;
    5) echo "system.cpu.util[,$( ( echo user; echo system; echo idle ) | shuf -n1)]" ;;
    6) echo "vm.memory.size[$( ( echo available; echo total; echo pused; echo bogus ) | shuf -n1)]" ;;
    7) echo "vfs.fs.size[/,$( ( echo free; echo pfree; echo used ) | shuf -n1)]" ;;
    8) echo "vfs.file.exists[$W/data/f$((1 + $(r 5))).txt]" ;;
    9) echo "vfs.file.size[$W/data/f$((1 + $(r 5))).txt]" ;;
    10) echo "vfs.file.contents[$W/data/f$((1 + $(r 5))).txt]" ;;
    11) echo "vfs.file.md5sum[$W/app.log]" ;;
    12) echo "vfs.file.regmatch[$W/app.log,$(w)]" ;;
    13) echo "net.tcp.port[127.0.0.1,$((21040 + $(r 20)))]" ;;
    14) echo "net.tcp.service[$( ( echo http; echo ssh; echo smtp; echo ftp ) | shuf -n1),127.0.0.1,$((21900 + $(r 50)))]" ;;
    15) echo "proc.num[$( ( echo zabbix_agentd; echo python3; echo nosuchproc$(r 9) ) | shuf -n1)]" ;;
    16) echo "system.run[echo $(w) $RANDOM]" ;;
    17) echo "system.run[sleep $((4 + $(r 3)))]" ;;
    18) echo "system.run[nosuchcmd$(r 99)]" ;;
    19) echo "system.run[touch $W/data/t$RANDOM,nowait]" ;;
    20) echo "r13.echo[$(w)$RANDOM]" ;;
    21) echo "r13.sleep[$((1 + $(r 6)))]" ;;
    22) echo r13.fail ;; 23) echo r13.rand ;; 24) echo "r13.gen$((1 + $(r 4)))" ;;
    25) echo "nosuch.key$(r 50)" ;;
    26) echo "agent.ping[" ;;
    27) echo "system.cpu.load[all,avg1,extra,$(r 9)]" ;;
    28) echo "vfs.file.contents[/etc/shadow]" ;;
    29) echo "vfs.file.size[/root/secret$(r 9)]" ;;
    30) echo "r13.echo[bad;char\`$(r 9)]" ;;
    31) echo "web.page.get[127.0.0.1,/$(w),$((21900 + $(r 50)))]" ;;
    32) echo "vfs.dir.count[$W]" ;; 33) echo my.ping ;; 34) echo my.load ;;
    35) echo "log[$W/app.log]" ;;
    36) echo "vfs.file.contents[$W/nofile$(r 20)]" ;;
    37) echo "proc.mem[zabbix_agentd,,avg]" ;;
    38) echo "kernel.maxfiles" ;; 39) echo r13.stderr ;;
  esac
}
END=$((SECONDS + DURATION)); gen=1; restarts=0
while [ $SECONDS -lt $END ]; do
  # a burst of concurrent passive checks
  for i in $(seq $((1 + $(r 2)))); do getk "$(passive_key)" & done
  case $(r 30) in
    0|1) getk "$(passive_key)" 127.0.0.$((2 + $(r 200))) & ;;                  # not allowed host
    2) getk x --garbage & ;;                                                     # garbage bytes
    3) getk "$(passive_key)" "" --raw & ;;                                       # plain-text request
    4) getk "$((4 + $(r 3)))" "" --hang & ;;                                     # connect, send nothing
    5) getk "$(passive_key)" "" --shortlen & ;;                                  # short frame
    6) echo "$(date +%T) $( ( echo error; echo ERROR; echo info; echo fail ) | shuf -n1) $(w) code=$RANDOM" >> app.log ;;
    7) echo "$(date +%T) WARN $(w) $RANDOM" >> rot/app.$((1 + $(r 3))).log; chown zabbix rot/* ;;
    8) pick_active ok ;;
    9) pick_active $( ( echo failed; echo garbage; echo close; echo datafail; echo slow ) | shuf -n1) ;;
    10) [ -f fake.pid ] && kill $(cat fake.pid) 2>/dev/null && rm -f fake.pid ;;   # server down
    11) [ -f fake.pid ] || start_fake ;;
    12) gen=$((gen + 1)); write_up $gen; zabbix_agentd -c agent.conf -R userparameter_reload >/dev/null 2>&1 ;;
    13) zabbix_agentd -c agent.conf -R log_level_decrease >/dev/null 2>&1; sleep 1
        zabbix_agentd -c agent.conf -R log_level_increase >/dev/null 2>&1 ;;
    14) [ $(r 3) = 0 ] && zabbix_agentd -c agent.conf -R "log_level_increase=$( ( echo collector; echo listener; echo 'active checks' ) | shuf -n1)" >/dev/null 2>&1 ;;
    15) [ $(r 3) = 0 ] && RESTART_NOW=1 ;;
    16) echo "$(w) $RANDOM" > data/f$((1 + $(r 5))).txt; rm -f data/f$((1 + $(r 5))).txt ;;
    17) zabbix_agentd -c agent.conf -R help >/dev/null 2>&1; zabbix_agentd -c agent.conf -R bogus_cmd >/dev/null 2>&1 ;;
  esac
  # restarts: at random moments and at least at a third and two thirds of the run
  if [ -n "${RESTART_NOW:-}" ] || { [ $restarts = 0 ] && [ $SECONDS -gt $((END - DURATION * 2 / 3)) ]; } ||
     { [ $restarts = 1 ] && [ $SECONDS -gt $((END - DURATION / 3)) ]; }; then
    RESTART_NOW=; restarts=$((restarts + 1)); kill $(cat zabbix_agentd.pid); sleep $((1 + $(r 3)))
    [ -f fake.pid ] || start_fake; pick_active ok; start_agent; sleep 1
  fi
  sleep 0.$((6 + $(r 4))); [ $(r 3) = 0 ] && sleep 0.5
done
sleep 4; kill $(cat zabbix_agentd.pid); sleep 2
[ -f fake.pid ] && kill $(cat fake.pid) 2>/dev/null
cp $W/zabbix_agentd.log "$OUT/zabbix_agentd.full.log"
echo "restarts: $restarts"
