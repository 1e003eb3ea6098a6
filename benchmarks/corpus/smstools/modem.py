#!/usr/bin/env python3
"""Fake GSM modem for smsd's network device mode (device = @127.0.0.1:PORT).

Answers the AT commands smsd uses (PDU mode), keeps a small SIM message store that the
workload fills through a spool directory (one file per message: kind;number;text), and
injects faults at random: +CMS/+CME errors, unanswered commands, dropped connections,
registration problems.  Usage: modem.py PORT STATEDIR [--pin 1234] [--flaky N]
"""
import datetime
import os
import random
import socket
import sys
import time

PORT = int(sys.argv[1])
STATE = sys.argv[2]
PIN = None
FLAKY = 5          # percent of commands that get a fault
ARGS = sys.argv[3:]
if "--pin" in ARGS:
    PIN = ARGS[ARGS.index("--pin") + 1]
if "--flaky" in ARGS:
    FLAKY = int(ARGS[ARGS.index("--flaky") + 1])
INBOX = os.path.join(STATE, "inject")
os.makedirs(INBOX, exist_ok=True)

GSM = ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
       "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")


def semi(num):
    if len(num) % 2:
        num += "F"
    return "".join(num[i + 1] + num[i] for i in range(0, len(num), 2))


def addr(num):
    digits = num.lstrip("+")
    return "%02X%s%s" % (len(digits), "91", semi(digits))


def scts(t=None):
    t = t or datetime.datetime.utcnow()
    s = t.strftime("%y%m%d%H%M%S") + "00"
    return semi(s)


def pack7(text, fill=0):
    septets = []
    for ch in text:
        i = GSM.find(ch)
        septets.append(i if i >= 0 else GSM.find("?"))
    bits = 0
    nbits = fill
    out = bytearray()
    for s in septets:
        bits |= s << nbits
        nbits += 7
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits > 0:
        out.append(bits & 0xFF)
    return out.hex().upper(), len(septets)


SMSC = "07" + "91" + semi("358405202000")


def deliver(sender, text, ucs2=False, udh=None):
    fo = 0x44 if udh else 0x04
    if ucs2:
        ud = text.encode("utf-16-be")
        if udh:
            ud = bytes.fromhex(udh) + ud
        body = "%02X" % len(ud) + ud.hex().upper()
        dcs = "08"
    else:
        if udh:
            h = bytes.fromhex(udh)
            fill = (7 - (len(h) * 8) % 7) % 7
            packed, n = pack7(text, fill)
            nsept = (len(h) * 8 + fill) // 7 + n
            body = "%02X" % nsept + h.hex().upper() + packed
        else:
            packed, n = pack7(text)
            body = "%02X" % n + packed
        dcs = "00"
    tpdu = "%02X" % fo + addr(sender) + "00" + dcs + scts() + body
    return SMSC + tpdu, len(tpdu) // 2


def status_report(mr, recipient, st):
    tpdu = "06" + "%02X" % mr + addr(recipient) + scts() + scts() + "%02X" % st
    return SMSC + tpdu, len(tpdu) // 2


