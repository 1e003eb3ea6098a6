# r2-case17: session-svc 5xx; origin: worker node ip-10-0-3-17 died (kubelet stopped posting status); the single
# redis-sessions StatefulSet pod on it is stuck Terminating, session-svc readiness fails. kubectl output + metrics only.
from common import *

c = Case(17, "session-svc",
         "[FIRING:2] SessionSvcHighErrorRate (service=session-svc namespace=identity severity=page): 5xx ratio 100% > 5% for 15m; ALB target group k8s-identity-sessions has 0 healthy targets",
         ["session-svc", "redis-sessions"], "2026-06-23T02:40:00Z")
r = c.rng
T0, END = c.start, c.at
DEAD = P("2026-06-23T02:07:12Z")
NOTREADY = DEAD + dt.timedelta(seconds=41)
EVICT = NOTREADY + dt.timedelta(seconds=300)
NODE = "ip-10-0-3-17.eu-west-1.compute.internal"
nodes = [("ip-10-0-1-84.eu-west-1.compute.internal", "eu-west-1a"), ("ip-10-0-1-203.eu-west-1.compute.internal", "eu-west-1a"),
         ("ip-10-0-2-45.eu-west-1.compute.internal", "eu-west-1b"), ("ip-10-0-2-166.eu-west-1.compute.internal", "eu-west-1b"),
         (NODE, "eu-west-1c"), ("ip-10-0-3-122.eu-west-1.compute.internal", "eu-west-1c")]
def age(t):
    return kube_age(END - t)
