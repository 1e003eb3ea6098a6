"""Enqueue a random mix of arq jobs (and some broken queue entries) into the private Redis."""
import asyncio
import random
import sys
import time
import uuid

from arq import create_pool
from arq.jobs import Job

from tasks import REDIS


async def main(n, pause):
    redis = await create_pool(REDIS)
    jobs = []
    for _ in range(n):
        r = random.random()
        if r < 0.25:
            j = await redis.enqueue_job("add", random.randint(0, 99), random.randint(0, 99))
        elif r < 0.35:
            j = await redis.enqueue_job("greet", random.choice(["bob", "alice", "eve"]),
                                        punctuation=random.choice(["!", "?", "."]))
        elif r < 0.42:
            j = await redis.enqueue_job("nothing")
        elif r < 0.52:
            j = await redis.enqueue_job("sleepy", round(random.choice([0.1, 0.3, 1, 2, 0.5, 6]), 1))
        elif r < 0.57:
            j = await redis.enqueue_job("slow_limited", random.choice([0.5, 3]))
        elif r < 0.67:
            j = await redis.enqueue_job("flaky", random.choice([0.3, 0.6, 0.95]))
        elif r < 0.74:
            j = await redis.enqueue_job("broken", random.choice(["key", "zero", "other"]))
        elif r < 0.76:
            j = await redis.enqueue_job("unpicklable")
        elif r < 0.79:
            j = await redis.enqueue_job("does_not_exist", 1)
        elif r < 0.82:
            j = await redis.enqueue_job("add", 1, 2, _defer_by=random.choice([1, 3]))
        elif r < 0.85:
            j = await redis.enqueue_job("sleepy", 4)
            await asyncio.sleep(random.choice([0.05, 1]))
            try:
                await j.abort(timeout=3)
            except asyncio.TimeoutError:
                pass
        elif r < 0.87:
            j = await redis.enqueue_job("add", 5, 5, _defer_by=5)
            await redis.zadd("arq:abort", {j.job_id: int(time.time() * 1000)})
        elif r < 0.89:
            # queue entry whose job data vanished -> expired
            jid = uuid.uuid4().hex
            await redis.zadd("arq:queue", {jid: int(time.time() * 1000)})
        elif r < 0.91:
            # queue entry with undecodable job data
            jid = uuid.uuid4().hex
            await redis.set("arq:job:" + jid, b"\x80\x04not a pickle")
            await redis.zadd("arq:queue", {jid: int(time.time() * 1000)})
        elif r < 0.93:
            j = await redis.enqueue_job("add", 7, 8, _job_id="fixed-id-%d" % random.randint(0, 3))
        else:
            j = await redis.enqueue_job("sleepy", 0.2, _expires=1, _defer_by=random.choice([0, 2]))
        await asyncio.sleep(random.random() * pause)
    await redis.aclose()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
