#!/bin/bash
# Randomised workload for hostapd as a standalone RADIUS/EAP server (driver=none), driven by
# eapol_test clients (MD5, GTC, MSCHAPv2, PEAP, TTLS, TLS, FAST, PWD, EKE, GPSK, PAX, PSK,
# SAKE, SIM) with good and wrong credentials, bad shared secrets, unknown clients, hand-made and
# malformed RADIUS packets (radpkt.py), accounting, reloads, restarts and start-up failures.
# Everything runs inside a private network namespace (only lo, 127.0.0.0/8), ports 48112/48113,
# client ports 48300-48999.
set -u
D="$(cd "$(dirname "$0")" && pwd)"
cd "$D"
if [ "${1:-}" != "--in-netns" ]; then
  ./mkcerts.sh
  exec unshare -n "$0" --in-netns
fi
ip link set lo up
sysctl -q -w net.ipv4.ip_local_port_range="48500 48999"
RUN="$D/run"; C="$RUN/certs"; CL="$RUN/cl"; mkdir -p "$CL"
LOG="$D/hostapd.log.raw"; : > "$LOG"
PIDS="$RUN/pids"; : > "$PIDS"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

start_hostapd() {  # $1 = config file
  hostapd -d -t "$1" >> "$LOG" 2>&1 &
  HPID=$!; echo "$HPID" >> "$PIDS"; sleep 0.7
}
stop_hostapd() { kill -TERM "$HPID" 2>/dev/null; wait "$HPID" 2>/dev/null; }

# ---- eapol_test client configurations ----
net() {  # name, then key=value lines
  local n=$1; shift
  { echo "network={"; echo "	key_mgmt=IEEE8021X"; for kv in "$@"; do echo "	$kv"; done; echo "}"; } > "$CL/$n.conf"
}
mkclients() {
  local P=${1:-}   # "bad" makes wrong passwords / keys
  local w=""; [ "$P" = bad ] && w="x$(r 99)"
  local mu=$(pick alice bob) mp
  [ $mu = alice ] && mp=wonderland || mp=builder
  net md5-$P      'eap=MD5' "identity=\"$mu\"" "password=\"$mp$w\""
  net gtc-$P      'eap=GTC' 'identity="gtcuser"' "password=\"gtcpass$w\""
  net mschap-$P   'eap=MSCHAPV2' 'identity="mschap"' "password=\"mspass$w\""
  local pu=$(pick carol erin grace) pp
  case $pu in carol) pp=carolpass;; erin) pp=erinpass;; grace) pp=password;; esac
  net peap-$P     'eap=PEAP' "identity=\"$pu\"" "anonymous_identity=\"$(pick anonymous carol)\"" "password=\"$pp$w\"" \
                  "ca_cert=\"$C/ca.pem\"" 'phase1="peapver=0"' 'phase2="auth=MSCHAPV2"'
  local gm=$(pick GTC MD5) gu gp
  [ $gm = GTC ] && { gu=gina; gp=ginapass; } || { gu=mona; gp=monapass; }
  net peapgtc-$P  'eap=PEAP' "identity=\"$gu\"" 'anonymous_identity="anonymous"' "password=\"$gp$w\"" \
                  "ca_cert=\"$C/ca.pem\"" "phase2=\"auth=$gm\""
  net ttls-$P     'eap=TTLS' 'identity="pap:dave"' "anonymous_identity=\"$(pick anonymous ttls-guest)\"" "password=\"davepass$w\"" \
                  "ca_cert=\"$C/ca.pem\"" "phase2=\"auth=$(pick PAP CHAP MSCHAP MSCHAPV2)\""
  local em=$(pick MSCHAPV2 MD5) eu ep
  [ $em = MD5 ] && { eu=mona; ep=monapass; } || { eu=frank; ep=frankpass; }
  net ttlseap-$P  'eap=TTLS' "identity=\"$eu\"" 'anonymous_identity="anonymous"' "password=\"$ep$w\"" \
                  "ca_cert=\"$C/ca.pem\"" "phase2=\"autheap=$em\""
  # EAP-TLS without a client certificate, and a client that does not trust the server's CA
  net tlsnocert-  'eap=TLS' "identity=\"$(pick alice bob)@test.local\"" "ca_cert=\"$C/ca.pem\""
  net tlsdistrust- "eap=$(pick TLS PEAP TTLS)" 'identity="bob@test.local"' 'anonymous_identity="anonymous"' 'password="x"' \
                  "ca_cert=\"$C/evilca.pem\"" 'phase2="auth=MSCHAPV2"'
  net fast-$P     'eap=FAST' 'identity="fastuser"' 'anonymous_identity="anonymous"' "password=\"fastpass$w\"" \
                  'phase1="fast_provisioning=2"' 'pac_file="blob://fastpac"' "ca_cert=\"$C/ca.pem\"" 'phase2="auth=MSCHAPV2"'
  net pwd-$P      'eap=PWD' 'identity="pwd$peer"' 'anonymous_identity="pwduser"' "password=\"pwdsecret$w\""
  net eke-$P      'eap=EKE' 'identity="eke!peer"' 'anonymous_identity="eke-anon"' "password=\"ekesecret$w\""
  net gpsk-$P     'eap=GPSK' 'identity="gpsk*peer"' 'anonymous_identity="gpskuser"' "password=\"gpsksecret0123456789$w\""
  local k=0123456789abcdef0123456789abcdef; [ -n "$w" ] && k=0123456789abcdef0123456789abcd$(printf %02x $(r 200))
  net pax-$P      'eap=PAX' 'identity="pax@test.local"' "password=$k"
  net psk-$P      'eap=PSK' 'identity="psk@test.local"' "password=$k"
  net sake-$P     'eap=SAKE' 'identity="sake@test.local"' "password=$k$k"
  net sim-        'eap=SIM' 'identity="1232010000000000"' 'password="90dca4eda45b53cf0f12d7c9c3bc6a89:cb9cccc4b9258e6dca4760379fb82581"'
  net unknown-    'eap=MD5' "identity=\"$(pick nobody zed mallet)\"" 'password="whatever"'
  net wrongmeth-  'eap=GTC' 'identity="alice"' 'password="wonderland"'
}

