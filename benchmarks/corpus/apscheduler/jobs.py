import os
import random
import time


def tick(n=0):
    return n + 1


def fail(kind="value"):
    if kind == "key":
        return {}["missing"]
    if kind == "zero":
        return 1 / 0
    raise ValueError("bad input %s" % kind)


def slow(secs=1.0):
    time.sleep(secs)
    return secs


def maybe(p=0.5):
    if random.random() < p:
        raise RuntimeError("flaky job failed")
    return p


def die():
    os._exit(3)


if not os.environ.get("R45_GONE"):
    def gone():
        return None
