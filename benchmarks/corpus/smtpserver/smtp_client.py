import base64, hmac, random, smtplib, socket, ssl, sys, time, threading

PORT = int(sys.argv[1]); N = int(sys.argv[2]); MODE = sys.argv[3] if len(sys.argv) > 3 else "plain"
R = random.Random()
CTX = ssl._create_unverified_context()
USERS = [("alice", "secret"), ("bob", "hunter2"), ("alice", "wrong"), ("mallory", "guess"), ("locked", "x"), ("bob", "Hunter2")]
DOMAINS = ["example.test", "corp.test", "spam.test", "mail.test"]

def addr(local=None):
    return "%s@%s" % (local or R.choice(["john", "mary", "ops", "noreply", "info", "x" + str(R.randint(1, 999))]), R.choice(DOMAINS))

def body(size):
    lines = ["From: %s" % addr(), "To: %s" % addr(), "Subject: test %d" % R.randint(1, 99999), ""]
    while sum(len(l) + 2 for l in lines) < size:
        lines.append("".join(R.choice("abcdefghij klmnop") for _ in range(R.randint(10, 76))))
    return "\r\n".join(lines) + "\r\n"

def connect(src="127.0.0.1"):
    if MODE == "secure":
        return smtplib.SMTP_SSL("127.0.0.1", PORT, timeout=8, context=CTX, source_address=(src, 0))
    if MODE == "lmtp":
        s = smtplib.LMTP(timeout=8); s.source_address = (src, 0); s.connect("127.0.0.1", PORT); return s
    return smtplib.SMTP("127.0.0.1", PORT, timeout=8, source_address=(src, 0))

def login(s):
    u, p = R.choice(USERS)
    m = R.choice(["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"])
    try:
        if m == "XOAUTH2":
            tok = "tok-" + u if R.random() < 0.6 else "expired"
            code, resp = s.docmd("AUTH", "XOAUTH2 " + base64.b64encode(("user=%s\x01auth=Bearer %s\x01\x01" % (u, tok)).encode()).decode())
            if code == 334: s.docmd("")
        else:
            s.user, s.password = u, p
            s.auth(m, {"PLAIN": s.auth_plain, "LOGIN": s.auth_login, "CRAM-MD5": s.auth_cram_md5}[m])
    except smtplib.SMTPException:
        pass

def session():
    s = connect()
    try:
        if MODE == "lmtp": s.ehlo_or_helo_if_needed()
        elif R.random() < 0.15: s.helo(R.choice(["client.test", "old.example.test", "[127.0.0.1]"]))
        else: s.ehlo(R.choice(["client.test", "ws01.corp.test", "laptop", "xn--mnchen-3ya.test"]))
        if MODE != "secure" and MODE != "lmtp" and R.random() < 0.4:
            s.starttls(context=CTX); s.ehlo("client.test")
        if R.random() < 0.5: login(s)
        for _ in range(R.choices([1, 2, 3], [6, 2, 1])[0]):
            size = R.choices([300, 3000, 20000, 90000], [10, 5, 2, 1])[0]
            rcpts = [addr(R.choice(["anna", "nobody", "full", "dev", "sales"])) for _ in range(R.randint(1, 4))]
            try:
                s.sendmail(addr(), rcpts, body(size))
            except smtplib.SMTPException:
                s.rset() if R.random() < 0.5 else None
        if R.random() < 0.3: s.noop()
        if R.random() < 0.1: s.verify("john")
        if R.random() < 0.1: s.help()
        s.quit() if R.random() < 0.85 else s.close()
    except (smtplib.SMTPException, OSError):
        try: s.close()
        except Exception: pass

def raw(lines, wrap=False, src="127.0.0.1", readfirst=True, proxy=None):
    try:
        c = socket.create_connection(("127.0.0.1", PORT), timeout=5, source_address=(src, 0))
        if proxy: c.sendall(proxy)
        if wrap: c = CTX.wrap_socket(c)
        if readfirst: c.recv(4096)
        for l in lines:
            if l is None: time.sleep(R.uniform(3.2, 4.0)); continue
            c.sendall(l + b"\r\n")
            try: c.recv(4096)
            except socket.timeout: pass
        c.close()
    except OSError:
        pass

