# r2-case03: storefront (ingress-nginx) 502s; origin: catalog-svc pods OOMKilled repeatedly (memory growth).
from common import *

c = Case(3, "storefront",
         "[FIRING:1] IngressHigh5xxRate (ingress=storefront host=shop.example.com namespace=shop severity=critical): 5xx responses 9.4% of requests > 2% for 5m",
         ["storefront", "catalog-svc", "cart-svc"], "2026-09-22T19:05:00Z")
r = c.rng
T0, END = c.start, c.at
GROW = P("2026-09-22T18:14:00Z")
MI = 1024 * 1024
LIMIT = 1024 * MI
pods = {
    "catalog-svc-8d6f5c7b9-4hj2k": {"ip": "10.42.3.21", "node": "ip-10-30-2-117.eu-central-1.compute.internal",
                                    "ooms": ["18:31:12", "18:44:50", "18:55:03", "19:04:31"], "backoff": [10, 20, 40, 80]},
    "catalog-svc-8d6f5c7b9-9xq7m": {"ip": "10.42.1.64", "node": "ip-10-30-1-52.eu-central-1.compute.internal",
                                    "ooms": ["18:36:40", "18:49:22", "19:00:41"], "backoff": [10, 20, 40]},
    "catalog-svc-8d6f5c7b9-tzp5w": {"ip": "10.42.2.9", "node": "ip-10-30-3-201.eu-central-1.compute.internal",
                                    "ooms": ["18:40:05", "18:52:30", "19:02:10"], "backoff": [10, 20, 40]},
}
for p, d in pods.items():
    d["ooms"] = [P("2026-09-22T" + x + "Z") for x in d["ooms"]]
    d["starts"] = [o + dt.timedelta(seconds=b) for o, b in zip(d["ooms"], d["backoff"])]
    d["base"] = r.uniform(575, 612) * MI

def running(d, t):
    """(is_running, container start time)"""
    start = None
    for o, s in zip(d["ooms"], d["starts"]):
        if t < o:
            return True, start
        if o <= t < s:
            return False, None
        start = s
    return True, start

def mem(d):
    def f(t):
        run, st = running(d, t)
        if not run:
            return None
        if st is None:
            if t < GROW:
                return d["base"] + r.gauss(0, 6 * MI)
            o = d["ooms"][0]
            return ramp(t, GROW, o, d["base"], LIMIT * 0.995) + r.gauss(0, 4 * MI)
        nxt = [o for o in d["ooms"] if o > t]
        o = nxt[0] if nxt else st + dt.timedelta(minutes=12)
        return ramp(t, st, o, 352 * MI, LIMIT * 0.995) + r.gauss(0, 4 * MI)
    return f

for p, d in pods.items():
    L = {"namespace": "shop", "pod": p, "container": "catalog-svc", "service": "catalog-svc"}
    c.gauge("container_memory_working_set_bytes", L, mem(d), step=15, digits=0)
    c.gauge("kube_pod_container_resource_limits", {**L, "resource": "memory", "unit": "byte"}, lambda t: LIMIT, step=60)
    c.gauge("kube_pod_container_status_restarts_total", L, lambda t, d=d: sum(1 for o in d["ooms"] if o + dt.timedelta(seconds=5) <= t), step=30)
    c.gauge("kube_pod_container_status_last_terminated_reason", {**L, "reason": "OOMKilled"},
            lambda t, d=d: 1 if d["ooms"][0] <= t else None, step=30)
    c.counter("container_cpu_usage_seconds_total", L, lambda t, d=d: (0.42 + r.uniform(-0.05, 0.05)) if running(d, t)[0] else None, integer=False)
# ingress traffic and errors
def err_rate(t):
    e = 0.0
    for d in pods.values():
        for o, s in zip(d["ooms"], d["starts"]):
            if o - dt.timedelta(seconds=80) <= t < o:
                e += 4.4
            elif o <= t < o + dt.timedelta(seconds=8):
                e += 7.0
    return e
IL = {"ingress": "storefront", "namespace": "shop", "service": "catalog-svc", "controller_class": "k8s.io/ingress-nginx",
      "controller_namespace": "ingress-nginx", "controller_pod": "ingress-nginx-controller-7b9d6cf6c9-qk8sv", "method": "GET", "path": "/api/catalog"}
