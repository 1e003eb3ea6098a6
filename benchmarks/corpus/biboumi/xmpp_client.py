#!/usr/bin/python3
"""Randomised XMPP users driving biboumi (irc.localhost) through the private prosody.

usage: xmpp_client.py SEED DURATION USER[,USER...]
Each user logs in, configures IRC servers with ad-hoc commands, joins channels, talks,
sends raw IRC commands, changes nick, queries disco/MAM/version/ping, sends wrong stanzas.
"""
import asyncio
import logging
import random
import sys
import uuid
import xml.etree.ElementTree as ET

import slixmpp

logging.basicConfig(level=logging.CRITICAL)

GW = "irc.localhost"
SERVERS = {
    "127.0.0.1": {"ports": ["27010"], "tls": [["27012"], ["27010"], []]},  # ngircd
    "127.0.0.2": {"ports": ["27011"], "tls": [[]]},                      # ngircd with password
    "127.0.0.3": {"ports": ["27013"], "tls": [["27015"], ["27015"], []]},   # flaky fake ircd (TLS 27015)
    "127.0.0.4": {"ports": ["27019"], "tls": [["27018"], []]},           # nothing listening
}
CHANNELS = ["#lobby", "#dev", "#ops", "#random", "#locked", "#invite", "#test"]
WORDS = "hello world irc bridge test message ping pong foo bar baz quux lorem ipsum".split()
CMD_NS = "http://jabber.org/protocol/commands"
DATA_NS = "jabber:x:data"


def sentence(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8)))


