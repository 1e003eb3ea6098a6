#!/usr/bin/env python3
"""Randomised IMAP client for the imap4d workload: one session per call.

usage: imap_client.py HOST PORT KIND [SEED]
KIND: good, badpass, nouser, garbage, preauth-cmds, drop, idle-timeout, notls, mixed
"""
import random
import socket
import struct
import sys
import time

HOST, PORT, KIND = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else None)
USERS = {"alice": "pw_alice", "bob": "pw_bob", "carol": "pw_carol", "dave": "pw_dave"}
DOMAIN = "example.test"
FOLDERS = ["Work", "Lists", "Archive", "Drafts", "Sent", "Trash", "Archive/2024", "Lists/mu"]


class Conn:
    def __init__(self, src="127.0.0.1"):
        self.s = socket.socket()
        self.s.bind((src, 0))
        self.s.settimeout(8)
        self.s.connect((HOST, PORT))
        self.buf = b""
        self.tag = 0
        self.readline()

    def readline(self):
        while b"\r\n" not in self.buf:
            d = self.s.recv(65536)
            if not d:
                raise EOFError
            self.buf += d
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def raw(self, data):
        self.s.sendall(data)

    def cmd(self, text, literal=None):
        self.tag += 1
        t = "A%03d" % self.tag
        if literal is not None:
            self.raw(("%s %s {%d}\r\n" % (t, text, len(literal))).encode())
            line = self.readline()
            if not line.startswith(b"+"):
                return line
            self.raw(literal + b"\r\n")
        else:
            self.raw(("%s %s\r\n" % (t, text)).encode())
        while True:
            line = self.readline()
            if line.startswith(t.encode()):
                return line
            m = line.rstrip()
            if m.endswith(b"}") and b"{" in m:
                n = int(m[m.rindex(b"{") + 1:-1])
                while len(self.buf) < n:
                    d = self.s.recv(65536)
                    if not d:
                        raise EOFError
                    self.buf += d
                self.buf = self.buf[n:]

    def reset(self):
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.s.close()

    def close(self):
        self.s.close()


def message(i):
    subj = rnd.choice(["hello", "report", "meeting", "invoice", "status", "re: lunch"])
    body = "line %d\r\n" % rnd.randint(1, 999) * rnd.randint(1, 6)
    return ("From: user%d@example.test\r\nTo: someone@example.test\r\nSubject: %s %d\r\n"
            "Date: Sun, 06 Dec 2026 10:%02d:00 +0000\r\nMessage-ID: <%d.%d@example.test>\r\n\r\n%s"
            % (rnd.randint(1, 9), subj, i, rnd.randint(0, 59), i, rnd.randint(1, 10**6), body)).encode()


def login(c, user=None):
    user = user or rnd.choice(list(USERS))
    return c.cmd('LOGIN %s@%s "%s"' % (user, DOMAIN, USERS[user]))


