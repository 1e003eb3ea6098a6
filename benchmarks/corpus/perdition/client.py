#!/usr/bin/env python3
"""Random IMAP / POP3 / ManageSieve clients for the perdition workload.

usage: client.py N  -- N random sessions, a few at a time.
Perdition listeners (127.0.0.1): 51410 IMAP4 (STARTTLS offered), 51411 POP3,
51412 IMAPS, 51413 POP3S, 51414 ManageSieve, 51415 IMAP4 (fixed servers, TLS forced).
"""
import base64, os, random, socket, ssl, sys, threading, time

USERS = ["alice", "bob", "carol", "dave", "renmike", "deadbeef", "flakyfred", "Zed", "9lives",
         "bob@example.org", "slowpoke"]
PASSWORDS = ["secret"] * 7 + ["wrong", "hunter2", ""]


def ctx():
    c = ssl.create_default_context()
    c.check_hostname = False
    c.verify_mode = ssl.CERT_NONE
    return c


class Conn:
    def __init__(self, port, tls=False):
        s = socket.create_connection(("127.0.0.1", port), timeout=8)
        if tls:
            s = ctx().wrap_socket(s)
        self.s = s
        self.f = s.makefile("rb")

    def starttls(self):
        self.s = ctx().wrap_socket(self.s)
        self.f = self.s.makefile("rb")

    def send(self, line):
        self.s.sendall(line.encode("latin1", "replace") + b"\r\n")

    def line(self):
        l = self.f.readline()
        if not l:
            raise EOFError
        return l.decode("latin1").rstrip("\r\n")

    def until(self, pred):
        while True:
            l = self.line()
            if pred(l):
                return l

    def close(self, rude=False):
        try:
            if rude:
                import struct
                self.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.s.close()
        except OSError:
            pass


def pick_user():
    return random.choice(USERS), random.choice(PASSWORDS)


def imap(port, tls=False):
    c = Conn(port, tls)
    n = [0]

    def cmd(text):
        n[0] += 1
        tag = "c%d" % n[0]
        c.send(tag + " " + text)
        return c.until(lambda l: l.startswith(tag + " ") or l.startswith("* BYE"))

    try:
        c.line()
        plan = random.choice(["login"] * 6 + ["garbage", "quitearly", "idle", "rude", "auth", "many"])
        if plan == "idle":
            time.sleep(random.uniform(4, 7)); c.close(); return
        if plan == "rude":
            c.send("x1 LOGIN bob"); time.sleep(0.1); c.close(rude=True); return
        if random.random() < 0.5:
            cmd("CAPABILITY")
        if random.random() < 0.3:
            cmd("NOOP")
        if port in (51410, 51415) and random.random() < 0.6:
            r = cmd("STARTTLS")
            if " OK" in r:
                c.starttls()
        if plan == "garbage":
            for g in random.sample(["", "justatag", "t1 FROB", "t2 LOGIN", "t3 LOGIN a b c",
                                    "t4 SELECT INBOX", "t5 CAPABILITY extra", "t6 NOOP now",
                                    "t7 AUTHENTICATE", "t8 STARTTLS please", "t9 LOGOUT now",
                                    "\x01\x02\x03 binary", "t10 LOGIN \"unterminated"], 4):
                c.send(g)
                time.sleep(0.05)
            time.sleep(0.3)
            cmd("LOGOUT"); c.close(); return
        if plan == "quitearly":
            cmd("LOGOUT"); c.close(); return
        if plan == "auth":
            u, p = pick_user()
            blob = base64.b64encode(("\0%s\0%s" % (u, p)).encode()).decode()
            if random.random() < 0.5:
                r = cmd("AUTHENTICATE PLAIN " + blob)
            else:
                n[0] += 1
                tag = "c%d" % n[0]
                c.send(tag + " AUTHENTICATE " + random.choice(["PLAIN", "PLAIN", "CRAM-MD5"]))
                l = c.line()
                if l.startswith("+"):
                    c.send(random.choice([blob, blob, "*", "!!notbase64"]))
                    r = c.until(lambda l: l.startswith(tag + " ") or l.startswith("* BYE"))
        tries = random.randint(1, 3) if plan == "many" else 1
        ok = False
        for _ in range(tries):
            u, p = pick_user()
            if random.random() < 0.2:
                r = cmd('LOGIN "%s" {%d}' % (u, len(p)) if False else 'LOGIN "%s" "%s"' % (u, p))
            else:
                r = cmd("LOGIN %s %s" % (u, p or '""'))
            if " OK" in r:
                ok = True
                break
            if r.startswith("* BYE"):
                c.close(); return
        if ok:
            for _ in range(random.randint(0, 4)):
                cmd(random.choice(["SELECT INBOX", "LIST \"\" *", "FETCH 1 (FLAGS)", "NOOP", "EXAMINE Sent", "BOGUS cmd"]))
            if random.random() < 0.25:
                time.sleep(random.uniform(5, 7))   # server side timeout
            if random.random() < 0.1:
                c.close(rude=True); return
        cmd("LOGOUT")
        c.close()
    except (EOFError, OSError, ssl.SSLError):
        c.close()


