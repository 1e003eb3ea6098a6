#!/usr/bin/env python3
"""Minimal milter protocol client (MTA side) used by workload.sh to drive a milter.

Usage: milterclient.py HOST PORT SCENARIO SEED
Scenarios build random SMTP transactions and send them as milter commands.
"""
import random
import socket
import struct
import sys
import time

SMFIC = dict(ABORT=b"A", BODY=b"B", CONNECT=b"C", MACRO=b"D", BODYEOB=b"E", HELO=b"H",
             HEADER=b"L", MAIL=b"M", EOH=b"N", OPTNEG=b"O", QUIT=b"Q", RCPT=b"R", DATA=b"T",
             UNKNOWN=b"U", QUIT_NC=b"K")

VIRUSES = ["ALPHAWORM-TEST-PAYLOAD-7731", "BETA-TROJAN-MARKER-XQ92", "GAMMAMACRO::autoopen::shell"]
USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
         "mallory", "oscar", "peggy", "trent", "victor", "walter"]
DOMAINS = ["example.org", "example.net", "example.com", "test.invalid", "mail.local", "corp.example"]
SUBJECTS = ["Quarterly report", "lunch?", "Invoice #{n}", "Re: meeting notes", "Your parcel {n}",
            "URGENT: account verification", "holiday photos", "build #{n} failed", "hello",
            "Fwd: contract draft", "weekly digest {n}", ""]
WORDS = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua".split()


class Milter:
    def __init__(self, host, port, timeout=15):
        self.s = socket.create_connection((host, port), timeout=timeout)
        self.replies = []
        self.proto = 0

    def send(self, cmd, data=b""):
        pkt = cmd + data
        self.s.sendall(struct.pack(">I", len(pkt)) + pkt)

    def raw(self, data):
        self.s.sendall(data)

    def recv(self):
        hdr = self._recvn(4)
        if hdr is None:
            return None, b""
        (n,) = struct.unpack(">I", hdr)
        body = self._recvn(n) or b""
        return body[:1], body[1:]

    def _recvn(self, n):
        buf = b""
        while len(buf) < n:
            try:
                chunk = self.s.recv(n - len(buf))
            except (socket.timeout, ConnectionResetError):
                return None
            if not chunk:
                return None
            buf += chunk
        return buf

    SKIP = {b"C": 0x1, b"H": 0x2, b"M": 0x4, b"R": 0x8, b"B": 0x10, b"L": 0x20, b"N": 0x40,
            b"U": 0x100, b"T": 0x200}
    NOREPLY = {b"C": 0x1000, b"H": 0x2000, b"M": 0x4000, b"R": 0x8000, b"T": 0x10000,
               b"U": 0x20000, b"N": 0x40000, b"B": 0x80000, b"L": 0x80}

    def cmd(self, cmd, data=b""):
        """Send a command that expects one final reply; collect modification actions."""
        if self.proto & self.SKIP.get(cmd, 0):
            return b"c", b""
        self.send(cmd, data)
        if self.proto & self.NOREPLY.get(cmd, 0):
            return b"c", b""
        while True:
            code, rest = self.recv()
            if code is None:
                return None
            if code in (b"h", b"m", b"i", b"q", b"p", b"+", b"-", b"e", b"b", b"s", b"2", b"3", b"l"):
                self.replies.append((code, rest))
                continue
            return code, rest

    def optneg(self, version=6, actions=0x1FF, protocol=0x1FFFFF):
        self.send(SMFIC["OPTNEG"], struct.pack(">III", version, actions, protocol))
        code, rest = self.recv()
        if code == b"O" and len(rest) >= 12:
            self.proto = struct.unpack(">III", rest[:12])[2]
        return code, rest

    def macro(self, for_cmd, pairs):
        data = for_cmd
        for k, v in pairs:
            data += k.encode() + b"\0" + v.encode() + b"\0"
        self.send(SMFIC["MACRO"], data)

    def close(self, quit=True):
        try:
            if quit:
                self.send(SMFIC["QUIT"])
            self.s.close()
        except OSError:
            pass


def z(s):
    return s.encode("utf-8", "replace") + b"\0"


def addr(r):
    return f"{r.choice(USERS)}{r.choice(['', str(r.randint(1, 99))])}@{r.choice(DOMAINS)}"


def body_text(r, virus=None, size=None):
    lines = []
    n = size if size is not None else r.randint(2, 40)
    for _ in range(n):
        lines.append(" ".join(r.choice(WORDS) for _ in range(r.randint(3, 14))))
    if virus:
        lines.insert(r.randint(0, len(lines)), virus)
    return ("\r\n".join(lines) + "\r\n").encode()


kw_mime = [False]
kw_marker = [""]


