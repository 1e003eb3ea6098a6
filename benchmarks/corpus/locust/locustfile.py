import random
from locust import HttpUser, FastHttpUser, TaskSet, task, between, constant, events, tag
from locust.exception import StopUser, RescheduleTask, InterruptTaskSet
from locust.runners import MasterRunner, WorkerRunner


def on_worker_note(environment, msg, **kw):
    if msg.data.get("crash"):
        raise RuntimeError("note handler failed for %s" % msg.data.get("n"))


def on_master_hello(environment, msg, **kw):
    pass


@events.init.add_listener
def on_init(environment, **kw):
    if isinstance(environment.runner, MasterRunner):
        environment.runner.register_message("worker_note", on_worker_note)
    elif isinstance(environment.runner, WorkerRunner):
        environment.runner.register_message("master_hello", on_master_hello)


@events.test_start.add_listener
def on_test_start(environment, **kw):
    if isinstance(environment.runner, MasterRunner):
        environment.runner.send_message("master_hello", {"t": random.random()})
        if random.random() < 0.5:
            environment.runner.send_message("bogus_for_worker", {})


class Browse(TaskSet):
    @task(3)
    def page(self):
        self.client.get("/ok")

    @task(1)
    def leave(self):
        if random.random() < 0.3:
            raise InterruptTaskSet(reschedule=random.random() < 0.5)
        self.interrupt()


class WebUser(HttpUser):
    wait_time = between(0.5, 3)
    tasks = {Browse: 2}

    def on_start(self):
        self.client.post("/login", data={"pw": random.choice(["secret", "wrong"])})

    @task(4)
    def index(self):
        self.client.get("/ok")

    @task(2)
    def slow(self):
        self.client.get("/slow")

    @task(2)
    def err(self):
        with self.client.get("/err", catch_response=True) as r:
            if r.status_code >= 500:
                r.failure("server said %d" % r.status_code)

    @task(1)
    def redirect(self):
        self.client.get("/redirect")

    @task(1)
    def drop(self):
        self.client.get("/close")

    @task(1)
    def missing(self):
        self.client.get("/missing/%d" % random.randint(1, 5), name="/missing/[id]")

    @task(1)
    def sometimes_broken(self):
        r = random.random()
        if r < 0.2:
            raise ValueError("random task failure %d" % random.randint(1, 999))
        if r < 0.26:
            raise RescheduleTask()
        if r < 0.29:
            raise StopUser()

    @task(1)
    def note(self):
        runner = self.environment.runner
        if isinstance(runner, WorkerRunner) and random.random() < 0.6:
            runner.send_message("worker_note", {"n": random.randint(1, 100), "crash": random.random() < 0.25})
        elif isinstance(runner, WorkerRunner) and random.random() < 0.1:
            runner.send_message("unregistered_note", {})


class ApiUser(FastHttpUser):
    wait_time = between(1, 4)
    fixed_count = 1

    @task(3)
    def getjson(self):
        with self.client.get("/json", catch_response=True) as r:
            try:
                r.json()
            except Exception:
                r.failure("bad json")

    @task(1)
    def auth(self):
        self.client.get("/auth", headers={"Authorization": random.choice(["Bearer good", "Bearer bad"])})

    @task(1)
    def create(self):
        self.client.post("/items", data="item-%d" % random.randint(1, 1000))

    @tag("rare")
    @task(1)
    def refused(self):
        self.client.get("http://127.0.0.1:62009/nothing-listens")
