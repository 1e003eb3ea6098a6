#!/usr/bin/env python3
"""Randomised CalDAV/CardDAV client for the Radicale workload (stdlib only, 127.0.0.1 only).

Usage: client.py PORT DURATION_SECONDS [--ssl] [--seed N]
Does many different things: good and bad logins, calendars and address books, PUT/GET/DELETE/
PROPFIND/PROPPATCH/REPORT/MOVE of events and contacts, bad XML and bad iCalendar, missing items,
oversized bodies, raw garbage on the socket, idle connections.
"""
import base64
import http.client
import random
import socket
import ssl
import string
import sys
import threading
import time
import uuid

PORT = int(sys.argv[1])
DURATION = float(sys.argv[2])
USE_SSL = "--ssl" in sys.argv
if "--seed" in sys.argv:
    random.seed(int(sys.argv[sys.argv.index("--seed") + 1]))
HOST = "127.0.0.1"

USERS = {"alice": "wonderland", "bob": "builder", "carol": "c4rol-pw", "dave": "davepass",
         "erin": "erin-secret"}
GUEST = ("guest", "guestpass")
UNSAFE = ("evil/x", "evilpass")
AGENTS = ["DAVx5/4.3.9-ose (2023/10/01; dav4jvm; okhttp/4.11.0) Android/13",
          "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.5.0",
          "Evolution/3.46.4", "curl/7.88.1", "python-caldav/1.3.6", "iOS/17.1 (21B74) dataaccessd/1.0",
          "vdirsyncer/0.19.2", None, None]

CALS = {u: [] for u in USERS}     # calendars per user
BOOKS = {u: [] for u in USERS}    # address books per user
ITEMS = {}                        # collection path -> list of hrefs
SYNC = {}                         # collection path -> last sync token


def rname(prefix, n=6):
    return prefix + "".join(random.choice(string.ascii_lowercase + string.digits)
                            for _ in range(random.randint(3, n)))


def conn(timeout=10):
    if USE_SSL:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return http.client.HTTPSConnection(HOST, PORT, timeout=timeout, context=ctx)
    return http.client.HTTPConnection(HOST, PORT, timeout=timeout)


def req(method, path, user=None, pw=None, body=None, headers=None, ctype=None):
    h = dict(headers or {})
    if user is not None:
        h["Authorization"] = "Basic " + base64.b64encode(
            ("%s:%s" % (user, pw)).encode()).decode()
    ua = random.choice(AGENTS)
    if ua:
        h["User-Agent"] = ua
    if ctype:
        h["Content-Type"] = ctype
    if isinstance(body, str):
        body = body.encode()
    try:
        c = conn()
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data
    except Exception as e:  # noqa: BLE001 - the workload keeps going
        return None, str(e).encode()


def ics(uid, summary=None, broken=False, kind="VEVENT", zero_dur=False):
    start = time.gmtime(time.time() + random.randint(-40, 40) * 86400)
    dt = time.strftime("%Y%m%dT%H%M%SZ", start)
    summary = summary or random.choice(["Standup", "Dentist", "Review %d" % random.randint(1, 99),
                                        "Lunch with %s" % rname("p"), "Release planning",
                                        "Trip to %s" % random.choice(["Oslo", "Lima", "Kyoto"])])
    if broken:
        return random.choice([
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTART:notadate\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n" % uid,
            "this is not a calendar %d\r\n" % random.randint(1, 10**6),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:no end\r\n",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a-%s\r\nDTSTART:%s\r\nEND:VEVENT\r\n"
            "BEGIN:VTODO\r\nUID:b-%s\r\nEND:VTODO\r\nEND:VCALENDAR\r\n" % (uid, dt, uid),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
        ])
    extra = "DURATION:PT0S\r\n" if zero_dur else "DURATION:PT%dM\r\n" % random.choice([15, 30, 60, 90])
    if kind == "VTODO":
        extra = "DUE:%s\r\n" % dt
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//r11//workload//EN\r\nBEGIN:%s\r\nUID:%s\r\n"
            "DTSTAMP:%s\r\nDTSTART:%s\r\n%sSUMMARY:%s\r\nEND:%s\r\nEND:VCALENDAR\r\n"
            % (kind, uid, dt, dt, extra, summary, kind))


