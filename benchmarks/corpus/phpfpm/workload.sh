#!/bin/bash
# Round-16 corpus workload: PHP-FPM 8.2 (Debian 12 package php8.2-fpm) as a private master with its
# own config, log_level = debug, four pools (static, dynamic, ondemand, restricted clients), slowlog,
# request_terminate_timeout; randomised FastCGI clients (cgi-fcgi from libfcgi-bin and a small
# Python client) on 127.0.0.1:39101-39104 only; USR2 reloads, USR1 reopen, crashes, restarts, stop.
# Writes $OUT/phpfpm.log (the master's error_log) unchanged.
# Run as root: apt-get install -y php8.2-fpm libfcgi-bin; bash workload.sh [OUT_DIR] [DURATION]
set -u
OUT=${1:-/work/round16/phpfpm}; DURATION=${2:-150}
RUN=/tmp/r16fpm; rm -rf $RUN; mkdir -p $RUN/www $RUN/pool.d; chmod 755 $RUN $RUN/www
LOG=$OUT/phpfpm.log; rm -f "$LOG"
PORTS=(39101 39102 39103 39104); POOLS=(fixed elastic lazy guarded)

# ---- scripts ----
cat > $RUN/www/ok.php <<'P'
<?php $n = (int)($_GET['n'] ?? 10); echo str_repeat("x", $n), "\n";
P
cat > $RUN/www/sleep.php <<'P'
<?php usleep((int)(($_GET['t'] ?? 1) * 1000000)); echo "slept\n";
P
cat > $RUN/www/fatal.php <<'P'
<?php undefined_function_xyz($_GET['a'] ?? 1);
P
cat > $RUN/www/throw.php <<'P'
<?php throw new RuntimeException("boom " . ($_GET['id'] ?? 0));
P
cat > $RUN/www/warn.php <<'P'
<?php $a = []; echo $a['missing' . ($_GET['k'] ?? 'x')]; trigger_error("custom warning " . ($_GET['k'] ?? ''), E_USER_WARNING); echo "done\n";
P
cat > $RUN/www/stderr.php <<'P'
<?php $s = fopen('php://stderr', 'w'); fwrite($s, "worker note id=" . ($_GET['id'] ?? 0) . " size=" . mt_rand(1, 9999) . "\n"); error_log("error_log call " . ($_GET['id'] ?? 0)); echo "ok\n";
P
cat > $RUN/www/crash.php <<'P'
<?php posix_kill(getmypid(), (int)($_GET['sig'] ?? 11)); usleep(200000); echo "survived\n";
P
cat > $RUN/www/memory.php <<'P'
<?php $a = []; while (true) { $a[] = str_repeat("m", 1 << 20); }
P
cat > $RUN/www/exit.php <<'P'
<?php http_response_code(500); exit((int)($_GET['code'] ?? 3));
P
cat > $RUN/www/spin.php <<'P'
<?php $end = microtime(true) + (float)($_GET['t'] ?? 2); $x = 0; while (microtime(true) < $end) { $x++; } echo $x, "\n";
P
echo "plain text" > $RUN/www/notes.txt
cat > $RUN/www/syntax.php <<'P'
<?php echo "unterminated
P
chmod 644 $RUN/www/*

# ---- config ----
cat > $RUN/php-fpm.conf <<CONF
[global]
pid = $RUN/php-fpm.pid
error_log = $LOG
log_level = debug
log_limit = 2048
emergency_restart_threshold = 4
emergency_restart_interval = 30s
process_control_timeout = 3s
daemonize = no
include = $RUN/pool.d/*.conf
CONF
common() { cat <<C
user = www-data
group = www-data
listen = 127.0.0.1:$2
slowlog = $RUN/$1.slow.log
access.log = $RUN/$1.access.log
catch_workers_output = yes
decorate_workers_output = yes
security.limit_extensions = .php
pm.status_path = /status
ping.path = /ping
php_admin_value[memory_limit] = 32M
php_admin_flag[log_errors] = on
C
}
write_pools() {  # $1 = variant (randomises pm numbers at each restart)
{ echo "[fixed]"; common fixed 39101
  echo "pm = static"; echo "pm.max_children = $((2 + RANDOM % 2))"
  echo "request_slowlog_timeout = 1s"; echo "request_terminate_timeout = $((3 + RANDOM % 2))s"; } > $RUN/pool.d/fixed.conf
{ echo "[elastic]"; common elastic 39102
  echo "pm = dynamic"; echo "pm.max_children = $((4 + RANDOM % 3))"; echo "pm.start_servers = 2"
  echo "pm.min_spare_servers = 1"; echo "pm.max_spare_servers = 3"; echo "pm.max_requests = $((15 + RANDOM % 20))"
  echo "request_slowlog_timeout = 2s"; echo "request_terminate_timeout = 5s"; } > $RUN/pool.d/elastic.conf
{ echo "[lazy]"; common lazy 39103
  echo "pm = ondemand"; echo "pm.max_children = 3"; echo "pm.process_idle_timeout = $((2 + RANDOM % 3))s"
  echo "request_terminate_timeout = 4s"; } > $RUN/pool.d/lazy.conf
{ echo "[guarded]"; common guarded 39104
  echo "listen.allowed_clients = 127.0.0.7"
  echo "pm = dynamic"; echo "pm.max_children = 2"; echo "pm.start_servers = 1"
  echo "pm.min_spare_servers = 1"; echo "pm.max_spare_servers = 1"; } > $RUN/pool.d/guarded.conf
}
write_pools

# ---- clients ----
cat > $RUN/fcgi.py <<'PY'
import socket, struct, sys, random, time
def rec(t, rid, body): return struct.pack("!BBHHBx", 1, t, rid, len(body), 0) + body
def nv(k, v):
    k, v = k.encode(), v.encode()
    return bytes([len(k)]) + (bytes([len(v)]) if len(v) < 128 else struct.pack("!I", len(v) | 0x80000000)) + k + v
mode, port = sys.argv[1], int(sys.argv[2]); src = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
s = socket.socket(); s.settimeout(3); s.bind((src, 0)); s.connect(("127.0.0.1", port))
try:
    if mode == "garbage":
        s.sendall(bytes(random.randrange(256) for _ in range(random.randint(5, 200))))
    elif mode in ("abort", "request"):
        script = sys.argv[4] if len(sys.argv) > 4 else "/tmp/r16fpm/www/ok.php"
        params = b"".join(nv(k, v) for k, v in {"SCRIPT_FILENAME": script, "REQUEST_METHOD": "GET",
                 "QUERY_STRING": "n=%d" % random.randint(1, 50), "SCRIPT_NAME": script.split("/www")[-1],
                 "REQUEST_URI": script.split("/www")[-1], "SERVER_PROTOCOL": "HTTP/1.1"}.items())
        s.sendall(rec(1, 1, struct.pack("!HB5x", 1, 0)) + rec(4, 1, params) + rec(4, 1, b"") + rec(5, 1, b""))
        if mode == "abort": time.sleep(random.random() * 0.5); s.close(); sys.exit()
    elif mode == "half":
        s.sendall(rec(1, 1, struct.pack("!HB5x", 1, 0)))
        time.sleep(random.random() * 2)
    while s.recv(4096): pass
except Exception: pass
PY
req() {  # port script [query] [method]
  local port=$1 script=$2 q=${3:-} m=${4:-GET}
  SCRIPT_FILENAME=$RUN/www/$script SCRIPT_NAME=/$script REQUEST_URI="/$script?$q" QUERY_STRING="$q" \
  REQUEST_METHOD=$m SERVER_PROTOCOL=HTTP/1.1 CONTENT_LENGTH=0 REMOTE_ADDR=127.0.0.$((1 + RANDOM % 200)) \
    timeout 12 cgi-fcgi -bind -connect 127.0.0.1:$port >/dev/null 2>&1
}
start_master() { php-fpm8.2 -y $RUN/php-fpm.conf -F -R >/dev/null 2>&1 & echo $! > $RUN/master.pid; sleep 1.5; }
master() { cat $RUN/master.pid; }
r() { echo $((RANDOM % $1)); }
pp() { echo ${PORTS[$(r 3)]}; }

start_master
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1|2|3) for i in $(seq 1 $((1 + $(r 4)))); do req $(pp) ok.php "n=$(r 500)" & done ;;
    4|5) req $(pp) sleep.php "t=$((1 + $(r 3))).$(r 9)" & ;;
    6) req 39101 sleep.php "t=$((5 + $(r 3)))" & ;;
    7) req $(pp) spin.php "t=$((1 + $(r 5)))" & ;;
    8) req $(pp) fatal.php "a=$RANDOM" ;;
    9) req $(pp) throw.php "id=$RANDOM" ;;
    10) req $(pp) warn.php "k=$RANDOM" ;;
    11|12) req $(pp) stderr.php "id=$RANDOM" ;;
    13) sigs=(11 6 9 8); req $(pp) crash.php "sig=${sigs[$(r 4)]}" ;;
    14) req $(pp) memory.php ;;
    15) req $(pp) exit.php "code=$(r 9)" ;;
    16) req $(pp) missing$(r 99).php ;;
    17) req $(pp) notes.txt ;;
    18) req $(pp) syntax.php ;;
    19) for i in $(seq 1 $((4 + $(r 6)))); do req $(pp) sleep.php "t=$((2 + $(r 3)))" & done; sleep 1 ;;
    20) req $(pp) status "full" ; req $(pp) ping ;;
    21) timeout 4 python3 $RUN/fcgi.py garbage $(pp) ;;
    22) timeout 4 python3 $RUN/fcgi.py abort $(pp) 127.0.0.1 $RUN/www/sleep.php & ;;
    23) timeout 4 python3 $RUN/fcgi.py half $(pp) & ;;
    24) if [ $(r 2) = 0 ]; then timeout 4 python3 $RUN/fcgi.py request 39104 127.0.0.1; else timeout 4 python3 $RUN/fcgi.py request 39104 127.0.0.7; fi ;;
    25) [ $(r 3) = 0 ] && kill -USR2 $(master) && sleep 1 ;;
    26) [ $(r 3) = 0 ] && kill -USR1 $(master) ;;
    27) if [ $(r 5) = 0 ]; then  # restart: graceful (QUIT) or fast (TERM), new pm values
          kill -$( [ $(r 2) = 0 ] && echo QUIT || echo TERM ) $(master); wait $(master) 2>/dev/null
          write_pools; start_master; fi ;;
    28) if [ $(r 2) = 0 ]; then  # broken config: start fails, then fix
          kill -TERM $(master); wait $(master) 2>/dev/null
          case $(r 3) in
            0) echo "pm = sometimes" >> $RUN/pool.d/lazy.conf ;;
            1) sed -i 's/^pm.max_children = 2$/pm.max_children = 0/' $RUN/pool.d/guarded.conf; echo "pm.max_children = -1" >> $RUN/pool.d/guarded.conf ;;
            2) sed -i 's/^listen = 127.0.0.1:39102/listen = 127.0.0.1:39101/' $RUN/pool.d/elastic.conf ;;
          esac
          php-fpm8.2 -y $RUN/php-fpm.conf -F -R >/dev/null 2>&1 & echo $! > $RUN/master.pid; sleep 2
          kill -TERM $(master) 2>/dev/null; wait $(master) 2>/dev/null
          write_pools; start_master; fi ;;
    29) [ $(r 2) = 0 ] && for i in $(seq 1 5); do req $(pp) crash.php "sig=11" ; done ;;
  esac
  sleep 0.$((2 + $(r 7)))
done
sleep 6; kill -QUIT $(master); wait $(master) 2>/dev/null
rm -f $RUN/master.pid
