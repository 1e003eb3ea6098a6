#!/usr/bin/env python3
"""Randomised XMPP clients for the ejabberd workload (raw XML over TCP, stdlib only; 127.0.0.1).

Usage: clients.py DURATION_SECONDS [--seed N] [--workers N]
Ports: 19420 c2s (STARTTLS offered), 19421 c2s (direct TLS), 19422 HTTP (API, upload),
19423 external components. Users alice..frank (password = user + "-pw") exist beforehand.
Clients: in-band registration, PLAIN and SCRAM logins (good, wrong, unknown), presence,
rosters, messages to online and offline users, MUC rooms (create, talk, destroy), password
changes, stream management with resumption (good and bad), idle clients that miss pings,
blocked users, stream errors and garbage, failed TLS, components with good and bad secrets,
HTTP API calls (good and malformed), HTTP upload slots and transfers.
"""
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import re
import socket
import ssl
import string
import sys
import threading
import time
import uuid

HOST = "127.0.0.1"
DOMAIN = "r11.test"
MUC = "conference." + DOMAIN
C2S, C2S_TLS, HTTP, COMP = 19420, 19421, 19422, 19423
DURATION = float(sys.argv[1])
args = sys.argv[2:]
if "--seed" in args:
    random.seed(int(args[args.index("--seed") + 1]))
WORKERS = int(args[args.index("--workers") + 1]) if "--workers" in args else 3

USERS = {u: u + "-pw" for u in ["alice", "bob", "carol", "dave", "erin", "frank"]}
REGISTERED = {}          # users registered in band by this run
LOCK = threading.Lock()
ROOMS = ["lobby", "dev", "ops", "random", "support"]
RES = ["laptop", "phone", "tablet", "desktop", "gajim", "conversations", "dino"]
WORDS = "hello there general kenobi deploy done lunch build broken fixed meeting later ok ping".split()


def rstr(n=6, alphabet=string.ascii_lowercase + string.digits):
    return "".join(random.choice(alphabet) for _ in range(n))


def text():
    return " ".join(random.choice(WORDS) for _ in range(random.randint(1, 8)))


def creds():
    with LOCK:
        pool = list(USERS.items()) + list(REGISTERED.items())
    return random.choice(pool)


