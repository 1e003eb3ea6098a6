#!/usr/bin/python3
"""Raw MUNGE client used by workload.sh: speaks the munged socket protocol
(message version 4) to send valid, malformed, retried, crafted and replayed
encode/decode requests.

usage: munge_client.py SOCKET KEYFILE COUNT
Runs COUNT randomly chosen requests against the daemon on SOCKET.  KEYFILE is
the daemon's key, used to forge credentials with a valid MAC but bad contents
(rewound, expired, truncated fields, bad origin address length, ...).
"""
import base64
import hashlib
import hmac
import random
import socket
import struct
import sys
import time

MAGIC = 0x00606D4B
VERSION = 4
ENC_REQ, ENC_RSP, DEC_REQ, DEC_RSP, AUTH_FD_REQ = 2, 3, 4, 5, 6
UID_ANY = 0xFFFFFFFF
MACS = {2: hashlib.md5, 3: hashlib.sha1, 4: "ripemd160", 5: hashlib.sha256, 6: hashlib.sha512}


def hdr(mtype, length, retry=0, magic=MAGIC, version=VERSION):
    return struct.pack(">IBBBI", magic, version, mtype, retry, length)


def talk(sock_path, payload, close_early=False, pause=0.0, read=True):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(sock_path)
    out = b""
    try:
        if payload:
            s.sendall(payload)
        if pause:
            time.sleep(pause)
        if close_early:
            s.close()
            return b""
        if read:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
    except OSError:
        pass
    s.close()
    return out


def enc_body(cipher=1, mac=1, zipt=1, ttl=0, auth_uid=UID_ANY, auth_gid=UID_ANY, data=b"", realm=b""):
    return (struct.pack(">BBBB", cipher, mac, zipt, len(realm)) + realm +
            struct.pack(">IIII", ttl, auth_uid, auth_gid, len(data)) + data)


def dec_body(cred):
    if isinstance(cred, str):
        cred = cred.encode()
    cred += b"\0"
    return struct.pack(">I", len(cred)) + cred


def encode(sock_path, **kw):
    body = enc_body(**kw)
    rsp = talk(sock_path, hdr(ENC_REQ, len(body)) + body)
    # ENC_RSP body: error_num, error_len, error_str, data_len, data
    if len(rsp) < 11 + 2:
        return None
    b = rsp[11:]
    err, elen = b[0], b[1]
    if err:
        return None
    p = 2 + elen
    (dlen,) = struct.unpack(">I", b[p:p + 4])
    return b[p + 4:p + 4 + dlen].rstrip(b"\0").decode()


def decode(sock_path, cred, retry=0, close_early=False):
    body = dec_body(cred)
    return talk(sock_path, hdr(DEC_REQ, len(body), retry=retry) + body, close_early=close_early)


class Forger:
    def __init__(self, keyfile):
        with open(keyfile, "rb") as f:
            key = f.read()
        self.mac_key = hashlib.sha1(key + b"2").digest()

    def cred(self, mac=5, zipt=0, time0=None, ttl=300, uid=0, gid=0, auth_uid=UID_ANY,
             auth_gid=UID_ANY, data=b"", addr_len=4, truncate=None, version=3, cipher=0,
             inner=None, realm=b""):
        outer = struct.pack(">BBBBB", version, cipher, mac, zipt, len(realm)) + realm
        if inner is None:
            if time0 is None:
                time0 = int(time.time())
            inner = bytes(random.getrandbits(8) for _ in range(8))
            inner += bytes([addr_len]) + bytes([127, 0, 0, 1])[:max(0, min(addr_len, 4))]
            if addr_len not in (0, 4):
                inner += b"\0" * (addr_len - min(addr_len, 4))
            inner += struct.pack(">IIIIIII", time0 & 0xFFFFFFFF, ttl, uid, gid, auth_uid, auth_gid, len(data))
            inner += data
        if truncate is not None:
            inner = inner[:truncate]
        digest = MACS.get(mac, hashlib.sha256)
        tag = hmac.new(self.mac_key, outer + inner, digest).digest()
        return "MUNGE:" + base64.b64encode(outer + tag + inner).decode() + ":"

    def raw(self, outer):
        return "MUNGE:" + base64.b64encode(outer).decode() + ":"


