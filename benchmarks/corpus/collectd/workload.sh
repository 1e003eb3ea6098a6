#!/bin/bash
# Round-11 corpus workload: collectd 5.12 (Debian 12 package collectd-core), logfile plugin at
# LogLevel info (the package is built without debug messages) with timestamps and severities,
# for DURATION seconds of randomised activity on 127.0.0.1 only (TCP/UDP ports 20100-20129).
# Writes $OUT/collectd.log as collectd wrote it.
# Run as root on Debian 12:
#   apt-get install -y --no-install-recommends collectd-core librrd8 libcurl4 rrdtool curl python3
#   bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-300}
W=/tmp/r11cd                       # scratch: configs, scripts, data, sockets
mkdir -p "$OUT"; rm -rf "$W"; mkdir -p "$W"/{exec,rrd,csv,spool,count,client}
LOG=$W/collectd.log; : > "$LOG"; chmod 666 "$LOG"   # exec children (user nobody) log too
BPORT=20101                         # python HTTP backend
NPORT_ENC=20110; NPORT_SIGN=20111; NPORT_NONE=20112   # network plugin listeners (UDP)
SPORT=20120                         # statsd (UDP)
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

########## helper programs ##########
cat > "$W/backend.py" <<'PY'
# HTTP backend polled by the curl, curl_json, nginx, apache and write_http plugins.
import http.server, random, sys, time, json
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def version_string(self): return random.choice(["Apache/2.4.57 (Debian)", "Apache", "lighttpd/1.4.69"])
    def send(self, code, body, ctype="text/plain", extra=()):
        b = body.encode()
        self.send_response(code); self.send_header("Content-Type", ctype)
        for k, v in extra: self.send_header(k, v)
        self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b)
    def do_GET(self):
        x = random.random()
        if x < 0.07: time.sleep(4)               # slower than the plugins' Timeout
        if x > 0.93:
            if self.path.startswith("/stats.json"):
                return self.send(random.choice([404, 500, 503]), '{"error": "unavailable"}', "application/json")
            return self.send(random.choice([404, 500, 503]), "oops\n")
        p = self.path
        if p.startswith("/nginx_status"):
            if random.random() < 0.1: return self.send(200, "garbage %d\n" % random.randint(1, 99))
            a = random.randint(1, 50); acc = random.randint(100, 9000)
            return self.send(200, "Active connections: %d \nserver accepts handled requests\n %d %d %d \nReading: %d Writing: %d Waiting: %d \n"
                             % (a, acc, acc, acc * 3, random.randint(0, 5), random.randint(0, 5), random.randint(0, 9)))
        if p.startswith("/server-status"):
            ct = "text/plain" if random.random() < 0.8 else "text/html"
            body = "Total Accesses: %d\nTotal kBytes: %d\nBusyWorkers: %d\nIdleWorkers: %d\nScoreboard: W__.._K\n" % (
                random.randint(1, 99999), random.randint(1, 9999), random.randint(0, 20), random.randint(0, 20))
            return self.send(200, body, ct)
        if p.startswith("/stats.json"):
            d = {"requests": random.randint(0, 10**6), "queue": {"depth": random.randint(0, 300), "workers": random.randint(1, 16)},
                 "latency_ms": round(random.uniform(0.1, 900), 2)}
            if random.random() < 0.08: d["queue"] = random.randint(1, 9)
            s = json.dumps(d)
            return self.send(200, s, "application/json")
        if p.startswith("/page"):
            return self.send(200, "<html><body>jobs queued: %d\nerrors total: %d\ntemp: %.1f C</body></html>\n"
                             % (random.randint(0, 500), random.randint(0, 99999), random.uniform(-5, 95)), "text/html")
        self.send(404, "no such page\n")
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0) or 0); self.rfile.read(n)
        x = random.random()
        if x < 0.06: return self.send(random.choice([400, 403, 500, 502, 503]), "rejected %d\n" % random.randint(1, 999))
        self.send(200, "ok\n")
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY

