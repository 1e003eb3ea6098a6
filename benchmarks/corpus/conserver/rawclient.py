#!/usr/bin/env python3
"""Speak the conserver protocol by hand: rawclient.py PORT LINE... (each LINE sent after reading a reply)."""
import socket, sys
port = int(sys.argv[1])
try:
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    try:
        print(s.recv(1024))
    except socket.timeout:
        pass
    for line in sys.argv[2:]:
        s.sendall(line.encode("latin-1").decode("unicode_escape").encode("latin-1") + b"\r\n")
        try:
            print(line, "->", s.recv(4096))
        except socket.timeout:
            print(line, "-> (timeout)")
    s.close()
except Exception as e:
    print("error", e)
