#!/usr/bin/env python3
"""Randomised SMTP clients for the Haraka workload.

usage: client.py PORT COUNT [SEED [cover]]  -- runs COUNT random sessions against 127.0.0.1:PORT
       client.py PORT cmd SCENARIO   -- runs one named scenario
"""
import random
import smtplib
import socket
import ssl
import sys
import time
import base64
import hmac
import hashlib

HOST = "127.0.0.1"
PORT = int(sys.argv[1])
SMTPS_PORT = 47465
KEY_FILE = "inst/config/internalcmd_key"

LOCAL_USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "postmaster", "abuse", "noreply"]
SENDER_DOMAINS = ["sender.test", "partner.test", "remote.test", "bad.test", "example.test", "mail.example.test"]
HELOS = ["client1.sender.test", "mta.remote.test", "relay.partner.test", "localhost", "badhelo.test",
         "[127.0.0.1]", "127.0.0.9", "host-10-1-2-3.dyn.isp.test", "yahoo.com", "mx.example.test",
         "gmail.com", "x", "mail.partner.test"]
PASSWORDS = {"alice": "wonderland", "bob": "builder", "carol": "s3cret"}
CTX = ssl.create_default_context()
CTX.check_hostname = False
CTX.verify_mode = ssl.CERT_NONE


def src():
    return (f"127.0.0.{random.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 20])}", 0)


def conn(port=None, source=None, klass=smtplib.SMTP, **kw):
    return klass(HOST, port or PORT, timeout=20, source_address=source or src(), **kw)


def rnd_addr(domains=None):
    return f"{random.choice(LOCAL_USERS + ['zed', 'quinn', 'junk' + str(random.randint(1, 99))])}@" \
           f"{random.choice(domains or SENDER_DOMAINS)}"


def body(sender, rcpts, kind=None):
    kind = kind or random.choice(["plain", "plain", "noheaders", "attach", "sig", "dkim", "dupe",
                                  "baddate", "list", "creds", "html", "long"])
    mid = f"<{random.getrandbits(48):x}@{sender.split('@')[1]}>"
    hdr = [f"From: {sender}", f"To: {', '.join(rcpts)}", f"Subject: test {random.randint(1, 99999)}",
           "Date: " + time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime()), f"Message-ID: {mid}"]
    text = "Hello,\r\n\r\nThis is message number %d.\r\n\r\nRegards\r\n" % random.randint(1, 10 ** 6)
    if kind == "noheaders":
        hdr = [f"Subject: no date or from {random.randint(1, 999)}"]
    elif kind == "dupe":
        hdr += [f"Subject: duplicate {random.randint(1, 999)}", f"From: other@{random.choice(SENDER_DOMAINS)}"]
    elif kind == "baddate":
        hdr[3] = "Date: Mon, 01 Jan 1990 00:00:00 +0000" if random.random() < .5 else "Date: 31 Feb 2099 99:99"
    elif kind == "list":
        hdr += ["List-Id: <announce.lists.partner.test>", "Precedence: bulk", "X-Mailer: MassMailer 2.0"]
    elif kind == "dkim":
        hdr.insert(0, f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={sender.split('@')[1]}; "
                      "s=sel1; h=from:to:subject; bh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=; b=ZGVhZGJlZWY=")
    elif kind == "sig":
        text += "\r\n-- \r\nSent from my spam cannon\r\nBuy cheap watches now\r\n"
    elif kind == "creds":
        text += "\r\nmy login is alice and password is wonderland\r\n"
    elif kind == "long":
        text += ("Lorem ipsum dolor sit amet " * 30 + "\r\n") * random.randint(5, 40)
    elif kind == "html":
        hdr += ["MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8"]
        text = "<html><body><p>Hello <a href='http://spam.test/'>click</a></p></body></html>\r\n"
    if kind == "attach":
        name = random.choice(["report.pdf", "invoice.exe", "photo.jpg", "archive.zip", "script.js", "notes.txt"])
        b = "BOUNDARY%d" % random.randint(1, 99999)
        hdr += ["MIME-Version: 1.0", f'Content-Type: multipart/mixed; boundary="{b}"']
        data = base64.encodebytes(random.randbytes(random.randint(100, 3000))).decode().replace("\n", "\r\n")
        text = (f"--{b}\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--{b}\r\n"
                f'Content-Type: application/octet-stream; name="{name}"\r\n'
                f'Content-Disposition: attachment; filename="{name}"\r\n'
                f"Content-Transfer-Encoding: base64\r\n\r\n{data}\r\n--{b}--\r\n")
    return "\r\n".join(hdr) + "\r\n\r\n" + text


