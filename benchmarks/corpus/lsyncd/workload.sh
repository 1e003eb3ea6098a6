#!/bin/bash
# Round-19 corpus workload: Lsyncd 2.2.3 (Debian 12 package "lsyncd"), own log file (settings.logfile)
# with the debug categories Exec, Delay, Inotify, Alarm, Filter and Exclude on (plus the
# always-on Normal/Warn/Error). -log all would add Call/Function/Masterloop/Statusfile lines for every loop
# turn and FWrite records that span several lines, so those categories are left off.
# Lsyncd runs in the foreground (-nodaemon) so that the output of the spawned rsync/cp/sh processes
# goes to a separate console file and not into the log file.
# Syncs: rsync (Layer 3 shell actions) to a local rsync daemon on 127.0.0.1:28873 that is stopped and
# started at random (failing target, retries); default.direct to a local folder whose target is
# removed at times; a Layer 1 action running a helper that exits with random codes (ok, again, die,
# unknown; fed through a stdin pipe) with a filter list; a Layer 1 action that hands batches of
# events to the same helper; a Layer 3 sync with excludes copying with cp/mv/rm (nested copies fail).
# A script creates, modifies, moves (also between watched trees) and deletes files and directories,
# pauses the rsync daemon (timeouts), removes targets; HUP, TERM/INT, restarts after a fatal exit
# code; stop. Lsyncd has no pid file in -nodaemon mode; the script keeps the pid it started.
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION_SECONDS]   (e.g. bash workload.sh /tmp/lsy 240)
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
W=/tmp/r19lg/work
PORT=28873
mkdir -p "$OUT"; rm -f "$OUT/lsyncd.log"
rm -rf "$W"; mkdir -p "$W"/{src_r,src_d,src_x,src_f,src_b,dst_d/tree,dst_f,rsd}
r() { echo $((RANDOM % $1)); }

# --- rsync daemon target (comes and goes) ---
cat > "$W/rsyncd.conf" <<EOF
port = $PORT
address = 127.0.0.1
pid file = $W/rsyncd.pid
use chroot = no
log file = $W/rsyncd.log
[mirror]
path = $W/rsd
read only = no
uid = root
gid = root
EOF
rsd_start() { [ -f "$W/rsyncd.pid" ] && kill -0 "$(cat "$W/rsyncd.pid")" 2>/dev/null && return; rsync --daemon --config="$W/rsyncd.conf"; }
rsd_stop() { [ -f "$W/rsyncd.pid" ] && kill "$(cat "$W/rsyncd.pid")" 2>/dev/null; rm -f "$W/rsyncd.pid"; }

# --- helper for the Layer 1 action: random exit codes ---
cat > "$W/push.sh" <<'EOF'
#!/bin/sh
# $1 = event type, $2 = path
[ -t 0 ] || read -r line || true
n=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
sleep $((n % 3)).$((n % 7))
if [ "$n" -lt 165 ]; then exit 0; fi
if [ "$n" -lt 215 ]; then exit 5; fi
if [ "$n" -lt 240 ]; then exit 7; fi
if [ "$n" -lt 248 ]; then exit 9; fi
exit 1
EOF
chmod +x "$W/push.sh"

