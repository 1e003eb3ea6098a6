# r2-case20: HAProxy alert for a backend server not UP: app3 was put in maintenance on purpose (kernel patching).
# Traffic is served by app1/app2 without errors. Healthy.
from common import *

c = Case(20, "haproxy-edge",
         "[FIRING:1] HAProxyServerNotUp (instance=lb-edge-1:8405 proxy=be_checkout server=app3 state=MAINT severity=warning): backend server has not been UP for 5m",
         ["haproxy-edge", "checkout-app"], "2026-07-08T22:20:00Z")
r = c.rng
T0, END = c.start, c.at
MAINT = P("2026-07-08T21:34:10.412Z")
SERVERS = {"app1": "10.20.4.11:8080", "app2": "10.20.4.12:8080", "app3": "10.20.4.13:8080"}
L = []
def hl(t, txt):
    L.append((t, txt))
for t in poisson_times(r, T0, END, lambda t: 0.7):
    cands = ["app1", "app2", "app3"] if t < MAINT else ["app1", "app2"]
    s = r.choice(cands)
    ip = f"{r.choice(['81.2', '92.40', '5.148', '185.23', '77.111'])}.{r.randint(1, 254)}.{r.randint(1, 254)}"
    path = r.choice(["/api/checkout/cart", "/api/checkout/cart", "/api/checkout/shipping", "/api/checkout/payment-methods", "/api/checkout/submit"])
    meth = "POST" if path.endswith("submit") else "GET"
    tr = r.randint(0, 2); tw = 0; tc = r.randint(0, 2); trs = int(r.lognormvariate(3.4, 0.5)); ta = tr + tw + tc + trs
    conn = r.randint(90, 160)
    st, term, size = (200, "----", r.randint(400, 6000))
    x = r.random()
    if x < 0.008:
        st, term, size = (-1, "CD--", 0)
    elif x < 0.012:
        st, term, size = (404, "----", 152)
    stamp = t.strftime("%d/%b/%Y:%H:%M:%S.") + f"{t.microsecond // 1000:03d}"
    hl(t, f'{ip}:{r.randint(1024, 65535)} [{stamp}] fe_https~ be_checkout/{s} {tr}/{tw}/{tc}/{trs}/{ta} {st} {size} - - {term} {conn}/{conn - 2}/{r.randint(0, 4)}/{r.randint(0, 3)}/0 0/0 "{meth} {path} HTTP/2.0"')
t = T0 + dt.timedelta(seconds=r.randint(5, 60))
while t < END:
    stamp = t.strftime("%d/%b/%Y:%H:%M:%S.") + f"{t.microsecond // 1000:03d}"
    hl(t, f"{r.choice(['45.148', '193.32', '167.94'])}.{r.randint(1, 254)}.{r.randint(1, 254)}:{r.randint(1024, 65535)} [{stamp}] fe_https/1: SSL handshake failure")
    t += dt.timedelta(seconds=r.randint(20, 120), milliseconds=r.randint(0, 999))
hl(MAINT, "[WARNING]  (8) : Server be_checkout/app3 is going DOWN for maintenance. 2 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.")
c.write_log("logs/haproxy-edge/haproxy-lb-edge-1.log", L)

HL = {"instance": "lb-edge-1:8405", "job": "haproxy", "service": "haproxy-edge"}
for s in SERVERS:
    for state in ["UP", "DOWN", "MAINT", "DRAIN", "NOLB"]:
        c.gauge("haproxy_server_status", {**HL, "proxy": "be_checkout", "server": s, "state": state},
                lambda t, s=s, state=state: 1 if ((state == "MAINT") if (s == "app3" and t >= MAINT) else (state == "UP")) else 0, step=30,
                help="Current status of the service, per state label value.")
    c.gauge("haproxy_server_current_sessions", {**HL, "proxy": "be_checkout", "server": s},
            lambda t, s=s: 0 if (s == "app3" and t >= MAINT) else r.randint(4, 14) * (1.5 if t >= MAINT else 1.0), step=30, digits=0,
            help="Number of current sessions on the frontend, backend or server")
    c.counter("haproxy_server_http_responses_total", {**HL, "proxy": "be_checkout", "server": s, "code": "2xx"},
              lambda t, s=s: 0.0 if (s == "app3" and t >= MAINT) else (13.3 if t < MAINT else 20.0),
              help="Total number of HTTP responses with status 100-199 returned by this object since started")
    c.counter("haproxy_server_http_responses_total", {**HL, "proxy": "be_checkout", "server": s, "code": "5xx"},
              lambda t, s=s: 0.0 if (s == "app3" and t >= MAINT) else 0.002)
    c.gauge("haproxy_server_response_time_average_seconds", {**HL, "proxy": "be_checkout", "server": s},
            lambda t, s=s: None if (s == "app3" and t >= MAINT) else r.uniform(0.028, 0.036) * (1.08 if t >= MAINT else 1.0), step=30, digits=4,
            help="Avg. response time for last 1024 successful connections.")
c.counter("haproxy_backend_http_responses_total", {**HL, "proxy": "be_checkout", "code": "2xx"}, lambda t: 40.0)
c.counter("haproxy_backend_http_responses_total", {**HL, "proxy": "be_checkout", "code": "5xx"}, lambda t: 0.006)
c.gauge("haproxy_backend_active_servers", {**HL, "proxy": "be_checkout"}, lambda t: 3 if t < MAINT else 2, step=30, help="Total number of active UP servers with a non-zero weight")
c.counter("haproxy_frontend_http_requests_total", {**HL, "proxy": "fe_https"}, lambda t: 41.0)
c.write_metrics_prom("haproxy.prom")
c.write_jsonl("events.jsonl", [
    {"time": "2026-07-08T21:33:55Z", "service": "checkout-app", "kind": "maintenance",
     "summary": "CHG-4471: app3 (10.20.4.13) drained and set to MAINT via HAProxy runtime API for kernel patching (kernel 6.8.0-40 -> 6.8.0-45); app3 returns tomorrow 07:00", "author": "ops-oncall"},
])
c.bundle_yaml()
c.expected("none", None,
           "app3 was deliberately put into maintenance at 21:34 under change CHG-4471 (kernel patching); HAProxy logs the "
           "administrative 'going DOWN for maintenance' with 0 sessions requeued. app1 and app2 absorb the traffic with "
           "no 5xx and essentially unchanged response times, so the service is healthy and the alert is expected "
           "during the change (it should have been silenced). The SSL handshake failures and client aborts are "
           "background noise.")
