#!/usr/bin/env python3
"""Minimal WebSocket client for the workload: wsclient.py PORT PATH MODE [words...]"""
import base64, os, random, socket, struct, sys, time

def frame(op, payload, fin=True):
    b0 = (0x80 if fin else 0) | op
    n = len(payload)
    if n < 126:
        hdr = struct.pack("!BB", b0, 0x80 | n)
    elif n < 65536:
        hdr = struct.pack("!BBH", b0, 0x80 | 126, n)
    else:
        hdr = struct.pack("!BBQ", b0, 0x80 | 127, n)
    mask = os.urandom(4)
    return hdr + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload))

def main():
    port, path, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    words = sys.argv[4:] or ["hello"]
    origin = os.environ.get("WS_ORIGIN")
    host = os.environ.get("WS_HOST", "127.0.0.1:%d" % port)
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    key = base64.b64encode(os.urandom(16)).decode()
    req = "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" % (path, host)
    if mode != "nokey":
        req += "Sec-WebSocket-Key: %s\r\n" % key
    req += "Sec-WebSocket-Version: %s\r\n" % ("8" if mode == "badversion" else "13")
    if origin:
        req += "Origin: %s\r\n" % origin
    req += "User-Agent: r34-wsclient/0.%d\r\n\r\n" % random.randint(1, 9)
    s.sendall(req.encode())
    try:
        resp = s.recv(4096)
    except socket.timeout:
        resp = b""
    if not resp.startswith(b"HTTP/1.1 101"):
        s.close()
        return
    if mode == "drop":
        time.sleep(random.random() * 0.3)
        s.close()
        return
    for w in words:
        if mode == "binary" and random.random() < 0.5:
            s.sendall(frame(2, w.encode()))
        elif mode == "ping" and random.random() < 0.5:
            s.sendall(frame(9, b"p"))
        else:
            s.sendall(frame(1, w.encode()))
        time.sleep(random.random() * 0.05)
    time.sleep(0.2)
    if mode == "reset":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
        return
    if mode == "hold":
        time.sleep(float(os.environ.get("WS_HOLD", "1.5")))
    if mode == "badframe":
        s.sendall(b"\x8f\x80\x00\x00\x00\x00")
        time.sleep(0.2)
        s.close()
        return
    try:
        s.sendall(frame(8, struct.pack("!H", 1000)))
        s.settimeout(1)
        while s.recv(4096):
            pass
    except OSError:
        pass
    s.close()

if __name__ == "__main__":
    main()
