"""Randomised DHCPv4 client workload for workload.sh (runs inside the client network namespace).
Usage: client.py ACTION [args]; every action is one short client conversation with Kea."""
import random, socket, struct, sys, time
from scapy.all import conf, Ether, IP, UDP, BOOTP, DHCP, srp1, sendp, mac2str, raw
conf.checkIPaddr = False
conf.verb = 0
IFACE = "cli0"
SERVER = "192.0.2.1"

def rmac(prefix="02:42"):
    return prefix + ":" + ":".join("%02x" % random.randint(0, 255) for _ in range(6 - len(prefix.split(":"))))

def bootp(mac, xid, ciaddr="0.0.0.0", giaddr="0.0.0.0", flags=0x8000):
    return BOOTP(chaddr=mac2str(mac), xid=xid, ciaddr=ciaddr, giaddr=giaddr, flags=flags)

def opts_of(pkt):
    return {o[0]: o[1:] for o in pkt[DHCP].options if isinstance(o, tuple)} if pkt and DHCP in pkt else {}

def direct(payload, src="0.0.0.0", dst="255.255.255.255", ether_dst="ff:ff:ff:ff:ff:ff", mac=None, wait=True):
    frame = Ether(src=mac or "02:00:00:00:00:01", dst=ether_dst) / IP(src=src, dst=dst) / UDP(sport=68, dport=67) / payload
    if not wait:
        sendp(frame, iface=IFACE); return None
    return srp1(frame, iface=IFACE, timeout=1.0)

def relayed(payload, giaddr, wait=True):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((giaddr, 67)); s.settimeout(1.0)
    s.sendto(raw(payload), (SERVER, 67))
    try:
        data = s.recv(2048) if wait else None
    except socket.timeout:
        data = None
    s.close()
    return BOOTP(data) if data else None

def base_opts(mtype, hostname=None, vendor=None, client_id=None, fqdn=None, extra=()):
    o = [("message-type", mtype)]
    if client_id: o.append(("client_id", client_id))
    if hostname: o.append(("hostname", hostname))
    if fqdn: o.append((81, b"\x01\x00\x00" + b"".join(bytes([len(p)]) + p.encode() for p in fqdn.split(".")) + b"\x00"))
    if vendor: o.append(("vendor_class_id", vendor))
    o.extend(extra)
    o.append(("param_req_list", [1, 3, 6, 15, 28, 42]))
    o.append("end")
    return o

def send(mac, mtype, giaddr=None, ciaddr="0.0.0.0", src="0.0.0.0", dst="255.255.255.255", wait=True, **kw):
    xid = random.getrandbits(32)
    p = bootp(mac, xid, ciaddr=ciaddr, giaddr=giaddr or "0.0.0.0") / DHCP(options=base_opts(mtype, **kw))
    if giaddr:
        return relayed(p, giaddr, wait)
    return direct(p, src=src, dst=dst, mac=mac, wait=wait)

def dora(mac, giaddr=None, **kw):
    offer = send(mac, "discover", giaddr, **kw)
    if not offer or offer.yiaddr == "0.0.0.0":
        return None
    sid = opts_of(offer).get("server_id", (SERVER,))[0]
    ack = send(mac, "request", giaddr, extra=[("requested_addr", offer.yiaddr), ("server_id", sid)], **kw)
    return ack.yiaddr if ack and opts_of(ack).get("message-type", (0,))[0] == 5 else None

