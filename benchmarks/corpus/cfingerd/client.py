# Random finger clients (run inside the namespace); argv: port count
import random, socket, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
SRC = ["127.0.0.1"] * 6 + ["127.0.0.2", "127.0.0.3", "127.0.0.3", "127.0.0.4", "127.0.0.5"]
Q = (["root"] * 4 + ["daemon", "nobody", "bin", "sys", "www-data", "backup", "list", "man"] * 2 +
     ["nosuchuser", "jdoe", "zz%d" % random.randint(1, 99)] * 2 +
     ["help", "version", "services", "search", "search.roo", "search.*", "search.", "search.da", "search.*", "userlist",
      "userlist-only", "userlist-online", "", "/W root", "/W daemon", "uptime", "test", "gone",
      "foo;bar", "a|b", "user@elsewhere.example", "root@localhost", "$(id)"])
for i in range(count):
    src = random.choice(SRC)
    try:
        c = socket.socket(); c.bind((src, 0)); c.settimeout(12)
        c.connect(("127.0.0.1", port))
        k = random.random()
        if k < 0.07:
            c.close()                      # connect and hang up: null query
        elif k < 0.12:
            time.sleep(random.uniform(4, 8))   # say nothing (wrapper signals the daemon)
            c.close()
        else:
            q = random.choice(Q)
            c.sendall((q + ("\r\n" if random.random() < 0.8 else "\n")).encode())
            while c.recv(4096):
                pass
            c.close()
    except OSError:
        pass
    time.sleep(random.choice([0, 0, 0.05, 0.1, 0.3, 1]))
