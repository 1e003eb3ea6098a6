import random
from locust import LoadTestShape
from locustfile import WebUser, ApiUser  # noqa: F401

STEPS = [(random.randint(1, 3), random.choice([1, 2])) for _ in range(3)]


class StepShape(LoadTestShape):
    def tick(self):
        t = self.get_run_time()
        idx = int(t // 4)
        if idx >= len(STEPS):
            return None
        return STEPS[idx]
