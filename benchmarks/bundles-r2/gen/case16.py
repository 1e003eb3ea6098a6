# r2-case16: image-resizer replicas-mismatch alert raised during a planned GKE node-pool upgrade (drain + slow image
# pulls on fresh nodes). Everything was back at 4/4 18 minutes before the investigation. Healthy.
from common import *

c = Case(16, "image-resizer",
         "[FIRING:1] KubeDeploymentReplicasMismatch (namespace=media deployment=image-resizer severity=warning): Deployment media/image-resizer has not matched the expected number of replicas for longer than 15 minutes.",
         ["image-resizer"], "2026-08-26T13:40:00Z")
r = c.rng
T0, END = c.start, c.at
UP0 = P("2026-08-26T12:48:20Z")
old_nodes = ["gke-prod-media-pool-8c2d1e4f-2k7q", "gke-prod-media-pool-8c2d1e4f-9xzm", "gke-prod-media-pool-8c2d1e4f-f4tn", "gke-prod-media-pool-8c2d1e4f-r6wd"]
new_nodes = ["gke-prod-media-pool-8c2d1e4f-b3vh", "gke-prod-media-pool-8c2d1e4f-k8pc", "gke-prod-media-pool-8c2d1e4f-n2sx", "gke-prod-media-pool-8c2d1e4f-w5jl"]
old_pods = ["image-resizer-6f9b7d8c45-4hwzq", "image-resizer-6f9b7d8c45-bq8xn", "image-resizer-6f9b7d8c45-jm2kt", "image-resizer-6f9b7d8c45-t7vcd"]
new_pods = ["image-resizer-6f9b7d8c45-c2rlx", "image-resizer-6f9b7d8c45-gx5np", "image-resizer-6f9b7d8c45-q9dwm", "image-resizer-6f9b7d8c45-z4kfh"]
pull = [dt.timedelta(seconds=r.randint(205, 260)) for _ in range(4)]
drain, ready = [], []
d = UP0 + dt.timedelta(minutes=1, seconds=10)
for i in range(4):
    drain.append(d)
    ready.append(d + pull[i] + dt.timedelta(seconds=r.randint(20, 35)))
    d = ready[-1] + dt.timedelta(seconds=r.randint(6, 12))  # PDB (maxUnavailable effectively 1) lets the next eviction through
DONE = drain[-1] + dt.timedelta(minutes=4)
IPS = [f"10.52.{i}.{r.randint(10, 200)}" for i in range(4)]
def available(t):
    n = 0
    for i in range(4):
        n += 1 if (t < drain[i] or t >= ready[i]) else 0
    return n
DL = {"namespace": "media", "deployment": "image-resizer", "job": "kube-state-metrics"}
c.gauge("kube_deployment_spec_replicas", DL, lambda t: 4, step=30)
c.gauge("kube_deployment_status_replicas_available", DL, available, step=30)
c.gauge("kube_deployment_status_replicas_unavailable", DL, lambda t: 4 - available(t), step=30)
for i, n in enumerate(old_nodes):
    c.gauge("kube_node_spec_unschedulable", {"node": n, "job": "kube-state-metrics"}, lambda t, i=i: None if t > drain[i] + dt.timedelta(minutes=3) else (1 if t >= drain[i] - dt.timedelta(seconds=20) else 0), step=30)
    c.gauge("kube_node_info", {"node": n, "kubelet_version": "v1.29.8-gke.1211000", "job": "kube-state-metrics"}, lambda t, i=i: None if t > drain[i] + dt.timedelta(minutes=3) else 1, step=60)
for i, n in enumerate(new_nodes):
    c.gauge("kube_node_info", {"node": n, "kubelet_version": "v1.30.5-gke.1014001", "job": "kube-state-metrics"}, lambda t, i=i: 1 if t >= drain[i] - dt.timedelta(minutes=2) else None, step=60)
HL = {"service": "image-resizer", "namespace": "media", "handler": "/v1/resize"}
c.counter("http_requests_total", {**HL, "code": "200"}, lambda t: 8.4)
c.counter("http_requests_total", {**HL, "code": "503"}, lambda t: 0.004 + (0.05 if any(d <= t < d + dt.timedelta(seconds=30) for d in drain) else 0))
c.histogram("http_request_duration_seconds", HL, lambda t: 8.4, lambda t: 0.19 * (1.25 if available(t) < 4 else 1.0), [0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0], step=30)
for i, p in enumerate(old_pods):
    c.counter("container_cpu_usage_seconds_total", {"namespace": "media", "pod": p, "container": "image-resizer", "service": "image-resizer"},
              lambda t, i=i: 0.9 if t < drain[i] else None, integer=False)
for i, p in enumerate(new_pods):
    c.counter("container_cpu_usage_seconds_total", {"namespace": "media", "pod": p, "container": "image-resizer", "service": "image-resizer"},
              lambda t, i=i: (0.9 * 4 / max(available(t), 1) / 1.0 if t >= ready[i] else 0.05) if t >= drain[i] + pull[i] else None, integer=False)
c.write_metrics_csv()

