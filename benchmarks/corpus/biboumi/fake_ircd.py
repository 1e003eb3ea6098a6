#!/usr/bin/python3
"""A flaky IRC server for biboumi: welcomes, sends odd and broken lines, then drops the link.
usage: fake_ircd.py SEED CERT KEY  (listens on 127.0.0.3:27013, TLS on 127.0.0.3:27015, until killed)"""
import asyncio
import random
import ssl
import sys

rng = random.Random(int(sys.argv[1]))

ODD = [
    b":fake.irc 422 {n} :MOTD File is missing\r\n",
    b":op!o@h MODE #lobby +o ghost\r\n",
    b":op!o@h MODE #lobby +Z something\r\n",
    b":op!o@h MODE #lobby +v\r\n",
    b":ghost!g@h KICK #lobby {n} :kicked by a ghost\r\n",
    b":ghost!g@h PART #lobby :leaving a channel\r\n",
    b":fake.irc 366 {n} #lobby :End of NAMES list\r\n",
    b":fake.irc CAP {n} ACK :unrequested-cap\r\n",
    b"AUTHENTICATE +\r\n",
    b":fake.irc JOIN\r\n",
    b":fake.irc 004\r\n",
    b":fake.irc 396 {n} hidden.host :is now your displayed host\r\n",
    b":fake.irc 438 {n} newer :Nick change too fast\r\n",
    b":fake.irc 401 {n} nobody :No such nick/channel\r\n",
    b":fake.irc 482 {n} #lobby :You're not channel operator\r\n",
    b":someone!u@h INVITE {n} #secret\r\n",
    b":someone!u@h TOPIC #lobby :a new topic from afar\r\n",
    b":fake.irc NOTICE {n} :*** you are on a flaky server\r\n",
    b":fake.irc 999 {n} unknown numeric reply\r\n",
    b"THISISNOTACOMMAND with args\r\n",
    b":fake.irc PRIVMSG\r\n",
    b":someone!u@h PRIVMSG {n} :\x01VERSION\x01\r\n",
    b":someone!u@h PRIVMSG {n} :\x01PING 12345\x01\r\n",
    b":someone!u@h PRIVMSG {n} :\x01TIME\x01\r\n",
    b":someone!u@h PRIVMSG {n} :caf\xe9 latin1 bytes\r\n",
    b":someone!u@h NOTICE {n} :a notice for you\r\n",
    b":someone!u@h PRIVMSG #nochan :message to an unknown channel\r\n",
    b":someone!u@h KICK #nochan {n} :kicked from nothing\r\n",
    b":someone!u@h MODE {n} +iw\r\n",
    b":someone!u@h NICK newnick\r\n",
    b":someone!u@h QUIT :gone away\r\n",
    b"PING :fake.irc\r\n",
    b":fake.irc 433 * {n} :Nickname is already in use\r\n",
    b":fake.irc 432 * {n} :Erroneous nickname\r\n",
    b":fake.irc 464 {n} :Password incorrect\r\n",
    b":fake.irc 005 {n} CHANTYPES=#& PREFIX=(qaohv)~&@%+ CHANMODES=b,k,l,imnpst NETWORK=Fake :are supported\r\n",
    b":fake.irc 301 {n} bob :I am away\r\n",
    b":fake.irc 4 {n}\r\n",
    b"\r\n",
    b":\r\n",
]


async def handle(reader, writer):
    nick = b"guest"
    try:
        mode = rng.random()
        if mode < 0.15:
            writer.close()
            return
        welcomed = False
        end = asyncio.get_event_loop().time() + rng.uniform(2, 25)
        while asyncio.get_event_loop().time() < end:
            try:
                line = await asyncio.wait_for(reader.readline(), 1.0)
            except asyncio.TimeoutError:
                line = None
            if line == b"":
                break
            if line:
                parts = line.strip().split(b" ")
                if parts[0] == b"NICK" and len(parts) > 1:
                    nick = parts[1]
                if parts[0] == b"USER" and not welcomed:
                    welcomed = True
                    writer.write(b":fake.irc 001 %s :Welcome to the fake network %s\r\n" % (nick, nick))
                    writer.write(b":fake.irc 002 %s :Your host is fake.irc\r\n" % nick)
                    writer.write(b":fake.irc 003 %s :This server was created today\r\n" % nick)
                    writer.write(b":fake.irc 004 %s fake.irc fake-1.0 iw bklmnopstv\r\n" % nick)
                if parts[0] == b"JOIN" and len(parts) > 1:
                    ch = parts[1].split(b",")[0]
                    writer.write(b":%s!u@h JOIN :%s\r\n" % (nick, ch))
                    writer.write(b":fake.irc 332 %s %s :fake topic\r\n" % (nick, ch))
                    writer.write(b":fake.irc 353 %s = %s :%s @op +voiced ~owner\r\n" % (nick, ch, nick))
                    writer.write(b":fake.irc 366 %s %s :End of NAMES list\r\n" % (nick, ch))
                    writer.write(b":op!o@h MODE %s +o %s\r\n" % (ch, nick))
                    writer.write(b":op!o@h PRIVMSG %s :welcome %s\r\n" % (ch, nick))
                    if rng.random() < 0.3:
                        writer.write(b":op!o@h KICK %s %s :you are not welcome\r\n" % (ch, nick))
                if parts[0] == b"CAP" and len(parts) > 2 and parts[1] == b"REQ":
                    caps = b" ".join(parts[2:]).lstrip(b":")
                    writer.write(b":fake.irc CAP * %s :%s\r\n" % (rng.choice([b"ACK", b"ACK", b"NAK"]), caps))
                if parts[0] == b"AUTHENTICATE":
                    if parts[1:2] == [b"PLAIN"]:
                        writer.write(b"AUTHENTICATE +\r\n")
                    else:
                        writer.write(rng.choice([b":fake.irc 900 %s %s!u@h %s :You are now logged in as %s\r\n" % (nick, nick, nick, nick) +
                                                 b":fake.irc 903 %s :SASL authentication successful\r\n" % nick,
                                                 b":fake.irc 904 %s :SASL authentication failed\r\n" % nick]))
                if parts[0] == b"PING" and len(parts) > 1:
                    writer.write(b":fake.irc PONG fake.irc " + parts[1] + b"\r\n")
            if welcomed and rng.random() < 0.5:
                writer.write(rng.choice(ODD).replace(b"{n}", nick))
            await writer.drain()
        if rng.random() < 0.5:
            writer.write(b"ERROR :Closing Link: flaky server going away\r\n")
            await writer.drain()
        writer.close()
    except Exception:
        try:
            writer.close()
        except Exception:
            pass


async def main():
    server = await asyncio.start_server(handle, "127.0.0.3", 27013)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(sys.argv[2], sys.argv[3])
    tls_server = await asyncio.start_server(handle, "127.0.0.3", 27015, ssl=ctx)
    async with server, tls_server:
        await asyncio.gather(server.serve_forever(), tls_server.serve_forever())


asyncio.run(main())
