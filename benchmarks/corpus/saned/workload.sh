#!/bin/bash
# Randomised workload for saned (standalone, debug level 5, stderr to saned.log).
# Clients: scanimage with the net backend (sc.sh maps sane-port to our port inside a private
# mount namespace) and rawclient.py for hostile / broken protocol use.
# Ports: control 43566, data 43600-43640 (all on 127.0.0.1).
D=$(cd "$(dirname "$0")" && pwd)
cd "$D" || exit 1
PORT=43566
LOG="$D/saned.log"
RUN="$D/run"
rm -rf "$RUN" && mkdir -p "$RUN/out" "$D/home/.sane"
: > "$LOG"
PIDS=()

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }

write_conf() { # $1 = variant
  case "$1" in
    plain)
      cat > conf/saned.conf <<EOF
# saned.conf for the workload
data_portrange = 43600 - 43640
data_connect_timeout = 3000
127.0.0.1
192.168.77.0/24
[::1]
EOF
      rm -f conf/saned.users ;;
    auth)
      cat > conf/saned.conf <<EOF
# saned.conf with some broken option lines
data_portrange = abc
data_portrange = 70000 - 70010
data_portrange = 43610
data_portrange = 43620 - xyz
data_portrange = 43620 - 99999
data_portrange = 43630 - 43620
data_connect_timeout = soon
data_connect_timeout = 123456
data_portrange = 43610 - 43630
data_connect_timeout = $(pick 2000 2500 3000 4000)
localhost
EOF
      printf 'alice:wonderland:test\nbob:builder:test\ncarol:$MD5$nothashed:test\n' > conf/saned.users ;;
    narrow)
      cat > conf/saned.conf <<EOF
data_portrange = 43635 - 43637
data_connect_timeout = 1500
127.0.0.0/8
EOF
      rm -f conf/saned.users ;;
    none)
      rm -f conf/saned.conf conf/saned.users ;;
  esac
}

start_saned() { # extra args
  SANE_CONFIG_DIR="$D/conf" SANE_DEBUG_SANEI_AUTH=4 saned -l -e -d 5 -b 127.0.0.1 -p $PORT "$@" >> "$LOG" 2>&1 &
  SANED=$!
  PIDS+=($SANED)
  sleep 1
}

stop_saned() {
  kill "$SANED" 2>/dev/null
  wait "$SANED" 2>/dev/null
  sleep 0.5
}

sc() { timeout 40 ./sc.sh "$@" </dev/null >/dev/null 2>>"$RUN/client.err"; }

dev() { echo "net:127.0.0.1:test:$(pick 0 0 1)"; }

scan_normal() {
  local mode depth pic res fmt
  mode=$(pick Gray Gray Color)
  depth=$(pick 8 8 1 16)
  pic=$(pick "Solid black" "Solid white" "Color pattern" "Grid")
  res=$((10 + RANDOM % 30))
  fmt=$(pick pnm tiff png)
  sc -d "$(dev)" --mode "$mode" --depth "$depth" --test-picture "$pic" --resolution "$res" \
     --format "$fmt" -o "$RUN/out/scan.$fmt"
}

scan_variant() { # $1 = variant (default: random)
  case ${1:-$((RANDOM % 9))} in
    0) sc -d "$(dev)" --resolution 20 --select-fd=yes --format pnm ;;
    1) sc -d "$(dev)" --resolution 20 --non-blocking=yes --format pnm ;;
    2) sc -d "$(dev)" --resolution 15 --read-return-value "$(pick SANE_STATUS_JAMMED SANE_STATUS_NO_DOCS SANE_STATUS_COVER_OPEN SANE_STATUS_IO_ERROR SANE_STATUS_DEVICE_BUSY SANE_STATUS_NO_MEM SANE_STATUS_ACCESS_DENIED SANE_STATUS_CANCELLED SANE_STATUS_EOF)" --format pnm ;;
    3) sc -d "$(dev)" --resolution 12 --source "Automatic Document Feeder" --batch="$RUN/out/b%d.pnm" --batch-count $((2 + RANDOM % 3)) ;;
    4) sc -d "$(dev)" --resolution 15 --hand-scanner=yes --format pnm ;;
    5) sc -d "$(dev)" --resolution 12 --mode Color --three-pass=yes --format pnm ;;
    6) sc -d "$(dev)" --resolution 20 --read-limit=yes --read-limit-size $((2000 + RANDOM % 3000)) --format pnm ;;
    7) sc -d "$(dev)" --resolution 18 --fuzzy-parameters=yes --ppl-loss $((RANDOM % 5)) --format pnm ;;
    8) sc -d "$(dev)" -l 10 -t 10 -x 30 -y 30 --resolution 30 --format pnm ;;
  esac
}

bad_client() { # $1 = variant (default: random)
  case ${1:-$((RANDOM % 8))} in
    0) sc -d "$(dev)" --resolution 5000 -x 2 -y 2 --format pnm ;;
    1) sc -d "$(dev)" --mode Sepia --format pnm ;;
    2) sc -d "net:127.0.0.1:test:$((5 + RANDOM % 5))" --format pnm ;;
    3) sc -d "net:127.0.0.1:$(pick nosuch pixma epson2 v4l)" --format pnm ;;
    4) sc -d "$(dev)" --resolution 0 -x 500 -y 1 --format pnm ;;
    5) sc -d "$(dev)" --depth 12 --test-picture Stripes --format pnm ;;
    6) sc -d "$(dev)" -A ;;
    7) sc -d "$(dev)" --resolution 10 --depth 16 --invert-endianess=yes --format pnm ;;
  esac
}

