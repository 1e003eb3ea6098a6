#!/usr/bin/env python3
"""Random MailDev traffic: SMTP deliveries (good, with attachments, bad auth, dropped mid-way,
oversize, bad recipients) and REST API calls (list, read, delete, relay, bad ids, bad auth).
usage: mdclient.py COUNT SMTPAUTH(user:pass|-) WEBAUTH(user:pass|-)"""
import base64, json, random, smtplib, socket, struct, sys, time, urllib.request, urllib.error
from email.message import EmailMessage

SMTP, WEB = 29201, 29202
N, SAUTH, WAUTH = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random()
PEOPLE = ["alice@example.test", "bob@example.test", "carol@shop.test", "dave@corp.test", "eve@corp.test"]
SUBJ = ["Your order #%d has shipped", "Password reset", "Welcome aboard, user %d", "Invoice %d",
        "Weekly digest", "Re: meeting notes", "Build #%d failed", "Ünïcode subject ✓ %d"]

def msg():
    m = EmailMessage()
    s = rnd.choice(SUBJ)
    m["Subject"] = s % rnd.randint(1, 9999) if "%d" in s else s
    m["From"] = rnd.choice(PEOPLE); m["To"] = ", ".join(rnd.sample(PEOPLE, rnd.randint(1, 2)))
    m.set_content("Hello,\n\n" + "lorem ipsum " * rnd.randint(1, 40) + "\n")
    if rnd.random() < 0.3:
        m.add_alternative("<p>Hello <b>there</b></p>", subtype="html")
    if rnd.random() < 0.15:
        m.add_attachment(b"col1,col2\n1,2\n", maintype="text", subtype="csv", filename="report.csv")
    return m

def send():
    try:
        with smtplib.SMTP("127.0.0.1", SMTP, timeout=5) as s:
            if SAUTH != "-":
                u, p = SAUTH.split(":")
                s.login(u, p if rnd.random() < 0.85 else "wrong")
            m = msg()
            if rnd.random() < 0.04:              # over --max-message-size
                m = EmailMessage(); m["Subject"] = "Huge export"; m["From"] = PEOPLE[0]; m["To"] = PEOPLE[1]
                m.set_content("x" * 300000)
            s.send_message(m)
    except (smtplib.SMTPException, OSError):
        pass

def drop():
    """Open SMTP, start a transaction, then reset the connection."""
    try:
        c = socket.create_connection(("127.0.0.1", SMTP), timeout=3)
        c.recv(1024); c.sendall(b"EHLO drop.test\r\n"); time.sleep(0.1); c.recv(4096)
        if rnd.random() < 0.5:
            c.sendall(b"MAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\nSubject: half\r\n\r\npartial")
            time.sleep(0.1)
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close()
    except OSError:
        pass

def bad_smtp():
    try:
        c = socket.create_connection(("127.0.0.1", SMTP), timeout=3)
        c.recv(1024)
        for l in rnd.sample([b"HELO\r\n", b"MAIL FROM:<nope\r\n", b"RCPT TO:<x@y.test>\r\n", b"DATA\r\n",
                             b"FOO bar\r\n", b"AUTH PLAIN Zm9vAGJhcgBiYXo=\r\n", b"VRFY root\r\n"], 3):
            c.sendall(l); time.sleep(0.05)
        c.sendall(b"QUIT\r\n"); c.recv(4096); c.close()
    except OSError:
        pass

def api(method, path, body=None, auth=True):
    req = urllib.request.Request(f"http://127.0.0.1:{WEB}{'' if path == '/' else '/api'}{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Content-Type": "application/json"} if body is not None else {})
    if WAUTH != "-" and auth:
        u, p = WAUTH.split(":")
        if rnd.random() < 0.1:
            p = "bad"
        req.add_header("Authorization", "Basic " + base64.b64encode(f"{u}:{p}".encode()).decode())
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return json.loads(r.read() or b"null") if "json" in r.headers.get("Content-Type", "") else None
    except (urllib.error.URLError, OSError, ValueError):
        return None

def ids():
    r = api("GET", "/email")
    return [e.get("id") for e in r] if isinstance(r, list) else []

def api_call():
    lst = ids()
    i = rnd.choice(lst) if lst else "nosuchid"
    a = rnd.choices(["get", "html", "source", "summary", "delete", "delall", "relay", "relayto", "bad",
                     "health", "config", "readall", "attach", "noauth", "ui", "reload"],
                    [20, 6, 5, 5, 6, 1, 4, 2, 5, 5, 2, 2, 2, 2, 3, 1])[0]
    if a == "get": api("GET", f"/email/{i}")
    elif a == "html": api("GET", f"/email/{i}/html")
    elif a == "source": api("GET", f"/email/{i}/source")
    elif a == "summary": api("GET", "/email/summary")
    elif a == "delete": api("DELETE", f"/email/{i}")
    elif a == "delall": api("DELETE", "/email/all")
    elif a == "relay": api("POST", f"/email/{i}/relay")
    elif a == "relayto": api("POST", f"/email/{i}/relay/{rnd.choice(PEOPLE)}")
    elif a == "bad": api(rnd.choice(["GET", "POST", "PUT"]), rnd.choice(["/email/does-not-exist", "/nope", "/email/x/attachment/none.txt", "/email/%zz"]))
    elif a == "health": api("GET", "/healthz")
    elif a == "config": api("GET", "/config")
    elif a == "readall": api("PATCH", "/email/read-all")
    elif a == "attach": api("GET", f"/email/{i}/attachment/report.csv")
    elif a == "noauth": api("GET", "/email", auth=False)
    elif a == "ui": api("GET", "/")
    elif a == "reload": api("GET", "/reloadMailsFromDirectory")

for _ in range(N):
    r = rnd.random()
    if r < 0.55: send()
    elif r < 0.62: drop()
    elif r < 0.67: bad_smtp()
    else: api_call()
    time.sleep(rnd.uniform(0, 0.05))
