# r2-case21: invoice-api 5xx; origin: pdf-renderer (Node.js) dies with "JavaScript heap out of memory" (exit 134,
# not a kernel OOMKill) each time a huge invoice is rendered; retries keep crashing it.
import json
from common import *

c = Case(21, "invoice-api",
         "[FIRING:1] InvoiceApiHighErrorRate (service=invoice-api namespace=billing severity=page): 5xx ratio 74% > 5% for 10m on GET /invoices/{id}/pdf",
         ["invoice-api", "pdf-renderer", "billing-db"], "2026-03-18T17:05:00Z")
r = c.rng
T0, END = c.start, c.at
BIG = P("2026-03-18T16:31:02Z")
GB = 1024 ** 3
pods = {"pdf-renderer-6c8d7b9f5-kx2vh": {"ip": "10.60.2.31"}, "pdf-renderer-6c8d7b9f5-qm7tz": {"ip": "10.60.3.18"}}
# big render attempts: each one lands on a pod that is up, grows the heap ~70 s, aborts
attempts = []
t = BIG
k = 0
BACK = [10, 20, 40, 80, 160, 300]
down_until = {p: T0 for p in pods}
crashes = {p: [] for p in pods}
starts = {p: [P("2026-03-16T09:12:00Z")] for p in pods}
while t < END - dt.timedelta(seconds=80):
    up = [p for p in pods if down_until[p] <= t]
    if not up:
        t = min(down_until.values()) + dt.timedelta(seconds=2)
        continue
    p = r.choice(up)
    crash = t + dt.timedelta(seconds=r.uniform(66, 82))
    attempts.append((t, p, crash))
    crashes[p].append(crash)
    n = len(crashes[p])
    restart = crash + dt.timedelta(seconds=BACK[min(n - 1, len(BACK) - 1)] + r.uniform(0.5, 1.5))
    starts[p].append(restart)
    down_until[p] = restart + dt.timedelta(seconds=3)
    k += 1
    t = crash + dt.timedelta(seconds=r.uniform(55, 75))   # user / invoice-api retries the download
def running(p, t):
    for cr, st in zip(crashes[p], starts[p][1:]):
        if cr <= t < st:
            return False
    return True
def heap(p, t):
    if not running(p, t):
        return None
    for (a, q, cr) in attempts:
        if q == p and a <= t < cr:
            return ramp(t, a, cr, 180e6, 2.14e9)
    return r.uniform(150e6, 230e6)

# ---------------- pdf-renderer logs ----------------
def pino(t, p, level, msg, **kw):
    o = {"level": level, "time": ms(t), "pid": 1, "hostname": p}
    o.update(kw)
    o["msg"] = msg
    return (t, json.dumps(o, separators=(",", ":")))
