#!/bin/bash
# Round-7 corpus workload: coturn 4.6 TURN/STUN server (Debian 12 package coturn), listening on
# 127.0.0.1 only, --log-file (with --simple-log) and --verbose, long-term credentials with static
# users in the config file. Randomised turnutils_uclient / turnutils_stunclient runs and raw UDP/TCP
# STUN/TURN clients (Python) for DURATION seconds, SIGHUPs (coturn reopens its log), final SIGTERM.
# Writes $OUT/turnserver.full.log (whole file); the start-up banner (multi-line records) is cut
# off the head to make $OUT/coturn.log (lines from "Domain name:" on, nothing else removed).
# Run as root on Debian 12:  bash workload.sh OUT_DIR [DURATION]   (apt-get install -y coturn)
set -u
OUT=${1:?out dir}; DURATION=${2:-65}
RUN=/tmp/r7c; mkdir -p "$OUT" "$RUN"; rm -f $RUN/turn.log
cat > $RUN/turn.conf <<EOF
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=3478
min-port=49152
max-port=49400
lt-cred-mech
realm=r7.example.org
user=alice:pw-alice
user=bob:pw-bob
user=carol:pw-carol
user=dave:pw-dave
user-quota=3
total-quota=14
max-allocate-lifetime=40
channel-lifetime=60
permission-lifetime=60
stale-nonce=25
denied-peer-ip=127.0.0.200-127.0.0.250
no-tls
no-dtls
no-cli
allow-loopback-peers
verbose
simple-log
log-file=$RUN/turn.log
pidfile=$RUN/turnserver.pid
EOF
turnserver -c $RUN/turn.conf > $RUN/stdout 2>&1 & TS=$!
sleep 1.5
turnutils_peer -L 127.0.0.1 -p 3480 >/dev/null 2>&1 & PEER=$!
sleep 0.5

cat > $RUN/raw.py <<'PY'
# Raw STUN/TURN client (RFC 5389/5766) with long-term credentials.
import hashlib, hmac, os, random, socket, struct, sys, time, zlib
H, P = "127.0.0.1", 3478
REALM = "r7.example.org"
r = random.Random()
MAGIC = 0x2112A442
def attr(t, v):
    pad = (4 - len(v) % 4) % 4
    return struct.pack("!HH", t, len(v)) + v + b"\0" * pad
def xaddr(ip, port):
    a = struct.unpack("!I", socket.inet_aton(ip))[0] ^ MAGIC
    return struct.pack("!BBHI", 0, 1, port ^ (MAGIC >> 16), a)
def msg(mtype, attrs, key=None, fp=False, tid=None):
    tid = tid or os.urandom(12)
    body = b"".join(attrs)
    if key:
        hdr = struct.pack("!HHI", mtype, len(body) + 24, MAGIC) + tid
        mac = hmac.new(key, hdr + body, hashlib.sha1).digest()
        body += attr(0x0008, mac)
    if fp:
        hdr = struct.pack("!HHI", mtype, len(body) + 8, MAGIC) + tid
        crc = (zlib.crc32(hdr + body) ^ 0x5354554e) & 0xffffffff
        body += attr(0x8028, struct.pack("!I", crc))
    return struct.pack("!HHI", mtype, len(body), MAGIC) + tid + body
def parse(data):
    if len(data) < 20: return None, {}
    mtype, ln, _ = struct.unpack("!HHI", data[:8]); out = {}; i = 20
    while i + 4 <= 20 + ln and i + 4 <= len(data):
        t, l = struct.unpack("!HH", data[i:i + 4]); out[t] = data[i + 4:i + 4 + l]; i += 4 + l + (4 - l % 4) % 4
    return mtype, out
