#!/usr/bin/env python3
"""Scenarios for quasselcore, called by workload.sh: qdrive.py <phase> [n]"""
import random, socket, ssl, sys, threading, time, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qclient import *

USERS = {"admin": "adminpw", "alice": "alicepw", "bob": "bobpw"}
FEATS = ["SynchronizedMarkerLine", "SaslAuthentication", "SaslExternal", "HideInactiveNetworks", "PasswordChange",
         "CapNegotiation", "VerifyServerSSL", "CustomRateLimits", "AwayFormatTimestamp", "BufferActivitySync",
         "CoreSideHighlights", "EcdsaCertfpKeys"]

def feats():
    f = random.sample(FEATS, random.randint(0, 5))
    if random.random() < 0.4:
        f.append(random.choice(["HoloDeck", "TimeTravel", "QuantumSync"]) + str(random.randint(1, 9)))
    return f

def connect_login(user, pw, tls=False):
    c = Client()
    c.probe(0x42b33f00 | (0x01 if tls else 0))
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
        c.s = ctx.wrap_socket(c.s)
    c.init(features=feats())
    ack, ss = c.login(user, pw)
    return c, ack, ss

def setup():
    # a login before the core is configured is refused
    c2 = Client(); c2.probe(); c2.init()
    c2.send_hs({"MsgType": "ClientLogin", "User": "admin", "Password": "x"})
    try: print(c2.recv_hs(3))
    except Exception as e: print("setup:", e)
    c2.close()
    time.sleep(1)
    # a failing setup first (bad backend, bad authenticator or empty password), then the real one
    bad = random.choice([("admin", "", "SQLite", "Database"), ("admin", "pw", "NoSuchDB", "Database"),
                         ("admin", "pw", "SQLite", "NoSuchAuth"), ("", "pw", "SQLite", "Database")])
    c = Client(); c.probe(); c.init(features=feats())
    print(c.setup(*bad))
    c.close()
    time.sleep(1)
    c = Client(); c.probe(); c.init()
    print(c.setup("admin", USERS["admin"]))
    c.close()
    time.sleep(1)
    c = Client(); c.probe(); c.init()
    print(c.setup("admin2", "again"))  # already configured
    c.close()

def populate(user):
    c, ack, ss = connect_login(user, USERS[user])
    print(user, ack)
    c.create_identity(user, user + "nick")
    c.pump(1.5)
    iid = 1
    try:
        c2, a2, s2 = connect_login(user, USERS[user]); c2.close()
        ids = [i["identityId"] for i in s2.get("Identities", []) if isinstance(i, dict)]
        iid = ids[-1] if ids else 1
    except Exception as e:
        print("populate:", e)
    if random.random() < 0.5:
        c.create_identity(user + "-nonicks", "x"); c.pump(0.5)
    if user != "admin":
        c.pump(2); c.close(); return
    nets = [("local", [("127.0.0.1", 34201)], ["#quassel", "#test"]),
            ("fake", [("127.0.0.1", 34202)], ["#fake"]),
            ("dead", [("127.0.0.1", 34209)], []),
            ("multi", [("127.0.0.1", 34208), ("127.0.0.1", 34201)], ["#multi"])]
    for name, servers, chans in nets:
        c.create_network(f"{user}-{name}", iid, servers, chans + (["bad chan decl here"] if random.random() < 0.3 else []),
                         perform=["/join #perform", "/msg nobody hi"] if random.random() < 0.5 else [], reconnect=random.randint(2, 5))
        c.pump(0.7)
    c.create_network(f"{user}-empty", iid, [], [])
    c.create_network(f"{user}-badident", 4242, [("127.0.0.1", 34201)], [])
    if random.random() < 0.6:
        c.create_network(f"{user}-nullproxy", iid, [("127.0.0.1", 34201)], [], proxyhost="")
    c.pump(2)
    for n in list(c.networks):
        c.sync("Network", str(n), "requestConnect")
    c.pump(4)
    for n in list(c.networks)[:2]:
        c.sync("Network", str(n), "requestConnect")  # already connected
    c.pump(1)
    c.close()

def chatter(user, seconds):
    try:
        c, ack, ss = connect_login(user, USERS[user], tls=(random.random() < 0.3 and os.path.exists(os.environ.get("QCERT", "/nonexistent"))))
    except Exception as e:
        print("chatter login:", e); return
    if not ss:
        c.close(); return
    nets = list(c.networks) or [1]
    if user != "admin":
        seconds = min(seconds, 3)
    end = time.time() + seconds
    while time.time() < end:
        n = random.choice(nets)
        act = random.random()
        if act < 0.35:
            c.input(n, random.choice(["/join #quassel", "/join #test", "/part #test", "/nick " + user + str(random.randint(1, 99)),
                                      "/whois " + user, "/mode #quassel +t", "/topic #quassel topic " + str(random.randint(0, 99)),
                                      "/ping", "/away busy", "/away", "/ctcp nobody VERSION", "/names #quassel", "/who #quassel",
                                      "/quote PING :LAG123", "/bogus command", "/list", "/invite nobody #quassel", "/me waves"]))
        elif act < 0.6:
            c.input(n, f"hello {random.randint(0, 9999)} from {user}", random.choice(["#quassel", "#test", "#fake"]))
        elif act < 0.68:
            c.sync("Network", str(n), random.choice(["requestConnect", "requestDisconnect"]))
        elif act < 0.73:
            c.sync("Network", str(random.randint(50, 99)), "requestConnect")  # no such receiver
        elif act < 0.78:
            c.sync("Network", str(n), "requestNoSuchSlot", "x")
        elif act < 0.82:
            c.initreq(random.choice(["Network", "BufferSyncer", "NoSuchClass", "IrcChannel"]), random.choice(["1", "x", "1/#quassel"]))
        elif act < 0.85:
            c.send_list([1, b"Network"])  # invalid sync
        elif act < 0.87:
            c.send_list([2])  # empty rpc
        elif act < 0.89:
            c.send_list([3, b"Network"])  # invalid init request
        elif act < 0.91:
            c.send_list([5])  # invalid heartbeat
        elif act < 0.92:
            c.send_list([])  # empty
        elif act < 0.94:
            c.rpc("2noSuchSignal(QString)", "x")
        elif act < 0.96:
            c.sync("BufferSyncer", "", random.choice(["requestRemoveBuffer", "requestRenameBuffer", "requestMergeBuffersPermanently"]),
                   *([UT("BufferId", s_i32(random.randint(1, 500)))] + ([UT("BufferId", s_i32(random.randint(1, 500)))] if random.random() < 0.5 else [])))
        elif act < 0.98:
            c.sync("Network", str(n), "requestSetNetworkInfo")  # not enough params
        else:
            c.input(9999, "/join #nowhere")
        if not c.pump(random.uniform(0.05, 0.4)):
            break
    if random.random() < 0.2:
        c.raw(s_u32(12) + b"\xff" * 12)  # corrupt packed func
        c.pump(0.5)
    c.close()

