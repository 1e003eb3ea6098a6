#!/bin/bash
# Round-9 corpus workload: OpenDKIM 2.11 (Debian 12 package opendkim; clients: miltertest from the
# package miltertest, python3-dkim to make externally signed mail), mode sv, LogWhy, LogResults,
# SyslogSuccess, MilterDebug 1. OpenDKIM logs only through syslog(3): it runs in its own mount
# namespace whose /dev/log is the socket of a private rsyslogd, which writes the opendkim records
# (RSYSLOG_FileFormat, one line each) to $OUT/opendkim.log. Milter socket on 127.0.0.1 only; keys
# from opendkim-genkey, public keys served from a TestPublicKeys file (no DNS).
# Randomised milter sessions for DURATION seconds: signing, verifying good, tampered, expired,
# future, revoked, unknown-key, malformed and weak signatures, unsigned mail, unknown domains,
# oversized headers, aborted and dropped sessions; SIGUSR1 reloads (one with a broken
# configuration), restart, stop. Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-200}
PORT=18991; SOCK="inet:$PORT@127.0.0.1"
W=/tmp/dk9w
[ -f "$W/rsyslog.pid" ] && kill "$(cat "$W/rsyslog.pid")" 2>/dev/null
rm -rf "$W"; mkdir -p "$W/keys" "$W/msgs" "$W/signed" "$W/dev" "$W/rs"
mkdir -p "$OUT"; rm -f "$OUT/opendkim.log"
PY=/usr/bin/python3

# --- keys: our signing domains, and foreign domains that sign mail we verify
gen() { mkdir -p "$W/keys/$2"; opendkim-genkey -b "$3" -d "$2" -s "$1" -D "$W/keys/$2" >/dev/null 2>&1; }
gen sel1 example.org 1024; gen mail2024 example.net 2048; gen s$RANDOM sub.example.com 1024
gen fk1 foreign.test 1024; gen news partner.example 2048; gen weak small.test 512; gen old revoked.test 1024
gen bad broken.test 1024
: > "$W/KeyTable"; : > "$W/SigningTable"; : > "$W/testkeys"
for d in example.org example.net sub.example.com; do
  for k in "$W/keys/$d"/*.private; do s=$(basename "$k" .private)
    echo "$s._domainkey.$d $d:$s:$k" >> "$W/KeyTable"
    echo "*@$d $s._domainkey.$d" >> "$W/SigningTable"; done; done
echo "*@*.example.org sel1._domainkey.example.org" >> "$W/SigningTable"
for d in "$W"/keys/*; do for t in "$d"/*.txt; do s=$(basename "$t" .txt)
  val=$(tr -d '\n' < "$t" | sed -E 's/.*\( *//; s/ *\).*//; s/" *"//g; s/"//g; s/\t/ /g')
  echo "$s._domainkey.$(basename "$d") $val" >> "$W/testkeys"; done; done
sed -i -E 's/^(old\._domainkey\.revoked\.test .*p=).*/\1/' "$W/testkeys"
sed -i -E 's/^(bad\._domainkey\.broken\.test ).*/\1v=DKIM1; k=rsa; p=MIIBIjANBgkqh!!notbase64/' "$W/testkeys"
printf '127.0.0.1\n10.0.0.0/8\n' > "$W/InternalHosts"

write_conf() { # write_conf [broken]
cat > "$W/opendkim.conf" <<CONF
Syslog yes
SyslogSuccess yes
LogWhy yes
LogResults yes
MilterDebug 1
Mode sv
Socket $SOCK
PidFile $W/opendkim.pid
UMask 002
Canonicalization relaxed/$( [ $((RANDOM%2)) = 0 ] && echo simple || echo relaxed )
KeyTable $W/KeyTable
SigningTable refile:$W/SigningTable
InternalHosts $W/InternalHosts
TestPublicKeys $W/testkeys
RequireSafeKeys no
MinimumKeyBits 1024
MaximumHeaders $((12000 + RANDOM % 8000))
MaximumSignaturesToVerify 3
SignatureTTL $((300 + RANDOM % 3600))
OversignHeaders From
AuthservID mx$((RANDOM%9)).local
AlwaysAddARHeader yes
On-BadSignature $( [ $((RANDOM%2)) = 0 ] && echo accept || echo reject )
On-KeyNotFound $( [ $((RANDOM%2)) = 0 ] && echo accept || echo tempfail )
On-SignatureError accept
DNSTimeout 2
CONF
[ "${1:-}" = broken ] && echo "KeyTable $W/missing-keytable-$RANDOM" >> "$W/opendkim.conf"
return 0
}
write_conf

