#!/bin/bash
# Round-11 corpus workload: H2O 2.2.5 (Debian 12 package h2o) in master mode (start_server),
# its error-log file, for DURATION seconds of randomised HTTP/1.1 and HTTP/2 traffic on 127.0.0.1 only
# (TCP ports 20140-20149): static files, reverse proxy to a misbehaving backend that is stopped and
# started, FastCGI (a misbehaving responder, and CGI through fastcgi-cgi), mruby handlers, TLS with a
# self-signed certificate, memcached session cache that comes and goes, session-ticket file
# rotations, graceful restarts (SIGHUP), broken configs on reload, killed/crashed workers, stop.
# Writes $OUT/h2o.log (the error-log file as h2o and its start_server wrote it).
# Run as root on Debian 12:
#   apt-get install -y --no-install-recommends h2o memcached curl openssl python3
#   bash workload.sh OUT_DIR [DURATION]
set -u
OUT=$(realpath -m "${1:?out dir}"); DURATION=${2:-300}
W=/tmp/r11h2w
mkdir -p "$OUT"; rm -rf "$W"; mkdir -p "$W"/{www/docs,www/img,cgi,logs}; chmod 755 "$W"
ELOG=$W/error.log
HTTP=20140; HTTPS=20143; BACK=20141; FCGI=20142; MEMC=20146
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/key.pem" -out "$W/cert.pem" -days 30 \
  -subj "/CN=localhost" 2>/dev/null
chmod 644 "$W/key.pem"
for i in $(seq 1 30); do head -c $((100 + RANDOM * 3)) /dev/urandom | base64 > "$W/www/docs/page$i.html"; done
for i in $(seq 1 10); do head -c $((RANDOM * 5)) /dev/urandom > "$W/www/img/pic$i.png"; done
echo "<html>home</html>" > "$W/www/index.html"

# CGI scripts run through fastcgi-cgi
cat > "$W/cgi/hello.cgi" <<'SH'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\nhello %s\n' "$QUERY_STRING"
SH
cat > "$W/cgi/env.cgi" <<'SH'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'; env | sort | head -20
SH
cat > "$W/cgi/slow.cgi" <<'SH'
#!/bin/sh
sleep 3; printf 'Content-Type: text/plain\r\n\r\nslow\n'
SH
cat > "$W/cgi/broken.cgi" <<'SH'
#!/bin/sh
echo "this is not a header"
SH
printf '#!/bin/sh\nexit 1\n' > "$W/cgi/fail.cgi"
chmod 755 "$W"/cgi/{hello,env,slow,broken,fail}.cgi; 

# session ticket file
ticket() {
  local now; now=$(date +%s)
  printf -- '- name: %s\n  cipher: aes-256-cbc\n  hash: sha256\n  key: %s\n  not_before: %s\n  not_after: %s\n' \
    "$(openssl rand -hex 16)" "$(openssl rand -hex 96)" $((now - 60)) $((now + 3600))
}
ticket > "$W/tickets.yaml"

printf '#!/bin/sh\ncat >> %s/crash-backtraces.txt\n' "$W" > "$W/crash.sh"; chmod 755 "$W/crash.sh"

