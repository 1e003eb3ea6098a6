# r2-case22: mobile-gateway (Istio/Envoy) 504s on /v1/profile; origin: profile-svc SQLAlchemy pool exhausted after a
# config rollout set pool_size=5/max_overflow=0 (normal evening traffic). Evidence: JSON logs only.
import json
from common import *

c = Case(22, "mobile-gateway",
         "[FIRING:1] MobileGatewayUpstream5xx (service=mobile-gateway namespace=edge route=profile severity=page): 5xx ratio 36.2% > 2% for 10m (response_flags UT)",
         ["mobile-gateway", "profile-svc", "feed-svc", "profile-db"], "2026-02-24T20:15:00Z")
r = c.rng
T0, END = c.start, c.at
ROLL = P("2026-02-24T19:32:08Z")
HOLD = 0.3          # seconds a request holds a DB connection (session per request)
POOL = 5 * 3        # pool_size 5, max_overflow 0, 3 pods
def prof_rps(t):
    return 31.0 + ramp(t, P("2026-02-24T19:30:00Z"), P("2026-02-24T20:05:00Z"), 0, 24.0)
def util(t):
    return prof_rps(t) * HOLD / POOL if t >= ROLL else prof_rps(t) * HOLD / 60
def p_timeout(t):
    u = util(t)
    return 0.0 if u < 0.92 else min(0.6, (u - 0.92) * 2.2)
def jd(o):
    return json.dumps(o, separators=(",", ":"))
GW = []
ppods = {"profile-svc-59c7d8f6b4-8rj2d": "10.8.3.14", "profile-svc-59c7d8f6b4-dk5wq": "10.8.1.52", "profile-svc-59c7d8f6b4-vp9xs": "10.8.2.27"}
oldpods = {"profile-svc-6b8d9c7f5-2nqrm": "10.8.1.19", "profile-svc-6b8d9c7f5-kt4hz": "10.8.2.88", "profile-svc-6b8d9c7f5-x7wlc": "10.8.3.61"}
app_events = []
def envoy(t, path, code, flags, details, dur, ups, cluster, route, sent):
    return (t, jd({"authority": "api.example.app", "bytes_received": 0, "bytes_sent": sent, "connection_termination_details": None,
                   "downstream_local_address": "10.8.0.12:8443", "downstream_remote_address": f"{r.randint(80, 200)}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}:{r.randint(1024, 65535)}",
                   "duration": dur, "method": "GET", "path": path, "protocol": "HTTP/2", "request_id": uuid(r), "requested_server_name": "api.example.app",
                   "response_code": code, "response_code_details": details, "response_flags": flags, "route_name": route,
                   "start_time": iso(t, 3), "upstream_cluster": cluster, "upstream_host": ups,
                   "upstream_local_address": f"10.8.0.12:{r.randint(30000, 60000)}" if ups else None, "upstream_service_time": str(dur - 1) if code < 500 or flags == "-" else None,
                   "upstream_transport_failure_reason": None, "user_agent": r.choice(["ExampleApp/6.14.0 (iPhone; iOS 18.3; Scale/3.00)", "ExampleApp/6.14.0 (Android 15; Pixel 8)", "okhttp/4.12.0"]),
                   "x_forwarded_for": None}))
PC = "outbound|8000||profile-svc.profiles.svc.cluster.local"
FC = "outbound|8080||feed-svc.feed.svc.cluster.local"
SAMPLE = 0.0042
for t in poisson_times(r, T0, END, lambda t: prof_rps(t) * SAMPLE):
    pods_now = ppods if t >= ROLL + dt.timedelta(seconds=30) else oldpods
    pod = r.choice(list(pods_now))
    ip = pods_now[pod]
    path = r.choice(["/v1/profile/me", "/v1/profile/me", "/v1/profile/me/preferences", "/v1/profile/me/avatar"])
    if r.random() < p_timeout(t):
        GW.append(envoy(t, path, 504, "UT", "response_timeout", 8000 + r.randint(0, 3), f"{ip}:8000", PC, "profile", 24))
        app_events.append((t + dt.timedelta(seconds=10), pod, path, "timeout"))
    else:
        u = util(t)
        wait = 0 if u < 0.8 else int(r.uniform(0, 7000) * min(1, (u - 0.8) * 3))
        d = wait + int(r.lognormvariate(5.6, 0.35))
        GW.append(envoy(t, path, 200, "-", "via_upstream", d, f"{ip}:8000", PC, "profile", r.randint(600, 2400)))
        app_events.append((t + dt.timedelta(milliseconds=d), pod, path, ("ok", wait, d)))
