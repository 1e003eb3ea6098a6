# r2-case19: reporting-api serves stale reports; origin: RDS read replica replication lag caused by a write-heavy
# batch on the primary. The origin is visible ONLY in CloudWatch metrics.
from common import *

c = Case(19, "reporting-api",
         "[FIRING:1] ReportingDataStale (service=reporting-api namespace=analytics severity=warning): daily-sales report source data is 24m old (> 10m) for 10m",
         ["reporting-api", "orders-db-replica-1", "orders-db"], "2026-04-08T08:55:00Z")
r = c.rng
T0, END = c.start, c.at
BATCH = P("2026-04-08T07:58:30Z")
def lag(t):
    if t < BATCH + dt.timedelta(minutes=2):
        return max(0.0, r.uniform(0, 2))
    return (t - BATCH - dt.timedelta(minutes=2)).total_seconds() * 0.64 + r.uniform(-5, 5)
RL = {"DBInstanceIdentifier": "orders-db-replica-1", "namespace": "AWS/RDS"}
PL = {"DBInstanceIdentifier": "orders-db", "namespace": "AWS/RDS"}
batch = lambda t: t >= BATCH
c.gauge("ReplicaLag", RL, lag, step=60, digits=0)
c.gauge("CPUUtilization", RL, lambda t: r.uniform(14, 19) if not batch(t) else r.uniform(27, 33), step=60, digits=2)
c.gauge("WriteIOPS", RL, lambda t: r.uniform(700, 900) if not batch(t) else r.uniform(2950, 3000), step=60, digits=1)
c.gauge("ReadIOPS", RL, lambda t: r.uniform(400, 600) if not batch(t) else r.uniform(1200, 1500), step=60, digits=1)
c.gauge("DiskQueueDepth", RL, lambda t: r.uniform(0.4, 1.2) if not batch(t) else r.uniform(18, 26), step=60, digits=2)
c.gauge("WriteLatency", RL, lambda t: r.uniform(0.0008, 0.0012) if not batch(t) else r.uniform(0.006, 0.009), step=60, digits=5)
c.gauge("DatabaseConnections", RL, lambda t: float(r.randint(11, 14)), step=60, digits=0)
c.gauge("FreeableMemory", RL, lambda t: r.uniform(9.6e9, 9.9e9), step=60, digits=0)
c.gauge("CPUUtilization", PL, lambda t: r.uniform(22, 28) if not batch(t) else r.uniform(51, 60), step=60, digits=2)
c.gauge("WriteIOPS", PL, lambda t: r.uniform(750, 950) if not batch(t) else r.uniform(5000, 5600), step=60, digits=1)
c.gauge("WriteThroughput", PL, lambda t: r.uniform(9e6, 12e6) if not batch(t) else r.uniform(88e6, 97e6), step=60, digits=0)
c.gauge("TransactionLogsGeneration", PL, lambda t: r.uniform(1.8e6, 2.6e6) if not batch(t) else r.uniform(44e6, 52e6), step=60, digits=0)
c.gauge("DatabaseConnections", PL, lambda t: float(r.randint(62, 70)), step=60, digits=0)
c.gauge("FreeStorageSpace", PL, lambda t: 612e9 - (0 if not batch(t) else (t - BATCH).total_seconds() * 4.1e6), step=60, digits=0)
HL = {"service": "reporting-api", "namespace": "analytics"}
c.counter("http_requests_total", {**HL, "code": "200"}, lambda t: 3.2)
c.counter("http_requests_total", {**HL, "code": "500"}, lambda t: 0.002)
c.histogram("http_request_duration_seconds", HL, lambda t: 3.2, lambda t: 0.35 if not batch(t) else 0.42, [0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0], step=60)
c.gauge("reporting_source_data_age_seconds", {**HL, "report": "daily-sales"}, lambda t: max(30.0, lag(t) + r.uniform(20, 50)), step=60, digits=0)
c.write_metrics_csv()

# reporting-api logs (python logging + uvicorn)
L = []
def py(t, lvl, name, msg):
    L.append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond // 1000:03d} {lvl:<8} {name}: {msg}"))
t = T0 + dt.timedelta(seconds=12.4)
while t < END:
    age = max(30.0, lag(t) + r.uniform(20, 50))
    if age > 600:
        py(t, "WARNING", "reporting.freshness", f"daily-sales: newest order in source is {age:.0f}s old (threshold 600s), serving stale data")
    else:
        py(t, "INFO", "reporting.freshness", f"daily-sales: newest order in source is {age:.0f}s old")
    t += dt.timedelta(seconds=60, milliseconds=r.randint(-30, 30))
for t in poisson_times(r, T0, END, lambda t: 0.35):
    rep = r.choice(["daily-sales", "daily-sales", "returns-by-region", "top-skus", "cohort-retention"])
    d = r.lognormvariate(5.9, 0.4) * (1.2 if batch(t) else 1.0)
    py(t + dt.timedelta(milliseconds=d), "INFO", "reporting.api", f"report={rep} tenant=t_{r.randint(100, 999)} rows={r.randint(20, 5000)} took={d:.0f}ms")
    ta = t + dt.timedelta(milliseconds=d + 1)
    L.append((ta, f'{ta.strftime("%Y-%m-%d %H:%M:%S")},{ta.microsecond // 1000:03d} INFO     uvicorn.access: 10.30.{r.randint(1, 3)}.{r.randint(10, 200)}:{r.randint(30000, 60000)} - "GET /v1/reports/{rep}?date=2026-04-08 HTTP/1.1" 200'))
t = T0 + dt.timedelta(seconds=r.randint(10, 200))
while t < END:
    py(t, "WARNING", "uvicorn.error", "Invalid HTTP request received.")
    t += dt.timedelta(seconds=r.randint(300, 700))
c.write_log("logs/reporting-api/reporting-api-5d7f9c6b8-wz4kq.log", L)
c.bundle_yaml()
c.expected("other", "orders-db-replica-1",
           "reporting-api itself is healthy (no errors, normal latency) but reads from the RDS read replica, whose "
           "ReplicaLag has grown steadily from ~0 to ~35 minutes since about 08:00. At the same moment the primary's "
           "WriteIOPS, WriteThroughput and TransactionLogsGeneration jumped ~20x (a bulk write batch), and the replica "
           "is saturated replaying WAL (WriteIOPS pinned near 3000, DiskQueueDepth ~20). Stale reports are a "
           "replication-lag problem, which is outside the vocabulary; only the metrics show it.",
           also={"faulty_service": ["orders-db"]})
