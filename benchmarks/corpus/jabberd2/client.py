#!/usr/bin/env python3
"""Raw XMPP client for the jabberd2 workload: one randomised scenario per run.

usage: client.py SCENARIO [seed]
"""
import base64
import hashlib
import random
import re
import socket
import ssl
import sys
import time

HOST = "127.0.0.1"
PORT = 50222
SSLPORT = 50223
DOMAIN = "localhost.localdomain"
SECURE = "secure.localdomain"
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
PASSWORD = "pw-%s"


def src_ip():
    return "127.0.%d.%d" % (random.choice([0, 0, 1, 2]), random.randint(2, 250))


class Conn:
    def __init__(self, port=PORT, ip=None, use_ssl=False):
        self.ip = ip or src_ip()
        if self.ip == "127.0.0.66":
            self.ip = "127.0.0.67"
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((self.ip, 0))
        self.sock.settimeout(4)
        self.sock.connect((HOST, port))
        if use_ssl:
            self.wrap()
        self.buf = ""
        self.stream_id = ""

    def wrap(self):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock = ctx.wrap_socket(self.sock, server_hostname=DOMAIN)

    def send(self, data):
        try:
            self.sock.sendall(data.encode() if isinstance(data, str) else data)
        except OSError:
            pass

    def wait(self, pattern, timeout=4):
        end = time.time() + timeout
        while True:
            m = re.search(pattern, self.buf, re.S)
            if m:
                self.buf = self.buf[m.end():]
                return m
            if time.time() > end:
                return None
            try:
                self.sock.settimeout(max(0.1, end - time.time()))
                data = self.sock.recv(65536)
            except (socket.timeout, ssl.SSLError):
                continue
            except OSError:
                return None
            if not data:
                return None
            self.buf += data.decode("utf-8", "replace")

    def open(self, to=DOMAIN, version=True):
        v = " version='1.0'" if version else ""
        self.send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                  "xmlns:stream='http://etherx.jabber.org/streams' to='%s'%s>" % (to, v))
        m = self.wait(r"<stream:stream[^>]*?id=['\"]([^'\"]+)['\"][^>]*>")
        if m:
            self.stream_id = m.group(1)
        if version:
            self.wait(r"</stream:features>|<stream:features/>")
        return m is not None

    def close(self, clean=True):
        if clean:
            self.send("</stream:stream>")
            self.wait(r"</stream:stream>", 1.5)
        try:
            self.sock.close()
        except OSError:
            pass

    def starttls(self):
        self.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        if self.wait(r"<proceed"):
            self.wrap()
            self.buf = ""
            return True
        return False

    def sasl_plain(self, user, password, to=DOMAIN):
        tok = base64.b64encode(("\0%s\0%s" % (user, password)).encode()).decode()
        self.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" % tok)
        m = self.wait(r"<success|<failure")
        if m and m.group(0) == "<success":
            self.buf = ""
            self.open(to)
            return True
        return False

    def bind(self, res):
        self.send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                  "<resource>%s</resource></bind></iq>" % res)
        self.wait(r"id=['\"]bind1['\"].*?</iq>")
        self.send("<iq type='set' id='sess1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>")
        self.wait(r"id=['\"]sess1['\"]")

    def register(self, user, password):
        self.send("<iq type='set' id='reg1'><query xmlns='jabber:iq:register'><username>%s</username>"
                  "<password>%s</password></query></iq>" % (user, password))
        return self.wait(r"id=['\"]reg1['\"][^>]*>")


def login(user=None, password=None, res=None, port=PORT, use_ssl=False, tls=False):
    user = user or random.choice(USERS)
    password = password or PASSWORD % user
    c = Conn(port=port, use_ssl=use_ssl)
    c.open()
    if tls:
        c.starttls()
        c.open()
    if not c.sasl_plain(user, password):
        return c, None
    res = res or random.choice(["home", "work", "phone", "laptop", "bot%d" % random.randint(1, 9)])
    c.bind(res)
    return c, "%s@%s/%s" % (user, DOMAIN, res)