class XC:
    """A minimal XMPP client connection."""

    def __init__(self, port=C2S, tls=False, src=None, timeout=8):
        self.sock = socket.create_connection((HOST, port), timeout=timeout,
                                             source_address=(src, 0) if src else None)
        if tls:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            self.sock = ctx.wrap_socket(self.sock, server_hostname=DOMAIN)
        self.buf = ""
        self.jid = None
        self.sm_id = None
        self.received = 0

    def send(self, data):
        self.sock.sendall(data.encode() if isinstance(data, str) else data)

    def wait(self, pattern, timeout=5):
        """Read until `pattern` (regex) appears in the buffer; returns the match or None."""
        rx = re.compile(pattern, re.S)
        end = time.time() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return m
            left = end - time.time()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except (socket.timeout, OSError):
                return None
            if not data:
                return None
            self.buf += data.decode(errors="replace")

    def open(self, to=DOMAIN, ns="jabber:client"):
        self.send("<?xml version='1.0'?><stream:stream to='%s' xmlns='%s' "
                  "xmlns:stream='http://etherx.jabber.org/streams' version='1.0' xml:lang='en'>"
                  % (to, ns))
        return self.wait(r"</stream:features>|</stream:stream>|<stream:error>.*?</stream:error>")

    def starttls(self):
        self.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if not self.wait(r"<proceed[^>]*/>"):
            return False
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock, server_hostname=DOMAIN)
        self.buf = ""
        return self.open() is not None

    def auth_plain(self, user, pw):
        tok = base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode()
        self.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" % tok)
        m = self.wait(r"<success[^>]*(?:/>|>.*?</success>)|<failure.*?</failure>")
        return bool(m and m.group(0).startswith("<success"))

    def auth_scram(self, user, pw, mech="SCRAM-SHA-1"):
        hname = {"SCRAM-SHA-1": "sha1", "SCRAM-SHA-256": "sha256", "SCRAM-SHA-512": "sha512"}[mech]
        cnonce = base64.b64encode(os.urandom(18)).decode()
        first_bare = "n=%s,r=%s" % (user, cnonce)
        self.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='%s'>%s</auth>"
                  % (mech, base64.b64encode(("n,," + first_bare).encode()).decode()))
        m = self.wait(r"<challenge[^>]*>(.*?)</challenge>|<failure.*?</failure>")
        if not m or not m.group(1):
            return False
        server_first = base64.b64decode(m.group(1)).decode()
        attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
        salted = hashlib.pbkdf2_hmac(hname, pw.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
        ckey = hmac.new(salted, b"Client Key", hname).digest()
        skey = hashlib.new(hname, ckey).digest()
        final_wo = "c=biws,r=%s" % attrs["r"]
        authmsg = ",".join([first_bare, server_first, final_wo]).encode()
        sig = hmac.new(skey, authmsg, hname).digest()
        proof = base64.b64encode(bytes(a ^ b for a, b in zip(ckey, sig))).decode()
        self.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>%s</response>"
                  % base64.b64encode((final_wo + ",p=" + proof).encode()).decode())
        m = self.wait(r"<success[^>]*(?:/>|>.*?</success>)|<failure.*?</failure>")
        return bool(m and m.group(0).startswith("<success"))

    def login(self, user, pw, res=None, mech=None, sm=False, tls=None):
        feats = self.open()
        if not feats:
            return False
        if tls is None:
            tls = random.random() < 0.3
        if tls and "starttls" in feats.group(0):
            if not self.starttls():
                return False
        mech = mech or random.choice(["PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-1"] * 8 + ["SCRAM-SHA-256"])
        ok = self.auth_plain(user, pw) if mech == "PLAIN" else self.auth_scram(user, pw, mech)
        if not ok:
            return False
        self.buf = ""
        if not self.open():
            return False
        res = res or random.choice(RES) + "-" + rstr(4)
        self.send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                  "<resource>%s</resource></bind></iq>" % res)
        m = self.wait(r"<jid>([^<]+)</jid>|<iq[^>]*type='error'.*?</iq>|</stream:stream>")
        if not m or not m.group(1):
            return False
        self.jid = m.group(1)
        if sm:
            self.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>")
            m = self.wait(r"<enabled[^>]*id='([^']+)'")
            if m:
                self.sm_id = m.group(1)
        return True

    def presence(self, show=None, status=None, prio=None):
        inner = ""
        if show:
            inner += "<show>%s</show>" % show
        if status:
            inner += "<status>%s</status>" % status
        if prio is not None:
            inner += "<priority>%d</priority>" % prio
        self.send("<presence>%s</presence>" % inner)

    def iq(self, typ, payload, to=None, timeout=5):
        iid = rstr(8)
        self.send("<iq type='%s' id='%s'%s>%s</iq>" % (typ, iid, " to='%s'" % to if to else "", payload))
        m = self.wait(r"<iq[^>]*id='%s'[^>]*(?:/>|>.*?</iq>)" % iid, timeout)
        return m.group(0) if m else None

    def message(self, to, body, typ="chat"):
        self.send("<message to='%s' type='%s' id='%s'><body>%s</body></message>" % (to, typ, rstr(6), body))

    def close(self, clean=True):
        try:
            if clean:
                self.send("</stream:stream>")
                self.wait(r"</stream:stream>", 2)
            self.sock.close()
        except OSError:
            pass


# ---------------------------------------------------------------- scenarios

