#!/bin/bash
# Randomised workload for clamav-milter 1.4 with a private clamd and a misbehaving fake clamd.
# Ports: clamd 55100, fake clamd 55101, milter 55110.  Everything lives in ./run/.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=$HERE/run
mkdir -p "$RUN/db" "$RUN/tmp"
cd "$RUN"
LOG=$RUN/milter.log
rm -f "$LOG" milter.out
C="python3 $HERE/milterclient.py 127.0.0.1 55110"
PIDS=()
R() { echo $(( (RANDOM % ($2 - $1 + 1)) + $1 )); }

# --- local test signature database (no network) ---
python3 - <<'EOF'
sigs = {"Local.Test.AlphaWorm": "ALPHAWORM-TEST-PAYLOAD-7731",
        "Local.Test.BetaTrojan": "BETA-TROJAN-MARKER-XQ92",
        "Local.Test.GammaMacro": "GAMMAMACRO::autoopen::shell"}
with open("db/local.ndb", "w") as f:
    for n, s in sigs.items():
        f.write(f"{n}:0:*:{s.encode().hex()}\n")
EOF

cat > clamd.conf <<EOF
LogFile $RUN/clamd.log
LogTime yes
Foreground yes
PidFile $RUN/clamd.pid
DatabaseDirectory $RUN/db
LocalSocket $RUN/clamd.sock
TCPSocket 55100
TCPAddr 127.0.0.1
MaxThreads 4
ReadTimeout 30
SelfCheck 3600
TemporaryDirectory $RUN/tmp
EOF

cat > allow.list <<'EOF'
# allow list
From:^<*noreply@trusted\.example>*$
To:^<*abuse@mx\.test>*$
To:^<*postmaster@mx\.test>*$
EOF
printf 'trusted1\ntrusted2\n' > auth.list
cat > virusaction.sh <<'EOF'
#!/bin/sh
# VirusAction hook: random outcome
case $(( $(od -An -N1 -tu1 /dev/urandom) % 4 )) in
  0) exit 0 ;;
  1) exit 3 ;;
  2) kill -KILL $$ ;;
  3) exit 1 ;;
esac
EOF
chmod +x virusaction.sh

start_clamd() {
  clamd -c clamd.conf >> clamd.out 2>&1 &
  CLAMD_PID=$!
  for i in $(seq 1 50); do [ -S clamd.sock ] && break; sleep 0.2; done
  sleep 0.5
}
stop_clamd() { kill "$CLAMD_PID" 2>/dev/null; wait "$CLAMD_PID" 2>/dev/null; }
start_fake() {
  python3 "$HERE/fakeclamd.py" 55101 $RANDOM >> fake.out 2>&1 &
  FAKE_PID=$!
  sleep 0.5
}
stop_fake() { kill "$FAKE_PID" 2>/dev/null; wait "$FAKE_PID" 2>/dev/null; }

# write a milter config: $1 = file, rest = extra lines
milter_conf() {
  local f=$1; shift
  {
    echo "MilterSocket inet:55110@127.0.0.1"
    echo "FixStaleSocket yes"
    echo "Foreground yes"
    echo "PidFile $RUN/milter.pid"
    echo "TemporaryDirectory $RUN/tmp"
    echo "LogFile $LOG"
    echo "LogTime yes"
    echo "LogVerbose yes"
    echo "SupportMultipleRecipients yes"
    echo "ReadTimeout 5"
    for l in "$@"; do echo "$l"; done
  } > "$f"
}
start_milter() {
  clamav-milter -c "$1" >> milter.out 2>&1 &
  MILTER_PID=$!
  sleep 1.5
}
stop_milter() {  # $1 = signal
  kill -"${1:-TERM}" "$MILTER_PID" 2>/dev/null
  for i in $(seq 1 40); do kill -0 "$MILTER_PID" 2>/dev/null || break; sleep 0.25; done
  kill -KILL "$MILTER_PID" 2>/dev/null
  wait "$MILTER_PID" 2>/dev/null
}
traffic() {  # $1 = scenario, $2 = count
  $C "$1" $RANDOM "$2" 2>>client.err
}

start_clamd
start_fake

# ---------- phase 1: full logging, reject, real clamd first ----------
SOCKS=("ClamdSocket tcp:127.0.0.1:55100" "ClamdSocket unix:$RUN/clamd.sock" "ClamdSocket tcp:127.0.0.1:55101")
FIRST=$(shuf -n1 -e 0 1)
milter_conf m1.conf "${SOCKS[$FIRST]}" "${SOCKS[$((1-FIRST))]}" "${SOCKS[2]}" "LogInfected Full" "LogClean Full" \
  "OnInfected Reject" "RejectMsg Message rejected: %v detected" "AddHeader Replace" "AllowList $RUN/allow.list" \
  "SkipAuthenticated ^trusted[0-9]+\$" "LocalNet 10.0.0.0/8" "VirusAction $RUN/virusaction.sh"