class Modem:
    def __init__(self):
        self.store = {}          # slot -> (stat, pdu, length)
        self.mr = random.randint(0, 200)
        self.pin_ok = PIN is None
        self.sent = []
        self.cmd_count = 0
        self.lac = "00A1"
        self.ci = "1B2C"

    def pull_injected(self):
        for name in sorted(os.listdir(INBOX)):
            path = os.path.join(INBOX, name)
            try:
                with open(path, encoding="utf-8") as fh:
                    kind, number, text = fh.read().rstrip("\n").split(";", 2)
                os.unlink(path)
            except (OSError, ValueError):
                continue
            free = [i for i in range(1, 21) if i not in self.store]
            if not free:
                return
            if kind == "sms":
                pdu, ln = deliver(number, text)
                self.store[free[0]] = (0, pdu, ln)
            elif kind == "ucs2":
                pdu, ln = deliver(number, text, ucs2=True)
                self.store[free[0]] = (0, pdu, ln)
            elif kind == "multi":
                ref = random.randint(1, 255)
                parts = [text[i:i + 150] for i in range(0, len(text), 150)] or [""]
                drop = random.random() < 0.25 and len(parts) > 1
                for n, part in enumerate(parts, 1):
                    if drop and n == len(parts):
                        continue   # a part that never arrives
                    free = [i for i in range(1, 21) if i not in self.store]
                    if not free:
                        break
                    pdu, ln = deliver(number, part, udh="050003%02X%02X%02X" % (ref, len(parts), n))
                    self.store[free[0]] = (0, pdu, ln)
            elif kind == "report":
                mr = self.sent[-1] if self.sent and random.random() < 0.7 else random.randint(0, 255)
                pdu, ln = status_report(mr, number, random.choice([0, 0, 0, 0x30, 0x41, 0x46]))
                self.store[free[0]] = (0, pdu, ln)
            elif kind == "garbage":
                self.store[free[0]] = (0, text, random.randint(5, 60))
            elif kind == "cell":
                self.lac = "%04X" % random.randint(1, 0xFFFF)
                self.ci = "%04X" % random.randint(1, 0xFFFF)

    def answer(self, cmd):
        """Return the reply text for one AT command line, or None for no reply."""
        self.cmd_count += 1
        c = cmd.strip()
        u = c.upper()
        if random.randint(1, 100) <= FLAKY and u not in ("AT",) and not u.startswith("AT+CPIN"):
            fault = random.choice(["error", "cms", "cme", "silence", "garbage"])
            if fault == "error":
                return "ERROR"
            if fault == "cms":
                return "+CMS ERROR: %d" % random.choice([38, 41, 42, 302, 304, 310, 321, 500, 512])
            if fault == "cme":
                return "+CME ERROR: %d" % random.choice([3, 4, 10, 13, 30, 100])
            if fault == "silence":
                return None
            return "\x07?? RING"
        if u in ("AT", "ATZ", "ATE0", "AT&F", "ATV1", "ATQ0") or u.startswith("ATE0") or u.startswith("AT&"):
            return "OK"
        if u == "AT+CPIN?":
            return "+CPIN: READY\r\n\r\nOK" if self.pin_ok else "+CPIN: SIM PIN\r\n\r\nOK"
        if u.startswith("AT+CPIN="):
            if PIN and c.split("=", 1)[1].strip('"') == PIN:
                self.pin_ok = True
                return "OK"
            return "+CME ERROR: 16"
        if u == "AT+CREG?":
            r = random.random()
            if r < 0.05:
                return '+CREG: 2,2\r\n\r\nOK'
            if r < 0.10:
                return '+CREG: 2,5,"%s","%s"\r\n\r\nOK' % (self.lac, self.ci)
            if r < 0.12:
                return '+CREG: 2,3\r\n\r\nOK'
            return '+CREG: 2,1,"%s","%s"\r\n\r\nOK' % (self.lac, self.ci)
        if u == "AT+CSQ":
            return "+CSQ: %d,%d\r\n\r\nOK" % (random.choice([2, 9, 14, 18, 25, 31, 99]), random.choice([0, 3, 7, 99]))
        if u == "AT+CIMI":
            return "244911234567890\r\n\r\nOK"
        if u == "AT+CGSN":
            return "356938035643809\r\n\r\nOK"
        if u == "AT+CGMI":
            return "FakeModem Ltd\r\n\r\nOK"
        if u == "AT+CGMM":
            return "FM-26\r\n\r\nOK"
        if u == "AT+CGMR":
            return "Revision 1.0.%d\r\n\r\nOK" % PORT
        if u.startswith("AT+CMGF"):
            return "OK"
        if u.startswith("AT+CSCA"):
            return "OK"
        if u == "AT+CPMS?":
            self.pull_injected()
            n = len(self.store)
            return '+CPMS: "SM",%d,20,"SM",%d,20,"SM",%d,20\r\n\r\nOK' % (n, n, n)
        if u.startswith("AT+CPMS=?"):
            return '+CPMS: ("SM","ME"),("SM","ME"),("SM","ME")\r\n\r\nOK'
        if u.startswith("AT+CPMS="):
            n = len(self.store)
            return '+CPMS: %d,20,%d,20,%d,20\r\n\r\nOK' % (n, n, n)
        if u.startswith("AT+CMGR="):
            self.pull_injected()
            try:
                slot = int(c.split("=", 1)[1])
            except ValueError:
                return "ERROR"
            if slot in self.store:
                stat, pdu, ln = self.store[slot]
                return "+CMGR: %d,,%d\r\n%s\r\n\r\nOK" % (stat, ln, pdu)
            return "OK"
        if u.startswith("AT+CMGL"):
            self.pull_injected()
            lines = []
            for slot in sorted(self.store):
                stat, pdu, ln = self.store[slot]
                lines.append("+CMGL: %d,%d,,%d\r\n%s" % (slot, stat, ln, pdu))
            return "\r\n".join(lines + ["", "OK"])
        if u == "AT+CMGD=?":
            return "+CMGD: (%s),(0-4)\r\n\r\nOK" % ",".join(str(i) for i in sorted(self.store)) if self.store else "+CMGD: (),(0-4)\r\n\r\nOK"
        if u.startswith("AT+CMGD="):
            try:
                slot = int(c.split("=", 1)[1].split(",")[0])
            except ValueError:
                return "ERROR"
            self.store.pop(slot, None)
            return "OK"
        if u.startswith("AT+CMGS="):
            return ">"
        if u.startswith("ATD"):
            return random.choice(["OK", "NO CARRIER", "BUSY", "NO ANSWER"])
        if u.startswith("AT+CHUP") or u.startswith("ATH"):
            return "OK"
        if u.startswith("AT+CUSD"):
            return 'OK\r\n\r\n+CUSD: 0,"Balance 12.34 EUR",15'
        if u.startswith("AT+CPAS"):
            return "+CPAS: 0\r\n\r\nOK"
        if u.startswith("AT"):
            return "OK"
        return "ERROR"

    def after_pdu(self, pdu):
        r = random.random()
        if r < 0.08:
            return "+CMS ERROR: %d" % random.choice([38, 42, 304, 330, 500])
        if r < 0.10:
            return "ERROR"
        if r < 0.11:
            return None
        self.mr = (self.mr + 1) % 256
        self.sent.append(self.mr)
        return "+CMGS: %d\r\n\r\nOK" % self.mr


