# r2-case05: orders-api errors/latency; origin: connection leak introduced in orders-api 3.8.0 -> HikariCP pool exhausted.
from common import *

c = Case(5, "orders-api",
         "[FIRING:1] OrdersApiSLOBurnRate (service=orders-api namespace=orders severity=page): error budget burn rate 16.2x over 1h and 21.4x over 5m; p99 latency 30.2s",
         ["orders-api", "orders-db", "backoffice-web"], "2026-08-19T11:12:00Z")
r = c.rng
T0, END = c.start, c.at
DEPLOY = P("2026-08-19T10:21:03Z")
pods = ["orders-api-5c7d8e9f1b-g4k2p", "orders-api-5c7d8e9f1b-mq8zt", "orders-api-5c7d8e9f1b-x7wds"]
starts = {pods[0]: DEPLOY + dt.timedelta(seconds=4), pods[1]: DEPLOY + dt.timedelta(seconds=47), pods[2]: DEPLOY + dt.timedelta(seconds=93)}
POOL = 10

def sb(t, lvl, thread, logger, msg):
    return (t, f"{t.strftime('%Y-%m-%dT%H:%M:%S.')}{t.microsecond // 1000:03d}Z {lvl:>5} 1 --- [orders-api] [{thread:>15}] {logger:<40} : {msg}")

# leaks per pod: export calls (from back-office) leak the connection
leaks = {p: [] for p in pods}
for t in poisson_times(r, DEPLOY + dt.timedelta(seconds=120), END, lambda t: 1 / 78.0):
    p = r.choice(pods)
    if len(leaks[p]) < POOL:
        leaks[p].append(t)
def active_leaked(p, t):
    return sum(1 for x in leaks[p] if x <= t)
def exhausted_at(p):
    return leaks[p][POOL - 1] if len(leaks[p]) >= POOL else None

