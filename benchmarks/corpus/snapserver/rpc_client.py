#!/usr/bin/env python3
"""Random JSON-RPC / HTTP / websocket / garbage traffic against snapserver (127.0.0.1 only)."""
import base64, json, os, random, socket, sys, time

HOST = "127.0.0.1"
TCP, HTTP, STREAM = 23705, 23780, 23704
rid = random.randint(1, 1000)


def nid():
    global rid
    rid += 1
    return rid


def tcp_session(reqs, wait=0.3):
    try:
        s = socket.create_connection((HOST, TCP), timeout=2)
    except OSError:
        return []
    out = b""
    for r in reqs:
        s.sendall((r if isinstance(r, str) else json.dumps(r)).encode() + b"\r\n")
        time.sleep(random.uniform(0.02, 0.1))
    s.settimeout(wait)
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except OSError:
        pass
    s.close()
    res = []
    for line in out.split(b"\r\n"):
        try:
            res.append(json.loads(line))
        except Exception:
            pass
    return res


def status():
    for r in tcp_session([{"id": nid(), "jsonrpc": "2.0", "method": "Server.GetStatus"}], 0.5):
        if "result" in r and "server" in r["result"]:
            return r["result"]["server"]
    return None


def http_req(raw, timeout=1.0):
    try:
        s = socket.create_connection((HOST, HTTP), timeout=timeout)
        s.sendall(raw)
        s.settimeout(timeout)
        data = b""
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                data += d
        except OSError:
            pass
        s.close()
        return data
    except OSError:
        return b""


