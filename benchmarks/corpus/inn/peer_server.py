#!/usr/bin/env python3
"""Fake downstream NNTP peer for innfeed: accepts, answers streaming/IHAVE with random outcomes.
usage: peer_server.py ADDR PORT SECONDS"""
import random, socket, sys, threading, time

addr, port, secs = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
end = time.time() + secs

def handle(c):
    f = c.makefile('rwb', buffering=0)
    try:
        if random.random() < 0.08:
            f.write(b'400 service temporarily unavailable\r\n'); c.close(); return
        if random.random() < 0.05:
            f.write(b'502 you are not welcome\r\n'); c.close(); return
        f.write(b'200 fakepeer ready\r\n')
        while time.time() < end:
            line = f.readline()
            if not line:
                break
            cmd = line.decode('latin1').strip()
            u = cmd.upper()
            if random.random() < 0.01:
                c.close(); return  # drop connection abruptly
            if u.startswith('MODE STREAM'):
                f.write(b'203 streaming ok\r\n' if random.random() < 0.85 else b'500 no streaming\r\n')
            elif u.startswith('CHECK'):
                mid = cmd.split()[1]
                r = random.random()
                code = b'238' if r < 0.7 else (b'438' if r < 0.9 else b'431')
                f.write(code + b' ' + mid.encode() + b'\r\n')
            elif u.startswith('TAKETHIS'):
                mid = cmd.split()[1]
                while True:
                    l = f.readline()
                    if not l or l in (b'.\r\n', b'.\n'):
                        break
                r = random.random()
                code = b'239' if r < 0.85 else (b'439' if r < 0.95 else b'400')
                f.write(code + b' ' + mid.encode() + b'\r\n')
                if code == b'400':
                    c.close(); return
            elif u.startswith('IHAVE'):
                r = random.random()
                if r < 0.15:
                    f.write(b'435 duplicate\r\n'); continue
                if r < 0.2:
                    f.write(b'436 try again later\r\n'); continue
                f.write(b'335 send it\r\n')
                while True:
                    l = f.readline()
                    if not l or l in (b'.\r\n', b'.\n'):
                        break
                r = random.random()
                f.write(b'235 thanks\r\n' if r < 0.85 else (b'437 rejected\r\n' if r < 0.95 else b'436 transfer failed\r\n'))
            elif u.startswith('QUIT'):
                f.write(b'205 bye\r\n'); break
            elif u.startswith('AUTHINFO'):
                f.write(b'281 ok\r\n')
            else:
                f.write(b'500 what?\r\n')
    except OSError:
        pass
    try:
        c.close()
    except OSError:
        pass

s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((addr, port)); s.listen(8); s.settimeout(0.5)
while time.time() < end:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    threading.Thread(target=handle, args=(c,), daemon=True).start()
s.close()
