#!/usr/bin/env python3
"""Long-running worker: prints a line now and then, optionally sends watchdog heartbeats."""
import os, random, socket, sys, time
hb = "--heartbeat" in sys.argv
sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
mute_after = random.uniform(5, 40) if hb and random.random() < 0.5 else None
start = time.time()
while True:
    print(f"worker {os.getpid()} tick {time.time():.2f} " + "x" * random.randint(0, 200), flush=True)
    if random.random() < 0.1:
        print(f"worker {os.getpid()} warning", file=sys.stderr, flush=True)
    if hb and (mute_after is None or time.time() - start < mute_after):
        sk.sendto(f"{os.getpid()};{time.time()}".encode(), ("127.0.0.1", 47220))
    time.sleep(random.uniform(0.3, 1.0))