def sc_chat():
    """Log in, presence, roster, some messages, maybe stay a while, leave."""
    user, pw = creds()
    c = XC(C2S_TLS, tls=True) if random.random() < 0.15 else XC()
    if not c.login(user, pw):
        return c.close(False)
    c.iq("get", "<query xmlns='jabber:iq:roster'/>")
    c.presence(random.choice([None, "away", "dnd", "chat", "xa"]),
               random.choice([None, "working", "on the road", text()]), random.randint(-1, 10))
    for _ in range(random.randint(0, 3)):
        peer = random.choice(list(USERS))
        if random.random() < 0.5:
            c.iq("set", "<query xmlns='jabber:iq:roster'><item jid='%s@%s' name='%s'/></query>"
                 % (peer, DOMAIN, peer.title()))
            c.send("<presence to='%s@%s' type='subscribe'/>" % (peer, DOMAIN))
        c.message("%s@%s" % (peer, DOMAIN), text())
    if random.random() < 0.3:
        c.message("ghost%d@%s" % (random.randint(1, 50), DOMAIN), text())
    if random.random() < 0.08:
        c.message("%s@%s" % (random.choice(["pal", "boss", "mum"]),
                             random.choice(["jabber.example", "chat.example.org", "xmpp.invalid"])), text())
    if random.random() < 0.3:
        c.iq("get", "<vCard xmlns='vcard-temp'/>")
    if random.random() < 0.2:
        c.iq("set", "<vCard xmlns='vcard-temp'><FN>%s %s</FN><NICKNAME>%s</NICKNAME></vCard>"
             % (user.title(), rstr(5), user))
    if random.random() < 0.2:
        c.iq("get", "<query xmlns='jabber:iq:version'/>", to=DOMAIN)
    time.sleep(random.uniform(0.2, 4))
    r = random.random()
    if r < 0.6:
        c.send("<presence type='unavailable'/>")
        c.close(True)
    elif r < 0.85:
        c.close(False)            # connection just dropped
    else:
        c.send("<message><body>unterminated")   # broken XML
        c.send("</bad></stream:stream>")
        c.wait(r"</stream:stream>", 2)
        c.close(False)


def sc_offline():
    """Messages to somebody who is (probably) offline; later that user logs in and gets them."""
    user, pw = creds()
    c = XC()
    if not c.login(user, pw):
        return c.close(False)
    target = random.choice(list(USERS))
    for _ in range(random.randint(1, 4)):
        c.message("%s@%s" % (target, DOMAIN), text(), random.choice(["chat", "normal"]))
    c.close(True)
    if random.random() < 0.5:
        t = XC()
        if t.login(target, USERS[target]):
            t.presence()
            t.wait(r"</message>", 2)
            t.close(True)


def sc_bad_login():
    r = random.random()
    c = XC()
    if r < 0.45:
        user = random.choice(list(USERS))
        c.login(user, rstr(8), mech=random.choice(["PLAIN", "SCRAM-SHA-1"]))
    elif r < 0.75:
        c.login("nobody" + rstr(3), "x" + rstr(5), mech=random.choice(["PLAIN", "SCRAM-SHA-1"]))
    elif r < 0.85:
        feats = c.open()
        if feats:
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='%s'>=</auth>"
                   % random.choice(["DIGEST-MD5", "X-FOO", "ANONYMOUS", "EXTERNAL"]))
            c.wait(r"</failure>", 3)
    else:  # malformed PLAIN token
        if c.open():
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>"
                   % base64.b64encode(rstr(12).encode()).decode())
            c.wait(r"</failure>", 3)
    c.close(random.random() < 0.5)


def sc_blocked():
    c = XC()
    if c.login("mallory", "mallory-pw"):
        c.close(True)
    else:
        c.close(False)


def sc_register():
    """In-band registration, sometimes of an existing name; sometimes a password change."""
    c = XC()
    if not c.open():
        return c.close(False)
    if random.random() < 0.8:
        user = "user" + rstr(5)
    else:
        user = random.choice(list(USERS))
    pw = rstr(10)
    c.iq("get", "<query xmlns='jabber:iq:register'/>")
    res = c.iq("set", "<query xmlns='jabber:iq:register'><username>%s</username><password>%s"
                      "</password></query>" % (user, pw))
    c.close(random.random() < 0.7)
    if res and "type='result'" in res:
        with LOCK:
            REGISTERED[user] = pw
        if random.random() < 0.5:
            c = XC()
            if c.login(user, pw):
                newpw = rstr(10)
                r = c.iq("set", "<query xmlns='jabber:iq:register'><username>%s</username>"
                                "<password>%s</password></query>" % (user, newpw))
                if r and "type='result'" in r:
                    with LOCK:
                        REGISTERED[user] = newpw
                if random.random() < 0.3:   # cancel the account again
                    c.iq("set", "<query xmlns='jabber:iq:register'><remove/></query>")
                    with LOCK:
                        REGISTERED.pop(user, None)
            c.close(True)


