import datetime as dt
import logging
import os
import random
import sqlite3
import sys
import time

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED
from apscheduler.executors.pool import ProcessPoolExecutor, ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

import jobs

DB = os.environ["R45_DB"]


def bad_listener(event):
    raise RuntimeError("listener broke")


def main():
    logging.basicConfig(level=logging.WARNING, stream=sys.stdout,
                        format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.DEBUG)
    rnd = random.Random(int(sys.argv[1]))
    steps = int(sys.argv[2])
    sched = BackgroundScheduler(
        jobstores={"default": MemoryJobStore(), "sql": SQLAlchemyJobStore(url="sqlite:///" + DB)},
        executors={"default": ThreadPoolExecutor(rnd.randint(1, 4)), "proc": ProcessPoolExecutor(2)},
        job_defaults={"misfire_grace_time": rnd.choice([1, 2, 5]), "coalesce": rnd.random() < 0.3},
        timezone="UTC",
    )
    if rnd.random() < 0.5:
        sched.add_job(jobs.tick, "interval", seconds=rnd.randint(2, 6), id="pre_tick", name="pre_tick")
    if rnd.random() < 0.4:
        sched.add_job("jobs:gone", "interval", seconds=7, id="gone_job", jobstore="sql", replace_existing=True)
    if rnd.random() < 0.4:
        sched.add_listener(bad_listener, EVENT_JOB_ERROR)
    sched.start(paused=rnd.random() < 0.2)
    ids = []
    n = 0
    now = lambda: dt.datetime.now(dt.timezone.utc)
    for step in range(steps):
        n += 1
        act = rnd.choices(
            ["interval", "cron", "date", "fail", "slow", "proc", "late", "pause", "resume", "modify",
             "reschedule", "remove", "spause", "badexec", "sqlbreak", "die", "maybe", "removebad", "sleep"],
            weights=[10, 5, 8, 6, 5, 4, 3, 3, 3, 3, 3, 5, 4, 2, 2, 3, 4, 1, 12])[0]
        jid = "job%d_%d" % (int(sys.argv[1]) % 1000, n)
        store = rnd.choice(["default", "sql"])
        try:
            if act == "interval":
                sched.add_job("jobs:tick", "interval", seconds=rnd.randint(1, 5), args=[n], id=jid,
                              name="tick_%d" % n, jobstore=store, max_instances=rnd.randint(1, 2))
                ids.append(jid)
            elif act == "cron":
                sched.add_job("jobs:tick", "cron", second="*/%d" % rnd.randint(2, 10), id=jid, jobstore=store)
                ids.append(jid)
            elif act == "date":
                sched.add_job("jobs:tick", "date", run_date=now() + dt.timedelta(seconds=rnd.uniform(0, 4)),
                              id=jid, jobstore=store, args=[n])
            elif act == "fail":
                sched.add_job("jobs:fail", rnd.choice(["date", "interval"]), id=jid, jobstore=store,
                              args=[rnd.choice(["value", "key", "zero"])],
                              **({"seconds": rnd.randint(2, 6)} if rnd.random() < 0.5 else {}))
            elif act == "slow":
                sched.add_job("jobs:slow", "interval", seconds=1, args=[rnd.uniform(1.5, 4)], id=jid,
                              max_instances=rnd.randint(1, 2), jobstore=store)
                ids.append(jid)
            elif act == "proc":
                sched.add_job("jobs:" + rnd.choice(["tick", "fail", "slow"]), "interval",
                              seconds=rnd.randint(2, 5), executor="proc", id=jid, jobstore=store)
                ids.append(jid)
            elif act == "late":
                sched.add_job("jobs:tick", "date", run_date=now() - dt.timedelta(seconds=rnd.randint(3, 60)),
                              id=jid, misfire_grace_time=rnd.choice([1, None, 100]))
            elif act == "pause" and ids:
                sched.pause_job(rnd.choice(ids))
            elif act == "resume" and ids:
                sched.resume_job(rnd.choice(ids))
            elif act == "modify" and ids:
                sched.modify_job(rnd.choice(ids), max_instances=rnd.randint(1, 3), name="mod_%d" % n)
            elif act == "reschedule" and ids:
                sched.reschedule_job(rnd.choice(ids), trigger="interval", seconds=rnd.randint(1, 8))
            elif act == "remove" and ids:
                sched.remove_job(ids.pop(rnd.randrange(len(ids))))
            elif act == "removebad":
                sched.remove_job("nosuch_%d" % n)
            elif act == "spause":
                sched.pause()
                time.sleep(rnd.uniform(1, 5))
                sched.resume()
            elif act == "badexec":
                sched.add_job("jobs:tick", "date", executor="nosuch", id=jid)
            elif act == "sqlbreak":
                con = sqlite3.connect(DB)
                con.execute("ALTER TABLE apscheduler_jobs RENAME TO broken_jobs")
                con.commit()
                time.sleep(rnd.uniform(2, 5))
                con.execute("ALTER TABLE broken_jobs RENAME TO apscheduler_jobs")
                con.commit()
                con.close()
            elif act == "die":
                sched.add_job("jobs:die", "date", executor="proc", id=jid)
            elif act == "maybe":
                sched.add_job("jobs:maybe", "interval", seconds=rnd.randint(1, 4), args=[rnd.random()],
                              id=jid, jobstore=store)
                ids.append(jid)
            else:
                time.sleep(rnd.uniform(0.2, 2))
        except JobLookupError:
            pass
        except Exception:
            pass
        time.sleep(rnd.uniform(0, 1.2))
        if len(ids) > 8:
            try:
                sched.remove_job(ids.pop(0))
            except JobLookupError:
                pass
    if rnd.random() < 0.3:
        sched.remove_all_jobs(jobstore="default")
    sched.shutdown(wait=rnd.random() < 0.5)


if __name__ == "__main__":
    main()
