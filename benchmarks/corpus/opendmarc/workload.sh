#!/bin/bash
# Round-19 corpus workload: OpenDMARC 1.4.2 milter (Debian 12 package) driven by miltertest
# (Lua scripts generated at random), logging through syslog to a private rsyslogd that writes only
# opendmarc's messages (RSYSLOG_TraditionalFileFormat).  Everything runs inside a private network
# + mount namespace (unshare -n -m): its own loopback, a private /dev (so /dev/log is our rsyslog
# socket) and a private /etc/resolv.conf pointing at a dnsmasq that serves the DMARC/SPF records
# (and black-holes one zone, for DNS timeouts).  Milter socket: a UNIX socket (no TCP ports used).
# Settings: MilterDebug 6, SoftwareHeader, RequiredHeaders, RejectMultiValueFrom, SPFSelfValidate,
# HistoryFile, FailureReports with a ReportCommand, IgnoreHosts, IgnoreMailFrom, RejectFailures
# toggled across restarts, a broken config, an unwritable history file, a SIGUSR1 reload, stop.
# Workload: random senders/domains/policies, DKIM and SPF results in trusted and untrusted
# Authentication-Results, missing/multiple From, missing Date, garbage headers, ignored hosts,
# aborted sessions, malformed milter packets from a raw client.  Writes $OUT/opendmarc.log (unchanged).
# Run as root on Debian 12:
#   apt-get install -y opendmarc miltertest rsyslog dnsmasq
#   bash workload.sh OUT_DIR [DURATION]
set -u
if [ -z "${R19_INNS:-}" ]; then
  exec unshare -n -m env R19_INNS=1 bash "$(readlink -f "$0")" "$@"
fi
OUT=$(readlink -f "${1:?out dir}"); DURATION=${2:-300}
W=/tmp/r19dmarc
mkdir -p "$OUT"; rm -f "$OUT/opendmarc.log"
rm -rf "$W"; mkdir -p "$W"/{dev,log,run,lua}
chmod 755 "$W"

# ---- private namespace plumbing ----
mount --make-rprivate / 2>/dev/null
ip link set lo up
for d in null zero random urandom tty full; do touch "$W/dev/$d"; mount --bind "/dev/$d" "$W/dev/$d"; done
mkdir -p "$W/dev/pts" "$W/dev/shm"; mount -t tmpfs none "$W/dev/shm"
mount --rbind "$W/dev" /dev
echo "nameserver 127.0.0.1" > "$W/resolv.conf"; echo "options timeout:2 attempts:1" >> "$W/resolv.conf"
mount --bind "$W/resolv.conf" /etc/resolv.conf

# ---- private syslog: only opendmarc writes to it ----
cat > "$W/rsyslog.conf" <<EOF
global(workDirectory="$W/run")
module(load="imuxsock" SysSock.Name="/dev/log" SysSock.RateLimit.Interval="0")
:programname, isequal, "opendmarc" action(type="omfile" file="$W/log/opendmarc.log" template="RSYSLOG_TraditionalFileFormat")
EOF
rsyslogd -f "$W/rsyslog.conf" -i "$W/run/rsyslogd.pid"
sleep 1

# ---- DNS data ----
cat > "$W/dnsmasq.conf" <<'EOF'
port=53
listen-address=127.0.0.1
bind-interfaces
no-resolv
no-hosts
local=/test/
server=/slow.test/127.0.0.9
txt-record=_dmarc.pass.test,"v=DMARC1; p=reject; rua=mailto:agg@pass.test; ruf=mailto:fail@pass.test; fo=1"
txt-record=_dmarc.reject.test,"v=DMARC1; p=reject; pct=100; adkim=s; aspf=s; ruf=mailto:dmarc@reject.test"
txt-record=_dmarc.quar.test,"v=DMARC1; p=quarantine; pct=50; rua=mailto:agg@quar.test"
txt-record=_dmarc.none.test,"v=DMARC1; p=none"
txt-record=_dmarc.bad.test,"v=DMARC1; p=bogus; pct=abc"
txt-record=_dmarc.notdmarc.test,"v=spf1 -all"
txt-record=_dmarc.parent.test,"v=DMARC1; p=none; sp=reject; fo=d"
txt-record=_dmarc.two.test,"v=DMARC1; p=none","v=DMARC1; p=reject"
txt-record=pass.test,"v=spf1 ip4:192.0.2.0/24 -all"
txt-record=reject.test,"v=spf1 ip4:198.51.100.7 -all"
txt-record=quar.test,"v=spf1 ip4:192.0.2.0/24 ~all"
txt-record=none.test,"v=spf1 ?all"
txt-record=parent.test,"v=spf1 include:pass.test -all"
txt-record=sub.parent.test,"v=spf1 ip4:203.0.113.0/24 -all"
txt-record=bad.test,"v=spf1 ip4:192.0.2.0/24 redirect=nowhere.test bogus"
txt-record=nodmarc.test,"v=spf1 a mx -all"
EOF
dnsmasq -C "$W/dnsmasq.conf" -x "$W/run/dnsmasq.pid" --log-facility="$W/log/dnsmasq.log"