c.counter("nginx_ingress_controller_requests", {**IL, "status": "200"}, lambda t: 23.0 - min(err_rate(t), 10), step=15)
c.counter("nginx_ingress_controller_requests", {**IL, "status": "502"}, lambda t: err_rate(t) * 0.25 if err_rate(t) else 0.003, step=15)
c.counter("nginx_ingress_controller_requests", {**IL, "status": "504"}, lambda t: err_rate(t) * 0.75, step=15)
c.counter("nginx_ingress_controller_requests", {**IL, "service": "cart-svc", "path": "/api/cart", "status": "200"}, lambda t: 6.2, step=15)
c.counter("nginx_ingress_controller_requests", {**IL, "service": "cart-svc", "path": "/api/cart", "status": "500"}, lambda t: 0.004, step=15)
c.write_metrics_csv()

# ---------------- ingress-nginx logs (grep shop-catalog-svc-8000 | shop-cart-svc-8080) ----------------
ing = []
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
       "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36"]
CATS = ["shoes", "jackets", "knitwear", "accessories", "trousers", "dresses"]
def tl(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S +0000")
def el(t):
    return t.strftime("%Y/%m/%d %H:%M:%S")
conn = 8812000
for t in poisson_times(r, T0, END, lambda t: 0.62):
    conn += r.randint(1, 40)
    client = f"10.0.{r.randint(10, 14)}.{r.randint(2, 250)}"
    if r.random() < 0.22:
        path = "/api/cart"
        ups = f"10.42.{r.randint(1,3)}.{r.randint(30,99)}:8080"
        st, rtm = 200, r.uniform(0.006, 0.03)
        ing.append((t, f'{client} - - [{tl(t)}] "GET {path} HTTP/2.0" {st} {r.randint(400, 2400)} "https://shop.example.com/" "{r.choice(UAS)}" {r.randint(40, 90)} {rtm:.3f} [shop-cart-svc-8080] [] {ups} {r.randint(400, 2400)} {rtm:.3f} {st} {hexid(r, 32)}'))
        continue
    cat = r.choice(CATS)
    path = f"/api/catalog/products?category={cat}&page={r.randint(1, 6)}" if r.random() < 0.7 else f"/api/catalog/products/SKU-{r.randint(100000, 299999)}"
    # pick a pod the Endpoints still list (not yet ready pods are excluded; a just-killed pod lingers ~8s)
    cands = []
    for p, d in pods.items():
        run, st = running(d, t)
        just_killed = any(o <= t < o + dt.timedelta(seconds=8) for o in d["ooms"])
        warming = run and st is not None and t - st < dt.timedelta(seconds=25)
        if (run and not warming) or just_killed:
            cands.append((p, d))
    rid = hexid(r, 32)
    ref = f"https://shop.example.com/c/{cat}"
    if not cands:
        ing.append((t, f'{client} - - [{tl(t)}] "GET {path} HTTP/2.0" 503 190 "{ref}" "{r.choice(UAS)}" {r.randint(40, 90)} 0.000 [shop-catalog-svc-8000] [] - - - - {rid}'))
        continue
    p, d = r.choice(cands)
    up = f"{d['ip']}:8000"
    ua = r.choice(UAS)
    if any(o <= t < o + dt.timedelta(seconds=8) for o in d["ooms"]):
        ing.append((t, f'{client} - - [{tl(t)}] "GET {path} HTTP/2.0" 502 150 "{ref}" "{ua}" {r.randint(40, 90)} 0.001 [shop-catalog-svc-8000] [] {up} 0 0.001 502 {rid}'))
        ing.append((t, f'{el(t)} [error] 31#31: *{conn} connect() failed (111: Connection refused) while connecting to upstream, client: {client}, server: shop.example.com, request: "GET {path} HTTP/2.0", upstream: "http://{up}{path}", host: "shop.example.com", referrer: "{ref}"'))
        continue
    nxt = [o for o in d["ooms"] if o > t]
    if nxt and nxt[0] - t < dt.timedelta(seconds=4):
        rtm = (nxt[0] - t).total_seconds() + r.uniform(0, 0.01)
        te = nxt[0]
        ing.append((te, f'{client} - - [{tl(te)}] "GET {path} HTTP/2.0" 502 150 "{ref}" "{ua}" {r.randint(40, 90)} {rtm:.3f} [shop-catalog-svc-8000] [] {up} 0 {rtm:.3f} 502 {rid}'))
        ing.append((te, f'{el(te)} [error] 31#31: *{conn} upstream prematurely closed connection while reading response header from upstream, client: {client}, server: shop.example.com, request: "GET {path} HTTP/2.0", upstream: "http://{up}{path}", host: "shop.example.com", referrer: "{ref}"'))
        continue
    if nxt and nxt[0] - t < dt.timedelta(seconds=80):
        # reclaim/thrash close to the cgroup limit: very slow responses, proxy_read_timeout 10s
        if r.random() < 0.6:
            te = t + dt.timedelta(seconds=10)
            ing.append((te, f'{client} - - [{tl(te)}] "GET {path} HTTP/2.0" 504 160 "{ref}" "{ua}" {r.randint(40, 90)} 10.001 [shop-catalog-svc-8000] [] {up} 0 10.001 504 {rid}'))
            ing.append((te, f'{el(te)} [error] 31#31: *{conn} upstream timed out (110: Connection timed out) while reading response header from upstream, client: {client}, server: shop.example.com, request: "GET {path} HTTP/2.0", upstream: "http://{up}{path}", host: "shop.example.com", referrer: "{ref}"'))
        else:
            rtm = r.uniform(2.0, 9.5)
            size = r.randint(9000, 42000)
            ing.append((t, f'{client} - - [{tl(t)}] "GET {path} HTTP/2.0" 200 {size} "{ref}" "{ua}" {r.randint(40, 90)} {rtm:.3f} [shop-catalog-svc-8000] [] {up} {size} {rtm:.3f} 200 {rid}'))
        continue
    run, st = running(d, t)
    rtm = r.uniform(0.02, 0.12) if (st is None and t < GROW) else r.uniform(0.03, 0.4)
    size = r.randint(9000, 42000)
    ing.append((t, f'{client} - - [{tl(t)}] "GET {path} HTTP/2.0" 200 {size} "{ref}" "{ua}" {r.randint(40, 90)} {rtm:.3f} [shop-catalog-svc-8000] [] {up} {size} {rtm:.3f} 200 {rid}'))
# baseline harmless warnings
t = T0 + dt.timedelta(seconds=40)
while t < END:
    conn += 3
    ing.append((t, f'{el(t)} [warn] 31#31: *{conn} a client request body is buffered to a temporary file /tmp/nginx/client-body/00000{r.randint(10000,99999)}, client: 10.0.{r.randint(10,14)}.{r.randint(2,250)}, server: shop.example.com, request: "POST /api/reviews HTTP/2.0", host: "shop.example.com"'))
    t += dt.timedelta(seconds=r.randint(200, 500))
c.write_log("logs/storefront/ingress-nginx-controller-7b9d6cf6c9-qk8sv.log", ing)

# ---------------- catalog-svc logs (current + previous) ----------------
def glog(t, pid, lvl, msg):
    return (t, f"[{t.strftime('%Y-%m-%d %H:%M:%S')} +0000] [{pid}] [{lvl}] {msg}")
def applog(t, lvl, name, msg):
    t = t + dt.timedelta(microseconds=r.randint(0, 999999))
    return (t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond//1000:03d} {lvl} {name} {msg}")
def boot(t):
    out = [glog(t, 1, "INFO", "Starting gunicorn 23.0.0"),
           glog(t, 1, "INFO", "Listening at: http://0.0.0.0:8000 (1)"),
           glog(t, 1, "INFO", "Using worker: gthread")]
    for i, pid in enumerate([7, 8, 9, 10]):
        out.append(glog(t + dt.timedelta(milliseconds=30 + 10 * i), pid, "INFO", f"Booting worker with pid: {pid}"))
    out.append(applog(t + dt.timedelta(seconds=6.2), "INFO", "catalog.apps", "catalog-svc 2.19.3 ready (django 5.1.1, python 3.12.6), DB pool warm, 4 workers x 8 threads"))
    return out
def run_logs(t0, t1, entries_so_far, d, start):
    out = []
    t = t0 + dt.timedelta(seconds=r.randint(5, 40))
    n = 0
    while t < t1:
        if t < GROW and start is None:
            size = r.randint(21000, 23500)
        else:
            base = 21800 if start is None else 2000
            frac = (t - (GROW if start is None else start)).total_seconds()
            size = int(base + frac * (42 if start is None else 95))
        out.append(applog(t, "INFO", "catalog.cache", f"category tree cache: {size} entries, {size * 37 // 1000} facets, hit ratio {r.uniform(0.71, 0.8):.2f}"))
        t += dt.timedelta(seconds=60)
    for tq in poisson_times(r, t0 + dt.timedelta(seconds=8), t1, lambda x: 0.07):
        cat = r.choice(CATS)
        out.append(applog(tq, "INFO", "catalog.search", f"facet query category={cat} filters={r.randint(0, 4)} hits={r.randint(40, 3200)} took {r.randint(12, 95)}ms"))
    t = t0 + dt.timedelta(seconds=r.randint(20, 200))
    while t < t1:
        out.append(applog(t, "WARNING", "django.request", f"Not Found: /api/catalog/products/SKU-{r.randint(900000, 999999)}"))
        t += dt.timedelta(seconds=r.randint(60, 240))
    return out
for p, d in pods.items():
    # current container
    run, st = running(d, END)
    last_start = d["starts"][-1]
    if not run:
        # in back-off: current = last terminated container's logs is what `kubectl logs` shows; previous = the one before
        cur_s, cur_e = d["starts"][-2], d["ooms"][-1]
        prev_s, prev_e = d["starts"][-3], d["ooms"][-2]
    else:
        cur_s, cur_e = last_start, END
        prev_s, prev_e = d["starts"][-2], d["ooms"][-1]
    cur = boot(cur_s) + run_logs(cur_s, cur_e, 0, d, cur_s)
    prev = boot(prev_s) + run_logs(prev_s, prev_e, 0, d, prev_s)
    c.write_log(f"logs/catalog-svc/{p}.log", cur)
    c.write_log(f"logs/catalog-svc/{p}.previous.log", prev)

# ---------------- k8s ----------------
def age(t):
    return kube_age(END - t)
POD_START = P("2026-09-21T09:12:40Z")
rows = []
for p, d in pods.items():
    run, st = running(d, END)
    n = sum(1 for o in d["ooms"] if o <= END)
    status = "Running" if run else "CrashLoopBackOff"
    ready = "1/1" if run and END - st > dt.timedelta(seconds=30) else "0/1"
    rows.append([p, ready, status, f"{n} ({age(d['ooms'][-1])} ago)", age(POD_START), d["ip"], d["node"], "<none>", "<none>"])
rows.append(["cart-svc-6c9b8d7f5-lx2mt", "1/1", "Running", "0", "6d", "10.42.1.77", "ip-10-30-1-52.eu-central-1.compute.internal", "<none>", "<none>"])
rows.append(["cart-svc-6c9b8d7f5-r8d4w", "1/1", "Running", "0", "6d", "10.42.2.40", "ip-10-30-3-201.eu-central-1.compute.internal", "<none>", "<none>"])
c.write("k8s/get-pods-shop.txt", "$ kubectl get pods -n shop -o wide\n" +
        table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
pA = "catalog-svc-8d6f5c7b9-4hj2k"
UIDA = "3f0c2a91-7d4e-4b1a-9c55-2e8d61f0ab47"
dA = pods[pA]
desc = f"""$ kubectl describe pod -n shop {pA}
Name:             {pA}
Namespace:        shop
Priority:         0
Service Account:  catalog-svc
Node:             {dA['node']}/10.30.2.117
Start Time:       {POD_START.strftime('%a, %d %b %Y %H:%M:%S +0000')}
Labels:           app.kubernetes.io/name=catalog-svc
                  app.kubernetes.io/version=2.19.3
                  pod-template-hash=8d6f5c7b9
Annotations:      prometheus.io/port: 8000
                  prometheus.io/scrape: true
Status:           Running
IP:               {dA['ip']}
IPs:
  IP:           {dA['ip']}
Controlled By:  ReplicaSet/catalog-svc-8d6f5c7b9
Containers:
  catalog-svc:
    Container ID:   containerd://{hexid(r, 64)}
    Image:          registry.example.com/shop/catalog-svc:2.19.3
    Image ID:       registry.example.com/shop/catalog-svc@sha256:{hexid(r, 64)}
    Port:           8000/TCP
    Host Port:      0/TCP
    Command:
      gunicorn
      catalog.wsgi:application
      --config=/app/gunicorn.conf.py
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      {dA['starts'][-2].strftime('%a, %d %b %Y %H:%M:%S +0000')}
      Finished:     {dA['ooms'][-1].strftime('%a, %d %b %Y %H:%M:%S +0000')}
    Ready:          False
    Restart Count:  4
    Limits:
      cpu:     1
      memory:  1Gi
    Requests:
      cpu:      500m
      memory:   768Mi
    Liveness:   http-get http://:8000/healthz delay=20s timeout=2s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8000/readyz delay=5s timeout=2s period=5s #success=1 #failure=2
    Environment:
      DJANGO_SETTINGS_MODULE:  catalog.settings.production
      GUNICORN_WORKERS:        4
      GUNICORN_THREADS:        8
      DATABASE_URL:            <set to the key 'url' in secret 'catalog-db'>  Optional: false
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7zq2m (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True
  Initialized                 True
  Ready                       False
  ContainersReady             False
  PodScheduled                True
Volumes:
  kube-api-access-7zq2m:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                  From     Message
  ----     ------     ----                 ----     -------
  Normal   Pulled     {age(dA['starts'][-2])} (x4 over {age(dA['starts'][0])})  kubelet  Container image "registry.example.com/shop/catalog-svc:2.19.3" already present on machine
  Normal   Created    {age(dA['starts'][-2])} (x5 over 33h)  kubelet  Created container: catalog-svc
  Normal   Started    {age(dA['starts'][-2])} (x5 over 33h)  kubelet  Started container catalog-svc
  Warning  Unhealthy  {age(dA['starts'][-2] + dt.timedelta(seconds=5))} (x7 over {age(dA['starts'][0])})  kubelet  Readiness probe failed: Get "http://{dA['ip']}:8000/readyz": dial tcp {dA['ip']}:8000: connect: connection refused
  Warning  BackOff    4s (x6 over {age(dA['ooms'][2])})     kubelet  Back-off restarting failed container catalog-svc in pod {pA}_shop({UIDA})
"""
c.write("k8s/describe-pod-catalog-svc-4hj2k.txt", desc)
ev = []
for p, d in pods.items():
    d["uid"] = UIDA if p == pA else uuid(r)
for p, d in pods.items():
    for o, s in zip(d["ooms"], d["starts"]):
        ev.append((o, "Warning", "OOMKilling", f"node/{d['node']}",
                   f"Memory cgroup out of memory: Killed process {r.randint(2000, 60000)} (gunicorn) total-vm:{r.randint(1400000, 1500000)}kB, anon-rss:{r.randint(1030000, 1046000)}kB, file-rss:{r.randint(9000, 14000)}kB, shmem-rss:0kB, UID:1000 pgtables:{r.randint(2200, 2500)}kB oom_score_adj:{r.choice([985, 992])}"))
        if s <= END:
            ev.append((s, "Normal", "Pulled", f"pod/{p}", 'Container image "registry.example.com/shop/catalog-svc:2.19.3" already present on machine'))
            ev.append((s, "Normal", "Started", f"pod/{p}", "Started container catalog-svc"))
            ev.append((s + dt.timedelta(seconds=4), "Warning", "Unhealthy", f"pod/{p}",
                       f'Readiness probe failed: Get "http://{d["ip"]}:8000/readyz": dial tcp {d["ip"]}:8000: connect: connection refused'))
        if s - o >= dt.timedelta(seconds=20):
            ev.append((o + dt.timedelta(seconds=2), "Warning", "BackOff", f"pod/{p}", f"Back-off restarting failed container catalog-svc in pod {p}_shop({d['uid']})"))
c.write("k8s/get-events-shop.txt", events_table(ev, END, "$ kubectl get events -n shop --sort-by=.lastTimestamp"))

c.write_jsonl("events.jsonl", [
    {"time": "2026-09-22T18:09:52Z", "service": "catalog-svc", "kind": "data-import",
     "summary": "PIM sync: autumn collection published, 182,400 new SKUs / 1,950 new categories", "author": "pim-sync"},
    {"time": "2026-09-22T16:40:05Z", "service": "cart-svc", "kind": "config",
     "summary": "cart-svc: feature flag free_shipping_banner enabled", "author": "j.meyer"},
])
c.bundle_yaml()
c.expected("out_of_memory", "catalog-svc",
           "All three catalog-svc pods' working set climbs from ~600Mi to the 1Gi limit after 18:14 and they are OOMKilled "
           "(exit 137, kernel 'Memory cgroup out of memory ... (gunicorn)') in turn, restarting and now in CrashLoopBackOff; "
           "each kill produces 'upstream prematurely closed connection' / 'connect() failed (111)' 502s at the storefront "
           "ingress. The category cache keeps growing after the large catalog import, so the memory problem is inside "
           "catalog-svc; cart-svc is healthy and the nginx buffering warnings are baseline.")
