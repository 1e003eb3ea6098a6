#!/usr/bin/env python3
"""Fake DNS upstream for the dnsproxy workload: answers, drops, answers late or short."""
import random, socket, sys, threading, time

port = int(sys.argv[1]); mode = sys.argv[2] if len(sys.argv) > 2 else "mixed"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))

def answer(data):
    qd_end = 12
    while qd_end < len(data) and data[qd_end] != 0:
        qd_end += data[qd_end] + 1
    q = data[12:qd_end + 5]
    hdr = data[:2] + bytes([0x81 | (data[2] & 1), 0x80]) + b"\x00\x01\x00\x01\x00\x00\x00\x00"
    rr = b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04" + bytes([10, 0, random.randint(0, 255), random.randint(1, 254)])
    return hdr + q + rr

def later(delay, payload, addr):
    time.sleep(delay); s.sendto(payload, addr)

while True:
    data, addr = s.recvfrom(4096)
    r = random.random()
    if mode == "drop" or (mode == "mixed" and r < 0.12):
        continue
    if mode == "mixed" and r < 0.22:
        s.sendto(bytes(random.randint(0, 11)), addr)           # too short
    elif mode == "mixed" and r < 0.28:
        threading.Thread(target=later, args=(random.uniform(2.5, 5), answer(data), addr), daemon=True).start()
    elif mode == "mixed" and r < 0.31:
        s.sendto(answer(data), addr); s.sendto(answer(data), addr)  # duplicate
    else:
        s.sendto(answer(data), addr)
