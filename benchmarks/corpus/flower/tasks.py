import random
import time

from celery import Celery

app = Celery("tasks", broker="redis://127.0.0.1:46200/0", backend="redis://127.0.0.1:46200/1")
app.conf.worker_send_task_events = True
app.conf.task_send_sent_event = True


@app.task
def add(x, y):
    return x + y


@app.task
def sleepy(seconds):
    time.sleep(seconds)
    return seconds


@app.task
def fail(msg):
    raise ValueError(msg)


@app.task(bind=True, max_retries=2, default_retry_delay=1)
def flaky(self, p):
    if random.random() < p:
        raise self.retry(exc=RuntimeError("flaky"))
    return "ok"
