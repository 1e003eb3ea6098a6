# r2-case07: wallet-api 5xx; origin: ledger-grpc serving certificate expired (cert-manager renewals failing for a month).
import json
from common import *

c = Case(7, "wallet-api",
         "[FIRING:1] WalletApiHighErrorRate (service=wallet-api namespace=wallet severity=page): 5xx ratio 97.1% > 2% for 5m",
         ["wallet-api", "ledger-grpc", "cert-manager"], "2026-06-11T09:30:00Z")
r = c.rng
T0, END = c.start, c.at
EXP = P("2026-06-11T09:02:17Z")
NB = EXP - dt.timedelta(days=90)
RENEW = EXP - dt.timedelta(days=30)
MAXAGE = dt.timedelta(minutes=5)
def broken_frac(t):
    # existing HTTP/2 connections survive until MaxConnectionAge (5m +/- jitter) forces a reconnect
    if t < EXP:
        return 0.0
    return min(1.0, (t - EXP).total_seconds() / MAXAGE.total_seconds())
def ctime(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

wpods = ["wallet-api-69f4b7d8c5-8nvhc", "wallet-api-69f4b7d8c5-ql4xs"]
wl = {p: [] for p in wpods}
ledger_reqs = []
for t in poisson_times(r, T0, END, lambda t: 0.4):
    p = r.choice(wpods)
    route, meth, gm = r.choice([("/v1/wallets/{id}/balance", "GET", "GetBalance"), ("/v1/wallets/{id}/balance", "GET", "GetBalance"),
                                ("/v1/transfers", "POST", "PostTransfer"), ("/v1/wallets/{id}/transactions", "GET", "ListEntries")])
    rid = uuid(r)
    if r.random() < broken_frac(t):
        d = r.uniform(2, 9)
        te = t + dt.timedelta(milliseconds=d)
        wl[p].append((te, json.dumps({"level": "error", "service": "wallet-api", "request_id": rid, "grpc_method": f"/ledger.v1.Ledger/{gm}",
            "error": f"rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time {ctime(te)} is after {ctime(EXP)}\"",
            "time": iso(te, 3), "message": "ledger call failed"}, separators=(",", ":"))))
        wl[p].append((te, json.dumps({"level": "info", "service": "wallet-api", "request_id": rid, "method": meth, "route": route, "status": 503,
            "duration_ms": round(d + 0.4, 2), "time": iso(te, 3), "message": "http request"}, separators=(",", ":"))))
    else:
        d = r.uniform(4, 35)
        te = t + dt.timedelta(milliseconds=d)
        st = 201 if meth == "POST" else 200
        if r.random() < 0.01:
            st = 499
        wl[p].append((te, json.dumps({"level": "info", "service": "wallet-api", "request_id": rid, "method": meth, "route": route, "status": st,
            "duration_ms": round(d, 2), "time": iso(te, 3), "message": "http request"}, separators=(",", ":"))))
        ledger_reqs.append((t, gm, d * 0.7))
for p in wpods:
    c.write_log(f"logs/wallet-api/{p}.jsonl", wl[p])

# ledger-grpc server
lpods = {"ledger-grpc-7d8c6f5b9-2kzpn": "10.42.5.33", "ledger-grpc-7d8c6f5b9-vw9jr": "10.42.6.12"}
ll = {p: [] for p in lpods}
def gl(t, lvl, msg):
    return (t, f"{t.strftime('%Y/%m/%d %H:%M:%S')} {lvl}: {msg}")
for t, gm, d in ledger_reqs:
    p = r.choice(list(lpods))
    ll[p].append((t, f"time={iso(t, 3)} level=INFO msg=\"finished call\" grpc.service=ledger.v1.Ledger grpc.method={gm} grpc.code=OK grpc.time_ms={d:.3f} peer.address=10.42.{r.choice([3, 4])}.{r.randint(10, 40)}:{r.randint(30000, 60000)}"))
for t in poisson_times(r, EXP, END, lambda t: 0.5 * max(broken_frac(t), 0.05)):
    p = r.choice(list(lpods))
    src = f"10.42.{r.choice([3, 4])}.{r.randint(10, 40)}:{r.randint(30000, 60000)}"
    sid = {list(lpods)[0]: 1, list(lpods)[1]: 1}[p]
    ll[p].append(gl(t, "WARNING", f'[core] [Server #{sid} ListenSocket #2] grpc: Server.Serve failed to create ServerTransport: connection error: desc = "ServerHandshake(\\"{src}\\") failed: remote error: tls: bad certificate"'))
for p in lpods:
    t = T0 + dt.timedelta(seconds=r.randint(0, 59))
    while t < END:
        ll[p].append((t, f"time={iso(t, 3)} level=INFO msg=\"outbox relay\" published={r.randint(0, 30)} pending=0"))
        t += dt.timedelta(seconds=60, milliseconds=r.randint(-30, 30))
    c.write_log(f"logs/ledger-grpc/{p}.log", ll[p])

# ---------------- k8s: cert-manager objects ----------------
def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")
c.write("k8s/get-certificates-ledger.txt", "$ kubectl get certificate -n ledger\n" + table(["NAME", "READY", "SECRET", "AGE"], [
    ["ledger-grpc-tls", "False", "ledger-grpc-tls", "2y41d"], ["ledger-admin-tls", "True", "ledger-admin-tls", "2y41d"]]))
crs = []
for i in range(6):
    crs.append([f"ledger-grpc-tls-{2201 + i}", "True", "", "False", "vault-issuer", "system:serviceaccount:cert-manager:cert-manager", kube_age(END - (RENEW + dt.timedelta(days=i * 6, hours=r.randint(0, 3))))])
c.write("k8s/get-certificaterequests-ledger.txt", "$ kubectl get certificaterequest -n ledger\n" +
        table(["NAME", "APPROVED", "DENIED", "READY", "ISSUER", "REQUESTER", "AGE"], sorted(crs, key=lambda x: x[0])))
vault_err = ("Vault failed to sign certificate: failed to sign certificate by vault: Error making API request.\n\n"
             "URL: PUT https://vault.infra.svc:8200/v1/pki_int/sign/ledger-grpc\nCode: 403. Errors:\n\n* permission denied")
desc = f"""$ kubectl describe certificate ledger-grpc-tls -n ledger
Name:         ledger-grpc-tls
Namespace:    ledger
Labels:       app.kubernetes.io/name=ledger-grpc
Annotations:  <none>
API Version:  cert-manager.io/v1
Kind:         Certificate
Metadata:
  Creation Timestamp:  2024-05-01T08:11:40Z
  Generation:          3
  Resource Version:    418822031
  UID:                 8b2f1c7e-3a90-4d5e-9f61-0c7a2b4e9d13
Spec:
  Dns Names:
    ledger-grpc.ledger.svc
    ledger-grpc.ledger.svc.cluster.local
  Duration:  2160h0m0s
  Issuer Ref:
    Group:       cert-manager.io
    Kind:        ClusterIssuer
    Name:        vault-issuer
  Private Key:
    Algorithm:     ECDSA
    Rotation Policy: Always
    Size:          256
  Renew Before:  720h0m0s
  Secret Name:   ledger-grpc-tls
  Usages:
    server auth
    digital signature
    key encipherment
Status:
  Conditions:
    Last Transition Time:  {fmt(EXP)}
    Message:               Certificate expired on {EXP.strftime('%a, %d %b %Y %H:%M:%S UTC')}
    Observed Generation:   3
    Reason:                Expired
    Status:                False
    Type:                  Ready
    Last Transition Time:  {fmt(RENEW)}
    Message:               The certificate request has failed to complete and will be retried: {vault_err.splitlines()[0]}
    Observed Generation:   3
    Reason:                Failed
    Status:                False
    Type:                  Issuing
  Failed Issuance Attempts:  6
  Last Failure Time:         {fmt(P('2026-06-10T21:14:03Z'))}
  Next Private Key Secret Name:  ledger-grpc-tls-q8x2v
  Not After:                 {fmt(EXP)}
  Not Before:                {fmt(NB)}
  Renewal Time:              {fmt(RENEW)}
  Revision:                  9
Events:
  Type     Reason  Age                   From                                       Message
  ----     ------  ----                  ----                                       -------
  Warning  Failed  {kube_age(END - P('2026-06-10T21:14:03Z'))} (x6 over 30d)  cert-manager-certificates-issuing          The certificate request has failed to complete and will be retried: {vault_err.splitlines()[0]}
"""
c.write("k8s/describe-certificate-ledger-grpc-tls.txt", desc)
crd = f"""$ kubectl describe certificaterequest ledger-grpc-tls-2206 -n ledger
Name:         ledger-grpc-tls-2206
Namespace:    ledger
API Version:  cert-manager.io/v1
Kind:         CertificateRequest
Spec:
  Duration:  2160h0m0s
  Issuer Ref:
    Group:  cert-manager.io
    Kind:   ClusterIssuer
    Name:   vault-issuer
  Username: system:serviceaccount:cert-manager:cert-manager
Status:
  Conditions:
    Last Transition Time:  2026-06-10T21:13:58Z
    Message:               Certificate request has been approved by cert-manager.io
    Reason:                cert-manager.io
    Status:                True
    Type:                  Approved
    Last Transition Time:  2026-06-10T21:14:03Z
    Message:               {vault_err.replace(chr(10), chr(10) + '                           ')}
    Reason:                Failed
    Status:                False
    Type:                  Ready
  Failure Time:            2026-06-10T21:14:03Z
Events:
  Type     Reason             Age   From                                                Message
  ----     ------             ----  ----                                                -------
  Normal   cert-manager.io    12h   cert-manager-certificaterequests-approver           Certificate request has been approved by cert-manager.io
  Warning  SigningError       12h   cert-manager-certificaterequests-issuer-vault       Vault failed to sign certificate: failed to sign certificate by vault: Error making API request.
"""
c.write("k8s/describe-certificaterequest-ledger-grpc-tls-2206.txt", crd)

# ---------------- metrics ----------------
for gm, share in [("GetBalance", 0.5), ("PostTransfer", 0.25), ("ListEntries", 0.25)]:
    GL = {"service": "wallet-api", "grpc_service": "ledger.v1.Ledger", "grpc_method": gm, "grpc_type": "unary"}
    c.counter("grpc_client_handled_total", {**GL, "grpc_code": "OK"}, lambda t, s=share: 38 * s * (1 - broken_frac(t)))
    c.counter("grpc_client_handled_total", {**GL, "grpc_code": "Unavailable"}, lambda t, s=share: 38 * s * broken_frac(t))
    c.counter("grpc_server_handled_total", {"service": "ledger-grpc", "grpc_service": "ledger.v1.Ledger", "grpc_method": gm, "grpc_type": "unary", "grpc_code": "OK"},
              lambda t, s=share: 38 * s * (1 - broken_frac(t)) + 4 * s)
CL = {"name": "ledger-grpc-tls", "namespace": "ledger", "issuer_name": "vault-issuer", "issuer_kind": "ClusterIssuer", "issuer_group": "cert-manager.io", "job": "cert-manager"}
c.gauge("certmanager_certificate_expiration_timestamp_seconds", CL, lambda t: int(EXP.timestamp()), step=60)
c.gauge("certmanager_certificate_renewal_timestamp_seconds", CL, lambda t: int(RENEW.timestamp()), step=60)
for cond in ["True", "False", "Unknown"]:
    c.gauge("certmanager_certificate_ready_status", {**CL, "condition": cond},
            lambda t, cond=cond: 1 if (cond == "True") == (t < EXP) and cond != "Unknown" else 0, step=60)
for code in ["200", "201", "503"]:
    c.counter("http_requests_total", {"service": "wallet-api", "namespace": "wallet", "code": code},
              lambda t, code=code: {"200": 28.0 * (1 - broken_frac(t)), "201": 9.0 * (1 - broken_frac(t)), "503": 37.0 * broken_frac(t)}[code])
c.write_metrics_csv()
c.write_jsonl("events.jsonl", [
    {"time": "2026-06-11T08:40:31Z", "service": "wallet-api", "kind": "deployment",
     "summary": "wallet-api 2.30.0 -> 2.31.0 (dark mode preference endpoint)", "author": "argo-cd"},
    {"time": "2026-05-11T16:20:00Z", "service": "vault", "kind": "config",
     "summary": "Vault policy refactor: pki_int roles moved to per-team policies (INFRA-3312)", "author": "terraform"},
])
c.bundle_yaml()
c.expected("certificate_expired", "ledger-grpc",
           "ledger-grpc's serving certificate (NotAfter 09:02:17) expired because every cert-manager renewal since 12 May "
           "failed with a Vault 403. From 09:02 wallet-api's gRPC handshakes fail with 'x509: certificate has expired or "
           "is not yet valid' as connections are recycled, and ledger-grpc logs 'remote error: tls: bad certificate'; "
           "wallet-api returns 503. The wallet-api deployment at 08:40 is unrelated (errors start 22 minutes later and "
           "name the certificate).",
           also={"faulty_service": ["cert-manager"]})