class C:
    def __init__(self, tcp=False):
        self.tcp = tcp
        if tcp: self.s = socket.create_connection((H, P), timeout=2)
        else: self.s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); self.s.settimeout(2)
        self.nonce = None; self.key = None; self.user = None
    def send(self, m):
        if self.tcp: self.s.sendall(m)
        else: self.s.sendto(m, (H, P))
    def rt(self, m):
        self.send(m)
        try: return parse(self.s.recv(4096))
        except Exception: return None, {}
    def auth(self, user, pw):
        self.user = user; self.key = hashlib.md5(("%s:%s:%s" % (user, REALM, pw)).encode()).digest()
    def req(self, mtype, attrs, auth=True):
        a = list(attrs)
        if auth and self.nonce:
            a += [attr(0x0006, self.user.encode()), attr(0x0014, REALM.encode()), attr(0x0015, self.nonce)]
        t, out = self.rt(msg(mtype, a, self.key if auth and self.nonce else None, fp=r.random() < 0.5))
        if auth and out.get(0x0015) and t is not None and t & 0x0110 == 0x0110:
            self.nonce = out[0x0015]
            a = list(attrs) + [attr(0x0006, self.user.encode()), attr(0x0014, REALM.encode()), attr(0x0015, self.nonce)]
            t, out = self.rt(msg(mtype, a, self.key))
        return t, out
RT = attr(0x0019, bytes([17, 0, 0, 0]))
def lifetime(n): return attr(0x000D, struct.pack("!I", n))
def users():
    u = r.choice(["alice", "bob", "carol", "dave"]); return u, "pw-" + u
def peer(): return "127.0.0.1", r.choice([3480, 3481, r.randint(20000, 60000)])

def allocate_and_leave():      # allocation left to expire
    c = C(r.random() < 0.3); c.auth(*users())
    c.req(0x0003, [RT, lifetime(r.choice([20, 30, 600]))])
    if r.random() < 0.5: c.req(0x0008, [attr(0x0012, xaddr(*peer()))])
    if r.random() < 0.5: c.req(0x0009, [attr(0x000C, struct.pack("!HH", r.randint(0x4000, 0x4FFF), 0)), attr(0x0012, xaddr(*peer()))])
    if not c.tcp: c.s.close()
    else: time.sleep(r.random()); c.s.close()
def full_cycle():
    c = C(r.random() < 0.3); c.auth(*users())
    c.req(0x0003, [RT, lifetime(r.randint(10, 60))])
    for _ in range(r.randint(1, 4)):
        k = r.randrange(6)
        if k == 0: c.req(0x0008, [attr(0x0012, xaddr(*peer()))])
        elif k == 1: c.req(0x0009, [attr(0x000C, struct.pack("!HH", r.randint(0x4000, 0x7FFF), 0)), attr(0x0012, xaddr(*peer()))])
        elif k == 2: c.req(0x0004, [lifetime(r.randint(10, 100))])
        elif k == 3:  # send indication to a peer
            h, p = peer(); c.send(msg(0x0016, [attr(0x0012, xaddr(h, p)), attr(0x0013, os.urandom(r.randint(1, 400)))]))
        elif k == 4: c.req(0x0008, [attr(0x0012, xaddr("127.0.0.%d" % r.randint(200, 250), r.randint(1000, 9000)))])
        elif k == 5: c.req(0x0009, [attr(0x000C, struct.pack("!HH", r.randint(1, 0x3FFF), 0)), attr(0x0012, xaddr(*peer()))])
        time.sleep(r.random() * 0.2)
    if r.random() < 0.7: c.req(0x0004, [lifetime(0)])
    c.s.close()
def bad_auth():
    c = C(r.random() < 0.3); k = r.randrange(4)
    if k == 0: c.auth(r.choice(["alice", "bob", "carol"]), "wrong%d" % r.randint(1, 999))
    elif k == 1: c.auth("mallory%d" % r.randint(1, 99), "x")
    elif k == 2: c.auth(*users())
    else: c.auth(*users())
    if k == 2:  # stale or forged nonce
        c.nonce = b"deadbeef%08d" % r.randint(0, 99999999)
        c.rt(msg(0x0003, [RT, attr(0x0006, c.user.encode()), attr(0x0014, REALM.encode()), attr(0x0015, c.nonce)], c.key))
    elif k == 3:  # wrong realm
        t, out = c.rt(msg(0x0003, [RT])); n = out.get(0x0015, b"x")
        c.rt(msg(0x0003, [RT, attr(0x0006, c.user.encode()), attr(0x0014, b"other.example"), attr(0x0015, n)], c.key))
    else: c.req(0x0003, [RT])
    c.s.close()
