#!/bin/bash
# Randomised quasselcore workload: local ngircd + a scripted misbehaving IRC server,
# core setup by a client, several users/networks, chatting clients, bad logins, protocol
# garbage, ident and metrics queries, IRC server death, SIGHUP reload, CLI user admin,
# core restarts (with and without SSL certificate) and shutdown.
D=$(cd "$(dirname "$0")" && pwd)
cd "$D" || exit 1
W="$D/work"; rm -rf "$W"; mkdir -p "$W/cfg" "$W/ircd"
rm -f quassel.log
echo $$ > "$W/workload.pid"
LOG="$D/quassel.log"
cat > "$W/ircd/ngircd.conf" <<C
[Global]
Name = irc.quassel.test
Info = local test server
Listen = 127.0.0.1
Ports = 34201
PidFile = $W/ircd/ngircd.pid
MotdPhrase = "welcome to the quassel test server"
[Options]
DNS = no
Ident = no
PAM = no
[Channel]
Name = #quassel
Topic = quassel test channel
C
start_ircd() { ngircd -n -f "$W/ircd/ngircd.conf" >> "$W/ircd/out" 2>&1 & IRCD=$!; echo $IRCD > "$W/ircd.pid"; sleep 1; }
stop_ircd() { kill "$IRCD" 2>/dev/null; wait "$IRCD" 2>/dev/null; }
start_fake() { python3 "$D/fakeircd.py" 34202 >> "$W/fake.out" 2>&1 & FAKE=$!; echo $FAKE > "$W/fake.pid"; sleep 0.5; }
stop_fake() { kill "$FAKE" 2>/dev/null; wait "$FAKE" 2>/dev/null; }
CORE_OPTS=(--configdir "$W/cfg" --listen 127.0.0.1 --port 34200 --loglevel Debug --logfile "$LOG"
           --ident-daemon --ident-port 34211 --ident-listen 127.0.0.1
           --metrics-daemon --metrics-port 34212 --metrics-listen 127.0.0.1)
start_core() { quasselcore "${CORE_OPTS[@]}" "$@" >> "$W/core.out" 2>&1 & CORE=$!; echo $CORE > "$W/core.pid"; sleep 2; }
stop_core() { kill "$CORE" 2>/dev/null; for i in $(seq 1 30); do kill -0 "$CORE" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$CORE" 2>/dev/null && { echo "core did not stop, killing" >&2; kill -9 "$CORE"; }; wait "$CORE" 2>/dev/null; }
# a core that stopped answering (SQLite lock-up) is killed and started again
check_core() { python3 "$D/qdrive.py" health || { echo "core hung, restarting" >&2; kill -9 "$CORE"; wait "$CORE" 2>/dev/null; start_core; }; }
drive() { timeout 300 python3 "$D/qdrive.py" "$@" >> "$W/drive.out" 2>&1; check_core; }

start_ircd
start_fake
start_core
drive setup
sleep 1
drive populate admin
# more users from the command line (one with mismatching passwords)
stop_core
printf 'alice\nalicepw\nalicepw\n' | timeout 20 quasselcore "${CORE_OPTS[@]}" --add-user >> "$W/core.out" 2>&1
printf 'bob\nbobpw\nbobpw\n' | timeout 20 quasselcore "${CORE_OPTS[@]}" --add-user >> "$W/core.out" 2>&1
printf 'carol\none\ntwo\n' | timeout 20 quasselcore "${CORE_OPTS[@]}" --add-user >> "$W/core.out" 2>&1
printf 'dave\n\n\n' | timeout 20 quasselcore "${CORE_OPTS[@]}" --add-user >> "$W/core.out" 2>&1
printf 'x\ny\n' | timeout 20 quasselcore "${CORE_OPTS[@]}" --change-userpass=nobody >> "$W/core.out" 2>&1
timeout 20 quasselcore "${CORE_OPTS[@]}" --select-backend=$(shuf -n1 -e SQLite PostgreSQL Oracle) < /dev/null >> "$W/core.out" 2>&1
timeout 20 quasselcore "${CORE_OPTS[@]}" --select-authenticator=$(shuf -n1 -e Database Kerberos Bogus) < /dev/null >> "$W/core.out" 2>&1
start_core
drive populate $(shuf -e alice bob)
drive traffic $((RANDOM % 10 + 15))

for step in $(shuf -e kill_ircd hup restart_ssl kill_fake busy); do
  echo "step $step" >&2
  case $step in
    kill_ircd) drive traffic 4 & P=$!; sleep 2; stop_ircd; sleep $((RANDOM % 5 + 4)); start_ircd; wait $P; sleep 3 ;;
    kill_fake) stop_fake; sleep 3; drive traffic 5; start_fake; sleep 3 ;;
    hup) kill -HUP "$CORE"; sleep 1; drive traffic 5 ;;
    restart_ssl)
      stop_core
      if [ ! -f "$W/cfg/quasselCert.pem" ]; then
        openssl req -x509 -nodes -newkey rsa:2048 -days 2 -subj /CN=127.0.0.1 -keyout "$W/cfg/quasselCert.pem" -out "$W/cert.tmp" 2>/dev/null
        cat "$W/cert.tmp" >> "$W/cfg/quasselCert.pem"
      fi
      start_core $(shuf -n1 -e -- --require-ssl --strict-ident --norestore)
      QCERT="$W/cfg/quasselCert.pem" drive traffic $((RANDOM % 6 + 6)) ;;
    busy) for i in 1 2; do QCERT="$W/cfg/quasselCert.pem" drive traffic 6 & eval "P$i=\$!"; done; wait $P1 $P2 ;;
  esac
done
# a second core on the same port fails to listen
quasselcore "${CORE_OPTS[@]}" --metrics-port 34213 --ident-port 34214 >> "$W/core.out" 2>&1 & C2=$!; sleep 3; kill $C2 2>/dev/null; wait $C2 2>/dev/null
QCERT="$W/cfg/quasselCert.pem" drive traffic 8
stop_core
stop_fake
stop_ircd
wc -l "$LOG" >&2