# ---- opendmarc config ----
printf '10.66.0.0/16\nignored.example.test\n' > "$W/ignore.hosts"
cat > "$W/report.sh" <<'EOF'
#!/bin/sh
cat > /dev/null
exit $(( $(od -An -N1 -tu1 /dev/urandom) % 3 == 0 ? 1 : 0 ))
EOF
chmod 755 "$W/report.sh"
touch "$W/history.dat"; chown -R opendmarc "$W/run" "$W/history.dat"
write_conf() { # $1 = reject failures true/false, $2 = broken?
cat > "$W/opendmarc.conf" <<EOF
$( [ $((RANDOM % 3)) = 0 ] || echo "AuthservID mx.example.test" )
TrustedAuthservIDs mx.example.test,relay.example.test
AuthservIDWithJobID $( [ $((RANDOM % 2)) = 0 ] && echo true || echo false )
Background false
Syslog true
SyslogFacility mail
MilterDebug 6
SoftwareHeader true
RequiredHeaders $( [ $((RANDOM % 3)) = 0 ] && echo false || echo true )
RejectMultiValueFrom true
RejectFailures $1
HoldQuarantinedMessages true
SPFSelfValidate true
SPFIgnoreResults false
DNSTimeout 3
HistoryFile $W/history.dat
RecordAllMessages true
FailureReports true
FailureReportsOnNone true
FailureReportsSentBy dmarc-noreply@example.test
FailureReportsBcc postmaster@example.test
ReportCommand $W/report.sh
CopyFailuresTo dmarc-copy@example.test
IgnoreHosts $W/ignore.hosts
IgnoreMailFrom ignoreme.test,lists.example.test
IgnoreAuthenticatedClients true
PublicSuffixList /usr/share/publicsuffix/public_suffix_list.dat
PidFile $W/run/opendmarc.pid
Socket local:$W/run/milter.sock
UserID opendmarc
UMask 0002
EOF
[ "${2:-}" = broken ] && echo "DNSTimeout notanumber" >> "$W/opendmarc.conf" && echo "ThisIsNotAnOption yes" >> "$W/opendmarc.conf"
}
write_conf false
start_dmarc() { opendmarc -f -c "$W/opendmarc.conf" >/dev/null 2>&1 & echo $! > "$W/run/opendmarc.fpid"; sleep 1.5; }
stop_dmarc() { local p i; p=$(cat "$W/run/opendmarc.fpid"); kill "$p" 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$p" 2>/dev/null; sleep 0.5; }  # a hung filter (e.g. after a failed reload) is killed
start_dmarc

# ---- raw client sending malformed milter packets (libmilter's own error messages) ----
cat > "$W/rawmilter.py" <<'EOF'
import socket, struct, random, sys, time
R = random.Random(); path = sys.argv[1]
def pkt(cmd, data=b''): return struct.pack('>I', len(data) + 1) + cmd + data
neg = pkt(b'O', struct.pack('>III', 6, 0x1ff, 0x1fffff))
case = R.randint(0, 6)
s = socket.socket(socket.AF_UNIX); s.settimeout(3); s.connect(path)
try:
    if case == 0: s.sendall(pkt(b'O', b'\0\0\0\6'))                                  # short option negotiation
    elif case == 1: s.sendall(pkt(b'O', struct.pack('>III', 1, 0x1ff, 0x1fffff)))     # protocol version too old
    elif case == 2: s.sendall(struct.pack('>I', 0x7ffffff0) + b'O')                  # absurd length
    elif case == 3: s.sendall(bytes(R.randint(32, 126) for _ in range(R.randint(5, 60))))   # ASCII garbage
    elif case == 4:
        s.sendall(neg); s.recv(100)
        s.sendall(pkt(b'C', b'host.example.test\0' + R.choice([b'X', b'4', b'6']) + b'\0\x19' + b'junk\0'))   # bad connect info
    elif case == 5:
        s.sendall(neg); s.recv(100); s.sendall(struct.pack('>I', 40) + b'H' + b'half')  # dropped mid-command
    else:
        s.sendall(neg); s.recv(100); s.sendall(pkt(R.choice([b'Z', b'Y', b'\x01'])))      # unknown command
    time.sleep(0.3)
    try: s.recv(100)
    except Exception: pass
except Exception: pass
s.close()
EOF

# ---- miltertest session generator ----
gen() {  # writes $2 random Lua miltertest scripts named $1.<i>.lua
python3 - "$1" "$W/run/milter.sock" "$2" <<'EOF'
import random, sys
R = random.Random()
base, sock, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for idx in range(count):
  path = '%s.%d.lua' % (base, idx)
  doms = ['pass.test', 'reject.test', 'quar.test', 'none.test', 'nodmarc.test', 'bad.test', 'notdmarc.test',
          'sub.parent.test', 'parent.test', 'two.test', 'slow.test', 'ignoreme.test', 'lists.example.test']
  wts = [6, 5, 4, 4, 3, 2, 1, 2, 2, 1, 1, 1, 1]
  users = ['alice', 'bob', 'carol', 'news', 'billing', 'noreply', 'root', 'dave', 'info']
  def ip():
      k = R.random()
      if k < .4: return '192.0.2.%d' % R.randint(1, 254)
      if k < .55: return '198.51.100.%d' % R.randint(1, 254)
      if k < .65: return '10.66.%d.%d' % (R.randint(0, 255), R.randint(1, 254))
      if k < .72: return '2001:db8::%x' % R.randint(1, 65535)
      return '203.0.113.%d' % R.randint(1, 254)
  def q(s): return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\r', '\\r').replace('\n', '\\n') + '"'
  L = []
  a = L.append
  a('conn = mt.connect(%s, 3, 1)' % q('local:' + sock))
  a('if conn == nil then error("connect failed") end')
  a('mt.set_timeout(15)')
  host = R.choice(['mail', 'smtp', 'mx%d' % R.randint(1, 9), 'out']) + '.' + R.choice(doms)
  cip = ip()
  if R.random() < .05: host = 'ignored.example.test'
  a('mt.macro(conn, SMFIC_CONNECT, "j", "mx.example.test", "{daemon_name}", "mx")')
  a('if mt.conninfo(conn, %s, %s) ~= nil then error("conninfo") end' % (q(host), q(cip)))
  a('if mt.getreply(conn) ~= SMFIR_CONTINUE then mt.disconnect(conn) return end')
  a('mt.helo(conn, %s)' % q(host))
  for n in range(R.choice([1, 1, 1, 2, 3])):
      fd = R.choices(doms, wts)[0]
      env_d = fd if R.random() < .7 else R.choices(doms, wts)[0]
      qid = '%010X' % R.getrandbits(40)
      macros = ['"i"', q(qid)] if R.random() < .9 else []
      if R.random() < .06: macros += ['"{auth_authen}"', q(R.choice(users))]
      if macros: a('mt.macro(conn, SMFIC_MAIL, %s)' % ', '.join(macros))
      a('mt.mailfrom(conn, %s)' % q('<%s@%s>' % (R.choice(users), env_d) if R.random() > .05 else '<>'))
      for _ in range(R.randint(1, 3)):
          a('mt.rcptto(conn, %s)' % q('<%s@example.test>' % R.choice(users)))
      hdrs = []
      kind = R.random()
      frm = '%s <%s@%s>' % (R.choice(['Alice', 'Bob Smith', 'Billing Dept', '"Doe, John"']), R.choice(users), fd)
      if kind < .05: pass                                            # no From at all
      elif kind < .09: hdrs.append(('From', frm)); hdrs.append(('From', 'x@%s' % R.choice(doms)))  # two From fields
      elif kind < .13: hdrs.append(('From', frm + ', other@%s' % R.choice(doms)))  # multi-valued
      elif kind < .17: hdrs.append(('From', R.choice(['undisclosed', '<>', 'broken <@>', '"quoted only"', '@@@'])))
      else: hdrs.append(('From', frm))
      if R.random() > .06: hdrs.append(('Date', 'Sat, 5 Dec 2026 13:%02d:%02d +0000' % (R.randint(0, 59), R.randint(0, 59))))
      hdrs.append(('Subject', R.choice(['invoice', 'hello', 'report %d' % R.randint(1, 999), 'meeting'])))
      hdrs.append(('Message-ID', '<%x@%s>' % (R.getrandbits(48), fd)))
      if R.random() < .04: hdrs.append(('Date', 'Mon, 1 Jan 2024 00:00:00 +0000'))
      # DKIM / SPF results in Authentication-Results
      ar = []
      for _ in range(R.choice([0, 1, 1, 1, 2])):
          authserv = R.choices(['mx.example.test', 'relay.example.test', 'evil.other.test', 'mx.example.test'], [5, 2, 1, 1])[0]
          dd = fd if R.random() < .7 else R.choice(doms)
          parts = []
          if R.random() < .8: parts.append('dkim=%s header.d=%s header.s=sel%d header.b=%s' % (R.choice(['pass', 'pass', 'fail', 'neutral', 'temperror', 'policy']), dd, R.randint(1, 3), ''.join(R.choice('abcdefXYZ0123') for _ in range(8))))
          if R.random() < .4: parts.append('spf=%s smtp.mailfrom=%s' % (R.choice(['pass', 'fail', 'softfail', 'none', 'neutral']), R.choice([dd, 'x@' + dd, ''])))
          if R.random() < .12: parts = [R.choice(['garbage ;; ==', 'dkim', 'spf=pass smtp.mailfrom', '=== ;', 'spf=pass',
                                                  'spf=fail smtp.remote-ip=%s' % cip, 'spf=pass smtp.mailfrom=@@', 'spf=pass smtp.mailfrom=<>',
                                                  'spf=pass smtp.helo=%s' % host, 'dkim=pass header.d=', 'dkim=pass header.i=@%s' % dd])]
          if not parts: parts = ['none']
          ar.append(authserv + ('; ' if parts else '') + '; '.join(parts))
      for v in ar: hdrs.append(('Authentication-Results', v))
      if R.random() < .15: hdrs.append(('Received-SPF', '%s (mx.example.test: domain of %s) client-ip=%s' % (R.choice(['pass', 'fail', 'softfail', 'garbage']), env_d, cip)))
      if R.random() < .05: hdrs.append(('ARC-Authentication-Results', 'i=1; relay.example.test; dkim=pass header.d=%s' % fd))
      if R.random() < .04: hdrs.append(('ARC-Authentication-Results', R.choice(['garbage', 'i=x; ;;', 'relay.example.test; arc=pass', 'i=; dkim'])))
      if R.random() < .05: hdrs.append(('ARC-Seal', 'i=%s; a=rsa-sha256; cv=%s; d=%s; s=arc; b=xyz' % (R.choice(['1', '2', 'x']), R.choice(['none', 'pass', 'fail']), R.choice(doms))))
      R.shuffle(hdrs) if R.random() < .2 else None
      for k, v in hdrs:
          a('mt.header(conn, %s, %s)' % (q(k), q(v)))
      if R.random() < .05:
          a('mt.abort(conn)'); continue
      a('mt.eoh(conn)')
      a('mt.eom(conn)')
  a('mt.disconnect(conn, %s)' % ('true' if R.random() < .9 else 'false'))
  open(path, 'w').write('\n'.join(L) + '\n')
EOF
}

END=$((SECONDS + DURATION)); n=0
r() { echo $((RANDOM % $1)); }
while [ $SECONDS -lt $END ]; do
  n=$((n + 1))
  case $(r 30) in
    0) [ $(r 2) = 0 ] && { stop_dmarc; write_conf $([ $(r 2) = 0 ] && echo true || echo false); start_dmarc; } ;;
    1) [ $(r 3) = 0 ] && { stop_dmarc; write_conf false broken; start_dmarc; stop_dmarc; write_conf false; start_dmarc; } ;;
    2) [ $(r 2) = 0 ] && { chmod 000 "$W/history.dat"; chown root "$W/history.dat"; gen "$W/lua/h$n" 2
         for f in "$W"/lua/h$n.*.lua; do miltertest -s "$f" >>"$W/log/miltertest.out" 2>&1; done
         chown opendmarc "$W/history.dat"; chmod 644 "$W/history.dat"; } ;;
    3|4) python3 "$W/rawmilter.py" "$W/run/milter.sock" >/dev/null 2>&1 & ;;
    *) gen "$W/lua/s$n" $((1 + $(r 4)))
       for f in "$W"/lua/s$n.*.lua; do miltertest -s "$f" >>"$W/log/miltertest.out" 2>&1 & done ;;
  esac
  sleep 0.$((2 + $(r 4)))
done
sleep 6
# a configuration reload by SIGUSR1 (as an operator would do) just before the stop
kill -USR1 "$(cat "$W/run/opendmarc.fpid")"; sleep 1
gen "$W/lua/last" 2; for f in "$W"/lua/last.*.lua; do timeout 20 miltertest -s "$f" >>"$W/log/miltertest.out" 2>&1; done
stop_dmarc
sleep 1
kill "$(cat "$W/run/dnsmasq.pid")" "$(cat "$W/run/rsyslogd.pid")" 2>/dev/null
sleep 1
cp "$W/log/opendmarc.log" "$OUT/opendmarc.log"
