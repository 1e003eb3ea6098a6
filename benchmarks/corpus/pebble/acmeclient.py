#!/usr/bin/env python3
"""Randomised ACME (RFC 8555) workload against a local pebble, using challtestsrv as the fake
peer that answers (or fails to answer) the challenges. Usage: acmeclient.py ACME_URL MGMT_URL
CHALLSRV_URL ROUNDS SEED"""
import base64, hashlib, json, random, socket, ssl, sys, time, warnings

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

warnings.filterwarnings("ignore")
ACME, MGMT, CHALL, ROUNDS, SEED = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
R = random.Random(SEED)
S = requests.Session()
S.verify = False
S.trust_env = False
WORDS = ["alpha", "beta", "gamma", "delta", "www", "mail", "api", "shop", "blog", "git", "ci", "db",
         "edge", "node", "cdn", "vpn", "intra", "files", "home", "lab"]
ZONES = ["example.test", "acme.test", "corp.test", "shop.test", "pebble.test", "blocked.test"]


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwk_of(key):
    nums = key.public_key().public_numbers()
    return {"crv": "P-256", "kty": "EC", "x": b64(nums.x.to_bytes(32, "big")), "y": b64(nums.y.to_bytes(32, "big"))}


def thumb(key):
    return b64(hashlib.sha256(json.dumps(jwk_of(key), sort_keys=True, separators=(",", ":")).encode()).digest())


def sign(key, data):
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


class Dir:
    d = None


def directory():
    Dir.d = S.get(ACME + "/dir", timeout=10).json()
    return Dir.d


NONCES = []


def nonce():
    if NONCES and R.random() < 0.85:
        return NONCES.pop()
    return S.head(Dir.d["newNonce"], timeout=10).headers.get("Replay-Nonce", "")


def jws(key, url, payload, kid=None, nonce_value=None, alg="ES256", jwk_override=None):
    prot = {"alg": alg, "nonce": nonce_value if nonce_value is not None else nonce(), "url": url}
    if kid:
        prot["kid"] = kid
    else:
        prot["jwk"] = jwk_override or jwk_of(key)
    p = b64(json.dumps(prot).encode())
    pl = "" if payload is None else b64(json.dumps(payload).encode())
    return {"protected": p, "payload": pl, "signature": b64(sign(key, (p + "." + pl).encode()))}


def post(key, url, payload, kid=None, retries=3, **kw):
    for _ in range(retries):
        r = S.post(url, data=json.dumps(jws(key, url, payload, kid, **kw)),
                   headers={"Content-Type": "application/jose+json"}, timeout=30)
        if r.headers.get("Replay-Nonce"):
            NONCES[:] = [r.headers["Replay-Nonce"]]
        if r.status_code == 400 and "badNonce" in r.text:
            continue
        return r
    return r


class Account:
    def __init__(self, contact=True):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.kid = None
        self.contact = contact

    def register(self, extra=None):
        payload = {"termsOfServiceAgreed": True}
        if self.contact:
            payload["contact"] = ["mailto:%s@%s" % (R.choice(WORDS), R.choice(ZONES))]
        if extra:
            payload.update(extra)
        r = post(self.key, Dir.d["newAccount"], payload)
        if r.status_code in (200, 201):
            self.kid = r.headers.get("Location")
        return r

    def pag(self, url):
        return post(self.key, url, None, self.kid)


def names(n, wildcard=False):
    out = []
    for _ in range(n):
        zone = R.choices(ZONES, weights=[8, 5, 4, 3, 3, 1])[0]
        host = "%s%d.%s" % (R.choice(WORDS), R.randint(1, 999), zone)
        if wildcard and R.random() < 0.5:
            host = "*." + host
        out.append(host)
    return sorted(set(out))


def csr_for(domains, key=None):
    key = key or (ec.generate_private_key(ec.SECP256R1()) if R.random() < 0.7 else rsa.generate_private_key(65537, 2048))
    b = x509.CertificateSigningRequestBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domains[0].lstrip("*."))]))
    b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(d) for d in domains]), critical=False)
    return b64(b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)), key


def chall_add(ctype, domain, token, keyauth):
    try:
        if ctype == "http-01":
            S.post(CHALL + "/add-http01", json={"token": token, "content": keyauth}, timeout=5)
        elif ctype == "dns-01":
            S.post(CHALL + "/set-txt", json={"host": "_acme-challenge.%s." % domain,
                   "value": b64(hashlib.sha256(keyauth.encode()).digest())}, timeout=5)
        elif ctype == "tls-alpn-01":
            S.post(CHALL + "/add-tlsalpn01", json={"host": domain, "content": keyauth}, timeout=5)
    except requests.RequestException:
        pass