def run(sock_path, keyfile, count):
    f = Forger(keyfile)
    now = lambda: int(time.time())
    good_creds = []

    def fresh():
        c = encode(sock_path, data=b"payload-%d" % random.randint(0, 99999),
                   ttl=random.choice([0, 60, 300, 900]))
        if c:
            good_creds.append(c)
        return c

    actions = {
        # real encode/decode round trips (no log line on success)
        "roundtrip": lambda: decode(sock_path, fresh() or ""),
        # replayed credential
        "replay": lambda: [decode(sock_path, c) for c in [fresh()] * random.randint(2, 4) if c],
        "replay_old": lambda: decode(sock_path, random.choice(good_creds)) if good_creds else None,
        # decode retried by a client
        "retry": lambda: decode(sock_path, fresh() or "", retry=random.randint(1, 5)),
        "retry_replay": lambda: [decode(sock_path, c, retry=r) for c in [fresh()] if c for r in (0, random.randint(1, 5))],
        "retry_exceeded": lambda: decode(sock_path, fresh() or "", retry=random.randint(6, 9)),
        "enc_retry": lambda: talk(sock_path, hdr(ENC_REQ, len(enc_body()), retry=random.randint(1, 5)) + enc_body()),
        "enc_retry_exceeded": lambda: talk(sock_path, hdr(ENC_REQ, len(enc_body()), retry=random.randint(6, 12)) + enc_body()),
        # bad encode requests
        "enc_bad_cipher": lambda: (lambda b: talk(sock_path, hdr(ENC_REQ, len(b)) + b))(enc_body(cipher=random.choice([6, 9, 42]))),
        "enc_mac_cipher": lambda: (lambda b: talk(sock_path, hdr(ENC_REQ, len(b)) + b))(enc_body(cipher=5, mac=2)),
        # crafted credentials (valid MAC, cipher none)
        "rewound": lambda: decode(sock_path, f.cred(time0=now() + random.randint(400, 5000))),
        "expired": lambda: decode(sock_path, f.cred(time0=now() - random.randint(400, 5000), ttl=60)),
        "expired_noaddr": lambda: decode(sock_path, f.cred(time0=now() - 1000, ttl=30, addr_len=0)),
        "forged_ok": lambda: decode(sock_path, f.cred(data=b"forged")),
        "bad_addr_len": lambda: decode(sock_path, f.cred(addr_len=random.choice([6, 16]))),
        "unauth_uid": lambda: decode(sock_path, f.cred(auth_uid=random.randint(1000, 60000))),
        "unauth_gid": lambda: decode(sock_path, f.cred(auth_gid=random.randint(1000, 60000))),
        "truncated_inner": lambda: decode(sock_path, f.cred(truncate=random.choice([4, 8, 9, 11, 14, 18, 22, 26, 30, 34, 38]))),
        "truncated_data": lambda: decode(sock_path, f.cred(data=b"0123456789abcdef", truncate=50)),
        "bad_zip_data": lambda: decode(sock_path, f.cred(zipt=random.choice([2, 3]))),
        "bad_mac_type": lambda: decode(sock_path, f.raw(bytes([3, 0, random.choice([0, 7, 9]), 0, 0]) + b"\0" * 40)),
        "bad_zip_type": lambda: decode(sock_path, f.raw(bytes([3, 0, 5, random.choice([4, 7]), 0]) + b"\0" * 40)),
        "bad_version": lambda: decode(sock_path, f.raw(bytes([random.choice([1, 2, 4, 9])]) + b"\x04\x05\0\0" + b"\0" * 40)),
        "truncated_outer": lambda: decode(sock_path, f.raw(bytes([3, 4, 5, 0, 0])[:random.randint(1, 4)])),
        "truncated_realm": lambda: decode(sock_path, f.raw(bytes([3, 0, 5, 0, 40]) + b"realm")),
        "truncated_mac": lambda: decode(sock_path, f.raw(bytes([3, 0, random.choice([2, 3, 5, 6]), 0, 0]) + b"\x07" * random.randint(1, 15))),
        "truncated_iv": lambda: decode(sock_path, f.raw(bytes([3, 4, 5, 0, 0]) + b"\x01\x02\x03")),
        "empty_b64": lambda: decode(sock_path, "MUNGE::"),
        "wrong_mac": lambda: decode(sock_path, (lambda c: c[:20] + ("A" if c[20] != "A" else "B") + c[21:])(fresh() or f.cred())),
        # armor problems
        "no_prefix": lambda: decode(sock_path, random.choice(["hello world", "MUNG:abc:", "garbage-%d" % random.randint(0, 9999)])),
        "no_suffix": lambda: decode(sock_path, "MUNGE:AwQFAAB" + "x" * random.randint(5, 40)),
        "bad_base64": lambda: decode(sock_path, "MUNGE:!!@@##$$%%^^&&:"),
        "blank": lambda: decode(sock_path, "   \n  "),
        "empty_req": lambda: talk(sock_path, hdr(DEC_REQ, 4) + struct.pack(">I", 0)),
        # protocol problems
        "bad_magic": lambda: talk(sock_path, hdr(DEC_REQ, 5, magic=random.randint(1, 0xFFFFFF)) + b"\0" * 5),
        "bad_msg_version": lambda: talk(sock_path, hdr(DEC_REQ, 5, version=random.choice([1, 2, 3, 5, 9])) + b"\0" * 5),
        "short_header": lambda: talk(sock_path, hdr(DEC_REQ, 5)[:random.randint(1, 10)], pause=0.1, read=False),
        "short_body": lambda: talk(sock_path, hdr(DEC_REQ, 100) + b"\0\0\0\x50abc", pause=0.1, read=False),
        "too_long": lambda: talk(sock_path, hdr(DEC_REQ, random.choice([1048577, 5000000, 0x7fffffff]))),
        "bad_type": lambda: talk(sock_path, hdr(random.choice([9, 17, 200]), 4) + b"\0\0\0\0"),
        "rsp_type": lambda: talk(sock_path, hdr(ENC_RSP, 6) + b"\0\0\0\0\0\0"),
        "auth_fd_type": lambda: talk(sock_path, hdr(AUTH_FD_REQ, 8) + b"\0\0\0\0\0\0\0\0"),
        "bad_body": lambda: talk(sock_path, hdr(DEC_REQ, 6) + struct.pack(">I", 999) + b"xy"),
        "hang_up": lambda: decode(sock_path, fresh() or "", close_early=True),
        "idle": lambda: talk(sock_path, b"", pause=2.3, read=False),
        "idle_body": lambda: talk(sock_path, hdr(DEC_REQ, 64) + b"\0\0", pause=2.3, read=False),
    }
    weights = {"roundtrip": 3, "replay": 4, "retry": 2, "idle": 0.2, "idle_body": 0.2,
               "truncated_inner": 3, "no_prefix": 2}
    names = list(actions)
    w = [weights.get(n, 1) for n in names]
    only = sys.argv[4] if len(sys.argv) > 4 else None
    for _ in range(count):
        name = only or random.choices(names, weights=w)[0]
        try:
            actions[name]()
        except (OSError, IndexError) as e:
            print("client:", name, e, file=sys.stderr)


if __name__ == "__main__":
    random.seed()
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]))
