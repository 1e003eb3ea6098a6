"""Randomised FTP sessions against ftpd on 127.0.0.1 / ::1 (no logging of its own)."""
import ftplib, io, random, socket, sys, time

PORT4, PORT6 = int(sys.argv[1]), int(sys.argv[2])
N = int(sys.argv[3])
rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else None)
W = lambda *a: rnd.choices(*a)[0]

def raw(f, cmd):
    try:
        return f.sendcmd(cmd)
    except (ftplib.Error, EOFError, OSError) as e:
        return str(e)

def data(f, fn, *a):
    try:
        return fn(*a)
    except (ftplib.Error, EOFError, OSError) as e:
        try:
            f.voidresp() if isinstance(e, socket.timeout) else None
        except Exception:
            pass
        return str(e)

def login(f):
    kind = W(["anon", "alice", "badpw", "nouser", "nologin", "root", "nopass", "multi"], [30, 35, 10, 6, 4, 3, 4, 3])
    if kind == "anon":
        u = rnd.choice(["ftp", "anonymous", "ANONYMOUS"])
        raw(f, "USER " + u); r = raw(f, "PASS guest%d@example.org" % rnd.randint(1, 99)); return r.startswith("230")
    if kind == "alice":
        raw(f, "USER alice"); r = raw(f, "PASS secret1"); return r.startswith("230")
    if kind == "badpw":
        raw(f, "USER alice"); raw(f, "PASS wrong%d" % rnd.randint(1, 999)); return False
    if kind == "nouser":
        raw(f, "USER " + rnd.choice(["bob", "mallory", "admin", "test"])); raw(f, "PASS x"); return False
    if kind == "nologin":
        raw(f, "USER " + rnd.choice(["nobody", "daemon"])); raw(f, "PASS x"); return False
    if kind == "root":
        raw(f, "USER root"); raw(f, "PASS toor"); return False
    if kind == "nopass":
        raw(f, "PASS whatever"); raw(f, "PWD"); return False
    for i in range(rnd.randint(3, 7)):  # repeated failures
        raw(f, "USER alice"); r = raw(f, "PASS bad%d" % i)
        if r.startswith("421") or "closing" in r:
            break
    return False

