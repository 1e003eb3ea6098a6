# r2-case11: payments-api 502s; origin: CoreDNS forwarding changed to unreachable resolvers -> external names fail.
# Logs have NO timestamps (plain kubectl logs of CoreDNS and a Node.js app using morgan 'dev' + console.error).
from common import *

c = Case(11, "payments-api",
         "[FIRING:1] PaymentsApiErrors (service=payments-api namespace=payments severity=page): 5xx on POST /v1/payments 87% > 5% for 5m",
         ["payments-api", "coredns", "payments-db"], "2026-10-02T21:35:00Z")
r = c.rng
T0, END = c.start, c.at
CHANGE = P("2026-10-02T21:02:38Z")
RELOAD = P("2026-10-02T21:03:05Z")
# ---------------- CoreDNS ----------------
NEWSHA = hexid(r, 128)
cpods = {"coredns-5d78c9869d-7xq2m": "10.244.0.7", "coredns-5d78c9869d-kb4tn": "10.244.3.5"}
EXT = [("api.stripe.com.", 6), ("hooks.slack.com.", 1), ("sqs.eu-west-1.amazonaws.com.", 3), ("api.sendgrid.com.", 1),
       ("o4504123.ingest.sentry.io.", 2), ("sts.eu-west-1.amazonaws.com.", 1)]
names = [n for n, w in EXT for _ in range(w)]
for p, ip in cpods.items():
    L = [".:53",
         "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908",
         "CoreDNS-1.11.3", "linux/amd64, go1.21.11, a6338e9",
         "[WARNING] plugin/kubernetes: starting server with unsynced Kubernetes API",
         ]
    # reload at the change
    L += ["[INFO] Reloading",
          "[INFO] plugin/reload: Running configuration SHA512 = " + NEWSHA,
          "[INFO] Reloading complete",
          f"[ERROR] plugin/errors: 2 {r.randint(10**18, 9 * 10**18)}.{r.randint(10**18, 9 * 10**18)}. HINFO: read udp {ip}:{r.randint(32768, 60999)}->10.20.0.2:53: i/o timeout"]
    n_err = int((END - RELOAD).total_seconds() * 0.45)
    for i in range(n_err):
        nm = r.choice(names)
        typ = r.choice(["A", "A", "AAAA"])
        up = r.choice(["10.20.0.2", "10.20.0.3"])
        L.append(f"[ERROR] plugin/errors: 2 {nm} {typ}: read udp {ip}:{r.randint(32768, 60999)}->{up}:53: i/o timeout")
    c.write(f"logs/coredns/{p}.log", "\n".join(L))

# ---------------- payments-api (node, morgan dev, no timestamps) ----------------
pp = ["payments-api-78d6b5c9f4-hq2vn", "payments-api-78d6b5c9f4-t8kzp"]
out = {p: ["(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.",
           "(Use `node --trace-deprecation ...` to show where the warning was created)",
           "payments-api 5.4.0 listening on :8080 (NODE_ENV=production)",
           "connected to postgres payments-db.payments.svc.cluster.local:5432/payments (pool max=20)"] for p in pp}
evs = []
POD_START = P('2026-10-02T20:48:41Z')
for t in poisson_times(r, POD_START + dt.timedelta(seconds=6), END, lambda t: 0.16):
    evs.append(t)
for t in evs:
    p = r.choice(pp)
    broken = t >= RELOAD + dt.timedelta(seconds=20)
    kind = r.random()
    if kind < 0.45:
        # create payment -> Stripe
        if not broken:
            out[p].append(f"POST /v1/payments 201 {r.uniform(280, 900):.3f} ms - {r.randint(180, 240)}")
        else:
            if r.random() < 0.12:   # cached answer still valid for a few lookups
                out[p].append(f"POST /v1/payments 201 {r.uniform(300, 900):.3f} ms - {r.randint(180, 240)}")
                continue
            out[p].append("payment intent creation failed order=ord_%s: StripeConnectionError: An error occurred with our connection to Stripe. Request was retried 2 times." % hexid(r, 10))
            out[p].append("    at /app/node_modules/stripe/cjs/RequestSender.js:203:35\n"
                          "    at ClientRequest.<anonymous> (/app/node_modules/stripe/cjs/net/NodeHttpClient.js:51:24)\n"
                          "    at ClientRequest.emit (node:events:519:28)\n"
                          "    at TLSSocket.socketErrorListener (node:_http_client:500:9)\n"
                          "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {\n"
                          "  type: 'StripeConnectionError',\n"
                          "  raw: {\n"
                          "    message: 'An error occurred with our connection to Stripe. Request was retried 2 times.',\n"
                          "    detail: Error: getaddrinfo EAI_AGAIN api.stripe.com\n"
                          "        at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26) {\n"
                          "      errno: -3001,\n"
                          "      code: 'EAI_AGAIN',\n"
                          "      syscall: 'getaddrinfo',\n"
                          "      hostname: 'api.stripe.com'\n"
                          "    }\n"
                          "  }\n"
                          "}")
            out[p].append(f"POST /v1/payments 502 {r.uniform(20100, 31000):.3f} ms - 96")
    elif kind < 0.9:
        out[p].append(f"GET /v1/payments/pay_{hexid(r, 14)} 200 {r.uniform(3, 14):.3f} ms - {r.randint(400, 900)}")
    else:
        if broken and r.random() < 0.7:
            out[p].append("webhook notify failed: Error: getaddrinfo EAI_AGAIN hooks.slack.com")
        out[p].append(f"GET /healthz 200 {r.uniform(0.4, 1.2):.3f} ms - 15")