logs = {p: [] for p in pods}
for p in pods:
    s0 = starts[p]
    L = logs[p]
    pid = 1
    boot = [("main", "c.a.orders.OrdersApplication", "INFO", f"Starting OrdersApplication v3.8.0 using Java 21.0.4 with PID 1 (/app/orders-api.jar started by app in /app)"),
            ("main", "c.a.orders.OrdersApplication", "INFO", 'The following 1 profile is active: "prod"'),
            ("main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "INFO", "Tomcat initialized with port 8080 (http)"),
            ("main", "o.apache.catalina.core.StandardService", "INFO", "Starting service [Tomcat]"),
            ("main", "o.apache.catalina.core.StandardEngine", "INFO", "Starting Servlet engine: [Apache Tomcat/10.1.28]"),
            ("main", "o.hibernate.jpa.internal.util.LogHelper", "INFO", "HHH000204: Processing PersistenceUnitInfo [name: default]"),
            ("main", "org.hibernate.Version", "INFO", "HHH000412: Hibernate ORM core version 6.5.2.Final"),
            ("main", "com.zaxxer.hikari.HikariDataSource", "INFO", "HikariPool-1 - Starting..."),
            ("main", "com.zaxxer.hikari.pool.HikariPool", "INFO", f"HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@{hexid(r, 8)}"),
            ("main", "com.zaxxer.hikari.HikariDataSource", "INFO", "HikariPool-1 - Start completed."),
            ("main", "o.h.e.t.j.p.i.JtaPlatformInitiator", "INFO", "HHH000489: No JTA platform available (set 'hibernate.transaction.jta.platform' to enable JTA platform integration)"),
            ("main", "j.LocalContainerEntityManagerFactoryBean", "INFO", "Initialized JPA EntityManagerFactory for persistence unit 'default'"),
            ("main", "JpaBaseConfiguration$JpaWebConfiguration", "WARN", "spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view rendering. Explicitly configure spring.jpa.open-in-view to disable this warning"),
            ("main", "o.s.b.a.e.web.EndpointLinksResolver", "INFO", "Exposing 3 endpoints beneath base path '/actuator'"),
            ("main", "o.s.b.w.embedded.tomcat.TomcatWebServer", "INFO", "Tomcat started on port 8080 (http) with context path '/'"),
            ("main", "c.a.orders.OrdersApplication", "INFO", f"Started OrdersApplication in {r.uniform(8, 11):.3f} seconds (process running for {r.uniform(11, 12.5):.3f})")]
    for i, (th, lg, lvl, m) in enumerate(boot):
        L.append(sb(s0 + dt.timedelta(milliseconds=400 * i + r.randint(0, 300)), lvl, th, lg, m))
    # leak detection warnings (leakDetectionThreshold=60000)
    for lt in leaks[p]:
        tw = lt + dt.timedelta(seconds=60, milliseconds=r.randint(0, 900))
        if tw < END:
            L.append(sb(tw, "WARN", "l-1 housekeeper", "com.zaxxer.hikari.pool.ProxyLeakTask",
                        f"Connection leak detection triggered for org.postgresql.jdbc.PgConnection@{hexid(r, 8)} on thread http-nio-8080-exec-{r.randint(1, 60)}, stack trace follows\n"
                        "java.lang.Exception: Apparent connection leak detected\n"
                        "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)\n"
                        "\tat org.springframework.jdbc.datasource.DataSourceUtils.fetchConnection(DataSourceUtils.java:160)\n"
                        "\tat org.springframework.jdbc.datasource.DataSourceUtils.doGetConnection(DataSourceUtils.java:118)\n"
                        "\tat org.springframework.jdbc.core.JdbcTemplate.execute(JdbcTemplate.java:653)\n"
                        "\tat org.springframework.jdbc.core.JdbcTemplate.queryForStream(JdbcTemplate.java:516)\n"
                        "\tat com.acme.orders.export.OrderExportService.streamOrders(OrderExportService.java:57)\n"
                        "\tat com.acme.orders.export.OrderExportController.exportCsv(OrderExportController.java:41)\n"
                        "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n"
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)\n"
                        "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)"))
        L.append(sb(lt, "INFO", f"nio-8080-exec-{r.randint(1, 60)}", "c.a.orders.web.AccessLogFilter",
                    f"GET /v1/orders/export?from=2026-08-01&format=csv 200 {r.randint(900, 2600)}ms user=backoffice"))
    # ordinary requests
    ex = exhausted_at(p)
    for t in poisson_times(r, s0 + dt.timedelta(seconds=12), END, lambda t: 0.055):
        th = f"nio-8080-exec-{r.randint(1, 200)}"
        uri = r.choice(["/v1/orders/{id}", "/v1/orders/{id}", "/v1/orders", "/v1/orders/{id}/status"])
        meth = "POST" if uri == "/v1/orders" else "GET"
        path = uri.replace("{id}", f"ORD-{r.randint(4000000, 4999999)}")
        free = POOL - active_leaked(p, t)
        if free > 2:
            d = r.randint(6, 60)
            L.append(sb(t + dt.timedelta(milliseconds=d), "INFO", th, "c.a.orders.web.AccessLogFilter", f"{meth} {path} {201 if meth == 'POST' else 200} {d}ms"))
        elif free > 0:
            d = int(r.uniform(40, 2500) * (3 - free))
            L.append(sb(t + dt.timedelta(milliseconds=d), "INFO", th, "c.a.orders.web.AccessLogFilter", f"{meth} {path} {201 if meth == 'POST' else 200} {d}ms"))
        else:
            te = t + dt.timedelta(seconds=30, milliseconds=r.randint(1, 9))
            if te >= END:
                continue
            waiting = r.randint(18, 46)
            msg = f"HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})"
            L.append(sb(te, "WARN", th, "o.h.engine.jdbc.spi.SqlExceptionHelper", "SQL Error: 0, SQLState: null"))
            L.append(sb(te, "ERROR", th, "o.h.engine.jdbc.spi.SqlExceptionHelper", msg))
            L.append(sb(te + dt.timedelta(milliseconds=2), "ERROR", th, "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                        f"Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.orm.jpa.JpaSystemException: Unable to acquire JDBC Connection [{msg}] [n/a]] with root cause\n\n"
                        f"java.sql.SQLTransientConnectionException: {msg}\n"
                        "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:686)\n"
                        "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:179)\n"
                        "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:144)\n"
                        "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:127)\n"
                        "\tat org.hibernate.engine.jdbc.connections.internal.DatasourceConnectionProviderImpl.getConnection(DatasourceConnectionProviderImpl.java:122)\n"
                        "\tat org.hibernate.internal.NonContextualJdbcConnectionAccess.obtainConnection(NonContextualJdbcConnectionAccess.java:46)\n"
                        "\t... 131 common frames omitted"))
            L.append(sb(te + dt.timedelta(milliseconds=3), "INFO", th, "c.a.orders.web.AccessLogFilter", f"{meth} {path} 500 {30000 + r.randint(3, 12)}ms"))
for p in pods:
    c.write_log(f"logs/orders-api/{p}.log", logs[p])

