#!/usr/bin/env python3
"""Small netPanzer protocol client used by workload.sh.

usage: npclient.py HOST PORT MODE [options]
modes:
  player  - join the game, become active, then do random actions
  garbage - misbehave before joining (bad sizes, bad first packet, ...)
  join    - join with given protocol/password and report the result
"""
import os
import random
import socket
import struct
import sys
import time

PROTO = 1122


def frame(msg: bytes) -> bytes:
    return struct.pack("<H", len(msg)) + msg


class Client:
    def __init__(self, host, port, src="127.0.0.1"):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.s.bind((src, 0))
        self.s.settimeout(3)
        self.s.connect((host, port))
        self.buf = b""
        self.player_id = None

    def send(self, msg: bytes):
        try:
            self.s.sendall(frame(msg))
            return True
        except OSError:
            return False

    def raw(self, data: bytes):
        try:
            self.s.sendall(data)
            return True
        except OSError:
            return False

    def recv_msgs(self, timeout=1.0):
        """Return list of (class, id, body) received within timeout."""
        self.s.settimeout(timeout)
        out = []
        try:
            data = self.s.recv(65536)
            if not data:
                return None
            self.buf += data
        except socket.timeout:
            pass
        except OSError:
            return None
        while len(self.buf) >= 2:
            (n,) = struct.unpack("<H", self.buf[:2])
            if len(self.buf) < 2 + n:
                break
            m = self.buf[2:2 + n]
            self.buf = self.buf[2 + n:]
            if len(m) >= 2:
                out.append((m[0], m[1], m[2:]))
        return out

    def close(self, rst=False):
        try:
            if rst:
                self.s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.s.close()
        except OSError:
            pass


def join_request(proto=PROTO, password=""):
    return bytes([2, 0]) + struct.pack("<I", proto) + password.encode()[:32].ljust(32, b"\0")


def flag():
    return bytes(random.randrange(0, 255) for _ in range(280))


def do_join(c: Client, name: str, password="", proto=PROTO, deadline=40):
    """Full connect handshake. Returns True when sync completed."""
    c.send(join_request(proto, password))
    end = time.time() + deadline
    while time.time() < end:
        msgs = c.recv_msgs(1.0)
        if msgs is None:
            return False
        for cls, mid, body in msgs:
            if cls == 2 and mid == 1:
                if body and body[0] != 0:
                    print(f"join refused code {body[0]}")
                    return False
            elif cls == 2 and mid == 2:      # start connect
                c.send(bytes([2, 5]))
            elif cls == 2 and mid == 6:      # connect result
                if body and body[0] != 0:
                    print(f"connect result {body[0]}")
                    return False
                c.send(bytes([2, 7]) + name.encode()[:63].ljust(64, b"\0") + flag())
            elif cls == 2 and mid == 10:     # server game settings
                c.send(bytes([2, 12]))
            elif cls == 5:                   # unit profile
                c.send(bytes([2, 13]))
            elif cls == 3 and mid == 0:      # connect id
                if body:
                    c.player_id = body[0]
            elif cls == 2 and mid == 9 and body and body[0] == 6:
                return True
            elif cls == 2 and mid == 8:      # queue position
                c.send(bytes([2, 11]))       # setup ping keeps us alive
    return False


def chat(c, text, scope=3):
    return c.send(bytes([10, 0, scope]) + text.encode())


SERVER_CMDS = ["listplayers", "listmaps", "listcommands", "help kick", "help nothing",
               "autokick", "autokick 30", "bases", "multiip", "unitprofiles",
               "unitspawnlist", "baselimit", "basemode", "basemode 7", "gamepass",
               "countdown 3 go", "flagtimer", "say hello from admin", "nosuchcmd",
               "listprofiles", "destroyunits", "enablebases", "disablebases"]

WORDS = ["gg", "hello", "attack north", "who wants allies?", "lol", "regroup",
         "nice shot", "base is mine", "brb", "wait for me", "go go go", "ok"]


