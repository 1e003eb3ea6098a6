#!/bin/bash
# Randomised workload for gammu-smsd with the dummy phone driver and the FILES backend.
# Writes everything into run/smsd.log; the kept log is gammusmsd.log (first 2500 lines).
D="$(cd "$(dirname "$0")" && pwd)"
R="$D/run"
LOG="$R/smsd.log"
PIDS="$R/started.pids"
rm -rf "$R"; mkdir -p "$R"/{dummy,inbox,outbox,sent,error}
: > "$PIDS"
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

cat > "$R/cli.rc" <<EOT
[gammu]
model = dummy
connection = none
device = $R/dummy
EOT

# mkconf NAME [extra smsd lines...]
mkconf() {
  local name="$1"; shift
  {
    echo "[gammu]"
    echo "model = dummy"
    echo "connection = none"
    echo "device = ${DEVICE:-$R/dummy}"
    echo "loglevel = textall"
    echo
    echo "[smsd]"
    echo "service = ${SERVICE:-files}"
    echo "inboxpath = ${INBOX:-$R/inbox/}"
    echo "outboxpath = $R/outbox/"
    echo "sentsmspath = $R/sent/"
    echo "errorsmspath = $R/error/"
    echo "commtimeout = $((2 + $(rnd 3)))"
    echo "sendtimeout = 10"
    echo "receivefrequency = $((2 + $(rnd 3)))"
    echo "statusfrequency = $((5 + $(rnd 10)))"
    echo "multiparttimeout = $((6 + $(rnd 6)))"
    echo "debuglevel = 255"
    echo "logfile = $LOG"
    for l in "$@"; do echo "$l"; done
  } > "$R/$name.rc"
}

start_smsd() {   # start_smsd CONF
  gammu-smsd -c "$R/$1.rc" -p "$R/smsd.pid" -d >/dev/null 2>&1
  sleep 1
  if [ -s "$R/smsd.pid" ]; then cat "$R/smsd.pid" >> "$PIDS"; fi
}
stop_smsd() {    # stop_smsd [SIGNAL]
  local p; p=$(cat "$R/smsd.pid" 2>/dev/null)
  [ -n "$p" ] && kill -"${1:-TERM}" "$p" 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  rm -f "$R/smsd.pid"
}
NUMS=(+420777123456 +4915112345678 +33612345678 +12025550143 +447700900123 +8613800138000 +420603111222 0612345678)
# message texts carry no blanks (the library echoes the text of every sent SMS)
TEXTS=("hello" "meeting@10" "call-me-back-please" "balance_low" "your-code:4711" "ok" "see.you.tomorrow.at.the.station" "ALARM:door_opened")

