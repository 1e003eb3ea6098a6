#!/bin/bash
# Randomised workload for the samhain file integrity daemon.
# samhain reads its configuration only from the compiled-in path
# /etc/samhain/samhainrc, so the packaged file is saved and restored at the end;
# everything else (log, database, pid file, watched tree) lives in ./work.
D=/work/round29/samhain
W=$D/work
T=$W/tree
LOG=$W/samhain.log
RC=/etc/samhain/samhainrc
[ -f "$D/samhainrc.orig.bak" ] || cp -a "$RC" "$D/samhainrc.orig.bak"

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
coin() { [ $((RANDOM % 100)) -lt "${1:-50}" ]; }
note() { echo "$(date +%T) $*" >> "$W/actions.txt"; }

LISTENERS=()
cleanup() {
  for p in "${LISTENERS[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$W/samhain.pid" ] && kill "$(cat "$W/samhain.pid")" 2>/dev/null
  cp -a "$D/samhainrc.orig.bak" "$RC"
}
trap cleanup EXIT

for p in $(cat "$W/samhain.pid" 2>/dev/null); do kill "$p" 2>/dev/null; done
rm -rf "$W"; mkdir -p "$T"/{ro/sub/deeper,attr,logs,ign,user,extra} "$W/logmon"
echo normal > "$W/ps.mode"

# ---- watched tree
for i in $(seq 1 $((RANDOM % 3 + 3))); do head -c $((RANDOM % 4000 + 10)) /dev/urandom | base64 > "$T/ro/file$i.dat"; done
echo "config value=$RANDOM" > "$T/ro/sub/app.conf"
echo "deep" > "$T/ro/sub/deeper/deep.txt"
ln -s file1.dat "$T/ro/link1"
mkfifo "$T/ro/sub/pipe"
echo "attr" > "$T/attr/perm.txt"
echo "start" > "$T/logs/app.log"
echo "ignored" > "$T/ign/junk.tmp"
echo "user" > "$T/user/u.txt"
echo "extra" > "$T/extra/e.txt"
cp /bin/true "$T/ro/tool"

# ---- monitored syslog-style log for the Logmon module
SYSLOGF=$W/logmon/messages
: > "$SYSLOGF"

write_rc() {  # $1 = extra [ReadOnly] line, $2 = extra misc lines
cat > "$RC" <<EOF
[ReadOnly]
dir=99$T/ro
$1
[Attributes]
dir=99$T/attr
[GrowingLogFiles]
dir=99$T/logs
[IgnoreAll]
dir=-1$T/ign
[User0]
dir=99$T/user
file=$T/missing-from-start.txt

[Log]
MailSeverity=none
PrintSeverity=none
SyslogSeverity=none
ExternalSeverity=none
LogSeverity=debug

[SuidCheck]
SuidCheckActive=no

[Mounts]
MountCheckActive=yes
MountCheckInterval=$(pick 20 30)
checkmount=/
checkmount=/proc noexec,nosuid,rw
checkmount=/nonexistent/mnt

[Utmp]
LoginCheckActive=yes
LoginCheckInterval=30

[PortCheck]
PortCheckActive=yes
PortCheckInterval=$(pick 6 8 10)
PortCheckInterface=127.0.0.1
PortCheckMinPort=20000
PortCheckMaxPort=20999
PortCheckUDP=yes
PortCheckRequired=127.0.0.1:20001/tcp,20002/tcp
PortCheckOptional=127.0.0.1:20010/tcp
PortCheckIgnore=127.0.0.1:20099/tcp

[ProcessCheck]
ProcessCheckActive=yes
ProcessCheckInterval=$(pick 40 60)
ProcessCheckMinPid=1
ProcessCheckMaxPid=10
ProcessCheckPSPath=$D/fakeps.sh
ProcessCheckPSArg=-eT
ProcessCheckExists=^kthreadd\$
ProcessCheckExists=^nosuchdaemon\$

[Logmon]
LogmonActive=yes
LogmonInterval=$(pick 5 8)
LogmonSaveDir=$W/logmon
LogmonWatch=SYSLOG:$SYSLOGF
LogmonBurstQueue=burst
LogmonBurstThreshold=5
LogmonQueue=burst:0:report:warn
LogmonQueue=authq:$(pick 0 10):$(pick report sum):crit
LogmonQueue=infoq:0:report:info
LogmonHidePID=$(pick true false)
LogmonGroup=sshd
LogmonRule=KEEP(120,sshfail):authq:Failed password for .*
LogmonRule=authq:Accepted publickey for .*
LogmonRule=trash:Connection closed .*
LogmonEndGroup
LogmonRule=MARK(30,heartbeat missing):trash:.*heartbeat.*
LogmonRule=CORRELATE(brute force then login):authq:sshfail
LogmonRule=infoq:.*session opened.*
LogmonRule=trash:.*CRON.*

[Misc]
Daemon=${DAEMON:-yes}
ChecksumTest=check
SetLoopTime=$(pick 3 4 5)
SetFileCheckTime=$(pick 20 25 30)
SetLogfilePath=$LOG
SetDatabasePath=$W/samhain_file
SetLockfilePath=$W/samhain.pid
IgnoreAdded=$T/ro/.*\\.swp
IgnoreMissing=$T/ro/.*\\.bak
$2
[EOF]
EOF
}

