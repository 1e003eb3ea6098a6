"""Randomised Janus API clients (HTTP, WebSocket, admin) for the round-14 Janus workload.
Usage: clients.py N_ACTIONS"""
import json, random, socket, string, sys, threading, time
import requests, websocket

N = int(sys.argv[1])
H = "http://127.0.0.1:30088/janus"; ADM = "http://127.0.0.1:30078/admin"; WS = "ws://127.0.0.1:30188"
SECRET, ASECRET = "r14secret", "r14admin"
PLUGINS = ["echotest", "videoroom", "textroom", "streaming", "audiobridge", "videocall", "recordplay", "nosip"]

def tx(): return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(12))
def rnd(n=5): return "".join(random.choice(string.ascii_lowercase) for _ in range(n))

def post(url, body, secret=True, timeout=8):
    if secret is True: body.setdefault("apisecret", SECRET)
    body.setdefault("transaction", tx())
    try: return requests.post(url, data=json.dumps(body), timeout=timeout).json()
    except Exception: return {}

def adm(body):
    body.setdefault("admin_secret", ASECRET); body.setdefault("transaction", tx())
    try: return requests.post(ADM, data=json.dumps(body), timeout=8).json()
    except Exception: return {}

def sdp(audio=True, video=False, data=False):
    sid = random.randint(10**15, 10**16); ufrag = rnd(4); pwd = rnd(22)
    fp = ":".join("%02X" % random.randint(0, 255) for _ in range(32))
    mids, m = [], []
    if audio: mids.append("0")
    if video: mids.append(str(len(mids)))
    if data: mids.append(str(len(mids)))
    s = ["v=0", "o=- %d 2 IN IP4 127.0.0.1" % sid, "s=-", "t=0 0", "a=group:BUNDLE " + " ".join(mids), "a=msid-semantic: WMS"]
    i = 0
    common = ["c=IN IP4 127.0.0.1", "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd,
              "a=fingerprint:sha-256 " + fp, "a=setup:actpass"]
    if audio:
        s += ["m=audio 9 UDP/TLS/RTP/SAVPF 111"] + common + ["a=mid:%d" % i, "a=sendrecv", "a=rtcp-mux",
              "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1", "a=ssrc:%d cname:%s" % (random.randint(1, 2**31), rnd(8))]; i += 1
    if video:
        s += ["m=video 9 UDP/TLS/RTP/SAVPF 96"] + common + ["a=mid:%d" % i, "a=sendrecv", "a=rtcp-mux",
              "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli", "a=ssrc:%d cname:%s" % (random.randint(1, 2**31), rnd(8))]; i += 1
    if data:
        s += ["m=application 9 UDP/DTLS/SCTP webrtc-datachannel"] + common + ["a=mid:%d" % i, "a=sctp-port:5000"]
    return "\r\n".join(s) + "\r\n"

def answer_for(offer_sdp):
    """Build a (fake) answer matching Janus' offer m-lines."""
    ufrag, pwd = rnd(4), rnd(22); fp = ":".join("%02X" % random.randint(0, 255) for _ in range(32))
    out = ["v=0", "o=- %d 2 IN IP4 127.0.0.1" % random.randint(10**15, 10**16), "s=-", "t=0 0"]
    mids = [l[6:] for l in offer_sdp.split("\r\n") if l.startswith("a=mid:")]
    if mids: out.append("a=group:BUNDLE " + " ".join(mids))
    mi = 0
    for l in offer_sdp.split("\r\n"):
        if l.startswith("m="):
            out += [l, "c=IN IP4 127.0.0.1", "a=ice-ufrag:" + ufrag, "a=ice-pwd:" + pwd, "a=fingerprint:sha-256 " + fp, "a=setup:active"]
            if mi < len(mids): out.append("a=mid:" + mids[mi])
            mi += 1
        elif l.startswith(("a=rtpmap", "a=sctp-port", "a=rtcp-mux")): out.append(l)
        elif l in ("a=sendonly",): out.append("a=recvonly")
        elif l in ("a=recvonly",): out.append("a=sendonly")
    return "\r\n".join(out) + "\r\n"

