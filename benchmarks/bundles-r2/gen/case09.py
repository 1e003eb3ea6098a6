# r2-case09: signup-api hangs/timeouts; origin: RabbitMQ disk free below limit -> disk alarm -> publishers blocked.
from common import *

c = Case(9, "signup-api",
         "[FIRING:2] SignupApiLatencyHigh (service=signup-api namespace=accounts severity=page): p95 latency 30.0s > 2s for 10m; 5xx ratio 100%",
         ["signup-api", "email-worker", "rabbitmq"], "2026-05-27T16:45:00Z")
r = c.rng
T0, END = c.start, c.at
ALARM = P("2026-05-27T16:18:42.118734Z")
BLOCKS = ALARM + dt.timedelta(seconds=95)   # socket buffers full; publish calls start to hang
NODE = "rabbit@rabbitmq-0.rabbitmq-nodes.messaging"

def rq(t, lvl, pid, msg):
    return (t, f"{t.strftime('%Y-%m-%d %H:%M:%S.%f')}+00:00 [{lvl}] <0.{pid}.0> {msg}")
rl = []
conn_pids = {}
for t in poisson_times(r, T0, END, lambda t: 1 / 55.0):
    pid = r.randint(20000, 90000)
    src = f"10.42.{r.randint(1, 4)}.{r.randint(10, 99)}:{r.randint(30000, 60000)}"
    user = r.choice(["signup", "email-worker", "analytics-producer", "signup"])
    rl.append(rq(t, "info", pid, f"accepting AMQP connection <0.{pid}.0> ({src} -> 10.42.1.9:5672)"))
    rl.append(rq(t + dt.timedelta(milliseconds=8), "info", pid, f"connection <0.{pid}.0> ({src} -> 10.42.1.9:5672): user '{user}' authenticated and granted access to vhost '/'"))
    if r.random() < 0.6:
        tc = t + dt.timedelta(seconds=r.uniform(20, 600))
        if tc < END:
            if r.random() < 0.7:
                rl.append(rq(tc, "warning", pid, f"closing AMQP connection <0.{pid}.0> ({src} -> 10.42.1.9:5672, vhost: '/', user: '{user}'):\nclient unexpectedly closed TCP connection"))
            else:
                rl.append(rq(tc, "info", pid, f"closing AMQP connection <0.{pid}.0> ({src} -> 10.42.1.9:5672, vhost: '/', user: '{user}')"))
rl.append(rq(ALARM, "warning", 512, "Free disk space is insufficient. Free bytes: 998311936. Limit: 1000000000"))
rl.append(rq(ALARM + dt.timedelta(microseconds=212), "warning", 508, f"disk resource limit alarm set on node '{NODE}'."))
rl.append(rq(ALARM + dt.timedelta(microseconds=390), "warning", 508, "\n**********************************************************\n*** Publishers will be blocked until this alarm clears ***\n**********************************************************"))
c.write_log("logs/rabbitmq/rabbitmq-0.log", rl)

# ---------------- signup-api (gunicorn sync workers + django) ----------------
sp = ["signup-api-5f9c8d7b6-hk4wz", "signup-api-5f9c8d7b6-p2mnc"]
sl = {p: [] for p in sp}
def gl(p, t, pid, lvl, msg):
    sl[p].append((t, f"[{t.strftime('%Y-%m-%d %H:%M:%S')} +0000] [{pid}] [{lvl}] {msg}"))
def acc(p, t, st, size, ua):
    sl[p].append((t, f'10.42.0.{r.randint(10, 30)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0000] "POST /api/v1/signup HTTP/1.1" {st} {size} "-" "{ua}"'))