eap() {  # conf [secret] [client ip]
  eapol_test -c "$CL/$1.conf" -a 127.0.0.1 -p 48112 -s "${2:-testing123}" ${3:+-A $3} -t 3 \
    -M "02:00:00:$(printf '%02x:%02x:%02x' $(r 256) $(r 256) $(r 256))" > "$RUN/eapol_test.out" 2>&1
}
METHODS=(md5 gtc mschap peap peapgtc ttls ttlseap pwd pax psk sake)
scenario() {
  case $(r 20) in
    0|1|2|3|4) mkclients; eap "$(pick "${METHODS[@]}")-";;
    5|6|7)  mkclients bad; eap "$(pick "${METHODS[@]}" gpsk eke fast)-bad";;   # GPSK, EKE and FAST only with a wrong password
    8)  mkclients; eap "$(pick tlsnocert- tlsdistrust-)";;
    9)  mkclients; eap "$(pick unknown- wrongmeth- sim-)";;
    10) mkclients; eap "$(pick md5- mschap- peap-)" "wrong-secret-$(r 9)";;
    11) mkclients; eap "$(pick md5- gtc-)" testing123 "127.0.0.$(pick 2 4 9)";;
    12) mkclients; eap "$(pick md5- peap- ttls-)" "another very secret passphrase" 127.0.0.3;;
    13|14) python3 "$D/radpkt.py" "$(pick garbage noeap nouser unknownuser badma nomaauth stalestate duplicate wrongcode disconnect-ack coa-ack)";;
    15|16) SPORT=$((48300 + $(r 100))) python3 "$D/radpkt.py" "$(pick acct acct acct-bad)";;   # accounting: source ports 48300-48399
    17) SRC=127.0.0.$(pick 2 4) SPORT=$((48400 + $(r 100))) python3 "$D/radpkt.py" noeap;;
    18) python3 "$D/radpkt.py" "$(pick garbage badma wrongcode)" "$(pick testing123 wrong)";;
    19) mkclients; eap "$(pick tlsnocert- peap- ttls- md5-)";;
  esac
  sleep 0.$(r 4)
}
run_scenarios() { local i; for ((i = 0; i < $1; i++)); do scenario; done; }

# ---- variant server configurations (each fails while the configuration is read) ----
sed "s|^eap_user_file=.*|eap_user_file=$RUN/users.broken|" hostapd.conf > "$RUN/brokenusers.conf"
{ cat hostapd.eap_user; echo '"oscar"	FOO	"x"'; } > "$RUN/users.broken"
sed "s|^eap_user_file=.*|eap_user_file=$RUN/users.missing|" hostapd.conf > "$RUN/nousers.conf"
{ cat hostapd.conf; echo "wpa_flavour=$(r 9)"; } > "$RUN/unknownitem.conf"
cp hostapd.eap_user "$RUN/users.live"
sed "s|^eap_user_file=.*|eap_user_file=$RUN/users.live|" hostapd.conf > "$RUN/live.conf"

# start-up failures
for c in $(shuf -e brokenusers nousers unknownitem -n 2); do
  timeout 5 hostapd -d -t "$RUN/$c.conf" >> "$LOG" 2>&1
done
start_hostapd "$RUN/live.conf"
T0=$SECONDS
python3 "$D/radpkt.py" abandon          # an Access-Request whose client never comes back
run_scenarios $((5 + $(r 3)))
# users file broken, SIGHUP: the reload fails and the old configuration stays
cp "$RUN/users.live" "$RUN/users.good"; echo '"oscar"	FOO	"x"' >> "$RUN/users.live"
kill -HUP "$HPID"; sleep 0.5
cp "$RUN/users.good" "$RUN/users.live"
run_scenarios $((4 + $(r 3)))
# users file edited, then SIGHUP reload
echo '"trent"	MD5	"trentpass"' >> "$RUN/users.live"
kill -HUP "$HPID"; sleep 0.5
net trent- 'eap=MD5' 'identity="trent"' 'password="trentpass"'; eap trent-
run_scenarios $((4 + $(r 3)))
left=$(( 63 - (SECONDS - T0) )); [ $left -gt 0 ] && sleep $left   # abandoned session times out
run_scenarios $((4 + $(r 3)))
stop_hostapd
start_hostapd "$RUN/live.conf"
run_scenarios $((10 + $(r 5)))
stop_hostapd
for p in $(cat "$PIDS"); do kill "$p" 2>/dev/null; done
head -n 2500 "$LOG" > "$D/hostapd.log"
wc -l "$LOG" "$D/hostapd.log"