def main():
    act = sys.argv[1]
    random.seed()
    host = random.choice(["laptop", "phone", "tv", "printer", "cam", "nas", "desk", "tablet"]) + str(random.randint(1, 99))
    if act == "dora":            # full DORA, then maybe renew / release / decline / inform
        mac = rmac()
        kw = random.choice([{}, {"hostname": host}, {"fqdn": host + ".r6.example"}, {"vendor": "voip-phone-" + str(random.randint(1, 9))},
                            {"client_id": b"\x01" + mac2str(mac)}, {"hostname": host, "vendor": "MSFT 5.0"}])
        ip = dora(mac, **kw)
        if not ip:
            return
        then = random.choice(["keep", "renew", "renew", "release", "decline", "inform", "rebind"])
        time.sleep(random.uniform(0.1, 0.6))
        if then == "renew":     # unicast RENEWING request
            send(mac, "request", ciaddr=ip, src=ip, dst=SERVER, **kw)
        elif then == "rebind":  # broadcast REBINDING request
            send(mac, "request", ciaddr=ip, src=ip, **kw)
        elif then == "release":
            send(mac, "release", ciaddr=ip, src=ip, dst=SERVER, wait=False, extra=[("server_id", SERVER)])
        elif then == "decline":
            send(mac, "decline", wait=False, extra=[("requested_addr", ip), ("server_id", SERVER)])
        elif then == "inform":
            send(mac, "inform", ciaddr=ip, src=ip, dst=SERVER)
    elif act == "reserved":      # a client with a host reservation (by MAC or client id)
        n = random.randint(1, 4)
        mac = "aa:bb:cc:00:00:%02x" % n
        ip = dora(mac, hostname=host if random.random() < 0.5 else None)
        if ip and random.random() < 0.5:
            send(mac, "request", ciaddr=ip, src=ip, dst=SERVER)
        if ip and random.random() < 0.3:
            send(mac, "release", ciaddr=ip, src=ip, dst=SERVER, wait=False, extra=[("server_id", SERVER)])
    elif act == "relay":         # clients behind a relay on the small second subnet (pool exhaustion)
        for _ in range(random.randint(1, 4)):
            dora(rmac("02:77"), giaddr="203.0.113.1", hostname=host)
    elif act == "unknown":       # relay address that matches no subnet
        send(rmac("02:99"), "discover", giaddr="198.51.100.1", hostname=host)
    elif act == "nak":           # INIT-REBOOT for an address outside the subnet or owned by someone else
        addr = random.choice(["10.9.%d.%d" % (random.randint(0, 255), random.randint(1, 254)), "192.0.2.%d" % random.randint(100, 160)])
        send(rmac(), "request", extra=[("requested_addr", addr)])
    elif act == "wrongsid":      # SELECTING request that names another server
        send(rmac(), "request", wait=False, extra=[("requested_addr", "192.0.2.%d" % random.randint(100, 160)), ("server_id", "192.0.2.%d" % random.randint(200, 250))])
    elif act == "release_unknown":  # release of a lease the server does not have
        ip = "192.0.2.%d" % random.randint(161, 199)
        send(rmac(), "release", ciaddr=ip, src=ip, dst=SERVER, wait=False, extra=[("server_id", SERVER)])
    elif act == "bootp":         # plain BOOTP request (no message type), handled by the bootp hook
        mac = rmac("02:b0")
        direct(bootp(mac, random.getrandbits(32)) / DHCP(options=[("hostname", host), "end"]), mac=mac)
    elif act == "kiosk":         # client class with its own short lease time
        mac = rmac("02:c1")
        ip = dora(mac, vendor="kiosk-" + str(random.randint(1, 50)))
        if ip and random.random() < 0.5:
            send(mac, "request", ciaddr=ip, src=ip, dst=SERVER, vendor="kiosk-1")
    elif act == "garbage":       # malformed packets
        mac = rmac()
        kind = random.randint(0, 3)
        if kind == 0:
            payload = bytes(random.getrandbits(8) for _ in range(random.randint(10, 200)))
        elif kind == 1:
            payload = raw(bootp(mac, random.getrandbits(32)))[:random.randint(100, 230)]
        elif kind == 2:  # valid BOOTP header, magic cookie then a truncated option
            payload = raw(bootp(mac, random.getrandbits(32))) + b"\x63\x82\x53\x63\x35\x01\x01\x0c\x40ab"
        else:            # DHCP magic cookie and no message type
            payload = raw(bootp(mac, random.getrandbits(32))) + b"\x63\x82\x53\x63\x0c\x03abc\xff"
        direct(payload, mac=mac, wait=False)
    elif act == "flood":         # many clients in a row
        for _ in range(random.randint(3, 8)):
            dora(rmac())

if __name__ == "__main__":
    main()
