# minimal line-mode telnet client for the Hercules 3215 console port
import socket, sys, time, random
IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240
TTYPE = 24
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
hold = float(sys.argv[2])
buf = b""
end = time.time() + hold
sent = False
try:
    while time.time() < end:
        try:
            d = s.recv(4096)
        except socket.timeout:
            d = b""
        if d == b"" and not sent and time.time() > end - hold + 2.5:
            break
        buf += d
        out = b""
        i = 0
        while i < len(buf):
            if buf[i] == IAC and i + 2 < len(buf) + 1:
                if i + 1 >= len(buf):
                    break
                cmd = buf[i + 1]
                if cmd in (DO, DONT, WILL, WONT):
                    if i + 2 >= len(buf):
                        break
                    opt = buf[i + 2]
                    if cmd == DO:
                        out += bytes([IAC, WILL if opt in (TTYPE, 6) else WONT, opt])
                    elif cmd in (WILL, WONT):
                        out += bytes([IAC, DONT, opt])
                    i += 3
                elif cmd == SB:
                    j = buf.find(bytes([IAC, SE]), i)
                    if j < 0:
                        break
                    if buf[i + 2] == TTYPE:
                        out += bytes([IAC, SB, TTYPE, 0]) + b"ANSI" + bytes([IAC, SE])
                    i = j + 2
                else:
                    i += 2
            else:
                i += 1
                if not sent:
                    sent = True
        buf = buf[i:]
        if out:
            s.sendall(out)
        if sent and random.random() < 0.3:
            s.sendall(random.choice([b"hello\r\n", b"\r\n", b"status\r\n"]))
finally:
    if random.random() < 0.5:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
