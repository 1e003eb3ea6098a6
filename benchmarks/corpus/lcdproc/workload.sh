#!/bin/bash
# Randomised workload for LCDd (Debian 12 lcdproc), curses driver on a private pty.
D=/work/round30/lcdproc
R=$D/run
LOG=$D/lcdproc.raw.log
PORT=35200
mkdir -p "$R"; rm -f "$LOG" "$R"/lcdd.pid "$R"/keys.fifo "$R"/fail.pid "$R"/nonexistent.conf
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }
chance() { [ $((RANDOM % 100)) -lt "$1" ]; }

mkconf() { # file variant
  {
    echo "[server]"
    echo "DriverPath=/usr/lib/x86_64-linux-gnu/lcdproc/"
    echo "Driver=curses"
    echo "Bind=127.0.0.1"
    echo "Port=$PORT"
    echo "ReportLevel=5"
    echo "ReportToSyslog=no"
    echo "User=nobody"
    echo "WaitTime=$(pick 2 3 5)"
    echo "ServerScreen=$(pick on on blank)"
    echo "Backlight=open"
    echo "Heartbeat=open"
    echo "TitleSpeed=$(pick 5 10)"
    echo "ToggleRotateKey=Enter"
    echo "PrevScreenKey=Left"
    echo "NextScreenKey=Right"
    if [ "$2" = messy ]; then
      echo "Hello=\"  Hi there\""
      echo "GoodBye=\"  Bye now\""
    fi
    echo "[menu]"
    echo "MenuKey=Escape"
    echo "EnterKey=Enter"
    echo "UpKey=Up"
    echo "DownKey=Down"
    echo "[curses]"
    if [ "$2" = messy ]; then
      echo "Size=$(pick 20x4 abc 16x2x9)"
      echo "TopLeftX=$(pick 300 7)"
      echo "TopLeftY=$(pick 999 3)"
    else
      echo "Size=20x4"
    fi
    echo "DrawBorder=yes"
  } > "$1"
}

badconf() { # config file with syntax problems
  {
    echo "Stray=before any section"
    echo "[server"
    echo "DriverPath=/usr/lib/x86_64-linux-gnu/lcdproc/"
    echo "Driver=curses"
    echo "[server]"
    echo "justaword"
    echo "Port 35299"
    echo "Bind=\"127.0.0.1"
    echo "Title=a\"b"
    echo "[curses]"
  } > "$1"
}

SRV_RUNNER=
start_server() { # conf [extra args]
  CUR_CONF=$1
  python3 "$D/lcdd_pty.py" "$1" "$LOG" "$R/keys.fifo" "$R/lcdd.pid" "${@:2}" & SRV_RUNNER=$!
  for i in $(seq 1 60); do [ -s "$R/lcdd.pid" ] && break; sleep 0.1; done
  SRV=$(cat "$R/lcdd.pid" 2>/dev/null)
}
stop_server() { # signal
  [ -n "$SRV" ] && kill -"$1" "$SRV" 2>/dev/null
  wait "$SRV_RUNNER" 2>/dev/null; SRV=; SRV_RUNNER=; rm -f "$R/lcdd.pid"
}
failing_run() { # conf [LCDd args that make it stop during start-up]
  timeout 10 python3 "$D/lcdd_pty.py" "$1" "$LOG" "$R/fail.fifo" "$R/fail.pid" "${@:2}" 2>/dev/null
  # if it came up after all, stop it
  if [ -s "$R/fail.pid" ]; then kill "$(cat "$R/fail.pid")"; sleep 0.5; rm -f "$R/fail.pid"; fi
}
key() { [ -n "$SRV" ] && kill -0 "$SRV" 2>/dev/null && timeout 2 bash -c 'echo "$1" > "$2"' _ "$1" "$R/keys.fifo"; }
CUR_CONF=
revive() { # restart the server if it died (it can crash on menu updates)
  if [ -n "$SRV" ] && ! kill -0 "$SRV" 2>/dev/null; then
    wait "$SRV_RUNNER" 2>/dev/null; rm -f "$R/lcdd.pid"; sleep 1; start_server "$CUR_CONF"
  fi
}
CLIENTS=()
client() { python3 "$D/lcd_client.py" $PORT "$1" "$2" >/dev/null 2>&1 & CLIENTS+=($!); }
activity() { # seconds
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt $end ]; do
    revive
    r=$((RANDOM % 100))
    if   [ $r -lt 30 ]; then client screen $((RANDOM % 12 + 2))
    elif [ $r -lt 45 ]; then client menu $((RANDOM % 8 + 1))
    elif [ $r -lt 70 ]; then client bad 1
    elif [ $r -lt 80 ]; then client misc 3
    elif [ $r -lt 83 ]; then timeout -s INT $((RANDOM % 4 + 2)) lcdproc -s 127.0.0.1 -p $PORT -f $(pick C M L U) $(pick S K P) >/dev/null 2>&1 &
      CLIENTS+=($!)
    fi
    for k in $(seq 1 $((RANDOM % 4))); do
      key "$(pick Up Down Down Enter Enter Left Right Escape a b x Right Left)"
    done
    sleep 0.$((RANDOM % 9 + 1))
  done
}

mkconf "$R/good.conf" plain
mkconf "$R/messy.conf" messy
badconf "$R/bad.conf"

# start-up failures
failing_run "$R/bad.conf"
failing_run "$R/good.conf" -w 1
failing_run "$R/good.conf" -z
failing_run "$R/good.conf" -d nosuchdriver
failing_run "$R/nonexistent.conf"
failing_run "$R/good.conf" -s maybe
failing_run "$R/good.conf" -p $PORT stray

# first server
start_server "$R/good.conf"
activity 35
failing_run "$R/good.conf"          # second instance: port already in use
activity 20
stop_server TERM
for p in "${CLIENTS[@]}"; do wait "$p" 2>/dev/null; done; CLIENTS=()

# restart with the messy configuration
start_server "$R/messy.conf"
activity 40
stop_server "$(pick INT TERM)"
for p in "${CLIENTS[@]}"; do wait "$p" 2>/dev/null; done; CLIENTS=()

# third run, short
mkconf "$R/good.conf" plain
start_server "$R/good.conf"
activity 15
stop_server INT
for p in "${CLIENTS[@]}"; do wait "$p" 2>/dev/null; done
head -n 2500 "$LOG" > "$D/lcdproc.log"
wc -l "$LOG" "$D/lcdproc.log"
