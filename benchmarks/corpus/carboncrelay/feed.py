import random, socket, sys, time
# Graphite line-protocol client: sends a random mix of metrics over TCP or UDP
port = int(sys.argv[1]); n = int(sys.argv[2])
now = int(time.time())
def line():
    k = random.choices(["plain", "cpu", "temp", "strict", "strictbad", "drop", "dropbad",
                        "fnv", "dead", "arch", "old", "garbage", "noval", "long"],
                       [30, 25, 6, 8, 5, 4, 3, 6, 5, 4, 3, 2, 2, 1])[0]
    h = "h%d" % random.randint(1, 9)
    v = round(random.uniform(0, 100), 2)
    if k == "plain": return "app.%s.req.count %s %d" % (h, int(v), now)
    if k == "cpu": return "servers.%s.cpu.%s %s %d" % (h, random.choice(["user", "sys", "idle"]), v, now)
    if k == "temp": return "rack%d.Temp %s %d" % (random.randint(1, 4), v, now)
    if k == "strict": return "strict.%s.load %s %d" % (h, v, now)
    if k == "strictbad": return "strict.%s.load %s" % (h, random.choice(["NaN", "-1x", "abc"]))
    if k == "drop": return "drop.%s.x %d %d" % (h, int(v), now)
    if k == "dropbad": return "drop.%s.x %s %d" % (h, v, now)
    if k == "fnv": return "fnv.%s.mem %s %d" % (h, v, now)
    if k == "dead": return "dead.%s.disk %s %d" % (h, v, now)
    if k == "arch": return "arch.%s.net %s %d" % (h, v, now)
    if k == "old": return "servers.%s.cpu.user %s %d" % (h, v, now - random.randint(3600, 90000))
    if k == "garbage": return random.choice(["", "   ", "foo", "%%% bad line", "a.b.c"])
    if k == "noval": return "app.%s.only" % h
    return "app.long." + "x" * random.randint(200, 400) + " 1 %d" % now
msgs = [line() + "\n" for _ in range(n)]
if random.random() < 0.7:
    s = socket.create_connection(("127.0.0.1", port))
    for m in msgs: s.sendall(m.encode())
    time.sleep(random.uniform(0, 0.3)); s.close()
else:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for m in msgs: s.sendto(m.encode(), ("127.0.0.1", port))
