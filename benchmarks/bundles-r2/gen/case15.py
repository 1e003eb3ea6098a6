# r2-case15: pricing-svc 5xx right after its own 4.2.0 rollout (Jackson binary incompatibility -> NoSuchMethodError
# on the bulk endpoint). Red herrings: recommendations deployed two minutes earlier, lettuce reconnect lines,
# postgres checkpoints/autovacuum.
from common import *

c = Case(15, "pricing-svc",
         "[FIRING:1] PricingSvc5xx (service=pricing-svc namespace=pricing severity=page): 5xx ratio 38.7% > 1% for 5m",
         ["pricing-svc", "pricing-postgres", "recommendations", "pricing-redis"], "2026-07-15T10:25:00Z")
r = c.rng
T0, END = c.start, c.at
REC = P("2026-07-15T09:56:02Z")
DEP = P("2026-07-15T09:58:10Z")
new = ["pricing-svc-7c4b9d6f58-6xk2p", "pricing-svc-7c4b9d6f58-h9tqz", "pricing-svc-7c4b9d6f58-wm3rc"]
starts = {p: DEP + dt.timedelta(seconds=5 + 38 * i) for i, p in enumerate(new)}
old_stop = {i: DEP + dt.timedelta(seconds=40 + 38 * i) for i in range(3)}
def new_share(t):
    return sum(1 for p in new if starts[p] + dt.timedelta(seconds=20) <= t) / 3.0
def sb(t, lvl, thread, logger, msg):
    return (t, f"{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond // 1000:03d}Z {lvl:>5} 1 --- [pricing-svc] [{thread:>15}] {logger:<40} : {msg}")
NSME = "'com.fasterxml.jackson.core.util.JacksonFeatureSet com.fasterxml.jackson.core.JsonParser.getReadCapabilities()'"
for p in new:
    s0 = starts[p]
    L = []
    boot = [("main", "c.a.pricing.PricingApplication", "INFO", "Starting PricingApplication v4.2.0 using Java 21.0.3 with PID 1 (/app/app.jar started by cnb in /workspace)"),
            ("main", "c.a.pricing.PricingApplication", "INFO", 'The following 1 profile is active: "prod"'),
            ("main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "INFO", "Tomcat initialized with port 8080 (http)"),
            ("main", "com.zaxxer.hikari.HikariDataSource", "INFO", "HikariPool-1 - Starting..."),
            ("main", "com.zaxxer.hikari.HikariDataSource", "INFO", "HikariPool-1 - Start completed."),
            ("main", "io.lettuce.core.EpollProvider", "INFO", "Starting with epoll library"),
            ("main", "o.s.b.a.e.web.EndpointLinksResolver", "INFO", "Exposing 4 endpoints beneath base path '/actuator'"),
            ("main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "INFO", "Tomcat started on port 8080 (http) with context path '/'"),
            ("main", "c.a.pricing.PricingApplication", "INFO", f"Started PricingApplication in {r.uniform(7, 9):.3f} seconds (process running for {r.uniform(8, 10):.3f})")]
    for i, (th, lg, lvl, m) in enumerate(boot):
        L.append(sb(s0 + dt.timedelta(milliseconds=600 * i + r.randint(0, 200)), lvl, th, lg, m))
    first_err = True
    for t in poisson_times(r, s0 + dt.timedelta(seconds=8), END, lambda t: 0.06):
        th = f"nio-8080-exec-{r.randint(1, 200)}"
        if first_err or r.random() < 0.3:
            first_err = False
            L.append(sb(t, "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                        f"Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: java.lang.NoSuchMethodError: {NSME}] with root cause\n\n"
                        f"java.lang.NoSuchMethodError: {NSME}\n"
                        "\tat com.fasterxml.jackson.databind.DeserializationContext.<init>(DeserializationContext.java:213)\n"
                        "\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext.<init>(DefaultDeserializationContext.java:50)\n"
                        "\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext$Impl.<init>(DefaultDeserializationContext.java:391)\n"
                        "\tat com.fasterxml.jackson.databind.deser.DefaultDeserializationContext$Impl.createInstance(DefaultDeserializationContext.java:413)\n"
                        "\tat com.fasterxml.jackson.databind.ObjectMapper.createDeserializationContext(ObjectMapper.java:4738)\n"
                        "\tat com.fasterxml.jackson.databind.ObjectMapper._readMapAndClose(ObjectMapper.java:4882)\n"
                        "\tat com.fasterxml.jackson.databind.ObjectMapper.readValue(ObjectMapper.java:3837)\n"
                        "\tat com.acme.taxrules.RuleSetLoader.load(RuleSetLoader.java:61)\n"
                        "\tat com.acme.pricing.bulk.BulkPriceService.priceAll(BulkPriceService.java:88)\n"
                        "\tat com.acme.pricing.bulk.BulkPriceController.bulk(BulkPriceController.java:44)\n"
                        "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n"
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)\n"
                        "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)\n"
                        "\tat org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188)\n"
                        "\tat org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118)\n"
                        "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)\n"
                        "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n"
                        "\tat org.apache.tomcat.util.threads.TaskThread$WrappingRunnable.run(TaskThread.java:61)\n"
                        "\tat java.base/java.lang.Thread.run(Thread.java:1583)"))
        else:
            L.append(sb(t, "WARN", th, "c.a.pricing.web.ApiExceptionHandler",
                        f"POST /v1/prices/bulk failed with 500: java.lang.NoSuchMethodError: {NSME} (request_id={hexid(r, 16)})"))
    t = s0 + dt.timedelta(seconds=r.randint(60, 300))
    while t < END:
        L.append(sb(t, "INFO", "xecutorLoop-1-2", "i.l.core.protocol.ConnectionWatchdog", f"Reconnecting, last destination was pricing-redis-{r.randint(0, 2)}.pricing-redis.pricing.svc.cluster.local/10.12.{r.randint(1, 4)}.{r.randint(10, 90)}:6379"))
        L.append(sb(t + dt.timedelta(milliseconds=r.randint(4, 20)), "INFO", "llEventLoop-6-3", "i.l.core.protocol.ReconnectionHandler", f"Reconnected to pricing-redis-{r.randint(0, 2)}.pricing-redis.pricing.svc.cluster.local/<unresolved>:6379"))
        t += dt.timedelta(seconds=r.randint(200, 500))
    c.write_log(f"logs/pricing-svc/{p}.log", L)