syslog_line() {  # append one syslog-format line to the monitored file
  local ts host=vm msg
  ts=$(date '+%b %e %H:%M:%S')
  case $(pick fail ok close session cron heart junk odd) in
    fail)    msg="sshd[$((RANDOM%900+100))]: Failed password for $(pick root admin guest) from 127.0.0.$((RANDOM%250+2)) port $((20000+RANDOM%999)) ssh2" ;;
    ok)      msg="sshd[$((RANDOM%900+100))]: Accepted publickey for $(pick alice bob) from 127.0.0.1 port $((20000+RANDOM%999)) ssh2" ;;
    close)   msg="sshd[$((RANDOM%900+100))]: Connection closed by 127.0.0.1 port $((20000+RANDOM%999))" ;;
    session) msg="login[$((RANDOM%900+100))]: pam_unix(login:session): session opened for user $(pick alice bob carol)" ;;
    cron)    msg="CRON[$((RANDOM%900+100))]: (root) CMD (run-parts /etc/cron.hourly)" ;;
    heart)   msg="app[$((RANDOM%900+100))]: heartbeat $RANDOM" ;;
    junk)    msg="kernel: [$RANDOM.$RANDOM] eth0: link $(pick up down)" ;;
    odd)     echo "garbage line without syslog header $RANDOM" >> "$SYSLOGF"; return ;;
  esac
  echo "$ts $host $msg" >> "$SYSLOGF"
}

listen() {  # proto port seconds
  python3 - "$1" "$2" "$3" <<'PY' &
import socket, sys, time
proto, port, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
if proto == "tcp":
    s.listen(5)
time.sleep(secs)
PY
  LISTENERS+=($!)
}