########## backends ##########
cat > "$W/backend.py" <<'PY'
# raw HTTP/1.1 upstream that misbehaves at random
import socket, threading, random, time, sys
def handle(c):
    c.settimeout(10)
    try:
        while True:
            data = b""
            while b"\r\n\r\n" not in data:
                d = c.recv(65536)
                if not d: return
                data += d
            line = data.split(b"\r\n", 1)[0].decode("latin1")
            path = line.split(" ")[1] if " " in line else "/"
            x = random.random()
            body = ("backend %s %d\n" % (path, random.randint(0, 10**6))).encode()
            if "/slow" in path or x < 0.06: time.sleep(3.5)
            if x < 0.10: return                                                   # close, no response
            if x < 0.14: c.sendall(b"HTTP/1.1 OOPS\r\nfoo\r\n\r\n"); return
            if x < 0.18: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\nhello"); return
            if x < 0.22: c.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nbad\r\n"); return
            if x < 0.26: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + body); time.sleep(0.2); return
            if x < 0.30:
                c.sendall(b"HTTP/1.1 200 OK\r\nX-Reproxy-URL: %s\r\nContent-Length: 0\r\n\r\n"
                          % random.choice([b"::nope", b"ftp//x", b"http:/%d" % random.randint(1, 99)])); continue
            if x < 0.33: c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%sEXTRA-BYTES" % (len(body), body)); continue
            c.sendall(b"HTTP/1.1 %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s"
                      % (random.choice([b"200 OK"] * 8 + [b"404 Not Found", b"500 Internal Server Error"]), len(body), body))
            if random.random() < 0.3:
                time.sleep(random.uniform(0.05, 0.5)); return                     # close the kept-alive socket early
    except OSError:
        pass
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
PY

cat > "$W/fcgi.py" <<'PY'
# FastCGI responder that misbehaves at random
import socket, struct, threading, random, time, sys
def rec(t, rid, content=b""):
    pad = (8 - len(content) % 8) % 8
    return struct.pack("!BBHHBx", 1, t, rid, len(content), pad) + content + b"\0" * pad
def read_request(c):
    rid, params, stdin_done = 1, b"", False
    buf = b""
    while not stdin_done:
        while len(buf) < 8:
            d = c.recv(65536)
            if not d: return None, None
            buf += d
        _, t, rid, clen, pad = struct.unpack("!BBHHBx", buf[:8])
        while len(buf) < 8 + clen + pad:
            d = c.recv(65536)
            if not d: return None, None
            buf += d
        content = buf[8:8 + clen]; buf = buf[8 + clen + pad:]
        if t == 4: params += content
        if t == 5 and clen == 0: stdin_done = True
    uri = b"/"
    i = params.find(b"REQUEST_URI")
    if i >= 0: uri = params[i + 11:i + 11 + 40].split(b"\x00")[0][:30]
    return rid, uri
def handle(c):
    c.settimeout(10)
    try:
        rid, uri = read_request(c)
        if rid is None: return
        x = random.random()
        ok = b"Content-Type: text/plain\r\n\r\nfcgi says hi %d\n" % random.randint(0, 99999)
        end = rec(3, rid, struct.pack("!IB3x", 0, 0))
        if x < 0.07: time.sleep(3.5); return
        if x < 0.13: return
        if x < 0.19: c.sendall(rec(6, rid, b"Status: %s\r\n\r\n" % random.choice([b"abc", b"2x0", b"20", b"999x"])) + end); return
        if x < 0.25: c.sendall(rec(6, rid, b"Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc") + end); return
        if x < 0.31: c.sendall(rec(6, rid, b"Content-Length: %s\r\n\r\nabc" % random.choice([b"-1", b"3x", b"lots"])) + end); return
        if x < 0.37: c.sendall(end); return
        if x < 0.43: c.sendall(rec(random.choice([9, 10, 11, 8]), rid, b"xx")); return
        if x < 0.49: c.sendall(rec(6, rid, b"no header here\r\n\x01\r\n\r\n")); return
        if x < 0.57:
            msg = random.choice(["PHP Warning:  Undefined variable $user_%d in /srv/app/index.php on line %d" % (random.randint(1, 9), random.randint(10, 400)),
                                 "PHP Notice:  session_start(): ps_files_cleanup_dir: opendir(/var/lib/php/sessions) failed: Permission denied (13)",
                                 "PHP Fatal error:  Allowed memory size of %d bytes exhausted" % random.choice([134217728, 268435456])])
            c.sendall(rec(7, rid, msg.encode()))
        c.sendall(rec(6, rid, ok) + rec(6, rid) + end)
    except OSError:
        pass
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
while True:
    c, _ = s.accept(); threading.Thread(target=handle, args=(c,), daemon=True).start()
PY

