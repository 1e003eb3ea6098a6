#!/usr/bin/env python3
"""One random SMTP client session against the aiosmtpd servers (127.0.0.1:14525 / 14526)."""
import base64, os, random, smtplib, socket, ssl, sys, time

HOST, PORT, PPORT = "127.0.0.1", 14525, 14526
r = random.Random()


def rd(s):
    s.settimeout(8)
    data = b""
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
            lines = data.split(b"\r\n")
            if len(lines) >= 2 and len(lines[-2]) >= 4 and lines[-2][3:4] == b" ":
                break
    except OSError:
        pass
    return data


def conn(port=PORT, src="127.0.0.1"):
    s = socket.create_connection((HOST, port), timeout=8, source_address=(src, 0))
    return s


def cmd(s, line):
    s.sendall(line.encode() + b"\r\n" if isinstance(line, str) else line + b"\r\n")
    return rd(s)


def rcpt():
    return r.choice(["user%d@smtp.test" % r.randint(1, 9), "postmaster@smtp.test", "full@smtp.test",
                     "someone@elsewhere.example", "user1@smtp.test"])


def sender():
    return r.choice(["alice@client.test", "bob@client.test", "spammer@bad.example", "<>", "carol@client.test"])


def body(kind="ok"):
    lines = ["From: tester <t@client.test>", "Subject: test %d" % r.randint(1, 9999), ""]
    lines += ["line %d of the message" % i for i in range(r.randint(1, 4))]
    if kind == "reject":
        lines.append("REJECTME")
    elif kind == "temp":
        lines.append("TEMPFAIL")
    elif kind == "big":
        lines += ["x" * 200] * 30
    elif kind == "dot":
        lines.append(".leading dot line")
    return "\r\n".join(lines)


def transaction(s, kind=None):
    kind = kind or r.choice(["ok", "ok", "ok", "reject", "temp", "big", "dot"])
    cmd(s, "MAIL FROM:<%s>" % sender().strip("<>"))
    for _ in range(r.randint(1, 3)):
        cmd(s, "RCPT TO:<%s>" % rcpt())
    resp = cmd(s, "DATA")
    if resp.startswith(b"354"):
        s.sendall(body(kind).encode() + b"\r\n.\r\n")
        rd(s)


def sc_normal():
    s = conn(); rd(s)
    cmd(s, r.choice(["EHLO", "HELO"]) + " client%d.test" % r.randint(1, 5))
    for _ in range(r.randint(1, 2)):
        transaction(s)
        if r.random() < 0.3:
            cmd(s, "RSET")
    cmd(s, "QUIT"); s.close()


def sc_auth():
    s = conn(); rd(s)
    cmd(s, "EHLO authclient.test")
    mech = r.choice(["PLAIN", "PLAIN-bad", "LOGIN", "LOGIN-bad", "abort", "badb64", "unknown", "PLAIN-inline"])
    user, pw = r.choice([("alice", "wonderland"), ("bob", "builder")])
    if mech.endswith("-bad"):
        pw = "wrong%d" % r.randint(1, 99)
    if mech.startswith("PLAIN-inline"):
        cmd(s, "AUTH PLAIN " + base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode())
    elif mech.startswith("PLAIN"):
        cmd(s, "AUTH PLAIN")
        cmd(s, base64.b64encode(("\0%s\0%s" % (user, pw)).encode()).decode())
    elif mech.startswith("LOGIN"):
        cmd(s, "AUTH LOGIN")
        cmd(s, base64.b64encode(user.encode()).decode())
        cmd(s, base64.b64encode(pw.encode()).decode())
    elif mech == "abort":
        cmd(s, "AUTH LOGIN"); cmd(s, "*")
    elif mech == "badb64":
        cmd(s, "AUTH PLAIN"); cmd(s, "!!!not-base64!!!")
    else:
        cmd(s, "AUTH CRAM-MD5")
    if r.random() < 0.5:
        cmd(s, "AUTH PLAIN " + base64.b64encode(b"\0alice\0wonderland").decode())
    transaction(s)
    cmd(s, "QUIT"); s.close()


def sc_starttls():
    choice = r.choice(["good", "good", "twice", "before-ehlo"])
    if choice == "good":
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        with smtplib.SMTP(HOST, PORT, timeout=8) as c:
            c.ehlo("tls%d.client.test" % r.randint(1, 5))
            c.starttls(context=ctx)
            c.ehlo("tls.client.test")
            if r.random() < 0.5:
                try:
                    c.login("alice", r.choice(["wonderland", "nope"]))
                except smtplib.SMTPException:
                    pass
            try:
                c.sendmail("alice@client.test", [rcpt()], body())
            except smtplib.SMTPException:
                pass
        return
    s = conn(); rd(s)
    if choice != "before-ehlo":
        cmd(s, "EHLO tlsclient.test")
    resp = cmd(s, "STARTTLS")
    if choice == "twice":
        ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        if resp.startswith(b"220"):
            t = ctx.wrap_socket(s, server_hostname="127.0.0.1")
            cmd(t, "EHLO again.test"); cmd(t, "STARTTLS"); cmd(t, "QUIT"); t.close()
            return
    elif choice == "garbage" and resp.startswith(b"220"):
        s.sendall(os.urandom(r.randint(20, 120)))
        rd(s)
    s.close()