# ---------------- kubectl ----------------
rows = [[n, "NotReady" if n == NODE else "Ready", "<none>", "94d" if i % 2 == 0 else "41d", "v1.30.4-eks-a737599"] for i, (n, z) in enumerate(nodes)]
c.write("k8s/get-nodes.txt", "$ kubectl get nodes\n" + table(["NAME", "STATUS", "ROLES", "AGE", "VERSION"], rows))
hb = DEAD - dt.timedelta(seconds=r.randint(2, 9))
fmt = lambda t: t.strftime("%a, %d %b %Y %H:%M:%S +0000")
c.write("k8s/describe-node-ip-10-0-3-17.txt", f"""$ kubectl describe node {NODE}
Name:               {NODE}
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/instance-type=m6i.xlarge
                    eks.amazonaws.com/capacityType=ON_DEMAND
                    eks.amazonaws.com/nodegroup=general-2026a
                    kubernetes.io/hostname={NODE}
                    topology.ebs.csi.aws.com/zone=eu-west-1c
                    topology.kubernetes.io/region=eu-west-1
                    topology.kubernetes.io/zone=eu-west-1c
Annotations:        alpha.kubernetes.io/provided-node-ip: 10.0.3.17
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Fri, 20 Mar 2026 08:14:52 +0000
Taints:             node.kubernetes.io/unreachable:NoExecute
                    node.kubernetes.io/unreachable:NoSchedule
Unschedulable:      false
Lease:
  HolderIdentity:  {NODE}
  AcquireTime:     <unset>
  RenewTime:       {fmt(hb)}
Conditions:
  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
  ----             ------    -----------------                 ------------------                ------              -------
  MemoryPressure   Unknown   {fmt(hb)}   {fmt(NOTREADY)}   NodeStatusUnknown   Kubelet stopped posting node status.
  DiskPressure     Unknown   {fmt(hb)}   {fmt(NOTREADY)}   NodeStatusUnknown   Kubelet stopped posting node status.
  PIDPressure      Unknown   {fmt(hb)}   {fmt(NOTREADY)}   NodeStatusUnknown   Kubelet stopped posting node status.
  Ready            Unknown   {fmt(hb)}   {fmt(NOTREADY)}   NodeStatusUnknown   Kubelet stopped posting node status.
Addresses:
  InternalIP:   10.0.3.17
  InternalDNS:  {NODE}
  Hostname:     {NODE}
Capacity:
  cpu:                4
  ephemeral-storage:  104845292Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             15896544Ki
  pods:               58
Allocatable:
  cpu:                3920m
  ephemeral-storage:  95551679124
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             14880736Ki
  pods:               58
System Info:
  Machine ID:                 ec2b1f4c8a0d2e7f9b3c5d6e7f8a9b0c
  System UUID:                ec2b1f4c-8a0d-2e7f-9b3c-5d6e7f8a9b0c
  Boot ID:                    6c0e2a41-93d7-4b8e-a5f2-1e9d7c3b8a60
  Kernel Version:             6.1.97-104.177.amzn2023.x86_64
  OS Image:                   Amazon Linux 2023.5.20240722
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.20
  Kubelet Version:            v1.30.4-eks-a737599
  Kube-Proxy Version:         v1.30.4-eks-a737599
ProviderID:                   aws:///eu-west-1c/i-0a7c3e91f2b5d8406
Non-terminated Pods:          (6 in total)
  Namespace                   Name                              CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----                              ------------  ----------  ---------------  -------------  ---
  identity                    redis-sessions-0                  500m (12%)    1 (25%)     2Gi (14%)        2Gi (14%)      21d
  identity                    session-svc-7b6c9f8d4c-dq5vz      250m (6%)     0 (0%)      256Mi (1%)       512Mi (3%)     6d
  kube-system                 aws-node-r7k2p                    50m (1%)      0 (0%)      0 (0%)           0 (0%)         94d
  kube-system                 ebs-csi-node-9fx2w                30m (0%)      0 (0%)      120Mi (0%)       768Mi (5%)     94d
  kube-system                 kube-proxy-6tj4q                  100m (2%)     0 (0%)      0 (0%)           0 (0%)         94d
  monitoring                  node-exporter-prometheus-node-exporter-l2vbm  0 (0%)  0 (0%)  0 (0%)  0 (0%)   94d
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                930m (23%)   1 (25%)
  memory             2424Mi (16%) 3328Mi (22%)
Events:
  Type    Reason        Age   From             Message
  ----    ------        ----  ----             -------
  Normal  NodeNotReady  {age(NOTREADY)}   node-controller  Node {NODE} status is now: NodeNotReady
""")
SVC_NEW = "session-svc-7b6c9f8d4c-p8m3w"
prow = [["redis-sessions-0", "1/1", "Terminating", "0", "21d", "10.0.3.141", NODE, "<none>", "<none>"],
        ["session-svc-7b6c9f8d4c-dq5vz", "1/1", "Terminating", "0", "6d", "10.0.3.58", NODE, "<none>", "<none>"],
        ["session-svc-7b6c9f8d4c-k4nxr", "0/1", "Running", "0", "6d", "10.0.1.77", nodes[0][0], "<none>", "<none>"],
        ["session-svc-7b6c9f8d4c-tz8jq", "0/1", "Running", "0", "6d", "10.0.2.190", nodes[3][0], "<none>", "<none>"],
        [SVC_NEW, "0/1", "Running", "0", age(EVICT + dt.timedelta(seconds=1)), "10.0.3.201", nodes[5][0], "<none>", "<none>"]]
c.write("k8s/get-pods-identity.txt", "$ kubectl get pods -n identity -o wide\n" + table(["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"], prow))
c.write("k8s/get-sts-identity.txt", "$ kubectl get statefulset,deploy,pvc -n identity\n" +
        table(["NAME", "READY", "AGE"], [["statefulset.apps/redis-sessions", "0/1", "412d"]]) + "\n\n" +
        table(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], [["deployment.apps/session-svc", "0/3", "3", "0", "412d"]]) + "\n\n" +
        table(["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"],
              [["persistentvolumeclaim/data-redis-sessions-0", "Bound", "pvc-3e9b1f0a-6c2d-4a7e-b5f8-91d0c4e2a7b3", "20Gi", "RWO", "gp3", "<unset>", "412d"]]))
