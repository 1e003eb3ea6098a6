#!/usr/bin/env python3
"""Minimal Quassel DataStream-protocol client (QDataStream serialisation written by hand)
used by workload.sh to drive quasselcore: setup, logins, networks, IRC input, garbage."""
import random, socket, struct, sys, time, datetime

CORE = ("127.0.0.1", 34200)

class UT:  # a Quassel user type value
    def __init__(self, name, payload):
        self.name, self.payload = name, payload

# ---------- serialisation ----------
def s_u32(v): return struct.pack(">I", v & 0xffffffff)
def s_i32(v): return struct.pack(">i", v)
def s_str(v):
    if v is None: return s_u32(0xffffffff)
    b = v.encode("utf-16-be"); return s_u32(len(b)) + b
def s_bytes(v): return s_u32(len(v)) + v
def s_strlist(l): return s_u32(len(l)) + b"".join(s_str(x) for x in l)
def s_map(m): return s_u32(len(m)) + b"".join(s_str(k) + s_var(v) for k, v in m.items())
def s_list(l): return s_u32(len(l)) + b"".join(s_var(x) for x in l)
def s_var(v):
    if isinstance(v, bool): return s_u32(1) + b"\0" + (b"\1" if v else b"\0")
    if isinstance(v, int): return s_u32(2) + b"\0" + s_i32(v)
    if isinstance(v, str): return s_u32(10) + b"\0" + s_str(v)
    if isinstance(v, bytes): return s_u32(12) + b"\0" + s_bytes(v)
    if isinstance(v, dict): return s_u32(8) + b"\0" + s_map(v)
    if isinstance(v, tuple): return s_u32(11) + b"\0" + s_strlist(list(v))  # tuple = QStringList
    if isinstance(v, list): return s_u32(9) + b"\0" + s_list(v)
    if isinstance(v, UT): return s_u32(127) + b"\0" + s_bytes(v.name.encode() + b"\0") + v.payload
    if isinstance(v, datetime.datetime):
        jd = v.toordinal() + 1721425; ms = ((v.hour * 60 + v.minute) * 60 + v.second) * 1000
        return s_u32(16) + b"\0" + s_u32(jd) + s_u32(ms) + b"\1"
    raise TypeError(v)
def uint(v): return UTRaw(3, s_u32(v))
class UTRaw:
    def __init__(self, t, b): self.t, self.b = t, b
_old_s_var = s_var
def s_var(v):
    if isinstance(v, UTRaw): return s_u32(v.t) + b"\0" + v.b
    return _old_s_var(v)

def netid(n): return UT("NetworkId", s_i32(n))
def identid(n): return UT("IdentityId", s_i32(n))
def bufinfo(bid, nid, btype, name): return UT("BufferInfo", s_i32(bid) + s_i32(nid) + struct.pack(">h", btype) + s_u32(0) + s_bytes(name.encode()))

# ---------- deserialisation (enough for what the core sends us) ----------
class R:
    def __init__(self, b): self.b, self.i = b, 0
    def take(self, n):
        if self.i + n > len(self.b): raise ValueError("short")
        x = self.b[self.i:self.i + n]; self.i += n; return x
    def u32(self): return struct.unpack(">I", self.take(4))[0]
    def i32(self): return struct.unpack(">i", self.take(4))[0]
    def bytes_(self):
        n = self.u32()
        return b"" if n == 0xffffffff else self.take(n)
    def str_(self):
        n = self.u32()
        return None if n == 0xffffffff else self.take(n).decode("utf-16-be", "replace")
    def var(self):
        t = self.u32(); self.take(1)
        if t == 127:
            name = self.bytes_().rstrip(b"\0").decode()
            return self.user(name)
        return self.typed(t)
    def typed(self, t):
        if t == 0: return None
        if t == 1: return self.take(1) != b"\0"
        if t == 2: return self.i32()
        if t == 3: return self.u32()
        if t == 7: return self.take(2)
        if t == 8: return {self.str_(): self.var() for _ in range(self.u32())}
        if t == 9: return [self.var() for _ in range(self.u32())]
        if t == 10: return self.str_()
        if t == 11: return [self.str_() for _ in range(self.u32())]
        if t == 12: return self.bytes_()
        if t == 14: return self.u32()
        if t == 15: return self.u32()
        if t == 16: self.u32(); self.u32(); self.take(1); return "datetime"
        if t in (129, 132): return self.take(8)
        if t in (130, 133): return self.take(2)
        if t in (131, 134): return self.take(1)
        if t == 138: return self.var()
        raise ValueError("type %d" % t)
    def user(self, name):
        if name in ("BufferId", "IdentityId", "NetworkId", "MsgId"): return self.i32()
        if name == "BufferInfo":
            bid = self.i32(); nid = self.i32(); bt = struct.unpack(">h", self.take(2))[0]; self.u32(); nm = self.bytes_().decode("utf-8", "replace")
            return ("BufferInfo", bid, nid, bt, nm)
        if name in ("Identity", "NetworkInfo", "Network::Server"): return self.typed(8)
        if name == "Message":
            self.i32(); self.u32(); self.u32(); self.take(1); self.user("BufferInfo"); self.bytes_(); self.bytes_(); return "msg"
        raise ValueError("user type " + name)

