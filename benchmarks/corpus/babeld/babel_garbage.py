#!/usr/bin/env python3
"""Send forged, odd and malformed Babel packets to the Babel multicast group on the given interfaces."""
import os, random, socket, struct, sys
port, ifaces = int(sys.argv[1]), sys.argv[2:]


def tlv(t, body):
    return bytes([t, len(body)]) + body


def v4(a, b, c, d):
    return bytes([a, b, c, d])


def rid():
    return os.urandom(8)


def forged():
    seq = random.randint(0, 65535)
    choices = [
        tlv(2, b"\0\0" + os.urandom(2) + struct.pack(">H", 100)),                      # ack request
        tlv(3, os.urandom(2)),                                                           # ack
        tlv(4, struct.pack(">HHH", 0, seq, random.choice([0, 100, 400]))),              # hello
        tlv(4, b"\0"),                                                                   # short hello
        tlv(5, bytes([0, 0]) + struct.pack(">HH", random.randint(96, 65535), 400)),     # ihu AE 0
        tlv(5, bytes([9, 0]) + struct.pack(">HH", 96, 400)),                             # ihu unknown AE
        tlv(6, b"\0\0" + rid()),                                                         # router id
        tlv(6, b"\0\0" + b"\0" * 8),                                                     # all-zero router id
        tlv(7, bytes([1, 0]) + v4(127, 21, 9, 1)),                                       # next hop v4
        tlv(8, bytes([1, 0, 32, 0]) + struct.pack(">HHH", 400, seq, 256) + v4(127, 21, 9, 9)),  # update (martian)
        tlv(8, bytes([0, 0, 0, 0]) + struct.pack(">HHH", 400, seq, 0xFFFF)),                 # wildcard retraction
        tlv(8, bytes([7, 0, 24, 0]) + struct.pack(">HHH", 400, seq, 96) + os.urandom(3)),  # unknown AE
        tlv(9, bytes([0, 0])),                                                           # route request any
        tlv(9, bytes([1, 24]) + bytes([127, 21, 9])),                                         # route request prefix
        tlv(10, struct.pack(">HBB", seq, 5, 0) + rid() + bytes([1, 24]) + bytes([127, 21, 9])),  # seqno request
        tlv(random.choice([11, 12, 13, 99, 200]), os.urandom(random.randint(0, 6))),     # unknown TLVs
        bytes([8, 60]) + os.urandom(4),                                                  # TLV overrunning packet
    ]
    return b"".join(random.sample(choices, random.randint(1, 4)))


def packet():
    kind = random.randint(0, 5)
    if kind == 0:
        return os.urandom(random.randint(1, 40))                                 # random bytes
    if kind == 1:
        return bytes([42, 3]) + struct.pack(">H", 12) + os.urandom(12)          # wrong version
    if kind == 2:
        return bytes([42, 2]) + struct.pack(">H", 400) + os.urandom(6)          # truncated body
    body = forged()
    return bytes([42, 2]) + struct.pack(">H", len(body)) + body


for ifname in ifaces:
    idx = socket.if_nametoindex(ifname)
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
    for _ in range(random.randint(2, 5)):
        try:
            s.sendto(packet(), ("ff02::1:6", port, 0, idx))
        except OSError:
            pass
    s.close()
