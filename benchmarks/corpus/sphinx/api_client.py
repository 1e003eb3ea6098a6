#!/usr/bin/env python3
"""Minimal Sphinx binary-API client used by workload.sh: real commands plus malformed packets.
usage: api_client.py PORT ACTION [args...]"""
import random, socket, struct, sys, time

def s(x):
    b = x.encode() if isinstance(x, str) else x
    return struct.pack(">L", len(b)) + b

def connect(port, hello=True, ver=1):
    sk = socket.create_connection(("127.0.0.1", port), timeout=5)
    sk.recv(4)
    if hello:
        sk.sendall(struct.pack(">L", ver))
    return sk

def reply(sk):
    try:
        hdr = b""
        while len(hdr) < 8:
            c = sk.recv(8 - len(hdr))
            if not c:
                return "closed"
            hdr += c
        st, ver, ln = struct.unpack(">2HL", hdr)
        body = b""
        while len(body) < ln:
            c = sk.recv(ln - len(body))
            if not c:
                break
            body += c
        return f"status={st} len={ln} {body[4:120]!r}" if st else f"ok len={ln}"
    except OSError as e:
        return f"err {e}"

def search_req(query, index, mode=6, ranker=0, sortmode=0, sortby="", filters=(), groupby="", groupfunc=4, select="*", maxmatches=1000, limit=20, comment=""):
    r = struct.pack(">5L", 0, 0, limit, mode, ranker) + struct.pack(">L", sortmode) + s(sortby) + s(query)
    r += struct.pack(">L", 0) + s(index) + struct.pack(">L", 1) + struct.pack(">QQ", 0, 0)
    r += struct.pack(">L", len(filters))
    for attr, lo, hi in filters:
        r += s(attr) + struct.pack(">L", 1) + struct.pack(">2q", lo, hi) + struct.pack(">L", 0)
    r += struct.pack(">2L", groupfunc, len(groupby)) + groupby.encode()
    r += struct.pack(">L", maxmatches) + s("@group desc") + struct.pack(">LLL", 0, 0, 0) + s("")
    r += struct.pack(">L", 0) + struct.pack(">L", 0) + struct.pack(">L", 0) + struct.pack(">L", 0)
    r += s(comment) + struct.pack(">L", 0) + s(select) + s("") + struct.pack(">2L", 0, 0) + struct.pack(">L", 0)
    return r

def send(port, cmd, ver, body, hello=True):
    sk = connect(port, hello)
    sk.sendall(struct.pack(">2HL", cmd, ver, len(body)) + body)
    out = reply(sk)
    sk.close()
    return out

def main():
    port = int(sys.argv[1]); act = sys.argv[2]; args = sys.argv[3:]
    if act == "search":
        q, idx = args[0], args[1]
        kw = {}
        if len(args) > 2 and args[2] == "group":
            kw["groupby"] = "group_id"
        if len(args) > 2 and args[2] == "filter":
            kw["filters"] = [("group_id", 2, 5)]
        if len(args) > 2 and args[2] == "badsort":
            kw.update(sortmode=4, sortby="nosuchattr desc")
        if len(args) > 2 and args[2] == "badselect":
            kw["select"] = "*, weight()*nosuch AS w"
        if len(args) > 2 and args[2] == "maxmatches":
            kw["maxmatches"] = 0
        body = struct.pack(">LL", 0, 1) + search_req(q, idx, **kw)
        print(send(port, 0, 0x11E, body))
    elif act == "multi":
        reqs = [search_req(w, random.choice(["docs", "news", "rt", "dist"])) for w in args]
        print(send(port, 0, 0x11E, struct.pack(">LL", 0, len(reqs)) + b"".join(reqs)))
    elif act == "excerpt":
        body = struct.pack(">2L", 0, 1) + s(args[0]) + s(args[1]) + s("<b>") + s("</b>") + s(" ... ")
        body += struct.pack(">5L", 256, 5, 0, 0, 1) + s("index") + s("none") + struct.pack(">L", 2)
        body += s("the apple and the tiger went to the river") + s("a garden by the ocean")
        print(send(port, 1, 0x104, body))
    elif act == "update":
        idx, attr = args[0], args[1]
        body = s(idx) + struct.pack(">L", 1) + struct.pack(">L", 0) + s(attr) + struct.pack(">L", 0)
        body += struct.pack(">L", 2) + struct.pack(">QL", random.randint(1, 300), 7) + struct.pack(">QL", random.randint(1, 300), 3)
        print(send(port, 2, 0x103, body))
    elif act == "keywords":
        print(send(port, 3, 0x100, s(args[0]) + s(args[1]) + struct.pack(">L", 1)))
    elif act == "status":
        print(send(port, 5, 0x100, struct.pack(">L", 1)))
    elif act == "flushattrs":
        print(send(port, 7, 0x100, b""))
    elif act == "sphinxql":
        print(send(port, 8, 0x100, s(args[0])))
    elif act == "persist":
        sk = connect(port)
        sk.sendall(struct.pack(">2HLL", 4, 0, 4, 1))
        for w in args:
            sk.sendall(struct.pack(">2HL", 3, 0x100, 0) + b"")  # empty keywords body -> error
            b = s(w) + s("docs") + struct.pack(">L", 0)
            sk.sendall(struct.pack(">2HL", 3, 0x100, len(b)) + b)
            print(reply(sk), reply(sk))
        sk.close()
    elif act == "badcmd":
        print(send(port, 77, 0x100, b"\0\0\0\0"))
    elif act == "oldver":
        print(send(port, 0, 0x100, struct.pack(">LL", 0, 1) + b"junk"))
    elif act == "newver":
        print(send(port, 0, 0x2FF, struct.pack(">LL", 0, 1) + b"junk"))
    elif act == "huge":
        sk = connect(port)
        sk.sendall(struct.pack(">2HL", 0, 0x11E, 64 * 1024 * 1024) + b"x" * 64)
        print(reply(sk)); sk.close()
    elif act == "truncated":
        sk = connect(port)
        sk.sendall(struct.pack(">2HL", 3, 0x100, 500) + b"abc")
        sk.close(); print("sent truncated")
    elif act == "garbage":
        sk = connect(port, hello=False)
        sk.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(1, 40))))
        time.sleep(0.2); print(reply(sk)); sk.close()
    elif act == "badproto":
        sk = connect(port, hello=False)
        sk.sendall(b"GET / HTTP/1.0\r\n\r\n"); print(reply(sk)); sk.close()
    elif act == "silent":
        sk = connect(port, hello=False); time.sleep(float(args[0]) if args else 0.5); sk.close(); print("silent")
    elif act == "junksearch":
        body = struct.pack(">LL", 0, 1) + bytes(random.getrandbits(8) for _ in range(60))
        print(send(port, 0, 0x11E, body))
    elif act == "zerolen":
        print(send(port, 0, 0x11E, b""))
    else:
        sys.exit("unknown action")

if __name__ == "__main__":
    try:
        main()
    except OSError as e:
        print("oserror", e)
