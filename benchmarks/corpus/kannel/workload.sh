#!/bin/bash
# Round-14 corpus workload: Kannel 1.4.5 SMS gateway (Debian 12 package `kannel`, plus `kannel-extras`
# for the fake SMSC tool), bearerbox + smsbox at log-level 0, for DURATION seconds of randomised
# traffic on 127.0.0.1 only (TCP ports 32100-32198). Peers: fakesmsc (kannel tools, "fake" SMSC),
# fakes.py (an SMPP SMSC and an HTTP application/remote-Kannel server, next to this script).
# Writes $OUT/bearerbox.log and $OUT/smsbox.log unchanged; kannel.log is the first 2,500 lines of bearerbox.log
# (run: bash workload.sh /tmp/r14kannel/run3 150; SMPP PDU dumps on one line with log-format = 2).
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"; rm -f "$OUT"/*.log "$OUT"/kannel.store*
FAKESMSC=/usr/lib/kannel/test/fakesmsc
ADM=32100; SMSBOXP=32101; FAKEP=32102; SMPPP=32103; APPP=32104; HTTPMO=32105; SEND=32110; DEAD=32198
APW=adm1n; SPW=st4tus

write_conf() {  # $1 = enquire-link interval for smpp1 (varied across restarts)
cat > "$OUT/kannel.conf" <<CONF
group = core
admin-port = $ADM
admin-password = $APW
status-password = $SPW
admin-allow-ip = "127.0.0.1"
admin-deny-ip = ""
smsbox-port = $SMSBOXP
box-allow-ip = "127.0.0.1"
box-deny-ip = ""
log-file = "$OUT/bearerbox.log"
log-level = 0
access-log = "$OUT/bb-access.log"
store-type = file
store-location = "$OUT/kannel.store"
store-dump-freq = 7
dlr-storage = internal
sms-resend-freq = 15
sms-resend-retry = 3
black-list-regex = "^[+]?4466"

group = smsc
smsc = fake
smsc-id = fake1
port = $FAKEP
connect-allow-ip = "127.0.0.1"
allowed-prefix = "+1;1"

group = smsc
smsc = smpp
smsc-id = smpp1
host = 127.0.0.1
port = $SMPPP
transceiver-mode = true
smsc-username = kannel1
smsc-password = secret
system-type = "VMA"
enquire-link-interval = $1
reconnect-delay = 6
max-pending-submits = 10
msg-id-type = 0x03
log-format = 2
allowed-prefix = "+44;44"

group = smsc
smsc = smpp
smsc-id = smpp-badpw
host = 127.0.0.1
port = $SMPPP
transceiver-mode = true
smsc-username = kannel2
smsc-password = wrongpass
log-format = 2
system-type = "VMA"
reconnect-delay = 25
allowed-prefix = "+49"

group = smsc
smsc = smpp
smsc-id = smpp-dead
host = 127.0.0.1
port = $DEAD
log-format = 2
smsc-username = kannel1
smsc-password = secret
system-type = ""
reconnect-delay = 30
allowed-prefix = "+49"

group = smsc
smsc = http
smsc-id = http1
system-type = kannel
send-url = "http://127.0.0.1:$APPP/remote/sendsms"
smsc-username = remote
smsc-password = rpass
port = $HTTPMO
connect-allow-ip = "127.0.0.1"
allowed-prefix = "+33;33"

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = $SEND
log-file = "$OUT/smsbox.log"
global-sender = "80080"
log-level = 0
access-log = "$OUT/smsbox-access.log"
http-request-retry = 1
http-queue-delay = 3
mo-recode = true

group = sendsms-user
username = tester
password = foobar
max-messages = 3
concatenation = true

group = sendsms-user
username = shop
password = sh0p
default-smsc = smpp1
denied-prefix = "+4490"
faked-sender = 5555

group = sendsms-user
username = partner
password = p4rtner
allowed-prefix = "+33"
max-messages = 1

group = sendsms-user
username = remote
password = blocked
user-deny-ip = "*.*.*.*"
user-allow-ip = "10.9.9.9"

group = sms-service
keyword = echo
text = "You said: %r"

group = sms-service
keyword = ping
text = "pong %t"

group = sms-service
keyword = web
get-url = "http://127.0.0.1:$APPP/app/reply?from=%p&text=%a"

group = sms-service
keyword = weather
get-url = "http://127.0.0.1:$APPP/app/slow?city=%r"

group = sms-service
keyword = nope
get-url = "http://127.0.0.1:$APPP/app/missing?x=%a"

group = sms-service
keyword = dead
get-url = "http://127.0.0.1:$DEAD/gone?x=%a"

group = sms-service
keyword = balance
post-url = "http://127.0.0.1:$APPP/app/reply"

group = sms-service
keyword = stop
text = ""
omit-empty = true

group = sms-service
keyword = default
text = "Unknown command: %k"
CONF
}

