#!/bin/bash
# Randomised workload for shellinaboxd 2.21 (Debian 12) in debug mode on 127.0.0.1:37400-37409.
# Log: shellinabox.raw.log = stderr (and stdout) of every shellinaboxd run.
D=/work/round30/shellinabox
cd "$D" || exit 1
LOG=$D/shellinabox.raw.log
PHASES=${PHASES:-30}
mkdir -p run/certs; chmod 777 run/certs
rm -f run/certs/*.pem
: > run/pids
: > "$LOG"
echo "static file served by shellinaboxd" > run/static.txt
printf '#vt100 { font-size: 14px; }\n' > run/extra.css
chmod 644 run/static.txt run/extra.css

BASE="--localhost-only --disable-utmp-logging -u nobody -g nogroup"
SVC=(-s '/:nobody:nogroup:/:/bin/cat'
     -s '/date:nobody:nogroup:/:date'
     -s '/sh:nobody:nogroup:/tmp:/bin/sh'
     -s '/false:nobody:nogroup:/:/bin/false'
     -s '/missing:nobody:nogroup:/:/nonexistent/command --flag'
     -s '/sleep:nobody:nogroup:/:sleep 4')

bad_start() { # configuration mistakes: each makes shellinaboxd refuse to start
  local args
  case $((RANDOM % 26)) in
    0) args="-d -p 37401 -p 37402" ;;
    1) args="-d -q" ;;
    2) args="-d -v" ;;
    3) args="-d -p notaport" ;;
    4) args="-d -p 99999" ;;
    5) args="-d -s /bad" ;;
    6) args="-d --linkify=sometimes" ;;
    7) args="-d -u no_such_user_xyz -s /:no_such_user_xyz:nogroup:/:date" ;;
    8) args="-d -g no_such_group_xyz" ;;
    9) args="-d --static-file=nocolon" ;;
    10) args="-d -f /a:$D/run/static.txt -f /a:$D/run/static.txt" ;;
    11) args="-d --css=$D/run/does-not-exist.css" ;;
    12) args="-d -c /nonexistent/certdir -c /other" ;;
    13) args="-d -s /x:nobody:nogroup:relative/dir:date" ;;
    14) args="-d -s /:LOGIN -s /:LOGIN" ;;
    15) args="-d --user-css=Broken" ;;
    16) args="-d --cgi=1-2 -p 5" ;;
    17) args="-d -s /:SSH:bad_host_!" ;;
    18) args="-d -b --cgi" ;;
    19) args="-d --pidfile=$D/run/a.pid --pidfile=$D/run/b.pid" ;;
    20) args="-d --cert-fd=99" ;;
    21) args="-d --unixdomain-only=bad" ;;
    22) args="-d -u nobody -u nobody" ;;
    23) args="-d -g nogroup -g nogroup" ;;
    24) args="-d --linkify" ;;
    25) args="-d -s /:SSH:127.0.0.1:notaport" ;;
  esac
  timeout 5 shellinaboxd $args $BASE -p 37409 >>"$LOG" 2>&1
}

for phase in $(seq 1 "$PHASES"); do
  bad_start
  (( RANDOM % 2 )) && bad_start
  PORT=$((37400 + RANDOM % 8))
  OPTS=(-d -p $PORT $BASE)
  if (( RANDOM % 3 == 0 )); then OPTS+=(-t); SSL=0; else OPTS+=(-c "$D/run/certs"); SSL=1; fi
  (( RANDOM % 3 == 0 )) && rm -f run/certs/*.pem
  (( RANDOM % 3 == 0 )) && OPTS+=(--disable-ssl-menu)
  (( RANDOM % 3 == 0 )) && OPTS+=(-n)
  (( RANDOM % 3 == 0 )) && OPTS+=(--no-beep)
  (( RANDOM % 3 == 0 )) && OPTS+=(--linkify=$(shuf -n1 -e none normal aggressive))
  (( RANDOM % 3 == 0 )) && OPTS+=(-f "/static.txt:$D/run/static.txt")
  (( RANDOM % 3 == 0 )) && OPTS+=(--css="$D/run/extra.css")
  shellinaboxd "${OPTS[@]}" "${SVC[@]}" >>"$LOG" 2>&1 &
  SP=$!; echo "shellinaboxd $SP" >> run/pids
  sleep 1.5
  # a second server trying the same port cannot bind it
  (( RANDOM % 4 == 0 )) && timeout 4 shellinaboxd -d -p $PORT $BASE -t -s '/:nobody:nogroup:/:date' >>"$LOG" 2>&1
  n=$((RANDOM % 2 + 1)); cps=()
  for c in $(seq 1 $n); do
    python3 client.py $PORT $SSL $((RANDOM % 5 + 3)) >>run/client.out 2>&1 &
    cps+=($!)
  done
  # plain HTTP against an SSL-enabled server
  (( SSL && RANDOM % 2 )) && curl -s -m 3 -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null
  # kill a running terminal child now and then
  sleep 3
  if (( RANDOM % 2 )); then
    victim=$(pgrep -P "$SP" 2>/dev/null | head -1)
    [ -n "$victim" ] && for gc in $(pgrep -P "$victim" 2>/dev/null); do kill -KILL "$gc" 2>/dev/null; break; done
  fi
  for p in "${cps[@]}"; do wait "$p"; done
  # an idle session left to time out, sometimes
  if (( phase % 4 == 0 )); then
    python3 - "$PORT" "$SSL" <<'EOF'
import socket, ssl, sys, time
port, use_ssl = int(sys.argv[1]), sys.argv[2] == "1"
s = socket.create_connection(("127.0.0.1", port))
if use_ssl:
    c = ssl.create_default_context(); c.check_hostname = False; c.verify_mode = ssl.CERT_NONE
    s = c.wrap_socket(s)
body = b"width=80&height=24&rooturl=x"
s.sendall(b"POST /sleep HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
time.sleep(2)
s.close()
EOF
    sleep 2
  fi
  if (( RANDOM % 2 )); then kill -TERM "$SP"; else kill -INT "$SP"; fi
  wait "$SP"
done
echo "workload finished"
