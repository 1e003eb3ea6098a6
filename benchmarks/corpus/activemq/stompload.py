"""STOMP client actions for the ActiveMQ log workload (stomp.py and raw sockets), 127.0.0.1 only.

Usage: stompload.py ACTION [PORT]   (one randomised action per call)
"""
import random
import socket
import sys
import time

import stomp

HOST = "127.0.0.1"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 21202
OWPORT = int(sys.argv[3]) if len(sys.argv) > 3 else 21201
USERS = {"admin": "adminpw", "alice": "alicepw", "bob": "bobpw", "guest": "guestpw"}
R = random.Random()


def word():
    return R.choice(["eu", "us", "apac", "web", "pos", "b2b", "mobile", "retail"]) + str(R.randint(1, 40))


def connect(user=None, pw=None, hb=(0, 0), version=1.2):
    user = user or R.choice(["alice", "bob"])
    pw = pw or USERS[user]
    cls = {1.0: stomp.Connection10, 1.1: stomp.Connection11, 1.2: stomp.Connection12}[version]
    if version == 1.0:
        c = cls([(HOST, PORT)])
    else:
        c = cls([(HOST, PORT)], heartbeats=hb)
    c.connect(user, pw, wait=True)
    return c


class Collector(stomp.ConnectionListener):
    def __init__(self):
        self.msgs = []
        self.errors = []

    def on_message(self, frame):
        self.msgs.append(frame)

    def on_error(self, frame):
        self.errors.append(frame)


def raw(port, data, wait=0.5, keep=0.0):
    s = socket.create_connection((HOST, port), timeout=5)
    s.sendall(data)
    time.sleep(keep)
    s.settimeout(wait)
    try:
        out = s.recv(4096)
    except OSError:
        out = b""
    s.close()
    return out


def frame(cmd, headers=None, body=""):
    h = "".join(f"{k}:{v}\n" for k, v in (headers or {}).items())
    return f"{cmd}\n{h}\n{body}\0".encode()


def a_send():
    c = connect()
    q = f"/queue/orders.{word()}"
    for i in range(R.randint(1, 6)):
        hdr = {"persistent": R.choice(["true", "false"])}
        c.send(q, f"order {R.randint(1, 99999)} qty={R.randint(1, 50)}", headers=hdr)
    c.disconnect()


def a_consume():
    c = connect(version=R.choice([1.0, 1.1, 1.2]))
    col = Collector()
    c.set_listener("c", col)
    q = f"/queue/orders.{word()}"
    for i in range(R.randint(1, 4)):
        c.send(q, f"item {i}")
    c.subscribe(q, id=R.randint(1, 99), ack=R.choice(["auto", "client", "client-individual"]))
    time.sleep(R.uniform(0.3, 1.2))
    c.disconnect()


def a_nack():
    c = connect(version=1.2)
    col = Collector()
    c.set_listener("c", col)
    q = f"/queue/orders.nack{R.randint(1, 9)}"
    c.send(q, f"poison {R.randint(1, 9999)}")
    c.subscribe(q, id=1, ack="client-individual")
    time.sleep(0.8)
    for f in col.msgs:
        c.nack(f.headers["ack"])
    time.sleep(R.uniform(0.3, 1.5))
    c.disconnect()


def a_badlogin():
    user = R.choice(["alice", "bob", "admin", f"user{R.randint(1, 500)}", "root", "mallory"])
    try:
        c = stomp.Connection12([(HOST, PORT)])
        c.connect(user, f"pw{R.randint(1, 99999)}", wait=True)
        c.disconnect()
    except Exception:
        pass


def a_nologin():
    print(raw(PORT, frame("CONNECT", {"accept-version": "1.2", "host": "localhost"})))


def a_unauth_send():
    c = connect()
    col = Collector()
    c.set_listener("c", col)
    c.send(R.choice([f"/queue/secret.{word()}", f"/topic/admin.{word()}", "/queue/payroll"]), "peek")
    time.sleep(0.5)
    c.disconnect() if c.is_connected() else None