def transaction(m, r, ip, helo, n, virus=None, nrcpt=None, auth=None, empty=False, abort=False,
                headers=True, big=False, sender=None, rcpts=None, macros=True):
    qid = f"{r.randint(0x10000, 0xFFFFFF):X}{n:03d}"
    frm = sender or addr(r)
    if macros:
        pairs = [("i", qid), ("{mail_addr}", frm)]
        if auth:
            pairs.append(("{auth_authen}", auth))
        m.macro(SMFIC["MAIL"], pairs)
    res = m.cmd(SMFIC["MAIL"], z(f"<{frm}>") + (z("SIZE=1234") if r.random() < 0.3 else b""))
    if res is None or res[0] != b"c":
        return res
    rc = rcpts or [addr(r) for _ in range(nrcpt or r.choice([1, 1, 1, 2, 3]))]
    last = None
    for to in rc:
        if macros:
            m.macro(SMFIC["RCPT"], [("{rcpt_addr}", to)])
        last = m.cmd(SMFIC["RCPT"], z(f"<{to}>"))
        if last is None or last[0] not in (b"c",):
            return last
    if abort:
        m.send(SMFIC["ABORT"])
        return (b"A", b"")
    mime = None
    if kw_mime[0] and not empty:
        mime = mime_body(r)
    if not empty and headers:
        subj = r.choice(SUBJECTS).format(n=r.randint(1, 9999))
        if kw_marker[0]:
            subj = f"{subj} {kw_marker[0]}".strip()
        hdrs = [("From", f"<{frm}>"), ("To", ", ".join(f"<{x}>" for x in rc)), ("Subject", subj),
                ("Date", time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())),
                ("Message-ID", f"<{qid}.{r.randint(1, 10**9)}@{r.choice(DOMAINS)}>")]
        if r.random() < 0.3:
            hdrs.append(("X-Virus-Scanned", "something upstream"))
        if r.random() < 0.2:
            hdrs.append(("X-Virus-Status", "Clean"))
        if mime:
            hdrs.append(("MIME-Version", "1.0"))
            hdrs.append(("Content-Type", f'multipart/mixed; boundary="{mime[0]}"'))
        elif r.random() < 0.3:
            hdrs.append(("MIME-Version", "1.0"))
        r.shuffle(hdrs)
        for k, v in hdrs:
            res = m.cmd(SMFIC["HEADER"], z(k) + z(v))
            if res is None or res[0] != b"c":
                return res
        res = m.cmd(SMFIC["EOH"])
        if res is None or res[0] != b"c":
            return res
    if not empty:
        data = mime[1] if mime else body_text(r, virus, 3000 if big else None)
        for i in range(0, len(data), 65535):
            res = m.cmd(SMFIC["BODY"], data[i:i + 65535])
            if res is None or res[0] not in (b"c",):
                return res
    return m.cmd(SMFIC["BODYEOB"])


MARKERS = ["", "", "", "", "", "", "HALFSLOW", "SLOWSCAN", "CRASHNOW", "EXITNOW", "KILLSELF", "NOISY",
           "TEMPFAILMSG", "DISCARDME", "QUARANTINE"]


