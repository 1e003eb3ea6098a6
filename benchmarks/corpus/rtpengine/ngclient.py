#!/usr/bin/env python3
"""Scripted ng-protocol (bencode over UDP) client for rtpengine, randomised.

usage: ngclient.py SCENARIO [seed]
Scenarios: calls, garbage, misc, cli
Talks only to 127.0.0.1 ports 49500 (ng), 49501 (cli); RTP from local sockets.
"""
import os
import random
import socket
import sys
import time

NG = ("127.0.0.1", 49500)
CLI = ("127.0.0.1", 49501)


def benc(x):
    if isinstance(x, bool):
        x = int(x)
    if isinstance(x, int):
        return b"i%de" % x
    if isinstance(x, str):
        x = x.encode()
    if isinstance(x, bytes):
        return b"%d:%s" % (len(x), x)
    if isinstance(x, list):
        return b"l" + b"".join(benc(i) for i in x) + b"e"
    if isinstance(x, dict):
        return b"d" + b"".join(benc(k) + benc(v) for k, v in x.items()) + b"e"
    raise TypeError(x)


def bdec(s, i=0):
    c = s[i:i + 1]
    if c == b"i":
        j = s.index(b"e", i)
        return int(s[i + 1:j]), j + 1
    if c == b"l":
        i += 1
        out = []
        while s[i:i + 1] != b"e":
            v, i = bdec(s, i)
            out.append(v)
        return out, i + 1
    if c == b"d":
        i += 1
        out = {}
        while s[i:i + 1] != b"e":
            k, i = bdec(s, i)
            v, i = bdec(s, i)
            out[k.decode(errors="replace")] = v
        return out, i + 1
    j = s.index(b":", i)
    n = int(s[i:j])
    return s[j + 1:j + 1 + n], j + 1 + n


class Ng:
    def __init__(self, rnd):
        self.rnd = rnd
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(2.0)

    def raw(self, data, wait=True):
        self.sock.sendto(data, NG)
        if not wait:
            return None
        try:
            return self.sock.recvfrom(65535)[0]
        except socket.timeout:
            return None

    def cmd(self, d, cookie=None):
        cookie = cookie or "%08x" % self.rnd.getrandbits(32)
        resp = self.raw(cookie.encode() + b" " + benc(d))
        if not resp or b" " not in resp:
            return {}
        try:
            return bdec(resp.split(b" ", 1)[1])[0]
        except Exception:
            return {}


CODECS = [("0", "PCMU/8000"), ("8", "PCMA/8000"), ("9", "G722/8000"), ("18", "G729/8000"),
          ("3", "GSM/8000"), ("96", "opus/48000/2"), ("101", "telephone-event/8000")]


def make_sdp(rnd, port, sess, proto="RTP/AVP", ice=False, video=False, crypto=False,
             direction=None, broken=False):
    codecs = rnd.sample(CODECS[:-1], rnd.randint(1, 4))
    if rnd.random() < 0.6:
        codecs.append(CODECS[-1])
    pts = " ".join(c[0] for c in codecs)
    lines = ["v=0", "o=- %d %d IN IP4 127.0.0.1" % (sess, rnd.randint(1, 9)), "s=-",
             "c=IN IP4 127.0.0.1", "t=0 0",
             "m=audio %d %s %s" % (port, proto, pts)]
    for pt, name in codecs:
        lines.append("a=rtpmap:%s %s" % (pt, name))
        if name.startswith("telephone-event"):
            lines.append("a=fmtp:%s 0-16" % pt)
    lines.append("a=ptime:%d" % rnd.choice([20, 20, 30, 40]))
    if direction:
        lines.append("a=%s" % direction)
    if crypto:
        lines.append("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:%s" %
                     "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop0123456789") for _ in range(40)))
    if ice:
        lines.append("a=ice-ufrag:%06x" % rnd.getrandbits(24))
        lines.append("a=ice-pwd:%024x" % rnd.getrandbits(96))
        lines.append("a=candidate:1 1 UDP 2130706431 127.0.0.1 %d typ host" % port)
        lines.append("a=candidate:1 2 UDP 2130706430 127.0.0.1 %d typ host" % (port + 1))
    if video:
        lines.append("m=video %d %s 97" % (port + 2, proto))
        lines.append("a=rtpmap:97 H264/90000")
    if broken:
        # single-line broken bodies: rtpengine echoes a failed message into one log line
        return rnd.choice(["v=0", "v=0 m=audio xyz RTP/AVP 0", "garbage line", "m=", "o=- x",
                           "v=0 o=- 1 1 IN IP4 127.0.0.1 s=- c=IN IP9 nowhere"])
    return "\r\n".join(lines) + "\r\n"


