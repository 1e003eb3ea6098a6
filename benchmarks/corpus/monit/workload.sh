#!/bin/bash
# Round-8 corpus workload: Monit 5.33 (Debian 12 package monit), `set logfile`, `set daemon 2`,
# run in the foreground with -v; HTTP interface on 127.0.0.1:28812 with a password.
# Monitors local test processes, files, directories, filesystems, a host with TCP/HTTP checks
# against local test servers that come and go, programs with exit statuses, cpu/memory tests.
# Run as root: bash workload.sh OUT_DIR [DURATION]     (writes OUT_DIR/monit.log unchanged)
set -u
OUT=${1:?out dir}; DURATION=${2:-55}
# run everything in a private PID namespace, so that Monit's process scan sees only the test processes
if [ -z "${M8NS:-}" ]; then M8NS=1 exec unshare -p -f --mount-proc bash "$0" "$@"; fi
W=/tmp/m8monit
mkdir -p "$OUT"; rm -f "$OUT/monit.log"
rm -rf $W; mkdir -p $W/run $W/data $W/events
RANDOM=$$
cat > $W/svc.sh <<'SVC'
#!/bin/bash
# svc.sh start|stop NAME : a test daemon that writes its pid file
W=/tmp/m8monit; n=$2
case $1 in
 start) if [ "$n" = burner ]; then
          nohup python3 -c 'import time
x=0
while True:
    x+=1' >/dev/null 2>&1 & echo $! > $W/run/$n.pid
        elif [ "$n" = hog ]; then
          nohup python3 -c 'import time
a=[]
for i in range(40):
    a.append(bytearray(4*1024*1024)); time.sleep(0.5)
time.sleep(100000)' >/dev/null 2>&1 & echo $! > $W/run/$n.pid
        elif [ "$n" = web ]; then
          nohup python3 -m http.server 28820 --bind 127.0.0.1 --directory $W/data >/dev/null 2>&1 & echo $! > $W/run/$n.pid
        else
          nohup sleep 100000 >/dev/null 2>&1 & echo $! > $W/run/$n.pid
        fi ;;
 stop) [ -f $W/run/$n.pid ] && kill $(cat $W/run/$n.pid) 2>/dev/null; rm -f $W/run/$n.pid ;;
esac
exit 0
SVC
chmod +x $W/svc.sh
cat > $W/prog.sh <<'PRG'
#!/bin/bash
# exits with a random status, sometimes prints text
r=$((RANDOM % 6))
[ $r -ge 3 ] && echo "check result code $r at $(date +%s)"
exit $((r < 3 ? 0 : r))
PRG
chmod +x $W/prog.sh
cat > $W/tcpsrv.py <<'PY'
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
while True:
    c, _ = s.accept()
    try:
        c.sendall(b"HELLO m8\r\n"); c.recv(100)
    except Exception:
        pass
    c.close()
PY
echo "hello" > $W/data/index.html
echo "key=value" > $W/conf.txt; chmod 644 $W/conf.txt
mkdir -p $W/spool; chmod 755 $W/spool
mkfifo $W/pipe
printf '%s' "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" > $W/monit.id
cat > $W/monitrc <<CONF
set daemon 2
set logfile $OUT/monit.log
set pidfile $W/monit.pid
set idfile $W/monit.id
set statefile $W/monit.state
set httpd port 28812 and use address 127.0.0.1
    allow 127.0.0.1
    allow admin:s3cret
    allow guest:viewpw read-only

check system m8host
    every 2 cycles
    if loadavg (1min) > 30 then alert
    if cpu usage > 99% for 3 cycles then alert
    if memory usage > 95% then alert

check process alpha with pidfile $W/run/alpha.pid
    every 2 cycles
    start program = "$W/svc.sh start alpha"
    stop program = "$W/svc.sh stop alpha"
    if 4 restarts within 10 cycles then unmonitor

check process beta with pidfile $W/run/beta.pid
    every 2 cycles
    start program = "$W/svc.sh start beta" with timeout 10 seconds
    stop program = "$W/svc.sh stop beta"
    depends on alpha

check process gamma with pidfile $W/run/gamma.pid
    start program = "$W/svc.sh start gamma"
    stop program = "$W/svc.sh stop gamma"
    every 2 cycles

check process burner with pidfile $W/run/burner.pid
    every 2 cycles
    start program = "$W/svc.sh start burner"
    stop program = "$W/svc.sh stop burner"
    if cpu usage > 40% for 2 cycles then alert
    if total cpu > 60% for 4 cycles then restart

check process hog with pidfile $W/run/hog.pid
    every 2 cycles
    start program = "$W/svc.sh start hog"
    stop program = "$W/svc.sh stop hog"
    if memory usage > 0.5% then alert
    if total memory > 120 MB for 2 cycles then restart
    if threads > 50 then alert

check process web with pidfile $W/run/web.pid
    every 2 cycles
    start program = "$W/svc.sh start web"
    stop program = "$W/svc.sh stop web"
    if failed host 127.0.0.1 port 28820 protocol http request "/index.html" then restart

check process ghost matching "m8-no-such-process-xyz"
    every 2 cycles
    start program = "/bin/false"
    if does not exist for 3 cycles then alert

