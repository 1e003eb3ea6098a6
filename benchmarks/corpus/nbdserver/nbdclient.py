#!/usr/bin/env python3
"""Small NBD protocol client used by workload.sh: newstyle negotiation, options, commands, garbage."""
import socket, struct, sys, random, time, ssl, os

SRC = os.environ.get("NBD_SRC", "127.0.0.1")
TLSDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run", "tls")

NBDMAGIC = b"NBDMAGIC"
IHAVEOPT = 0x49484156454F5054
REPLYMAGIC = 0x3e889045565a9
REQ_MAGIC = 0x25609513
OPT_EXPORT_NAME, OPT_ABORT, OPT_LIST, OPT_STARTTLS, OPT_INFO, OPT_GO, OPT_SSC = 1, 2, 3, 5, 6, 7, 8
CMD_READ, CMD_WRITE, CMD_DISC, CMD_FLUSH, CMD_TRIM, CMD_WZ = 0, 1, 2, 3, 4, 6


def recvall(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError("closed")
        b += c
    return b


def raw(port, host="127.0.0.1"):
    return socket.create_connection((host, port), timeout=5, source_address=(SRC, 0))


def connect(port, host="127.0.0.1", flags=1):
    s = raw(port, host)
    hello = recvall(s, 18)
    assert hello[:8] == NBDMAGIC, hello
    s.sendall(struct.pack(">I", flags))
    return s


def opt(s, o, data=b""):
    s.sendall(struct.pack(">QII", IHAVEOPT, o, len(data)) + data)


def opt_reply(s):
    magic, o, rtype, ln = struct.unpack(">QIII", recvall(s, 20))
    data = recvall(s, ln) if ln else b""
    return rtype, data


def read_replies(s):
    out = []
    while True:
        rtype, data = opt_reply(s)
        out.append((rtype, data))
        if rtype == 1 or rtype & 0x80000000:
            return out


def go(s, name, info=False):
    n = name.encode()
    opt(s, OPT_INFO if info else OPT_GO, struct.pack(">I", len(n)) + n + struct.pack(">H", 0))
    return read_replies(s)


def cmd(s, c, off=0, ln=0, data=b"", flags=0, handle=None):
    handle = handle if handle is not None else random.getrandbits(64)
    s.sendall(struct.pack(">IHHQQI", REQ_MAGIC, flags, c, handle, off, ln) + data)
    if c == CMD_DISC:
        return None
    magic, errv, h = struct.unpack(">IIQ", recvall(s, 16))
    if c == CMD_READ and errv == 0:
        recvall(s, ln)
    return errv


def starttls(s, cert=None):
    opt(s, OPT_STARTTLS)
    r = read_replies(s)
    if r[-1][0] != 1:
        return None
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.maximum_version = ssl.TLSVersion.TLSv1_2
    if cert:
        ctx.load_cert_chain(os.path.join(TLSDIR, cert + ".crt"), os.path.join(TLSDIR, cert + ".key"))
    return ctx.wrap_socket(s)


def session(port, name, size, ops, ro=False, tls=None, hold=0.0):
    s = connect(port)
    if tls:
        s = starttls(s, None if tls == "none" else tls)
        if s is None:
            return "no tls"
    r = go(s, name)
    if r[-1][0] != 1:
        s.close()
        return "refused %x" % r[-1][0]
    for _ in range(ops):
        c = random.choice([CMD_READ, CMD_READ, CMD_WRITE, CMD_FLUSH, CMD_TRIM, CMD_WZ])
        ln = random.choice([512, 4096, 65536])
        off = random.randrange(0, max(1, size - ln)) // 512 * 512
        if c == CMD_WRITE:
            cmd(s, c, off, ln, random.randbytes(ln))
        elif c == CMD_FLUSH:
            cmd(s, c)
        else:
            cmd(s, c, off, ln)
    time.sleep(hold)
    if random.random() < 0.7:
        cmd(s, CMD_DISC)
    s.close()
    return "ok"


def main():
    mode, port = sys.argv[1], int(sys.argv[2])
    args = sys.argv[3:]
    try:
        if mode == "session":
            print(session(port, args[0], int(args[1]), int(args[2]),
                          tls=args[3] if len(args) > 3 else None,
                          hold=float(args[4]) if len(args) > 4 else 0.0))
        elif mode == "tlsgarbage":
            s = connect(port)
            opt(s, OPT_STARTTLS)
            print(read_replies(s))
            s.sendall(random.choice([b"\x16\x03\x01\x00\x05hello", b"GET / HTTP/1.0\r\n\r\n", random.randbytes(30)]))
            time.sleep(0.3)
            s.close()
        elif mode == "tlsdrop":
            s = connect(port)
            s = starttls(s, "client")
            r = go(s, args[0])
            s.close()
        elif mode == "tlstwice":
            s = connect(port)
            s = starttls(s, "client")
            opt(s, OPT_STARTTLS)
            print(read_replies(s))
            opt(s, OPT_ABORT)
            s.close()
        elif mode == "list":
            s = connect(port)
            opt(s, OPT_LIST)
            print(read_replies(s))
            opt(s, OPT_ABORT)
            s.close()
        elif mode == "listdata":
            s = connect(port)
            opt(s, OPT_LIST, b"xx")
            print(read_replies(s))
            s.close()
        elif mode == "info":
            s = connect(port)
            print(go(s, args[0], info=True))
            opt(s, OPT_ABORT)
            s.close()
        elif mode == "exportname":
            s = connect(port)
            n = args[0].encode()
            opt(s, OPT_EXPORT_NAME, n)
            print(recvall(s, 10))
            cmd(s, CMD_READ, 0, 512)
            cmd(s, CMD_DISC)
            s.close()
        elif mode == "unknownopt":
            s = connect(port)
            opt(s, random.choice([42, 99, 1000]), b"abc")
            print(read_replies(s))
            opt(s, OPT_ABORT)
            s.close()
        elif mode == "starttls":
            s = connect(port)
            opt(s, OPT_STARTTLS, random.choice([b"", b"junk"]))
            print(read_replies(s))
            s.close()
        elif mode == "shortinfo":
            s = connect(port)
            opt(s, OPT_INFO, b"\x00\x00")
            print(read_replies(s))
            s.close()
        elif mode == "longinfo":
            s = connect(port)
            opt(s, OPT_INFO, struct.pack(">I", 5000) + b"a" * 10 + struct.pack(">H", 0))
            print(read_replies(s))
            s.close()
        elif mode == "badmagic":
            s = connect(port)
            s.sendall(b"GARBAGE!" + random.randbytes(12))
            time.sleep(0.2)
            s.close()
        elif mode == "garbage":
            s = raw(port)
            s.sendall(random.randbytes(random.randint(1, 40)))
            time.sleep(0.2)
            s.close()
        elif mode == "hangup":
            s = raw(port)
            if random.random() < 0.5:
                recvall(s, 18)
            s.close()
        elif mode == "badcmd":
            s = connect(port)
            r = go(s, args[0])
            if r[-1][0] == 1:
                kind = random.choice(["unknown", "flag", "beyond", "badmagic", "drop", "hugeread"])
                if kind == "unknown":
                    print(cmd(s, random.choice([9, 12, 77])))
                elif kind == "flag":
                    print(cmd(s, CMD_READ, 0, 512, flags=0x40))
                elif kind == "beyond":
                    print(cmd(s, CMD_READ, 1 << 40, 512))
                    print(cmd(s, CMD_WRITE, 1 << 40, 512, b"\0" * 512))
                elif kind == "badmagic":
                    s.sendall(struct.pack(">IHHQQI", 0xdeadbeef, 0, 0, 1, 0, 512))
                    time.sleep(0.2)
                elif kind == "drop":
                    s.sendall(struct.pack(">IHHQQI", REQ_MAGIC, 0, CMD_WRITE, 1, 0, 4096) + b"x" * 100)
                    time.sleep(0.1)
                elif kind == "hugeread":
                    print(cmd(s, CMD_READ, 0, 64 * 1024 * 1024))
                cmd(s, CMD_DISC)
            s.close()
        elif mode == "oldflags":
            s = connect(port, flags=0)
            time.sleep(0.2)
            s.close()
    except Exception as e:  # noqa
        print("client error:", e)


if __name__ == "__main__":
    main()