def poll(acct, url, want=("valid", "invalid"), tries=20):
    body = {}
    for _ in range(tries):
        r = acct.pag(url)
        try:
            body = r.json()
        except ValueError:
            body = {}
        if body.get("status") in want:
            return body
        time.sleep(0.3)
    return body


def issue(acct):
    wildcard = R.random() < 0.15
    doms = names(R.choices([1, 2, 3, 4], weights=[6, 3, 2, 1])[0], wildcard)
    idents = [{"type": "dns", "value": d} for d in doms]
    if R.random() < 0.05:
        idents.append({"type": "ip", "value": "127.0.0.%d" % R.randint(1, 254)})
    if R.random() < 0.04:
        idents = [{"type": "dns", "value": R.choice(["bad_name.test", "-x-.example.test", "a..b.test", "localhost", "x" * 70 + ".test"])}]
    if R.random() < 0.03:
        idents = [{"type": "email", "value": "root@example.test"}]
    r = post(acct.key, Dir.d["newOrder"], {"identifiers": idents}, acct.kid)
    if r.status_code != 201:
        return None
    order = r.json()
    order_url = r.headers["Location"]
    if R.random() < 0.05:
        csr, _ = csr_for(doms)
        post(acct.key, order["finalize"], {"csr": csr}, acct.kid)  # not ready yet
    fail_on_purpose = R.random() < 0.18
    for az_url in order["authorizations"]:
        az = acct.pag(az_url).json()
        if az.get("status") == "valid":
            continue
        domain = az["identifier"]["value"]
        chs = az.get("challenges", [])
        if not chs:
            continue
        ch = R.choice(chs)
        keyauth = ch["token"] + "." + thumb(acct.key)
        if not fail_on_purpose:
            chall_add(ch["type"], domain, ch["token"], keyauth)
        elif R.random() < 0.5:
            chall_add(ch["type"], domain, ch["token"], keyauth[::-1])
        if R.random() < 0.03:
            post(acct.key, ch["url"], {"keyAuthorization": "nope"}, acct.kid)
        post(acct.key, ch["url"], {}, acct.kid)
        if R.random() < 0.05:
            post(acct.key, ch["url"], {}, acct.kid)  # again, while processing
        poll(acct, az_url)
        if R.random() < 0.05:
            post(acct.key, az_url, {"status": "deactivated"}, acct.kid)
    order = poll(acct, order_url, want=("ready", "invalid"), tries=10)
    if order.get("status") != "ready":
        return None
    if R.random() < 0.06:
        csr, _ = csr_for(names(1))  # names mismatch
        post(acct.key, order["finalize"], {"csr": csr}, acct.kid)
    if R.random() < 0.03:
        post(acct.key, order["finalize"], {"csr": "notbase64!!"}, acct.kid)
    csr, ckey = csr_for(doms if not any(i["type"] != "dns" for i in idents) else doms)
    post(acct.key, order["finalize"], {"csr": csr}, acct.kid)
    order = poll(acct, order_url)
    if order.get("status") != "valid":
        return None
    r = acct.pag(order["certificate"])
    return r.text, ckey


def revoke(acct, pem, ckey):
    der = x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
    payload = {"certificate": b64(der)}
    if R.random() < 0.3:
        payload["reason"] = R.choice([0, 1, 3, 4, 5, 7, 9])
    if R.random() < 0.3 and isinstance(ckey, ec.EllipticCurvePrivateKey):
        post(ckey, Dir.d["revokeCert"], payload)
    else:
        post(acct.key, Dir.d["revokeCert"], payload, acct.kid)
    if R.random() < 0.2:
        post(acct.key, Dir.d["revokeCert"], payload, acct.kid)


def mgmt_calls():
    for path in R.sample(["/roots/0", "/intermediates/0", "/root-keys/0", "/intermediate-keys/0", "/roots/7",
                          "/intermediates/x", "/cert-status-by-serial/0abc"], R.randint(1, 3)):
        try:
            S.get(MGMT + path, timeout=5)
        except requests.RequestException:
            pass


