# r2-case14: web-bff 5xx; origin: cart-svc v2.14.0 rollout panics (nil pointer in promo applier) -> crash loop.
# Logs have NO timestamps; timing comes from metrics, kubectl and the change event.
from common import *

c = Case(14, "web-bff",
         "[FIRING:1] WebBffHighErrorRate (service=web-bff namespace=web severity=page): 5xx ratio 29.6% > 3% for 5m",
         ["web-bff", "cart-svc", "promo-svc"], "2026-08-05T15:10:00Z")
r = c.rng
T0, END = c.start, c.at
DEPLOY = P("2026-08-05T14:41:31Z")
pods = {"cart-svc-6d4f8b7c9-8wq2n": {"ip": "10.1.4.23", "node": "gke-prod-default-pool-3f1a2b7c-k2m9"},
        "cart-svc-6d4f8b7c9-fj5tx": {"ip": "10.1.7.41", "node": "gke-prod-default-pool-3f1a2b7c-q8zd"},
        "cart-svc-6d4f8b7c9-rz9lp": {"ip": "10.1.2.66", "node": "gke-prod-default-pool-3f1a2b7c-x4vn"}}
first = [DEPLOY + dt.timedelta(seconds=s) for s in (6, 44, 83)]
BACK = [0, 10, 20, 40, 80, 160, 300, 300, 300]
for (p, d), st in zip(pods.items(), first):
    # runs: start -> crash after some minutes of traffic; then back-off
    runs = []
    s = st
    k = 0
    while s < END:
        life = dt.timedelta(seconds=r.uniform(60, 200) if s > DEPLOY + dt.timedelta(minutes=2) else r.uniform(110, 170))
        crash = s + life
        runs.append((s, crash))
        k += 1
        s = crash + dt.timedelta(seconds=BACK[min(k, len(BACK) - 1)] + r.uniform(0.5, 2))
    d["runs"] = runs
def up(d, t):
    return any(s + dt.timedelta(seconds=4) <= t < e for s, e in d["runs"])
