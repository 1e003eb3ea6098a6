#!/usr/bin/env python3
"""Send malformed ra_svn data to svnserve (random choice of garbage)."""
import random, socket, sys, time
host, port = sys.argv[1], int(sys.argv[2])
kind = sys.argv[3] if len(sys.argv) > 3 else random.choice(
    ["text", "binary", "badgreeting", "badversion", "close", "badcmd", "longstr", "badrepo", "badmech",
     "segs_end", "segs_start", "badlocks", "dontcare", "badpath"])
CMDS = {
    "segs_end": b"( get-location-segments ( 6:/trunk ( 1 ) ( 1 ) ( 3 ) ) ) ",
    "segs_start": b"( get-location-segments ( 6:/trunk ( 1 ) ( 3 ) ( 1 ) ) ) ",
    "badlocks": b"( get-locks ( 0: ( bogus ) ) ) ",
    "dontcare": b"( change-rev-prop2 ( 1 7:svn:log ( 3:new ) ( true 3:old ) ) ) ",
    "badpath": b"( get-file ( 12:../../passwd ( 1 ) true false ) ) ",
}
s = socket.create_connection((host, port), timeout=3)
try:
    greet = s.recv(4096)
    if kind == "text":
        s.sendall(b"GET / HTTP/1.0\r\nHost: x\r\n\r\n")
    elif kind == "binary":
        s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(10, 300))))
    elif kind == "badgreeting":
        s.sendall(b"( 2 ( edit-pipeline ) ")
        s.sendall(b")))) ")
    elif kind == "badversion":
        s.sendall(b"( 1 ( edit-pipeline svndiff1 ) 29:svn://127.0.0.1/alpha/trunk ) ")
    elif kind == "close":
        pass
    elif kind == "badcmd":
        s.sendall(b"( 2 ( edit-pipeline svndiff1 absent-entries depth mergeinfo log-revprops ) 27:svn://127.0.0.1:44390/gamma 10:garbage/01 ( ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( ANONYMOUS ( 0: ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( frobnicate ( 3:abc ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( get-file ( 99:short ) ) ")
    elif kind in CMDS:
        repo = random.choice([b"gamma", b"alpha"])
        url = b"svn://127.0.0.1:%d/%s" % (port, repo)
        s.sendall(b"( 2 ( edit-pipeline svndiff1 absent-entries depth mergeinfo log-revprops ) %d:%s 10:garbage/01 ( ) ) " % (len(url), url))
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( ANONYMOUS ( 0: ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(CMDS[kind])
        time.sleep(0.2); s.recv(4096)
    elif kind == "longstr":
        s.sendall(b"( 2 ( edit-pipeline ) 99999999999999999999:abc ) ")
    elif kind == "badrepo":
        s.sendall(b"( 2 ( edit-pipeline svndiff1 absent-entries depth mergeinfo log-revprops ) 20:http://127.0.0.1/xyz 10:garbage/01 ( ) ) ")
    elif kind == "badmech":
        s.sendall(b"( 2 ( edit-pipeline svndiff1 absent-entries depth mergeinfo log-revprops ) 27:svn://127.0.0.1:44390/alpha 10:garbage/01 ( ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( NOSUCHMECH ( ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( CRAM-MD5 ( ) ) ")
        time.sleep(0.2); s.recv(4096)
        s.sendall(b"( 7:garbage ) ")
    time.sleep(0.3)
    try:
        s.recv(4096)
    except Exception:
        pass
finally:
    s.close()
