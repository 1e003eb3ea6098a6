"""Randomised Mumble clients for the round-10 murmurd workload (run by workload.sh in its venv).

Usage: clients.py SECONDS SERVER_PORT SERVER2_PORT ICE_PORT ICE_SECRET SUPERUSER_PW CERT_DIR [setup|bounce]
Mixes pymumble clients (joins, moves, channel creation, text, registration, kicks and bans done
by SuperUser), raw TLS/TCP garbage and idle connections, and Ice administration (channels, users,
bans, a second virtual server with a password, server stop/start, configuration changes).
"""
import random
import socket
import hashlib
import os
import ssl
import sys
import threading
import time

import Ice
import pymumble_py3 as pm
import pymumble_py3.mumble as pmm

SECONDS, PORT, PORT2, ICE_PORT = (int(a) for a in sys.argv[1:5])
SECRET, SUPW, CERTS = sys.argv[5:8]
WORKERS = 4
HOST = "127.0.0.1"
END = time.time() + SECONDS

NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
         "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"]
REGISTERED = ["reg_anna", "reg_boris", "reg_chen", "reg_dora"]   # have client certificates in CERTS
CHANNELS = ["Lobby", "Games", "Music", "AFK", "Dev", "Ops", "Raid", "Quiet", "Support", "Radio"]
APPS = ["PyMumble 1.6.1", "Mumble 1.3.4", "Mumble 1.2.19", "Plumble 3.3", "Mumla 3.6.2", "MumbleKit 1.0"]
OSES = [("Linux", "Debian 12"), ("Win", "10.0.19045"), ("OSX", "13.4"), ("Android", "14"), ("iOS", "17.2")]

# ---------------------------------------------------------------- Ice
props = Ice.createProperties()
props.setProperty("Ice.ImplicitContext", "Shared")
props.setProperty("Ice.Default.Timeout", "5000")
props.setProperty("Ice.Default.InvocationTimeout", "8000")
init = Ice.InitializationData()
init.properties = props
ic = Ice.initialize(init)
ic.getImplicitContext().put("secret", SECRET)
Ice.loadSlice("", ["-I/usr/share/ice/slice", "/usr/share/slice/Murmur.ice"])
import Murmur  # noqa: E402

meta = Murmur.MetaPrx.checkedCast(ic.stringToProxy("Meta:tcp -h %s -p %d" % (HOST, ICE_PORT)))


def server(n=1):
    return meta.getServer(n)


def ensure_server2():
    s = None
    for srv in meta.getAllServers():
        if srv.id() == 2:
            s = srv
    if s is None:
        s = meta.newServer()
        s.setConf("port", str(PORT2))
        s.setConf("host", HOST)
        s.setConf("password", "s3cret-%d" % random.randint(1, 99))
        s.setConf("users", "4")
        s.setConf("bonjour", "false")
    if not s.isRunning():
        s.start()
    return s


def rname(pool=NAMES):
    return "%s%d" % (random.choice(pool), random.randint(1, 99))


# ---------------------------------------------------------------- pymumble clients
def client(name, port=PORT, password="", cert=None, wait=6, tokens=None):
    """Connect a pymumble client; returns it when ready, None when rejected or timed out."""
    pmm.PYMUMBLE_PROTOCOL_VERSION = random.choice([(1, 2, 4), (1, 3, 0), (1, 2, 19), (1, 3, 4)])
    osname, osver = random.choice(OSES)
    pmm.PYMUMBLE_OS_STRING = osname
    pmm.PYMUMBLE_OS_VERSION_STRING = osver
    kw = {}
    if cert:
        kw = {"certfile": "%s/%s.crt" % (CERTS, cert), "keyfile": "%s/%s.key" % (CERTS, cert)}
    m = pm.Mumble(HOST, name, port=port, password=password, reconnect=False, tokens=tokens or [], **kw)
    m.set_application_string(random.choice(APPS))
    m.daemon = True
    m.start()
    if not m.ready_lock.acquire(timeout=wait):
        close(m)
        return None
    m.ready_lock.release()
    if m.connected != pm.constants.PYMUMBLE_CONN_STATE_CONNECTED:
        close(m)
        return None
    time.sleep(0.3)
    return m


def close(m):
    try:
        m.stop()
    except Exception:
        pass


RESIDENTS = []          # clients that stay a while, targets for moves, kicks and bans
LOCK = threading.Lock()


def superuser():
    return client("SuperUser", password=SUPW)


def unban_localhost(delay):
    time.sleep(delay)
    try:
        s = server(1)
        s.setBans([b for b in s.getBans() if list(b.address)[-4:] != [127, 0, 0, 1]])
    except Exception:
        pass


