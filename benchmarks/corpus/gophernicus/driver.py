#!/usr/bin/python3
"""Gopher workload for gophernicus (runs inside the private namespaces, see workload.sh)."""
import os, random, socket, subprocess, sys, time, threading

RUN = "/tmp/round37-r37a/gophernicus"
ROOT = RUN + "/root"
HOME = RUN + "/home"
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else None)


def w(path, text, mode=0o644, uid=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())
    os.chmod(path, mode)
    if uid is not None:
        os.chown(path, uid, uid)


def build():
    L = ROOT + "/localhost"
    w(L + "/gophermap", "iWelcome to the test gopher\t\tnull.host\t1\n"
      "!Test server\n1Documents\tdocs\n0Read me\tdocs/readme.txt\n"
      "hSearch engine\tURL:http://example.org/\n~\n%\n"
      "=/bin/date +'iserver time %H:%M'\n"
      "1Remote\t/\tgopher.floodgap.com\t70\n")
    for i in range(6):
        w(L + "/docs/note%d.txt" % i, "note %d\n" % i * rng.randint(1, 50))
    w(L + "/docs/readme.txt", "This is a readme\n" * 20)
    w(L + "/docs/gophertag", "The documents\n")
    w(L + "/docs/old-news.txt", "old news\n")
    w(L + "/images/logo.gif", b"GIF89a" + os.urandom(200))
    w(L + "/images/photo.jpg", b"\xff\xd8\xff\xe0" + os.urandom(500))
    w(L + "/bin/data.bin", os.urandom(3000))
    w(L + "/bin/paper.pdf", b"%PDF-1.4\n" + os.urandom(400))
    w(L + "/exec/gophermap", "#!/bin/sh\necho \"iGenerated at $(date +%s)\t\tnull.host\t1\"\n"
      "echo \"iSelector: $SELECTOR\t\tnull.host\t1\"\n", 0o755)
    w(L + "/static/gophermap", "iA static map\t\tnull.host\t1\n#comment\n-hidden.txt\n"
      ":.dat=9\n1Back\t/\n.\n")
    w(L + "/static/hidden.txt", "hidden\n")
    w(L + "/static/table.dat", "1,2,3\n")
    w(L + "/cgi-bin/hello.sh", "#!/bin/sh\necho \"hello $QUERY_STRING from $REMOTE_ADDR\"\n", 0o755)
    w(L + "/cgi-bin/env.sh", "#!/bin/sh\nenv | sort | head -5\n", 0o755)
    w(L + "/cgi-bin/search.sh", "#!/bin/sh\necho \"i$SEARCHREQUEST\t\tnull.host\t1\"\n", 0o755)
    w(L + "/private.txt", "secret\n", 0o600)
    w(L + "/writable.txt", "anyone may write\n", 0o666)
    w(L + "/.secret", "dot\n")
    w(L + "/static/.hidden", "dot\n")
    if not os.path.exists(L + "/fifo"):
        os.mkfifo(L + "/fifo", 0o644)
    os.chmod(L + "/fifo", 0o644)
    V = ROOT + "/gopher.example"
    w(V + "/gophermap", "iThe example vhost\t\tnull.host\t1\n0About\tabout.txt\n")
    w(V + "/about.txt", "about the example vhost\n")
    w(HOME + "/alice/public_gopher/gophermap", "iAlice's hole\t\tnull.host\t1\n0Diary\tdiary.txt\n", 0o644, 46001)
    w(HOME + "/alice/public_gopher/diary.txt", "dear diary\n", 0o644, 46001)
    os.chown(HOME + "/alice/public_gopher", 46001, 46001)
    w(HOME + "/carol/public_gopher/index.txt", "carol\n")          # owned by root, not carol
    w(HOME + "/dave/public_gopher/index.txt", "dave\n", 0o644, 46004)
    os.chown(HOME + "/dave/public_gopher", 46004, 46004)
    os.chmod(HOME + "/dave/public_gopher", 0o700)
    os.makedirs(HOME + "/bob", exist_ok=True)


