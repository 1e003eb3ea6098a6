# IMAP client sessions through imapproxy for the workload: imapclient.py PORT SCENARIO USER
import socket, sys, random, time, base64
port, scen, user = int(sys.argv[1]), sys.argv[2], sys.argv[3]
s = socket.create_connection(("127.0.0.1", port), timeout=15)
f = s.makefile("rb")
n = [0]
def rd():
    return f.readline()
def cmd(c, wait=True):
    n[0] += 1
    tag = "a%03d" % n[0]
    s.sendall(("%s %s\r\n" % (tag, c)).encode())
    if not wait:
        return
    while True:
        l = rd()
        if not l or l.startswith(tag.encode()) or l.startswith(b"+"):
            return l
try:
    rd()
    if scen == "normal":
        cmd(random.choice(["CAPABILITY", "NOOP", "ID NIL"]))
        cmd("LOGIN %s secret" % user)
        for i in range(random.randint(1, 6)):
            c = random.choice(["SELECT INBOX", "SELECT INBOX", "SELECT Sent", "EXAMINE Trash", 'LIST "" *', "FETCH 1:5 (FLAGS)", "NOOP", "SELECT Missing"])
            cmd(c)
        if random.random() < 0.8:
            cmd("LOGOUT")
    elif scen == "badpass":
        cmd("LOGIN %s wrong%d" % (user, random.randint(1, 99)))
        cmd("LOGOUT")
    elif scen == "literal":
        n[0] += 1
        s.sendall(("a%03d LOGIN {%d}\r\n" % (n[0], len(user))).encode()); rd()
        s.sendall(("%s {6}\r\n" % user).encode()); rd()
        s.sendall(b"secret\r\n"); rd()
        cmd("SELECT INBOX"); cmd("LOGOUT")
    elif scen == "authplain":
        l = cmd("AUTHENTICATE PLAIN")
        s.sendall(base64.b64encode(("\0%s\0%s" % (user, random.choice(["secret", "secret", "nope"]))).encode()) + b"\r\n")
        rd(); cmd("SELECT INBOX"); cmd("LOGOUT")
    elif scen == "authlogin":
        cmd("AUTHENTICATE LOGIN")
        s.sendall(base64.b64encode(user.encode()) + b"\r\n"); rd()
        s.sendall(base64.b64encode(b"secret") + b"\r\n"); rd()
        cmd("NOOP"); cmd("LOGOUT")
    elif scen == "nologin":
        cmd(random.choice(["SELECT INBOX", "LIST \"\" *", "FETCH 1 BODY[]", "XYZZY"]))
        cmd("LOGOUT")
    elif scen == "admin":
        cmd("LOGIN %s secret" % user)
        for c in random.sample(["XPROXY_VERSION", "XPROXY_DUMPICC", "XPROXY_RESETCOUNTERS", "XPROXY_TRACE " + user, "XPROXY_TRACE", "XPROXY_NEWLOG"], 3):
            cmd(c)
        cmd("SELECT INBOX"); cmd("LOGOUT")
    elif scen == "crash":
        cmd("LOGIN %s secret" % user); cmd("SELECT INBOX"); cmd("CRASH"); time.sleep(0.3); cmd("NOOP")
    elif scen == "abort":
        cmd("LOGIN %s secret" % user); cmd("SELECT INBOX", wait=False)
    elif scen == "garbage":
        s.sendall(random.choice([b"\r\n", b"a1\r\n", b"a1 LOGIN\r\n", b"a1 LOGIN {5}\r\n", b"a1 AUTHENTICATE\r\n", b"a1 SELECT\r\n", b"a1 NOOP {3}\r\n", b"x" * 9000 + b"\r\n", b"a1 LOGIN u\n"]))
        time.sleep(0.3); s.sendall(b"a2 LOGOUT\r\n"); time.sleep(0.2)
    elif scen == "select":
        cmd("LOGIN %s secret" % user); cmd("SELECT"); cmd("SELECT INBOX"); cmd("SELECT INBOX"); cmd("LOGOUT")
except (OSError, socket.timeout):
    pass
s.close()
