#!/usr/bin/env python3
"""Randomised stand-in for an upstream Red Eclipse master server (the one the game server
registers with). Usage: fake_master.py PORT SECONDS"""
import random
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
LIFE = float(sys.argv[2]) if len(sys.argv) > 2 else 120
R = random.Random()

SYNCS = [("sv_serverdesc", lambda: '"Synced desc %d"' % R.randint(1, 99)),
         ("sv_serverclients", lambda: str(R.choice([8, 12, 16, 999]))),
         ("sv_servermotd", lambda: '"Welcome %d"' % R.randint(1, 99)),
         ("sv_queryinterval", lambda: str(R.choice([4000, 5000, 6000]))),
         ("sv_messagelength", lambda: str(R.choice([64, 128, 5]))),
         ("sv_serverclients", lambda: None),
         ("sv_nosuchvar", lambda: "1"),
         ("sv_previousmaps", lambda: "foo")]


def handle(conn, addr):
    conn.settimeout(0.3)
    hold = time.time() + R.uniform(8, 30)
    buf = b""

    def send(line):
        try:
            conn.sendall((line + "\n").encode())
        except OSError:
            pass

    while time.time() < hold:
        try:
            d = conn.recv(4096)
            if not d:
                break
            buf += d
        except socket.timeout:
            if R.random() < 0.15:
                k = R.random()
                if k < 0.4:
                    name, val = R.choice(SYNCS)
                    v = val()
                    send("sync %s%s" % (name, "" if v is None else " " + v))
                elif k < 0.6:
                    send("ban %d %d \"%s\"" % (R.randint(16777216, 4294967295), 4294967295,
                                               R.choice(["cheating", "spam", "abuse"])))
                elif k < 0.75:
                    send("echo \"%s\"" % R.choice(["maintenance window tonight", "master restarting soon"]))
                elif k < 0.85:
                    send("error \"%s\"" % R.choice(["too many requests", "internal master failure"]))
                else:
                    send("stats %s \"%s\"" % (R.choice(["success", "failure"]), "game %d" % R.randint(1, 999)))
            continue
        except OSError:
            break
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            w = line.decode("utf-8", "replace").split()
            if not w:
                continue
            if w[0] == "server":
                k = R.random()
                if k < 0.6:
                    send('echo "server registered (port %s), sending ping request (on port %d)"' % (w[1], int(w[1]) + 1))
                    if R.random() < 0.7:
                        send('echo "ping reply confirmed (on port %d), server is now listed"' % (int(w[1]) + 1))
                    else:
                        send('error "ping attempts failed (tried 5 times on port %d), server will not be listed"' % (int(w[1]) + 1))
                elif k < 0.8:
                    send('echo "server updated (port %s), sending ping request (on port %d)"' % (w[1], int(w[1]) + 1))
                else:
                    send('echo "server IP \'10.0.0.1\' does not match origin \'127.0.0.1\', server will not be listed"')
            elif w[0] == "reqserverauth":
                k = R.random()
                if k < 0.5:
                    send("chalserverauth %048x" % R.getrandbits(192))
                else:
                    send("failserverauth")
            elif w[0] == "confserverauth":
                if R.random() < 0.6:
                    send('succserverauth "%s" "%s"' % ("srvmain", R.choice(["m", "b", "s", "bs"])))
                else:
                    send("failserverauth")
    conn.close()


def main():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PORT))
    s.listen(5)
    s.settimeout(1)
    end = time.time() + LIFE
    while time.time() < end:
        try:
            c, a = s.accept()
        except socket.timeout:
            continue
        threading.Thread(target=handle, args=(c, a), daemon=True).start()
    s.close()


if __name__ == "__main__":
    main()
