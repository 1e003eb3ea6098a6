#!/usr/bin/env python3
"""ZooKeeper clients for the round-11 workload (kazoo in a private venv, plus raw sockets).

  zkclients.py ACTION HOST:PORT[,HOST:PORT...]

ACTION: crud | errors | ephemeral_crash | watches | acl | multi | garbage | bigpacket | fakesession
        | flood | fourlw | quota | reconfig | slow_reader | hold
Every action is short and bounded in time; values (paths, sizes, counts) are random.
"""
import os
import random
import socket
import struct
import sys
import time

from kazoo.client import KazooClient
from kazoo.exceptions import KazooException, ZookeeperError
from kazoo.security import make_digest_acl

R = random.Random()
WORDS = ["orders", "users", "locks", "config", "leases", "queue", "jobs", "shards", "tenants", "flags"]


def client(hosts, **kw):
    kw.setdefault("timeout", R.choice([4.0, 6.0, 10.0, 15.0]))
    zk = KazooClient(hosts=hosts, randomize_hosts=True, **kw)
    zk.start(timeout=8)
    return zk


def rnd_path(root="/app"):
    return "%s/%s/%s-%d" % (root, R.choice(WORDS), R.choice(WORDS), R.randint(0, 999))


def quiet(f, *a, **kw):
    try:
        return f(*a, **kw)
    except (KazooException, ZookeeperError, ValueError) as e:
        print(type(e).__name__, e)


def crud(hosts):
    zk = client(hosts)
    for _ in range(R.randint(2, 8)):
        p = rnd_path()
        quiet(zk.create, p, os.urandom(R.randint(0, 2000)), makepath=True, sequence=R.random() < 0.3)
        quiet(zk.set, p, b"v=%d" % R.randint(0, 10**6))
        quiet(zk.get, p)
        quiet(zk.get_children, os.path.dirname(p))
        if R.random() < 0.5:
            quiet(zk.delete, p)
    if R.random() < 0.3:
        quiet(zk.delete, "/app/%s" % R.choice(WORDS), recursive=True)
    zk.stop()
    zk.close()


def errors(hosts):
    zk = client(hosts)
    zk.ensure_path("/app/%s" % R.choice(WORDS))
    p = rnd_path()
    quiet(zk.create, p, b"x", makepath=True)
    for _ in range(R.randint(2, 6)):
        c = R.randint(0, 6)
        if c == 0:
            quiet(zk.create, p, b"again")                                  # NodeExists
        elif c == 1:
            quiet(zk.set, p, b"y", version=R.randint(5, 99))               # BadVersion
        elif c == 2:
            quiet(zk.delete, os.path.dirname(p))                           # NotEmpty
        elif c == 3:
            quiet(zk.create, "/missing-%d/child" % R.randint(0, 999), b"") # NoNode parent
        elif c == 4:
            quiet(zk.delete, "/gone-%d" % R.randint(0, 999))               # NoNode
        elif c == 5:
            quiet(zk.set, "/absent/%s" % R.choice(WORDS), b"z")
        else:
            quiet(zk.create, p + "/eph", b"", ephemeral=True)
            quiet(zk.create, p + "/eph/child", b"")                        # NoChildrenForEphemerals
    zk.stop()
    zk.close()


def ephemeral_crash(hosts):
    """Create ephemerals, then die without closing the session: the session expires later."""
    zk = client(hosts, timeout=R.choice([4.0, 5.0, 6.0]))
    zk.ensure_path("/members")
    for _ in range(R.randint(1, 4)):
        quiet(zk.create, "/members/m-", b"host=%d" % R.randint(1, 250), ephemeral=True, sequence=True)
    time.sleep(R.uniform(0.2, 1.5))
    os._exit(0)


def watches(hosts):
    zk = client(hosts)
    zk2 = client(hosts)
    base = "/watched/%s" % R.choice(WORDS)
    zk.ensure_path(base)
    fired = []
    zk.get_children(base, watch=lambda e: fired.append(e))
    zk.exists(base + "/new", watch=lambda e: fired.append(e))
    for i in range(R.randint(1, 4)):
        quiet(zk2.create, base + "/n", b"%d" % i, sequence=True)
    quiet(zk2.create, base + "/new", b"")
    quiet(zk2.delete, base + "/new")
    time.sleep(0.3)
    print("fired", len(fired))
    zk2.stop(); zk2.close()
    zk.stop(); zk.close()


def acl(hosts):
    user, pw = R.choice(["alice", "bob", "carol"]), "secret"
    zk = client(hosts, auth_data=[("digest", "%s:%s" % (user, pw))])
    p = "/secure/%s-%d" % (user, R.randint(0, 99))
    quiet(zk.create, p, b"private", acl=[make_digest_acl(user, pw, all=True)], makepath=True)
    zk.stop(); zk.close()
    bad = R.randint(0, 3)
    if bad == 0:
        zk = client(hosts, auth_data=[("digest", "%s:wrong%d" % (user, R.randint(0, 99)))])
    elif bad == 1:
        zk = client(hosts)
    elif bad == 2:
        zk = client(hosts)
        quiet(zk.add_auth, R.choice(["kerberos", "ldap", "bogus"]), "x:y")
        zk = client(hosts)
    else:
        zk = client(hosts, auth_data=[("digest", "%s:%s" % (user, pw))])
    quiet(zk.get, p)
    quiet(zk.set, p, b"overwrite")
    quiet(zk.set_acls, p, [make_digest_acl("mallory", "x", all=True)])
    quiet(zk.delete, p)
    zk.stop(); zk.close()


