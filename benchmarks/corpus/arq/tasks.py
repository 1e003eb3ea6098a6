"""arq job functions and worker settings for the round31 workload."""
import asyncio
import random

from arq import Retry, cron
from arq.connections import RedisSettings
from arq.worker import func

REDIS = RedisSettings(host="127.0.0.1", port=31379, password="arqsecret",
                      conn_timeout=1, conn_retries=3, conn_retry_delay=1)


async def add(ctx, a, b):
    await asyncio.sleep(random.random() * 0.05)
    return a + b


async def greet(ctx, name, *, punctuation="!"):
    return f"hello {name}{punctuation}"


async def nothing(ctx):
    await asyncio.sleep(0.01)


async def sleepy(ctx, seconds):
    await asyncio.sleep(seconds)
    return {"slept": seconds, "try": ctx["job_try"]}


async def flaky(ctx, chance):
    if random.random() < chance:
        raise Retry(defer=ctx["job_try"] * 0.5)
    return "flaky ok"


async def broken(ctx, what):
    if what == "key":
        return {}["missing"]
    if what == "zero":
        return 1 / 0
    raise RuntimeError(f"broken job asked to fail: {what}")


async def unpicklable(ctx):
    return lambda x: x


async def report(ctx):
    return ctx["job_id"]


async def startup(ctx):
    ctx["started"] = True


async def shutdown(ctx):
    ctx["started"] = False


class WorkerSettings:
    functions = [add, greet, nothing, sleepy, flaky, broken, unpicklable,
                 func(sleepy, name="slow_limited", timeout=2, max_tries=2)]
    cron_jobs = [cron(report, second={0, 15, 30, 45}, run_at_startup=True)]
    redis_settings = REDIS
    on_startup = startup
    on_shutdown = shutdown
    max_jobs = 6
    job_timeout = 5
    max_tries = 3
    keep_result = 60
    health_check_interval = 10
    allow_abort_jobs = True
    poll_delay = 0.5


# arq reads a settings class through its own __dict__, so the variants copy the base attributes
_BASE = {k: v for k, v in WorkerSettings.__dict__.items() if not k.startswith("__")}
BurstSettings = type("BurstSettings", (), {**_BASE, "burst": True, "cron_jobs": []})
PatientSettings = type("PatientSettings", (), {**_BASE, "job_completion_wait": 3})