def parse_port(sdp):
    if isinstance(sdp, bytes):
        sdp = sdp.decode(errors="replace")
    for line in sdp.splitlines():
        if line.startswith("m=audio "):
            try:
                return int(line.split()[1])
            except ValueError:
                return None
    return None


def rtp_packet(seq, ts, ssrc, pt=0, payload=None):
    hdr = bytes([0x80, pt & 0x7f, (seq >> 8) & 0xff, seq & 0xff]) + ts.to_bytes(4, "big") + ssrc.to_bytes(4, "big")
    return hdr + (payload if payload is not None else bytes(160))


def rtcp_sr(ssrc):
    return bytes([0x80, 200, 0, 6]) + ssrc.to_bytes(4, "big") + bytes(20)


def stream_rtp(rnd, a_sock, a_target, b_sock, b_target, count):
    ssrc_a, ssrc_b = rnd.getrandbits(32), rnd.getrandbits(32)
    seq_a, seq_b = rnd.randint(0, 60000), rnd.randint(0, 60000)
    ts = rnd.randint(0, 1 << 30)
    for n in range(count):
        r = rnd.random()
        if r < 0.03:
            a_sock.sendto(os.urandom(rnd.randint(1, 11)), a_target)      # too short (media, not logged raw)
        elif r < 0.06:
            a_sock.sendto(rtcp_sr(ssrc_a), (a_target[0], a_target[1] + 1))
        elif r < 0.08:
            a_sock.sendto(rtp_packet(seq_a, ts, rnd.getrandbits(32), pt=rnd.choice([0, 8, 13, 101])), a_target)
        elif r < 0.10:
            a_sock.sendto(bytes([0x40]) + os.urandom(40), a_target)      # bad version
        else:
            a_sock.sendto(rtp_packet(seq_a, ts, ssrc_a), a_target)
        if b_sock is not None:
            b_sock.sendto(rtp_packet(seq_b, ts, ssrc_b), b_target)
        seq_a = (seq_a + 1) & 0xffff
        seq_b = (seq_b + 1) & 0xffff
        ts = (ts + 160) & 0xffffffff
        if rnd.random() < 0.05:
            seq_a = (seq_a + rnd.randint(5, 3000)) & 0xffff  # jump
        time.sleep(0.02)
    # drain
    for s in (a_sock, b_sock):
        if s is None:
            continue
        s.setblocking(False)
        try:
            while True:
                s.recv(2048)
        except OSError:
            pass
        s.setblocking(True)


def junk(rnd):
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :;!?%&*()[]{}<>-_=+/.,"
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 60))).encode()


def udp_pair():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    return s


FLAG_SETS = [[], ["trust-address"], ["symmetric"], ["asymmetric"], ["strict-source"], ["media-handover"],
             ["record-call"], ["loop-protect"], ["no-rtcp-attribute"], ["full-rtcp-attribute"],
             ["port-latching"], ["strip-extmap"], ["original-sendrecv"],
             ["generate-mid"], ["pad-crypto"]]


