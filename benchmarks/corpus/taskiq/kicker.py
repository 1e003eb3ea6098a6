import asyncio
import random
import sys

from taskiq.kicker import AsyncKicker

import tasks


async def main(seed, count, wait):
    rnd = random.Random(seed)
    await tasks.broker.startup()
    await asyncio.sleep(wait)
    for _ in range(count):
        r = rnd.randrange(100)
        if r < 30:
            await tasks.add.kiq(rnd.randrange(1000), rnd.randrange(1000))
        elif r < 40:
            await tasks.divide.kiq(rnd.randrange(100), rnd.choice([0, 1, 2, 3, 0]))
        elif r < 50:
            await tasks.slow.kiq(rnd.choice([0.05, 0.1, 0.5, 0.8]))
        elif r < 60:
            await tasks.sync_double.kiq(rnd.randrange(50))
        elif r < 66:
            await tasks.sync_timed.kiq(rnd.randrange(50))
        elif r < 74:
            await tasks.lookup.kiq(rnd.choice(["a", "b", "zz"]), {"a": 1, "b": 2})
        elif r < 80:
            await tasks.add.kiq(rnd.choice(["x", "seven", [1]]), rnd.randrange(9))
        elif r < 84:
            await tasks.lookup.kiq(key="a", table=rnd.choice(["notadict", 5]))
        elif r < 90:
            await AsyncKicker(task_name=rnd.choice(["tasks:gone", "tasks:old_job", "other:task"]), broker=tasks.broker, labels={}).kiq(1)
        elif r < 95:
            await tasks.broker.socket.send_multipart([rnd.choice([b"garbage", b"[1,2,3]", b"\"text\"", b"\xff\xfe"])])
        else:
            await tasks.slow.kiq(0.01)
        await asyncio.sleep(rnd.choice([0.01, 0.05, 0.1, 0.3]))
    await asyncio.sleep(1)
    await tasks.broker.shutdown()


asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])))