cat > "$W/netfuzz.py" <<'PY'
# Sends collectd binary-protocol packets (some valid, many malformed) to the network listeners.
import socket, struct, random, hmac, hashlib, sys, time
ports = [int(p) for p in sys.argv[1:4]]
users = {"agent1": "s3cret-one", "agent2": "s3cret-two"}
def s(t, v): b = v.encode() + b"\0"; return struct.pack("!HH", t, 4 + len(b)) + b
def n(t, v): return struct.pack("!HHQ", t, 12, v)
def vals(vs, types=None):
    types = types or [1] * len(vs)
    body = struct.pack("!H", len(vs)) + bytes(types)
    for t, v in zip(types, vs):
        body += struct.pack("<d", v) if t == 1 else struct.pack("!Q", int(v))
    return struct.pack("!HH", 6, 4 + len(body)) + body
def ident(host):
    return (s(0, host) + n(8, int(time.time() * 2**30)) + n(9, 10 * 2**30) + s(2, random.choice(["app", "sensor", "batch"]))
            + s(3, "i%d" % random.randint(0, 3)))
def sign(user, pw, payload):
    u = user.encode()
    mac = hmac.new(pw.encode(), u + payload, hashlib.sha256).digest()
    return struct.pack("!HH", 0x0200, 36 + len(u)) + mac + u + payload
def packet():
    host = "fuzz-%02d" % random.randint(1, 40)
    k = random.randrange(14)
    if k == 0: return ident(host) + s(4, "gauge") + vals([random.uniform(0, 120)])
    if k == 1: return ident(host) + s(4, random.choice(["nosuchtype", "widget_rate", "foo_bar"])) + vals([random.uniform(0, 9)])
    if k == 2: return b"\x00\x01"
    if k == 3: return ident(host) + s(4, "gauge") + struct.pack("!HHH", 6, 40, 3) + b"\x01"
    if k == 4: return ident(host) + struct.pack("!HH", 4, 12) + b"gaugeXYZ"
    if k == 5: return ident(host) + s(4, "gauge") + struct.pack("!HHH", 6, 15, 1) + b"\x09" + struct.pack("<d", 1.0)
    if k == 6: return ident(host) + s(4, "gauge") + struct.pack("!HHH", 6, 24, 2) + b"\x01\x01" + struct.pack("<d", 1.0)
    if k == 7: return ident(host) + struct.pack("!HH", 1, 9) + b"\x00" * 5
    if k == 8: u = random.choice(["mallory", "eve%d" % random.randint(1, 9), "guest"]); return sign(u, "x", ident(host) + s(4, "gauge") + vals([1.5]))
    if k == 9: u = random.choice(list(users)); return sign(u, "wrong-%d" % random.randint(1, 999), ident(host) + s(4, "gauge") + vals([2.5]))
    if k == 10: u = random.choice(list(users)); return sign(u, users[u], ident(host) + s(4, "gauge") + vals([random.uniform(0, 120)]))
    if k == 11: return struct.pack("!HH", 0x0210, 30) + b"\x00\x05abc" + b"\x00" * 22
    if k == 12:
        sev = random.choice([1, 2, 4, 7, 0])
        msg = random.choice(["disk %d is degraded" % random.randint(0, 9), "fan speed low on rack %d" % random.randint(1, 20), ""])
        tm = random.choice([int(time.time()), int(time.time()), 0])
        return s(0, host) + n(1, tm) + s(2, "hw") + s(4, "gauge") + n(0x0101, sev) + s(0x0100, msg)
    return struct.pack("!HH", 0x0200, 20) + b"\x00" * 16
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(random.randint(1, 4)):
    sock.sendto(packet(), ("127.0.0.1", random.choice(ports)))
    time.sleep(0.05)
PY