# --- private rsyslogd: socket $W/dev/log, opendkim records only, no rate limit
cat > "$W/rsyslog.conf" <<RS
global(workDirectory="$W/rs")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$W/dev/log" CreatePath="on" RateLimit.Interval="0")
if \$programname == 'opendkim' then {
  action(type="omfile" file="$OUT/opendkim.log" template="RSYSLOG_FileFormat")
}
RS
rsyslogd -f "$W/rsyslog.conf" -i "$W/rsyslog.pid"
for i in $(seq 20); do [ -S "$W/dev/log" ] && break; sleep 0.3; done

start_dkim() {
  unshare -m bash -c "mount --make-rprivate / && for d in null zero random urandom; do touch $W/dev/\$d; mount --bind /dev/\$d $W/dev/\$d; done && mount --bind $W/dev /dev && exec opendkim -f -x $W/opendkim.conf" 2>>"$W/opendkim.stderr" &
  for i in $(seq 30); do [ -s "$W/opendkim.pid" ] && break; sleep 0.3; done; sleep 0.5
}
dpid() { cat "$W/opendkim.pid"; }

# --- message generator (python3-dkim signs the foreign mail)
cat > "$W/gen.py" <<'PY'
import random, sys, time, os, dkim
W = sys.argv[1]; kind = sys.argv[2]; out = sys.argv[3]
r = random.Random()
def key(d):
    p = os.path.join(W, 'keys', d); f = [x for x in os.listdir(p) if x.endswith('.private')][0]
    return f[:-8], open(os.path.join(p, f), 'rb').read()
words = 'invoice meeting report lunch schedule budget review draft garden train coffee release'.split()
def msg(frm, to='bob@mx.local', subj=None, extra=b'', body=None):
    n = r.randint(1, 99999)
    subj = subj or '%s %s %d' % (r.choice(words), r.choice(words), n)
    body = body or ''.join('Line %d about the %s, %d items.\r\n' % (i, r.choice(words), r.randint(1, 500)) for i in range(r.randint(2, 30)))
    h = ('From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMessage-ID: <%d.%d@%s>\r\n' % (
        frm, to, subj, time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime()), n, r.randint(1, 9999), frm.split('@')[-1].strip('>'))).encode()
    return h + extra + b'\r\n' + body.encode()
class XDKIM(dkim.DKIM):
    xval = None
    def gen_header(self, fields, *a, **k):
        if self.xval is not None:
            fields.insert(-1, (b'x', str(self.xval).encode()))
        return super().gen_header(fields, *a, **k)
def sign(m, d, sel=None, priv=None, x=None, t=None, alg=b'rsa-sha256', length=False, canon=None):
    if sel is None or priv is None:
        s0, p0 = key(d)
        sel = sel or s0; priv = priv or p0
    canon = canon or r.choice([(b'relaxed', b'simple'), (b'relaxed', b'relaxed'), (b'simple', b'simple')])
    real = time.time
    if t is not None:
        dkim.time.time = lambda: t
    try:
        o = XDKIM(m); o.xval = x
        sig = o.sign(sel.encode(), d.encode(), priv, signature_algorithm=alg, canonicalize=canon, length=length,
                     include_headers=[b'from', b'to', b'subject', b'date', b'message-id'])
    finally:
        dkim.time.time = real
    return sig + m
