#!/usr/bin/env python3
"""LAN-side clients for the miniupnpd workload (run inside the client network namespace).

  ssdp SRC KIND                      SSDP M-SEARCH (multicast or unicast) and garbage
  http SRC KIND                      plain HTTP requests (descriptions, 404, bad methods, junk)
  soap SRC ACTION [ARGS...]          SOAP actions on the IGD services
  gena SRC KIND [SID]                SUBSCRIBE / renew / UNSUBSCRIBE
  callback IP PORT SECONDS           HTTP server receiving event NOTIFYs (answers one line, closes)
  natpmp SRC KIND [ARGS...]          NAT-PMP requests
  pcp SRC KIND [ARGS...]             PCP requests
  stun IP PORT MODEFILE SECONDS      fake STUN server on the WAN side; behaviour read from MODEFILE
"""
import os
import random
import socket
import struct
import sys
import time

ROUTER = "192.168.77.1"
ROUTER6 = "fd77::1"
HTTP_PORT = int(os.environ.get("UPNP_HTTP_PORT", "23800"))


def log(*a):
    print(*a, file=sys.stderr)


# ------------------------------------------------------------------ SSDP
def cmd_ssdp(src, kind):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(src))
    s.bind((src, 0))
    s.settimeout(1.5)
    sts = {
        "all": "ssdp:all",
        "root": "upnp:rootdevice",
        "igd1": "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
        "igd2": "urn:schemas-upnp-org:device:InternetGatewayDevice:2",
        "wanip": "urn:schemas-upnp-org:service:WANIPConnection:2",
        "wanip1": "urn:schemas-upnp-org:service:WANIPConnection:1",
        "uuid": "uuid:3d3cec3a-8cf0-11e0-98ee-001a6bd2d07b",
        "unknown": "urn:schemas-upnp-org:device:MediaServer:1",
        "wancommon": "urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1",
    }
    dest = (random.choice(["239.255.255.250", ROUTER]), 1900)
    if kind in sts:
        msg = ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
               "MX: %d\r\nST: %s\r\n\r\n" % (random.randint(1, 3), sts[kind]))
    elif kind == "noman":
        msg = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMX: 1\r\nST: ssdp:all\r\n\r\n"
    elif kind == "nost":
        msg = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n\r\n"
    elif kind == "notify":
        msg = ("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
               "USN: uuid:%s::upnp:rootdevice\r\nLOCATION: http://%s:8080/desc.xml\r\n\r\n" % (os.urandom(8).hex(), src))
    elif kind == "garbage":
        msg = random.choice(["HELLO\r\n\r\n", "GET / HTTP/1.0\r\n\r\n", os.urandom(40).hex(), "M-SEARCH"])
    else:
        raise SystemExit("ssdp kind?")
    s.sendto(msg.encode(), dest)
    n = 0
    try:
        while True:
            s.recvfrom(2048)
            n += 1
    except OSError:
        pass
    log("ssdp %s -> %d answers" % (kind, n))


# ------------------------------------------------------------------ HTTP
def http_raw(src, data, read=True, host=None):
    if ":" in src:
        s = socket.socket(socket.AF_INET6)
        s.bind((src, 0))
        host = host or ROUTER6
    else:
        s = socket.socket()
        s.bind((src, 0))
    s.settimeout(5)
    s.connect((host or ROUTER, HTTP_PORT))
    s.sendall(data)
    resp = b""
    if read:
        try:
            while True:
                b = s.recv(65536)
                if not b:
                    break
                resp += b
        except OSError:
            pass
    s.close()
    return resp


