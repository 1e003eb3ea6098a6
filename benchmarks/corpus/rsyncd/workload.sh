#!/bin/bash
# Round-7 corpus workload: rsync daemon (Debian 12 package rsync, `rsync --daemon --no-detach`) on
# 127.0.0.1:28873, own `log file`, transfer logging with a keyed `log format`, several modules
# (read-only, write-only, auth users + secrets file, hosts allow/deny, max connections, broken ones).
# Randomised rsync clients for DURATION seconds; writes $OUT/rsyncd.log unchanged.
# Run as root on Debian 12:  bash workload.sh [OUT_DIR] [DURATION]
#   (apt-get install -y rsync python3; defaults OUT_DIR=/work/round7/rsyncd DURATION=300)
set -u
OUT=${1:-/work/round7/rsyncd}; DURATION=${2:-300}
BASE=/tmp/r7-rsyncd; PORT=28873
mkdir -p "$OUT"; rm -f "$OUT/rsyncd.log"
rm -rf "$BASE"; mkdir -p "$BASE"/{pub,drop,secure,limited,upload,staging,client,locked}
r() { echo $((RANDOM % $1)); }
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa)
w() { echo ${words[$(r ${#words[@]})]}; }

# random tree: DIR, number of files
mktree() {
  local d=$1 n=$2 i sub
  for i in $(seq "$n"); do
    sub="$d/$(w)"; [ $(r 3) = 0 ] && sub="$sub/$(w)"
    mkdir -p "$sub"
    head -c $(( (RANDOM * 7 + RANDOM) % 200000 + 1 )) /dev/urandom > "$sub/$(w)-$RANDOM.$( [ $(r 2) = 0 ] && echo dat || echo txt)"
  done
}
mktree "$BASE/pub" 40
for i in 1 2 3; do echo scratch > "$BASE/pub/$(w)-$RANDOM.tmp"; done
head -c 30000000 /dev/urandom > "$BASE/pub/big-$RANDOM.iso"
mktree "$BASE/secure" 15
ln -s "/nonexistent/$RANDOM" "$BASE/pub/dangling-$RANDOM"; ln -s ../gone.txt "$BASE/pub/$(w)-link"
mkdir -p "$BASE/locked/private" "$BASE/locked/open"; mktree "$BASE/locked/open" 4
for i in 1 2 3; do head -c $((RANDOM + 1)) /dev/urandom > "$BASE/locked/secret-$RANDOM.key"; done
chmod 600 "$BASE"/locked/secret-*; echo x > "$BASE/locked/private/notes.txt"; chmod 700 "$BASE/locked/private"
printf '#!/bin/sh\n# pre-xfer exec: refuse one transfer in three\n[ $(( $(date +%%N) %% 3 )) -ne 0 ]\n' > "$BASE/prexfer.sh"
chmod 755 "$BASE/prexfer.sh"
mktree "$BASE/limited" 10
head -c 20000000 /dev/urandom > "$BASE/limited/slow-$RANDOM.bin"

cat > "$BASE/secrets" <<EOF
alice:wonderland
bob:builder
@staff:staffpass
EOF
chmod 600 "$BASE/secrets"
cp "$BASE/secrets" "$BASE/secrets-loose"; chmod 644 "$BASE/secrets-loose"

cat > "$BASE/rsyncd.conf" <<EOF
port = $PORT
address = 127.0.0.1
pid file = $BASE/rsyncd.pid
log file = $OUT/rsyncd.log
transfer logging = yes
log format = %o %h [%a] module=%m user=%u file=%f size=%l xfer=%b
use chroot = no
uid = root
gid = root
max verbosity = 2
timeout = 8

[pub]
  path = $BASE/pub
  comment = public mirror (read only)
  read only = yes
  exclude = *.tmp
[drop]
  path = $BASE/drop
  comment = drop box (write only)
  read only = no
  write only = yes
[secure]
  path = $BASE/secure
  comment = authenticated area
  read only = no
  auth users = alice, bob:ro, @staff:rw
  secrets file = $BASE/secrets
[loose]
  path = $BASE/secure
  comment = secrets file with bad mode
  auth users = alice
  secrets file = $BASE/secrets-loose
  strict modes = yes
[lan]
  path = $BASE/pub
  comment = LAN only
  hosts allow = 10.0.0.0/8 192.168.0.0/16
[blocked]
  path = $BASE/pub
  comment = not for 127.0.0.2
  hosts deny = 127.0.0.2
[limited]
  path = $BASE/limited
  comment = two at a time
  max connections = 2
  lock file = $BASE/limited.lock
[upload]
  path = $BASE/upload
  comment = uploads
  read only = no
  refuse options = compress
  incoming chmod = Du=rwx,Dgo=rx,Fu=rw,Fgo=r
[gone]
  path = $BASE/does-not-exist
  comment = missing path
[hidden]
  path = $BASE/pub
  list = no
[locked]
  path = $BASE/locked
  comment = runs as nobody
  uid = nobody
  gid = nogroup
  read only = no
[hooked]
  path = $BASE/upload
  comment = pre-xfer checked
  read only = no
  pre-xfer exec = $BASE/prexfer.sh
EOF
cp "$BASE/rsyncd.conf" "$BASE/rsyncd.conf.good"

start() { rsync --daemon --no-detach --config="$BASE/rsyncd.conf" & DAEMON=$!; sleep 1; }
start
U=rsync://127.0.0.1:$PORT
C=$BASE/client
mods=(pub drop secure lan blocked limited upload gone hidden locked hooked)
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 28) in
    24) rm -rf "$C/pull"; rsync -a "$U/locked/" "$C/pull/" >/dev/null 2>&1 ;;          # unreadable files as nobody
    25) rm -rf "$C/push"; mkdir -p "$C/push"; mktree "$C/push" $((1 + $(r 3)))
        rsync -a $( [ $(r 2) = 0 ] && echo --delete) "$C/push/" "$U/locked/$( [ $(r 2) = 0 ] && echo open/)" >/dev/null 2>&1 ;;
    26) rm -rf "$C/push"; mkdir -p "$C/push"; mktree "$C/push" 2
        rsync -a "$C/push/" "$U/hooked/h-$(w)/" >/dev/null 2>&1
        rm -rf "$C/pull"; rsync -aL "$U/pub/" "$C/pull/" --exclude='*.iso' --exclude="[a-h]*" >/dev/null 2>&1 ;;
    27) python3 - "$PORT" "$(r 3)" <<'PY' 2>/dev/null
