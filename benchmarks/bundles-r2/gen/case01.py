# r2-case01: checkout-api 5xx; origin: inventory-mongo index dropped -> COLLSCAN -> slow DB. JSON logs only.
import json
from common import *

c = Case(1, "checkout-api",
         "[FIRING:1] CheckoutAPIHighErrorRate checkout-api (namespace=shop severity=critical): 5xx ratio 31.8% > 5% for 5m",
         ["checkout-api", "inventory-svc", "inventory-mongo"], "2026-11-03T14:22:00Z")
r = c.rng
T0 = c.start
DROP = P("2026-11-03T13:47:41.206Z")
end = c.at

def jd(o):
    return json.dumps(o, separators=(",", ":"))

# ---------------- inventory-mongo ----------------
mongo = []
def mlog(t, s, comp, id_, ctx, msg, attr):
    mongo.append((t, jd({"t": {"$date": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond//1000:03d}+00:00"},
                        "s": s, "c": comp, "id": id_, "ctx": ctx, "msg": msg, "attr": attr})))

conn_no = [1180]
conn_count = [41]
def accept(t, ip, app):
    conn_no[0] += 1
    conn_count[0] += 1
    cid = conn_no[0]
    mlog(t, "I", "NETWORK", 22943, "listener", "Connection accepted",
         {"remote": f"{ip}:{r.randint(32768, 60999)}", "isLoadBalanced": False, "uuid": {"uuid": {"$uuid": uuid(r)}},
          "connectionId": cid, "connectionCount": conn_count[0]})
    drv = {"name": "mongo-go-driver", "version": "1.17.1"} if app == "inventory-svc" else {"name": "nodejs|mongosh", "version": "6.10.0|2.3.2"}
    mlog(t + dt.timedelta(milliseconds=3), "I", "NETWORK", 51800, f"conn{cid}", "client metadata",
         {"remote": f"{ip}:{r.randint(32768, 60999)}", "client": f"conn{cid}", "negotiatedCompressors": [],
          "doc": {"application": {"name": app}, "driver": drv, "os": {"type": "linux", "architecture": "amd64"},
                  "platform": "go1.23.4" if app == "inventory-svc" else "Node.js v20.18.1, LE"}})
    return cid

def ended(t, ip, cid):
    conn_count[0] -= 1
    mlog(t, "I", "NETWORK", 22944, f"conn{cid}", "Connection ended",
         {"remote": f"{ip}:{r.randint(32768, 60999)}", "isLoadBalanced": False, "uuid": {"uuid": {"$uuid": uuid(r)}},
          "connectionId": cid, "connectionCount": conn_count[0]})

inv_ips = ["10.42.2.17", "10.42.3.9"]
inv_conns = [1101 + i for i in range(24)]

# periodic checkpoint messages
t = T0 + dt.timedelta(seconds=17)
snap = 88213411
while t < end:
    snap += r.randint(2000, 9000)
    mlog(t, "I", "WTCHKPT", 22430, "Checkpointer", "WiredTiger message",
         {"message": {"ts_sec": int(t.timestamp()), "ts_usec": t.microsecond, "thread": "1:0x7f3b2e6fd640",
                      "session_name": "WT_SESSION.checkpoint", "category": "WT_VERB_CHECKPOINT_PROGRESS",
                      "category_id": 6, "verbose_level": "DEBUG_1", "verbose_level_id": 1,
                      "msg": f"saving checkpoint snapshot min: {snap}, snapshot max: {snap} snapshot count: 0, oldest timestamp: ({int(t.timestamp())-300}, 1) , meta checkpoint timestamp: ({int(t.timestamp())-60}, 1) base write gen: 1204331"}})
    t += dt.timedelta(seconds=60, milliseconds=r.randint(-40, 40))

# baseline red herring: analytics aggregation every 5 minutes (IXSCAN, slow-ish, harmless)
t = T0 + dt.timedelta(minutes=2, seconds=4)
while t < end:
    dur = r.randint(180, 640)
    mlog(t, "I", "COMMAND", 51803, f"conn{r.randint(1040,1060)}", "Slow query",
         {"type": "command", "ns": "inventory.movements", "appName": "stock-analytics",
          "command": {"aggregate": "movements", "pipeline": [{"$match": {"ts": {"$gte": {"$date": iso(t - dt.timedelta(hours=1), 3)}}}},
                                                              {"$group": {"_id": "$warehouse", "moved": {"$sum": "$qty"}}}],
                      "cursor": {}, "$db": "inventory"},
          "planSummary": "IXSCAN { ts: -1 }", "keysExamined": r.randint(90000, 130000), "docsExamined": r.randint(90000, 130000),
          "cursorExhausted": True, "numYields": r.randint(100, 160), "nreturned": 6, "queryHash": "B4F1A7E2",
          "planCacheKey": "0C77E5A9", "queryFramework": "sbe", "reslen": 512,
          "locks": {"FeatureCompatibilityVersion": {"acquireCount": {"r": 140}}, "Global": {"acquireCount": {"r": 140}}},
          "readConcern": {"level": "local", "provenance": "implicitDefault"}, "storage": {},
          "remote": "10.42.1.40:51200", "protocol": "op_msg", "durationMillis": dur})
    t += dt.timedelta(minutes=5, seconds=r.randint(-3, 3))

# the index drop by a human via mongosh
cid = accept(DROP - dt.timedelta(seconds=38), "10.42.0.5", "mongosh 2.3.2")
mlog(DROP, "I", "COMMAND", 51806, f"conn{cid}", "CMD: dropIndexes",
     {"namespace": "inventory.stock_levels", "uuid": {"uuid": {"$uuid": "5c1f0e8a-2b7d-4c39-9a51-0d6b3e1f7a42"}},
      "indexes": "\"sku_1_warehouse_1\""})
ended(DROP + dt.timedelta(minutes=2, seconds=11), "10.42.0.5", cid)

# reservation traffic (find + update per reservation) ; slow only after drop
def res_rate(t):
    return 0.22
res_times = poisson_times(r, T0, end, res_rate)
inv_events = []  # (t, dur_ms, ok, sku)
N_DOCS = 3841190
for t in res_times:
    sku = f"SKU-{r.randint(100000, 199999)}"
    wh = r.choice(["DUB1", "DUB1", "AMS2", "FRA1"])
    if t < DROP:
        inv_events.append((t, r.uniform(4, 19), True, sku, wh))
        continue
    load = ramp(t, DROP, DROP + dt.timedelta(minutes=12), 0.0, 1.0)
    d_find = r.gauss(1150 + 650 * load, 420)
    d_find = max(450, d_find)
    conn = f"conn{r.choice(inv_conns)}"
    fail = d_find > 3000
    attr = {"type": "command", "ns": "inventory.stock_levels", "appName": "inventory-svc",
            "command": {"find": "stock_levels", "filter": {"sku": sku, "warehouse": wh}, "limit": 1, "singleBatch": True,
                        "maxTimeMS": 3000, "$db": "inventory"},
            "planSummary": "COLLSCAN", "planningTimeMicros": r.randint(60, 140), "keysExamined": 0,
            "docsExamined": N_DOCS if not fail else r.randint(2900000, 3800000),
            "cursorExhausted": True, "numYields": r.randint(2900, 3900), "nreturned": 0 if fail else 1,
            "queryHash": "8E3A2C11", "planCacheKey": "5F0D9B21", "queryFramework": "classic", "reslen": 231 if fail else 318,
            "locks": {"FeatureCompatibilityVersion": {"acquireCount": {"r": 3100}}, "Global": {"acquireCount": {"r": 3100}}},
            "readConcern": {"level": "local", "provenance": "implicitDefault"},
            "storage": {},
            "remote": f"{r.choice(inv_ips)}:{r.randint(32768,60999)}", "protocol": "op_msg", "durationMillis": int(min(d_find, 3004))}
    if fail:
        attr.update({"ok": 0, "errMsg": "operation exceeded time limit", "errName": "MaxTimeMSExpired", "errCode": 50})
    tf = t + dt.timedelta(milliseconds=min(d_find, 3004))
    mlog(tf, "I", "COMMAND", 51803, conn, "Slow query", attr)
    dur = min(d_find, 3004)
    if not fail:
        d_up = max(350, r.gauss(900 + 500 * load, 350))
        fail2 = d_up > 3000
        mlog(tf + dt.timedelta(milliseconds=min(d_up, 3004)), "I", "WRITE", 51803, conn, "Slow query",
             {"type": "update", "ns": "inventory.stock_levels", "appName": "inventory-svc",
              "command": {"q": {"sku": sku, "warehouse": wh, "available": {"$gte": 1}},
                          "u": {"$inc": {"available": -1, "reserved": 1}}, "multi": False, "upsert": False},
              "planSummary": "COLLSCAN", "keysExamined": 0, "docsExamined": r.randint(1000000, N_DOCS),
              "nMatched": 0 if fail2 else 1, "nModified": 0 if fail2 else 1, "nUpserted": 0, "numYields": r.randint(1000, 3900),
              "queryHash": "1D0B77C3", "planCacheKey": "E2A4C918",
              "locks": {"ParallelBatchWriterMode": {"acquireCount": {"r": 3}}, "FeatureCompatibilityVersion": {"acquireCount": {"w": 3100}},
                        "ReplicationStateTransition": {"acquireCount": {"w": 3100}}, "Global": {"acquireCount": {"w": 3100}},
                        "Database": {"acquireCount": {"w": 3100}}, "Collection": {"acquireCount": {"w": 3100}}},
              "flowControl": {"acquireCount": 3098}, "storage": {}, "durationMillis": int(min(d_up, 3004)),
              **({"ok": 0, "errMsg": "operation exceeded time limit", "errName": "MaxTimeMSExpired", "errCode": 50} if fail2 else {})})
        dur += min(d_up, 3004)
        fail = fail2
    inv_events.append((t, dur, not fail, sku, wh))

# driver opens more connections once ops are slow
t = DROP + dt.timedelta(minutes=3)
opened = []
while t < DROP + dt.timedelta(minutes=20) and len(opened) < 40:
    ip = r.choice(inv_ips)
    opened.append(accept(t, ip, "inventory-svc"))
    inv_conns.append(opened[-1])
    t += dt.timedelta(seconds=r.randint(10, 40))
c.write_log("logs/inventory-mongo/inventory-mongo-0.log", mongo)

# ---------------- inventory-svc (zap production JSON) ----------------
pods = ["inventory-svc-5b8d7c9f4-kq2lz", "inventory-svc-5b8d7c9f4-w7vtn"]
inv = {p: [] for p in pods}
def zl(p, t, level, caller, msg, **kw):
    o = {"level": level, "ts": round(t.timestamp(), 6), "caller": caller, "msg": msg}
    o.update(kw)
    inv[p].append((t, jd(o)))

for (t, dur, ok, sku, wh) in inv_events:
    p = r.choice(pods)
    rid = hexid(r, 16)
    tend = t + dt.timedelta(milliseconds=dur)
    if ok:
        zl(p, tend, "info", "http/middleware.go:64", "request completed", method="POST", path="/v1/reservations",
           status=201, duration_ms=round(dur, 1), request_id=rid)
        if dur > 1000:
            zl(p, tend, "warn", "store/stock.go:141", "slow mongo operation", collection="stock_levels", op="find+update",
               duration_ms=round(dur, 1), request_id=rid)
    else:
        zl(p, tend, "error", "store/stock.go:97", "reserve stock failed", sku=sku, warehouse=wh, request_id=rid,
           error="(MaxTimeMSExpired) operation exceeded time limit")
        zl(p, tend, "info", "http/middleware.go:64", "request completed", method="POST", path="/v1/reservations",
           status=503, duration_ms=round(dur + r.uniform(0.2, 1.5), 1), request_id=rid)
# baseline noise: cache stats
for p in pods:
    t = T0 + dt.timedelta(seconds=r.randint(0, 59))
    while t < end:
        zl(p, t, "info", "cache/lru.go:58", "cache stats", entries=r.randint(18000, 21000), hit_ratio=round(r.uniform(0.55, 0.62), 3))
        t += dt.timedelta(minutes=1)
    # a connection pool checkout wait warning only after slowness
    t = DROP + dt.timedelta(minutes=6, seconds=r.randint(0, 30))
    while t < end:
        zl(p, t, "warn", "store/mongo.go:52", "mongo connection pool wait", wait_ms=r.randint(300, 2200),
           pool_in_use=r.randint(38, 50), max_pool_size=50)
        t += dt.timedelta(seconds=r.randint(40, 110))
for p in pods:
    c.write_log(f"logs/inventory-svc/{p}.jsonl", inv[p])

# ---------------- checkout-api (pino) ----------------
cpods = ["checkout-api-7d9f8b6c5-x2kqp", "checkout-api-7d9f8b6c5-m8r4t"]
chk = {p: [] for p in cpods}
def pl(p, t, level, msg, **kw):
    o = {"level": level, "time": ms(t), "pid": 1, "hostname": p}
    o.update(kw)
    o["msg"] = msg
    chk[p].append((t, jd(o)))
req_n = [0]
# checkout requests: each triggers a reservation. Map inventory events to checkouts.
for (t, dur, ok, sku, wh) in inv_events:
    if r.random() < 0.35:
        continue  # reservations also come from other callers (click&collect)
    p = r.choice(cpods)
    req_n[0] += 1
    rid = f"req-{req_n[0]:x}"
    t0 = t - dt.timedelta(milliseconds=r.uniform(20, 60))
    req = {"id": req_n[0], "method": "POST", "url": "/api/v1/checkout", "query": {}, "params": {},
           "remoteAddress": "::ffff:10.42.1." + str(r.randint(10, 90)), "remotePort": r.randint(30000, 60000)}
    if ok and dur < 3000:
        rt = dur + r.uniform(60, 160)
        pl(p, t0 + dt.timedelta(milliseconds=rt), 30, "request completed", reqId=rid, req=req,
           res={"statusCode": 201}, responseTime=round(rt))
    else:
        tt = t0 + dt.timedelta(milliseconds=3000 + r.uniform(40, 70))
        pl(p, tt, 50, "inventory reservation failed", reqId=rid, sku=sku,
           err={"type": "AxiosError", "message": "timeout of 3000ms exceeded", "code": "ECONNABORTED",
                "stack": "AxiosError: timeout of 3000ms exceeded\n    at RedirectableRequest.handleRequestTimeout (/app/node_modules/axios/dist/node/axios.cjs:3243:16)\n    at RedirectableRequest.emit (node:events:519:28)\n    at Timeout.<anonymous> (/app/node_modules/follow-redirects/index.js:221:12)\n    at Axios.request (/app/node_modules/axios/dist/node/axios.cjs:4358:41)\n    at async InventoryClient.reserve (/app/dist/clients/inventory.js:41:26)\n    at async CheckoutService.placeOrder (/app/dist/services/checkout.js:88:9)"})
        pl(p, tt + dt.timedelta(milliseconds=2), 50, "request errored", reqId=rid, req=req,
           res={"statusCode": 503},
           err={"type": "Error", "message": "failed with status code 503", "stack": "Error: failed with status code 503\n    at onResFinished (/app/node_modules/pino-http/logger.js:115:39)"},
           responseTime=round(3000 + r.uniform(45, 80)))
# other endpoints that do not touch inventory
for t in poisson_times(r, T0, end, lambda t: 0.17):
    p = r.choice(cpods)
    req_n[0] += 1
    url = r.choice(["/api/v1/cart", "/api/v1/cart", "/api/v1/shipping-options", "/api/v1/payment-methods"])
    rt = r.uniform(8, 45)
    pl(p, t, 30, "request completed", reqId=f"req-{req_n[0]:x}",
       req={"id": req_n[0], "method": "GET", "url": url, "query": {}, "params": {},
            "remoteAddress": "::ffff:10.42.1." + str(r.randint(10, 90)), "remotePort": r.randint(30000, 60000)},
       res={"statusCode": 200}, responseTime=round(rt))
# baseline red herring: feature-flag cache warning, and GET /healthz not logged
for p in cpods:
    t = T0 + dt.timedelta(seconds=r.randint(0, 300))
    while t < end:
        pl(p, t, 40, "feature flag snapshot stale; serving cached flags", flagsAgeSeconds=r.randint(301, 420),
           source="unleash-proxy")
        t += dt.timedelta(seconds=r.randint(280, 330))
for p in cpods:
    c.write_log(f"logs/checkout-api/{p}.jsonl", chk[p])

c.bundle_yaml()
c.expected("database_slow", "inventory-mongo",
           "At 13:47:41 someone connected with mongosh and dropped the sku_1_warehouse_1 index on inventory.stock_levels; "
           "from then every reservation find/update is a COLLSCAN over 3.8M documents taking 1.5-3 s and hitting maxTimeMS "
           "(MaxTimeMSExpired). inventory-svc times out and checkout-api returns 503 after its 3 s axios timeout, so the "
           "origin is the slow MongoDB, two hops below the alerted service. The feature-flag warnings and the analytics "
           "aggregation are baseline noise.")