def a_unauth_sub():
    c = connect("guest", "guestpw")
    c.subscribe(R.choice([f"/queue/orders.{word()}", f"/topic/ops.{word()}"]), id=1)
    time.sleep(0.5)
    c.disconnect() if c.is_connected() else None


def a_guest_write():
    c = connect("guest", "guestpw")
    c.send(f"/queue/jobs.{word()}", "job")
    time.sleep(0.4)
    c.disconnect() if c.is_connected() else None


def a_topic():
    subs = []
    t = f"/topic/news.{R.choice(['sport', 'weather', 'markets', 'tech'])}"
    for i in range(R.randint(1, 3)):
        s = connect(R.choice(["alice", "bob", "guest"]))
        s.subscribe(t, id=i + 1)
        subs.append(s)
    p = connect()
    for i in range(R.randint(1, 8)):
        p.send(t, f"headline {R.randint(1, 9999)}")
    time.sleep(0.5)
    for s in subs + [p]:
        s.disconnect()


def a_expire():
    c = connect()
    q = f"/queue/orders.ttl.{R.randint(1, 5)}"
    now = int(time.time() * 1000)
    for i in range(R.randint(1, 5)):
        c.send(q, "short lived", headers={"expires": str(now + R.randint(200, 2500)), "persistent": "true"})
    c.disconnect()


def a_delay():
    c = connect()
    q = f"/queue/jobs.delayed{R.randint(1, 4)}"
    for i in range(R.randint(1, 3)):
        hdr = {"AMQ_SCHEDULED_DELAY": str(R.randint(500, 4000))}
        if R.random() < 0.3:
            hdr.update({"AMQ_SCHEDULED_PERIOD": "700", "AMQ_SCHEDULED_REPEAT": str(R.randint(1, 3))})
        c.send(q, f"job {R.randint(1, 999)}", headers=hdr)
    c.disconnect()


def a_tx():
    c = connect()
    col = Collector()
    c.set_listener("c", col)
    tx = c.begin()
    q = f"/queue/orders.tx{R.randint(1, 6)}"
    for i in range(R.randint(1, 4)):
        c.send(q, f"tx part {i}", transaction=tx)
    if R.random() < 0.5:
        c.commit(tx)
    else:
        c.abort(tx)
    if R.random() < 0.4:
        c.commit(f"tx-unknown-{R.randint(1, 999)}")
    time.sleep(0.3)
    c.disconnect() if c.is_connected() else None


def a_advisory():
    c = connect("admin", "adminpw")
    col = Collector()
    c.set_listener("c", col)
    c.subscribe(R.choice(["/topic/ActiveMQ.Advisory.Consumer.Queue.>", "/topic/ActiveMQ.Advisory.Connection",
                          "/topic/ActiveMQ.Advisory.Queue", "/topic/ActiveMQ.Advisory.Expired.Queue.>"]), id=1)
    time.sleep(R.uniform(1, 3))
    c.disconnect()


def a_slow_topic():
    # raw STOMP subscriber that never reads its socket: the broker's pending limit and slow-consumer checks
    s = socket.create_connection((HOST, PORT))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.sendall(frame("CONNECT", {"accept-version": "1.1", "host": "localhost", "login": "alice", "passcode": "alicepw"}))
    time.sleep(0.2)
    s.recv(1024)
    t = f"/topic/news.flood{R.randint(1, 3)}"
    s.sendall(frame("SUBSCRIBE", {"destination": t, "id": "1", "ack": "client", "activemq.prefetchSize": str(R.randint(2, 5))}))
    p = connect()
    for i in range(R.randint(30, 60)):
        p.send(t, "x" * R.randint(100, 2000))
    time.sleep(R.uniform(5, 7))
    p.disconnect()
    s.close()