cat > "$W/statsd.py" <<'PY'
import socket, random, sys
lines = []
for _ in range(random.randint(1, 6)):
    k = random.randrange(10)
    name = random.choice(["web.hits", "api.errors", "db.query_ms", "queue.depth", "users.online"]) + str(random.randint(0, 5))
    if k < 2: lines.append("%s:%d|c" % (name, random.randint(1, 50)))
    elif k < 4: lines.append("%s:%.2f|ms" % (name, random.uniform(1, 900)))
    elif k == 4: lines.append("%s:%d|g" % (name, random.randint(0, 500)))
    elif k == 5: lines.append("%s:%d|s" % (name, random.randint(0, 50)))
    elif k == 6: lines.append("%s:%d|zz" % (name, random.randint(0, 50)))
    elif k == 7: lines.append("%s-no-value-%d" % (name, random.randint(0, 99)))
    elif k == 8: lines.append("%s:abc%d|c" % (name, random.randint(0, 99)))
    else: lines.append("%s:%d|c|@%s" % (name, random.randint(1, 9), random.choice(["0.5", "0.1", "x", "2"])))
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto("\n".join(lines).encode(), ("127.0.0.1", int(sys.argv[1])))
PY

# exec programs (run as nobody by collectd)
cat > "$W/exec/app_metrics.sh" <<'SH'
#!/bin/bash
# long-running: PUTVAL lines every 3 s, sometimes garbage, notifications, stderr, exits
H=${COLLECTD_HOSTNAME:-r11-main}
while true; do
  for q in orders mails thumbs; do
    echo "PUTVAL \"$H/exec-app/queue_length-$q\" interval=3 N:$((RANDOM % 400))"
  done
  echo "PUTVAL \"$H/exec-app/temperature-cpu\" interval=3 N:$((30 + RANDOM % 70)).$((RANDOM % 10))"
  echo "PUTVAL \"$H/exec-app/percent-ratio\" interval=3 N:$((RANDOM % 100))"
  case $((RANDOM % 25)) in
    0) echo "PUTVALS $H/exec-app/gauge-x N:$RANDOM" ;;
    1) echo "hello from app_metrics $RANDOM" ;;
    2) echo "PUTNOTIF severity=$(shuf -n1 -e warning failure okay) time=$(date +%s) host=$H plugin=app message=\"worker $((RANDOM % 16)) restarted after $((RANDOM % 90))s\"" ;;
    3) echo "app_metrics: cannot read /var/run/app/stats-$((RANDOM % 9)).sock: connection refused" >&2 ;;
    4) echo "PUTVAL \"$H/exec-app/queue_length-old\" interval=3 $(( $(date +%s) - 3600 - RANDOM % 600 )):5" ;;
    5) exit $((1 + RANDOM % 3)) ;;
    6) echo "PUTVAL \"$H/exec-app/queue_length-orders\" interval=3 $(( $(date +%s) - 100 - RANDOM % 50 )):$((RANDOM % 9))" ;;
  esac
  sleep 3
done
SH
cat > "$W/exec/oneshot.sh" <<'SH'
#!/bin/bash
# one value per run, then exit; fails now and then
H=${COLLECTD_HOSTNAME:-r11-main}
if [ $((RANDOM % 4)) = 0 ]; then echo "oneshot: backup catalog locked by pid $((RANDOM + 1000))" >&2; exit 3; fi
echo "PUTVAL \"$H/exec-backup/count-files\" N:$((RANDOM % 5000))"
echo "PUTVAL \"$H/exec-backup/latency-last_run\" N:$((RANDOM % 900)).$((RANDOM % 100))"
SH
chmod 755 "$W/exec/"*.sh

# network clients' authfile
printf 'agent1: s3cret-one\nagent2: s3cret-two\nedge: edge-pass\n' > "$W/authfile"

