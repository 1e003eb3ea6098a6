#!/usr/bin/env python3
"""Random FTP client sessions against the pyftpdlib server (workload helper)."""
import ftplib
import io
import os
import random
import socket
import ssl
import sys
import time

PORT = int(sys.argv[1])
TLS = sys.argv[2] == "tls"
N = int(sys.argv[3])
R = random.Random()
HOST = "127.0.0.1"
USERS = [("alice", "wonder1")] * 5 + [("bob", "builder2")] * 2 + [("anonymous", "guest@x"),
         ("alice", "wrong"), ("mallory", "x"), ("bob", "")]


def conn():
    if TLS:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        f = ftplib.FTP_TLS(context=ctx, timeout=15)
    else:
        f = ftplib.FTP(timeout=15)
    f.connect(HOST, PORT)
    return f


def q(f, fn, *a):
    try:
        return fn(*a)
    except (ftplib.all_errors) as e:
        return e


def rname():
    return R.choice(["a", "b", "notes", "data", "x y", "ünï", "tmp"]) + str(R.randint(0, 30)) + R.choice([".txt", ".bin", ""])


def session():
    f = conn()
    user, pw = R.choice(USERS)
    if TLS and R.random() < 0.8:
        q(f, f.auth)
    r = q(f, f.login, user, pw)
    if isinstance(r, Exception):
        for _ in range(R.randint(0, 3)):
            q(f, f.login, user, "bad" + str(R.randint(0, 9)))
        q(f, f.quit)
        f.close()
        return
    if TLS and R.random() < 0.7:
        q(f, f.prot_p)
    elif TLS and R.random() < 0.5:
        q(f, f.prot_c)
    f.set_pasv(R.random() < 0.8)
    ops = R.randint(4, 18)
    for _ in range(ops):
        op = R.choice(["pwd", "cwd", "mkd", "rmd", "dele", "ren", "stor", "retr", "list", "nlst",
                       "mlsd", "size", "mdtm", "raw", "raw", "raw", "appe", "stou", "rest",
                       "chmod", "abor", "stat", "type", "badpath", "epsv", "port"])
        name = rname()
        try:
            if op == "pwd":
                f.pwd()
            elif op == "cwd":
                f.cwd(R.choice(["/", "..", "sub", "nope", "sub/deeper", "/etc", "."]))
            elif op == "mkd":
                f.mkd(R.choice(["sub", "sub/deeper", "new" + str(R.randint(0, 5)), "nope/x"]))
            elif op == "rmd":
                f.rmd(R.choice(["sub", "new1", "new2", "missing"]))
            elif op == "dele":
                f.delete(R.choice([name, "missing.txt", "sub"]))
            elif op == "ren":
                f.rename(R.choice([name, "a1.txt", "b2.bin", "missing"]), rname())
            elif op == "stor":
                data = os.urandom(R.randint(0, 200000))
                f.storbinary("STOR " + name, io.BytesIO(data))
            elif op == "appe":
                f.storbinary("APPE " + name, io.BytesIO(b"append\n" * R.randint(1, 50)))
            elif op == "stou":
                f.storbinary("STOU", io.BytesIO(b"unique\n"))
            elif op == "retr":
                names = f.nlst()
                f.retrbinary("RETR " + (R.choice(names) if names and R.random() < 0.7 else name), lambda b: None)
            elif op == "rest":
                f.retrbinary("RETR " + name, lambda b: None, rest=R.randint(0, 50))
            elif op == "list":
                f.retrlines(R.choice(["LIST", "LIST -la", "LIST sub", "LIST nope"]), lambda l: None)
            elif op == "nlst":
                f.nlst()
            elif op == "mlsd":
                list(f.mlsd(facts=R.choice([[], ["type", "size"], ["unix.mode"]])))
            elif op == "size":
                f.size(name)
            elif op == "mdtm":
                f.sendcmd("MDTM " + name)
            elif op == "chmod":
                f.sendcmd("SITE CHMOD " + R.choice(["755", "644", "999", "abc"]) + " " + name)
            elif op == "abor":
                f.abort()
            elif op == "stat":
                f.sendcmd(R.choice(["STAT", "STAT " + name, "STAT /"]))
            elif op == "type":
                f.sendcmd(R.choice(["TYPE A", "TYPE I", "TYPE L 8", "TYPE E", "TYPE X", "MODE S", "MODE B",
                                    "STRU F", "STRU R", "STRU P"]))
            elif op == "badpath":
                f.sendcmd(R.choice(["CWD ../../../../etc", "RETR /etc/passwd", "MLST ../../..", "SIZE sub"]))
            elif op == "epsv":
                f.sendcmd(R.choice(["EPSV", "EPSV 1", "EPSV 2", "EPSV ALL", "EPSV 9", "PASV"]))
            elif op == "port":
                f.sendcmd(R.choice(["PORT 127,0,0,1,4,1", "PORT 10,0,0,1,200,1", "PORT 1,2,3",
                                    "EPRT |1|127.0.0.1|80|", "EPRT |2|::1|59999|", "EPRT garbage",
                                    "PORT 127,0,0,1,300,1"]))
            elif op == "raw":
                f.sendcmd(R.choice(["NOOP", "SYST", "FEAT", "HELP", "HELP RETR", "HELP BOGUS", "SITE HELP",
                                    "SITE", "SITE FOO", "OPTS UTF8 ON", "OPTS MLST type;size;",
                                    "OPTS FOO", "ALLO 100", "XPWD", "XCUP", "CDUP", "XMKD tmpd", "XRMD tmpd",
                                    "MLST", "MLST " + name, "MFMT 20200101000000 " + name,
                                    "MFMT bad " + name, "REST abc", "REST 10", "RNTO x", "BOGUS",
                                    "USER", "PASS", "ACCT", "SMNT", "STRU", "MODE", "PBSZ 0",
                                    "PROT P", "PROT C", "PROT X", "AUTH SSL", "AUTH XYZ", "CCC",
                                    "NLST nope", "SIZE", "RETR", "HELP " * 3, "STOR /etc/shadow"]))
        except ftplib.all_errors:
            pass
        if R.random() < 0.05:
            # drop connection abruptly
            f.sock.close()
            return
    if R.random() < 0.2:
        q(f, f.sendcmd, "REIN")
        q(f, f.login, *R.choice(USERS))
    if R.random() < 0.85:
        q(f, f.quit)
    f.close()