class User(slixmpp.ClientXMPP):
    def __init__(self, name, rng, duration):
        super().__init__(f"{name}@localhost/res{rng.randint(1, 99)}", f"pw{name}")
        self.name = name
        self.rng = rng
        self.duration = duration
        self.nick = name + str(rng.randint(1, 9))
        self.joined = []
        self.done = asyncio.get_event_loop().create_future()
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("failed_auth", self.failed)
        self.add_event_handler("disconnected", self.on_disc)

    def failed(self, _):
        if not self.done.done():
            self.done.set_result(False)
        self.disconnect()

    def on_disc(self, _):
        if not self.done.done():
            self.done.set_result(True)

    # ---------- helpers
    def raw(self, text):
        try:
            self.send_raw(text)
        except Exception:
            pass

    async def iq(self, to, payload, typ="get", timeout=8):
        iq = self.Iq()
        iq["type"] = typ
        iq["to"] = to
        if payload is not None:
            iq.append(ET.fromstring(payload))
        try:
            return await iq.send(timeout=timeout)
        except Exception as exc:  # IqError / IqTimeout
            return getattr(exc, "iq", None)

    async def adhoc(self, to, node, fields=None, cancel=False):
        resp = await self.iq(to, f"<command xmlns='{CMD_NS}' node='{node}' action='execute'/>", "set")
        if resp is None or fields is None:
            return resp
        cmd = resp.xml.find(f"{{{CMD_NS}}}command")
        if cmd is None:
            return resp
        sid = cmd.get("sessionid", "")
        if cancel:
            return await self.iq(to, f"<command xmlns='{CMD_NS}' node='{node}' sessionid='{sid}' action='cancel'/>", "set")
        xf = "".join(
            f"<field var='{k}'>" + "".join(f"<value>{x}</value>" for x in (v if isinstance(v, list) else [v])) + "</field>"
            for k, v in fields.items())
        return await self.iq(to, f"<command xmlns='{CMD_NS}' node='{node}' sessionid='{sid}'>"
                                 f"<x xmlns='{DATA_NS}' type='submit'>{xf}</x></command>", "set")

    async def configure_server(self, server):
        rng = self.rng
        spec = SERVERS[server]
        fields = {"ports": spec["ports"], "tls_ports": rng.choice(spec["tls"]),
                  "verify_cert": rng.choice(["true", "false"]),
                  "realname": f"{self.name} the tester", "username": f"{self.name} user",
                  "throttle_limit": rng.choice(["10", "-1", "abc", "3"]),
                  "encoding_in": rng.choice(["", "ISO-8859-1", "utf-8", "bogus-enc"]),
                  "encoding_out": rng.choice(["", "utf-8", "latin1"])}
        if server == "127.0.0.2":
            fields["pass"] = rng.choice(["ircpass", "ircpass", "wrongpass"])
        if rng.random() < 0.3:
            fields["after_connect_commands"] = ["MODE %s +i" % self.nick, "PRIVMSG nobody :hi", "GARBAGE cmd"]
        if server == "127.0.0.3" and rng.random() < 0.5:
            fields["sasl_password"] = "saslpw"
        if rng.random() < 0.2:
            fields["nick"] = self.nick + "_cfg"
        await self.adhoc(f"{server}@{GW}", "configure", fields)

    def muc(self, chan, server, nick=None):
        return f"{chan}%{server}@{GW}/{nick or self.nick}"

    def join(self, chan, server, nick=None, extra=""):
        self.raw(f"<presence to='{self.muc(chan, server, nick)}'><x xmlns='http://jabber.org/protocol/muc'>{extra}</x></presence>")
        self.joined.append((chan, server))

    def leave(self, chan, server, status=None):
        st = f"<status>{status}</status>" if status else ""
        self.raw(f"<presence type='unavailable' to='{self.muc(chan, server)}'>{st}</presence>")
        if (chan, server) in self.joined:
            self.joined.remove((chan, server))

    def groupchat(self, chan, server, body=None, subject=None):
        to = f"{chan}%{server}@{GW}"
        inner = f"<body>{body}</body>" if body is not None else ""
        if subject is not None:
            inner += f"<subject>{subject}</subject>"
        self.raw(f"<message type='groupchat' to='{to}' id='{uuid.uuid4().hex[:8]}'>{inner}</message>")

    def private(self, to, body, typ="chat"):
        self.raw(f"<message type='{typ}' to='{to}'><body>{body}</body></message>")

    # ---------- actions
    async def act(self):
        rng = self.rng
        server = rng.choice(["127.0.0.1"] * 5 + ["127.0.0.2"] * 2 + ["127.0.0.3"] * 2 + ["127.0.0.4"])
        chan = rng.choice(CHANNELS)
        joined = self.joined
        action = rng.choice([
            "join", "join", "join", "talk", "talk", "talk", "me", "topic", "leave", "nick",
            "privmsg", "raw", "raw", "disco", "mam", "version", "ping", "adhoc", "configure",
            "garbage", "kick", "mode", "invite", "join_key", "list", "chan_config", "vcard"])
        if action in ("talk", "me", "topic", "leave", "nick", "kick", "mode", "invite") and joined:
            chan, server = rng.choice(joined)
        if action == "join":
            await self.configure_server(server) if rng.random() < 0.3 else None
            self.join(chan, server, extra=rng.choice(["", "<history maxstanzas='5'/>", "<history seconds='60'/>", "<password>bad</password>"]))
        elif action == "join_key":
            self.join("#locked", "127.0.0.1", extra=f"<password>{rng.choice(['secret', 'nope'])}</password>")
        elif action == "talk":
            body = sentence(rng)
            if rng.random() < 0.1:
                body = "/notice " + body
            self.groupchat(chan, server, body)
        elif action == "me":
            self.groupchat(chan, server, "/me " + sentence(rng))
        elif action == "topic":
            self.groupchat(chan, server, subject="topic: " + sentence(rng))
        elif action == "leave":
            self.leave(chan, server, rng.choice([None, "bye " + sentence(rng)]))
        elif action == "nick":
            self.nick = rng.choice([self.name + str(rng.randint(10, 99)), "bad nick!", "alice1", "x" * 30, self.nick])
            self.raw(f"<presence to='{self.muc(chan, server)}'/>")
        elif action == "privmsg":
            target = rng.choice(["alice1", "bob2", "nobody", "carol3", "NickServ", "dave4"])
            self.private(f"{target}%{server}@{GW}", sentence(rng), rng.choice(["chat", "normal"]))
            if rng.random() < 0.4:
                self.private(f"{chan}%{server}@{GW}/{target}", sentence(rng))
        elif action == "raw":
            cmd = rng.choice(["WHOIS alice1", "LIST", "MOTD", "VERSION", "TIME", "NAMES #lobby", "WHO #dev",
                              "PRIVMSG #lobby :raw hello", "OPER oper operpass", "OPER oper wrong",
                              "AWAY :gone", "AWAY", "FOOBAR baz", "JOIN #viaraw", "PART #viaraw", "LUSERS",
                              "MODE #lobby +m", "MODE #lobby -m", "TOPIC #dev :raw topic", "ISON alice1 bob2",
                              "USERHOST alice1", "KILL bob2 :die", "INFO", "ADMIN", "STATS u", "WHOWAS x"])
            self.private(f"{server}@{GW}", cmd)
        elif action == "disco":
            to = rng.choice([GW, f"{server}@{GW}", f"{chan}%{server}@{GW}", f"{chan}%{server}@{GW}/{self.nick}",
                             f"nobody%{server}@{GW}", f"%{GW}", f"{chan}%{GW}"])
            ns = rng.choice(["info", "items"])
            node = rng.choice(["", f" node='{CMD_NS}'"])
            await self.iq(to, f"<query xmlns='http://jabber.org/protocol/disco#{ns}'{node}/>")
        elif action == "list":
            rsm = rng.choice(["", "<set xmlns='http://jabber.org/protocol/rsm'><max>2</max></set>",
                              "<set xmlns='http://jabber.org/protocol/rsm'><max>3</max><after>#dev</after></set>"])
            await self.iq(f"{server}@{GW}", f"<query xmlns='http://jabber.org/protocol/disco#items'>{rsm}</query>", timeout=6)
        elif action == "mam":
            form = rng.choice(["", "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>urn:xmpp:mam:2</value></field><field var='start'><value>2020-01-01T00:00:00Z</value></field></x>",
                               "<x xmlns='jabber:x:data' type='submit'><field var='end'><value>not-a-date</value></field></x>"])
            rsm = rng.choice(["", "<set xmlns='http://jabber.org/protocol/rsm'><max>3</max></set>",
                              "<set xmlns='http://jabber.org/protocol/rsm'><max>5</max><before/></set>"])
            await self.iq(f"{chan}%{server}@{GW}", f"<query xmlns='urn:xmpp:mam:2' queryid='q{rng.randint(1, 999)}'>{form}{rsm}</query>", "set")
        elif action == "version":
            await self.iq(rng.choice([GW, f"{server}@{GW}", f"alice1%{server}@{GW}", f"{chan}%{server}@{GW}/bob2"]),
                          "<query xmlns='jabber:iq:version'/>", timeout=5)
        elif action == "ping":
            await self.iq(rng.choice([GW, f"{server}@{GW}", f"{chan}%{server}@{GW}", f"{chan}%{server}@{GW}/{self.nick}",
                                      f"bob2%{server}@{GW}"]), "<ping xmlns='urn:xmpp:ping'/>", timeout=5)
        elif action == "adhoc":
            node = rng.choice(["ping", "hello", "disconnect-user", "disconnect-from-irc-server", "reload",
                               "configure", "nonexistent-node"])
            to = rng.choice([GW, f"{server}@{GW}"])
            if node == "hello":
                await self.adhoc(to, node, {"name": self.name.title()})
            elif node == "disconnect-user":
                await self.adhoc(to, node, {"jids": [rng.choice(["bob@localhost", "carol@localhost", "nobody@localhost"])],
                                            "quit-message": "admin says bye"})
            elif node == "disconnect-from-irc-server":
                r = await self.adhoc(to, node, {"jid": rng.choice(["bob@localhost", "alice@localhost"])})
            elif node == "configure" and to == GW:
                await self.adhoc(to, node, {"max_history_length": rng.choice(["20", "x"]),
                                            "record_history": rng.choice(["true", "false"]),
                                            "persistent": rng.choice(["true", "false"])}, cancel=rng.random() < 0.3)
            else:
                await self.adhoc(to, node)
            if rng.random() < 0.2:
                await self.iq(to, f"<command xmlns='{CMD_NS}' node='ping' sessionid='bogus' action='next'/>", "set")
        elif action == "configure":
            await self.configure_server(server)
        elif action == "chan_config":
            await self.adhoc(f"{chan}%{server}@{GW}", "configure",
                             {"record_history": rng.choice(["unset", "true", "false"]),
                              "persistent": rng.choice(["true", "false"]),
                              "encoding_in": rng.choice(["", "latin1"])})
        elif action == "vcard":
            await self.iq(f"{rng.choice(['alice1', 'bob2', 'nobody'])}%{server}@{GW}", "<vCard xmlns='vcard-temp'/>", timeout=4)
        elif action == "garbage":
            choice = rng.randint(0, 7)
            if choice == 0:
                self.raw(f"<message to='{GW}' type='chat'><body>hello gateway</body></message>")
            elif choice == 1:
                self.raw(f"<presence to='nochannel@{GW}/nick'/>")
            elif choice == 2:
                await self.iq(f"{chan}%{server}@{GW}", "<query xmlns='urn:example:unknown'/>", "get", timeout=4)
            elif choice == 3:
                self.raw(f"<presence to='{chan}%{server}@{GW}'/>")
            elif choice == 4:
                self.raw(f"<message type='groupchat' to='#notjoined%{server}@{GW}'><body>am I here?</body></message>")
            elif choice == 5:
                await self.iq(f"%{server}@{GW}", "<query xmlns='http://jabber.org/protocol/disco#info'/>", "get", timeout=4)
            elif choice == 6:
                self.raw(f"<message type='error' to='{chan}%{server}@{GW}/{self.nick}'><error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>")
            else:
                self.raw(f"<presence type='error' to='{chan}%{server}@{GW}/{self.nick}'><error type='cancel'><gone xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>")
        elif action in ("kick", "mode"):
            victim = rng.choice(["alice1", "bob2", "carol3", "nobody"])
            if action == "kick":
                payload = f"<query xmlns='http://jabber.org/protocol/muc#admin'><item nick='{victim}' role='none'><reason>out</reason></item></query>"
            else:
                aff = rng.choice([("role", "moderator"), ("role", "participant"), ("role", "visitor"),
                                  ("affiliation", "admin"), ("affiliation", "member"), ("affiliation", "outcast")])
                payload = f"<query xmlns='http://jabber.org/protocol/muc#admin'><item nick='{victim}' {aff[0]}='{aff[1]}'/></query>"
            await self.iq(f"{chan}%{server}@{GW}", payload, "set", timeout=5)
        elif action == "invite":
            self.raw(f"<message to='{chan}%{server}@{GW}'><x xmlns='http://jabber.org/protocol/muc#user'>"
                     f"<invite to='{rng.choice(['bob2%' + server + '@' + GW, 'carol@localhost'])}'/></x></message>")
        await asyncio.sleep(rng.uniform(0.05, 0.6))

    async def start(self, _):
        self.send_presence()
        loop = asyncio.get_event_loop()
        end = loop.time() + self.duration
        try:
            for server in SERVERS:
                await self.configure_server(server)
            self.join(self.rng.choice(CHANNELS[:4]), "127.0.0.1")
            while loop.time() < end:
                await self.act()
            if self.rng.random() < 0.5:
                for chan, server in list(self.joined):
                    self.leave(chan, server, "done")
        except Exception as exc:
            print("client error", self.name, exc, file=sys.stderr)
        await asyncio.sleep(0.5)
        self.disconnect()


async def main():
    seed = int(sys.argv[1])
    duration = float(sys.argv[2])
    names = sys.argv[3].split(",")
    users = []
    for i, name in enumerate(names):
        u = User(name, random.Random(seed * 100 + i), duration)
        if name == "mallory":
            u.password = "wrong"
        u.connect(("127.0.0.1", 27001), disable_starttls=True, use_ssl=False, force_starttls=False)
        users.append(u)
    await asyncio.wait([u.done for u in users], timeout=duration + 40)
    for u in users:
        u.disconnect()
    await asyncio.sleep(1)


if __name__ == "__main__":
    asyncio.run(main())
