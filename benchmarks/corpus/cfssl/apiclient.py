#!/usr/bin/env python3
"""Random HTTP client for the cfssl API server: good, wrong and garbage requests.

usage: apiclient.py BASEURL PKIDIR N [ACTION...]
"""
import base64
import hashlib
import hmac
import http.client
import json
import random
import sys
import urllib.parse

base, pki, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
only = sys.argv[4:]
u = urllib.parse.urlparse(base)
AUTH_KEY = bytes.fromhex("0123456789abcdef0123456789abcdef")
csrs = []     # CSRs obtained from newkey
certs = []    # certificates obtained from sign/newcert


def rd(name):
    with open(f"{pki}/{name}") as f:
        return f.read()


def call(method, path, body=None, raw=None):
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    try:
        conn.request(method, "/api/v1/cfssl/" + path if not path.startswith("/") else path, body=data,
                     headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        text = r.read().decode(errors="replace")
    except OSError as e:
        print(f"{method} {path}: {e}")
        return None
    finally:
        conn.close()
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    msg = text if doc is None else (doc.get("errors") or "ok")
    print(f"{method} {path} -> {r.status} {str(msg)[:100]}")
    return doc


def host():
    return random.choice(["www", "api", "mail", "db", "vpn", "intranet"]) + f"{random.randint(1, 99)}.example.test"


def key():
    return random.choice([{"algo": "ecdsa", "size": 256}, {"algo": "ecdsa", "size": 384},
                          {"algo": "rsa", "size": 2048}])


def name_req(cn=None):
    cn = cn or host()
    return {"CN": cn, "hosts": [cn, f"127.0.0.{random.randint(1, 254)}"], "key": key(),
            "names": [{"C": "DE", "O": random.choice(["Acme", "Round27", "Example Ltd"]), "OU": "Ops"}]}


def newkey():
    d = call("POST", "newkey", {"request": name_req()})
    if d and d.get("success"):
        csrs.append(d["result"]["certificate_request"])


def csr():
    if not csrs:
        newkey()
    return random.choice(csrs) if csrs else ""


def sign():
    req = {"certificate_request": csr(), "profile": random.choice(["", "server", "client", "server"])}
    if random.random() < 0.4:
        req["hosts"] = [host(), "10.0.0.%d" % random.randint(1, 254)]
    if random.random() < 0.3:
        req["subject"] = {"CN": host(), "names": [{"O": "Override Inc"}]}
    if random.random() < 0.3:
        req["bundle"] = True
    d = call("POST", "sign", req)
    if d and d.get("success"):
        certs.append(d["result"]["certificate"])


def sign_bad():
    kind = random.choice(["json", "nocsr", "garbagecsr", "truncated", "profile", "authprofile", "empty", "array", "csrcert"])
    if kind == "json":
        call("POST", "sign", raw=random.choice([b"{garbage", b"not json at all", b'{"certificate_request": 12'] ))
    elif kind == "nocsr":
        call("POST", "sign", {"hosts": [host()], "profile": "server"})
    elif kind == "garbagecsr":
        call("POST", "sign", {"certificate_request": "-----BEGIN CERTIFICATE REQUEST-----\nTm90IGEgQ1NS\n-----END CERTIFICATE REQUEST-----\n"})
    elif kind == "truncated":
        c = csr()
        call("POST", "sign", {"certificate_request": c[: len(c) // 2]})
    elif kind == "profile":
        call("POST", "sign", {"certificate_request": csr(), "profile": random.choice(["nosuch", "Server", "admin"])})
    elif kind == "authprofile":
        call("POST", "sign", {"certificate_request": csr(), "profile": "authed"})
    elif kind == "empty":
        call("POST", "sign", raw=b"")
    elif kind == "array":
        call("POST", "sign", raw=b"[1, 2, 3]")
    elif kind == "csrcert":
        call("POST", "sign", {"certificate_request": rd("ca.pem")})


def authsign(good=True):
    req = json.dumps({"certificate_request": csr(), "profile": random.choice(["authed", "server", "nosuch"])}).encode()
    k = AUTH_KEY if good else bytes.fromhex("%032x" % random.getrandbits(128))
    token = hmac.new(k, req, hashlib.sha256).digest()
    body = {"token": base64.b64encode(token).decode(), "request": base64.b64encode(req).decode()}
    if not good and random.random() < 0.3:
        body = random.choice([{"request": base64.b64encode(req).decode()}, {"token": "%%%", "request": "!!"}])
    d = call("POST", "authsign", body)
    if d and d.get("success"):
        certs.append(d["result"]["certificate"])


def info():
    call("POST", "info", {"label": "", "profile": random.choice(["", "server", "client", "intermediate"])})


def info_bad():
    if random.random() < 0.5:
        call("POST", "info", {"profile": random.choice(["missing", "ocsp-x"])})
    else:
        call("POST", "info", raw=b"{label:}")


def newcert():
    req = {"request": name_req(), "profile": random.choice(["", "server", "client"])}
    d = call("POST", "newcert", req)
    if d and d.get("success"):
        certs.append(d["result"]["certificate"])


def newkey_bad():
    kind = random.choice(["size", "algo", "nocn", "json", "norequest", "ca"])
    if kind == "ca":
        call("POST", "newkey", {"request": {"CN": host(), "hosts": [host()], "ca": {"expiry": "1h"}}})
    elif kind == "size":
        call("POST", "newkey", {"request": {"CN": host(), "hosts": [host()], "key": {"algo": "ecdsa", "size": 123}}})
    elif kind == "algo":
        call("POST", "newkey", {"request": {"CN": host(), "hosts": [host()], "key": {"algo": "dsa", "size": 1024}}})
    elif kind == "nocn":
        call("POST", "newkey", {"request": {"key": {"algo": "rsa", "size": 2048}}})
    elif kind == "json":
        call("POST", "newkey", raw=b'{"request": {"CN": ')
    else:
        call("POST", "newkey", {"CN": host()})


def newcert_bad():
    if random.random() < 0.3:
        call("POST", "newcert", {"profile": "server"})
    elif random.random() < 0.5:
        call("POST", "newcert", {"request": name_req(), "profile": "nosuch"})
    else:
        call("POST", "newcert", {"request": {"CN": host(), "key": {"algo": "rsa", "size": 512}}})


def certinfo():
    kind = random.choice(["cert", "cert", "domain", "garbage", "serial"])
    if kind == "cert":
        call("POST", "certinfo", {"certificate": random.choice(certs) if certs else rd("ca.pem")})
    elif kind == "domain":
        call("POST", "certinfo", {"domain": random.choice(["127.0.0.1:45201", "127.0.0.1:45209"])})
    elif kind == "garbage":
        call("POST", "certinfo", {"certificate": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"})
    else:
        call("POST", "certinfo", {"serial": str(random.getrandbits(64)), "authority_key_id": "%040x" % random.getrandbits(160)})


def bundle():
    kind = random.choice(["leaf", "leafkey", "flavor", "nocert", "garbage", "domain", "root"])
    if kind == "leaf":
        call("POST", "bundle", {"certificate": rd("leaf.pem"), "flavor": random.choice(["ubiquitous", "optimal"])})
    elif kind == "leafkey":
        call("POST", "bundle", {"certificate": rd("leaf.pem"), "private_key": rd("leaf-key.pem")})
    elif kind == "flavor":
        call("POST", "bundle", {"certificate": rd("leaf.pem"), "flavor": "strange"})
    elif kind == "nocert":
        call("POST", "bundle", {"flavor": "optimal"})
    elif kind == "garbage":
        call("POST", "bundle", {"certificate": "not a certificate"})
    elif kind == "domain":
        call("POST", "bundle", random.choice([{"domain": "127.0.0.1:45202"}, {"domain": "127.0.0.1:45209"},
                                              {"domain": "localhost", "ip": "127.0.0.1"}]))
    else:
        call("POST", "bundle", {"certificate": random.choice(certs) if certs else rd("ca.pem")})


def scan():
    kind = random.choice(["info", "host", "family", "bad"])
    if kind == "info":
        call("GET", "scaninfo")
    elif kind == "host":
        call("GET", "scan?host=127.0.0.1:" + random.choice(["45202", "45209"]) + "&family=Connectivity")
    elif kind == "family":
        call("GET", "scan?host=127.0.0.1:45202&family=TLSSession&scanner=" + random.choice(["SessionResume", "Nope"]))
    else:
        call("GET", "scan?family=" + random.choice(["Connectivity", "NoSuchFamily"]))


def revoke():
    d = None
    if certs and random.random() < 0.6:
        c = random.choice(certs)
        d = call("POST", "certinfo", {"certificate": c})
    if d and d.get("success"):
        serial = d["result"]["serial_number"]
        aki = random.choice(["", "", "", d["result"].get("authority_key_id", "").replace(":", "").lower()])
        call("POST", "revoke", {"serial": serial, "authority_key_id": aki,
                                "reason": random.choice(["keyCompromise", "superseded", "unspecified", "bogusReason"])})
    else:
        call("POST", "revoke", random.choice([{"serial": str(random.getrandbits(60)), "authority_key_id": "abcd", "reason": "keyCompromise"},
                                              {"reason": "superseded"}]))


def ocspsign():
    c = random.choice(certs) if certs else rd("leaf.pem")
    kind = random.choice(["good", "revoked", "badstatus", "garbage"])
    if kind == "good":
        call("POST", "ocspsign", {"certificate": c, "status": "good"})
    elif kind == "revoked":
        call("POST", "ocspsign", {"certificate": c, "status": "revoked", "reason": 1, "revoked_at": "now"})
    elif kind == "badstatus":
        call("POST", "ocspsign", {"certificate": c, "status": "sleepy"})
    else:
        call("POST", "ocspsign", {"certificate": "garbage"})


def gencrl():
    if random.random() < 0.6:
        call("POST", "gencrl", {"certificate": rd("ca.pem"), "serialNumber": [str(random.getrandbits(64)) for _ in range(random.randint(1, 3))],
                                "privateKey": rd("ca-key.pem"), "expireTime": random.choice(["", "3600"])})
    else:
        call("POST", "gencrl", {"certificate": "nope", "serialNumber": ["1"], "privateKey": "nope"})


def init_ca():
    if random.random() < 0.7:
        call("POST", "init_ca", {"CN": "Throwaway CA %d" % random.randint(1, 999), "key": {"algo": "ecdsa", "size": 256},
                                 "names": [{"O": "Throwaway"}]})
    else:
        call("POST", "init_ca", {"CN": "", "key": {"algo": "rsa", "size": 100}})


def wrong_method():
    call(random.choice(["GET", "PUT", "DELETE"]), random.choice(["sign", "newkey", "info", "bundle", "authsign"]))


def missing():
    call(random.choice(["GET", "POST"]), random.choice(["sign2", "newcsr", "api/v1/cfssl", "/api/v2/cfssl/sign", "/", "/favicon.ico"]))


ACTIONS = {"newkey": (newkey, 4), "sign": (sign, 6), "sign_bad": (sign_bad, 5), "authsign": (lambda: authsign(True), 3),
           "authsign_bad": (lambda: authsign(False), 3), "info": (info, 3), "info_bad": (info_bad, 2), "newcert": (newcert, 4),
           "newkey_bad": (newkey_bad, 3), "newcert_bad": (newcert_bad, 2), "certinfo": (certinfo, 3), "bundle": (bundle, 4),
           "scan": (scan, 2), "revoke": (revoke, 3), "ocspsign": (ocspsign, 3), "gencrl": (gencrl, 2), "init_ca": (init_ca, 1),
           "wrong_method": (wrong_method, 2), "missing": (missing, 1)}
names = only or list(ACTIONS)
weights = [ACTIONS[a][1] for a in names]
for _ in range(n):
    a = random.choices(names, weights)[0]
    ACTIONS[a][0]()
