#!/usr/bin/env python3
"""Minimal scripted iSCSI initiator (no kernel initiator needed) used by workload.sh.

usage: iscsi_client.py HOST PORT ACTION [options as key=value]
actions: session (login, random SCSI commands, logout), discovery, garbage, dropmid, badop
"""
import hashlib
import os
import random
import socket
import struct
import sys

HOST, PORT, ACTION = sys.argv[1], int(sys.argv[2]), sys.argv[3]
OPT = dict(a.split("=", 1) for a in sys.argv[4:])
INAME = OPT.get("iname", "iqn.2026-12.org.example:init-%d" % random.randint(1, 999))


def pad(b):
    return b + b"\0" * (-len(b) % 4)


class Conn:
    def __init__(self):
        self.s = socket.create_connection((HOST, PORT), timeout=5)
        self.itt = random.randint(1, 1000)
        self.cmdsn = 1
        self.expstatsn = 0
        self.isid = bytes([0x80]) + os.urandom(5)
        self.tsih = 0

    def send(self, bhs, data=b""):
        bhs = bytearray(bhs)
        bhs[5:8] = len(data).to_bytes(3, "big")
        self.s.sendall(bytes(bhs) + pad(data))

    def recvn(self, n):
        buf = b""
        while len(buf) < n:
            c = self.s.recv(n - len(buf))
            if not c:
                raise EOFError("closed")
            buf += c
        return buf

    def recv(self):
        bhs = self.recvn(48)
        ahs = bhs[4] * 4
        dlen = int.from_bytes(bhs[5:8], "big")
        if ahs:
            self.recvn(ahs)
        data = self.recvn(dlen + (-dlen % 4))[:dlen]
        if bhs[0] & 0x3F in (0x21, 0x23, 0x26, 0x24, 0x20, 0x22) or (bhs[0] & 0x3F == 0x25 and bhs[1] & 1):
            self.expstatsn = struct.unpack(">I", bhs[24:28])[0] + 1
        return bhs, data

    def login(self, csg, nsg, transit, keys):
        self.itt += 1
        b = bytearray(48)
        b[0] = 0x43
        b[1] = (0x80 if transit else 0) | (csg << 2) | nsg
        b[8:14] = self.isid
        b[14:16] = self.tsih.to_bytes(2, "big")
        b[16:20] = self.itt.to_bytes(4, "big")
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        data = b"".join(("%s=%s" % kv).encode() + b"\0" for kv in keys)
        self.send(b, data)
        rb, rd = self.recv()
        kv = dict(x.split("=", 1) for x in rd.decode(errors="replace").split("\0") if "=" in x)
        self.tsih = int.from_bytes(rb[14:16], "big")
        return rb[36], rb[37], rb[1], kv

    def full_login(self, target, user=None, secret=None, discovery=False, opkeys=None):
        base = [("InitiatorName", INAME)]
        if discovery:
            base.append(("SessionType", "Discovery"))
        else:
            base += [("SessionType", "Normal"), ("TargetName", target)]
        if user:
            st, det, fl, kv = self.login(0, 1, False, base + [("AuthMethod", "CHAP,None")])
            if st:
                return st, det
            st, det, fl, kv = self.login(0, 1, False, [("CHAP_A", "5")])
            if st:
                return st, det
            cid = int(kv.get("CHAP_I", "0"))
            chal = bytes.fromhex(kv.get("CHAP_C", "0x00")[2:])
            resp = hashlib.md5(bytes([cid]) + secret.encode() + chal).hexdigest()
            st, det, fl, kv = self.login(0, 1, True, [("CHAP_N", user), ("CHAP_R", "0x" + resp)])
            if st:
                return st, det
            keys = []
        else:
            keys = base + [("AuthMethod", "None")]
            st, det, fl, kv = self.login(0, 1, True, keys)
            if st:
                return st, det
            keys = []
        keys += opkeys or [("HeaderDigest", "None"), ("DataDigest", "None"),
                           ("MaxRecvDataSegmentLength", str(random.choice([8192, 65536, 262144]))),
                           ("ImmediateData", random.choice(["Yes", "No"])),
                           ("InitialR2T", random.choice(["Yes", "No"])),
                           ("FirstBurstLength", "65536"), ("MaxBurstLength", "262144"),
                           ("MaxConnections", "1"), ("ErrorRecoveryLevel", "0")]
        st, det, fl, kv = self.login(1, 3, True, keys)
        self.params = kv
        return st, det

    def scsi(self, lun, cdb, rlen=0, wdata=None):
        self.itt += 1
        itt = self.itt
        b = bytearray(48)
        b[0] = 0x01
        b[1] = 0x80 | 0x01 | (0x40 if rlen else 0) | (0x20 if wdata else 0)
        b[8:10] = lun.to_bytes(2, "big")
        b[16:20] = itt.to_bytes(4, "big")
        b[20:24] = (rlen or (len(wdata) if wdata else 0)).to_bytes(4, "big")
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        b[32:32 + len(cdb)] = cdb
        self.cmdsn += 1
        imm = b""
        if wdata and self.params.get("ImmediateData") == "Yes":
            imm = wdata[:min(8192, len(wdata))]
        if wdata and self.params.get("InitialR2T") == "No" and len(imm) < len(wdata):
            b[1] &= 0x7F  # not final, unsolicited data follows
            self.send(b, imm)
            rest = wdata[len(imm):min(len(wdata), 65536)]
            self.dataout(lun, itt, 0xFFFFFFFF, len(imm), rest, 0)
        else:
            self.send(b, imm)
        got = b""
        while True:
            rb, rd = self.recv()
            op = rb[0] & 0x3F
            if op == 0x25:
                got += rd
                if rb[1] & 1:
                    return rb[3], got
            elif op == 0x31:
                ttt = rb[20:24]
                off = struct.unpack(">I", rb[40:44])[0]
                ln = struct.unpack(">I", rb[44:48])[0]
                self.dataout(lun, itt, int.from_bytes(ttt, "big"), off, wdata[off:off + ln], 0)
            elif op == 0x21:
                return rb[3], got
            elif op == 0x20:
                continue
            else:
                return -op, got

    def dataout(self, lun, itt, ttt, off, data, sn):
        mrd = 8192
        for i in range(0, len(data), mrd):
            chunk = data[i:i + mrd]
            b = bytearray(48)
            b[0] = 0x05
            b[1] = 0x80 if i + mrd >= len(data) else 0
            b[8:10] = lun.to_bytes(2, "big")
            b[16:20] = itt.to_bytes(4, "big")
            b[20:24] = ttt.to_bytes(4, "big")
            b[28:32] = self.expstatsn.to_bytes(4, "big")
            b[36:40] = (sn + i // mrd).to_bytes(4, "big")
            b[40:44] = (off + i).to_bytes(4, "big")
            self.send(b, chunk)

    def nop(self):
        self.itt += 1
        b = bytearray(48)
        b[0] = 0x40
        b[1] = 0x80
        b[16:20] = self.itt.to_bytes(4, "big")
        b[20:24] = b"\xff\xff\xff\xff"
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        self.send(b, os.urandom(random.choice([0, 8, 16])))
        return self.recv()

    def tmf(self, lun, func):
        self.itt += 1
        b = bytearray(48)
        b[0] = 0x42
        b[1] = 0x80 | func
        b[8:10] = lun.to_bytes(2, "big")
        b[16:20] = self.itt.to_bytes(4, "big")
        b[20:24] = random.randint(1, 5000).to_bytes(4, "big")
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        self.send(b)
        return self.recv()

    def text(self, keys):
        self.itt += 1
        b = bytearray(48)
        b[0] = 0x44
        b[1] = 0x80
        b[16:20] = self.itt.to_bytes(4, "big")
        b[20:24] = b"\xff\xff\xff\xff"
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        self.send(b, b"".join(k.encode() + b"\0" for k in keys))
        return self.recv()

    def logout(self, reason=0):
        self.itt += 1
        b = bytearray(48)
        b[0] = 0x46
        b[1] = 0x80 | reason
        b[16:20] = self.itt.to_bytes(4, "big")
        b[24:28] = self.cmdsn.to_bytes(4, "big")
        b[28:32] = self.expstatsn.to_bytes(4, "big")
        self.send(b)
        return self.recv()


def rand_scsi(c, luns):
    lun = random.choice(luns)
    k = random.randint(0, 11)
    if k == 0:
        return c.scsi(lun, bytes([0x12, 0, 0, 0, 96, 0]), 96)                      # INQUIRY
    if k == 1:
        return c.scsi(lun, bytes([0x12, 1, 0x80, 0, 255, 0]), 255)                 # INQUIRY VPD
    if k == 2:
        return c.scsi(lun, bytes([0x25] + [0] * 9), 8)                             # READ CAPACITY
    if k == 3:
        return c.scsi(lun, bytes([0x00] * 6))                                      # TEST UNIT READY
    if k == 4:
        n = random.randint(1, 64)
        lba = random.randint(0, 30000)
        return c.scsi(lun, bytes([0x28, 0]) + lba.to_bytes(4, "big") + bytes([0]) + n.to_bytes(2, "big") + b"\0", n * 512)
    if k == 5:
        n = random.randint(1, 96)
        lba = random.randint(0, 30000)
        return c.scsi(lun, bytes([0x2A, 0]) + lba.to_bytes(4, "big") + bytes([0]) + n.to_bytes(2, "big") + b"\0",
                      wdata=os.urandom(n * 512))
    if k == 6:
        lba = random.randint(10 ** 7, 10 ** 8)                                     # read past the end
        return c.scsi(lun, bytes([0x28, 0]) + lba.to_bytes(4, "big") + bytes([0, 0, 8, 0]), 4096)
    if k == 7:
        return c.scsi(lun, bytes([random.choice([0xE7, 0xC1, 0x7E, 0x3F]), 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0)  # bad opcode
    if k == 8:
        return c.scsi(lun, bytes([0x1A, 0, 0x3F, 0, 192, 0]), 192)                 # MODE SENSE
    if k == 9:
        return c.scsi(lun, bytes([0x35] + [0] * 9))                                # SYNCHRONIZE CACHE
    if k == 10:
        return c.scsi(lun, bytes([0xA0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]), 256)    # REPORT LUNS
    return c.scsi(random.randint(5, 40), bytes([0x12, 0, 0, 0, 36, 0]), 36)      # missing LUN


def main():
    target = OPT.get("target", "")
    user, secret = OPT.get("user"), OPT.get("secret")
    if ACTION == "garbage":
        s = socket.create_connection((HOST, PORT), timeout=3)
        s.sendall(os.urandom(random.choice([10, 48, 100, 300])))
        try:
            s.recv(100)
        except OSError:
            pass
        return
    c = Conn()
    if ACTION == "dropmid":
        c.login(0, 1, False, [("InitiatorName", INAME), ("SessionType", "Normal"),
                              ("TargetName", target), ("AuthMethod", "CHAP")])
        c.s.close()
        return
    if ACTION == "badop":
        # login straight into full feature with bogus keys or stage
        st, det, fl, kv = c.login(random.choice([0, 1]), 3, True,
                                  [("InitiatorName", INAME), ("TargetName", target),
                                   ("Bogus%d" % random.randint(1, 99), "x"), ("MaxRecvDataSegmentLength", "12")])
        print("badop", st, det)
        return
    st, det = c.full_login(target, user, secret, discovery=(ACTION == "discovery"))
    print("login", target, user, st, det)
    if st:
        return
    if ACTION == "discovery":
        rb, rd = c.text(["SendTargets=All"])
        print(rd.replace(b"\0", b" ").decode(errors="replace"))
        c.logout()
        return
    luns = [int(x) for x in OPT.get("luns", "1").split(",")]
    for _ in range(int(OPT.get("ncmd", "5"))):
        r = random.random()
        if r < 0.1:
            c.nop()
        elif r < 0.15:
            c.tmf(random.choice(luns), random.choice([1, 5, 6, 7, 12]))
        else:
            print("scsi", rand_scsi(c, luns)[0])
    if OPT.get("nologout"):
        c.s.close()
        return
    print("logout", c.logout(random.choice([0, 0, 0, 1]))[0][2])


try:
    main()
except (OSError, EOFError) as e:
    print("error", e)
