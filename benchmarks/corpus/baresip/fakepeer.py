"""Minimal fake SIP registrar/UAS/UAC for driving baresip (stdlib only, no logging)."""
import random, socket, sys, threading, time, re, hashlib

HOST = "127.0.0.1"; PORT = int(sys.argv[1]); CTRL = int(sys.argv[2]); UA = (HOST, int(sys.argv[3]))
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else None)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); sock.bind((HOST, PORT))
ctrl = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); ctrl.bind((HOST, CTRL))
dialogs = {}  # call-id -> (to-tag, from hdr, to hdr, remote contact)
lock = threading.Lock()

def hdr(msg, name, short=None):
    for line in msg.split("\r\n")[1:]:
        if not line: break
        k, _, v = line.partition(":")
        if k.strip().lower() in (name.lower(), (short or "").lower()):
            return v.strip()
    return ""

def hdrs(msg, name, short=None):
    out = []
    for line in msg.split("\r\n")[1:]:
        if not line: break
        k, _, v = line.partition(":")
        if k.strip().lower() in (name.lower(), (short or "").lower()):
            out.append(v.strip())
    return out

def sdp(port):
    return ("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            f"m=audio {port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n")

def send(data, addr):
    sock.sendto(data.encode(), addr)

def reply(req, addr, code, reason, extra="", body="", totag=None):
    to = hdr(req, "To", "t")
    if totag and "tag=" not in to:
        to += f";tag={totag}"
    lines = [f"SIP/2.0 {code} {reason}"]
    lines += [f"Via: {v}" for v in hdrs(req, "Via", "v")]
    lines += [f"From: {hdr(req, 'From', 'f')}", f"To: {to}", f"Call-ID: {hdr(req, 'Call-ID', 'i')}",
              f"CSeq: {hdr(req, 'CSeq')}", "Server: fakepeer/0.1"]
    if extra: lines.append(extra)
    if body: lines.append("Content-Type: application/sdp")
    lines.append(f"Content-Length: {len(body.encode())}")
    send("\r\n".join(lines) + "\r\n\r\n" + body, addr)

nonce_ctr = [0]
def challenge(req, addr, proxy=False):
    nonce_ctr[0] += 1
    nonce = hashlib.md5(str(nonce_ctr[0]).encode()).hexdigest()
    h = "Proxy-Authenticate" if proxy else "WWW-Authenticate"
    reply(req, addr, 407 if proxy else 401, "Proxy Authentication Required" if proxy else "Unauthorized",
          f'{h}: Digest realm="fake.test", nonce="{nonce}", algorithm=MD5, qop="auth"', totag="t%d" % random.randint(1, 1 << 30))

def on_register(req, addr):
    user = re.search(r"sip:([^@>;]+)@", hdr(req, "To", "t"))
    user = user.group(1) if user else "?"
    auth = hdr(req, "Authorization")
    r = random.random()
    if r < 0.05: return                                  # drop: timeout
    if r < 0.1: return reply(req, addr, 503, "Service Unavailable", "Retry-After: 5")
    if not auth: return challenge(req, addr)
    if user == "bob" or r < 0.15: return reply(req, addr, 403, "Forbidden", totag="x1")
    exp = hdr(req, "Expires") or "30"
    if r < 0.25: exp = "0"  # weird registrar
    contact = hdr(req, "Contact", "m")
    reply(req, addr, 200, "OK", f"Contact: {contact};expires={exp}", totag="r%d" % random.randint(1, 1 << 30))

def on_invite(req, addr):
    cid = hdr(req, "Call-ID", "i")
    if hdr(req, "To", "t").find("tag=") >= 0:        # re-INVITE
        return reply(req, addr, 200, "OK", f"Contact: <sip:peer@{HOST}:{PORT}>", body=sdp(39690))
    r = random.random()
    if r < 0.12 and not hdr(req, "Proxy-Authorization"):
        return challenge(req, addr, proxy=True)
    tag = "c%d" % random.randint(1, 1 << 30)
    reply(req, addr, 100, "Trying")
    def later():
        time.sleep(random.uniform(0.1, 1.0))
        if random.random() < 0.7:
            reply(req, addr, 180, "Ringing", totag=tag)
        time.sleep(random.uniform(0.2, 2.0))
        x = random.random()
        if x < 0.5:
            with lock: dialogs[cid] = ("in", req, addr, tag)
            reply(req, addr, 200, "OK", f"Contact: <sip:peer@{HOST}:{PORT}>", body=sdp(random.choice([39690, 39692, 39694])), totag=tag)
        elif x < 0.6: reply(req, addr, 486, "Busy Here", totag=tag)
        elif x < 0.7: reply(req, addr, 404, "Not Found", totag=tag)
        elif x < 0.78: reply(req, addr, 603, "Decline", totag=tag)
        elif x < 0.85: reply(req, addr, 488, "Not Acceptable Here", totag=tag)
        elif x < 0.92: reply(req, addr, 480, "Temporarily Unavailable", "Retry-After: 60", totag=tag)
        else: pass                                        # never answers
    threading.Thread(target=later, daemon=True).start()

def on_request(msg, addr):
    method = msg.split(" ", 1)[0]
    if method == "REGISTER": on_register(msg, addr)
    elif method == "INVITE": on_invite(msg, addr)
    elif method == "ACK": pass
    elif method in ("BYE", "CANCEL"):
        reply(msg, addr, 200, "OK")
    elif method == "OPTIONS":
        reply(msg, addr, 200, "OK", "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, MESSAGE")
    elif method == "MESSAGE":
        reply(msg, addr, random.choice([200, 202, 404, 415]), "Whatever")
    elif method in ("SUBSCRIBE", "PUBLISH"):
        r = random.random()
        if r < 0.4: reply(msg, addr, 489, "Bad Event")
        elif r < 0.6: reply(msg, addr, 405, "Method Not Allowed")
        else: reply(msg, addr, 200, "OK", f"Expires: 60\r\nContact: <sip:peer@{HOST}:{PORT}>", totag="s1")
    else:
        reply(msg, addr, 501, "Not Implemented")

out_calls = {}
def uac(kind, user):
    cid = "%x@fakepeer" % random.getrandbits(48)
    tag = "p%d" % random.randint(1, 1 << 30)
    branch = "z9hG4bK%x" % random.getrandbits(40)
    target = f"sip:{user}@{UA[0]}:{UA[1]}"
    base = [f"Via: SIP/2.0/UDP {HOST}:{PORT};branch={branch};rport", "Max-Forwards: 70",
            f'From: "Peer {random.randint(1, 99)}" <sip:peer{random.randint(1, 9)}@{HOST}:{PORT}>;tag={tag}',
            f"To: <{target}>", f"Call-ID: {cid}", f"Contact: <sip:peer@{HOST}:{PORT}>", "User-Agent: fakepeer/0.1"]
    if kind == "invite":
        body = sdp(random.choice([39690, 39692]))
        if random.random() < 0.15: body = body.replace("RTP/AVP 0 8 101", "RTP/AVP 97").replace("PCMU", "FOO")
        msg = [f"INVITE {target} SIP/2.0"] + base + ["CSeq: 1 INVITE", "Content-Type: application/sdp", f"Content-Length: {len(body)}"]
        with lock: out_calls[user] = (cid, tag, target)
        send("\r\n".join(msg) + "\r\n\r\n" + body, UA)
    elif kind == "message":
        body = random.choice(["hello", "are you there?", "ping " + str(random.randint(1, 999))])
        msg = [f"MESSAGE {target} SIP/2.0"] + base + ["CSeq: 1 MESSAGE", "Content-Type: text/plain", f"Content-Length: {len(body)}"]
        send("\r\n".join(msg) + "\r\n\r\n" + body, UA)
    elif kind == "options":
        send("\r\n".join([f"OPTIONS {target} SIP/2.0"] + base + ["CSeq: 1 OPTIONS", "Content-Length: 0"]) + "\r\n\r\n", UA)
    elif kind == "notify":
        body = "Messages-Waiting: yes\r\nVoice-Message: %d/%d\r\n" % (random.randint(1, 9), random.randint(0, 9))
        send("\r\n".join([f"NOTIFY {target} SIP/2.0"] + base + ["CSeq: 1 NOTIFY", "Event: message-summary", "Subscription-State: active",
             "Content-Type: application/simple-message-summary", f"Content-Length: {len(body)}"]) + "\r\n\r\n" + body, UA)
    elif kind == "bye":
        with lock: c = out_calls.pop(user, None)
        if not c: return
        cid, tag, target = c
        base[2] = f"From: <sip:peer@{HOST}:{PORT}>;tag={tag}"; base[4] = f"Call-ID: {cid}"
        send("\r\n".join([f"BYE {target} SIP/2.0"] + base + ["CSeq: 2 BYE", "Content-Length: 0"]) + "\r\n\r\n", UA)
    elif kind == "garbage":
        send(random.choice(["hello world\r\n\r\n", "INVITE\r\n\r\n", "SIP/2.0 200 OK\r\nCSeq: 99 INVITE\r\nCall-ID: nope\r\n\r\n",
                            "\x00\x01\x02\x03"]), UA)
    elif kind == "rtp":
        rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for i in range(random.randint(5, 60)):
            pkt = bytes([0x80, random.choice([0, 0, 8, 13, 99])]) + i.to_bytes(2, "big") + (i * 160).to_bytes(4, "big") + b"\x12\x34\x56\x78" + b"\xff" * 160
            rtp.sendto(pkt, (HOST, random.randint(39600, 39610)))

def ctrl_loop():
    while True:
        data, _ = ctrl.recvfrom(2048)
        parts = data.decode().split()
        if parts: threading.Thread(target=uac, args=(parts[0], parts[1] if len(parts) > 1 else "alice"), daemon=True).start()

threading.Thread(target=ctrl_loop, daemon=True).start()
while True:
    data, addr = sock.recvfrom(65535)
    try:
        msg = data.decode(errors="replace")
        if msg.startswith("SIP/2.0"):
            continue  # responses to our requests
        on_request(msg, addr)
    except Exception:
        pass
