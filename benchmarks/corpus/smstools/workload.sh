#!/bin/bash
# Randomised workload for smsd (smstools 3.1.21, Debian 12).
# Two fake GSM modems (modem.py) listen on 127.0.0.1:26001/26002; smsd reaches them through
# its network-device mode.  smsd writes its own log file (loglevel 7) to smstools.log.raw.
set -u
D=/work/round29/smstools
R=$D/run
LOG=$R/smsd.log.raw
PIDS=$R/pids.txt
cd "$D" || exit 1
rm -rf "$R"; mkdir -p "$R"
for d in outgoing checked incoming failed sent report q1 q2 stats m1 m2 tmp; do mkdir -p "$R/$d"; done
: > "$PIDS"
export TMPDIR=$R/tmp

# --- helper scripts smsd runs ------------------------------------------------------------
cat > "$R/eventhandler.sh" <<'EOF'
#!/bin/sh
# $1 = event (SENT, RECEIVED, FAILED, REPORT, CALL), $2 = file
case "$1" in
  FAILED) exit $(( $(od -An -N1 -tu1 /dev/urandom) % 2 )) ;;
  REPORT) [ $(( $(od -An -N1 -tu1 /dev/urandom) % 3 )) = 0 ] && { echo "report handler trouble" >&2; exit 2; } ;;
