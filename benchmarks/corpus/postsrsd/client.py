import random, socket, sys, urllib.parse
fport, rport, n, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed)
users = ["alice","bob","carol","dave","eve","mallory","news","info","noreply","billing","j.smith","ops+tag","root","postmaster"]
doms = ["gmail.com","example.net","lists.debian.org","mail.ru","corp.example.com","yahoo.co.uk","uni-bonn.de","mx.internal.test","sub.excluded.test","partner.test"]
known = []
def q(port, key):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    f = s.makefile("rw")
    f.write("get %s\n" % urllib.parse.quote(key, safe="@=+-._")); f.flush()
    r = f.readline().strip(); s.close(); return r
def mutate(a):
    i = rnd.randrange(len(a)); c = rnd.choice("ABCDEFGHxyz0123456789=")
    return a[:i] + c + a[i+1:]
for _ in range(n):
    k = rnd.random()
    try:
        if k < 0.40:
            a = "%s@%s" % (rnd.choice(users), rnd.choice(doms))
            r = q(fport, a)
            if r.startswith("200 "): known.append(urllib.parse.unquote(r[4:]))
        elif k < 0.45:
            q(fport, "%s@example.org" % rnd.choice(users))
        elif k < 0.50:
            q(fport, rnd.choice(users))
        elif k < 0.56 and known:
            q(fport, rnd.choice(known))
        elif k < 0.78 and known:
            q(rport, rnd.choice(known))
        elif k < 0.88 and known:
            x = rnd.choice(known)
            if rnd.random() < 0.5:
                q(rport, mutate(x))
            else:
                p = x.split("=")
                if len(p) > 3: p[2] = rnd.choice(["AA","ZZ","Q1","00"]); q(rport, "=".join(p))
                else: q(rport, x.replace("SRS0=", rnd.choice(["SRS0=","SRS0-","SRS0+"]) ,1)[:-3])
        elif k < 0.92:
            q(rport, rnd.choice(["SRS0=zzzz=AB=%s=%s@example.org","SRS0=%s=%s@example.org","SRS1=abcd=x.org==%s=%s@example.org","SRS0=abcd=A=%s=%s@example.org","SRS0=abcd=AB=%s@example.org"]).replace("%s", rnd.choice(users), 1).replace("%s", rnd.choice(doms), 1))
        elif k < 0.96:
            q(rport, "%s@%s" % (rnd.choice(users), rnd.choice(doms)))
        else:
            s = socket.create_connection(("127.0.0.1", rnd.choice([fport, rport])), timeout=5)
            s.sendall(rnd.choice([b"GET / HTTP/1.0\r\n\r\n", b"get\n", b"get %zz\n", b"put x@y\n", b""]))
            s.close()
    except OSError:
        pass
