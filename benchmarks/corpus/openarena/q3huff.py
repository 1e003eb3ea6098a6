"""Quake 3 adaptive Huffman (port of ioquake3 huffman.c) and the static msg tree."""
import json, os, sys
sys.setrecursionlimit(10000)
NYT = 256
INTERNAL = 257

class Node:
    __slots__ = ("left", "right", "parent", "next", "prev", "head", "weight", "symbol")
    def __init__(self):
        self.left = self.right = self.parent = self.next = self.prev = None
        self.head = None
        self.weight = 0
        self.symbol = 0

class Huff:
    def __init__(self):
        n = Node(); n.symbol = NYT; n.weight = 0
        self.tree = self.lhead = n
        self.loc = {NYT: n}

    def swap(self, n1, n2):
        p1, p2 = n1.parent, n2.parent
        if p1:
            if p1.left is n1: p1.left = n2
            else: p1.right = n2
        else:
            self.tree = n2
        if p2:
            if p2.left is n2: p2.left = n1
            else: p2.right = n1
        else:
            self.tree = n1
        n1.parent = p2; n2.parent = p1

    @staticmethod
    def swaplist(n1, n2):
        p = n1.next; n1.next = n2.next; n2.next = p
        p = n1.prev; n1.prev = n2.prev; n2.prev = p
        if n1.next is n1: n1.next = n2
        if n2.next is n2: n2.next = n1
        if n1.next: n1.next.prev = n1
        if n2.next: n2.next.prev = n2
        if n1.prev: n1.prev.next = n1
        if n2.prev: n2.prev.next = n2

    def increment(self, node):
        while node is not None:
            if node.next is not None and node.next.weight == node.weight:
                lnode = node.head[0]
                if lnode is not node.parent:
                    self.swap(lnode, node)
                self.swaplist(lnode, node)
            if node.prev is not None and node.prev.weight == node.weight:
                node.head[0] = node.prev
            else:
                node.head[0] = None
            node.weight += 1
            if node.next is not None and node.next.weight == node.weight:
                node.head = node.next.head
            else:
                node.head = [node]
            if node.parent is not None:
                self.increment(node.parent)
                if node.prev is node.parent:
                    self.swaplist(node, node.parent)
                    if node.head[0] is node:
                        node.head[0] = node.parent
            return

    def add_ref(self, ch):
        if ch not in self.loc:
            t = Node(); t2 = Node()
            t2.symbol = INTERNAL; t2.weight = 1
            lh = self.lhead
            t2.next = lh.next
            if lh.next:
                lh.next.prev = t2
                if lh.next.weight == 1:
                    t2.head = lh.next.head
                else:
                    t2.head = [t2]
            else:
                t2.head = [t2]
            lh.next = t2; t2.prev = lh
            t.symbol = ch; t.weight = 1
            t.next = lh.next
            if lh.next:
                lh.next.prev = t
                if lh.next.weight == 1:
                    t.head = lh.next.head
                else:
                    t.head = [t2]
            else:
                t.head = [t]
            lh.next = t; t.prev = lh
            if lh.parent:
                if lh.parent.left is lh: lh.parent.left = t2
                else: lh.parent.right = t2
            else:
                self.tree = t2
            t2.right = t; t2.left = lh
            t2.parent = lh.parent
            lh.parent = t.parent = t2
            self.loc[ch] = t
            self.increment(t2.parent)
        else:
            self.increment(self.loc[ch])

    def code(self, ch):
        node = self.loc[ch]; bits = []
        while node.parent is not None:
            bits.append(1 if node.parent.right is node else 0)
            node = node.parent
        return bits[::-1]

class BitWriter:
    def __init__(self):
        self.bits = []
    def put(self, b):
        self.bits.append(b)
    def data(self):
        out = bytearray((len(self.bits) + 7) // 8)
        for i, b in enumerate(self.bits):
            if b: out[i >> 3] |= 1 << (i & 7)
        return bytes(out)

def compress(data: bytes) -> bytes:
    """Huff_Compress: 2-byte big-endian length, then adaptive codes."""
    h = Huff(); w = BitWriter()
    for ch in data:
        if ch not in h.loc:
            for b in h.code(NYT): w.put(b)
            for i in range(7, -1, -1): w.put((ch >> i) & 1)
        else:
            for b in h.code(ch): w.put(b)
        h.add_ref(ch)
    body = w.data()
    need = (len(w.bits) + 8) >> 3
    body = (body + b"\0" * need)[:need]
    return bytes([len(data) >> 8, len(data) & 0xff]) + body

_HERE = os.path.dirname(os.path.abspath(__file__))
_CACHE = os.path.join(_HERE, "msgcodes.json")
MSG_HDATA = None

def msg_codes():
    """Static msg tree codes: {symbol: [bits]} and a decode trie."""
    if os.path.exists(_CACHE):
        codes = {int(k): v for k, v in json.load(open(_CACHE)).items()}
    else:
        from q3hdata import HDATA
        h = Huff()
        for i in range(256):
            for _ in range(HDATA[i]):
                h.add_ref(i)
        codes = {i: h.code(i) for i in range(256)}
        json.dump(codes, open(_CACHE, "w"))
    trie = {}
    for sym, bits in codes.items():
        t = trie
        for b in bits[:-1]:
            t = t.setdefault(b, {})
        t[bits[-1]] = sym
    return codes, trie

CODES, TRIE = None, None

def _init():
    global CODES, TRIE
    if CODES is None:
        CODES, TRIE = msg_codes()

class MsgWriter:
    """MSG_* bit writer with huffman bytes (non-oob)."""
    def __init__(self):
        _init(); self.bits = []
    def write_bits(self, value, bits):
        value &= (0xffffffff >> (32 - bits))
        nb = bits & 7
        for _ in range(nb):
            self.bits.append(value & 1); value >>= 1
        bits -= nb
        for _ in range(0, bits, 8):
            self.bits.extend(CODES[value & 0xff]); value >>= 8
    def byte(self, v): self.write_bits(v, 8)
    def long(self, v): self.write_bits(v & 0xffffffff, 32)
    def string(self, s):
        for c in s.encode("latin-1", "replace"):
            self.byte(c)
        self.byte(0)
    def data(self):
        out = bytearray(len(self.bits) // 8 + 1)
        for i, b in enumerate(self.bits):
            if b: out[i >> 3] |= 1 << (i & 7)
        return bytes(out)

class MsgReader:
    def __init__(self, data, bitpos=0):
        _init(); self.d = data; self.pos = bitpos
    def bit(self):
        if (self.pos >> 3) >= len(self.d): raise EOFError
        b = (self.d[self.pos >> 3] >> (self.pos & 7)) & 1
        self.pos += 1; return b
    def hbyte(self):
        t = TRIE
        while True:
            t = t[self.bit()]
            if isinstance(t, int): return t
    def read_bits(self, bits):
        value = 0; nb = bits & 7; shift = 0
        for i in range(nb):
            value |= self.bit() << i
        shift = nb
        for _ in range(0, bits - nb, 8):
            value |= self.hbyte() << shift; shift += 8
        return value
    def byte(self): return self.read_bits(8)
    def long(self):
        v = self.read_bits(32)
        return v - (1 << 32) if v & 0x80000000 else v
    def string(self):
        out = bytearray()
        while True:
            c = self.byte()
            if c == 0 or c == 0xff: break
            out.append(c)
            if len(out) > 16384: break
        return out.decode("latin-1")