def a_slow_queue():
    s = socket.create_connection((HOST, PORT))
    s.sendall(frame("CONNECT", {"accept-version": "1.1", "host": "localhost", "login": "bob", "passcode": "bobpw"}))
    time.sleep(0.2)
    s.recv(1024)
    q = f"/queue/orders.slow{R.randint(1, 3)}"
    s.sendall(frame("SUBSCRIBE", {"destination": q, "id": "1", "ack": "client", "activemq.prefetchSize": "1"}))
    p = connect()
    for i in range(R.randint(3, 8)):
        p.send(q, "work")
    time.sleep(R.uniform(5.5, 7))
    p.disconnect()
    s.close()


def a_heartbeat_timeout():
    s = socket.create_connection((HOST, PORT))
    s.sendall(frame("CONNECT", {"accept-version": "1.1", "host": "localhost", "login": "alice", "passcode": "alicepw",
                                "heart-beat": f"{R.choice([1000, 1500, 2000])},0"}))
    time.sleep(R.uniform(3, 5))
    s.close()


def a_garbage_stomp():
    data = R.choice([
        frame(f"FROB{R.randint(1, 99)}", {"x": "y"}),
        b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
        bytes(R.randrange(256) for _ in range(R.randint(5, 40))),
        frame("CONNECT", {"accept-version": "9.9", "host": "localhost", "login": "alice", "passcode": "alicepw"}),
        frame("SEND", {"destination": "/queue/orders.x"}, "before connect"),
    ])
    raw(PORT, data, wait=0.6)


def a_bad_frames():
    c_sock = socket.create_connection((HOST, PORT))
    c_sock.sendall(frame("CONNECT", {"accept-version": "1.2", "host": "localhost", "login": "bob", "passcode": "bobpw"}))
    time.sleep(0.2)
    c_sock.recv(1024)
    c_sock.sendall(R.choice([
        frame("SEND", {}, "no destination"),
        frame("SUBSCRIBE", {"destination": "/bogus/thing", "id": "3"}),
        frame("UNSUBSCRIBE", {"id": str(R.randint(10, 99))}),
        frame("ACK", {"id": f"ack-{R.randint(1, 99)}"}),
        frame("SEND", {"destination": f"/queue/orders.{word()}", "content-length": "9999"}, "short"),
        frame("SUBSCRIBE", {"destination": "/queue/orders.sel", "id": "4", "selector": "price >> 'x"}),
    ]))
    time.sleep(0.5)
    c_sock.close()


def a_abrupt():
    c = connect()
    c.subscribe(f"/queue/orders.{word()}", id=1)
    c.send(f"/topic/news.{word()}", "bye")
    time.sleep(0.3)
    # close the socket without DISCONNECT
    c.transport.socket.shutdown(socket.SHUT_RDWR)
    time.sleep(0.3)


def a_flood():
    socks = []
    for i in range(R.randint(26, 32)):
        try:
            s = socket.create_connection((HOST, PORT), timeout=2)
            s.sendall(frame("CONNECT", {"accept-version": "1.2", "host": "localhost", "login": "alice", "passcode": "alicepw"}))
            socks.append(s)
        except OSError:
            pass
    time.sleep(1)
    for s in socks:
        s.close()


def a_garbage_openwire():
    data = R.choice([
        b"\x00\x00\x00\x05\x7f\x01\x02\x03\x04",
        b"GARBAGE" + bytes(R.randrange(256) for _ in range(R.randint(10, 60))),
        b"\x00\x00\x00\xff\x01ActiveMQ\x00\x00\x00\x63",
    ])
    raw(OWPORT, data, wait=0.8)


def a_idle_openwire():
    # connect to the OpenWire port and say nothing: wire-format negotiation times out
    s = socket.create_connection((HOST, OWPORT))
    time.sleep(R.uniform(0.5, 2))
    s.close()


ACTIONS = {k[2:]: v for k, v in globals().items() if k.startswith("a_")}

if __name__ == "__main__":
    try:
        ACTIONS[sys.argv[1]]()
    except Exception as e:  # a refused client is part of the workload
        print(sys.argv[1], "failed:", repr(e)[:200])
