#!/bin/bash
# Round-11 corpus workload: Radicale 3.1 CalDAV/CardDAV server (Debian 12 package `radicale`),
# [logging] level = info, stderr appended to OUT/radicale.log (the server's own log stream;
# one line per record at info, tracebacks are dropped by Radicale below debug).
# htpasswd (md5) users, rights from_file, a storage hook that sometimes fails, 127.0.0.1:19410
# (a second instance on the same port fails to bind). Randomised clients: client.py beside this file.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [SECONDS_PER_PHASE]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE}; PHASE=${2:-60}
W=/tmp/r11-radicale
PORT=19410
DEBIAN_FRONTEND=noninteractive apt-get install -y radicale apache2-utils python3-passlib openssl >/dev/null
mkdir -p "$OUT"; rm -f "$OUT/radicale.log"
rm -rf "$W"; mkdir -p "$W/collections"
LOG="$OUT/radicale.log"

# users (md5 htpasswd), one with an unsafe name, one read-only guest
htpasswd -c -b -m "$W/users" alice wonderland 2>/dev/null
for up in bob:builder carol:c4rol-pw dave:davepass erin:erin-secret guest:guestpass 'evil/x:evilpass'; do
  htpasswd -b -m "$W/users" "${up%%:*}" "${up#*:}" 2>/dev/null
done

cat > "$W/rights" <<'EOF'
# anonymous and authenticated users may list the root
[root]
user: .*
collection:
permissions: R
# principal collections: everybody but guest owns one
[principal]
user: (?!guest).+
collection: {user}
permissions: RW
[owned]
user: (?!guest).+
collection: {user}/[^/]+
permissions: rw
[owned-items]
user: (?!guest).+
collection: {user}/[^/]+/[^/]+
permissions: rw
# guest may only look at alice's shared calendars
[guest-read]
user: guest
collection: alice(/.*)?
permissions: r
EOF

cat > "$W/hook.sh" <<'EOF'
#!/bin/bash
# storage hook: fails now and then (like a git commit that cannot run)
[ $((RANDOM % 9)) -ne 0 ]
EOF
chmod +x "$W/hook.sh"

openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj /CN=localhost \
  -keyout "$W/key.pem" -out "$W/cert.pem" 2>/dev/null

mkconf() {  # $1 = ssl True/False, $2 = port
cat > "$W/config" <<EOF
[server]
hosts = 127.0.0.1:${2:-$PORT}
max_connections = $((6 + RANDOM % 6))
max_content_length = 200000
timeout = 5
ssl = $1
certificate = $W/cert.pem
key = $W/key.pem
[auth]
type = htpasswd
htpasswd_filename = $W/users
htpasswd_encryption = md5
delay = 0.3
realm = Radicale r11
[rights]
type = from_file
file = $W/rights
[storage]
filesystem_folder = $W/collections
hook = $W/hook.sh %(user)s
[web]
type = internal
[logging]
level = info
mask_passwords = True
EOF
}

start() {
  radicale --config "$W/config" 2>>"$LOG" &
  echo $! > "$W/radicale.pid"
  for _ in $(seq 1 50); do
    (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && return 0; sleep 0.2
  done
}
stop() {  # $1 = signal
  kill -"${1:-TERM}" "$(cat "$W/radicale.pid")"; wait "$(cat "$W/radicale.pid")" 2>/dev/null
}
clients() {  # $1 = seconds, $2 = count, rest = client args
  local d=$1 n=$2 pids=(); shift 2
  for i in $(seq 1 "$n"); do
    python3 "$HERE/client.py" $PORT "$d" --seed $RANDOM "$@" & pids+=($!)
  done
  wait "${pids[@]}"
}

# 1. an operator's typo: the server refuses to start
mkconf False
sed -i 's/^timeout = 5/timeout = five/' "$W/config"
radicale --config "$W/config" 2>>"$LOG"
mkconf False
printf '[server]\nhosts = 127.0.0.1:%s\n[nosuchsection]\nx = 1\n' $PORT > "$W/bad.conf"
radicale --config "$W/bad.conf" 2>>"$LOG"

# 2. plain HTTP, several clients
start
clients "$PHASE" 2
# a second instance on the same port cannot bind
radicale --config "$W/config" 2>>"$LOG"
stop TERM

# 3. damage the storage a little, verify it, repair, restart
c=$(ls -d "$W"/collections/collection-root/*/*/ 2>/dev/null | shuf -n 3)
for d in $c; do
  f=$(ls "$d"*.ics "$d"*.vcf 2>/dev/null | shuf -n 1)
  [ -n "$f" ] && cp "$f" "${f%.*}-copy.${f##*.}"                      # UID conflict
  for cf in $(ls "$d".Radicale.cache/item/* 2>/dev/null | shuf -n 2); do
    printf 'corrupt %s' $RANDOM > "$cf"                                  # broken item cache
  done
  for cf in $(ls "$d".Radicale.cache/sync-token/* 2>/dev/null | shuf -n 1); do
    printf 'xx' > "$cf"                                                   # broken sync token
  done
  for cf in $(ls "$d".Radicale.cache/history/* 2>/dev/null | shuf -n 1); do
    printf 'yy' > "$cf"                                                   # broken history cache
  done
done
d=$(ls -d "$W"/collections/collection-root/*/*/ 2>/dev/null | shuf -n 1)
[ -n "$d" ] && echo "BEGIN:VCALENDAR" > "${d}broken-$RANDOM.ics"         # unreadable item
radicale --config "$W/config" --verify-storage 2>>"$LOG"
start
clients "$((PHASE / 2))" 1
stop INT
for d in $c; do rm -f "$d"*-copy.*; done
radicale --config "$W/config" --verify-storage 2>>"$LOG"

# 4. HTTPS for a while
mkconf True
start
clients "$PHASE" 1 --ssl
stop TERM

# 5. back to plain HTTP; the rights file is broken for a few seconds, then repaired
mkconf False
start
clients "$PHASE" 2 &
CL=$!
sleep $((PHASE / 3))
cp "$W/rights" "$W/rights.good"
printf '[broken]\nuser: (unclosed\ncollection: .*\npermissions: r\n' > "$W/rights"
sleep $((3 + RANDOM % 4))
cp "$W/rights.good" "$W/rights"
wait $CL
stop HUP
rm -rf "$W"
