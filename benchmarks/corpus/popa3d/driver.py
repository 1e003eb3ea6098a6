#!/usr/bin/python3
"""POP3 workload for popa3d: runs inside the private namespace (see workload.sh)."""
import os, random, signal, socket, subprocess, sys, threading, time

RUN = "/tmp/round37-r37a/popa3d"
MAIL = "/var/mail"
USERS = {"alice": ("wonderland7", 46001), "bob": ("builder-42", 46002),
         "carol": ("singing#carol", 46003), "dave": ("dave.pw", 46004),
         "erin": ("erin1999", 46005), "frank": ("frankly", 46006)}
GOOD = ["alice", "bob", "carol", "frank"]
UNKNOWN = ["mallory", "guest", "admin", "test", "oracle", "postmaster", "root2", "info"]
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else None)
locks = {u: threading.Lock() for u in USERS}
SUBJ = ["meeting notes", "invoice 2231", "re: lunch?", "build failed", "weekly report",
        "party", "server down", "hello", "your order shipped", "password reset"]


def message(n):
    body = "\n".join("line %d of a message body %s" % (i, "x" * rng.randint(0, 60))
                     for i in range(rng.randint(1, 40)))
    return ("From sender%d@example.org Mon Dec  7 06:%02d:00 2026\n"
            "Received: from mx.example.org by localhost\n"
            "Date: Mon, 7 Dec 2026 06:%02d:00 +0000\n"
            "Message-Id: <%d.%d@example.org>\n"
            "Subject: %s\n\n%s\n\n" % (n, n % 60, n % 60, n, rng.randint(1, 10**9),
                                       rng.choice(SUBJ), body))


def fill(user, count=None):
    path = os.path.join(MAIL, user)
    with open(path, "a") as f:
        for _ in range(count if count is not None else rng.randint(1, 6)):
            f.write(message(rng.randint(1, 100000)))
    os.chown(path, USERS[user][1], 8)
    os.chmod(path, 0o600)


def daemon_pids():
    me = os.readlink("/proc/self/ns/net")
    found = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            if os.readlink("/proc/%s/ns/net" % p) != me:
                continue
            comm = open("/proc/%s/comm" % p).read().strip()
            ppid = open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()[1]
            pcomm = open("/proc/%s/comm" % ppid).read().strip() if ppid != "0" else ""
        except OSError:
            continue
        if comm == "popa3d" and pcomm != "popa3d":
            found.append(int(p))
    return found


def start():
    subprocess.run(["/usr/sbin/popa3d", "-D"])
    time.sleep(0.5)


def stop():
    for pid in daemon_pids():
        os.kill(pid, signal.SIGTERM)
    time.sleep(1)


class Pop:
    def __init__(self, src):
        self.s = socket.socket()
        self.s.settimeout(30)
        self.s.bind((src, 0))
        self.s.connect(("127.0.0.1", 110))
        self.f = self.s.makefile("rb")
        self.f.readline()

    def cmd(self, line, multi=False):
        self.s.sendall(line.encode() + b"\r\n")
        first = self.f.readline()
        if multi and first.startswith(b"+OK"):
            while True:
                l = self.f.readline()
                if not l or l == b".\r\n":
                    break
        return first

    def close(self):
        try:
            self.s.close()
        except OSError:
            pass


def src():
    return "127.0.%d.%d" % (rng.randint(0, 3), rng.randint(1, 40))


def transaction(p, count):
    for _ in range(rng.randint(0, 8)):
        c = rng.random()
        n = rng.randint(1, max(1, count + (1 if rng.random() < 0.1 else 0)))
        if c < 0.15: p.cmd("STAT")
        elif c < 0.25: p.cmd("LIST", True)
        elif c < 0.30: p.cmd("LIST %d" % n)
        elif c < 0.38: p.cmd("UIDL", True)
        elif c < 0.55: p.cmd("RETR %d" % n, True)
        elif c < 0.62: p.cmd("TOP %d %d" % (n, rng.randint(0, 5)), True)
        elif c < 0.80: p.cmd("DELE %d" % n)
        elif c < 0.84: p.cmd("RSET")
        elif c < 0.88: p.cmd("LAST")
        elif c < 0.92: p.cmd("NOOP")
        else: p.cmd(rng.choice(["XTND", "APOP x y", "RETR", "DELE abc", "CAPA", "TOP 1"]))


