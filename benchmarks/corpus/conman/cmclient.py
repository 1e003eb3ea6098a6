# runs the conman client on a pty, types a few lines and escape sequences, then leaves with "&."
import os, pty, random, select, sys, time
args = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp("conman", ["conman"] + args)
def drain(t):
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                if not os.read(fd, 4096):
                    return False
            except OSError:
                return False
    return True
alive = drain(1.0)
keys = [b"ls\r", b"uptime\r", b"\r", b"&B", b"&R", b"&L", b"&Q", b"&I", b"&?", b"&E", b"&Z", b"&F"]
for _ in range(random.randint(0, 5)):
    if not alive:
        break
    os.write(fd, random.choice(keys))
    alive = drain(random.uniform(0.2, 1.5))
if alive:
    os.write(fd, b"\r&.")
    drain(1.0)
try:
    os.kill(pid, 15)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