incoming_sms() { # put a received message into the dummy phone's inbox
  local n t; n=$(pick "${NUMS[@]}"); t=$(pick "${TEXTS[@]}")
  gammu -c "$R/cli.rc" savesms TEXT -folder 1 -sender "$n" -unread -text "$t-$(rnd 1000)" >/dev/null 2>&1
  sed -i 's/^PDU = Submit/PDU = Deliver/' "$R"/dummy/sms/1/* 2>/dev/null
}
incoming_long() { # multipart message, sometimes with a part missing
  local n before after; n=$(pick "${NUMS[@]}")
  before=$(ls "$R/dummy/sms/1" | wc -l)
  gammu -c "$R/cli.rc" savesms TEXT -folder 1 -sender "$n" -unread -len $((200 + $(rnd 300))) \
     -text "$(for i in $(seq 1 40); do printf 'part%d ' $i; done)" >/dev/null 2>&1
  sed -i 's/^PDU = Submit/PDU = Deliver/' "$R"/dummy/sms/1/* 2>/dev/null
  if [ $(rnd 2) -eq 0 ]; then
    f=$(ls "$R/dummy/sms/1" | sort -n | tail -n 1); rm -f "$R/dummy/sms/1/$f"
  fi
}
outbox_file() { # drop a message file into the FILES outbox, various name formats
  local n t s; n=$(pick "${NUMS[@]}"); t=$(pick "${TEXTS[@]}"); s=$(date +%Y%m%d_%H%M%S)
  case $(rnd 9) in
    0) printf '%s' "$t" > "$R/outbox/OUT$n.txt" ;;
    1) printf '%s' "$t#$(rnd 99)" > "$R/outbox/OUT${s}_$(printf %02d $(rnd 99))_${n}_x.txt" ;;
    2) printf '%s' "$t" > "$R/outbox/OUTA${s}_00_${n}_urgent.txt" ;;
    3) printf '%s' "$t" > "$R/outbox/OUT${n}_$(rnd 9).txt" ;;             # wrong name format
    4) : > "$R/outbox/OUT${n}.txt" ;;                                     # empty message
    5) tr -dc '[:graph:]' < /dev/urandom | head -c $((20 + $(rnd 100))) > "$R/outbox/OUT${n}.txt" ;;   # garbage text
    6) printf '%s' "$(for i in $(seq 1 $((5 + $(rnd 15)))); do printf 'word%d_' $i; done)" > "$R/outbox/OUT${n}.txt" ;;
    7) gammu-smsd-inject -L -c "$R/$CONF.rc" TEXT "$n" -text "$t" >/dev/null 2>&1 ;;
    8) gammu-smsd-inject -L -c "$R/$CONF.rc" TEXT "$n" -flash -text "$t(flash)" >/dev/null 2>&1 ;;
  esac
}
activity() {   # activity SECONDS
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    case $(rnd 10) in
      0|1|2) incoming_sms ;;
      3) incoming_long ;;
      4|5|6) outbox_file ;;
      7) [ $(rnd 3) -eq 0 ] && gammu-smsd-inject -L -c "$R/$CONF.rc" USSD "*$(rnd 200)#" >/dev/null 2>&1 ;;
      8) touch "$R/dummy/incoming-call" ;;
      9) gammu-smsd-monitor -c "$R/$CONF.rc" -n 1 -d 0 -L >/dev/null 2>&1 ;;
    esac
    sleep 0.$((3 + $(rnd 7)))
  done
}

# --- broken configurations: each start fails early
printf '[smsd]\nservice = files\ndebuglevel = 255\nlogfile = %s\n' "$LOG" > "$R/nogammu.rc"
gammu-smsd -c "$R/nogammu.rc" -p "$R/smsd.pid" >/dev/null 2>&1
SERVICE=$(pick nosuchdb mysql_old) mkconf badservice; gammu-smsd -c "$R/badservice.rc" >/dev/null 2>&1
SERVICE=$(pick mysql dbi) mkconf deprecated "driver = nosuchdriver" "pc = localhost" "database = smsd"; gammu-smsd -c "$R/deprecated.rc" >/dev/null 2>&1
INBOX=$R/no/such/inbox/ mkconf badinbox; gammu-smsd -c "$R/badinbox.rc" >/dev/null 2>&1
DEVICE=/proc/gammu-dummy-$(rnd 100) mkconf baddev; timeout 20 gammu-smsd -c "$R/baddev.rc" -X 2 >/dev/null 2>&1
SERVICE=null mkconf nullsvc "PIN = 1234" "phoneid = nullphone"; timeout 6 gammu-smsd -c "$R/nullsvc.rc" >/dev/null 2>&1

# --- session 1: hooks, exclude list, hang up calls
CONF=s1
mkconf s1 "runonreceive = $D/runon.sh receive" "runonsent = $D/runon.sh sent" "runonfailure = $D/runon.sh failure" "runonincomingcall = $D/runon.sh call" \
  "hangupcalls = 1" "PIN = $(printf %04d $(rnd 10000))" "phoneid = dummy$(rnd 10)" "deliveryreport = $(pick log sms no)" \
  "maxretries = $(rnd 3)" "smsc = +420603052000" "backendretries = 0" \
  "" "[exclude_numbers]" "number1 = ${NUMS[7]}" \
  "[exclude_smsc]" "number1 = +420999"
for i in 1 2 3; do incoming_sms; done
start_smsd s1
activity $((10 + $(rnd 6)))
kill -HUP "$(cat "$R/smsd.pid")"; sleep 2
activity $((5 + $(rnd 4)))
kill -USR1 "$(cat "$R/smsd.pid")"; sleep 3
for i in 1 2 3; do incoming_sms; outbox_file; done
kill -USR2 "$(cat "$R/smsd.pid")"; sleep 2
activity $((6 + $(rnd 4)))
stop_smsd $(pick TERM INT)

# --- session 2: include lists, periodic resets, no hooks on sent
CONF=s2
mkconf s2 "runonreceive = $D/runon.sh receive" "resetfrequency = $((8 + $(rnd 5)))" "hardresetfrequency = $((14 + $(rnd 5)))" \
  "checkbattery = $(rnd 2)" "checksignal = $(rnd 2)" "outboxformat = $(pick detail standard unicode)" "transmitformat = $(pick auto 7bit)" \
  "inboxformat = $(pick standard detail unicode)" "NetworkCode = 1234" "PhoneCode = 0000" \
  "" "[include_numbers]" "number1 = ${NUMS[1]}" "number2 = ${NUMS[2]}" "number3 = ${NUMS[3]}" \
  "[exclude_numbers]" "number1 = ${NUMS[4]}" "[exclude_smsc]" "number1 = +1"
start_smsd s2
activity $((12 + $(rnd 5)))
stop_smsd TERM

# --- session 3: daemon dies hard and is restarted, send-only / receive-only modes
CONF=s3
mkconf s3 "receive = $(pick 0 1)" "send = 1" "checksecurity = $(rnd 2)" "loopsleep = $((1 + $(rnd 2)))" "runonfailure = $D/runon.sh failure"
start_smsd s3
activity $((6 + $(rnd 4)))
stop_smsd KILL
start_smsd s3
activity $((6 + $(rnd 4)))
stop_smsd TERM

# --- session 4: a second, short run with the first configuration
CONF=s1
start_smsd s1
activity $((5 + $(rnd 4)))
stop_smsd INT
# cleanup of stray hooks (started by smsd itself) is not needed: they exit on their own

# keep the first 2500 lines as the labelled log
head -n 2500 "$LOG" > "$D/gammusmsd.log"
