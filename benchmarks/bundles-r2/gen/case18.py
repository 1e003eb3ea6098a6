# r2-case18: recommendations rollout stuck: the new image tag does not exist -> ErrImagePull / ImagePullBackOff,
# deployment at 6/8 available, ProgressDeadlineExceeded. kubectl output + metrics only.
from common import *

c = Case(18, "recommendations",
         "[FIRING:2] KubeDeploymentReplicasMismatch / KubeDeploymentRolloutStuck (namespace=recs deployment=recommendations severity=warning): Deployment recs/recommendations has not matched the expected number of replicas for longer than 15 minutes; rollout is not progressing.",
         ["recommendations"], "2026-05-12T12:30:00Z")
r = c.rng
T0, END = c.start, c.at
ROLL = P("2026-05-12T12:02:14Z")
DEADLINE = ROLL + dt.timedelta(seconds=600)
IMG_OLD = "ghcr.io/acme/recommendations:v3.1.7"
IMG_NEW = "ghcr.io/acme/recommendations:v3.2.0"
old = ["recommendations-84f6c7d9b5-" + s for s in ["2hgxv", "5kqzn", "8wtrm", "bd4pl", "jx7cf", "nq2vs", "rm9hk", "zt6wd"]]
new = ["recommendations-5d9c8b7f6-" + s for s in ["4lrpq", "9xkvm", "ctw2n", "h7dzs"]]
killed = old[6:]   # scaled down by the rollout (maxUnavailable 25%)
nodes = ["aks-apps-28817364-vmss000003", "aks-apps-28817364-vmss000005", "aks-apps-28817364-vmss000007", "aks-apps-28817364-vmss00000a"]
def avail(t):
    return 8 if t < ROLL + dt.timedelta(seconds=2) else 6
DL = {"namespace": "recs", "deployment": "recommendations", "job": "kube-state-metrics"}
c.gauge("kube_deployment_spec_replicas", DL, lambda t: 8, step=30)
c.gauge("kube_deployment_status_replicas", DL, lambda t: 8 if t < ROLL else 10, step=30)
c.gauge("kube_deployment_status_replicas_available", DL, avail, step=30)
c.gauge("kube_deployment_status_replicas_unavailable", DL, lambda t: 0 if t < ROLL else 4, step=30)
c.gauge("kube_deployment_status_replicas_updated", DL, lambda t: 8 if t < ROLL else 4, step=30)
c.gauge("kube_deployment_metadata_generation", DL, lambda t: 41 if t < ROLL else 42, step=60)
c.gauge("kube_deployment_status_observed_generation", DL, lambda t: 41 if t < ROLL else 42, step=60)
for st in ["true", "false", "unknown"]:
    c.gauge("kube_deployment_status_condition", {**DL, "condition": "Progressing", "status": st},
            lambda t, st=st: (1 if st == "true" else 0) if t < DEADLINE else (1 if st == "false" else 0), step=30)
for p in new:
    for reason in ["ErrImagePull", "ImagePullBackOff"]:
        c.gauge("kube_pod_container_status_waiting_reason", {"namespace": "recs", "pod": p, "container": "recommendations", "reason": reason, "job": "kube-state-metrics"},
                lambda t, reason=reason: None if t < ROLL else (1 if (reason == "ImagePullBackOff") == (int((t - ROLL).total_seconds()) % 300 > 20) else 0), step=30)
for p in old:
    stop = ROLL + dt.timedelta(seconds=2) if p in killed else None
    L = {"namespace": "recs", "pod": p, "container": "recommendations", "service": "recommendations"}
    c.counter("container_cpu_usage_seconds_total", L, lambda t, stop=stop: None if (stop and t >= stop) else (0.71 if avail(t) == 8 else 0.93) * r.uniform(0.95, 1.05), integer=False)
HL = {"service": "recommendations", "namespace": "recs", "handler": "/v1/recommendations"}
c.counter("http_requests_total", {**HL, "code": "200"}, lambda t: 96.0)
c.counter("http_requests_total", {**HL, "code": "503"}, lambda t: 0.05 if t < ROLL else 0.12)
c.histogram("http_request_duration_seconds", HL, lambda t: 96.0, lambda t: 0.042 if t < ROLL else 0.061, [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0], step=30)
c.write_metrics_csv()

