#!/usr/bin/env python3
"""Hand-made git:// client for the git daemon workload: sends broken, hostile or slow
requests that git itself never sends.  Usage: rawgit.py PORT SCENARIO [ARGS...]"""
import random
import socket
import sys
import time


def pkt(data):
    if isinstance(data, str):
        data = data.encode()
    return b"%04x" % (len(data) + 4) + data


def conn(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    return s


def drain(s, wait=1.0):
    s.settimeout(wait)
    out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except (socket.timeout, OSError):
        pass
    return out


def main():
    port = int(sys.argv[1])
    scen = sys.argv[2]
    args = sys.argv[3:]
    try:
        s = conn(port)
        if scen == "http":
            s.sendall(random.choice([b"GET /alpha.git/info/refs HTTP/1.1\r\nHost: x\r\n\r\n",
                                     b"SSH-2.0-OpenSSH_9.2\r\n", b"\x16\x03\x01\x00\xa5\x01\x00"]))
        elif scen == "badlen":
            s.sendall(b"00zzgit-upload-pack /alpha.git\0")
        elif scen == "shortlen":
            s.sendall(b"0002")
        elif scen == "len3":
            s.sendall(random.choice([b"0003", b"0001", b"0000"]) if args else b"0003")
        elif scen == "longpath":
            # args: prefix host -- a path longer than PATH_MAX
            s.sendall(pkt("git-upload-pack %s%s\0host=%s\0" % (args[0], "x" * (4100 + random.randint(0, 50)), args[1])))
        elif scen == "eof":
            s.sendall(b"003")
            s.shutdown(socket.SHUT_WR)
        elif scen == "unknown":
            s.sendall(pkt(random.choice(["git-frobnicate /alpha.git\0", "hello\n",
                                         "git-upload-packs /alpha.git\0", "upload-pack /alpha.git\n"])))
        elif scen == "request":
            # args: service path [host] [extra ...]
            body = "git-%s %s\0" % (args[0], args[1])
            if len(args) > 2:
                body += "host=%s\0" % args[2]
            if len(args) > 3:
                body += "\0" + "\0".join(args[3:]) + "\0"
            s.sendall(pkt(body))
        elif scen == "badhost":
            choices = ["git-upload-pack /alpha.git\0host=[::1\0",
                                  "git-upload-pack /alpha.git\0host=[127.0.0.1]x9418\0",
                                  "git-upload-pack /alpha.git\0vhost=example\0",
                                  "git-upload-pack /alpha.git\0host=a.example\0junk\0"]
            body = choices[int(args[0])] if args else random.choice(choices)
            s.sendall(pkt(body))
        elif scen == "idle":
            time.sleep(float(args[0]) if args else 5)
        elif scen == "hangup":
            # ask for a repository, then vanish before the negotiation
            s.sendall(pkt("git-upload-pack /%s\0host=127.0.0.1\0" % (args[0] if args else "alpha.git")))
            s.recv(64)
            s.close()
            return 0
        elif scen == "stall":
            # request a service, then keep the connection open without negotiating
            s.sendall(pkt("git-upload-pack /%s\0host=127.0.0.1\0" % (args[0] if args else "alpha.git")))
            time.sleep(float(args[1]) if len(args) > 1 else 4)
        elif scen == "wantbad":
            # v0 negotiation asking for an object the server does not have
            s.sendall(pkt("git-upload-pack /%s\0host=127.0.0.1\0" % (args[0] if args else "alpha.git")))
            drain(s, 0.5)
            s.sendall(pkt("want %040x multi_ack side-band-64k\n" % random.getrandbits(160)) + b"0000")
            s.sendall(pkt("done\n"))
        elif scen == "badwant":
            s.sendall(pkt("git-upload-pack /%s\0host=127.0.0.1\0" % (args[0] if args else "alpha.git")))
            drain(s, 0.5)
            lines = ["wnat deadbeef\n", "want xyz\n", "have 1234\n", "shallow nope\n", "deepen abc\n",
                     "deepen-since yesterday\n", "deepen-not refs/heads/nosuch\n", "filter blob:none\n"]
            line = lines[int(args[1])] if len(args) > 1 else random.choice(lines)
            s.sendall(pkt(line) + b"0000")
        elif scen == "pushgarbage":
            s.sendall(pkt("git-receive-pack /%s\0host=127.0.0.1\0" % (args[0] if args else "beta.git")))
            drain(s, 0.5)
            s.sendall(pkt("%040x %040x refs/heads/x\0report-status\n" % (0, random.getrandbits(160))) + b"0000" + b"PACKgarbage")
        else:
            print("unknown scenario", scen)
            return 2
        drain(s, 1.5)
    except OSError as e:
        print("rawgit:", scen, type(e).__name__, e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