cat > "$W/h2client.py" <<'PY'
# raw protocol abuse: bad HTTP/1 requests, bad HTTP/2 prefaces, TLS garbage, slowloris
import socket, random, sys, time, ssl
host = "127.0.0.1"; http, https = int(sys.argv[1]), int(sys.argv[2])
k = random.randrange(6)
try:
    if k == 0:
        s = socket.create_connection((host, http), timeout=3)
        s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                                 b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01"]))
        s.recv(1000)
    elif k == 1:
        s = socket.create_connection((host, http), timeout=3)
        s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes(random.randrange(256) for _ in range(random.randint(5, 60))))
        s.recv(1000)
    elif k == 2:
        s = socket.create_connection((host, https), timeout=3)
        s.sendall(bytes(random.randrange(256) for _ in range(random.randint(10, 300)))); s.recv(1000)
    elif k == 3:
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        ctx.set_alpn_protocols(["h2"])
        s = ctx.wrap_socket(socket.create_connection((host, https), timeout=3))
        s.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00" + b"\x00\x00\x08\x07\x00\x00\x00\x00\x01" + b"\0" * 8)
        s.recv(1000)
    elif k == 4:
        s = socket.create_connection((host, http), timeout=3)
        s.sendall(b"GET /docs/page1.html HTTP/1.1\r\nHost: localhost\r\n"); time.sleep(random.uniform(0.5, 2))
    else:
        s = socket.create_connection((host, http), timeout=3)
        s.sendall(b"POST /app/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n" + b"x" * random.randint(10, 5000))
        time.sleep(random.uniform(0.2, 1))
except Exception:
    pass
PY

########## h2o configuration ##########
gen_conf() {   # gen_conf VARIANT   (good | one of the broken variants)
  local v=$1
  cat <<EOF
user: nobody
pid-file: $W/h2o.pid
error-log: $ELOG
crash-handler: $W/crash.sh
num-threads: 2
max-connections: 256
limit-request-body: 65536
http2-idle-timeout: 10
listen:
  host: 127.0.0.1
  port: $HTTP
listen:
  host: 127.0.0.1
  port: $HTTPS
  ssl:
    certificate-file: $W/cert.pem
    key-file: $W/key.pem
    minimum-version: TLSv1.2
ssl-session-resumption:
  mode: all
  cache-store: memcached
  ticket-store: file
  ticket-file: $W/tickets.yaml
  memcached:
    host: 127.0.0.1
    port: $MEMC
access-log: $W/logs/access.log
file.mime.addtypes:
  text/x-notes: .notes
hosts:
  default:
    paths:
      /:
        file.dir: $W/www
        file.dirlisting: ON
      /app:
        proxy.reverse.url: http://127.0.0.1:$BACK/
        proxy.timeout.io: 2000
        proxy.timeout.keepalive: 3000
        reproxy: ON
      /dead:
        proxy.reverse.url: http://127.0.0.1:20149/
      /fcgi:
        fastcgi.connect:
          host: 127.0.0.1
          port: $FCGI
          type: tcp
        fastcgi.timeout.io: 2000
        fastcgi.timeout.keepalive: 0
      /cgi-bin:
        file.dir: $W/cgi
        file.custom-handler:
          extension: .cgi
          fastcgi.spawn: "exec /usr/share/h2o/fastcgi-cgi"
          fastcgi.timeout.io: 2000
      /rb:
        mruby.handler: |
          Proc.new do |env|
            path = env["PATH_INFO"]
            if path.start_with?("/echo")
              [200, {"content-type" => "text/plain"}, ["echo #{env['QUERY_STRING']}\n"]]
            elsif path.start_with?("/upstream")
              status, headers, body = http_request("http://127.0.0.1:$BACK/from-mruby").join
              [status, {"content-type" => "text/plain"}, body]
            else
              [399, {}, []]
            end
          end
        file.dir: $W/www
      /status:
        status: ON
      /old:
        redirect:
          status: 301
          url: /docs/
EOF
  case $v in
    badcmd) printf 'file.frobnicate: ON\n' ;;
    badlevel) printf '      /x:\n        max-connections: %s\n' "$(r 500)" ;;
    badmime) printf 'file.mime.addtypes:\n  not-a-mime-%s: .zz\n' "$(r 99)" ;;
    badext) printf 'file.mime.addtypes:\n  text/x-%s: zz\n' "$(r 99)" ;;
    badindex) printf 'file.index: %s\n' "$(pick index.html default.htm home.html)" ;;
    badsetenv) printf 'setenv: [APP_ENV, %s]\n' "$(pick prod dev)" ;;
    badonoff) printf 'file.send-gzip: %s\n' "$(pick MAYBE yes 1 enabled)" ;;
    badyaml) printf 'hosts:\n  default:\n    paths: [unclosed\n' ;;
    badmruby) printf '      /rb2:\n        mruby.handler: |\n          Proc.new do |env|\n            [200, {}, ["x"]\n' ;;
    badmrubyfile) printf '      /rb3:\n        mruby.handler-file: %s/missing-%s.rb\n' "$W" "$(r 99)" ;;
    badwild) printf '  "api.*.example%s.com":\n    paths:\n      /:\n        file.dir: %s/www\n' "$(r 99)" "$W" ;;
    nopaths) printf '  "host%s.example.com":\n    file.etag: OFF\n' "$(r 99)" ;;
    badcompress) printf 'compress: [%s]\n' "$(pick zstd deflate lzma)" ;;
    nohandler) printf '      /php:\n        file.dir: %s/www\n        file.custom-handler:\n          extension: .php\n' "$W" ;;
    badscalar) printf 'num-threads: [1, 2]\n' ;;
    badheader) printf '      /h:\n        header.add: "X-Bad-%s"\n' "$(r 99)" ;;
    badlog) printf '      /l:\n        access-log: /nonexistent-dir-%s/access.log\n        file.dir: %s/www\n' "$(r 99)" "$W" ;;
    badunit) printf 'limit-request-body: %s\n' "$(pick lots huge none)" ;;
    badexpires) printf 'expires: %s\n' "$(pick '10 fortnights' 'soon' '5 centuries')" ;;
  esac
}