def player(host, port, name, src, actions, adminpass, gamepass):
    c = Client(host, port, src)
    if not do_join(c, name, gamepass):
        print("join failed")
        c.close()
        return
    pid = c.player_id if c.player_id is not None else 0
    # become active (flag selection)
    time.sleep(random.uniform(0.2, 1.0))
    c.send(bytes([3, 2]) + flag())
    for _ in range(actions):
        time.sleep(random.uniform(0.8, 2.5))
        if c.recv_msgs(0.05) is None:
            break
        a = random.choices(
            ["chat", "teamchat", "cmd", "admin", "badadmin", "serverscope", "badchatid",
             "badclass", "badterm", "mgrterm", "objbad", "objloc", "objunk", "objown",
             "pingbad", "alert", "alertbad", "alertenum", "sysunk", "ally", "allybad",
             "allyupdbad", "multibad", "ping", "countdown"],
            weights=[14, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 1, 1, 2, 3, 2, 1, 2, 2, 1])[0]
        if a == "chat":
            chat(c, random.choice(WORDS))
        elif a == "teamchat":
            chat(c, random.choice(WORDS), scope=1)
        elif a == "cmd":
            chat(c, "/server " + random.choice(SERVER_CMDS))
        elif a == "admin":
            chat(c, "/server adminlogin " + adminpass)
            time.sleep(0.8)
            chat(c, "/server " + random.choice(SERVER_CMDS))
            time.sleep(0.8)
            chat(c, "/server adminlogout")
        elif a == "badadmin":
            chat(c, "/server adminlogin wrong" + str(random.randrange(1000)))
        elif a == "countdown":
            chat(c, "/server adminlogin " + adminpass)
            time.sleep(0.8)
            chat(c, "/server countdown %d %s" % (random.randrange(2, 5), random.choice(["fight", "round"])))
            time.sleep(6)
        elif a == "serverscope":
            chat(c, "i am the server", scope=4)
        elif a == "badchatid":
            c.send(bytes([10, random.randrange(2, 9), 3]) + b"x")
        elif a == "badclass":
            c.send(bytes([random.randrange(11, 60), 0, 0, 0]))
        elif a == "badterm":
            c.send(bytes([6, random.randrange(1, 20)]) + bytes(24))
        elif a == "mgrterm":
            c.send(bytes([6, 0]) + struct.pack("<HBB", 1, 0, 0x40) + bytes(20))
        elif a == "objbad":
            c.send(bytes([7, 1]) + struct.pack("<HBB", random.randrange(500, 9000), 1, 1))
        elif a == "objown":
            c.send(bytes([7, 1]) + struct.pack("<HBB", random.randrange(0, 3), 1, 1))
        elif a == "objloc":
            c.send(bytes([7, 0]) + struct.pack("<HII", 0, random.randrange(5000, 90000), 7))
        elif a == "objunk":
            c.send(bytes([7, random.randrange(2, 9)]) + bytes(4))
        elif a == "pingbad":
            c.send(bytes([1, 3, random.randrange(50, 250)]))
        elif a == "ping":
            c.send(bytes([1, 3, pid]))
        elif a == "alert":
            c.send(bytes([1, 5, pid, random.randrange(0, 4)]))
        elif a == "alertbad":
            c.send(bytes([1, 5, random.randrange(100, 250), 0]))
        elif a == "alertenum":
            c.send(bytes([1, 5, pid, random.randrange(5, 40)]))
        elif a == "sysunk":
            c.send(bytes([1, random.randrange(6, 30)]) + bytes(4))
        elif a == "ally":
            c.send(bytes([3, 5, pid, random.randrange(0, 4), random.randrange(0, 2)]))
        elif a == "allybad":
            c.send(bytes([3, 5, random.randrange(20, 200), pid, 0]))
        elif a == "allyupdbad":
            c.send(bytes([3, 6, random.randrange(20, 200), 1, 0]))
        elif a == "multibad":
            inner = struct.pack("<H", 200) + b"abc"
            c.send(bytes([0, 0]) + inner)
    end = random.choice(["nice", "close", "rst", "spam", "burst", "stay"])
    print("player end:", end)
    if end == "nice":
        c.send(bytes([2, 15, pid]))
        time.sleep(1)
        c.close()
    elif end == "close":
        c.close()
    elif end == "rst":
        c.close(rst=True)
    elif end == "spam":
        for i in range(9):
            chat(c, "spam %d" % i)
            time.sleep(0.05)
        time.sleep(1)
        c.close()
    elif end == "burst":
        for i in range(20):
            if not c.send(bytes([1, 3, pid]) + bytes(28)):
                break
            time.sleep(0.12)
        time.sleep(1)
        c.close()
    else:
        # stay a while idle, to be kicked by the console or dropped at restart
        time.sleep(random.uniform(5, 15))
        c.close()


def garbage(host, port, src):
    kind = random.choice(["small", "big", "badfirst", "badproto",
                          "silent", "half", "random", "precmd"])
    print("garbage:", kind)
    c = Client(host, port, src)
    if kind == "small":
        c.raw(struct.pack("<H", 1) + b"x")
    elif kind == "big":
        c.raw(struct.pack("<H", 65000) + os.urandom(32))
    elif kind == "badfirst":
        c.send(bytes([random.randrange(0, 11), random.randrange(0, 9)]) + os.urandom(random.randrange(4, 60)))
    elif kind == "badproto":
        c.send(join_request(proto=random.choice([1, 1000, 1121, 2000])))
    elif kind == "silent":
        time.sleep(random.uniform(0.5, 2))
    elif kind == "half":
        c.raw(struct.pack("<H", 38) + b"\x02\x00")
        time.sleep(1)
    elif kind == "random":
        c.raw(os.urandom(random.randrange(3, 300)))
    elif kind == "precmd":
        c.send(join_request())
        time.sleep(0.3)
        c.send(bytes([2, 5]))
        time.sleep(0.3)
        c.send(bytes([2, 7]) + b"early".ljust(64, b"\0") + flag())
    time.sleep(random.uniform(0.5, 1.5))
    c.recv_msgs(0.3)
    c.close(rst=random.random() < 0.3)


def join_only(host, port, src, password, name):
    c = Client(host, port, src)
    ok = do_join(c, name, password)
    print("join ok" if ok else "join failed")
    if ok:
        c.send(bytes([3, 2]) + flag())
        time.sleep(random.uniform(2, 6))
        chat(c, "joined with password")
        time.sleep(1)
    c.close()


def main():
    host, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    args = sys.argv[4:]
    src = os.environ.get("NP_SRC", "127.0.0.1")
    try:
        if mode == "player":
            player(host, port, args[0], src, int(args[1]), args[2] if len(args) > 2 else "",
                   args[3] if len(args) > 3 else "")
        elif mode == "garbage":
            garbage(host, port, src)
        elif mode == "join":
            join_only(host, port, src, args[0], args[1])
    except (OSError, ConnectionError) as e:
        print("client error:", e)


if __name__ == "__main__":
    main()
