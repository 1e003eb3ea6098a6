# r2-case10: product-web latency; origin: a real traffic surge (Black Friday push) beyond the HPA maximum.
# Evidence: kubectl output + metrics only.
from common import *

c = Case(10, "product-web",
         "[FIRING:1] ProductWebLatencyHigh (service=product-web namespace=web severity=page): p95 latency 2.71s > 1s for 10m",
         ["product-web", "pricing-svc"], "2026-11-27T18:12:00Z")
r = c.rng
T0, END = c.start, c.at
SPIKE = P("2026-11-27T17:31:05Z")
S1 = P("2026-11-27T17:33:12Z")
S2 = P("2026-11-27T17:35:27Z")
def rps(t):
    base = 182.0 + 8 * math_sin(t)
    if t < SPIKE:
        return base
    return base + ramp(t, SPIKE, SPIKE + dt.timedelta(minutes=6), 0, 1290) * (1 + 0.03 * math_sin(t, 300))
import math
def math_sin(t, per=900):
    return math.sin((t - T0).total_seconds() / per * 2 * math.pi)
old = ["product-web-6b8f9c7d5d-2xkfp", "product-web-6b8f9c7d5d-9hlwq", "product-web-6b8f9c7d5d-m4zrt", "product-web-6b8f9c7d5d-vq7cn"]
new1 = ["product-web-6b8f9c7d5d-b7tq2", "product-web-6b8f9c7d5d-fk2jd", "product-web-6b8f9c7d5d-l9xmv", "product-web-6b8f9c7d5d-wp4hs"]
new2 = ["product-web-6b8f9c7d5d-c5nrz", "product-web-6b8f9c7d5d-h8vkg", "product-web-6b8f9c7d5d-q2dlw", "product-web-6b8f9c7d5d-x6jtb"]
ready_at = {p: T0 - dt.timedelta(days=3) for p in old}
ready_at.update({p: S1 + dt.timedelta(seconds=r.randint(38, 55)) for p in new1})
ready_at.update({p: S2 + dt.timedelta(seconds=r.randint(40, 70)) for p in new2})
def nready(t):
    return sum(1 for p in ready_at if ready_at[p] <= t)
def per_pod_cpu(t):
    return min(1.97, 0.0135 * rps(t) / nready(t) + 0.05)
def p50(t):
    cpu = per_pod_cpu(t)
    return 0.06 + (0.0 if cpu < 1.5 else (cpu - 1.5) * 3.4) + (0.6 if rps(t) / nready(t) > 160 else 0)

HL = {"service": "product-web", "namespace": "web", "job": "product-web"}
c.counter("http_requests_total", {**HL, "code": "200"}, lambda t: rps(t) * (0.985 if t < SPIKE else 0.975))
c.counter("http_requests_total", {**HL, "code": "404"}, lambda t: rps(t) * 0.012)
c.counter("http_requests_total", {**HL, "code": "503"}, lambda t: rps(t) * (0.0005 if t < S2 + dt.timedelta(minutes=2) and t < SPIKE else (0.009 if t >= SPIKE else 0.0005)))
c.counter("http_requests_total", {**HL, "code": "504"}, lambda t: 0.02 if t < SPIKE else rps(t) * 0.004)
c.histogram("http_request_duration_seconds", HL, rps, p50, [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0], step=30, sigma=0.75)
for p in old + new1 + new2:
    L = {"namespace": "web", "pod": p, "container": "product-web", "service": "product-web"}
    c.counter("container_cpu_usage_seconds_total", L, lambda t, p=p: None if t < ready_at[p] - dt.timedelta(seconds=30) else per_pod_cpu(t) * r.uniform(0.95, 1.02), integer=False)
    c.counter("container_cpu_cfs_throttled_periods_total", L, lambda t, p=p: None if t < ready_at[p] - dt.timedelta(seconds=30) else (0.1 if per_pod_cpu(t) < 1.6 else 7.5))
    c.counter("container_cpu_cfs_periods_total", L, lambda t, p=p: None if t < ready_at[p] - dt.timedelta(seconds=30) else 10.0)
    c.gauge("container_memory_working_set_bytes", L, lambda t, p=p: None if t < ready_at[p] - dt.timedelta(seconds=30) else r.uniform(610e6, 700e6), digits=0)
    c.gauge("kube_pod_container_status_restarts_total", {k: v for k, v in L.items() if k != "service"}, lambda t, p=p: None if t < ready_at[p] - dt.timedelta(seconds=30) else 0, step=60)
HPA = {"namespace": "web", "horizontalpodautoscaler": "product-web", "job": "kube-state-metrics"}
def cur(t):
    return 4 if t < S1 else (8 if t < S2 else 12)
c.gauge("kube_horizontalpodautoscaler_status_current_replicas", HPA, cur, step=30)
c.gauge("kube_horizontalpodautoscaler_status_desired_replicas", HPA, cur, step=30)
c.gauge("kube_horizontalpodautoscaler_spec_max_replicas", HPA, lambda t: 12, step=60)
c.gauge("kube_horizontalpodautoscaler_spec_min_replicas", HPA, lambda t: 4, step=60)
c.gauge("kube_deployment_status_replicas_available", {"namespace": "web", "deployment": "product-web", "job": "kube-state-metrics"}, nready, step=30)
PL = {"service": "pricing-svc", "namespace": "web", "job": "pricing-svc"}
c.counter("http_requests_total", {**PL, "code": "200"}, lambda t: rps(t) * 0.62)
c.counter("http_requests_total", {**PL, "code": "500"}, lambda t: 0.01)
c.histogram("http_request_duration_seconds", PL, lambda t: rps(t) * 0.62, lambda t: 0.011, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0], step=30, sigma=0.5)
c.write_metrics_csv()