def cmd_http(src, kind):
    hosthdr = "%s:%d" % (ROUTER, HTTP_PORT)
    if kind in ("root", "wanipc", "wancfg", "l3f", "dp", "ip6fc", "missing"):
        path = {"root": "/rootDesc.xml", "wanipc": "/WANIPCn.xml", "wancfg": "/WANCfg.xml", "l3f": "/L3F.xml",
                "dp": "/DP.xml", "ip6fc": "/WANIP6FC.xml", "missing": random.choice(["/index.html", "/favicon.ico", "/admin", "/ctl/Nothing"])}[kind]
        extra = random.choice(["", "Accept-Language: en-US,en;q=0.8\r\n", "User-Agent: Microsoft-Windows/10.0 UPnP/1.0\r\n", "Connection: close\r\n"])
        r = http_raw(src, ("GET %s HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (path, hosthdr, extra)).encode())
    elif kind == "rebind":
        r = http_raw(src, ("GET /rootDesc.xml HTTP/1.1\r\nHost: %s:%d\r\n\r\n" % (random.choice(["evil.example.com", "attacker.test"]), HTTP_PORT)).encode())
    elif kind == "method":
        r = http_raw(src, ("%s /rootDesc.xml HTTP/1.1\r\nHost: %s\r\n\r\n" % (random.choice(["PUT", "DELETE", "OPTIONS", "HEAD"]), hosthdr)).encode())
    elif kind == "junk":
        r = http_raw(src, random.choice([b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + os.urandom(20) + b"\r\n\r\n",
                                         b"HELLO\r\n\r\n", b"GET\r\n\r\n"]))
    elif kind == "truncated":
        r = http_raw(src, ("POST /ctl/IPConn HTTP/1.1\r\nHost: %s\r\nContent-Length: 500\r\n\r\n<s:Envelope" % hosthdr).encode(), read=False)
    elif kind == "badlen":
        r = http_raw(src, ("POST /ctl/IPConn HTTP/1.1\r\nHost: %s\r\nContent-Length: -5\r\nSOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetStatusInfo\"\r\n\r\n" % hosthdr).encode())
    elif kind == "expect":
        body = soap_body("urn:schemas-upnp-org:service:WANIPConnection:1", "GetStatusInfo", {})
        r = http_raw(src, ("POST /ctl/IPConn HTTP/1.1\r\nHost: %s\r\nExpect: 100-Continue\r\nContent-Length: %d\r\n"
                           "SOAPAction: \"urn:schemas-upnp-org:service:WANIPConnection:1#GetStatusInfo\"\r\n\r\n%s" % (hosthdr, len(body), body)).encode())
    elif kind == "close":
        r = http_raw(src, ("GET /rootDesc.xml HTTP/1.1\r\nHost: %s\r\n" % hosthdr).encode(), read=False)
    else:
        raise SystemExit("http kind?")
    log("http %s -> %s" % (kind, r.split(b"\r\n", 1)[0][:60]))


# ------------------------------------------------------------------ SOAP
SERVICES = {
    "IPConn": ("/ctl/IPConn", "urn:schemas-upnp-org:service:WANIPConnection:%d"),
    "CmnIfCfg": ("/ctl/CmnIfCfg", "urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1"),
    "L3F": ("/ctl/L3F", "urn:schemas-upnp-org:service:Layer3Forwarding:1"),
    "IP6FC": ("/ctl/IP6FCtl", "urn:schemas-upnp-org:service:WANIPv6FirewallControl:1"),
    "DP": ("/ctl/DP", "urn:schemas-upnp-org:service:DeviceProtection:1"),
}
ACTION_SERVICE = {
    "GetExternalIPAddress": "IPConn", "GetStatusInfo": "IPConn", "GetConnectionTypeInfo": "IPConn",
    "AddPortMapping": "IPConn", "AddAnyPortMapping": "IPConn", "DeletePortMapping": "IPConn",
    "DeletePortMappingRange": "IPConn", "GetSpecificPortMappingEntry": "IPConn",
    "GetGenericPortMappingEntry": "IPConn", "GetListOfPortMappings": "IPConn", "SetConnectionType": "IPConn",
    "RequestConnection": "IPConn", "ForceTermination": "IPConn", "GetNATRSIPStatus": "IPConn",
    "GetCommonLinkProperties": "CmnIfCfg", "GetTotalBytesSent": "CmnIfCfg", "GetTotalBytesReceived": "CmnIfCfg",
    "GetTotalPacketsSent": "CmnIfCfg", "GetTotalPacketsReceived": "CmnIfCfg",
    "GetDefaultConnectionService": "L3F", "SetDefaultConnectionService": "L3F",
    "GetFirewallStatus": "IP6FC", "GetOutboundPinholeTimeout": "IP6FC", "AddPinhole": "IP6FC",
    "UpdatePinhole": "IP6FC", "DeletePinhole": "IP6FC", "CheckPinholeWorking": "IP6FC", "GetPinholePackets": "IP6FC",
    "SendSetupMessage": "DP", "GetSupportedProtocols": "DP", "GetAssignedRoles": "DP",
    "FooBarAction": "IPConn",
}


def soap_body(urn, action, args):
    inner = "".join("<%s>%s</%s>" % (k, v, k) for k, v in args.items())
    return ('<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
            '<u:%s xmlns:u="%s">%s</u:%s></s:Body></s:Envelope>\r\n' % (action, urn, inner, action))


def soap(src, action, args, version=None, service=None, urn_override=None, body_override=None):
    service = service or ACTION_SERVICE.get(action, "IPConn")
    path, urn = SERVICES[service]
    if "%d" in urn:
        urn = urn % (version or random.choice([1, 2]))
    urn = urn_override or urn
    body = body_override if body_override is not None else soap_body(urn, action, args)
    req = ("POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n"
           "Content-Length: %d\r\nSOAPAction: \"%s#%s\"\r\nConnection: close\r\n\r\n%s"
           % (path, "[%s]" % ROUTER6 if ":" in src else ROUTER, HTTP_PORT, len(body.encode()), urn, action, body))
    r = http_raw(src, req.encode())
    status = r.split(b"\r\n", 1)[0].decode(errors="replace")
    err = ""
    if b"<errorCode>" in r:
        err = r.split(b"<errorCode>")[1].split(b"<")[0].decode()
    log("soap %s %s -> %s %s" % (src, action, status, err))
    return r


def cmd_soap(src, action, *a):
    args = {}
    if action == "AddPortMapping":
        eport, proto, iport, client, lease = a[0], a[1], a[2], a[3], a[4]
        args = {"NewRemoteHost": "", "NewExternalPort": eport, "NewProtocol": proto, "NewInternalPort": iport,
                "NewInternalClient": client, "NewEnabled": "1",
                "NewPortMappingDescription": random.choice(["game server", "torrent", "voip", "web cam", "ssh-in"]),
                "NewLeaseDuration": lease}
        if len(a) > 5:
            args["NewRemoteHost"] = a[5]
    elif action == "AddAnyPortMapping":
        eport, proto, iport, client, lease = a[0], a[1], a[2], a[3], a[4]
        args = {"NewRemoteHost": "", "NewExternalPort": eport, "NewProtocol": proto, "NewInternalPort": iport,
                "NewInternalClient": client, "NewEnabled": "1", "NewPortMappingDescription": "any-" + eport,
                "NewLeaseDuration": lease}
        soap(src, action, args, version=2)
        return
    elif action == "DeletePortMapping":
        args = {"NewRemoteHost": "", "NewExternalPort": a[0], "NewProtocol": a[1]}
    elif action == "DeletePortMappingRange":
        args = {"NewStartPort": a[0], "NewEndPort": a[1], "NewProtocol": a[2], "NewManage": a[3]}
        soap(src, action, args, version=2)
        return
    elif action == "GetSpecificPortMappingEntry":
        args = {"NewRemoteHost": "", "NewExternalPort": a[0], "NewProtocol": a[1]}
    elif action == "GetGenericPortMappingEntry":
        args = {"NewPortMappingIndex": a[0]}
    elif action == "GetListOfPortMappings":
        args = {"NewStartPort": a[0], "NewEndPort": a[1], "NewProtocol": a[2], "NewManage": "1", "NewNumberOfPorts": a[3]}
        soap(src, action, args, version=2)
        return
    elif action == "SetConnectionType":
        args = {"NewConnectionType": a[0] if a else "IP_Routed"}
    elif action == "SetDefaultConnectionService":
        args = {"NewDefaultConnectionService": "uuid:x:WANConnectionDevice:1,urn:upnp-org:serviceId:WANIPConn1"}
    elif action == "AddPinhole":
        args = {"RemoteHost": a[0], "RemotePort": a[1], "InternalClient": a[2], "InternalPort": a[3],
                "Protocol": a[4], "LeaseTime": a[5]}
    elif action == "AddPinholeId":
        args = {"RemoteHost": a[0], "RemotePort": a[1], "InternalClient": a[2], "InternalPort": a[3],
                "Protocol": a[4], "LeaseTime": a[5]}
        r = soap(src, "AddPinhole", args)
        if b"<UniqueID>" in r:
            print(r.split(b"<UniqueID>")[1].split(b"<")[0].decode())
        return
    elif action in ("UpdatePinhole",):
        args = {"UniqueID": a[0], "NewLeaseTime": a[1]}
    elif action in ("DeletePinhole", "CheckPinholeWorking", "GetPinholePackets"):
        args = {"UniqueID": a[0]}
    elif action == "GetOutboundPinholeTimeout":
        args = {"RemoteHost": "", "RemotePort": "0", "InternalClient": "", "InternalPort": "0", "Protocol": "6"}
    elif action == "BadXML":
        soap(src, "GetStatusInfo", {}, body_override=random.choice(["<s:Envelope><s:Body><u:GetStatus", "not xml at all", ""]))
        return
    elif action == "WrongService":
        soap(src, "GetCommonLinkProperties", {}, service="IPConn", urn_override="urn:schemas-upnp-org:service:WANIPConnection:1")
        return
    elif action == "BadPort":
        args = {"NewRemoteHost": "", "NewExternalPort": random.choice(["abc", "70000", ""]), "NewProtocol": "TCP",
                "NewInternalPort": random.choice(["0", "x"]), "NewInternalClient": src, "NewEnabled": "1",
                "NewPortMappingDescription": "bad", "NewLeaseDuration": "0"}
        soap(src, "AddPortMapping", args)
        return
    elif action == "BadProto":
        args = {"NewRemoteHost": "", "NewExternalPort": "23555", "NewProtocol": random.choice(["SCTP", "ICMP", ""]),
                "NewInternalPort": "23555", "NewInternalClient": src, "NewEnabled": "1",
                "NewPortMappingDescription": "bad", "NewLeaseDuration": "0"}
        soap(src, "AddPortMapping", args)
        return
    elif action == "MissingArgs":
        soap(src, random.choice(["AddPortMapping", "DeletePortMapping", "GetSpecificPortMappingEntry", "GetGenericPortMappingEntry"]), {})
        return
    soap(src, action, args)


# ------------------------------------------------------------------ GENA
def cmd_gena(src, kind, sid=None, cbport="23810"):
    hosthdr = "%s:%d" % (ROUTER, HTTP_PORT)
    path = random.choice(["/evt/IPConn", "/evt/IPConn", "/evt/CmnIfCfg", "/evt/L3F", "/evt/IP6FCtl"])
    if kind == "subscribe":
        req = ("SUBSCRIBE %s HTTP/1.1\r\nHost: %s\r\nCallback: <http://%s:%s/event/%d>\r\nNT: upnp:event\r\n"
               "Timeout: Second-%d\r\n\r\n" % (path, hosthdr, src, cbport, random.randint(1, 99), random.choice([30, 60, 1800])))
    elif kind == "deadcb":
        req = ("SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nCallback: <http://%s:%d/dead>\r\nNT: upnp:event\r\n"
               "Timeout: Second-20\r\n\r\n" % (hosthdr, src, random.randint(23900, 23950)))
    elif kind == "renew":
        req = "SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nSID: %s\r\nTimeout: Second-300\r\n\r\n" % (hosthdr, sid)
    elif kind == "unsubscribe":
        req = "UNSUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nSID: %s\r\n\r\n" % (hosthdr, sid)
    elif kind == "badnt":
        req = ("SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nCallback: <http://%s:%s/x>\r\nNT: upnp:propchange\r\n\r\n"
               % (hosthdr, src, cbport))
    elif kind == "badcb":
        req = "SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nCallback: %s\r\nNT: upnp:event\r\n\r\n" % (
            hosthdr, random.choice(["<ftp://%s/y>" % src, "<https://%s/x>" % src, "<gopher://x>"]))
    elif kind == "both":
        req = ("SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nCallback: <http://%s:%s/x>\r\nNT: upnp:event\r\n"
               "SID: uuid:00000000-0000-0000-0000-000000000000\r\n\r\n" % (hosthdr, src, cbport))
    elif kind == "ntsid":
        req = ("SUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nNT: upnp:event\r\nSID: uuid:%s\r\n\r\n"
               % (hosthdr, "1234abcd-0000-0000-0000-000000000001"))
    elif kind == "unsubbad":
        req = "UNSUBSCRIBE /evt/IPConn HTTP/1.1\r\nHost: %s\r\nSID: uuid:deadbeef-%04d\r\n\r\n" % (hosthdr, random.randint(0, 9999))
    elif kind == "badpath":
        req = ("SUBSCRIBE /evt/Nothing HTTP/1.1\r\nHost: %s\r\nCallback: <http://%s:%s/x>\r\nNT: upnp:event\r\n\r\n"
               % (hosthdr, src, cbport))
    else:
        raise SystemExit("gena kind?")
    r = http_raw(src, req.encode())
    got = ""
    for line in r.split(b"\r\n"):
        if line.upper().startswith(b"SID:"):
            got = line.split(b":", 1)[1].strip().decode()
    log("gena %s -> %s %s" % (kind, r.split(b"\r\n", 1)[0][:40], got))
    print(got)


def cmd_callback(ip, port, seconds):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ip, int(port)))
    s.listen(20)
    end = time.time() + float(seconds)
    while time.time() < end:
        s.settimeout(max(0.1, end - time.time()))
        try:
            c, _ = s.accept()
        except OSError:
            continue
        c.settimeout(2)
        try:
            data = b""
            while b"</e:propertyset>" not in data:
                b = c.recv(65536)
                if not b:
                    break
                data += b
            c.sendall(b"HTTP/1.1 200 OK")
        except OSError:
            pass
        c.close()


