"""Randomised Matrix client-server API clients for the round-14 Synapse workload.
Usage: clients.py BASE_URL HOMESERVER_YAML N_ACTIONS  (state kept in users.json beside the yaml)."""
import hashlib, hmac, json, os, random, string, sys, time
import requests

BASE, CONF, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
STATE = os.path.join(os.path.dirname(CONF), "users.json")
SECRET = next(l.split('"')[1] for l in open(CONF) if l.startswith("registration_shared_secret"))
st = json.load(open(STATE)) if os.path.exists(STATE) else {"users": {}, "rooms": [], "aliases": [], "admin": None}
C = BASE + "/_matrix/client/v3"
S = requests.Session()
WORDS = "alpha bravo lunch meeting deploy coffee report retro standup release hello ping pong kitchen garden".split()

def rnd(n=6): return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(n))
def req(method, url, token=None, **kw):
    h = kw.pop("headers", {})
    if token: h["Authorization"] = "Bearer " + token
    try:
        r = S.request(method, url, headers=h, timeout=kw.pop("timeout", 10), **kw)
        try: return r.status_code, r.json()
        except Exception: return r.status_code, {}
    except requests.RequestException:
        return 0, {}

def register(user, pw):
    code, body = req("POST", C + "/register", json={"username": user, "password": pw})
    if code == 401 and "session" in body:
        code, body = req("POST", C + "/register", json={"username": user, "password": pw,
                         "auth": {"type": "m.login.dummy", "session": body["session"]}})
    if code == 200:
        st["users"][user] = {"pw": pw, "token": body.get("access_token"), "id": body.get("user_id")}
    return code

def login(user, pw):
    code, body = req("POST", C + "/login", json={"type": "m.login.password",
                     "identifier": {"type": "m.id.user", "user": user}, "password": pw})
    if code == 200:
        st["users"].setdefault(user, {"pw": pw})
        st["users"][user].update(token=body["access_token"], id=body["user_id"])
    return code

def any_user():
    live = [u for u, v in st["users"].items() if v.get("token")]
    return random.choice(live) if live else None

def tok(u): return st["users"][u]["token"]

