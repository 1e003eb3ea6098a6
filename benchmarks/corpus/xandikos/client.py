#!/usr/bin/python3
"""Randomised CalDAV/CardDAV/WebDAV client for the xandikos workload.

usage: client.py HOST PORT SEED N
"""
import datetime
import http.client
import random
import socket
import sys
import uuid

HOST, PORT, SEED, N = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(SEED)

CAL = "/user/calendars/calendar/"
ADR = "/user/contacts/addressbook/"
EXTRA_CALS = ["/user/calendars/work%d/" % i for i in range(3)]
created = {}  # href -> etag


def req(method, path, body=None, headers=None):
    h = {"User-Agent": rnd.choice(["DAVx5/4.3", "Thunderbird/115", "curl/7.88.1",
                                   "python-client/1.0", "Evolution/3.46"])}
    if headers:
        h.update(headers)
    if isinstance(body, str):
        body = body.encode("utf-8")
    try:
        c = http.client.HTTPConnection(HOST, PORT, timeout=10)
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("ETag"), data
    except Exception as e:  # server down, reset, ...
        return None, None, str(e).encode()


def dt(d):
    return d.strftime("%Y%m%dT%H%M%SZ")


def vevent(uid, summary, start=None, end=True, bad_end=False, extra=""):
    start = start or datetime.datetime(2024, 1, 1) + datetime.timedelta(
        days=rnd.randint(0, 700), hours=rnd.randint(0, 23))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//workload//EN",
             "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + dt(start),
             "SUMMARY:" + summary]
    if start is not False:
        lines.append("DTSTART:" + dt(start))
    if end:
        e = start - datetime.timedelta(hours=2) if bad_end else start + datetime.timedelta(hours=rnd.randint(1, 5))
        lines.append("DTEND:" + dt(e))
    if extra:
        lines.extend(extra.split("\n"))
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    return "\r\n".join(lines)


def vevent_nostart(uid, summary):
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//workload//EN",
                        "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20240101T000000Z",
                        "SUMMARY:" + summary, "END:VEVENT", "END:VCALENDAR", ""])


def vtodo(uid, summary):
    due = datetime.datetime(2024, 6, 1) + datetime.timedelta(days=rnd.randint(0, 300))
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//workload//EN",
                        "BEGIN:VTODO", "UID:" + uid, "DTSTAMP:" + dt(due),
                        "SUMMARY:" + summary, "DUE:" + dt(due), "STATUS:NEEDS-ACTION",
                        "END:VTODO", "END:VCALENDAR", ""])


def vcard(uid, fn):
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", "UID:" + uid, "FN:" + fn,
                        "N:%s;;;;" % fn, "EMAIL:%s@example.org" % fn.lower().replace(" ", "."),
                        "TEL:+1-555-%04d" % rnd.randint(0, 9999), "END:VCARD", ""])


WORDS = ["standup", "review", "lunch", "dentist", "release", "retro", "1:1", "planning",
         "gym", "call with Bob", "budget", "offsite"]
NAMES = ["Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black", "Frank Green"]


def propfind_body(props):
    inner = "".join(props)
    return ('<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" '
            'xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav" '
            'xmlns:cs="http://calendarserver.org/ns/" xmlns:x="http://example.org/ns/" '
            'xmlns:a="http://apple.com/ns/ical/"><d:prop>%s</d:prop></d:propfind>' % inner)


KNOWN = ["<d:resourcetype/>", "<d:displayname/>", "<d:getetag/>", "<cs:getctag/>",
         "<c:calendar-home-set/>", "<card:addressbook-home-set/>", "<d:current-user-principal/>",
         "<c:supported-calendar-component-set/>", "<a:calendar-color/>",
         "<d:sync-token/>", "<d:getcontenttype/>", "<c:calendar-description/>",
         "<d:quota-available-bytes/>", "<d:supported-report-set/>"]
UNKNOWN = ["<x:frobnicate/>", "<x:shoe-size/>", "<d:lockdiscovery/>", "<cs:push-transports/>",
           "<x:color-scheme/>", "<cs:pushkey/>", "<d:supportedlock/>"]


def op_propfind():
    path = rnd.choice(["/", "/user/", CAL, ADR, "/user/calendars/", "/user/inbox/"] + EXTRA_CALS)
    depth = rnd.choice(["0", "1"])
    props = rnd.sample(KNOWN, rnd.randint(1, 5))
    # the inbox raises NotImplementedError (logged with a traceback) for this one
    if path == "/user/inbox/" or (path == "/user/" and depth == "1"):
        props = [p for p in props if p != "<c:supported-calendar-component-set/>"] or ["<d:getetag/>"]
    if rnd.random() < 0.5:
        props += rnd.sample(UNKNOWN, rnd.randint(1, 2))
    req("PROPFIND", path, propfind_body(props),
        {"Depth": depth, "Content-Type": "application/xml"})


