#!/bin/bash
# Randomised SmokePing workload: local fake backends (HTTP, SSH-like TCP) on 127.0.0.1:29xxx,
# FPing/Curl/AnotherSSH probes, alerts piped to alert.sh, reloads (good and broken), killed
# children, dying backends, single-process / single-probe / no-probe / --debug / --restart runs.
set -u
D=$(cd "$(dirname "$0")" && pwd); R=$D/run; LOG=$R/smokeping.log
rm -rf "$R"; mkdir -p "$R"/{data/__cgi,cache,pid}
export SP_STEP=$(( RANDOM % 2 ? 10 : 15 )) SP_PINGS=$(( 3 + RANDOM % 3 ))
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
SRV=
start_servers() { python3 "$D/servers.py" >/dev/null 2>&1 & SRV=$!; echo $SRV >> "$R/started.pids"; sleep 1; }
stop_servers() { [ -n "$SRV" ] && kill "$SRV" 2>/dev/null; wait "$SRV" 2>/dev/null; SRV=; }
sp() { smokeping --config="$R/smokeping.conf" --logfile="$LOG" "$@" >>"$R/launcher.out" 2>&1; }
mpid() { cat "$R/pid/smokeping.pid" 2>/dev/null; }
start_daemon() { sp --debug-daemon; sleep 1; mpid >> "$R/started.pids"; }
stop_daemon() { local p; p=$(mpid); [ -n "$p" ] && kill -"$(pick TERM INT TERM)" "$p"; for i in $(seq 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done; rm -f "$R/pid/smokeping.pid"; }
kids() { ps -o pid= --ppid "$(mpid)" 2>/dev/null | tr -d ' '; }

start_servers
# one-shot foreground debug round with only the FPing probe
"$D/genconf.sh" "$R" one; sp --debug
# main daemon, several probes
"$D/genconf.sh" "$R" multi; start_daemon; sleep $(( 20 + RANDOM % 10 ))
# reload with a new random config
"$D/genconf.sh" "$R" multi; sp --reload; sleep $(( 15 + RANDOM % 10 ))
# broken config reload is refused
"$D/genconf.sh" "$R" broken; kill -HUP "$(mpid)"; sleep $(( 5 + RANDOM % 5 ))
"$D/genconf.sh" "$R" multi
# a probe child dies
k=$(pick $(kids)); [ -n "$k" ] && kill -$(pick KILL TERM SEGV) "$k"; sleep $(( 5 + RANDOM % 5 ))
# backends die for a while, then come back
stop_servers; sleep $(( SP_STEP + RANDOM % 10 )); start_servers; sleep 5
# restart through --restart (SIGINT to the running one) or a plain stop/start
if (( RANDOM % 2 )); then sp --debug-daemon --restart; sleep 1; mpid >> "$R/started.pids"; else stop_daemon; start_daemon; fi
sleep $(( 10 + RANDOM % 10 ))
stop_daemon
# single-process mode, with a HUP restart (and a refused broken reload)
"$D/genconf.sh" "$R" single; start_daemon; sleep $(( 15 + RANDOM % 10 ))
"$D/genconf.sh" "$R" "$(pick single single broken)"; kill -HUP "$(mpid)"; sleep $(( 15 + RANDOM % 10 ))
stop_daemon
# a probe without targets, then a single probe
"$D/genconf.sh" "$R" notargets; start_daemon; sleep $(( 10 + RANDOM % 10 ))
(( RANDOM % 2 )) && { "$D/genconf.sh" "$R" notargets; sp --reload; sleep 12; }
stop_daemon
"$D/genconf.sh" "$R" one; start_daemon; sleep $(( 12 + RANDOM % 10 )); kill -HUP "$(mpid)"; sleep 12; stop_daemon
# long multi run with random disturbances until the log is long enough
"$D/genconf.sh" "$R" multi; start_daemon
end=$(( $(date +%s) + 300 ))
while [ "$(date +%s)" -lt $end ] && [ "$(wc -l < "$LOG")" -lt 2700 ]; do
  sleep $(( 8 + RANDOM % 10 ))
  case $(( RANDOM % 5 )) in
    0) "$D/genconf.sh" "$R" multi; sp --reload ;;
    1) k=$(pick $(kids)); [ -n "$k" ] && kill -KILL "$k" ;;
    2) stop_servers; sleep $(( 5 + RANDOM % 10 )); start_servers ;;
    3) "$D/genconf.sh" "$R" broken; kill -HUP "$(mpid)"; sleep 2; "$D/genconf.sh" "$R" multi ;;
    4) : ;;
  esac
done
stop_daemon
stop_servers