def garbage():
    raw([R.choices([b"LHLO x" if MODE == "lmtp" else b"EHLO x", b"HELO"], [4, 1])[0], R.choice([b"MAIL FROM:bad", b"MAIL TO:<a@b>", b"RCPT TO:<a@b.test>", b"DATA", b"FOO BAR",
         b"AUTH NTLM", b"AUTH", b"WIZ", b"SHELL", b"KILL", b"EXPN list", b"STARTTLS now", b"VRFY", b"BDAT 100",
         b"MAIL FROM:<a@b.test> SIZE=999999999", b"MAIL FROM:<a@xn--zz-.test>", b"RCPT TO:<u@xn--9ca.xn--->",
         b"EHLO xn--a-ecp.ru", b"MAIL FROM:<a@b.test> BODY=9BIT", b"RCPT TO:<>", b"NOOP", b"RSET", b"HELP", "HÉLO ünïcode".encode(), b"GET / HTTP/1.1"]), b"QUIT"], wrap=(MODE == "secure"))

def bigdata():
    raw([b"EHLO big.test", b"MAIL FROM:<bulk@corp.test>", b"RCPT TO:<dev@corp.test>", b"DATA",
         b"Subject: big\r\n\r\n" + b"y" * R.randint(61000, 120000) + b"\r\n.", b"QUIT"], wrap=(MODE == "secure"))

def xclient():
    raw([b"EHLO proxy.test", R.choice([b"XCLIENT ADDR=10.1.2.%d NAME=host%d.corp.test PORT=%d" % (R.randint(1, 250), R.randint(1, 9), R.randint(1024, 65000)),
         b"XCLIENT NAME=[UNAVAILABLE] ADDR=192.0.2.7", b"XCLIENT LOGIN=alice", b"XCLIENT LOGIN=[UNAVAILABLE]", b"XCLIENT ADDR=notanip",
         b"XFORWARD ADDR=198.51.100.%d NAME=relay.test PORT=%d HELO=relay.test" % (R.randint(1, 250), R.randint(1024, 65000)),
         b"XFORWARD PROTO=ESMTP SOURCE=REMOTE IDENT=abc", b"XFORWARD BOGUS=1"]), b"MAIL FROM:<a@corp.test>", b"QUIT"], wrap=(MODE == "secure"))

def drop():
    k = R.randint(0, 4)
    if k == 0: raw([], wrap=(MODE == "secure"))                          # connect and go away
    elif k == 1: raw([b"EHLO idle.test", None], wrap=(MODE == "secure"))  # idle past socketTimeout
    elif k == 2: raw([b"EHLO a.test", b"MAIL FROM:<a@corp.test>", b"RCPT TO:<b@corp.test>", b"DATA", b"Subject: cut"], wrap=(MODE == "secure"))
    elif k == 3: raw([b"EHLO blocked.test"], src="127.0.0.66", wrap=(MODE == "secure"))
    else:
        try:
            c = socket.create_connection(("127.0.0.1", PORT), timeout=3)
            if MODE == "secure": c.sendall(b"EHLO plain-on-tls\r\n"); time.sleep(0.3)
            c.close()
        except OSError:
            pass

def flood():
    ts = [threading.Thread(target=raw, args=([b"EHLO busy.test", b"NOOP"],), kwargs={"wrap": MODE == "secure"}) for _ in range(R.randint(7, 9))]
    [t.start() for t in ts]; [t.join() for t in ts]

def proxied():
    k = R.randint(0, 3)
    if k == 0: hdr = b"PROXY TCP4 203.0.113.%d 127.0.0.1 %d 25\r\n" % (R.randint(1, 250), R.randint(1024, 65000))
    elif k == 1: hdr = b"PROXY TCP6 2001:db8::%x ::1 %d 25\r\n" % (R.randint(1, 999), R.randint(1024, 65000))
    elif k == 2: hdr = b"PROXY UNKNOWN\r\n"
    else: hdr = b"HELLO THERE\r\n"
    raw([b"EHLO behind.proxy.test", b"QUIT"], proxy=hdr)

if MODE == "proxy":
    acts = [(proxied, 1)]
else:
    acts = [(session, 12), (garbage, 5), (xclient, 2), (drop, 2), (bigdata, 0.7), (flood, 0.3)]
for _ in range(N):
    R.choices([a for a, w in acts], [w for a, w in acts])[0]()
    time.sleep(R.random() * 0.05)