def sc_muc():
    user, pw = creds()
    c = XC()
    if not c.login(user, pw):
        return c.close(False)
    room = random.choice(ROOMS + ["tmp-" + rstr(4)])
    nick = user + random.choice(["", "_", str(random.randint(1, 9))])
    c.send("<presence to='%s@%s/%s'><x xmlns='http://jabber.org/protocol/muc'/></presence>"
           % (room, MUC, nick))
    m = c.wait(r"<presence[^>]*from='%s@%s/%s'.*?</presence>" % (room, MUC, re.escape(nick)), 4)
    if m and "status code='201'" in m.group(0) and random.random() < 0.7:
        # new room: accept the default configuration (instant room)
        c.iq("set", "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' "
                    "type='submit'/></query>", to="%s@%s" % (room, MUC))
    for _ in range(random.randint(0, 4)):
        c.message("%s@%s" % (room, MUC), text(), "groupchat")
    if random.random() < 0.3:
        c.send("<message to='%s@%s' type='groupchat'><subject>%s</subject></message>"
               % (room, MUC, text()))
    time.sleep(random.uniform(0.5, 5))
    r = random.random()
    if r < 0.15:
        c.iq("set", "<query xmlns='http://jabber.org/protocol/muc#owner'><destroy><reason>%s"
                    "</reason></destroy></query>" % text(), to="%s@%s" % (room, MUC))
    elif r < 0.6:
        c.send("<presence to='%s@%s/%s' type='unavailable'/>" % (room, MUC, nick))
    c.close(random.random() < 0.7)


def sc_sm():
    """Stream management: drop the connection and resume it (or try a bogus id)."""
    user, pw = creds()
    c = XC()
    if not c.login(user, pw, sm=True):
        return c.close(False)
    c.presence()
    c.send("<r xmlns='urn:xmpp:sm:3'/>")
    c.wait(r"<a [^>]*/>", 2)
    c.close(False)          # vanish without closing the stream
    if not c.sm_id:
        return
    time.sleep(random.uniform(0.5, 3) if random.random() < 0.6 else random.uniform(9, 11))
    d = XC()
    if not d.open():
        return d.close(False)
    if not (d.auth_plain(user, pw) if random.random() < 0.5 else d.auth_scram(user, pw)):
        return d.close(False)
    d.buf = ""
    d.open()
    previd = c.sm_id if random.random() < 0.8 else base64.b64encode(os.urandom(20)).decode()
    h = 0 if random.random() < 0.8 else random.randint(50, 90)
    d.send("<resume xmlns='urn:xmpp:sm:3' h='%d' previd='%s'/>" % (h, previd))
    m = d.wait(r"<resumed[^>]*/>|<failed.*?(?:/>|</failed>)", 4)
    if m and m.group(0).startswith("<resumed"):
        d.message("%s@%s" % (random.choice(list(USERS)), DOMAIN), "back " + text())
        time.sleep(random.uniform(0.2, 2))
    d.close(random.random() < 0.7)


def sc_idle():
    """A client that logs in and then ignores the server's pings until it is dropped."""
    user, pw = creds()
    c = XC(timeout=60)
    if not c.login(user, pw):
        return c.close(False)
    c.presence()
    c.sock.settimeout(40)
    try:
        c.sock.recv(65536)
        time.sleep(random.uniform(25, 35))
    except OSError:
        pass
    c.close(False)