def session_ops(c):
    ops = ["select", "examine", "create", "delete", "rename", "list", "lsub", "subscribe",
           "unsubscribe", "status", "append", "fetch", "store", "copy", "expunge", "search",
           "uidfetch", "check", "noop", "close", "namespace", "id", "capability", "idle",
           "badsel", "badfetch", "unknown", "getquota", "uidstore", "appendbad"]
    for _ in range(rnd.randint(3, 14)):
        op = rnd.choice(ops)
        f = rnd.choice(FOLDERS)
        if op == "select":
            c.cmd("SELECT %s" % rnd.choice(["INBOX", f]))
        elif op == "examine":
            c.cmd("EXAMINE %s" % rnd.choice(["INBOX", f]))
        elif op == "create":
            c.cmd("CREATE %s" % f)
        elif op == "delete":
            c.cmd("DELETE %s" % rnd.choice([f, "INBOX", "Nope%d" % rnd.randint(1, 9)]))
        elif op == "rename":
            c.cmd("RENAME %s %s%d" % (f, f, rnd.randint(1, 3)))
        elif op == "list":
            c.cmd('LIST "" %s' % rnd.choice(["*", "%", "INBOX", "Arch*", '""']))
        elif op == "lsub":
            c.cmd('LSUB "" *')
        elif op == "subscribe":
            c.cmd("SUBSCRIBE %s" % f)
        elif op == "unsubscribe":
            c.cmd("UNSUBSCRIBE %s" % f)
        elif op == "status":
            c.cmd("STATUS %s (MESSAGES RECENT UIDNEXT UNSEEN)" % rnd.choice(["INBOX", f]))
        elif op == "append":
            c.cmd("APPEND %s (\\Seen) " % rnd.choice(["INBOX", "INBOX", f]), message(rnd.randint(1, 999)))
        elif op == "appendbad":
            c.cmd("APPEND NoSuchBox%d" % rnd.randint(1, 9), message(1))
        elif op == "fetch":
            c.cmd("SELECT INBOX")
            c.cmd("FETCH 1:%d (%s)" % (rnd.randint(1, 5), rnd.choice(
                ["FLAGS", "BODY[]", "ENVELOPE", "BODYSTRUCTURE", "RFC822.SIZE INTERNALDATE",
                 "BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]", "FAST", "FULL"])))
        elif op == "uidfetch":
            c.cmd("UID FETCH 1:* (FLAGS UID)")
        elif op == "store":
            c.cmd("STORE 1 %s (%s)" % (rnd.choice(["+FLAGS", "-FLAGS", "FLAGS"]),
                                       rnd.choice(["\\Deleted", "\\Seen", "\\Flagged", "$Label1"])))
        elif op == "uidstore":
            c.cmd("UID STORE 1:* +FLAGS.SILENT (\\Answered)")
        elif op == "copy":
            c.cmd("COPY 1:2 %s" % rnd.choice([f, "Missing%d" % rnd.randint(1, 5)]))
        elif op == "expunge":
            c.cmd("EXPUNGE")
        elif op == "search":
            c.cmd("SEARCH %s" % rnd.choice(["ALL", "UNSEEN", 'SUBJECT "hello"', "FROM user1",
                                             "LARGER 100", "BOGUSKEY", "SINCE 1-Jan-2020"]))
        elif op == "check":
            c.cmd("CHECK")
        elif op == "noop":
            c.cmd("NOOP")
        elif op == "close":
            c.cmd("CLOSE")
        elif op == "namespace":
            c.cmd("NAMESPACE")
        elif op == "id":
            c.cmd('ID ("name" "pyclient" "version" "%d")' % rnd.randint(1, 9))
        elif op == "capability":
            c.cmd("CAPABILITY")
        elif op == "idle":
            c.tag += 1
            c.raw(b"I%d IDLE\r\n" % c.tag)
            c.readline()
            time.sleep(rnd.uniform(0.1, 0.6))
            c.raw(b"DONE\r\n")
            while not c.readline().startswith(b"I%d" % c.tag):
                pass
        elif op == "badsel":
            c.cmd("SELECT NoSuchFolder%d" % rnd.randint(1, 99))
        elif op == "badfetch":
            c.cmd("FETCH 999 (BODY[TEXT] FOO)")
        elif op == "unknown":
            c.cmd(rnd.choice(["XYZZY", "FROB 1 2", "SELECT", "LOGIN again now"]))
        elif op == "getquota":
            c.cmd("GETQUOTAROOT INBOX")


def main():
    src = "127.0.0.1"
    if KIND == "denied":
        src = "127.0.0.3"
    c = Conn(src)
    if KIND == "good":
        login(c)
        session_ops(c)
        if rnd.random() < 0.8:
            c.cmd("LOGOUT")
            c.close()
        else:
            c.reset()
    elif KIND == "badpass":
        u = rnd.choice(list(USERS))
        c.cmd('LOGIN %s@%s "wrong%d"' % (u, DOMAIN, rnd.randint(1, 99)))
        if rnd.random() < 0.5:
            c.cmd("LOGOUT")
        c.close()
    elif KIND == "nouser":
        c.cmd('LOGIN %s "whatever"' % rnd.choice(["mallory@example.test", "eve@nodomain.test", "root",
                                                  "alice", "x@"]))
        c.cmd("LOGOUT")
        c.close()
    elif KIND == "garbage":
        for _ in range(rnd.randint(1, 5)):
            c.raw(rnd.choice([b"\x00\x01\x02garbage\r\n", b"GET / HTTP/1.0\r\n", b"A1\r\n",
                              b"* BAD\r\n", b"A2 FETCH 1 BODY[]\r\n", b"A3 SELECT INBOX\r\n",
                              b"A4 LOGIN\r\n", b"A5 LOGIN a b c d\r\n", b"A6 {99999999999}\r\n",
                              b'A7 LOGIN "unterminated\r\n', b"A8 APPEND INBOX {abc}\r\n"]))
            time.sleep(0.05)
        try:
            c.readline()
        except Exception:
            pass
        c.reset() if rnd.random() < 0.5 else c.close()
    elif KIND == "notls":
        c.cmd(rnd.choice(["STARTTLS", "AUTHENTICATE CRAM-MD5", "AUTHENTICATE GSSAPI", "AUTHENTICATE PLAIN"]))
        c.cmd("CAPABILITY")
        c.cmd("LOGOUT")
        c.close()
    elif KIND == "idle-timeout":
        if rnd.random() < 0.5:
            login(c)
            c.cmd("SELECT INBOX")
        try:
            c.s.settimeout(15)
            while True:
                c.readline()
        except Exception:
            pass
        c.close()
    elif KIND == "drop":
        login(c)
        c.cmd("SELECT INBOX")
        c.raw(b"A900 FETCH 1:* (BODY[])\r\n")
        c.reset()
    elif KIND == "denied":
        try:
            c.readline()
        except Exception:
            pass
        c.close()


try:
    main()
except (EOFError, OSError) as e:
    print("client %s: %s" % (KIND, e), file=sys.stderr)
