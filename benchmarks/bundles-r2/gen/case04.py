# r2-case04: search-api latency alert; a short blip during a planned Elasticsearch rolling restart that healed
# 40 minutes before the investigation. Healthy.
import json
from common import *

c = Case(4, "search-api",
         "[FIRING:1] SearchAPILatencyHigh (service=search-api namespace=search severity=warning): p99 latency 2.31s > 1.5s for 3m (firing since 10:06:30 UTC)",
         ["search-api", "elasticsearch"], "2026-11-12T10:50:00Z")
r = c.rng
T0, END = c.start, c.at
DOWN = P("2026-11-12T10:02:11.402Z")
UP = P("2026-11-12T10:03:26.880Z")
GREEN = P("2026-11-12T10:09:48.117Z")
def blip(t):
    if t < DOWN:
        return 0.0
    if t < UP:
        return 1.0
    if t < GREEN:
        return ramp(t, UP, GREEN, 0.8, 0.15)
    return 0.0

# ---------------- search-api logs (Go slog text) ----------------
sl = []
def lg(t, lvl, msg, **kw):
    kv = " ".join(f'{k}={json.dumps(v) if isinstance(v, str) and (" " in v or "=" in v or v == "") else v}' for k, v in kw.items())
    sl.append((t, f'time={iso(t, 3)} level={lvl} msg="{msg}" {kv}'.rstrip()))
pods = ["search-api-74d5c8b9f6-5lq8n", "search-api-74d5c8b9f6-hz2vw", "search-api-74d5c8b9f6-pk7rd"]
for t in poisson_times(r, T0, END, lambda t: 0.55):
    b = blip(t)
    took = int(r.lognormvariate(3.4, 0.5))
    if b > 0 and r.random() < b:
        if r.random() < 0.08 * b / max(b, 0.01) and t < GREEN:
            lg(t + dt.timedelta(seconds=2), "WARN", "elasticsearch request failed, retrying", index="products", attempt=1,
               err="Post \"http://elasticsearch-es-http.search.svc:9200/products/_search\": context deadline exceeded")
            if r.random() < 0.5:
                lg(t + dt.timedelta(seconds=4), "ERROR", "search failed", index="products", status=504, took_ms=4002,
                   err="Post \"http://elasticsearch-es-http.search.svc:9200/products/_search\": context deadline exceeded", request_id=hexid(r, 16))
                continue
            took = int(r.uniform(2000, 3900))
        else:
            took = int(r.lognormvariate(6.2, 0.6))
    lg(t + dt.timedelta(milliseconds=took), "INFO", "search completed", index="products", q_len=r.randint(3, 40),
       hits=r.randint(0, 4000), took_ms=took, status=200, request_id=hexid(r, 16))
# baseline harmless: ES client sniffing warning each 5 min
t = T0 + dt.timedelta(seconds=73)
while t < END:
    lg(t, "INFO", "es client node discovery", nodes=3 if not (DOWN <= t < UP) else 2)
    t += dt.timedelta(minutes=5, milliseconds=r.randint(-50, 50))
c.write_log("logs/search-api/search-api.log", sl)

# ---------------- elasticsearch logs (ECS JSON) ----------------
def es(t, lvl, logger, node, msg, thread="elasticsearch[{n}][clusterApplierService#updateTask][T#1]"):
    return (t, json.dumps({"@timestamp": iso(t, 3), "log.level": lvl, "message": msg, "ecs.version": "1.2.0",
                           "service.name": "ES_ECS", "event.dataset": "elasticsearch.server",
                           "process.thread.name": thread.format(n=node), "log.logger": logger,
                           "elasticsearch.cluster.uuid": "Xk3r9QmPTa2V0cI7eWf1nA", "elasticsearch.node.id": {"es-master-0": "pQ8c0sVbTtyG2m1n8Zr3Kw", "es-data-0": "u7yTq1aLRkS0b9QeXv2dYg", "es-data-1": "H4v2jKcxS6uMl0pW7rEfoQ", "es-data-2": "9sLmZ3nQTmW1xRk5aYb0cA"}[node],
                           "elasticsearch.node.name": node, "elasticsearch.cluster.name": "search"}, separators=(",", ":")))