import socket, sys, time, random
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
k = int(sys.argv[2])
try:
    s.recv(100)
    if k == 0:   # auth challenge answered with junk
        s.sendall(b"@RSYNCD: 31.0\nsecure\n"); time.sleep(0.3); s.recv(200)
        s.sendall(b"junk%d\n" % random.randint(1, 9999)); time.sleep(0.5); s.recv(200)
    else:        # start a pull and then go silent past the daemon timeout
        s.sendall(b"@RSYNCD: 31.0\npub\n"); time.sleep(0.3); s.recv(200)
        s.sendall(b"--server\0--sender\0-r\0.\0pub/\0\0")
        time.sleep(random.randint(10, 14))
except Exception:
    pass
PY
        ;;
    0) rsync "$U/" >/dev/null 2>&1 ;;                                   # module list
    1) rsync -r "$U/pub/" >/dev/null 2>&1 ;;                            # listing
    2|3) rm -rf "$C/pull"; rsync -a "$U/pub/$(w)/" "$C/pull/" >/dev/null 2>&1 ;;
    4) rm -rf "$C/pull"; [ $(r 3) = 0 ] && rsync -a --exclude='*.iso' --exclude="$(w)" --exclude="$(w)" --exclude="$(w)" $( [ $(r 2) = 0 ] && echo -z) "$U/pub/" "$C/pull/" >/dev/null 2>&1 ;;
    5|6) rm -rf "$C/push"; mkdir -p "$C/push"; mktree "$C/push" $((1 + $(r 6)))
       rsync -a "$C/push/" "$U/drop/$(w)-$RANDOM/" >/dev/null 2>&1 ;;
    7) rsync -a "$U/drop/" "$C/x/" >/dev/null 2>&1 ;;                   # refused read of write-only
    8) rm -rf "$C/push"; mkdir -p "$C/push"; mktree "$C/push" 2
       rsync -a "$C/push/" "$U/pub/" >/dev/null 2>&1 ;;                 # refused write to read-only
    9|10) u=$( [ $(r 2) = 0 ] && echo alice || echo bob ); p=$( [ $u = alice ] && echo wonderland || echo builder )
       if [ $(r 2) = 0 ]; then
         rm -rf "$C/pull"; RSYNC_PASSWORD=$p rsync -a "$u@127.0.0.1::secure/" --port=$PORT "$C/pull/" >/dev/null 2>&1
       else
         rm -rf "$C/push"; mkdir -p "$C/push"; mktree "$C/push" $((1 + $(r 4)))
         RSYNC_PASSWORD=$p rsync -a "$C/push/" "rsync://$u@127.0.0.1:$PORT/secure/in-$(w)/" >/dev/null 2>&1
       fi ;;
    11) RSYNC_PASSWORD=wrong$RANDOM rsync "rsync://$( [ $(r 2) = 0 ] && echo alice || echo bob )@127.0.0.1:$PORT/secure/" >/dev/null 2>&1 ;;
    12) RSYNC_PASSWORD=x$RANDOM rsync "rsync://$(w)$(r 99)@127.0.0.1:$PORT/secure/" >/dev/null 2>&1 ;;
    13) RSYNC_PASSWORD=staffpass rsync "rsync://$(w)@127.0.0.1:$PORT/secure/" >/dev/null 2>&1 ;;
    14) rsync "$U/$(w)$(r 50)/" >/dev/null 2>&1 ;;                    # unknown module
    15) m=${mods[$(r ${#mods[@]})]}; rsync --address=127.0.0.$((1 + $(r 3))) "$U/$m/" >/dev/null 2>&1
        rsync --address=127.0.0.2 "$U/blocked/" >/dev/null 2>&1 ;;
    16) rsync "$U/lan/" >/dev/null 2>&1; RSYNC_PASSWORD=wonderland rsync "rsync://alice@127.0.0.1:$PORT/loose/" >/dev/null 2>&1 ;;
    17) # deletions: mirror a shrinking tree into upload
       d=$(w); rm -rf "$C/mirror"; mkdir -p "$C/mirror"; mktree "$C/mirror" $((2 + $(r 5)))
       rsync -a "$C/mirror/" "$U/upload/$d/" >/dev/null 2>&1
       find "$C/mirror" -type f | shuf -n $((1 + $(r 2))) | xargs rm -f
       rsync -a --delete "$C/mirror/" "$U/upload/$d/" >/dev/null 2>&1
       [ $(r 2) = 0 ] && rsync -az "$C/mirror/" "$U/upload/$d/" >/dev/null 2>&1 ;;
    18) # partial transfer killed mid-way (pull or push)
       rm -rf "$C/part"; mkdir -p "$C/part"
       if [ $(r 2) = 0 ]; then
         timeout -s KILL 1.$(r 9) rsync --partial --bwlimit=$((500 + $(r 1500))) "$U/pub/big-*.iso" "$C/part/" >/dev/null 2>&1
       else
         head -c $((5000000 + RANDOM * 100)) /dev/urandom > "$C/part/up-$RANDOM.bin"
         timeout -s $( [ $(r 2) = 0 ] && echo KILL || echo INT ) 1.$(r 9) rsync --partial --bwlimit=$((500 + $(r 1500))) "$C/part/" "$U/upload/part-$(w)/" >/dev/null 2>&1
       fi ;;
    19) # max-connections flood
       for i in $(seq $((3 + $(r 4)))); do
         timeout 4 rsync --bwlimit=$((300 + $(r 500))) "$U/limited/slow-*.bin" "$BASE/staging/f$i" >/dev/null 2>&1 &
       done
       sleep 2 ;;
    20) # garbage on the port
       python3 - "$PORT" "$(r 5)" <<'PY' 2>/dev/null
