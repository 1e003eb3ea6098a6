#!/usr/bin/python3
"""Scripted Syncplay clients: random sessions against one server (no output of its own)."""
import json, random, socket, ssl, sys, time

host, port, n, password = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else ""
rooms = ["lobby", "anime", "movies", "film club", "Ünïcode", "music"]
names = ["alice", "bob", "carol", "dave", "eve", "frank", "grace", " heidi ", "ivan", "judy"]
versions = ["1.6.9", "1.6.8", "1.5.0", "1.2.7", "1.7.0"]

def conn():
    s = socket.create_connection((host, port), timeout=2)
    return s

def send(s, obj):
    s.sendall((json.dumps(obj) if not isinstance(obj, (bytes, str)) else obj).encode() if not isinstance(obj, bytes) else obj)
    if not isinstance(obj, bytes):
        s.sendall(b"\r\n")

def drain(s, t=0.05):
    s.settimeout(t)
    try:
        while s.recv(65536):
            pass
    except Exception:
        pass

def hello(s, pw=None, missing=None):
    h = {"username": random.choice(names), "room": {"name": random.choice(rooms)},
         "version": random.choice(versions), "realversion": random.choice(versions),
         "features": {"sharedPlaylists": True, "chat": True, "readiness": True, "managedRooms": True}}
    if pw is not None:
        h["password"] = pw
    if missing:
        if missing == "room":
            h.pop("room")
        elif missing == "version":
            h.pop("version"); h.pop("realversion")
        else:
            h.pop("username")
    send(s, {"Hello": h})

import hashlib
good_pw = hashlib.md5(password.encode()).hexdigest() if password else None

def session():
    kind = random.choices(
        ["normal", "nopass", "badpass", "missing", "notjson", "notutf8", "unknown", "unlogged",
         "clienterror", "tls", "badset", "emptylines", "badstate"],
        weights=[20, 4, 7, 5, 7, 2, 4, 0.5, 4, 4, 0.15, 2, 0.15])[0]
    s = conn()
    try:
        if kind == "normal" or kind in ("badset", "badstate"):
            hello(s, good_pw)
            drain(s)
            for _ in range(random.randint(1, 12)):
                a = random.random()
                if a < 0.3:
                    send(s, {"State": {"playstate": {"position": random.uniform(0, 3600), "paused": random.random() < 0.5, "doSeek": random.random() < 0.2},
                                       "ping": {"latencyCalculation": time.time(), "clientRtt": random.uniform(0, 0.1)}}})
                elif a < 0.45:
                    send(s, {"Set": {"file": {"name": "ep%02d.mkv" % random.randint(1, 24), "duration": random.uniform(60, 3000), "size": random.randint(1, 10**9)}}})
                elif a < 0.55:
                    send(s, {"Set": {"room": {"name": random.choice(rooms)}}})
                elif a < 0.65:
                    send(s, {"Chat": random.choice(["hi", "pause pls", "brb", "x" * random.randint(1, 200)])})
                elif a < 0.72:
                    send(s, {"List": None})
                elif a < 0.8:
                    send(s, {"Set": {"ready": {"isReady": random.random() < 0.5, "manuallyInitiated": True}}})
                elif a < 0.86:
                    send(s, {"Set": {"playlistChange": {"files": ["a.mkv", "b.mkv", "c.mkv"][:random.randint(0, 3)]}}})
                elif a < 0.9:
                    send(s, {"Set": {"playlistIndex": {"index": random.randint(0, 2)}}})
                elif a < 0.95:
                    send(s, {"Set": {"controllerAuth": {"room": "+" + random.choice(rooms) + ":ABCDEF123456", "password": "AB-123-456"}}})
                else:
                    send(s, {"TLS": {"startTLS": "send"}})
                drain(s, 0.02)
            if kind == "badset":
                send(s, random.choice([{"Set": {"room": 5}}, {"Set": {"ready": {}}}, {"Set": {"playlistIndex": {}}}, {"Set": 3}]))
            if kind == "badstate":
                send(s, random.choice([{"State": {"playstate": 7}}, {"State": {"ping": 3}}, {"State": 1}]))
            drain(s)
        elif kind == "nopass":
            hello(s, None)
        elif kind == "badpass":
            hello(s, hashlib.md5(random.choice(["guess", "1234", "letmein"]).encode()).hexdigest())
        elif kind == "missing":
            hello(s, good_pw, random.choice(["room", "version", "username"]))
        elif kind == "notjson":
            send(s, random.choice(["GET / HTTP/1.0", "hello there", "{broken", "[1,2", "PING %d" % random.randint(1, 999)]))
        elif kind == "notutf8":
            send(s, b"\xff\xfe\xfa bad bytes \xc3\x28\r\n")
        elif kind == "unknown":
            hello(s, good_pw); drain(s)
            send(s, {random.choice(["Ping", "Quit", "Playlist", "Kick"]): {"x": random.randint(1, 99)}})
        elif kind == "unlogged":
            if random.random() < 0.85:
                send(s, {"List": None})
            else:
                send(s, random.choice([{"Chat": "hello?"}, {"Set": {"file": {"name": "x.mkv"}}},
                                       {"State": {"playstate": {"position": 1.0, "paused": True}}}]))
        elif kind == "clienterror":
            hello(s, good_pw); drain(s)
            send(s, {"Error": {"message": random.choice(["Client timed out", "Player closed", "Version mismatch %d" % random.randint(1, 9)])}})
        elif kind == "tls":
            send(s, {"TLS": {"startTLS": "send"}})
            s.settimeout(1)
            data = b""
            try:
                data = s.recv(4096)
            except Exception:
                pass
            if b'"true"' in data:
                ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
                try:
                    t = ctx.wrap_socket(s, server_hostname="localhost")
                    if random.random() < 0.7:
                        hello(t, good_pw); drain(t)
                    t.close()
                except Exception:
                    pass
                return
            elif random.random() < 0.5:
                hello(s, good_pw)
        elif kind == "emptylines":
            send(s, b"\r\n\r\n  \r\n")
            hello(s, good_pw)
        drain(s)
    except Exception:
        pass
    finally:
        try:
            if random.random() < 0.2:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
        except Exception:
            pass

for _ in range(n):
    try:
        session()
    except Exception:
        pass
