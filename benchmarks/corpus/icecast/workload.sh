#!/bin/bash
# Round-7 corpus workload: Icecast 2.4 (Debian 12 package icecast2) on 127.0.0.1:28100, error log
# (<errorlog>) at <loglevel>4</loglevel> (debug), several mounts with fallbacks, limits, a
# listener-authenticated mount and two on-demand relays. Raw-socket python clients (no ffmpeg):
# SOURCE/PUT sources streaming random bytes, listeners connecting and dropping, wrong source and
# admin passwords, unknown mounts, admin commands, limits exceeded, stalled sources (timeouts),
# garbage requests, SIGHUP reloads, a restart, stop. Copies the error log, unchanged, to
# $OUT/icecast.log.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION]
#   (apt-get install -y icecast2 python3; defaults OUT_DIR=/work/round7/icecast DURATION=100)
set -u
OUT=${1:-/work/round7/icecast}; DURATION=${2:-100}
BASE=/tmp/r7-icecast; PORT=28100
rm -rf "$BASE"; mkdir -p "$BASE/log" "$OUT"; rm -f "$OUT/icecast.log"
: > "$BASE/members.htpasswd"
cat > "$BASE/onconnect.sh" <<'EOF'
#!/bin/sh
exit 0
EOF
chmod 755 "$BASE/onconnect.sh"

write_conf() {  # $1 = max listeners on /live.mp3 (changed between reloads)
cat > "$BASE/icecast.xml" <<EOF
<icecast>
    <location>Lab rack $((RANDOM % 9))</location>
    <admin>ops@localhost</admin>
    <limits>
        <clients>14</clients>
        <sources>4</sources>
        <queue-size>262144</queue-size>
        <client-timeout>10</client-timeout>
        <header-timeout>4</header-timeout>
        <source-timeout>4</source-timeout>
        <burst-on-connect>1</burst-on-connect>
        <burst-size>32768</burst-size>
    </limits>
    <authentication>
        <source-password>srcpass</source-password>
        <relay-password>relaypass</relay-password>
        <admin-user>admin</admin-user>
        <admin-password>adminpass</admin-password>
    </authentication>
    <hostname>localhost</hostname>
    <listen-socket>
        <port>$PORT</port>
        <bind-address>127.0.0.1</bind-address>
    </listen-socket>
    <relay>
        <server>127.0.0.1</server>
        <port>$PORT</port>
        <mount>/live.mp3</mount>
        <local-mount>/relay.mp3</local-mount>
        <on-demand>1</on-demand>
        <relay-shoutcast-metadata>1</relay-shoutcast-metadata>
    </relay>
    <relay>
        <server>127.0.0.1</server>
        <port>9</port>
        <mount>/gone.mp3</mount>
        <local-mount>/deadrelay.mp3</local-mount>
        <on-demand>1</on-demand>
    </relay>
    <mount type="normal">
        <mount-name>/live.mp3</mount-name>
        <max-listeners>$1</max-listeners>
        <fallback-mount>/backup.mp3</fallback-mount>
        <fallback-override>1</fallback-override>
        <stream-name>Live show</stream-name>
        <on-connect>$BASE/onconnect.sh</on-connect>
        <on-disconnect>$BASE/onconnect.sh</on-disconnect>
    </mount>
    <mount type="normal">
        <mount-name>/backup.mp3</mount-name>
        <username>backup</username>
        <password>backuppass</password>
        <max-listeners>6</max-listeners>
        <fallback-mount>/jingle.mp3</fallback-mount>
    </mount>
    <mount type="normal">
        <mount-name>/talk.ogg</mount-name>
        <max-listeners>2</max-listeners>
        <max-listener-duration>6</max-listener-duration>
        <public>0</public>
    </mount>
    <mount type="normal">
        <mount-name>/members.mp3</mount-name>
        <authentication type="htpasswd">
            <option name="filename" value="$BASE/members.htpasswd"/>
            <option name="allow_duplicate_users" value="0"/>
        </authentication>
    </mount>
    <fileserve>1</fileserve>
    <paths>
        <basedir>/usr/share/icecast2</basedir>
        <logdir>$BASE/log</logdir>
        <webroot>/usr/share/icecast2/web</webroot>
        <adminroot>/usr/share/icecast2/admin</adminroot>
        <pidfile>$BASE/icecast.pid</pidfile>
        <alias source="/" destination="/status.xsl"/>
    </paths>
    <logging>
        <accesslog>access.log</accesslog>
        <errorlog>error.log</errorlog>
        <loglevel>4</loglevel>
        <logsize>100000</logsize>
    </logging>
    <security>
        <chroot>0</chroot>
        <changeowner>
            <user>icecast2</user>
            <group>icecast</group>
        </changeowner>
    </security>
</icecast>
EOF
}