def sc_garbage():
    s = conn(); rd(s)
    what = r.choice(["bytes", "bogus", "empty", "longline", "outoforder", "syntax", "misc"])
    if what == "bytes":
        s.sendall(os.urandom(r.randint(10, 80)).replace(b"\n", b"") + b"\r\n"); rd(s)
    elif what == "bogus":
        for i in range(r.randint(3, 6)):
            cmd(s, r.choice(["HELLO", "GET / HTTP/1.0", "XYZZY", "FOO bar", "LOGIN me"]))
    elif what == "empty":
        cmd(s, ""); cmd(s, "   ")
    elif what == "longline":
        cmd(s, "EHLO " + "a" * r.randint(1100, 3000))
    elif what == "outoforder":
        cmd(s, "DATA"); cmd(s, "RCPT TO:<user1@smtp.test>"); cmd(s, "HELO x.test")
        cmd(s, "DATA"); cmd(s, "HELO again.test")
    elif what == "syntax":
        cmd(s, "EHLO"); cmd(s, "EHLO s.test"); cmd(s, "MAIL FROM:bad address"); cmd(s, "MAIL TO:<x@y>")
        cmd(s, "MAIL FROM:<ok@client.test> SIZE=99999999"); cmd(s, "RCPT TO:"); cmd(s, "MAIL FROM:<a@b> BODY=WRONG")
    else:
        cmd(s, "EHLO misc.test")
        for c in r.sample(["NOOP", "NOOP hello", "VRFY user1", "VRFY", "EXPN list", "HELP", "HELP MAIL", "HELP BOGUS", "RSET", "RSET now"], 5):
            cmd(s, c)
    cmd(s, "QUIT"); s.close()


def sc_drop():
    s = conn()
    what = r.choice(["immediate", "after-ehlo", "mid-data", "mid-auth"])
    if what != "immediate":
        rd(s); cmd(s, "EHLO drop.test")
    if what == "mid-data":
        cmd(s, "MAIL FROM:<alice@client.test>"); cmd(s, "RCPT TO:<user2@smtp.test>"); cmd(s, "DATA")
        s.sendall(b"Subject: cut\r\n\r\nhalf a mess")
    elif what == "mid-auth":
        cmd(s, "AUTH LOGIN")
    s.close()


def sc_idle():
    s = conn(); rd(s)
    if r.random() < 0.5:
        cmd(s, "EHLO idle.test")
    time.sleep(7.5)
    rd(s); s.close()


def sc_limit():
    s = conn(); rd(s); cmd(s, "EHLO noisy.test")
    for _ in range(35):
        resp = cmd(s, "NOOP")
        if not resp or resp.startswith(b"421"):
            break
    s.close()


def sc_proxy():
    what = r.choice(["v1", "v1", "bad", "rejected", "none", "v2", "unknown"])
    src = "127.0.0.%d" % r.randint(2, 60)
    s = conn(PPORT)
    if what == "v1":
        s.sendall(("PROXY TCP4 192.0.2.%d 127.0.0.1 %d 25\r\n" % (r.randint(1, 60), r.randint(1024, 65000))).encode())
    elif what == "rejected":
        s.sendall(b"PROXY TCP4 192.0.2.66 127.0.0.1 40000 25\r\n")
    elif what == "bad":
        s.sendall(r.choice([b"PROXY TCP9 foo bar\r\n", b"PROXY TCP4 1.2.3\r\n", b"HELO there\r\n", b"PROXY\r\n"]))
    elif what == "unknown":
        s.sendall(b"PROXY UNKNOWN\r\n")
    elif what == "v2":
        sig = b"\r\n\r\n\x00\r\nQUIT\n"
        addr = socket.inet_aton("192.0.2.7") + socket.inet_aton("127.0.0.1") + (40001).to_bytes(2, "big") + (25).to_bytes(2, "big")
        s.sendall(sig + b"\x21\x11" + len(addr).to_bytes(2, "big") + addr)
    else:
        time.sleep(4)
    banner = rd(s)
    if banner.startswith(b"220"):
        cmd(s, "EHLO proxied.test")
        transaction(s, "ok")
        cmd(s, "QUIT")
    s.close()


SCEN = {"normal": sc_normal, "auth": sc_auth, "starttls": sc_starttls, "garbage": sc_garbage,
        "drop": sc_drop, "idle": sc_idle, "limit": sc_limit, "proxy": sc_proxy}
if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else r.choice(list(SCEN))
    try:
        SCEN[name]()
    except (OSError, smtplib.SMTPException) as e:
        print(name, "client error:", e)