# ---------------- logs (uvicorn default, no timestamps) ----------------
for i, p in enumerate(new_pods):
    L = ["INFO:     Started server process [1]", "INFO:     Waiting for application startup.",
         "INFO:     resizer: libvips 8.15.3 loaded, 4 worker threads", "INFO:     Application startup complete.",
         "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"]
    n = int((END - ready[i]).total_seconds() * 0.22)
    for _ in range(n):
        if r.random() < 0.12:
            L.append(f'INFO:     10.52.{r.randint(0, 3)}.1:{r.randint(30000, 60000)} - "GET /healthz HTTP/1.1" 200 OK')
        else:
            L.append(f'INFO:     10.52.{r.randint(0, 3)}.{r.randint(2, 250)}:{r.randint(30000, 60000)} - "POST /v1/resize?w={r.choice([320, 640, 1280])}&fmt=webp HTTP/1.1" 200 OK')
        if r.random() < 0.01:
            L.append("WARNING:  resizer: input has an embedded ICC profile that could not be parsed, falling back to sRGB")
    c.write(f"logs/image-resizer/{p}.log", "\n".join(L))

# ---------------- kubectl ----------------
rows = [[p, "1/1", "Running", "0", kube_age(END - (drain[i] + dt.timedelta(seconds=3))), IPS[i], new_nodes[i], "<none>", "<none>"] for i, p in enumerate(new_pods)]
c.write("k8s/get-pods-media.txt", "$ kubectl get pods -n media -o wide\n" + table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
nrows = [[n, "Ready", "<none>", kube_age(END - drain[i] + dt.timedelta(minutes=2)), "v1.30.5-gke.1014001"] for i, n in enumerate(new_nodes)]
c.write("k8s/get-nodes.txt", "$ kubectl get nodes -l cloud.google.com/gke-nodepool=media-pool\n" + table(["NAME", "STATUS", "ROLES", "AGE", "VERSION"], nrows))
c.write("k8s/get-deployment-image-resizer.txt", "$ kubectl get deploy,pdb -n media\n" +
        table(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], [["deployment.apps/image-resizer", "4/4", "4", "4", "311d"]]) + "\n\n" +
        table(["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"], [["poddisruptionbudget.policy/image-resizer", "3", "N/A", "1", "311d"]]))
ev = []
for i in range(4):
    d = drain[i]
    ev += [(d - dt.timedelta(seconds=20), "default", "Normal", "NodeNotSchedulable", f"node/{old_nodes[i]}", f"Node {old_nodes[i]} status is now: NodeNotSchedulable"),
           (d, "media", "Normal", "Killing", f"pod/{old_pods[i]}", "Stopping container image-resizer"),
           (d + dt.timedelta(seconds=1), "media", "Normal", "SuccessfulCreate", "replicaset/image-resizer-6f9b7d8c45", f"Created pod: {new_pods[i]}"),
           (d + dt.timedelta(seconds=2), "media", "Normal", "Scheduled", f"pod/{new_pods[i]}", f"Successfully assigned media/{new_pods[i]} to {new_nodes[i]}"),
           (d + dt.timedelta(seconds=3), "media", "Normal", "Pulling", f"pod/{new_pods[i]}", 'Pulling image "us-docker.pkg.dev/acme-media/images/image-resizer:3.9.4"'),
           (d + pull[i], "media", "Normal", "Pulled", f"pod/{new_pods[i]}", f'Successfully pulled image "us-docker.pkg.dev/acme-media/images/image-resizer:3.9.4" in {pull[i].total_seconds() - 3:.3f}s ({pull[i].total_seconds() - 3:.3f}s including waiting). Image size: 1287311840 bytes.'),
           (d + pull[i] + dt.timedelta(seconds=1), "media", "Normal", "Created", f"pod/{new_pods[i]}", "Created container: image-resizer"),
           (d + pull[i] + dt.timedelta(seconds=1), "media", "Normal", "Started", f"pod/{new_pods[i]}", "Started container image-resizer"),
           (d + pull[i] + dt.timedelta(seconds=8), "media", "Warning", "Unhealthy", f"pod/{new_pods[i]}", f"Readiness probe failed: Get \"http://{IPS[i]}:8000/healthz\": dial tcp {IPS[i]}:8000: connect: connection refused"),
           (d + dt.timedelta(minutes=3), "default", "Normal", "RemovingNode", f"node/{old_nodes[i]}", f"Node {old_nodes[i]} event: Removing Node {old_nodes[i]} from Controller")]
c.write("k8s/get-events-all.txt", events_table(ev, END, "$ kubectl get events -A --sort-by=.lastTimestamp | grep -E 'media|node/'", with_ns=True))
c.write_jsonl("events.jsonl", [
    {"time": iso(UP0), "service": "gke/media-pool", "kind": "maintenance",
     "summary": "GKE node pool media-pool upgrade 1.29.8-gke.1211000 -> 1.30.5-gke.1014001 started (surge upgrade, maxSurge=1, maxUnavailable=0), CHG-9921", "author": "gke-maintenance"},
    {"time": iso(DONE), "service": "gke/media-pool", "kind": "maintenance",
     "summary": "GKE node pool media-pool upgrade completed, 4/4 nodes on 1.30.5-gke.1014001", "author": "gke-maintenance"},
])
c.bundle_yaml()
c.expected("none", None,
           "The replicas-mismatch alert was raised by a planned GKE node-pool upgrade: each node was cordoned and drained "
           "in turn and the replacement image-resizer pod spent ~4 minutes pulling its 1.2 GB image on the fresh node, so "
           "the deployment sat at 3/4 from about 12:49 to 13:08. The PDB kept 3 pods serving, errors and latency stayed "
           "near baseline, the upgrade completed and the deployment has been 4/4 with zero restarts for about half an hour.")