import socket, sys, random, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
k = int(sys.argv[2])
try:
    s.recv(100)
    if k == 0:
        s.sendall(bytes(random.getrandbits(8) for _ in range(random.randint(5, 200))))
    elif k == 1:
        s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
    elif k == 2:
        s.sendall(b"@RSYNCD: %d.0\n" % random.choice([10, 20, 99]))
        s.sendall(b"pub\n")
    elif k == 3:
        s.sendall(b"@RSYNCD: 31.0\n" + b"x" * random.randint(1, 50) + b"\n")
    else:
        s.sendall(b"@RSYNCD: 31.0\npub\n")  # then go silent, close early
        time.sleep(random.random())
    time.sleep(0.3)
    print(s.recv(500))
except Exception:
    pass
PY
       ;;
    21) rsync -r "$U/hidden/" >/dev/null 2>&1; rsync "$U/pub/$(cd "$BASE/pub" && ls *.tmp | shuf -n1)" "$C/" >/dev/null 2>&1; rsync -r -z "$U/upload/" >/dev/null 2>&1 ;;  # hidden module, refused option
    22) if [ $(r 3) = 0 ]; then   # SIGHUP ends the rsync daemon: start it again
         kill -$( [ $(r 2) = 0 ] && echo HUP || echo TERM ) $DAEMON; wait $DAEMON 2>/dev/null
         cp "$BASE/rsyncd.conf.good" "$BASE/rsyncd.conf"
         case $(r 3) in   # operator typos in the config before the restart
           0) sed -i "s/^transfer logging = yes/transfer logging = yes\ntransfer loging = $(w)/" "$BASE/rsyncd.conf" ;;
           1) sed -i "s/^  read only = yes/  read only = $(w)/" "$BASE/rsyncd.conf" ;;
         esac
         start
       fi; rsync -av --dry-run "$U/pub/" "$C/dry/" >/dev/null 2>&1 ;;
    23) rsync "$U/gone/" >/dev/null 2>&1; rsync -a "$C/push/" "$U/drop/../etc/" >/dev/null 2>&1 ;;
  esac
  sleep 1.$(r 9)
done
sleep 5   # let background flood clients finish
sleep 1; kill $DAEMON; wait $DAEMON 2>/dev/null
rm -rf "$BASE"