SEL = [  # (weight, selector)
    (30, ""), (10, "/"), (14, "/docs/"), (10, "/docs/readme.txt"), (8, "/docs/note%d.txt"),
    (5, "/images/logo.gif"), (3, "/images/photo.jpg"), (4, "/bin/data.bin"), (2, "/bin/paper.pdf"),
    (6, "/exec/"), (5, "/static/"), (2, "/static/table.dat"),
    (5, "/cgi-bin/hello.sh"), (4, "/cgi-bin/hello.sh?name=%d"), (2, "/cgi-bin/env.sh"),
    (3, "/cgi-bin/search.sh\tgopher %d"), (3, "/docs/\tsearch words"),
    (8, "/nonexistent%d.txt"), (3, "/docs/missing/"), (3, "/.secret"), (2, "/../../etc/passwd"),
    (2, "/static/.hidden"), (3, "/private.txt"), (2, "/writable.txt"), (2, "/fifo"),
    (2, "/docs/gophermap"), (2, "/docs/gophertag"), (3, "URL:http://example.org/page%d"),
    (1, "URL:javascript:alert(1)"), (1, "URL:file:///etc/passwd"), (2, "\t$"),
    (4, "GET /docs/ HTTP/1.1"), (2, "GET /docs/readme.txt HTTP/1.0"), (1, "POST /cgi-bin/hello.sh HTTP/1.0"),
    (2, "/server-status"), (2, "/caps.txt"), (3, "/old/readme.txt"), (2, "/old-stuff/"),
    (4, "/~alice/"), (2, "/~alice/diary.txt"), (2, "/~nosuch%d/"), (1, "/~sysuser/"), (1, "/~carol/"),
    (1, "/~dave/"), (1, "/~bob/"), (3, "/;gopher.example"), (2, "/about.txt;gopher.example"),
    (1, "//docs//./note1.txt"),
]
TOTAL = sum(x for x, _ in SEL)


def pick():
    r = rng.uniform(0, TOTAL)
    for wgt, s in SEL:
        r -= wgt
        if r <= 0:
            break
    return s.replace("%d", str(rng.randint(0, 99))) if "%d" in s else s


def request(src=None):
    sel = pick()
    s = socket.socket()
    s.settimeout(15)
    s.bind((src or "127.0.%d.%d" % (rng.randint(0, 2), rng.randint(1, 30)), 0))
    try:
        s.connect(("127.0.0.1", 46070))
        r = rng.random()
        if r < 0.04:
            s.sendall(b"PROXY TCP4 10.%d.0.7 10.0.0.1 5%03d 70\r\n" % (rng.randint(0, 9), rng.randint(0, 999)))
        if r > 0.98:
            s.close()                     # client gives up before sending anything
            return
        s.sendall(sel.encode() + b"\r\n")
        while s.recv(65536):
            pass
    except OSError:
        pass
    finally:
        s.close()


def setargs(extra=(), debug=True):
    args = ["-h", "localhost", "-p", "46070", "-r", ROOT, "-R", "/old=/docs",
            "-D", "Test gopher server", "-L", "Nowhere, Earth", "-A", "admin@example.org"]
    if debug:
        args.append("-d")
    args += list(extra)
    with open(RUN + "/args", "w") as f:
        f.write("\n".join(args) + "\n")


def batch(n, threads=3, src=None):
    def run(k):
        for _ in range(k):
            request(src)
            time.sleep(rng.uniform(0, 0.15))
    ts = [threading.Thread(target=run, args=(n // threads,)) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()


def main():
    build()
    setargs()
    inetd = subprocess.Popen(["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)), "inetd.py")])
    time.sleep(1)
    phases = ["normal"] * 5 + ["nx", "throttle", "root", "badroot", "quiet", "nx", "normal", "normal"]
    rng.shuffle(phases)
    for ph in phases:
        if ph == "normal":
            setargs(); batch(rng.randint(20, 70))
        elif ph == "nx":
            setargs(["-nx"]); batch(rng.randint(10, 30))
        elif ph == "throttle":
            setargs(["-i", str(rng.randint(8, 15)), "-k", "40"]); batch(rng.randint(20, 40), 2, "127.0.9.%d" % rng.randint(1, 9))
        elif ph == "root":
            open(RUN + "/asroot", "w").close(); batch(rng.randint(3, 8), 1); os.unlink(RUN + "/asroot")
        elif ph == "badroot":
            setargs(["-r", RUN + "/missing-root"]); batch(rng.randint(4, 10), 1)
        elif ph == "quiet":
            setargs(debug=False); batch(rng.randint(10, 30))
    setargs()
    batch(rng.randint(10, 30))
    inetd.terminate()
    inetd.wait()


if __name__ == "__main__":
    main()
