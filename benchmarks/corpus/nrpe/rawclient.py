#!/usr/bin/env python3
"""Raw NRPE protocol client for the workload: sends valid, broken or garbage packets."""
import random, socket, ssl, struct, sys, time, zlib

def v2(query, ptype=1, badcrc=False, ver=2):
    buf = query.encode()[:1023].ljust(1024, b"\0")
    body = struct.pack("!hhIh", ver, ptype, 0, 0) + buf + b"\0\0"
    crc = zlib.crc32(body) & 0xffffffff
    if badcrc:
        crc ^= 0x1234
    return struct.pack("!hhIh", ver, ptype, crc, 0) + buf + b"\0\0"

def v4(query, ptype=1, badcrc=False, size=None):
    data = query.encode() + b"\0"
    n = len(data) if size is None else size
    body = struct.pack("!hhIhhi", 4, ptype, 0, 0, 0, len(data)) + data
    crc = zlib.crc32(body) & 0xffffffff
    if badcrc:
        crc ^= 0xbeef
    return struct.pack("!hhIhhi", 4, ptype, crc, 0, 0, n) + data

def main():
    mode, host, port, use_ssl = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "ssl"
    arg = sys.argv[5] if len(sys.argv) > 5 else "check_ok"
    src = sys.argv[6] if len(sys.argv) > 6 else "127.0.0.1"
    s = socket.create_connection((host, port), timeout=15, source_address=(src, 0))
    if use_ssl and mode != "plain_to_ssl":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        ctx.set_ciphers("ALL:@SECLEVEL=0")
        s = ctx.wrap_socket(s)
    if mode == "garbage":
        s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(16, 600))))
    elif mode == "badver":
        s.sendall(struct.pack("!hh", random.choice([1, 3, 7, 999, -2]), 1) + b"\0" * 200)
    elif mode == "badcrc":
        s.sendall(random.choice([v2, v4])(arg, badcrc=True))
    elif mode == "badtype":
        s.sendall(random.choice([v2, v4])(arg, ptype=random.choice([2, 3, 0])))
    elif mode == "empty":
        s.sendall(random.choice([v2, v4])(""))
    elif mode == "query2":
        s.sendall(v2(arg))
    elif mode == "query4":
        s.sendall(v4(arg))
    elif mode == "bigsize":
        s.sendall(v4(arg, size=random.choice([70000, 1000000, -5])))
    elif mode == "short":
        s.sendall(v2(arg)[:random.randint(1, 300)])
        s.shutdown(socket.SHUT_WR)
    elif mode == "hang":
        time.sleep(float(arg))
    elif mode == "plain_to_ssl":
        s.sendall(v2("check_ok"))
    try:
        s.settimeout(15)
        while s.recv(4096):
            pass
    except Exception:
        pass
    s.close()

if __name__ == "__main__":
    main()