def serve(conn, modem):
    conn.settimeout(1.0)
    buf = b""
    in_pdu = False
    last_unsol = time.time()
    while True:
        try:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
        except socket.timeout:
            data = b""
        except OSError:
            return
        # occasionally: unsolicited result codes
        if time.time() - last_unsol > 7 and not in_pdu and random.random() < 0.2:
            last_unsol = time.time()
            if os.listdir(INBOX):
                modem.pull_injected()
            if modem.store and random.random() < 0.5:
                conn.sendall(b'\r\n+CMTI: "SM",%d\r\n' % max(modem.store))
            elif random.random() < 0.3:
                conn.sendall(b'\r\n+CREG: 1,"%s","%s"\r\n' % (modem.lac.encode(), modem.ci.encode()))
        while True:
            if in_pdu:
                if b"\x1a" not in buf and b"\x1b" not in buf:
                    break
                end = min(i for i in (buf.find(b"\x1a"), buf.find(b"\x1b")) if i >= 0)
                pdu = buf[:end].decode("latin-1").strip()
                esc = buf[end:end + 1] == b"\x1b"
                buf = buf[end + 1:]
                in_pdu = False
                reply = "OK" if esc else modem.after_pdu(pdu)
            else:
                if b"\r" not in buf:
                    break
                line, buf = buf.split(b"\r", 1)
                line = line.strip(b"\n").decode("latin-1")
                if not line.strip():
                    continue
                if random.random() < 0.004:
                    conn.close()      # the modem "dies" in the middle of a conversation
                    return
                reply = modem.answer(line)
                if reply == ">":
                    in_pdu = True
                    conn.sendall(b"\r\n> ")
                    continue
            if reply is not None:
                time.sleep(random.choice([0, 0, 0.01, 0.05]))
                conn.sendall(("\r\n" + reply + "\r\n").encode("latin-1"))


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", PORT))
    srv.listen(2)
    modem = Modem()
    while True:
        conn, _ = srv.accept()
        try:
            serve(conn, modem)
        finally:
            try:
                conn.close()
            except OSError:
                pass


if __name__ == "__main__":
    main()
