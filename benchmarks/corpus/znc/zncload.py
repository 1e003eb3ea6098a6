"""Client actions for the ZNC log workload, 127.0.0.1 only: IRC clients logging into ZNC (good, wrong and
unknown passwords), *status and *controlpanel commands, webadmin over HTTP, and plain IRC users talking
directly on the upstream ngircd so that ZNC's networks see traffic.

Usage: zncload.py ACTION   (one randomised action per call; ports from ZNC_PORT and IRC_PORT)
"""
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import urllib.request
import http.cookiejar

ZNC = ("127.0.0.1", int(os.environ.get("ZNC_PORT", "21300")))
IRC = ("127.0.0.1", int(os.environ.get("IRC_PORT", "21301")))
STATE = os.environ.get("ZNC_STATE", "/tmp/znc-r12/state")  # users/networks this workload created
R = random.Random()
ADMIN = ("admin", "adminpw")
CHANS = ["#ops", "#dev", "#lobby", "#random", "#help", "#music", "#games", "#news"]
WORDS = "hello there anyone around build failed again ship it lunch later ping me when ready the tests pass now".split()
MODS_NET = ["log", "perform", "keepnick", "kickrejoin", "autoreply", "awaystore", "route_replies", "stickychan",
            "autocycle", "modules_online", "watch", "buffextras", "block_motd", "autoop", "autovoice",
            "flooddetach", "ctcpflood", "missingmotd", "simple_away", "nickserv", "autoattach", "savebuff"]
MODS_USER = ["notes", "clientnotify", "autoattach", "listsockets", "send_raw", "bouncedcc", "autoreply",
             "block_motd", "chansaver", "disconkick", "buffextras", "perform"]
MODS_GLOBAL = ["lastseen", "adminlog", "blockuser", "fail2ban", "identfile", "clientnotify", "notify_connect"]


def load_state():
    users = {}
    try:
        for line in open(STATE):
            parts = line.split()
            if parts:
                users[parts[0]] = parts[1:]
    except OSError:
        pass
    return users


def save_state(users):
    with open(STATE, "w") as fh:
        for u, info in users.items():
            fh.write(" ".join([u] + info) + "\n")


def srv():
    """A server line for the upstream ngircd (it listens on 127.0.0.1-4), now and then with SSL it lacks."""
    host = f"127.0.0.{R.randint(1, 4)}"
    return f"{host} +21301" if R.random() < 0.08 else f"{host} 21301"


def sentence():
    return " ".join(R.choice(WORDS) for _ in range(R.randint(2, 8)))


class Irc:
    """A line-based IRC client that answers PINGs and keeps what it reads."""

    def __init__(self, addr, timeout=8):
        self.s = socket.create_connection(addr, timeout=timeout)
        self.lines = []
        self.closed = False
        self.t = threading.Thread(target=self.reader, daemon=True)
        self.t.start()

    def reader(self):
        buf = b""
        try:
            while True:
                data = self.s.recv(4096)
                if not data:
                    break
                buf += data
                while b"\r\n" in buf:
                    line, buf = buf.split(b"\r\n", 1)
                    text = line.decode("utf-8", "replace")
                    self.lines.append(text)
                    if text.startswith("PING"):
                        self.send("PONG" + text[4:])
        except OSError:
            pass
        self.closed = True

    def send(self, line):
        try:
            self.s.sendall((line + "\r\n").encode())
        except OSError:
            self.closed = True

    def wait_for(self, pattern, secs=3.0):
        end = time.time() + secs
        while time.time() < end:
            for line in self.lines:
                if re.search(pattern, line):
                    return line
            if self.closed:
                return None
            time.sleep(0.05)
        return None

    def close(self, quit_msg=None):
        if quit_msg is not None:
            self.send("QUIT :" + quit_msg)
            time.sleep(0.2)
        try:
            self.s.close()
        except OSError:
            pass


def znc_login(user, pw, network=None, nick=None, ident=None):
    c = Irc(ZNC)
    nick = nick or f"{user}{R.randint(1, 99)}"
    target = user + (f"@{ident}" if ident else "") + (f"/{network}" if network else "")
    # clients negotiate server-time (so buffer playback carries timestamps instead of marker lines)
    c.send("CAP LS 302")
    c.send(f"PASS {target}:{pw}")
    c.send(f"NICK {nick}")
    c.send(f"USER {user} 0 * :{user} via bouncer")
    c.send(R.choice(["CAP REQ :server-time", "CAP REQ :server-time multi-prefix",
                     "CAP REQ :multi-prefix server-time userhost-in-names"]))
    c.send("CAP END")
    c.wait_for(r" 001 | 464 |ERROR", 3)
    return c


