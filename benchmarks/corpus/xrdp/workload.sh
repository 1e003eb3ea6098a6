#!/bin/bash
# Round-12 corpus workload: xrdp 0.9.21 + xrdp-sesman (Debian 12 package `xrdp`, with xorgxrdp and
# tigervnc-standalone-server for the Xorg and Xvnc session types), both bound to 127.0.0.1 only
# (xrdp on 21100, sesman on 21101, a dead VNC target on 21150). Both daemons log at DEBUG with
# process ids; the kept file is sesman's log, $W/xrdp-sesman.log, copied unchanged to $OUT/xrdp.log
# (the name the labeller expects; set KEEP=xrdp.log to keep xrdp's own log instead). The corpus copy
# is the first 2500 lines of that file (cut at a line boundary, nothing removed in the middle).
# Clients: xfreerdp (freerdp2-x11) under a private Xvfb, with good, wrong, locked and unknown
# users (local test users created here and removed at the end), several session types, sizes,
# colour depths and keyboards, forced RDP/TLS/NLA security, auth-only, login-screen timeouts,
# dropped clients, raw-socket garbage, xrdp-sesadmin/xrdp-sesrun, SIGHUP and restarts of both
# daemons with varied security layers, crypto levels, TLS versions and certificates.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION_SECONDS]
set -u
OUT=${1:-/work/round12/xrdp}; DURATION=${2:-300}
KEEP=${KEEP:-xrdp-sesman.log}; XRDP_LEVEL=${XRDP_LEVEL:-DEBUG}; SES_LEVEL=${SES_LEVEL:-DEBUG}
export DEBIAN_FRONTEND=noninteractive
for p in xrdp xorgxrdp freerdp2-x11 xvfb tigervnc-standalone-server x11-xserver-utils; do
  dpkg -s "$p" >/dev/null 2>&1 || apt-get install -y "$p" >/dev/null
done
W=/tmp/r12xrdp/run; rm -rf "$W"; mkdir -p "$W" "$OUT"
RAW_XRDP=$W/xrdp.log; RAW_SES=$W/xrdp-sesman.log
XPORT=21100; SPORT=21101; DEADVNC=21150; CDISP=:121
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }

# ---- users (removed at the end) ----
USERS=(r12alice r12bob r12carol r12dave)
declare -A PW=([r12alice]="Wonder-$RANDOM" [r12bob]="Build-$RANDOM" [r12carol]="Sing-$RANDOM" [r12dave]="Dig-$RANDOM")
groupadd -f r12rdp
for u in "${USERS[@]}"; do
  id "$u" >/dev/null 2>&1 || useradd -m -s /bin/bash "$u"
  echo "$u:${PW[$u]}" | chpasswd
done
usermod -a -G r12rdp r12alice; usermod -a -G r12rdp r12bob
chage -E 0 r12dave          # expired account: PAM account check fails

# ---- certificates ----
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=r12-xrdp.test" \
  -keyout "$W/key.pem" -out "$W/cert.pem" >/dev/null 2>&1
chmod 644 "$W/key.pem"

cat > "$W/startwm.sh" <<'EOF'
#!/bin/sh
# window manager stand-in: paints the root window, lives a random while (sometimes dies at once)
xsetroot -solid "#$(od -An -N3 -tx1 /dev/urandom | tr -d ' ')" 2>/dev/null
n=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
[ $((n % 7)) -eq 0 ] && exit 3
sleep $((4 + n % 22))
EOF
chmod 755 "$W/startwm.sh"

