#!/bin/bash
# Round-10 corpus workload: rspamd 3.4 (Debian 12 package `rspamd`, plus `redis-server`), logging
# type=file level=info (packaged log_format), private redis on 127.0.0.1:16379, workers on
# 127.0.0.1 only: normal 16333, controller 16334, proxy 16332, fuzzy storage 16335; DNS pointed at
# a small fake DNS responder on 127.0.0.1:16053 (python, in this script). Randomised rspamc clients for DURATION seconds: spam-like,
# ham, malformed, big, header-less and binary messages, learn spam/ham, fuzzy add/del, stat,
# wrong controller password, HUP reloads, a restart, stop.
# Writes $OUT/rspamd.log (rspamd's own log file, unchanged).
# Run as root: bash workload.sh OUT_DIR [DURATION]   (rspamd.log here: DURATION=135)
set -u
OUT=${1:?out dir}; DURATION=${2:-135}
W=/tmp/r10rsp/run
[ -f "$W/rspamd.pid" ] && kill "$(cat "$W/rspamd.pid")" 2>/dev/null
[ -f "$W/redis.pid" ] && kill "$(cat "$W/redis.pid")" 2>/dev/null
[ -f "$W/fakedns.pid" ] && kill "$(cat "$W/fakedns.pid")" 2>/dev/null
sleep 1
rm -rf "$W"; mkdir -p "$W/local/local.d" "$W/db" "$W/run" "$W/mail" "$OUT"; rm -f "$OUT/rspamd.log"
LOG="$OUT/rspamd.log"
touch "$LOG"; chown _rspamd:_rspamd "$LOG" "$W/db" "$W/run"

# fake DNS on 127.0.0.1:16053 (NXDOMAIN mostly, some RBL hits, SPF/MX/PTR/ASN answers, drops)
cat > "$W/fakedns.py" <<'PY'
# Minimal authoritative-for-everything DNS responder for the rspamd workload (127.0.0.1 only).
import random, socket, struct, sys
port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", port))
r = random.Random()
def qname(data, off):
    labels = []
    while data[off]:
        n = data[off]; labels.append(data[off + 1:off + 1 + n].decode("latin1")); off += n + 1
    return ".".join(labels), off + 1