UAS = ["okhttp/4.12.0", "MyApp/7.3.1 CFNetwork/1498.700.2 Darwin/23.6.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36"]
workers = {p: [7, 8] for p in sp}
busy_until = {(p, w): T0 for p in sp for w in range(2)}
next_pid = {p: 21 for p in sp}
sent_tasks = []
for t in poisson_times(r, T0, END, lambda t: 0.16):
    p = r.choice(sp)
    free = [w for w in range(2) if busy_until[(p, w)] <= t]
    if not free:
        continue  # queued in the listen backlog; the ingress will time it out (not logged here)
    w = r.choice(free)
    if t < BLOCKS:
        d = r.uniform(0.08, 0.3)
        busy_until[(p, w)] = t + dt.timedelta(seconds=d)
        acc(p, t + dt.timedelta(seconds=d), 201, r.randint(280, 340), r.choice(UAS))
        sent_tasks.append(t + dt.timedelta(seconds=d * 0.8))
    else:
        # publish hangs -> gunicorn kills the worker after timeout=30
        tk = t + dt.timedelta(seconds=30 + r.uniform(0.2, 1.0))
        busy_until[(p, w)] = tk + dt.timedelta(seconds=1.2)
        if tk >= END:
            continue
        old = workers[p][w]
        gl(p, tk, 1, "CRITICAL", f"WORKER TIMEOUT (pid:{old})")
        sl[p].append((tk + dt.timedelta(milliseconds=5), f"[{tk.strftime('%Y-%m-%d %H:%M:%S')} +0000] [{old}] [WARNING] worker_abort: dumping stack of pid {old}\n"
            '  File "/app/accounts/views.py", line 88, in signup\n'
            "    send_welcome_email.delay(user.pk)\n"
            '  File "/usr/local/lib/python3.12/site-packages/celery/app/task.py", line 444, in delay\n'
            "    return self.apply_async(args, kwargs)\n"
            '  File "/usr/local/lib/python3.12/site-packages/kombu/messaging.py", line 214, in _publish\n'
            "    return channel.basic_publish(\n"
            '  File "/usr/local/lib/python3.12/site-packages/amqp/method_framing.py", line 160, in write_frame\n'
            "    write(view[:offset])\n"
            '  File "/usr/local/lib/python3.12/site-packages/amqp/transport.py", line 335, in write\n'
            "    self._write(s)\n"
            '  File "/usr/local/lib/python3.12/ssl.py", line 1210, in sendall\n'
            "    v = self.send(byte_view[count:])"))
        gl(p, tk + dt.timedelta(milliseconds=9), old, "INFO", f"Worker exiting (pid: {old})")
        gl(p, tk + dt.timedelta(milliseconds=420), 1, "ERROR", f"Worker (pid:{old}) exited with code 1")
        gl(p, tk + dt.timedelta(milliseconds=425), 1, "ERROR", f"Worker (pid:{old}) exited with code 1.")
        new = next_pid[p]
        next_pid[p] += 1
        workers[p][w] = new
        gl(p, tk + dt.timedelta(milliseconds=431), new, "INFO", f"Booting worker with pid: {new}")
# the two duplicated 'exited with code 1' lines are what gunicorn 22 prints; keep only one to stay conservative
for p in sp:
    sl[p] = [e for e in sl[p] if not e[1].endswith("exited with code 1.")]
for p in sp:
    t = T0 + dt.timedelta(seconds=r.randint(30, 300))
    while t < END:
        sl[p].append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{r.randint(0, 999):03d} WARNING django.security.DisallowedHost Invalid HTTP_HOST header: '10.42.{r.randint(1, 4)}.{r.randint(10, 99)}:8000'. You may need to add '10.42.{r.randint(1, 4)}.{r.randint(10, 99)}' to ALLOWED_HOSTS."))
        t += dt.timedelta(seconds=r.randint(240, 600))
    c.write_log(f"logs/signup-api/{p}.log", sl[p])

# ---------------- email-worker (celery) ----------------
el = []
def cl(t, lvl, proc, msg):
    el.append((t, f"[{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond // 1000:03d}: {lvl}/{proc}] {msg}"))
for ts in sent_tasks:
    tid = uuid(r)
    tr = ts + dt.timedelta(milliseconds=r.randint(3, 30))
    cl(tr, "INFO", "MainProcess", f"Task accounts.tasks.send_welcome_email[{tid}] received")
    if r.random() < 0.05:
        cl(tr + dt.timedelta(milliseconds=300), "WARNING", f"ForkPoolWorker-{r.randint(1, 4)}", f"Task accounts.tasks.send_welcome_email[{tid}] retry: Retry in 2s: SendGridRateLimited('HTTP Error 429: Too Many Requests')")
        continue
    cl(tr + dt.timedelta(milliseconds=r.randint(300, 700)), "INFO", f"ForkPoolWorker-{r.randint(1, 4)}", f"Task accounts.tasks.send_welcome_email[{tid}] succeeded in {r.uniform(0.3, 0.7):.3f}s: None")
c.write_log("logs/email-worker/email-worker-7c8d9f6b5-rl2vq.log", el)

# ---------------- metrics ----------------
RL_ = {"instance": "rabbitmq-0", "job": "rabbitmq", "service": "rabbitmq", "rabbitmq_cluster": "rabbitmq"}
def free(t):
    if t < ALARM:
        return ramp(t, T0, ALARM, 1.84e9, 0.9983e9)
    return 0.9983e9 - 0.6e6 * (t - ALARM).total_seconds() / 600