def mime_body(r, virus=None, size=None):
    bnd = f"=_bnd_{r.randint(1, 10**9)}"
    parts = [f"--{bnd}\r\nContent-Type: text/plain\r\n\r\n".encode() + body_text(r)]
    for _ in range(r.randint(1, 3)):
        name = f"{r.choice(['report', 'invoice', 'setup', 'photo', 'notes'])}.{r.choice(['pdf', 'txt', 'exe', 'scr', 'bounce', 'doc', 'zip'])}"
        parts.append(f"--{bnd}\r\nContent-Type: application/octet-stream; name=\"{name}\"\r\n"
                     f"Content-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                     f"SGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3QgYXR0YWNobWVudA==\r\n".encode())
    return bnd, b"".join(parts) + f"--{bnd}--\r\n".encode()


def session(host, port, r, n, **kw):
    m = Milter(host, port)
    try:
        code, rest = m.optneg(actions=kw.pop("actions", 0x1FF))
        ip = kw.pop("ip", f"127.0.{r.randint(0, 9)}.{r.randint(1, 250)}")
        helo = kw.pop("helo", f"client{r.randint(1, 50)}.{r.choice(DOMAINS)}")
        m.macro(SMFIC["CONNECT"], [("j", "mx.test"), ("_", f"{helo} [{ip}]")])
        fam = b"4"
        res = m.cmd(SMFIC["CONNECT"], z(helo) + fam + struct.pack(">H", r.randint(1024, 65000)) + z(ip))
        if res is None or res[0] != b"c":
            return res
        res = m.cmd(SMFIC["HELO"], z(helo))
        if res is None or res[0] != b"c":
            return res
        ntx = kw.pop("ntx", 1)
        for t in range(ntx):
            res = transaction(m, r, ip, helo, n * 10 + t, **kw)
            if res is None:
                return None
        return res
    finally:
        m.close(quit=r.random() < 0.8)


def garbage(host, port, r):
    s = socket.create_connection((host, port), timeout=5)
    kind = r.choice(["random", "hugelen", "badcmd", "half", "http"])
    try:
        if kind == "random":
            s.sendall(bytes(r.randint(0, 255) for _ in range(r.randint(5, 200))))
        elif kind == "hugelen":
            s.sendall(struct.pack(">I", 0x7FFFFFF0) + b"O")
        elif kind == "badcmd":
            s.sendall(struct.pack(">I", 5) + b"Z" + b"abcd")
        elif kind == "half":
            s.sendall(struct.pack(">I", 13) + b"O\0\0")
        else:
            s.sendall(b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n")
        s.settimeout(2)
        try:
            s.recv(100)
        except OSError:
            pass
    finally:
        s.close()


def main():
    host, port, scenario, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    r = random.Random(seed)
    for n in range(count):
        try:
            if scenario == "mix":
                kind = r.choices(["clean", "virus", "multi", "empty", "abort", "big", "multi_tx"],
                                 [40, 20, 10, 5, 5, 3, 8])[0]
                if kind == "clean":
                    session(host, port, r, n)
                elif kind == "virus":
                    session(host, port, r, n, virus=r.choice(VIRUSES))
                elif kind == "multi":
                    session(host, port, r, n, nrcpt=r.randint(2, 4),
                            virus=r.choice(VIRUSES) if r.random() < 0.5 else None)
                elif kind == "empty":
                    session(host, port, r, n, empty=True)
                elif kind == "abort":
                    session(host, port, r, n, abort=True)
                elif kind == "big":
                    session(host, port, r, n, big=True)
                else:
                    session(host, port, r, n, ntx=r.randint(2, 3))
            elif scenario == "clean":
                session(host, port, r, n)
            elif scenario == "virus":
                session(host, port, r, n, virus=r.choice(VIRUSES))
            elif scenario == "auth":
                session(host, port, r, n, auth=r.choice(["trusted1", "trusted2", "ordinary", "guest"]))
            elif scenario == "allow":
                session(host, port, r, n, sender=r.choice(["noreply@trusted.example", addr(r)]),
                        rcpts=r.choice([["abuse@mx.test"], ["abuse@mx.test", "postmaster@mx.test"],
                                        [addr(r)]]))
            elif scenario == "localnet":
                session(host, port, r, n, ip=r.choice(["10.1.2.3", "10.9.9.9", "127.0.0.1"]))
            elif scenario == "nohdr":
                session(host, port, r, n, headers=False)
            elif scenario == "nomacro":
                session(host, port, r, n, macros=False, virus=r.choice(VIRUSES + [None]))
            elif scenario == "md":
                kw_mime[0] = r.random() < 0.5
                kw_marker[0] = r.choice(MARKERS)
                kind = r.choices(["plain", "relay", "helo", "sender", "rcpt", "multi", "abort", "empty"],
                                 [40, 6, 5, 8, 8, 10, 4, 3])[0]
                kwargs = {}
                if kind == "relay":
                    kwargs["helo"] = r.choice(["reject", "tempfail", "ok", "NOISY"]) + f"host{r.randint(1, 9)}.example.net"
                elif kind == "helo":
                    kwargs["helo"] = "badhelo" + str(r.randint(1, 99)) + ".example"
                elif kind == "sender":
                    kwargs["sender"] = r.choice(["spammer", "greylist", "NOISY", "HALFSLOW"]) + f"{r.randint(1, 99)}@bulk.example"
                elif kind == "rcpt":
                    kwargs["rcpts"] = [r.choice(["nobody", "blackhole", "CRASHNOW", "NOISY", "HALFSLOW", "HALFSLOW"]) + f"{r.randint(1, 99)}@mx.test", addr(r)]
                elif kind == "multi":
                    kwargs["ntx"] = r.randint(2, 3)
                elif kind == "abort":
                    kwargs["abort"] = True
                elif kind == "empty":
                    kwargs["empty"] = True
                session(host, port, r, n, **kwargs)
            elif scenario == "slowrcpt":
                kw_mime[0] = False
                kw_marker[0] = ""
                session(host, port, r, n, rcpts=[f"HALFSLOW{r.randint(1, 99)}@mx.test"])
            elif scenario == "slow":
                kw_mime[0] = False
                kw_marker[0] = "SLOWSCAN"
                session(host, port, r, n)
            elif scenario == "garbage":
                garbage(host, port, r)
        except (OSError, struct.error) as e:
            print(f"client {scenario} #{n}: {e}", file=sys.stderr)
        time.sleep(r.uniform(0, 0.05))


if __name__ == "__main__":
    main()