# ---------------- kubectl ----------------
nodes = ["ip-10-8-11-42.ec2.internal", "ip-10-8-12-199.ec2.internal", "ip-10-8-13-7.ec2.internal", "ip-10-8-11-230.ec2.internal",
         "ip-10-8-12-61.ec2.internal", "ip-10-8-13-158.ec2.internal"]
rows = []
for i, p in enumerate(old + new1 + new2):
    created = ready_at[p] - dt.timedelta(seconds=45) if p not in old else P("2026-11-24T09:02:11Z")
    rows.append([p, "1/1", "Running", "0", kube_age(END - created), f"10.8.{11 + i % 3}.{r.randint(20, 250)}", nodes[i % 6], "<none>", "<none>"])
c.write("k8s/get-pods-web.txt", "$ kubectl get pods -n web -l app.kubernetes.io/name=product-web -o wide\n" +
        table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
c.write("k8s/get-hpa-web.txt", "$ kubectl get hpa -n web\n" + table(["NAME", "REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS", "AGE"], [
    ["product-web", "Deployment/product-web", "cpu: 171%/70%", "4", "12", "12", "212d"],
    ["pricing-svc", "Deployment/pricing-svc", "cpu: 48%/70%", "3", "10", "6", "212d"]]))
desc = f"""$ kubectl describe hpa product-web -n web
Name:                                                  product-web
Namespace:                                             web
Labels:                                                app.kubernetes.io/name=product-web
Annotations:                                           <none>
CreationTimestamp:                                     Mon, 28 Apr 2026 10:41:02 +0000
Reference:                                             Deployment/product-web
Metrics:                                               ( current / target )
  resource cpu on pods  (as a percentage of request):  171% (1712m) / 70%
Min replicas:                                          4
Max replicas:                                          12
Behavior:
  Scale Up:
    Stabilization Window: 0 seconds
    Select Policy: Max
    Policies:
      - Type: Pods     Value: 4    Period: 15 seconds
      - Type: Percent  Value: 100  Period: 15 seconds
  Scale Down:
    Stabilization Window: 300 seconds
    Select Policy: Max
    Policies:
      - Type: Percent  Value: 100  Period: 15 seconds
Deployment pods:       12 current / 12 desired
Conditions:
  Type            Status  Reason               Message
  ----            ------  ------               -------
  AbleToScale     True    ReadyForNewScale     recommended size matches current size
  ScalingActive   True    ValidMetricFound     the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)
  ScalingLimited  True    TooManyReplicas      the desired replica count is more than the maximum replica count
Events:
  Type    Reason             Age   From                       Message
  ----    ------             ----  ----                       -------
  Normal  SuccessfulRescale  {kube_age(END - S1)}   horizontal-pod-autoscaler  New size: 8; reason: cpu resource utilization (percentage of request) above target
  Normal  SuccessfulRescale  {kube_age(END - S2)}   horizontal-pod-autoscaler  New size: 12; reason: cpu resource utilization (percentage of request) above target
"""
c.write("k8s/describe-hpa-product-web.txt", desc)
ev = [(S1, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/product-web", "New size: 8; reason: cpu resource utilization (percentage of request) above target"),
      (S1, "Normal", "ScalingReplicaSet", "deployment/product-web", "Scaled up replica set product-web-6b8f9c7d5d from 4 to 8"),
      (S2, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/product-web", "New size: 12; reason: cpu resource utilization (percentage of request) above target"),
      (S2, "Normal", "ScalingReplicaSet", "deployment/product-web", "Scaled up replica set product-web-6b8f9c7d5d from 8 to 12"),
      ]
for p in new1 + new2:
    ct = ready_at[p] - dt.timedelta(seconds=40)
    ev.append((ct, "Normal", "Scheduled", f"pod/{p}", f"Successfully assigned web/{p} to {r.choice(nodes)}"))
    ev.append((ct + dt.timedelta(seconds=2), "Normal", "Pulled", f"pod/{p}", 'Container image "123456789012.dkr.ecr.us-east-1.amazonaws.com/product-web:4.22.1" already present on machine'))
    ev.append((ct + dt.timedelta(seconds=3), "Normal", "Created", f"pod/{p}", "Created container: product-web"))
    ev.append((ct + dt.timedelta(seconds=3), "Normal", "Started", f"pod/{p}", "Started container product-web"))
c.write("k8s/get-events-web.txt", events_table(ev, END, "$ kubectl get events -n web --sort-by=.lastTimestamp"))
top = [[p, f"{int(per_pod_cpu(END) * 1000 * r.uniform(0.95, 1.0))}m", f"{r.randint(590, 690)}Mi"] for p in old + new1 + new2]
c.write("k8s/top-pods-web.txt", "$ kubectl top pods -n web -l app.kubernetes.io/name=product-web\n" + table(["NAME", "CPU(cores)", "MEMORY(bytes)"], top))
c.write("k8s/get-deployment-product-web.txt", "$ kubectl get deployment product-web -n web -o wide\n" + table(
    ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
    [["product-web", "12/12", "12", "12", "212d", "product-web", "123456789012.dkr.ecr.us-east-1.amazonaws.com/product-web:4.22.1", "app.kubernetes.io/name=product-web"]]))
c.bundle_yaml()
c.expected("traffic_spike", "product-web",
           "Requests to product-web jump from ~180 to ~1,450 req/s at 17:31 with no deployment or config change (same "
           "image 4.22.1 for days, no restarts). The HPA scaled 4 -> 8 -> 12 within four minutes and is pinned at its "
           "maximum (ScalingLimited/TooManyReplicas) with pods at ~1.7 of 2 CPU and heavily throttled, so latency rises; "
           "the downstream pricing-svc stays fast. This is load beyond provisioned capacity.")