write_xrdp_ini() {  # $1 security_layer  $2 crypt_level  $3 ssl_protocols  $4 certificate  $5 key
  cat > "$W/xrdp.ini" <<EOF
[Globals]
ini_version=1
fork=true
port=tcp://127.0.0.1:$XPORT
use_vsock=false
tcp_nodelay=true
tcp_keepalive=true
security_layer=$1
crypt_level=$2
certificate=$4
key_file=$5
ssl_protocols=$3
autorun=
allow_channels=true
allow_multimon=true
bitmap_cache=true
bitmap_compression=true
bulk_compression=true
max_bpp=32
new_cursors=true
use_fastpath=both
login_retry=$((1 + $(r 3)))

[Logging]
LogFile=$RAW_XRDP
LogLevel=$XRDP_LEVEL
EnableSyslog=false
EnableProcessId=true

[Channels]
rdpdr=true
rdpsnd=$(pick true false)
drdynvc=true
cliprdr=$(pick true true false)
rail=true
xrdpvr=true
tcutils=true

[Xorg]
name=Xorg
lib=libxup.so
username=ask
password=ask
ip=127.0.0.1
port=-1
code=20

[Xvnc]
name=Xvnc
lib=libvnc.so
username=ask
password=ask
ip=127.0.0.1
port=-1

[vnc-dead]
name=vnc-dead
lib=libvnc.so
ip=127.0.0.1
port=$DEADVNC
username=na
password=ask
EOF
}

write_sesman_ini() {  # $1 AlwaysGroupCheck  $2 MaxSessions  $3 DisconnectedTimeLimit  $4 KillDisconnected
  cat > "$W/sesman.ini" <<EOF
[Globals]
ListenAddress=127.0.0.1
ListenPort=$SPORT
EnableUserWindowManager=true
UserWindowManager=.r12wm.sh
DefaultWindowManager=$W/startwm.sh
ReconnectScript=/etc/xrdp/reconnectwm.sh

[Security]
AllowRootLogin=false
MaxLoginRetry=$((2 + $(r 3)))
TerminalServerUsers=r12rdp
TerminalServerAdmins=tsadmins
AlwaysGroupCheck=$1
RestrictOutboundClipboard=none
RestrictInboundClipboard=none

[Sessions]
X11DisplayOffset=60
MaxSessions=$2
KillDisconnected=$4
DisconnectedTimeLimit=$3
IdleTimeLimit=0
Policy=$(pick Default Default UBD UBI)

[Logging]
LogFile=$RAW_SES
LogLevel=$SES_LEVEL
EnableSyslog=false
EnableProcessId=true

[Xorg]
param=/usr/lib/xorg/Xorg
param=-config
param=xrdp/xorg.conf
param=-noreset
param=-nolisten
param=tcp
param=-logfile
param=.xorgxrdp.%s.log

[Xvnc]
param=Xvnc
param=-bs
param=-nolisten
param=tcp
param=-localhost
param=-dpi
param=96

[Chansrv]
FuseMountName=thinclient_drives
FileUmask=077
EnableFuseMount=false

[ChansrvLogging]
LogLevel=INFO
EnableSyslog=false

[SessionVariables]
R12_RUN=$RANDOM
EOF
  # xrdp finds sesman's port in /etc/xrdp/sesman.ini: keep the installed file in step (restored at the end)
  cp "$W/sesman.ini" /etc/xrdp/sesman.ini
}

[ -f /etc/xrdp/sesman.ini.r12orig ] || cp /etc/xrdp/sesman.ini /etc/xrdp/sesman.ini.r12orig
# a per-user window manager for bob (EnableUserWindowManager), a broken one for carol
printf '#!/bin/sh\nsleep $((3 + $(od -An -N1 -tu1 /dev/urandom) %% 15))\n' > /home/r12bob/.r12wm.sh
chmod 755 /home/r12bob/.r12wm.sh; chown r12bob /home/r12bob/.r12wm.sh
printf 'not a script\n' > /home/r12carol/.r12wm.sh; chown r12carol /home/r12carol/.r12wm.sh

XRDP_PID=; SES_PID=
start_sesman() { xrdp-sesman -n -c "$W/sesman.ini" >/dev/null 2>&1 & SES_PID=$!; sleep 1; }
stop_sesman()  { [ -n "$SES_PID" ] && kill -TERM "$SES_PID" 2>/dev/null; wait "$SES_PID" 2>/dev/null; SES_PID=; }
start_xrdp()   { xrdp -n -c "$W/xrdp.ini" >/dev/null 2>&1 & XRDP_PID=$!; sleep 1; }
stop_xrdp()    { [ -n "$XRDP_PID" ] && kill -TERM "$XRDP_PID" 2>/dev/null; wait "$XRDP_PID" 2>/dev/null; XRDP_PID=; }

