#!/usr/bin/env python3
"""Randomised WebDAV client for the WsgiDAV workload (talks only to 127.0.0.1)."""
import random
import socket
import sys
import time

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

BASE = "http://127.0.0.1:31080"
USERS = [("alice", "wonderland"), ("bob", "builder")]
BAD = [("alice", "rabbit"), ("mallory", "x"), ("bob", "")]
rnd = random.Random()
seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
if seed is not None:
    rnd.seed(seed)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 60

names = ["notes", "todo", "data", "report", "img", "a b", "über", "x%20y"]
exts = [".txt", ".xml", ".bin", ".html", ".docx", ""]
locks = {}
created = []  # files this client created


def known():
    """A file this client created (if any), else a random file name."""
    if created and rnd.random() < 0.7:
        return rnd.choice(created)
    return rnd.choice([path(), path(0)])


def auth():
    u, p = rnd.choice(USERS)
    return HTTPDigestAuth(u, p) if rnd.random() < 0.3 else HTTPBasicAuth(u, p)


def share():
    return rnd.choice(["", "", "", "/pub", "/ro"])


def path(depth=1):
    p = share()
    for _ in range(rnd.randint(0, depth)):
        p += "/" + rnd.choice(["docs", "tmp", "music", "Projects"])
    return p + "/" + rnd.choice(names) + rnd.choice(exts)


def coll():
    return share() + "/" + rnd.choice(["docs", "tmp", "music", "Projects", "new"]) + "/"


def req(method, url, **kw):
    kw.setdefault("auth", auth())
    kw.setdefault("timeout", 10)
    try:
        r = requests.request(method, BASE + url, **kw)
        return r
    except Exception as e:  # noqa
        return None


PROPS = [
    '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>',
    '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:propname/></D:propfind>',
    '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getcontentlength/>'
    '<D:getetag/><D:lockdiscovery/><D:supportedlock/><X:color xmlns:X="urn:x"/></D:prop></D:propfind>',
    '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:quota-used-bytes/></D:prop></D:propfind>',
    "<propfind><broken",
    "",
]


def op_propfind():
    d = rnd.choice(["0", "1", "infinity", None, "2"])
    h = {"Depth": d} if d else {}
    body = rnd.choice(PROPS)
    req("PROPFIND", rnd.choice([coll(), path(), "/", "/pub/", "/ro/"]), headers=h, data=body)


def op_proppatch():
    body = rnd.choice([
        '<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:X="urn:x"><D:remove><D:prop>'
        '<X:color/></D:prop></D:remove></D:propertyupdate>',
        '<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
        '<D:getcontentlength>5</D:getcontentlength></D:prop></D:set></D:propertyupdate>',
        '<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
        '<D:getlastmodified>Mon, 01 Jan 2024 00:00:00 GMT</D:getlastmodified></D:prop></D:set></D:propertyupdate>',
        "<propertyupdate>garbage",
    ])
    req("PROPPATCH", rnd.choice([path(), coll()]), data=body)


def op_mkcol():
    c = coll()
    if rnd.random() < 0.2:
        c = c + "sub/deeper/"
    kw = {}
    if rnd.random() < 0.1:
        kw["data"] = "<x/>"
        kw["headers"] = {"Content-Type": "text/xml"}
    req("MKCOL", c, **kw)


def op_put():
    p = rnd.choice([path(), path(0)])
    if p.startswith("/ro"):  # read-only share: only names that do not exist there
        p = "/ro/" + rnd.choice(["", "docs/", "nodir/"]) + "new-%d.txt" % rnd.getrandbits(24)
    data = ("line %d\n" % rnd.randint(0, 999)) * rnd.randint(0, 300)
    h = {}
    if rnd.random() < 0.1:
        h["If-Match"] = '"nope"'
    if rnd.random() < 0.15 and not p.startswith("/ro"):
        def gen():
            yield data.encode()
        r = req("PUT", p, data=gen(), headers=h)
    else:
        r = req("PUT", p, data=data, headers=h)
    if r is not None and r.status_code in (201, 204) and p not in created:
        created.append(p)


def op_get():
    p = rnd.choice([known(), known(), path(), coll(), "/", "/pub", "/ro/readme.txt", "/docs?davmount", "/nothing/here.txt"])
    h = {}
    r = rnd.random()
    if r < 0.15:
        h["Range"] = "bytes=%d-%d" % (rnd.randint(0, 5), rnd.randint(6, 40))
    elif r < 0.2:
        h["Range"] = "bytes=9999-"
    elif r < 0.3:
        h["If-Modified-Since"] = "Mon, 01 Jan 2035 00:00:00 GMT"
    elif r < 0.35:
        h["If-None-Match"] = "*"
    req(rnd.choice(["GET", "GET", "HEAD"]), p, headers=h)


def op_delete():
    p = coll() if rnd.random() < 0.1 else rnd.choice([known(), known(), path(0)])
    h = {}
    req("DELETE", p, headers=h)


