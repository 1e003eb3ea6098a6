#!/usr/bin/env python3
"""Randomised raw-XML XMPP clients for the prosody workload (127.0.0.1:15222 only).

Usage: clients.py DURATION CTL_CMD
Registrations, good/bad/unknown logins (PLAIN and SCRAM-SHA-1, with and without STARTTLS),
presence, messages to online/offline/unknown users, roster changes, blocking, vCard, pings,
MUC rooms, stream management (resume after a dropped connection), garbage and bad streams,
idle unauthenticated connections, abrupt disconnects. Every so often CTL_CMD is run with an
argument ("reload", "shell ...") by the caller-supplied helper.
"""
import base64
import hashlib
import hmac
import os
import random
import re
import socket
import ssl
import subprocess
import sys
import threading
import time

HOST, PORT = "127.0.0.1", 15222
DURATION = float(sys.argv[1]) if len(sys.argv) > 1 else 180
CTL = sys.argv[2] if len(sys.argv) > 2 else None
DOMAINS = ["r6.test", "r6.test", "r6.test", "other.test"]
NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory",
         "oscar", "peggy", "trent", "victor", "walter"]
users = {}  # jid -> password (registered)
lock = threading.Lock()
CTX = ssl.create_default_context()
CTX.check_hostname = False
CTX.verify_mode = ssl.CERT_NONE


def rid(n=6):
    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


class Conn:
    def __init__(self, domain, src=None):
        self.domain = domain
        self.s = socket.create_connection((HOST, PORT), timeout=8)
        self.buf = ""

    def send(self, data):
        self.s.sendall(data.encode() if isinstance(data, str) else data)

    def wait(self, pattern, timeout=5):
        end = time.time() + timeout
        rx = re.compile(pattern, re.S)
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return m
            left = end - time.time()
            if left <= 0:
                return None
            self.s.settimeout(left)
            try:
                d = self.s.recv(65536)
            except (socket.timeout, ssl.SSLError, OSError):
                return None
            if not d:
                return None
            self.buf += d.decode("utf-8", "replace")

    def stream(self, to=None):
        self.buf = ""
        self.send("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
                  "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % (to or self.domain))
        return self.wait(r"</stream:features>|</stream:stream>")

    def starttls(self):
        self.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if not self.wait("<proceed"):
            return False
        self.s = CTX.wrap_socket(self.s, server_hostname=self.domain)
        return self.stream() is not None

    def auth(self, user, pw, mech):
        if mech == "PLAIN":
            payload = base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode()
            self.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" % payload)
            m = self.wait("<success|<failure.*?</failure>")
            return bool(m and m.group(0).startswith("<success"))
        nonce = base64.b64encode(os.urandom(18)).decode()
        first_bare = "n=%s,r=%s" % (user, nonce)
        self.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>%s</auth>"
                  % base64.b64encode(("n,," + first_bare).encode()).decode())
        m = self.wait(r"<challenge[^>]*>([^<]*)</challenge>|<failure.*?</failure>")
        if not m or not m.group(1):
            return False
        server_first = base64.b64decode(m.group(1)).decode()
        f = dict(kv.split("=", 1) for kv in server_first.split(","))
        salted = hashlib.pbkdf2_hmac("sha1", pw.encode(), base64.b64decode(f["s"]), int(f["i"]))
        ckey = hmac.new(salted, b"Client Key", hashlib.sha1).digest()
        skey = hashlib.sha1(ckey).digest()
        final_wo = "c=biws,r=%s" % f["r"]
        authmsg = ",".join([first_bare, server_first, final_wo])
        sig = hmac.new(skey, authmsg.encode(), hashlib.sha1).digest()
        proof = base64.b64encode(bytes(a ^ b for a, b in zip(ckey, sig))).decode()
        self.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>%s</response>"
                  % base64.b64encode(("%s,p=%s" % (final_wo, proof)).encode()).decode())
        m = self.wait("<success|<failure.*?</failure>")
        return bool(m and m.group(0).startswith("<success"))

    def bind(self, resource):
        self.stream()
        self.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>%s</resource>"
                  "</bind></iq>" % resource)
        m = self.wait(r"<jid>([^<]*)</jid>")
        self.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>")
        self.wait("id='s1'|id=\"s1\"", 2)
        return m.group(1) if m else None

    def close(self, graceful=True):
        try:
            if graceful:
                self.send("</stream:stream>")
                self.wait("</stream:stream>", 2)
            self.s.close()
        except OSError:
            pass


