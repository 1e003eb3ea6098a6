#!/usr/bin/env python3
"""Tiny fake IMAP4 / POP3 / ManageSieve back-end servers for the perdition workload.

Ports (127.0.0.1): 51450 IMAP, 51451 POP3, 51452 ManageSieve,
51453 IMAP over SSL, 51454 POP3 over SSL.  Password "secret" is accepted;
users whose name starts with "flaky" get the connection dropped after login,
"slowpoke" users get no answer to LOGIN for a while.
"""
import asyncio, base64, random, ssl, sys, os

D = os.path.dirname(os.path.abspath(__file__))
GOOD = "secret"


def tls_ctx():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.path.join(D, "run", "cert.pem"), os.path.join(D, "run", "key.pem"))
    return ctx


async def readline(r):
    line = await r.readline()
    if not line:
        raise EOFError
    return line.decode("latin1").rstrip("\r\n")


def write(w, s):
    w.write((s + "\r\n").encode("latin1", "replace"))


async def starttls(r, w):
    loop = asyncio.get_running_loop()
    await w.start_tls(tls_ctx())


# ---------------- IMAP ----------------
async def read_cmd(r, w):
    """One IMAP command line, with {N} literals inlined."""
    import re
    line = await readline(r)
    while True:
        m = re.search(r"\{(\d+)(\+?)\}$", line)
        if not m:
            return line
        if not m.group(2):
            write(w, "+ OK")
            await w.drain()
        data = await r.readexactly(int(m.group(1)))
        line = line[:m.start()] + data.decode("latin1") + await readline(r)


async def imap(r, w):
    caps = "IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE STARTTLS AUTH=PLAIN"
    try:
        if random.random() < 0.03:
            write(w, "* BYE too many connections, try later"); await w.drain(); w.close(); return
        write(w, "* OK [CAPABILITY %s] fake IMAP ready." % caps)
        await w.drain()
        authed = False
        user = ""
        while True:
            line = await read_cmd(r, w)
            parts = line.split(" ", 2)
            tag = parts[0]
            cmd = parts[1].upper() if len(parts) > 1 else ""
            arg = parts[2] if len(parts) > 2 else ""
            if cmd == "CAPABILITY":
                write(w, "* CAPABILITY " + caps)
                write(w, tag + " OK Capability completed.")
            elif cmd == "STARTTLS":
                write(w, tag + " OK Begin TLS negotiation now.")
                await w.drain()
                await starttls(r, w)
            elif cmd == "LOGIN":
                a = arg.split(" ")
                user = a[0].strip('"')
                pw = a[1].strip('"') if len(a) > 1 else ""
                if user.startswith("slowpoke"):
                    await asyncio.sleep(6)
                if pw == GOOD:
                    if user.startswith("flaky"):
                        w.close(); return
                    authed = True
                    write(w, tag + " OK [CAPABILITY IMAP4rev1 IDLE NAMESPACE] Logged in")
                else:
                    await asyncio.sleep(0.2)
                    write(w, tag + " NO [AUTHENTICATIONFAILED] Authentication failed.")
            elif cmd == "AUTHENTICATE":
                write(w, "+ ")
                await w.drain()
                data = await readline(r)
                try:
                    _, u, p = base64.b64decode(data).decode().split("\0")
                except Exception:
                    write(w, tag + " BAD Invalid base64"); continue
                if p == GOOD:
                    authed = True
                    write(w, tag + " OK Logged in")
                else:
                    write(w, tag + " NO [AUTHENTICATIONFAILED] Authentication failed.")
            elif cmd == "LOGOUT":
                write(w, "* BYE Logging out")
                write(w, tag + " OK Logout completed.")
                await w.drain(); w.close(); return
            elif cmd == "NOOP":
                write(w, tag + " OK NOOP completed.")
            elif cmd in ("SELECT", "EXAMINE") and authed:
                n = random.randint(0, 50)
                write(w, "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)")
                write(w, "* %d EXISTS" % n)
                write(w, "* 0 RECENT")
                write(w, "* OK [UIDVALIDITY %d] UIDs valid" % random.randint(1, 10**9))
                write(w, tag + " OK [READ-WRITE] Select completed.")
            elif cmd == "LIST" and authed:
                for box in ("INBOX", "Sent", "Trash"):
                    write(w, '* LIST (\\HasNoChildren) "/" %s' % box)
                write(w, tag + " OK List completed.")
            elif cmd == "FETCH" and authed:
                write(w, "* 1 FETCH (FLAGS (\\Seen) RFC822.SIZE %d)" % random.randint(100, 9000))
                write(w, tag + " OK Fetch completed.")
            elif cmd == "DIE":
                w.close(); return
            elif not cmd:
                write(w, "* BAD Error in IMAP command received by server.")
            elif not authed:
                write(w, tag + " BAD Error in IMAP command %s: not authenticated." % cmd)
            else:
                write(w, tag + " BAD Error in IMAP command %s: Unknown command." % cmd)
            await w.drain()
    except (EOFError, ConnectionError, ssl.SSLError, OSError):
        w.close()


