#!/root/.pyenv/versions/3.13.0/bin/python3
"""Speak the NSCA-ng protocol by hand over TLS-PSK, for malformed requests.

usage: rawclient.py PORT IDENTITY KEY SCENARIO
"""
import random
import socket
import ssl
import sys
import time

port, ident, key, scen = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


def connect():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if random.random() < 0.5:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
        ctx.set_ciphers("PSK")
    ctx.set_psk_client_callback(lambda hint: (ident, key.encode()))
    raw = socket.create_connection(("127.0.0.1", port), timeout=10)
    return ctx.wrap_socket(raw, server_hostname=None)


def rd(s):
    try:
        return s.recv(4096).decode(errors="replace").strip()
    except (OSError, ssl.SSLError) as e:
        return f"<{e}>"


def say(s, text, wait=True):
    s.sendall(text.encode())
    reply = rd(s) if wait else ""
    print(f"{scen}: > {text.strip()[:60]!r} < {reply!r}")
    return reply


def sid():
    return "".join(random.choice("abcdefghjkmnpqrstuvwxyzABCDEFGH23456789") for _ in range(8))


def push(s, data):
    say(s, f"PUSH {len(data)}\r\n")
    return say(s, data)


ts = int(time.time())
try:
    if scen == "plaintcp":
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        raw.sendall(random.choice([b"GET / HTTP/1.0\r\n\r\n", b"HELO nagios\r\n", bytes(random.randrange(256) for _ in range(64))]))
        print(scen, raw.recv(100))
        raw.close()
        sys.exit(0)
    if scen == "tcpclose":
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        time.sleep(0.2)
        raw.close()
        sys.exit(0)
    s = connect()
    if scen == "ping":
        say(s, "PING 1\r\n")
    elif scen == "badhello":
        say(s, random.choice(["HELLO there\r\n", "GET / HTTP/1.1\r\n", "EHLO x\r\n"]))
        say(s, "MOIN\r\n")
        say(s, f"MOIN foo {sid()}\r\n")
        say(s, "QUIT\r\n")
    elif scen == "clientbail":
        if random.random() < 0.5:
            say(s, f"MOIN 1 {sid()}\r\n")
        say(s, "BAIL " + random.choice(["Cannot read input", "Giving up", "Timeout on my side"]) + "\r\n")
    elif scen == "badpush":
        say(s, f"MOIN 1 {sid()}\r\n")
        say(s, "PUSH\r\n")
        say(s, "PUSH many\r\n")
        say(s, f"PUSH {random.randint(5000, 90000)}\r\n")
        say(s, random.choice(["SEND 12\r\n", "HELP\r\n", "STATUS web01\r\n"]))
        say(s, "QUIT\r\n")
    elif scen == "badcmd":
        session = sid()
        say(s, f"MOIN 1 {session}\r\n")
        kind = random.choice(["nonl", "embedded", "nots", "all"])
        if kind in ("nonl", "all"):
            push(s, f"[{ts}] PROCESS_HOST_CHECK_RESULT;web01;0;UP")
        if kind in ("embedded", "all"):
            # The server's log buffer holds 767 characters: put the embedded newline where the
            # echo of the command ("<peer> C: ...") keeps it but "Refusing data from <peer>: ..." does not.
            peer = f"{ident}@127.0.0.1 (ID: {session})"
            first = f"[{ts}] PROCESS_SERVICE_CHECK_RESULT;web01;HTTP;0;OK - "
            first += "".join(random.choice("abcdefghij ") for _ in range(745 - len(peer) - len(first)))
            push(s, first + f"\n[{ts}] SHUTDOWN_PROGRAM;" + "z" * 60 + "\n")
        if kind in ("nots", "all"):
            push(s, "[PROCESS_SERVICE_CHECK_RESULT;web01;HTTP;2;CRITICAL - timestamp bracket left open\n")
        push(s, f"[{ts}] PROCESS_HOST_CHECK_RESULT;web01;{random.randint(0,2)};raw client\n")
        say(s, "QUIT\r\n")
    elif scen == "longline":
        say(s, f"MOIN 1 {sid()}\r\n")
        say(s, "NOOP " + "x" * random.randint(2100, 3000) + "\r\n")
    elif scen == "noop":
        say(s, f"MOIN 1 {sid()}\r\n")
        say(s, "NOOP\r\n")  # the server answers but reads nothing more: the session times out
        print(scen, rd(s))
    elif scen == "idle":
        say(s, f"MOIN 1 {sid()}\r\n")
        time.sleep(5.5)
        print(scen, rd(s))
    elif scen == "idlehello":
        time.sleep(5.5)
        print(scen, rd(s))
    elif scen == "abort":
        say(s, f"MOIN 1 {sid()}\r\n")
        if random.random() < 0.5:
            say(s, "PUSH 80\r\n")
            s.sendall(b"[1] PROCESS")
        time.sleep(0.3)
        s.close()  # drop without QUIT / close_notify
    elif scen == "shutdown":
        say(s, f"MOIN 1 {sid()}\r\n")
        s.unwrap()
    s.close()
except (OSError, ssl.SSLError) as e:
    print(f"{scen}: error {e}")
