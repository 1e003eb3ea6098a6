#!/usr/bin/env python3
# minimal Cube 2 client over libenet (ctypes): connect, optionally N_CONNECT, chat, misbehave
import ctypes, ctypes.util, random, sys, time
enet = ctypes.CDLL("libenet.so.7")
class Addr(ctypes.Structure):
    _fields_ = [("host", ctypes.c_uint32), ("port", ctypes.c_uint16)]
class Packet(ctypes.Structure):
    _fields_ = [("refcount", ctypes.c_size_t), ("flags", ctypes.c_uint32),
                ("data", ctypes.POINTER(ctypes.c_uint8)), ("len", ctypes.c_size_t)]
class Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("peer", ctypes.c_void_p), ("channel", ctypes.c_uint8),
                ("data", ctypes.c_uint32), ("packet", ctypes.POINTER(Packet))]
enet.enet_host_create.restype = ctypes.c_void_p
enet.enet_host_create.argtypes = [ctypes.POINTER(Addr), ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_uint32]
enet.enet_host_connect.restype = ctypes.c_void_p
enet.enet_host_connect.argtypes = [ctypes.c_void_p, ctypes.POINTER(Addr), ctypes.c_size_t, ctypes.c_uint32]
enet.enet_host_service.argtypes = [ctypes.c_void_p, ctypes.POINTER(Event), ctypes.c_uint32]
enet.enet_packet_create.restype = ctypes.c_void_p
enet.enet_packet_create.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32]
enet.enet_peer_send.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_void_p]
enet.enet_peer_disconnect.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
enet.enet_peer_reset.argtypes = [ctypes.c_void_p]
enet.enet_host_flush.argtypes = [ctypes.c_void_p]
enet.enet_host_destroy.argtypes = [ctypes.c_void_p]
enet.enet_packet_destroy.argtypes = [ctypes.c_void_p]
enet.enet_address_set_host.argtypes = [ctypes.POINTER(Addr), ctypes.c_char_p]

def putint(n):
    if -0x80 < n < 0x80: return bytes([n & 0xff])
    if -0x8000 <= n < 0x8000: return bytes([0x80]) + (n & 0xffff).to_bytes(2, "little")
    return bytes([0x81]) + (n & 0xffffffff).to_bytes(4, "little")
def putstr(s):
    return b"".join(putint(ord(c)) for c in s) + b"\0"

class Client:
    def __init__(self, port, bindip=None):
        la = None
        if bindip:
            la = Addr(); enet.enet_address_set_host(ctypes.byref(la), bindip.encode()); la.port = 0
        self.host = enet.enet_host_create(ctypes.byref(la) if la else None, 1, 3, 0, 0)
        a = Addr(); enet.enet_address_set_host(ctypes.byref(a), b"127.0.0.1"); a.port = port
        self.peer = enet.enet_host_connect(self.host, ctypes.byref(a), 3, 0)
        self.connected = False
    def pump(self, secs):
        end = time.time() + secs
        ev = Event()
        while time.time() < end:
            r = enet.enet_host_service(self.host, ctypes.byref(ev), 20)
            if r > 0:
                if ev.type == 1: self.connected = True
                elif ev.type == 2: self.connected = False; return False
                elif ev.type == 3: enet.enet_packet_destroy(ev.packet)
        return True
    def send(self, chan, data, reliable=True):
        pk = enet.enet_packet_create(data, len(data), 1 if reliable else 0)
        enet.enet_peer_send(self.peer, chan, pk)
        enet.enet_host_flush(self.host)
    def close(self, graceful=True):
        if graceful:
            enet.enet_peer_disconnect(self.peer, 0); self.pump(0.5)
        else:
            enet.enet_peer_reset(self.peer)
        enet.enet_host_destroy(self.host)

N_CONNECT, N_TEXT, N_SAYTEAM_GUESS = 0, 5, None
WORDS = "hello gg anyone here nice map lag again rematch brb lol ctf insta who is admin ok".split()
NAMES = ["alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy", "victor", "walter"]

def main():
    port = int(sys.argv[1]); action = sys.argv[2]
    rnd = random.Random()
    bindip = sys.argv[3] if len(sys.argv) > 3 else None
    enet.enet_initialize()
    c = Client(port, bindip)
    if not c.pump(1.0) and not c.connected:
        return
    name = rnd.choice(NAMES) + str(rnd.randint(1, 999))
    if action in ("chat", "badpass", "garbage", "chatabort", "overread"):
        pwd = "wrong%d" % rnd.randint(1, 99) if action == "badpass" else ""
        c.send(1, putint(N_CONNECT) + putstr(name) + putint(rnd.randint(0, 4)) + putstr(pwd) + putstr("") + putstr(""))
        if not c.pump(0.5): return
        if action in ("chat", "chatabort", "garbage", "overread"):
            for i in range(rnd.randint(0, 6)):
                msg = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 5)))
                c.send(1, putint(N_TEXT) + putstr(msg))
                if not c.pump(rnd.uniform(0.05, 0.4)): return
        if action == "garbage":
            c.send(1, putint(rnd.choice([117, 200, 250, 300])) + b"\x01\x02")
            c.pump(0.5)
        if action == "overread":
            c.send(1, putint(N_TEXT) + b"abc")
            c.pump(0.5)
        c.close(graceful=(action != "chatabort"))
    elif action == "idle":       # never send N_CONNECT: server times us out
        c.pump(17)
        c.close()
    elif action == "junk":       # pre-connect garbage message
        c.send(1, putint(rnd.randint(20, 60)) + b"\x05")
        c.pump(0.5); c.close()
    elif action == "quick":
        c.pump(rnd.uniform(0.1, 0.5)); c.close()
if __name__ == "__main__":
    main()
