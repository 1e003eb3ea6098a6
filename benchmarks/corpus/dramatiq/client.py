"""Random dramatiq client: enqueues a random mix of messages."""
import os, random, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "app"))
import tasks
from dramatiq import Message, pipeline, group

n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
b = tasks.broker
for i in range(n):
    c = random.choice(["add", "add", "mul", "ret", "fail", "flaky", "slow", "lookup", "retry", "excl",
                       "win", "skip", "async", "cb", "doomed", "pipe", "age", "undef", "eta", "delay", "group"])
    if c == "add":
        tasks.add.send(random.randint(0, 99), random.randint(0, 99))
    elif c == "mul":
        m = tasks.mul.send(random.randint(0, 9), random.randint(0, 9))
    elif c == "ret":
        tasks.returns_value.send(random.randint(0, 9))
    elif c == "fail":
        tasks.fail.send(random.choice(["x", "bad input", "oops"]))
    elif c == "flaky":
        tasks.flaky.send(random.choice([0.3, 0.7, 1.0]))
    elif c == "slow":
        tasks.slow.send(random.choice([0.2, 1.5]))
    elif c == "lookup":
        tasks.lookup.send(random.choice(["a", "b", "zz"]))
    elif c == "retry":
        tasks.explicit_retry.send(random.randint(0, 1))
    elif c == "excl":
        for _ in range(3):
            tasks.exclusive.send(0.5)
    elif c == "win":
        for j in range(5):
            tasks.windowed.send(j)
    elif c == "skip":
        tasks.maybe_skip.send(random.randint(0, 9))
    elif c == "async":
        tasks.async_job.send(random.random() * 0.3, random.random() < 0.6)
    elif c == "cb":
        tasks.mul.send_with_options(args=(2, 3), on_success=tasks.on_ok)
        tasks.fail.send_with_options(args=("cb",), max_retries=0, on_failure=tasks.on_err)
    elif c == "doomed":
        tasks.doomed.send(i)
    elif c == "pipe":
        pipeline([tasks.mul.message(2, 3), tasks.mul.message(4)]).run()
    elif c == "group":
        group([tasks.add.message(1, 2), tasks.mul.message(3, 3)]).run()
    elif c == "age":
        tasks.add.send_with_options(args=(1, 1), max_age=1, delay=300)
    elif c == "undef":
        b.enqueue(Message(queue_name="default", actor_name="no_such_actor", args=(i,), kwargs={}, options={}))
    elif c == "eta":
        b.enqueue(Message(queue_name="default", actor_name="add", args=(1, 2), kwargs={}, options={"eta": "tomorrow"}))
    elif c == "delay":
        tasks.add.send_with_options(args=(5, 5), delay=random.randint(100, 800))
    time.sleep(random.random() * 0.15)