def oom_block(p, a, cr):
    el = int((cr - a).total_seconds() * 1000) + r.randint(3000, 9000)
    iso_ = f"1:0x{r.randint(0x5000000, 0x7ffffff):x}"
    return (cr, f"""
<--- Last few GCs --->

[{iso_}] {el - 2210:>8} ms: Mark-Compact 2041.{r.randint(1, 9)} (2083.4) -> 2039.{r.randint(1, 9)} (2084.1) MB, {r.uniform(1700, 1900):.2f} / 0.00 ms  (average mu = 0.121, current mu = 0.018) allocation failure; scavenge might not succeed
[{iso_}] {el:>8} ms: Mark-Compact 2043.{r.randint(1, 9)} (2084.1) -> 2041.{r.randint(1, 9)} (2086.4) MB, {r.uniform(1850, 2050):.2f} / 0.00 ms  (average mu = 0.071, current mu = 0.014) allocation failure; scavenge might not succeed


<--- JS stacktrace --->

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0xb8ced1 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]
 2: 0xf06460 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]
 3: 0xf06747 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]
 4: 0x11180e5  [node]
 5: 0x112ff68 v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags) [node]
 6: 0x1106081 v8::internal::HeapAllocator::AllocateRawWithLightRetrySlowPath(int, v8::internal::AllocationType, v8::internal::AllocationOrigin, v8::internal::AllocationAlignment) [node]
 7: 0x1107215 v8::internal::HeapAllocator::AllocateRawWithRetryOrFailSlowPath(int, v8::internal::AllocationType, v8::internal::AllocationOrigin, v8::internal::AllocationAlignment) [node]
 8: 0x10e4866 v8::internal::Factory::NewFillerObject(int, v8::internal::AllocationAlignment, v8::internal::AllocationType, v8::internal::AllocationOrigin) [node]
 9: 0x1540596 v8::internal::Runtime_AllocateInYoungGeneration(int, unsigned long*, v8::internal::Isolate*) [node]
10: 0x7f3b8fed9ef6""")
def run_log(p, s, e):
    L = [pino(s + dt.timedelta(milliseconds=400), p, 30, "pdf-renderer 2.7.1 listening", port=3000, maxOldSpaceSizeMb=2048, node="v20.18.1")]
    for tq in poisson_times(r, s + dt.timedelta(seconds=2), e, lambda x: 0.12):
        pages = r.randint(1, 6)
        d = r.randint(180, 900)
        L.append(pino(tq + dt.timedelta(milliseconds=d), p, 30, "rendered", invoice=f"INV-2026-03-{r.randint(1000, 9999):06d}", pages=pages, lines=r.randint(3, 120), durationMs=d))
    for (a, q, cr) in attempts:
        if q == p and s <= a < e:
            L.append(pino(a + dt.timedelta(milliseconds=12), p, 30, "render started", invoice="INV-2026-03-004411", lines=58214, template="invoice-detailed-v3"))
            L.append(pino(a + dt.timedelta(seconds=25), p, 40, "event loop lag high", lagMs=r.randint(900, 1600)))
            L.append(pino(a + dt.timedelta(seconds=48), p, 40, "event loop lag high", lagMs=r.randint(2500, 4200)))
            if cr <= e:
                L.append(oom_block(p, a, cr))
    return L
for p in pods:
    ss = starts[p]
    cr = crashes[p]
    cur_s = ss[-1]
    if running(p, END):
        cur = run_log(p, cur_s, END)
        prev = run_log(p, ss[-2], cr[-1]) if cr else []
    else:
        cur = run_log(p, ss[-2], cr[-1])
        prev = run_log(p, ss[-3], cr[-2]) if len(cr) >= 2 else []
    c.write_log(f"logs/pdf-renderer/{p}.log", cur)
    if prev:
        c.write_log(f"logs/pdf-renderer/{p}.previous.log", prev)

# ---------------- invoice-api ----------------
IL = []
def py(t, lvl, name, msg):
    IL.append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond // 1000:03d} {lvl} [{name}] {msg}"))
def acc(t, st, path, d):
    IL.append((t, f'10.60.0.{r.randint(5, 40)} - - [{t.strftime("%d/%b/%Y:%H:%M:%S")} +0000] "GET {path} HTTP/1.1" {st} {r.randint(150, 90000) if st == 200 else 91} "-" "Mozilla/5.0" {d}'))
for (a, p, cr) in attempts:
    py(a, "INFO", "invoice_api.pdf", "rendering INV-2026-03-004411 (customer=acme-logistics, lines=58214) via pdf-renderer")
    py(cr + dt.timedelta(milliseconds=5), "ERROR", "invoice_api.pdf", "render failed for INV-2026-03-004411: ('Connection aborted.', RemoteDisconnected('Remote end closed connection without response'))")
    acc(cr + dt.timedelta(milliseconds=8), 502, "/invoices/INV-2026-03-004411/pdf", int((cr - a).total_seconds() * 1e6))
