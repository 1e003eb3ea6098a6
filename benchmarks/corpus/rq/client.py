"""Randomised RQ client: enqueues jobs of many kinds and sends worker commands."""
import random
import sys
import time
from datetime import datetime, timedelta, timezone

from redis import Redis
from rq import Queue, Retry, Callback, Repeat
from rq.command import send_stop_job_command, send_kill_horse_command, send_shutdown_command
from rq.job import Job
from rq.registry import StartedJobRegistry
from rq.worker import Worker
from rq.webhook import Webhook

import tasks

r = Redis(host='127.0.0.1', port=28379)
queues = {n: Queue(n, connection=r) for n in ('high', 'default', 'low')}


def q():
    return queues[random.choice(['high', 'default', 'default', 'low'])]


def one(kind):
    qu = q()
    if kind == 'add':
        qu.enqueue(tasks.add, random.randint(0, 99), random.randint(0, 99))
    elif kind == 'hello':
        qu.enqueue(tasks.hello, random.choice(['ann', 'bob', 'cy']), description=random.choice([None, 'greeting job']))
    elif kind == 'slow':
        qu.enqueue(tasks.slow, random.choice([1, 2, 4]))
    elif kind == 'fail':
        qu.enqueue(tasks.fail, random.choice(['boom', 'bad input', 'nope']))
    elif kind == 'divide':
        qu.enqueue(tasks.divide, 1, random.choice([0, 2]))
    elif kind == 'timeout':
        qu.enqueue(tasks.slow, 6, job_timeout=2)
    elif kind == 'die':
        qu.enqueue(random.choice([tasks.die, tasks.exit_hard]))
    elif kind == 'retry':
        qu.enqueue(tasks.flaky, 0.8, retry=random.choice([Retry(max=2), Retry(max=3, interval=[1, 2])]))
    elif kind == 'callbacks':
        qu.enqueue(random.choice([tasks.add, tasks.fail]), *random.choice([(1, 2), ('cb',)])[:1],
                   on_success=Callback(random.choice([tasks.on_success, tasks.bad_callback])),
                   on_failure=Callback(tasks.on_failure))
    elif kind == 'badcallback':
        qu.enqueue(tasks.hello, on_success=Callback(tasks.bad_callback))
    elif kind == 'scheduled':
        qu.enqueue_in(timedelta(seconds=random.randint(2, 12)), tasks.hello, 'later')
    elif kind == 'at':
        qu.enqueue_at(datetime.now(timezone.utc) + timedelta(seconds=random.randint(3, 9)), tasks.add, 5, 6)
    elif kind == 'depends':
        parent = qu.enqueue(random.choice([tasks.slow, tasks.fail]), 1)
        q().enqueue(tasks.hello, 'child', depends_on=parent)
    elif kind == 'missing':
        qu.enqueue('tasks.no_such_function', 1)
    elif kind == 'badmodule':
        qu.enqueue('nomodule_xyz.func')
    elif kind == 'nottl':
        qu.enqueue(tasks.big, 50, result_ttl=0)
    elif kind == 'expired':
        qu.enqueue(tasks.add, 1, 1, ttl=1)
    elif kind == 'webhook':
        qu.enqueue(random.choice([tasks.add, tasks.fail]), 3, 4,
                   webhooks=[Webhook('http://127.0.0.1:28480/done', 'finished'),
                             Webhook('http://127.0.0.1:28480/failed', 'failed', method='POST')])
    elif kind == 'repeat':
        qu.enqueue(tasks.tick, repeat=Repeat(times=2, interval=random.choice([0, 2])))
    elif kind == 'cancel':
        j = qu.enqueue(tasks.slow, 1)
        j.cancel()
    elif kind == 'delete':
        j = qu.enqueue(tasks.slow, 1)
        j.delete()
    elif kind == 'unique':
        qu.enqueue(tasks.hello, 'unique', job_id='uniq-%d' % random.randint(1, 3), unique=True)


def command(kind):
    workers = Worker.all(connection=r)
    if not workers:
        return
    w = random.choice(workers)
    if kind == 'stop':
        j = queues['default'].enqueue(tasks.slow, 8)
        time.sleep(3)
        try:
            send_stop_job_command(r, j.id)
        except Exception as e:
            print('stop failed:', e)
    elif kind == 'killhorse':
        queues['default'].enqueue(tasks.slow, 8)
        time.sleep(3)
        for w in Worker.all(connection=r):
            if w.get_current_job_id():
                send_kill_horse_command(r, w.name)
    elif kind == 'shutdown':
        send_shutdown_command(r, w.name)


if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'jobs':
        kinds = ['add', 'hello', 'slow', 'fail', 'divide', 'timeout', 'die', 'retry', 'callbacks', 'badcallback',
                 'scheduled', 'at', 'depends', 'missing', 'badmodule', 'nottl', 'expired', 'webhook', 'repeat',
                 'cancel', 'delete', 'unique']
        for _ in range(int(sys.argv[2])):
            k = random.choice(kinds + ['add', 'hello', 'slow'])
            try:
                one(k)
            except Exception as e:
                print('enqueue', k, 'failed:', e)
            time.sleep(random.random() * 0.5)
    elif mode == 'cmd':
        command(sys.argv[2])