start_milter m1.conf
for round in $(seq 1 3); do
  for s in $(shuf -e mix mix virus clean auth allow localnet nohdr nomacro garbage); do
    case $s in
      garbage) traffic garbage $(R 1 3) ;;
      mix) traffic mix $(R 6 12) ;;
      *) traffic "$s" $(R 2 5) ;;
    esac
  done
  for j in $(seq 1 $(R 2 3)); do traffic mix $(R 2 5) & PIDS+=($!); done
  wait "${PIDS[@]}"; PIDS=()
done
stop_milter USR1

# ---------- phase 2: the misbehaving clamd is preferred, then backends die ----------
milter_conf m2.conf "${SOCKS[2]}" "${SOCKS[1]}" "${SOCKS[0]}" "LogInfected Full" "LogClean Full" \
  "OnInfected Reject" "OnFail $(shuf -n1 -e Defer Accept Reject)" "AddHeader Replace"
start_milter m2.conf
traffic mix $(R 15 25)
for j in $(seq 1 3); do traffic mix $(R 3 6) & PIDS+=($!); done
wait "${PIDS[@]}"; PIDS=()
stop_fake
traffic mix $(R 4 8)
stop_clamd
traffic mix $(R 4 8)
traffic virus $(R 2 4)
sleep $(R 1 3)
start_clamd
traffic mix $(R 5 10)
start_fake
traffic mix $(R 5 10)
stop_milter TERM

# ---------- phase 3: basic logging, other actions ----------
for act in Quarantine Blackhole Accept Defer; do
  milter_conf m3.conf "${SOCKS[$(R 0 1)]}" "ClamdSocket tcp:127.0.0.1:55101" "LogInfected Basic" \
    "LogClean $(shuf -n1 -e Basic Off)" "OnInfected $act" "OnFail $(shuf -n1 -e Accept Defer Reject)" \
    "AddHeader $(shuf -n1 -e Add Replace No)" "LocalNet 10.0.0.0/8"
  start_milter m3.conf
  traffic mix $(R 10 25)
  traffic virus $(R 3 6)
  traffic localnet $(R 1 3)
  traffic garbage $(R 1 2)
  stop_milter $(shuf -n1 -e TERM USR1)
done

# ---------- phase 3b: milter on a UNIX socket ----------
milter_conf m3b.conf "${SOCKS[0]}" "LogInfected Full" "LogClean Full" "OnInfected Reject" \
  "AllowList $RUN/allow.list" "SkipAuthenticated file:$RUN/auth.list"
sed -i 's#^MilterSocket .*#MilterSocket '"$RUN"'/milter.sock#' m3b.conf
start_milter m3b.conf
UC="python3 $HERE/milterclient.py unix:$RUN/milter.sock 0"
for s in $(shuf -e mix allow auth virus mix); do $UC "$s" $RANDOM $(R 3 8) 2>>client.err; done
stop_milter USR1

# ---------- phase 4: configuration errors (each start fails) ----------
BAD=(
  "LogInfected Loud"
  "LogClean Verbose"
  "OnFail Blackhole"
  "OnFail Explode"
  "OnClean Bounce"
  "OnInfected Shred"
  "OnInfected Reject|RejectMsg virus %v and %v found"
  "AllowList $RUN/missing.list"
  "AllowList $RUN/badregex.list"
  "SkipAuthenticated ^(broken"
  "LocalNet no-such-host.invalid"
  "LocalNet 127.0.0.0/99"
  "ClamdSocket smtp:127.0.0.1:25"
  "ClamdSocket unix:relative/clamd.sock"
  "ClamdSocket tcp:no-such-host.invalid:3310"
)
printf 'From:^ok@example\\.org$\nTo:([unclosed\n' > badregex.list
for b in $(shuf -e "${!BAD[@]}"); do
  IFS='|' read -r -a extra <<< "${BAD[$b]}"
  case "${BAD[$b]}" in ClamdSocket*) socks=() ;; *) socks=("${SOCKS[0]}") ;; esac
  milter_conf bad.conf "${socks[@]}" "${extra[@]}"
  start_milter bad.conf
  stop_milter TERM
done

# ---------- phase 5: odd-but-valid start-ups, then traffic ----------
milter_conf m5.conf "${SOCKS[0]}" "ClamdSocket tcp:127.0.0.1:55101" "MaxFileSize 0" \
  "LogInfected Full" "LogClean Basic" "OnInfected Reject"
start_milter m5.conf
traffic mix $(R 10 20)
stop_fake
traffic mix $(R 5 10)
stop_milter USR1

milter_conf m6.conf "${SOCKS[@]}" "LogInfected Full" "LogClean Full" "OnInfected Reject" \
  "AddHeader Add" "VirusAction $RUN/virusaction.sh" "AllowList $RUN/allow.list"
start_fake
start_milter m6.conf
for j in $(seq 1 $(R 3 5)); do traffic mix $(R 10 20) & PIDS+=($!); done
traffic allow $(R 3 6)
wait "${PIDS[@]}"; PIDS=()
stop_clamd
stop_fake
traffic mix $(R 3 6)
stop_milter USR1

rm -f clamd.sock
