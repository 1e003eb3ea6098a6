#!/usr/bin/env python3
"""Tiny loopback IRC server used only to host the Limnoria bot for the workload."""
import asyncio, sys, time

HOST, PORT = "127.0.0.1", int(sys.argv[1])
SRV = "irc.loop.test"
clients = {}      # nick -> Client
channels = {}     # name -> {"members": set(nicks), "topic": str, "ops": set()}

class Client:
    def __init__(self, r, w):
        self.r, self.w = r, w
        self.nick = None; self.user = "u"; self.host = "127.0.0.1"; self.reg = False; self.user_set = False
    def prefix(self):
        return f"{self.nick}!{self.user}@{self.host}"
    def send(self, line):
        try:
            self.w.write((line + "\r\n").encode("utf-8", "replace"))
        except Exception:
            pass
    def num(self, code, text):
        self.send(f":{SRV} {code} {self.nick or '*'} {text}")

def bcast(chan, line, skip=None):
    for n in list(channels.get(chan, {}).get("members", ())):
        if n != skip and n in clients:
            clients[n].send(line)

def part_all(c, msg):
    seen = set()
    for name, ch in list(channels.items()):
        if c.nick in ch["members"]:
            for n in ch["members"]:
                if n != c.nick: seen.add(n)
            ch["members"].discard(c.nick); ch["ops"].discard(c.nick)
            if not ch["members"]: del channels[name]
    for n in seen:
        if n in clients: clients[n].send(f":{c.prefix()} QUIT :{msg}")