def chat(c, me):
    c.send("<presence><show>%s</show><status>hi</status><priority>%d</priority></presence>"
           % (random.choice(["chat", "away", "dnd", "xa"]), random.randint(-1, 10)))
    for i in range(random.randint(1, 6)):
        to = random.choice(USERS + ["nobody", "ghost"]) + "@" + DOMAIN
        k = random.random()
        if k < 0.4:
            c.send("<message to='%s' type='chat' id='m%d'><body>msg %d %s</body></message>"
                   % (to, i, random.randint(0, 99999), "x" * random.randint(0, 40)))
        elif k < 0.55:
            c.send("<iq type='get' id='r%d'><query xmlns='jabber:iq:roster'/></iq>" % i)
        elif k < 0.65:
            c.send("<presence to='%s' type='subscribe'/>" % to)
        elif k < 0.75:
            c.send("<iq type='get' id='v%d' to='%s'><vCard xmlns='vcard-temp'/></iq>" % (i, to))
        elif k < 0.85:
            c.send("<iq type='get' id='p%d' to='%s'><ping xmlns='urn:xmpp:ping'/></iq>" % (i, DOMAIN))
        else:
            c.send("<iq type='get' id='d%d' to='%s'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>"
                   % (i, DOMAIN))
        time.sleep(random.uniform(0.05, 0.4))
    c.wait(r"zzzz-never", random.uniform(0.2, 1.2))


def sc_session():
    c, me = login()
    if me:
        chat(c, me)
    c.close(random.random() < 0.8)


def sc_register():
    user = random.choice(USERS) if random.random() < 0.3 else "u%d" % random.randint(1000, 9999)
    c = Conn()
    c.open()
    c.register(user, PASSWORD % user)
    c.close()
    if user.startswith("u") and random.random() < 0.7:
        c, me = login(user)
        if me:
            chat(c, me)
            r = random.random()
            if r < 0.4:
                c.send("<iq type='set' id='rm1'><query xmlns='jabber:iq:register'><remove/></query></iq>")
                c.wait(r"id=['\"]rm1", 3)
            elif r < 0.7:
                c.send("<iq type='set' id='pw1'><query xmlns='jabber:iq:register'><username>%s</username>"
                       "<password>%s</password></query></iq>" % (user, PASSWORD % user))
                c.wait(r"id=['\"]pw1", 3)
        c.close()


def sc_badauth():
    user = random.choice(USERS + ["mallory", "root", "admin"])
    c = Conn()
    c.open()
    c.sasl_plain(user, "wrong%d" % random.randint(0, 999))
    if random.random() < 0.5:
        c.sasl_plain(user, "again")
    c.close(random.random() < 0.5)


def sc_legacy():
    user = random.choice(USERS + ["nosuch"])
    c = Conn()
    c.open(version=False)
    c.send("<iq type='get' id='ag'><query xmlns='jabber:iq:auth'><username>%s</username></query></iq>" % user)
    c.wait(r"id=['\"]ag['\"]", 2)
    res = "legacy%d" % random.randint(1, 99)
    pw = PASSWORD % user if random.random() < 0.7 else "bad"
    k = random.random()
    if k < 0.5:
        cred = "<password>%s</password>" % pw
    elif k < 0.9:
        cred = "<digest>%s</digest>" % hashlib.sha1((c.stream_id + pw).encode()).hexdigest()
    else:
        cred = ""
    c.send("<iq type='set' id='as'><query xmlns='jabber:iq:auth'><username>%s</username>%s"
           "<resource>%s</resource></query></iq>" % (user, cred, res))
    m = c.wait(r"id=['\"]as['\"][^>]*>", 3)
    if m and "result" in m.group(0):
        chat(c, user)
    c.close(random.random() < 0.7)


def sc_tls():
    use_ssl = random.random() < 0.5
    c, me = login(port=SSLPORT if use_ssl else PORT, use_ssl=use_ssl, tls=not use_ssl)
    if me:
        chat(c, me)
    c.close()


