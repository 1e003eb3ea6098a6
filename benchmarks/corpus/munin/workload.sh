#!/bin/bash
# Round-17 workload: Munin node 2.0.73 (Debian 12 package munin-node), private config on
# 127.0.0.1:44949, log_level 4 plus --debug, own log file (munin-node.log, written here as munin.log); randomised raw-socket
# clients (cap, list, nodes, version, config, fetch, unknown services and commands, denied source
# addresses, dropped sessions), failing / slow / signalled plugins, munin-run, HUP, restarts, stop.
# Installs test plugins into /etc/munin/plugins (removed at the end).
# Run as root on Debian 12: bash workload.sh OUT_DIR [DURATION_SECONDS]
set -u
# The kept munin.log is the first 2,500 lines of the run (bash workload.sh DIR 170).
OUT=${1:?out dir}; DURATION=${2:-200}
W=/tmp/m17; PORT=44949
mkdir -p "$OUT" $W; rm -f "$OUT/munin.log"
P=/etc/munin/plugins; C=/etc/munin/plugin-conf.d
r() { echo $((RANDOM % $1)); }
# --- test plugins ---
cat > $P/zz_failer <<'EOF'
#!/bin/sh
if [ "$1" = config ]; then echo "graph_title Failing plugin"; echo "x.label x"; exit 0; fi
n=$(( $(date +%N | sed 's/^0*//') % 4 ))
[ "$n" = 0 ] && { echo "x.value 1"; exit 0; }
echo "cannot read /var/lib/zz/$n.stat: No such file or directory" >&2
[ "$n" = 2 ] && echo "second error line code=$$" >&2
exit $((n + 1))
EOF
cat > $P/zz_sleeper <<'EOF'
#!/bin/sh
if [ "$1" = config ]; then echo "graph_title Slow plugin"; echo "s.label s"; exit 0; fi
sleep ${delay:-4}; echo "s.value $$"
EOF
cat > $P/zz_random <<'EOF'
#!/bin/sh
if [ "$1" = config ]; then echo "graph_title Random ${title:-values}"; echo "graph_category test"
  i=0; while [ $i -lt ${count:-2} ]; do echo "r$i.label r$i"; i=$((i+1)); done; exit 0; fi
i=0; while [ $i -lt ${count:-2} ]; do echo "r$i.value $(od -An -N2 -tu2 /dev/urandom | tr -d ' ')"; i=$((i+1)); done
EOF
cat > $P/zz_killed <<'EOF'
#!/bin/sh
if [ "$1" = config ]; then echo "graph_title Killed plugin"; echo "k.label k"; exit 0; fi
echo "about to die" >&2; kill -$(( ($$ % 3) == 0 ? 9 : 15 )) $$
EOF
cat > $P/zz_multi <<'EOF'
#!/bin/sh
#%# capabilities=multigraph dirtyconfig
case "$1" in autoconf) echo yes; exit 0;; config) echo "multigraph zz_multi"; echo "graph_title Multi"; echo "a.label a"
  [ "$MUNIN_CAP_DIRTYCONFIG" = 1 ] || exit 0;; esac
