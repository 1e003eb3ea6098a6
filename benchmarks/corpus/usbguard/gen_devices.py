#!/usr/bin/env python3
# Writes umockdev device definitions (fake USB devices) for usbguard's umockdev backend.
# gen_devices.py OUTDIR SEED : controller.umockdev plus dev-NN.umockdev files, one device each.
import os, random, sys
out, seed = sys.argv[1], int(sys.argv[2])
rnd = random.Random(seed)
os.makedirs(out, exist_ok=True)

def le16(v): return "%02X%02X" % (v & 0xff, v >> 8)

def descriptors(cls, sub, proto, vid, pid, bcd, ifaces):
    dev = "1201" + "0002" + "%02X%02X%02X" % (cls, sub, proto) + "40" + le16(vid) + le16(pid) + le16(bcd) + "010203" + "01"
    body = ""
    for n, (ic, isc, ip, neps) in enumerate(ifaces):
        body += "0904%02X00%02X%02X%02X%02X00" % (n, neps, ic, isc, ip)
        for e in range(neps):
            body += "0705%02X03%s0A" % (0x81 + e, le16(8 << rnd.randint(0, 3)))
    total = 9 + len(body) // 2
    cfg = "0902" + le16(total) + "%02X" % len(ifaces) + "0100A032"
    return dev + cfg + body

def record(path, busnum, devnum, cls, vid, pid, bcd, manu, prod, serial, ifaces, maxchild=0):
    d = descriptors(cls, 0, 0 if cls else 0, vid, pid, bcd, ifaces)
    lines = [
        "P: " + path,
        "N: bus/usb/%03d/%03d=%s" % (busnum, devnum, d),
        "E: BUSNUM=%03d" % busnum, "E: DEVNAME=/dev/bus/usb/%03d/%03d" % (busnum, devnum),
        "E: DEVNUM=%03d" % devnum, "E: DEVTYPE=usb_device", "E: DRIVER=usb",
        "E: PRODUCT=%x/%x/%x" % (vid, pid, bcd), "E: SUBSYSTEM=usb", "E: TYPE=%d/0/0" % cls,
        "A: authorized=1", "A: bConfigurationValue=1", "A: bDeviceClass=%02x" % cls,
        "A: bNumInterfaces= %d" % len(ifaces), "A: busnum=%d" % busnum,
        "H: descriptors=" + d, "A: devnum=%d" % devnum, "A: idProduct=%04x" % pid, "A: idVendor=%04x" % vid,
        "A: manufacturer=" + manu, "A: maxchild=%d" % maxchild, "A: product=" + prod,
    ]
    if serial:
        lines.append("A: serial=" + serial)
    if busnum and devnum > 1 and rnd.random() < 0.6:
        lines.append("A: port/connect_type=" + rnd.choice(["hotplug", "hardwired", "unknown"]))
    lines += ["A: speed=480", "A: version= 2.00", ""]
    return "\n".join(lines) + "\n"

pci = "/devices/pci0000:00/0000:00:14.0"
ctrl = "P: %s\nE: DRIVER=xhci_hcd\nE: PCI_CLASS=C0330\nE: PCI_ID=8086:A12F\nE: PCI_SLOT_NAME=0000:00:14.0\nE: SUBSYSTEM=pci\nA: class=0x0c0330\nA: vendor=0x8086\n\n" % pci
ctrl += record(pci + "/usb1", 1, 1, 9, 0x1d6b, 0x0002, 0x0601, "Linux 6.1.0 xhci-hcd", "xHCI Host Controller", "0000:00:14.0", [(9, 0, 0, 1)], maxchild=12).replace("A: authorized=1\n", "A: authorized=1\nA: authorized_default=0\nA: interface_authorized_default=1\n")
open(os.path.join(out, "controller.umockdev"), "w").write(ctrl)

kinds = [
    ("Logitech", 0x046d, "USB Receiver", [(3, 1, 1, 1), (3, 1, 2, 1), (3, 0, 0, 1)]),
    ("SanDisk", 0x0781, "Cruzer Blade", [(8, 6, 0x50, 2)]),
    ("Kingston", 0x0951, "DataTraveler 3.0", [(8, 6, 0x50, 2)]),
    ("Dell", 0x413c, "Dell USB Keyboard", [(3, 1, 1, 1)]),
    ("Realtek", 0x0bda, "USB 10/100/1000 LAN", [(0xff, 0xff, 0, 3), (2, 6, 0, 1), (10, 0, 0, 2)]),
    ("Yubico", 0x1050, "YubiKey OTP+FIDO+CCID", [(3, 1, 1, 1), (3, 0, 0, 2), (11, 0, 0, 3)]),
    ("Chicony", 0x04f2, "Integrated Camera", [(14, 1, 0, 1), (14, 2, 0, 0)]),
    ("FTDI", 0x0403, "FT232R USB UART", [(0xff, 0xff, 0xff, 2)]),
    ("Generic", 0x05e3, "USB2.0 Hub", [(9, 0, 0, 1)]),
    ("Microchip", 0x04d8, "Rubber Ducky", [(3, 1, 1, 1), (8, 6, 0x50, 2)]),
]
for n in range(1, 13):
    manu, vid, prod, ifaces = kinds[(n - 1) % len(kinds)]
    pid = rnd.randint(0x0001, 0xfffe)
    serial = "".join(rnd.choice("0123456789ABCDEF") for _ in range(rnd.choice([0, 8, 12, 16])))
    path = pci + "/usb1/1-%d" % n
    open(os.path.join(out, "dev-%02d.umockdev" % n), "w").write(
        record(path, 1, n + 1, 0 if ifaces[0][0] != 9 else 9, vid, pid, rnd.randint(0x100, 0x2000), manu, prod, serial, ifaces))