# ---------------- POP3 ----------------
async def pop3(r, w):
    try:
        write(w, "+OK fake POP3 ready <%d.%d@localhost>" % (os.getpid(), random.randint(1, 99999)))
        await w.drain()
        user = None
        authed = False
        while True:
            line = await readline(r)
            cmd, _, arg = line.partition(" ")
            cmd = cmd.upper()
            if cmd == "CAPA":
                for c in ("+OK", "TOP", "UIDL", "USER", "STLS", "SASL PLAIN", "."):
                    write(w, c)
            elif cmd == "STLS":
                write(w, "+OK Begin TLS negotiation now.")
                await w.drain()
                await starttls(r, w)
            elif cmd == "USER":
                user = arg
                write(w, "+OK")
            elif cmd == "PASS":
                if user and user.startswith("slowpoke"):
                    await asyncio.sleep(6)
                if user and arg == GOOD:
                    if user.startswith("flaky"):
                        w.close(); return
                    authed = True
                    write(w, "+OK Logged in.")
                else:
                    await asyncio.sleep(0.2)
                    write(w, "-ERR [AUTH] Authentication failed.")
            elif cmd == "STAT" and authed:
                write(w, "+OK %d %d" % (random.randint(0, 20), random.randint(0, 100000)))
            elif cmd == "LIST" and authed:
                write(w, "+OK 2 messages:")
                write(w, "1 %d" % random.randint(100, 5000))
                write(w, "2 %d" % random.randint(100, 5000))
                write(w, ".")
            elif cmd == "RETR" and authed:
                write(w, "+OK message follows")
                write(w, "Subject: hello %d" % random.randint(1, 999))
                write(w, "")
                write(w, "body text")
                write(w, ".")
            elif cmd == "QUIT":
                write(w, "+OK Logging out.")
                await w.drain(); w.close(); return
            elif cmd == "NOOP":
                write(w, "+OK")
            else:
                write(w, "-ERR Unknown command: %s" % cmd)
            await w.drain()
    except (EOFError, ConnectionError, ssl.SSLError, OSError):
        w.close()


# ---------------- ManageSieve ----------------
async def sieve(r, w):
    def caps():
        write(w, '"IMPLEMENTATION" "fake sieve"')
        write(w, '"SIEVE" "fileinto reject envelope"')
        write(w, '"SASL" "PLAIN"')
        write(w, '"STARTTLS"')
        write(w, '"VERSION" "1.0"')
        write(w, 'OK "ready."')
    try:
        caps()
        await w.drain()
        authed = False
        while True:
            line = await readline(r)
            cmd = line.split(" ", 1)[0].upper()
            if cmd == "CAPABILITY":
                caps()
            elif cmd == "STARTTLS":
                write(w, 'OK "Begin TLS negotiation now."')
                await w.drain()
                await starttls(r, w)
                caps()
            elif cmd == "AUTHENTICATE":
                rest = line.split(" ", 2)
                data = rest[2].strip('"') if len(rest) > 2 else ""
                if not data:
                    write(w, '""'); await w.drain()
                    data = (await readline(r)).strip('"')
                try:
                    _, u, p = base64.b64decode(data).decode().split("\0")
                except Exception:
                    write(w, 'NO "Invalid base64 data"'); await w.drain(); continue
                if p == GOOD:
                    authed = True
                    write(w, 'OK "Logged in."')
                else:
                    write(w, 'NO "Authentication failed."')
            elif cmd == "LISTSCRIPTS" and authed:
                write(w, '"vacation" ACTIVE')
                write(w, '"spam"')
                write(w, 'OK "Listscripts completed."')
            elif cmd == "LOGOUT":
                write(w, 'OK "Logout completed."')
                await w.drain(); w.close(); return
            elif cmd == "NOOP":
                write(w, 'OK "NOOP completed."')
            else:
                write(w, 'NO "Unknown command."')
            await w.drain()
    except (EOFError, ConnectionError, ssl.SSLError, OSError):
        w.close()


async def main():
    ctx = tls_ctx()
    servers = [
        await asyncio.start_server(imap, "127.0.0.1", 51450),
        await asyncio.start_server(pop3, "127.0.0.1", 51451),
        await asyncio.start_server(sieve, "127.0.0.1", 51452),
        await asyncio.start_server(imap, "127.0.0.1", 51453, ssl=ctx),
        await asyncio.start_server(pop3, "127.0.0.1", 51454, ssl=ctx),
    ]
    await asyncio.gather(*(s.serve_forever() for s in servers))


if __name__ == "__main__":
    asyncio.run(main())