cat > "$BASE/clients.py" <<'PY'
import base64, os, random, signal, socket, sys, threading, time
PORT = int(sys.argv[1]); DURATION = float(sys.argv[2]); PIDFILE = sys.argv[3]
H = "127.0.0.1"
WORDS = "amber birch cedar delta ember fjord grove harbor iris jade kestrel lumen meadow nova onyx prism".split()
MOUNTS = ["/live.mp3", "/backup.mp3", "/jingle.mp3", "/talk.ogg", "/members.mp3", "/relay.mp3", "/deadrelay.mp3"]
def w(): return random.choice(WORDS)
def auth(u, p): return "Authorization: Basic " + base64.b64encode(f"{u}:{p}".encode()).decode() + "\r\n"

def conn(timeout=5):
    s = socket.create_connection((H, PORT), timeout=timeout)
    return s

def quiet(f):
    def g(*a, **k):
        try: f(*a, **k)
        except Exception: pass
    return g

@quiet
def source(mount, user="source", pw="srcpass", method=None, ctype="audio/mpeg", secs=None, stall=False, meta=True):
    method = method or random.choice(["SOURCE", "PUT"])
    s = conn()
    hdr = f"{method} {mount} HTTP/1.{1 if method == 'PUT' else 0}\r\nHost: localhost:{PORT}\r\n" + auth(user, pw)
    hdr += f"User-Agent: rawsrc/{random.randint(1,9)}.{random.randint(0,9)}\r\nContent-Type: {ctype}\r\n"
    if method == "PUT": hdr += "Expect: 100-continue\r\n" if random.random() < .5 else ""
    if meta:
        hdr += f"ice-name: {w()} {w()} radio\r\nice-description: {w()} sounds\r\nice-genre: {w()}\r\n"
        hdr += f"ice-public: {random.randint(0,1)}\r\nice-bitrate: {random.choice([64,96,128,192])}\r\n"
        hdr += f"ice-url: http://{w()}.example/\r\n"
    s.sendall((hdr + "\r\n").encode())
    resp = s.recv(200)
    if b" 200" not in resp.split(b"\r\n")[0] and b" 100" not in resp.split(b"\r\n")[0]:
        s.close(); return
    end = time.time() + (secs or random.uniform(3, 20))
    while time.time() < end:
        s.sendall(os.urandom(random.randint(2000, 8000)))
        time.sleep(0.25)
    if stall:
        time.sleep(8)          # source-timeout
    s.close()

@quiet
def listener(mount, secs=None, user=None, pw=None, icy=False, ua=None, drop_early=False):
    s = conn()
    hdr = f"GET {mount} HTTP/1.{random.randint(0,1)}\r\nHost: localhost\r\n"
    hdr += f"User-Agent: {ua or random.choice(['VLC/3.0.18 LibVLC/3.0.18', 'mpv 0.35', 'Winamp/5.9', 'curl/7.88.1', 'Lavf/59.27.100', 'foobar2000/1.6'])}\r\n"
    if icy: hdr += "Icy-MetaData: 1\r\n"
    if user: hdr += auth(user, pw)
    s.sendall((hdr + "\r\n").encode())
    if drop_early:
        s.close(); return
    end = time.time() + (secs or random.uniform(1, 15))
    s.settimeout(2)
    while time.time() < end:
        try:
            if not s.recv(16384): break
        except socket.timeout:
            pass
    s.close()

