"""Celery app and tasks for the round-12 workload (broker and results: private redis on 127.0.0.1:21601).

Logging setting: the worker's own file handler (--logfile, celery's default formats) gets a
filter that leaves tracebacks out and writes each record on one line (embedded newlines -> spaces).
"""
import logging
import os
import random
import time

from celery import Celery, signals
from celery.exceptions import Ignore, Reject, SoftTimeLimitExceeded
from celery.utils.log import get_task_logger

PORT = int(os.environ.get("R12_REDIS_PORT", "21601"))
app = Celery("r12tasks", broker=f"redis://127.0.0.1:{PORT}/0", backend=f"redis://127.0.0.1:{PORT}/1")
app.conf.update(
    task_acks_late=False,
    worker_send_task_events=False,
    result_expires=600,
    broker_connection_retry_on_startup=True,
    broker_connection_max_retries=100,
    task_default_queue="celery",
    beat_schedule={
        "heartbeat-every-7s": {"task": "tasks.heartbeat", "schedule": 7.0},
        "cleanup-every-13s": {"task": "tasks.cleanup", "schedule": 13.0, "args": (3,)},
        "flaky-every-11s": {"task": "tasks.flaky", "schedule": 11.0, "args": (0.5,)},
    },
    beat_schedule_filename=os.environ.get("R12_BEAT_DB", "/tmp/r12celery/beat-schedule"),
)

log = get_task_logger(__name__)


class OneLine(logging.Filter):
    def filter(self, record):
        msg = record.getMessage()
        record.msg = msg.replace("\r", " ").replace("\n", " ")
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def _one_line(logger=None, **kwargs):
    for h in (logger.handlers if logger else []):
        h.addFilter(OneLine())


signals.after_setup_logger.connect(_one_line)
signals.after_setup_task_logger.connect(_one_line)


class BadInput(ValueError):
    pass


@app.task(name="tasks.add")
def add(x, y):
    log.info("adding %s and %s", x, y)
    return x + y


@app.task(name="tasks.mul")
def mul(x, y):
    log.debug("multiplying %s by %s", x, y)
    return x * y


@app.task(name="tasks.tsum")
def tsum(values):
    log.info("summing %d values", len(values))
    return sum(values)


@app.task(name="tasks.div")
def div(x, y):
    return x / y


@app.task(name="tasks.sleepy")
def sleepy(seconds):
    log.info("sleeping for %.2f seconds", seconds)
    time.sleep(seconds)
    return seconds


@app.task(name="tasks.fail_value", throws=(BadInput,))
def fail_value(item):
    log.warning("rejecting item %r", item)
    raise BadInput(f"bad item {item!r}")


@app.task(name="tasks.crash")
def crash(kind):
    if kind == "key":
        return {}["missing-" + str(random.randint(1, 99))]
    if kind == "type":
        return "a" + random.randint(1, 9)
    if kind == "os":
        return open(f"/nonexistent/{random.randint(100, 999)}.dat").read()
    raise RuntimeError(f"crash of kind {kind}")


@app.task(name="tasks.flaky", bind=True, max_retries=3, default_retry_delay=1)
def flaky(self, p):
    if random.random() < p:
        log.warning("flaky attempt %d failed", self.request.retries)
        raise self.retry(exc=ConnectionError(f"upstream {random.randint(1, 9)} unavailable"),
                         countdown=random.choice([0.5, 1, 2]))
    log.info("flaky succeeded after %d retries", self.request.retries)
    return self.request.retries


@app.task(name="tasks.soft_limited", soft_time_limit=2, time_limit=6)
def soft_limited(seconds):
    try:
        time.sleep(seconds)
    except SoftTimeLimitExceeded:
        log.error("soft time limit hit after %s requested seconds, cleaning up", seconds)
        raise
    return seconds


@app.task(name="tasks.hard_limited", soft_time_limit=1, time_limit=2)
def hard_limited(seconds):
    try:
        time.sleep(seconds)
    except SoftTimeLimitExceeded:
        log.warning("ignoring soft time limit")
        time.sleep(seconds)
    return seconds


@app.task(name="tasks.limited", rate_limit="20/m")
def limited(n):
    log.info("rate limited task number %s", n)
    return n


@app.task(name="tasks.ignored", bind=True)
def ignored(self, reason):
    log.info("ignoring task: %s", reason)
    raise Ignore()


@app.task(name="tasks.rejected", bind=True, acks_late=True)
def rejected(self, reason):
    raise Reject(reason, requeue=False)


@app.task(name="tasks.heartbeat")
def heartbeat():
    return time.time()


@app.task(name="tasks.cleanup")
def cleanup(n):
    log.info("cleaned %d stale entries", random.randint(0, n * 10))
    return n


@app.task(name="tasks.exit_worker")
def exit_worker(code):
    os._exit(code)
