#!/usr/bin/env python3
"""Minimal fake DDNet/Teeworlds 0.6 client (no snapshot handling) for the ddnet workload.
usage: fakeclient.py PORT NAME SEED [mode]"""
import random, socket, struct, sys, time

PORT = int(sys.argv[1]); NAME = sys.argv[2]; random.seed(int(sys.argv[3]))
MODE = sys.argv[4] if len(sys.argv) > 4 else "play"
ADDR = ("127.0.0.1", PORT)
VERSION = "0.6 626fce9a778df4d4"
CTRL, CONNLESS, RESEND, COMP = 1, 2, 4, 8
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.settimeout(0.2)
seq = 0
token = None


def pint(i):
    out = bytearray()
    b = 0x40 if i < 0 else 0
    if i < 0:
        i = ~i
    b |= i & 0x3f
    i >>= 6
    while i:
        out.append(b | 0x80)
        b = i & 0x7f
        i >>= 7
    out.append(b)
    return bytes(out)


def pstr(s):
    return s.encode() + b"\0"


def header(flags, n):
    return bytes([(flags << 4) & 0xf0, 0, n])


def send_raw(data):
    sock.sendto(data + (token or b""), ADDR)


def ctrl(msg, extra=b""):
    send_raw(header(CTRL, 0) + bytes([msg]) + extra)


def chunk(payload, vital=True):
    global seq
    size = len(payload)
    if vital:
        seq = (seq + 1) % 1024
        h = bytes([(1 << 6) | ((size >> 4) & 0x3f), (size & 0xf) | ((seq >> 2) & 0xf0), seq & 0xff])
    else:
        h = bytes([(size >> 4) & 0x3f, size & 0xf])
    return h + payload


def msg(mid, system, body=b"", vital=True):
    send_raw(header(0, 1) + chunk(pint((mid << 1) | (1 if system else 0)) + body, vital))


def drain(t=0.3):
    end = time.time() + t
    got = []
    while time.time() < end:
        try:
            d, _ = sock.recvfrom(4096)
            got.append(d)
        except socket.timeout:
            pass
    return got


def connect(use_token):
    global token
    if use_token:
        sock.sendto(header(CTRL, 0) + b"\x01TKEN" + b"\xff\xff\xff\xff", ADDR)
        for d in drain(1.0):
            if len(d) >= 12 and d[0] >> 4 & CTRL and d[3] == 2 and d[4:8] == b"TKEN":
                token = d[8:12]
                ctrl(3)
                return True
        return False
    sock.sendto(header(CTRL, 0) + b"\x01", ADDR)
    return bool(drain(1.0))


def keepalive():
    ctrl(0)


def say(text, team=0):
    msg(17, False, pint(team) + pstr(text))


def main():
    if MODE == "info":
        for _ in range(random.randint(1, 3)):
            sock.sendto(b"\xff" * 10 + b"gie3" + bytes([random.randint(0, 255)]), ADDR)
            sock.sendto(b"\xff" * 10 + b"fstd" + bytes([random.randint(0, 255)]) * 4, ADDR)
        drain(0.5)
        return
    if MODE == "garbage":
        for _ in range(random.randint(3, 8)):
            sock.sendto(bytes(random.randint(0, 255) for _ in range(random.randint(1, 60))), ADDR)
        sock.sendto(header(CTRL, 0) + b"\x07", ADDR)
        sock.sendto(header(0, 1) + b"\x40\x05\x01\x03\x00", ADDR)
        drain(0.5)
        return
    if not connect(random.random() < 0.6):
        return
    pw = random.choice(["", "", "", "wrongpw"]) if MODE != "badpass" else "wrongpw"
    ver = VERSION if random.random() > 0.1 else "0.5 b67d1f1a1eea234e"
    msg(1, True, pstr(ver) + pstr(pw))
    drain(0.5)
    msg(14, True)                                # READY
    drain(0.4)
    skin = random.choice(["default", "bluekitty", "x_ninja", "nosuchskin"])
    msg(20, False, pstr(NAME) + pstr(random.choice(["", "clan"])) + pint(random.choice([-1, 276, 840])) + pstr(skin) + pint(0) + pint(0) + pint(0))
    drain(0.4)
    msg(15, True)                                # ENTERGAME
    drain(0.5)
    end = time.time() + random.uniform(3, 8)
    while time.time() < end:
        a = random.random()
        if a < 0.3:
            say(random.choice(["hello", "gg", "anyone here?", "/help", "/info", "/rank", "/nosuchcmd", "/pause", "/me waves", "/w nobody hi", "/spec", "/points"]))
        elif a < 0.4:
            msg(18, False, pint(random.choice([-1, 0])))      # set team (spectate / join)
        elif a < 0.5:
            msg(22, False)                                    # kill
        elif a < 0.58:
            msg(25, False, pstr(random.choice(["kick", "spectate", "option"])) + pstr(random.choice(["0", "1", "Tutorial", "bogus"])) + pstr("test vote"))
        elif a < 0.64:
            msg(24, False, pint(random.choice([1, -1])))
        elif a < 0.74:
            msg(18, True, pstr("") + pstr(random.choice(["rconpw", "bad", "badder"])) + pint(1))   # rcon auth
        elif a < 0.82:
            msg(17, True, pstr(random.choice(["status", "say hi from rcon", "broadcast test", "sv_map Tutorial", "nosuchcmd", "mute 0 10"])))  # rcon cmd
        elif a < 0.88:
            msg(21, False, pstr(NAME + random.choice(["", "_x"])) + pstr("") + pint(0) + pstr("default") + pint(0) + pint(0) + pint(0))
        else:
            msg(23, False, pint(random.randint(0, 15)))
        keepalive()
        drain(random.uniform(0.2, 0.8))
    if MODE == "timeout" or random.random() < 0.15:
        return                                          # vanish without saying goodbye
    ctrl(4, pstr(random.choice(["", "bye", "Quit"])))


main()
