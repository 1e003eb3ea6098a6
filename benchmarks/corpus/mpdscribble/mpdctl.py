# Tiny MPD client: mpdctl.py PORT "cmd1" "cmd2" ... (prints nothing)
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
f = s.makefile("rwb")
f.readline()
for cmd in sys.argv[2:]:
    f.write(cmd.encode() + b"\n"); f.flush()
    while True:
        line = f.readline()
        if not line or line.startswith(b"OK") or line.startswith(b"ACK"):
            break
s.close()