file_action() {
  local f
  case $(pick modify modify chmod touch add add remove link grow truncate attr user swp bak dir rename) in
    modify)  f=$(ls "$T"/ro/*.dat 2>/dev/null | shuf -n1); [ -n "$f" ] && { echo "changed $RANDOM" >> "$f"; note modify "$f"; } ;;
    chmod)   f=$(ls "$T"/ro/*.dat 2>/dev/null | shuf -n1); [ -n "$f" ] && { chmod "$(pick 600 640 666 755 4755)" "$f"; note chmod "$f"; } ;;
    touch)   f=$(ls "$T"/ro/*.dat 2>/dev/null | shuf -n1); [ -n "$f" ] && { touch -d "$(pick '2 days ago' '1 hour ago' tomorrow)" "$f"; note touch "$f"; } ;;
    add)     f=$T/ro/new_$RANDOM.dat; echo "new $RANDOM" > "$f"; note add "$f" ;;
    remove)  f=$(ls "$T"/ro/*.dat 2>/dev/null | shuf -n1); [ -n "$f" ] && { rm -f "$f"; note remove "$f"; } ;;
    link)    ln -sfn "$(pick file2.dat nowhere sub)" "$T/ro/link1"; note relink ;;
    grow)    echo "$(date) log line $RANDOM" >> "$T/logs/app.log"; note grow ;;
    truncate) echo "x" > "$T/logs/app.log"; note truncate ;;
    attr)    chmod "$(pick 600 644 700)" "$T/attr/perm.txt"; echo "$RANDOM" >> "$T/attr/perm.txt"; note attr ;;
    user)    echo "$RANDOM" >> "$T/user/u.txt"; coin 30 && chown nobody "$T/user/u.txt"; note user ;;
    swp)     echo swap > "$T/ro/.edit$RANDOM.swp"; note swp ;;
    bak)     rm -f "$T"/ro/*.bak; note bak ;;
    dir)     if [ -d "$T/ro/newdir" ]; then rm -rf "$T/ro/newdir"; else mkdir -p "$T/ro/newdir"; echo n > "$T/ro/newdir/n.txt"; fi; note dir ;;
    rename)  f=$(ls "$T"/ro/*.dat 2>/dev/null | shuf -n1); [ -n "$f" ] && { mv "$f" "$f.moved"; note rename "$f"; } ;;
  esac
}

port_action() {
  local port
  case $(pick req req opt ign rnd rnd udp) in
    req) port=$(pick 20001 20002) ;;
    opt) port=20010 ;;
    ign) port=20099 ;;
    rnd) port=$((20100 + RANDOM % 800)) ;;
    udp) listen udp $((20100 + RANDOM % 800)) $((RANDOM % 20 + 5)); note udp; return ;;
  esac
  listen tcp "$port" $((RANDOM % 25 + 5)); note tcp "$port"
}

sam_pid() { cat "$W/samhain.pid" 2>/dev/null; }
start_daemon() { samhain -t check -D >> "$W/console.out" 2>&1; sleep 2; note "started $(sam_pid)"; }
stop_daemon() {  # $1 = signal
  local p; p=$(sam_pid); [ -n "$p" ] || return
  kill -"$1" "$p" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  note "stopped $p with $1"
}

# ---- 1. baseline (one-shot runs use Daemon=no)
DAEMON=no
write_rc "" ""
cp "$T/ro/file1.dat" "$T/ro/old.bak"
samhain -t init -p none >> "$W/console.out" 2>&1
note init

# ---- 2. a one-shot check with a broken configuration line and an unknown section
write_rc "dir=99$T/does-not-exist" "NoSuchOption=yes
SetLoopTime=notanumber
[NoSuchSection]
foo=bar"
samhain -t check -p none >> "$W/console.out" 2>&1
note "one-shot check with bad config"
DAEMON=yes
write_rc "" ""

# ---- 3. daemon with random activity
start_daemon
coin && samhain -t check -D >> "$W/console.out" 2>&1   # second instance: lock held
listen tcp 20001 40
RESTART_AT=$((RANDOM % 3 + 5))
for round in $(seq 1 $((RANDOM % 3 + 10))); do
  for _ in $(seq 1 $((RANDOM % 3 + 1))); do file_action; done
  coin 60 && port_action
  for _ in $(seq 1 $((RANDOM % 4))); do syslog_line; done
  case $((RANDOM % 12)) in
    0) write_rc "$(pick "dir=99$T/extra" "file=$T/extra/e.txt" "")" "$(pick "" "SetFileCheckTime=$(pick 12 30)")"
       kill -HUP "$(sam_pid)"; note HUP ;;
    1) kill -USR1 "$(sam_pid)"; note USR1 ;;
    2) kill -TTOU "$(sam_pid)"; note TTOU ;;
    3) echo "$(pick hide fake normal)" > "$W/ps.mode"; note "ps $(cat "$W/ps.mode")" ;;
  esac
  if [ "$round" -eq "$RESTART_AT" ]; then
    stop_daemon "$(pick TERM QUIT)"
    start_daemon
  fi
  sleep $((RANDOM % 3 + 3))
done

# ---- 4. stop, update the baseline non-interactively, corrupt database run
stop_daemon TERM
DAEMON=no
write_rc "" ""
file_action; file_action
samhain -t update -p none >> "$W/console.out" 2>&1
note update
cp "$W/samhain_file" "$W/samhain_file.good"
head -c 300 "$W/samhain_file.good" > "$W/samhain_file"; head -c 200 /dev/urandom >> "$W/samhain_file"
samhain -t check -p none >> "$W/console.out" 2>&1
note "check with corrupt database"
rm -f "$W/samhain_file"
samhain -t check -p none >> "$W/console.out" 2>&1
note "check without database"
cp "$W/samhain_file.good" "$W/samhain_file"

# ---- 5. a last daemon run, ended with QUIT
DAEMON=yes
write_rc "" ""
start_daemon
for round in $(seq 1 $((RANDOM % 3 + 3))); do
  file_action; coin && port_action; syslog_line; sleep 3
done
stop_daemon QUIT
note done
