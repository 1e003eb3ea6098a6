#!/bin/bash
# Round-16 corpus workload: Graphite carbon-cache 1.1.7 (Debian 12 package graphite-carbon),
# private config with LOG_LISTENER_CONNECTIONS, LOG_UPDATES, LOG_CREATES, LOG_CACHE_HITS and
# LOG_CACHE_QUEUE_SORTS on, run in the foreground with --debug so that every log type (console,
# listener, creates, updates, query, tagdb) goes to one console stream in carbon's own format.
# Clients (plaintext, pickle, cache queries) on 127.0.0.1:37002-37004 only; restarts; stop.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (default OUT_DIR = this folder)
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-300}
W=/tmp/r16carbon
command -v carbon-cache >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y graphite-carbon
rm -rf $W; mkdir -p $W/conf $W/storage $W/log; rm -f "$OUT/carbon.log"
cat > $W/conf/carbon.conf <<EOF
[cache]
STORAGE_DIR = $W/storage/
LOCAL_DATA_DIR = $W/storage/whisper/
CONF_DIR = $W/conf/
LOG_DIR = $W/log/
PID_DIR = $W/
ENABLE_LOGROTATION = False
USER =
MAX_CACHE_SIZE = 3000
MAX_UPDATES_PER_SECOND = 40
MAX_CREATES_PER_MINUTE = 40
MAX_UPDATES_PER_SECOND_ON_SHUTDOWN = 1000
LINE_RECEIVER_INTERFACE = 127.0.0.1
LINE_RECEIVER_PORT = 37003
ENABLE_UDP_LISTENER = False
PICKLE_RECEIVER_INTERFACE = 127.0.0.1
PICKLE_RECEIVER_PORT = 37004
PICKLE_RECEIVER_MAX_LENGTH = 65536
CACHE_QUERY_INTERFACE = 127.0.0.1
CACHE_QUERY_PORT = 37002
USE_FLOW_CONTROL = True
LOG_LISTENER_CONNECTIONS = True
LOG_UPDATES = True
LOG_CREATES = True
LOG_CACHE_HITS = True
LOG_CACHE_QUEUE_SORTS = True
CACHE_WRITE_STRATEGY = sorted
MAX_RECEIVER_CONNECTIONS = 6
METRIC_CLIENT_IDLE_TIMEOUT = 4
WHISPER_AUTOFLUSH = False
WHISPER_FALLOCATE_CREATE = True
ENABLE_TAGS = True
GRAPHITE_URL = http://127.0.0.1:37080
USE_WHITELIST = True
CARBON_METRIC_INTERVAL = 20
EOF
good_schemas() { cat > $W/conf/storage-schemas.conf <<EOF
[carbon]
pattern = ^carbon\.
retentions = 60:90d
[app]
pattern = ^app\.
retentions = 10s:1h,1m:1d
[db]
pattern = ^db\.
retentions = 5s:10m,1m:1d,10m:30d
[default]
pattern = .*
retentions = 1m:1d
EOF
cat > $W/conf/storage-aggregation.conf <<EOF
[min]
pattern = \.min$
xFilesFactor = 0.1
aggregationMethod = min
[max]
pattern = \.max$
xFilesFactor = 0.1
aggregationMethod = max
[count]
pattern = \.count$
xFilesFactor = 0
aggregationMethod = sum
EOF
}
bad_schemas() { cat > $W/conf/storage-schemas.conf <<EOF
[carbon]
pattern = ^carbon\.
retentions = 60:90d
[nopat$RANDOM]
retentions = 10s:1h
[noret$RANDOM]
pattern = ^x\.
[inval$RANDOM]
pattern = ^db\.
retentions = 60s:1d,10s:$((RANDOM % 5 + 1))h
[default]
pattern = .*
retentions = 1m:1d
EOF
cat > $W/conf/storage-aggregation.conf <<EOF
[min]
pattern = \.min$
xFilesFactor = 0.1
aggregationMethod = min
[badxff$RANDOM]
pattern = \.p99$
xFilesFactor = half
[nopat$RANDOM]
xFilesFactor = 0.5
EOF
}
good_schemas
echo '^junk\.' > $W/conf/blacklist.conf

cat > $W/client.py <<'PY'
import pickle, random, socket, struct, sys, time
H = '127.0.0.1'; LINE, PICK, QUERY = 37003, 37004, 37002
r = random.Random()
def name():
    top = r.choice(['app', 'app', 'db', 'sys', 'web', 'junk'])
    parts = [top, r.choice(['api', 'auth', 'cart', 'search', 'mysql', 'pg', 'cpu', 'mem', 'disk']),
             r.choice(['host%d' % r.randint(1, 6), 'node-%s' % r.choice('abcd')])]
    parts.append(r.choice(['latency', 'requests', 'errors', 'used', 'free', 'load.min', 'load.max', 'hits.count']))
    return '.'.join(parts)
def line(ts=None):
    ts = ts if ts is not None else int(time.time()) - r.randint(0, 120)
    return '%s %s %d\n' % (name(), r.choice([str(r.randint(0, 5000)), '%.3f' % r.random() * 1]), ts)
def conn(port):
    s = socket.create_connection((H, port), timeout=10); return s
