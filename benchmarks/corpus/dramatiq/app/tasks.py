import asyncio, os, random, time
import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO, Middleware, SkipMessage, TimeLimit
from dramatiq.results import Results
from dramatiq.results.backends import RedisBackend
from dramatiq.rate_limits import ConcurrentRateLimiter, WindowRateLimiter
from dramatiq.rate_limits.backends import RedisBackend as RLBackend

URL = os.environ.get("DRAMATIQ_REDIS", "redis://127.0.0.1:15379/0")


class SkipOdd(Middleware):
    def before_process_message(self, broker, message):
        if message.actor_name == "maybe_skip" and message.args and message.args[0] % 2:
            raise SkipMessage("odd")


broker = RedisBroker(url=URL)
broker.add_middleware(AsyncIO())
broker.add_middleware(Results(backend=RedisBackend(url=URL)))
broker.add_middleware(SkipOdd())
if os.environ.get("DUP_MW"):
    broker.add_middleware(TimeLimit())
dramatiq.set_broker(broker)

rl_backend = RLBackend(url=URL)
MUTEX = ConcurrentRateLimiter(rl_backend, "mutex", limit=1)
WINDOW = WindowRateLimiter(rl_backend, "window", limit=3, window=2)


@dramatiq.actor(max_retries=0)
def add(x, y):
    time.sleep(random.random() * 0.05)
    return None


@dramatiq.actor(store_results=True)
def mul(x, y):
    return x * y


@dramatiq.actor
def returns_value(x):
    return x + 1


@dramatiq.actor(max_retries=2, min_backoff=100, max_backoff=500)
def fail(msg):
    raise ValueError("boom: %s" % msg)


@dramatiq.actor(max_retries=3, min_backoff=50, max_backoff=300)
def flaky(p):
    if random.random() < p:
        raise ConnectionError("flaky upstream refused")


@dramatiq.actor(time_limit=800, max_retries=1, min_backoff=100, max_backoff=200)
def slow(secs):
    time.sleep(secs)


@dramatiq.actor(throws=(KeyError,))
def lookup(key):
    return {"a": 1}[key] and None


@dramatiq.actor(max_retries=2)
def explicit_retry(n):
    if n > 0:
        raise dramatiq.Retry(delay=200)


@dramatiq.actor(max_retries=5, min_backoff=100, max_backoff=400)
def exclusive(secs):
    with MUTEX.acquire():
        time.sleep(secs)


@dramatiq.actor(max_retries=4, min_backoff=100, max_backoff=400)
def windowed(i):
    with WINDOW.acquire():
        pass


@dramatiq.actor
def maybe_skip(i):
    pass


@dramatiq.actor(notify_shutdown=True, max_retries=1)
def long_job(secs):
    time.sleep(secs)


@dramatiq.actor(max_retries=1, min_backoff=100, max_backoff=200)
async def async_job(secs, ok):
    await asyncio.sleep(secs)
    if not ok:
        raise RuntimeError("async job failed")


@dramatiq.actor
def on_ok(message_data, result):
    pass


@dramatiq.actor
def on_err(message_data, exception_data):
    pass


@dramatiq.actor(max_retries=1, min_backoff=50, max_backoff=60, on_retry_exhausted="exhausted")
def doomed(i):
    raise OSError("disk on fire %d" % i)


@dramatiq.actor
def exhausted(message_data, retry_info):
    pass


def fork_main():
    time.sleep(3600)
    return 0