def try_(f, *a, **kw):
    try:
        return f(*a, **kw)
    except (smtplib.SMTPException, OSError) as e:
        return e


def s_good():
    s = conn()
    try_(s.ehlo, random.choice(HELOS))
    sender = rnd_addr()
    rcpts = [f"{random.choice(LOCAL_USERS)}@{random.choice(['example.test', 'mail.example.test'])}"
             for _ in range(random.randint(1, 3))]
    if random.random() < 0.3:
        rcpts.append(rnd_addr(["elsewhere.test", "partner.test", "blocked.test"]))
    try_(s.sendmail, sender, rcpts, body(sender, rcpts))
    if random.random() < 0.3:
        try_(s.rset)
        try_(s.sendmail, sender, rcpts[:1], body(sender, rcpts[:1]))
    try_(s.quit)


def s_helo_old():
    s = conn()
    try_(s.helo, random.choice(HELOS))
    sender = rnd_addr()
    r = [f"{random.choice(LOCAL_USERS)}@example.test"]
    try_(s.sendmail, sender, r, body(sender, r, "plain"))
    try_(s.quit)


def s_relay():
    # from an ACL-allowed address or not, to external domains
    source = random.choice([("127.0.0.5", 0), ("127.0.0.6", 0), ("127.0.0.3", 0)])
    s = conn(source=source)
    try_(s.ehlo, "relayclient.example.test")
    sender = f"{random.choice(LOCAL_USERS)}@example.test"
    rcpts = [rnd_addr(["elsewhere.test", "partner.test", "blocked.test", "remote.test"])
             for _ in range(random.randint(1, 2))]
    try_(s.sendmail, sender, rcpts, body(sender, rcpts))
    try_(s.quit)


def s_auth():
    port = random.choice([PORT, PORT, SMTPS_PORT])
    if port == SMTPS_PORT:
        s = conn(port=port, klass=smtplib.SMTP_SSL, context=CTX)
        try_(s.ehlo, "laptop.example.test")
    else:
        s = conn()
        try_(s.ehlo, "laptop.example.test")
        if random.random() < 0.1:
            try_(s.docmd, "AUTH", "PLAIN " + base64.b64encode(b"\0alice\0wonderland").decode())
        try_(s.starttls, context=CTX)
        try_(s.ehlo, "laptop.example.test")
    user = random.choice(list(PASSWORDS) + ["mallory", "eve"])
    pw = PASSWORDS.get(user, "guess") if random.random() < 0.6 else "wrongpass"
    mech = random.choice(["PLAIN", "LOGIN", "CRAM-MD5", "BOGUS", "garbage"])
    if mech == "PLAIN":
        r = try_(s.docmd, "AUTH", "PLAIN " + base64.b64encode(f"\0{user}\0{pw}".encode()).decode())
    elif mech == "LOGIN":
        r = try_(s.docmd, "AUTH", "LOGIN")
        r = try_(s.docmd, base64.b64encode(user.encode()).decode())
        r = try_(s.docmd, base64.b64encode(pw.encode()).decode())
    elif mech == "CRAM-MD5":
        r = try_(s.docmd, "AUTH", "CRAM-MD5")
        if isinstance(r, tuple) and r[0] == 334:
            chal = base64.b64decode(r[1])
            dig = hmac.new(pw.encode(), chal, hashlib.md5).hexdigest()
            r = try_(s.docmd, base64.b64encode(f"{user} {dig}".encode()).decode())
    elif mech == "BOGUS":
        r = try_(s.docmd, "AUTH", "DIGEST-MD5")
    else:
        r = try_(s.docmd, "AUTH", "PLAIN !!!notbase64!!!")
    ok = isinstance(r, tuple) and r[0] == 235
    sender = f"{user}@example.test"
    rcpts = [rnd_addr(["elsewhere.test", "remote.test", "example.test"])]
    if ok or random.random() < 0.5:
        try_(s.sendmail, sender, rcpts, body(sender, rcpts, random.choice(["plain", "creds", "attach"])))
    try_(s.quit)