def one_call(rnd, ng, stream=True):
    cid = "call-%08x@127.0.0.1" % rnd.getrandbits(32)
    ftag = "ft%06x" % rnd.getrandbits(24)
    ttag = "tt%06x" % rnd.getrandbits(24)
    a_sock, b_sock = udp_pair(), udp_pair()
    proto = rnd.choice(["RTP/AVP", "RTP/AVP", "RTP/AVP", "RTP/SAVP", "RTP/AVPF", "UDP/TLS/RTP/SAVPF"])
    crypto = proto == "RTP/SAVP" and rnd.random() < 0.8
    ice = rnd.random() < 0.3
    offer = {"command": "offer", "call-id": cid, "from-tag": ftag,
             "sdp": make_sdp(rnd, a_sock.getsockname()[1], rnd.getrandbits(30), proto=proto, ice=ice,
                             video=rnd.random() < 0.2, crypto=crypto,
                             direction=rnd.choice([None, None, "sendrecv", "sendonly", "inactive"]),
                             broken=rnd.random() < 0.1)}
    offer["flags"] = rnd.choice(FLAG_SETS)
    if rnd.random() < 0.3:
        offer["ICE"] = rnd.choice(["remove", "force", "default", "force-relay"])
    if rnd.random() < 0.3:
        offer["transport-protocol"] = rnd.choice(["RTP/AVP", "RTP/SAVP", "RTP/SAVPF", "UDP/TLS/RTP/SAVPF", "RTP/AVPF"])
    if rnd.random() < 0.2:
        offer["replace"] = rnd.sample(["origin", "session-connection", "sdp-version", "username", "session-name"], 2)
    if rnd.random() < 0.2:
        offer["direction"] = rnd.choice([["internal", "external"], ["external", "internal"], ["bogus", "foo"]])
    if rnd.random() < 0.2:
        offer["codec"] = {rnd.choice(["strip", "mask", "consume", "except"]): [rnd.choice(["PCMA", "G722", "all", "opus"])]}
    if rnd.random() < 0.15:
        offer["DTLS"] = rnd.choice(["off", "passive", "active"])
    if rnd.random() < 0.15:
        offer["SDES"] = rnd.choice([["off"], ["unencrypted_srtp"], ["no-AES_CM_128_HMAC_SHA1_32"]])
    if rnd.random() < 0.1:
        offer["via-branch"] = "z9hG4bK%06x" % rnd.getrandbits(24)
    if rnd.random() < 0.1:
        offer["label"] = "caller"
    if rnd.random() < 0.1:
        offer["received-from"] = ["IP4", "127.0.0.%d" % rnd.randint(1, 9)]
    if rnd.random() < 0.1:
        offer["record call"] = "yes"
    r = ng.cmd(offer)
    if r.get("result") != b"ok":
        return cid, ftag, ttag, None
    port_a = parse_port(r.get("sdp", b""))
    if rnd.random() < 0.1:   # re-offer, same call
        ng.cmd(dict(offer, sdp=make_sdp(rnd, a_sock.getsockname()[1], rnd.getrandbits(30))))
    if rnd.random() < 0.1:   # leave call one-sided; offer timeout
        return cid, ftag, None, None
    answer = {"command": "answer", "call-id": cid, "from-tag": ftag, "to-tag": ttag,
              "sdp": make_sdp(rnd, b_sock.getsockname()[1], rnd.getrandbits(30), proto="RTP/AVP",
                              direction=rnd.choice([None, "sendrecv", "recvonly"]), broken=rnd.random() < 0.05)}
    answer["flags"] = rnd.choice(FLAG_SETS)
    if rnd.random() < 0.1:
        answer["ICE"] = "remove"
    r2 = ng.cmd(answer)
    port_b = parse_port(r2.get("sdp", b"")) if r2.get("result") == b"ok" else None
    if stream and port_a and port_b:
        # caller sends to rtpengine port given to callee (port_b side) and vice versa
        stream_rtp(rnd, a_sock, ("127.0.0.1", port_b), b_sock, ("127.0.0.1", port_a), rnd.randint(2, 6))
    return cid, ftag, ttag, (a_sock, b_sock, port_a, port_b)