esac
exit 0
EOF
cat > "$R/checkhandler.sh" <<'EOF'
#!/bin/sh
# reject destinations starting with 358409999; exit 2 = file was spooled by the handler
if grep -q '^To: *358409999' "$1"; then exit 1; fi
if grep -q '^To: *358408888' "$1"; then cp "$1" "$(dirname "$1")/../checked/$(basename "$1").h" 2>/dev/null; rm -f "$1"; exit 2; fi
exit 0
EOF
cat > "$R/regular_run.sh" <<'EOF'
#!/bin/sh
[ $(( $(od -An -N1 -tu1 /dev/urandom) % 4 )) = 0 ] && exit 3
exit 0
EOF
chmod +x "$R"/*.sh
printf '358401313131\n358501414141\n' > "$R/blacklist"

mkconf() { # $1 = file, $2 = extra global lines
  cat > "$1" <<EOF
devices = GSM1, GSM2
logfile = $LOG
loglevel = 7
outgoing = $R/outgoing
checked = $R/checked
incoming = $R/incoming
failed = $R/failed
sent = $R/sent
report = $R/report
stats = $R/stats
stats_interval = 60
blacklist = $R/blacklist
eventhandler = $R/eventhandler.sh
suspend = $R/suspend
checkhandler = $R/checkhandler.sh
delaytime = 2
delaytime_mainprocess = 1
errorsleeptime = 3
autosplit = 3
receive_before_send = no
incoming_utf8 = yes
outgoing_utf8 = yes
alarmlevel = 3
international_prefixes = 358
$(printf '%b' "$2")

[queues]
Q1 = $R/q1
Q2 = $R/q2

[provider]
Q1 = 358401, 358402, 358403, 358404, 358406, 358408, 358409
Q2 = 35850, 4670

[GSM1]
device = @127.0.0.1:26001
identity = 244911234567890
read_timeout = 2
incoming = yes
queues = Q1
pin = 1234
report = yes
check_network = 1
signal_quality_ber_ignore = no
regular_run = $R/regular_run.sh
regular_run_interval = 20
voicecall_hangup_ath = yes
send_retries = 2
ms_purge_hours = 0
ms_purge_minutes = 1
ms_purge_read = yes
socket_connection_retries = 2
socket_connection_errorsleeptime = 3
keep_open = yes

[GSM2]
device = @127.0.0.1:26002
read_timeout = 2
incoming = yes
queues = Q2
check_memory_method = 31
report = yes
send_retries = 1
ms_purge_hours = 0
ms_purge_minutes = 2
ms_purge_read = no
socket_connection_retries = -1
socket_connection_errorsleeptime = 4
EOF
}

M1=; M2=; S=
start_modem() { # $1 = 1|2, extra args
  local n=$1; shift
  python3 "$D/modem.py" "2600$n" "$R/m$n" "$@" >> "$R/modem$n.out" 2>&1 &
  local p=$!; echo "$p" >> "$PIDS"
  if [ "$n" = 1 ]; then M1=$p; else M2=$p; fi
}
stop_modem() { # $1 = 1|2
  local p; if [ "$1" = 1 ]; then p=$M1; else p=$M2; fi
  [ -n "$p" ] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
}
start_smsd() { # $1 = conf
  smsd -c "$1" -t -p "$R/smsd.pid" -i "$R/smsd.working" >> "$R/smsd.stdout" 2>&1 &
  S=$!; echo "$S" >> "$PIDS"
}
stop_smsd() {
  if [ -n "$S" ] && kill -0 "$S" 2>/dev/null; then
    kill -TERM "$S"
    for _ in $(seq 1 80); do kill -0 "$S" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$S" 2>/dev/null && kill -KILL "$S"
  fi
  wait "$S" 2>/dev/null; S=
}
handlers() { pgrep -P "$S" 2>/dev/null; }   # children of the smsd we started

pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
num_ok() { pick 35840$((RANDOM%4+1))$((RANDOM%900000+100000)) 35850$((RANDOM%9000000+1000000)) 4670$((RANDOM%900000+100000)); }
words() { local n=$1 s=""; for _ in $(seq 1 "$n"); do s+="$(pick hello meeting tomorrow at the office please call back status ok alarm server down up again ticket nr $RANDOM) "; done; echo "$s"; }
FN=0
msg() { # write an outgoing message file with the given content
  FN=$((FN+1)); local f="$R/outgoing/msg$FN.$RANDOM"
  printf '%b' "$1" > "$f.tmp"; mv "$f.tmp" "$f"
}

one_out() {
  local r=$((RANDOM % 100)) to; to=$(num_ok)
  if   [ $r -lt 25 ]; then msg "To: $to\n\n$(words $((RANDOM%8+2)))\n"
  elif [ $r -lt 32 ]; then msg "To: $to\nReport: yes\n\n$(words 4)\n"
  elif [ $r -lt 37 ]; then msg "To: $to\nFlash: yes\n\nFlash $(words 2)\n"
  elif [ $r -lt 44 ]; then msg "To: $to\n\n$(words $((RANDOM%40+40)))\n"
  elif [ $r -lt 49 ]; then msg "To: $to\nAlphabet: UTF-8\n\nПривет мир €uro ☺ $(words 2)\n"
  elif [ $r -lt 52 ]; then msg "To: $to\nAlphabet: UCS2\n\n$(words 3)\n"
  elif [ $r -lt 55 ]; then msg "To: $(pick 358401313131 358501414141)\n\nto a blacklisted number\n"
  elif [ $r -lt 58 ]; then msg "From: me\n\nmessage without a destination\n"
  elif [ $r -lt 61 ]; then msg "To: $to\n\n"
  elif [ $r -lt 63 ]; then msg "To: $to\nAlphabet: Klingon\n\nqapla\n"
  elif [ $r -lt 66 ]; then msg "To: 358409999$((RANDOM%900+100))\n\nrejected by the checkhandler\n"
  elif [ $r -lt 68 ]; then msg "To: 358408888$((RANDOM%900+100))\n\nspooled by the checkhandler\n"
  elif [ $r -lt 71 ]; then msg "To: $to\nQueue: Q$((RANDOM%5+3))\n\nunknown queue\n"
  elif [ $r -lt 74 ]; then msg "To: 99$((RANDOM%90000+10000))\n\nno provider for this number\n"
  elif [ $r -lt 77 ]; then msg "To: 358401$((RANDOM%900000+100000))\nVoicecall: yes\n\nTONE: $((RANDOM%9)),#,$((RANDOM%9))\n"
  elif [ $r -lt 80 ]; then msg "To: $to\nAlphabet: binary\nHex: yes\n\n$(pick '05 00 03 01 02 01 48 65' 'ZZ XY 12' '0A0B0C0D0E' '1 2 3')\n"
  elif [ $r -lt 83 ]; then msg "To: $to\nAutosplit: 0\n\n$(words 60)\n"
  elif [ $r -lt 85 ]; then msg "To: $to\nSystem_message: yes\n\n$(words $((RANDOM%30+1)))\n"
  elif [ $r -lt 88 ]; then msg "To: $to\nValidity: $(pick 1h 3 days 1 week bogus 255)\nPriority: $(pick high low)\n\n$(words 3)\n"
  elif [ $r -lt 91 ]; then FN=$((FN+1)); head -c $((RANDOM%300+1)) /dev/urandom > "$R/outgoing/junk$FN"
  elif [ $r -lt 94 ]; then msg "To: +$to\nTo_TOA: $(pick international national unknown bogus)\n\n$(words 3)\n"
  elif [ $r -lt 97 ]; then msg "To: s$to\n\nshort number style\n"
  else msg "To: $to\nReport: yes\nAutosplit: 2\n\n$(words 70)\n"
  fi
}

one_in() { # inject an incoming message into one of the fake modems
  local m; m=$(pick 1 2); local f="$R/m$m/inject/i$RANDOM$RANDOM"
  mkdir -p "$R/m$m/inject"
  case $((RANDOM % 10)) in
    0|1|2) echo "sms;+$(num_ok);$(words $((RANDOM%6+1)))" > "$f" ;;
    3) echo "ucs2;+$(num_ok);Ответ $(words 2)" > "$f" ;;
    4|5) echo "multi;+$(num_ok);$(words $((RANDOM%40+30)))" > "$f" ;;
    6|7) echo "report;+$(num_ok);-" > "$f" ;;
    8) echo "garbage;+1;$(pick 07911326 00FF 0791534850020200040C91534820 ZZTOP)" > "$f" ;;
    9) echo "cell;-;-" > "$f" ;;
  esac
}

tick() { # one step of traffic
  local i
  for i in $(seq 1 $((RANDOM%2+1))); do one_out; done
  [ $((RANDOM%2)) = 0 ] && one_in
  sleep 0.$((RANDOM%9+1))
}

# --- phase 1: configuration problems (smsd refuses to start) -----------------------------
mkconf "$R/bad.conf" "loglevel = 7\nfrobnicate = yes\ndelaytime = x"
sed -i 's/^\[GSM2\]/[GSM2]\nmystery_setting = 1\ncheck_memory_method = 77/' "$R/bad.conf"
start_smsd "$R/bad.conf"; sleep 2; stop_smsd

# --- phase 2: a modem whose SIM wants a PIN smsd does not know ------------------------
start_modem 1 --pin 9999 --flaky 3
start_modem 2 --flaky 5
sleep 1
mkconf "$R/smsd.conf" ""
start_smsd "$R/smsd.conf"
for _ in $(seq 1 $((RANDOM%3+4))); do tick; done
stop_smsd
stop_modem 1

# --- phase 3: normal traffic, a modem dies and comes back, suspend/resume -------------
start_modem 1 --pin 1234 --flaky 4
sleep 1
start_smsd "$R/smsd.conf"
sleep 2
for _ in $(seq 1 $((RANDOM%6+12))); do tick; done
stop_modem 2
for _ in $(seq 1 $((RANDOM%3+3))); do tick; done
start_modem 2 --flaky 5
for _ in $(seq 1 $((RANDOM%3+4))); do tick; done
echo "GSM1: maintenance window $RANDOM" > "$R/suspend"
for _ in $(seq 1 4); do tick; done
: > "$R/suspend"
for _ in $(seq 1 3); do tick; done
echo "ALL: all modems paused" > "$R/suspend"
for _ in $(seq 1 3); do tick; done
for h in $(handlers); do kill -USR2 "$h" 2>/dev/null; done
sleep 2; rm -f "$R/suspend"
kill -CONT "$S" 2>/dev/null
for _ in $(seq 1 4); do tick; done
# a second smsd while the first runs
smsd -c "$R/smsd.conf" -t -p "$R/smsd.pid" -i "$R/smsd.working" >> "$R/smsd.stdout" 2>&1 &
p=$!; echo "$p" >> "$PIDS"; sleep 3; kill "$p" 2>/dev/null; wait "$p" 2>/dev/null
for _ in $(seq 1 $((RANDOM%4+6))); do tick; done
stop_smsd

# --- phase 4: restart, traffic with flakier modems, shutdown ---------------------------
stop_modem 1; stop_modem 2
start_modem 1 --pin 1234 --flaky 10; start_modem 2 --flaky 10
sleep 1
start_smsd "$R/smsd.conf"
for _ in $(seq 1 $((RANDOM%5+10))); do tick; done
sleep 5
stop_smsd
stop_modem 1; stop_modem 2

cp "$LOG" "$D/smstools.full.log"
head -n 2500 "$LOG" > "$D/smstools.log"
wc -l "$D/smstools.full.log" "$D/smstools.log"