@quiet
def admin(path, user="admin", pw="adminpass"):
    s = conn()
    s.sendall((f"GET /admin/{path} HTTP/1.0\r\nHost: localhost\r\n" + (auth(user, pw) if user else "") + "\r\n").encode())
    while s.recv(65536): pass
    s.close()

@quiet
def garbage(kind):
    s = conn()
    if kind == 0:
        s.sendall(os.urandom(random.randint(10, 400)))
    elif kind == 1:
        s.sendall(b"GET /live.mp3 HTTP/1.0\r\nHost: loc")   # never finishes headers
        time.sleep(6)
    elif kind == 2:
        s.sendall(f"{random.choice(['DELETE', 'OPTIONS', 'BREW', 'POST'])} /{w()} HTTP/1.1\r\n\r\n".encode())
    elif kind == 3:
        s.sendall(b"\r\n\r\n")
    elif kind == 4:
        s.sendall(f"SOURCE {w()}.mp3 ICE/1.0\r\n\r\n".encode())
    elif kind == 5:
        s.sendall(f"GET /{w()}.{random.choice(['html','css','xsl','png','ogg'])} HTTP/1.0\r\n\r\n".encode())
    time.sleep(0.5)
    try: s.recv(4096)
    except Exception: pass
    s.close()

def bg(f, *a, **k):
    t = threading.Thread(target=f, args=a, kwargs=k, daemon=True); t.start(); return t

def hup():
    try: os.kill(int(open(PIDFILE).read().split()[0]), signal.SIGHUP)
    except Exception: pass

