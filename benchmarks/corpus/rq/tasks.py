"""Job functions for the RQ workload."""
import os
import random
import signal
import time


def add(x, y):
    return x + y


def hello(name="world"):
    return f"hello {name}"


def slow(seconds=3):
    time.sleep(seconds)
    return seconds


def fail(msg="boom"):
    raise ValueError(msg)


def divide(a, b):
    return a / b


def flaky(p=0.5):
    if random.random() < p:
        raise RuntimeError("flaky failure")
    return "ok"


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def exit_hard():
    os._exit(3)


def big(n=1000):
    return "x" * n


def on_success(job, connection, result, *args, **kwargs):
    return None


def on_failure(job, connection, type, value, traceback):
    return None


def bad_callback(job, connection, result, *args, **kwargs):
    raise KeyError("callback exploded")


def on_stopped(job, connection):
    return None


def tick():
    return time.time()
