#!/usr/bin/env python3
"""Random HTTP requests against the Vite dev server: client.py PORT COUNT SEED"""
import random, sys, time, http.client

port, count, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)
paths = [
    (20, "/"), (8, "/about.html"), (10, "/src/main.js"), (8, "/src/greet.js"), (8, "/src/style.css"),
    (6, "/src/about.js"), (4, "/src/data/items.json"), (3, "/src/logo.svg"), (3, "/src/notes.txt?raw"),
    (3, "/src/main.js?import"), (4, "/@vite/client"), (3, "/robots.txt"), (2, "/src/logo.svg?url"),
    (3, "/src/missing.js"), (2, "/nope/page"), (2, "/.env"), (1, "/.env.local"), (2, "/@fs/etc/passwd"),
    (1, "/@fs/etc/hostname"), (4, "/api/"), (2, "/api/missing"), (3, "/down/status"), (2, "/src/extra.js"),
]
weights = [w for w, _ in paths]
for _ in range(count):
    path = rnd.choices(paths, weights)[0][1]
    headers = {}
    if rnd.random() < 0.05:
        headers["Host"] = rnd.choice(["evil.example", "attacker.test:51700"])
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", path, headers=headers)
        c.getresponse().read()
        c.close()
    except Exception:
        pass
    time.sleep(rnd.uniform(0, 0.05))