def login(jid, pw, tls=None, mech=None, resource=None):
    user, domain = jid.split("@")
    c = Conn(domain)
    if not c.stream():
        return None
    if tls if tls is not None else random.random() < 0.5:
        if not c.starttls():
            return None
    if not c.auth(user, pw, mech or random.choice(["PLAIN", "SCRAM-SHA-1"])):
        c.close()
        return False
    full = c.bind(resource or random.choice(["laptop", "phone", "desk", "r" + rid(4)]))
    c.jid = full
    return c


def pick_user():
    with lock:
        return random.choice(list(users.items())) if users else (None, None)


def register(domain=None, name=None):
    domain = domain or random.choice(DOMAINS)
    name = name or "%s%d" % (random.choice(NAMES), random.randint(1, 99))
    pw = rid(10)
    c = Conn(domain)
    c.stream()
    if random.random() < 0.3:
        c.starttls()
    c.send("<iq type='get' id='reg1'><query xmlns='jabber:iq:register'/></iq>")
    c.wait("reg1")
    c.send("<iq type='set' id='reg2'><query xmlns='jabber:iq:register'><username>%s</username>"
           "<password>%s</password></query></iq>" % (name, pw))
    m = c.wait(r"id='reg2'[^>]*>|id=\"reg2\"[^>]*>|type='error'|type=\"error\"")
    ok = c.wait(r"type=['\"]result['\"]", 0.5) is not None or (m is not None and "result" in m.group(0))
    c.close()
    jid = "%s@%s" % (name, domain)
    with lock:
        if jid not in users:
            users[jid] = pw
    return jid


def session_good():
    jid, pw = pick_user()
    if not jid:
        return register()
    c = login(jid, pw)
    if not c:
        return
    c.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>")
    c.wait("r1")
    c.send("<presence><show>%s</show><status>%s</status></presence>"
           % (random.choice(["chat", "away", "dnd", "xa"]), rid(8)))
    for _ in range(random.randint(1, 4)):
        act = random.randint(0, 12)
        other, _ = pick_user()
        if act <= 2:
            to = random.choice([other, other, "ghost%d@%s" % (random.randint(1, 99), jid.split("@")[1]),
                                "%s/phone" % other])
            c.send("<message to='%s' type='%s' id='m%s'><body>%s</body></message>"
                   % (to, random.choice(["chat", "normal", "chat"]), rid(), "hi " + rid(random.randint(3, 30))))
        elif act == 3:
            c.send("<iq type='set' id='ra'><query xmlns='jabber:iq:roster'><item jid='%s' name='%s'>"
                   "<group>%s</group></item></query></iq>" % (other, rid(5), random.choice(["Friends", "Work"])))
            c.send("<presence to='%s' type='subscribe'/>" % other)
        elif act == 4:
            c.send("<iq type='set' id='rr'><query xmlns='jabber:iq:roster'><item jid='%s' subscription='remove'/>"
                   "</query></iq>" % other)
        elif act == 5:
            c.send("<presence to='%s' type='%s'/>" % (other, random.choice(["subscribed", "unsubscribe", "unsubscribed"])))
        elif act == 6:
            c.send("<iq type='get' id='p%s' to='%s'><ping xmlns='urn:xmpp:ping'/></iq>"
                   % (rid(), random.choice([jid.split("@")[1], other, "conference.r6.test"])))
        elif act == 7:
            c.send("<iq type='get' id='v%s' to='%s'><query xmlns='jabber:iq:version'/></iq>"
                   % (rid(), random.choice([jid.split("@")[1], "r6.test", "other.test"])))
            c.send("<iq type='get' id='d%s' to='%s'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"
                   % (rid(), random.choice(["r6.test", "conference.r6.test", other])))
        elif act == 8:
            c.send("<iq type='set' id='bl'><block xmlns='urn:xmpp:blocking'><item jid='%s'/></block></iq>"
                   % random.choice([other, "spam%d@r6.test" % random.randint(1, 9)]))
        elif act == 9:
            c.send("<iq type='set' id='vc'><vCard xmlns='vcard-temp'><FN>%s</FN><NICKNAME>%s</NICKNAME></vCard></iq>"
                   % (rid(8), rid(5)))
            c.send("<iq type='get' id='vg' to='%s'><vCard xmlns='vcard-temp'/></iq>" % other)
        elif act == 10:
            c.send("<iq type='set' id='pv'><query xmlns='jabber:iq:private'><n xmlns='r6:note'>%s</n></query></iq>" % rid(12))
            c.send("<iq type='set' id='cb'><enable xmlns='urn:xmpp:carbons:2'/></iq>")
        elif act == 11:
            c.send("<iq type='get' id='u%s'><query xmlns='urn:r6:unknown:%d'/></iq>" % (rid(), random.randint(1, 9)))
        else:
            c.send("<iq type='set' id='mq'><query xmlns='urn:xmpp:mam:2' queryid='%s'/></iq>" % rid())
        time.sleep(random.uniform(0.05, 0.4))
    c.wait("zzz-never", random.uniform(0.2, 1.5))
    if random.random() < 0.15:
        c.close(graceful=False)  # drop without </stream:stream>
    else:
        c.send("<presence type='unavailable'/>")
        c.close()