########## main configuration ##########
gen_conf() {   # gen_conf VARIANT > file ; VARIANT: good | bad1 | bad2 | bad3
  local v=$1
  cat <<EOF
Hostname "r11-main"
FQDNLookup false
BaseDir "$W"
PIDFile "$W/collectd.pid"
TypesDB "/usr/share/collectd/types.db"
Interval 3
Timeout 2
ReadThreads 4
WriteThreads 2

LoadPlugin logfile
<Plugin logfile>
  LogLevel info
  File "$LOG"
  Timestamp true
  PrintSeverity true
</Plugin>

LoadPlugin cpu
LoadPlugin df
LoadPlugin disk
LoadPlugin interface
LoadPlugin load
LoadPlugin memory
LoadPlugin processes
LoadPlugin tcpconns
LoadPlugin uptime
LoadPlugin swap
LoadPlugin filecount
<LoadPlugin exec>
  Interval 20
</LoadPlugin>
LoadPlugin curl
LoadPlugin curl_json
LoadPlugin nginx
LoadPlugin apache
LoadPlugin write_http
LoadPlugin network
LoadPlugin rrdtool
LoadPlugin csv
LoadPlugin unixsock
LoadPlugin statsd
LoadPlugin tail
LoadPlugin threshold
LoadPlugin memcached

<Plugin df>
  MountPoint "/"
  ReportInodes true
</Plugin>
<Plugin interface>
  Interface "lo"
</Plugin>
<Plugin processes>
  ProcessMatch "python-backend" "python3 .*backend.py"
  ProcessMatch "collectd-client" "collectd .*client"
  Process "sleep"
</Plugin>
<Plugin tcpconns>
  ListeningPorts false
  LocalPort "$BPORT"
  RemotePort "$BPORT"
</Plugin>
<Plugin filecount>
  <Directory "$W/spool">
    Instance "spool"
  </Directory>
</Plugin>
<Plugin exec>
  Exec "nobody" "$W/exec/app_metrics.sh"
  Exec "nobody" "$W/exec/oneshot.sh"
  Exec "nobody" "$W/exec/missing_probe.sh"
  Exec "root" "$W/exec/oneshot.sh"
  Exec "svc_monitor" "$W/exec/oneshot.sh"
</Plugin>
<Plugin curl>
  <Page "jobs">
    URL "http://127.0.0.1:$BPORT/page"
    Timeout 2000
    MeasureResponseTime true
    MeasureResponseCode true
    <Match>
      Regex "jobs queued: ([0-9]+)"
      DSType "GaugeLast"
      Type "queue_length"
      Instance "jobs"
    </Match>
    <Match>
      Regex "temp: ([0-9.-]+) C"
      DSType "GaugeLast"
      Type "temperature"
      Instance "room"
    </Match>
  </Page>
  <Page "missing">
    URL "http://127.0.0.1:$BPORT/nothing-here"
    Timeout 2000
    MeasureResponseCode true
  </Page>
</Plugin>
<Plugin curl_json>
  <URL "http://127.0.0.1:$BPORT/stats.json">
    Instance "app"
    Timeout 2000
    <Key "requests">
      Type "gauge"
    </Key>
    <Key "queue/depth">
      Type "queue_length"
    </Key>
    <Key "latency_ms">
      Type "latency"
    </Key>
  </URL>
</Plugin>
<Plugin nginx>
  URL "http://127.0.0.1:$BPORT/nginx_status"
  Timeout 2000
</Plugin>
<Plugin apache>
  <Instance "backend">
    URL "http://127.0.0.1:$BPORT/server-status?auto"
    Timeout 2000
  </Instance>
</Plugin>
<Plugin write_http>
  <Node "collector">
    URL "http://127.0.0.1:$BPORT/collect"
    Format "JSON"
    StoreRates true
    BufferSize 16384
    Timeout 2000
    LogHttpError true
  </Node>
</Plugin>
<Plugin network>
  <Listen "127.0.0.1" "$NPORT_ENC">
    SecurityLevel "Encrypt"
    AuthFile "$W/authfile"
  </Listen>
  <Listen "127.0.0.1" "$NPORT_SIGN">
    SecurityLevel "Sign"
    AuthFile "$W/authfile"
  </Listen>
  <Listen "127.0.0.1" "$NPORT_NONE">
    SecurityLevel "None"
  </Listen>
  MaxPacketSize 1452
  Forward false
  ReportStats true
</Plugin>
<Plugin rrdtool>
  DataDir "$W/rrd"
  CacheTimeout 20
  CacheFlush 10
  RandomTimeout 3
</Plugin>
<Plugin csv>
  DataDir "$W/csv"
  StoreRates false
</Plugin>
<Plugin unixsock>
  SocketFile "$W/collectd.sock"
  SocketGroup "root"
  SocketPerms "0660"
  DeleteSocket true
</Plugin>
<Plugin statsd>
  Host "127.0.0.1"
  Port "$SPORT"
  DeleteSets true
  TimerPercentile 90.0
</Plugin>
<Plugin tail>
  <File "$W/app.log">
    Instance "applog"
    <Match>
      Regex "ERROR"
      DSType "CounterInc"
      Type "counter"
      Instance "errors"
    </Match>
    <Match>
      Regex "took ([0-9]+)ms"
      DSType "GaugeMax"
      Type "latency"
      Instance "max"
    </Match>
  </File>
</Plugin>
<Plugin memcached>
  <Instance "cache">
    Host "127.0.0.1"
    Port "20125"
  </Instance>
</Plugin>
<Plugin threshold>
  <Type "load">
    DataSource "shortterm"
    Percentage true
    WarningMax $(pick 33.5 34 35)
    FailureMax $(pick 45 50)
  </Type>
  <Plugin "memory">
    <Type "memory">
      Instance "used"
      WarningMax $(( $(awk '/MemTotal/{t=$2} /MemAvailable/{a=$2} END{print (t-a)*1024}' /proc/meminfo) + $(r 40) * 1000000 ))
      FailureMax $(( $(awk '/MemTotal/{print $2*1024}' /proc/meminfo) * 9 / 10 ))
    </Type>
  </Plugin>
  <Plugin "exec">
    Instance "app"
    <Type "queue_length">
      WarningMax $(pick 250 300 320)
      FailureMax $(pick 360 380)
      Hits $(pick 1 2)
    </Type>
    <Type "temperature">
      WarningMin 35
      WarningMax $(pick 80 85 90)
      FailureMax 97
    </Type>
    <Type "percent">
      WarningMin 10
      WarningMax 90
      Invert false
    </Type>
  </Plugin>
  <Plugin "exec">
    Instance "backup"
    <Type "count">
      WarningMin 300
      WarningMax 4500
    </Type>
  </Plugin>
  <Plugin "curl">
    <Type "queue_length">
      WarningMax 400
      Persist false
    </Type>
    <Type "temperature">
      WarningMin 0
      WarningMax 80
      Invert true
    </Type>
  </Plugin>
  <Plugin "statsd">
    <Type "gauge">
      WarningMax 450
      Interesting false
    </Type>
  </Plugin>
  <Host "edge-2">
    <Plugin "load">
      <Type "load">
        DataSource "midterm"
        WarningMax $(pick 0.2 0.4 0.6)
      </Type>
    </Plugin>
  </Host>
  <Host "edge-1">
    <Plugin "memory">
      <Type "memory">
        Instance "free"
        WarningMin $(pick 100 1000000000000)
        Percentage false
      </Type>
    </Plugin>
  </Host>
</Plugin>
EOF
  case $v in
    bad1) cat <<EOF