def badlogin():
    c = Client(); c.probe(); c.init(features=feats())
    u = random.choice(["admin", "alice", "mallory", "root", "bob"])
    c.send_hs({"MsgType": "ClientLogin", "User": u, "Password": "wrong" + str(random.randint(0, 99))})
    try: print(c.recv_hs(3))
    except Exception: pass
    c.close()

def garbage():
    kind = random.choice(["legacy", "badproto", "noproto", "junk", "hsjunk", "nomsgtype", "unknownmsg", "early", "proxy", "half", "bigarray", "oldversion"])
    c = Client()
    try:
        if kind == "legacy":
            c.raw(bytes(random.randint(1, 255) for _ in range(40)))
        elif kind == "badproto":
            c.raw(s_u32(0x42b33f00) + s_u32(0x80000007))
        elif kind == "noproto":
            c.raw(s_u32(0x42b33f00) + s_u32(0x00000002) + s_u32(0x00000001))
            time.sleep(0.3)
        elif kind == "junk":
            c.probe(); c.raw(s_u32(20) + os.urandom(20))
        elif kind == "hsjunk":
            c.probe(); c.send_list([b"Foo", 1, b"Bar"])
        elif kind == "nomsgtype":
            c.probe(); c.send_hs({"NoType": "x"})
        elif kind == "unknownmsg":
            c.probe(); c.send_hs({"MsgType": "ClientDance"})
        elif kind == "early":
            c.probe(); c.send_hs({"MsgType": "ClientLogin", "User": "admin", "Password": "adminpw"})
        elif kind == "proxy":
            c.raw(b"PROXY TCP4 127.0.0.9 127.0.0.1 40000 34200\r\n"); c.probe(); c.init(); c.login("admin", "wrongpw")
        elif kind == "half":
            c.raw(s_u32(0x42b33f00))
        elif kind == "bigarray":
            c.probe(); c.raw(s_u32(30) + s_u32(1) + s_u32(12) + b"\0" + s_u32(0x7fffffff) + b"abcdefghijklm")
        elif kind == "oldversion":
            c.probe(); c.init(version="v0.1.0")
        c.recv_hs(1.5)
    except Exception:
        pass
    c.close()

def ident_queries(ports):
    for _ in range(random.randint(2, 5)):
        try:
            s = socket.create_connection(("127.0.0.1", 34211), timeout=2)
            q = random.choice([f"{random.choice(ports) if ports else 1234}, 34201", "garbage", "65535, 34201", "", "1,2,3"])
            s.sendall((q + "\r\n").encode()); s.settimeout(1)
            try: s.recv(200)
            except Exception: pass
            s.close()
        except OSError as e:
            print("ident:", e)

def metrics():
    for path in random.sample(["/metrics", "/", "/nope", "/metrics?x=1"], 2):
        try:
            s = socket.create_connection(("127.0.0.1", 34212), timeout=2)
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()); s.settimeout(1)
            try: s.recv(4000)
            except Exception: pass
            s.close()
        except OSError as e:
            print("metrics:", e)

def traffic(n):
    threads = []
    for _ in range(n):
        r = random.random()
        if r < 0.45:
            u = random.choice(list(USERS))
            t = threading.Thread(target=chatter, args=(u, random.uniform(3, 10)))
            t.start(); threads.append(t)
        elif r < 0.65:
            badlogin()
        elif r < 0.88:
            garbage()
        elif r < 0.95:
            ident_queries([])
        else:
            metrics()
        time.sleep(random.uniform(0.1, 0.8))
    for t in threads:
        t.join()

def health():
    try:
        c = Client(timeout=3); c.s.settimeout(8); r = c.probe(); c.close()
        sys.exit(0 if len(r) == 4 else 1)
    except Exception:
        sys.exit(1)

if __name__ == "__main__":
    random.seed()
    ph = sys.argv[1]
    if ph == "setup": setup()
    elif ph == "populate":
        for u in sys.argv[2:]: populate(u)
    elif ph == "traffic": traffic(int(sys.argv[2]))
    elif ph == "ident": ident_queries([])
    elif ph == "metrics": metrics()
    elif ph == "health": health()