end = time.time() + DURATION
# a long-lived main source and a backup source
bg(source, "/backup.mp3", "backup", "backuppass", secs=DURATION * 0.8)
bg(source, "/members.mp3", secs=DURATION * 0.9)
users = []
while time.time() < end:
    k = random.randrange(30)
    if k < 3:
        bg(source, "/live.mp3", secs=random.uniform(5, 25))
    elif k == 3:
        bg(source, "/talk.ogg", ctype=random.choice(["application/ogg", "audio/ogg"]), secs=random.uniform(4, 12))
    elif k == 4:
        bg(source, random.choice(["/" + w() + ".mp3", "/" + w() + "/" + w() + ".aac"]), ctype=random.choice(["audio/mpeg", "audio/aac", "audio/aacp", "video/x-" + w()]), secs=random.uniform(2, 8), stall=random.random() < .4, meta=random.random() < .6)
    elif k == 5:   # wrong source passwords / user
        bg(source, random.choice(MOUNTS), user=random.choice(["source", "backup", w()]), pw="bad" + str(random.randint(1, 999)))
    elif k == 6:   # mount already in use
        bg(source, random.choice(["/live.mp3", "/backup.mp3"]), secs=2)
    elif k == 7:   # stalled source
        bg(source, "/" + w() + ".mp3", secs=random.uniform(1, 3), stall=True)
    elif k in (8, 9, 10, 11):
        for _ in range(random.randint(1, 4)):
            bg(listener, random.choice(MOUNTS[:4]), icy=random.random() < .5)
    elif k == 12:
        bg(listener, "/" + w() + random.choice([".mp3", ".ogg", ""]))
    elif k == 13:   # flood over max-listeners / clients
        for _ in range(random.randint(4, 9)):
            bg(listener, random.choice(["/live.mp3", "/talk.ogg"]), secs=random.uniform(3, 8))
    elif k == 14:
        bg(listener, random.choice(MOUNTS), drop_early=True)
    elif k == 15:   # members mount
        if users and random.random() < .6:
            u, p = random.choice(users)
            bg(listener, "/members.mp3", user=u, pw=p if random.random() < .7 else "nope")
        else:
            bg(listener, "/members.mp3", user=w(), pw="x")
    elif k == 16:
        u, p = w() + str(random.randint(1, 99)), "pw" + str(random.randint(100, 999))
        users.append((u, p))
        bg(admin, f"manageauth?mount=/members.mp3&action=add&username={u}&password={p}")
        if random.random() < .3 and users:
            u, p = users.pop(random.randrange(len(users)))
            bg(admin, f"manageauth?mount=/members.mp3&action=delete&username={u}")
    elif k == 17:
        bg(admin, f"metadata?mount={random.choice(['/live.mp3', '/backup.mp3', '/talk.ogg', '/nowhere.mp3'])}&mode=updinfo&song={w()}+-+{w()}+{random.randint(1, 99)}")
    elif k == 18:
        bg(admin, random.choice(["listclients?mount=/live.mp3", "listclients?mount=/backup.mp3", "listmounts", "stats", "listclients?mount=/" + w() + ".mp3", "stats.xsl", "listmounts.xsl", "listclients.xsl?mount=/backup.mp3"]))
    elif k == 19:
        bg(admin, f"moveclients?mount={random.choice(['/live.mp3', '/backup.mp3'])}&destination={random.choice(['/backup.mp3', '/live.mp3', '/talk.ogg', '/void.mp3'])}")
    elif k == 20:
        bg(admin, f"killsource?mount={random.choice(['/live.mp3', '/talk.ogg', '/nowhere.mp3'])}")
    elif k == 21:
        bg(admin, f"killclient?mount=/backup.mp3&id={random.randint(1, 300)}")
    elif k == 22:   # wrong admin password, unknown admin user, no auth, unknown command
        c = random.randrange(4)
        if c == 0: bg(admin, "listmounts", pw="guess" + str(random.randint(1, 99)))
        elif c == 1: bg(admin, "stats", user=w(), pw="x")
        elif c == 2: bg(admin, "listclients?mount=/live.mp3", user=None)
        else: bg(admin, w() + "?mount=/live.mp3")
    elif k == 23:
        bg(admin, f"fallbacks?mount=/live.mp3&fallback={random.choice(['/backup.mp3', '/jingle.mp3'])}")
    elif k in (24, 25):
        bg(garbage, random.randrange(6))
    elif k == 26:
        bg(listener, "/relay.mp3", secs=random.uniform(2, 6))
        bg(listener, "/deadrelay.mp3", secs=1)
    elif k == 27:
        if random.random() < .4: hup()
    elif k == 28:
        bg(admin, f"updatemetadata?mount=/live.mp3&mode=updinfo&song={w()}")
        bg(listener, "/status-json.xsl", secs=1)
    elif k == 29:
        bg(listener, random.choice(["/status.xsl", "/server_version.xsl", "/", "/style.css", "/" + w() + ".xsl"]), secs=1)
    time.sleep(random.uniform(1.3, 4.2))
time.sleep(3)
PY

start() {
  icecast2 -c "$BASE/icecast.xml" & ICE=$!
  sleep 2
}
chown -R icecast2:icecast "$BASE"
write_conf 3
start
python3 "$BASE/clients.py" $PORT $((DURATION * 40 / 100)) "$BASE/icecast.pid"
write_conf 4; chown icecast2:icecast "$BASE/icecast.xml"; kill -HUP $ICE; sleep 1
python3 "$BASE/clients.py" $PORT $((DURATION * 25 / 100)) "$BASE/icecast.pid"
kill $ICE; wait $ICE 2>/dev/null; sleep 1          # stop and restart
start
python3 "$BASE/clients.py" $PORT $((DURATION * 35 / 100)) "$BASE/icecast.pid"
kill $ICE; wait $ICE 2>/dev/null
cp "$BASE/log/error.log" "$OUT/icecast.log"