c.gauge("rabbitmq_disk_space_available_bytes", RL_, lambda t: free(t) + r.gauss(0, 2e5), step=15, digits=0, help="Disk space available in bytes")
c.gauge("rabbitmq_disk_space_available_limit_bytes", RL_, lambda t: 1e9, step=15, digits=0, help="Free disk space low watermark in bytes")
c.gauge("rabbitmq_alarms_free_disk_space_watermark", RL_, lambda t: 1 if t >= ALARM else 0, step=15,
        help="is 1 if free disk space watermark alarm is in effect")
c.gauge("rabbitmq_alarms_memory_used_watermark", RL_, lambda t: 0, step=15, help="is 1 if VM memory watermark alarm is in effect")
c.gauge("rabbitmq_queue_messages_ready", {**RL_, "vhost": "/", "queue": "analytics.events"},
        lambda t: int(ramp(t, T0, ALARM, 12.61e6, 14.18e6)) if t < ALARM else 14180211, step=15, help="Messages ready to be delivered to consumers")
c.gauge("rabbitmq_queue_consumers", {**RL_, "vhost": "/", "queue": "analytics.events"}, lambda t: 0, step=15, help="Consumers on a queue")
c.gauge("rabbitmq_queue_messages_ready", {**RL_, "vhost": "/", "queue": "celery"}, lambda t: r.randint(0, 3), step=15)
c.gauge("rabbitmq_queue_consumers", {**RL_, "vhost": "/", "queue": "celery"}, lambda t: 4, step=15)
c.counter("rabbitmq_global_messages_received_total", {**RL_, "protocol": "amqp091"}, lambda t: 780.0 if t < ALARM else 0.0, help="Total number of messages received from publishers")
c.counter("rabbitmq_global_messages_delivered_total", {**RL_, "protocol": "amqp091"}, lambda t: 0.3 if t < ALARM else 0.0, help="Total number of messages delivered to consumers")
DL = {"service": "signup-api", "namespace": "accounts", "view": "accounts.views.signup", "method": "POST"}
c.counter("django_http_responses_total_by_status_view_method_total", {**DL, "status": "201"}, lambda t: 0.16 if t < BLOCKS else 0.0,
          help="Count of responses by status, view, method.")
c.histogram("django_http_requests_latency_seconds_by_view_method", DL, lambda t: 0.16 if t < BLOCKS else 0.13,
            lambda t: 0.15 if t < BLOCKS else 30.5, [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0], step=15, sigma=0.3,
            help="Histogram of request processing time labelled by view.")
c.counter("nginx_ingress_controller_requests", {"ingress": "signup-api", "namespace": "accounts", "service": "signup-api", "status": "201"},
          lambda t: 0.16 if t < BLOCKS else 0.0, help="The total number of client requests")
c.counter("nginx_ingress_controller_requests", {"ingress": "signup-api", "namespace": "accounts", "service": "signup-api", "status": "502"},
          lambda t: 0.0 if t < BLOCKS else 0.13)
c.counter("nginx_ingress_controller_requests", {"ingress": "signup-api", "namespace": "accounts", "service": "signup-api", "status": "504"},
          lambda t: 0.0 if t < BLOCKS else 0.035)
c.write_metrics_prom("signup.prom")
c.write_jsonl("events.jsonl", [
    {"time": "2026-05-19T11:00:00Z", "service": "analytics-consumer", "kind": "decommission",
     "summary": "analytics-consumer deployment scaled to 0 (replaced by the Kafka pipeline, ANL-872)", "author": "m.okafor"},
    {"time": "2026-05-27T15:58:12Z", "service": "signup-api", "kind": "config",
     "summary": "signup-api: ALLOWED_HOSTS unchanged; feature flag referral_banner 10% -> 25%", "author": "flagsmith"},
])
c.bundle_yaml()
c.expected("disk_full", "rabbitmq",
           "RabbitMQ's free disk fell below its 1 GB disk_free_limit at 16:18:42 (analytics.events has had no consumer "
           "since 19 May and kept accumulating persistent messages), the disk alarm was raised and all publishers are "
           "blocked. signup-api's send_welcome_email.delay() then hangs in the AMQP socket write, gunicorn kills the "
           "workers after 30 s (WORKER TIMEOUT) and clients get 502/504; email-worker simply stops receiving tasks. The "
           "DisallowedHost, SendGrid 429 and client-closed-connection lines are baseline noise.")