def sc_stream_errors():
    r = random.choice([0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9])
    try:
        c = XC()
    except OSError:
        return
    if r == 0:
        c.open(to="nowhere%d.example" % random.randint(1, 99))
    elif r == 1:
        c.open(ns="jabber:server")
    elif r == 2:
        c.send("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % HOST)
        c.wait(r"</stream:stream>", 2)
    elif r == 3:
        c.send(os.urandom(random.randint(10, 200)))
        c.wait(r"</stream:stream>", 2)
    elif r == 4:
        c.open()
        c.send("<message to='bob@%s'><body>before auth</body></message>" % DOMAIN)
        c.wait(r"</stream:stream>", 2)
    elif r == 5:
        if c.login(*creds()):
            c.send("<message to='bob@%s'><body>%s</body></message>" % (DOMAIN, "x" * random.randint(70000, 90000)))
            c.wait(r"</stream:stream>", 3)
    elif r == 6:
        c.open()
        c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if c.wait(r"<proceed[^>]*/>"):
            if random.random() < 0.6:   # a client that checks the certificate and gives up
                try:
                    ssl.create_default_context().wrap_socket(c.sock, server_hostname=DOMAIN)
                except (ssl.SSLError, OSError):
                    pass
            else:
                c.send(b"\x16\x03\x01\x00\x05garbage-not-a-client-hello" + os.urandom(30))
                c.wait(r"x", 2)
    elif r == 7:
        if c.login(*creds()):
            c.send("<iq type='get' id='bad'><query xmlns='jabber:iq:roster'><item jid='@@@'/></query></iq>")
            c.send("<presence type='bogus'/>")
            c.send("<message to='not a jid@@/x'><body>x</body></message>")
            time.sleep(0.5)
            c.close(True)
    elif r == 8:
        c.open()
        c.send("<stream:stream xmlns='jabber:client'>")   # second stream header
        c.wait(r"</stream:stream>", 2)
    else:
        c.send("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
               "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % DOMAIN)
        time.sleep(random.uniform(0.1, 1.0))
    c.close(False)


def sc_tls_direct():
    if random.random() < 0.5:   # certificate check fails on the client side
        try:
            s = socket.create_connection((HOST, C2S_TLS), timeout=5)
            ssl.create_default_context().wrap_socket(s, server_hostname=DOMAIN).close()
        except (ssl.SSLError, OSError):
            pass
        return
    try:
        s = socket.create_connection((HOST, C2S_TLS), timeout=5)
        s.sendall(random.choice([b"<?xml version='1.0'?><stream:stream to='r11.test'>",
                                 os.urandom(64), b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"]))
        s.settimeout(2)
        try:
            s.recv(1024)
        except OSError:
            pass
        s.close()
    except OSError:
        pass


def sc_component():
    comp = random.choice(["bot.%s" % DOMAIN, "bot.%s" % DOMAIN, "gateway.%s" % DOMAIN,
                          "unknown%d.%s" % (random.randint(1, 9), DOMAIN)])
    secret = {"bot.%s" % DOMAIN: "botsecret", "gateway.%s" % DOMAIN: "gwsecret"}.get(comp, "x")
    if random.random() < 0.35:
        secret = rstr(8)
    try:
        c = XC(COMP)
    except OSError:
        return
    c.send("<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
           "xmlns:stream='http://etherx.jabber.org/streams' to='%s'>" % comp)
    m = c.wait(r"<stream:stream[^>]*id='([^']+)'", 3)
    if not m:
        return c.close(False)
    c.send("<handshake>%s</handshake>" % hashlib.sha1((m.group(1) + secret).encode()).hexdigest())
    m = c.wait(r"<handshake/>|<handshake></handshake>|</stream:stream>", 3)
    if m and m.group(0).startswith("<handshake"):
        for _ in range(random.randint(0, 3)):
            c.send("<message from='feed@%s' to='%s@%s' type='chat'><body>%s</body></message>"
                   % (comp, random.choice(list(USERS)), DOMAIN, text()))
        time.sleep(random.uniform(0.2, 3))
    c.close(random.random() < 0.6)


def api(cmd, payload, auth=None):
    try:
        h = http.client.HTTPConnection(HOST, HTTP, timeout=5)
        hdr = {"Content-Type": "application/json"}
        if auth:
            hdr["Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
        h.request("POST", "/api/" + cmd, body=json.dumps(payload) if not isinstance(payload, str)
                  else payload, headers=hdr)
        r = h.getresponse()
        body = r.read()
        h.close()
        return r.status, body
    except OSError:
        return None, b""


def sc_api():
    r = random.randint(0, 11)
    u = random.choice(list(USERS))
    if r == 0:
        api("registered_users", {"host": DOMAIN})
    elif r == 1:
        api("connected_users", {})
    elif r == 2:
        api("check_account", {"user": random.choice([u, "nobody" + rstr(2)]), "host": DOMAIN})
    elif r == 3:
        api("send_message", {"type": "chat", "from": "admin@" + DOMAIN, "to": "%s@%s" % (u, DOMAIN),
                             "subject": "", "body": "api says " + text()})
    elif r == 4:
        api("get_roster", {"user": u, "host": DOMAIN})
    elif r == 5:
        api("status", {})
    elif r == 6:
        api("registered_users", {"host": DOMAIN, "extra": rstr(3)})       # unknown argument
    elif r == 7:
        api("check_password", {"user": u})                                 # missing attribute
    elif r == 8:
        api("no_such_command_" + rstr(3), {})
    elif r == 9:
        api("muc_online_rooms", {"service": MUC})
    elif r == 10:
        api("registered_users", "{not json")
    else:
        api("stats", {"name": random.choice(["registeredusers", "onlineusers", "uptimeseconds"])})


def sc_upload():
    user, pw = creds()
    c = XC()
    if not c.login(user, pw):
        return c.close(False)
    name = random.choice(["photo", "notes", "report", "cat", "log"]) + "-" + rstr(3) + random.choice(
        [".jpg", ".txt", ".pdf", ".png"])
    size = random.choice([random.randint(10, 5000), random.randint(10, 5000), random.randint(300000, 900000)])
    res = c.iq("get", "<request xmlns='urn:xmpp:http:upload:0' filename='%s' size='%d' "
                      "content-type='application/octet-stream'/>" % (name, size), to="upload." + DOMAIN)
    c.close(True)
    if not res:
        return
    m = re.search(r"<put url='([^']+)'", res)
    g = re.search(r"<get url='([^']+)'", res)
    if not m:
        return
    put = m.group(1).replace("&amp;", "&")
    path = put.split(str(HTTP), 1)[1]
    r = random.random()
    body = os.urandom(size if r < 0.75 else max(1, size - random.randint(1, 9)))
    if r > 0.9:
        path = path.rsplit("/", 2)[0] + "/" + rstr(20) + "/" + name
    try:
        h = http.client.HTTPConnection(HOST, HTTP, timeout=5)
        h.request("PUT", path, body=body, headers={"Content-Type": "application/octet-stream"})
        h.getresponse().read()
        h.close()
        if g and random.random() < 0.7:
            gpath = g.group(1).split(str(HTTP), 1)[1]
            if random.random() < 0.2:
                gpath = gpath[:-3] + "zzz"
            h = http.client.HTTPConnection(HOST, HTTP, timeout=5)
            h.request(random.choice(["GET", "GET", "HEAD"]), gpath)
            h.getresponse().read()
            h.close()
    except OSError:
        pass


def sc_fail2ban():
    """Repeated wrong passwords from 127.0.0.2 until that address is banned."""
    user = random.choice(list(USERS))
    for _ in range(random.randint(2, 5)):
        try:
            c = XC(src="127.0.0.2")
            c.login(user, rstr(6), mech="PLAIN")
            c.close(False)
        except OSError:
            pass
        time.sleep(random.uniform(0.1, 0.5))


SCENARIOS = [(sc_chat, 12), (sc_offline, 4), (sc_bad_login, 5), (sc_blocked, 1), (sc_register, 4),
             (sc_muc, 6), (sc_sm, 3), (sc_idle, 1), (sc_stream_errors, 5), (sc_tls_direct, 1),
             (sc_component, 2), (sc_api, 4), (sc_upload, 2), (sc_fail2ban, 1)]


def worker(end):
    pool = [f for f, w in SCENARIOS for _ in range(w)]
    while time.time() < end:
        f = random.choice(pool)
        try:
            f()
        except Exception as e:  # noqa: BLE001 - keep the workload going
            print("%s: %r" % (f.__name__, e), file=sys.stderr)
        time.sleep(random.uniform(0.3, 2.0))


def main():
    end = time.time() + DURATION
    ts = [threading.Thread(target=worker, args=(end,)) for _ in range(WORKERS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


if __name__ == "__main__":
    main()