new_xrdp_config() {  # sets SHORT=1 for variants that lock every xfreerdp client out (kept only briefly)
  SHORT=0
  case $(r 9) in
    0|1) write_xrdp_ini tls high "TLSv1.2, TLSv1.3" "$W/cert.pem" "$W/key.pem" ;;
    2) write_xrdp_ini rdp "$(pick low medium high fips)" "TLSv1.2, TLSv1.3" "" ""; SHORT=1 ;;
    3) write_xrdp_ini negotiate high "TLSv1.2" "$W/cert.pem" "$W/key.pem" ;;
    4) write_xrdp_ini tls high "TLSv1.3" "$W/missing-$RANDOM.pem" "$W/key.pem"; SHORT=1 ;;
    5) write_xrdp_ini negotiate "$(pick low medium high)" "TLSv1, TLSv1.1, TLSv1.2" "" "" ;;
    *) write_xrdp_ini negotiate high "TLSv1.2, TLSv1.3" "" "" ;;
  esac
}
new_sesman_config() {
  if [ $(r 2) = 0 ]; then usermod -a -G r12rdp r12carol; else gpasswd -d r12carol r12rdp >/dev/null 2>&1; fi
  write_sesman_ini "$(pick false false true)" "$(pick 3 4 5)" "$(pick 0 0 20 40)" "$(pick false false true)"
}

# ---- clients ----
Xvfb $CDISP -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
sleep 1
export DISPLAY=$CDISP
rdp() {  # $1 = seconds before the client is killed; rest = xfreerdp args
  local t=$1; shift
  timeout -s KILL "$t" xfreerdp /v:127.0.0.1:$XPORT /cert:ignore "$@" >/dev/null 2>&1
}
good_user() { pick r12alice r12alice r12bob r12carol; }
SIZES=(800x600 1024x768 640x480 1280x720 800x600)
KBDS=(0x409 0x409 0x407 0x40c 0x410 0x41d 0x809 0x12345)
rawsock() {  # $1 port, $2 kind. Raw TCP clients: garbage, a bare X.224 request, idle connections, HTTP
  python3 - "$1" "$2" <<'PY'
import os, random, socket, sys, time
port, kind = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port), timeout=5)
try:
    if kind == "garbage":
        s.sendall(os.urandom(random.randint(3, 300)))
    elif kind == "x224":
        cookie = b"Cookie: mstshash=r12user%d\r\n" % random.randint(1, 999)
        neg = bytes([1, 0, 8, 0, random.choice([0, 1, 3, 8]), 0, 0, 0])
        body = b"\xe0\x00\x00\x00\x00\x00" + cookie + neg
        s.sendall(bytes([3, 0]) + (len(body) + 5).to_bytes(2, "big") + bytes([len(body)]) + body)
        s.recv(100)
    elif kind == "badtpkt":
        s.sendall(bytes([3, 0, 0xff, 0xff]) + os.urandom(40))
    elif kind == "idle":
        time.sleep(random.uniform(1, 4))
    elif kind == "http":
        s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    s.recv(100)
except Exception:
    pass
s.close()
PY
}