echo "multigraph zz_multi"; echo "a.value $(awk '{print int($1)}' /proc/uptime)"
echo "multigraph zz_multi.sub"; echo "b.value $$"
EOF
cat > $P/zz_brokenconf <<'EOF'
#!/bin/sh
if [ "$1" = config ]; then echo "config broken" >&2; exit 1; fi
echo "b.value 1"
EOF
chmod 755 $P/zz_*
write_pconf() {
  cat > $C/zz_test <<EOF
[zz_sleeper]
timeout ${1}
env.delay ${2}

[zz_random]
env.count $((1 + $(r 4)))
env.title run$RANDOM
EOF
}
write_conf() {
  cat > $W/node.conf <<EOF
log_level 4
log_file $OUT/munin.log
pid_file $W/munin-node.pid
background 0
setsid 0
user root
group root
ignore_file [\#~]$
ignore_file \.bak$
allow ^127\.0\.0\.1$
host 127.0.0.1
port $PORT
global_timeout ${1}
EOF
}
NODE=
start_node() { munin-node --config $W/node.conf --debug $1 >>$W/stdout.txt 2>&1 & NODE=$!; sleep 2; }
stop_node() { kill $NODE 2>/dev/null; wait $NODE 2>/dev/null; }
write_pconf 3 $((1 + $(r 5))); write_conf 900
start_node ""
client() { # client SRC commands...
  python3 - "$@" <<'EOF'
import socket, sys, time, random
src = sys.argv[1]; cmds = sys.argv[2:]
s = socket.socket(); s.settimeout(20)
try:
    s.bind((src, 0)); s.connect(('127.0.0.1', 44949))
    f = s.makefile('rwb')
    f.readline()
    for c in cmds:
        if c == 'DROP':
            break
        f.write((c + '\n').encode()); f.flush()
        if c == 'quit':
            break
        single = c.split()[0] in ('cap', 'list', 'version') or c.split()[0] not in ('nodes', 'config', 'fetch')
        while True:
            l = f.readline()
            if not l or single or l.strip() == b'.':
                break
        time.sleep(random.random() / 5)
except Exception as e:
    pass
s.close()
EOF
}
plugins=(load uptime memory entropy forks zz_failer zz_random zz_random zz_killed zz_multi zz_sleeper processes threads users)
bad=(nosuch disk_$RANDOM "" "../etc/passwd" zz_brokenconf)
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 35 + $(r 20)))
while [ $SECONDS -lt $END ]; do
  p=${plugins[$(r ${#plugins[@]})]}; q=${plugins[$(r ${#plugins[@]})]}
  case $(r 14) in
    0|1|2) client 127.0.0.1 "cap multigraph dirtyconfig" "fetch $p" "fetch $q" quit ;;
    3) client 127.0.0.1 list "list $(hostname)" nodes version quit ;;
    4) client 127.0.0.1 "config $p" quit ;;
    5) client 127.0.0.1 "fetch ${bad[$(r ${#bad[@]})]}" "config nosuch$RANDOM" quit ;;
    6) client 127.0.0.1 "HELO $RANDOM" "GET / HTTP/1.0" "fetch" "cap" quit ;;
    7) client 127.0.0.$((2 + $(r 200))) list version ;;
    8) client 127.0.0.1 "fetch $p" DROP ;;
    9) client 127.0.0.1 "cap multigraph" "fetch zz_multi" "config zz_multi" "fetch zz_failer" quit ;;
    10) client 127.0.0.1 "fetch zz_sleeper" quit & sleep 0.3 ;;
    11) munin-run --debug --servicedir $P $p >/dev/null 2>&1 ;;
    12) client 127.0.0.1 "starttls" quit ;;
    13) client 127.0.0.1 "fetch zz_killed" "list" "spoolfetch $RANDOM" quit ;;
  esac
  if [ $SECONDS -ge $NEXT_RESTART ]; then
    case $([ -z "${HUPPED:-}" ] && echo 0 || r 4) in
      0) HUPPED=1; kill -HUP $NODE; sleep 2   # the re-exec fails under taint mode; start again if it died
         kill -0 $NODE 2>/dev/null || { sleep 3; start_node ""; } ;;
      *) stop_node; write_pconf $((2 + $(r 3))) $((1 + $(r 6))); write_conf $((2 + $(r 8)))
         if [ $(r 2) = 0 ]; then chmod 777 $P/zz_random; start_node --paranoia; else chmod 755 $P/zz_random; start_node --pidebug; fi ;;
    esac
    NEXT_RESTART=$((SECONDS + 30 + $(r 25)))
  fi
  sleep 0.$((1 + $(r 5)))
done
sleep 3; stop_node
rm -f $P/zz_* $C/zz_test