def multi(hosts):
    zk = client(hosts)
    zk.ensure_path("/txn")
    t = zk.transaction()
    name = "/txn/%s-%d" % (R.choice(WORDS), R.randint(0, 999))
    t.create(name, b"a")
    if R.random() < 0.6:
        t.check("/txn", version=R.randint(1, 50))       # fails the whole txn
    t.set_data(name, b"b")
    if R.random() < 0.3:
        t.delete("/txn/none-%d" % R.randint(0, 99))
    print(quiet(t.commit))
    zk.stop(); zk.close()


def garbage(hosts):
    host, port = R.choice(hosts.split(",")).split(":")
    s = socket.create_connection((host, int(port)), timeout=3)
    c = R.randint(0, 4)
    if c == 0:
        s.sendall(os.urandom(R.randint(4, 64)))
    elif c == 1:
        s.sendall(struct.pack(">i", R.choice([-5, 0x7ffffff0, 200 * 1024 * 1024])) + b"junk")
    elif c == 2:
        s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    elif c == 3:
        s.sendall(struct.pack(">i", 8) + b"\x00\x00")  # truncated connect request, then close
    else:
        s.sendall(b"\x00\x00\x00\x2c" + os.urandom(44))
    try:
        s.recv(100)
    except OSError:
        pass
    s.close()


def bigpacket(hosts):
    zk = client(hosts)
    quiet(zk.create, "/big-%d" % R.randint(0, 999), b"x" * R.randint(300 * 1024, 600 * 1024))
    try:
        zk.stop(); zk.close()
    except Exception:  # noqa: BLE001
        pass


def connect_request(session, passwd, timeout=10000, last_zxid=0):
    body = struct.pack(">iqiq", 0, last_zxid, timeout, session) + struct.pack(">i", 16) + passwd
    return struct.pack(">i", len(body)) + body


def fakesession(hosts):
    host, port = R.choice(hosts.split(",")).split(":")
    s = socket.create_connection((host, int(port)), timeout=3)
    sid = (R.randint(1, 3) << 56) | R.getrandbits(40)
    zxid = R.choice([0, 0, (1 << 40) * R.randint(50, 99)])   # sometimes a zxid from the future
    s.sendall(connect_request(sid, os.urandom(16), R.choice([1000, 10000, 90000]), zxid))
    try:
        s.recv(100)
    except OSError:
        pass
    s.close()


def flood(hosts):
    host, port = hosts.split(",")[0].split(":")
    socks = []
    for _ in range(R.randint(11, 16)):
        try:
            socks.append(socket.create_connection((host, int(port)), timeout=2))
        except OSError:
            pass
    time.sleep(0.5)
    for s in socks:
        s.close()


def fourlw(hosts):
    host, port = R.choice(hosts.split(",")).split(":")
    cmd = R.choice(["stat", "ruok", "conf", "srvr", "mntr", "cons", "envi", "wchs", "dump", "crst",
                    "srst", "isro", "dirs", "wchc", "wchp", "kill", "gtmk", "xyzw"])
    s = socket.create_connection((host, int(port)), timeout=3)
    s.sendall(cmd.encode())
    try:
        while s.recv(4096):
            pass
    except OSError:
        pass
    s.close()


def quota(hosts):
    zk = client(hosts)
    w = R.choice(WORDS[:3])
    base = "/quota-test/%s" % w
    zk.ensure_path(base)
    qp = "/zookeeper/quota" + base + "/zookeeper_limits"
    if not zk.exists(qp):
        limits = b"count=%d,bytes=%d" % (R.randint(2, 4), R.randint(50, 200))
        if R.random() < 0.5:
            limits += b",countHardLimit=%d,byteHardLimit=%d" % (R.randint(5, 8), R.randint(300, 600))
        quiet(zk.create, qp, limits, makepath=True)
        quiet(zk.create, "/zookeeper/quota" + base + "/zookeeper_stats", b"count=1,bytes=0", makepath=True)
    for _ in range(R.randint(1, 5)):
        quiet(zk.create, base + "/item-", os.urandom(R.randint(10, 80)), sequence=True)
    zk.stop(); zk.close()


def reconfig(hosts):
    zk = client(hosts)
    quiet(zk.reconfig, joining="server.%d=127.0.0.1:191%d4:191%d5;191%d6" % (R.randint(4, 9), 0, 0, 0), leaving=None, new_members=None)
    quiet(zk.reconfig, joining=None, leaving=str(R.randint(1, 3)), new_members=None)
    zk.stop(); zk.close()


def hold(hosts):
    zk = client(hosts)
    zk.ensure_path("/holders")
    quiet(zk.create, "/holders/h-", b"", ephemeral=True, sequence=True)
    time.sleep(R.uniform(3, 12))
    zk.stop(); zk.close()


def main():
    action, hosts = sys.argv[1], sys.argv[2]
    globals()[action](hosts)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001 - a failed client is part of the workload
        print("client error:", type(e).__name__, e)