def age(t):
    return kube_age(END - t)
rows = []
for i, p in enumerate(old):
    if p in killed:
        continue
    rows.append([p, "1/1", "Running", "0", "6d", f"10.244.{i % 4}.{r.randint(10, 200)}", nodes[i % 4], "<none>", "<none>"])
NEWIPS = ["10.244.1.87", "10.244.2.19", "10.244.3.140", "10.244.0.203"]
for i, p in enumerate(new):
    rows.append([p, "0/1", "ImagePullBackOff" if i != 2 else "ErrImagePull", "0", age(ROLL + dt.timedelta(seconds=1)), NEWIPS[i], nodes[(i + 1) % 4], "<none>", "<none>"])
c.write("k8s/get-pods-recs.txt", "$ kubectl get pods -n recs -o wide\n" + table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], rows))
c.write("k8s/get-rs-recs.txt", "$ kubectl get rs -n recs -o wide\n" + table(["NAME", "DESIRED", "CURRENT", "READY", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"], [
    ["recommendations-5d9c8b7f6", "4", "4", "0", age(ROLL), "recommendations", IMG_NEW, "app=recommendations,pod-template-hash=5d9c8b7f6"],
    ["recommendations-84f6c7d9b5", "6", "6", "6", "6d", "recommendations", IMG_OLD, "app=recommendations,pod-template-hash=84f6c7d9b5"]]))