def vcf(uid, broken=False):
    name = random.choice(["Ada", "Linus", "Grace", "Ken", "Barbara", "Dennis"]) + " " + rname("")
    if broken:
        return random.choice(["BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\n" % name,
                              "garbage vcard %d" % random.randint(0, 9999)])
    return ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:%s\r\nFN:%s\r\nN:%s;;;;\r\nTEL:+1-555-%04d\r\n"
            "EMAIL:%s@example.org\r\nEND:VCARD\r\n"
            % (uid, name, name, random.randint(0, 9999), rname("m")))


def anyuser():
    u = random.choice(list(USERS))
    return u, USERS[u]


MKCAL = ('<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" '
         'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>%s</D:displayname>'
         '<C:supported-calendar-component-set><C:comp name="VEVENT"/><C:comp name="VTODO"/>'
         '</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>')
MKBOOK = ('<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" '
          'xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/>'
          '<CR:addressbook/></D:resourcetype><D:displayname>%s</D:displayname></D:prop></D:set>'
          '</D:mkcol>')
PROPFIND = ('<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CS="http://calendarserver.org/ns/">'
            '<D:prop>%s</D:prop></D:propfind>')
PROPS = ["<D:displayname/>", "<D:resourcetype/>", "<D:getetag/>", "<CS:getctag/>",
         "<D:current-user-principal/>", "<C:calendar-home-set/>", "<D:sync-token/>",
         "<D:owner/>", "<D:current-user-privilege-set/>", "<D:getcontenttype/>"]
PROPPATCH = ('<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:" '
             'xmlns:I="http://apple.com/ns/ical/"><D:set><D:prop><D:displayname>%s</D:displayname>'
             '<I:calendar-color>#%06x</I:calendar-color></D:prop></D:set></D:propertyupdate>')
CALQUERY = ('<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop><C:filter>'
            '<C:comp-filter name="VCALENDAR">%s</C:comp-filter></C:filter></C:calendar-query>')
MULTIGET = ('<?xml version="1.0" encoding="utf-8"?><C:calendar-multiget xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/>'
            '</D:prop>%s</C:calendar-multiget>')
BOOKMULTI = ('<?xml version="1.0" encoding="utf-8"?><CR:addressbook-multiget xmlns:D="DAV:" '
             'xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:prop><D:getetag/><CR:address-data/>'
             '</D:prop>%s</CR:addressbook-multiget>')
SYNCCOL = ('<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:">'
           '<D:sync-token>%s</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/>'
           '</D:prop></D:sync-collection>')
EXPAND = ('<?xml version="1.0" encoding="utf-8"?><D:expand-property xmlns:D="DAV:"><D:property '
          'name="current-user-principal"/></D:expand-property>')
PRINCSEARCH = ('<?xml version="1.0" encoding="utf-8"?><D:principal-search-property-set '
               'xmlns:D="DAV:"/>')
BADXML = ['<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:displayname></D:propfind>',
          "<not-closed", "{\"json\": true}", "<a:b xmlns:c='x'/>",
          '<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>']


def op_mkcalendar():
    u, pw = anyuser()
    name = rname("cal-")
    st, _ = req("MKCALENDAR", "/%s/%s/" % (u, name), u, pw, MKCAL % name.title(),
                ctype="application/xml")
    if st == 201:
        CALS[u].append(name)
        ITEMS["/%s/%s/" % (u, name)] = []
    elif CALS[u] and random.random() < 0.5:  # existing one again
        req("MKCALENDAR", "/%s/%s/" % (u, random.choice(CALS[u])), u, pw, MKCAL % "again")


def op_mkbook():
    u, pw = anyuser()
    name = rname("book-")
    st, _ = req("MKCOL", "/%s/%s/" % (u, name), u, pw, MKBOOK % name, ctype="application/xml")
    if st == 201:
        BOOKS[u].append(name)
        ITEMS["/%s/%s/" % (u, name)] = []