cancel_client() { # scan slowly and interrupt or kill the client
  local sig
  sig=$(pick INT INT TERM KILL)
  timeout -s "$sig" "$(pick 1.5 2 2.5)" ./sc.sh -d "$(dev)" --resolution $((60 + RANDOM % 40)) \
     --read-delay=yes --read-delay-duration $((100000 + RANDOM % 100000)) --format pnm \
     >/dev/null 2>>"$RUN/client.err"
  sleep 1
}

raw() { timeout 20 python3 rawclient.py $PORT "$@" >>"$RUN/client.err" 2>&1; }

raw_random() { # $1 = variant (default: random)
  case ${1:-$((RANDOM % 10))} in
    0) raw http ;;
    1) raw hangup ;;
    2) raw truncinit ;;
    3) raw badproc ;;
    4) raw badhandle ;;
    5) raw badcontrol ;;
    6) raw truncopen ;;
    7) raw dropped ;;
    8) raw open "$(pick "" test:0 test:1 nosuch:0 test:7)" ;;
    9) raw stealdata "$(pick test:0 test:1)" ;;
  esac
}

session() { # $1 = number of clients
  local n
  for ((n = 0; n < $1; n++)); do
    case $((RANDOM % 10)) in
      0|1|2) scan_normal ;;
      3|4) scan_variant ;;
      5) bad_client ;;
      6) sc -L ;;
      7|8) raw_random ;;
      9) cancel_client ;;
    esac
    sleep 0.2
  done
}

auth_client() { # $1 = variant (default: random)
  local u
    case ${1:-$((RANDOM % 8))} in
      0|1) printf 'alice:wonderland:net:127.0.0.1:test\n' > home/.sane/pass; chmod 600 home/.sane/pass
           sc -d "$(dev)" --resolution $((10 + RANDOM % 20)) --format pnm ;;
      2) rm -f home/.sane/pass
         printf '%s\n%s\n' "$(pick bob alice mallory)" "$(pick builder wrong hunter2)" | \
           timeout 40 ./sc.sh -d "$(dev)" --resolution 15 --format pnm >/dev/null 2>>"$RUN/client.err" ;;
      3) printf 'bob:nottheone:net:127.0.0.1:test\n' > home/.sane/pass; chmod 600 home/.sane/pass
         sc -d "$(dev)" --resolution 15 --format pnm ;;
      4) u=$(pick alice bob carol eve)
         raw auth "$(pick test:0 test:1)" "$u" "$(pick wonderland builder nothashed x)" plain ;;
      5) raw auth test:0 "$(pick alice bob)" x "$(pick wrongproc hangup otherres)" ;;
      6) rm -f home/.sane/pass; sc -L ;;
      7) printf 'bob:builder:net:127.0.0.1:test\n' > home/.sane/pass; chmod 600 home/.sane/pass
         sc -d "$(dev)" --resolution 12 --source "Automatic Document Feeder" --batch="$RUN/out/a%d.pnm" --batch-count 2 ;;
    esac
    sleep 0.2
  rm -f home/.sane/pass
}

deck() { # every client kind once, in a random order
  local c
  for c in $(shuf -e "$@"); do
    ${c%%:*} ${c#*:}
    sleep 0.2
  done
}

ALL_RAW=(raw_random:0 raw_random:1 raw_random:2 raw_random:3 raw_random:4 raw_random:5
         raw_random:6 raw_random:7 raw_random:8 raw_random:9)
ALL_SCAN=(scan_variant:0 scan_variant:1 scan_variant:2 scan_variant:3 scan_variant:4
          scan_variant:5 scan_variant:6 scan_variant:7 scan_variant:8 scan_normal: cancel_client:)
ALL_BAD=(bad_client:0 bad_client:1 bad_client:2 bad_client:3 bad_client:4 bad_client:5
         bad_client:6 bad_client:7)
ALL_AUTH=(auth_client:0 auth_client:1 auth_client:2 auth_client:3 auth_client:4 auth_client:5
          auth_client:5 auth_client:6 auth_client:7)

# --- phase 1: plain config, several clients -------------------------------------------------
write_conf plain
start_saned
deck "${ALL_RAW[@]}" "${ALL_SCAN[@]}" $(shuf -n 4 -e "${ALL_BAD[@]}") sc:-L

# a second daemon on the same port cannot bind
start_saned
sleep 1

# --- phase 2: restart with broken option lines and a users file (authentication) -------------
SANED=${PIDS[0]}; stop_saned
write_conf auth
start_saned
deck "${ALL_AUTH[@]}"
session $((1 + RANDOM % 2))

# --- phase 3: narrow data port range that another program occupies --------------------------
stop_saned
write_conf narrow
start_saned
timeout 30 python3 rawclient.py 0 holdports 43635 43637 6 >>"$RUN/client.err" 2>&1 &
HOLD=$!
sleep 0.5
scan_normal
raw stealdata test:0
wait $HOLD
session $((2 + RANDOM % 2))

# --- phase 4: no config file at all; listing only (no data ports configured) ----------------
stop_saned
write_conf none
start_saned
sc -L
raw_random
raw open test:1
raw badproc

# --- phase 5: one-shot daemon (-o) that exits after its first client ------------------------
stop_saned
write_conf plain
start_saned -o
scan_normal
sleep 1
wait "$SANED" 2>/dev/null

# --- phase 6: back to normal service, more clients, then shutdown ---------------------------
start_saned
session $((3 + RANDOM % 3))
stop_saned
write_conf plain
rm -rf "$RUN" home
echo "saned workload done: $(wc -l < "$LOG") lines"