class Sess:
    def __init__(self):
        r = post(H, {"janus": "create"}); self.id = r.get("data", {}).get("id"); self.handles = []
    def attach(self, plugin):
        r = post("%s/%s" % (H, self.id), {"janus": "attach", "plugin": "janus.plugin." + plugin, "opaque_id": plugin + "-" + rnd(6)})
        h = r.get("data", {}).get("id")
        if h: self.handles.append(h)
        return h
    def msg(self, h, body, jsep=None):
        b = {"janus": "message", "body": body}
        if jsep: b["jsep"] = jsep
        return post("%s/%s/%s" % (H, self.id, h), b)
    def poll(self, n=5, timeout=3):
        try: return requests.get("%s/%s?maxev=%d&apisecret=%s" % (H, self.id, n, SECRET), timeout=timeout).json()
        except Exception: return []
    def trickle(self, h, done=False):
        c = {"completed": True} if done else {"candidate": "candidate:%d 1 udp 2122260223 127.0.0.1 %d typ host generation 0" % (random.randint(1, 9999), random.randint(30900, 30999)), "sdpMid": "0", "sdpMLineIndex": 0}
        post("%s/%s/%s" % (H, self.id, h), {"janus": "trickle", "candidate": c})
    def hangup(self, h): post("%s/%s/%s" % (H, self.id, h), {"janus": "hangup"})
    def detach(self, h): post("%s/%s/%s" % (H, self.id, h), {"janus": "detach"})
    def keepalive(self): post("%s/%s" % (H, self.id), {"janus": "keepalive"})
    def destroy(self): post("%s/%s" % (H, self.id), {"janus": "destroy"})
    def end(self):
        r = random.random()
        if r < 0.55: self.destroy()
        elif r < 0.8:
            for h in self.handles: self.detach(h)
            self.destroy()
        # else: abandoned, Janus times the session out

def offer(**kw): return {"type": "offer", "sdp": sdp(**kw)}

def janus_offer_answer(s, h):
    for ev in s.poll(4, 3) or []:
        if isinstance(ev, dict) and ev.get("jsep", {}).get("type") == "offer":
            s.msg(h, {"request": "start"} if ev.get("plugindata", {}).get("plugin") == "janus.plugin.streaming" else {"request": "ack"},
                  {"type": "answer", "sdp": answer_for(ev["jsep"]["sdp"])})
            return True

def do_echotest():
    s = Sess(); h = s.attach("echotest")
    if not h: return
    s.msg(h, {"audio": True, "video": random.random() < 0.6, "bitrate": random.choice([0, 64000, 128000, 256000])},
          offer(video=random.random() < 0.5))
    for _ in range(random.randint(0, 3)): s.trickle(h)
    if random.random() < 0.6: s.trickle(h, True)
    s.poll(3, 2)
    if random.random() < 0.5: s.msg(h, {"record": random.random() < 0.3, "substream": random.randint(0, 2)})
    if random.random() < 0.5: s.hangup(h)
    s.end()

def do_videoroom():
    s = Sess(); h = s.attach("videoroom")
    if not h: return
    room = random.choice([1234, 5678, random.randint(100, 999), random.randint(10**6, 10**7)])
    r = random.random()
    if r < 0.2: s.msg(h, {"request": "create", "room": random.randint(100, 999), "description": "room " + rnd(4), "publishers": random.randint(1, 9), "permanent": False})
    elif r < 0.3: s.msg(h, {"request": "list"})
    elif r < 0.4: s.msg(h, {"request": "exists", "room": room})
    elif r < 0.5: s.msg(h, {"request": "listparticipants", "room": room})
    elif r < 0.6: s.msg(h, {"request": "destroy", "room": room, "secret": random.choice(["adminpwd", "wrong" + rnd(3), ""])})
    elif r < 0.65: s.msg(h, {"request": "bogus" + rnd(3)})
    elif r < 0.7: s.msg(h, {"request": "configure", "audio": True})
    else:
        s.msg(h, {"request": "join", "ptype": random.choice(["publisher", "publisher", "subscriber", "listener"]), "room": room, "display": rnd(6), "feed": random.randint(1, 99)})
        s.poll(3, 2)
        if random.random() < 0.7: s.msg(h, {"request": "publish", "audio": True, "video": True}, offer(video=True))
        if random.random() < 0.4: s.msg(h, {"request": "unpublish"})
        if random.random() < 0.5: s.msg(h, {"request": "leave"})
    s.end()

def do_textroom():
    s = Sess(); h = s.attach("textroom")
    if not h: return
    room = random.choice([1234, random.randint(100, 999)])
    r = random.random()
    if r < 0.2: s.msg(h, {"request": "create", "room": random.randint(100, 999), "description": rnd(7), "permanent": False, "admin_key": random.choice(["troomadmin", "nope"])})
    elif r < 0.35: s.msg(h, {"request": "list"})
    elif r < 0.5: s.msg(h, {"request": "exists", "room": room})
    elif r < 0.6: s.msg(h, {"request": "destroy", "room": room, "secret": random.choice(["adminpwd", "bad"])})
    elif r < 0.7: s.msg(h, {"request": "announcement", "room": room, "secret": "adminpwd", "text": "hello " + rnd(4)})
    else:
        s.msg(h, {"request": "setup"}); janus_offer_answer(s, h)
    s.end()

