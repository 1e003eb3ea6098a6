#!/usr/bin/env python3
"""UPnP/DLNA clients for the minidlna workload (run inside the r13dlna network namespace).

Usage: clients.py PORT ACTION   (ACTION: ssdp, badssdp, desc, browse, search, misc, stream,
                                 art, subscribe, garbage, all)
Every action picks its values at random.
"""
import random, re, socket, sys, time, urllib.request, urllib.error
from xml.sax.saxutils import escape

PORT = int(sys.argv[1])
BASE = f"http://127.0.0.1:{PORT}"
MCAST = ("239.255.255.250", 1900)
AGENTS = ["Linux/5.10 UPnP/1.0 VLC/3.0", "SEC_HHP_[TV] Samsung/1.0", "Xbox/2.0.17559.0 UPnP/1.0 Xbox/2.0",
          "Kodi/20.1 (X11; Linux x86_64)", "Windows-Media-Player/12.0", "PLAYSTATION 3",
          "BubbleUPnP UPnP/1.1", "Python-urllib/3", "LG-NetCast/4.0", "foobar-renderer/%d" % random.randint(1, 99)]


def ssdp(bad=False):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.213.0.1"))
    if bad and random.random() < 0.4:
        s.bind(("10.213.0.1", random.randint(100, 1000)))  # privileged source port: rejected
    else:
        s.bind(("10.213.0.1", 0))
    s.settimeout(1.5)
    st = random.choice(["ssdp:all", "upnp:rootdevice", "urn:schemas-upnp-org:device:MediaServer:1",
                        "urn:schemas-upnp-org:service:ContentDirectory:1",
                        "urn:schemas-upnp-org:service:ConnectionManager:1",
                        "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1",
                        "urn:schemas-upnp-org:device:MediaRenderer:1"])
    mx = str(random.randint(1, 3))
    man = '"ssdp:discover"'
    host = "239.255.255.250:1900"
    if bad:
        k = random.randint(0, 3)
        if k == 0:
            man = random.choice(['"ssdp:alive"', "discover", '"xx"'])
        elif k == 1:
            mx = random.choice(["", "abc", "-1"])
        elif k == 2:
            host = random.choice(["1.2.3.4:1900", "239.255.255.250:99"])
        else:
            st = ""
    msg = (f"M-SEARCH * HTTP/1.1\r\nHOST: {host}\r\nMAN: {man}\r\nMX: {mx}\r\nST: {st}\r\n"
           f"USER-AGENT: {random.choice(AGENTS)}\r\n\r\n")
    if bad and random.random() < 0.3:
        msg = random.choice(["NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\n"
                             "NTS: ssdp:alive\r\nUSN: uuid:%08x::upnp:rootdevice\r\nLOCATION: http://10.213.0.9:%d/d.xml\r\n"
                             "SERVER: Linux UPnP/1.0 Foo/1\r\n\r\n" % (random.getrandbits(32), random.randint(2000, 9000)),
                             "M-SEARCH * HTTP/1.1\r\n\r\n", "garbage %d\r\n" % random.randint(1, 1 << 30)])
    dest = MCAST if random.random() < 0.7 else ("10.213.0.1", 1900)
    s.sendto(msg.encode(), dest)
    try:
        while True:
            s.recvfrom(2048)
    except OSError:
        pass
    s.close()


