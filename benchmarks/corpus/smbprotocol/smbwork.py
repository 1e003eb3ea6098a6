# Randomised smbclient driver (no logging statements of its own; only a handler for the two loggers).
import logging, random, sys
import smbclient
from smbclient import ClientConfig

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
for name in ("smbprotocol", "smbclient"):
    lg = logging.getLogger(name)
    lg.setLevel(logging.DEBUG)
    lg.addHandler(h)

rng = random.Random(int(sys.argv[1]))
NOPS = int(sys.argv[2])
SRV = "127.0.0.1"
PORT = 46620
CREDS = {"alice": "alicepw1", "bob": "bobpw2"}
files = []


def kw(user=None, good=True):
    user = user or rng.choice(["alice"] * 7 + ["bob"])
    pw = CREDS.get(user, "x") if good else "wrong%d" % rng.randint(1, 99)
    return dict(username=user, password=pw, port=PORT, connection_timeout=2)


def p(share, *parts):
    return "\\\\%s\\%s" % (SRV, share) + "".join("\\" + x for x in parts)


def op_write(k):
    name = "f%02d.txt" % rng.randint(1, 30)
    share = rng.choice(["data"] * 8 + ["readonly", "private"])
    with smbclient.open_file(p(share, name), mode=rng.choice(["w", "a"]), **k) as f:
        f.write("line %d\n" % rng.randint(1, 9999) * rng.randint(1, 40))
    files.append((share, name))


def op_read(k):
    share, name = rng.choice(files) if files and rng.random() < 0.85 else ("data", "missing%d.txt" % rng.randint(1, 9))
    with smbclient.open_file(p(share, name), mode=rng.choice(["r", "rb"]), **k) as f:
        f.read()


def op_list(k):
    share = rng.choice(["data", "readonly", "private", "nosuchshare", "data\\sub%d" % rng.randint(1, 3)])
    if rng.random() < 0.5:
        smbclient.listdir(p(share), **k)
    else:
        for e in smbclient.scandir(p(share), **k):
            e.stat()


def op_stat(k):
    share, name = rng.choice(files) if files else ("data", "none.txt")
    smbclient.stat(p(share, name), **k)


def op_mkdir(k):
    d = "sub%d" % rng.randint(1, 3)
    if rng.random() < 0.6:
        smbclient.mkdir(p("data", d), **k)
    else:
        smbclient.rmdir(p("data", d), **k)


def op_remove(k):
    share, name = files.pop(rng.randrange(len(files))) if files and rng.random() < 0.7 else ("data", "ghost.txt")
    smbclient.remove(p(share, name), **k)


def op_rename(k):
    if files:
        share, name = files.pop(rng.randrange(len(files)))
        new = "r%02d.txt" % rng.randint(1, 30)
        smbclient.rename(p(share, name), p(share, new), **k)
        files.append((share, new))


def op_volume(k):
    smbclient.stat_volume(p(rng.choice(["data", "readonly"])), **k)


OPS = [(op_write, 24), (op_read, 20), (op_list, 12), (op_stat, 8), (op_mkdir, 5), (op_remove, 6), (op_rename, 4),
       (op_volume, 3)]

for i in range(NOPS):
    kind = rng.choices(["good", "badpw", "baduser", "reset", "delete"], [40, 2, 2, 2, 2])[0]
    try:
        if kind == "reset":
            smbclient.reset_connection_cache()
            continue
        if kind == "delete":
            smbclient.delete_session(SRV, port=PORT)
            continue
        if kind == "badpw":
            k = kw(good=False)
        elif kind == "baduser":
            k = kw(user="mallory")
        else:
            k = kw()
        if rng.random() < 0.3:
            smbclient.register_session(SRV, port=PORT, username=k["username"], password=k["password"],
                                       require_signing=rng.random() < 0.5, encrypt=rng.random() < 0.3)
        fn = rng.choices([o for o, w in OPS], [w for o, w in OPS])[0]
        fn(k)
    except Exception:
        pass
try:
    smbclient.reset_connection_cache(fail_on_error=False)
except Exception:
    pass