readiness_fail_since = DEAD + dt.timedelta(seconds=r.randint(8, 15))
c.write("k8s/describe-pod-session-svc-k4nxr.txt", f"""$ kubectl describe pod session-svc-7b6c9f8d4c-k4nxr -n identity
Name:             session-svc-7b6c9f8d4c-k4nxr
Namespace:        identity
Priority:         0
Service Account:  session-svc
Node:             {nodes[0][0]}/10.0.1.84
Start Time:       Wed, 17 Jun 2026 10:22:31 +0000
Labels:           app.kubernetes.io/name=session-svc
                  pod-template-hash=7b6c9f8d4c
Status:           Running
IP:               10.0.1.77
Controlled By:    ReplicaSet/session-svc-7b6c9f8d4c
Containers:
  session-svc:
    Container ID:   containerd://{hexid(r, 64)}
    Image:          123456789012.dkr.ecr.eu-west-1.amazonaws.com/session-svc:1.18.4
    Port:           8080/TCP
    State:          Running
      Started:      Wed, 17 Jun 2026 10:22:36 +0000
    Ready:          False
    Restart Count:  0
    Liveness:       http-get http://:8080/livez delay=10s timeout=1s period=10s #success=1 #failure=3
    Readiness:      http-get http://:8080/readyz delay=5s timeout=2s period=5s #success=1 #failure=3
    Environment:
      REDIS_URL:  redis://redis-sessions-0.redis-sessions.identity.svc.cluster.local:6379/0
Conditions:
  Type                        Status
  PodReadyToStartContainers   True
  Initialized                 True
  Ready                       False
  ContainersReady             False
  PodScheduled                True
Events:
  Type     Reason     Age                  From     Message
  ----     ------     ----                 ----     -------
  Warning  Unhealthy  2s (x{int((END - readiness_fail_since).total_seconds() // 5)} over {age(readiness_fail_since)})  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503
""")
ev = [(NOTREADY, "Normal", "NodeNotReady", "pod/redis-sessions-0", "Node is not ready"),
      (NOTREADY, "Normal", "NodeNotReady", "pod/session-svc-7b6c9f8d4c-dq5vz", "Node is not ready"),
      (EVICT, "Normal", "TaintManagerEviction", "pod/redis-sessions-0", "Marking for deletion Pod identity/redis-sessions-0"),
      (EVICT, "Normal", "TaintManagerEviction", "pod/session-svc-7b6c9f8d4c-dq5vz", "Marking for deletion Pod identity/session-svc-7b6c9f8d4c-dq5vz"),
      (EVICT + dt.timedelta(seconds=1), "Normal", "SuccessfulCreate", "replicaset/session-svc-7b6c9f8d4c", f"Created pod: {SVC_NEW}"),
      (EVICT + dt.timedelta(seconds=2), "Normal", "Scheduled", f"pod/{SVC_NEW}", f"Successfully assigned identity/{SVC_NEW} to {nodes[5][0]}"),
      (EVICT + dt.timedelta(seconds=4), "Normal", "Pulled", f"pod/{SVC_NEW}", 'Container image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/session-svc:1.18.4" already present on machine'),
      (EVICT + dt.timedelta(seconds=4), "Normal", "Started", f"pod/{SVC_NEW}", "Started container session-svc"),
      (END - dt.timedelta(seconds=3), "Warning", "Unhealthy", f"pod/{SVC_NEW}", "Readiness probe failed: HTTP probe failed with statuscode: 503"),
      (END - dt.timedelta(seconds=2), "Warning", "Unhealthy", "pod/session-svc-7b6c9f8d4c-k4nxr", "Readiness probe failed: HTTP probe failed with statuscode: 503"),
      (END - dt.timedelta(seconds=4), "Warning", "Unhealthy", "pod/session-svc-7b6c9f8d4c-tz8jq", "Readiness probe failed: HTTP probe failed with statuscode: 503"),
      ]
c.write("k8s/get-events-identity.txt", events_table(ev, END, "$ kubectl get events -n identity --sort-by=.lastTimestamp"))