def scenario_calls(rnd, ng):
    live = []
    for _ in range(rnd.randint(1, 2)):
        cid, ftag, ttag, socks = one_call(rnd, ng, stream=rnd.random() < 0.7)
        live.append((cid, ftag, ttag))
        if rnd.random() < 0.5:
            c = rnd.choice(live)
            ng.cmd({"command": "query", "call-id": c[0], "from-tag": c[1]} if rnd.random() < 0.5 else
                   {"command": "query", "call-id": c[0]})
        if rnd.random() < 0.25:
            c = rnd.choice(live)
            op = rnd.choice(["block DTMF", "unblock DTMF", "block media", "unblock media",
                             "silence media", "unsilence media", "start recording", "stop recording",
                             "pause recording", "start forwarding", "stop forwarding", "play DTMF",
                             "play media", "stop media", "statistics", "list"])
            d = {"command": op, "call-id": c[0], "from-tag": c[1]}
            if op == "play DTMF":
                d.update({"code": rnd.choice(["1", "5", "#", "A", "Z"]), "duration": 100})
            if op == "play media":
                d["file"] = "/nonexistent/prompt.wav"
            ng.cmd(d)
        time.sleep(rnd.uniform(0.05, 0.6))
    # tear down most of them, some left to time out
    for cid, ftag, ttag in live:
        r = rnd.random()
        if r < 0.55:
            d = {"command": "delete", "call-id": cid, "from-tag": ftag}
            if ttag and rnd.random() < 0.5:
                d["to-tag"] = ttag
            if rnd.random() < 0.2:
                d["delete-delay"] = 0
            if rnd.random() < 0.1:
                d["flags"] = ["fatal"]
            ng.cmd(d)
        elif r < 0.7:
            ng.cmd({"command": "delete", "call-id": cid})
            if rnd.random() < 0.5:  # double delete
                ng.cmd({"command": "delete", "call-id": cid, "from-tag": ftag})
        elif r < 0.8:
            ng.cmd({"command": "delete", "call-id": cid, "from-tag": "wrong-tag-%d" % rnd.randint(1, 99)})
        # else: left to time out