fmtz = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
c.write("k8s/deployment-recommendations.yaml", f"""# kubectl get deployment recommendations -n recs -o yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "42"
    kubernetes.io/change-cause: "ci: deploy recommendations v3.2.0 (pipeline #88213)"
  creationTimestamp: "2025-02-03T14:10:22Z"
  generation: 42
  labels:
    app: recommendations
  name: recommendations
  namespace: recs
  resourceVersion: "911827734"
  uid: 4f2d8a61-0b3c-4e7d-9a15-6c8e2f1b7d90
spec:
  progressDeadlineSeconds: 600
  replicas: 8
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: recommendations
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      labels:
        app: recommendations
    spec:
      containers:
      - image: {IMG_NEW}
        imagePullPolicy: IfNotPresent
        name: recommendations
        ports:
        - containerPort: 8080
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /ready
            port: 8080
          periodSeconds: 5
        resources:
          limits:
            memory: 1Gi
          requests:
            cpu: "1"
            memory: 768Mi
      imagePullSecrets:
      - name: ghcr-pull
status:
  availableReplicas: 6
  conditions:
  - lastTransitionTime: "{fmtz(ROLL + dt.timedelta(seconds=2))}"
    lastUpdateTime: "{fmtz(ROLL + dt.timedelta(seconds=2))}"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  - lastTransitionTime: "{fmtz(DEADLINE)}"
    lastUpdateTime: "{fmtz(DEADLINE)}"
    message: ReplicaSet "recommendations-5d9c8b7f6" has timed out progressing.
    reason: ProgressDeadlineExceeded
    status: "False"
    type: Progressing
  observedGeneration: 42
  readyReplicas: 6
  replicas: 10
  unavailableReplicas: 4
  updatedReplicas: 4
""")
pA = new[0]
pull_err = f'Failed to pull image "{IMG_NEW}": rpc error: code = NotFound desc = failed to pull and unpack image "{IMG_NEW}": failed to resolve reference "{IMG_NEW}": {IMG_NEW}: not found'
n_fail = int((END - ROLL).total_seconds() // 300) + 1
c.write(f"k8s/describe-pod-{pA}.txt", f"""$ kubectl describe pod {pA} -n recs
Name:             {pA}
Namespace:        recs
Priority:         0
Service Account:  default
Node:             {nodes[1]}/10.224.0.9
Start Time:       {ROLL.strftime('%a, %d %b %Y %H:%M:%S +0000')}
Labels:           app=recommendations
                  pod-template-hash=5d9c8b7f6
Status:           Pending
IP:               10.244.1.87
Controlled By:    ReplicaSet/recommendations-5d9c8b7f6
Containers:
  recommendations:
    Container ID:
    Image:          {IMG_NEW}
    Image ID:
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
    Restart Count:  0
    Limits:
      memory:  1Gi
    Requests:
      cpu:        1
      memory:     768Mi
    Readiness:    http-get http://:8080/ready delay=0s timeout=1s period=5s #success=1 #failure=3
Conditions:
  Type                        Status
  PodReadyToStartContainers   True
  Initialized                 True
  Ready                       False
  ContainersReady             False
  PodScheduled                True
QoS Class:                   Burstable
Events:
  Type     Reason     Age                   From               Message
  ----     ------     ----                  ----               -------
  Normal   Scheduled  {age(ROLL)}                   default-scheduler  Successfully assigned recs/{pA} to {nodes[1]}
  Normal   Pulling    {age(END - dt.timedelta(seconds=170))} (x{n_fail + 1} over {age(ROLL)})   kubelet            Pulling image "{IMG_NEW}"
  Warning  Failed     {age(END - dt.timedelta(seconds=169))} (x{n_fail + 1} over {age(ROLL)})   kubelet            {pull_err}
  Warning  Failed     {age(END - dt.timedelta(seconds=169))} (x{n_fail + 1} over {age(ROLL)})   kubelet            Error: ErrImagePull
  Normal   BackOff    9s (x{int((END - ROLL).total_seconds() // 14)} over {age(ROLL)})    kubelet            Back-off pulling image "{IMG_NEW}"
  Warning  Failed     9s (x{int((END - ROLL).total_seconds() // 14)} over {age(ROLL)})    kubelet            Error: ImagePullBackOff
""")
ev = [(ROLL, "Normal", "ScalingReplicaSet", "deployment/recommendations", "Scaled up replica set recommendations-5d9c8b7f6 to 2"),
      (ROLL, "Normal", "ScalingReplicaSet", "deployment/recommendations", "Scaled down replica set recommendations-84f6c7d9b5 to 6 from 8"),
      (ROLL + dt.timedelta(seconds=1), "Normal", "ScalingReplicaSet", "deployment/recommendations", "Scaled up replica set recommendations-5d9c8b7f6 to 4 from 2"),
      (ROLL + dt.timedelta(seconds=1), "Normal", "Killing", f"pod/{killed[0]}", "Stopping container recommendations"),
      (ROLL + dt.timedelta(seconds=1), "Normal", "Killing", f"pod/{killed[1]}", "Stopping container recommendations"),
      ]
for p in new:
    tp = END - dt.timedelta(seconds=r.randint(100, 280))
    ev += [(tp, "Normal", "Pulling", f"pod/{p}", f'Pulling image "{IMG_NEW}"'),
           (tp + dt.timedelta(seconds=1), "Warning", "Failed", f"pod/{p}", pull_err),
           (tp + dt.timedelta(seconds=1), "Warning", "Failed", f"pod/{p}", "Error: ErrImagePull"),
           (END - dt.timedelta(seconds=r.randint(1, 14)), "Normal", "BackOff", f"pod/{p}", f'Back-off pulling image "{IMG_NEW}"'),
           (END - dt.timedelta(seconds=r.randint(1, 14)), "Warning", "Failed", f"pod/{p}", "Error: ImagePullBackOff")]
c.write("k8s/get-events-recs.txt", events_table(ev, END, "$ kubectl get events -n recs --sort-by=.lastTimestamp"))
c.bundle_yaml()
c.expected("other", "recommendations",
           "The v3.2.0 rollout at 12:02 references an image tag that does not exist in the registry "
           "('failed to resolve reference ... not found'), so the four new pods sit in ErrImagePull/ImagePullBackOff, "
           "the rollout hit its 600 s progress deadline (ProgressDeadlineExceeded) and the deployment runs on 6 of 8 "
           "old pods, hotter but still serving. It is an image pull failure from a broken release, so bad_deployment "
           "is an acceptable framing.",
           also={"root_cause": ["bad_deployment"]})
