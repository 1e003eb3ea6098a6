#!/usr/bin/env python3
"""Randomised MQTT client workload for the aedes broker (tcp PORT, ws WSPORT)."""
import random, socket, struct, sys, time, threading
import paho.mqtt.client as mqtt

HOST = "127.0.0.1"
PORT = int(sys.argv[1]); WSPORT = int(sys.argv[2]); ROUNDS = int(sys.argv[3])
USERS = {"alice": "secret1", "bob": "hunter2", "carol": "pa55"}
TOPICS = ["sensors/temp", "sensors/hum/room1", "sensors/door", "home/light", "alerts/fire",
          "sensors/power/meter", "chat/general", "data/raw"]
WORDS = ["on", "off", "21.5", "42", "open", "closed", "ok", "warn", "hello", "ping", "{\"v\":1}"]

def cid():
    return random.choice(["dev", "node", "cli", "ws", "sensor", "pump"]) + "-" + "".join(random.choice("abcdef0123456789") for _ in range(random.randint(3, 8)))

def client(transport="tcp", user=None, pw=None, keepalive=60, proto=mqtt.MQTTv311, clean=True, ident=None):
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=ident or cid(), transport=transport,
                    protocol=proto, clean_session=clean)
    if user:
        c.username_pw_set(user, pw)
    try:
        c.connect(HOST, WSPORT if transport == "websockets" else PORT, keepalive=keepalive)
    except Exception:
        return None
    c.loop_start()
    return c

def close(c, hard=False):
    if c is None:
        return
    time.sleep(random.uniform(0.05, 0.4))
    if hard:
        try:
            c.socket().close()
        except Exception:
            pass
    else:
        c.disconnect()
    c.loop_stop()

def good_session():
    u = random.choice(list(USERS))
    c = client(random.choice(["tcp", "tcp", "tcp", "websockets"]), u, USERS[u], keepalive=random.choice([5, 30, 60]))
    if c is None:
        return
    time.sleep(0.1)
    subs = random.sample(TOPICS + ["sensors/#", "home/+", "#"], random.randint(1, 2))
    c.subscribe([(t, random.randint(0, 2)) for t in subs])
    for _ in range(random.randint(0, 6)):
        t = random.choice(["sensors/temp", "sensors/hum/room1", "sensors/door", "sensors/power/meter"])
        payload = random.choice(WORDS)
        if random.random() < 0.05:
            payload += "\n" + random.choice(WORDS)
        c.publish(t, payload, qos=random.choice([0, 0, 1, 1, 2]), retain=random.random() < 0.1)
        time.sleep(random.uniform(0.01, 0.2))
    if random.random() < 0.5:
        c.unsubscribe(random.sample(subs, random.randint(1, len(subs))))
    if random.random() < 0.2:
        time.sleep(random.uniform(5.5, 7))   # let a PINGREQ go by (keepalive 5)
    close(c, hard=random.random() < 0.2)

def bad_auth():
    u = random.choice(["alice", "mallory", "bob", "eve"])
    c = client("tcp", u, "wrong" + str(random.randint(0, 99)))
    time.sleep(0.3)
    close(c)

def anonymous():
    c = client(random.choice(["tcp", "websockets"]))
    time.sleep(0.3)
    close(c)

def forbidden():
    u = random.choice(list(USERS))
    c = client("tcp", u, USERS[u])
    if c is None:
        return
    time.sleep(0.1)
    if random.random() < 0.5:
        c.publish(random.choice(["alerts/fire", "chat/general", "$SYS/hack", "data/raw"]), "x", qos=random.randint(0, 1))
    else:
        c.subscribe(random.choice(["alerts/#", "chat/general", "data/raw"]))
    time.sleep(0.3)
    close(c)

def badtopic():
    # paho refuses bad filters, so send the SUBSCRIBE by hand
    topic = random.choice([b"sensors/#/x", b"sensors/a+", b"a/" * 130 + b"b", b"", b"$SYS/#"])
    body = struct.pack("!H", random.randint(1, 999)) + enc_str(topic) + bytes([random.randint(0, 1)])
    raw(connect_pkt(b"bad" + str(random.randint(0, 99)).encode(), b"alice", b"secret1") + bytes([0x82, len(body)]) + body)
    if random.random() < 0.5:
        # PUBLISH with a wildcard or to $SYS
        t = random.choice([b"sensors/+/x", b"$SYS/fake", b"sensors/#"])
        pub = enc_str(t) + b"payload"
        raw(connect_pkt(b"badp" + str(random.randint(0, 99)).encode(), b"alice", b"secret1") + bytes([0x30, len(pub)]) + pub)

def raw(data, wait=0.3):
    s = socket.create_connection((HOST, PORT))
    s.sendall(data)
    time.sleep(wait)
    s.close()

def enc_str(b):
    return struct.pack("!H", len(b)) + b

def connect_pkt(ident, user=None, pw=None, keepalive=60, proto=b"MQTT", level=4):
    flags = 0x02
    payload = enc_str(ident)
    if user is not None:
        flags |= 0x80; payload += b""
    if pw is not None:
        flags |= 0x40
    if user is not None:
        payload += enc_str(user)
    if pw is not None:
        payload += enc_str(pw)
    var = enc_str(proto) + bytes([level, flags]) + struct.pack("!H", keepalive)
    body = var + payload
    return bytes([0x10, len(body)]) + body

def garbage():
    kind = random.choice(["junk", "proto", "nosub", "longid", "half", "silent", "keepalive", "dup"])
    if kind == "junk":
        raw(bytes(random.getrandbits(8) for _ in range(random.randint(4, 30))))
    elif kind == "proto":
        raw(connect_pkt(b"x1", proto=b"MQTX", level=4))
    elif kind == "nosub":
        raw(connect_pkt(b"raw" + str(random.randint(0, 99)).encode(), b"alice", b"secret1") + bytes([0x82, 0x02, 0x00, 0x01]))
    elif kind == "longid":
        raw(connect_pkt(b"averyveryverylongclientidentifier" + str(random.randint(0, 9)).encode(), proto=b"MQIsdp", level=3))
    elif kind == "half":
        raw(bytes([0x10, 0x30]) + b"\x00\x04MQ", wait=0.1)
    elif kind == "silent":
        s = socket.create_connection((HOST, PORT)); time.sleep(random.uniform(3.3, 4)); s.close()
    elif kind == "keepalive":
        s = socket.create_connection((HOST, PORT))
        s.sendall(connect_pkt(b"sleepy" + str(random.randint(0, 99)).encode(), b"bob", b"hunter2", keepalive=1))
        time.sleep(2.5); s.close()
    elif kind == "dup":
        ident = "dup-" + str(random.randint(0, 9))
        a = client("tcp", "bob", "hunter2", ident=ident)
        time.sleep(0.2)
        b = client("tcp", "bob", "hunter2", ident=ident)
        time.sleep(0.3)
        close(b); close(a)

ACTIONS = [(good_session, 40), (bad_auth, 8), (anonymous, 4), (forbidden, 7), (badtopic, 3), (garbage, 9)]
for _ in range(ROUNDS):
    f = random.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
    try:
        if random.random() < 0.3:
            ts = [threading.Thread(target=f) for _ in range(random.randint(2, 4))]
            [t.start() for t in ts]; [t.join() for t in ts]
        else:
            f()
    except Exception as e:
        print("client error", e, file=sys.stderr)
    time.sleep(random.uniform(0, 0.3))
