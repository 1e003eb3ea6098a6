import random, socket, sys, time
# usage: client.py PORT COUNT SEED ; connects from random 127.0.0.x addresses
port, count, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
reqs = ["time"] * 6 + ["echo hi there"] * 5 + ["env"] * 4 + ["slow 1"] * 2 + ["slow 2"] + \
       ["fail 2"] * 2 + ["fail 7"] + ["crash"] + ["abort"] + ["hup"] + ["bogus"] * 2 + ["", None, None, "early"]
srcs = ["127.0.0.1"] * 8 + ["127.0.0.2"] * 3 + ["127.0.0.3"] * 2 + ["127.0.0.5", "127.0.0.9", "127.0.0.7", "127.0.0.4"]
held = []
for i in range(count):
    s = socket.socket()
    s.settimeout(5)
    try:
        s.bind((rnd.choice(srcs), 0))
        s.connect(("127.0.0.1", port))
        r = rnd.choice(reqs)
        if r is None:
            s.close()            # connect and hang up at once
        elif r == "early":
            s.send(b"slow 1\n"); s.close()
        elif r.startswith("slow") and rnd.random() < 0.5:
            s.send((r + "\n").encode()); held.append(s)   # leave open, keeps the slot busy
        else:
            s.send((r + "\n").encode())
            try:
                s.recv(200)
            except OSError:
                pass
            s.close()
    except OSError:
        s.close()
    if rnd.random() < 0.3:
        time.sleep(rnd.random() * 0.3)
    if len(held) > rnd.randint(2, 6):
        for h in held:
            h.close()
        held = []
for h in held:
    h.close()