def channel_ids(m):
    return [c for c in m.channels if c != 0]


def act_join_leave():
    m = client(rname())
    if not m:
        return
    for _ in range(random.randint(0, 3)):
        r = random.random()
        ids = list(m.channels.keys())
        if r < 0.4 and ids:
            m.users.myself.move_in(random.choice(ids))
        elif r < 0.6:
            m.users.myself.comment("status %d" % random.randint(1, 9999))
        elif r < 0.8:
            m.my_channel().send_text_message("hello %d from %s" % (random.randint(1, 999), m.user))
        else:
            random.choice([m.users.myself.mute, m.users.myself.deafen, m.users.myself.unmute,
                           m.users.myself.recording, m.users.myself.unrecording])()
        time.sleep(random.uniform(0.2, 1.0))
    time.sleep(random.uniform(0.2, 2))
    if random.random() < 0.3:
        with LOCK:
            RESIDENTS.append(m)
        return
    close(m)


def act_make_channel_as_user():
    m = client(rname())
    if not m:
        return
    m.channels.new_channel(0, "%s-%d" % (random.choice(CHANNELS), random.randint(1, 99)), temporary=random.random() < 0.5)
    time.sleep(1)
    close(m)


def act_superuser():
    su = superuser()
    if not su:
        return
    try:
        for _ in range(random.randint(1, 4)):
            r = random.random()
            ids = channel_ids(su)
            others = [s for s, u in su.users.items() if s != su.users.myself_session]
            if r < 0.25:
                parent = random.choice([0] + ids)
                su.channels.new_channel(parent, "%s-%d" % (random.choice(CHANNELS), random.randint(1, 999)))
            elif r < 0.35 and ids:
                su.channels[random.choice(ids)].rename_channel("%s-%d" % (random.choice(CHANNELS), random.randint(1, 999)))
            elif r < 0.45 and ids:
                su.channels.remove_channel(random.choice(ids))
            elif r < 0.6 and others:
                target = random.choice(others)
                su.users[target].move_in(random.choice([0] + ids))
            elif r < 0.7 and others:
                random.choice([su.users[random.choice(others)].mute, su.users[random.choice(others)].deafen,
                               su.users[random.choice(others)].unmute])()
            elif r < 0.8 and others:
                su.users[random.choice(others)].kick("behave %d" % random.randint(1, 99))
            elif r < 0.85 and others:
                su.users[random.choice(others)].ban("spam %d" % random.randint(1, 99))
                # the kickban banned 127.0.0.1 (every client): lift it again after a few seconds
                threading.Thread(target=unban_localhost, args=(random.uniform(1, 4),), daemon=True).start()
            elif r < 0.93 and len(ids) >= 2:
                a, b = random.sample(ids, 2)
                su.channels[a].move_channel(b)
            else:
                su.users.myself.move_in(random.choice([0] + ids))
            time.sleep(random.uniform(0.3, 1.0))
    except Exception:
        pass
    time.sleep(0.5)
    close(su)


def act_superuser_raw():
    """SuperUser edits the ban list, an ACL and the registered users with raw protocol messages."""
    su = superuser()
    if not su:
        return
    pb = pm.mumble_pb2
    try:
        for _ in range(random.randint(1, 3)):
            r = random.random()
            if r < 0.4:
                bl = pb.BanList()
                for _ in range(random.randint(0, 3)):
                    e = bl.bans.add()
                    e.address = bytes([0] * 10 + [255, 255, 10, random.randint(0, 255), random.randint(0, 255), random.randint(1, 254)])
                    e.mask = random.choice([128, 120, 112])
                    e.name = rname()
                    e.hash = ""
                    e.reason = "manual ban %d" % random.randint(1, 99)
                    e.start = time.strftime("%Y-%m-%dT%H:%M:%S")
                    e.duration = random.choice([0, 300, 86400])
                su.send_message(pm.constants.PYMUMBLE_MSG_TYPES_BANLIST, bl)
            elif r < 0.65:
                ids = channel_ids(su)
                if ids:
                    a = pb.ACL()
                    a.channel_id = random.choice(ids)
                    a.inherit_acls = random.random() < 0.7
                    g = a.groups.add()
                    g.name = random.choice(["admin", "mods", "friends"])
                    c = a.acls.add()
                    c.group = random.choice(["all", "auth", "admin"])
                    c.grant = random.choice([0x1 | 0x4 | 0x8, 0x40, 0x400])
                    c.deny = random.choice([0, 0x80])
                    su.send_message(pm.constants.PYMUMBLE_MSG_TYPES_ACL, a)
            else:
                regs = [u for u in server(1).getRegisteredUsers("").keys() if u > 0]
                if regs:
                    ul = pb.UserList()
                    u = ul.users.add()
                    u.user_id = random.choice(regs)
                    q = random.random()
                    if q < 0.5:
                        u.name = rname(["member", "renamed"])
                    elif q < 0.7:
                        u.name = "bad name %d" % random.randint(1, 99)
                    su.send_message(pm.constants.PYMUMBLE_MSG_TYPES_USERLIST, ul)
            time.sleep(random.uniform(0.3, 0.8))
    except Exception:
        pass
    time.sleep(0.5)
    close(su)