LoadPlugin nosuch_$(pick alpha beta gamma)
LoadPlugin ping
<Plugin curl>
  <Page "broken">
    URL "http://127.0.0.1:$BPORT/page"
    Frobnicate true
    <Match>
      DSType "GaugeLast"
    </Match>
  </Page>
</Plugin>
<Plugin threshold>
  <Type "cpu">
    Colour "red"
  </Type>
</Plugin>
EOF
    ;;
    bad2) cat <<EOF
<Plugin rrdtool>
  XFF 1.5
  RRARows -$(r 9)
</Plugin>
<Plugin statsd>
  TimerPercentile 150
  Colour "blue"
</Plugin>
<Plugin write_http>
  <Node "nowhere">
    Format "XML"
  </Node>
</Plugin>
<Plugin exec>
  Exec "nobody"
</Plugin>
EOF
    ;;
    bad3) cat <<EOF
<Plugin curl_json>
  <URL "http://127.0.0.1:$BPORT/stats.json">
    Instance "bad"
    <Key "requests">
    </Key>
    Bogus 1
  </URL>
</Plugin>
<Plugin tail>
  <File "$W/app.log">
    <Match>
      Regex "("
      DSType "Frobnicate"
      Type "counter"
    </Match>
  </File>
</Plugin>
<Plugin network>
  <Listen "127.0.0.1" "$((NPORT_NONE + 5))">
    SecurityLevel "Paranoid"
  </Listen>
