#!/usr/bin/env python3
"""Minimal fake eD2k servers on 127.0.0.1 for driving amuled (randomised behaviour).

usage: fakeserver.py MODE PORT
  good    - answers login, search, sources, server list; sometimes misbehaves or drops
  close   - accepts and closes at once
  garbage - accepts and sends random bytes
  silent  - accepts and never answers
"""
import os
import random
import socket
import struct
import sys
import threading
import time

MODE, PORT = sys.argv[1], int(sys.argv[2])


def pkt(opcode, payload=b""):
    return struct.pack("<BIB", 0xE3, len(payload) + 1, opcode) + payload


def tag_str(name_id, value):
    v = value.encode()
    return struct.pack("<BHB", 0x02, 1, name_id) + struct.pack("<H", len(v)) + v


def tag_int(name_id, value):
    return struct.pack("<BHBI", 0x03, 1, name_id, value)


def srvmsg(text):
    t = text.encode()
    return pkt(0x38, struct.pack("<H", len(t)) + t)


WORDS = ["linux", "debian", "music", "holiday", "report", "backup", "movie", "ubuntu", "photo", "notes"]


def recv_packet(sock):
    hdr = b""
    while len(hdr) < 6:
        chunk = sock.recv(6 - len(hdr))
        if not chunk:
            return None
        hdr += chunk
    proto, size, opcode = struct.unpack("<BIB", hdr)
    body = b""
    while len(body) < size - 1:
        chunk = sock.recv(min(65536, size - 1 - len(body)))
        if not chunk:
            return None
        body += chunk
    return proto, opcode, body


def search_results(n):
    out = struct.pack("<I", n)
    for _ in range(n):
        name = "%s_%s_%d.%s" % (random.choice(WORDS), random.choice(WORDS), random.randint(1, 999),
                                random.choice(["iso", "mp3", "txt", "avi"]))
        out += os.urandom(16) + struct.pack("<IH", 0x0100007F, 45000 + random.randint(20, 29))
        out += struct.pack("<I", 3) + tag_str(0x01, name) + tag_int(0x02, random.randint(1000, 9000000)) \
            + tag_int(0x15, random.randint(1, 50))
    return out


def handle_good(conn):
    conn.settimeout(120)
    while True:
        got = recv_packet(conn)
        if got is None:
            return
        proto, opcode, body = got
        if opcode == 0x01:  # login
            r = random.random()
            if r < 0.08:
                conn.close()
                return
            out = b""
            out += srvmsg("server version 17.%d" % random.randint(1, 15))
            out += srvmsg(random.choice([
                "Welcome to the local test server",
                "ERROR : too many connections from your subnet",
                "WARNING : your client is old",
                "Welcome\r\nWARNING : maintenance at midnight",
                "[emDynIP: localhost]",
                "ERROR : banned for %d minutes" % random.randint(1, 60),
            ]))
            if random.random() < 0.35:
                newid = random.randint(1, 16000000)  # low id
            else:
                newid = 0x0100007F
            out += pkt(0x40, struct.pack("<II", newid, 0x0001 | 0x0008 | 0x0010))
            out += pkt(0x34, struct.pack("<II", random.randint(1, 99999), random.randint(1, 9999999)))
            if random.random() < 0.3:
                out += pkt(0x41, os.urandom(10))  # too short
            else:
                out += pkt(0x41, os.urandom(16) + struct.pack("<IH", 0x0100007F, PORT) +
                           struct.pack("<I", 2) + tag_str(0x01, "Fake Server %d" % PORT) +
                           tag_str(0x0B, "local test server"))
            conn.sendall(out)
        elif opcode == 0x14:  # get server list
            lst = [(0x0100007F + (random.randint(2, 9) << 24), 45000 + random.randint(10, 99))
                   for _ in range(random.randint(0, 3))]
            payload = struct.pack("<B", len(lst)) + b"".join(struct.pack("<IH", ip, p) for ip, p in lst)
            conn.sendall(pkt(0x32, payload))
        elif opcode == 0x16:  # search
            r = random.random()
            if r < 0.15:
                conn.sendall(pkt(0x05))  # reject
            elif r < 0.25:
                conn.sendall(pkt(0x33, b"\x05\x00"))  # bogus
            else:
                conn.sendall(pkt(0x33, search_results(random.randint(0, 6))))
        elif opcode in (0x19, 0x23):  # get sources
            h = body[:16]
            n = random.randint(0, 3)
            payload = h + struct.pack("<B", n) + b"".join(
                struct.pack("<IH", 0x0100007F, 45000 + random.randint(20, 29)) for _ in range(n))
            conn.sendall(pkt(0x42, payload))
        elif opcode == 0x15:  # offer files
            pass
        # random misbehaviour
        r = random.random()
        if r < 0.03:
            conn.sendall(pkt(0x34, b"\x01\x02"))  # invalid status
        elif r < 0.06:
            conn.sendall(srvmsg(random.choice(["WARNING : slow down", "ERROR : flood detected",
                                                "Server news: nothing new"])))
        elif r < 0.08:
            conn.sendall(pkt(0x05))
        elif r < 0.10:
            conn.sendall(pkt(0x40, b"\x01"))  # truncated id change
        elif r < 0.12:
            conn.close()
            return


def handle(conn):
    try:
        if MODE == "good":
            handle_good(conn)
        elif MODE == "close":
            conn.close()
        elif MODE == "garbage":
            conn.sendall(os.urandom(random.randint(8, 300)))
            time.sleep(random.uniform(0.1, 2))
            conn.close()
        elif MODE == "silent":
            time.sleep(60)
            conn.close()
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", PORT))
    s.listen(16)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