# ---------------- metrics ----------------
for n, z in nodes:
    dead = n == NODE
    for st in ["true", "false", "unknown"]:
        c.gauge("kube_node_status_condition", {"node": n, "condition": "Ready", "status": st, "job": "kube-state-metrics"},
                lambda t, st=st, dead=dead: (1 if st == "true" else 0) if not (dead and t >= NOTREADY) else (1 if st == "unknown" else 0), step=30)
    ip = "10." + ".".join(n.split(".")[0].split("-")[2:5])
    c.gauge("up", {"job": "node-exporter", "instance": f"{ip}:9100", "node": n}, lambda t, dead=dead: 0 if (dead and t >= DEAD + dt.timedelta(seconds=15)) else 1, step=30)
    c.gauge("node_load1", {"job": "node-exporter", "instance": f"{ip}:9100", "node": n},
            lambda t, dead=dead: None if (dead and t >= DEAD) else r.uniform(0.3, 1.6), step=30, digits=2)
c.gauge("up", {"job": "redis-exporter", "instance": "10.0.3.141:9121", "pod": "redis-sessions-0", "service": "redis-sessions"},
        lambda t: 0 if t >= DEAD + dt.timedelta(seconds=15) else 1, step=30)
c.gauge("redis_connected_clients", {"job": "redis-exporter", "instance": "10.0.3.141:9121", "pod": "redis-sessions-0", "service": "redis-sessions"},
        lambda t: None if t >= DEAD else r.randint(38, 46), step=30)
c.gauge("redis_memory_used_bytes", {"job": "redis-exporter", "instance": "10.0.3.141:9121", "pod": "redis-sessions-0", "service": "redis-sessions"},
        lambda t: None if t >= DEAD else 1.21e9 + (t - T0).total_seconds() * 900, step=30, digits=0)
for p in ["session-svc-7b6c9f8d4c-k4nxr", "session-svc-7b6c9f8d4c-tz8jq", "session-svc-7b6c9f8d4c-dq5vz", SVC_NEW]:
    def rd(t, p=p):
        if p == SVC_NEW:
            return None if t < EVICT else 0
        if p.endswith("dq5vz") and t >= DEAD:
            return 1 if t < NOTREADY else 0
        return 1 if t < readiness_fail_since else 0
    c.gauge("kube_pod_status_ready", {"namespace": "identity", "pod": p, "condition": "true", "job": "kube-state-metrics"}, rd, step=30)
TG = {"TargetGroup": "targetgroup/k8s-identity-sessions-7c1e2b9d4f/0a8b3c5d7e9f1a2b", "LoadBalancer": "app/k8s-identity-7f3d2a1c9e/4b6d8f0a2c4e6a8b", "namespace": "AWS/ApplicationELB"}
c.gauge("HealthyHostCount", TG, lambda t: 3 if t < readiness_fail_since + dt.timedelta(seconds=30) else 0, step=60)
c.gauge("UnHealthyHostCount", TG, lambda t: 0 if t < readiness_fail_since + dt.timedelta(seconds=30) else 3, step=60)
c.gauge("HTTPCode_Target_2XX_Count", TG, lambda t: r.randint(5200, 5900) if t < DEAD else 0, step=60)
c.gauge("HTTPCode_ELB_5XX_Count", {k: v for k, v in TG.items() if k != "TargetGroup"}, lambda t: r.randint(0, 2) if t < DEAD else r.randint(5100, 5800), step=60)
c.gauge("StatusCheckFailed_Instance", {"InstanceId": "i-0a7c3e91f2b5d8406", "namespace": "AWS/EC2"}, lambda t: 1 if t >= DEAD + dt.timedelta(seconds=50) else 0, step=60)
c.gauge("StatusCheckFailed_System", {"InstanceId": "i-0a7c3e91f2b5d8406", "namespace": "AWS/EC2"}, lambda t: 0, step=60)
c.write_metrics_csv()
c.bundle_yaml()
c.expected("other", "redis-sessions",
           "Worker node ip-10-0-3-17 stopped responding at 02:07 (kubelet stopped posting status, node-exporter down, EC2 "
           "instance status check failed). The only redis-sessions pod ran there: it is stuck Terminating after the "
           "unreachable-taint eviction and the StatefulSet cannot start a replacement while the old pod and its RWO "
           "volume are held. session-svc's readiness depends on Redis, so all its pods are 0/1 and the ALB has no "
           "healthy targets. The cause is a node failure taking out a single-replica stateful dependency (not in the vocabulary).",
           also={"faulty_service": ["ip-10-0-3-17.eu-west-1.compute.internal"]})