fd = r.choice(['foreign.test', 'partner.example'])
user = r.choice(['alice', 'bob', 'carol', 'dave', 'news', 'billing', 'u%d' % r.randint(1, 999)])
if kind == 'sign':
    d = r.choice(['example.org', 'example.net', 'sub.example.com', 'lists.example.org'])
    m = msg('%s <%s@%s>' % (user.title(), user, d), to='%s@%s' % (r.choice(words), r.choice(['gmail.test', 'foreign.test', 'partner.example'])))
elif kind == 'unknowndomain':
    m = msg('%s@%s' % (user, r.choice(['unknown%d.test' % r.randint(1, 99), 'example.com', 'nosuch.invalid'])))
elif kind == 'unsigned':
    m = msg('%s@%s' % (user, fd))
elif kind == 'good':
    m = sign(msg('%s@%s' % (user, fd)), fd, length=r.random() < 0.2)
elif kind == 'sha1':
    m = sign(msg('%s@%s' % (user, fd)), fd, alg=b'rsa-sha1')
elif kind == 'bodytamper':
    m = sign(msg('%s@%s' % (user, fd)), fd, canon=(b'relaxed', b'simple')) + b'Appended by a list footer %d\r\n' % r.randint(1, 999)
elif kind == 'hdrtamper':
    m = sign(msg('%s@%s' % (user, fd)), fd).replace(b'Subject: ', b'Subject: [EXT] ', 1)
elif kind == 'unknownkey':
    s, p = key(fd)
    m = sign(msg('%s@%s' % (user, fd)), fd, sel='gone%d' % r.randint(1, 999), priv=p)
elif kind == 'unknownsigdomain':
    s, p = key(fd); d = 'nokey%d.invalid' % r.randint(1, 99)
    m = sign(msg('%s@%s' % (user, d)), d, sel='s1', priv=p)
elif kind == 'expired':
    now = int(time.time()); t = now - r.randint(86400, 30 * 86400)
    m = sign(msg('%s@%s' % (user, fd)), fd, t=t, x=t + r.randint(60, 3600))
elif kind == 'future':
    m = sign(msg('%s@%s' % (user, fd)), fd, t=time.time() + r.randint(7200, 86400 * 5))
elif kind == 'revoked':
    m = sign(msg('%s@revoked.test' % user), 'revoked.test')
elif kind == 'brokenkey':
    m = sign(msg('%s@broken.test' % user), 'broken.test')
elif kind == 'weak':
    m = sign(msg('%s@small.test' % user), 'small.test')
elif kind == 'wrongkey':
    s, p = key('partner.example'); s2, _ = key('foreign.test')
    m = sign(msg('%s@foreign.test' % user), 'foreign.test', sel=s2, priv=p)
elif kind == 'garbage':
    g = r.choice([b'DKIM-Signature: v=1; a=rsa-sha256; d=foreign.test; garbage here\r\n',
                  b'DKIM-Signature: v=2; a=rsa-md5; c=odd/odd; d=foreign.test; s=fk1; h=from; bh=AAAA; b=BBBB\r\n',
                  b'DKIM-Signature: a=rsa-sha256; d=foreign.test; s=fk1; bh=AAAA; b=\r\n',
                  b'DKIM-Signature: v=1; a=rsa-sha256; d=foreign.test; s=fk1; h=subject; bh=AAAA; b=CCCC\r\n',
                  b'DKIM-Signature: v=1; a=rsa-sha256; d=foreign.test; s=fk1; i=x@elsewhere.test; h=from; bh=AAAA; b=CCCC\r\n'])
    m = g + msg('%s@%s' % (user, fd))
elif kind == 'multi':
    m = sign(sign(msg('%s@%s' % (user, fd)), fd), 'partner.example')
    if r.random() < 0.5:
        m = m.replace(b'\r\n\r\n', b'\r\nX-Mangled: yes\r\n\r\n', 1).replace(b'Line 1', b'Line one', 1)