write_xrdp_ini negotiate high "TLSv1.2, TLSv1.3" "" ""; SHORT=0; new_sesman_config
start_sesman; start_xrdp
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 35 + $(r 30)))
while [ $SECONDS -lt $END ]; do
  u=$(good_user); size=$(pick "${SIZES[@]}"); bpp=$(pick 16 24 32 24)
  case $(r 31) in
    0|1|2|3|4) rdp $((3 + $(r 10))) /u:$u /p:${PW[$u]} /size:$size /bpp:$bpp /kbd:$(pick "${KBDS[@]}") & ;;
    5|6|7) rdp $((3 + $(r 8))) /u:$u /p:${PW[$u]} /d:Xvnc /size:$size /bpp:$bpp & ;;
    8) rdp $((3 + $(r 8))) /u:$u /p:${PW[$u]} /d:Xorg /size:$size /gfx & ;;
    9|10|11) rdp $((3 + $(r 4))) /u:$u /p:wrong$RANDOM /size:$size & ;;
    12) rdp $((3 + $(r 4))) /u:nobody$(r 90) /p:x$RANDOM /d:$(pick Xorg Xvnc "") & ;;
    13) rdp 5 /u:r12dave /p:${PW[r12dave]} & ;;
    14) rdp 4 /u:$u /p:${PW[$u]} /sec:rdp /size:$size ;;
    15) rdp 3 /u:$u /p:${PW[$u]} /sec:nla ;;
    16) rdp 4 /u:$u /p:$(pick "${PW[$u]}" bad$RANDOM) +auth-only ;;
    17) rdp $((2 + $(r 4))) /u:$u /size:$size & ;;   # no password: login screen, then dropped
    18) rdp 5 /u:$u /p:${PW[$u]} /d:vnc-dead & ;;
    19) rdp $((3 + $(r 5))) /u:$u /p:${PW[$u]} /d:Desk$(r 50) & ;;
    20) rdp 4 /u:$u /p:${PW[$u]} /sec:tls +enforce-tlsv1_2 /tls-seclevel:$(r 3) & ;;
    21) for i in $(seq $((1 + $(r 3)))); do rawsock $XPORT "$(pick garbage x224 badtpkt idle http)"; done ;;
    22) rawsock $SPORT "$(pick garbage garbage idle http badtpkt)" ;;
    23|24) xrdp-sesadmin -u=$u -p=$(pick "${PW[$u]}" "${PW[$u]}" nope$RANDOM) -s=127.0.0.1 -i=$SPORT -c=list >/dev/null 2>&1 ;;
    25) xrdp-sesadmin -u=$(pick r12alice r12carol) -p=$(pick "${PW[r12alice]}" "${PW[r12carol]}") -s=127.0.0.1 -i=$SPORT -c=kill:$((1 + $(r 9))) >/dev/null 2>&1 ;;
    26|27) timeout 8 xrdp-sesrun -s 127.0.0.1 -p "$(pick "${PW[$u]}" "${PW[$u]}" wrong)" -t "$(pick Xorg Xvnc)" -g "$size" -b "$bpp" "$u" >/dev/null 2>&1 & ;;
    28) [ -n "$SES_PID" ] && kill -HUP "$SES_PID" ;;
    29|30) for i in $(seq $((2 + $(r 3)))); do u=$(good_user); rdp $((2 + $(r 4))) /u:$u /p:$(pick "${PW[$u]}" "${PW[$u]}" oops) /size:$size /d:$(pick Xorg Xvnc) & sleep 0.$((2 + $(r 5))); done ;;
  esac
  if [ $SECONDS -ge $NEXT_RESTART ]; then
    [ "$SHORT" = 1 ] && c=0 || c=$(r 3)
    case $c in
      0) stop_xrdp; new_xrdp_config; start_xrdp ;;
      1) stop_sesman; new_sesman_config; start_sesman ;;
      2) stop_xrdp; stop_sesman; new_xrdp_config; new_sesman_config; start_sesman; start_xrdp ;;
    esac
    NEXT_RESTART=$((SECONDS + 40 + $(r 40)))
    if [ "$SHORT" = 1 ]; then NEXT_RESTART=$((SECONDS + 12 + $(r 10))); fi
  fi
  sleep $((1 + $(r 2))).$(r 10)
done

# ---- stop ----
sleep 5
stop_xrdp; stop_sesman
sleep 2
wait_clients() { local j; for j in $(jobs -p); do [ "$j" != "$XVFB_PID" ] && wait "$j" 2>/dev/null; done; }
wait_clients
# leftover session processes (X servers, window managers) owned by the test users created above
for u in "${USERS[@]}"; do for p in $(ps -o pid= -u "$u" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done; done
sleep 1
kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null
for u in "${USERS[@]}"; do userdel -r "$u" >/dev/null 2>&1; done
groupdel r12rdp 2>/dev/null
cp /etc/xrdp/sesman.ini.r12orig /etc/xrdp/sesman.ini && rm -f /etc/xrdp/sesman.ini.r12orig
cp "$W/$KEEP" "$OUT/xrdp.log"
echo "done: $(wc -l < "$W/xrdp.log") xrdp.log lines, $(wc -l < "$W/xrdp-sesman.log") xrdp-sesman.log lines"
