#!/bin/bash
# Round-12 corpus workload: Network UPS Tools 2.8 (Debian 12 packages nut-server, nut-client).
# upsd runs in the foreground with `-DDD` (debug level 3); its stderr is the log kept ($OUT/nut.log,
# unchanged, appended across one restart). Two dummy-ups drivers (alpha: a .dev file rewritten by
# this script; beta: a randomised .seq loop; gamma added and removed by reloads), upsmon as primary
# on alpha and secondary on beta, upsc/upscmd/upsrw and raw-protocol clients with good and bad
# users and passwords, power events (on battery, low battery -> FSD, back online), a killed and a
# frozen driver (stale data), reloads with changed and broken configuration, one restart, stop.
# Everything is private: NUT_CONFPATH/NUT_STATEPATH in /tmp/r12-nut, upsd on 127.0.0.1:21450 only.
# Run as root on Debian 12: apt-get install -y nut-server nut-client
#   then: bash workload.sh OUT_DIR [SEED]   (this file was made with: bash workload.sh /work/round12/nut 31337)
set -u
OUT=${1:?out dir}; SEED=${2:-$RANDOM}
RANDOM=$SEED
W=/tmp/r12-nut
PORT=21450
export NUT_CONFPATH=$W/etc NUT_STATEPATH=$W/state
mkdir -p "$OUT" $W/etc $W/state
rm -f $W/*.pid $W/state/* $W/notify.out
LOG=$OUT/nut.log; rm -f "$LOG"
cd $W || exit 1

cleanup() {
  for p in upsmon upsd alpha beta gamma; do
    [ -f $W/$p.pid ] && kill -CONT "$(cat $W/$p.pid)" 2>/dev/null && kill "$(cat $W/$p.pid)" 2>/dev/null
  done
  sleep 1; rm -f /run/nut/upsmon.pid
}
trap cleanup EXIT

# ---------------------------------------------------------------- configuration
echo "MODE=standalone" > etc/nut.conf
write_upsconf() {   # $1 = 1 to include gamma
  cat > etc/ups.conf <<EOF
maxretry = 3
[alpha]
  driver = dummy-ups
  port = alpha.dev
  pollinterval = 2
  desc = "Dummy UPS alpha (rack $((1 + $(r 9))))"
[beta]
  driver = dummy-ups
  port = beta.seq
  pollinterval = 3
  desc = "Dummy UPS beta (sequence)"
EOF
  [ "$1" = 1 ] && cat >> etc/ups.conf <<EOF
[gamma]
  driver = dummy-ups
  port = gamma.dev
  desc = "Dummy UPS gamma"
EOF
}
write_upsdconf() {  # $1 = maxage
  printf 'LISTEN 127.0.0.1 %s\nMAXAGE %s\nMAXCONN 24\n' $PORT "$1" > etc/upsd.conf
}
OPPW="op$RANDOM"
write_users() {
  cat > etc/upsd.users <<EOF
[admin]
  password = adminpw
  actions = SET FSD
  instcmds = ALL
[operator]
  password = $OPPW
  instcmds = test.battery.start
  instcmds = beeper.toggle
[viewer]
  password = viewpw
[monmaster]
  password = mpass
  upsmon primary
[monslave]
  password = spass
  upsmon secondary
EOF
  [ "${1:-0}" = 1 ] && printf '[tech%s]\n  password = techpw\n  actions = SET\n  instcmds = load.off\n' "$(r 90)" >> etc/upsd.users
}
r() { echo $((RANDOM % $1)); }
write_upsconf 0; write_upsdconf 8; write_users
alpha_state() {   # status charge load
  cat > etc/alpha.dev <<EOF
device.mfr: Dummy
device.model: Alpha $((1000 + 500 * $(r 3)))
ups.status: $1
battery.charge: $2
battery.runtime: $(( $2 * 36 ))
input.voltage: $([ "${1%% *}" = OB ] && echo 0.0 || echo "$((220 + $(r 20))).$(r 10)")
output.voltage: 230.0
ups.load: $3
ups.delay.shutdown: 20
ups.beeper.status: enabled
EOF
}
alpha_state OL 100 $((10 + $(r 40)))
{ # beta: a random looping sequence that never reaches low battery
  for i in 1 2 3 4; do
    case $(r 4) in
      0) st="OL" ;; 1) st="OB DISCHRG" ;; 2) st="OL CHRG" ;; 3) st="OL BOOST" ;;
    esac
    printf 'ups.status: %s\nbattery.charge: %d\nups.load: %d\nTIMER %d\n' "$st" $((50 + $(r 50))) $((5 + $(r 60))) $((6 + $(r 10)))
  done
} > etc/beta.seq
printf 'ups.status: OL\nbattery.charge: 97\nups.load: 12\ndevice.model: Gamma 700\n' > etc/gamma.dev
cat > etc/notify.sh <<EOF
#!/bin/sh
echo "\$(date +%s) \$UPSNAME \$NOTIFYTYPE \$*" >> $W/notify.out
EOF
chmod 755 etc/notify.sh
cat > etc/upsmon.conf <<EOF
MONITOR alpha@127.0.0.1:$PORT 1 monmaster mpass primary
MONITOR beta@127.0.0.1:$PORT 1 monslave spass secondary
MINSUPPLIES 2
SHUTDOWNCMD "/bin/echo upsmon-would-shut-down-the-host-now"
NOTIFYCMD $W/etc/notify.sh
POLLFREQ 4
POLLFREQALERT 2
HOSTSYNC 4
DEADTIME 10
POWERDOWNFLAG $W/state/killpower
FINALDELAY 1
NOCOMMWARNTIME 30
EOF
for t in ONLINE ONBATT LOWBATT COMMOK COMMBAD NOCOMM FSD SHUTDOWN; do echo "NOTIFYFLAG $t SYSLOG+EXEC" >> etc/upsmon.conf; done
chmod 640 etc/*; chmod 755 etc/notify.sh

cat > nutraw.py <<'EOF'
import socket, struct, sys, time
# nutraw.py PORT CMD...   ("!close" drops the connection, "!reset" resets it, "!sleep N" waits, "!raw BYTES" sends raw)
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
f = s.makefile("rb")
for cmd in sys.argv[2:]:
    if cmd == "!close":
        s.close(); sys.exit(0)
    if cmd == "!reset":
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); s.close(); sys.exit(0)
    if cmd.startswith("!sleep"):
        time.sleep(float(cmd.split()[1])); continue
    if cmd.startswith("!raw "):
        s.sendall(cmd[5:].encode().decode("unicode_escape").encode("latin1")); time.sleep(0.2); continue
    s.sendall((cmd + "\n").encode())
    try:
        line = f.readline().decode(errors="replace").rstrip()
        if line.startswith("BEGIN LIST"):
            while True:
                l = f.readline().decode(errors="replace").rstrip()
                if not l or l.startswith("END LIST"): break
    except socket.timeout:
        pass
s.close()
EOF

# ---------------------------------------------------------------- daemons
start_driver() { (cd etc && exec /lib/nut/dummy-ups -a "$1" -u root -D -F >> $W/drv-$1.log 2>&1) & echo $! > $W/$1.pid; }
start_upsd() { /lib/nut/upsd -u root -DDD 2>> "$LOG" >> $W/upsd.stdout & echo $! > $W/upsd.pid; sleep 2; }
start_upsmon() { /lib/nut/upsmon -p -D >> $W/upsmon.log 2>&1 & echo $! > $W/upsmon.pid; }
reload_upsd() { /lib/nut/upsd -c reload -P "$(cat $W/upsd.pid)" >/dev/null 2>&1; }
start_driver alpha; start_driver beta; sleep 2
start_upsd
start_upsmon

# ---------------------------------------------------------------- clients
U=127.0.0.1:$PORT
UPSES=(alpha beta)
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
VARS=(ups.status battery.charge battery.runtime ups.load input.voltage output.voltage device.model ups.mfr driver.name ups.delay.shutdown)
client() {
  local ups; ups=$(pick "${UPSES[@]}")
  case $(r 20) in
    0|1) upsc "$ups@$U" ;;
    2|3) upsc "$ups@$U" "$(pick "${VARS[@]}")" ;;
    4) upsc -l "$U"; upsc -L "$U" ;;
    5) upsc "nosuch$(r 9)@$U"; upsc "$ups@$U" "no.such.var$(r 9)" ;;
    6) upsc -c "$ups@$U" ;;
    7) upscmd -u admin -p adminpw "$ups@$U" "$(pick load.off load.off test.battery.start shutdown.return)" ;;
    8) upscmd -u operator -p "$OPPW" "$ups@$U" "$(pick test.battery.start load.off beeper.toggle)" ;;
    9) upscmd -u "$(pick admin operator viewer)" -p "wrong$(r 999)" "$ups@$U" load.off ;;
    10) upscmd -u "ghost$(r 99)" -p x "$ups@$U" test.battery.start ;;
    11) upscmd -l "$ups@$U" ;;
    12) upsrw "$ups@$U" ;;
    13) upsrw -s "ups.delay.shutdown=$((10 + $(r 110)))" -u admin -p adminpw "$ups@$U" ;;
    14) upsrw -s "$(pick ups.delay.start battery.charge.low no.such)=$(r 50)" -u "$(pick admin viewer operator)" -p "$(pick adminpw viewpw bad)" "$ups@$U" ;;
    15) python3 nutraw.py $PORT VER NETVER HELP "GET UPSDESC $ups" "GET NUMLOGINS $ups" "GET TYPE $ups ups.status" \
          "GET DESC $ups $(pick "${VARS[@]}")" "GET CMDDESC $ups load.off" "LIST RW $ups" "LIST CMD $ups" LOGOUT ;;
    16) set -- $(pick "monslave spass" "monmaster mpass" "viewer viewpw" "admin adminpw" "monslave x$(r 99)" "monmaster bad")
        python3 nutraw.py $PORT "USERNAME $1" "$(pick 'USERNAME again' VER)" "PASSWORD $2" "$(pick 'PASSWORD twice' NETVER)" \
          "LOGIN $ups" "$(pick "LOGIN $ups" "GET NUMLOGINS $ups")" "$(pick MASTER PRIMARY) $ups" "$(case $1 in viewer|monslave) pick "FSD $ups" "LIST CLIENT $ups" ;; *) echo "LIST CLIENT $ups" ;; esac)" \
          "$(pick LOGOUT '!close' '!reset')" ;;
    17) python3 nutraw.py $PORT STARTTLS "$(pick FOO 'GET' 'LIST' 'GET VAR' 'LIST ENUM' 'SET VAR') $ups" "GET VAR $ups" "LIST VAR nosuch" \
          "!raw \\x00\\xff\\xfe garbage $(r 9999)\\n" "!raw \"unterminated quote\\n" LOGOUT ;;
    18) python3 nutraw.py $PORT "SET TRACKING $(pick ON OFF)" "USERNAME admin" "PASSWORD adminpw" \
          "SET VAR $ups ups.delay.shutdown $(r 200)" "INSTCMD $ups test.battery.start" "GET TRACKING" "LIST CLIENT $ups" "!close" ;;
    19) python3 nutraw.py $PORT "GET VAR $ups ups.status" "!sleep 0.$(r 9)" "$(pick '!close' '!reset')" ;;
  esac >/dev/null 2>&1
}
crowd() { local n=$((4 + $(r 8))) i pids=(); for ((i = 0; i < n; i++)); do
    python3 nutraw.py $PORT "GET VAR $(pick "${UPSES[@]}") ups.load" "!sleep $((1 + $(r 3)))" "$(pick '!close' '!reset' LOGOUT)" >/dev/null 2>&1 &
    pids+=($!); done; wait "${pids[@]}"; }
burst() { local n=$1 i; for ((i = 0; i < n; i++)); do client; sleep 0.$((3 + $(r 7))); done; }

# ---------------------------------------------------------------- scenario
burst $((8 + $(r 5)))
alpha_state "OB DISCHRG" $((60 + $(r 30))) $((20 + $(r 40))); burst $((4 + $(r 3)))
alpha_state "OL CHRG" $((60 + $(r 30))) $((20 + $(r 40))); burst $((4 + $(r 3)))
alpha_state "OL" 100 $((10 + $(r 40))); burst 3
# driver killed: communication lost, then back
kill -9 "$(cat alpha.pid)"; sleep 1; burst 3; sleep $((8 + $(r 4)))
burst 2
start_driver alpha; sleep 3; burst $((3 + $(r 3))); crowd
# reload with a changed user file (operator password, an extra user) and gamma added
OPPW="op$RANDOM"; write_users 1; write_upsconf 1; start_driver gamma; sleep 2
reload_upsd; sleep 2; UPSES=(alpha beta gamma)
burst $((5 + $(r 4)))
# beta's driver frozen longer than MAXAGE, then resumed
kill -STOP "$(cat beta.pid)"; burst 3; sleep $((10 + $(r 4))); burst 2
kill -CONT "$(cat beta.pid)"; sleep 3; burst 3
# a broken upsd.conf on reload, then repaired; gamma removed again while a client is logged into it
python3 nutraw.py $PORT "USERNAME monslave" "PASSWORD spass" "LOGIN gamma" "!sleep 6" LOGOUT >/dev/null 2>&1 & HOLD=$!
printf 'LISTEN 127.0.0.1 %s\nMAXAGE soon\nBOGUSKEY %s\nMAXCONN "2%s\n' $PORT $(r 9) $(r 9) > etc/upsd.conf
printf '[delta]\n  driver = dummy-ups\n  desc = "no port given"\n' >> etc/ups.conf
reload_upsd; sleep 1; burst 2
mv etc/upsd.users etc/upsd.users.off; reload_upsd; sleep 1; burst 1; mv etc/upsd.users.off etc/upsd.users
write_upsdconf $((8 + $(r 4))); write_upsconf 0; reload_upsd; sleep 1; kill "$(cat gamma.pid)"; UPSES=(alpha beta)
wait $HOLD
burst $((4 + $(r 4)))
# power failure: on battery, then low battery -> upsmon primary sets FSD and "shuts down"
alpha_state "OB DISCHRG" $((40 + $(r 20))) $((30 + $(r 30))); burst 4
alpha_state "OB DISCHRG" $((15 + $(r 10))) $((30 + $(r 30))); burst 3
alpha_state "OB LB" $((3 + $(r 6))) $((30 + $(r 30))); sleep 12; burst 3
# power back, driver restarted (clears FSD), upsmon started again
alpha_state "OL CHRG" $((10 + $(r 20))) $((10 + $(r 30)))
kill "$(cat upsmon.pid)" 2>/dev/null; rm -f /run/nut/upsmon.pid $W/state/killpower
kill "$(cat alpha.pid)"; sleep 2; start_driver alpha; sleep 3
start_upsmon; sleep 2; burst $((4 + $(r 3)))
# upsd restarted
kill "$(cat upsd.pid)"; sleep 2; start_upsd
burst $((6 + $(r 4))); crowd
alpha_state "OL" 100 $((10 + $(r 40))); burst 3
kill "$(cat upsmon.pid)"; sleep 1
burst 2
kill "$(cat upsd.pid)"; sleep 1
wc -l "$LOG"