class Client:
    def __init__(self, addr=CORE, timeout=5):
        self.s = socket.create_connection(addr, timeout=timeout)
        self.buf = b""
        self.networks = {}
        self.buffers = []
    def close(self):
        try: self.s.close()
        except OSError: pass
    def raw(self, b):
        try: self.s.sendall(b)
        except OSError: pass
    def probe(self, magic=0x42b33f00, protos=(0x80000002,)):
        self.raw(s_u32(magic) + b"".join(s_u32(p) for p in protos))
        return self.s.recv(4)
    def send_list(self, items):
        payload = s_list(items)
        self.raw(s_u32(len(payload)) + payload)
    def send_hs(self, m):
        items = []
        for k, v in m.items():
            items += [k.encode(), v]
        self.send_list(items)
    def recv_msg(self, timeout=5.0):
        self.s.settimeout(timeout)
        while True:
            if len(self.buf) >= 4:
                n = struct.unpack(">I", self.buf[:4])[0]
                if len(self.buf) >= 4 + n:
                    m = self.buf[4:4 + n]; self.buf = self.buf[4 + n:]
                    return m
            d = self.s.recv(65536)
            if not d: raise EOFError("closed")
            self.buf += d
    def recv_hs(self, timeout=20.0):
        r = R(self.recv_msg(timeout)); l = r.typed(9)
        return {l[i].decode() if isinstance(l[i], bytes) else l[i]: l[i + 1] for i in range(0, len(l) - 1, 2)}
    def pump(self, seconds):
        """read and answer heart beats, note created networks, for some seconds"""
        end = time.time() + seconds
        while time.time() < end:
            try:
                m = self.recv_msg(max(0.05, end - time.time()))
            except socket.timeout:
                break
            except (EOFError, OSError):
                return False
            if m[:13] == s_u32(2) + s_u32(2) + b"\0" + s_u32(5):  # HeartBeat -> HeartBeatReply
                self.raw(s_u32(len(m)) + m[:9] + s_u32(6) + m[13:])
                continue
            try:
                l = R(m).typed(9)
            except Exception:
                continue
            if l and l[0] == 2 and l[1] == b"2networkCreated(NetworkId)":
                self.networks[l[2]] = True
        return True
    # --- handshake ---
    def init(self, features=(), legacy_features=0, version="v0.14.0"):
        self.send_hs({"MsgType": "ClientInit", "ClientVersion": version, "ClientDate": "Dec 06 2026 12:00:00",
                      "Features": uint(legacy_features), "FeatureList": tuple(features)})
        return self.recv_hs()
    def setup(self, user, pw, backend="SQLite", auth="Database"):
        self.send_hs({"MsgType": "CoreSetupData", "SetupData": {"AdminUser": user, "AdminPasswd": pw, "Backend": backend,
                      "ConnectionProperties": {}, "Authenticator": auth, "AuthProperties": {}}})
        return self.recv_hs()
    def login(self, user, pw):
        self.send_hs({"MsgType": "ClientLogin", "User": user, "Password": pw})
        ack = self.recv_hs()
        if ack.get("MsgType") != "ClientLoginAck":
            return ack, None
        st = self.recv_hs(15)
        ss = st.get("SessionState", {})
        for n in ss.get("NetworkIds", []) or []:
            self.networks[n] = True
        self.buffers = ss.get("BufferInfos", []) or []
        return ack, ss
    # --- signal proxy ---
    def rpc(self, sig, *params): self.send_list([2, sig.encode()] + list(params))
    def sync(self, cls, obj, slot, *params): self.send_list([1, cls.encode(), obj.encode(), slot.encode()] + list(params))
    def initreq(self, cls, obj): self.send_list([3, cls.encode(), obj.encode()])
    def create_identity(self, name, nick):
        ident = {"identityId": identid(-1), "identityName": name, "realName": name + " Real", "nicks": (nick, nick + "_"),
                 "awayNick": "", "awayNickEnabled": False, "awayReason": "away", "awayReasonEnabled": True,
                 "autoAwayEnabled": False, "autoAwayTime": 10, "autoAwayReason": "idle", "autoAwayReasonEnabled": False,
                 "detachAwayEnabled": random.choice([True, False]), "detachAwayReason": "detached", "detachAwayReasonEnabled": True,
                 "ident": nick, "kickReason": "kicked", "partReason": "parting", "quitReason": "quitting"}
        self.rpc("2createIdentity(Identity,QVariantMap)", UT("Identity", s_map(ident)), {})
    def create_network(self, name, identity, servers, chans, **kw):
        sl = [UT("Network::Server", s_map({"Host": h, "Port": uint(p), "Password": "", "UseSSL": False, "sslVerify": False,
              "sslVersion": 0, "UseProxy": False, "ProxyType": 0, "ProxyHost": kw.get("proxyhost", "127.0.0.1"), "ProxyPort": uint(0),
              "ProxyUser": "u", "ProxyPass": "p"})) for h, p in servers]
        info = {"NetworkId": netid(-1), "NetworkName": name, "Identity": identid(identity), "CodecForServer": b"",
                "CodecForEncoding": b"", "CodecForDecoding": b"", "ServerList": sl, "UseRandomServer": False,
                "Perform": tuple(kw.get("perform", ())), "SkipCaps": (), "UseAutoIdentify": False, "AutoIdentifyService": "NickServ",
                "AutoIdentifyPassword": "", "UseSasl": kw.get("sasl", False), "SaslAccount": "acct", "SaslPassword": "pw",
                "UseAutoReconnect": True, "AutoReconnectInterval": uint(kw.get("reconnect", 3)), "AutoReconnectRetries": 5,
                "UnlimitedReconnectRetries": False, "RejoinChannels": True, "UseCustomMessageRate": False,
                "MessageRateBurstSize": uint(5), "MessageRateDelay": uint(2200), "UnlimitedMessageRate": False}
        self.rpc("2createNetwork(NetworkInfo,QStringList)", UT("NetworkInfo", s_map(info)), tuple(chans))
    def input(self, nid, text, target=""):
        btype = 1 if not target else (2 if target.startswith("#") else 4)
        self.rpc("2sendInput(BufferInfo,QString)", bufinfo(0, nid, btype, target), text)