def s_access():
    s = conn()
    try_(s.ehlo, random.choice(HELOS))
    sender = random.choice(["spammer@bad.test", "evil@example.test", f"junk{random.randint(1, 999)}@remote.test",
                            "postmaster@bad.test", "someone@spamhaus.test"])
    rcpts = [random.choice(["noreply@example.test", "alice@example.test", "bob@example.test"])]
    try_(s.sendmail, sender, rcpts, body(sender, rcpts, "plain"))
    try_(s.quit)


def raw(lines, source=None, wait_banner=True, port=None, pause=0.05, read_end=True):
    sk = socket.create_connection((HOST, port or PORT), timeout=10, source_address=source or src())
    out = b""
    try:
        if wait_banner:
            out += sk.recv(4096)
        for ln in lines:
            if isinstance(ln, (int, float)):
                time.sleep(ln)
                continue
            sk.sendall(ln if isinstance(ln, bytes) else (ln + "\r\n").encode())
            time.sleep(pause)
            try:
                sk.settimeout(1.5)
                out += sk.recv(65536)
            except socket.timeout:
                pass
        if read_end:
            try:
                sk.settimeout(1)
                out += sk.recv(65536)
            except (socket.timeout, OSError):
                pass
    except OSError:
        pass
    finally:
        sk.close()
    return out


GARBAGE = ["FOO bar", b"\x01\x02\x03 junk\r\n", "GET / HTTP/1.1", "RCPT TO:<alice@example.test>", "DATA",
           "MAIL FROM:bogus-address", "MAIL FROM:<a@sender.test> SIZE=99999999", "MAIL FROM:<a@sender.test> FOO=bar",
           "MAIL TO:<x@sender.test>", "VRFY alice", "EXPN staff", "HELP", "NOOP", "RSET", "X" * 1200, "HELO", "EHLO",
           "STARTTLS extra", "BDAT 10 LAST", "RCPT TO:<>", "RCPT TO:garbage", "AUTH", "AUTH PLAIN",
           "MAIL FROM:<a@sender.test>", "MAIL FROM:<a@sender.test>", "RCPT TO:<alice@example.test> NOTIFY=NEVER",
           "RCPT TO:<@route:alice@example.test>", "MAIL FROM:<very..bad@@sender.test>", "SEND FROM:<x@y.test>",
           "TURN", "ETRN example.test", "XCLIENT ADDR=1.2.3.4", "RCPT TO:<bob@example.test>", "QUIT extra words"]


def s_garbage():
    h = random.choice(HELOS)
    lines = ["EHLO " + h] if random.random() < 0.8 else []
    lines += random.sample(GARBAGE, random.randint(3, 7))
    raw(lines + ["QUIT"])