# postgres (healthy, noisy)
pl = []
def pg(t, pid, lvl, msg):
    pl.append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S.')}{t.microsecond // 1000:03d} UTC [{pid}] {lvl}:  {msg}"))
t = T0 + dt.timedelta(seconds=37)
lsn = 0x19F21F08
while t < END:
    pg(t, 61, "LOG", "checkpoint starting: time")
    w = r.randint(1800, 2600)
    lsn += r.randint(10**7, 3 * 10**7)
    pg(t + dt.timedelta(seconds=269.6), 61, "LOG", f"checkpoint complete: wrote {w} buffers ({w / 16384 * 100:.1f}%); 0 WAL file(s) added, 0 removed, 1 recycled; write=269.512 s, sync=0.004 s, total=269.601 s; sync files=61, longest=0.002 s, average=0.001 s; distance={r.randint(15000, 24000)} kB, estimate={r.randint(19000, 21000)} kB; lsn=4B/{lsn + 0x1000:X}, redo lsn=4B/{lsn:X}")
    t += dt.timedelta(minutes=5)
t = T0 + dt.timedelta(minutes=7, seconds=11)
while t < END:
    pid = r.randint(20000, 40000)
    pg(t, pid, "LOG", "automatic vacuum of table \"pricing.public.price_rules\": index scans: 1\n"
       f"\tpages: 0 removed, {r.randint(4000, 4200)} remain, {r.randint(300, 700)} scanned (9.93% of total)\n"
       f"\ttuples: {r.randint(2000, 9000)} removed, {r.randint(380000, 390000)} remain, 0 are dead but not yet removable\n"
       f"\tremovable cutoff: {r.randint(8800000, 8900000)}, which was 3 XIDs old when operation ended\n"
       f"\tindex scan needed: {r.randint(200, 600)} pages from table (9.10% of total) had {r.randint(2000, 9000)} dead item identifiers removed\n"
       f"\tavg read rate: 0.000 MB/s, avg write rate: {r.uniform(4, 9):.3f} MB/s\n"
       f"\tbuffer usage: {r.randint(9000, 12000)} hits, 0 misses, {r.randint(500, 900)} dirtied\n"
       f"\tWAL usage: {r.randint(1000, 2000)} records, {r.randint(400, 800)} full page images, {r.randint(3000000, 5000000)} bytes\n"
       f"\tsystem usage: CPU: user: 0.0{r.randint(1, 9)} s, system: 0.00 s, elapsed: 0.{r.randint(40, 90)} s")
    t += dt.timedelta(minutes=r.randint(11, 17))
