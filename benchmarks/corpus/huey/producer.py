#!/usr/bin/env python3
"""Enqueue a random mix of tasks (and garbage) for the huey consumer."""
import datetime
import random
import sys
import time

from tasks import (huey, add, resize_image, flaky_fetch, divide, parse_record, wait_for_ready,
                   slow_report, billing_run, send_email, maybe_cancel, short_lived, blocked_job,
                   crash_worker)

N = int(sys.argv[1])
mode = sys.argv[2] if len(sys.argv) > 2 else 'mix'

if mode == 'expire':
    for i in range(random.randint(3, 6)):
        short_lived(i)
    sys.exit(0)
if mode == 'stalelock':
    lock = huey.lock_task('billing-lock')
    lock.__enter__()
    sys.exit(0)
if mode == 'slow':
    for i in range(random.randint(2, 4)):
        billing_run('acct-late-%d' % i)
        slow_report(0.8)
    sys.exit(0)
if mode == 'crash':
    crash_worker(random.randint(1, 3))
    sys.exit(0)

for i in range(N):
    r = random.random()
    if r < 0.18:
        add(random.randint(0, 100), random.randint(0, 100))
    elif r < 0.28:
        resize_image('img%03d.png' % random.randint(1, 999), random.choice([0, 64, 128, 640]))
    elif r < 0.36:
        flaky_fetch('http://127.0.0.1:%d/feed/%d' % (random.randint(16000, 16999), random.randint(1, 50)))
    elif r < 0.42:
        divide(random.randint(1, 10), random.choice([0, 1, 2, 5]))
    elif r < 0.47:
        parse_record(random.choice(['42', 'x17', '', '9001', 'NaN']))
    elif r < 0.53:
        wait_for_ready(i)
    elif r < 0.57:
        slow_report(random.choice([0.2, 0.5, 2]))
    elif r < 0.61:
        billing_run('acct-%d' % random.randint(1, 5))
    elif r < 0.67:
        send_email('user%d@example.test' % random.randint(1, 30))
    elif r < 0.71:
        maybe_cancel(random.randint(1, 10))
    elif r < 0.74:
        blocked_job(i)
    elif r < 0.80:
        res = add.schedule((i, random.randint(1, 9)), delay=random.randint(1, 4))
        if random.random() < 0.4:
            res.revoke()
    elif r < 0.84:
        res = resize_image('late%d.png' % i, 32)
        if random.random() < 0.5:
            res.revoke()
    elif r < 0.87:
        add.revoke(revoke_until=datetime.datetime.now() + datetime.timedelta(seconds=2))
        add(1, i)
    elif r < 0.90:
        huey.storage.enqueue(bytes(random.getrandbits(8) for _ in range(random.randint(4, 30))))
    elif r < 0.92:
        huey.storage.add_to_schedule(b'not-a-task-' + str(i).encode(), datetime.datetime.now())
    else:
        add(random.randint(100, 200), random.randint(0, 100))
    time.sleep(random.random() * 0.08)
