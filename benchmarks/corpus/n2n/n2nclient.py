#!/usr/bin/env python3
"""Client helpers for the n2n workload (run inside the workload's network namespaces).

  udp   HOST PORT KIND [COMMUNITY MAC]      crafted / garbage n2n datagrams to an edge's UDP port
  fakepeer HOST PORT COMMUNITY EDGE_MAC SCENARIO   a fake peer talking the n2n v1 header protocol
  frame IFACE KIND SRC_MAC DST_MAC [SRC_IP DST_IP]  raw Ethernet frames written into a TAP interface
  echo-server IP PORT SECONDS               UDP echo server on the overlay
  echo-client SRC_IP DST_IP PORT COUNT      UDP datagrams over the overlay, waiting for echoes
  bindhold PORT SECONDS                     hold a UDP port (no SO_REUSEADDR) so the edge cannot bind
"""
import os
import random
import socket
import struct
import sys
import time


def mac_bytes(mac):
    return bytes(int(x, 16) for x in mac.split(":"))


def peer_addr(ip="0.0.0.0", port=0, family=2):
    return struct.pack("!BxH", family, port) + socket.inet_aton(ip) + b"\0" * 12


def header(msg_type, community, src_mac, dst_mac, version=1, ttl=0, sbs=0,
           pub=("0.0.0.0", 0, 2), priv=("0.0.0.0", 0, 2), pkt_type=0, seq=0):
    comm = community.encode()[:16].ljust(16, b"\0")
    h = struct.pack("BBBB", version, msg_type, ttl, sbs) + comm + mac_bytes(src_mac) + mac_bytes(dst_mac)
    h += peer_addr(pub[0], pub[1], pub[2]) + peer_addr(priv[0], priv[1], priv[2])
    h += struct.pack("!BII", pkt_type, seq, 0) + b"\0\0\0"
    assert len(h) == 84
    return h


EMPTY_LZO = b"\x11\x00\x00"  # lzo1x stream of zero bytes (end marker only)


def lzo_2048():
    """A valid lzo1x stream that expands to exactly 2048 bytes (4 literals + one long match)."""
    # first byte 17+4 -> 4 literals; M3 match with t&31 == 0 -> extended length
    extra = 2044 - 2 - 31  # copy length = t + 2 where t = 31 + extra bytes
    s = bytes([17 + 4]) + b"ABCD" + b"\x20"
    zeros, rest = divmod(extra, 255)
    if rest == 0:
        zeros, rest = zeros - 1, 255
    s += b"\x00" * zeros + bytes([rest]) + b"\x00\x00"
    return s + EMPTY_LZO


def rand_mac():
    return "02:" + ":".join("%02x" % random.randint(0, 255) for _ in range(5))


def cmd_udp(host, port, kind, community="comm1", mac="02:00:00:00:00:01"):
    port = int(port)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    me = rand_mac()
    if kind == "short":
        pkt = os.urandom(random.randint(1, 32))
    elif kind == "garbage":
        pkt = bytes([random.choice([0, 2, 3, 17, 99, 255])]) + os.urandom(random.randint(90, 600))
    elif kind == "badlzo":
        pkt = header(random.choice([1, 4, 6]), community, me, mac) + b"\x05" + os.urandom(random.randint(20, 200))
    elif kind == "crash":
        # an undecompressable data packet: the edge goes on with a bogus length
        pkt = header(3, community, me, mac) + b"\x05" + os.urandom(random.randint(20, 200))
    elif kind == "toolarge":
        pkt = header(3, community, me, mac) + lzo_2048()
    elif kind == "version":
        pkt = header(1, community, me, mac, version=random.choice([0, 2, 7, 200])) + EMPTY_LZO
    elif kind == "community":
        other = random.choice(["othernet", "guest", "corp-lan", "x" * 15, "lab"])
        pkt = header(1, other, me, mac) + EMPTY_LZO
    elif kind == "unknowntype":
        pkt = header(random.choice([0, 2, 5, 6, 9, 42]), community, me, mac) + EMPTY_LZO
    elif kind == "deregister":
        pkt = header(2, community, me, mac) + EMPTY_LZO
    elif kind == "ackstray":
        pkt = header(4, community, me, "00:00:00:00:00:00") + EMPTY_LZO
    elif kind == "register-nodst":
        pkt = header(1, community, me, "00:00:00:00:00:00") + EMPTY_LZO
    elif kind == "empty-data":
        pkt = header(3, community, me, mac) + EMPTY_LZO
    else:
        raise SystemExit("unknown kind " + kind)
    s.sendto(pkt, (host, port))
    s.settimeout(0.3)
    try:
        s.recvfrom(4096)
    except OSError:
        pass
    s.close()