c.write_log("logs/pricing-postgres/pricing-postgres-0.log", pl)

# metrics
def p_old(t):
    return sum(1 for i in range(3) if t < old_stop[i]) / 3.0
for uri, rate in [("/v1/prices/{sku}", 42.0), ("/v1/prices/bulk", 27.0)]:
    H = {"service": "pricing-svc", "namespace": "pricing", "uri": uri, "method": "GET" if "sku" in uri else "POST"}
    c.counter("http_server_requests_seconds_count", {**H, "status": "200", "outcome": "SUCCESS", "exception": "none"},
              lambda t, uri=uri, rate=rate: rate if "sku" in uri else rate * (1 - new_share(t)))
    if uri.endswith("bulk"):
        c.counter("http_server_requests_seconds_count", {**H, "status": "500", "outcome": "SERVER_ERROR", "exception": "NoSuchMethodError"},
                  lambda t, rate=rate: rate * new_share(t))
for p in new:
    c.gauge("kube_pod_container_info", {"namespace": "pricing", "pod": p, "container": "pricing-svc", "image": "ghcr.io/acme/pricing-svc:4.2.0"},
            lambda t, p=p: 1 if t >= starts[p] else None, step=60)
for i, p in enumerate(["pricing-svc-5f6d8c7b94-2bvlx", "pricing-svc-5f6d8c7b94-n7qfd", "pricing-svc-5f6d8c7b94-t4kws"]):
    c.gauge("kube_pod_container_info", {"namespace": "pricing", "pod": p, "container": "pricing-svc", "image": "ghcr.io/acme/pricing-svc:4.1.3"},
            lambda t, i=i: 1 if t < old_stop[i] else None, step=60)
RL = {"service": "recommendations", "namespace": "recs"}
c.counter("http_server_requests_seconds_count", {**RL, "uri": "/v1/recommendations", "status": "200", "outcome": "SUCCESS", "exception": "none"}, lambda t: 55.0)
c.counter("http_server_requests_seconds_count", {**RL, "uri": "/v1/recommendations", "status": "500", "outcome": "SERVER_ERROR", "exception": "none"}, lambda t: 0.02)
PG = {"service": "pricing-postgres", "datname": "pricing", "job": "postgres-exporter"}
c.gauge("pg_stat_activity_count", {**PG, "state": "active"}, lambda t: r.randint(2, 6), step=30)
c.counter("pg_stat_database_xact_commit", PG, lambda t: 310.0 if t < DEP else 250.0)
c.counter("pg_stat_database_deadlocks", PG, lambda t: 0.0)
c.counter("redis_commands_processed_total", {"service": "pricing-redis", "job": "redis-exporter"}, lambda t: 900.0)
c.write_metrics_csv()
c.write_jsonl("events.jsonl", [
    {"time": "2026-07-15T09:56:02Z", "service": "recommendations", "kind": "deployment",
     "summary": "recommendations 11.3.0 -> 11.4.0 (new ranking model rec-2026-07-14)", "author": "argo-cd"},
    {"time": "2026-07-15T09:58:09Z", "service": "pricing-svc", "kind": "deployment",
     "summary": "pricing-svc 4.1.3 -> 4.2.0 (tax-rules library 3.0 for EU VAT changes; dependency updates)", "author": "argo-cd"},
])
c.bundle_yaml()
c.expected("bad_deployment", "pricing-svc",
           "Errors start exactly as pricing-svc 4.2.0 pods take traffic (09:58-10:00) and grow with the share of new pods; "
           "every failure is java.lang.NoSuchMethodError JsonParser.getReadCapabilities() from the new tax-rules library "
           "on POST /v1/prices/bulk, a binary incompatibility between jackson-databind and jackson-core shipped in the new "
           "build. The recommendations rollout two minutes earlier shows no errors, and the Redis reconnects and Postgres "
           "checkpoint/autovacuum lines are routine.")
