# r2-case23: accounts-api 5xx/latency; origin: RDS MySQL gp2 volume ran out of burst credits (BurstBalance 0) ->
# IOPS capped at baseline -> slow queries. The database is visible ONLY through CloudWatch metrics.
from common import *

c = Case(23, "accounts-api",
         'ALARM: "accounts-api-alb-target-5xx" in EU (Frankfurt): Threshold Crossed: 1 out of the last 1 datapoints [66.0 (20/01/26 10:31:00)] was greater than or equal to the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).',
         ["accounts-api", "accounts-mysql", "accounts-alb"], "2026-01-20T10:40:00Z")
r = c.rng
T0, END = c.start, c.at
DEPLOY = P("2026-01-20T09:48:20Z")
EMPTY = P("2026-01-20T10:09:30Z")
def burst(t):
    return max(0.0, 36.5 - (t - T0).total_seconds() / 60 * 1.24)
def starved(t):
    return t >= EMPTY
def slow(t):   # 0..1 severity
    return ramp(t, EMPTY, EMPTY + dt.timedelta(minutes=6), 0, 1)
DB = {"DBInstanceIdentifier": "accounts-mysql-prod", "namespace": "AWS/RDS"}
c.gauge("BurstBalance", DB, lambda t: burst(t) + r.uniform(-0.2, 0.2) if burst(t) > 0.3 else 0.0, step=60, digits=2)
c.gauge("ReadIOPS", DB, lambda t: r.uniform(1350, 1500) if not starved(t) else r.uniform(205, 230), step=60, digits=1)
c.gauge("WriteIOPS", DB, lambda t: r.uniform(160, 210) if not starved(t) else r.uniform(72, 90), step=60, digits=1)
c.gauge("ReadLatency", DB, lambda t: r.uniform(0.0009, 0.0014) + 0.085 * slow(t) * r.uniform(0.8, 1.2), step=60, digits=5)
c.gauge("WriteLatency", DB, lambda t: r.uniform(0.0012, 0.0018) + 0.06 * slow(t) * r.uniform(0.8, 1.2), step=60, digits=5)
c.gauge("DiskQueueDepth", DB, lambda t: r.uniform(0.6, 1.5) + 44 * slow(t) * r.uniform(0.85, 1.1), step=60, digits=2)
c.gauge("CPUUtilization", DB, lambda t: r.uniform(27, 34) if not starved(t) else r.uniform(17, 22), step=60, digits=2)
c.gauge("DatabaseConnections", DB, lambda t: float(r.randint(38, 44) + int(110 * slow(t))), step=60, digits=0)
c.gauge("FreeableMemory", DB, lambda t: r.uniform(1.9e9, 2.0e9), step=60, digits=0)
c.gauge("FreeStorageSpace", DB, lambda t: 38.4e9 - (t - T0).total_seconds() * 2e4, step=60, digits=0)
ALB = {"LoadBalancer": "app/accounts-api-prod/5c1d9e7f3a2b4c6d", "namespace": "AWS/ApplicationELB"}
TG = {**ALB, "TargetGroup": "targetgroup/accounts-api-prod/9a8b7c6d5e4f3a2b"}
c.gauge("RequestCount", TG, lambda t: float(r.randint(100, 118)), step=60, digits=0)
c.gauge("TargetResponseTime", TG, lambda t: r.uniform(0.09, 0.14) + 5.5 * slow(t) * r.uniform(0.85, 1.1), step=60, digits=3)
c.gauge("HTTPCode_Target_5XX_Count", TG, lambda t: float(r.randint(0, 1) + int(62 * slow(t) * r.uniform(0.85, 1.1))), step=60, digits=0)
c.gauge("HTTPCode_ELB_5XX_Count", ALB, lambda t: float(int(5 * slow(t) * r.uniform(0.5, 1.2))), step=60, digits=0)
c.gauge("HealthyHostCount", TG, lambda t: 2.0, step=60, digits=0)
c.write_metrics_csv()

# ---------------- accounts-api logs (gunicorn + django) ----------------
pods = ["accounts-api-6b5d8f7c9-2tqxw", "accounts-api-6b5d8f7c9-8hkzn"]
logs = {p: [] for p in pods}
def gl(p, t, pid, lvl, msg):
    logs[p].append((t, f"[{t.strftime('%Y-%m-%d %H:%M:%S')} +0000] [{pid}] [{lvl}] {msg}"))
def dj(p, t, lvl, name, msg):
    logs[p].append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond // 1000:03d} {lvl} {name} {msg}"))
