#!/usr/bin/env python3
"""Randomised HTTP client workload for pypiserver: python3 client.py PORT ROUNDS PKGDIR"""
import base64, io, random, socket, subprocess, sys, time, urllib.error, urllib.request, uuid, zipfile

PORT = int(sys.argv[1]); ROUNDS = int(sys.argv[2]); PIP = sys.argv[3]
BASE = f"http://127.0.0.1:{PORT}"
USERS = {"uploader": "s3cret", "ci": "ci-pass"}
NAMES = ["alpha-tools", "beta_lib", "gamma", "DeltaCore", "epsilon.utils", "zeta-client", "eta"]
uploaded = []

def req(method, path, data=None, headers=None, auth=None):
    h = dict(headers or {})
    if auth:
        h["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    r = urllib.request.Request(BASE + path, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return None, str(e)

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None
urllib.request.install_opener(urllib.request.build_opener(NoRedirect))

def multipart(fields, files):
    b = uuid.uuid4().hex
    out = io.BytesIO()
    for k, v in fields.items():
        out.write(f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode())
    for k, (fn, data) in files.items():
        out.write(f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{fn}\"\r\n"
                  "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    out.write(f"--{b}--\r\n".encode())
    return out.getvalue(), {"Content-Type": f"multipart/form-data; boundary={b}"}

def good_user():
    u = random.choice(list(USERS)); return (u, USERS[u])

def newfile():
    n = random.choice(NAMES).replace("-", "_") if random.random() < 0.3 else random.choice(NAMES)
    v = f"{random.randint(0, 3)}.{random.randint(0, 9)}.{random.randint(0, 20)}"
    ext = random.choice([".tar.gz", ".tar.gz", ".zip", "-py3-none-any.whl"])
    sep = "-"
    return f"{n}{sep}{v}{ext}", n, v

def upload(auth=None, fname=None, ua=None):
    fn, n, v = newfile() if fname is None else (fname, None, None)
    data, h = multipart({":action": "file_upload", "name": n or "x", "version": v or "0"},
                        {"content": (fn, bytes(random.getrandbits(8) for _ in range(random.randint(50, 400))))})
    if ua:
        h["User-Agent"] = ua
    st, _ = req("POST", "/", data, h, auth or good_user())
    if st == 200 and n:
        uploaded.append((fn, n, v))

def act_upload():
    upload()

def act_dup():
    if uploaded:
        fn = random.choice(uploaded)[0]
        upload(fname=fn, ua=random.choice([None, "twine/5.0.0 CPython/3.11"]))

def act_badname():
    upload(fname=random.choice(["not a package.txt", "evil;rm.tar.gz", "README", "x.exe", "../../etc/passwd"]))

def act_auth_fail():
    data, h = multipart({":action": "file_upload"}, {"content": ("foo-1.0.tar.gz", b"xx")})
    if random.random() < 0.5:
        req("POST", "/", data, h)               # no credentials
    else:
        req("POST", "/", data, h, (random.choice(["uploader", "root", "admin"]), "guess" + str(random.randint(0, 999))))

def act_form():
    kind = random.choice(["noaction", "verify", "submit", "bogus", "nocontent", "doc_bad", "doc_ok", "sig"])
    if kind == "noaction":
        data, h = multipart({"name": "x"}, {})
    elif kind in ("verify", "submit", "bogus"):
        data, h = multipart({":action": kind if kind != "bogus" else random.choice(["delete_all", "frobnicate", "list"])}, {})
    elif kind == "nocontent":
        data, h = multipart({":action": random.choice(["file_upload", "doc_upload"])}, {})
    elif kind == "doc_bad":
        data, h = multipart({":action": "doc_upload"}, {"content": ("docs.zip", b"PK-not-really")})
    elif kind == "doc_ok":
        z = io.BytesIO(); zf = zipfile.ZipFile(z, "w"); zf.writestr("index.html", "<h1>docs</h1>"); zf.close()
        data, h = multipart({":action": "doc_upload"}, {"content": ("docs.zip", z.getvalue())})
    else:
        fn, n, v = newfile()
        data, h = multipart({":action": "file_upload"}, {"content": (fn, b"abc"), "gpg_signature": ("other-1.0.tar.gz.asc", b"sig")})
    req("POST", "/", data, h, good_user())

def act_remove():
    r = random.random()
    if r < 0.5 and uploaded:
        fn, n, v = uploaded.pop(random.randrange(len(uploaded)))
        fields = {":action": "remove_pkg", "name": n, "version": v}
    elif r < 0.8:
        fields = {":action": "remove_pkg", "name": random.choice(NAMES), "version": "9.9.%d" % random.randint(0, 9)}
    else:
        fields = {":action": "remove_pkg", "name": random.choice(NAMES)}
    data, h = multipart(fields, {})
    req("POST", "/", data, h, good_user())

def act_browse():
    p = random.choice(["/", "/simple/", "/simple", "/packages/", "/packages", "/health", "/favicon.ico",
                       "/simple/" + random.choice(NAMES) + "/", "/simple/" + random.choice(NAMES),
                       "/simple/nonexistent-%d/" % random.randint(0, 99), "/robots.txt", "/admin/login",
                       "/packages/missing-1.0.tar.gz", "/simple/Gamma/"])
    if uploaded and random.random() < 0.4:
        p = "/packages/" + random.choice(uploaded)[0]
    req(random.choice(["GET", "GET", "GET", "HEAD"]), p, auth=good_user() if random.random() < 0.5 else None)

def act_rpc():
    if random.random() < 0.8:
        body = ("<?xml version='1.0'?><methodCall><methodName>search</methodName><params><param><value><struct>"
                "<member><name>name</name><value><array><data><value><string>%s</string></value></data></array>"
                "</value></member></struct></value></param></params></methodCall>" % random.choice(["a", "eta", "core", "zzz"]))
    else:
        body = random.choice(["<methodCall><broken", "not xml at all", "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"])
    req("POST", "/RPC2", body.encode(), {"Content-Type": "text/xml"})

def act_raw():
    s = socket.create_connection(("127.0.0.1", PORT))
    s.sendall(random.choice([b"GARBAGE\r\n\r\n", b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",
                             b"BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n"]))
    time.sleep(0.2); s.close()

def act_pip():
    subprocess.run([PIP, "download", "--no-deps", "--no-build-isolation", "-q", "--disable-pip-version-check",
                    "-d", "/tmp/round31-r31n/pypi/dl", "-i", BASE + "/simple/", random.choice(NAMES + ["nope"])],
                   capture_output=True, timeout=60)

ACTIONS = [(act_upload, 12), (act_dup, 4), (act_badname, 2), (act_auth_fail, 5), (act_form, 5),
           (act_remove, 5), (act_browse, 40), (act_rpc, 5), (act_raw, 2), (act_pip, 1)]
for _ in range(ROUNDS):
    f = random.choices([a for a, _ in ACTIONS], [w for _, w in ACTIONS])[0]
    try:
        f()
    except Exception as e:
        print("client:", f.__name__, e, file=sys.stderr)
    time.sleep(random.uniform(0, 0.05))