def pick_coll(kind=None):
    u, pw = anyuser()
    pool = []
    if kind in (None, "cal"):
        pool += [(c, "cal") for c in CALS[u]]
    if kind in (None, "book"):
        pool += [(b, "book") for b in BOOKS[u]]
    if not pool:
        return u, pw, None, None
    c, k = random.choice(pool)
    return u, pw, "/%s/%s/" % (u, c), k


def op_put():
    for _ in range(random.randint(1, 3)):
        u, pw, coll, k = pick_coll()
        if not coll:
            return op_mkcalendar()
        uid = str(uuid.uuid4()) if random.random() < 0.7 else rname("uid-", 10)
        if k == "cal":
            href = uid + ".ics"
            body = ics(uid, kind=random.choice(["VEVENT", "VEVENT", "VTODO"]),
                       zero_dur=random.random() < 0.1)
            ct = "text/calendar"
        else:
            href = uid + ".vcf"
            body = vcf(uid)
            ct = "text/vcard"
        hdr = {"If-None-Match": "*"} if random.random() < 0.3 else {}
        st, _ = req("PUT", coll + href, u, pw, body, hdr, ct)
        if st in (201, 204):
            ITEMS[coll].append(href)


def op_put_bad():
    u, pw, coll, k = pick_coll()
    if not coll:
        return op_mkbook()
    uid = rname("bad-", 8)
    if k == "cal":
        body = ics(uid, broken=True) if random.random() < 0.8 else vcf(uid)
        req("PUT", coll + uid + ".ics", u, pw, body, ctype="text/calendar")
    else:
        body = vcf(uid, broken=True) if random.random() < 0.8 else ics(uid)
        req("PUT", coll + uid + ".vcf", u, pw, body, ctype="text/vcard")


def op_put_conflict():
    u, pw, coll, k = pick_coll("cal")
    if not coll or not ITEMS.get(coll):
        return op_put()
    href = random.choice(ITEMS[coll])
    r = random.random()
    if r < 0.4:
        req("PUT", coll + href, u, pw, ics(href[:-4]), {"If-None-Match": "*"}, "text/calendar")
    elif r < 0.7:
        req("PUT", coll + href, u, pw, ics(href[:-4], summary="changed"),
            {"If-Match": '"%032x"' % random.getrandbits(128)}, "text/calendar")
    else:  # same UID under another name -> no-uid-conflict
        req("PUT", coll + rname("dup-") + ".ics", u, pw, ics(href[:-4]), ctype="text/calendar")


def op_put_collection():
    """PUT of a whole calendar or address book."""
    u, pw = anyuser()
    if random.random() < 0.5:
        name = rname("imported-")
        body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//r11//import//EN\r\n"
        for _ in range(random.randint(1, 5)):
            uid = str(uuid.uuid4())
            body += ics(uid).split("PRODID:-//r11//workload//EN\r\n")[1].replace(
                "END:VCALENDAR\r\n", "")
        body += "END:VCALENDAR\r\n"
        st, _ = req("PUT", "/%s/%s/" % (u, name), u, pw, body, ctype="text/calendar")
    else:
        name = rname("vcards-")
        body = "".join(vcf(str(uuid.uuid4())) for _ in range(random.randint(1, 4)))
        st, _ = req("PUT", "/%s/%s/" % (u, name), u, pw, body, ctype="text/vcard")


def op_get():
    u, pw, coll, k = pick_coll()
    if not coll:
        return req("GET", "/%s/" % u, u, pw)
    r = random.random()
    if ITEMS.get(coll) and r < 0.5:
        req("GET", coll + random.choice(ITEMS[coll]), u, pw)
    elif r < 0.75:
        req("GET", coll + rname("missing-") + random.choice([".ics", ".vcf"]), u, pw)
    else:
        req("GET", coll, u, pw)


def op_get_misc():
    u, pw = anyuser()
    p = random.choice(["/", "/.web", "/.web/", "/.web//css/main.css", "/.web/fn.js",
                       "/.well-known/caldav", "/.well-known/carddav", "/.well-known/webfinger",
                       "/%s/" % u, "/%s" % u, "/nobody-%d/" % random.randint(1, 99),
                       "/%s/%s/" % (u, rname("nope-"))])
    m = random.choice(["GET", "GET", "HEAD", "OPTIONS"])
    if random.random() < 0.5:
        req(m, p)
    else:
        req(m, p, u, pw)


