"""Huey application used by the workload: tasks that succeed, fail, retry, time out, are locked,
rate-limited, cancelled, expire, are revoked, and periodic tasks; hooks and signal receivers."""
import os
import random
import time

from huey import SqliteHuey, crontab
from huey.exceptions import CancelExecution, RetryTask
from huey.signals import SIGNAL_ERROR, SIGNAL_COMPLETE

DIR = os.path.dirname(os.path.abspath(__file__))
huey = SqliteHuey('jobs', filename=os.path.join(DIR, 'run', 'huey.db'),
                  compression=True)


@huey.task()
def add(a, b):
    return a + b


@huey.task()
def resize_image(name, width):
    time.sleep(random.random() * 0.3)
    return '%s@%d' % (name, width)


@huey.task(retries=2, retry_delay=1)
def flaky_fetch(url):
    if random.random() < 0.6:
        raise ConnectionError('could not reach %s' % url)
    return 'fetched %s' % url


@huey.task()
def divide(a, b):
    return a / b


@huey.task()
def parse_record(text):
    return int(text)


@huey.task(retries=3)
def wait_for_ready(n):
    if random.random() < 0.5:
        raise RetryTask(delay=1)
    return n


@huey.task(timeout=1)
def slow_report(seconds):
    time.sleep(seconds)
    return seconds


@huey.task()
@huey.lock_task('billing-lock')
def billing_run(account):
    time.sleep(1.5)
    return account


@huey.task(retries=1, retry_delay=1)
def send_email(to):
    with huey.rate_limit('smtp', 2, 3):
        return 'sent to %s' % to


@huey.task(retries=1)
def maybe_cancel(n):
    if n % 2:
        raise CancelExecution(retry=False)
    raise CancelExecution()


@huey.task(expires=2)
def short_lived(n):
    return n


@huey.task()
def blocked_job(n):
    return n


@huey.task()
def crash_worker(n):
    os._exit(n)


@huey.periodic_task(crontab(minute='*'))
def every_minute():
    return 'tick'


@huey.periodic_task(crontab(minute='*/2'))
def cleanup_tmp():
    raise OSError('cleanup failed: directory busy')


@huey.pre_execute()
def check_maintenance(task):
    if task.name == 'blocked_job':
        raise CancelExecution('maintenance window')


@huey.pre_execute()
def audit_pre(task):
    if task.name == 'resize_image' and task.args and task.args[1] == 0:
        raise ValueError('width zero not allowed')


@huey.post_execute()
def audit_post(task, task_value, exc):
    if task.name == 'add' and task_value is not None and task_value > 150:
        raise RuntimeError('result %s over budget' % task_value)


@huey.on_startup()
def open_connections():
    if random.random() < 0.3:
        raise RuntimeError('database not ready')


@huey.on_shutdown()
def close_connections():
    if random.random() < 0.3:
        raise RuntimeError('connection already closed')


@huey.signal(SIGNAL_ERROR)
def on_error(signal, task, exc=None):
    if task.name == 'parse_record':
        raise KeyError('metrics backend gone')


@huey.signal(SIGNAL_COMPLETE)
def on_complete(signal, task):
    pass
