import random
import sys
import time

from prefect import flow, task


@task(retries=2, retry_delay_seconds=1)
def maybe_fail(i):
    if random.random() < 0.4:
        raise RuntimeError("task %d failed" % i)
    return i


@task
def add(a, b):
    return a + b


@flow(log_prints=True)
def good_flow(n: int = 3):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total


@flow
def flaky_flow(n: int = 3):
    return [maybe_fail(i) for i in range(n)]


@flow(retries=1, retry_delay_seconds=1)
def bad_flow():
    raise ValueError("bad flow")


@flow
def slow_flow(seconds: float = 5):
    time.sleep(seconds)


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "serve":
        good_flow.serve(name="good-dep", interval=20, limit=2)
    elif what == "serve2":
        from prefect import serve
        serve(flaky_flow.to_deployment(name="flaky-dep", cron="* * * * *"),
              slow_flow.to_deployment(name="slow-dep"),
              bad_flow.to_deployment(name="bad-dep"), limit=3)
    else:
        try:
            {"good": good_flow, "flaky": flaky_flow, "bad": bad_flow, "slow": slow_flow}[what]()
        except Exception:
            pass
