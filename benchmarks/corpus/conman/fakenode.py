# fake console peers for conmand: unix-socket server, telnet-ish TCP server, or a pty "serial line"
import os, pty, random, select, socket, sys, time, tty
mode, arg = sys.argv[1], sys.argv[2]
life = float(sys.argv[3]) if len(sys.argv) > 3 else 1e9
end = time.time() + life
def chatter():
    return random.choice([b"booting kernel\r\n", b"login: ", b"eth0: link up\r\n",
                          b"systemd[1]: Started Session\r\n", b"\x1b[1mNOTE\x1b[0m disk ok\r\n",
                          b"temp=%d C\r\n" % random.randint(30, 80)])
def pump(rd, wr):
    while time.time() < end:
        r, _, _ = select.select([rd], [], [], random.uniform(0.2, 2.0))
        if r:
            d = os.read(rd, 4096)
            if not d:
                return
            os.write(wr, b"echo:" + d)
        else:
            os.write(wr, chatter())
if mode == "unix":
    if os.path.exists(arg):
        os.unlink(arg)
    s = socket.socket(socket.AF_UNIX); s.bind(arg); s.listen(1)
    while time.time() < end:
        s.settimeout(max(0.1, end - time.time()))
        try:
            c, _ = s.accept()
        except socket.timeout:
            break
        try:
            pump(c.fileno(), c.fileno())
        except OSError:
            pass
        c.close()
    os.unlink(arg)
elif mode == "telnet":
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(arg))); s.listen(1)
    while time.time() < end:
        s.settimeout(max(0.1, end - time.time()))
        try:
            c, _ = s.accept()
        except socket.timeout:
            break
        c.sendall(bytes([255, 251, 1, 255, 251, 3, 255, 253, 24, 255, 241, 255, 253, 0x99]))
        try:
            pump(c.fileno(), c.fileno())
        except OSError:
            pass
        c.close()
elif mode == "pty":
    m, sl = pty.openpty()
    tty.setraw(sl)
    if os.path.lexists(arg):
        os.unlink(arg)
    os.symlink(os.ttyname(sl), arg)
    try:
        while time.time() < end:
            try:
                pump(m, m)
            except OSError:
                time.sleep(0.5)
    finally:
        os.unlink(arg)
