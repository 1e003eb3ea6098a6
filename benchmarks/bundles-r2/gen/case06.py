# r2-case06: catalog-indexer bulk failures; origin: Elasticsearch data node hit the flood-stage disk watermark
# (reindex doubled the index), indices became read-only.
import json
from common import *

c = Case(6, "catalog-indexer",
         "[FIRING:1] CatalogIndexerBulkFailures (service=catalog-indexer namespace=search severity=critical): bulk indexing failure ratio 100% for 10m, catalog freshness lag 36m",
         ["catalog-indexer", "elasticsearch", "search-api"], "2026-07-30T06:50:00Z")
r = c.rng
T0, END = c.start, c.at
FLOOD = P("2026-07-30T06:12:31.207Z")
GB = 1024 ** 3
TOTAL = 250 * GB
NODES = {"es-data-0": ("u7yTq1aLRkS0b9QeXv2dYg", 0.862, 0.905), "es-data-1": ("H4v2jKcxS6uMl0pW7rEfoQ", 0.871, 0.918),
         "es-data-2": ("9sLmZ3nQTmW1xRk5aYb0cA", 0.892, 0.951)}
def used_frac(n, t):
    _, a, b = NODES[n]
    if n == "es-data-2":
        if t < FLOOD:
            return ramp(t, T0, FLOOD, a, 0.9502)
        return 0.9502 + 0.0012 * (t - FLOOD).total_seconds() / 2280
    return ramp(t, T0, FLOOD, a, b) if t < FLOOD else b + 0.0005
# ---------------- ES master log ----------------
def es(t, lvl, logger, msg, thread):
    return (t, json.dumps({"@timestamp": iso(t, 3), "log.level": lvl, "message": msg, "ecs.version": "1.2.0",
                           "service.name": "ES_ECS", "event.dataset": "elasticsearch.server", "process.thread.name": thread,
                           "log.logger": logger, "elasticsearch.cluster.uuid": "b1Q7xZ2kR9m3T0aVn5Lw8g",
                           "elasticsearch.node.id": "pQ8c0sVbTtyG2m1n8Zr3Kw", "elasticsearch.node.name": "es-master-0",
                           "elasticsearch.cluster.name": "catalog"}, separators=(",", ":")))
ml = []
DT = "org.elasticsearch.cluster.routing.allocation.DiskThresholdMonitor"
TH = "elasticsearch[es-master-0][management][T#3]"
t = T0 + dt.timedelta(seconds=7.3)
while t < END:
    for n in NODES:
        nid = NODES[n][0]
        u = used_frac(n, t)
        free = TOTAL * (1 - u)
        fs = f"[{nid}][{n}][/usr/share/elasticsearch/data] free: {free / GB:.1f}gb[{(1 - u) * 100:.1f}%]"
        if u >= 0.95:
            ml.append(es(t, "WARN", DT, f"flood stage disk watermark [95%] exceeded on {fs}, all indices on this node will be marked read-only", TH))
        elif u >= 0.90:
            ml.append(es(t, "WARN", DT, f"high disk watermark [90%] exceeded on {fs}, shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete", TH))
        elif u >= 0.85 and r.random() < 0.12:
            ml.append(es(t, "INFO", DT, f"low disk watermark [85%] exceeded on {fs}, replicas will not be assigned to this node", TH))
    t += dt.timedelta(seconds=30, milliseconds=r.randint(-20, 20))
t = T0 + dt.timedelta(seconds=95)
while t < END:
    ml.append(es(t, "WARN", "org.elasticsearch.deprecation.cluster.metadata.MetadataIndexTemplateService",
                 "Legacy index templates are deprecated in favor of composable templates.", "elasticsearch[es-master-0][masterService#updateTask][T#1]"))
    t += dt.timedelta(seconds=r.randint(540, 780))
c.write_log("logs/elasticsearch/es-master-0.jsonl", ml)

# ---------------- catalog-indexer ----------------
il = []
def py(t, lvl, name, msg):
    il.append((t, f"{t.strftime('%Y-%m-%d %H:%M:%S')},{t.microsecond // 1000:03d} {lvl:<8} {name}: {msg}"))