def op_delete():
    u, pw, coll, k = pick_coll()
    if not coll:
        return req("DELETE", "/%s/%s/" % (u, rname("gone-")), u, pw)
    r = random.random()
    if ITEMS.get(coll) and r < 0.55:
        href = ITEMS[coll].pop(random.randrange(len(ITEMS[coll])))
        hdr = {"If-Match": '"bogus"'} if random.random() < 0.15 else {}
        req("DELETE", coll + href, u, pw, headers=hdr)
    elif r < 0.85:
        req("DELETE", coll + rname("missing-") + ".ics", u, pw)
    else:
        req("DELETE", coll, u, pw)
        name = coll.strip("/").split("/")[1]
        (CALS if k == "cal" else BOOKS)[u].remove(name)
        ITEMS.pop(coll, None)


def op_propfind():
    u, pw, coll, k = pick_coll()
    path = random.choice([coll or "/%s/" % u, "/%s/" % u, "/", "/%s/%s/" % (u, rname("x-"))])
    depth = random.choice(["0", "1", "infinity", None])
    hdr = {"Depth": depth} if depth else {}
    body = PROPFIND % "".join(random.sample(PROPS, random.randint(1, 5)))
    if random.random() < 0.15:
        body = ""
    req("PROPFIND", path, u, pw, body, hdr, "application/xml")


def op_bad_xml():
    u, pw, coll, k = pick_coll()
    path = coll or "/%s/" % u
    m = random.choice(["PROPFIND", "PROPPATCH", "REPORT", "MKCALENDAR", "MKCOL"])
    if m in ("MKCALENDAR", "MKCOL"):
        path = "/%s/%s/" % (u, rname("badxml-"))
    req(m, path, u, pw, random.choice(BADXML), {"Depth": "1"}, "application/xml")


def op_proppatch():
    u, pw, coll, k = pick_coll()
    if not coll:
        return op_mkbook()
    req("PROPPATCH", coll, u, pw, PROPPATCH % (rname("Renamed "), random.getrandbits(24)),
        ctype="application/xml")


def op_report():
    u, pw, coll, k = pick_coll()
    if not coll:
        return op_mkcalendar()
    r = random.randint(0, 9)
    hrefs = [coll + h for h in random.sample(ITEMS.get(coll, []),
                                             min(len(ITEMS.get(coll, [])), 3))]
    if r == 0:
        hrefs.append(coll + rname("ghost-") + ".ics")
    if r in (0, 1):
        hrefs.append(random.choice(["http://127.0.0.1:%d/../../etc/passwd" % PORT, "/",
                                    "/%s/other.ics" % rname("")]))
    body_href = "".join("<D:href>%s</D:href>" % h for h in hrefs)
    if r <= 2:
        body = (MULTIGET if random.random() < 0.5 else BOOKMULTI) % body_href
    elif r <= 4:
        tok = SYNC.get(coll, "") if random.random() < 0.7 else random.choice(
            ["http://radicale.org/ns/sync/%064x" % random.getrandbits(256), "garbage-token",
             "http://radicale.org/ns/sync/zzz"])
        body = SYNCCOL % tok
    elif r == 5:
        body = random.choice([EXPAND, PRINCSEARCH])
    elif r == 6:
        body = CALQUERY % ('<C:comp-filter name="VEVENT"><C:comp-filter name="VALARM">'
                           '<C:time-range start="20200101T000000Z"/></C:comp-filter>'
                           '</C:comp-filter>')
    elif r == 7:
        body = CALQUERY % random.choice([
            '<C:comp-filter name="VEVENT"><C:time-range start="%s" end="%s"/></C:comp-filter>'
            % (time.strftime("%Y%m%dT000000Z", time.gmtime(time.time() - 86400 * random.randint(1, 30))),
               time.strftime("%Y%m%dT000000Z", time.gmtime(time.time() + 86400 * random.randint(1, 30)))),
            '<C:comp-filter name="VTODO"/>',
            '<C:comp-filter name="VFREEBUSY"><C:prop-filter name="UID"/></C:comp-filter>',
            '<C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match>%s'
            '</C:text-match></C:prop-filter></C:comp-filter>' % random.choice(["Review", "Lunch", "x"])])
    elif r == 8:
        body = ('<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                '<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VTIMEZONE"><C:prop-filter name="TZID"/>'
                '</C:comp-filter></C:filter></C:calendar-query>')
    else:
        body = PROPFIND % "<D:getetag/>"  # a propfind body sent as REPORT
    st, data = req("REPORT", coll, u, pw, body, {"Depth": "1"}, "application/xml")
    if st == 207 and b"sync-token" in data:
        txt = data.decode(errors="replace")
        i = txt.find("sync-token>")
        if i >= 0:
            SYNC[coll] = txt[i + 11:txt.find("<", i + 11)]


