#!/bin/bash
# Round-16 corpus workload: Netdata 1.37 (Debian 12 package netdata) as a private parent instance
# (own config dirs under /tmp/r16nd, web on 127.0.0.1:39201, statsd on 39205) plus a streaming child
# (127.0.0.1:39221) with a right or wrong API key; plugins: proc, diskspace, apps, cgroups, statsd,
# python.d (example job and jobs pointed at local fake/dead servers on 39211-39213), charts.d example.
# Workload: API queries good and bad, garbage HTTP, statsd metrics good and bad, health alarms,
# signals (USR2 health reload, HUP log reopen), config changes with restarts, stop.
# Writes $OUT/netdata.log = a copy of the parent's error.log, unchanged.
# Run as root: apt-get install -y netdata curl; bash workload.sh [OUT_DIR] [DURATION]
set -u
OUT=${1:-/work/round16/netdata}; DURATION=${2:-240}
touch /etc/netdata/.opt-out-from-anonymous-statistics   # no phone-home from the start/stop hooks
B=/tmp/r16nd; rm -rf $B; mkdir -p $B/log; chown netdata:netdata $B/log
LOG=$B/log/netdata.log   # netdata runs as user netdata: its log lives here, copied to $OUT at the end
rm -f "$OUT/netdata.log"
r() { echo $((RANDOM % $1)); }
APIKEY=$(cat /proc/sys/kernel/random/uuid)

