#!/usr/bin/env python3
"""Random MQTT clients against the amqtt broker (workload helper)."""
import asyncio
import os
import random
import socket
import struct
import sys
import time

from amqtt.client import MQTTClient

TCP = int(sys.argv[1])
WS = int(sys.argv[2])
N = int(sys.argv[3])
R = random.Random()
USERS = [("alice", "alicepw"), ("bob", "bobpw"), ("admin", "adminpw"),
         ("alice", "wrong"), ("mallory", "x"), (None, None)]
TOPICS = ["sensors/temp", "sensors/hum/1", "chat/room1", "chat/room2", "alice/inbox", "bob/inbox",
          "prohibited", "$SYS/broker/uptime", "secret/stuff", "a/b/c"]
FILTERS = ["sensors/#", "chat/+", "chat/#", "#", "$SYS/#", "bob/#", "alice/+", "+/inbox",
           "secret/#", "bad/#/x", "a/+/c"]


def url(user, pw):
    cred = f"{user}:{pw}@" if user else ""
    return f"mqtt://{cred}127.0.0.1:{TCP}/"


async def session():
    user, pw = R.choice(USERS)
    cid = R.choice([None, f"dev{R.randint(1, 6)}", f"{user or 'anon'}-{R.randint(1, 3)}"])
    cfg = {"keep_alive": R.choice([2, 10, 60]), "auto_reconnect": False, "default_qos": R.choice([0, 1, 2])}
    if R.random() < 0.3:
        cfg["will"] = {"topic": R.choice(TOPICS), "message": "gone", "qos": R.choice([0, 1]), "retain": R.random() < 0.5}
    c = MQTTClient(client_id=cid, config=cfg)
    try:
        await asyncio.wait_for(c.connect(url(user, pw), cleansession=R.random() < 0.7), 10)
    except Exception:
        return
    try:
        for _ in range(R.randint(2, 12)):
            op = R.choice(["sub", "pub", "pub", "pub", "unsub", "recv", "ping"])
            if op == "sub":
                await asyncio.wait_for(c.subscribe([(R.choice(FILTERS), R.choice([0, 1, 2]))
                                                    for _ in range(R.randint(1, 3))]), 5)
            elif op == "pub":
                await asyncio.wait_for(c.publish(R.choice(TOPICS), os.urandom(R.randint(0, 30)).hex().encode(),
                                                 qos=R.choice([0, 1, 2]), retain=R.random() < 0.2), 5)
            elif op == "unsub":
                await asyncio.wait_for(c.unsubscribe([R.choice(FILTERS)]), 5)
            elif op == "recv":
                try:
                    await c.deliver_message(timeout_duration=0.5)
                except Exception:
                    pass
            elif op == "ping":
                await asyncio.wait_for(c.ping(), 5)
        if R.random() < 0.15:
            await asyncio.sleep(R.choice([1, 5]))
        if R.random() < 0.15:
            # vanish without DISCONNECT (will message / keep-alive)
            c.session.transitions.disconnect() if False else None
            await c.cancel_tasks()
            return
    except Exception:
        pass
    try:
        await asyncio.wait_for(c.disconnect(), 5)
    except Exception:
        pass


def mstr(s):
    b = s.encode()
    return struct.pack("!H", len(b)) + b


def rlen(n):
    out = b""
    while True:
        d = n % 128
        n //= 128
        out += bytes([d | (0x80 if n else 0)])
        if not n:
            return out


def connect_pkt(proto="MQTT", level=4, flags=0x02, cid="raw", user=None, pw=None, ka=30):
    if user:
        flags |= 0x80
    if pw:
        flags |= 0x40
    body = mstr(proto) + bytes([level, flags]) + struct.pack("!H", ka) + mstr(cid)
    if user:
        body += mstr(user)
    if pw:
        body += mstr(pw)
    return b"\x10" + rlen(len(body)) + body


def raw():
    s = socket.create_connection(("127.0.0.1", TCP), timeout=5)
    kind = R.choice(["junk", "badproto", "badlevel", "pubfirst", "idle", "badflags", "huge", "emptyid",
                     "half", "http", "dupconnect", "reserved", "kaidle", "kaidle"])
    try:
        if kind == "junk":
            s.sendall(bytes(R.randint(0, 255) for _ in range(R.randint(1, 40))))
        elif kind == "badproto":
            s.sendall(connect_pkt(proto="MQIsdpX", user="alice", pw="alicepw"))
        elif kind == "badlevel":
            s.sendall(connect_pkt(level=R.choice([2, 5, 9]), user="alice", pw="alicepw"))
        elif kind == "pubfirst":
            s.sendall(b"\x30" + rlen(7) + mstr("a/b") + b"xx")
        elif kind == "idle":
            time.sleep(R.choice([1, 4]))
        elif kind == "badflags":
            s.sendall(connect_pkt(flags=0x01, user="bob", pw="bobpw"))
        elif kind == "huge":
            s.sendall(b"\x10\xff\xff\xff\xff\x7f")
        elif kind == "emptyid":
            s.sendall(connect_pkt(cid="", flags=R.choice([0x00, 0x02]), user="bob", pw="bobpw"))
        elif kind == "half":
            p = connect_pkt(user="alice", pw="alicepw")
            s.sendall(p[:len(p) // 2])
            time.sleep(1)
        elif kind == "http":
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        elif kind == "dupconnect":
            s.sendall(connect_pkt(user="admin", pw="adminpw", cid="dup"))
            time.sleep(0.3)
            s.sendall(connect_pkt(user="admin", pw="adminpw", cid="dup"))
        elif kind == "kaidle":
            # keep-alive of 1 s, then silence: the broker times the client out
            s.sendall(connect_pkt(user="alice", pw="alicepw", cid="sleepy%d" % R.randint(1, 3), ka=1))
            time.sleep(3)
        elif kind == "reserved":
            s.sendall(connect_pkt(user="admin", pw="adminpw", cid="rsv"))
            time.sleep(0.3)
            s.sendall(bytes([R.choice([0x00, 0xf0, 0x62, 0x82])]) + b"\x02\x00\x01")
        time.sleep(0.5)
        s.recv(100)
    except OSError:
        pass
    s.close()


async def main():
    for _ in range(N):
        if R.random() < 0.78:
            await session()
        else:
            await asyncio.get_running_loop().run_in_executor(None, raw)


asyncio.run(main())