def raw_errors(acct):
    k = R.random()
    host, port = ACME.split("//")[1].split(":")
    if k < 0.15:  # plain HTTP to TLS port
        try:
            s = socket.create_connection((host, int(port)), timeout=3)
            s.sendall(b"GET /dir HTTP/1.1\r\nHost: x\r\n\r\n")
            s.recv(100)
            s.close()
        except OSError:
            pass
    elif k < 0.25:  # connect and drop / garbage handshake
        try:
            s = socket.create_connection((host, int(port)), timeout=3)
            if R.random() < 0.5:
                s.sendall(bytes(R.getrandbits(8) for _ in range(R.randint(5, 60))))
            s.close()
        except OSError:
            pass
    elif k < 0.35:  # TLS client that rejects the cert
        try:
            ctx = ssl.create_default_context()
            with socket.create_connection((host, int(port)), timeout=3) as s:
                ctx.wrap_socket(s, server_hostname="localhost")
        except (OSError, ssl.SSLError):
            pass
    elif k < 0.45:
        S.post(Dir.d["newOrder"], data="{not json", headers={"Content-Type": "application/jose+json"}, timeout=5)
    elif k < 0.52:
        S.post(Dir.d["newOrder"], data=json.dumps(jws(acct.key, Dir.d["newOrder"], {}, acct.kid)),
               headers={"Content-Type": "text/plain"}, timeout=5)
    elif k < 0.6:
        post(acct.key, Dir.d["newOrder"], {"identifiers": []}, acct.kid, retries=1, nonce_value="bogus" + str(R.randint(1, 99)))
    elif k < 0.66:
        post(acct.key, Dir.d["newOrder"], {"identifiers": []}, ACME + "/my-account/ffff%d" % R.randint(1, 999))
    elif k < 0.72:
        S.get(ACME + R.choice(["/my-order/nope", "/certZ/", "/revoke-cert", "/nonce-plz", "/favicon.ico", "/dir"]), timeout=5)
    elif k < 0.78:
        post(acct.key, ACME + "/my-order/" + str(R.randint(1, 10**6)), None, acct.kid)
    elif k < 0.84:
        post(acct.key, Dir.d["newOrder"], {"identifiers": []}, acct.kid, alg=R.choice(["none", "HS256", "RS256"]))
    elif k < 0.9:
        post(acct.key, ACME + "/authZ/" + b64(bytes(R.getrandbits(8) for _ in range(16))), None, acct.kid)
    else:
        S.post(Dir.d["newAccount"], data=json.dumps({"protected": "e30", "payload": "", "signature": "AAAA"}),
                   headers={"Content-Type": "application/jose+json"}, timeout=5)


def main():
    try:
        directory()
    except requests.RequestException as e:
        print("no directory:", e)
        return
    accounts = []
    for _ in range(ROUNDS):
        try:
            k = R.random()
            if not accounts or k < 0.12:
                a = Account(contact=R.random() < 0.7)
                extra = None
                if R.random() < 0.05:
                    extra = {"contact": [R.choice(["tel:+12345", "mailto:", "mailto:a@b@c", "http://x.test"])]}
                if R.random() < 0.04:
                    extra = {"onlyReturnExisting": True}
                r = a.register(extra)
                if a.kid:
                    accounts.append(a)
                    if R.random() < 0.1:
                        a.register()  # existing account lookup
                continue
            acct = R.choice(accounts)
            if k < 0.62:
                res = issue(acct)
                if res and R.random() < 0.25:
                    revoke(acct, *res)
            elif k < 0.67:
                acct.pag(acct.kid)
                post(acct.key, acct.kid, {"contact": ["mailto:ops%d@%s" % (R.randint(1, 99), R.choice(ZONES))]}, acct.kid)
            elif k < 0.70:
                r = acct.pag(acct.kid)
                try:
                    orders = r.json().get("orders")
                    if orders:
                        acct.pag(orders)
                except ValueError:
                    pass
            elif k < 0.73:
                new = ec.generate_private_key(ec.SECP256R1())
                inner = jws(new, Dir.d["keyChange"], {"account": acct.kid, "oldKey": jwk_of(acct.key)}, nonce_value="")
                inner["protected"] = b64(json.dumps({"alg": "ES256", "jwk": jwk_of(new), "url": Dir.d["keyChange"]}).encode())
                inner["signature"] = b64(sign(new, (inner["protected"] + "." + inner["payload"]).encode()))
                r = post(acct.key, Dir.d["keyChange"], inner, acct.kid)
                if r.status_code == 200:
                    acct.key = new
            elif k < 0.75:
                post(acct.key, acct.kid, {"status": "deactivated"}, acct.kid)
                accounts.remove(acct)
                if R.random() < 0.5:
                    post(acct.key, Dir.d["newOrder"], {"identifiers": [{"type": "dns", "value": names(1)[0]}]}, acct.kid)
            elif k < 0.77:
                mgmt_calls()
            elif k < 0.79:
                directory()
                nonce()
            else:
                raw_errors(acct)
        except (requests.RequestException, KeyError, ValueError) as e:
            print("client error:", type(e).__name__, e)


if __name__ == "__main__":
    main()