########## control ##########
BACKPID=; FCGIPID=; MEMCPID=; H2O=
start_back() { [ -n "$BACKPID" ] || { python3 "$W/backend.py" $BACK 2>/dev/null & BACKPID=$!; }; }
stop_back() { [ -n "$BACKPID" ] && { kill $BACKPID; wait $BACKPID 2>/dev/null; BACKPID=; }; }
start_fcgi() { [ -n "$FCGIPID" ] || { python3 "$W/fcgi.py" $FCGI 2>/dev/null & FCGIPID=$!; }; }
stop_fcgi() { [ -n "$FCGIPID" ] && { kill $FCGIPID; wait $FCGIPID 2>/dev/null; FCGIPID=; }; }
start_memc() { [ -n "$MEMCPID" ] || { memcached -u nobody -l 127.0.0.1 -p $MEMC -U 0 -m 16 & MEMCPID=$!; }; }
stop_memc() { [ -n "$MEMCPID" ] && { kill $MEMCPID; wait $MEMCPID 2>/dev/null; MEMCPID=; }; }
start_h2o() {
  gen_conf good > "$W/h2o.conf"
  h2o -m master -c "$W/h2o.conf" >>"$W/h2o-stdout.txt" 2>&1 & H2O=$!
  sleep 2
}
stop_h2o() { [ -n "$H2O" ] && { kill -TERM $H2O; wait $H2O 2>/dev/null; H2O=; }; }
worker_pids() { pgrep -P "$H2O" 2>/dev/null | while read -r p; do [ "$(cat /proc/$p/comm 2>/dev/null)" = h2o ] && echo $p; done; }
reload_bad() {    # graceful restart with a broken config; the new worker fails until the config is fixed
  local v; v=$(pick badcmd badlevel badmime badext badindex badsetenv badonoff badyaml badmruby badmrubyfile badwild nopaths badcompress nohandler badscalar badheader badlog badunit badexpires)
  gen_conf "$v" > "$W/h2o.conf"
  kill -HUP $H2O; sleep $((1 + $(r 3)))
  gen_conf good > "$W/h2o.conf"; sleep 2
}
C="curl -s -o /dev/null --max-time 6"
ua() { pick "curl/7.88" "Mozilla/5.0 (X11; Linux x86_64)" "python-requests/2.31" "Wget/1.21" "probe-$RANDOM"; }
request() {
  local proto scheme port path
  if [ $(r 2) = 0 ]; then scheme=http; port=$HTTP; proto=$(pick --http1.1 --http2-prior-knowledge --http1.1)
  else scheme=https; port=$HTTPS; proto=$(pick --http2 --http1.1 --http2); fi
  case $(r 16) in
    0|1) path=/docs/page$((1 + $(r 35))).html ;;
    2) path=/img/pic$((1 + $(r 12))).png ;;
    3) path=/$(pick docs/ img/ "" nothing/ docs/../../etc/passwd .hidden index.html "%2e%2e/x") ;;
    4|5|6) path=/app/$(pick api/users api/orders/$(r 999) slow health "search?q=$RANDOM") ;;
    7) path=/$(pick dead/x dead/y/z app/api/items app/api/items/$(r 99)) ;;
    8|9) path=/fcgi/$(pick index.php "cart?id=$(r 99)" login) ;;
    10) path=/cgi-bin/$(pick hello.cgi "hello.cgi?name=$RANDOM" env.cgi slow.cgi broken.cgi fail.cgi missing.cgi) ;;
    11) path=/rb/$(pick "echo?x=$RANDOM" upstream other.txt) ;;
    12) path=/status/json ;;
    13) path=/old/$(r 9) ;;
    14) $C -k -X POST --data-binary @"$W/www/img/pic$((1 + $(r 10))).png" "$scheme://127.0.0.1:$port/app/upload" ; return ;;
    15) $C -k $proto -H "Range: bytes=$(r 100)-$(r 50)" "$scheme://127.0.0.1:$port/docs/page$((1 + $(r 30))).html"; return ;;
  esac
  $C -k $proto -A "$(ua)" "$scheme://127.0.0.1:$port$path"
}

