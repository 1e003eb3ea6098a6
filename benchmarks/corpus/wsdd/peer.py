#!/usr/bin/env python3
"""Fake WS-Discovery peer for the wsdd workload (runs in namespace r33a-wc): sends
probes, resolves, hellos, byes and matches to the wsdd under test, answers its
probes, serves device metadata over HTTP, and posts metadata requests to it.
Writes nothing of its own to wsdd's log."""
import http.server, random, socket, struct, sys, threading, time, urllib.request, uuid

MY_IP = "10.33.72.2"
DUT_IP = "10.33.72.1"
META_PORT = 38100
DEAD_PORT = 38101
GRP4 = ("239.255.255.250", 3702)
NS = ('xmlns:soap="http://www.w3.org/2003/05/soap-envelope" '
      'xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" '
      'xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery" '
      'xmlns:wsx="http://schemas.xmlsoap.org/ws/2004/09/mex" '
      'xmlns:wsdp="http://schemas.xmlsoap.org/ws/2006/02/devprof" '
      'xmlns:pub="http://schemas.microsoft.com/windows/pub/2005/07" '
      'xmlns:pnpx="http://schemas.microsoft.com/windows/pnpx/2005/10"')
D = "http://schemas.xmlsoap.org/ws/2005/04/discovery"
R = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
DEVICES = [str(uuid.UUID(int=R.getrandbits(128), version=4)) for _ in range(6)]
NAMES = ["NAS-%02d" % i for i in range(6)]
dut_uuid = sys.argv[4] if len(sys.argv) > 4 else None

def env(action, body, relates=None, msgid=None, extra=""):
    msgid = msgid or uuid.uuid4().urn
    rel = "<wsa:RelatesTo>%s</wsa:RelatesTo>" % relates if relates else ""
    return ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope %s><soap:Header>'
            '<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>'
            '<wsa:Action>%s</wsa:Action><wsa:MessageID>%s</wsa:MessageID>%s%s</soap:Header>'
            '<soap:Body>%s</soap:Body></soap:Envelope>' % (NS, action, msgid, rel, extra, body)).encode()

def epr(addr):
    return "<wsa:EndpointReference><wsa:Address>%s</wsa:Address></wsa:EndpointReference>" % addr

def xaddr_for(i, kind):
    u = DEVICES[i]
    return {"ok": "http://%s:%d/%s/%s" % (MY_IP, META_PORT, R.choice(["computer", "friendly", "dialect"]), u),
            "bad": "http://%s:%d/%s/%s" % (MY_IP, META_PORT, R.choice(["broken", "error", "slow"]), u),
            "dead": "http://%s:%d/%s" % (MY_IP, DEAD_PORT, u),
            "scheme": "ftp://%s/%s" % (MY_IP, u)}[kind]

class Meta(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        kind, _, dev = self.path.strip("/").partition("/")
        i = DEVICES.index(dev) if dev in DEVICES else 0
        if kind == "error":
            self.send_error(500); return
        if kind == "slow":
            time.sleep(3)
        if kind == "broken":
            body = b"<soap:Envelope><unclosed>"
        else:
            sec = ('<wsx:MetadataSection Dialect="http://schemas.xmlsoap.org/ws/2006/02/devprof/ThisDevice">'
                   '<wsdp:ThisDevice><wsdp:FriendlyName>%s</wsdp:FriendlyName><wsdp:FirmwareVersion>1.0</wsdp:FirmwareVersion>'
                   '</wsdp:ThisDevice></wsx:MetadataSection>' % NAMES[i])
            sec += ('<wsx:MetadataSection Dialect="http://schemas.xmlsoap.org/ws/2006/02/devprof/ThisModel">'
                    '<wsdp:ThisModel><wsdp:Manufacturer>r33a</wsdp:Manufacturer><wsdp:ModelName>m%d</wsdp:ModelName>'
                    '</wsdp:ThisModel></wsx:MetadataSection>' % i)
            if kind == "computer":
                sec += ('<wsx:MetadataSection Dialect="http://schemas.xmlsoap.org/ws/2006/02/devprof/Relationship">'
                        '<wsdp:Relationship Type="http://schemas.xmlsoap.org/ws/2006/02/devprof/host"><wsdp:Host>%s'
                        '<wsdp:Types>pub:Computer</wsdp:Types><pub:Computer>%s/Workgroup:%s</pub:Computer></wsdp:Host>'
                        '</wsdp:Relationship></wsx:MetadataSection>' % (epr("urn:uuid:" + dev), NAMES[i], R.choice(["OFFICE", "LAB"])))
            if kind == "dialect":
                sec += '<wsx:MetadataSection Dialect="http://example.invalid/vendor/%d"><x/></wsx:MetadataSection>' % R.randrange(9)
            body = env("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", "<wsx:Metadata>%s</wsx:Metadata>" % sec)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/soap+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass

def udp_sock():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(MY_IP))
    s.bind((MY_IP, 0))
    return s