for p in pp:
    c.write(f"logs/payments-api/{p}.log", "\n".join(out[p]))

# ---------------- metrics (timestamps come from here) ----------------
for p, ip in cpods.items():
    L = {"pod": p, "namespace": "kube-system", "job": "kube-dns", "service": "coredns", "server": "dns://:53", "zone": "."}
    c.counter("coredns_dns_requests_total", {**L, "proto": "udp", "family": "1", "type": "A"}, lambda t: 410.0)
    c.counter("coredns_dns_requests_total", {**L, "proto": "udp", "family": "1", "type": "AAAA"}, lambda t: 395.0)
    c.counter("coredns_dns_responses_total", {**L, "rcode": "NOERROR", "plugin": ""}, lambda t: 290.0 if t < RELOAD else 262.0)
    c.counter("coredns_dns_responses_total", {**L, "rcode": "NXDOMAIN", "plugin": "kubernetes"}, lambda t: 512.0)
    c.counter("coredns_dns_responses_total", {**L, "rcode": "SERVFAIL", "plugin": ""}, lambda t: 0.0 if t < RELOAD else 2.1)
    FL = {"pod": p, "namespace": "kube-system", "job": "kube-dns", "service": "coredns"}
    c.counter("coredns_forward_requests_total", {**FL, "to": "10.0.0.2:53"}, lambda t: 30.0 if t < RELOAD else None)
    for up in ["10.20.0.2:53", "10.20.0.3:53"]:
        c.counter("coredns_forward_requests_total", {**FL, "to": up}, lambda t: None if t < RELOAD else 1.4)
        c.counter("coredns_forward_healthcheck_failures_total", {**FL, "to": up}, lambda t: None if t < RELOAD else 0.5)
    c.counter("coredns_cache_misses_total", {**FL, "server": "dns://:53", "type": "denial"}, lambda t: 3.0)
    c.gauge("coredns_build_info", {**FL, "version": "1.11.3", "revision": "a6338e9", "goversion": "go1.21.11"}, lambda t: 1, step=60)
HL = {"service": "payments-api", "namespace": "payments", "route": "/v1/payments", "method": "POST"}
c.counter("http_requests_total", {**HL, "code": "201"}, lambda t: 3.1 if t < RELOAD else 0.35)
c.counter("http_requests_total", {**HL, "code": "502"}, lambda t: 0.0 if t < RELOAD else 2.7)
c.counter("http_requests_total", {**HL, "route": "/v1/payments/:id", "method": "GET", "code": "200"}, lambda t: 3.0)
c.gauge("pg_up", {"service": "payments-db", "namespace": "payments", "job": "postgres-exporter"}, lambda t: 1, step=30)
c.counter("pg_stat_database_xact_commit", {"service": "payments-db", "namespace": "payments", "datname": "payments", "job": "postgres-exporter"}, lambda t: 44.0 if t < RELOAD else 28.0)
c.write_metrics_csv()
c.write_jsonl("events.jsonl", [
    {"time": "2026-10-02T20:48:19Z", "service": "payments-api", "kind": "deployment",
     "summary": "payments-api 5.3.9 -> 5.4.0 (3DS challenge copy changes, stripe-node 16.12 -> 17.2)", "author": "argo-cd"},
    {"time": "2026-10-02T21:02:38Z", "service": "coredns", "kind": "config",
     "summary": "kube-system/coredns ConfigMap updated: 'forward . /etc/resolv.conf' -> 'forward . 10.20.0.2 10.20.0.3' (route external lookups via corporate resolvers, NET-1184)", "author": "platform-bot"},
])
c.bundle_yaml()
c.expected("network_dns", "coredns",
           "At 21:02 the CoreDNS Corefile was changed to forward external names to 10.20.0.2/10.20.0.3; after the reload "
           "every forwarded query times out ('read udp ...->10.20.0.2:53: i/o timeout', SERVFAIL rising, forward health "
           "checks failing) while cluster-internal names still resolve. payments-api then fails to resolve api.stripe.com "
           "(getaddrinfo EAI_AGAIN) and returns 502, while reads against the in-cluster database keep working. Stripe is "
           "not down and the payments-api deployment at 20:48 preceded the errors by 15 minutes without effect.")
