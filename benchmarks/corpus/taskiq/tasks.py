import asyncio
import time

from taskiq import TaskiqResult
from taskiq.brokers.zmq_broker import ZeroMQBroker

broker = ZeroMQBroker(
    zmq_pub_host="tcp://127.0.0.1:49020",
    zmq_sub_host="tcp://127.0.0.1:49020",
)


@broker.task
async def add(a: int, b: int) -> int:
    return a + b


@broker.task
async def divide(a: int, b: int) -> float:
    return a / b


@broker.task(timeout=0.3)
async def slow(sec: float) -> float:
    await asyncio.sleep(sec)
    return sec


@broker.task
def sync_double(n: int) -> int:
    time.sleep(0.01)
    return n * 2


@broker.task(timeout=2)
def sync_timed(n: int) -> int:
    return n + 1


@broker.task
async def lookup(key: str, table: dict[str, int]) -> int:
    return table[key]