master = []
ND1 = "{es-data-1}{H4v2jKcxS6uMl0pW7rEfoQ}{r2Qd8xkYSmOJ1pT0vW3Hcw}{es-data-1}{10.42.4.31}{10.42.4.31:9300}{dhist}{8.15.2}{7000099-8518000}"
ND1n = ND1.replace("8.15.2", "8.15.3").replace("r2Qd8xkYSmOJ1pT0vW3Hcw", "Yb7cN2pQRw6x0Lk1mZt9Ag")
t = T0 + dt.timedelta(seconds=31)
while t < END:
    master.append(es(t, "INFO", "org.elasticsearch.cluster.metadata.MetadataMappingService", "es-master-0",
                     f"[.ds-logs-search-api-default-2026.11.12-000041/{hexid(r, 22)}] update_mapping [_doc]", thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
    t += dt.timedelta(seconds=r.randint(60, 150), milliseconds=r.randint(0, 999))
master.append(es(DOWN + dt.timedelta(milliseconds=310), "INFO", "org.elasticsearch.cluster.service.MasterService", "es-master-0",
                 f"node-left[{ND1} reason: disconnected], term: 9, version: 418822, delta: removed {{{ND1}}}", thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
master.append(es(DOWN + dt.timedelta(milliseconds=355), "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "es-master-0",
                 f"Cluster health status changed from [GREEN] to [YELLOW] (reason: [{{es-data-1}}{{H4v2jKcxS6uMl0pW7rEfoQ}} reason: disconnected]).", thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
master.append(es(DOWN + dt.timedelta(milliseconds=370), "INFO", "org.elasticsearch.cluster.routing.allocation.allocator.DesiredBalanceReconciler", "es-master-0",
                 "[products][1] marking unavailable shards as stale: [wXq8yT1nR0e3mL5kZ2cP7A]" , thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
master.append(es(UP + dt.timedelta(seconds=6.4), "INFO", "org.elasticsearch.cluster.service.MasterService", "es-master-0",
                 f"node-join[{ND1n} joining], term: 9, version: 418840, delta: added {{{ND1n}}}", thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
master.append(es(GREEN, "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "es-master-0",
                 "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products][2]]]).", thread="elasticsearch[{n}][masterService#updateTask][T#1]"))
c.write_log("logs/elasticsearch/es-master-0.log", master)

d1 = []
# previous container of es-data-1: graceful shutdown (only the tail is kept)
prev = []
t = T0 + dt.timedelta(seconds=12)
while t < DOWN:
    if r.random() < 0.5:
        prev.append(es(t, "INFO", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "es-data-1",
                       f"[gc][{int((t - T0).total_seconds()) + 881203}] overhead, spent [{r.randint(250, 420)}ms] collecting in the last [1s]",
                       thread="elasticsearch[{n}][scheduler][T#1]"))
    t += dt.timedelta(seconds=r.randint(30, 90), milliseconds=r.randint(0, 999))
sd = [("org.elasticsearch.node.Node", "stopping ..."),
      ("org.elasticsearch.xpack.watcher.WatcherService", "stopping watch service, reason [shutdown initiated]"),
      ("org.elasticsearch.xpack.ml.MlInitializationService", "Shutting down ML initialization service"),
      ("org.elasticsearch.node.Node", "stopped"),
      ("org.elasticsearch.node.Node", "closing ..."),
      ("org.elasticsearch.node.Node", "closed")]
for i, (lg_, m) in enumerate(sd):
    prev.append(es(DOWN - dt.timedelta(milliseconds=900 - i * 150), "INFO", lg_, "es-data-1", m, thread="elasticsearch-shutdown"))
c.write_log("logs/elasticsearch/es-data-1.previous.log", prev)
st = [("org.elasticsearch.node.Node", "version[8.15.3], pid[78], build[docker/1a77947f34deddb41af25e6f0ddb8e830159c179/2024-10-11T22:08:00.328917561Z], OS[Linux/6.1.112-124.190.amzn2023.x86_64/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/22.0.2/22.0.2+9-70]"),
      ("org.elasticsearch.node.Node", "JVM home [/usr/share/elasticsearch/jdk], using bundled JDK [true]"),
      ("org.elasticsearch.env.NodeEnvironment", "using [1] data paths, mounts [[/usr/share/elasticsearch/data (/dev/nvme1n1)]], net usable_space [311.4gb], net total_space [492gb], types [ext4]"),
      ("org.elasticsearch.env.NodeEnvironment", "heap size [8gb], compressed ordinary object pointers [true]"),
      ("org.elasticsearch.node.Node", "node name [es-data-1], node ID [H4v2jKcxS6uMl0pW7rEfoQ], cluster name [search], roles [data_hot, data_content, ingest, transform, data, remote_cluster_client]"),
      ("org.elasticsearch.node.Node", "initialized"),
      ("org.elasticsearch.node.Node", "starting ..."),
      ("org.elasticsearch.transport.TransportService", "publish_address {10.42.4.31:9300}, bound_addresses {[::]:9300}"),
      ("org.elasticsearch.cluster.service.ClusterApplierService", f"master node changed {{previous [], current [{{es-master-0}}{{pQ8c0sVbTtyG2m1n8Zr3Kw}}]}}, added {{{{es-data-0}}, {{es-data-2}}, {{es-master-0}}}}, term: 9, version: 418840, reason: ApplyCommitRequest{{term=9, version=418840}}"),
      ("org.elasticsearch.http.AbstractHttpServerTransport", "publish_address {10.42.4.31:9200}, bound_addresses {[::]:9200}"),
      ("org.elasticsearch.node.Node", "started {es-data-1}{H4v2jKcxS6uMl0pW7rEfoQ}{Yb7cN2pQRw6x0Lk1mZt9Ag}{es-data-1}{10.42.4.31}{10.42.4.31:9300}{dhist}{8.15.3}{7000099-8518000}")]
for i, (lg_, m) in enumerate(st):
    d1.append(es(UP - dt.timedelta(seconds=9) + dt.timedelta(milliseconds=800 * i), "INFO", lg_, "es-data-1", m, thread="main"))
t = UP + dt.timedelta(seconds=50)
while t < END:
    if r.random() < 0.5:
        d1.append(es(t, "INFO", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", "es-data-1",
                     f"[gc][{int((t - UP).total_seconds())}] overhead, spent [{r.randint(250, 420)}ms] collecting in the last [1s]",
                     thread="elasticsearch[{n}][scheduler][T#1]"))
    t += dt.timedelta(seconds=r.randint(30, 90), milliseconds=r.randint(0, 999))
c.write_log("logs/elasticsearch/es-data-1.log", d1)

# ---------------- metrics ----------------
SL = {"service": "search-api", "namespace": "search", "handler": "/v1/search"}
c.histogram("http_server_request_duration_seconds", SL, lambda t: 14.0,
            lambda t: 0.045 * (1 + 14 * blip(t)), [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], step=30)
c.counter("http_server_requests_total", {**SL, "code": "200"}, lambda t: 14.0 * (1 - 0.04 * blip(t)))
c.counter("http_server_requests_total", {**SL, "code": "504"}, lambda t: 14.0 * 0.04 * blip(t))
EL = {"cluster": "search", "job": "elasticsearch-exporter", "service": "elasticsearch"}
for color in ["green", "yellow", "red"]:
    c.gauge("elasticsearch_cluster_health_status", {**EL, "color": color},
            lambda t, color=color: 1 if (color == "yellow") == (DOWN <= t < GREEN) else 0, step=30)
c.gauge("elasticsearch_cluster_health_number_of_nodes", EL, lambda t: 3 if DOWN <= t < UP + dt.timedelta(seconds=6) else 4, step=30)
c.gauge("elasticsearch_cluster_health_unassigned_shards", EL,
        lambda t: 0 if not (DOWN <= t < GREEN) else (5 if t < UP + dt.timedelta(seconds=40) else max(0, 5 - int((t - UP).total_seconds() - 40) // 65)), step=30)
for n in ["es-data-0", "es-data-1", "es-data-2"]:
    c.gauge("elasticsearch_jvm_memory_used_bytes", {**EL, "name": n, "area": "heap"},
            lambda t, n=n: None if (n == "es-data-1" and DOWN <= t < UP) else r.uniform(3.1e9, 5.6e9), step=30, digits=0)
    c.counter("elasticsearch_indices_search_query_total", {**EL, "name": n},
              lambda t, n=n: None if (n == "es-data-1" and DOWN <= t < UP) else (70.0 if not (DOWN <= t < GREEN) else (95.0 if n != "es-data-1" else 30.0)))
c.write_metrics_csv()

c.write_jsonl("events.jsonl", [
    {"time": "2026-11-12T09:58:40Z", "service": "elasticsearch", "kind": "upgrade",
     "summary": "ECK rolling upgrade of Elasticsearch 'search' 8.15.2 -> 8.15.3 started (CHG-21877, approved maintenance window 10:00-10:30)", "author": "eck-operator"},
    {"time": "2026-11-12T10:02:10Z", "service": "elasticsearch", "kind": "restart",
     "summary": "es-data-1 restarted by elastic-operator (rolling upgrade, 1/1 data nodes remaining after es-data-0 and es-data-2 on 2026-11-11)", "author": "eck-operator"},
    {"time": "2026-11-12T10:10:05Z", "service": "elasticsearch", "kind": "upgrade",
     "summary": "ECK rolling upgrade complete: all 4 nodes on 8.15.3, cluster health green", "author": "eck-operator"},
])
c.bundle_yaml()
c.expected("none", None,
           "The latency alert fired during a planned, announced Elasticsearch rolling upgrade: es-data-1 left at 10:02, the "
           "cluster went YELLOW while its shards recovered, and search-api saw slow searches and a handful of 504s until "
           "the cluster returned to GREEN at 10:09:48. For the 40 minutes before the investigation time latency, error rate "
           "and cluster health are back at baseline, so nothing is broken now and no action is needed.")