########## run ##########
: > "$ELOG"
start_back; start_fcgi; start_memc; start_h2o
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 40) in
    0) [ $(r 2) = 0 ] && stop_back ;;
    1) [ $(r 2) = 0 ] && stop_fcgi ;;
    2) [ $(r 2) = 0 ] && { if [ -n "$MEMCPID" ]; then stop_memc; else start_memc; fi; } ;;
    3) [ $(r 2) = 0 ] && kill -HUP $H2O ;;
    4) [ $(r 3) != 0 ] && reload_bad ;;
    5) [ $(r 4) = 0 ] && { p=$(worker_pids | shuf -n1); [ -n "$p" ] && kill -$(pick KILL SEGV ABRT BUS) $p; sleep 2; } ;;
    6) case $(r 4) in
         0) rm -f "$W/tickets.yaml" ;;
         1) printf 'tickets: %s\n' $RANDOM > "$W/tickets.yaml" ;;
         *) ticket > "$W/tickets.yaml" ;;
       esac ;;
    7) [ $(r 6) = 0 ] && { stop_h2o; sleep 1; start_h2o; } ;;
    8|9) python3 "$W/h2client.py" $HTTP $HTTPS & ;;
    *) for i in $(seq 1 $((2 + $(r 5)))); do request & done ;;
  esac
  [ -z "$BACKPID" ] && [ $(r 6) = 0 ] && start_back
  [ -z "$FCGIPID" ] && [ $(r 6) = 0 ] && start_fcgi
  sleep 0.$((1 + $(r 5)))
done
sleep 3; stop_h2o; stop_back; stop_fcgi; stop_memc
wait 2>/dev/null
cp "$ELOG" "$OUT/h2o.log"
echo "done: $(wc -l < "$OUT/h2o.log") lines"