def status(c, cmd, module="*status", wait=0.4):
    c.send(f"PRIVMSG {module} :{cmd}")
    time.sleep(wait)


def pick_user():
    users = load_state()
    if not users:
        return None, None, []
    u = R.choice(list(users))
    return u, users[u][0], users[u][1:]


# ---------------------------------------------------------------- actions

def a_login():
    """A user attaches to one of its networks, chats, joins/parts, detaches."""
    u, pw, nets = pick_user()
    if not u:
        u, pw, nets = ADMIN[0], ADMIN[1], ["local"]
    net = R.choice(nets) if nets and R.random() < 0.9 else None
    c = znc_login(u, pw, net, ident=R.choice([None, None, "laptop", "phone"]))
    for _ in range(R.randint(1, 4)):
        r = R.random()
        ch = R.choice(CHANS)
        if r < 0.3:
            c.send(f"JOIN {ch}")
        elif r < 0.6:
            c.send(f"PRIVMSG {ch} :{sentence()}")
        elif r < 0.7:
            c.send(f"PART {ch} :{sentence()}")
        elif r < 0.8:
            c.send(f"TOPIC {ch} :{sentence()}")
        elif r < 0.9:
            c.send(f"WHOIS {R.choice(['zadmin', 'carol', 'dave', 'nobody' + str(R.randint(1, 9))])}")
        else:
            c.send(f"MODE {ch}")
        time.sleep(R.uniform(0.1, 0.6))
    if R.random() < 0.3:
        c.send(f"AWAY :{sentence()}")
    time.sleep(R.uniform(0.2, 1.0))
    c.close(R.choice([None, "bye", sentence()]))


def a_badpass():
    u, pw, nets = pick_user()
    u = u or "admin"
    c = znc_login(u, f"wrong{R.randint(1, 9999)}", R.choice(nets) if nets else None)
    time.sleep(0.3)
    c.close()


def a_unknown_user():
    c = znc_login(R.choice(["mallory", "root", "guest", "test", f"user{R.randint(1, 300)}"]), "secret")
    time.sleep(0.3)
    c.close()


def a_nopass():
    c = Irc(ZNC)
    c.send("CAP LS 302")
    c.send(f"NICK lost{R.randint(1, 999)}")
    c.send("USER lost 0 * :no password")
    c.send("CAP REQ :server-time")
    c.send("CAP END")
    time.sleep(R.uniform(0.5, 1.5))
    if R.random() < 0.5:
        u, pw, nets = pick_user()
        if u:
            c.send(f"PASS {u}:{pw}")
            time.sleep(0.8)
    c.close()


def a_bad_network():
    u, pw, nets = pick_user()
    if not u:
        return
    c = znc_login(u, pw, f"nonet{R.randint(1, 50)}")
    time.sleep(0.5)
    c.close("oops")


def a_garbage():
    s = socket.create_connection(ZNC, timeout=3)
    # 7-bit junk only: ZNC logs what it reads byte for byte
    junk = bytes(R.randrange(1, 128) for _ in range(R.randint(5, 60)))
    s.sendall(R.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\x7c\x03\x03" + junk,
                        b"GET /../../etc/passwd HTTP/1.0\r\n\r\n",
                        b"HELP\r\nQUIT\r\n",
                        junk + b"\r\n"]))
    time.sleep(0.5)
    s.close()


