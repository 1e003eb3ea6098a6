"""Randomised FTP client sessions against ftp-srv (no logging of its own)."""
import ftplib, io, random, socket, sys, time

HOST, PORT = "127.0.0.1", int(sys.argv[1])
SESSIONS = int(sys.argv[2])
MODE = sys.argv[3]            # "auth" or "anon"
rnd = random.Random(int(sys.argv[4]))
USERS = {"alice": "s3cret", "bob": "hunter2"}
NAMES = ["a.txt", "b.bin", "notes.md", "report.csv", "pub/a.txt", "missing.dat", "pub/zz/none.txt"]

def raw(lines, close_hard=False):
    s = socket.create_connection((HOST, PORT), timeout=5)
    s.recv(1024)
    for l in lines:
        s.sendall((l + "\r\n").encode())
        time.sleep(0.05)
        try: s.recv(4096)
        except Exception: pass
    if close_hard:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()

def login(f):
    if MODE == "anon":
        f.login("anonymous", "guest@")
        return True
    u = rnd.choice(list(USERS))
    pw = USERS[u] if rnd.random() < 0.8 else "wrong" + str(rnd.randint(1, 99))
    try:
        f.login(u, pw)
        return True
    except ftplib.error_perm:
        return False

def op(f):
    k = rnd.choices(["list", "nlst", "retr", "stor", "dele", "mkd", "rmd", "ren", "size", "mdtm",
                     "cwd", "pwd", "stat", "site", "misc", "active", "badport", "nodata", "unknown"],
                    weights=[9, 5, 8, 6, 3, 3, 2, 2, 3, 2, 4, 3, 2, 1, 3, 2, 1, 1, 2])[0]
    name = rnd.choice(NAMES)
    if k == "list": f.retrlines("LIST " + rnd.choice(["", "pub", "nope"]), lambda l: None)
    elif k == "nlst": f.nlst()
    elif k == "retr": f.retrbinary("RETR " + name, lambda b: None)
    elif k == "stor": f.storbinary("STOR up%d.txt" % rnd.randint(1, 9), io.BytesIO(b"x" * rnd.randint(1, 5000)))
    elif k == "dele": f.delete("up%d.txt" % rnd.randint(1, 12))
    elif k == "mkd": f.mkd("dir%d" % rnd.randint(1, 6))
    elif k == "rmd": f.rmd("dir%d" % rnd.randint(1, 8))
    elif k == "ren": f.rename(rnd.choice(["up1.txt", "up2.txt", "ghost"]), "ren%d.txt" % rnd.randint(1, 5))
    elif k == "size": f.size(name)
    elif k == "mdtm": f.sendcmd("MDTM " + name)
    elif k == "cwd": f.cwd(rnd.choice(["pub", "/", "nowhere", ".."]))
    elif k == "pwd": f.pwd()
    elif k == "stat": f.sendcmd("STAT " + rnd.choice(["", "a.txt", "nope"]))
    elif k == "site": f.sendcmd("SITE " + rnd.choice(["CHMOD 644 a.txt", "CHMOD 600 nope", "FOO bar"]))
    elif k == "misc":
        f.sendcmd(rnd.choice(["NOOP", "SYST", "FEAT", "HELP", "HELP RETR", "TYPE I", "TYPE A", "TYPE X",
                              "MODE S", "MODE B", "STRU F", "STRU R", "OPTS UTF8 ON", "OPTS UTF8 MAYBE",
                              "OPTS FOO", "REST 10", "REST x", "ALLO 100", "ABOR", "EPSV", "CDUP", "PBSZ 0",
                              "PROT P", "AUTH TLS", "USER again", "PASS again", "RNTO nothing"]))
    elif k == "active":
        f.set_pasv(False)
        f.retrlines("LIST", lambda l: None)
        f.set_pasv(True)
    elif k == "badport": f.sendcmd(rnd.choice(["PORT 10,9,8,7,200,1", "PORT 1,2,3", "EPRT |1|10.1.1.1|6000|", "EPRT |9|x|1|"]))
    elif k == "nodata": f.sendcmd(rnd.choice(["RETR a.txt", "LIST", "STOR late.txt"]))
    elif k == "unknown": f.sendcmd(rnd.choice(["XYZZY", "SMNT /", "MLSD", "CHMOD 1"]))

for i in range(SESSIONS):
    r = rnd.random()
    try:
        if r < 0.07:
            raw(rnd.choice([["LIST"], ["RETR a.txt"], ["PWD", "CWD /"], ["FOO"], ["PASS nouser"]]))
            continue
        if r < 0.11:
            raw(["USER alice"], close_hard=True)
            continue
        f = ftplib.FTP()
        f.connect(HOST, PORT, timeout=10)
        if not login(f):
            f.close() if rnd.random() < 0.5 else f.quit()
            continue
        for _ in range(rnd.randint(1, 8)):
            try: op(f)
            except (ftplib.Error, EOFError, OSError): pass
        if rnd.random() < 0.85: f.quit()
        else: f.close()
    except (ftplib.Error, EOFError, OSError):
        pass
    time.sleep(rnd.random() * 0.05)
