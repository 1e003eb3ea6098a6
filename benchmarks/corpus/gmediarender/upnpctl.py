#!/usr/bin/python3
# Minimal UPnP control point for the gmediarender workload: SOAP actions, GENA subscriptions,
# HTTP GETs and SSDP searches, chosen at random (seeded by argv).
import http.client, random, socket, sys, time
HOST, PORT, MEDIA, CB = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rnd = random.Random(int(sys.argv[5]))
N = int(sys.argv[6])
SVC = {"AVTransport": "/upnp/control/rendertransport1",
       "RenderingControl": "/upnp/control/rendercontrol1",
       "ConnectionManager": "/upnp/control/renderconnmgr1"}
EV = ["/upnp/event/rendertransport1", "/upnp/event/rendercontrol1", "/upnp/event/renderconnmgr1"]

def req(method, path, body=None, headers=None):
    try:
        c = http.client.HTTPConnection(HOST, PORT, timeout=5)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse(); r.read(); c.close()
        return r
    except OSError:
        return None

def soap(svc, action, args, raw=None):
    a = "".join(f"<{k}>{v}</{k}>" for k, v in args)
    body = raw if raw is not None else (
        '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
        's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
        f'<u:{action} xmlns:u="urn:schemas-upnp-org:service:{svc}:1">{a}</u:{action}></s:Body></s:Envelope>')
    return req("POST", SVC.get(svc, "/upnp/control/nosuch"), body.encode(), {
        "Content-Type": 'text/xml; charset="utf-8"',
        "SOAPACTION": f'"urn:schemas-upnp-org:service:{svc}:1#{action}"'})

def meta(title):
    return ("&lt;DIDL-Lite xmlns=&quot;urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/&quot; "
            "xmlns:dc=&quot;http://purl.org/dc/elements/1.1/&quot; xmlns:upnp=&quot;urn:schemas-upnp-org:metadata-1-0/upnp/&quot;&gt;"
            f"&lt;item id=&quot;{rnd.randint(1,99)}&quot;&gt;&lt;dc:title&gt;{title}&lt;/dc:title&gt;"
            f"&lt;upnp:artist&gt;Artist {rnd.randint(1,9)}&lt;/upnp:artist&gt;&lt;/item&gt;&lt;/DIDL-Lite&gt;")

def uri():
    return rnd.choice([f"{MEDIA}/tone{rnd.randint(1,3)}.wav"] * 6 + [
        f"{MEDIA}/missing{rnd.randint(1,99)}.wav", f"{MEDIA}/notaudio.txt",
        "http://10.39.3.2:51299/refused.wav", "bogus://nowhere/x.mp3", ""])

def ssdp():
    st = rnd.choice(["ssdp:all", "upnp:rootdevice", "urn:schemas-upnp-org:device:MediaRenderer:1",
                     "urn:schemas-upnp-org:service:AVTransport:1", "uuid:nosuch"])
    m = (f"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
         f"MX: 1\r\nST: {st}\r\n\r\n").encode()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(0.5)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.39.3.2"))
    s.bind(("10.39.3.2", 0)); s.sendto(m, ("239.255.255.250", 1900))
    try:
        while True: s.recvfrom(4096)
    except OSError:
        pass
    s.close()

I = [("InstanceID", 0)]
OPS = [
    (14, lambda: soap("AVTransport", "SetAVTransportURI", I + [("CurrentURI", uri()), ("CurrentURIMetaData", rnd.choice(["", meta(f"Song {rnd.randint(1,50)}")]))])),
    (4, lambda: soap("AVTransport", "SetNextAVTransportURI", I + [("NextURI", uri()), ("NextURIMetaData", meta("Next"))])),
    (12, lambda: soap("AVTransport", "Play", I + [("Speed", rnd.choice(["1", "1", "2"]))])),
    (6, lambda: soap("AVTransport", "Pause", I)),
    (7, lambda: soap("AVTransport", "Stop", I)),
    (4, lambda: soap("AVTransport", "Seek", I + [("Unit", rnd.choice(["REL_TIME", "ABS_TIME", "TRACK_NR"])), ("Target", rnd.choice(["00:00:01", "0:00:00.5", "garbage", "1"]))])),
    (10, lambda: soap("AVTransport", rnd.choice(["GetPositionInfo", "GetTransportInfo", "GetMediaInfo", "GetTransportSettings", "GetDeviceCapabilities", "GetCurrentTransportActions"]), I)),
    (3, lambda: soap("AVTransport", rnd.choice(["Next", "Previous", "SetPlayMode", "Record"]), I)),
    (8, lambda: soap("RenderingControl", rnd.choice(["GetVolume", "GetMute", "GetVolumeDB", "GetVolumeDBRange"]), I + [("Channel", "Master")])),
    (6, lambda: soap("RenderingControl", "SetVolume", I + [("Channel", "Master"), ("DesiredVolume", rnd.choice([0, 10, 50, 100, 150, -5]))])),
    (3, lambda: soap("RenderingControl", "SetVolumeDB", I + [("Channel", "Master"), ("DesiredVolume", rnd.choice([-1000, 0, -3000, 200]))])),
    (4, lambda: soap("RenderingControl", "SetMute", I + [("Channel", "Master"), ("DesiredMute", rnd.choice(["0", "1", "true", "maybe"]))])),
    (2, lambda: soap("RenderingControl", rnd.choice(["ListPresets", "SelectPreset", "GetBrightness"]), I)),
    (5, lambda: soap("ConnectionManager", rnd.choice(["GetProtocolInfo", "GetCurrentConnectionIDs"]), [])),
    (3, lambda: soap("ConnectionManager", "GetCurrentConnectionInfo", [("ConnectionID", rnd.choice(["0", "1", "x"]))])),
    (3, lambda: soap("AVTransport", "SetAVTransportURI", [])),
    (2, lambda: soap("AVTransport", "Play", I, raw="<not<xml")),
    (2, lambda: soap("NoSuchService", "DoIt", I)),
    (2, lambda: soap("AVTransport", "Frobnicate", I)),
    (4, lambda: req("GET", rnd.choice(["/description.xml", "/upnp/rendertransportSCPD.xml", "/upnp/rendercontrolSCPD.xml", "/upnp/renderconnmgrSCPD.xml", "/upnp/grender-64x64.png", "/upnp/nothing.xml", "/secret/../../etc/passwd"]))),
    (4, lambda: req("SUBSCRIBE", rnd.choice(EV), None, {"CALLBACK": f"<{CB}>", "NT": "upnp:event", "TIMEOUT": "Second-60"})),
    (1, lambda: req("SUBSCRIBE", "/upnp/event/nosuch", None, {"CALLBACK": f"<{CB}>", "NT": "upnp:event", "TIMEOUT": "Second-60"})),
    (3, ssdp),
    (3, lambda: time.sleep(rnd.choice([0.2, 0.5, 1.0, 1.5]))),
]
weights = [w for w, _ in OPS]
for _ in range(N):
    rnd.choices(OPS, weights)[0][1]()