def rst(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); s.close()
def plain():
    s = conn(LINE)
    for _ in range(r.randint(1, 40)):
        k = r.random()
        if k < 0.08: s.sendall(r.choice([b'just two\n', b'no_value_here\n', b'a.b.c NaNx 123\n', b'a.b.c 1 2 3 4\n', b'\x00\x01garbage\n', ('x.y %d yesterday\n' % r.randint(1, 99)).encode()]))
        elif k < 0.12: s.sendall(('%s %d -1\n' % (name(), r.randint(0, 100))).encode())
        elif k < 0.15: s.sendall(('%s nan %d\n' % (name(), int(time.time()))).encode())
        elif k < 0.22: s.sendall(('%s;env=%s;dc=dc%d %d %d\n' % (name(), r.choice(['prod', 'dev']), r.randint(1, 3), r.randint(0, 99), int(time.time()))).encode())
        elif k < 0.24: s.sendall(('bad.tag;=%d 1 %d\n' % (r.randint(1, 9), int(time.time()))).encode())
        else: s.sendall(line().encode())
    fin = r.random()
    if fin < 0.15: rst(s)
    elif fin < 0.25: time.sleep(5.5); s.close()
    else: s.close()
def longline():
    s = conn(LINE); s.sendall(b'x' * r.randint(17000, 30000) + b' 1 1\n'); time.sleep(0.3); s.close()
def pick():
    s = conn(PICK)
    for _ in range(r.randint(1, 4)):
        k = r.random()
        if k < 0.6:
            data = pickle.dumps([(name(), (int(time.time()) - r.randint(0, 60), r.random() * 100)) for _ in range(r.randint(1, 30))], protocol=2)
        elif k < 0.7: data = b'\x80\x02garbage' + bytes(r.randint(0, 255) for _ in range(r.randint(1, 20)))
        elif k < 0.8: data = pickle.dumps([(name(), r.randint(1, 9)), ('ok.metric', (int(time.time()), 1))], protocol=2)
        elif k < 0.9: data = pickle.dumps([socket.socket], protocol=2)
        else: data = b''
        s.sendall(struct.pack('!L', len(data)) + data)
    if r.random() < 0.1: s.sendall(struct.pack('!L', 200000) + b'x' * 100)
    time.sleep(0.2)
    rst(s) if r.random() < 0.15 else s.close()
def query():
    s = conn(QUERY)
    for _ in range(r.randint(1, 3)):
        k = r.random()
        if k < 0.5: req = {'type': 'cache-query', 'metric': name()}
        elif k < 0.85: req = {'type': 'cache-query-bulk', 'metrics': [name() for _ in range(r.randint(1, 12))]}
        else: req = {'type': r.choice(['flush', 'stats', 'cache-dump'])}
        data = pickle.dumps(req, protocol=2); s.sendall(struct.pack('!L', len(data)) + data)
        try: s.recv(65536)
        except Exception: pass
    rst(s) if r.random() < 0.2 else s.close()
def crowd():
    socks = []
    for _ in range(r.randint(6, 9)):
        try: socks.append(conn(r.choice([LINE, PICK])))
        except Exception: pass
        time.sleep(0.05)
    time.sleep(r.uniform(0.5, 2))
    for s in socks: s.close(); time.sleep(0.1)
def flood():
    s = conn(LINE); now = int(time.time())
    buf = ''.join('flood.%s.m%d %d %d\n' % (r.choice(['a', 'b']), i % 150, r.randint(0, 9), now - (i // 150) * 10) for i in range(r.randint(2800, 3150)))
    s.sendall(buf.encode()); s.close()
acts = {'plain': plain, 'long': longline, 'pickle': pick, 'query': query, 'crowd': crowd, 'flood': flood}
try: acts[sys.argv[1]]()
except Exception as e: print('client error', e, file=sys.stderr)
PY

start() { carbon-cache --config=$W/conf/carbon.conf --debug start >> "$OUT/carbon.log" 2>> $W/stderr.txt & echo $! > $W/carbon.pid; sleep 3; }
stop() { kill -TERM $(cat $W/carbon.pid); for i in $(seq 1 30); do kill -0 $(cat $W/carbon.pid) 2>/dev/null || break; sleep 0.5; done; }
start
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 80 + RANDOM % 40)); NEXT_CONF=$((SECONDS + 40 + RANDOM % 30))
r() { echo $((RANDOM % $1)); }
while [ $SECONDS -lt $END ]; do
  case $(r 20) in
    0|1|2|3|4|5|6) python3 $W/client.py plain & ;;
    7|8|9) python3 $W/client.py pickle ;;
    10|11|12) python3 $W/client.py query ;;
    13) python3 $W/client.py crowd ;;
    14) [ $(r 3) = 0 ] && python3 $W/client.py flood ;;
    15) [ $(r 3) = 0 ] && python3 $W/client.py long ;;
    16) if [ $(r 2) = 0 ]; then printf '^junk\\.\n[unclosed%s\n(bad(\n' $RANDOM > $W/conf/blacklist.conf; else echo "^junk\\." > $W/conf/blacklist.conf; fi ;;
    *) python3 $W/client.py plain ;;
  esac
  if [ $SECONDS -ge $NEXT_CONF ]; then
    if [ $(r 2) = 0 ]; then bad_schemas; else good_schemas; fi
    NEXT_CONF=$((SECONDS + 40 + RANDOM % 40))
  fi
  if [ $SECONDS -ge $NEXT_RESTART ]; then
    stop; sleep 1; start; NEXT_RESTART=$((SECONDS + 80 + RANDOM % 40))
  fi
  sleep 0.$((2 + $(r 7)))
done
sleep 8   # let the last clients finish
sleep 2; stop
