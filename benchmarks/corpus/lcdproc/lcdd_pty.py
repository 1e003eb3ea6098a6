#!/usr/bin/env python3
"""Run LCDd (daemon mode, curses driver) on a private pseudo-terminal.
usage: lcdd_pty.py CONF LOG KEYFIFO PIDFILE [extra LCDd args]
stderr of LCDd is appended to LOG; key names written to KEYFIFO are typed on the terminal."""
import fcntl, os, select, struct, sys, termios, time
conf, log, fifo, pidfile = sys.argv[1:5]
extra = sys.argv[5:]
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
pid = os.fork()
if pid == 0:
    os.dup2(slave, 0); os.dup2(slave, 1)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644); os.dup2(fd, 2)
    os.close(master)
    os.execve('/usr/sbin/LCDd', ['LCDd', '-c', conf] + extra, dict(os.environ, TERM='xterm'))
os.close(slave)
fl = fcntl.fcntl(master, fcntl.F_GETFL); fcntl.fcntl(master, fcntl.F_SETFL, fl | os.O_NONBLOCK)
def drain():
    try:
        while os.read(master, 65536): pass
    except OSError: pass
# LCDd forks; with the curses driver (stay_in_foreground) the first process keeps waiting
# for its child, so the daemon is the child of the process we started.
daemon = None
for _ in range(100):
    drain()
    r, st = os.waitpid(pid, os.WNOHANG)
    if r: sys.exit(1)                        # start-up failed
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                f = open(f'/proc/{p}/stat').read()
            except OSError:
                continue
            if int(f.rsplit(')', 1)[1].split()[1]) == pid:
                daemon = int(p)
    if daemon: break
    time.sleep(0.05)
if not daemon:
    sys.exit(1)
open(pidfile, 'w').write(str(daemon))
if not os.path.exists(fifo): os.mkfifo(fifo)
ff = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
KEYS = {'Up': b'\x1bOA', 'Down': b'\x1bOB', 'Right': b'\x1bOC', 'Left': b'\x1bOD', 'Enter': b'\r', 'Escape': b'\x1b'}
buf = b''
while True:
    r, st = os.waitpid(pid, os.WNOHANG)
    if r: break
    rl, _, _ = select.select([master, ff], [], [], 0.2)
    if master in rl: drain()
    if ff in rl:
        try: buf += os.read(ff, 4096)
        except OSError: pass
        while b'\n' in buf:
            k, buf = buf.split(b'\n', 1)
            k = k.decode().strip()
            if k:
                os.write(master, KEYS.get(k, k.encode()))
                time.sleep(1.2 if k == 'Escape' else 0.05)
try: os.unlink(pidfile)
except OSError: pass