# ------------------------------------------------------------------ NAT-PMP
def udp_xchg(src, data, port=5351, wait=1.0):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((src, 0))
    s.settimeout(wait)
    s.sendto(data, (ROUTER, port))
    try:
        r, _ = s.recvfrom(2048)
    except OSError:
        r = b""
    s.close()
    return r


def cmd_natpmp(src, kind, *a):
    if kind == "public":
        pkt = struct.pack("!BB", 0, 0)
    elif kind == "map":
        proto, iport, eport, life = a
        pkt = struct.pack("!BBHHHI", 0, 1 if proto == "udp" else 2, 0, int(iport), int(eport), int(life))
    elif kind == "short":
        pkt = struct.pack("!B", 0)
    elif kind == "version":
        pkt = struct.pack("!BB", random.choice([1, 3, 9]), 0)
    elif kind == "opcode":
        pkt = struct.pack("!BBHHHI", 0, random.choice([3, 7, 64]), 0, 1, 1, 60)
    else:
        raise SystemExit("natpmp kind?")
    r = udp_xchg(src, pkt)
    res = struct.unpack("!H", r[2:4])[0] if len(r) >= 4 else None
    log("natpmp %s %s -> %d bytes result=%s" % (kind, a, len(r), res))


# ------------------------------------------------------------------ PCP
def v4mapped(ip):
    return b"\0" * 10 + b"\xff\xff" + socket.inet_aton(ip)