for i, p in enumerate(pods):
    s = DEPLOY + dt.timedelta(seconds=8 + 35 * i)
    gl(p, s, 1, "INFO", "Starting gunicorn 22.0.0")
    gl(p, s, 1, "INFO", "Listening at: http://0.0.0.0:8000 (1)")
    gl(p, s, 1, "INFO", "Using worker: sync")
    for w in range(8):
        gl(p, s + dt.timedelta(milliseconds=20 + 5 * w), 8 + w, "INFO", f"Booting worker with pid: {8 + w}")
    dj(p, s + dt.timedelta(seconds=3), "INFO", "accounts.apps", "accounts-api 7.3.1 ready (django 5.0.11, mysqlclient 2.2.4, DB accounts-mysql-prod.cq1x2y3z4a5b.eu-central-1.rds.amazonaws.com)")
    nfull = 0
    for t in poisson_times(r, s + dt.timedelta(seconds=5), END, lambda t: 0.9):
        path = r.choice(["/api/v2/accounts/{id}", "/api/v2/accounts/{id}/statements", "/api/v2/accounts/{id}/limits", "/api/v2/accounts/search"])
        pth = path.replace("{id}", str(r.randint(100000, 999999)))
        sv = slow(t)
        if sv > 0 and r.random() < 0.6 * sv:
            te = t + dt.timedelta(seconds=5.0 + r.uniform(0.01, 0.3))
            if nfull % 25 == 0:
                dj(p, te, "ERROR", "django.request", f"Internal Server Error: {pth}\nTraceback (most recent call last):\n"
                   "  File \"/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py\", line 105, in _execute\n"
                   "    return self.cursor.execute(sql, params)\n"
                   "  File \"/usr/local/lib/python3.12/site-packages/django/db/backends/mysql/base.py\", line 76, in execute\n"
                   "    return self.cursor.execute(query, args)\n"
                   "  File \"/usr/local/lib/python3.12/site-packages/MySQLdb/cursors.py\", line 179, in execute\n"
                   "    res = self._query(mogrified_query)\n"
                   "MySQLdb.OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded')\n\n"
                   "The above exception was the direct cause of the following exception:\n\n"
                   "Traceback (most recent call last):\n"
                   "  File \"/app/accounts/views/statements.py\", line 58, in get\n"
                   "    rows = list(qs[:200])\n"
                   "django.db.utils.OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded')")
            else:
                dj(p, te, "ERROR", "django.request", f"Internal Server Error: {pth} (django.db.utils.OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded'))")
            nfull += 1
            continue
        if sv > 0.3 and r.random() < 0.05:
            dj(p, t + dt.timedelta(seconds=3 + r.uniform(0, 2)), "WARNING", "accounts.middleware", f"slow request {pth} took {3 + r.uniform(0, 2):.2f}s (db {2.9 + r.uniform(0, 1.9):.2f}s, {r.randint(3, 9)} queries)")
    t = s + dt.timedelta(seconds=r.randint(100, 400))
    while t < END:
        dj(p, t, "WARNING", "django.request", f"Not Found: /api/v2/accounts/{r.randint(100000, 999999)}/avatar")
        t += dt.timedelta(seconds=r.randint(200, 500))
    # workers killed when requests exceed gunicorn timeout (30s) once the DB is starved
    t = EMPTY + dt.timedelta(minutes=5, seconds=r.randint(0, 120))
    wp = 40
    while t < END:
        gl(p, t, 1, "CRITICAL", f"WORKER TIMEOUT (pid:{r.randint(8, 15) if wp == 40 else wp - 1})")
        gl(p, t + dt.timedelta(milliseconds=300), 1, "ERROR", f"Worker (pid:{r.randint(8, 15) if wp == 40 else wp - 1}) exited with code 1")
        gl(p, t + dt.timedelta(milliseconds=310), wp, "INFO", f"Booting worker with pid: {wp}")
        wp += 1
        t += dt.timedelta(seconds=r.randint(60, 200))
for p in pods:
    c.write_log(f"logs/accounts-api/{p}.log", logs[p])
c.write_jsonl("events.jsonl", [
    {"time": "2026-01-20T09:48:12Z", "service": "accounts-api", "kind": "deployment",
     "summary": "accounts-api 7.3.0 -> 7.3.1 (German/French translation updates, no schema changes)", "author": "codepipeline"},
])
c.bundle_yaml()
c.expected("database_slow", "accounts-mysql",
           "The RDS MySQL instance's gp2 volume used up its burst credits (BurstBalance reaches 0 at ~10:09); ReadIOPS "
           "drops from ~1,400 to the ~220 baseline, read latency goes from ~1 ms to ~85 ms, DiskQueueDepth to ~45 and "
           "connections pile up, while DB CPU actually falls. accounts-api then hits max_execution_time (MySQL error 3024) "
           "and gunicorn worker timeouts, and the ALB reports target 5xx. The accounts-api 7.3.1 deploy at 09:48 is a red "
           "herring: latency and errors stayed flat for 20 minutes after it and only changed when the burst balance ran out.")