elif kind == 'bigheader':
    extra = b''.join(b'X-Filler-%d: %s\r\n' % (i, b'x' * r.randint(200, 990)) for i in range(r.randint(10, 40)))
    m = msg('%s@%s' % (user, r.choice([fd, 'example.org'])), extra=extra)
elif kind == 'nofrom':
    m = msg('%s@%s' % (user, fd)).replace(b'From: ', b'X-Old-From: ', 1)
elif kind == 'twofrom':
    m = b'From: other@' + fd.encode() + b'\r\n' + msg('%s@example.org' % user)
elif kind == 'badfrom':
    m = msg(r.choice(['undisclosed', '<>', '"broken <at> example.org', '@@@']))
open(out, 'wb').write(m)
PY

cat > "$W/send.lua" <<'LUA'
-- feed one message file to the milter: env MSG, SOCK, HOST, IP, QID, MODE, OUTF
local f = assert(io.open(os.getenv("MSG"), "rb")); local data = f:read("*a"); f:close()
data = data:gsub("\r\n", "\n")
local hdrs, body = data:match("^(.-)\n\n(.*)$")
if hdrs == nil then hdrs = data; body = "" end
local mode = os.getenv("MODE") or "full"
local conn = mt.connect(os.getenv("SOCK"), 5, 0.5)
if conn == nil then error("cannot connect") end
mt.set_timeout(4)
mt.macro(conn, SMFIC_CONNECT, "j", "mx.local", "{daemon_name}", "MTA")
if mt.conninfo(conn, os.getenv("HOST"), os.getenv("IP")) ~= nil then error("conninfo") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then mt.disconnect(conn); return end
if mode == "connonly" then mt.disconnect(conn); return end
local qid = os.getenv("QID") or ""
if qid ~= "" then mt.macro(conn, SMFIC_MAIL, "i", qid) end
if os.getenv("AUTH") and os.getenv("AUTH") ~= "" then mt.macro(conn, SMFIC_MAIL, "{auth_authen}", os.getenv("AUTH")) end
mt.mailfrom(conn, os.getenv("ENVFROM") or "<sender@x.test>")
if mt.getreply(conn) ~= SMFIR_CONTINUE then mt.disconnect(conn); return end
mt.rcptto(conn, "<bob@mx.local>")
mt.getreply(conn)
local name, value = nil, nil
local stopped = false
local function flush()
  if name and not stopped then
    mt.header(conn, name, value)
    if mt.getreply(conn) ~= SMFIR_CONTINUE then stopped = true end
  end
end
for line in (hdrs .. "\n"):gmatch("(.-)\n") do
  if line:match("^[ \t]") and name then value = value .. "\n" .. line
  else
    flush()
    name, value = line:match("^([^:]+):%s?(.*)$")
  end
end
flush()
if stopped then mt.disconnect(conn); return end
if mode == "abort_hdr" then mt.abort(conn); mt.disconnect(conn); return end
if mode == "drop_hdr" then mt.disconnect(conn, false); return end
mt.eoh(conn)
if mt.getreply(conn) ~= SMFIR_CONTINUE then mt.disconnect(conn); return end
body = body:gsub("\n", "\r\n")
if #body > 0 then mt.bodystring(conn, body); mt.getreply(conn) end
if mode == "abort_body" then mt.abort(conn); mt.disconnect(conn); return end
mt.eom(conn)
local rep = mt.getreply(conn)
local outf = os.getenv("OUTF")
if outf and outf ~= "" and mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then
  local sig = mt.getheader(conn, "DKIM-Signature", 0)
  local o = io.open(outf, "wb"); o:write("DKIM-Signature: " .. sig .. "\n" .. data); o:close()
end
mt.disconnect(conn)
LUA