for tq in poisson_times(r, T0, END, lambda x: 0.3):
    inv = f"INV-2026-03-{r.randint(1000, 9999):06d}"
    ups = [p for p in pods if running(p, tq)]
    busy_big = [p for (a, p, cr) in attempts if a <= tq < cr]
    if not ups:
        py(tq, "ERROR", "invoice_api.pdf", f"render failed for {inv}: HTTPConnectionPool(host='pdf-renderer.billing.svc', port=3000): Max retries exceeded with url: /render (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a{hexid(r, 8)}>: Failed to establish a new connection: [Errno 111] Connection refused'))")
        acc(tq + dt.timedelta(milliseconds=4), 502, f"/invoices/{inv}/pdf", r.randint(3000, 9000))
        continue
    p = r.choice(ups)
    if p in busy_big and r.random() < 0.85:
        # the event loop is blocked by the giant render: requests on that pod time out or die with it
        py(tq + dt.timedelta(seconds=30), "ERROR", "invoice_api.pdf", f"render failed for {inv}: HTTPConnectionPool(host='pdf-renderer.billing.svc', port=3000): Read timed out. (read timeout=30)")
        acc(tq + dt.timedelta(seconds=30, milliseconds=3), 504, f"/invoices/{inv}/pdf", 30004000)
        continue
    d = r.randint(250, 1100)
    acc(tq + dt.timedelta(milliseconds=d), 200, f"/invoices/{inv}/pdf", d * 1000)
for tq in poisson_times(r, T0, END, lambda x: 0.25):
    acc(tq, 200, f"/invoices?customer=c_{r.randint(1000, 9999)}&page=1", r.randint(8000, 40000))
t = T0 + dt.timedelta(seconds=r.randint(10, 200))
while t < END:
    py(t, "WARNING", "py.warnings", "/usr/local/lib/python3.11/site-packages/weasyprint/__init__.py:49: UserWarning: WeasyPrint could not import some external libraries. Please carefully follow the installation steps before reporting an issue")
    t += dt.timedelta(seconds=r.randint(900, 1500))
c.write_log("logs/invoice-api/invoice-api-7d5f8c9b6-hx3pm.log", IL)

# ---------------- kubectl ----------------
rows = []
for p, d in pods.items():
    run = running(p, END)
    n = len([x for x in crashes[p] if x <= END])
    last = max(crashes[p]) if crashes[p] else None
    rows.append([p, "1/1" if run else "0/1", "Running" if run else "CrashLoopBackOff", f"{n} ({kube_age(END - last)} ago)" if n else "0", "2d7h", d["ip"], "ip-10-60-1-9.eu-west-3.compute.internal" if p.endswith("vh") else "ip-10-60-2-44.eu-west-3.compute.internal", "<none>", "<none>"])