def new_user():
    u = random.choice(["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]) + rnd(4)
    register(u, "Pass%s%d" % (rnd(5), random.randint(10, 999)))

def create_room():
    u = any_user()
    if not u: return new_user()
    body = {"name": random.choice(WORDS).title() + " " + rnd(3), "preset": random.choice(["public_chat", "private_chat", "trusted_private_chat"])}
    if random.random() < 0.5:
        body["room_alias_name"] = random.choice(st["aliases"][-3:] + [random.choice(WORDS) + rnd(3)]) if st["aliases"] else random.choice(WORDS) + rnd(3)
    if random.random() < 0.3: body["topic"] = " ".join(random.sample(WORDS, 3))
    if random.random() < 0.2: body["visibility"] = "public"
    code, b = req("POST", C + "/createRoom", tok(u), json=body)
    if code == 200:
        st["rooms"].append(b["room_id"])
        if "room_alias_name" in body: st["aliases"].append(body["room_alias_name"])

def send_msgs():
    u = any_user()
    if not u or not st["rooms"]: return create_room()
    room = random.choice(st["rooms"])
    for i in range(random.randint(1, 14)):
        req("PUT", C + "/rooms/%s/send/m.room.message/t%s" % (room, rnd(10)), tok(u),
            json={"msgtype": "m.text", "body": " ".join(random.choices(WORDS, k=random.randint(1, 9)))})

def join():
    u = any_user()
    if not u: return new_user()
    r = random.random()
    if r < 0.5 and st["rooms"]: target = random.choice(st["rooms"])
    elif r < 0.8 and st["aliases"]: target = "#%s:test.local" % random.choice(st["aliases"])
    elif r < 0.9: target = "#nosuch%s:test.local" % rnd(4)
    else: target = "!%s:test.local" % rnd(18)
    req("POST", C + "/join/" + requests.utils.quote(target), tok(u), json={})

def leave():
    u = any_user()
    if u and st["rooms"]:
        req("POST", C + "/rooms/%s/leave" % random.choice(st["rooms"]), tok(u), json={})

def member_ops():
    a, b = any_user(), any_user()
    if not a or not st["rooms"]: return
    room, op = random.choice(st["rooms"]), random.choice(["invite", "kick", "ban", "unban"])
    body = {"user_id": st["users"][b]["id"] if b else "@ghost%s:test.local" % rnd(3)}
    if op in ("kick", "ban") and random.random() < 0.5: body["reason"] = random.choice(WORDS)
    req("POST", C + "/rooms/%s/%s" % (room, op), tok(a), json=body)

def sync():
    u = any_user()
    if not u: return
    code, b = req("GET", C + "/sync", tok(u), params={"timeout": 0})
    if code == 200 and random.random() < 0.5:
        req("GET", C + "/sync", tok(u), params={"since": b.get("next_batch"), "timeout": random.randint(100, 1500)})

def bad_login():
    r = random.random()
    if r < 0.5 and st["users"]:
        u = random.choice(list(st["users"]))
        login(u, "wrong" + rnd(5))
    elif r < 0.8:
        login("nobody" + rnd(4), "x" + rnd(6))
    else:
        req("POST", C + "/login", json={"type": random.choice(["m.login.token", "m.login.foo", "m.login.password"]), "user": "bob"})

def good_login():
    if st["users"]:
        u = random.choice(list(st["users"]))
        login(u, st["users"][u]["pw"])

def bad_register():
    r = random.random()
    if r < 0.3 and st["users"]: register(random.choice(list(st["users"])), "Pass%s123" % rnd(4))
    elif r < 0.55: register(random.choice(["Bad User", "root!", "x" * 300, "_sys" + rnd(2), "Üser"]), "Pass%s1" % rnd(5))
    elif r < 0.8: register("weak" + rnd(4), random.choice(["abc", "password", "12345", "short1"]))
    else: req("POST", C + "/register", data="{not json" + rnd(3), headers={"Content-Type": "application/json"})

def bad_requests():
    u = any_user()
    r = random.randint(0, 7)
    if r == 0: req("GET", C + "/account/whoami")
    elif r == 1: req("GET", C + "/account/whoami", "syt_bogus_" + rnd(20))
    elif r == 2: req("GET", BASE + "/_matrix/client/v3/nosuch/" + rnd(5), tok(u) if u else None)
    elif r == 3 and u: req("PUT", C + "/rooms/!%s:test.local/send/m.room.message/x%s" % (rnd(10), rnd(5)), tok(u), json={"msgtype": "m.text", "body": "hi"})
    elif r == 4 and u: req("POST", C + "/createRoom", tok(u), data="[[[" + rnd(4), headers={"Content-Type": "application/json"})
    elif r == 5: req("DELETE", C + "/login")
    elif r == 6 and u: req("GET", C + "/rooms/%s/messages" % (random.choice(st["rooms"]) if st["rooms"] else "!x:test.local"), tok(u), params={"dir": random.choice(["b", "f", "z"]), "limit": random.choice([5, 20, "abc"])})
    elif u: req("GET", C + "/profile/@nobody%s:test.local" % rnd(3), tok(u))

def profile():
    u = any_user()
    if u:
        req("PUT", C + "/profile/%s/displayname" % st["users"][u]["id"], tok(u), json={"displayname": random.choice(WORDS).title() + " " + rnd(2)})
        if random.random() < 0.5: req("PUT", C + "/presence/%s/status" % st["users"][u]["id"], tok(u), json={"presence": random.choice(["online", "unavailable", "offline"])})

def room_state():
    u = any_user()
    if u and st["rooms"]:
        room = random.choice(st["rooms"])
        r = random.random()
        if r < 0.4: req("PUT", C + "/rooms/%s/state/m.room.topic" % room, tok(u), json={"topic": " ".join(random.sample(WORDS, 4))})
        elif r < 0.6: req("PUT", C + "/rooms/%s/typing/%s" % (room, st["users"][u]["id"]), tok(u), json={"typing": True, "timeout": 3000})
        elif r < 0.8: req("GET", C + "/rooms/%s/messages" % room, tok(u), params={"dir": "b", "limit": random.randint(1, 30)})
        else: req("GET", C + "/publicRooms")

def media():
    u = any_user()
    if not u: return
    r = random.random()
    if r < 0.5:
        data = os.urandom(random.randint(10, 60000))
        req("POST", BASE + "/_matrix/media/v3/upload", tok(u), params={"filename": rnd(5) + ".bin"}, data=data, headers={"Content-Type": "application/octet-stream"})
    elif r < 0.7:
        req("POST", BASE + "/_matrix/media/v3/upload", tok(u), data=os.urandom(260000), headers={"Content-Type": "image/png"})
    else:
        req("GET", BASE + "/_matrix/client/v1/media/download/test.local/" + rnd(24), tok(u))

def logout():
    u = any_user()
    if u:
        req("POST", C + "/logout", tok(u), json={})
        st["users"][u]["token"] = None

def admin():
    if not st["admin"]:
        code, b = req("GET", BASE + "/_synapse/admin/v1/register")
        if code != 200: return
        name, pw = "admin" + rnd(3), "Admin%s99" % rnd(4)
        mac = hmac.new(SECRET.encode(), b"\x00".join([b["nonce"].encode(), name.encode(), pw.encode(), b"admin"]), hashlib.sha1).hexdigest()
        code, b = req("POST", BASE + "/_synapse/admin/v1/register", json={"nonce": b["nonce"], "username": name, "password": pw, "admin": True, "mac": mac})
        if code == 200: st["admin"] = b["access_token"]
        return
    r = random.random()
    if r < 0.3: req("GET", BASE + "/_synapse/admin/v2/users", st["admin"], params={"limit": random.randint(1, 20)})
    elif r < 0.5 and st["rooms"]: req("GET", BASE + "/_synapse/admin/v1/rooms/" + random.choice(st["rooms"]), st["admin"])
    elif r < 0.7 and st["users"]:
        u = random.choice(list(st["users"]))
        req("POST", BASE + "/_synapse/admin/v1/deactivate/" + st["users"][u]["id"] if st["users"][u].get("id") else "@x:test.local", st["admin"], json={"erase": False})
        st["users"].pop(u)
    elif r < 0.85: req("GET", BASE + "/_synapse/admin/v2/users", (any_user() and tok(any_user())) or "bad")  # non-admin
    else:
        code, b = req("GET", BASE + "/_synapse/admin/v1/register")
        if code == 200: req("POST", BASE + "/_synapse/admin/v1/register", json={"nonce": b["nonce"], "username": "evil" + rnd(3), "password": "x", "mac": "00" * 20})

def redact():
    u = any_user()
    if u and st["rooms"]:
        room = random.choice(st["rooms"])
        code, b = req("PUT", C + "/rooms/%s/send/m.room.message/r%s" % (room, rnd(8)), tok(u), json={"msgtype": "m.text", "body": "oops"})
        if code == 200: req("PUT", C + "/rooms/%s/redact/%s/z%s" % (room, b["event_id"], rnd(6)), tok(u), json={"reason": random.choice(WORDS)})

ACTIONS = [(new_user, 6), (create_room, 5), (send_msgs, 6), (join, 6), (leave, 2), (member_ops, 4), (sync, 6),
           (bad_login, 5), (good_login, 4), (bad_register, 3), (bad_requests, 5), (profile, 3), (room_state, 4),
           (media, 3), (logout, 2), (admin, 3), (redact, 2)]
fns = [f for f, w in ACTIONS for _ in range(w)]
for _ in range(N):
    try: random.choice(fns)()
    except Exception as e: print("client error", e, file=sys.stderr)
    time.sleep(random.uniform(0.02, 0.3))
st["rooms"] = st["rooms"][-40:]
json.dump(st, open(STATE, "w"))