def session():
    v6 = rnd.random() < 0.15
    f = ftplib.FTP(timeout=8)
    f.connect("::1" if v6 else "127.0.0.1", PORT6 if v6 else PORT4)
    ok = login(f)
    if ok and rnd.random() < 0.1:  # switch user after guest/normal login
        raw(f, "USER alice"); raw(f, "PASS secret1")
    ops = rnd.randint(1, 14)
    for _ in range(ops):
        op = W(["pwd", "cwd", "cwdbad", "cdup", "list", "nlst", "retr", "retrbad", "stor", "appe", "stou",
                "mkd", "rmd", "dele", "rename", "size", "mdtm", "type", "stru", "mode", "allo", "rest",
                "syst", "stat", "statf", "help", "site", "feat", "opts", "noop", "epsv", "lpsv", "eprt",
                "port", "garbage", "unimpl", "abor", "lprt", "nlstglob", "dirty"],
               [8, 6, 3, 3, 8, 4, 7, 3, 5, 2, 2, 3, 2, 3, 2, 3, 2, 4, 1, 1, 1, 2, 2, 2, 1, 2, 3, 1, 1, 3, 2, 1, 2, 2, 3, 2, 1, 1, 1, 1])
        f.set_pasv(rnd.random() < 0.8)
        if op == "pwd": raw(f, rnd.choice(["PWD", "XPWD"]))
        elif op == "cwd": raw(f, "CWD " + rnd.choice(["pub", "/", "pub/docs", "incoming"])) if rnd.random() < .8 else raw(f, "CWD")
        elif op == "cwdbad": raw(f, "CWD " + rnd.choice(["nonexist", "/root", "secret", "pub/none"]))
        elif op == "cdup": raw(f, rnd.choice(["CDUP", "XCUP"]))
        elif op == "list": data(f, f.retrlines, "LIST" + rnd.choice(["", " pub", " -la", " missing"]), lambda l: None)
        elif op == "nlst": data(f, f.retrlines, "NLST" + rnd.choice(["", " pub", " nothere"]), lambda l: None)
        elif op == "nlstglob": data(f, f.retrlines, "NLST " + rnd.choice(["*.txt", "pub/*", "zz*[", "~/x*"]), lambda l: None)
        elif op == "retr":
            if rnd.random() < .4: raw(f, "TYPE " + rnd.choice(["A", "I"]))
            data(f, f.retrbinary, "RETR " + rnd.choice(["pub/readme.txt", "pub/data.bin", "notes.txt", "pub/docs/guide.txt"]), lambda b: None)
        elif op == "retrbad": data(f, f.retrbinary, "RETR " + rnd.choice(["missing.txt", "pub", "/etc/shadow"]), lambda b: None)
        elif op == "stor":
            payload = (b"line of upload data\n" * rnd.randint(1, 200)) if rnd.random() < .7 else bytes(rnd.getrandbits(8) for _ in range(rnd.randint(10, 3000)))
            if rnd.random() < .3: raw(f, "TYPE A")
            data(f, f.storbinary, "STOR " + rnd.choice(["up%d.txt" % rnd.randint(1, 9), "incoming/u.dat", "/nope/x", "pub/ro.txt"]), io.BytesIO(payload))
        elif op == "appe": data(f, f.storbinary, "APPE " + rnd.choice(["up1.txt", "log.txt"]), io.BytesIO(b"more\n"))
        elif op == "stou": data(f, f.storbinary, "STOU " + rnd.choice(["up1.txt", "uniq.txt"]), io.BytesIO(b"u\n"))
        elif op == "mkd": raw(f, rnd.choice(["MKD", "XMKD"]) + " " + rnd.choice(["newdir", "d%d" % rnd.randint(1, 5), "/abs%d" % rnd.randint(1, 3), "pub"]))
        elif op == "rmd": raw(f, rnd.choice(["RMD", "XRMD"]) + " " + rnd.choice(["newdir", "d1", "nodir", "pub"]))
        elif op == "dele": raw(f, "DELE " + rnd.choice(["up1.txt", "up2.txt", "missing", "d2"]))
        elif op == "rename":
            raw(f, "RNFR " + rnd.choice(["up1.txt", "up3.txt", "nothere"])); raw(f, "RNTO " + rnd.choice(["moved.txt", "/nope/x"]))
            if rnd.random() < .2: raw(f, "RNTO orphan.txt")
        elif op == "size": raw(f, "TYPE " + rnd.choice(["I", "A", "L 8"])); raw(f, "SIZE " + rnd.choice(["pub/readme.txt", "pub", "nothere", "up1.txt"]))
        elif op == "mdtm": raw(f, "MDTM " + rnd.choice(["pub/readme.txt", "pub", "nothere"]))
        elif op == "type": raw(f, "TYPE " + rnd.choice(["A", "I", "E", "L 8", "L 7", "A T", "A N", "X"]))
        elif op == "stru": raw(f, "STRU " + rnd.choice(["F", "R", "P"]))
        elif op == "mode": raw(f, "MODE " + rnd.choice(["S", "B", "C"]))
        elif op == "allo": raw(f, rnd.choice(["ALLO 1024", "ALLO 10 R 5"]))
        elif op == "rest":
            raw(f, "REST %d" % rnd.choice([0, 5, 100, 999999]))
            data(f, f.retrbinary, "RETR pub/readme.txt", lambda b: None)
        elif op == "syst": raw(f, "SYST")
        elif op == "stat": raw(f, "STAT")
        elif op == "statf": raw(f, "STAT " + rnd.choice(["pub", "pub/readme.txt", "nothere"]))
        elif op == "help": raw(f, rnd.choice(["HELP", "HELP RETR", "HELP SITE", "HELP SITE CHMOD", "HELP MAIL", "HELP BOGUS", "HELP SITE UMASK"]))
        elif op == "site": raw(f, "SITE " + rnd.choice(["UMASK", "UMASK 022", "UMASK 999", "IDLE", "IDLE 10", "IDLE 600", "CHMOD 644 pub/readme.txt", "CHMOD 1777 x", "CHMOD 600 nothere", "HELP", "EXEC ls"]))
        elif op == "feat": raw(f, rnd.choice(["FEAT", "FEAT x"]))
        elif op == "opts": raw(f, rnd.choice(["OPTS", "OPTS UTF8 ON"]))
        elif op == "noop": raw(f, "NOOP")
        elif op == "epsv": raw(f, rnd.choice(["EPSV", "EPSV 1", "EPSV 2", "EPSV 3"]))
        elif op == "lpsv": raw(f, "LPSV")
        elif op == "lprt": raw(f, rnd.choice(["LPRT 4,4,127,0,0,1,2,195,80", "LPRT 4,4,10,0,0,1,2,195,80", "LPRT 5,4,1,2,3,4,2,1,1"]))
        elif op == "eprt": raw(f, rnd.choice(["EPRT |1|127.0.0.1|50001|", "EPRT |1|10.1.1.1|50001|", "EPRT |3|127.0.0.1|50001|", "EPRT |1|127.0.0.1|80|", "EPRT |2|::1|50002|", "EPRT !1!127.0.0.1|5|"]))
        elif op == "port": raw(f, rnd.choice(["PORT 127,0,0,1,0,21", "PORT 10,0,0,9,200,10", "PORT 127,0,0,1,195,81"]))
        elif op == "garbage": raw(f, rnd.choice(["HELLO", "GET / HTTP/1.0", "XYZZY plugh", "RETR", "TYPE", "CWD  ", "PORT a,b"]))
        elif op == "unimpl": raw(f, rnd.choice(["ACCT x", "SMNT /", "REIN", "MAIL", "AUTH TLS", "PBSZ 0", "PROT P", "CCC"]))
        elif op == "abor": raw(f, "ABOR")
        elif op == "dirty": raw(f, "USER alice")
    end = W(["quit", "close", "sleep"], [80, 17, 3])
    if end == "quit":
        raw(f, "QUIT")
    elif end == "sleep":
        time.sleep(4.5)
    try:
        f.sock.close()
    except Exception:
        pass

for i in range(N):
    try:
        session()
    except (OSError, EOFError, ftplib.Error):
        pass
    time.sleep(rnd.random() * 0.15)