def cmd_pcp(src, kind, *a):
    proto = {"tcp": 6, "udp": 17, "all": 0}
    opts = b""
    if kind in ("map", "peer", "thirdparty", "prefer", "filter", "badopt", "delete"):
        p, iport, eport, life = a[0], int(a[1]), int(a[2]), int(a[3])
        if kind == "delete":
            life = 0
        nonce = os.urandom(12)
        body = nonce + struct.pack("!B3xHH", proto[p], iport, eport) + v4mapped("0.0.0.0")
        opcode = 1
        client = src
        if kind == "peer":
            opcode = 2
            body += struct.pack("!HH", random.randint(23000, 23999), 0) + v4mapped("10.77.0.%d" % random.randint(50, 99))
        if kind == "thirdparty":
            opts += struct.pack("!BBH", 1, 0, 16) + v4mapped(a[4] if len(a) > 4 else "192.168.77.%d" % random.randint(20, 90))
        if kind == "prefer":
            opts += struct.pack("!BBH", 2, 0, 0)
        if kind == "filter":
            opts += struct.pack("!BBHBBH", 3, 0, 20, 0, 128, random.randint(23000, 23999)) + v4mapped("10.77.0.%d" % random.randint(50, 99))
        if kind == "badopt":
            opts += struct.pack("!BBH", random.choice([4, 99, 130]), 0, 4) + b"\0\0\0\0"
        hdr = struct.pack("!BBHI", 2, opcode, 0, life) + v4mapped(client)
        pkt = hdr + body + opts
    elif kind == "announce":
        pkt = struct.pack("!BBHI", 2, 0, 0, 0) + v4mapped(src)
    elif kind == "version":
        pkt = struct.pack("!BBHI", random.choice([1, 3]), 1, 0, 60) + v4mapped(src) + os.urandom(36)
    elif kind == "short":
        pkt = struct.pack("!BB", 2, 1) + os.urandom(random.randint(4, 20))
    elif kind == "opcode":
        pkt = struct.pack("!BBHI", 2, random.choice([3, 9, 42]), 0, 60) + v4mapped(src) + os.urandom(36)
    elif kind == "spoof":
        # client address in the header differs from the packet source (address mismatch)
        pkt = struct.pack("!BBHI", 2, 1, 0, 120) + v4mapped("192.168.77.%d" % random.randint(100, 150)) \
            + os.urandom(12) + struct.pack("!B3xHH", 6, 23456, 23456) + v4mapped("0.0.0.0")
    elif kind == "response":
        pkt = struct.pack("!BBHI", 2, 0x81, 0, 60) + v4mapped(src) + os.urandom(36)
    elif kind == "badlen":
        pkt = struct.pack("!BBHI", 2, 1, 0, 60) + v4mapped(src) + os.urandom(13)
    else:
        raise SystemExit("pcp kind?")
    r = udp_xchg(src, pkt)
    res = r[3] if len(r) >= 4 else None
    log("pcp %s %s -> %d bytes result=%s" % (kind, a, len(r), res))