def scenario_garbage(rnd, ng):
    choices = [
        lambda: ng.raw(b"%08x d7:command4:pinge" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command6:fooBare" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command5:offere" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command5:offer7:call-id3:abc8:from-tag1:xe" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command6:answer7:call-id9:no-such-18:from-tag1:x6:to-tag1:y3:sdp3:v=0e" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command6:delete7:call-id12:unknown-calle" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command5:query7:call-id12:unknown-calle" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command6:deletee" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x l4:spame" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d3:foo" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x i42e" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x de" % rnd.getrandbits(32)),
        lambda: ng.raw(b"nocookie"),
        lambda: ng.raw(b"%08x" % rnd.getrandbits(32)),
        lambda: ng.raw(junk(rnd), wait=False),
        lambda: ng.raw(b"GET / HTTP/1.0"),
        lambda: ng.raw(b"%08x d7:command7:commande" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:commandi5ee" % rnd.getrandbits(32)),
        lambda: ng.raw(b"%08x d7:command5:offer7:call-id3:abc8:from-tag1:x3:sdp8:garbage!e" % rnd.getrandbits(32)),
        lambda: ng.cmd({"command": "offer", "call-id": "bad-%d" % rnd.randint(1, 999), "from-tag": "x",
                        "sdp": "v=0 m=audio 0 RTP/AVP 0", "ICE": "nonsense", "flags": ["no-such-flag"]}),
        lambda: ng.cmd({"command": "offer", "call-id": "bad-%d" % rnd.randint(1, 999), "from-tag": "x",
                        "sdp": "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0\r\n",
                        "transport-protocol": "bogus/proto", "address family": "IP7", "DTLS": "weird",
                        "codec": {"transcode": ["nonexist"]}, "direction": ["nope", "bad"]}),
        lambda: ng.cmd({"command": "start recording"}),
        lambda: ng.cmd({"command": "block DTMF", "call-id": "missing-call"}),
        lambda: ng.cmd({"command": "play DTMF", "call-id": "missing-call", "code": "1"}),
        lambda: ng.cmd({"command": "subscribe request", "call-id": "missing-call"}),
        lambda: ng.cmd({"command": "publish", "call-id": "pub-%d" % rnd.randint(1, 99), "from-tag": "p",
                        "sdp": "v=0"}),
        lambda: ng.cmd({"command": "unsubscribe", "call-id": "missing-call", "to-tag": "t"}),
        lambda: ng.cmd({"command": "statistics"}),
        lambda: ng.cmd({"command": "list", "limit": rnd.choice([1, 5, 50, "abc"])}),
        lambda: ng.cmd({"command": "ping"}),
    ]
    # duplicate cookie (cached reply)
    if rnd.random() < 0.7:
        ck = "dup%05x" % rnd.getrandbits(20)
        ng.cmd({"command": "ping"}, cookie=ck)
        ng.cmd({"command": "ping"}, cookie=ck)
    for _ in range(rnd.randint(10, 25)):
        rnd.choice(choices)()
        time.sleep(rnd.uniform(0.01, 0.15))


def scenario_misc(rnd, ng):
    # stray RTP to random ports in the media range
    s = udp_pair()
    for _ in range(rnd.randint(3, 10)):
        s.sendto(rtp_packet(rnd.randint(0, 65535), 0, rnd.getrandbits(32)), ("127.0.0.1", rnd.randint(49600, 49999)))
    for _ in range(rnd.randint(2, 5)):
        ng.cmd({"command": rnd.choice(["ping", "list", "statistics"])})


CLI_CMDS = ["list numsessions", "list sessions all", "list sessions own", "list sessions foreign",
            "list totals", "list maxopenfiles", "list maxsessions", "list timeout", "list loglevel",
            "list controltos", "list deletedelay", "list interfaces", "list jsonstats", "list counters",
            "list transcoders", "set loglevel core 7", "set maxsessions 500", "set timeout 9",
            "set deletedelay 2", "list", "set", "nosuchcommand", "list sessions", "terminate nosuchcall",
            "debug nosuchcall on", "set maxsessions abc", "list callid", "get",
            "active", "params", "params current", "params start", "params diff",
            "list rediscmdtimeout", "list ctrltimeout", "set loglevel", ""]


def cli(cmd):
    try:
        s = socket.create_connection(CLI, timeout=3)
        s.sendall(cmd.encode() + b"\n")
        out = b""
        while True:
            try:
                d = s.recv(65535)
            except socket.timeout:
                break
            if not d:
                break
            out += d
        s.close()
        return out.decode(errors="replace")
    except OSError:
        return ""


def scenario_cli(rnd, ng):
    for c in rnd.sample(CLI_CMDS, rnd.randint(6, 14)):
        cli(c)
        time.sleep(0.05)
    out = cli("list sessions all")
    ids = [ln.split("ID: ")[1].split()[0].strip(",") for ln in out.splitlines() if "ID: " in ln]
    if ids and rnd.random() < 0.7:
        cli("list sessions %s" % rnd.choice(ids))
        cli("terminate %s" % rnd.choice(ids))
    if rnd.random() < 0.15:
        cli("terminate all")


def scenario_limit(rnd, ng):
    """Session limit: lower max sessions via the CLI, offers are refused, limit restored."""
    cli("set maxsessions %d" % rnd.randint(0, 1))
    for _ in range(rnd.randint(2, 4)):
        ng.cmd({"command": "offer", "call-id": "lim-%06x" % rnd.getrandbits(24), "from-tag": "l",
                "sdp": "v=0"})
        time.sleep(0.1)
    cli("list maxsessions")
    cli("set maxsessions -1")


def main():
    scen = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else random.randrange(1 << 30)
    rnd = random.Random(seed)
    ng = Ng(rnd)
    {"calls": scenario_calls, "garbage": scenario_garbage, "misc": scenario_misc,
     "cli": scenario_cli, "limit": scenario_limit}[scen](rnd, ng)


if __name__ == "__main__":
    main()
