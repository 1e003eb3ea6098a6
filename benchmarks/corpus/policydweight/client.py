import random, socket, sys, time
port, n, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
doms = ["example.com", "gmail.com", "yahoo.de", "web.de", "shop.test", "invalid.test", "bank-secure.test", "xn--mnchen-3ya.test"]
users = ["bob", "alice", "info", "noreply", "a1b2c3d4e5f6", "sales.dept", "x"]
def ip(): return rnd.choice(["203.0.113.%d" % rnd.randint(1, 40), "198.51.100.%d" % rnd.randint(1, 254), "192.0.2.%d" % rnd.randint(1, 254), "10.3.%d.%d" % (rnd.randint(0, 3), rnd.randint(1, 254)), "127.0.0.2"])
def req():
    a = ip(); d = rnd.choice(doms)
    helo = rnd.choice(["mail.%s" % d, "mx.%s" % rnd.choice(doms), "[%s]" % a, a, "localhost", "dsl-%s.dyn.isp.test" % a.replace(".", "-"), "host", "mail.example.com", ""])
    sender = rnd.choice(["", "%s@%s" % (rnd.choice(users), d), "%s@%s" % (rnd.choice(users), rnd.choice(doms)), "bounce-%d@lists.%s" % (rnd.randint(1, 9999), d)])
    attrs = [("request", "smtpd_access_policy"), ("protocol_state", rnd.choice(["RCPT", "RCPT", "RCPT", "DATA", "END-OF-MESSAGE"])),
             ("protocol_name", rnd.choice(["ESMTP", "SMTP"])), ("client_address", a), ("client_name", rnd.choice(["unknown", helo.strip("[]") or "unknown", "mail.example.com"])),
             ("reverse_client_name", rnd.choice(["unknown", "mail.example.com"])), ("helo_name", helo), ("sender", sender),
             ("recipient", "%s@example.org" % rnd.choice(users)), ("instance", "%x.%x.0" % (rnd.randint(1, 99999), rnd.randint(1, 99999)))]
    if rnd.random() < 0.05: attrs = [x for x in attrs if x[0] not in ("client_address", "helo_name")]
    if rnd.random() < 0.04: attrs = [("request", "junk_request")] + attrs[1:]
    return "".join("%s=%s\n" % kv for kv in attrs) + "\n"
for _ in range(n):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        k = rnd.random()
        if k < 0.04:
            s.sendall(rnd.choice([b"hello there\n\n", b"\n", b"request=smtpd_access_policy\n", b"=\n==\n\n"])); time.sleep(0.2)
        else:
            for _ in range(rnd.choice([1, 1, 1, 2, 3])):
                s.sendall(req().encode())
                s.recv(4096)
        s.close()
    except OSError:
        pass