def do_streaming():
    s = Sess(); h = s.attach("streaming")
    if not h: return
    r = random.random()
    if r < 0.15: s.msg(h, {"request": "list"})
    elif r < 0.25: s.msg(h, {"request": "info", "id": random.choice([1, 1, 77, 999])})
    elif r < 0.4:
        mid = random.randint(10, 60)
        s.msg(h, {"request": "create", "type": "rtp", "id": mid, "description": "mp " + rnd(4), "audio": True, "audioport": 30520 + mid, "audioiface": "127.0.0.1", "audiopt": 111, "audiocodec": "opus", "admin_key": random.choice(["stradmin", "stradmin", "wrong"])})
    elif r < 0.5: s.msg(h, {"request": "destroy", "id": random.randint(10, 60), "secret": random.choice(["", "adminpwd"])})
    elif r < 0.6: s.msg(h, {"request": random.choice(["enable", "disable"]), "id": 1, "secret": "x" + rnd(3)})  # a right secret here crashes 1.1.2
    else:
        s.msg(h, {"request": "watch", "id": random.choice([1, 1, 1, 42])})
        if janus_offer_answer(s, h):
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for i in range(random.randint(0, 30)):
                u.sendto(bytes([0x80, 111]) + i.to_bytes(2, "big") + (i * 960).to_bytes(4, "big") + b"\x01\x02\x03\x04" + bytes(random.randint(20, 120)), ("127.0.0.1", 30510))
            u.close()
            if random.random() < 0.5: s.msg(h, {"request": random.choice(["pause", "stop", "switch"]), "id": 1})
    s.end()

def do_audiobridge():
    s = Sess(); h = s.attach("audiobridge")
    if not h: return
    room = random.choice([1234, random.randint(100, 999)])
    r = random.random()
    if r < 0.2: s.msg(h, {"request": "create", "room": random.randint(100, 999), "description": rnd(5), "sampling_rate": random.choice([8000, 16000, 48000])})
    elif r < 0.3: s.msg(h, {"request": "list"})
    elif r < 0.4: s.msg(h, {"request": "listparticipants", "room": room})
    elif r < 0.5: s.msg(h, {"request": "destroy", "room": room, "secret": random.choice(["adminpwd", "no"])})
    else:
        s.msg(h, {"request": "join", "room": room, "display": rnd(6), "muted": random.random() < 0.3})
        s.poll(2, 2)
        if random.random() < 0.7: s.msg(h, {"request": "configure", "muted": False}, offer())
        if random.random() < 0.5: s.msg(h, {"request": "leave"})
    s.end()

def do_videocall():
    s = Sess(); h = s.attach("videocall")
    if not h: return
    user = random.choice(["alice", "bob", "carol", rnd(5)])
    s.msg(h, {"request": "register", "username": user})
    r = random.random()
    if r < 0.3: s.msg(h, {"request": "list"})
    elif r < 0.7: s.msg(h, {"request": "call", "username": random.choice(["alice", "bob", "ghost" + rnd(2)])}, offer(video=True))
    else: s.msg(h, {"request": "set", "bitrate": random.randint(1, 9) * 32000})
    if random.random() < 0.4: s.msg(h, {"request": "hangup"})
    s.end()

def do_recordplay():
    s = Sess(); h = s.attach("recordplay")
    if not h: return
    r = random.random()
    if r < 0.3: s.msg(h, {"request": "list"})
    elif r < 0.4: s.msg(h, {"request": "update"})
    elif r < 0.7: s.msg(h, {"request": "play", "id": random.randint(1, 10**6)})
    else: s.msg(h, {"request": "record", "name": "rec " + rnd(4)}, offer(video=random.random() < 0.5))
    if random.random() < 0.5: s.msg(h, {"request": "stop"})
    s.end()

def do_nosip():
    s = Sess(); h = s.attach("nosip")
    if not h: return
    if random.random() < 0.7: s.msg(h, {"request": "generate", "srtp": random.choice(["sdes_optional", "sdes_mandatory", None])}, offer())
    else: s.msg(h, {"request": "process", "type": "offer", "sdp": sdp()})
    s.poll(2, 2)
    if random.random() < 0.5: s.msg(h, {"request": "hangup"})
    s.end()