def sc_secure():
    c = Conn()
    c.open(SECURE)
    if random.random() < 0.5:
        c.send("<iq type='get' id='x1'><query xmlns='jabber:iq:auth'><username>alice</username></query></iq>")
        c.wait(r"</stream:stream>|<stream:error", 2)
    else:
        c.starttls()
        c.open(SECURE)
        user = random.choice(USERS)
        c.sasl_plain(user, PASSWORD % user, to=SECURE)
        c.bind("sec")
    c.close()


def sc_unbind():
    c, me = login()
    if me:
        res = me.split("/")[1]
        if random.random() < 0.5:
            c.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                   "<resource>extra%d</resource></bind></iq>" % random.randint(1, 9))
            c.wait(r"id=['\"]b2", 2)
        c.send("<iq type='set' id='ub'><unbind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
               "<resource>%s</resource></unbind></iq>" % res)
        c.wait(r"id=['\"]ub", 2)
    c.close()


def sc_garbage():
    c = Conn()
    k = random.random()
    if k < 0.25:
        c.send(bytes(random.getrandbits(8) for _ in range(random.randint(5, 200))))
    elif k < 0.5:
        c.open()
        c.send("<message><body>unclosed</wrong></message>")
    elif k < 0.65:
        c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    elif k < 0.8:
        c.send("<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
               "xmlns:stream='http://etherx.jabber.org/streams' to='%s' version='1.0'>" % DOMAIN)
    else:
        c.open()
        c.send("<x><y><z>" * 5 + "&bogus;")
    c.wait(r"</stream:stream>", 2)
    c.close(False)


def sc_unknown_host():
    c = Conn()
    c.open(random.choice(["nosuch.example", "old.localdomain", "broken.localdomain", "other.host"]))
    c.wait(r"</stream:stream>", 2)
    c.close(False)


def sc_preauth():
    c = Conn()
    c.open()
    if random.random() < 0.5:
        c.send("<message to='bob@%s'><body>too early</body></message>" % DOMAIN)
    else:
        user = random.choice(USERS)
        c.sasl_plain(user, PASSWORD % user)
        c.send("<iq type='set' id='q1'><query xmlns='jabber:iq:private'/></iq>")
    c.wait(r"</stream:stream>", 2)
    c.close(False)


def sc_flood():
    c, me = login()
    if me:
        if random.random() < 0.5:
            for i in range(120):
                c.send("<message to='bob@%s' type='chat'><body>flood %d</body></message>" % (DOMAIN, i))
        else:
            for i in range(12):
                c.send("<message to='carol@%s' type='chat'><body>%s</body></message>" % (DOMAIN, "B" * 6000))
        time.sleep(random.uniform(2.5, 4))
        c.send("<presence/>")
    c.close()


def sc_bigstanza():
    c, me = login()
    if me:
        c.send("<message to='bob@%s'><body>%s</body></message>" % (DOMAIN, "A" * 70000))
        c.wait(r"</stream:stream>", 3)
    c.close(False)


def sc_idle():
    c = Conn()
    if random.random() < 0.5:
        c.open()
    c.wait(r"</stream:stream>", random.uniform(14, 20))
    c.close(False)


def sc_denied():
    ip = random.choice(["127.0.0.66", "127.0.9.%d" % random.randint(1, 254)])
    s = socket.socket()
    s.bind((ip, 0))
    s.settimeout(2)
    try:
        s.connect((HOST, PORT))
        s.recv(100)
    except OSError:
        pass
    s.close()


def sc_connflood():
    ip = "127.0.3.%d" % random.randint(1, 254)
    for i in range(random.randint(8, 12)):
        try:
            c = Conn(ip=ip)
            c.close(False)
        except OSError:
            pass
        time.sleep(0.05)


def sc_abort():
    c, me = login()
    if me:
        c.send("<presence/>")
    c.sock.close()


SCENARIOS = {k[3:]: v for k, v in list(globals().items()) if k.startswith("sc_")}

if __name__ == "__main__":
    if len(sys.argv) > 2:
        random.seed(sys.argv[2])
    try:
        SCENARIOS[sys.argv[1]]()
    except (OSError, ssl.SSLError) as exc:
        print("client %s: %s" % (sys.argv[1], exc), file=sys.stderr)