def session_bad():
    jid, pw = pick_user()
    kind = random.randint(0, 2)
    if kind == 0 and jid:
        r = login(jid, pw + "x")
    elif kind == 1:
        r = login("nobody%d@%s" % (random.randint(1, 500), random.choice(DOMAINS)), rid(8))
    else:
        c = Conn("r6.test")
        c.stream()
        c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='%s'>%s</auth>"
               % (random.choice(["DIGEST-MD5", "X-FOO", "PLAIN"]), random.choice(["", "=", "AAAA"])))
        c.wait("</failure>")
        c.close()
        r = None
    if r:
        r.close()


def muc():
    jid, pw = pick_user()
    if not jid:
        return
    c = login(jid, pw)
    if not c:
        return
    room = random.choice(["lobby", "dev", "ops", "random", "room%d" % random.randint(1, 30)])
    nick = random.choice([jid.split("@")[0], "guest", "n" + rid(3)])
    rj = "%s@conference.r6.test" % room
    c.send("<presence to='%s/%s'><x xmlns='http://jabber.org/protocol/muc'/></presence>" % (rj, nick))
    m = c.wait(r"status code=['\"]201|<x xmlns=['\"]http://jabber.org/protocol/muc#user", 3)
    if m and "201" in m.group(0):
        c.send("<iq type='set' to='%s' id='cfg'><query xmlns='http://jabber.org/protocol/muc#owner'>"
               "<x xmlns='jabber:x:data' type='submit'/></query></iq>" % rj)
        c.wait("cfg")
    for _ in range(random.randint(1, 4)):
        c.send("<message to='%s' type='groupchat'><body>%s</body></message>" % (rj, rid(random.randint(4, 40))))
        time.sleep(0.1)
    act = random.randint(0, 5)
    if act == 0:
        c.send("<message to='%s' type='groupchat'><subject>%s</subject></message>" % (rj, rid(10)))
    elif act == 1:
        c.send("<iq type='set' to='%s' id='des'><query xmlns='http://jabber.org/protocol/muc#owner'>"
               "<destroy><reason>%s</reason></destroy></query></iq>" % (rj, rid(6)))
    elif act == 2:
        c.send("<message to='%s/%s' type='chat'><body>pm %s</body></message>" % (rj, random.choice(["guest", "nobody"]), rid()))
    elif act == 3:
        c.send("<iq type='set' to='%s' id='kick'><query xmlns='http://jabber.org/protocol/muc#admin'>"
               "<item nick='%s' role='none'/></query></iq>" % (rj, random.choice(["guest", "ghost"])))
    c.wait("zzz-never", random.uniform(0.2, 1.0))
    c.send("<presence to='%s/%s' type='unavailable'/>" % (rj, nick))
    c.close()


