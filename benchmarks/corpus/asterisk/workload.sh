#!/bin/bash
# Round-10 corpus workload: Asterisk PBX 16.28 (Debian 11 "bullseye" packages: Asterisk is not in
# Debian 12, so its .debs are fetched with a private apt list and unpacked into /opt/ast16, with
# libssl1.1 beside it), logger file `messages` with notice,warning,error,verbose,dtmf at
# verbose 5. Randomised SIP clients (sipua.py, next to this script) against chan_pjsip and chan_sip,
# AMI sessions, call files and `asterisk -rx` CLI commands, reloads, a restart and a stop.
# Everything binds 127.0.0.1, ports 15000-15599 only.
# Run as root on Debian 12:  bash workload.sh [DURATION_SECONDS]   (default 270; the log here came from 270)
# The log is copied to ./asterisk.log (the raw file stays in /tmp/r10ast/log/messages).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=${1:-270}
W=/tmp/r10ast
AST=/opt/ast16
export LD_LIBRARY_PATH=$AST/usr/lib/x86_64-linux-gnu:$AST/usr/lib

# ---------------------------------------------------------------- install (once)
if [ ! -x $AST/usr/sbin/asterisk ]; then
  A=/tmp/r10apt; mkdir -p $A/lists/partial $A/cache/archives/partial $A/etc
  cat > $A/etc/sources.list <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bullseye main
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bullseye-security main
EOF
  APTO="-o Dir::Etc::sourcelist=$A/etc/sources.list -o Dir::Etc::sourceparts=/nonexistent -o Dir::State::Lists=$A/lists -o Dir::Cache=$A/cache"
  apt-get $APTO update
  V=1:16.28.0~dfsg-0+deb11u10
  (cd $A/cache/archives && apt-get $APTO download asterisk=$V asterisk-modules=$V asterisk-config=$V \
     libssl1.1/bullseye-security asterisk-core-sounds-en-gsm/bullseye)
  mkdir -p $AST; for f in $A/cache/archives/*.deb; do dpkg -x "$f" $AST; done
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y libjansson4 liburiparser1 libedit2 libxslt1.1 \
    libgsm1 libspeexdsp1 libsrtp2-1 libvorbisfile3 libresample1 libspandsp2 libical3 libgmime-3.0-0 \
    libneon27-gnutls libcurl4 libpopt0 libsqlite3-0 python3
fi

# ---------------------------------------------------------------- stop a previous run
if [ -f $W/run/asterisk.pid ]; then kill "$(cat $W/run/asterisk.pid)" 2>/dev/null; sleep 2; fi
rm -rf $W; mkdir -p $W/log/cdr-csv $W/etc $W/lib $W/data/sounds $W/spool/outgoing $W/spool/tmp $W/run $W/log $W/agi $W/cache
ln -s $AST/usr/share/asterisk/sounds/en_US_f_Allison $W/data/sounds/en
ln -s $AST/usr/share/asterisk/documentation $W/data/documentation
ln -s $AST/usr/share/asterisk/keys $W/data/keys
mkdir -p $W/lib/moh; cp $AST/usr/share/asterisk/sounds/en_US_f_Allison/{hello-world,tt-monkeys,demo-congrats}.gsm $W/lib/moh/

cat > $W/etc/asterisk.conf <<EOF
[directories]
astcachedir => $W/cache
astetcdir => $W/etc
astmoddir => $AST/usr/lib/asterisk/modules
astvarlibdir => $W/lib
astdbdir => $W/lib
astkeydir => $W/lib
astdatadir => $W/data
astagidir => $W/agi
astspooldir => $W/spool
astrundir => $W/run
astlogdir => $W/log
astsbindir => $AST/usr/sbin
[options]
verbose = 5
debug = 0
runuser = root
rungroup = root
systemname = pbx1
EOF

cat > $W/etc/logger.conf <<EOF
[general]
dateformat = %F %T.%3q
[logfiles]
messages => notice,warning,error,verbose,dtmf
EOF

cat > $W/etc/modules.conf <<EOF
[modules]
autoload = no
load => res_timing_timerfd.so
load => res_sorcery_config.so
load => res_sorcery_memory.so
load => res_sorcery_astdb.so
load => res_pjproject.so
load => res_pjsip.so
load => res_pjsip_session.so
load => res_pjsip_authenticator_digest.so
load => res_pjsip_outbound_authenticator_digest.so
load => res_pjsip_endpoint_identifier_user.so
load => res_pjsip_endpoint_identifier_ip.so
load => res_pjsip_registrar.so
load => res_pjsip_outbound_registration.so
load => res_pjsip_caller_id.so
load => res_pjsip_sdp_rtp.so
load => res_pjsip_messaging.so
load => res_pjsip_pubsub.so
load => res_pjsip_outbound_publish.so
load => res_pjsip_exten_state.so
load => res_pjsip_pidf_body_generator.so
load => res_pjsip_dialog_info_body_generator.so
load => res_pjsip_mwi.so
load => res_pjsip_mwi_body_generator.so
load => res_pjsip_dtmf_info.so
load => res_pjsip_nat.so
load => res_pjsip_acl.so
load => res_pjsip_rfc3326.so
load => res_pjsip_notify.so
load => res_pjsip_refer.so
load => res_rtp_asterisk.so
load => res_musiconhold.so
load => res_clioriginate.so
load => res_convert.so
load => res_limit.so
load => chan_pjsip.so
load => chan_sip.so
load => bridge_simple.so
load => bridge_native_rtp.so
load => bridge_softmix.so
load => bridge_holding.so
load => bridge_builtin_features.so
load => codec_ulaw.so
load => codec_alaw.so
load => codec_gsm.so
load => codec_a_mu.so
load => format_gsm.so
load => format_wav.so
load => format_pcm.so
load => pbx_config.so
load => pbx_spool.so
load => app_dial.so
load => app_playback.so
load => app_echo.so
load => app_verbose.so
load => app_read.so
load => app_senddtmf.so
load => app_stack.so
load => app_exec.so
load => app_milliwatt.so
load => app_record.so
load => app_system.so
load => app_userevent.so
load => app_db.so
load => app_confbridge.so
load => app_queue.so
load => app_originate.so
load => app_sayunixtime.so
load => app_playtones.so
load => app_chanisavail.so
load => app_while.so
load => app_authenticate.so
load => app_waitforsilence.so
load => app_directed_pickup.so
load => app_transfer.so
load => app_softhangup.so
load => app_mixmonitor.so
load => res_monitor.so
load => func_callerid.so
load => func_strings.so
load => func_logic.so
load => func_rand.so
load => func_global.so
load => func_db.so
load => func_channel.so
load => func_math.so
load => func_cdr.so
load => func_timeout.so
load => func_devstate.so
load => func_hangupcause.so
load => func_pjsip_endpoint.so
load => func_pjsip_contact.so
load => func_shell.so
load => func_groupcount.so
load => func_cut.so
load => func_sysinfo.so
load => cdr_csv.so
EOF

cat > $W/etc/rtp.conf <<EOF
[general]
rtpstart = 15100
rtpend = 15199
EOF

PW_ALICE=wonder$RANDOM; PW_BOB=builder$RANDOM
cat > $W/etc/pjsip.conf <<EOF
[global]
type = global
user_agent = Asterisk PBX pbx1
[transport-udp]
type = transport
protocol = udp
bind = 127.0.0.1:15060
[transport-tcp]
type = transport
protocol = tcp
bind = 127.0.0.1:15060

[ep](!)
type = endpoint
context = internal
disallow = all
allow = ulaw,alaw,gsm
direct_media = no
dtmf_mode = rfc4733
rtp_timeout = 20
allow_subscribe = yes
message_context = messages
[aorT](!)
type = aor
max_contacts = 2
remove_existing = yes
qualify_frequency = 15
default_expiration = 120
maximum_expiration = 600
minimum_expiration = 30
[authT](!)
type = auth
auth_type = userpass
EOF
for u in alice:$PW_ALICE bob:$PW_BOB carol:carol$RANDOM dave:dave$RANDOM erin:erin$RANDOM; do
  n=${u%%:*}; p=${u#*:}
  echo "$n $p" >> $W/users.txt
  cat >> $W/etc/pjsip.conf <<EOF
[$n](ep)
auth = $n
aors = $n
callerid = "${n^}" <$((200 + ${#W} + RANDOM % 700))>
mailboxes = $n@default
[$n](authT)
username = $n
password = $p
[$n](aorT)
EOF
done
cat >> $W/etc/pjsip.conf <<EOF
[trunk-link]
type = registration
outbound_auth = trunk-link-auth
server_uri = sip:127.0.0.1:15061
client_uri = sip:pbxlink@127.0.0.1:15061
retry_interval = 20
forbidden_retry_interval = 30
expiration = 60
[trunk-link-auth]
type = auth
auth_type = userpass
username = pbxlink
password = linkpass
[trunk-dead]
type = registration
outbound_auth = trunk-link-auth
server_uri = sip:127.0.0.1:15598
client_uri = sip:pbx1@127.0.0.1:15598
retry_interval = 25
expiration = 120
EOF

cat > $W/etc/sip.conf <<EOF
[general]
context = sipin
udpbindaddr = 127.0.0.1:15061
tcpenable = no
allowguest = no
alwaysauthreject = yes
srvlookup = no
useragent = Asterisk-chan_sip pbx1
disallow = all
allow = ulaw
allow = alaw
qualifyfreq = 20
defaultexpiry = 120
minexpiry = 30
[frank]
type = friend
host = dynamic
secret = frank$RANDOM
context = sipin
qualify = yes
[grace]
type = friend
host = dynamic
secret = grace$RANDOM
context = sipin
[pbxlink]
type = friend
host = dynamic
secret = linkpass
context = sipin
EOF
grep -A3 '^\[frank\]\|^\[grace\]' $W/etc/sip.conf | awk '/^\[/{n=substr($0,2,length($0)-2)} /secret/{print n, $3}' >> $W/users.txt

cat > $W/etc/manager.conf <<EOF
[general]
enabled = yes
port = 15038
bindaddr = 127.0.0.1
authtimeout = 5
authlimit = 10
[admin]
secret = amipass
read = all
write = all
[monitor]
secret = monpass
read = system,call,reporting
write = originate
EOF

cat > $W/etc/musiconhold.conf <<EOF
[default]
mode = files
directory = $W/lib/moh
sort = random
EOF

cat > $W/etc/confbridge.conf <<EOF
[general]
[default_bridge]
type = bridge
[default_user]
type = user
quiet = yes
EOF

cat > $W/etc/queues.conf <<EOF
[general]
persistentmembers = no
[support]
strategy = ringall
timeout = 4
retry = 1
maxlen = 3
member => PJSIP/carol
member => PJSIP/dave
EOF

cat > $W/etc/cdr.conf <<EOF
[general]
enable = yes
[csv]
usegmtime = yes
EOF
for f in indications.conf cli.conf ccss.conf features.conf udptl.conf codecs.conf cel.conf pjsip_notify.conf; do
  [ -f $AST/etc/asterisk/$f ] && cp $AST/etc/asterisk/$f $W/etc/
done
touch $W/etc/extconfig.conf $W/etc/res_stun_monitor.conf $W/etc/pjproject.conf $W/etc/acl.conf $W/etc/sorcery.conf

cat > $W/etc/extensions.conf <<'EOF'
[general]
static = yes
writeprotect = no
autofallthrough = yes
[globals]
GREETING = hello-world

[internal]
exten => 100,1,NoOp(Echo test for ${CALLERID(num)})
 same => n,Answer()
 same => n,Verbose(2,Caller ${CALLERID(name)} entered echo test)
 same => n,Echo()
 same => n,Hangup()
exten => 101,1,Answer()
 same => n,Playback(${GREETING})
 same => n,SayDigits(${RAND(10,99)})
 same => n,Hangup()
exten => 102,1,Answer()
 same => n,Read(PIN,,4,,1,5)
 same => n,Verbose(1,PIN entered by ${CHANNEL(endpoint)}: ${PIN})
 same => n,GotoIf($["${PIN}" = "1234"]?ok:bad)
 same => n(ok),Playback(auth-thankyou)
 same => n,Hangup()
 same => n(bad),Log(WARNING,Wrong PIN '${PIN}' from ${CALLERID(num)})
 same => n,Playback(vm-incorrect)
 same => n,Hangup(21)
exten => 103,1,Answer()
 same => n,Set(KEY=n${CALLERID(num)})
 same => n,Set(COUNT=$[0${DB(calls/${KEY})} + 1])
 same => n,Set(DB(calls/${KEY})=${COUNT})
 same => n,Log(NOTICE,Caller ${CALLERID(num)} has called ${COUNT} times)
 same => n,Milliwatt()
exten => 104,1,Answer()
 same => n,MusicOnHold(default,${RAND(2,5)})
 same => n,Hangup()
exten => 105,1,Answer()
 same => n,ConfBridge(${RAND(1,3)})
exten => 106,1,Queue(support,t,,,8)
 same => n,Verbose(1,Queue result ${QUEUESTATUS})
 same => n,Hangup()
exten => 107,1,Gosub(sub-check,s,1(${CALLERID(num)},${RAND(0,9)}))
 same => n,Verbose(1,Subroutine returned ${GOSUB_RETVAL})
 same => n,Hangup()
exten => 108,1,Answer()
 same => n,System(/bin/sh -c "exit ${RAND(0,2)}")
 same => n,Verbose(1,System status ${SYSTEMSTATUS})
 same => n,Wait(1)
 same => n,Hangup()
exten => 109,1,Answer()
 same => n,Authenticate(4321,,4)
 same => n,Playback(auth-thankyou)
 same => n,Hangup()
exten => 110,1,Answer()
 same => n,Record(${ASTSPOOLDIR}/rec-${UNIQUEID}.wav,2,5,k)
 same => n,Verbose(1,Recording status ${RECORD_STATUS})
 same => n,Hangup()
exten => 111,1,Answer()
 same => n,PlayTones(busy)
 same => n,Wait(2)
 same => n,Busy(3)
exten => 112,1,Answer()
 same => n,Playback(no-such-file-${RAND(1,9)})
 same => n,Hangup()
exten => 113,1,Congestion(2)
exten => 114,1,Set(TIMEOUT(absolute)=2)
 same => n,Answer()
 same => n,Echo()
exten => 115,1,UserEvent(Custom,Caller: ${CALLERID(num)})
 same => n,Set(GROUP()=g${RAND(1,2)})
 same => n,Verbose(1,Group count ${GROUP_COUNT()})
 same => n,Answer()
 same => n,Wait(${RAND(1,3)})
 same => n,Hangup()
exten => _2XX,1,Verbose(2,Call from ${CALLERID(all)} to ${EXTEN})
 same => n,Dial(PJSIP/${DB(ext/${EXTEN})},${RAND(4,9)})
 same => n,Verbose(1,Dial to ${EXTEN} finished: ${DIALSTATUS})
 same => n,Hangup()
exten => _3XX,1,Dial(PJSIP/${EXTEN:1}@trunk-link,5)
 same => n,Hangup()
exten => alice,1,Dial(PJSIP/alice,6)
exten => bob,1,Dial(PJSIP/bob,6)
exten => carol,1,Dial(PJSIP/carol,6)
exten => dave,1,Dial(PJSIP/dave,6)
exten => erin,1,Dial(PJSIP/erin,6)
exten => frank,1,Dial(SIP/frank,6)
exten => grace,1,Dial(SIP/grace,6)
exten => 400,1,ChanIsAvail(PJSIP/bob&SIP/frank)
 same => n,Verbose(1,Available: ${AVAILCHAN} status ${AVAILSTATUS})
 same => n,Hangup()
exten => 401,1,Originate(Local/101@internal,exten,internal,115,1)
 same => n,Hangup()
exten => 402,1,Answer()
 same => n,SendDTMF(${RAND(100,999)})
 same => n,Hangup()
exten => 403,1,Answer()
 same => n,SayUnixTime()
 same => n,Hangup()
exten => 404,1,NoOp()
 same => n,Goto(nowhere,s,1)
exten => h,1,Verbose(3,Hangup ${CHANNEL} cause ${HANGUPCAUSE})

[sub-check]
exten => s,1,Verbose(2,Checking ${ARG1} with ${ARG2})
 same => n,GotoIf($[${ARG2} > 4]?high)
 same => n,Return(low)
 same => n(high),Log(NOTICE,High value ${ARG2} for ${ARG1})
 same => n,Return(high)

[messages]
exten => _[a-z].,1,Verbose(2,Text message from ${MESSAGE(from)} to ${EXTEN})
 same => n,MessageSend(pjsip:${EXTEN},${MESSAGE(from)})
 same => n,Verbose(2,MessageSend to ${EXTEN} status ${MESSAGE_SEND_STATUS})
 same => n,Hangup()

[sipin]
exten => _X.,1,Verbose(2,chan_sip call to ${EXTEN})
 same => n,Goto(internal,${EXTEN},1)
exten => alice,1,Goto(internal,alice,1)
exten => bob,1,Goto(internal,bob,1)
EOF

# ---------------------------------------------------------------- start
AS="$AST/usr/sbin/asterisk -C $W/etc/asterisk.conf"
start_ast() { $AS -g; for i in $(seq 40); do [ -S $W/run/asterisk.ctl ] && $AS -rx "core waitfullybooted" >/dev/null 2>&1 && return; sleep 0.5; done; }
start_ast
for i in $(seq 200 205); do $AS -rx "database put ext $i $(shuf -n1 -e alice bob carol dave erin nobody)" >/dev/null; done

# ---------------------------------------------------------------- randomised workload
cp "$HERE/sipua.py" $W/sipua.py
cat > $W/driver.py <<'PYEOF'
import os, random, socket, subprocess, sys, threading, time
sys.path.insert(0, os.path.dirname(__file__))
import sipua
from sipua import UA, rnd, raw_send
W = os.path.dirname(os.path.abspath(__file__))
AS = os.environ["AS"].split()
DUR = float(sys.argv[1])
PJ = ("127.0.0.1", 15060); CS = ("127.0.0.1", 15061)
users = dict(l.split() for l in open(W + "/users.txt"))
PJU = ["alice", "bob", "carol", "dave", "erin"]
CSU = ["frank", "grace"]
lock = threading.Lock()

def cli(cmd):
    subprocess.run(AS + ["-rx", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)

def mk(user, pw=None, server=PJ, transport=None):
    t = transport or random.choice(["udp", "udp", "tcp"]) if server == PJ else "udp"
    return UA(user, users.get(user, "x") if pw is None else pw, "127.0.0.1", server, t,
              display=random.choice([None, user.capitalize(), "%s %s" % (user.capitalize(), rnd(4))]))

# long-lived registered phones that answer, refuse or ignore calls
phones = {}
def phone_loop(name, server):
    while running:
        ua = mk(name, server=server, transport="udp")
        ua.callee = random.choice(["answer", "answer", "busy", "ring", "decline", "unavail"])
        ua.register(expires=random.choice([60, 90, 120, 300]))
        phones[name] = ua
        life = time.time() + random.uniform(20, 60)
        while running and time.time() < life:
            time.sleep(1)
            if random.random() < 0.05:
                ua.callee = random.choice(["answer", "busy", "ring", "decline"])
        if random.random() < 0.6:
            ua.register(expires=0)
        ua.close()
        time.sleep(random.uniform(0.5, 8))

running = True
for n in random.sample(PJU, 3):
    threading.Thread(target=phone_loop, args=(n, PJ), daemon=True).start()
threading.Thread(target=phone_loop, args=("frank", CS), daemon=True).start()

def ami(user, secret, actions):
    try:
        s = socket.create_connection(("127.0.0.1", 15038), timeout=5)
        s.recv(200)
        s.sendall(("Action: Login\r\nUsername: %s\r\nSecret: %s\r\n\r\n" % (user, secret)).encode())
        time.sleep(0.3)
        for a in actions:
            s.sendall(a.encode())
            time.sleep(random.uniform(0.2, 1.0))
        if random.random() < 0.7:
            s.sendall(b"Action: Logoff\r\n\r\n")
        time.sleep(0.3)
        s.close()
    except OSError:
        pass

def one_call(caller, ext, **kw):
    ua = mk(caller)
    try:
        ua.call(ext, **kw)
    finally:
        ua.close()

def task():
    r = random.random()
    u = random.choice(PJU)
    if r < 0.10:   # registration good / wrong password / unknown user
        k = random.random()
        ua = mk(u if k < 0.8 else "mallory%d" % random.randint(1, 99), pw=None if k < 0.5 else "bad%d" % random.randint(0, 999))
        ua.register(expires=random.choice([0, 15, 60, 120, 900]))
        if random.random() < 0.5: ua.register(expires=0)
        ua.close()
    elif r < 0.15:  # chan_sip registration
        k = random.random()
        n = random.choice(CSU) if k < 0.7 else "eve%d" % random.randint(1, 99)
        ua = mk(n, pw=None if k < 0.4 else "nope", server=CS)
        ua.register(expires=random.choice([60, 120]))
        ua.close()
    elif r < 0.55:  # calls into the dialplan
        ext = random.choice(["100", "101", "102", "103", "104", "105", "106", "107", "108", "109", "110",
                             "111", "112", "113", "114", "115", "400", "401", "402", "403", "404",
                             "200", "201", "202", "203", "204", "205", "301", "302",
                             "alice", "bob", "carol", "dave", "erin", "frank", "grace",
                             "999", "%d" % random.randint(500, 9999), "*%d" % random.randint(1, 99)])
        dt = "".join(random.choice("0123456789#") for _ in range(random.randint(0, 5)))
        if ext in ("102", "109") and random.random() < 0.4:
            dt = random.choice(["1234#", "4321#"])
        kw = dict(hold=random.uniform(1.0, 7.0), dtmf=dt)
        if random.random() < 0.1: kw["cancel_after"] = random.uniform(0.2, 2)
        if random.random() < 0.08: kw["codecs"] = [(18, "G729/8000")]
        if random.random() < 0.1: kw["password"] = "wrong"
        one_call(random.choice(PJU + ["mallory"]) if random.random() < 0.1 else u, ext, **kw)
    elif r < 0.60:  # chan_sip calls
        ua = mk(random.choice(CSU), server=CS)
        try:
            ua.call(random.choice(["100", "101", "alice", "bob", "998", "115"]), hold=random.uniform(1, 4))
        finally:
            ua.close()
    elif r < 0.66:  # MESSAGE / OPTIONS / SUBSCRIBE
        ua = mk(u)
        k = random.random()
        if k < 0.4: ua.message(random.choice(PJU + ["ghost"]), "hi %s" % rnd(random.randint(3, 30)))
        elif k < 0.7: ua.options()
        else: ua.subscribe(random.choice(["100", "200", "alice", "nope%d" % random.randint(1, 9)]),
                           random.choice(["presence", "dialog", "message-summary", "foo"]), random.choice([0, 60, 300]))
        ua.close()
    elif r < 0.70:  # garbage and malformed SIP
        srv = random.choice([PJ, CS, CS])
        ua = mk(u, transport="udp", server=srv)
        ua.garbage(5 if srv == PJ else None)  # pjproject dumps malformed packets over several lines
        time.sleep(0.3)
        ua.close()
    elif r < 0.80:  # AMI
        k = random.random()
        if k < 0.15: ami("admin", "wrong%d" % random.randint(0, 99), [])
        elif k < 0.25: ami("intruder%d" % random.randint(0, 99), "x", [])
        elif k < 0.35: ami("monitor", "monpass", ["Action: Command\r\nCommand: core show channels\r\n\r\n"])
        else:
            acts = []
            for _ in range(random.randint(1, 3)):
                acts.append(random.choice([
                    "Action: Originate\r\nChannel: Local/%s@internal\r\nApplication: Wait\r\nData: %d\r\nAsync: true\r\n\r\n" % (random.choice(["101", "103", "115", "999", "113"]), random.randint(1, 4)),
                    "Action: Originate\r\nChannel: PJSIP/%s\r\nContext: internal\r\nExten: 101\r\nPriority: 1\r\nTimeout: 5000\r\nAsync: true\r\n\r\n" % random.choice(PJU),
                    "Action: Ping\r\n\r\n",
                    "Action: Reload\r\nModule: %s\r\n\r\n" % random.choice(["chan_pjsip", "res_musiconhold", "app_queue"]),
                    "Action: DBPut\r\nFamily: notes\r\nKey: k%d\r\nVal: %s\r\n\r\n" % (random.randint(1, 50), rnd(6)),
                    "Action: QueueAdd\r\nQueue: support\r\nInterface: PJSIP/%s\r\n\r\n" % random.choice(PJU),
                    "Action: QueueRemove\r\nQueue: support\r\nInterface: PJSIP/%s\r\n\r\n" % random.choice(PJU),
                    "Action: PJSIPQualify\r\nEndpoint: %s\r\n\r\n" % random.choice(PJU),
                    "Action: Hangup\r\nChannel: /PJSIP/.*/\r\n\r\n",
                    "Action: Bogus%d\r\n\r\n" % random.randint(1, 9)]))
            ami("admin", "amipass", acts)
    elif r < 0.86:  # call files
        name = "cf%s.call" % rnd(5)
        tgt = random.choice(["Local/101@internal", "Local/113@internal", "PJSIP/%s" % u, "Local/777@internal", "PJSIP/nobody"])
        with open(W + "/spool/tmp/" + name, "w") as f:
            f.write("Channel: %s\nMaxRetries: %d\nRetryTime: 5\nWaitTime: 8\nContext: internal\nExtension: %s\nPriority: 1\n" % (
                tgt, random.randint(0, 1), random.choice(["115", "103", "100"])))
        os.rename(W + "/spool/tmp/" + name, W + "/spool/outgoing/" + name)
    else:  # CLI
        c = random.choice([
            "dialplan reload", "pjsip reload", "sip reload", "module reload res_musiconhold.so",
            "module reload app_queue.so", "manager reload", "logger reload", "core reload",
            "channel originate Local/%s@internal application Wait %d" % (random.choice(["101", "103", "999"]), random.randint(1, 4)),
            "database put ext %d %s" % (random.randint(200, 209), random.choice(PJU + ["nobody"])),
            "pjsip qualify %s" % random.choice(PJU), "sip qualify peer frank",
            "queue add member PJSIP/%s to support" % random.choice(PJU),
            "queue remove member PJSIP/%s from support" % random.choice(PJU),
            "hangup request all", "module unload app_echo.so", "module load app_echo.so",
            "pjsip send unregister trunk-link", "pjsip send register trunk-link",
            "confbridge kick %d all" % random.randint(1, 3),
            "channel request hangup all", "sip prune realtime all", "dialplan remove extension 404@internal",
            "dialplan add extension 404,1,Verbose(1,re-added) into internal replace", "trunk"])
        if c == "trunk":  # break or repair the outbound registration's password, then reload
            conf = open(W + "/etc/pjsip.conf").read()
            pw = random.choice(["linkpass", "linkpass", "oops%d" % random.randint(1, 99)])
            import re as _re
            conf = _re.sub(r"(\[trunk-link-auth\][^\[]*password = )\S+", lambda m: m.group(1) + pw, conf)
            open(W + "/etc/pjsip.conf", "w").write(conf)
            c = "pjsip reload"
        cli(c)

end = time.time() + DUR
threads = []
restarted = False
while time.time() < end:
    threads = [t for t in threads if t.is_alive()]
    if len(threads) < 1 or (len(threads) < 2 and random.random() < 0.3):
        t = threading.Thread(target=task, daemon=True); t.start(); threads.append(t)
    if not restarted and time.time() > end - DUR * 0.25:
        restarted = True
        cli("core restart now")
        time.sleep(12)
        for i in range(30):
            if subprocess.run(AS + ["-rx", "core waitfullybooted"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(1)
    time.sleep(random.uniform(0.5, 2.5))
running = False
time.sleep(8)
PYEOF
# ports drawn by the clients
AS="$AS" python3 $W/driver.py "$DURATION"
$AS -rx "core stop now" >/dev/null 2>&1
sleep 5
[ -f $W/run/asterisk.pid ] && kill "$(cat $W/run/asterisk.pid)" 2>/dev/null
cp $W/log/messages "$HERE/asterisk.log"
wc -l "$HERE/asterisk.log"
