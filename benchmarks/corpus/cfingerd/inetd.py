# Minimal inetd-style wrapper: one cfingerd per TCP connection (socket on fds 0,1,2).
import os, random, signal, socket, sys, time
port = int(sys.argv[1]); end = time.time() + float(sys.argv[2])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", port)); s.listen(64); s.settimeout(0.5)
kids = {}   # pid -> (start time, signalled)
SIGS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGUSR1, signal.SIGUSR2,
        signal.SIGPIPE, signal.SIGQUIT, signal.SIGALRM, signal.SIGTERM, signal.SIGWINCH]
while time.time() < end:
    try:
        c, _ = s.accept()
        pid = os.fork()
        if pid == 0:
            s.close()
            for fd in (0, 1, 2):
                os.dup2(c.fileno(), fd)
            os.execv("/usr/sbin/cfingerd", ["cfingerd"])
        c.close(); kids[pid] = [time.time(), 0]
    except socket.timeout:
        pass
    for pid in list(kids):
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                del kids[pid]; continue
        except ChildProcessError:
            del kids[pid]; continue
        age = time.time() - kids[pid][0]
        if age > 3 and kids[pid][1] == 0:
            kids[pid][1] = 1; os.kill(pid, random.choice(SIGS))
        elif age > 6 and kids[pid][1] == 1:
            kids[pid][1] = 2; os.kill(pid, signal.SIGKILL)
for pid in kids:
    try: os.kill(pid, signal.SIGKILL)
    except OSError: pass