def send(data, dst=None):
    s = udp_sock()
    s.sendto(data, dst or R.choice([GRP4, GRP4, (DUT_IP, 3702)]))
    s.settimeout(0.3)
    try:
        while True:
            s.recvfrom(65535)  # replies of the wsdd under test
    except OSError:
        pass
    s.close()

def listen_probes(stop):
    """Answer the wsdd's own Probe messages with ProbeMatches."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("239.255.255.250", 3702))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton("239.255.255.250") + socket.inet_aton(MY_IP))
    s.settimeout(0.5)
    seen = set()
    while not stop.is_set():
        try:
            data, src = s.recvfrom(65535)
        except OSError:
            continue
        if b"/discovery/Probe<" not in data or src[0] != DUT_IP:
            continue
        mid = data.split(b"<wsa:MessageID>")[1].split(b"<")[0].decode()
        if mid in seen:
            continue
        seen.add(mid)
        for _ in range(R.randrange(1, 4)):
            i = R.randrange(len(DEVICES))
            kind = R.choice(["ok", "ok", "ok", "none", "bad", "dead"])
            xa = "" if kind == "none" else "<wsd:XAddrs>%s</wsd:XAddrs>" % xaddr_for(i, kind)
            body = ("<wsd:ProbeMatches><wsd:ProbeMatch>%s<wsd:Types>wsdp:Device pub:Computer</wsd:Types>%s"
                    "<wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:ProbeMatch></wsd:ProbeMatches>" % (epr("urn:uuid:" + DEVICES[i]), xa))
            send(env(D + "/ProbeMatches", body, relates=mid), src)

def http_post(path, body, ctype="application/soap+xml", method="POST", raw=None):
    try:
        c = socket.create_connection((DUT_IP, 5357), timeout=3)
        if raw is not None:
            c.sendall(raw)
        else:
            hdr = "%s %s HTTP/1.1\r\nHost: %s:5357\r\n" % (method, path, DUT_IP)
            if ctype:
                hdr += "Content-Type: %s\r\n" % ctype
            if body is not None:
                hdr += "Content-Length: %d\r\n" % len(body)
            c.sendall(hdr.encode() + b"\r\n" + (body or b""))
        while c.recv(65536):
            pass
        c.close()
    except OSError:
        pass

def action(name):
    i = R.randrange(len(DEVICES))
    dev = "urn:uuid:" + DEVICES[i]
    own = "urn:uuid:" + dut_uuid if dut_uuid else dev
    if name == "probe":
        send(env(D + "/Probe", "<wsd:Probe><wsd:Types>wsdp:Device</wsd:Types></wsd:Probe>"))
    elif name == "probe-scopes":
        send(env(D + "/Probe", "<wsd:Probe><wsd:Types>wsdp:Device</wsd:Types><wsd:Scopes><x>ldap:///ou=a</x></wsd:Scopes></wsd:Probe>"))
    elif name == "probe-notypes":
        send(env(D + "/Probe", "<wsd:Probe></wsd:Probe>"))
    elif name == "probe-othertype":
        send(env(D + "/Probe", "<wsd:Probe><wsd:Types>%s</wsd:Types></wsd:Probe>" % R.choice(["wsdp:Printer", "pub:Computer", "scan:ScanDeviceType"])))
    elif name == "probe-empty":
        send(env(D + "/Probe", ""))
    elif name == "resolve":
        send(env(D + "/Resolve", "<wsd:Resolve>%s</wsd:Resolve>" % epr(own)))
    elif name == "resolve-other":
        send(env(D + "/Resolve", "<wsd:Resolve>%s</wsd:Resolve>" % epr(dev)))
    elif name == "resolve-noaddr":
        send(env(D + "/Resolve", "<wsd:Resolve><wsd:Types>x</wsd:Types></wsd:Resolve>"))
    elif name == "dup":
        m = env(D + "/Probe", "<wsd:Probe><wsd:Types>wsdp:Device</wsd:Types></wsd:Probe>")
        for _ in range(R.randrange(2, 4)):
            send(m, GRP4)
    elif name == "unknown-action":
        send(env(R.choice([D + "/Foo", "http://example.invalid/Action", D + "/ProbeMatchesX"]), "<x/>"))
    elif name == "malformed":
        send(R.choice([b"not xml at all", b"<soap:Envelope", env(D + "/Probe", "").replace(b"<wsa:MessageID>", b"<wsa:Msg>").replace(b"</wsa:MessageID>", b"</wsa:Msg>"),
                       b'<?xml version="1.0"?><a/>', env(D + "/Probe", "").replace(b"<soap:Body></soap:Body>", b"")]))
    elif name in ("hello", "hello-none", "hello-bad", "hello-dead", "hello-scheme"):
        kind = {"hello": "ok", "hello-none": "none", "hello-bad": "bad", "hello-dead": "dead", "hello-scheme": "scheme"}[name]
        xa = "" if kind == "none" else "<wsd:XAddrs>%s</wsd:XAddrs>" % xaddr_for(i, kind)
        send(env(D + "/Hello", "<wsd:Hello>%s<wsd:Types>wsdp:Device pub:Computer</wsd:Types>%s<wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:Hello>" % (epr(dev), xa)), GRP4)
    elif name == "bye":
        send(env(D + "/Bye", "<wsd:Bye>%s</wsd:Bye>" % epr(R.choice([dev, dev, dev, "urn:uuid:not-a-uuid"]))), GRP4)
    elif name == "probematch-stray":
        send(env(D + "/ProbeMatches", "<wsd:ProbeMatches><wsd:ProbeMatch>%s</wsd:ProbeMatch></wsd:ProbeMatches>" % epr(dev), relates=uuid.uuid4().urn))
    elif name == "resolvematch":
        kind = R.choice(["ok", "ok", "none"])
        xa = "" if kind == "none" else "<wsd:XAddrs>%s</wsd:XAddrs>" % xaddr_for(i, "ok")
        send(env(D + "/ResolveMatches", "<wsd:ResolveMatches><wsd:ResolveMatch>%s%s</wsd:ResolveMatch></wsd:ResolveMatches>" % (epr(dev), xa)))
    elif name == "http-get":
        http_post("/" + (dut_uuid or DEVICES[0]), env("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", ""))
    elif name == "http-badaction":
        http_post("/" + (dut_uuid or DEVICES[0]), env(D + "/Probe", "<wsd:Probe/>"))
    elif name == "http-404":
        http_post("/" + R.choice(DEVICES), env("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", ""))
    elif name == "http-ctype":
        http_post("/" + (dut_uuid or DEVICES[0]), env("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", ""), ctype=R.choice(["text/plain", None]))
    elif name == "http-nolen":
        http_post("/" + (dut_uuid or DEVICES[0]), None)
    elif name == "http-method":
        http_post(R.choice(["/", "/" + (dut_uuid or "x")]), None, method=R.choice(["GET", "PUT", "DELETE", "HEAD"]))
    elif name == "http-garbage":
        http_post(None, None, raw=R.choice([b"HELLO\r\n\r\n", b"GET\r\n\r\n", b"POST /x HTTP/9.9\r\n\r\n", b"SSH-2.0-OpenSSH_9.2\r\n\r\n", b"GET / HTTP/1.1 extra\r\n\r\n"]))

WEIGHTS = {"probe": 14, "probe-scopes": 3, "probe-notypes": 3, "probe-othertype": 4, "probe-empty": 2, "resolve": 6,
           "resolve-other": 4, "resolve-noaddr": 2, "dup": 4, "unknown-action": 3, "malformed": 4, "hello": 10,
           "hello-none": 3, "hello-bad": 4, "hello-dead": 2, "hello-scheme": 2, "bye": 5, "probematch-stray": 3,
           "resolvematch": 4, "http-get": 10, "http-badaction": 2, "http-404": 3, "http-ctype": 2, "http-nolen": 1,
           "http-method": 3, "http-garbage": 3}

if __name__ == "__main__":
    count = int(sys.argv[2])
    srv = http.server.ThreadingHTTPServer((MY_IP, META_PORT), Meta)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    stop = threading.Event()
    t = threading.Thread(target=listen_probes, args=(stop,), daemon=True)
    t.start()
    names = list(WEIGHTS)
    for _ in range(count):
        action(R.choices(names, [WEIGHTS[n] for n in names])[0])
        time.sleep(R.random() * 0.6)
    time.sleep(float(sys.argv[1]))
    stop.set()
