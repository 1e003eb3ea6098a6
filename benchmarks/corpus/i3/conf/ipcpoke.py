import socket, struct, sys, random
path = sys.argv[1]
kind = sys.argv[2]
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(path)
s.settimeout(1.0)
if kind == "badmagic":
    s.sendall(b"x3-ipcXXXXXXXXXXXX")
elif kind == "badtype":
    s.sendall(b"i3-ipc" + struct.pack("=II", 0, random.choice([99, 1234, 55])))
elif kind == "short":
    s.sendall(b"i3-ipc" + struct.pack("=II", 50, 0) + b"nop")
elif kind == "subscribe_bad":
    p = b'["window", "nonsense_event"]'
    s.sendall(b"i3-ipc" + struct.pack("=II", len(p), 2) + p)
elif kind == "subscribe_junk":
    p = b'{not json'
    s.sendall(b"i3-ipc" + struct.pack("=II", len(p), 2) + p)
elif kind == "barcfg_bad":
    p = b'no-such-bar'
    s.sendall(b"i3-ipc" + struct.pack("=II", len(p), 6) + p)
try:
    s.recv(4096)
except Exception:
    pass
s.close()