r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
num() { case $(r 7) in 0|1|2) printf '+44%09d' $((RANDOM * 30000 + RANDOM)) ;; 3) printf '+33%09d' $((RANDOM * 30000 + RANDOM)) ;;
        4) printf '+1555%07d' $((RANDOM * 300)) ;; 5) printf '+49%09d' $((RANDOM * 30000)) ;; 6) pick +4499$((RANDOM)) +99$RANDOM$RANDOM +4466$RANDOM 0044$RANDOM$RANDOM ;; esac; }
words=(hello meeting tomorrow code invoice shipped alert reminder balance weather pizza delayed your+code+is thanks)
txt() { local n=$((1 + $(r 6))) s=""; for _ in $(seq $n); do s="$s+$(pick "${words[@]}")"; done; echo "${s#+}+$RANDOM"; }
get() { curl -s -m 8 -o /dev/null "$@"; }

start_bb() { write_conf $((8 + $(r 15))); bearerbox "$OUT/kannel.conf" >/dev/null 2>&1 & echo $! > "$OUT/bb.pid"; sleep 2; }
start_sb() { smsbox "$OUT/kannel.conf" >/dev/null 2>&1 & echo $! > "$OUT/sb.pid"; sleep 1; }
stop_pid() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; sleep 1; }

python3 "$HERE/fakes.py" $SMPPP $APPP & echo $! > "$OUT/fakes.pid"
sleep 1
start_bb; start_sb; sleep 2

sendsms() {  # random sendsms request
  local u p to smsc extra=""
  case $(r 10) in
    0|1|2|3) u=tester; p=foobar ;; 4|5) u=shop; p=sh0p ;; 6) u=partner; p=p4rtner ;;
    7) u=tester; p=wrong$RANDOM ;; 8) u=nobody$(r 40); p=x ;; 9) u=remote; p=blocked ;;
  esac
  to=$(num); to=${to//+/%2B}
  [ $(r 4) = 0 ] && extra="$extra&dlr-mask=$(pick 1 3 31)&dlr-url=$(printf 'http%%3A%%2F%%2F127.0.0.1%%3A%s%%2Fapp%%2Fdlr%%3Fs%%3D%%25d%%26id%%3D%s' $APPP $RANDOM)"
  [ $(r 6) = 0 ] && extra="$extra&smsc=$(pick smpp1 http1 fake1 nosuch$(r 9) smpp-dead)"
  [ $(r 8) = 0 ] && extra="$extra&coding=$(pick 0 1 2)"
  [ $(r 10) = 0 ] && extra="$extra&udh=%06%05%04%0B%84%23%F0"
  [ $(r 12) = 0 ] && extra="$extra&validity=$(r 1440)&deferred=$(r 3)"
  case $(r 14) in
    0) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&text=$(txt)" ;;              # no to
    1) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=$to" ;;                   # no text
    2) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=abc$RANDOM&text=x" ;;      # bad number
    3) local long=""; for _ in $(seq $((20 + $(r 40)))); do long="$long+$(pick "${words[@]}")"; done
       get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=$to&text=${long#+}$extra" ;;
    4) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=$to+$(num | sed "s/+/%2B/")&text=$(txt)$extra" ;;
    5) get "http://127.0.0.1:$SEND/cgi-bin/nothere?x=$RANDOM" ;;
    6) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=$to&text=$(txt)&mclass=$(r 6)&from=$(pick 1234 5555 ShopCo)$extra" ;;
    *) get "http://127.0.0.1:$SEND/cgi-bin/sendsms?username=$u&password=$p&to=$to&text=$(txt)$extra" ;;
  esac
}

mo_fake() {  # mobile-originated messages from the "fake" SMSC through the kannel tool
  local kw=$(pick echo ping web weather nope dead balance stop hello help info)
  timeout 8 $FAKESMSC -H 127.0.0.1 -r $FAKEP -i 0.$((2 + $(r 7))) -m $((1 + $(r 4))) \
     "+1555$RANDOM 1234 text $kw $(pick foo bar 42 london paris)" "+1555$RANDOM 1234 text $(pick echo web ping) $RANDOM" >/dev/null 2>&1
}

