#!/usr/bin/env python3
"""Scripted Crossfire client: speaks the binary length-prefixed protocol."""
import random, socket, struct, sys, time

HOST = "127.0.0.1"
STATE = "/work/round26/crossfire/run/accounts.txt"

class C:
    def __init__(self, port):
        self.s = socket.create_connection((HOST, port), timeout=5)
        self.buf = b""
    def send(self, data):
        if isinstance(data, str):
            data = data.encode("latin-1")
        self.s.sendall(struct.pack(">H", len(data)) + data)
    def raw(self, data):
        self.s.sendall(data)
    def recv_all(self, wait=0.4):
        out = []
        self.s.settimeout(wait)
        end = time.time() + wait
        try:
            while time.time() < end:
                d = self.s.recv(65536)
                if not d:
                    break
                self.buf += d
        except (socket.timeout, ConnectionError, OSError):
            pass
        while len(self.buf) >= 2:
            n = struct.unpack(">H", self.buf[:2])[0]
            if len(self.buf) < 2 + n:
                break
            out.append(self.buf[2:2 + n])
            self.buf = self.buf[2 + n:]
        return out
    def close(self):
        try:
            self.s.close()
        except OSError:
            pass

def np(name, pw):
    n = name.encode(); p = pw.encode()
    return bytes([len(n)]) + n + bytes([len(p)]) + p

def ncom(c, cmd, num=[1]):
    num[0] += 1
    c.send(b"ncom " + struct.pack(">hi", num[0] & 0x7fff, random.choice([0, -1, 1])) + cmd.encode())

def greet(c):
    c.send("version 1023 1029 %s" % random.choice(["Crossfire GTKv2 Client 1.75.0", "pyclient test", "jxclient"]))
    if random.random() < 0.2:
        c.send("version 1020")
    setup = ["setup", "sound2", "3", "exp64", "1", "map2cmd", "1", "darkness", "1",
             "mapsize", random.choice(["25x25", "11x11", "99x99"]), "newmapcmd", "1",
             "facecache", "1", "extendedTextInfos", "1", "spellmon", random.choice(["1", "2"]),
             "tick", "1", "faceset", "0", "bot", "0", "want_pickup", "1", "num_look_objects", "50",
             "inscribe", "1", "loginmethod", "2", "notifications", "3"]
    if random.random() < 0.3:
        setup += ["bogusopt", "7", "mapsize", "abc"]
    c.send(" ".join(setup))
    for r in random.sample(["image_info", "skill_info", "exp_table", "spell_paths", "race_list",
                            "class_list", "rules", "motd", "news", "newcharinfo", "startingmap",
                            "knowledge_info", "image_sums 0 100", "unknown_info", "race_info race_human"], 6):
        c.send("requestinfo " + r)
    c.recv_all(0.3)

RACES = ["human_player", "elf_player", "dwarf_player", "halfling_player", "northman_player", "pl_dragon", "fenx_player", "pl_half_orc",
         "troll_player", "gnome_player", "fireborn_player", "wraith_player", "serpentman_player", "no_such_race"]
CLASSES = ["warrior_class", "wizard_class", "priest_class", "rogue_class", "barbarian_class",
           "thief_class", "ranger_class", "sorcerer_class", "monk_class", "ninja_class", "paladin_class", "bogus_class"]

def create(c, name, pw, valid=False):
    stats = {"Str": 13, "Dex": 13, "Con": 13, "Int": 12, "Wis": 12, "Pow": 11, "Cha": 10}
    if not valid and random.random() < 0.12:
        stats["Str"] = 25
    if not valid and random.random() < 0.1:
        stats["Cha"] = 18
    races = RACES[:-1] if valid else RACES
    classes = CLASSES[:-1] if valid else CLASSES
    lines = ["race " + random.choice(races), "class " + random.choice(classes)]
    maps = ["map_scorn", "map_beginners_house", "map_navar_city"]
    if random.random() < 0.85:
        lines.append("starting_map " + random.choice(maps if valid else maps + ["map_nowhere"]))
    lines += ["%s %d" % kv for kv in stats.items()]
    if random.random() < 0.2:
        lines.append("favcolor blue")
    if random.random() < 0.2:
        lines.append("choice " + random.choice(["race_choice_1 sword", "class_choice_1 shield", "nochoice"]))
    data = np(name, pw)
    for l in lines:
        b = l.encode()
        data += bytes([len(b) + 1]) + b + b"\0"
    c.send(b"createplayer " + data)
    got = c.recv_all(1.0)
    return any(g.startswith(b"addme_success") for g in got)

def create_retry(c, name, pw):
    for t in range(4):
        if create(c, name, pw, valid=(t > 0 and random.random() < 0.7) or t == 3):
            return True
    return False