def a_status():
    """*status commands from a user (admin-only ones fail for ordinary users)."""
    u, pw, nets = pick_user()
    if not u or R.random() < 0.4:
        u, pw, nets = ADMIN[0], ADMIN[1], ["local"]
    net = R.choice(nets) if nets else None
    c = znc_login(u, pw, net)
    time.sleep(0.3)
    ch = R.choice(CHANS)
    cmds = [
        "Help", "Version", "ListNetworks", "ListServers", "ListChans", "ListClients", "ListMods",
        "ListAvailMods", "Uptime", "Traffic", "ListNicks " + ch, "Topics", f"Detach {ch}", f"Attach {ch}",
        f"ClearBuffer {ch}", f"SetBuffer {ch} {R.randint(10, 200)}", f"PlayBuffer {ch}", "ClearAllBuffers",
        f"EnableChan {ch}", f"DisableChan {ch}", "ShowBindHost", "ListBindHosts", "ShowChan " + ch,
        f"FrobNicate{R.randint(1, 9)}", "SaveConfig", "ListUsers", "ListPorts", "Broadcast " + sentence(),
        f"LoadMod {R.choice(MODS_NET)}", f"UnloadMod {R.choice(MODS_NET)}", f"ReloadMod {R.choice(MODS_NET)}",
        f"LoadMod --type=user {R.choice(MODS_USER)}", f"UnloadMod --type=user {R.choice(MODS_USER)}",
        f"LoadMod nosuchmod{R.randint(1, 9)}", f"LoadMod --type=global {R.choice(MODS_GLOBAL)}",
        f"UnloadMod --type=global {R.choice(MODS_GLOBAL)}", "Jump", "Disconnect " + sentence(), "Connect",
        f"AddServer {srv()}", f"AddServer 127.0.0.{R.randint(5, 9)} 21302", f"DelServer 127.0.0.{R.randint(1, 9)} 21302", "Rehash",
        f"SetUserBindHost 127.0.0.{R.randint(1, 9)}", "ClearUserBindHost", f"AddChan {ch}",
    ]
    for cmd in R.sample(cmds, R.randint(2, 5)):
        status(c, cmd)
    time.sleep(0.5)
    c.close()