</Plugin>
<Plugin apache>
  <Instance "noURL">
  </Instance>
</Plugin>
<Plugin threshold>
  <Host "edge-*">
  </Host>
</Plugin>
EOF
    ;;
  esac
}

client_conf() {   # client_conf HOST USER PASS PORT LEVEL
  cat <<EOF
Hostname "$1"
FQDNLookup false
BaseDir "$W/client"
PIDFile "$W/client/$1.pid"
TypesDB "/usr/share/collectd/types.db"
Interval 2
LoadPlugin logfile
<Plugin logfile>
  LogLevel info
  File "$W/client/client.log"
</Plugin>
LoadPlugin load
LoadPlugin memory
LoadPlugin uptime
LoadPlugin network
<Plugin network>
  <Server "127.0.0.1" "$4">
    SecurityLevel "$5"
    Username "$2"
    Password "$3"
  </Server>
</Plugin>
EOF
}

########## control ##########
BACKEND=
start_backend() { [ -n "$BACKEND" ] && return; python3 "$W/backend.py" $BPORT 2>/dev/null & BACKEND=$!; }
stop_backend() { [ -z "$BACKEND" ] && return; kill $BACKEND; wait $BACKEND 2>/dev/null; BACKEND=; }
CD=
start_cd() { gen_conf good > "$W/collectd.conf"; collectd -f -C "$W/collectd.conf" >/dev/null 2>>"$W/stderr.txt" & CD=$!; sleep 2; }
stop_cd() { [ -z "$CD" ] && return; kill $CD; wait $CD 2>/dev/null; CD=; }
bad_start() {   # a restart attempt with a broken config, then the good one
  stop_cd
  gen_conf "$(pick bad1 bad2 bad3)" > "$W/collectd.conf"
  timeout 15 collectd -f -C "$W/collectd.conf" >/dev/null 2>>"$W/stderr.txt" & local p=$!
  sleep 4; kill $p 2>/dev/null; wait $p 2>/dev/null
  start_cd
}
ctl() { collectdctl -s "$W/collectd.sock" "$@" >/dev/null 2>&1; }
client() {   # one short-lived network client
  local host user pass port level
  host=edge-$(r 6); port=$(pick $NPORT_ENC $NPORT_ENC $NPORT_SIGN $NPORT_NONE)
  case $(r 6) in
    0|1) user=agent1; pass=s3cret-one ;; 2) user=agent2; pass=s3cret-two ;;
    3) user=agent2; pass=wrong$RANDOM ;; 4) user=intruder$(r 9); pass=x$RANDOM ;; 5) user=edge; pass=edge-pass ;;
  esac
  level=$(pick Encrypt Encrypt Sign None)
  client_conf "$host" "$user" "$pass" "$port" "$level" > "$W/client/$host-$RANDOM.conf"
  timeout $((4 + $(r 8))) collectd -f -C "$(ls -t "$W"/client/$host-*.conf | head -1)" >/dev/null 2>&1 &
}

