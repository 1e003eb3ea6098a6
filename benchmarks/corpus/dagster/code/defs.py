import os
import random
import time

import dagster as dg


@dg.op
def fetch(context):
    return random.randint(1, 100)


@dg.op(retry_policy=dg.RetryPolicy(max_retries=2, delay=1))
def flaky(context, n):
    if random.random() < 0.5:
        raise RuntimeError("flaky op failed on value %d" % n)
    return n * 2


@dg.op
def broken(context, n):
    raise ValueError("bad value %d" % n)


@dg.op
def slow(context, n):
    time.sleep(random.uniform(1, 4))
    return n


@dg.op(config_schema={"factor": int})
def scale(context, n):
    return n * context.op_config["factor"]


@dg.job
def ok_job():
    slow(fetch())


@dg.job
def flaky_job():
    flaky(fetch())


@dg.job(tags={"dagster/max_retries": 1})
def broken_job():
    broken(fetch())


@dg.job
def config_job():
    scale(fetch())


@dg.asset
def numbers():
    return [random.randint(0, 9) for _ in range(5)]


@dg.asset
def total(numbers):
    if random.random() < 0.3:
        raise RuntimeError("total failed")
    return sum(numbers)


assets_job = dg.define_asset_job("assets_job", selection=["numbers", "total"])

every_minute = dg.ScheduleDefinition(job=ok_job, cron_schedule="* * * * *")


@dg.schedule(job=flaky_job, cron_schedule="*/2 * * * *")
def odd_schedule(context):
    r = random.random()
    if r < 0.3:
        return dg.SkipReason("skipped this tick")
    if r < 0.5:
        raise Exception("schedule evaluation error")
    return dg.RunRequest(run_key=None)


@dg.sensor(job=assets_job, minimum_interval_seconds=30)
def file_sensor(context):
    r = random.random()
    if r < 0.4:
        return dg.SkipReason("no new files")
    if r < 0.6:
        raise Exception("sensor blew up")
    return dg.RunRequest(run_key=str(time.time()))


@dg.sensor(job=config_job, minimum_interval_seconds=45)
def config_sensor(context):
    return dg.RunRequest(run_key=str(time.time()), run_config={"ops": {"scale": {"config": {"factor": random.randint(1, 5)}}}})


@dg.run_failure_sensor(minimum_interval_seconds=30)
def on_failure(context):
    pass


defs = dg.Definitions(
    assets=[numbers, total],
    jobs=[ok_job, flaky_job, broken_job, config_job, assets_job],
    schedules=[every_minute, odd_schedule],
    sensors=[file_sensor, config_sensor, on_failure],
)