PLAY = ["say hello there", "shout anyone around?", "chat testing chat", "who", "maps", "time",
        "north", "south", "east", "west", "northeast", "southwest", "search", "pray", "inventory",
        "skills", "statistics", "body", "hiscore", "motd", "rules", "news", "version", "help",
        "help who", "party list", "party form adventurers", "party join nobody", "listen 10",
        "bowmode fire", "petmode defend", "usekeys inventory", "mapinfo", "whereabouts", "whereami",
        "applymode nochange", "apply", "examine", "take", "drop all", "use_skill praying", "cast",
        "invoke", "tell nobody hi", "reply hi", "peaceful", "brace", "sort_inventory", "title",
        "xyzzy", "dance", "wave", "smile", "bow", "fire 3", "stay", "showpets", "quests", "knowledge",
        "killpets", "rename", "passwd", "save", "output-count 2", "fix_me", "debug", "dumpbelow",
        "dm", "dm wrongpassword", "ready_skill unknown", "mark nothing", "lock", "shout ",
        "players", "ignore x", "me waves", "statistics", "hug", "gsay hi", "pickup 4"]

def playerlogin(port, acct, apw, chars, mode):
    c = C(port)
    greet(c)
    if mode == "badpw":
        c.send(b"accountlogin " + np(acct, apw + "x"))
    elif mode == "noacct":
        c.send(b"accountlogin " + np("ghost%d" % random.randint(1, 999), "whatever"))
    else:
        c.send(b"accountlogin " + np(acct, apw))
    c.recv_all(0.3)
    return c

def session(port, idx):
    acct = "acct%d" % idx
    apw = "pw%d" % idx
    c = C(port)
    greet(c)
    # account creation, with some refused variants first
    for bad in random.sample([np("", "x"), np("a b!", "goodpw"), np(acct, "x"), b"\x05ab", bytes([200]) + b"abcdef"], 2):
        c.send(b"accountnew " + bad)
    c.send(b"accountnew " + np(acct, apw))
    c.send(b"accountnew " + np(acct, apw))  # duplicate
    c.recv_all(0.3)
    name = "hero%d%s" % (idx, random.choice("abcdefgh"))
    if random.random() < 0.3:
        c.send(b"accountplay " + ("nobody%d" % idx).encode())
    if random.random() < 0.3:
        c.send(b"accountaddplayer \x00" + np("nosuchchar", "pw"))
    ok = create_retry(c, name, "cpw%d" % idx)
    if ok and random.random() < 0.7:
        # a little experience (granted as DM) makes the character worth saving on logout
        for cmd in ["dm dmsecret", "addexp %s %d" % (name, random.randint(50, 3000)), "nodm"]:
            ncom(c, cmd); c.recv_all(0.2)
    with open(STATE, "a") as f:
        f.write("%s %s %s cpw%d\n" % (acct, apw, name, idx))
    ncom(c, "save"); c.recv_all(0.2)
    for _ in range(random.randint(8, 25)):
        ncom(c, random.choice(PLAY + ["north", "east", "south", "west", "run 3", "northwest", "southeast"] * 2))
        if random.random() < 0.1:
            c.send(random.choice([b"examine 12345", b"apply 999999", b"move 0 1 2", b"move 1",
                                  b"lookat 1 1", b"lookat", b"mark 5", b"lock 1", b"reply what",
                                  b"inscribe 1", b"ncom \x00\x01", b"askface 99999", b"asksmooth", b"beat"]))
        c.recv_all(random.uniform(0.05, 0.3))
    end = random.choice(["close", "close", "quit", "save", "save", "garbage"])
    if end == "save":
        ncom(c, "save")
        c.recv_all(0.3)
    elif end == "quit":
        ncom(c, "quit")
        c.recv_all(0.3)
        c.send("reply y")
        c.recv_all(0.3)
    elif end == "garbage":
        c.raw(bytes(random.getrandbits(8) for _ in range(random.randint(3, 200))))
        c.recv_all(0.3)
    c.close()
    return acct, apw, name

def relogin(port, acct, apw, name, cpw):
    mode = random.choice(["ok", "ok", "ok", "badpw", "noacct"])
    c = playerlogin(port, acct, apw, [name], mode)
    if mode == "ok":
        if random.random() < 0.2:
            c.send(b"accountaddplayer \x00" + np(name, "wrong" + cpw))
        c.send(b"accountaddplayer \x00" + np(name, cpw))
        c.recv_all(0.3)
        c.send(b"accountplay " + name.encode())
        got = c.recv_all(1.0)
        if not any(g.startswith(b"addme_success") for g in got):
            c.close()
            return
        for _ in range(random.randint(3, 10)):
            ncom(c, random.choice(PLAY))
            c.recv_all(0.1)
        if random.random() < 0.5:
            c.send(b"accountpw " + np(apw, "newpw" + apw))
            c.send(b"accountpw " + np("wrongold", "x"))
    c.recv_all(0.2)
    c.close()