# ------------------------------------------------------------------ fake STUN server (WAN side)
def cmd_stun(ip, port, modefile, seconds):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, int(port)))
    end = time.time() + float(seconds)
    count = 0
    while time.time() < end:
        s.settimeout(max(0.1, end - time.time()))
        try:
            req, addr = s.recvfrom(2048)
        except OSError:
            continue
        try:
            mode, public = open(modefile).read().split()
        except (OSError, ValueError):
            mode, public = "full", "203.0.113.7"
        if len(req) < 20:
            continue
        txid = req[8:20]
        count += 1
        if mode == "none":
            continue
        if mode == "partial" and count % 4 in (1, 2):
            continue
        port_ = addr[1]
        if mode == "symmetric":
            port_ = (addr[1] + 7) % 65536
        cookie = 0x2112A442
        xport = port_ ^ (cookie >> 16)
        xip = struct.unpack("!I", socket.inet_aton(public))[0] ^ cookie
        attrs = struct.pack("!HHBBHI", 0x0020, 8, 0, 1, xport, xip)
        if mode in ("full", "partial", "symmetric"):
            sw = b"fakestun 0.1"
            attrs += struct.pack("!HH", 0x8022, len(sw)) + sw
        if mode == "mapped":
            attrs = struct.pack("!HHBBH4s", 0x0001, 8, 0, 1, port_, socket.inet_aton(public))
            attrs += struct.pack("!HHBBH4s", 0x802b, 8, 0, 1, int(port), socket.inet_aton(ip))  # RESPONSE-ORIGIN
            attrs += struct.pack("!HH", 0x8055, 4) + b"\x7f\0\0\x01"  # an attribute it does not know
        if mode == "error":
            reason = b"Try Alternate"
            attrs = struct.pack("!HHHBB", 0x0009, 4 + len(reason), 0, 3, 0) + reason + b"\0" * ((4 - len(reason) % 4) % 4)
        msgtype = 0x0101 if mode != "error" else 0x0111
        if mode == "junk":
            resp = random.choice([b"\x01\x01\x00", struct.pack("!HHI", 0x0101, 0, cookie) + os.urandom(12),
                                  struct.pack("!HHI", 0x0115, len(attrs), cookie) + txid + attrs])
        else:
            resp = struct.pack("!HHI", msgtype, len(attrs), cookie) + txid + attrs
        s.sendto(resp, addr)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"ssdp": cmd_ssdp, "http": cmd_http, "soap": cmd_soap, "gena": cmd_gena, "callback": cmd_callback,
     "natpmp": cmd_natpmp, "pcp": cmd_pcp, "stun": cmd_stun}[cmd](*args)
