#!/usr/bin/env python3
# randomised IMAP/POP/SMTP/CalDAV/LDAP clients for davmail (no logging of its own)
import random, socket, sys, time, imaplib, poplib, smtplib, http.client, base64
H = "127.0.0.1"; CAL, IMAP, LDAP, POP, SMTP = 45011, 45012, 45013, 45014, 45015
random.seed(int(sys.argv[1])); N = int(sys.argv[2])
USERS = ["alice", "bob@example.com", "EXAMPLE\\carol", "dave", "erin@corp.test", ""]
def user(): return random.choice(USERS)
def pw(): return random.choice(["secret", "wrong", "p@ss w0rd", ""])

def imap():
    m = imaplib.IMAP4(H, IMAP, timeout=15)
    for c in random.sample(["CAPABILITY", "NOOP", "BOGUS", "ID"], random.randint(0, 3)):
        try: m._simple_command(c) if c != "ID" else m.xatom("ID", '("name" "py")')
        except Exception: pass
    if random.random() < 0.15:
        try: m.select("INBOX")
        except Exception: pass
    if random.random() < 0.1:
        try: m.authenticate("PLAIN", lambda _: ("\0%s\0%s" % (user(), pw())).encode())
        except Exception: pass
    else:
        try: m.login(user() or "x", pw() or "x")
        except Exception: pass
    try: m.logout()
    except Exception: pass

def pop():
    p = poplib.POP3(H, POP, timeout=15)
    for c in random.sample(["CAPA", "NOOP", "STAT", "XYZZY", "APOP a b"], random.randint(0, 3)):
        try: p._shortcmd(c)
        except Exception: pass
    try: p.user(user() or "x"); p.pass_(pw() or "x")
    except Exception: pass
    try: p.quit()
    except Exception: pass

def smtp():
    s = smtplib.SMTP(H, SMTP, timeout=15)
    try: s.ehlo("client.test") if random.random() < 0.7 else s.helo("client.test")
    except Exception: pass
    if random.random() < 0.3:
        try: s.mail("a@b.test"); s.rcpt("c@d.test")
        except Exception: pass
    if random.random() < 0.2:
        try: s.docmd("VRFY", "x"); s.docmd("FOO")
        except Exception: pass
    try: s.login(user() or "x", pw() or "x")
    except Exception: pass
    try: s.quit()
    except Exception: pass

def caldav():
    c = http.client.HTTPConnection(H, CAL, timeout=15)
    hdr = {}
    if random.random() < 0.8:
        hdr["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % (user(), pw())).encode()).decode()
    meth, path = random.choice([("PROPFIND", "/users/alice/calendar/"), ("GET", "/"), ("OPTIONS", "/"),
                                ("REPORT", "/users/bob/inbox/"), ("GET", "/principals/users/alice/"),
                                ("DELETE", "/users/x/calendar/1.ics"), ("PUT", "/users/alice/calendar/e.ics"),
                                ("GET", "/.well-known/caldav"), ("BREW", "/pot")])
    body = "<?xml version='1.0'?><propfind xmlns='DAV:'><allprop/></propfind>" if meth in ("PROPFIND", "REPORT") else ("BEGIN:VCALENDAR\nEND:VCALENDAR\n" if meth == "PUT" else None)
    if body: hdr["Depth"] = random.choice(["0", "1"])
    c.request(meth, path, body=body, headers=hdr)
    r = c.getresponse(); r.read(); c.close()

def ber_len(n): return bytes([n]) if n < 128 else bytes([0x81, n])
def ldap():
    s = socket.create_connection((H, LDAP), timeout=15)
    dn = random.choice(["", "uid=alice,ou=people", "bob@example.com"]).encode(); p = pw().encode()
    bind = b"\x02\x01\x03" + b"\x04" + ber_len(len(dn)) + dn + b"\x80" + ber_len(len(p)) + p
    op = b"\x60" + ber_len(len(bind)) + bind
    msg = b"\x02\x01\x01" + op
    s.sendall(b"\x30" + ber_len(len(msg)) + msg)
    try: s.recv(4096)
    except Exception: pass
    if random.random() < 0.5:  # search request, base ou=people, filter (objectclass=*)
        base = b"ou=people"; attr = b"objectclass"
        sr = (b"\x04" + ber_len(len(base)) + base + b"\x0a\x01\x02\x0a\x01\x00\x02\x01\x00\x02\x01\x00\x01\x01\x00"
              + b"\x87" + ber_len(len(attr)) + attr + b"\x30\x00")
        op = b"\x63" + ber_len(len(sr)) + sr; msg = b"\x02\x01\x02" + op
        s.sendall(b"\x30" + ber_len(len(msg)) + msg)
        try: s.recv(4096)
        except Exception: pass
    if random.random() < 0.3: s.sendall(b"\x30\x05\x02\x01\x03\x42\x00")  # unbind
    if random.random() < 0.2: s.sendall(b"\xff\x00garbage")
    s.close()

def raw(port):
    s = socket.create_connection((H, port), timeout=15)
    if random.random() < 0.5: s.sendall(random.choice([b"\r\n", b"\x00\x01\x02\r\n", b"GET / HTTP/1.0\r\n\r\n"]))
    time.sleep(random.random() * 0.3); s.close()

for _ in range(N):
    f = random.choices([imap, pop, smtp, caldav, ldap, lambda: raw(random.choice([CAL, IMAP, LDAP, POP, SMTP]))],
                       [5, 3, 3, 4, 2, 1])[0]
    try: f()
    except Exception: pass
    time.sleep(random.random() * 0.2)