cat > "$W/lsyncd.conf.lua" <<EOF
settings {
  logfile = "$OUT/lsyncd.log",
  statusFile = "$W/lsyncd.status",
  statusInterval = 7,
  insist = true,
  nodaemon = true,
  maxProcesses = 4,
  pidfile = "$W/lsyncd.pid",
}
-- let the Layer 1/3 syncs below take excludes and filters
default.checkgauge.exclude = true
default.checkgauge.filter = true
-- rsync per event to an rsync daemon that comes and goes
sync {
  source = "$W/src_r",
  target = "rsync://127.0.0.1:$PORT/mirror/",
  delay = 2,
  maxProcesses = 1,
  exitcodes = default.rsyncExitCodes,
  onStartup = "/usr/bin/rsync -rlt --delete --timeout=5 ^source/ ^target",
  onCreate = "/usr/bin/rsync -dlt --timeout=5 ^sourcePathname ^target^pathname",
  onModify = "/usr/bin/rsync -lt --timeout=5 ^sourcePathname ^target^pathname",
  onDelete = "/usr/bin/rsync -dr --delete --timeout=5 ^source/ ^target",
  onMove = "/usr/bin/rsync -rlt --delete --timeout=5 ^source/ ^target",
}
-- local copy with cp/mv/rm (startup through rsync)
sync {
  default.direct,
  source = "$W/src_d",
  target = "$W/dst_d/tree/",
  delay = 1,
  maxProcesses = 2,
}
-- Layer 1: a helper that exits with random codes
sync {
  source = "$W/src_x",
  delay = 3,
  maxProcesses = 2,
  filter = { '- *.bak~', '- /tmp*', '+ */', '+ *.txt', '+ *.csv', '+ *.dat', '+ *.md', '- *.tmp', '+ *' },
  exitcodes = { [0] = 'ok', [5] = 'again', [7] = 'again', [1] = 'die' },
  action = function(inlet)
    local event = inlet.getEvent()
    spawn(event, "$W/push.sh", '<', event.path, event.etype, event.path)
  end,
}
-- Layer 1: batches of events handed to the helper at once
sync {
  source = "$W/src_b",
  delay = 4,
  maxProcesses = 1,
  exitcodes = { [0] = 'ok', [5] = 'again', [7] = 'again', [1] = 'die' },
  action = function(inlet)
    local elist = inlet.getEvents(function(event) return event.etype ~= 'Move' end)
    local paths = elist.getPaths()
    spawn(elist, "$W/push.sh", 'batch', tostring(#paths), paths[1] or '-')
  end,
}
-- Layer 3 with excludes and a filter file, copying with cp into a target that is removed at times
sync {
  source = "$W/src_f",
  delay = 1,
  maxProcesses = 1,
  exclude = { '*.tmp', '*~', '.cache/' },
  onCreate = "cp -r ^sourcePathname ^target^pathname",
  onModify = "cp ^sourcePathname ^target^pathname",
  onDelete = "rm -rf ^target^pathname",
  onMove = "mv ^target^o.pathname ^target^d.pathname",
  target = "$W/dst_f/",
}
EOF

LS_PID=
start_lsyncd() {
  lsyncd -log Exec -log Delay -log Inotify -log Alarm -log Filter -log Exclude \
    "$W/lsyncd.conf.lua" >>"$W/console.out" 2>&1 &
  LS_PID=$!
  sleep 1
}
alive() { kill -0 "$LS_PID" 2>/dev/null; }

names=(report notes data cfg index img log draft budget todo readme photo song table)
exts=(txt csv dat md json bin tmp log)
rname() { echo "${names[$(r ${#names[@]})]}$(r 40).${exts[$(r ${#exts[@]})]}"; }
srcs=(src_r src_d src_x src_f src_b)
rsrc() { echo "$W/${srcs[$(r ${#srcs[@]})]}"; }
rfile() { find "$1" -type f 2>/dev/null | shuf -n1; }
rdir() { find "$1" -type d 2>/dev/null | shuf -n1; }

rsd_start
start_lsyncd
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  if ! alive; then wait "$LS_PID" 2>/dev/null; sleep 1; start_lsyncd; fi
  s=$(rsrc)
  case $(r 24) in
    0|1|2|3) d=$(rdir "$s"); head -c $((1 + $(r 20000))) /dev/urandom > "$d/$(rname)" ;;
    4|5) f=$(rfile "$s"); [ -n "$f" ] && head -c $((1 + $(r 5000))) /dev/urandom >> "$f" ;;
    6) d=$(rdir "$s"); mkdir -p "$d/dir$(r 100)/sub$(r 9)"; echo $RANDOM > "$d/dir$(r 100)/x$(r 9).txt" 2>/dev/null ;;
    7|8) f=$(rfile "$s"); [ -n "$f" ] && mv "$f" "$(dirname "$f")/$(rname)" ;;
    9) f=$(rfile "$s"); d=$(rdir "$s"); [ -n "$f" ] && mv "$f" "$d/" 2>/dev/null ;;
    10|11) f=$(rfile "$s"); [ -n "$f" ] && rm -f "$f" ;;
    12) d=$(find "$s" -mindepth 1 -type d | shuf -n1); [ -n "$d" ] && rm -rf "$d" ;;
    13) d=$(find "$s" -mindepth 1 -type d | shuf -n1); [ -n "$d" ] && mv "$d" "$s/moved$(r 100)" 2>/dev/null ;;
    14) f=$(rfile "$s"); [ -n "$f" ] && touch "$f" && chmod $((600 + $(r 2) * 44)) "$f" ;;
    15) if [ $(r 2) = 0 ]; then rsd_stop; else rsd_start; fi ;;
    16) case $(r 3) in 0) rm -rf "$W/dst_d";; 1) mkdir -p "$W/dst_d/tree" "$W/dst_f";; 2) rm -rf "$W/dst_f"/*;; esac ;;
    17) d=$(rdir "$s"); for i in $(seq $((2 + $(r 8)))); do echo "$i $RANDOM" > "$d/burst$(r 1000).txt"; done ;;
    18) case $(r 6) in
          0) kill -HUP "$LS_PID"; sleep 2 ;;
          1) kill -TERM "$LS_PID"; wait "$LS_PID" 2>/dev/null; sleep 1; start_lsyncd ;;
          2) kill -INT "$LS_PID"; wait "$LS_PID" 2>/dev/null; sleep 1; start_lsyncd ;;
          *) f=$(rfile "$s"); [ -n "$f" ] && cp "$f" "$f.bak~" ;;
        esac ;;
    20) f=$(rfile "$s"); t=$(rsrc); [ -n "$f" ] && mv "$f" "$t/$(rname)" ;;
    21) d=$(rdir "$s"); n=$d/gone$(r 100); mkdir -p "$n/a/b"; rm -rf "$n" ;;
    22) f=$(rfile "$W/src_x"); [ -n "$f" ] && { mv "$f" "$f.bak~"; sleep 0.3; mv "$f.bak~" "$f"; } ;;
    23) kill -STOP "$(cat "$W/rsyncd.pid" 2>/dev/null)" 2>/dev/null; d=$(rdir "$W/src_r"); echo $RANDOM > "$d/$(rname)"
        sleep $((2 + $(r 5))); [ $(r 3) = 0 ] && { kill -TERM "$LS_PID"; wait "$LS_PID" 2>/dev/null; start_lsyncd; }
        kill -CONT "$(cat "$W/rsyncd.pid" 2>/dev/null)" 2>/dev/null ;;
    19) mkdir -p "$s/.cache"; echo $RANDOM > "$s/.cache/c$(r 50)"; echo x > "$s/tmp$(r 30).tmp" ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
sleep 4
kill -TERM "$LS_PID" 2>/dev/null; wait "$LS_PID" 2>/dev/null
rsd_stop