check file conf with path $W/conf.txt
    every 2 cycles
    if failed checksum then alert
    if failed permission 644 then alert
    if failed uid root then alert
    if changed timestamp then alert
    if size > 2 KB then alert
    if content = "ERROR" then alert

check file missing with path $W/nothere.txt
    every 2 cycles
    if does not exist then alert

check directory spool with path $W/spool
    every 2 cycles
    if changed timestamp then alert
    if failed permission 755 then alert

check fifo pipe with path $W/pipe
    every 2 cycles
    if failed permission 644 then alert

check filesystem rootfs with path /
    every 2 cycles
    if space usage > 99% then alert
    if inode usage > 1% then alert
    if read rate > 500 MB/s then alert

check filesystem tmpfs with path /dev/shm
    every 2 cycles
    if space usage > 90% then alert

check host localsrv with address 127.0.0.1
    every 2 cycles
    if failed port 28821 type tcp then alert
    if failed port 28820 protocol http request "/index.html" with timeout 3 seconds then alert
    if failed port 28822 protocol http request "/" then alert
    if failed ping count 1 then alert

check host deadhost with address 127.0.0.1
    every 2 cycles
    if failed port 28829 type tcp for 2 cycles then alert

check program prog with path "$W/prog.sh" with timeout 5 seconds
    every 2 cycles
    if status != 0 then alert

check program slowprog with path "/bin/sleep 8" with timeout 3 seconds
    if status != 0 then alert
    every 3 cycles

check network lo with interface lo
    every 2 cycles
    if failed link then alert
    if upload > 100 MB/s then alert
CONF
chmod 600 $W/monitrc
M="monit -c $W/monitrc"
for n in alpha beta gamma burner hog web; do $W/svc.sh start $n; done
python3 $W/tcpsrv.py 28821 >/dev/null 2>&1 & echo $! > $W/tcp1.pid
python3 $W/tcpsrv.py 28822 >/dev/null 2>&1 & echo $! > $W/tcp2.pid
monit -c $W/monitrc -v -I > $W/monit.stdout 2>&1 &
echo $! > $W/monitd.pid
sleep 6
START=$(date +%s)
procs=(alpha beta gamma burner hog web)
while [ $(( $(date +%s) - START )) -lt $DURATION ]; do
  p=${procs[$((RANDOM % ${#procs[@]}))]}
  case $((RANDOM % 22)) in
    0|1) [ -f $W/run/$p.pid ] && kill -9 $(cat $W/run/$p.pid) 2>/dev/null ;;
    2) $M stop $p ;;
    3) $M start $p ;;
    4) $M restart $p ;;
    5) $M unmonitor $p; sleep 3; $M monitor $p ;;
    6) echo "line $RANDOM" >> $W/conf.txt ;;
    7) chmod $(( RANDOM % 2 ? 600 : 640 )) $W/conf.txt; sleep 3; chmod 644 $W/conf.txt ;;
    8) touch $W/conf.txt; touch $W/spool/f$RANDOM ;;
    9) echo "ERROR $RANDOM happened" >> $W/conf.txt; sleep 3; echo "key=value" > $W/conf.txt ;;
    10) [ -f $W/tcp1.pid ] && { kill $(cat $W/tcp1.pid); rm -f $W/tcp1.pid; } || { python3 $W/tcpsrv.py 28821 >/dev/null 2>&1 & echo $! > $W/tcp1.pid; } ;;
    11) [ -f $W/tcp2.pid ] && { kill $(cat $W/tcp2.pid); rm -f $W/tcp2.pid; } || { python3 $W/tcpsrv.py 28822 >/dev/null 2>&1 & echo $! > $W/tcp2.pid; } ;;
    12) curl -s -o /dev/null -u "admin:wrong$RANDOM" http://127.0.0.1:28812/ ;;
    13) curl -s -o /dev/null -u "user$RANDOM:x" http://127.0.0.1:28812/ -H 'X-Forwarded-For: 127.0.0.9' ;;
    14) curl -s -o /dev/null -u guest:viewpw -d "action=stop" http://127.0.0.1:28812/$p ;;
    15) curl -s -o /dev/null -u admin:s3cret http://127.0.0.1:28812/_status?format=xml ;
        curl -s -o /dev/null -u admin:s3cret http://127.0.0.1:28812/nosuch$RANDOM ;;
    16) $M reload ;;
    17) chmod $(( RANDOM % 2 ? 700 : 750 )) $W/spool; sleep 3; chmod 755 $W/spool ;;
    18) $M summary >/dev/null; $M status $p >/dev/null ;;
    19) $M unmonitor all; sleep 2; $M monitor all ;;
    20) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 python3 -c 'import socket,sys;s=socket.create_connection(("127.0.0.1",28812));s.sendall(sys.stdin.buffer.read());s.recv(4096)' 2>/dev/null ;;
    21) $M restart all ;;
  esac
  sleep $((RANDOM % 2 + 1))
done
$M stop all; sleep 4
$M quit; sleep 3
kill $(cat $W/monitd.pid) 2>/dev/null
for n in alpha beta gamma burner hog web; do $W/svc.sh stop $n; done
for f in $W/tcp1.pid $W/tcp2.pid; do [ -f $f ] && kill $(cat $f) 2>/dev/null; done
true