def garbage():
    s = socket.create_connection((HOST, PORT), timeout=10)
    try:
        s.recv(1024)
        kind = R.choice(["junk", "long", "binary", "early", "half", "pasvidle", "utf"])
        if kind == "junk":
            s.sendall(R.choice([b"HELO there\r\n", b"GET / HTTP/1.0\r\n\r\n", b"\r\n", b"   \r\n", b"list\r\n"]))
        elif kind == "long":
            s.sendall(b"A" * 3000 + b"\r\n")
        elif kind == "binary":
            s.sendall(bytes(R.randint(0x20, 0xff) for _ in range(64)) + b"\r\n")
        elif kind == "early":
            s.sendall(b"LIST\r\nRETR x\r\nPWD\r\nCWD /\r\nPASV\r\nSTAT\r\n")
        elif kind == "half":
            s.sendall(b"USER alice\r\nPA")
        elif kind == "pasvidle":
            s.sendall(b"USER alice\r\nPASS wonder1\r\nPASV\r\n")
            time.sleep(0.3)
            s.recv(4096)
            time.sleep(R.choice([0.5, 10]))
        elif kind == "utf":
            s.sendall("USER ünï\r\nPASS ☃\r\n".encode() + b"USER \xff\xfe\r\n")
        time.sleep(0.3)
        s.recv(4096)
    except OSError:
        pass
    s.close()


def flood():
    socks = []
    for _ in range(14):
        try:
            s = socket.create_connection((HOST, PORT), timeout=5)
            socks.append(s)
        except OSError:
            pass
    time.sleep(0.5)
    for s in socks:
        s.close()


if __name__ == "__main__":
    for _ in range(N):
        r = R.random()
        try:
            if r < 0.75:
                session()
            elif r < 0.95:
                garbage()
            else:
                flood()
        except Exception:
            pass