# fake servers for python.d jobs: 39211 answers garbage or closes, 39212 slow HTTP, 39213 nobody
cat > $B/fake.py <<'PY'
import socket, threading, random, time, sys
def serve(port, mode):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(20)
    while True:
        c, _ = s.accept()
        def h(c):
            try:
                c.settimeout(5); c.recv(4096)
                if mode == "garbage":
                    k = random.randrange(3)
                    if k == 0: c.sendall(b"HTTP/1.0 200 OK\r\n\r\nnot-squid %d\n" % random.randrange(10**6))
                    elif k == 1: c.sendall(bytes(random.randrange(256) for _ in range(random.randint(1, 300))))
                else:
                    time.sleep(random.choice([0, 0, 3, 8]))
                    code = random.choice([b"200 OK", b"200 OK", b"401 Unauthorized", b"500 Internal Server Error", b"404 Not Found"])
                    body = random.choice([b"<status><jvm><memory free='%d' total='900' max='1000'/></jvm></status>" % random.randrange(900), b"<<<broken xml", b""])
                    c.sendall(b"HTTP/1.0 " + code + b"\r\nContent-Type: text/xml\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
            except Exception: pass
            finally: c.close()
        threading.Thread(target=h, args=(c,), daemon=True).start()
threading.Thread(target=serve, args=(39211, "garbage"), daemon=True).start()
serve(39212, "http")
PY
python3 $B/fake.py & echo $! > $B/fake.pid

mkinst() {  # name port stream(yes|no) destination apikey
  local n=$1 d=$B/$1
  mkdir -p $d/{etc/health.d,etc/python.d,etc/charts.d,cache,lib,log,run}
  cat > $d/etc/netdata.conf <<CONF
[global]
	run as user = netdata
	hostname = r16$n
[db]
	update every = $((1 + $(r 2)))
	mode = $( [ $(r 4) = 0 ] && echo ram || echo dbengine )
	dbengine multihost disk space MB = $((64 + $(r 128)))
[directories]
	config = $d/etc
	stock config = /usr/lib/netdata/conf.d
	cache = $d/cache
	lib = $d/lib
	log = $d/log
	run = $d/run
	home = $d/cache
[logs]
	debug flags = 0x0000000000000011
	error = $( [ $n = parent ] && echo $LOG || echo $d/log/error.log )
	access = $d/log/access.log
	debug = $d/log/debug.log
	errors flood protection period = 0
[web]
	bind to = 127.0.0.1:$2
	web files owner = root
	web files group = root
	disconnect idle clients after seconds = $((5 + $(r 20)))
[cloud]
	enabled = no
[registry]
	enabled = no
[ml]
	enabled = no
[plugins]
	cups = no
	fping = no
	ioping = no
	perf = no
	slabinfo = no
	nfacct = no
	ebpf = no
	go.d = no
	python.d = $( [ $n = parent ] && echo yes || echo no )
	charts.d = $( [ $n = parent ] && echo yes || echo no )
	apps = $( [ $(r 3) = 0 ] && echo no || echo yes )
[statsd]
	enabled = $( [ $n = parent ] && echo yes || echo no )
	bind to = udp:127.0.0.1:39205 tcp:127.0.0.1:39205
	decimal detail = 1000
[health]
	enabled = yes
	run at least every seconds = $((2 + $(r 5)))
	script to execute on alarm = $d/notify.sh
CONF
  printf '#!/bin/sh\necho "$@" >> %s/notify.out\n' $d > $d/notify.sh; chmod 755 $d/notify.sh
  cat > $d/etc/stream.conf <<CONF
[stream]
	enabled = $3
	destination = $4
	api key = $5
	timeout seconds = 10
	reconnect delay seconds = $((3 + $(r 5)))
[$APIKEY]
	enabled = yes
	allow from = 127.0.0.1
	default memory mode = ram
	health enabled by default = auto
CONF
  cat > $d/etc/python.d.conf <<CONF
enabled: yes
default_run: no
example: yes
squid: yes
tomcat: yes
smartd_log: yes
CONF
  cat > $d/etc/python.d/example.conf <<CONF
random:
  name: 'rnd$(r 100)'
  update_every: $((1 + $(r 3)))
  num_lines: $((2 + $(r 5)))
  lower: 0
  upper: $((50 + $(r 200)))
CONF
  cat > $d/etc/python.d/squid.conf <<CONF
garbage:
  name: 'fake$(r 10)'
  host: '127.0.0.1'
  port: 39211
  request: '/squid-internal-mgr/counters'
  autodetection_retry: $((3 + $(r 5)))
dead:
  name: 'dead'
  host: '127.0.0.1'
  port: 39213
  request: '/squid-internal-mgr/counters'
  autodetection_retry: $((4 + $(r 5)))
CONF
  cat > $d/etc/python.d/tomcat.conf <<CONF
slow:
  name: 'slowcat'
  url: 'http://127.0.0.1:39212/manager/status?XML=true'
  user: 'admin'
  pass: 'pw$(r 1000)'
  timeout: 2
  autodetection_retry: $((3 + $(r 4)))
CONF
  cat > $d/etc/python.d/smartd_log.conf <<CONF
missing:
  name: 'smart'
  log_path: '$d/smartd-$(r 100)/'
CONF
  cat > $d/etc/charts.d.conf <<CONF
enable_all_charts="no"
example=force
CONF
  cat > $d/etc/charts.d/example.conf <<CONF
example_update_every=$((1 + $(r 3)))
example_priority=150000
CONF
  cat > $d/etc/health.d/r16.conf <<CONF
 alarm: r16_load_high
    on: system.load
lookup: max -10s of load1
 every: $((2 + $(r 4)))s
  warn: \$this > 0.$(r 9)
  crit: \$this > $((1 + $(r 3)))
  info: test alarm on load
    to: sysadmin

 alarm: r16_statsd_gauge
    on: statsd_gauge.r16.temp
  calc: \$last
 every: 2s
  warn: \$this > $((40 + $(r 20)))
  crit: \$this > $((80 + $(r 10)))
    to: sysadmin

 alarm: r16_example_random
    on: example.random
lookup: average -5s of random1
 every: 3s
  warn: \$this > $((30 + $(r 40)))
    to: sysadmin
CONF
  chown -R netdata:netdata $d
}
start() { DO_NOT_TRACK=1 netdata -c $B/$1/etc/netdata.conf -D -P $B/$1/run/netdata.pid >/dev/null 2>&1 & echo $! > $B/$1/main.pid; }
stop() { [ -f $B/$1/main.pid ] && kill -$2 $(cat $B/$1/main.pid) 2>/dev/null; for i in $(seq 1 30); do kill -0 $(cat $B/$1/main.pid) 2>/dev/null || break; sleep 0.5; done; }

mkinst parent 39201 no "" ""
start parent; sleep 6
child_up=0
END=$((SECONDS + DURATION))
H=http://127.0.0.1:39201
charts=(system.cpu system.load system.ram example.random statsd_gauge.r16.temp nosuch.chart$RANDOM disk_space._ apps.cpu netdata.server_cpu)
while [ $SECONDS -lt $END ]; do
  c=${charts[$(r ${#charts[@]})]}
  case $(r 26) in
    0|1|2) curl -s -m 5 "$H/api/v1/data?chart=$c&after=-$((10 + $(r 600)))&points=$((1 + $(r 60)))&group=$(echo average max min sum incremental-sum median | tr ' ' '\n' | shuf -n1)&format=$(echo json jsonp csv tsv html datatable array ssv bogus | tr ' ' '\n' | shuf -n1)" >/dev/null ;;
    3) curl -s -m 5 "$H/api/v1/$(echo info charts alarms alarm_log allmetrics contexts weights badge.svg chart alarm_variables nonexistent | tr ' ' '\n' | shuf -n1)?chart=$c&format=$(echo prometheus shell json x | tr ' ' '\n' | shuf -n1)" >/dev/null ;;
    4) curl -s -m 5 "$H/api/v1/manage/health?cmd=$(echo SILENCE ALL DISABLE RESET LIST BOGUS | tr ' ' '\n' | shuf -n1)" -H "X-Auth-Token: wrong$RANDOM" >/dev/null ;;
    5) curl -s -m 5 "$H/$(echo netdata.conf index.html missing$RANDOM.html ../../etc/passwd api/v2/x | tr ' ' '\n' | shuf -n1)" >/dev/null ;;
    6) printf "$(echo 'GARBAGE /x HTTP/1.1' 'GET' 'POST /api/v1/data HTTP/1.1\r\nContent-Length: 99999999' 'GET /api/v1/info HTTP/9.9' "$(head -c 60 /dev/urandom | base64)") \r\n\r\n" | timeout 3 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',39201)); s.sendall(sys.stdin.buffer.read()); s.settimeout(2); s.recv(4096)" 2>/dev/null ;;
    7|8|9) for i in $(seq 1 $((1 + $(r 6)))); do
         case $(r 6) in
           0) m="r16.temp:$(r 100)|g" ;; 1) m="r16.req.$(r 4):$(r 9)|c" ;; 2) m="r16.lat:$(r 900)|ms|@0.$((1 + $(r 9)))" ;;
           3) m="r16.users:user$(r 30)|s" ;; 4) m="r16.hist:$(r 50)|h" ;; 5) m="$(echo 'bad metric' 'r16.x:abc|g' 'r16.y:1|zz' ':|' 'r16.z' | tr ' ' '\n' | shuf -n1)" ;;
         esac
         printf '%s\n' "$m" | timeout 1 python3 -c "import socket,sys; s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.sendto(sys.stdin.buffer.read(),('127.0.0.1',39205))"
       done ;;
    10) printf 'r16.tcp.%s:%s|c\nr16.temp:%s|g\nnot valid at all\n' $(r 5) $(r 50) $(r 100) | timeout 2 python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',39205)); s.sendall(sys.stdin.buffer.read())" 2>/dev/null ;;
    11) [ $(r 3) = 0 ] && kill -USR2 $(cat $B/parent/main.pid) ;;
    12) [ $(r 3) = 0 ] && kill -HUP $(cat $B/parent/main.pid) ;;
    13) [ $(r 4) = 0 ] && kill -USR1 $(cat $B/parent/main.pid) ;;
    14|15) if [ $child_up = 0 ]; then  # a child streams to the parent, with the right or a wrong key
          key=$APIKEY; [ $(r 3) = 0 ] && key=$(cat /proc/sys/kernel/random/uuid)
          dest=127.0.0.1:39201; [ $(r 5) = 0 ] && dest=127.0.0.1:39213
          rm -rf $B/child; mkinst child 39221 yes $dest $key; start child; child_up=1
        else stop child $(echo TERM INT | tr ' ' '\n' | shuf -n1); child_up=0; fi ;;
    16) if [ $(r 4) = 0 ]; then  # restart parent with changed configuration
          stop parent $( [ $(r 2) = 0 ] && echo TERM || echo INT )
          keep=$B/parent/cache; mv $keep $B/keepcache; rm -rf $B/parent; mkinst parent 39201 no "" ""
          [ $(r 2) = 0 ] && { rm -rf $B/parent/cache; mv $B/keepcache $B/parent/cache; } || rm -rf $B/keepcache
          chown -R netdata:netdata $B/parent; start parent; sleep 4; fi ;;
    17) if [ $(r 6) = 0 ]; then  # a broken health file, reloaded, then fixed
          printf ' alarm: r16_broken%s\n    on: system.cpu\n  calc: $this +* (\n  warn: $this >\n every: never\n lookup: sideways -x of\n' $(r 99) >> $B/parent/etc/health.d/r16.conf
          kill -USR2 $(cat $B/parent/main.pid); sleep 2; sed -i '/r16_broken/,$d' $B/parent/etc/health.d/r16.conf; kill -USR2 $(cat $B/parent/main.pid); fi ;;
    18) netdatacli $(echo help reload-health save-database reopen-logs ping aclk-state bogus-cmd reload-labels | tr ' ' '\n' | shuf -n1) >/dev/null 2>&1 ;;
    19) pids=""; for i in $(seq 1 $((3 + $(r 10)))); do curl -s -m 3 "$H/api/v1/data?chart=system.cpu&after=-$(r 100)" >/dev/null & pids="$pids $!"; done; wait $pids ;;
    20) curl -s -m 5 "$H/api/v1/badge.svg?chart=$c&alarm=r16_load_high&label=$(r 99)" >/dev/null ;;
    21) curl -s -m 5 "$H/api/v1/alarm_log?after=$(r 1000)" >/dev/null; curl -s -m 5 "$H/api/v1/alarms?all" >/dev/null ;;
    22) curl -s -m 5 "$H/api/v1/allmetrics?format=$(echo prometheus prometheus_all_hosts shell json nothing | tr ' ' '\n' | shuf -n1)&types=yes" >/dev/null ;;
    23) curl -s -m 5 -X $(echo DELETE PUT OPTIONS POST | tr ' ' '\n' | shuf -n1) "$H/api/v1/info" >/dev/null ;;
    24) timeout 3 python3 -c "import socket; s=socket.create_connection(('127.0.0.1',39201)); s.sendall(b'STREAM key=wrong$RANDOM&hostname=fake$(r 9)&machine_guid=$(cat /proc/sys/kernel/random/uuid)&ver=$(r 6) HTTP/1.1\r\nUser-Agent: netdata/v1.37.1\r\n\r\n'); s.settimeout(2); print(s.recv(200))" >/dev/null 2>&1 ;;
    25) curl -s -m 5 "$H/api/v1/data?chart=system.cpu&before=$(r 99999)&after=$(r 99999)&dimensions=nosuch$(r 9)&options=$(echo jsonwrap percentage unaligned flip bogus | tr ' ' '\n' | shuf -n1)" >/dev/null ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
[ $child_up = 1 ] && stop child TERM
stop parent TERM
kill $(cat $B/fake.pid) 2>/dev/null
cp "$LOG" "$OUT/netdata.log"