def good_session():
    user = rng.choice(GOOD)
    with locks[user]:
        if user != "frank" and rng.random() < 0.7:
            fill(user)
        path = os.path.join(MAIL, user)
        count = open(path).read().count("\nFrom ") + 1 if os.path.exists(path) and os.path.getsize(path) else 0
        p = Pop(src())
        try:
            p.cmd("USER " + user)
            p.cmd("PASS " + USERS[user][0])
            transaction(p, count)
            if rng.random() < 0.85:
                p.cmd("QUIT")
                p.f.readline()
        finally:
            p.close()


def bad_session(user, pw):
    p = Pop(src())
    try:
        if rng.random() < 0.1:
            p.cmd("PASS " + pw)
        p.cmd("USER " + user)
        p.cmd("PASS " + pw)
        if rng.random() < 0.3:
            p.cmd("QUIT")
    except OSError:
        pass
    finally:
        p.close()


def noauth_session():
    p = Pop(src())
    try:
        for _ in range(rng.randint(0, 3)):
            p.cmd(rng.choice(["CAPA", "STAT", "USER", "HELP", "NOOP", "USER a b"]))
        if rng.random() < 0.5:
            p.cmd("QUIT")
    except OSError:
        pass
    finally:
        p.close()


def stale_session():
    user = rng.choice(["alice", "bob", "carol"])
    with locks[user]:
        fill(user, rng.randint(2, 4))
        p = Pop(src())
        try:
            p.cmd("USER " + user)
            p.cmd("PASS " + USERS[user][0])
            p.cmd("LIST", True)
            time.sleep(1.2)
            path = os.path.join(MAIL, user)
            data = open(path).read()
            # another MUA rewrites the first message
            with open(path, "w") as f:
                f.write(data.replace("Subject: ", "Subject: Re: ", 1))
            p.cmd("DELE 1")
            if rng.random() < 0.5:
                p.cmd("RETR 1", True)
                p.cmd("RETR 2", True)
            p.cmd("QUIT")
        except OSError:
            pass
        finally:
            p.close()


def flood():
    addr = src()
    conns = []
    for _ in range(rng.randint(52, 60)):   # above the per-source session limit
        try:
            s = socket.socket()
            s.bind((addr, 0))
            s.connect(("127.0.0.1", 110))
            conns.append(s)
        except OSError:
            pass
    time.sleep(rng.uniform(0.5, 2))
    for s in conns:
        s.close()


def one():
    r = rng.random()
    if r < 0.45: good_session()
    elif r < 0.63: bad_session(rng.choice(GOOD), rng.choice(["secret", "123456", "password", "letmein"]))
    elif r < 0.73: bad_session(rng.choice(UNKNOWN), rng.choice(["admin", "guest", "x"]))
    elif r < 0.85: noauth_session()
    elif r < 0.91: bad_session(rng.choice(["dave", "erin"]), "unused")
    else: stale_session()


def refused_session():
    user = rng.choice(["dave", "erin"])
    p = Pop(src())
    try:
        p.cmd("USER " + user)
        p.cmd("PASS " + USERS[user][0])
        p.cmd("QUIT")
    except OSError:
        pass
    finally:
        p.close()


def worker(n):
    for _ in range(n):
        try:
            if rng.random() < 0.06:
                refused_session()
            else:
                one()
        except OSError:
            pass
        time.sleep(rng.uniform(0, 0.4))


def batch(total):
    threads = [threading.Thread(target=worker, args=(total // 4,)) for _ in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()


def main():
    for u in GOOD[:3]:
        fill(u, rng.randint(3, 10))
    os.makedirs(os.path.join(MAIL, "dave"), exist_ok=True)   # not a regular file
    with open(os.path.join(MAIL, "erin"), "w") as f:       # not an mbox
        f.write("this is not a mailbox\nno From line here\n")
    os.chown(os.path.join(MAIL, "erin"), USERS["erin"][1], 8)
    os.chmod(os.path.join(MAIL, "erin"), 0o600)
    start()
    rounds = rng.randint(4, 6)
    for i in range(rounds):
        batch(rng.randint(50, 110))
        if rng.random() < 0.45:
            flood()
        e = rng.random()
        if e < 0.4:
            start()                      # second instance: port busy
        if i == rounds - 1:
            break
        stop()
        if rng.random() < 0.5:
            # a broken passwd without the popa3d pseudo-user
            subprocess.run(["mount", "--bind", RUN + "/etc/passwd.broken", "/etc/passwd"])
            start()
            subprocess.run(["umount", "/etc/passwd"])
        start()
    stop()


if __name__ == "__main__":
    main()
