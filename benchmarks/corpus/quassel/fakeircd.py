#!/usr/bin/env python3
"""A scripted IRC server (127.0.0.1:34202) that registers quassel's connections and then
sends a random mix of valid, unusual and malformed server lines; sometimes drops the link."""
import random, socket, threading, time, sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 34202
LINES = [
    ":irc.fake 005 {n} CHANMODES=b,k,l,imnpst PREFIX=(ov)@+ NETWORK=Fake :are supported",
    ":irc.fake 005 {n} CHANMODES=broken PREFIX=(ov)@+ :are supported",
    ":irc.fake 001",
    "",
    "   ",
    ":nick!u@h PRIVMSG",
    ":nick!u@h PRIVMSG #fake :hello {r}",
    ":ghost{r}!g@h PRIVMSG {n} :\x01DCC SEND file.txt 2130706433 34999 100\x01",
    ":ghost{r}!g@h PRIVMSG {n} :\x01DCC SEND file.txt 1 80 100\x01",
    ":ghost{r}!g@h PRIVMSG {n} :\x01VERSION\x01",
    ":ghost{r}!g@h PRIVMSG {n} :\x01PING 12345\x01",
    ":ghost{r}!g@h PRIVMSG {n} :\x01TIME\x01",
    ":ghost{r}!g@h NOTICE {n} :plain notice {r}",
    ":irc.fake MODE #fake +o",
    ":irc.fake MODE #fake +ov {n}",
    ":irc.fake MODE #fake +k",
    ":irc.fake MODE #nochan +o nobody{r}",
    ":stranger{r}!s@h MODE #fake +v stranger{r}",
    ":stranger{r}!s@h ACCOUNT acct{r}",
    ":stranger{r}!s@h AWAY :gone",
    ":stranger{r}!s@h CHGHOST newuser newhost",
    ":stranger{r}!s@h JOIN #fake acct :Real Name",
    ":stranger{r}!s@h JOIN",
    ":stranger{r}!s@h PART #other :bye",
    ":stranger{r}!s@h QUIT :Quit: bye",
    ":stranger{r}!s@h NICK",
    ":stranger{r}!s@h KICK #fake",
    ":irc.fake 353 {n} = #unknown{r} :@a +b c",
    ":irc.fake 352 {n} #gone{r} user host irc.fake who{r} H :0 real",
    ":irc.fake 315 {n} #gone{r} :End of WHO",
    ":irc.fake 324 {n}",
    ":irc.fake 329 {n} #fake notatime",
    ":irc.fake 333 {n} #fake setter notatime",
    ":irc.fake 301 {n}",
    ":irc.fake 311 {n} who{r}",
    ":irc.fake 433 {n}",
    ":irc.fake 999 {n} :unknown numeric {r}",
    "@time=notatimestamp :irc.fake NOTICE {n} :tagged",
    "@time=2026-12-06T12:00:00.000Z :irc.fake NOTICE {n} :tagged ok",
    ":irc.fake PONG irc.fake :LAG1234567",
    ":irc.fake PONG irc.fake :garbage",
    ":irc.fake PONG",
    "AUTHENTICATE",
    ":irc.fake CAP {n} LS :multi-prefix away-notify account-notify extended-join",
    ":irc.fake CAP {n} ACK",
    ":irc.fake CAP {n} NAK :sasl",
    ":irc.fake TOPIC",
    ":irc.fake INVITE {n}",
    ":irc.fake WALLOPS :wallops {r}",
    "NOTACOMMAND with junk \t {r}",
    ":onlyprefix",
    "PING :irc.fake",
    ":x!y@z PRIVMSG #fake :" + "A" * 300,
]

def serve(conn):
    f = conn.makefile("rb")
    nick = "unknown"
    conn.settimeout(0.2)
    def send(s):
        try:
            conn.sendall((s + "\r\n").encode("utf-8", "replace"))
        except OSError:
            pass
    deadline = time.time() + 3
    buf = b""
    while time.time() < deadline:
        try:
            d = conn.recv(4096)
            if not d:
                return
            buf += d
        except socket.timeout:
            pass
        for l in buf.split(b"\r\n"):
            if l.startswith(b"NICK "):
                nick = l[5:].decode(errors="replace").strip()
        if b"USER " in buf:
            break
    send(f":irc.fake 001 {nick} :Welcome {nick}")
    send(f":irc.fake 002 {nick} :Your host is irc.fake")
    send(f":irc.fake 003 {nick} :created now")
    send(f":irc.fake 004 {nick} irc.fake fake-1.0 iow biklmnopstv")
    send(f":irc.fake 005 {nick} CHANMODES={random.choice(['b,k,l,imnpst', 'x', 'b,k'])} PREFIX=(ov)@+ :are supported")
    send(f":irc.fake 422 {nick} :No MOTD")
    send(f":{nick}!u@h JOIN #fake")
    send(f":irc.fake 353 {nick} = #fake :@{nick} other")
    send(f":irc.fake 366 {nick} #fake :End")
    end = time.time() + random.uniform(5, 15)
    while time.time() < end:
        l = random.choice(LINES).format(n=nick, r=random.randint(0, 999))
        send(l)
        time.sleep(random.uniform(0.05, 0.4))
        try:
            d = conn.recv(4096)
            if d == b"":
                return
            for line in d.split(b"\r\n"):
                if line.startswith(b"PING"):
                    send(":irc.fake PONG irc.fake " + line[5:].decode(errors="replace"))
        except socket.timeout:
            pass
        except OSError:
            return
    if random.random() < 0.5:
        send("ERROR :Closing Link: fake server says goodbye")
    conn.close()

def main():
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PORT)); s.listen(16)
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()

main()
