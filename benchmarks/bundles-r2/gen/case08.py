# r2-case08: ledger-api "error rate" alert; the alert counts 4xx. A partner integration keeps calling with an expired
# token (401s). No 5xx, latency flat: the service is healthy, the alert rule is mis-scoped. Healthy.
from common import *

c = Case(8, "ledger-api",
         "[FIRING:1] LedgerApiErrorRateHigh (service=ledger-api namespace=ledger severity=page): error ratio 32.6% > 5% for 10m",
         ["ledger-api", "ledger-postgres"], "2026-10-21T04:15:00Z")
r = c.rng
T0, END = c.start, c.at
BOT = P("2026-10-21T03:41:07Z")
pods = ["ledger-api-84c6d9b7f-5vtwq", "ledger-api-84c6d9b7f-jc9lm", "ledger-api-84c6d9b7f-zr2hx"]
logs = {p: [] for p in pods}
def rl(p, t, lvl, rid, msg):
    logs[p].append((t, f"{lvl[0]}, [{t.strftime('%Y-%m-%dT%H:%M:%S.%f')} #1] {lvl:>5} -- : [{rid}] {msg}"))
CTRL = [("GET", "/v1/accounts/{id}", "AccountsController#show"), ("GET", "/v1/accounts/{id}/entries", "EntriesController#index"),
        ("POST", "/v1/entries", "EntriesController#create"), ("GET", "/v1/accounts/{id}/balance", "BalancesController#show")]
# legit traffic (log sample ~2%)
for t in poisson_times(r, T0, END, lambda t: 0.14):
    p = r.choice(pods)
    meth, route, ctrl = r.choice(CTRL)
    path = route.replace("{id}", f"acc_{hexid(r, 12)}")
    rid = uuid(r)
    ip = f"10.42.{r.randint(1, 4)}.{r.randint(2, 250)}"
    rl(p, t, "INFO", rid, f'Started {meth} "{path}" for {ip} at {t.strftime("%Y-%m-%d %H:%M:%S")} +0000')
    rl(p, t + dt.timedelta(microseconds=300), "INFO", rid, f"Processing by {ctrl} as JSON")
    d = r.uniform(4, 38)
    ar = d * r.uniform(0.3, 0.6)
    code = "201 Created" if meth == "POST" else "200 OK"
    if r.random() < 0.012:
        code = "404 Not Found"
    if r.random() < 0.002:
        rl(p, t + dt.timedelta(milliseconds=2), "INFO", rid, "Filter chain halted as :authenticate_partner! rendered or redirected")
        code = "401 Unauthorized"
        d, ar = r.uniform(1, 3), 0.0
    rl(p, t + dt.timedelta(milliseconds=d), "INFO", rid, f"Completed {code} in {int(d)}ms (Views: {d * 0.05:.1f}ms | ActiveRecord: {ar:.1f}ms (2 queries, 0 cached) | GC: 0.0ms)")
# the misconfigured partner integration (expired token, hammering with retries)
for t in poisson_times(r, BOT, END, lambda t: 0.07):
    p = r.choice(pods)
    rid = uuid(r)
    path = f"/v1/accounts/acc_{hexid(r, 12)}/entries?since=2026-10-20"
    rl(p, t, "INFO", rid, f'Started GET "{path}" for 10.42.0.17 at {t.strftime("%Y-%m-%d %H:%M:%S")} +0000')
    rl(p, t + dt.timedelta(microseconds=250), "INFO", rid, "Processing by EntriesController#index as JSON")
    rl(p, t + dt.timedelta(milliseconds=1), "WARN", rid, "Partner auth rejected: token expired client_id=partner-acme exp=2026-10-21T03:40:00Z ua=\"python-requests/2.31.0\"")
    rl(p, t + dt.timedelta(milliseconds=1, microseconds=200), "INFO", rid, "Filter chain halted as :authenticate_partner! rendered or redirected")
    rl(p, t + dt.timedelta(milliseconds=2), "INFO", rid, f"Completed 401 Unauthorized in 1ms (Views: 0.2ms | ActiveRecord: 0.0ms (0 queries, 0 cached) | GC: 0.0ms)")
# puma housekeeping
for p in pods:
    t = T0 + dt.timedelta(seconds=r.randint(0, 59))
    while t < END:
        logs[p].append((t, f"I, [{t.strftime('%Y-%m-%dT%H:%M:%S.%f')} #1]  INFO -- : [puma-stats] {{\"workers\":4,\"booted_workers\":4,\"running\":{r.randint(10, 16)},\"pool_capacity\":{r.randint(0, 6)},\"max_threads\":16,\"backlog\":0}}"))
        t += dt.timedelta(minutes=5)
for p in pods:
    c.write_log(f"logs/ledger-api/{p}.log", logs[p])

# metrics
HL = {"service": "ledger-api", "namespace": "ledger", "job": "ledger-api"}
c.counter("http_requests_total", {**HL, "code": "200"}, lambda t: 19.5)
c.counter("http_requests_total", {**HL, "code": "201"}, lambda t: 4.1)
c.counter("http_requests_total", {**HL, "code": "404"}, lambda t: 0.3)
c.counter("http_requests_total", {**HL, "code": "401"}, lambda t: 0.05 if t < BOT else 11.6)
c.counter("http_requests_total", {**HL, "code": "500"}, lambda t: 0.002)
c.histogram("http_request_duration_seconds", HL, lambda t: 24.0 + (11.6 if t >= BOT else 0),
            lambda t: 0.018 if t < BOT else 0.012, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0], step=30)
for p in pods:
    c.counter("container_cpu_usage_seconds_total", {"namespace": "ledger", "pod": p, "container": "ledger-api", "service": "ledger-api"},
              lambda t: 0.35 + (0.04 if t >= BOT else 0), integer=False)
PG = {"service": "ledger-postgres", "datname": "ledger", "job": "postgres-exporter"}
c.counter("pg_stat_database_xact_commit", PG, lambda t: 160.0)
c.counter("pg_stat_database_xact_rollback", PG, lambda t: 0.1)
c.gauge("pg_stat_activity_count", {**PG, "state": "active"}, lambda t: float(r.randint(1, 5)), digits=0)
c.write_metrics_csv()
c.bundle_yaml()
c.expected("none", None,
           "The alert expression counts 4xx as errors. From 03:41 one partner integration (client_id=partner-acme, "
           "python-requests) keeps calling with a token that expired at 03:40 and every call is correctly rejected with "
           "401; 5xx stays at its baseline of ~0, latency and CPU are flat and legitimate traffic is served normally. "
           "ledger-api is healthy; the alert rule is mis-scoped (the partner needs to refresh its token, which is not a "
           "ledger-api fault).")