def act_wrong_password_server2():
    ensure_server2()
    pw = random.choice(["", "wrong%d" % random.randint(1, 999), "s3cret"])
    m = client(rname(), port=PORT2, password=pw, wait=4)
    if m:
        time.sleep(random.uniform(0.3, 1))
        close(m)


def act_server2_good():
    s = ensure_server2()
    m = client(rname(), port=PORT2, password=s.getConf("password"), wait=4)
    if m:
        time.sleep(random.uniform(0.3, 2))
        close(m)


def act_registered_user():
    who = random.choice(REGISTERED)
    r = random.random()
    if r < 0.6:
        m = client(who, cert=who)                  # right certificate
    elif r < 0.8:
        m = client(who, password="guess%d" % random.randint(1, 99))   # no certificate, wrong password
    else:
        m = client(who, cert=random.choice([c for c in REGISTERED if c != who]))  # someone else's cert
    if m:
        if random.random() < 0.5:
            m.users.myself.register()
        time.sleep(random.uniform(0.5, 2))
        close(m)


def act_self_register():
    who = random.choice(REGISTERED)
    m = client(who + "_new%d" % random.randint(1, 9), cert=who)
    if m:
        m.users.myself.register()
        time.sleep(1)
        close(m)


def act_bad_username():
    name = random.choice(["bad name %d" % random.randint(1, 99), "", "x" * random.randint(130, 200),
                          "semi;colon%d" % random.randint(1, 99), "tab\there"])
    m = client(name, wait=4)
    if m:
        close(m)


def act_duplicate_name():
    with LOCK:
        res = list(RESIDENTS)
    if not res:
        return
    m = client(random.choice(res).user, wait=4)
    if m:
        close(m)


def act_residents_leave():
    with LOCK:
        random.shuffle(RESIDENTS)
        n = random.randint(1, max(1, len(RESIDENTS)))
        leaving, RESIDENTS[:] = RESIDENTS[:n], RESIDENTS[n:]
    for m in leaving:
        close(m)
        time.sleep(0.2)


def act_garbage():
    r = random.random()
    try:
        s = socket.create_connection((HOST, random.choice([PORT, PORT, PORT2])), timeout=3)
        if r < 0.35:
            s.sendall(b"GET / HTTP/1.0\r\nHost: x%d\r\n\r\n" % random.randint(1, 99))
        elif r < 0.6:
            s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(5, 300))))
        elif r < 0.8:                               # TLS, then nothing (idle until the server times out)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            t = ctx.wrap_socket(s)
            t.sendall(b"\x00\x00\x00\x00\x00\x02\x08\x01")   # a Version message, then silence
            threading.Thread(target=lambda: (time.sleep(40), t.close()), daemon=True).start()
            return
        else:                                       # TLS, then a bogus message type and length
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            t = ctx.wrap_socket(s)
            t.sendall(b"\x00\x63" + b"\x7f\xff\xff\xff" + b"junk")
            time.sleep(1)
            t.close()
            return
        time.sleep(0.5)
        s.close()
    except Exception:
        pass


def act_flood():
    """Many quick connections: server full and, with enough attempts, an autoban."""
    ms = []
    for i in range(random.randint(10, 32)):
        m = client(rname(), wait=3)
        if m:
            ms.append(m)
    time.sleep(1)
    for m in ms:
        close(m)