for i in $(seq 20); do ss -ltn | grep -q ":$PORT " || break; sleep 1; done
start_dkim
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
qid() { [ $(r 6) = 0 ] && echo "" || printf '%X%05X' $((RANDOM % 4096)) $RANDOM; }
extip() { echo "$(pick 192.0.2 198.51.100 203.0.113).$((1 + RANDOM % 254))"; }
n=0
send() { # send KIND internal|external [MODE]
  n=$((n + 1)); local f="$W/msgs/m$n.eml" ip host outf=""
  $PY "$W/gen.py" "$W" "$1" "$f" 2>>"$W/gen.err" || return
  if [ "$2" = internal ]; then ip=$(pick 127.0.0.1 10.$(r 255).$(r 255).$((1 + RANDOM % 254))); host=$(pick localhost app$(r 20).corp.local)
    outf="$W/signed/s$n.eml"
  else ip=$(extip); host=$(pick mail$(r 50).foreign.test mx.partner.example unknown "[$ip]"); fi
  MSG="$f" SOCK="$SOCK" HOST="$host" IP="$ip" QID="$(qid)" MODE="${3:-full}" OUTF="$outf" AUTH="${AUTH:-}" \
    ENVFROM="<$(pick alice bob bounce)@$(pick example.org foreign.test partner.example)>" \
    timeout 30 miltertest -s "$W/send.lua" >/dev/null 2>>"$W/milter.err"
}
resend() { # verify one of our own signed messages, maybe tampered
  local s; s=$(ls "$W"/signed/ 2>/dev/null | shuf -n1); [ -z "$s" ] && { send sign internal; return; }
  cp "$W/signed/$s" "$W/msgs/re$n.eml"
  [ $(r 2) = 0 ] && echo "tampered footer $RANDOM" >> "$W/msgs/re$n.eml"
  MSG="$W/msgs/re$n.eml" SOCK="$SOCK" HOST="mx.partner.example" IP="$(extip)" QID="$(qid)" MODE=full OUTF="" \
    timeout 30 miltertest -s "$W/send.lua" >/dev/null 2>>"$W/milter.err"
}
kinds=(unsigned good good sha1 bodytamper hdrtamper unknownkey unknownsigdomain expired future revoked brokenkey weak wrongkey garbage multi bigheader nofrom twofrom badfrom)
END=$((SECONDS + DURATION)); NEXT_RELOAD=$((SECONDS + 20 + RANDOM % 20)); reloads=0
while [ $SECONDS -lt $END ]; do
  if [ $SECONDS -ge $NEXT_RELOAD ]; then
    NEXT_RELOAD=$((SECONDS + 20 + RANDOM % 20)); reloads=$((reloads + 1))
    if [ $((reloads % 3)) = 2 ]; then write_conf broken; kill -USR1 "$(dpid)"; sleep 1; send good external; write_conf; fi
    write_conf; kill -USR1 "$(dpid)"; sleep 1
  fi
  case $(r 16) in
    0|1|2) send "$(pick sign sign sign unknowndomain bigheader nofrom)" internal ;;
    3|4|5|6|7|8) send "$(pick "${kinds[@]}")" external ;;
    9|10) resend ;;
    11) AUTH="$(pick alice bob carol)" send "$(pick sign unknowndomain)" external ;;
    12) send "$(pick sign good bodytamper unsigned)" "$(pick internal external)" "$(pick abort_hdr drop_hdr abort_body connonly)" ;;
    13) bp=(); for i in $(seq $((3 + RANDOM % 6))); do send "$(pick "${kinds[@]}")" external & bp+=($!); done; wait "${bp[@]}" ;;
    14) send bigheader "$(pick internal external)" ;;
    15) send "$(pick expired future revoked weak garbage)" external ;;
  esac
done
# restart: stop with SIGTERM, start again, some traffic, stop
kill -TERM "$(dpid)"; sleep 2; rm -f "$W/opendkim.pid"
for i in $(seq 20); do ss -ltn | grep -q ":$PORT " || break; sleep 1; done
start_dkim
for i in $(seq 6); do send "$(pick sign good hdrtamper unknownkey)" "$(pick internal external)"; done
kill -TERM "$(dpid)"; sleep 2
kill "$(cat "$W/rsyslog.pid")"; sleep 1
echo "done: $(wc -l < "$OUT/opendkim.log") lines, $reloads reloads"