# ---------------- metrics ----------------
for p in pods:
    L = {"pool": "HikariPool-1", "pod": p, "service": "orders-api", "namespace": "orders"}
    def act(t, p=p):
        if t < starts[p]:
            return None
        return float(min(POOL, active_leaked(p, t) + r.choice([0, 0, 1, 1, 2])))
    c.gauge("hikaricp_connections_active", L, act, step=15, digits=0)
    c.gauge("hikaricp_connections_idle", L, lambda t, p=p: None if t < starts[p] else float(max(0, POOL - active_leaked(p, t) - r.choice([0, 1]))), step=15, digits=0)
    c.gauge("hikaricp_connections_pending", L, lambda t, p=p: None if t < starts[p] else (0.0 if POOL - active_leaked(p, t) > 1 else float(r.randint(12, 46))), step=15, digits=0)
    c.gauge("hikaricp_connections_max", L, lambda t, p=p: None if t < starts[p] else 10.0, step=60, digits=0)
    c.counter("hikaricp_connections_timeout_total", L, lambda t, p=p: None if t < starts[p] else (0.0 if POOL - active_leaked(p, t) > 0 else 1.6))
    H = {"service": "orders-api", "pod": p, "method": "GET", "uri": "/v1/orders/{id}", "outcome": "SUCCESS", "status": "200"}
    c.counter("http_server_requests_seconds_count", H, lambda t, p=p: None if t < starts[p] else (2.4 if POOL - active_leaked(p, t) > 0 else 0.05))
    c.counter("http_server_requests_seconds_count", {**H, "outcome": "SERVER_ERROR", "status": "500"},
              lambda t, p=p: None if t < starts[p] else (0.0 if POOL - active_leaked(p, t) > 0 else 1.5))
# old pods before deploy (3.7.4)
old = ["orders-api-7b9f6d4c8a-2hxlq", "orders-api-7b9f6d4c8a-8vbnr", "orders-api-7b9f6d4c8a-kt5cm"]
for i, p in enumerate(old):
    stop = DEPLOY + dt.timedelta(seconds=20 + 45 * i)
    L = {"pool": "HikariPool-1", "pod": p, "service": "orders-api", "namespace": "orders"}
    c.gauge("hikaricp_connections_active", L, lambda t, stop=stop: float(r.choice([0, 1, 1, 2])) if t < stop else None, step=15, digits=0)
    c.gauge("hikaricp_connections_pending", L, lambda t, stop=stop: 0.0 if t < stop else None, step=15, digits=0)
    H = {"service": "orders-api", "pod": p, "method": "GET", "uri": "/v1/orders/{id}", "outcome": "SUCCESS", "status": "200"}
    c.counter("http_server_requests_seconds_count", H, lambda t, stop=stop: 2.4 if t < stop else None)
# RDS (CloudWatch) - healthy
RL = {"DBInstanceIdentifier": "orders-db-prod", "namespace": "AWS/RDS"}
c.gauge("CPUUtilization", RL, lambda t: r.uniform(8.5, 14.0), step=60, digits=2)
c.gauge("DatabaseConnections", RL, lambda t: float(r.randint(36, 39)), step=60, digits=0)
c.gauge("ReadLatency", RL, lambda t: r.uniform(0.0006, 0.0011), step=60, digits=5)
c.gauge("WriteLatency", RL, lambda t: r.uniform(0.0009, 0.0016), step=60, digits=5)
c.gauge("FreeableMemory", RL, lambda t: r.uniform(5.9e9, 6.1e9), step=60, digits=0)
c.gauge("FreeStorageSpace", RL, lambda t: 148.2e9 - (t - T0).total_seconds() * 1.1e4, step=60, digits=0)
c.write_metrics_csv()

c.write_jsonl("events.jsonl", [
    {"time": "2026-08-19T10:21:02Z", "service": "orders-api", "kind": "deployment",
     "summary": "orders-api 3.7.4 -> 3.8.0: adds streaming CSV export endpoint /v1/orders/export for back-office; dependency bumps", "author": "github-actions[bot]"},
    {"time": "2026-08-19T10:40:17Z", "service": "orders-db", "kind": "config",
     "summary": "RDS parameter group orders-pg16: log_min_duration_statement 1000 -> 500 (dynamic, applied immediately)", "author": "terraform"},
    {"time": "2026-08-19T10:33:00Z", "service": "backoffice-web", "kind": "release",
     "summary": "backoffice-web: 'Export orders (CSV)' button enabled for finance team", "author": "launchdarkly"},
])
c.bundle_yaml()
c.expected("connection_pool_exhaustion", "orders-api",
           "After orders-api 3.8.0 was rolled out at 10:21, HikariCP leak detection reports connections checked out by "
           "OrderExportService.streamOrders and never returned; each pod's 10-connection pool fills up (active=10, idle=0, "
           "dozens waiting) and requests fail after the 30 s connection timeout. The database itself is healthy (CPU ~10%, "
           "flat connection count, sub-millisecond latency), and the RDS logging parameter change is unrelated; the "
           "leak came with the deployment, so bad_deployment is an acceptable framing.",
           also={"root_cause": ["bad_deployment"]})