def op_copymove():
    # collections are only copied (to collection names), files are copied or moved (to file
    # names): a moved collection would log the same text from another statement
    m = rnd.choice(["COPY", "MOVE"])
    if m == "COPY" and rnd.random() < 0.3:
        src, dst = coll(), coll() + "copy/"
    else:
        src, dst = known(), rnd.choice([path(), path(0)])
    host = BASE
    if rnd.random() < 0.07:
        host = "http://other.example:80"
    h = {"Destination": host + dst}
    if rnd.random() < 0.5:
        h["Overwrite"] = rnd.choice(["T", "F"])
    if rnd.random() < 0.3:
        h["Depth"] = rnd.choice(["0", "infinity", "1"])
    if rnd.random() < 0.05:
        del h["Destination"]
    kw = {}
    if rnd.random() < 0.05:
        kw["data"] = "<propertybehavior/>"
    r = req(m, src, headers=h, **kw)
    if m == "MOVE" and r is not None and r.status_code in (201, 204) and src in created:
        created.remove(src)
        created.append(dst)


def op_lock():
    # locks only on fresh, unique file names, so that LOCK requests never meet another lock
    p = coll() + "lk-%06x.txt" % rnd.getrandbits(24)
    scope = rnd.choice(["exclusive", "exclusive", "shared"])
    body = ('<?xml version="1.0"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:%s/></D:lockscope>'
            '<D:locktype><D:write/></D:locktype><D:owner><D:href>mailto:%s@example.org</D:href></D:owner>'
            '</D:lockinfo>' % (scope, rnd.choice(["alice", "bob"])))
    h = {"Timeout": rnd.choice(["Second-%d" % rnd.randint(1, 4), "Second-600", "Infinite"])}
    if rnd.random() < 0.4:
        h["Depth"] = rnd.choice(["0", "infinity", "1"])
    if rnd.random() < 0.07:
        body = "<lockinfo><oops"
    r = req("LOCK", p, headers=h, data=body)
    if r is not None and r.status_code in (200, 201):
        tok = r.headers.get("Lock-Token", "").strip("<>")
        if tok:
            locks[p] = tok


def op_locked_write():
    """Write to a resource this client locked, without sending its token (423)."""
    if not locks:
        return op_lock()
    p = rnd.choice(list(locks))
    m = rnd.choice(["PUT", "PUT", "DELETE", "MOVE", "PROPPATCH", "DELETE_PARENT"])
    if m == "PUT":
        req("PUT", p, data="overwrite\n")
    elif m == "DELETE":
        req("DELETE", p)
    elif m == "MOVE":
        req("MOVE", p, headers={"Destination": BASE + p + ".moved"})
    elif m == "PROPPATCH":
        req("PROPPATCH", p, data='<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:X="urn:x">'
            '<D:remove><D:prop><X:color/></D:prop></D:remove></D:propertyupdate>')
    else:
        req("DELETE", p.rsplit("/", 1)[0] + "/")


def op_unlock():
    if locks and rnd.random() < 0.8:
        p = rnd.choice(list(locks))
        tok = locks.pop(p)
    else:
        p = path()
        tok = "opaquelocktoken:%08x" % rnd.getrandbits(32)
    h = {"Lock-Token": "<%s>" % tok}
    if rnd.random() < 0.1:
        h = {}
    req("UNLOCK", p, headers=h)


def op_badauth():
    u, p = rnd.choice(BAD)
    a = HTTPBasicAuth(u, p)
    req(rnd.choice(["GET", "PROPFIND", "PUT"]), rnd.choice([path(), "/", "/ro/"]), auth=a)


def op_noauth():
    m = rnd.choice(["GET", "PROPFIND", "PUT", "MKCOL"])
    if m == "PUT":
        u = rnd.choice(["/pub/", "/pub/tmp/", "/docs/", "/"]) + rnd.choice(names) + ".txt"
    else:
        u = rnd.choice(["/", "/pub/", "/pub/" + rnd.choice(names) + ".txt", "/docs/", "/ro/readme.txt"])
    req(m, u, auth=None, data="anonymous data\n" if m == "PUT" else None)


def op_options():
    # not on a share root: there two statements would log the same text
    req("OPTIONS", rnd.choice(["*", path(), coll()]), auth=rnd.choice([None, auth()]))


def op_weird():
    m = rnd.choice(["POST", "PATCH", "TRACE", "FOO", "SEARCH", "ACL", "REPORT"])
    req(m, rnd.choice([path(), coll(), "/"]), data="x=1")


def op_raw():
    """Send garbage or malformed HTTP directly on a socket."""
    payloads = [
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
        b"GET\r\n\r\n",
        b"HELLO WORLD\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        b"PUT /tmp/half.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic YWxpY2U6d29uZGVybGFuZA==\r\nContent-Length: 500\r\n\r\nshort",
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer abc\r\n\r\n",
        b"PROPFIND / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic YWxpY2U6d29uZGVybGFuZA==\r\nDepth: 1\r\nContent-Length: 12\r\n\r\n<a><b></a>xx",
        b"",
    ]
    try:
        s = socket.create_connection(("127.0.0.1", 31080), timeout=3)
        s.sendall(rnd.choice(payloads))
        if rnd.random() < 0.5:
            s.recv(4096)
        s.close()
    except Exception:
        pass


OPS = [(op_propfind, 12), (op_proppatch, 5), (op_mkcol, 6), (op_put, 12), (op_get, 10),
       (op_delete, 6), (op_copymove, 8), (op_lock, 7), (op_unlock, 5), (op_locked_write, 5), (op_badauth, 5),
       (op_noauth, 4), (op_options, 2), (op_weird, 2), (op_raw, 3)]


def main():
    fns = [f for f, w in OPS for _ in range(w)]
    for _ in range(N):
        rnd.choice(fns)()
        if rnd.random() < 0.2:
            time.sleep(rnd.random() * 0.3)


if __name__ == "__main__":
    main()
