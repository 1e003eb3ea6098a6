# randomised HTTP client for the Sydent identity API: driver.py SEED ROUNDS MAILDIR
import glob, json, os, random, re, sys, time, urllib.request, urllib.error, hashlib, base64
rnd = random.Random(int(sys.argv[1])); ROUNDS = int(sys.argv[2]); MAILDIR = sys.argv[3]
B = "http://127.0.0.1:46200"; I = "http://127.0.0.1:46202"; HS = "127.0.0.1:46204"
def req(method, url, body=None, token=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    r = urllib.request.Request(url, data=data, method=method)
    if data is not None: r.add_header("Content-Type", ctype)
    if token: r.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(r, timeout=20) as resp: txt = resp.read()
    except urllib.error.HTTPError as e: txt = e.read()
    except Exception: return {}
    try: return json.loads(txt)
    except Exception: return {}
def mail_token(addr):
    for _ in range(30):
        for f in sorted(glob.glob(os.path.join(MAILDIR, "*.eml")), key=os.path.getmtime, reverse=True):
            t = open(f, encoding="utf-8", errors="replace").read()
            if ("To: " + addr) in t:
                m = re.search(r"TOKEN=(\S+)", t)
                if m: return m.group(1)
        time.sleep(0.2)
    return None
tokens = []; sessions = []; bound = []
def register(kind="good"):
    at = kind + str(rnd.randint(1, 99999))
    r = req("POST", B + "/_matrix/identity/v2/account/register",
            {"access_token": at, "token_type": "Bearer", "matrix_server_name": HS, "expires_in": 3600})
    if "token" in r:
        tokens.append(r["token"])
        if rnd.random() < 0.8:
            req("POST", B + "/_matrix/identity/v2/terms", {"user_accepts": ["https://id.r44a.test/privacy-en.html"]}, token=r["token"])
def tok(): return rnd.choice(tokens) if tokens else None
def email_flow(v2=False):
    addr = "user%d@%s" % (rnd.randint(1, 400), rnd.choice(["ex.test", "mail.test", "corp.test"]))
    cs = "cs%d" % rnd.randint(1, 10**9)
    base = B + ("/_matrix/identity/v2" if v2 else "/_matrix/identity/api/v1")
    t = tok() if v2 else None
    r = req("POST", base + "/validate/email/requestToken", {"email": addr, "client_secret": cs, "send_attempt": rnd.randint(1, 3),
            "next_link": "https://client.test/done"}, token=t)
    sid = r.get("sid")
    if not sid: return
    code = mail_token(addr)
    if code is None: return
    choice = rnd.random()
    if choice < 0.15: code = "wrongtoken"
    if choice > 0.9:
        req("GET", base + "/validate/email/submitToken?sid=%s&client_secret=%s&token=%s" % (sid, cs, code))
    else:
        req("POST", base + "/validate/email/submitToken", {"sid": sid, "client_secret": cs, "token": code}, token=t)
    req("GET", base + "/3pid/getValidated3pid?sid=%s&client_secret=%s" % (sid, cs), token=t)
    sessions.append((sid, cs, addr, v2))
def bind():
    if not sessions: return
    sid, cs, addr, v2 = rnd.choice(sessions)
    mxid = "@u%d:%s" % (rnd.randint(1, 50), HS)
    if v2: r = req("POST", B + "/_matrix/identity/v2/3pid/bind", {"sid": sid, "client_secret": cs, "mxid": mxid}, token=tok())
    else: r = req("POST", B + "/_matrix/identity/api/v1/3pid/bind", {"sid": sid, "client_secret": cs, "mxid": mxid})
    if "address" in r: bound.append((addr, mxid, sid, cs))
def unbind():
    if not bound: return
    addr, mxid, sid, cs = rnd.choice(bound)
    req("POST", B + "/_matrix/identity/v2/3pid/unbind", {"sid": sid, "client_secret": cs, "mxid": mxid,
        "threepid": {"medium": "email", "address": addr}})
def internal_bind():
    addr = "int%d@ex.test" % rnd.randint(1, 100)
    req("POST", I + "/_matrix/identity/internal/bind", {"medium": "email", "address": addr, "mxid": "@i%d:%s" % (rnd.randint(1, 9), HS)})
    bound.append((addr, "@i1:" + HS, "x", "y"))
def lookup_v1():
    addr = rnd.choice(bound)[0] if bound and rnd.random() < 0.6 else "nobody%d@ex.test" % rnd.randint(1, 99)
    req("GET", B + "/_matrix/identity/api/v1/lookup?medium=email&address=" + addr)
def bulk():
    n = rnd.choice([1, 3, 5, 30])
    req("POST", B + "/_matrix/identity/api/v1/bulk_lookup", {"threepids": [["email", "b%d@ex.test" % i] for i in range(n)]})
def lookup_v2():
    hd = req("GET", B + "/_matrix/identity/v2/hash_details", token=tok())
    pep = hd.get("lookup_pepper", "x")
    addrs = [a for a, *_ in bound[:4]] or ["none@ex.test"]
    alg = rnd.choice(["sha256", "sha256", "none", "md5"])
    if alg == "sha256":
        al = [base64.urlsafe_b64encode(hashlib.sha256(("%s email %s" % (a, pep)).encode()).digest()).decode().rstrip("=") for a in addrs]
    else: al = ["%s email" % a for a in addrs]
    if rnd.random() < 0.15: pep = "wrongpepper"
    req("POST", B + "/_matrix/identity/v2/lookup", {"addresses": al, "algorithm": alg, "pepper": pep}, token=tok())
def terms():
    req("GET", B + "/_matrix/identity/v2/terms")
    urls = rnd.choice([["https://id.r44a.test/privacy-en.html"], ["https://evil.test/x"], []])
    req("POST", B + "/_matrix/identity/v2/terms", {"user_accepts": urls}, token=tok())
def account():
    t = rnd.choice([tok(), "bogus%d" % rnd.randint(1, 999), None])
    req("GET", B + "/_matrix/identity/v2/account", token=t)
def logout():
    if tokens and rnd.random() < 0.5:
        t = tokens.pop(rnd.randrange(len(tokens))); req("POST", B + "/_matrix/identity/v2/account/logout", {}, token=t)
def invite():
    addr = "inv%d@ex.test" % rnd.randint(1, 99)
    req("POST", B + "/_matrix/identity/v2/store-invite", {"medium": "email", "address": addr, "room_id": "!r%d:%s" % (rnd.randint(1, 9), HS),
        "sender": "@alice:%s" % HS, "room_name": "Room", "sender_display_name": "Alice"}, token=tok())
def pubkeys():
    req("GET", B + "/_matrix/identity/api/v1/pubkey/ed25519:0")
    req("GET", B + "/_matrix/identity/api/v1/pubkey/isvalid?public_key=" + rnd.choice(["abc", "/4igwwG"]))
    req("GET", B + "/_matrix/identity/v2/pubkey/ephemeral/isvalid?public_key=zzz")
    req("GET", B + "/_matrix/identity/versions")
def sign():
    req("POST", B + "/_matrix/identity/v2/sign-ed25519", {"private_key": "AAAA", "token": "t%d" % rnd.randint(1, 9), "mxid": "@a:b"}, token=tok())
def bad():
    k = rnd.randint(0, 7)
    if k == 0: req("POST", B + "/_matrix/identity/api/v1/validate/email/requestToken", raw=b"{broken json")
    elif k == 1: req("POST", B + "/_matrix/identity/api/v1/validate/email/requestToken", {"email": "not-an-email", "client_secret": "bad secret!", "send_attempt": 1})
    elif k == 2: req("POST", B + "/_matrix/identity/api/v1/validate/email/requestToken", {"email": "a@b.test", "client_secret": "ok123", "send_attempt": "x"})
    elif k == 3: req("POST", B + "/_matrix/identity/api/v1/3pid/bind", {"sid": "999999", "client_secret": "nope", "mxid": "@a:b"})
    elif k == 4: req("POST", B + "/_matrix/identity/api/v1/validate/email/submitToken", {"sid": "12345", "client_secret": "abc", "token": "x"})
    elif k == 5: req("POST", B + "/_matrix/identity/api/v1/validate/msisdn/requestToken", {"phone_number": "5555555", "country": "GB", "client_secret": "abc", "send_attempt": 1})
    elif k == 6: req("POST", B + "/_matrix/identity/v2/account/register", {"access_token": "x", "token_type": "Bearer", "matrix_server_name": "bad name!", "expires_in": 3600})
    else: req("GET", B + "/_matrix/identity/api/v1/3pid/getValidated3pid?sid=777&client_secret=zz")
def reg_errors(): register(rnd.choice(["other", "nosub", "badjson", "nomxid", "deny"]))
ops = [(email_flow, 10), (lambda: email_flow(True), 6), (bind, 6), (unbind, 2), (internal_bind, 2), (lookup_v1, 5), (bulk, 2),
       (lookup_v2, 4), (terms, 3), (account, 3), (logout, 1), (invite, 2), (pubkeys, 2), (sign, 1), (bad, 5), (register, 2), (reg_errors, 2)]
register(); register()
for _ in range(ROUNDS):
    f = rnd.choices([o for o, _ in ops], [w for _, w in ops])[0]
    f()