def odd_requests():
    c = C(r.random() < 0.3); c.auth(*users()); k = r.randrange(7)
    if k == 0: c.req(0x0003, [])                                    # no REQUESTED-TRANSPORT
    elif k == 1: c.req(0x0003, [attr(0x0019, bytes([6, 0, 0, 0]))])  # TCP relay
    elif k == 2: c.req(0x0003, [attr(0x0019, bytes([99, 0, 0, 0]))]) # unknown transport
    elif k == 3: c.req(0x0003, [RT]); c.req(0x0003, [RT])            # allocation mismatch
    elif k == 4: c.req(0x0004, [lifetime(60)])                       # refresh without allocation
    elif k == 5: c.req(0x0008, [attr(0x0012, xaddr(*peer()))])       # permission without allocation
    else: c.req(0x0003, [RT, attr(0x7FFE, b"x"), attr(0x0022, b"\0\0\0\0\0\0\0\0")])  # unknown attrs
    c.s.close()
def binding():
    c = C(r.random() < 0.4); k = r.randrange(4)
    if k == 0: c.rt(msg(0x0001, [], fp=True))
    elif k == 1: c.rt(msg(0x0001, [attr(0x0003, struct.pack("!I", r.choice([2, 4, 6])))]))
    elif k == 2: c.rt(msg(0x0001, [attr(0x8022, b"raw-%d" % r.randint(1, 99))]))
    else: c.rt(msg(r.choice([0x000F, 0x0002, 0x0111, 0x0005]), []))
    c.s.close()
def garbage():
    c = C(r.random() < 0.4)
    k = r.randrange(3)
    if k == 0: c.send(os.urandom(r.randint(1, 300)))
    elif k == 1: c.send(struct.pack("!HH", r.randint(0x4000, 0x7FFF), r.randint(0, 50)) + os.urandom(r.randint(0, 60)))
    else:
        b = bytearray(msg(0x0001, [attr(0x8022, b"abc")], fp=True)); b[-1] ^= 0xFF; c.send(bytes(b))
    time.sleep(0.1); c.s.close()
def odd_names():
    c = C(r.random() < 0.3); k = r.randrange(3)
    if k == 0: c.auth(r.choice(["bad user", "x<y>", "a\"b", "semi;colon"]) + str(r.randint(1, 99)), "x")
    else: c.auth(*users())
    t, out = c.rt(msg(0x0003, [RT])); n = out.get(0x0015, b"x")
    realm = REALM.encode() if k != 1 else r.choice([b"bad realm", b"r<7>", b"x y z"])
    c.rt(msg(0x0003, [RT, attr(0x0006, c.user.encode()), attr(0x0014, realm), attr(0x0015, n)], c.key))
    c.s.close()
def with_origin():
    c = C(r.random() < 0.3); c.auth(*users())
    o = r.choice([b"https://app%d.example.com" % r.randint(1, 20), b"http://chat.example.net:8%03d" % r.randint(0, 999), b"not an origin %d" % r.randint(1, 9)])
    O = attr(0x802F, o)
    c.req(0x0003, [RT, O, lifetime(r.randint(10, 40))])
    if r.random() < 0.6: c.req(0x0008, [O, attr(0x0012, xaddr(*peer()))])
    if r.random() < 0.4: c.req(0x0008, [O, attr(0x0012, xaddr("127.0.0.%d" % r.randint(200, 250), 5000))])
    c.req(0x0004, [O, lifetime(0)])
    c.s.close()
