#!/usr/bin/env python3
"""Send Lua statements to a Tarantool text console port, one connection."""
import socket, sys, time
port = int(sys.argv[1]); stmts = sys.argv[2:]
s = socket.create_connection(('127.0.0.1', port), timeout=30)
s.recv(1024)
for st in stmts:
    s.sendall(st.encode() + b'\n')
    buf = b''
    while not buf.endswith(b'\n...\n'):
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    print(buf.decode(errors='replace').strip().replace('\n', ' ')[:200])
s.close()