def op_move():
    u, pw, coll, k = pick_coll()
    if not coll or not ITEMS.get(coll):
        return op_put()
    href = random.choice(ITEMS[coll])
    r = random.random()
    if r < 0.4:
        new = rname("moved-") + href[-4:]
        dest = "http://%s:%d%s%s" % (HOST, PORT, coll, new)
        st, _ = req("MOVE", coll + href, u, pw, headers={"Destination": dest})
        if st in (201, 204):
            ITEMS[coll].remove(href)
            ITEMS[coll].append(new)
    elif r < 0.55:
        req("MOVE", coll + href, u, pw, headers={"Destination": "http://remote.example:8080%s" % coll})
    elif r < 0.7:
        other = random.choice([x for x in USERS if x != u])
        req("MOVE", coll + href, u, pw,
            headers={"Destination": "http://%s:%d/%s/stolen.ics" % (HOST, PORT, other)})
    elif r < 0.85:
        req("MOVE", coll, u, pw,
            headers={"Destination": "http://%s:%d/%s/%s/" % (HOST, PORT, u, rname("ren-"))})
    else:
        req("MOVE", coll + href, u, pw, headers={"Destination": "http://%s:%d/%s/" % (HOST, PORT, u),
                                                 "X-Script-Name": "/radicale"})


def op_auth_fail():
    r = random.random()
    u = random.choice(list(USERS))
    if r < 0.4:
        req("PROPFIND", "/%s/" % u, u, rname("wrong"), PROPFIND % "<D:displayname/>", {"Depth": "0"})
    elif r < 0.6:
        req("GET", "/%s/" % u, rname("intruder"), "x")
    elif r < 0.7:
        req("PROPFIND", "/%s/" % u, None, None, PROPFIND % "<D:displayname/>")
    elif r < 0.8:
        req("GET", "/%s/" % GUEST[0], *GUEST)
    elif r < 0.9:
        req("PROPFIND", "/", *UNSAFE, body=PROPFIND % "<D:current-user-principal/>")
    else:
        other = random.choice([x for x in USERS if x != u])
        req("GET", "/%s/" % other, u, USERS[u])  # other user's home


def op_headers():
    u, pw = anyuser()
    r = random.random()
    if r < 0.35:
        req("PROPFIND", "/%s/" % u, u, pw, PROPFIND % "<D:displayname/>",
            {"X-Script-Name": random.choice(["radicale", "dav/", "cal"])})
    elif r < 0.7:
        req("GET", "/%s/" % u, u, pw, headers={"X-Script-Name": random.choice(["/radicale/", "/dav/"])})
    else:
        req("GET", "/%s/" % u, u, pw, headers={"X-Forwarded-For": "10.%d.%d.%d" % (
            random.randint(0, 255), random.randint(0, 255), random.randint(1, 254))})


def op_big():
    u, pw, coll, k = pick_coll("cal")
    path = (coll or "/%s/" % u) + rname("huge-") + ".ics"
    size = random.randint(210000, 900000)
    if random.random() < 0.5:
        req("PUT", path, u, pw, "X" * size, ctype="text/calendar")
    else:  # announce a large body but send nothing
        raw("PUT %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nAuthorization: Basic %s\r\n\r\n"
            % (path, size, base64.b64encode(("%s:%s" % (u, pw)).encode()).decode()))