def enc(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".") if p) + b"\0"
while True:
    data, peer = s.recvfrom(4096)
    try:
        qid, flags, qd = struct.unpack(">HHH", data[:6])
        name, off = qname(data, 12); qtype, qclass = struct.unpack(">HH", data[off:off + 4]); q = data[12:off + 4]
    except Exception:
        continue
    x = r.random()
    if x < 0.06: continue                      # dropped: client times out
    ln = name.lower(); ans = []; rcode = 3       # NXDOMAIN by default
    if x < 0.09: rcode = 2                       # SERVFAIL
    elif qtype == 1:
        parts = ln.split("."); first = parts[3] if len(parts) > 4 else ""
        if any(z in ln for z in ("zen.spamhaus", "bl.blocklist.de", "ix.dnsbl.manitu", "bl.spameatingmonkey", "uribl", "multi.surbl", "dbl.spamhaus")) and (first in ("45", "81") or any(b in ln for b in ("win-prize", "crypto-gains", "free-offer"))):
            ans = [struct.pack(">HHIH", 1, 1, 60, 4) + socket.inet_aton("127.0.0." + r.choice(["2", "4", "10", "11", "3"]))]; rcode = 0
        elif ln.startswith(("mx", "mail.", "mx.")) or ln.endswith(("example.com", "example.org")):
            ans = [struct.pack(">HHIH", 1, 1, 60, 4) + socket.inet_aton(f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}")]; rcode = 0
    elif qtype == 16:
        if ln.endswith(".asn.rspamd.com"):
            t = f"{r.randrange(1000, 65000)}|{ln.split('.')[-4]}.0.0.0/8|{r.choice(['US', 'DE', 'RU', 'CN', 'NL'])}|arin|"
        elif any(ln.endswith(d) for d in ("example.com", "example.org", "mail.test", "win-prize.top", "bank-secure-login.ru")):
            t = r.choice(["v=spf1 ip4:10.0.0.0/8 -all", "v=spf1 mx ~all", "v=spf1 include:_spf.example.net ?all", "v=spf1 a -all", "v=DMARC1; p=reject; rua=mailto:d@example.com"])
        else: t = None
        if t:
            tb = t.encode(); ans = [struct.pack(">HHIH", 16, 1, 60, len(tb) + 1) + bytes([len(tb)]) + tb]; rcode = 0
    elif qtype == 15 and not ln.endswith((".invalid", ".test")):
        rd = struct.pack(">H", 10) + enc("mail." + ln); ans = [struct.pack(">HHIH", 15, 1, 60, len(rd)) + rd]; rcode = 0
    elif qtype == 12 and r.random() < 0.5:
        rd = enc(f"host-{r.randrange(9999)}.isp{r.randrange(9)}.example.net"); ans = [struct.pack(">HHIH", 12, 1, 60, len(rd)) + rd]; rcode = 0
    hdr = struct.pack(">HHHHHH", qid, 0x8180 | rcode, 1, len(ans), 0, 0)
    s.sendto(hdr + q + b"".join(b"\xc0\x0c" + a for a in ans), peer)
PY
python3 "$W/fakedns.py" 16053 & echo $! > "$W/fakedns.pid"

# private redis
cat > "$W/redis.conf" <<CONF
bind 127.0.0.1
port 16379
daemonize yes
pidfile $W/redis.pid
dir $W
logfile $W/redis.log
save ""
CONF
redis-server "$W/redis.conf"

L="$W/local/local.d"
cat > "$L/logging.inc" <<CONF
type = "file";
filename = "$LOG";
level = "info";
CONF
cat > "$L/options.inc" <<CONF
dns {
  nameserver = ["127.0.0.1:16053"];
  timeout = 0.5s;
  retransmits = 1;
}
CONF
cat > "$L/redis.conf" <<CONF
servers = "127.0.0.1:16379";
CONF
cat > "$L/worker-normal.inc" <<CONF
bind_socket = "127.0.0.1:16333";
count = 1;
task_timeout = 8s;
CONF
cat > "$L/worker-controller.inc" <<CONF
bind_socket = "127.0.0.1:16334";
password = "ctrl-pass";
enable_password = "ctrl-enable";
secure_ip = "10.9.9.9";
CONF
cat > "$L/worker-proxy.inc" <<CONF
bind_socket = "127.0.0.1:16332";
milter = no;
upstream "local" {
  default = yes;
  self_scan = no;
  hosts = "127.0.0.1:16333";
}
CONF
cat > "$L/worker-fuzzy.inc" <<CONF
bind_socket = "127.0.0.1:16335";
count = 1;
backend = "redis";
allow_update = ["127.0.0.1"];
CONF
cat > "$L/fuzzy_check.conf" <<CONF
rule "local" {
  algorithm = "mumhash";
  servers = "127.0.0.1:16335";
  symbol = "LOCAL_FUZZY_UNKNOWN";
  mime_types = ["*"];
  max_score = 20.0;
  read_only = no;
  skip_unknown = yes;
  short_text_direct_hash = true;
  min_length = 16;
  fuzzy_map = {
    LOCAL_FUZZY_DENIED { max_score = 20.0; flag = 11; }
    LOCAL_FUZZY_PROB { max_score = 10.0; flag = 12; }
    LOCAL_FUZZY_WHITE { max_score = 2.0; flag = 13; }
  }
}
CONF
cat > "$L/classifier-bayes.conf" <<CONF
backend = "redis";
min_learns = 3;
autolearn = true;
CONF
cat > "$L/history_redis.conf" <<CONF
nrows = 500;
CONF

RSP=(rspamd -c /etc/rspamd/rspamd.conf -u _rspamd -g _rspamd --var "LOCAL_CONFDIR=$W/local"
     --var "DBDIR=$W/db" --var "RUNDIR=$W/run" --var "LOGDIR=$W/run")
start() { "${RSP[@]}"; for _ in $(seq 60); do curl -s -m 1 http://127.0.0.1:16333/ping 2>/dev/null | grep -q pong && break; sleep 0.5; done
  cp "$W/run/rspamd.pid" "$W/rspamd.pid"; }
stop() { local p; p=$(cat "$W/rspamd.pid"); kill -TERM "$p"; for _ in $(seq 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done; }

# ---- message generator -------------------------------------------------------------------
GEN="$W/gen.py"
cat > "$GEN" <<'PY'
import base64, random, sys, time, email.utils
r = random.Random()
kind = sys.argv[1]
names = ["alice", "bob", "carol", "dave", "erin", "frank", "mallory", "trent", "peggy", "victor"]
doms = ["example.com", "example.org", "mail.test", "corp.example.net", "shop.invalid", "news.example"]
spamdoms = ["cheap-pills.biz", "win-prize.top", "crypto-gains.xyz", "bank-secure-login.ru", "free-offer.click"]
words = ("meeting project report budget schedule review team update quarter invoice attached please "
         "thanks regards tomorrow agenda notes draft deadline customer release build server backup").split()
spamw = ("FREE viagra cialis WINNER prize claim now urgent money transfer bitcoin investment guaranteed "
         "click here limited offer act now casino lottery million dollars unsubscribe discount").split()
def addr(spam=False):
    return f"{r.choice(names)}{r.randrange(100)}@{r.choice(spamdoms if spam else doms)}"
def para(ws, n):
    return " ".join(r.choice(ws) for _ in range(n))
def hdrs(frm, to, subj, extra=()):
    h = [f"Received: from mx{r.randrange(9)}.{frm.split('@')[1]} (mx.{frm.split('@')[1]} [{r.randrange(1,223)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1,255)}]) by mail.example.com with ESMTPS id {r.randrange(16**10):x}; {email.utils.formatdate()}",
         f"From: {frm}", f"To: {to}", f"Subject: {subj}", f"Date: {email.utils.formatdate()}",
         f"Message-ID: <{r.randrange(16**12):x}@{frm.split('@')[1]}>"]
    h += list(extra)
    return "\n".join(h)
out = sys.stdout.write
if kind == "ham":
    frm, to = addr(), addr()
    out(hdrs(frm, to, para(words, r.randrange(2, 7)).capitalize(), ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]) + "\n\n")
    for _ in range(r.randrange(1, 8)): out(para(words, r.randrange(10, 60)) + ".\n\n")
    out(f"-- \n{frm.split('@')[0]}\n")
elif kind == "spam":
    frm, to = addr(True), addr()
    url = f"http://{r.choice(spamdoms)}/{r.randrange(10**6)}?id={r.randrange(10**9)}"
    b = f"<html><body><p>{para(spamw, 30)}</p><a href=\"{url}\">CLICK HERE</a><p>{para(spamw, 20)}</p></body></html>"
    out(hdrs(frm, to, "!!! " + para(spamw, 5).upper() + " !!!", ["MIME-Version: 1.0", "Content-Type: text/html; charset=us-ascii", "X-Mailer: Mass Mailer " + str(r.randrange(9))]) + "\n\n" + b + "\n")
elif kind == "multipart":
    frm, to = addr(r.random() < .5), addr(); bnd = f"=_b{r.randrange(10**8)}"
    att = base64.encodebytes(bytes(r.randrange(256) for _ in range(r.randrange(100, 6000)))).decode()
    fn = r.choice(["report.pdf", "invoice.zip", "photo.jpg", "setup.exe", "doc.docm", "data.csv", "run.js"])
    ct = {"pdf": "application/pdf", "zip": "application/zip", "jpg": "image/jpeg", "exe": "application/octet-stream", "docm": "application/vnd.ms-word.document.macroEnabled.12", "csv": "text/csv", "js": "application/javascript"}[fn.split(".")[1]]
    out(hdrs(frm, to, "Document " + fn, ["MIME-Version: 1.0", f'Content-Type: multipart/mixed; boundary="{bnd}"']) + "\n\n")
    out(f"--{bnd}\nContent-Type: text/plain; charset=utf-8\n\n{para(words, 40)}\n\n--{bnd}\nContent-Type: {ct}; name=\"{fn}\"\nContent-Disposition: attachment; filename=\"{fn}\"\nContent-Transfer-Encoding: base64\n\n{att}\n--{bnd}--\n")
elif kind == "big":
    frm, to = addr(), addr()
    out(hdrs(frm, to, "Big log dump " + str(r.randrange(999)), ["Content-Type: text/plain"]) + "\n\n")
    for i in range(r.randrange(5000, 30000)): out(f"line {i} {para(words, 8)}\n")
elif kind == "noheaders":
    out(para(words + spamw, r.randrange(5, 200)) + "\n")
elif kind == "malformed":
    c = r.randrange(6)
    if c == 0: out("From: <<broken@@addr>>\nTo: ,,,\nSubject: =?utf-8?B?####?=\nContent-Type: multipart/mixed; boundary=\n\n--\nbody without boundary\n")
    elif c == 1: out("Content-Type: text/plain; charset=bogus-charset-" + str(r.randrange(99)) + "\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n")
    elif c == 2: out("\x00\x01\x02" + "".join(chr(r.randrange(1, 255)) for _ in range(r.randrange(50, 500))))
    elif c == 3: out("Subject: " + "A" * r.randrange(2000, 9000) + "\n\nx\n")
    elif c == 4: out(hdrs(addr(), addr(), "nested", [f'Content-Type: multipart/alternative; boundary="a"']) + "\n\n--a\nContent-Type: multipart/related; boundary=\"a\"\n\n--a\n--a--\n")
    else: out("Received: garbage\nReceived: from [999.1.1.1] by nowhere\nFrom: \"Bank\" <security@" + r.choice(spamdoms) + ">\nReply-To: other@" + r.choice(doms) + "\nSubject: Verify your account\n\n<a href=\"http://paypa1.example.com/login\">https://www.paypal.com/</a>\n")
elif kind == "empty":
    pass
PY
gen() { python3 "$GEN" "$1" > "$2"; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
N=127.0.0.1:16333; C=127.0.0.1:16334; P=127.0.0.1:16332
ip() { echo "$(pick 10 192 172 203 198 45 81)".$(r 256).$(r 256).$((1 + $(r 254))); }

client() { # one randomised client; several run in parallel
  local id=$1 i=0 m
  while [ $SECONDS -lt $END ]; do
  i=$((i + 1)); m="$W/mail/c${id}_$i.eml"
  case $(r 30) in
    0|1|2|3) gen ham "$m"; rspamc -h $N -i "$(ip)" -F "$(pick alice bob carol)@example.com" -r "user$(r 9)@example.com" --helo "mx$(r 9).example.org" "$m" ;;
    4|5|6) gen spam "$m"; rspamc -h $N -i "$(ip)" -F "promo$(r 99)@win-prize.top" -r "victim$(r 50)@example.com" --hostname "unknown" "$m" ;;
    7|8) gen multipart "$m"; rspamc -h $(pick $N $P) -i "$(ip)" "$m" ;;
    9) gen big "$m"; rspamc -h $N -t 20 "$m" ;;
    10) gen noheaders "$m"; rspamc -h $N "$m" ;;
    11|12) gen malformed "$m"; rspamc -h $N -i "$(ip)" "$m" ;;
    13) gen empty "$m"; rspamc -h $N -E "$m" ;;
    14|15) gen spam "$m"; rspamc -h $C -P "$(pick ctrl-enable ctrl-enable ctrl-enable ctrl-pass)" learn_spam "$m" ;;
    16|17) gen ham "$m"; rspamc -h $C -P "$(pick ctrl-enable ctrl-enable ctrl-enable ctrl-pass)" learn_ham "$m" ;;
    18) gen ham "$m"; rspamc -h $C -P "wrong$(r 999)" learn_spam "$m" ;;
    19) gen spam "$m"; rspamc -h $C -P ctrl-enable fuzzy_add -f $(pick 11 12 13) -w $((1 + $(r 10))) "$m"; rspamc -h $N "$m" ;;
    20) gen spam "$m"; rspamc -h $C -P ctrl-enable fuzzy_del -f 11 "$m" ;;
    21) rspamc -h $C -P ctrl-pass $(pick stat counters uptime); [ $(r 4) = 0 ] && rspamc -h $C -P ctrl-enable stat_reset >/dev/null ;;
    22) rspamc -h $C -P "bad$(r 99)" $(pick stat counters) ;;
    23) gen ham "$m"; rspamc -h $N -u "user$(r 20)" -d "rcpt$(r 9)@example.com" --header "Settings-Id: $(pick missing_settings none)" "$m" ;;
    24) gen spam "$m"; rspamc -h $N -p -i "$(ip)" "$m" ;;   # pass all filters
    25) curl -s -o /dev/null "http://$C/$(pick stat graph?type=day history errors actions symbols nonexistent)" -H "Password: $(pick ctrl-pass nope)" ;;
    26) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 socat - TCP:$N >/dev/null ;;
    27) gen ham "$m"; curl -s -o /dev/null --data-binary @"$m" "http://$N/checkv2" -H "IP: $(ip)" -H "From: x$(r 9)@example.org" -H "Queue-Id: Q$(r 99999)" ;;
    28) gen multipart "$m"; rspamc -h $C -P ctrl-enable fuzzy_add -f 13 "$m"; rspamc -h $N "$m" ;;
    29) gen spam "$m"; rspamc -h $C -P ctrl-enable learn_ham "$m"; rspamc -h $C -P ctrl-enable learn_spam "$m" ;;  # relearn
  esac >/dev/null 2>&1
  sleep $(pick 0.4 0.7 1 1.3 1.6 2)
  done
}

start
END=$((SECONDS + DURATION))
client 1 & CL1=$!; client 2 & CL2=$!
sleep $((DURATION * 3 / 10 + $(r 6))); kill -HUP "$(cat "$W/rspamd.pid")"  # reload
sleep $((DURATION * 3 / 10 + $(r 6))); stop; sleep 1; start                # restart
wait $CL1 $CL2
sleep 1; stop
kill "$(cat "$W/redis.pid")" "$(cat "$W/fakedns.pid")"