def op_propfind_allprop():
    req("PROPFIND", rnd.choice([CAL, ADR]),
        '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:allprop/></d:propfind>',
        {"Depth": "0", "Content-Type": "text/xml"})


def op_put_event():
    uid = str(uuid.UUID(int=rnd.getrandbits(128)))
    cal = rnd.choice([CAL, CAL, CAL] + EXTRA_CALS)
    kind = rnd.random()
    if kind < 0.15:
        body = vevent(uid, rnd.choice(WORDS), bad_end=True)
    elif kind < 0.25:
        body = vtodo(uid, rnd.choice(WORDS))
    else:
        body = vevent(uid, rnd.choice(WORDS), end=rnd.random() < 0.8)
    href = cal + uid + ".ics"
    hdr = {"Content-Type": "text/calendar"}
    if rnd.random() < 0.3:
        hdr["If-None-Match"] = "*"
    st, etag, _ = req("PUT", href, body, hdr)
    if st in (201, 204):
        created[href] = (etag, body, uid)


def op_update_event():
    cal_items = [h for h in created if h.endswith(".ics")]
    if not cal_items:
        return op_put_event()
    href = rnd.choice(cal_items)
    etag, body, uid = created[href]
    if "VTODO" in body:
        new = body.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
    else:
        new = body.replace("SUMMARY:", "SUMMARY:moved ")
        extra = rnd.choice(["LOCATION:Room %d" % rnd.randint(1, 9), "CLASS:PRIVATE",
                            "DESCRIPTION:note %d" % rnd.randint(1, 99), "CATEGORIES:WORK"])
        new = new.replace("END:VEVENT", extra + "\r\nEND:VEVENT")
        if rnd.random() < 0.3 and "DTSTART:" in new:
            s = new.split("DTSTART:")[1][:16]
            new = new.replace("DTSTART:" + s, "DTSTART:" + s[:9] + "235959Z")
    hdr = {"Content-Type": "text/calendar"}
    r = rnd.random()
    if r < 0.2:
        hdr["If-Match"] = '"0000000000000000000000000000000000000000"'  # stale etag
    elif r < 0.7 and etag:
        hdr["If-Match"] = etag
    st, netag, _ = req("PUT", href, new, hdr)
    if st in (201, 204):
        created[href] = (netag, new, uid)


def op_put_contact():
    uid = str(uuid.UUID(int=rnd.getrandbits(128)))
    href = ADR + uid + ".vcf"
    st, etag, _ = req("PUT", href, vcard(uid, rnd.choice(NAMES)), {"Content-Type": "text/vcard"})
    if st in (201, 204):
        created[href] = (etag, "", uid)


def op_put_bad():
    uid = str(uuid.UUID(int=rnd.getrandbits(128)))
    choice = rnd.randint(0, 6)
    if choice == 0:
        req("PUT", CAL + uid + ".ics", "BEGIN:VCALENDAR\r\nthis is not ical\r\n", {"Content-Type": "text/calendar"})
    elif choice == 1:
        req("PUT", CAL + uid + ".ics", "garbage\x00\x01\x02", {"Content-Type": "text/calendar"})
    elif choice == 2:
        req("PUT", ADR + uid + ".vcf", "BEGIN:VCARD\r\nFN:broken\r\n", {"Content-Type": "text/vcard"})
    elif choice == 3:
        req("PUT", "/user/nosuchcollection/" + uid + ".ics", vevent(uid, "lost"), {"Content-Type": "text/calendar"})
    elif choice == 4:
        req("PUT", CAL + uid + ".ics", vcard(uid, "Wrong Type"), {"Content-Type": "text/vcard"})
    elif choice == 5:
        # duplicate UID under another name
        items = [v for h, v in created.items() if h.startswith(CAL)]
        if items:
            etag, body, u = rnd.choice(items)
            req("PUT", CAL + "dup-" + uid + ".ics", body, {"Content-Type": "text/calendar"})
    else:
        req("PUT", "/user/calendars/", vevent(uid, "on collection"), {"Content-Type": "text/calendar"})