def garbage(port):
    c = C(port)
    kind = random.choice(["bytes", "cmd", "empty", "nolen", "bignum", "versionbad", "notcmd", "early"])
    if kind == "bytes":
        c.raw(bytes(random.getrandbits(8) for _ in range(random.randint(1, 300))))
    elif kind == "cmd":
        c.send(random.choice(["hello world", "GET / HTTP/1.0", "frobnicate 1 2", "addme", "ncom abc"]))
    elif kind == "empty":
        c.send(b"")
        c.send(b" ")
    elif kind == "nolen":
        c.raw(b"\xff\xff" + b"A" * 100)
    elif kind == "bignum":
        c.send("requestinfo")
        c.send("setup")
        c.send("askface")
        c.send("accountlogin")
        c.send("accountnew")
        c.send("accountplay")
        c.send("createplayer")
        c.send("accountaddplayer")
        c.send("accountpw")
    elif kind == "versionbad":
        c.send("version")
        c.send("version abc")
    elif kind == "notcmd":
        c.send("requestinfo image_sums 5000 1")
        c.send("createplayer " + "x")
        c.send("accountplay somebody")
    elif kind == "early":
        c.send("version 1023 1029 early-quit")
        c.close()
        return
    c.recv_all(0.3)
    c.close()

if __name__ == "__main__":
    port = int(sys.argv[1]); what = sys.argv[2]
    random.seed()
    if what == "session":
        idx = int(sys.argv[3])
        acct, apw, name = session(port, idx)
        for _ in range(random.randint(0, 2)):
            relogin(port, acct, apw, name, "cpw%d" % idx)
    elif what == "relogin":
        rows = [l.split() for l in open(STATE) if l.strip()]
        for acct, apw, name, cpw in random.sample(rows, min(len(rows), int(sys.argv[3]))):
            relogin(port, acct, apw, name, cpw)
    elif what == "garbage":
        for _ in range(int(sys.argv[3])):
            garbage(port)

DM_CMDS = ["create sword", "create 3 potion of healing", "create +2 bogusitem", "create",
           "goto /scorn/anthony/scorn_pub", "goto /nonexistent/map", "goto /HallOfDMs",
           "goto /world/world_105_115", "goto /start/Nexus", "reset", "reset /start/Nexus", "reset /no/such",
           "server_speed", "pluglist", "plugin cfpython.so", "plugout citylife",
           "plugin nothing.so", "stats", "players", "summon nobody", "teleport nobody", "abil",
           "addexp nobody 10", "arrest nobody", "banish", "kick nobody",
           "settings", "dmhide", "wizpass", "invisible",
           "toggle_shout", "follow", "freeze", "style_info", "nowiz",
           "learn_spell small fireball", "wizcast on", "set_god", "mon_aggr", "diff"]

def dm_session(port, idx, victims):
    acct = "dmacct%d" % idx
    c = C(port)
    greet(c)
    c.send(b"accountnew " + np(acct, "dmpw"))
    c.recv_all(0.3)
    create_retry(c, "wizard%d" % idx, "wizpw")
    ncom(c, "dm wrongpassword"); c.recv_all(0.2)
    ncom(c, "dm dmsecret"); c.recv_all(0.3)
    cmds = random.sample(DM_CMDS, random.randint(15, 25))
    for v in victims:
        cmds.insert(random.randint(0, len(cmds)), random.choice(["kick %s", "arrest %s", "summon %s", "teleport %s", "addexp %s 500"]) % v)
    for cmd in cmds:
        ncom(c, cmd)
        c.recv_all(random.uniform(0.1, 0.4))
    if random.random() < 0.5:
        ncom(c, "shutdown 5"); c.recv_all(0.3)
        ncom(c, "shutdown cancel"); c.recv_all(0.3)
    ncom(c, "nodm"); c.recv_all(0.2)
    c.close()

def idle(port, idx, secs):
    """A logged-in character that idles so DMs can act on it."""
    c = C(port)
    greet(c)
    c.send(b"accountnew " + np("idle%d" % idx, "idlepw"))
    c.recv_all(0.3)
    create_retry(c, "idler%d" % idx, "idlepw")
    end = time.time() + secs
    while time.time() < end:
        c.recv_all(0.5)
        if random.random() < 0.2:
            ncom(c, random.choice(["say still here", "north", "south", "who"]))
    c.close()

def dm_ban(port, victim):
    c = C(port)
    greet(c)
    c.send(b"accountnew " + np("banacct", "dmpw"))
    c.recv_all(0.3)
    create_retry(c, "banhammer", "wizpw")
    ncom(c, "dm dmsecret"); c.recv_all(0.3)
    ncom(c, "banish " + victim); c.recv_all(0.5)
    c.close()

if __name__ == "__main__" and sys.argv[2] == "dmban":
    dm_ban(int(sys.argv[1]), sys.argv[3])
if __name__ == "__main__" and sys.argv[2] == "dm":
    dm_session(int(sys.argv[1]), int(sys.argv[3]), sys.argv[4:])
if __name__ == "__main__" and sys.argv[2] == "idle":
    idle(int(sys.argv[1]), int(sys.argv[3]), float(sys.argv[4]))
