import logging, random, sys, time, os
import paho.mqtt.client as mqtt
from paho.mqtt.properties import Properties
from paho.mqtt.packettypes import PacketTypes

logging.basicConfig(filename=sys.argv[1], level=logging.DEBUG,
                    format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
mode = sys.argv[2]
seed = int(sys.argv[3])
R = random.Random(seed)
H = "127.0.0.1"
TOPICS = ["sensors/temp", "sensors/hum", "home/+/light", "alerts/#", "cfg/device%d" % R.randint(1, 9), "wills/dev"]

def mk(name, proto=None, clean=True):
    proto = proto or R.choice([mqtt.MQTTv311, mqtt.MQTTv5, mqtt.MQTTv31])
    cid = "" if (proto == mqtt.MQTTv5 and R.random() < 0.2) else "%s-%d" % (name, R.randint(100, 9999))
    kw = {}
    if proto != mqtt.MQTTv5:
        kw["clean_session"] = clean
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=cid, protocol=proto, **kw)
    c.enable_logger(logging.getLogger("paho." + name))
    return c, proto

def props(proto, kind):
    if proto != mqtt.MQTTv5 or R.random() < 0.5:
        return None
    p = Properties(kind)
    if kind == PacketTypes.PUBLISH:
        p.MessageExpiryInterval = R.randint(10, 600)
        if R.random() < 0.5:
            p.ContentType = "application/json"
    elif kind == PacketTypes.CONNECT:
        p.SessionExpiryInterval = R.randint(0, 120)
    elif kind == PacketTypes.SUBSCRIBE:
        p.SubscriptionIdentifier = R.randint(1, 100)
    elif kind == PacketTypes.UNSUBSCRIBE:
        p.UserProperty = ("reason", "done")
    return p

def pump(c, secs):
    end = time.time() + secs
    while time.time() < end:
        if c.loop(timeout=0.05) != mqtt.MQTT_ERR_SUCCESS:
            break

def normal(port=49500, user=None, pw=None):
    c, proto = mk(R.choice(["pub", "sub", "dev", "app"]))
    if user:
        c.username_pw_set(user, pw)
    if R.random() < 0.3:
        qos = R.randint(0, 2)
        c.will_set("wills/dev", payload=R.choice([None, b"gone", b"offline" * R.randint(1, 5)]), qos=qos, retain=R.random() < 0.5)
    try:
        c.connect(H, port, keepalive=R.choice([5, 10, 30, 60]), clean_start=R.choice([True, False, mqtt.MQTT_CLEAN_START_FIRST_ONLY]) if proto == mqtt.MQTTv5 else mqtt.MQTT_CLEAN_START_FIRST_ONLY, properties=props(proto, PacketTypes.CONNECT))
    except OSError:
        return
    pump(c, 0.3)
    subs = R.sample(TOPICS, R.randint(0, 4))
    if subs:
        if R.random() < 0.5:
            c.subscribe([(t, R.randint(0, 2)) for t in subs], properties=props(proto, PacketTypes.SUBSCRIBE))
        else:
            for t in subs:
                c.subscribe(t, R.randint(0, 2), properties=props(proto, PacketTypes.SUBSCRIBE))
        pump(c, 0.2)
    for i in range(int(R.expovariate(1 / 4))):
        t = R.choice(["sensors/temp", "sensors/hum", "home/kitchen/light", "alerts/fire", "alerts/x/y", "misc/%d" % R.randint(1, 50)])
        pl = R.choice([None, b"", b"21.5", b'{"v": %d}' % R.randint(0, 1000), os.urandom(R.randint(1, 300))])
        c.publish(t, pl, qos=R.choice([0, 0, 1, 1, 2]), retain=R.random() < 0.15, properties=props(proto, PacketTypes.PUBLISH))
        pump(c, R.uniform(0.05, 0.3))
    if subs and R.random() < 0.5:
        u = R.sample(subs, R.randint(1, len(subs)))
        c.unsubscribe(u if len(u) > 1 else u[0], properties=props(proto, PacketTypes.UNSUBSCRIBE))
        pump(c, 0.2)
    pump(c, R.uniform(0.1, 1.0))
    r = R.random()
    if r < 0.65:
        if proto == mqtt.MQTTv5 and R.random() < 0.4:
            c.disconnect(reasoncode=mqtt.ReasonCode(PacketTypes.DISCONNECT, "Disconnect with will message"))
        else:
            c.disconnect()
        pump(c, 0.2)
        if R.random() < 0.3:
            c.loop(timeout=0.05)
    else:
        # drop the connection without DISCONNECT (will gets sent)
        try:
            c.socket().close()
        except Exception:
            pass
        pump(c, 0.2)

def badauth():
    normal(49501, R.choice(["bob", "alice", "mallory", None]), R.choice(["wrong", "secret", "", "x" * 8]))

def goodauth():
    normal(49501, "alice", "secret")

def refused():
    c, proto = mk("lost")
    try:
        c.connect(H, 49502, keepalive=10)
    except OSError:
        pass

def longrun(secs):
    # long-lived clients, reconnecting through broker stops
    cs = []
    for i in range(R.randint(2, 3)):
        c, proto = mk("live%d" % i, clean=False)
        c.reconnect_delay_set(1, 4)
        if R.random() < 0.5 and i == 0:
            c.username_pw_set("alice", "secret")
            port = 49501
        else:
            port = 49500
        if i == 0 and R.random() < 0.5:
            c.will_set("wills/dev", b"live gone", qos=1)
        def on_connect(cl, ud, flags, rc, p, _cl=None):
            if not rc.is_failure:
                cl.subscribe([("sensors/#", R.randint(0, 2)), ("wills/dev", 1), ("alerts/#", R.randint(0, 2))])
        c.on_connect = on_connect
        c.connect_async(H, port, keepalive=R.choice([2, 3, 5]))
        c.loop_start()
        cs.append(c)
    end = time.time() + secs
    while time.time() < end:
        time.sleep(R.uniform(0.2, 2.0))
        c = R.choice(cs)
        if c.is_connected():
            c.publish(R.choice(["sensors/live", "alerts/live", "misc/live"]), b"tick %d" % R.randint(0, 99), qos=R.randint(0, 2), retain=R.random() < 0.1)
    for c in cs:
        c.disconnect()
        c.loop_stop()

if mode == "burst":
    n = int(sys.argv[4])
    for i in range(n):
        r = R.random()
        if r < 0.65:
            normal()
        elif r < 0.77:
            badauth()
        elif r < 0.9:
            goodauth()
        else:
            refused()
elif mode == "live":
    longrun(float(sys.argv[4]))