def smacks():
    jid, pw = pick_user()
    if not jid:
        return
    c = login(jid, pw, resource="sm" + rid(3))
    if not c:
        return
    c.send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>")
    m = c.wait(r"<enabled[^>]*id=['\"]([^'\"]+)['\"]")
    c.send("<presence/>")
    c.send("<r xmlns='urn:xmpp:sm:3'/>")
    c.wait("<a ", 1)
    c.s.close()  # drop: the session hibernates
    time.sleep(random.uniform(0.5, 3))
    if not m or random.random() < 0.3:
        return
    d = Conn(jid.split("@")[1])
    d.stream()
    if not d.auth(jid.split("@")[0], pw, "SCRAM-SHA-1"):
        return
    d.stream()
    prev = m.group(1) if random.random() < 0.8 else rid(12)
    d.send("<resume xmlns='urn:xmpp:sm:3' previd='%s' h='%d'/>" % (prev, random.randint(0, 2)))
    d.wait("<resumed|<failed", 2)
    d.close()


def garbage():
    c = Conn("r6.test")
    k = random.randint(0, 9)
    if k == 0:
        c.send("GET / HTTP/1.1 Host: r6.test " + rid())
    elif k == 1:
        c.send("<stream:stream to='r6.test' xmlns='jabber:client' xmlns:stream='urn:wrong:%s' version='1.0'>" % rid(3))
    elif k == 2:
        c.send("<?xml version='1.0'?><stream:stream to='%s.example' xmlns='jabber:client' "
               "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % rid(5))
    elif k == 3:
        c.stream()
        c.send("<message to='alice@r6.test'><body>before auth %s</body></message>" % rid())
    elif k == 4:
        c.stream()
        c.send("<iq type='get' id='x'><query xmlns='jabber:iq:roster'/></iq><foo><bar></foo>")
    elif k == 5:
        c.stream()
        c.send("<message><body>" + "A" * random.randint(11000, 20000) + "</body></message>")
    elif k == 6:
        c.send(os.urandom(random.randint(5, 60)).replace(b"\n", b" "))
    elif k == 7:
        c.send("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
    elif k == 8:
        c.stream()
        c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        c.wait("<proceed")
        c.send("this is not tls " + rid())
    else:
        c.stream(to="other.test")
        c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>bm9wZQ==</auth>")
    c.wait("</stream:stream>", 2)
    c.close(graceful=random.random() < 0.5)


def idle():
    c = Conn("r6.test")
    if random.random() < 0.5:
        c.stream()
    c.wait("</stream:stream>", 25)  # c2s_timeout closes it
    c.close(graceful=False)


def ctl(*args):
    if CTL:
        subprocess.run([CTL] + list(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)


def run_bg(fn):
    t = threading.Thread(target=lambda: safe(fn), daemon=True)
    t.start()
    return t


def safe(fn):
    try:
        fn()
    except (OSError, AttributeError, ValueError, KeyError, ssl.SSLError):
        pass


def main():
    for _ in range(6):
        safe(register)
    safe(lambda: register(name=list(users)[0].split("@")[0], domain=list(users)[0].split("@")[1]))
    end = time.time() + DURATION
    reloads = [time.time() + DURATION / 3, time.time() + 2 * DURATION / 3]
    threads = []
    while time.time() < end:
        x = random.random()
        if x < 0.10:
            threads.append(run_bg(register))
        elif x < 0.14:
            jid, _ = pick_user()
            if jid:
                threads.append(run_bg(lambda: register(*reversed(jid.split("@")))))  # duplicate
        elif x < 0.36:
            threads.append(run_bg(session_good))
        elif x < 0.48:
            threads.append(run_bg(session_bad))
        elif x < 0.58:
            threads.append(run_bg(muc))
        elif x < 0.63:
            threads.append(run_bg(smacks))
        elif x < 0.80:
            threads.append(run_bg(garbage))
        elif x < 0.84:
            threads.append(run_bg(idle))
        elif x < 0.92:
            ctl("shell", random.choice(["c2s:show()", "server:version()", "server:uptime()", "muc:list('conference.r6.test')",
                                        "host:list()", "user:list('r6.test')", "module:list('r6.test')",
                                        "user:create('shelluser%d@r6.test', 'pw%d')" % (random.randint(1, 99), random.randint(1, 99)),
                                        "c2s:close('%s')" % (pick_user()[0] or "x@r6.test")]))
        elif x < 0.94:
            ctl("reload")
        else:
            time.sleep(0.3)
        time.sleep(random.uniform(2.5, 5.0))
        if reloads and time.time() > reloads[0]:
            reloads.pop(0)
            ctl("reload")
    for t in threads:
        t.join(30)


main()