def n_up(t):
    if t < DEPLOY:
        return 3
    return sum(1 for d in pods.values() if up(d, t)) + (max(0, 3 - int((t - DEPLOY).total_seconds() // 40)) if t < DEPLOY + dt.timedelta(seconds=120) else 0)

# ---------------- cart-svc logs (no timestamps, logfmt) ----------------
def run_lines(d, s, e, crashed):
    L = ['level=info msg="starting cart-svc" version=v2.14.0 commit=9c41e7d go=go1.22.5',
         'level=info msg="connected to redis" addr=cart-redis.web.svc:6379 db=0',
         'level=info msg="promo client ready" target=promo-svc.web.svc:9090',
         'level=info msg="http server listening" addr=:8080']
    n = int((e - s).total_seconds() * 0.9)
    for i in range(n):
        path = r.choice(["/v1/carts/{id}", "/v1/carts/{id}", "/v1/carts/{id}/items", "/v1/carts/{id}/checkout-preview"])
        L.append(f'level=info msg=request method={"POST" if "items" in path else "GET"} path={path.replace("{id}", hexid(r, 12))} status=200 dur={r.uniform(1.2, 9.5):.1f}ms')
        if r.random() < 0.02:
            L.append(f'level=warn msg="redis slow command" cmd=HGETALL dur={r.randint(51, 140)}ms')
    if crashed:
        gid = r.randint(900, 40000)
        L += ["panic: runtime error: invalid memory address or nil pointer dereference",
              f"[signal SIGSEGV: segmentation violation code=0x1 addr=0x38 pc=0x{r.randint(0x8f0000, 0x8fffff):x}]",
              "",
              f"goroutine {gid} [running]:",
              "github.com/acme/cart-svc/internal/promo.(*Applier).apply(0x0, {0xc0004a2e10, 0x2}, 0xc000b3c1e0)",
              "\t/src/internal/promo/applier.go:74 +0x38",
              "github.com/acme/cart-svc/internal/promo.(*Applier).RefreshAsync.func1()",
              "\t/src/internal/promo/applier.go:52 +0x9d",
              "created by github.com/acme/cart-svc/internal/promo.(*Applier).RefreshAsync in goroutine " + str(r.randint(100, 900)),
              "\t/src/internal/promo/applier.go:49 +0x14f"]
    return L
for p, d in pods.items():
    runs = d["runs"]
    last_s, last_e = runs[-1]
    if last_e > END:   # currently running
        cur = run_lines(d, last_s, END, False)
        prev = run_lines(d, runs[-2][0], runs[-2][1], True)
    else:              # crashed, in back-off
        cur = run_lines(d, last_s, last_e, True)
        prev = run_lines(d, runs[-2][0], runs[-2][1], True)
    c.write(f"logs/cart-svc/{p}.log", "\n".join(cur))
    c.write(f"logs/cart-svc/{p}.previous.log", "\n".join(prev))

# ---------------- web-bff (morgan dev, console.warn), no timestamps ----------------
bl = ["web-bff 8.2.3 listening on port 3000"]
for t in poisson_times(r, P("2026-08-05T14:22:12Z"), END, lambda t: 0.65):
    path = r.choice(["/api/cart", "/api/cart", "/api/cart/items", "/api/products/SKU-%d" % r.randint(100000, 999999), "/api/me"])
    if "cart" in path and t > DEPLOY:
        frac_down = 1 - n_up(t) / 3
        if r.random() < frac_down * 0.9 + 0.03:
            err = r.choice([f"connect ECONNREFUSED 10.96.41.12:8080", "socket hang up", "read ECONNRESET"])
            bl.append(f"warn: cart-svc request failed ({err}), retrying 1/2")
            if r.random() < 0.8:
                bl.append(f"warn: cart-svc request failed ({r.choice(['connect ECONNREFUSED 10.96.41.12:8080', 'socket hang up'])}), retrying 2/2")
                bl.append(f"error: cart-svc unavailable after 3 attempts: Error: {err}")
                bl.append(f"{'POST' if 'items' in path else 'GET'} {path} 502 {r.uniform(180, 900):.3f} ms - 87")
                continue
    bl.append(f"{'POST' if 'items' in path else 'GET'} {path} 200 {r.uniform(8, 60):.3f} ms - {r.randint(300, 4000)}")
c.write("logs/web-bff/web-bff-5b7c9d8f6-tn4gx.log", "\n".join(bl))

# ---------------- kubectl ----------------
rows = []
for p, d in pods.items():
    runs = d["runs"]
    restarts = len([1 for s, e in runs if e <= END])
    running = runs[-1][1] > END
    lastc = max(e for s, e in runs if e <= END)
    rows.append([p, "1/1" if running else "0/1", "Running" if running else "CrashLoopBackOff", f"{restarts} ({kube_age(END - lastc)} ago)",
                 kube_age(END - runs[0][0] + dt.timedelta(seconds=3)), d["ip"], d["node"], "<none>", "<none>"])
rows.append(["promo-svc-84b9f7c6d5-m2xkq", "1/1", "Running", "0", "12d", "10.1.4.88", "gke-prod-default-pool-3f1a2b7c-k2m9", "<none>", "<none>"])
rows.append(["web-bff-5b7c9d8f6-tn4gx", "1/1", "Running", "0", "48m", "10.1.7.12", "gke-prod-default-pool-3f1a2b7c-q8zd", "<none>", "<none>"])
c.write("k8s/get-pods-web.txt", "$ kubectl get pods -n web -o wide\n" + table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
c.write("k8s/get-rs-cart-svc.txt", "$ kubectl get rs -n web -l app=cart-svc -o wide\n" + table(
    ["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
    [["cart-svc-6d4f8b7c9", "3", "3", str(sum(1 for d in pods.values() if up(d, END))), "28m", "cart-svc", "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0", "app=cart-svc,pod-template-hash=6d4f8b7c9"],
     ["cart-svc-79c5d6b8f4", "0", "0", "0", "9d", "cart-svc", "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.13.2", "app=cart-svc,pod-template-hash=79c5d6b8f4"]]))
pA, dA = list(pods.items())[0]
runsA = dA["runs"]
ended = [x for x in runsA if x[1] <= END]
lastA = ended[-1]
runningA = runsA[-1][1] > END
state_block = ("    State:          Running\n      Started:      " + runsA[-1][0].strftime('%a, %d %b %Y %H:%M:%S +0000')) if runningA else \
              "    State:          Waiting\n      Reason:       CrashLoopBackOff"
desc = f"""$ kubectl describe pod {pA} -n web
Name:             {pA}
Namespace:        web
Priority:         0
Service Account:  cart-svc
Node:             {dA['node']}/10.132.0.{r.randint(10, 60)}
Start Time:       {runsA[0][0].strftime('%a, %d %b %Y %H:%M:%S +0000')}
Labels:           app=cart-svc
                  pod-template-hash=6d4f8b7c9
                  version=v2.14.0
Status:           Running
IP:               {dA['ip']}
Controlled By:    ReplicaSet/cart-svc-6d4f8b7c9
Containers:
  cart-svc:
    Container ID:   containerd://{hexid(r, 64)}
    Image:          europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0
    Image ID:       europe-docker.pkg.dev/acme-prod/apps/cart-svc@sha256:{hexid(r, 64)}
    Port:           8080/TCP
    Host Port:      0/TCP
{state_block}
    Last State:     Terminated
      Reason:       Error
      Exit Code:    2
      Started:      {lastA[0].strftime('%a, %d %b %Y %H:%M:%S +0000')}
      Finished:     {lastA[1].strftime('%a, %d %b %Y %H:%M:%S +0000')}
    Ready:          {'True' if runningA else 'False'}
    Restart Count:  {len(ended)}
    Limits:
      memory:  512Mi
    Requests:
      cpu:      250m
      memory:   256Mi
    Liveness:   http-get http://:8080/livez delay=5s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8080/readyz delay=2s timeout=1s period=5s #success=1 #failure=2
    Environment:
      PROMO_ASYNC_REFRESH:  true
      REDIS_ADDR:           cart-redis.web.svc:6379
Conditions:
  Type                        Status
  PodReadyToStartContainers   True
  Initialized                 True
  Ready                       {'True' if runningA else 'False'}
  ContainersReady             {'True' if runningA else 'False'}
  PodScheduled                True
QoS Class:                   Burstable
Events:
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  {kube_age(END - runsA[0][0])}                  default-scheduler  Successfully assigned web/{pA} to {dA['node']}
  Normal   Pulling    {kube_age(END - runsA[0][0])}                  kubelet            Pulling image "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0"
  Normal   Pulled     {kube_age(END - runsA[0][0])}                  kubelet            Successfully pulled image "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0" in 1.873s (1.873s including waiting). Image size: 14210551 bytes.
  Normal   Created    {kube_age(END - runsA[-1][0])} (x{len(runsA)} over {kube_age(END - runsA[0][0])})  kubelet            Created container: cart-svc
  Normal   Started    {kube_age(END - runsA[-1][0])} (x{len(runsA)} over {kube_age(END - runsA[0][0])})  kubelet            Started container cart-svc
  Normal   Pulled     {kube_age(END - runsA[-1][0])} (x{len(runsA) - 1} over {kube_age(END - runsA[1][0])})  kubelet            Container image "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0" already present on machine
  Warning  BackOff    {kube_age(END - lastA[1]) if not runningA else kube_age(END - lastA[1] - dt.timedelta(seconds=5))} (x{len(ended) * 3} over {kube_age(END - runsA[1][0])})  kubelet            Back-off restarting failed container cart-svc in pod {pA}_web({uuid(r)})
"""
c.write("k8s/describe-pod-cart-svc-8wq2n.txt", desc)
ev = [(DEPLOY, "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled up replica set cart-svc-6d4f8b7c9 to 1"),
      (DEPLOY + dt.timedelta(seconds=40), "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled down replica set cart-svc-79c5d6b8f4 to 2 from 3"),
      (DEPLOY + dt.timedelta(seconds=41), "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled up replica set cart-svc-6d4f8b7c9 to 2 from 1"),
      (DEPLOY + dt.timedelta(seconds=80), "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled down replica set cart-svc-79c5d6b8f4 to 1 from 2"),
      (DEPLOY + dt.timedelta(seconds=81), "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled up replica set cart-svc-6d4f8b7c9 to 3 from 2"),
      (DEPLOY + dt.timedelta(seconds=121), "Normal", "ScalingReplicaSet", "deployment/cart-svc", "Scaled down replica set cart-svc-79c5d6b8f4 to 0 from 1")]
for p, d in pods.items():
    for s, e in d["runs"]:
        if e <= END:
            ev.append((e + dt.timedelta(seconds=1), "Warning", "BackOff", f"pod/{p}", f"Back-off restarting failed container cart-svc in pod {p}_web"))
        ev.append((s, "Normal", "Started", f"pod/{p}", "Started container cart-svc"))
        ev.append((e - dt.timedelta(seconds=2), "Warning", "Unhealthy", f"pod/{p}", f'Readiness probe failed: Get "http://{d["ip"]}:8080/readyz": dial tcp {d["ip"]}:8080: connect: connection refused'))
c.write("k8s/get-events-web.txt", events_table([e for e in ev if e[0] <= END], END, "$ kubectl get events -n web --sort-by=.lastTimestamp"))

# ---------------- metrics ----------------
def cart_ok(t):
    return 6.0 * n_up(t) / 3
def bff_fail_frac(t):
    return 0.01 if t < DEPLOY + dt.timedelta(seconds=100) else min(0.95, (1 - n_up(t) / 3) * 0.9 + 0.01)
c.counter("http_requests_total", {"service": "cart-svc", "namespace": "web", "code": "200"}, lambda t: cart_ok(t) if n_up(t) else 0.0)
c.counter("http_requests_total", {"service": "web-bff", "namespace": "web", "route": "/api/cart", "code": "200"}, lambda t: 6.0 * (1 - bff_fail_frac(t)))
c.counter("http_requests_total", {"service": "web-bff", "namespace": "web", "route": "/api/cart", "code": "502"}, lambda t: 6.0 * bff_fail_frac(t))
c.counter("http_requests_total", {"service": "web-bff", "namespace": "web", "route": "/api/products", "code": "200"}, lambda t: 12.5)
c.counter("http_client_requests_total", {"service": "web-bff", "namespace": "web", "target": "cart-svc"}, lambda t: 6.0 * (1 + 2 * bff_fail_frac(t)))
for p, d in pods.items():
    c.gauge("kube_pod_container_status_restarts_total", {"namespace": "web", "pod": p, "container": "cart-svc"},
            lambda t, d=d: None if t < d["runs"][0][0] else len([1 for s, e in d["runs"] if e <= t]), step=30)
    c.gauge("kube_pod_container_status_ready", {"namespace": "web", "pod": p, "container": "cart-svc"},
            lambda t, d=d: None if t < d["runs"][0][0] else (1 if up(d, t) else 0), step=30)
    c.gauge("kube_pod_container_info", {"namespace": "web", "pod": p, "container": "cart-svc", "image": "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.14.0"},
            lambda t, d=d: None if t < d["runs"][0][0] else 1, step=60)
for i, p in enumerate(["cart-svc-79c5d6b8f4-7hcvd", "cart-svc-79c5d6b8f4-kl2pw", "cart-svc-79c5d6b8f4-w5mzs"]):
    stop = DEPLOY + dt.timedelta(seconds=40 * (i + 1))
    c.gauge("kube_pod_container_status_restarts_total", {"namespace": "web", "pod": p, "container": "cart-svc"}, lambda t, stop=stop: 0 if t < stop else None, step=30)
    c.gauge("kube_pod_container_info", {"namespace": "web", "pod": p, "container": "cart-svc", "image": "europe-docker.pkg.dev/acme-prod/apps/cart-svc:v2.13.2"},
            lambda t, stop=stop: 1 if t < stop else None, step=60)
c.counter("http_requests_total", {"service": "promo-svc", "namespace": "web", "code": "200"}, lambda t: 2.2)
c.write_metrics_csv()
c.write_jsonl("events.jsonl", [
    {"time": "2026-08-05T14:41:30Z", "service": "cart-svc", "kind": "deployment",
     "summary": "cart-svc v2.13.2 -> v2.14.0 (async promo refresh behind PROMO_ASYNC_REFRESH=true)", "author": "cloud-deploy"},
    {"time": "2026-08-05T14:22:05Z", "service": "web-bff", "kind": "deployment",
     "summary": "web-bff 8.2.2 -> 8.2.3 (copy change on mini-cart)", "author": "cloud-deploy"},
])
c.bundle_yaml()
c.expected("bad_deployment", "cart-svc",
           "cart-svc v2.14.0 was rolled out at 14:41:30; its pods passed readiness and replaced v2.13.2, then each one "
           "panics after one to three minutes ('invalid memory address or nil pointer dereference' in "
           "promo.(*Applier).apply from the new RefreshAsync goroutine), exits with code 2 and goes into CrashLoopBackOff. "
           "web-bff's ECONNREFUSED/socket hang up errors, its retries (which triple the calls to cart-svc) and its 502s are "
           "symptoms; the earlier web-bff copy-change deployment and the redis slow-command warnings are unrelated.")
