import ftplib
import io
import random
import socket
import sys
import time

HOST, PORT = "127.0.0.1", int(sys.argv[1])
MODE = sys.argv[2]          # anon | user | nopass
SESSIONS = int(sys.argv[3])
rnd = random.Random()


def names():
    return f"f{rnd.randint(1, 40)}.{rnd.choice(['txt', 'bin', 'log'])}"


def tryit(fn, *a, **k):
    try:
        return fn(*a, **k)
    except (ftplib.Error, OSError, EOFError):
        return None


def login(f):
    if MODE == "anon":
        tryit(f.login)
    elif MODE == "nopass":
        tryit(f.sendcmd, "USER " + rnd.choice(["bob"] * 5 + ["mallory"]))
    else:
        who = rnd.choice(["alice"] * 6 + ["eve"])
        pw = rnd.choice(["s3cret"] * 5 + ["guess", "1234"])
        tryit(f.login, who, pw)


def raw(cmds, close_hard=False):
    s = socket.create_connection((HOST, PORT), timeout=5)
    s.recv(1024)
    for c in cmds:
        s.sendall(c.encode() + b"\r\n")
        time.sleep(0.05)
        try:
            s.recv(4096)
        except socket.timeout:
            pass
    if close_hard:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()


def session():
    kind = rnd.random()
    if kind < 0.08:
        cmds = rnd.choice([["PWD"], ["PASS x"], ["LIST"], ["USER anonymous", "RNTO x"], ["FOO bar"], ["SYST"], ["REST 12", "REST x1"]])
        tryit(raw, cmds, close_hard=rnd.random() < 0.5)
        return
    f = ftplib.FTP(timeout=5)
    f.connect(HOST, PORT)
    login(f)
    for _ in range(rnd.randint(1, 9)):
        op = rnd.choices(
            ["stor", "retr", "list", "mlsd", "mlst", "cwd", "mkd", "rmd", "ren", "dele", "pwd", "type",
             "pbsz", "prot", "epsv", "epsv1", "rest", "syst", "abor", "appe", "nlst", "feat", "listnopasv",
             "rnto", "retrwait", "storbad", "rmdfull", "abortretr", "cdup", "missing"],
            weights=[14, 10, 9, 5, 4, 6, 4, 3, 3, 4, 5, 2, 1, 2, 2, 1, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 1, 2, 2, 4])[0]
        if op == "stor":
            tryit(f.storbinary, "STOR " + names(), io.BytesIO(rnd.randbytes(rnd.randint(0, 90000))))
        elif op == "appe":
            tryit(f.storbinary, "APPE " + names(), io.BytesIO(b"x" * rnd.randint(1, 500)))
        elif op == "retr":
            tryit(f.retrbinary, "RETR " + names(), lambda b: None)
        elif op == "missing":
            tryit(f.retrbinary, "RETR " + rnd.choice(["nothere.txt", "dir1", "../etc/passwd"]), lambda b: None)
        elif op == "list":
            tryit(f.retrlines, "LIST " + rnd.choice(["", "", "dir1", "missing"]), lambda l: None)
        elif op == "mlsd":
            tryit(lambda: list(f.mlsd(rnd.choice(["", "dir1"]))))
        elif op == "mlst":
            tryit(f.sendcmd, "MLST " + rnd.choice([names(), "dir1", "gone"]))
        elif op == "cwd":
            tryit(f.cwd, rnd.choice(["dir1", "/", "nosuch", "f1.txt", ".."]))
        elif op == "cdup":
            tryit(f.sendcmd, "CDUP")
        elif op == "mkd":
            tryit(f.mkd, rnd.choice(["dir1", f"d{rnd.randint(1, 9)}"]))
        elif op == "rmd":
            tryit(f.rmd, rnd.choice([f"d{rnd.randint(1, 9)}", "nosuch", "f2.txt"]))
        elif op == "rmdfull":
            tryit(f.rmd, "dir1")
        elif op == "ren":
            tryit(f.rename, names(), names())
        elif op == "rnto":
            tryit(f.sendcmd, "RNTO " + names())
        elif op == "dele":
            tryit(f.delete, rnd.choice([names(), "dir1", "nosuch"]))
        elif op == "pwd":
            tryit(f.pwd)
        elif op == "type":
            tryit(f.sendcmd, "TYPE " + rnd.choice(["E", "L 8", "X"]))
        elif op == "pbsz":
            tryit(f.sendcmd, "PBSZ 0")
        elif op == "prot":
            tryit(f.sendcmd, "PROT " + rnd.choice(["P", "C"]))
        elif op == "epsv":
            tryit(f.sendcmd, "EPSV")
        elif op == "epsv1":
            tryit(f.sendcmd, "EPSV 1")
        elif op == "rest":
            tryit(f.sendcmd, "REST " + rnd.choice(["100", "0", "abc"]))
        elif op == "syst":
            tryit(f.sendcmd, "SYST")
        elif op == "abor":
            tryit(f.sendcmd, "ABOR")
        elif op == "nlst":
            tryit(f.nlst)
        elif op == "feat":
            tryit(f.sendcmd, "FEAT")
        elif op == "listnopasv":
            tryit(f.sendcmd, "LIST")
        elif op == "retrwait":
            f2 = ftplib.FTP(timeout=5)
            tryit(f2.connect, HOST, PORT)
            login(f2)
            tryit(f2.sendcmd, "PASV")
            tryit(f2.sendcmd, "RETR big.bin")
            time.sleep(1.3)
            tryit(f2.getresp)
            tryit(f2.quit)
        elif op == "storbad":
            tryit(f.storbinary, "STOR nodir/sub/x.txt", io.BytesIO(b"x"))
        elif op == "abortretr":
            try:
                conn = f.transfercmd("RETR big.bin")
                conn.recv(1024)
                f.putcmd("ABOR")
                tryit(f.getresp)
                conn.close()
                tryit(f.voidresp)
            except (ftplib.Error, OSError, EOFError):
                pass
    r = rnd.random()
    if r < 0.75:
        tryit(f.quit)
    elif r < 0.9:
        f.close()
    else:
        f.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        f.close()


for _ in range(SESSIONS):
    try:
        session()
    except (ftplib.Error, OSError, EOFError):
        pass