def pop3(port, tls=False):
    c = Conn(port, tls)

    def cmd(text):
        c.send(text)
        return c.line()

    try:
        c.line()
        plan = random.choice(["login"] * 6 + ["garbage", "quitearly", "idle", "rude", "many"])
        if plan == "idle":
            time.sleep(random.uniform(4, 7)); c.close(); return
        if plan == "rude":
            c.send("USER bob"); time.sleep(0.1); c.close(rude=True); return
        if random.random() < 0.4:
            r = cmd("CAPA")
            if r.startswith("+OK"):
                c.until(lambda l: l == ".")
        if plan == "garbage":
            for g in random.sample(["", "HELO", "PASS secret", "USER", "USER a b", "STAT", "LIST 1",
                                    "RETR 1", "AUTH", "APOP bob 0123456789abcdef", "STLS", "\x7f\x00junk"], 4):
                r = cmd(g)
            cmd("QUIT"); c.close(); return
        if plan == "quitearly":
            cmd("QUIT"); c.close(); return
        tries = random.randint(1, 3) if plan == "many" else 1
        ok = False
        for _ in range(tries):
            u, p = pick_user()
            r = cmd("USER " + u)
            if not r.startswith("+OK"):
                continue
            r = cmd("PASS " + p)
            if r.startswith("+OK"):
                ok = True
                break
        if ok:
            for _ in range(random.randint(0, 3)):
                x = random.choice(["STAT", "LIST", "RETR 1", "NOOP", "XYZZY"])
                r = cmd(x)
                if r.startswith("+OK") and x in ("LIST", "RETR 1"):
                    c.until(lambda l: l == ".")
            if random.random() < 0.1:
                c.close(rude=True); return
        cmd("QUIT")
        c.close()
    except (EOFError, OSError, ssl.SSLError):
        c.close()


def sieve(port):
    c = Conn(port)

    def resp():
        return c.until(lambda l: l.startswith("OK") or l.startswith("NO") or l.startswith("BYE"))

    try:
        resp()
        plan = random.choice(["login"] * 4 + ["garbage", "quitearly", "rude"])
        if plan == "rude":
            c.close(rude=True); return
        if random.random() < 0.4:
            c.send("CAPABILITY"); resp()
        if plan == "garbage":
            for g in random.sample(["HAVESPACE \"x\" 10", "PUTSCRIPT \"a\" {3}", "AUTHENTICATE", "FOO", "NOOP", "STARTTLS x"], 3):
                c.send(g); resp()
        if plan != "quitearly":
            u, p = pick_user()
            blob = base64.b64encode(("\0%s\0%s" % (u, p)).encode()).decode()
            if random.random() < 0.7:
                c.send('AUTHENTICATE "PLAIN" "%s"' % blob)
            else:
                c.send('AUTHENTICATE "PLAIN"')
                l = c.line()
                c.send('"%s"' % blob)
            r = resp()
            if r.startswith("OK"):
                c.send("LISTSCRIPTS"); resp()
        c.send("LOGOUT"); resp()
        c.close()
    except (EOFError, OSError, ssl.SSLError):
        c.close()


def session():
    k = random.choice(["imap"] * 4 + ["pop3"] * 3 + ["imaps", "pop3s", "sieve", "sieve", "imapf"])
    try:
        if k == "imap":
            imap(51410)
        elif k == "imapf":
            imap(51415)
        elif k == "imaps":
            imap(51412, tls=True)
        elif k == "pop3":
            pop3(51411)
        elif k == "pop3s":
            pop3(51413, tls=True)
        else:
            sieve(51414)
    except (OSError, ssl.SSLError, EOFError):
        pass


def main():
    n = int(sys.argv[1])
    threads = []
    for _ in range(n):
        t = threading.Thread(target=session)
        t.start()
        threads.append(t)
        time.sleep(random.uniform(0.02, 0.25))
        while len([t for t in threads if t.is_alive()]) >= 8:
            time.sleep(0.05)
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