rows.append(["invoice-api-7d5f8c9b6-hx3pm", "1/1", "Running", "0", "5d", "10.60.2.77", "ip-10-60-2-44.eu-west-3.compute.internal", "<none>", "<none>"])
c.write("k8s/get-pods-billing.txt", "$ kubectl get pods -n billing -o wide\n" + table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
pA = max(pods, key=lambda p: len(crashes[p]))
lastA = crashes[pA][-1]
prevstart = starts[pA][-2]
runA = running(pA, END)
stateA = f"    State:          Running\n      Started:      {starts[pA][-1].strftime('%a, %d %b %Y %H:%M:%S +0000')}" if runA else "    State:          Waiting\n      Reason:       CrashLoopBackOff"
c.write(f"k8s/describe-pod-{pA}.txt", f"""$ kubectl describe pod {pA} -n billing
Name:             {pA}
Namespace:        billing
Status:           Running
IP:               {pods[pA]['ip']}
Controlled By:    ReplicaSet/pdf-renderer-6c8d7b9f5
Containers:
  pdf-renderer:
    Image:          registry.example.fr/billing/pdf-renderer:2.7.1
    Port:           3000/TCP
    Command:
      node
      --max-old-space-size=2048
      dist/server.js
{stateA}
    Last State:     Terminated
      Reason:       Error
      Exit Code:    134
      Started:      {prevstart.strftime('%a, %d %b %Y %H:%M:%S +0000')}
      Finished:     {lastA.strftime('%a, %d %b %Y %H:%M:%S +0000')}
    Ready:          {'True' if runA else 'False'}
    Restart Count:  {len(crashes[pA])}
    Limits:
      cpu:     2
      memory:  3Gi
    Requests:
      cpu:      500m
      memory:   1Gi
    Liveness:   http-get http://:3000/healthz delay=10s timeout=3s period=10s #success=1 #failure=6
    Readiness:  http-get http://:3000/readyz delay=2s timeout=3s period=5s #success=1 #failure=3
Events:
  Type     Reason     Age                 From     Message
  ----     ------     ----                ----     -------
  Warning  Unhealthy  {kube_age(END - lastA + dt.timedelta(seconds=20))} (x{len(crashes[pA]) * 7} over {kube_age(END - crashes[pA][0] + dt.timedelta(seconds=50))})  kubelet  Readiness probe failed: Get "http://{pods[pA]['ip']}:3000/readyz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)
  Normal   Pulled     {kube_age(END - starts[pA][-1]) if starts[pA][-1] <= END else '5s'} (x{len(crashes[pA]) + 1} over 2d7h)  kubelet  Container image "registry.example.fr/billing/pdf-renderer:2.7.1" already present on machine
  Warning  BackOff    {kube_age(END - lastA - dt.timedelta(seconds=2))} (x{len(crashes[pA]) * 2} over {kube_age(END - crashes[pA][0])})  kubelet  Back-off restarting failed container pdf-renderer in pod {pA}_billing({uuid(r)})
""")

# ---------------- metrics ----------------
for p in pods:
    L = {"namespace": "billing", "pod": p, "container": "pdf-renderer", "service": "pdf-renderer"}
    c.gauge("nodejs_heap_size_used_bytes", L, lambda t, p=p: heap(p, t), step=15, digits=0)
    c.gauge("nodejs_heap_size_total_bytes", L, lambda t, p=p: None if heap(p, t) is None else heap(p, t) * 1.03 + 20e6, step=15, digits=0)
    c.gauge("container_memory_working_set_bytes", L, lambda t, p=p: None if heap(p, t) is None else heap(p, t) * 1.08 + 140e6, step=15, digits=0)
    c.gauge("kube_pod_container_resource_limits", {**L, "resource": "memory", "unit": "byte"}, lambda t: 3 * GB, step=60, digits=0)
    c.gauge("kube_pod_container_status_restarts_total", L, lambda t, p=p: len([x for x in crashes[p] if x + dt.timedelta(seconds=2) <= t]), step=30)
    c.gauge("kube_pod_container_status_last_terminated_exitcode", L, lambda t, p=p: 134 if any(x <= t for x in crashes[p]) else None, step=30)
    c.gauge("kube_pod_container_status_last_terminated_reason", {**L, "reason": "Error"}, lambda t, p=p: 1 if any(x <= t for x in crashes[p]) else None, step=30)
c.counter("http_requests_total", {"service": "invoice-api", "namespace": "billing", "route": "/invoices/{id}/pdf", "code": "200"},
          lambda t: 0.3 if t < BIG else 0.08)
c.counter("http_requests_total", {"service": "invoice-api", "namespace": "billing", "route": "/invoices/{id}/pdf", "code": "502"},
          lambda t: 0.0 if t < BIG else 0.07)
c.counter("http_requests_total", {"service": "invoice-api", "namespace": "billing", "route": "/invoices/{id}/pdf", "code": "504"},
          lambda t: 0.0 if t < BIG else 0.15)
c.counter("http_requests_total", {"service": "invoice-api", "namespace": "billing", "route": "/invoices", "code": "200"}, lambda t: 0.25)
c.gauge("pg_up", {"service": "billing-db", "job": "postgres-exporter"}, lambda t: 1, step=60)
c.write_metrics_csv()
c.bundle_yaml()
c.expected("out_of_memory", "pdf-renderer",
           "Since 16:31 every attempt to render invoice INV-2026-03-004411 (58,214 lines) grows pdf-renderer's V8 heap to "
           "its 2 GB --max-old-space-size and Node aborts with 'FATAL ERROR: Reached heap limit Allocation failed - "
           "JavaScript heap out of memory' (exit code 134, so Kubernetes shows Error rather than OOMKilled; the container "
           "is well under its 3Gi limit). The retried download crashes the pods again and again into CrashLoopBackOff, "
           "and invoice-api returns 502/504 for all PDFs meanwhile. The WeasyPrint import warning is baseline noise.")
print("attempts", len(attempts), {p: len(v) for p, v in crashes.items()})