def http(path, method="GET", body=None, headers=None, agent=None):
    h = {"User-Agent": agent or random.choice(AGENTS)}
    h.update(headers or {})
    req = urllib.request.Request(BASE + path, data=body, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return 0, str(e).encode()


def soap(service, action, args, agent=None):
    ns = {"cd": "urn:schemas-upnp-org:service:ContentDirectory:1",
          "cm": "urn:schemas-upnp-org:service:ConnectionManager:1",
          "mr": "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"}[service]
    ctl = {"cd": "/ctl/ContentDir", "cm": "/ctl/ConnectionMgr", "mr": "/ctl/X_MS_MediaReceiverRegistrar"}[service]
    inner = "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in args.items())
    body = ('<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
            f'<u:{action} xmlns:u="{ns}">{inner}</u:{action}></s:Body></s:Envelope>')
    return http(ctl, "POST", body.encode(), {"Content-Type": 'text/xml; charset="utf-8"',
                                             "SOAPACTION": f'"{ns}#{action}"'}, agent)


def browse_ids(oid="0", flag="BrowseDirectChildren", count=None):
    st, body = soap("cd", "Browse", {"ObjectID": oid, "BrowseFlag": flag, "Filter": "*",
                                     "StartingIndex": random.choice([0, 0, 1, 2]),
                                     "RequestedCount": count if count is not None else random.choice([0, 5, 10, 50]),
                                     "SortCriteria": random.choice(["", "+dc:title", "-dc:date", "+upnp:album"])})
    text = body.decode("utf-8", "replace").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    return re.findall(r'id="([^"]+)"', text), re.findall(r">(http://[^<]+)</res>", text)


def walk():
    ids, res = browse_ids("0")
    allres = list(res)
    for _ in range(random.randint(1, 4)):
        if not ids:
            break
        oid = random.choice(ids)
        more, res = browse_ids(oid)
        allres += res
        ids = more or ids
    return allres


def act_desc():
    for p in random.sample(["/rootDesc.xml", "/ContentDir.xml", "/ConnectionMgr.xml",
                            "/X_MS_MediaReceiverRegistrar.xml", "/icons/sm.png", "/icons/lrg.png",
                            "/icons/sm.jpg", "/icons/lrg.jpg", "/status", "/favicon.ico",
                            "/nothere%d.xml" % random.randint(1, 999)], random.randint(1, 4)):
        http(p, random.choice(["GET", "GET", "HEAD"]))


def act_browse():
    walk()
    browse_ids(random.choice(["0", "1", "2", "3", "64", "1$4", "2$8", "3$13", "nosuch$%d" % random.randint(1, 99)]),
               random.choice(["BrowseMetadata", "BrowseDirectChildren", "BrowseBogus"]))


def act_search():
    crit = random.choice(['upnp:class derivedfrom "object.item.audioItem"',
                          'upnp:class derivedfrom "object.item.videoItem"',
                          'dc:title contains "%s"' % random.choice(["song", "clip", "a", "zz"]),
                          'upnp:artist = "%s"' % random.choice(["Arne", "Bodil", "nobody"]),
                          '(upnp:class = "object.item.imageItem.photo")', 'upnp:genre = "Jazz"'])
    soap("cd", "Search", {"ContainerID": random.choice(["0", "1", "3"]), "SearchCriteria": crit,
                          "Filter": "*", "StartingIndex": 0, "RequestedCount": random.randint(0, 30),
                          "SortCriteria": ""})


def act_misc():
    c = random.randint(0, 9)
    if c == 0:
        soap("cd", "GetSearchCapabilities", {})
    elif c == 1:
        soap("cd", "GetSortCapabilities", {})
    elif c == 2:
        soap("cd", "GetSystemUpdateID", {})
    elif c == 3:
        soap("cm", "GetProtocolInfo", {})
    elif c == 4:
        soap("cm", "GetCurrentConnectionInfo", {"ConnectionID": random.choice([0, 0, 1, 7, -1])})
    elif c == 5:
        soap("cm", "GetCurrentConnectionIDs", {})
    elif c == 6:
        soap("mr", random.choice(["IsAuthorized", "IsValidated", "RegisterDevice"]), {"DeviceID": ""})
    elif c == 7:
        soap("cd", random.choice(["DestroyObject", "CreateObject", "FooBar%d" % random.randint(1, 9)]), {"ObjectID": "1"})
    elif c == 8:
        soap("cd", "X_GetFeatureList", {})
    else:
        soap("cd", "X_SetBookmark", {"ObjectID": "64$%d" % random.randint(0, 5), "PosSecond": random.randint(1, 300)})


def act_stream():
    res = walk()
    for u in random.sample(res, min(len(res), random.randint(1, 3))):
        path = u.split(str(PORT), 1)[-1]
        hdr = {}
        if random.random() < 0.4:
            a = random.randint(0, 2000)
            hdr["Range"] = random.choice([f"bytes={a}-", f"bytes={a}-{a + random.randint(1, 5000)}", "bytes=-500", "bytes=x-y"])
        if random.random() < 0.3:
            hdr["getcontentFeatures.dlna.org"] = "1"
        if random.random() < 0.2:
            hdr["transferMode.dlna.org"] = random.choice(["Streaming", "Interactive", "Background", "Bogus"])
        if random.random() < 0.15:
            hdr["TimeSeekRange.dlna.org"] = "npt=0-"
        http(path, random.choice(["GET", "GET", "HEAD"]), headers=hdr)
    http("/MediaItems/%d.mp3" % random.randint(5000, 9999))


def act_art():
    res = walk()
    for u in res[:random.randint(1, 4)]:
        m = re.search(r"/MediaItems/(\d+)\.", u)
        if not m:
            continue
        i = m.group(1)
        http(random.choice([f"/AlbumArt/{i}-{i}.jpg", f"/Thumbnails/{i}.jpg", f"/Resized/{i}.jpg?{random.randint(1, 999)}",
                            f"/Resized/{i}.jpg", f"/Captions/{i}.srt"]))
    http(random.choice(["/AlbumArt/%d-1.jpg", "/Thumbnails/%d.jpg", "/Captions/%d.srt", "/Resized/%d.jpg"]) % random.randint(900, 9999))


def act_subscribe():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
    path = random.choice(["/evt/ContentDir", "/evt/ConnectionMgr", "/evt/X_MS_MediaReceiverRegistrar", "/evt/Nope"])
    cb = "<http://127.0.0.1:%d/cb>" % random.choice([25651, 25652])
    s.sendall((f"SUBSCRIBE {path} HTTP/1.1\r\nHOST: 127.0.0.1:{PORT}\r\nCALLBACK: {cb}\r\nNT: upnp:event\r\n"
               f"TIMEOUT: Second-{random.randint(30, 1800)}\r\n\r\n").encode())
    data = s.recv(4096).decode("latin1")
    s.close()
    sid = re.search(r"SID: *(\S+)", data, re.I)
    time.sleep(random.random())
    if sid and random.random() < 0.7:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
        sid = sid.group(1) if random.random() < 0.8 else "uuid:bogus-%d" % random.randint(1, 99)
        verb = random.choice(["UNSUBSCRIBE", "SUBSCRIBE"])
        s.sendall(f"{verb} {path} HTTP/1.1\r\nHOST: 127.0.0.1:{PORT}\r\nSID: {sid}\r\nTIMEOUT: Second-300\r\n\r\n".encode())
        try:
            s.recv(4096)
        except OSError:
            pass
        s.close()


def act_garbage():
    s = socket.create_connection(("127.0.0.1", PORT), timeout=3)
    s.sendall(random.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(random.getrandbits(8) for _ in range(40)),
                             b"BREW /pot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                             b"GET /rootDesc.xml HTTP/9.9\r\n\r\n",
                             b"GET\r\n\r\n",
                             b"POST /ctl/ContentDir HTTP/1.1\r\nContent-Length: 99999\r\n\r\n<xml",
                             b"GET /MediaItems/abc.mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                             b"GET /../../etc/passwd HTTP/1.0\r\n\r\n"]))
    if random.random() < 0.5:
        s.close()
        return
    try:
        s.recv(4096)
    except OSError:
        pass
    s.close()


ACTS = {"ssdp": ssdp, "badssdp": lambda: ssdp(bad=True), "desc": act_desc, "browse": act_browse,
        "search": act_search, "misc": act_misc, "stream": act_stream, "art": act_art,
        "subscribe": act_subscribe, "garbage": act_garbage}

if __name__ == "__main__":
    a = sys.argv[2]
    try:
        (random.choice(list(ACTS.values())) if a == "all" else ACTS[a])()
    except Exception as e:
        print("client error:", a, e, file=sys.stderr)