for t in poisson_times(r, T0, END, lambda t: 48 * SAMPLE):
    d = int(r.lognormvariate(4.2, 0.4))
    GW.append(envoy(t, "/v1/feed?cursor=" + hexid(r, 10), 200, "-", "via_upstream", d, f"10.8.{r.randint(1, 3)}.{r.randint(10, 99)}:8080", FC, "feed", r.randint(4000, 30000)))
c.write_log("logs/mobile-gateway/istio-ingressgateway-7f9c8d6b5-lm4qz.jsonl", GW)

# ---------------- profile-svc (python-json-logger) ----------------
plog = {p: [] for p in ppods}
def pj(t, p, lvl, name, msg, **kw):
    o = {"asctime": t.strftime("%Y-%m-%d %H:%M:%S,") + f"{t.microsecond // 1000:03d}", "levelname": lvl, "name": name, "message": msg}
    o.update(kw)
    plog[p].append((t, jd(o)))
for i, p in enumerate(ppods):
    s = ROLL + dt.timedelta(seconds=4 + 9 * i)
    pj(s, p, "INFO", "uvicorn.error", "Started server process [1]")
    pj(s + dt.timedelta(milliseconds=30), p, "INFO", "uvicorn.error", "Waiting for application startup.")
    pj(s + dt.timedelta(milliseconds=410), p, "INFO", "profile.db", "database engine configured", pool_size=5, max_overflow=0, pool_timeout=10,
       pool_pre_ping=True, dsn="postgresql+psycopg://profile_rw@profile-db.profiles.svc:5432/profiles")
    pj(s + dt.timedelta(milliseconds=650), p, "INFO", "uvicorn.error", "Application startup complete.")
    pj(s + dt.timedelta(milliseconds=652), p, "INFO", "uvicorn.error", "Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)")
for (t, p, path, kind) in app_events:
    if p not in ppods:
        continue
    if kind == "timeout":
        pj(t, p, "ERROR", "profile.api", f"unhandled error on GET {path}", request_id=uuid(r),
           exc_info="Traceback (most recent call last):\n"
                    "  File \"/app/profile/api/deps.py\", line 22, in get_session\n"
                    "    async with SessionLocal() as session:\n"
                    "  File \"/usr/local/lib/python3.12/site-packages/sqlalchemy/ext/asyncio/engine.py\", line 1053, in _get_connection\n"
                    "    await greenlet_spawn(self.sync_engine.raw_connection)\n"
                    "  File \"/usr/local/lib/python3.12/site-packages/sqlalchemy/pool/impl.py\", line 168, in _do_get\n"
                    "    raise exc.TimeoutError(\n"
                    "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 0 reached, connection timed out, timeout 10.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)")
        pj(t + dt.timedelta(milliseconds=1), p, "INFO", "uvicorn.access", f'10.8.0.12:{r.randint(30000, 60000)} - "GET {path} HTTP/1.1" 500', status_code=500)
    else:
        _, wait, d = kind
        if wait > 1000:
            pj(t, p, "WARNING", "profile.api", "slow request", path=path, duration_ms=d, db_pool_wait_ms=wait, db_query_ms=round(r.uniform(1.5, 6.0), 1))
        pj(t, p, "INFO", "uvicorn.access", f'10.8.0.12:{r.randint(30000, 60000)} - "GET {path} HTTP/1.1" 200', status_code=200)
for p in ppods:
    c.write_log(f"logs/profile-svc/{p}.jsonl", plog[p])
c.bundle_yaml()
c.expected("connection_pool_exhaustion", "profile-svc",
           "Since the 19:32 rollout profile-svc runs with pool_size=5, max_overflow=0 (15 connections across three pods); "
           "as the normal evening traffic rises, requests queue for a connection, queries themselves stay at a few ms, "
           "and from ~19:50 checkouts time out with 'QueuePool limit of size 5 overflow 0 reached, connection timed out'. "
           "The gateway's 504 UT responses on the profile route are the symptom; the feed route through the same gateway "
           "is fine. Because the undersized pool arrived with a config rollout, bad_deployment is an acceptable framing.",
           also={"root_cause": ["bad_deployment"]})