def a_controlpanel():
    """Admin manages users and networks through *controlpanel."""
    users = load_state()
    c = znc_login(*ADMIN, "local")
    time.sleep(0.3)
    r = R.random()
    if r < 0.25 or not users:
        u = R.choice(["carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]) + str(R.randint(1, 99))
        pw = f"pw{R.randint(1000, 9999)}"
        status(c, f"AddUser {u} {pw}", "*controlpanel")
        status(c, f"Set Nick {u} {u}", "*controlpanel", 0.2)
        status(c, f"Set RealName {u} {u.capitalize()} Example", "*controlpanel", 0.2)
        nets = []
        for i in range(R.randint(1, 2)):
            net = R.choice(["local", "upstream", "chat", "work"]) + (str(i) if i else "")
            status(c, f"AddNetwork {u} {net}", "*controlpanel")
            status(c, f"AddServer {u} {net} {srv()}", "*controlpanel")
            for ch in R.sample(CHANS, R.randint(1, 3)):
                status(c, f"AddChan {u} {net} {ch}", "*controlpanel", 0.2)
            nets.append(net)
        users[u] = [pw] + nets
    elif r < 0.35 and len(users) > 1:
        u = R.choice(list(users))
        status(c, f"DelUser {u}", "*controlpanel")
        del users[u]
    elif r < 0.5:
        u = R.choice(list(users))
        net = R.choice(["irc2", "backup", "deadnet", "badhost"]) + str(R.randint(1, 9))
        status(c, f"AddNetwork {u} {net}", "*controlpanel")
        if net.startswith("deadnet"):
            status(c, f"AddServer {u} {net} 127.0.0.{R.randint(5, 9)} 21302", "*controlpanel")
        elif net.startswith("badhost"):
            status(c, f"AddServer {u} {net} irc{R.randint(1, 99)}.invalid 6667", "*controlpanel")
        else:
            status(c, f"AddServer {u} {net} {srv()}", "*controlpanel")
        users[u].append(net)
    elif r < 0.6:
        u = R.choice(list(users))
        if len(users[u]) > 2:
            net = R.choice(users[u][1:])
            status(c, f"DelNetwork {u} {net}", "*controlpanel")
            users[u].remove(net)
        else:
            status(c, f"DelNetwork {u} nonet{R.randint(1, 9)}", "*controlpanel")
    else:
        u = R.choice(list(users))
        net = R.choice(users[u][1:]) if len(users[u]) > 1 else "none"
        cmds = [
            f"Get Nick {u}", f"Set AltNick {u} {u}_", f"Set MaxNetworks {u} {R.randint(1, 5)}",
            f"Set QuitMsg {u} {sentence()}", f"Set Admin {u} false", f"Set BufferCount {u} {R.randint(10, 500)}",
            f"SetNetwork Nick {u} {net} {u}{R.randint(1, 9)}", f"GetNetwork Nick {u} {net}",
            f"SetNetwork FloodRate {u} {net} {R.choice(['1.0', '2.0', '0.5'])}",
            f"AddChan {u} {net} {R.choice(CHANS)}", f"DelChan {u} {net} {R.choice(CHANS)}",
            f"SetChan Key {u} {net} {R.choice(CHANS)} k{R.randint(1, 99)}",
            f"LoadNetModule {u} {net} {R.choice(MODS_NET)}", f"UnloadNetModule {u} {net} {R.choice(MODS_NET)}",
            f"LoadModule {u} {R.choice(MODS_USER)}", f"UnloadModule {u} {R.choice(MODS_USER)}",
            f"Reconnect {u} {net}", f"Disconnect {u} {net}", f"ListNetworks {u}", "ListUsers",
            f"ListNetMods {u} {net}", f"ListMods {u}", f"CloneUser {u} {u}c{R.randint(1, 9)}",
            f"AddCTCP {u} VERSION ZNC-{R.randint(1, 9)}", f"DelCTCP {u} VERSION", f"ListCTCPs {u}",
            f"Set Password {u} {users[u][0]}", f"Set Nick nosuchuser{R.randint(1, 9)} x", f"Bogus{R.randint(1, 9)}",
        ]
        for cmd in R.sample(cmds, R.randint(2, 5)):
            status(c, cmd, "*controlpanel")
    save_state(users)
    time.sleep(0.5)
    c.close()


def a_irc_side():
    """A plain IRC user on the upstream server talks to channels and nicks the ZNC networks sit in."""
    c = Irc(IRC)
    nick = R.choice(["carl", "dina", "otto", "pia", "quinn", "rosa", "sven"]) + str(R.randint(1, 99))
    c.send(f"NICK {nick}")
    c.send(f"USER {nick} 0 * :{nick}")
    c.wait_for(r" 001 ", 3)
    chans = R.sample(CHANS[:5], R.randint(1, 3))
    for ch in chans:
        c.send(f"JOIN {ch}")
    users = load_state()
    targets = ["zadmin"] + list(users)
    for _ in range(R.randint(1, 6)):
        r = R.random()
        if r < 0.5:
            c.send(f"PRIVMSG {R.choice(chans)} :{sentence()}")
        elif r < 0.65:
            c.send(f"PRIVMSG {R.choice(targets)} :{sentence()}")
        elif r < 0.75:
            c.send(f"PRIVMSG {R.choice(targets)} :\x01{R.choice(['VERSION', 'PING 12345', 'TIME', 'FINGER'])}\x01")
        elif r < 0.85:
            c.send(f"NOTICE {R.choice(chans)} :{sentence()}")
        elif r < 0.9:
            c.send(f"NICK {nick}_{R.randint(1, 9)}")
        else:
            c.send(f"TOPIC {R.choice(chans)} :{sentence()}")
        time.sleep(R.uniform(0.1, 0.5))
    if R.random() < 0.3:  # an operator kicks somebody
        c.send("OPER oper operpw")
        time.sleep(0.2)
        ch = R.choice(chans)
        c.send(f"MODE {ch} +o {nick}")
        c.send(f"KICK {ch} {R.choice(targets)} :{sentence()}")
        if R.random() < 0.5:
            c.send(f"MODE {ch} +{R.choice(['m', 't', 'n', 'i'])}")
    time.sleep(R.uniform(0.3, 1.0))
    c.close(R.choice(["leaving", sentence(), ""]))


def a_ctcp_flood():
    c = Irc(IRC)
    nick = f"flood{R.randint(1, 99)}"
    c.send(f"NICK {nick}")
    c.send(f"USER {nick} 0 * :{nick}")
    c.wait_for(r" 001 ", 3)
    target = R.choice(["zadmin"] + list(load_state()))
    for i in range(R.randint(6, 12)):
        c.send(f"PRIVMSG {target} :\x01VERSION\x01")
    time.sleep(1)
    c.close("done")


def a_flood_out():
    """A ZNC client sends a burst of lines: ZNC's flood protection queues them."""
    u, pw, nets = pick_user()
    if not u or not nets:
        return
    c = znc_login(u, pw, nets[0])
    time.sleep(0.5)
    ch = R.choice(CHANS)
    c.send(f"JOIN {ch}")
    for i in range(R.randint(12, 25)):
        c.send(f"PRIVMSG {ch} :burst {i} {sentence()}")
    time.sleep(R.uniform(2, 4))
    c.close()


class Web:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.base = f"http://{ZNC[0]}:{ZNC[1]}"

    def get(self, path):
        try:
            with self.op.open(self.base + path, timeout=5) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")
        except OSError as e:
            return 0, str(e)

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        try:
            with self.op.open(self.base + path, data=data, timeout=5) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")
        except OSError as e:
            return 0, str(e)

    def csrf(self, page):
        m = re.search(r'name="_CSRF_Check" value="([^"]+)"', page)
        return m.group(1) if m else ""


def a_web():
    w = Web()
    code, page = w.get("/")
    users = load_state()
    branch = int(os.environ.get("ZNC_WEB_BRANCH", R.randrange(7)))
    r = [0.1, 0.3, 0.5, 0.5, 0.5, 0.5, 0.5][branch]
    if r < 0.25:
        u = R.choice(list(users) + ["admin", "mallory"]) if users else "admin"
        w.post("/login", {"user": u, "pass": f"bad{R.randint(1, 999)}", "submitted": "1",
                          "_CSRF_Check": w.csrf(page)})
        return
    if r < 0.4 and users:
        u = R.choice(list(users))
        code, page = w.post("/login", {"user": u, "pass": users[u][0], "submitted": "1", "_CSRF_Check": w.csrf(page)})
        for path in R.sample(["/mods/global/webadmin/edituser", "/mods/global/webadmin/listusers",
                              "/mods/user/notes/", "/mods/global/webadmin/", "/nosuchpage", "/pub/missing.css"], 3):
            w.get(path)
        w.get("/logout")
        return
    code, page = w.post("/login", {"user": "admin", "pass": "adminpw", "submitted": "1", "_CSRF_Check": w.csrf(page)})
    code, page = w.get("/mods/global/webadmin/listusers")
    token = w.csrf(page)
    r = [0.0, 0.0, 0.1, 0.35, 0.5, 0.7, 0.9][branch]
    if r < 0.3:
        u = R.choice(["kim", "lee", "max", "nia", "oli", "pat"]) + str(R.randint(1, 99))
        pw = f"web{R.randint(1000, 9999)}"
        code, page = w.get("/mods/global/webadmin/adduser")
        token = w.csrf(page)
        w.post("/mods/global/webadmin/adduser", {
            "submitted": "1", "_CSRF_Check": token, "user": u, "password": pw, "password2": pw,
            "nick": u, "altnick": u + "_", "ident": u, "realname": u, "bufsize": "50",
            "chanmodes": "+stn", "quitmsg": "web user leaving", "loadmod": "chansaver"})
        code, page = w.get(f"/mods/global/webadmin/addnetwork?user={u}")
        token = w.csrf(page)
        w.post("/mods/global/webadmin/addnetwork", {
            "submitted": "1", "_CSRF_Check": token, "user": u, "name": "web", "nick": u, "altnick": u + "_",
            "ident": u, "realname": u, "servers": srv(), "doconnect": "1", "floodprotection": "1",
            "floodrate": "2.00", "floodburst": "9", "joindelay": "0", "encoding": "UTF-8"})
        users[u] = [pw, "web"]
        save_state(users)
    elif r < 0.45 and users:
        u = R.choice(list(users))
        code, page = w.get(f"/mods/global/webadmin/deluser?user={u}")
        token = w.csrf(page)
        w.post("/mods/global/webadmin/deluser", {"submitted": "1", "_CSRF_Check": token, "user": u})
        users.pop(u, None)
        save_state(users)
    elif r < 0.6 and users:
        u = R.choice(list(users))
        w.get(f"/mods/global/webadmin/edituser?user={u}")
        if len(users[u]) > 1:
            w.get(f"/mods/global/webadmin/editnetwork?user={u}&network={users[u][1]}")
        w.get(f"/mods/global/webadmin/editchan?user={u}&network=nonet&name=%23nochan")
    elif r < 0.75:
        w.post("/mods/global/webadmin/adduser", {"submitted": "1", "_CSRF_Check": "forged", "user": "evil"})
    else:
        for path in R.sample(["/mods/global/webadmin/settings", "/mods/global/webadmin/traffic",
                              "/mods/global/webadmin/", "/mods/global/nosuchmod/", "/mods/user/log/",
                              "/skinfiles/_default_/global.css", "/pub/favicon.ico", "/nope"], 3):
            w.get(path)
    w.get("/logout")


ACTIONS = {k[2:]: v for k, v in globals().items() if k.startswith("a_")}

if __name__ == "__main__":
    try:
        ACTIONS[sys.argv[1]]()
    except Exception as e:  # a refused client is part of the workload
        print(sys.argv[1], "failed:", repr(e)[:200])