def unsupported():
    c = C(r.random() < 0.3); c.auth(*users()); k = r.randrange(3)
    if k == 0: c.req(r.choice([0x000F, 0x000E, 0x0030, 0x0005]), [])   # unknown request method
    elif k == 1: c.send(msg(r.choice([0x001F, 0x001E, 0x0019]), [attr(0x0013, b"x")]))  # unknown indication
    else:  # RFC 3489 style (no magic cookie)
        m = r.choice([0x0001, 0x0003, 0x0002]); c.send(struct.pack("!HH", m, 0) + os.urandom(16))
    time.sleep(0.05); c.s.close()
def tcp_relay():
    c = C(True); c.auth(*users())
    c.req(0x0003, [attr(0x0019, bytes([6, 0, 0, 0]))])
    for _ in range(r.randint(1, 2)):
        c.req(0x000A, [attr(0x0012, xaddr("127.0.0.1", r.choice([3478, r.randint(20000, 30000)])))])
    time.sleep(r.random() * 0.5); c.s.close()
ACTIONS = [(allocate_and_leave, 3), (full_cycle, 6), (bad_auth, 4), (odd_requests, 4), (binding, 3), (garbage, 3),
           (odd_names, 2), (with_origin, 3), (unsupported, 3), (tcp_relay, 2)]
for _ in range(int(sys.argv[1])):
    fn = r.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
    try: fn()
    except Exception: pass
    time.sleep(r.random() * 0.3)
PY

END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
users=(alice bob carol dave)
while [ $SECONDS -lt $END ]; do
  u=${users[$(r 4)]}
  case $(r 12) in
    0|1) timeout 12 turnutils_uclient -u $u -w pw-$u -e 127.0.0.1 -r 3480 -n $((1 + $(r 6))) -m $((1 + $(r 4))) -l $((50 + $(r 400))) 127.0.0.1 >/dev/null 2>&1 ;;
    2) timeout 12 turnutils_uclient -t -u $u -w pw-$u -e 127.0.0.1 -r 3480 -n $((1 + $(r 4))) -m $((1 + $(r 3))) -l $((50 + $(r 300))) 127.0.0.1 >/dev/null 2>&1 ;;
    3) timeout 12 turnutils_uclient -c -u $u -w pw-$u -e 127.0.0.1 -r 3480 -n $((1 + $(r 4))) -m 1 127.0.0.1 >/dev/null 2>&1 ;;
    4) timeout 12 turnutils_uclient -y -u $u -w pw-$u -n $((1 + $(r 4))) -m 2 127.0.0.1 >/dev/null 2>&1 ;;
    5) timeout 3 turnutils_uclient -u $u -w wrong$RANDOM -e 127.0.0.1 -r 3480 -n 1 -m 1 127.0.0.1 >/dev/null 2>&1 ;;
    6) timeout 3 turnutils_uclient -u nobody$(r 50) -w x -e 127.0.0.1 -r 3480 -n 1 -m 1 127.0.0.1 >/dev/null 2>&1 ;;
    7) timeout 5 turnutils_stunclient $([ $(r 2) = 0 ] && echo -c) -p 3478 127.0.0.1 >/dev/null 2>&1 ;;
    8) timeout 12 turnutils_uclient -u $u -w pw-$u -e 127.0.0.1 -r 3480 -n 2 -m 6 127.0.0.1 >/dev/null 2>&1 ;;   # over user quota
    9|10) timeout 30 python3 $RUN/raw.py $((5 + $(r 15))) ;;
    11) [ $(r 3) = 0 ] && kill -HUP $TS ;;
  esac
  sleep 0.$(r 9)
done
sleep 45   # let the last allocations time out
kill -TERM $TS; wait $TS 2>/dev/null; kill $PEER
cp $RUN/turn.log $OUT/turnserver.full.log
start=$(grep -n -m1 ': : Domain name:' $OUT/turnserver.full.log | cut -d: -f1)
tail -n +$start $OUT/turnserver.full.log > $OUT/coturn.log
