import random, socket, struct, sys, time
# sends a random mix of ARP requests and replies (genuine and spoofed) on one interface
ifname, n = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((ifname, 0))
own = s.getsockname()[4]
def mac(b): return bytes(b)
def ip(a): return socket.inet_aton(a)
target_mac = bytes.fromhex(sys.argv[3].replace(":", "")) if len(sys.argv) > 3 else b"\xff" * 6
for _ in range(n):
    k = random.choices(["genuine", "static", "spoof", "stranger", "gratuitous", "reply"], [30, 15, 20, 15, 10, 10])[0]
    smac, sip, op = own, "10.36.1.2", 1
    if k == "static": n4 = random.choice([3, 4]); smac, sip = bytes([2, 0x36, 0, 0, 1, n4]), "10.36.1.%d" % n4
    elif k == "spoof": smac = bytes([2, 0x66] + [random.randrange(256) for _ in range(4)])
    elif k == "stranger": sip = "10.36.1.%d" % random.randint(20, 60); smac = bytes([2, 0x77, 0, 0, 0, random.randint(1, 9)])
    elif k == "gratuitous": op = 2
    elif k == "reply": op = 2; sip = random.choice(["10.36.1.2", "10.36.1.3", "10.36.1.9"])
    tip = "10.36.1.1" if k != "gratuitous" else sip
    dst = b"\xff" * 6 if op == 1 or k == "gratuitous" else target_mac
    arp = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, smac, ip(sip), b"\0" * 6 if op == 1 else target_mac, ip(tip))
    s.send(dst + smac + b"\x08\x06" + arp + b"\0" * 18)
    time.sleep(random.uniform(0.01, 0.3))