########## run ##########
touch "$W/app.log"; chmod 644 "$W/app.log"
start_backend
start_cd
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1) ctl putval "r11-main/exec-app/queue_length-manual" "N:$(r 500)" ;;
    2) ctl putval "r11-main/exec-app/$(pick nosuchtype gaugex queue)-x" "N:$(r 50)" ;;
    3) ctl putval "r11-main/exec-app/queue_length-manual" "$(( $(date +%s) - 600 - $(r 900) )):$(r 50)" ;;
    4) ctl putnotif severity=$(pick warning failure okay) time=$(date +%s) host=r11-main plugin=ops message="deploy $(pick web api worker) build $(r 9999) $(pick started finished failed)" ;;
    5) ctl flush timeout=$(r 5) ; ctl flush plugin=$(pick rrdtool csv write_http nosuch) ;;
    6) ctl getval "r11-main/load/load"; ctl getval "nohost/$(pick cpu foo)/bar"; ctl listval ;;
    7) ctl $(pick frobnicate "putval" "getval" "flush timeout=abc" "putnotif severity=loud message=x") ;;
    8|9) python3 "$W/netfuzz.py" $NPORT_ENC $NPORT_SIGN $NPORT_NONE ;;
    10|11) python3 "$W/statsd.py" $SPORT ;;
    12|13) client ;;
    14) [ $(r 2) = 0 ] && stop_backend ;;
    15) for i in $(seq 1 $((1 + $(r 4)))); do echo "$(date '+%F %T') $(pick INFO ERROR WARN) job $(r 999) took $(r 3000)ms" >> "$W/app.log"; done ;;
    16) touch "$W/spool/msg-$RANDOM"; [ $(r 3) = 0 ] && rm -f "$W"/spool/msg-*; ;;
    17) f=$(find "$W/rrd" -name '*.rrd' | shuf -n1); [ -n "$f" ] && [ $(r 3) = 0 ] && { rm -f "$f"; mkdir -p "$f"; } || { [ -n "$f" ] && echo garbage$RANDOM > "$f"; } ;;
    18) d=$(find "$W/csv" -mindepth 1 -maxdepth 1 -type d | shuf -n1); [ -n "$d" ] && chmod 000 "$d" && chown nobody "$d"; (sleep $((5 + $(r 10))); chmod 755 "$d" 2>/dev/null) & ;;
    19) [ $(r 3) = 0 ] && { stop_cd; sleep 1; start_cd; } ;;
    20) [ $(r 4) = 0 ] && bad_start ;;
    21) [ -n "$CD" ] && kill -USR1 $CD ;;
    22) [ $(r 3) = 0 ] && { : > "$W/app.log"; } ;;
    23) { find "$W/csv" -type d -exec chmod 755 {} +; find "$W/rrd" -mindepth 1 -type d -name '*.rrd' -exec rm -rf {} + ; } ;;
    *) sleep 0.5 ;;
  esac
  [ -z "$BACKEND" ] && [ $(r 5) = 0 ] && start_backend
  sleep 0.$((3 + $(r 7)))
done
find "$W/csv" -type d -exec chmod 755 {} + 2>/dev/null
sleep 5; stop_cd; stop_backend
# exec children that hung between fork and exec (user nobody, same command line as the daemon)
for p in $(pgrep -x -f "collectd -f -C $W/collectd.conf"); do kill -9 "$p" 2>/dev/null; done
wait 2>/dev/null
cp "$LOG" "$OUT/collectd.log"
echo "done: $(wc -l < "$LOG") lines in $LOG"