def op_get():
    if created and rnd.random() < 0.7:
        href = rnd.choice(list(created))
    else:
        href = rnd.choice([CAL + "missing.ics", ADR + "nobody.vcf", "/nonexistent/path", "/user/x/y/z"])
    hdr = {}
    if href in created and rnd.random() < 0.3 and created[href][0]:
        hdr["If-None-Match"] = created[href][0]
    req(rnd.choice(["GET", "GET", "HEAD"]), href, None, hdr)


def op_delete():
    if created and rnd.random() < 0.8:
        href = rnd.choice(list(created))
        hdr = {}
        if rnd.random() < 0.3:
            hdr["If-Match"] = '"deadbeef"'
        st, _, _ = req("DELETE", href, None, hdr)
        if st in (200, 204):
            del created[href]
    else:
        req("DELETE", rnd.choice([CAL + "ghost.ics", "/user/nothing/"]))


def op_calendar_query():
    comp = rnd.choice(["VEVENT", "VEVENT", "VTODO", "VJOURNAL", "VFOO"])
    start = datetime.datetime(2024, 1, 1) + datetime.timedelta(days=rnd.randint(0, 600))
    end = start + datetime.timedelta(days=rnd.randint(1, 120))
    body = ('<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            '<d:prop><d:getetag/>%s</d:prop><c:filter><c:comp-filter name="VCALENDAR">'
            '<c:comp-filter name="%s"><c:time-range start="%s" end="%s"/></c:comp-filter>'
            '</c:comp-filter></c:filter></c:calendar-query>'
            % ("<c:calendar-data/>" if rnd.random() < 0.5 else "", comp, dt(start), dt(end)))
    req("REPORT", rnd.choice([CAL, CAL, EXTRA_CALS[0]]), body, {"Depth": "1", "Content-Type": "application/xml"})


def op_calendar_query_text():
    body = ('<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            '<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
            '<c:comp-filter name="VEVENT"><c:prop-filter name="SUMMARY">'
            '<c:text-match collation="i;ascii-casemap">%s</c:text-match></c:prop-filter>'
            '</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>' % rnd.choice(WORDS))
    req("REPORT", CAL, body, {"Depth": "1", "Content-Type": "application/xml"})


def op_multiget():
    hrefs = [h for h in created if h.startswith(CAL)]
    hrefs = rnd.sample(hrefs, min(len(hrefs), rnd.randint(1, 4))) + [CAL + "vanished.ics"]
    body = ('<?xml version="1.0"?><c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            '<d:prop><d:getetag/><c:calendar-data/></d:prop>%s</c:calendar-multiget>'
            % "".join("<d:href>%s</d:href>" % h for h in hrefs))
    req("REPORT", CAL, body, {"Depth": "1", "Content-Type": "application/xml"})


def op_addressbook():
    if rnd.random() < 0.08:
        body = ('<?xml version="1.0"?><card:addressbook-query xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">'
                '<d:prop><d:getetag/><card:address-data/></d:prop><card:filter><card:prop-filter name="FN">'
                '<card:text-match collation="i;unicode-casemap" match-type="contains">%s</card:text-match>'
                '</card:prop-filter></card:filter></card:addressbook-query>' % rnd.choice(["Alice", "bob", "e"]))
    else:
        hrefs = [h for h in created if h.startswith(ADR)][:3] + [ADR + "gone.vcf"]
        body = ('<?xml version="1.0"?><card:addressbook-multiget xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav">'
                '<d:prop><d:getetag/><card:address-data/></d:prop>%s</card:addressbook-multiget>'
                % "".join("<d:href>%s</d:href>" % h for h in hrefs))
    req("REPORT", ADR, body, {"Depth": "1", "Content-Type": "application/xml"})


def op_sync():
    token = "" if rnd.random() < 0.94 else rnd.choice(["http://xandikos.org/ns/sync/0000", "bogus-token"])
    body = ('<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>%s</d:sync-token>'
            '<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>' % token)
    req("REPORT", rnd.choice([CAL, ADR]), body, {"Content-Type": "application/xml"})


def op_weird_report():
    choice = rnd.randint(0, 4)
    if choice == 0:
        body = '<?xml version="1.0"?><x:frob-report xmlns:x="http://example.org/ns/"/>'
        req("REPORT", CAL, body, {"Content-Type": "application/xml"})
    elif choice == 1:
        body = ('<?xml version="1.0"?><d:expand-property xmlns:d="DAV:"><d:property/>'
                '<d:property name="current-user-principal" namespace="DAV:"/></d:expand-property>')
        req("REPORT", "/user/", body, {"Content-Type": "application/xml", "Depth": "0"})
    elif choice == 2:
        body = ('<?xml version="1.0"?><c:free-busy-query xmlns:c="urn:ietf:params:xml:ns:caldav">'
                '<c:time-range start="20240101T000000Z" end="20250101T000000Z"/></c:free-busy-query>')
        req("REPORT", CAL, body, {"Content-Type": "application/xml"})
    elif choice == 3:
        body = '<?xml version="1.0"?><c:calendar-query xmlns:c="urn:ietf:params:xml:ns:caldav"/>'
        req("REPORT", "/user/nosuch/", body, {"Content-Type": "application/xml"})
    else:
        body = ('<?xml version="1.0"?><d:principal-search-property-set xmlns:d="DAV:"/>')
        req("REPORT", "/user/", body, {"Content-Type": "application/xml"})


