#!/usr/bin/env python3
"""Misbehaving IRC server for bip (127.0.0.1, ports given as arguments): answers SASL
negotiation in random ways, sends odd ISUPPORT/CAP/AUTHENTICATE/9xx lines, then
chats a little and drops or closes the link."""
import random, socket, sys, threading, time

def serve(conn):
    conn.settimeout(0.3)
    buf = b""
    def send(s):
        try: conn.sendall((s + "\r\n").encode())
        except OSError: pass
    def lines(t):
        nonlocal buf
        end = time.time() + t; out = []
        while time.time() < end:
            try:
                d = conn.recv(4096)
                if not d: out.append(None); break
                buf += d
            except socket.timeout:
                pass
            except OSError:
                out.append(None); break
            while b"\r\n" in buf:
                l, buf = buf.split(b"\r\n", 1); out.append(l.decode(errors="replace"))
        return out
    got = lines(1.5)
    if None in got: return
    nick = "bipuser"
    for l in got:
        if l.startswith("NICK "): nick = l[5:]
    sasl = any(l.startswith("CAP REQ") for l in got)
    if sasl:
        how = random.choice(["ok", "ok", "nak", "gibberish", "fail", "toolong", "aborted", "mechs", "unhandled"])
        if how == "nak":
            send("CAP * NAK :sasl"); lines(1); conn.close(); return
        if how == "unhandled":
            send("CAP * LS :multi-prefix")
        send("CAP * ACK :sasl")
        lines(0.8)
        if how == "gibberish":
            send("AUTHENTICATE what is this"); lines(1); conn.close(); return
        send("AUTHENTICATE +")
        lines(0.8)
        if how == "fail": send(f":irc.fake 904 {nick} :SASL authentication failed")
        elif how == "toolong": send(f":irc.fake 905 {nick} :SASL message too long")
        elif how == "aborted": send(f":irc.fake 906 {nick} :SASL authentication aborted")
        elif how == "mechs": send(f":irc.fake 908 {nick} EXTERNAL,SCRAM :are available SASL mechanisms")
        else:
            send(f":irc.fake 900 {nick} {nick}!u@127.0.0.1 acct :You are now logged in as acct")
            if random.random() < 0.5: send(f":irc.fake 900 {nick} :short")
            send(f":irc.fake 903 {nick} :SASL authentication successful")
        if how in ("fail", "toolong", "aborted", "mechs"):
            lines(1); conn.close(); return
        lines(0.5)
    send(f":irc.fake 001 {nick} :Welcome {nick}")
    send(f":irc.fake 002 {nick} :Your host is irc.fake")
    send(f":irc.fake 003 {nick} :created")
    send(f":irc.fake 004 {nick} irc.fake fake-1 iow biklmnopstv")
    send(f":irc.fake 005 {nick} " + random.choice(["PREFIX=(ov)@+ CHANMODES=b,k,l,imnpst", "PREFIX=garbage CHANMODES=b,k,l,imnpst",
                                                   "PREFIX=(ovh)@+ CHANMODES=b", "PREFIX=(o CHANTYPES=#"]) + " :are supported")
    send(f":irc.fake 422 {nick} :No MOTD")
    extra = [f"AUTHENTICATE +", f"CAP {nick} LS :sasl", f":irc.fake 901 {nick} {nick}!u@h :You are now logged out",
             f":irc.fake 901 {nick}", f":irc.fake 902 {nick} :account unavailable", f":irc.fake 907 {nick} :already authenticated",
             f":irc.fake NOTICE {nick} :hello from fake", f"PING :irc.fake", f":ghost!g@h PRIVMSG {nick} :hi there",
             f":irc.fake 315 {nick} #x :End of WHO", f":irc.fake 368 {nick} #x :End of ban list"]
    for _ in range(random.randint(3, 8)):
        send(random.choice(extra)); time.sleep(random.uniform(0.05, 0.3))
        if None in lines(0.1): return
    lines(random.uniform(2, 8))
    if random.random() < 0.5:
        send("ERROR :Closing Link: fake says bye")
    conn.close()

def listen(port):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(16)
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()

for p in sys.argv[1:]:
    threading.Thread(target=listen, args=(int(p),), daemon=True).start()
while True:
    time.sleep(3600)
