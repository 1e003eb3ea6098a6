#!/usr/bin/env python3
"""Minimal OpenArena (ioquake3 legacy protocol 71) client: connects, enters the game,
sends client commands from a script, then leaves (disconnect / silence / garbage)."""
import argparse, random, socket, struct, sys, time
sys.path.insert(0, __import__("os").path.dirname(__file__))
import q3huff as H

OOB = b"\xff\xff\xff\xff"
FRAG = 0x80000000

def xor_stream(buf, start, key, string):
    """Q3 netchan legacy encode/decode (symmetric)."""
    s = string.encode("latin-1", "replace")
    out = bytearray(buf); idx = 0
    for i in range(start, len(out)):
        if idx >= len(s): idx = 0
        c = s[idx] if idx < len(s) else 0
        if c > 127 or c == ord('%'):
            c = ord('.')
        key = (key ^ ((c << (i & 1)) & 0xff)) & 0xff
        idx += 1
        out[i] ^= key
    return bytes(out)

class Client:
    def __init__(self, host, port, name, verbose=False, bind_port=0, src="127.0.0.1"):
        self.addr = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((src, bind_port))
        self.sock.settimeout(0.05)
        self.name = name
        self.qport = random.randint(1, 65535)
        self.verbose = verbose
        self.challenge = 0
        self.server_id = 0
        self.out_seq = 1
        self.in_seq = 0
        self.srv_cmds = {}          # seq -> text
        self.srv_ack = 0            # highest server command seq seen
        self.my_cmds = {}           # seq -> text
        self.my_seq = 0             # last client command seq issued
        self.srv_acked_mine = 0
        self.frag = bytearray()
        self.server_time = 0
        self.got_gamestate = False
        self.printed = []

    def log(self, *a):
        if self.verbose:
            print(f"[{self.name}]", *a, flush=True)

    def oob(self, text):
        self.sock.sendto(OOB + (text.encode("latin-1") if isinstance(text, str) else text), self.addr)

    def recv_oob(self, want, timeout=3.0):
        end = time.time() + timeout
        while time.time() < end:
            try:
                data, _ = self.sock.recvfrom(65536)
            except socket.timeout:
                continue
            if data.startswith(OOB):
                txt = data[4:].decode("latin-1", "replace")
                self.log("oob:", txt[:100].replace("\n", "|"))
                if txt.startswith(want):
                    return txt
                if txt.startswith("print"):
                    self.printed.append(txt)
                    return txt
        return None

    def connect(self, protocol=71, challenge_override=None, extra=""):
        cc = random.randint(1, 2**31 - 1)
        self.oob(f"getchallenge {cc} Quake3Arena")
        r = self.recv_oob("challengeResponse")
        if not r or not r.startswith("challengeResponse"):
            return False
        self.challenge = int(r.split()[1])
        ch = self.challenge if challenge_override is None else challenge_override
        info = (f"\\challenge\\{ch}\\qport\\{self.qport}\\protocol\\{protocol}\\name\\{self.name}"
                f"\\rate\\25000\\snaps\\20\\model\\sarge\\headmodel\\sarge\\color1\\4\\color2\\5"
                f"\\handicap\\100\\sex\\male\\cl_anonymous\\0\\cg_predictItems\\1\\teamtask\\0"
                f"\\cl_guid\\{random.randrange(16**32):032X}{extra}")
        self.oob(b"connect " + H.compress(b'"' + info.encode("latin-1") + b'"'))
        r = self.recv_oob("connectResponse")
        return bool(r and r.startswith("connectResponse"))

    # ---- netchan ----
    def send_payload(self, payload_bits_writer):
        payload = payload_bits_writer.data()
        if len(payload) > 12:
            key = (self.challenge ^ self.server_id ^ self.in_seq) & 0xff
            payload = xor_stream(payload, 12, key, self.srv_cmds.get(self.srv_ack, ""))
        pkt = struct.pack("<iH", self.out_seq, self.qport) + payload
        self.out_seq += 1
        self.sock.sendto(pkt, self.addr)

    def build(self, move=True, cmds=True, bad_byte=None, skip_seq=False):
        w = H.MsgWriter()
        w.long(self.server_id)
        w.long(self.in_seq)
        w.long(self.srv_ack)
        if cmds:
            for s in range(self.srv_acked_mine + 1, self.my_seq + 1):
                w.byte(4)
                w.long(s + (5 if skip_seq else 0))
                w.string(self.my_cmds[s])
        if bad_byte is not None:
            w.byte(bad_byte)
            for _ in range(6):
                w.byte(random.randint(0, 255))
        elif move and self.got_gamestate:
            w.byte(3)          # clc_moveNoDelta
            w.byte(1)
            self.server_time += 50
            w.write_bits(0, 1)
            w.write_bits(self.server_time, 32)
            w.write_bits(0, 1)
            w.byte(5)
        else:
            w.byte(5)
        return w

    def command(self, text):
        self.my_seq += 1
        self.my_cmds[self.my_seq] = text
        self.log("cmd", self.my_seq, text)

    def handle(self, data):
        if data.startswith(OOB):
            self.log("oob:", data[4:80])
            return
        if len(data) < 4:
            return
        seq = struct.unpack("<I", data[:4])[0]
        if seq & FRAG:
            seq &= ~FRAG
            if len(data) < 8:
                return
            start, length = struct.unpack("<HH", data[4:8])
            if start == 0:
                self.frag = bytearray()
            if start != len(self.frag):
                return
            self.frag += data[8:8 + length]
            if length == 1300:
                return
            data = struct.pack("<I", seq) + bytes(self.frag)
            self.frag = bytearray()
        if seq <= self.in_seq:
            return
        self.in_seq = seq
        try:
            rd = H.MsgReader(data, 32)
            ack = rd.long()
            key = (self.challenge ^ seq) & 0xff
            plain = xor_stream(data, 8, key, self.my_cmds.get(ack, ""))
            rd = H.MsgReader(plain, 32)
            ack = rd.long()
            if 0 <= ack <= self.my_seq:
                self.srv_acked_mine = max(self.srv_acked_mine, ack)
            while True:
                op = rd.byte()
                if op == 5:
                    s = rd.long(); txt = rd.string()
                    if s not in self.srv_cmds:
                        self.log("srvcmd", s, txt[:90])
                    self.srv_cmds[s] = txt
                    if txt.startswith("cs 1 ") and "sv_serverid" in txt:
                        parts = txt.split("\\")
                        try:
                            self.server_id = int(parts[parts.index("sv_serverid") + 1])
                        except (ValueError, IndexError):
                            pass
                    if s > self.srv_ack:
                        self.srv_ack = s
                elif op == 1:
                    continue
                elif op == 2:      # gamestate
                    cs = rd.long()
                    self.srv_ack = max(self.srv_ack, cs)
                    while True:
                        c = rd.byte()
                        if c != 3:
                            break
                        idx = rd.read_bits(16)
                        txt = rd.string_big() if hasattr(rd, "string_big") else rd.string()
                        if idx == 1 and "sv_serverid" in txt:
                            parts = txt.split("\\")
                            self.server_id = int(parts[parts.index("sv_serverid") + 1])
                            self.got_gamestate = True
                            self.log("gamestate serverid", self.server_id)
                    break
                elif op == 7:
                    self.server_time = max(self.server_time, rd.long())
                    break
                else:
                    break
        except (EOFError, KeyError, ValueError, IndexError):
            pass

    def pump(self, seconds, **build_kw):
        end = time.time() + seconds
        while time.time() < end:
            try:
                while True:
                    data, _ = self.sock.recvfrom(65536)
                    self.handle(data)
            except socket.timeout:
                pass
            except OSError:
                pass
            self.send_payload(self.build(**build_kw))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--name", default="Player")
    ap.add_argument("--cmds", default="", help="';;'-separated client commands, 'sleep N' allowed")
    ap.add_argument("--end", default="disconnect", choices=["disconnect", "silent", "garbage", "skipseq", "stay"])
    ap.add_argument("--protocol", type=int, default=71)
    ap.add_argument("--badchallenge", action="store_true")
    ap.add_argument("--password", default="")
    ap.add_argument("--stay", type=float, default=0)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--src", default="127.0.0.1")
    a = ap.parse_args()
    c = Client("127.0.0.1", a.port, a.name, a.v, src=a.src)
    extra = f"\\password\\{a.password}" if a.password else ""
    if not c.connect(a.protocol, 12345 if a.badchallenge else None, extra):
        print(f"[{a.name}] connect refused: {c.printed[:1]}", flush=True)
        return 1
    c.pump(2.0)            # gamestate + enter world
    for item in [x.strip() for x in a.cmds.split(";;") if x.strip()]:
        if item.startswith("sleep "):
            c.pump(float(item.split()[1]))
            continue
        c.command(item)
        c.pump(1.3)
    if a.stay:
        c.pump(a.stay)
    if a.end == "disconnect":
        c.command("disconnect")
        c.pump(0.5)
    elif a.end == "garbage":
        c.send_payload(c.build(bad_byte=random.choice([0, 9, 17, 200])))
        c.pump(0.5)
    elif a.end == "skipseq":
        c.command("say lost")
        c.send_payload(c.build(skip_seq=True))
        time.sleep(0.5)
    # silent: just stop sending; the server times the client out
    print(f"[{a.name}] done serverid={c.server_id} srvcmds={c.srv_ack} acked={c.srv_acked_mine}", flush=True)
    return 0

if __name__ == "__main__":
    sys.exit(main())
