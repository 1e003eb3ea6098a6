#!/usr/bin/env python3
"""Hand-made clients for the mailbox server: raw websocket frames and plain HTTP requests."""
import base64, json, os, random, socket, struct, sys, time

HOST, PORT = "127.0.0.1", int(sys.argv[1])


def ws_connect(path="/v1", extra=""):
    s = socket.create_connection((HOST, PORT), timeout=5)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET {path} HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
               f"Sec-WebSocket-Version: 13\r\n{extra}\r\n").encode())
    buf = b""
    while b"\r\n\r\n" not in buf:
        d = s.recv(4096)
        if not d:
            break
        buf += d
    return s


def frame(payload, opcode=1, mask=True):
    if isinstance(payload, str):
        payload = payload.encode()
    hdr = bytes([0x80 | opcode])
    n = len(payload)
    mbit = 0x80 if mask else 0
    if n < 126:
        hdr += bytes([mbit | n])
    elif n < 65536:
        hdr += bytes([mbit | 126]) + struct.pack("!H", n)
    else:
        hdr += bytes([mbit | 127]) + struct.pack("!Q", n)
    if mask:
        m = os.urandom(4)
        payload = bytes(b ^ m[i % 4] for i, b in enumerate(payload))
        hdr += m
    return hdr + payload


def send(s, obj):
    s.sendall(frame(json.dumps(obj) if not isinstance(obj, (str, bytes)) else obj))
    time.sleep(0.05)


def drain(s):
    s.settimeout(0.3)
    try:
        while s.recv(65536):
            pass
    except OSError:
        pass


def scenario(name):
    side = os.urandom(5).hex()
    app = random.choice(["lothar.com/wormhole/text-or-file-xfer", "r33g.example/test-app"])
    if name == "http":
        s = socket.create_connection((HOST, PORT), timeout=5)
        path = random.choice(["/", "/", "/v1", "/favicon.ico", "/robots.txt", "/v2/status", "/v1/"])
        meth = random.choice(["GET", "GET", "GET", "HEAD", "POST"])
        s.sendall(f"{meth} {path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: r33g-probe/1.{random.randint(0, 9)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        try:
            while s.recv(4096):
                pass
        except OSError:
            pass
        s.close()
        return
    if name == "garbage":
        s = socket.create_connection((HOST, PORT), timeout=5)
        s.sendall(random.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(40),
                                 b"HELLO\r\n\r\n", b"GET\r\n\r\n", os.urandom(64)]))
        drain(s)
        s.close()
        return
    s = ws_connect()
    drain(s)
    if name == "badjson":
        send(s, random.choice(["{not json", "[1,2,3]", "\"just a string\"", "{\"type\": \"ping\", "]))
    elif name == "binary":
        s.sendall(frame(os.urandom(20), opcode=2))
    elif name == "notype":
        send(s, {"id": os.urandom(2).hex(), "hello": "world"})
    elif name == "unbound":
        send(s, {"type": random.choice(["list", "allocate", "claim", "open"]), "id": "x1"})
    elif name == "unknown":
        send(s, {"type": "bind", "appid": app, "side": side})
        send(s, {"type": random.choice(["frobnicate", "subscribe", "delete"]), "id": "x2"})
    elif name == "ping":
        for i in range(random.randint(1, 4)):
            send(s, {"type": "ping", "ping": random.randint(1, 99999), "id": "p%d" % i})
        send(s, {"type": "ping", "id": "p-bad"})
    elif name == "protocol":
        send(s, {"type": "bind", "appid": app, "side": side, "client_version": ["r33g", "0.%d" % random.randint(1, 9)]})
        choice = random.choice(["rebind", "nobind-side", "list", "greedy", "claim-bad", "claim-twice",
                                "release-noclaim", "open-missing", "add-noopen", "close-noopen", "full"])
        if choice == "rebind":
            send(s, {"type": "bind", "appid": app, "side": side})
        elif choice == "nobind-side":
            s.close(); s = ws_connect(); drain(s)
            send(s, {"type": "bind", "appid": app})
        elif choice == "list":
            send(s, {"type": "list"})
        elif choice == "greedy":
            send(s, {"type": "allocate"}); send(s, {"type": "allocate"})
        elif choice == "claim-bad":
            send(s, {"type": "claim", "nameplate": random.choice(["abc", "-1", "12 3", ""])})
        elif choice == "claim-twice":
            n = str(random.randint(100, 999))
            send(s, {"type": "claim", "nameplate": n}); send(s, {"type": "claim", "nameplate": n})
            send(s, {"type": "release", "nameplate": "1"})
        elif choice == "release-noclaim":
            send(s, {"type": "release"})
        elif choice == "open-missing":
            send(s, {"type": "open"})
        elif choice == "add-noopen":
            send(s, {"type": "add", "phase": "pake", "body": "00"})
        elif choice == "close-noopen":
            send(s, {"type": "close", "mood": "happy"})
        else:
            n = str(random.randint(100, 999))
            send(s, {"type": "claim", "nameplate": n})
            time.sleep(0.2)
            data = b""
            s.settimeout(1)
            try:
                data = s.recv(65536)
            except OSError:
                pass
            mb = None
            for part in data.split(b"{")[1:]:
                if b'"claimed"' in part:
                    j = part.find(b'"mailbox": "')
                    if j >= 0:
                        mb = part[j + 12:part.find(b'"', j + 12)].decode()
            mb = mb or os.urandom(7).hex()
            send(s, {"type": "open", "mailbox": mb})
            send(s, {"type": "open", "mailbox": mb})
            send(s, {"type": "add", "phase": "pake"})
            send(s, {"type": "add", "body": "ab"})
            send(s, {"type": "add", "phase": "version", "body": os.urandom(8).hex()})
            send(s, {"type": "release", "nameplate": "999999"})
            send(s, {"type": "release"})
            send(s, {"type": "close", "mailbox": "wrongbox", "mood": "errory"})
            send(s, {"type": "close", "mood": random.choice(["happy", "lonely", "scary", "errory"])})
            send(s, {"type": "close"})
    drain(s)
    if random.random() < 0.5:
        s.sendall(frame(b"\x03\xe8bye", opcode=8))
        drain(s)
    s.close()


if __name__ == "__main__":
    scenario(sys.argv[2])