def op_proppatch():
    path = rnd.choice([CAL, ADR] + EXTRA_CALS)
    props = []
    if rnd.random() < 0.6:
        props.append("<d:displayname>%s</d:displayname>" % rnd.choice(WORDS))
    if rnd.random() < 0.5:
        props.append("<a:calendar-color>#%06x</a:calendar-color>" % rnd.getrandbits(24))
    if rnd.random() < 0.5 or not props:
        props.append("<x:favourite-fruit>%s</x:favourite-fruit>" % rnd.choice(["kiwi", "pear"]))
    body = ('<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:" xmlns:x="http://example.org/ns/" '
            'xmlns:a="http://apple.com/ns/ical/"><d:set><d:prop>%s</d:prop></d:set></d:propertyupdate>'
            % "".join(props))
    req("PROPPATCH", path, body, {"Content-Type": "application/xml"})


def op_mkcol():
    name = rnd.choice(EXTRA_CALS + ["/user/calendars/tmp%d/" % rnd.randint(0, 50),
                                    "/user/missing-parent/child/"])
    if rnd.random() < 0.5:
        body = ('<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
                '<d:set><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype>'
                '<d:displayname>%s</d:displayname></d:prop></d:set></d:mkcol>' % rnd.choice(WORDS))
        req("MKCOL", name, body, {"Content-Type": "application/xml"})
    else:
        req(rnd.choice(["MKCOL", "MKCALENDAR"]), name)


def op_bad_xml():
    path = rnd.choice([CAL, ADR, "/user/"])
    body = rnd.choice(["<d:propfind xmlns:d='DAV:'><d:prop>", "not xml at all", "<?xml version='1.0'?><a><b></a>",
                       "<propfind><prop><getetag/></prop></propfind>", ""])
    req(rnd.choice(["PROPFIND", "REPORT", "PROPPATCH"]), path, body,
        {"Content-Type": rnd.choice(["application/xml", "text/xml", "application/json"]), "Depth": "0"})


def op_misc():
    choice = rnd.randint(0, 5)
    if choice == 0:
        req("OPTIONS", rnd.choice([CAL, "/", "/user/"]))
    elif choice == 1:
        req("GET", rnd.choice(["/.well-known/caldav", "/.well-known/carddav", "/health"]))
    elif choice == 2:
        req(rnd.choice(["LOCK", "COPY", "MOVE", "PATCH", "BREW"]), CAL)
    elif choice == 3:
        req("POST", rnd.choice([CAL, "/user/"]), "x=1", {"Content-Type": "application/x-www-form-urlencoded"})
    elif choice == 4:
        req("GET", rnd.choice([CAL, ADR, "/user/", "/"]))
    else:
        req("PROPFIND", "//user//calendars/", propfind_body(["<d:getetag/>"]), {"Depth": "1"})


def op_garbage():
    try:
        s = socket.create_connection((HOST, PORT), timeout=5)
        s.sendall(rnd.choice([b"HELLO THERE\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
                              b"GET / HTTP/9.9\r\n\r\n", b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n",
                              b"PUT /user/ HTTP/1.1\r\nContent-Length: abc\r\n\r\n"]))
        try:
            s.recv(4096)
        except Exception:
            pass
        s.close()
    except Exception:
        pass


OPS = [(op_propfind, 14), (op_propfind_allprop, 2), (op_put_event, 14), (op_update_event, 8),
       (op_put_contact, 6), (op_put_bad, 5), (op_get, 10), (op_delete, 4), (op_calendar_query, 9),
       (op_calendar_query_text, 3), (op_multiget, 4), (op_addressbook, 4), (op_sync, 4),
       (op_weird_report, 4), (op_proppatch, 4), (op_mkcol, 3), (op_bad_xml, 4), (op_misc, 5),
       (op_garbage, 1)]
funcs = [f for f, w in OPS]
weights = [w for f, w in OPS]
for _ in range(N):
    rnd.choices(funcs, weights)[0]()