def do_bad():
    r = random.randint(0, 11)
    if r == 0: requests.post(H, data="{not json" + rnd(), timeout=5)
    elif r == 1: post(H, {"janus": "frobnicate"})
    elif r == 2: post(H, {"janus": "create"}, secret=False)
    elif r == 3: post(H, {"janus": "create", "apisecret": "wrong" + rnd(3)}, secret=None)
    elif r == 4: post("%s/%d" % (H, random.randint(10**14, 10**15)), {"janus": "attach", "plugin": "janus.plugin.echotest"})
    elif r == 5:
        s = Sess(); post("%s/%s" % (H, s.id), {"janus": "attach", "plugin": "janus.plugin." + random.choice(["nosuch", "sip", "lua"])}); s.destroy()
    elif r == 6:
        s = Sess(); post("%s/%s/%d" % (H, s.id, random.randint(10**14, 10**15)), {"janus": "message", "body": {"request": "list"}}); s.destroy()
    elif r == 7: requests.post(H, data=json.dumps({"janus": "create", "apisecret": SECRET}), timeout=5)  # no transaction
    elif r == 8:
        s = Sess(); h = s.attach(random.choice(PLUGINS))
        if h: post("%s/%s/%s" % (H, s.id, h), {"janus": "message"}); s.msg(h, {"request": "list"}, {"type": "offer", "sdp": "garbage " + rnd()})
        s.end()
    elif r == 9: requests.get(H + "/info", timeout=5)
    elif r == 10: requests.get("%s/%d?maxev=1" % (H, random.randint(1, 10**9)), timeout=5)
    else:
        s = Sess(); h = s.attach("echotest")
        if h: post("%s/%s/%s" % (H, s.id, h), {"janus": "trickle"}); s.msg(h, {"audio": True}, {"type": "answer", "sdp": sdp()})
        s.end()

def do_ws():
    try:
        ws = websocket.create_connection(WS, subprotocols=["janus-protocol"], timeout=5)
    except Exception: return
    def send(b):
        b.setdefault("transaction", tx()); b.setdefault("apisecret", SECRET); ws.send(json.dumps(b))
        try: return json.loads(ws.recv())
        except Exception: return {}
    r = send({"janus": "create"}); sid = r.get("data", {}).get("id")
    if sid:
        r = send({"janus": "attach", "session_id": sid, "plugin": "janus.plugin." + random.choice(["echotest", "textroom", "videoroom", "streaming"])})
        hid = r.get("data", {}).get("id")
        if hid:
            send({"janus": "message", "session_id": sid, "handle_id": hid, "body": {"request": "list"}})
            if random.random() < 0.3: send({"janus": "keepalive", "session_id": sid})
        if random.random() < 0.3: ws.send("not json at all " + rnd())
        if random.random() < 0.5: send({"janus": "destroy", "session_id": sid})
    if random.random() < 0.5: ws.close()
    else: ws.sock.close()  # drop without close frame

def do_admin():
    r = random.randint(0, 9)
    if r == 0: adm({"janus": "list_sessions"})
    elif r == 1:
        ss = adm({"janus": "list_sessions"}).get("sessions", [])
        if ss: adm({"janus": "list_handles", "session_id": random.choice(ss)})
    elif r == 2:
        ss = adm({"janus": "list_sessions"}).get("sessions", [])
        if ss:
            sid = random.choice(ss); hs = adm({"janus": "list_handles", "session_id": sid}).get("handles", [])
            if hs: adm({"janus": "handle_info", "session_id": sid, "handle_id": random.choice(hs)})
    elif r == 3: adm({"janus": "ping"})
    elif r == 4: adm({"janus": "get_status"})
    elif r == 5: adm({"janus": "list_sessions", "admin_secret": "bad" + rnd(2)})
    elif r == 6: adm({"janus": "set_session_timeout", "timeout": random.choice([15, 20, 15])})
    elif r == 7: adm({"janus": "add_token", "token": rnd(10)})
    elif r == 8:
        ss = adm({"janus": "list_sessions"}).get("sessions", [])
        if ss: adm({"janus": "destroy_session", "session_id": random.choice(ss)})
    else: adm({"janus": random.choice(["query_logger", "accept_new_sessions", "nosuch_admin"]), "logger": "janus.logger.jsonlog", "accept": True})

def do_keepalive_poll():
    s = Sess()
    for _ in range(random.randint(1, 3)):
        s.keepalive(); s.poll(1, 1)
    s.end()

ACTS = [(do_echotest, 5), (do_videoroom, 5), (do_textroom, 3), (do_streaming, 4), (do_audiobridge, 3), (do_videocall, 3),
        (do_recordplay, 2), (do_nosip, 2), (do_bad, 6), (do_ws, 4), (do_admin, 3), (do_keepalive_poll, 2)]
fns = [f for f, w in ACTS for _ in range(w)]
threads = []
for _ in range(N):
    f = random.choice(fns)
    t = threading.Thread(target=lambda f=f: (lambda: None)() if False else _run(f)) if False else None
    try: f()
    except Exception as e: print("client error", f.__name__, e, file=sys.stderr)
    time.sleep(random.uniform(0.05, 0.4))