mo_http() {  # MO into the HTTP SMSC, good and bad credentials
  local u=remote p=rpass
  [ $(r 4) = 0 ] && p=bad$RANDOM
  [ $(r 8) = 0 ] && u=intruder
  get "http://127.0.0.1:$HTTPMO/sms?username=$u&password=$p&from=%2B33$RANDOM$RANDOM&to=1234&text=$(pick echo web ping weather nope dead stop)+$RANDOM"
}

admin() {
  local pw=$APW
  [ $(r 6) = 0 ] && pw=guess$RANDOM
  case $(r 16) in
    0|1) get "http://127.0.0.1:$ADM/status$(pick '' .xml .txt .html)?password=$(pick $SPW $APW)" ;;
    2) get "http://127.0.0.1:$ADM/suspend?password=$pw"; sleep $((1 + $(r 4))); get "http://127.0.0.1:$ADM/resume?password=$APW" ;;
    3) get "http://127.0.0.1:$ADM/isolate?password=$pw"; sleep $((1 + $(r 4))); get "http://127.0.0.1:$ADM/resume?password=$APW" ;;
    4) s=$(pick smpp1 http1 fake1 nosuch); get "http://127.0.0.1:$ADM/stop-smsc?password=$pw&smsc=$s"; sleep $((2 + $(r 6))); get "http://127.0.0.1:$ADM/start-smsc?password=$APW&smsc=$s" ;;
    5) get "http://127.0.0.1:$ADM/log-level?password=$pw&level=$(pick 0 0 1)"; get "http://127.0.0.1:$ADM/log-level?password=$APW&level=0" ;;
    6) get "http://127.0.0.1:$ADM/store-status$(pick '' .xml)?password=$pw" ;;
    7) get "http://127.0.0.1:$ADM/flush-dlr?password=$pw" ;;
    8) get "http://127.0.0.1:$ADM/reload-lists?password=$pw" ;;
    9) get "http://127.0.0.1:$ADM/remove-smsc?password=$pw&smsc=$(pick http1 smpp-dead)"; sleep 2; get "http://127.0.0.1:$ADM/add-smsc?password=$APW&smsc=$(pick http1 smpp-dead)" ;;
    10) get "http://127.0.0.1:$ADM/remove-message?password=$pw&id=$(cat /proc/sys/kernel/random/uuid)" ;;
    11) get "http://127.0.0.1:$ADM/unknowncmd?password=$pw" ;;
    12) get "http://127.0.0.1:$ADM/status?password=wrong$RANDOM" ;;
    13) get "http://127.0.0.1:$ADM/stop-smsc?password=$pw" ;;
    14) get "http://127.0.0.1:$ADM/log-level?password=$APW" ;;
    15) get "http://127.0.0.1:$ADM/start-smsc?password=$APW&smsc=$(pick smpp1 smpp-badpw)" ;;
  esac
}

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 30) in
    0|1|2|3|4|5) sendsms ;;
    11|12) mo_fake & ;;
    14|15) mo_http ;;
    16|17|18|19|13) admin ;;
    20) kill -USR1 "$(cat "$OUT/fakes.pid")" ;;            # SMSC drops its connections
    21) kill -USR2 "$(cat "$OUT/fakes.pid")" ;;            # SMSC sends garbage PDUs
    22) if [ $(r 3) = 0 ]; then stop_pid "$OUT/sb.pid"; sleep $(r 3); start_sb; fi ;;   # smsbox restart
    23) if [ $(r 2) = 0 ]; then                            # bearerbox restart (shutdown or restart command, or SIGTERM)
          case $(r 3) in
            0) get "http://127.0.0.1:$ADM/shutdown?password=$APW"; sleep 4 ;;
            1) stop_pid "$OUT/bb.pid"; sleep 2 ;;
            2) get "http://127.0.0.1:$ADM/restart?password=$APW"; sleep 6; continue ;;
          esac
          kill "$(cat "$OUT/bb.pid")" 2>/dev/null; stop_pid "$OUT/sb.pid"; sleep 2
          start_bb; start_sb
        fi ;;
    24) for _ in $(seq $((2 + $(r 3)))); do sendsms & done; wait ;;   # burst
    *) sleep 0.$(r 9) ;;
  esac
  sleep 0.$((3 + $(r 7)))
done
get "http://127.0.0.1:$ADM/shutdown?password=$APW"
sleep 6
kill "$(cat "$OUT/bb.pid")" "$(cat "$OUT/sb.pid")" 2>/dev/null; sleep 2
kill -9 "$(cat "$OUT/bb.pid")" "$(cat "$OUT/sb.pid")" 2>/dev/null
kill "$(cat "$OUT/fakes.pid")" 2>/dev/null
wait 2>/dev/null