def http_post(obj):
    body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
    return http_req(b"POST /jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body) + body)


def ws_session(reqs):
    try:
        s = socket.create_connection((HOST, HTTP), timeout=2)
        key = base64.b64encode(os.urandom(16))
        path = random.choice([b"/jsonrpc", b"/jsonrpc", b"/stream", b"/nope"])
        s.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  b"Sec-WebSocket-Key: " + key + b"\r\nSec-WebSocket-Version: 13\r\n\r\n")
        s.settimeout(1)
        s.recv(4096)
        for r in reqs:
            payload = (r if isinstance(r, str) else json.dumps(r)).encode()
            mask = os.urandom(4)
            hdr = bytes([0x81])
            if len(payload) < 126:
                hdr += bytes([0x80 | len(payload)])
            else:
                hdr += bytes([0x80 | 126]) + len(payload).to_bytes(2, "big")
            s.sendall(hdr + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
            time.sleep(0.1)
        try:
            s.recv(65536)
        except OSError:
            pass
        if random.random() < 0.5:
            s.sendall(bytes([0x88, 0x80]) + os.urandom(4))  # close frame
        s.close()
    except OSError:
        pass


def random_requests(st):
    clients, groups, streams = [], [], []
    if st:
        for g in st.get("groups", []):
            groups.append(g["id"])
            clients += [c["id"] for c in g["clients"]]
        streams = [s["id"] for s in st.get("streams", [])]
    cid = random.choice(clients) if clients and random.random() < 0.85 else "no-such-client"
    gid = random.choice(groups) if groups and random.random() < 0.85 else "no-such-group"
    sid = random.choice(streams + ["NoStream"]) if streams else "NoStream"
    m = random.choice([
        ("Server.GetStatus", None), ("Server.GetRPCVersion", None),
        ("Client.GetStatus", {"id": cid}),
        ("Client.SetVolume", {"id": cid, "volume": {"muted": random.choice([True, False]), "percent": random.randint(0, 100)}}),
        ("Client.SetVolume", {"id": cid, "volume": {"percent": "loud"}}),
        ("Client.SetLatency", {"id": cid, "latency": random.randint(-10, 200)}),
        ("Client.SetName", {"id": cid, "name": random.choice(["kitchen", "bath", "attic", "porch"])}),
        ("Group.GetStatus", {"id": gid}),
        ("Group.SetMute", {"id": gid, "mute": random.choice([True, False])}),
        ("Group.SetStream", {"id": gid, "stream_id": sid}),
        ("Group.SetName", {"id": gid, "name": random.choice(["upstairs", "downstairs"])}),
        ("Group.SetClients", {"id": gid, "clients": random.sample(clients, min(len(clients), random.randint(0, 2)))}),
        ("Stream.AddStream", {"streamUri": random.choice([
            "pipe:///tmp/snapsv_r21/extra%d?name=Extra%d&mode=create" % (random.randint(1, 3), random.randint(1, 3)),
            "file:///tmp/snapsv_r21/tone.raw?name=Added%d" % random.randint(1, 3),
            "bogus:///x?name=Weird", "not a uri", "tcp://127.0.0.1:23712?name=AddedTcp&mode=server",
            "process:///nonexistent/binary?name=NoBin"])}),
        ("Stream.RemoveStream", {"id": random.choice(["Extra1", "Extra2", "Extra3", "Added1", "Added2", "NoStream", "AddedTcp"])}),
        ("Stream.Control", {"id": sid, "command": random.choice(["play", "pause", "next", "bogus"])}),
        ("Stream.SetProperty", {"id": sid, "property": random.choice(["volume", "loopStatus", "shuffle", "rate"]), "value": random.choice([True, 10, "None"])}),
        ("Server.DeleteClient", {"id": random.choice(["ghost-client", cid])}),
        ("Client.SetBogus", {"id": cid}), ("Nope.Method", {}),
    ])
    req = {"id": nid(), "jsonrpc": "2.0", "method": m[0]}
    if m[1] is not None:
        req["params"] = m[1]
    return req


def garbage():
    return random.choice([
        "{not json", "", "[]", "[{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"Server.GetRPCVersion\"},{\"id\":2,\"jsonrpc\":\"2.0\",\"method\":\"Server.GetStatus\"}]",
        "{\"jsonrpc\":\"2.0\",\"method\":\"Server.GetStatus\"}", "{\"id\":5,\"method\":\"Server.GetStatus\"}",
        "{\"id\":6,\"jsonrpc\":\"1.0\",\"method\":\"Server.GetStatus\"}", "{\"id\":7,\"jsonrpc\":\"2.0\"}",
        "{\"id\":8,\"jsonrpc\":\"2.0\",\"method\":\"Client.SetVolume\",\"params\":[1,2]}",
        "hello snapserver", os.urandom(20).hex()])


def stream_garbage(kind=None):
    try:
        s = socket.create_connection((HOST, STREAM), timeout=2)
        kind = random.randint(0, 1) if kind is None else kind
        if kind == 0:
            s.sendall(os.urandom(random.randint(10, 200)))
        elif kind == 1:
            # plausible base message header with absurd size
            s.sendall((1).to_bytes(2, "little") + os.urandom(24) + (0x7fffffff).to_bytes(4, "little"))
        else:
            # hello message with broken json payload
            body = b"{broken json"
            payload = len(body).to_bytes(4, "little") + body
            s.sendall((5).to_bytes(2, "little") + b"\0" * 24 + len(payload).to_bytes(4, "little") + payload)
        time.sleep(0.3)
        s.close()
    except OSError:
        pass


def main():
    if sys.argv[1:] == ["crash"]:  # hello with broken json: snapserver 0.26 aborts on it
        stream_garbage(2)
        return
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    for _ in range(rounds):
        st = status()
        what = random.random()
        if what < 0.45:
            tcp_session([random_requests(st) for _ in range(random.randint(1, 4))]
                        + ([garbage()] if random.random() < 0.3 else []))
        elif what < 0.6:
            http_post(random_requests(st))
        elif what < 0.7:
            http_post(random.choice([b"{oops", b"[]", b"{\"id\":1}"]))
        elif what < 0.8:
            http_req(random.choice([b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n",
                                    b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
                                    b"DELETE /jsonrpc HTTP/1.1\r\nHost: x\r\n\r\n", b"BREW /pot HTCPCP/1.0\r\n\r\n",
                                    b"\x16\x03\x01\x00garbage\r\n\r\n", b"GET /jsonrpc HTTP/1.1\r\nHost: x\r\n\r\n"]))
        elif what < 0.9:
            ws_session([random_requests(st) for _ in range(random.randint(1, 3))] + ([garbage()] if random.random() < 0.3 else []))
        else:
            stream_garbage()
        time.sleep(random.uniform(0.05, 0.3))


if __name__ == "__main__":
    main()
