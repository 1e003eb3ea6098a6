#!/usr/bin/env python3
"""Randomised client for the Homebridge workload: webhook calls, HAP (insecure mode) reads/writes, garbage.
python3 client.py ROUNDS"""
import json, random, socket, sys, urllib.request, urllib.error

HAP = "http://127.0.0.1:30100"; CHILD = "http://127.0.0.1:30104"; HOOK = "http://127.0.0.1:30101"
PIN = "031-45-154"

def req(url, method="GET", body=None, headers=None):
    r = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(r, timeout=8) as f:
            return f.status, f.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:
        return None, str(e).encode()

def accessories(base):
    st, body = req(base + "/accessories", headers={"Authorization": PIN})
    try:
        return json.loads(body)["accessories"]
    except Exception:
        return []

def value_for(c):
    f = c.get("format")
    if f == "bool":
        return random.choice([True, False])
    if f in ("int", "uint8", "uint16", "uint32", "float"):
        lo = c.get("minValue", 0); hi = c.get("maxValue", 100)
        if "valid-values" in c:
            return random.choice(c["valid-values"])
        v = random.uniform(lo, hi)
        return round(v, 1) if f == "float" else int(v)
    if f == "string":
        return "x%d" % random.randint(0, 99)
    return 1

def hap_write(base):
    accs = accessories(base)
    chars = [(a["aid"], c) for a in accs for s in a["services"] for c in s["characteristics"] if "pw" in c.get("perms", [])]
    if not chars:
        return
    picks = random.sample(chars, min(len(chars), random.randint(1, 3)))
    body = {"characteristics": [{"aid": aid, "iid": c["iid"], "value": value_for(c)} for aid, c in picks]}
    if random.random() < 0.1:
        body["characteristics"][0]["value"] = "garbage"
    req(base + "/characteristics", "PUT", json.dumps(body).encode(), {"Authorization": PIN, "Content-Type": "application/hap+json"})

def hap_read(base):
    accs = accessories(base)
    chars = [(a["aid"], c["iid"]) for a in accs for s in a["services"] for c in s["characteristics"] if "pr" in c.get("perms", [])]
    if chars:
        ids = ",".join("%d.%d" % p for p in random.sample(chars, min(len(chars), random.randint(1, 6))))
        req(base + "/characteristics?id=" + ids, headers={"Authorization": PIN})

def hap_bad():
    choice = random.randint(0, 5)
    if choice == 0:
        req(HAP + "/accessories")  # no pin
    elif choice == 1:
        req(HAP + "/characteristics?id=99.99", headers={"Authorization": PIN})
    elif choice == 2:
        req(HAP + "/characteristics", "PUT", b"{not json", {"Authorization": PIN})
    elif choice == 3:
        req(HAP + "/pair-setup", "POST", bytes(random.getrandbits(8) for _ in range(40)), {"Content-Type": "application/pairing+tlv8"})
    elif choice == 4:
        req(HAP + "/identify", "POST", b"")
    else:
        s = socket.socket(); s.settimeout(2)
        try:
            s.connect(("127.0.0.1", 30100)); s.sendall(b"BLAH /x HTTP/9\r\n\r\n" + bytes(random.getrandbits(8) for _ in range(64))); s.recv(100)
        except Exception:
            pass
        s.close()

SENSORS = {"contact1": "state", "motion1": "state", "leak1": "state", "smoke1": "state", "temp1": "value", "hum1": "value"}
def hook():
    c = random.randint(0, 11)
    if c <= 3:
        sid = random.choice(list(SENSORS))
        if SENSORS[sid] == "state":
            q = "state=%s" % random.choice(["true", "false"])
        else:
            q = "value=%s" % random.choice(["21.5", "3", "55", "18", "40.5"])
        req(f"{HOOK}/?accessoryId={sid}&{q}")
    elif c == 4:
        aid = random.choice(["switch1", "switch2", "light1", "outlet1"])
        req(f"{HOOK}/?accessoryId={aid}" + random.choice(["&state=true", "&state=false", ""]))
    elif c == 5:
        req(f"{HOOK}/?accessoryId=light1&brightness={random.randint(0, 100)}")
    elif c == 6:
        req(f"{HOOK}/?accessoryId=thermo1&" + random.choice(["currenttemperature=%d" % random.randint(10, 30), "targettemperature=%d" % random.randint(15, 28), "currentstate=%d" % random.randint(0, 2), "targetstate=%d" % random.randint(0, 3)]))
    elif c == 7:
        req(f"{HOOK}/?accessoryId=push1")
    elif c == 8:
        aid = random.choice(["garage1", "lock1", "cover1", "sec1"])
        p = {"garage1": ["currentdoorstate=%d" % random.randint(0, 4), "targetdoorstate=%d" % random.randint(0, 1), "obstructiondetected=true"],
             "lock1": ["lockcurrentstate=%d" % random.randint(0, 3), "locktargetstate=%d" % random.randint(0, 1)],
             "cover1": ["currentposition=%d" % random.randint(0, 100), "targetposition=%d" % random.randint(0, 100), "positionstate=%d" % random.randint(0, 2)],
             "sec1": ["currentstate=%d" % random.randint(0, 4), "targetstate=%d" % random.randint(0, 3)]}[aid]
        req(f"{HOOK}/?accessoryId={aid}&" + random.choice(p))
    elif c == 9:
        req(f"{HOOK}/?accessoryId=nosuch{random.randint(1, 9)}&state=true")
    elif c == 10:
        req(f"{HOOK}/?foo=bar")
    else:
        req(f"{HOOK}/?accessoryId=contact1&state=true", "POST", b"garbage")

actions = [hook, hook, hook, lambda: hap_write(HAP), lambda: hap_write(HAP), lambda: hap_read(HAP),
           lambda: hap_write(CHILD), lambda: hap_read(CHILD), hap_bad]
for _ in range(int(sys.argv[1])):
    random.choice(actions)()