def s_conn():
    choice = random.randint(0, 7)
    h = random.choice(HELOS)
    if choice == 0:  # early talker: speak before the banner
        raw(["EHLO " + h, "MAIL FROM:<early@sender.test>", "QUIT"], wait_banner=False, pause=0.01)
    elif choice == 1:  # drop in the middle of a transaction
        raw(["EHLO " + h, "MAIL FROM:<drop@sender.test>", "RCPT TO:<alice@example.test>", "DATA",
             "Subject: cut", "", "partial"], read_end=False)
    elif choice == 2:  # pipelining
        raw([b"EHLO " + h.encode() + b"\r\nMAIL FROM:<pipe@sender.test>\r\nRCPT TO:<bob@example.test>\r\n"
             b"RCPT TO:<carol@example.test>\r\nDATA\r\n", 0.3,
             "Subject: pipelined\r\n\r\nbody\r\n.", "QUIT"])
    elif choice == 3:  # bare LF and dot-stuffing
        raw([b"EHLO " + h.encode() + b"\n", b"MAIL FROM:<lf@sender.test>\n", b"RCPT TO:<dave@example.test>\n",
             b"DATA\n", b"Subject: bare lf\n\n..dot\n.\n", "QUIT"])
    elif choice == 4:  # STARTTLS then no TLS handshake
        raw(["EHLO " + h, "STARTTLS", b"\x16\x03\x01garbage-not-tls\r\n"])
    elif choice == 5:  # xclient from allowed / not allowed addresses
        raw(["EHLO " + h, f"XCLIENT ADDR=10.{random.randint(0, 255)}.3.4 NAME=spoofed.remote.test HELO=spoof",
             "EHLO " + h, "MAIL FROM:<x@sender.test>", "RCPT TO:<alice@example.test>", "QUIT"],
            source=(random.choice(["127.0.0.1", "127.0.0.7", "127.0.0.9"]), 0))
    elif choice == 6:  # null sender bounces
        raw(["EHLO " + h, "MAIL FROM:<>", "RCPT TO:<alice@example.test>", "RCPT TO:<bob@example.test>", "DATA",
             "From: MAILER-DAEMON@remote.test\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n"
             "bounce body\r\n.", "QUIT"])
    else:  # connect and close silently
        raw([1.0], read_end=False)


def s_big():
    s = conn()
    try_(s.ehlo, random.choice(HELOS))
    sender = rnd_addr()
    r = ["alice@example.test"]
    big = body(sender, r, "plain") + ("Y" * 900 + "\r\n") * random.randint(150, 400)
    try_(s.sendmail, sender, r, big)
    try_(s.quit)


def s_internal():
    key = open(KEY_FILE).read().strip()
    which = random.choice(["nokey", "badkey", "badcmd", "empty"])
    line = {"nokey": "INTERNALCMD flushQueue", "badkey": "INTERNALCMD key:deadbeef flushQueue",
            "badcmd": f"INTERNALCMD key:{key} selfDestruct", "empty": f"INTERNALCMD key:{key}"}[which]
    raw(["EHLO localhost", line, "QUIT"], source=(random.choice(["127.0.0.1", "127.0.0.1", "127.0.0.4"]), 0))


def cmd(name):
    key = open(KEY_FILE).read().strip()
    raw(["EHLO localhost", f"INTERNALCMD key:{key} {name}", "QUIT"], source=("127.0.0.1", 0))


SCEN = [(s_good, 30), (s_helo_old, 5), (s_relay, 10), (s_auth, 14), (s_access, 8), (s_garbage, 12),
        (s_conn, 14), (s_big, 3), (s_internal, 3)]


def main():
    if sys.argv[2] == "cmd":
        cmd(sys.argv[3])
        return
    count = int(sys.argv[2])
    if len(sys.argv) > 3:
        random.seed(int(sys.argv[3]))
    funcs = [f for f, w in SCEN for _ in range(w)]
    order = []
    if len(sys.argv) > 4 and sys.argv[4] == "cover":  # every kind once, in random order, then at random
        order = [f for f, _ in SCEN]
        random.shuffle(order)
    for i in range(count):
        f = order[i] if i < len(order) else random.choice(funcs)
        try:
            f()
        except Exception as e:  # noqa: BLE001 - keep going, errors are expected
            print(f.__name__, type(e).__name__, e, file=sys.stderr)
        time.sleep(random.uniform(0, 0.2))


if __name__ == "__main__":
    main()