def act_ice():
    s = server(1)
    r = random.random()
    try:
        if r < 0.15:
            s.addChannel("%s-%d" % (random.choice(CHANNELS), random.randint(1, 999)), random.choice(list(s.getChannels().keys())))
        elif r < 0.25:
            ids = [c for c in s.getChannels().keys() if c != 0]
            if ids:
                s.removeChannel(random.choice(ids))
        elif r < 0.35:
            users = s.getUsers()
            if users:
                s.kickUser(random.choice(list(users.keys())), "ice kick %d" % random.randint(1, 99))
        elif r < 0.45:
            name = rname(["ice_user", "guest", "member"])
            uid = s.registerUser({Murmur.UserInfo.UserName: name, Murmur.UserInfo.UserPassword: "pw%d" % random.randint(1, 99)})
            if random.random() < 0.5:
                s.updateRegistration(uid, {Murmur.UserInfo.UserName: name + "_renamed"})
        elif r < 0.52:
            regs = [u for u in s.getRegisteredUsers("").keys() if u > 0]
            if regs:
                s.unregisterUser(random.choice(regs))
        elif r < 0.62:
            bans = list(s.getBans())
            if bans and random.random() < 0.5:
                bans.pop(random.randrange(len(bans)))
            else:
                b = Murmur.Ban()
                b.address = [0] * 10 + [255, 255] + [10, random.randint(0, 255), random.randint(0, 255), random.randint(1, 254)]
                b.bits = 128
                b.name = rname()
                b.hash = ""
                b.reason = "ice ban %d" % random.randint(1, 99)
                b.start = int(time.time())
                b.duration = random.choice([0, 60, 3600])
                bans.append(b)
            s.setBans(bans)
        elif r < 0.7:
            users = s.getUsers()
            if users:
                st = users[random.choice(list(users.keys()))]
                st.mute = not st.mute
                st.deaf = random.random() < 0.3
                s.setState(st)
        elif r < 0.78:
            s.setConf("welcometext", "Welcome #%d" % random.randint(1, 999))
            s.setConf("textmessagelength", str(random.choice([100, 500, 5000])))
        elif r < 0.86:
            s2 = ensure_server2()
            s2.stop()
            time.sleep(0.5)
            s2.setConf("password", "s3cret-%d" % random.randint(1, 99))
            s2.start()
        elif r < 0.92:
            users = s.getUsers()
            if users:
                u = users[random.choice(list(users.keys()))]
                s.sendMessage(u.session, "ice says %d" % random.randint(1, 99))
        else:
            s.verifyPassword(random.choice(REGISTERED + ["nobody"]), "pw%d" % random.randint(1, 9))
    except Exception:
        pass


def cert_hash(who):
    with open("%s/%s.crt" % (CERTS, who)) as f:
        return hashlib.sha1(ssl.PEM_cert_to_DER_cert(f.read())).hexdigest()


def act_cert_ban():
    """Ban a registered user's certificate hash through Ice (for a short time), then let it try."""
    s = server(1)
    who = random.choice(REGISTERED)
    b = Murmur.Ban()
    b.address = [0] * 10 + [255, 255] + [10, 9, 9, random.randint(1, 254)]
    b.bits = 128
    b.name = who
    b.hash = cert_hash(who)
    b.reason = "cert ban %d" % random.randint(1, 99)
    b.start = int(time.time())
    b.duration = random.choice([5, 10, 20])
    s.setBans(list(s.getBans()) + [b])
    time.sleep(0.5)
    m = client(who, cert=who, wait=4)
    if m:
        close(m)


def setup():
    """Register the certificate users and a few permanent channels."""
    s = server(1)
    for who in REGISTERED:
        m = client(who, cert=who)
        if m:
            m.users.myself.register()
            time.sleep(1)
            close(m)
    for name in random.sample(CHANNELS, 4):
        s.addChannel(name, 0)


def bounce():
    """Stop and start virtual server 1 through Ice."""
    s = server(1)
    s.stop()
    time.sleep(2)
    s.start()


ACTIONS = [(act_join_leave, 30), (act_superuser, 12), (act_registered_user, 10), (act_self_register, 3),
           (act_wrong_password_server2, 6), (act_server2_good, 4), (act_bad_username, 5),
           (act_duplicate_name, 4), (act_residents_leave, 6), (act_garbage, 7), (act_flood, 2),
           (act_ice, 14), (act_make_channel_as_user, 4), (act_cert_ban, 2),
           (act_superuser_raw, 5)]
FUNCS = [a for a, w in ACTIONS for _ in range(w)]

MODE = sys.argv[8] if len(sys.argv) > 8 else "run"
if MODE == "setup":
    setup()
elif MODE == "bounce":
    bounce()


def worker():
    while time.time() < END:
        f = random.choice(FUNCS)
        try:
            f()
        except Exception as e:
            print("action %s failed: %r" % (f.__name__, e), file=sys.stderr)
        time.sleep(random.uniform(0.1, 0.8))


if MODE == "run":
    workers = [threading.Thread(target=worker, daemon=True) for _ in range(WORKERS)]
    for t in workers:
        t.start()
        time.sleep(random.uniform(0.5, 1.5))
    for t in workers:
        t.join(timeout=max(1, END + 10 - time.time()))   # a worker stuck in a call is abandoned

act_residents_leave()
with LOCK:
    for m in RESIDENTS:
        close(m)
time.sleep(1)
os._exit(0)   # do not wait for abandoned threads or pending Ice calls