t = T0 + dt.timedelta(seconds=3.3)
cycle = 88211
backlog = 0
while t < END:
    cycle += 1
    n = r.randint(180, 500)
    if t < FLOOD:
        d = r.randint(300, 900)
        py(t, "INFO", "catalog_indexer.sync", f"cycle {cycle}: {n} changed products since checkpoint")
        py(t + dt.timedelta(milliseconds=d), "INFO", "catalog_indexer.bulk", f"indexed {n} docs into products in {d}ms (errors=0)")
        py(t + dt.timedelta(milliseconds=d + 40), "INFO", "catalog_indexer.sync", f"checkpoint advanced to pim_seq={88000000 + cycle * 431}")
        if r.random() < 0.07:
            py(t + dt.timedelta(milliseconds=d + 5), "WARNING", "urllib3.connectionpool",
               "Connection pool is full, discarding connection: elasticsearch-es-http.search.svc. Connection pool size: 10")
    else:
        backlog += n
        py(t, "INFO", "catalog_indexer.sync", f"cycle {cycle}: {backlog} changed products since checkpoint")
        d = r.randint(40, 120)
        py(t + dt.timedelta(milliseconds=d), "ERROR", "catalog_indexer.bulk",
           f"bulk request failed: {min(backlog, 500)} document(s) failed to index. first error: {{'index': {{'_index': 'products', '_id': 'SKU-{r.randint(100000, 999999)}', 'status': 429, 'error': {{'type': 'cluster_block_exception', 'reason': 'index [products] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}}}}}}")
        py(t + dt.timedelta(milliseconds=d + 3), "WARNING", "catalog_indexer.sync", f"checkpoint not advanced (pim_seq={88000000 + 88211 * 431 + 20000}), will retry in 30s; backlog={backlog}")
    t += dt.timedelta(seconds=30, milliseconds=r.randint(-200, 200))
c.write_log("logs/catalog-indexer/catalog-indexer-6d9c7b5f48-qw2rt.log", il)

# search-api keeps serving reads
sl = []
for t in poisson_times(r, T0, END, lambda t: 0.2):
    took = int(r.lognormvariate(3.3, 0.4))
    sl.append((t, json.dumps({"time": iso(t, 3), "level": "INFO", "msg": "search completed", "index": "products", "took_ms": took,
                              "hits": r.randint(0, 3000), "status": 200}, separators=(",", ":"))))
c.write_log("logs/search-api/search-api-55f8d6c7b9-t6h2m.jsonl", sl)

# ---------------- metrics (Prometheus text with timestamps) ----------------
for n in NODES:
    L = {"cluster": "catalog", "name": n, "job": "elasticsearch-exporter", "service": "elasticsearch", "path": "/usr/share/elasticsearch/data"}
    c.gauge("elasticsearch_filesystem_data_size_bytes", L, lambda t: TOTAL, step=30, digits=0, help="Size of block device in bytes")
    c.gauge("elasticsearch_filesystem_data_available_bytes", L, lambda t, n=n: TOTAL * (1 - used_frac(n, t)) + r.gauss(0, 0.02 * GB), step=30, digits=0,
            help="Available space on block device in bytes")
    c.counter("elasticsearch_indices_indexing_index_total", {k: v for k, v in L.items() if k != "path"},
              lambda t: 3100.0 if t < FLOOD else 2.0, help="Total index calls")
EL = {"cluster": "catalog", "job": "elasticsearch-exporter", "service": "elasticsearch"}
for color in ["green", "yellow", "red"]:
    c.gauge("elasticsearch_cluster_health_status", {**EL, "color": color}, lambda t, color=color: 1 if color == "green" else 0, step=30,
            help="Whether all primary and replica shards are allocated.")
IL = {"service": "catalog-indexer", "namespace": "search", "pod": "catalog-indexer-6d9c7b5f48-qw2rt"}
c.counter("catalog_indexer_bulk_docs_total", {**IL, "result": "indexed"}, lambda t: 11.5 if t < FLOOD else 0.0, help="Documents sent in bulk requests by result")
c.counter("catalog_indexer_bulk_docs_total", {**IL, "result": "failed"}, lambda t: 0.0 if t < FLOOD else 16.0, help="Documents sent in bulk requests by result")
c.gauge("catalog_indexer_checkpoint_lag_seconds", IL, lambda t: r.uniform(20, 45) if t < FLOOD else (t - FLOOD).total_seconds() + 30, step=30, digits=0,
        help="Age of the oldest unindexed change")
c.counter("http_requests_total", {"service": "search-api", "namespace": "search", "code": "200"}, lambda t: 31.0, help="HTTP requests")
c.write_metrics_prom("catalog.prom")

c.write_jsonl("events.jsonl", [
    {"time": "2026-07-30T05:31:12Z", "service": "elasticsearch", "kind": "maintenance",
     "summary": "search team started POST _reindex products -> products-v7 (new edge-ngram analyzer), slices=auto, task pQ8c0sVbTtyG2m1n8Zr3Kw:88123041", "author": "a.kowalski"},
    {"time": "2026-07-30T04:02:00Z", "service": "search-api", "kind": "deployment",
     "summary": "search-api 5.12.1 -> 5.12.2 (query logging sampling 1% -> 0.5%)", "author": "argo-cd"},
])
c.bundle_yaml()
c.expected("disk_full", "elasticsearch",
           "The reindex into products-v7 filled the Elasticsearch data disks; es-data-2 crossed the 95% flood-stage "
           "watermark at 06:12:31 and every index with a shard on it was marked read-only-allow-delete. Since then each "
           "catalog-indexer bulk request fails with cluster_block_exception TOO_MANY_REQUESTS/12 'disk usage exceeded "
           "flood-stage watermark', so the indexer's failures are a symptom of the full disk. Reads (search-api) still work; "
           "the urllib3 pool warnings and legacy-template deprecations are baseline noise.")
