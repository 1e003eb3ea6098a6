#!/usr/bin/env python3
"""Zabbix clients for the round-13 zabbix workload (127.0.0.1 only).

  zbxclients.py get PORT KEY [SRCIP] [--raw] [--garbage] [--hang]   passive check (like zabbix_get)
  zbxclients.py server PORT STATEFILE                               fake Zabbix server for active checks

The fake server reads STATEFILE (JSON: {"mode": ..., "items": [[key, delay], ...]}) on each request,
so the workload can change the active item list, make the server refuse, answer garbage, or fail
"agent data" requests.
"""
import json, os, random, socket, struct, sys, time, zlib


def frame(payload: bytes) -> bytes:
    return b"ZBXD\x01" + struct.pack("<II", len(payload), 0) + payload


def read_frame(sock):
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
        if data.startswith(b"ZBXD") and len(data) >= 13:
            flags = data[4]
            length = struct.unpack("<I", data[5:9])[0]
            if len(data) >= 13 + length:
                body = data[13:13 + length]
                if flags & 0x02:
                    body = zlib.decompress(body)
                return body
    return data


def get(port, key, src=None, raw=False, garbage=False, hang=False, shortlen=False):
    s = socket.socket()
    s.settimeout(8)
    if src:
        s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    if hang:
        time.sleep(float(key) if key.replace('.', '').isdigit() else 5)
        s.close(); return
    if garbage:
        s.sendall(os.urandom(random.randint(5, 40)))
    elif shortlen:
        # announce more bytes than sent
        p = key.encode()
        s.sendall(b"ZBXD\x01" + struct.pack("<II", len(p) + 50, 0) + p)
    elif raw:
        s.sendall(key.encode() + b"\n")
    else:
        s.sendall(frame(key.encode()))
    try:
        s.shutdown(socket.SHUT_WR) if raw else None
        body = read_frame(s)
        sys.stdout.write(body.decode(errors="replace").replace("\0", " | ") + "\n")
    except Exception as e:
        sys.stdout.write(f"error: {e}\n")
    s.close()


def server(port, statefile):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", port))
    ls.listen(16)
    while True:
        c, _ = ls.accept()
        c.settimeout(5)
        try:
            body = read_frame(c)
            try:
                state = json.load(open(statefile))
            except Exception:
                state = {"mode": "ok", "items": []}
            mode = state.get("mode", "ok")
            try:
                req = json.loads(body)
            except Exception:
                req = {}
            r = req.get("request")
            if mode == "close":
                c.close(); continue
            if mode == "garbage":
                c.sendall(frame(b"not json " + str(random.randint(1, 99999)).encode())); c.close(); continue
            if mode == "slow":
                time.sleep(state.get("sleep", 6))
            if r == "active checks":
                if mode == "failed":
                    resp = {"response": "failed", "info": state.get("info", "host [%s] not found" % req.get("host"))}
                else:
                    data = [{"key": k, "key_orig": k, "itemid": 1000 + i, "delay": d, "lastlogsize": 0, "mtime": 0}
                            for i, (k, d) in enumerate(state.get("items", []))]
                    resp = {"response": "success", "data": data}
                    if state.get("regexp"):
                        resp["regexp"] = state["regexp"]
            elif r == "agent data":
                n = len(req.get("data", []))
                if mode == "datafail":
                    resp = {"response": "failed", "info": "cannot process data"}
                else:
                    bad = random.randint(0, n) if random.random() < 0.3 else 0
                    resp = {"response": "success",
                            "info": "processed: %d; failed: %d; total: %d; seconds spent: 0.%06d" % (n - bad, bad, n, random.randint(10, 9999))}
            else:
                resp = {"response": "failed", "info": "unsupported request"}
            c.sendall(frame(json.dumps(resp).encode()))
        except Exception:
            pass
        finally:
            c.close()


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "get":
        args = [a for a in sys.argv[2:] if not a.startswith("--")]
        flags = [a for a in sys.argv[2:] if a.startswith("--")]
        get(int(args[0]), args[1], args[2] if len(args) > 2 and args[2] else None,
            raw="--raw" in flags, garbage="--garbage" in flags, hang="--hang" in flags,
            shortlen="--shortlen" in flags)
    elif cmd == "server":
        server(int(sys.argv[2]), sys.argv[3])
