#!/usr/bin/env python3
"""Minimal gkrellm client: connect, send a connect line, read for a while, maybe talk back."""
import random, socket, sys, time
port = int(sys.argv[1]); mode = sys.argv[2]; secs = float(sys.argv[3])
try:
    s = socket.create_connection((sys.argv[4] if len(sys.argv) > 4 else '127.0.0.1', port), timeout=3)
except OSError:
    sys.exit(0)
try:
    if mode == 'good':
        s.sendall(b'gkrellm %d.%d.%d\n' % (2, 3, random.choice([5, 10, 11])))
    elif mode == 'bad':
        s.sendall(random.choice([b'hello there\n', b'gkrellm\n', b'GET / HTTP/1.0\n', b'gkrellm x.y.z\n']))
    elif mode == 'silent':
        pass
    end = time.time() + secs
    while time.time() < end:
        try:
            d = s.recv(65536)
            if not d:
                break
        except socket.timeout:
            pass
        if mode == 'good' and random.random() < 0.1:
            s.sendall(random.choice([b'<reconnect>\n', b'<mailbox>\n', b'junk line\n', b'<version>\n']))
except OSError:
    pass
s.close()
