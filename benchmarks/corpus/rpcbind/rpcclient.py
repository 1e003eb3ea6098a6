"""Tiny ONC RPC client (RFC 5531) used by the ypserv and rpcbind workloads.

Builds calls by hand so the workload can also send malformed or unusual requests."""
import os, random, socket, struct, time

AUTH_NONE, AUTH_SYS = 0, 1


def pad(b):
    return b + b"\0" * ((4 - len(b) % 4) % 4)


def u32(v):
    return struct.pack(">I", v & 0xffffffff)


def opaque(b):
    if isinstance(b, str):
        b = b.encode()
    return u32(len(b)) + pad(b)


string = opaque


def auth_sys(uid=0, gid=0, machine="r31k-client", gids=()):
    body = u32(int(time.time())) + string(machine) + u32(uid) + u32(gid) + u32(len(gids)) + b"".join(u32(g) for g in gids)
    return u32(AUTH_SYS) + opaque(body)


def auth_none():
    return u32(AUTH_NONE) + opaque(b"")


def call_msg(prog, vers, proc, args=b"", cred=None, xid=None, rpcvers=2):
    xid = random.getrandbits(32) if xid is None else xid
    cred = auth_none() if cred is None else cred
    return xid, u32(xid) + u32(0) + u32(rpcvers) + u32(prog) + u32(vers) + u32(proc) + cred + auth_none() + args


class Reply:
    def __init__(self, data):
        self.raw = data
        self.pos = 0
        self.ok = False
        self.status = None
        if data is None or len(data) < 12:
            return
        self.xid, mtype, rstat = struct.unpack(">III", data[:12])
        self.pos = 12
        if rstat != 0:
            self.status = ("denied", self.u())
            return
        self.u()
        self.opaque()  # verifier
        self.status = self.u()
        self.ok = self.status == 0

    def u(self):
        if self.pos + 4 > len(self.raw):
            raise ValueError("short reply")
        v = struct.unpack(">I", self.raw[self.pos:self.pos + 4])[0]
        self.pos += 4
        return v

    def opaque(self):
        n = self.u()
        b = self.raw[self.pos:self.pos + n]
        self.pos += n + (4 - n % 4) % 4
        return b

    def rest(self):
        return self.raw[self.pos:]


def udp_call(host, port, prog, vers, proc, args=b"", cred=None, timeout=1.0, src=None, raw=None):
    fam = socket.AF_INET6 if ":" in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_DGRAM)
    if src:
        s.bind((src, 0))
    s.settimeout(timeout)
    try:
        if raw is None:
            _, raw = call_msg(prog, vers, proc, args, cred)
        s.sendto(raw, (host, port))
        try:
            data, _ = s.recvfrom(65536)
        except socket.timeout:
            return Reply(None)
        return Reply(data)
    finally:
        s.close()


def _recv_record(s):
    out = b""
    while True:
        hdr = b""
        while len(hdr) < 4:
            c = s.recv(4 - len(hdr))
            if not c:
                return None
            hdr += c
        n = struct.unpack(">I", hdr)[0]
        last, n = n & 0x80000000, n & 0x7fffffff
        while n:
            c = s.recv(min(n, 65536))
            if not c:
                return None
            out += c
            n -= len(c)
        if last:
            return out


def stream_connect(host=None, port=None, path=None, timeout=2.0, src=None):
    if path:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(path)
        return s
    fam = socket.AF_INET6 if ":" in host else socket.AF_INET
    s = socket.socket(fam, socket.SOCK_STREAM)
    if src:
        s.bind((src, 0))
    s.settimeout(timeout)
    s.connect((host, port))
    return s


def stream_call(sock, prog, vers, proc, args=b"", cred=None, raw=None, multi=False):
    if raw is None:
        _, raw = call_msg(prog, vers, proc, args, cred)
    sock.sendall(u32(0x80000000 | len(raw)) + raw)
    try:
        data = _recv_record(sock)
    except (socket.timeout, ConnectionError, OSError):
        return Reply(None)
    rep = Reply(data)
    if multi:
        rep.records = [data]
    return rep


def tcp_call(host, port, prog, vers, proc, args=b"", cred=None, src=None, path=None, timeout=2.0):
    try:
        s = stream_connect(host, port, path, timeout, src)
    except OSError:
        return Reply(None)
    try:
        return stream_call(s, prog, vers, proc, args, cred)
    finally:
        s.close()
