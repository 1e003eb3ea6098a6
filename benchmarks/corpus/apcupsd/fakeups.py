#!/usr/bin/python3
"""Fake apcupsd NIS master: answers 'status' with a status block whose state follows
a random scenario read from a control file (one word: online, onbatt, lowbatt, overload,
replace, shutdown, garbage, nostat, hang, drop). No output of its own."""
import random, socket, sys, threading, time, os

port, ctl = int(sys.argv[1]), sys.argv[2]
FLAGS = {"online": 0x08, "onbatt": 0x10, "lowbatt": 0x50, "overload": 0x28, "replace": 0x88,
         "trim": 0x0A, "boost": 0x0C, "cal": 0x09, "shutdown": 0x210}

def rec(s):
    b = s.encode()
    return len(b).to_bytes(2, "big") + b

def block(state):
    charge = random.uniform(5, 30) if state == "lowbatt" else random.uniform(40, 100)
    left = random.uniform(0.5, 4) if state == "lowbatt" else random.uniform(10, 90)
    lines = [
        "APC      : 001,036,0876", "DATE     : 2026-12-06 20:00:00 +0000", "HOSTNAME : fakeups",
        "VERSION  : 3.14.14 (31 May 2016) debian", "UPSNAME  : fakeups", "CABLE    : Custom Cable Smart",
        "DRIVER   : APC Smart UPS (any)", "UPSMODE  : Stand Alone", "MODEL    : Smart-UPS 1500",
        "STATUS   : %s" % state.upper(),
        "LINEV    : %.1f Volts" % random.uniform(200, 240), "LOADPCT  : %.1f Percent" % random.uniform(5, 95),
        "BCHARGE  : %.1f Percent" % charge, "TIMELEFT : %.1f Minutes" % left,
        "MBATTCHG : 5 Percent", "MINTIMEL : 3 Minutes", "MAXTIME  : 0 Seconds",
        "OUTPUTV  : %.1f Volts" % random.uniform(220, 235), "SENSE    : High", "LOTRANS  : 196.0 Volts",
        "HITRANS  : 253.0 Volts", "ITEMP    : %.1f C" % random.uniform(25, 45), "BATTV    : %.1f Volts" % random.uniform(24, 27.5),
        "LINEFREQ : 50.0 Hz", "LASTXFER : %s" % random.choice(["No transfers since turnon", "Low line voltage", "High line voltage", "Automatic or explicit self test", "Line voltage notch or spike", "Unknown"]),
        "SELFTEST : %s" % random.choice(["NO", "OK", "NG", "BT"]),
        "STATFLAG : 0x%08X" % FLAGS.get(state, 0x08), "SERIALNO : AS0123456789", "BATTDATE : 2024-01-15",
        "NOMBATTV : 24.0 Volts", "FIRMWARE : 690.18.I USB FW:7.3", "END APC  : 2026-12-06 20:00:01 +0000"]
    keep = ("APC", "STATUS", "LINEV", "LOADPCT", "BCHARGE", "TIMELEFT", "STATFLAG", "END APC")
    lines = [l for l in lines if l.startswith(keep) or random.random() < 0.08]
    return lines

def handle(c):
    try:
        state = open(ctl).read().strip() or "online"
    except OSError:
        state = "online"
    try:
        c.settimeout(5)
        n = c.recv(2)
        if len(n) < 2:
            return
        cmd = c.recv(int.from_bytes(n, "big"))
        if state == "drop":
            return
        if state == "hang":
            time.sleep(20)
            return
        if state == "garbage":
            c.sendall(rec("ERROR    : unknown state\n") + rec("STATUS   : ???\n") + b"\x00\x00")
            return
        if state == "nostat":
            c.sendall(rec("APC      : 001,036,0876\n") + rec("STATUS   : ONLINE\n") + b"\x00\x00")
            return
        if state == "short":
            c.sendall(b"\x01")
            return
        out = b"".join(rec(l + "\n") for l in block(state)) + b"\x00\x00"
        c.sendall(out)
    except OSError:
        pass
    finally:
        c.close()

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(16)
while True:
    c, _ = srv.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
