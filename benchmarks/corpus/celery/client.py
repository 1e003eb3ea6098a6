"""Randomised Celery client for the round-12 workload: python3 client.py SECONDS [SEED]"""
import random
import string
import sys
import time

from celery import chain, chord, group

import tasks

dur = float(sys.argv[1])
end = time.time() + dur


def rword(n=6):
    return "".join(random.choice(string.ascii_lowercase) for _ in range(n))


def quietly(fn):
    try:
        fn()
    except Exception as exc:  # broker down, timeouts, ...
        print("client:", type(exc).__name__, exc, file=sys.stderr)


def step():
    k = random.randrange(22)
    if k in (0, 1):
        tasks.add.delay(random.randint(-500, 5000), random.randint(0, 999))
    elif k == 2:
        tasks.mul.apply_async((random.randint(1, 99), random.randint(1, 99)), countdown=random.choice([0, 0, 1, 2]))
    elif k == 3:
        tasks.div.delay(random.randint(1, 100), random.choice([0, 0, 1, 3, 7]))
    elif k == 4:
        tasks.crash.delay(random.choice(["key", "type", "os", rword(4)]))
    elif k == 5:
        tasks.fail_value.delay(rword(random.randint(3, 9)))
    elif k == 6:
        tasks.flaky.delay(random.choice([0.2, 0.5, 0.9, 1.0]))
    elif k == 7:
        tasks.soft_limited.delay(random.choice([0.5, 1, 3, 4]))
    elif k == 8:
        if random.random() < 0.4:
            tasks.hard_limited.delay(random.choice([0.2, 3]))
        else:
            tasks.sleepy.delay(round(random.uniform(0.1, 2.5), 2))
    elif k == 9:
        for i in range(random.randint(2, 8)):
            tasks.limited.delay(random.randint(1, 10000))
    elif k == 10:
        chain(tasks.add.s(random.randint(1, 50), random.randint(1, 50)), tasks.mul.s(random.randint(2, 9)),
              tasks.add.s(random.randint(1, 9))).delay()
    elif k == 11:
        group(tasks.add.s(random.randint(1, 99), i) for i in range(random.randint(2, 6))).delay()
    elif k == 12:
        chord((tasks.mul.s(i, random.randint(1, 9)) for i in range(random.randint(2, 5))), tasks.tsum.s()).delay()
    elif k == 13:
        r = tasks.sleepy.apply_async((random.uniform(1, 3),), countdown=random.randint(2, 6))
        time.sleep(random.uniform(0.1, 0.5))
        r.revoke()
    elif k == 14:
        r = tasks.sleepy.delay(round(random.uniform(5, 8), 2))
        time.sleep(random.uniform(0.8, 1.5))
        r.revoke(terminate=True, signal=random.choice(["SIGTERM", "SIGKILL", "SIGUSR1"]))
    elif k == 15:
        tasks.app.send_task(random.choice(["tasks.nothere", "billing.charge", "reports.build_" + rword(3)]),
                            args=(random.randint(1, 99),))
    elif k == 16:
        tasks.add.apply_async((1, 2), expires=random.choice([-5, -60]) if random.random() < 0.7 else 0.001)
    elif k == 17:
        tasks.ignored.delay(random.choice(["duplicate", "stale", "cancelled by " + rword(5)]))
    elif k == 18:
        tasks.rejected.delay(random.choice(["malformed payload", "quota exceeded", "no such account"]))
    elif k == 19:
        tasks.add.apply_async((random.randint(1, 9), random.randint(1, 9)),
                              eta=__import__("datetime").datetime.utcnow()
                              + __import__("datetime").timedelta(seconds=random.randint(1, 5)))
    elif k == 20:
        try:
            print(tasks.add.delay(random.randint(1, 9), 1).get(timeout=random.choice([0.01, 3])))
        except Exception as exc:
            print("client get:", type(exc).__name__, file=sys.stderr)
    elif k == 21:
        if random.random() < 0.2:
            tasks.exit_worker.delay(random.choice([0, 1, 3]))
        else:
            tasks.sleepy.delay(0.05)


while time.time() < end:
    quietly(step)
    time.sleep(random.uniform(0.3, 1.4))