def op_method():
    u, pw = anyuser()
    m = random.choice(["BREW", "PATCH", "LOCK", "UNLOCK", "COPY", "TRACE", "POST", "SEARCH"])
    req(m, "/%s/" % u, u, pw, "x=%d" % random.randint(0, 999))


def raw(data, wait=0.5):
    try:
        s = socket.create_connection((HOST, PORT), timeout=6)
        if USE_SSL and random.random() < 0.7:
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            s = ctx.wrap_socket(s)
        if data:
            s.sendall(data.encode() if isinstance(data, str) else data)
        time.sleep(wait)
        try:
            s.recv(4096)
        except Exception:  # noqa: BLE001
            pass
        s.close()
    except Exception:  # noqa: BLE001
        pass


def op_garbage():
    r = random.randint(0, 7)
    if r == 0:
        raw("GARBAGE %d\r\n\r\n" % random.randint(0, 10**6))
    elif r == 1:
        raw("GET / HTTP/7.%d\r\n\r\n" % random.randint(0, 9))
    elif r == 2:
        raw("GET /%s HTTP/1.1\r\n\r\n" % ("a" * random.randint(66000, 70000)))
    elif r == 3:
        raw("GET / HTTP/1.1\r\nX-Long: %s\r\n\r\n" % ("b" * random.randint(66000, 70000)))
    elif r == 4:
        raw(bytes(random.getrandbits(8) for _ in range(random.randint(5, 60))) + b"\r\n\r\n")
    elif r == 5:
        raw("GET / HTTP/1.1\r\n" + "".join("X-H%d: v\r\n" % i for i in range(120)) + "\r\n")
    elif r == 6:
        raw("\r\n", wait=0.2)
    else:
        raw("GET /%s/ HTTP/1.1\r\nHost: x\r\nAuthorization: Basic %s\r\n\r\n"
            % (rname("u"), "!!notbase64!!"))


def op_idle():
    # connections that say nothing (or half a request) and let the server time out
    def idle():
        half = random.choice([b"", b"PROPFIND /alice/ HTTP/1.1\r\nHost: x\r\n"])
        raw(half, wait=random.uniform(5.5, 6.5))
    threading.Thread(target=idle, daemon=True).start()


OPS = [(op_mkcalendar, 3), (op_mkbook, 2), (op_put, 12), (op_put_bad, 3), (op_put_conflict, 2),
       (op_put_collection, 1), (op_get, 8), (op_get_misc, 4), (op_delete, 4), (op_propfind, 6),
       (op_bad_xml, 2), (op_proppatch, 2), (op_report, 7), (op_move, 3), (op_auth_fail, 5),
       (op_headers, 2), (op_big, 1), (op_method, 1), (op_garbage, 2), (op_idle, 1)]


def main():
    # warm-up: every user logs in once and gets a calendar and an address book
    for u, pw in USERS.items():
        if random.random() < 0.8:
            req("PROPFIND", "/%s/" % u, u, pw, PROPFIND % "<D:current-user-principal/>", {"Depth": "1"})
    # learn what already exists (after a restart)
    for u, pw in USERS.items():
        st, data = req("PROPFIND", "/%s/" % u, u, pw, PROPFIND % "<D:resourcetype/>", {"Depth": "1"})
        txt = (data or b"").decode(errors="replace")
        for part in txt.split("<href>")[1:]:
            href = part.split("</href>")[0]
            segs = [s for s in href.split("/") if s]
            if len(segs) == 2:
                coll = "/%s/%s/" % tuple(segs)
                if "calendar" in part.split("</response>")[0]:
                    CALS[u].append(segs[1])
                elif "addressbook" in part.split("</response>")[0]:
                    BOOKS[u].append(segs[1])
                else:
                    continue
                ITEMS[coll] = []
    end = time.time() + DURATION
    funcs = [f for f, w in OPS for _ in range(w)]
    while time.time() < end:
        random.choice(funcs)()
        time.sleep(random.uniform(0.3, 1.3))


if __name__ == "__main__":
    main()