def cmd_fakepeer(host, port, community, edge_mac, scenario):
    """Scenarios talk to the edge from one or two local UDP sockets."""
    port = int(port)
    dst = (host, port)
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    a.settimeout(0.3)

    def send(sock, pkt):
        sock.sendto(pkt, dst)
        time.sleep(0.15)
        try:
            while True:
                sock.recvfrom(4096)
        except OSError:
            pass

    peer_mac = rand_mac()
    if scenario == "register":
        # REGISTER to us -> pending, then the ACK -> operational
        send(a, header(1, community, peer_mac, edge_mac) + EMPTY_LZO)
        if random.random() < 0.6:
            send(a, header(1, community, peer_mac, edge_mac) + EMPTY_LZO)  # additional REGISTER
        send(a, header(4, community, peer_mac, "00:00:00:00:00:00") + EMPTY_LZO)
    elif scenario == "pending-only":
        send(a, header(1, community, peer_mac, edge_mac) + EMPTY_LZO)
        # an ACK naming the pending peer itself is not matched
        send(a, header(4, community, peer_mac, peer_mac) + EMPTY_LZO)
    elif scenario == "moved":
        # a peer carrying the edge's own MAC registers, is acknowledged, then shows up from another socket
        send(a, header(1, community, edge_mac, edge_mac) + EMPTY_LZO)
        send(a, header(4, community, edge_mac, "00:00:00:00:00:00") + EMPTY_LZO)
        b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        b.bind(("127.0.0.1", 0))
        b.settimeout(0.3)
        send(b, header(1, community, edge_mac, edge_mac) + EMPTY_LZO)
        b.close()
    elif scenario == "viasupernode":
        # a REGISTER claiming to come via the supernode for a known socket
        send(a, header(1, community, peer_mac, edge_mac, sbs=1, pub=("127.0.0.1", a.getsockname()[1], 2)) + EMPTY_LZO)
    else:
        raise SystemExit("unknown scenario " + scenario)
    a.close()


def cmd_frame(iface, kind, src_mac, dst_mac, src_ip="0.0.0.0", dst_ip="0.0.0.0"):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    eth = mac_bytes(dst_mac) + mac_bytes(src_mac)
    if kind == "ipv4":
        payload = os.urandom(random.randint(8, 120))
        tot = 20 + 8 + len(payload)
        iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, random.randint(0, 65535), 0, 64, 17, 0,
                          socket.inet_aton(src_ip), socket.inet_aton(dst_ip))
        udp = struct.pack("!HHHH", random.randint(23000, 23999), random.randint(23000, 23999), 8 + len(payload), 0)
        frame = eth + b"\x08\x00" + iph + udp + payload
    elif kind == "short":
        frame = eth + b"\x88\xb5" + os.urandom(random.randint(1, 18))
    elif kind == "arpreply":
        arp = struct.pack("!HHBBH", 1, 0x0800, 6, 4, 2) + mac_bytes(src_mac) + socket.inet_aton(src_ip) \
            + mac_bytes(dst_mac) + socket.inet_aton(dst_ip)
        frame = eth + b"\x08\x06" + arp
        assert len(frame) == 42
    elif kind == "ethertype":
        frame = eth + random.choice([b"\x88\xb5", b"\x88\xb6", b"\x90\x00"]) + os.urandom(random.randint(40, 300))
    else:
        raise SystemExit("unknown frame kind " + kind)
    s.send(frame)
    s.close()


def cmd_echo_server(ip, port, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, int(port)))
    end = time.time() + float(seconds)
    while time.time() < end:
        s.settimeout(max(0.1, end - time.time()))
        try:
            data, addr = s.recvfrom(4096)
        except OSError:
            continue
        s.sendto(data, addr)


def cmd_echo_client(src_ip, dst_ip, port, count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src_ip, 0))
    s.settimeout(1.5)
    ok = 0
    for i in range(int(count)):
        msg = os.urandom(random.randint(16, 900))
        s.sendto(msg, (dst_ip, int(port)))
        try:
            data, _ = s.recvfrom(4096)
            ok += data == msg
        except OSError:
            pass
        time.sleep(random.uniform(0.05, 0.4))
    print("echo %s -> %s: %d/%s" % (src_ip, dst_ip, ok, count))


def cmd_bindhold(port, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", int(port)))
    time.sleep(float(seconds))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"udp": cmd_udp, "fakepeer": cmd_fakepeer, "frame": cmd_frame, "echo-server": cmd_echo_server,
     "echo-client": cmd_echo_client, "bindhold": cmd_bindhold}[cmd](*args)