async def handle(r, w):
    c = Client(r, w)
    c.host = w.get_extra_info("peername")[0]
    try:
        while True:
            raw = await r.readline()
            if not raw: break
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if not line: continue
            parts = line.split(" :", 1)
            args = parts[0].split()
            if len(parts) > 1: args.append(parts[1])
            if not args: continue
            cmd = args[0].upper(); a = args[1:]
            if cmd == "CAP":
                if a and a[0] == "LS": c.send(f":{SRV} CAP * LS :")
                continue
            if cmd == "PASS": continue
            if cmd == "NICK":
                if not a: c.num("431", ":No nickname given"); continue
                new = a[0]
                if new in clients and clients[new] is not c:
                    c.num("433", f"{new} :Nickname is already in use"); continue
                if c.reg:
                    old = c.prefix(); del clients[c.nick]; clients[new] = c
                    for ch in channels.values():
                        if c.nick in ch["members"]:
                            ch["members"].discard(c.nick); ch["members"].add(new)
                            if c.nick in ch["ops"]: ch["ops"].discard(c.nick); ch["ops"].add(new)
                    c.send(f":{old} NICK :{new}")
                    for n in clients:
                        if n != new: clients[n].send(f":{old} NICK :{new}")
                    c.nick = new
                else:
                    c.nick = new
            elif cmd == "USER":
                c.user = a[0] if a else "u"; c.user_set = True
            elif cmd == "PING":
                c.send(f":{SRV} PONG {SRV} :{a[-1] if a else ''}"); continue
            elif cmd == "PONG":
                continue
            elif not c.reg:
                c.num("451", ":You have not registered")
            if not c.reg and c.nick and c.user_set and cmd in ("USER", "NICK"):
                if c.nick in clients and clients[c.nick] is not c:
                    continue
                c.reg = True; clients[c.nick] = c
                c.num("001", f":Welcome to the loop IRC network {c.prefix()}")
                c.num("002", f":Your host is {SRV}, running tinyircd")
                c.num("003", ":This server was created today")
                c.num("004", f"{SRV} tinyircd-1 io ov")
                c.num("005", "CHANTYPES=# PREFIX=(ov)@+ NETWORK=LoopNet CASEMAPPING=ascii NICKLEN=30 :are supported by this server")
                c.num("375", f":- {SRV} Message of the day -")
                c.num("372", ":- welcome")
                c.num("376", ":End of /MOTD command.")
                continue
            if not c.reg: continue
            if cmd == "JOIN":
                for name in a[0].split(","):
                    if not name.startswith("#"): c.num("403", f"{name} :No such channel"); continue
                    ch = channels.setdefault(name, {"members": set(), "topic": "", "ops": set()})
                    if not ch["members"]: ch["ops"].add(c.nick)
                    ch["members"].add(c.nick)
                    bcast(name, f":{c.prefix()} JOIN {name}")
                    if ch["topic"]: c.num("332", f"{name} :{ch['topic']}")
                    names = " ".join(("@" if n in ch["ops"] else "") + n for n in ch["members"])
                    c.num("353", f"= {name} :{names}"); c.num("366", f"{name} :End of /NAMES list.")
            elif cmd == "PART":
                for name in a[0].split(","):
                    ch = channels.get(name)
                    if not ch or c.nick not in ch["members"]: c.num("442", f"{name} :You're not on that channel"); continue
                    bcast(name, f":{c.prefix()} PART {name} :{a[1] if len(a) > 1 else ''}")
                    ch["members"].discard(c.nick)
                    if not ch["members"]: del channels[name]
            elif cmd in ("PRIVMSG", "NOTICE"):
                if len(a) < 2: c.num("412", ":No text to send"); continue
                for t in a[0].split(","):
                    if t.startswith("#"):
                        if t in channels: bcast(t, f":{c.prefix()} {cmd} {t} :{a[1]}", skip=c.nick)
                        else: c.num("403", f"{t} :No such channel")
                    elif t in clients: clients[t].send(f":{c.prefix()} {cmd} {t} :{a[1]}")
                    else: c.num("401", f"{t} :No such nick/channel")
            elif cmd == "TOPIC":
                ch = channels.get(a[0]) if a else None
                if ch is None: c.num("403", f"{a[0] if a else '*'} :No such channel"); continue
                if len(a) > 1:
                    ch["topic"] = a[1]; bcast(a[0], f":{c.prefix()} TOPIC {a[0]} :{a[1]}")
                else:
                    c.num("332", f"{a[0]} :{ch['topic']}") if ch["topic"] else c.num("331", f"{a[0]} :No topic is set")
            elif cmd == "MODE":
                if a and a[0].startswith("#"):
                    ch = channels.get(a[0])
                    if ch is None: c.num("403", f"{a[0]} :No such channel"); continue
                    if len(a) == 1: c.num("324", f"{a[0]} +nt"); continue
                    if a[1] in ("b", "+b"): c.num("368", f"{a[0]} :End of channel ban list"); continue
                    if c.nick not in ch["ops"]: c.num("482", f"{a[0]} :You're not channel operator"); continue
                    if len(a) > 2 and a[1] in ("+o", "-o"):
                        (ch["ops"].add if a[1] == "+o" else ch["ops"].discard)(a[2])
                    bcast(a[0], f":{c.prefix()} MODE {' '.join(a)}")
                else:
                    c.num("221", "+i")
            elif cmd == "WHO":
                t = a[0] if a else "*"
                for n in channels.get(t, {}).get("members", ()):
                    x = clients.get(n)
                    if x: c.num("352", f"{t} {x.user} {x.host} {SRV} {n} H :0 {n}")
                c.num("315", f"{t} :End of /WHO list.")
            elif cmd == "WHOIS":
                t = a[-1] if a else ""
                if t in clients:
                    x = clients[t]; c.num("311", f"{t} {x.user} {x.host} * :{t}")
                else: c.num("401", f"{t} :No such nick/channel")
                c.num("318", f"{t} :End of /WHOIS list.")
            elif cmd == "KICK":
                ch = channels.get(a[0]) if a else None
                if ch is None or len(a) < 2: c.num("403", f"{a[0] if a else '*'} :No such channel"); continue
                if c.nick not in ch["ops"]: c.num("482", f"{a[0]} :You're not channel operator"); continue
                bcast(a[0], f":{c.prefix()} KICK {a[0]} {a[1]} :{a[2] if len(a) > 2 else c.nick}")
                ch["members"].discard(a[1])
            elif cmd == "QUIT":
                c.send(f"ERROR :Closing Link: {c.host} (Quit: {a[0] if a else ''})")
                break
            elif cmd in ("USERHOST", "ISON", "AWAY", "LUSERS", "MOTD"):
                c.num("376" if cmd == "MOTD" else "303", ":")
            else:
                c.num("421", f"{cmd} :Unknown command")
    except Exception:
        pass
    finally:
        if c.reg and clients.get(c.nick) is c:
            part_all(c, "Client exited"); del clients[c.nick]
        try:
            w.close()
        except Exception:
            pass

async def main():
    s = await asyncio.start_server(handle, HOST, PORT)
    async with s:
        await s.serve_forever()

asyncio.run(main())
