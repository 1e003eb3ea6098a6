#!/bin/bash
# Round-11 corpus workload: transmission-daemon 3.00 (Debian 12 package), run in the foreground
# with --log-debug and -e <logfile> (its own log file: "[time] name message (file.c:line)").
# Needs: apt-get install -y transmission-daemon transmission-cli opentracker python3 curl iproute2
# Run as root: bash workload.sh OUT_DIR [DURATION_SECONDS]
#
# Transmission refuses loopback peers (127/8 is a "martian" address), so everything runs in two
# private network namespaces joined by a veth pair (10.199.11.1 <-> 10.199.11.2) that this script
# creates and deletes: daemon A (the logged one), opentracker and a helper HTTP server
# (misbehaving trackers + blocklist) in r11trA; daemon B (the other peer, seeding) and raw junk
# peers in r11trB. RPC listens on 127.0.0.1 inside each namespace (ports 19910 / 19920), peers
# on 19911 / 19921, opentracker on 19900, helper on 19901. Nothing leaves the namespaces.
set -u
OUT=${1:?out dir}; DURATION=${2:-240}
OUT=$(readlink -f "$OUT"); mkdir -p "$OUT"
LOG=$OUT/transmission.log; rm -f "$LOG"
W=/tmp/r11tr/work
NA=r11trA; NB=r11trB
cleanup() {
  for f in $W/a.pid $W/b.pid $W/ot.pid $W/helper.pid; do
    [ -f $f ] && kill $(cat $f) 2>/dev/null
  done
  sleep 6
  for f in $W/a.pid $W/b.pid $W/ot.pid $W/helper.pid; do
    [ -f $f ] && kill -9 $(cat $f) 2>/dev/null; rm -f $f
  done
  ip netns del $NA 2>/dev/null; ip netns del $NB 2>/dev/null
}
trap cleanup EXIT
ip netns del $NA 2>/dev/null; ip netns del $NB 2>/dev/null
rm -rf $W; mkdir -p $W/a/cfg $W/a/dl $W/a/watch $W/a/moved $W/b/cfg $W/b/dl $W/tr $W/t $W/bad
chmod 755 $W $W/tr
ip netns add $NA; ip netns add $NB
ip link add trA0 netns $NA type veth peer name trB0 netns $NB
ip -n $NA addr add 10.199.11.1/24 dev trA0; ip -n $NB addr add 10.199.11.2/24 dev trB0
for n in $NA $NB; do ip -n $n link set lo up; done
ip -n $NA link set trA0 up; ip -n $NB link set trB0 up
A() { ip netns exec $NA "$@"; }
B() { ip netns exec $NB "$@"; }
r() { echo $((RANDOM % $1)); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# ---- settings -------------------------------------------------------------------------------
cat > $W/mkset.py <<'EOF'
import json, sys
cfg, rpc, peer, ip, dl = sys.argv[1:6]
s = {"message-level": 3, "rpc-port": int(rpc), "rpc-bind-address": "127.0.0.1",
     "rpc-authentication-required": True, "rpc-username": "admin", "rpc-password": "s3cret",
     "rpc-whitelist": "127.0.0.1", "rpc-host-whitelist-enabled": True, "rpc-host-whitelist": "",
     "peer-port": int(peer), "bind-address-ipv4": ip, "bind-address-ipv6": "::1",
     "dht-enabled": False, "lpd-enabled": False, "port-forwarding-enabled": False,
     "utp-enabled": True, "pex-enabled": True, "download-dir": dl, "encryption": 1,
     "peer-port-random-on-start": False, "blocklist-enabled": not cfg.endswith("/b/cfg"),
     "blocklist-url": "http://10.199.11.1:19901/blocklist.txt",
     "download-queue-enabled": True, "download-queue-size": 3, "cache-size-mb": 4,
     "script-torrent-done-enabled": False, "script-torrent-done-filename": "",
     "speed-limit-up": 400, "speed-limit-up-enabled": cfg.endswith("/b/cfg")}
json.dump(s, open(cfg + "/settings.json", "w"), indent=2)
EOF
python3 $W/mkset.py $W/a/cfg 19910 19911 10.199.11.1 $W/a/dl
python3 $W/mkset.py $W/b/cfg 19920 19921 10.199.11.2 $W/b/dl
cat > $W/done.sh <<'EOF'
#!/bin/sh
echo "$(date) $TR_TORRENT_NAME $TR_TORRENT_ID" >> /tmp/r11tr/work/done.txt
EOF
chmod +x $W/done.sh

# ---- tracker + helper HTTP server -------------------------------------------------------------
echo "# whitelist" > $W/tr/whitelist.txt; chmod 644 $W/tr/whitelist.txt
echo "access.whitelist whitelist.txt" > $W/tr/ot.conf
(cd $W/tr && exec ip netns exec $NA opentracker -i 10.199.11.1 -p 19900 -P 19900 -f $W/tr/ot.conf -d $W/tr -u nobody \
   > $W/tr/ot.out 2>&1 & echo $! > $W/ot.pid)
printf 'local test:10.199.11.200-10.199.11.210\n' > $W/blocklist.txt
cat > $W/helper.py <<'EOF'
import http.server, socketserver, random, time, sys, os
W = sys.argv[1]
REASONS = ["torrent not registered", "unregistered torrent", "passkey invalid",
           "client banned", "tracker is down for maintenance", "too many requests"]
WARNS = ["slow down", "your client is outdated", "ratio too low", "announce interval ignored"]
def benc(x):
    if isinstance(x, int): return b"i%de" % x
    if isinstance(x, str): x = x.encode()
    if isinstance(x, bytes): return b"%d:%s" % (len(x), x)
    if isinstance(x, dict):
        return b"d" + b"".join(benc(k) + benc(v) for k, v in sorted(x.items())) + b"e"
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, code, body, ctype="text/plain"):
        self.send_response(code); self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        p = self.path.split("?")[0]
        kind = p.strip("/").split("/")[0]
        if p == "/blocklist.txt":
            return self.send(200, open(W + "/blocklist.txt", "rb").read())
        if kind == "fail":
            return self.send(200, benc({"failure reason": random.choice(REASONS)}))
        if kind == "garbage":
            return self.send(200, os.urandom(random.randint(5, 60)))
        if kind == "html":
            return self.send(200, b"<html><body>It works!</body></html>", "text/html")
        if kind == "notfound":
            return self.send(404, b"not found")
        if kind == "error":
            return self.send(random.choice([500, 502, 503]), b"oops")
        if kind == "slow":
            time.sleep(random.randint(20, 200)); return self.send(200, benc({"interval": 1800, "peers": b""}))
        if kind == "warn":
            if p.endswith("scrape"):
                return self.send(200, benc({"files": {}}))
            return self.send(200, benc({"warning message": random.choice(WARNS), "interval": 60,
                                        "complete": random.randint(0, 9), "incomplete": random.randint(0, 9),
                                        "peers": b""}))
        return self.send(400, b"bad")
class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
S(("10.199.11.1", 19901), H).serve_forever()
EOF
ip netns exec $NA python3 $W/helper.py $W > $W/helper.out 2>&1 & echo $! > $W/helper.pid

cat > $W/junkpeer.py <<'EOF'
import socket, os, random, sys, time, hashlib
mode, ih = sys.argv[1], bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else os.urandom(20)
s = socket.create_connection(("10.199.11.1", int(sys.argv[3]) if len(sys.argv) > 3 else 19911), timeout=5)
hs = b"\x13BitTorrent protocol" + b"\0" * 5 + b"\x10\0\x04" + ih + b"-JK0001-" + os.urandom(12)
try:
    if mode == "garbage":
        s.sendall(os.urandom(random.randint(10, 300)))
    elif mode == "handshake":
        s.sendall(hs)
    elif mode == "badmsg":
        s.sendall(hs); time.sleep(0.3)
        s.sendall(b"\x00\x00\x00\x05\x63abcd" + os.urandom(40))
    elif mode == "idle":
        time.sleep(random.randint(1, 4))
    s.settimeout(3)
    try: s.recv(4096)
    except Exception: pass
finally:
    s.close()
EOF

start_a() { ip netns exec $NA transmission-daemon -f --log-debug -g $W/a/cfg -e "$LOG" -c $W/a/watch > $W/a.out 2>&1 & echo $! > $W/a.pid; }
start_b() { ip netns exec $NB transmission-daemon -f --log-debug -g $W/b/cfg -e $W/b.log > $W/b.out 2>&1 & echo $! > $W/b.pid; }
stop_pid() { local f=$1; [ -f $f ] || return; local p=$(cat $f); kill $p 2>/dev/null
  for i in $(seq 1 40); do kill -0 $p 2>/dev/null || break; sleep 0.5; done; kill -9 $p 2>/dev/null; rm -f $f; }
rpc() {  # raw JSON-RPC through curl (gets a session id first)
  local sid=$(A curl -s -u admin:s3cret -D - http://127.0.0.1:19910/transmission/rpc | awk -F': ' '/X-Transmission-Session-Id/{print $2}' | tr -d '\r')
  A curl -s -u admin:s3cret -H "X-Transmission-Session-Id: $sid" -d "$1" http://127.0.0.1:19910/transmission/rpc >> $W/remote.out 2>&1; }
RA() { A transmission-remote 127.0.0.1:19910 -n admin:s3cret "$@" >> $W/remote.out 2>&1; }
RB() { B transmission-remote 127.0.0.1:19920 -n admin:s3cret "$@" >> $W/remote.out 2>&1; }
start_b; sleep 1; start_a; sleep 3

# ---- torrents ---------------------------------------------------------------------------------
WORDS=(ubuntu debian holiday photos dataset backup report music album lecture notes video logs
       archive maps firmware fonts podcast scans thesis)
GOODHASHES=()
newdata() {  # creates data (file or folder) in B's download dir, prints its path
  local name="$(pick "${WORDS[@]}")$(pick - _ ' ' .)$(pick "${WORDS[@]}")-$RANDOM"
  local p=$W/b/dl/$name
  if [ $(r 3) = 0 ]; then
    mkdir -p "$p"; for i in $(seq 1 $((2 + $(r 4)))); do
      head -c $((20000 + RANDOM * $(r 20))) /dev/urandom > "$p/part$i.$(pick bin txt dat iso)"; done
  else
    name="$name.$(pick iso tar.gz mkv csv zip)"; p=$W/b/dl/$name
    head -c $((30000 + RANDOM * $(r 40))) /dev/urandom > "$p"
  fi
  echo "$p"
}
hash_of() { transmission-show "$1" 2>/dev/null | awk '/^  Hash:/{print $2}'; }
TRK_GOOD=http://10.199.11.1:19900/announce
TRK_UDP=udp://10.199.11.1:19900
mktorrent() {  # $1 = kind; prints the torrent path (seeded by B)
  local kind=$1 data tfile args=()
  data=$(newdata); tfile=$W/t/$kind-$RANDOM.torrent
  case $kind in
    good) args=(-t $TRK_GOOD) ;;
    udp) args=(-t $TRK_UDP) ;;
    multi) args=(-t $TRK_GOOD -t $TRK_UDP -t http://10.199.11.1:19901/warn/announce) ;;
    unlisted) args=(-t $TRK_GOOD) ;;
    private) args=(-p -t $TRK_GOOD) ;;
    fail|garbage|html|notfound|error|slow|warn) args=(-t http://10.199.11.1:19901/$kind/announce) ;;
    dead) args=(-t http://10.199.11.1:$((19990 + $(r 9)))/announce) ;;
    noroute) args=(-t http://10.199.$((20 + $(r 50))).$((1 + $(r 250))):19900/announce) ;;
    badhost) args=(-t http://tracker$(r 99).r11.invalid:19900/announce) ;;
    deadudp) args=(-t udp://10.199.11.1:$((19990 + $(r 9)))) ;;
    notracker) args=() ;;
  esac
  [ $(r 3) = 0 ] && args+=(-c "created for test $RANDOM")
  transmission-create -o "$tfile" -s $(pick 256 512 1024 2048) "${args[@]}" "$data" > /dev/null 2>&1
  local h=$(hash_of "$tfile")
  case $kind in good|udp|multi|private|warn) echo $h >> $W/tr/whitelist.txt ;; esac
  RB -a "$tfile" -w $W/b/dl
  echo "$tfile"
}
sleep 1; kill -HUP $(cat $W/ot.pid) 2>/dev/null

add_torrent() {
  local kind=$1 tf
  tf=$(mktorrent $kind); kill -HUP $(cat $W/ot.pid) 2>/dev/null; sleep 0.$(r 9)
  case $(r 4) in
    0) RA -a "$tf" -w $W/a/dl ;;
    1) RA --start-paused -a "$tf"; RA --no-start-paused; sleep 1; RA -t $(hash_of "$tf") -s ;;
    *) RA -a "$tf" ;;
  esac
  echo "$(hash_of "$tf") $tf" >> $W/added.txt
}
some_hash() { [ -s $W/added.txt ] && shuf -n 1 $W/added.txt | cut -d' ' -f1; }

# a few torrents to start with
for k in good good udp multi unlisted; do add_torrent $k; done

END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  case $(r 35) in
    0|1|2) add_torrent $(pick good good udp multi private) ;;
    34) # B seeds corrupt data (its files changed after it verified them)
       tf=$(mktorrent good); kill -HUP $(cat $W/ot.pid); sleep 2
       n=$(transmission-show "$tf" | awk '/^  Name:/{sub(/^  Name: /,""); print; exit}')
       f=$(find "$W/b/dl/$n" -type f | shuf -n 1)
       dd if=/dev/urandom of="$f" bs=1024 count=$((1 + $(r 20))) seek=$(r 10) conv=notrunc 2>/dev/null
       RA -a "$tf"; echo "$(hash_of "$tf") $tf" >> $W/added.txt ;;
    3) add_torrent $(pick unlisted fail garbage html notfound error warn) ;;
    4) add_torrent $(pick dead noroute badhost deadudp notracker slow) ;;
    5) h=$(some_hash); [ -n "$h" ] && RA -t $h -S ;;
    6) h=$(some_hash); [ -n "$h" ] && RA -t $h -s ;;
    7) h=$(some_hash); [ -n "$h" ] && RA -t $h -v ;;
    8) h=$(some_hash); [ -n "$h" ] && { RA -t $h $(pick -r --remove-and-delete); sed -i "/^$h/d" $W/added.txt; } ;;
    9) h=$(some_hash); [ -n "$h" ] && RA -t $h --reannounce ;;
    10) # missing data, then verify or start
       h=$(some_hash); [ -n "$h" ] && { RA -t $h -S; sleep 1
         n=$(transmission-show "$(grep "^$h" $W/added.txt | cut -d' ' -f2-)" | awk '/^  Name:/{sub(/^  Name: /,""); print; exit}')
         rm -rf "$W/a/dl/$n" "$W/a/moved/$n"; RA -t $h $(pick -v -s); } ;;
    11) # corrupt some bytes of a downloaded file, then verify
       f=$(find $W/a/dl -type f -size +20k 2>/dev/null | shuf -n 1)
       [ -n "$f" ] && { dd if=/dev/urandom of="$f" bs=1 count=$((1 + $(r 300))) seek=$(r 15000) conv=notrunc 2>/dev/null
         RA -t all -v; } ;;
    12) # bad .torrent files via RPC
       f=$W/bad/bad-$RANDOM.torrent
       case $(r 4) in
         0) head -c $((50 + $(r 900))) /dev/urandom > $f ;;
         1) tf=$(ls $W/t/*.torrent | shuf -n 1); head -c $(( $(stat -c %s "$tf") / 2 )) "$tf" > $f ;;
         2) printf 'd8:announce%d:%se' ${#TRK_GOOD} $TRK_GOOD > $f ;;
         3) f=$W/bad/missing-$RANDOM.torrent ;;
       esac
       RA -a "$f" ;;
    13) tf=$(ls $W/t/*.torrent | shuf -n 1); RA -a "$tf" ;;   # duplicate
    14) # watch dir: good or bad torrent file dropped in
       if [ $(r 2) = 0 ]; then tf=$(mktorrent $(pick good udp)); kill -HUP $(cat $W/ot.pid); cp "$tf" $W/a/watch/
         echo "$(hash_of "$tf") $tf" >> $W/added.txt
       else head -c $((100 + $(r 500))) /dev/urandom > $W/a/watch/junk-$RANDOM.torrent; fi ;;
    15) # magnet links: known (metadata from B) or unknown hash
       if [ $(r 3) != 0 ]; then tf=$(mktorrent good); kill -HUP $(cat $W/ot.pid); h=$(hash_of "$tf")
         RA -a "magnet:?xt=urn:btih:$h&dn=mag-$RANDOM&tr=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' $TRK_GOOD)"
         echo "$h $tf" >> $W/added.txt
       else RA -a "magnet:?xt=urn:btih:$(head -c 20 /dev/urandom | xxd -p)&dn=unknown-$RANDOM&tr=http%3A%2F%2F10.199.11.1%3A19901%2Fnotfound%2Fannounce"; fi ;;
    16) # move / find data
       h=$(some_hash); [ -n "$h" ] && case $(r 3) in
         0) RA -t $h --move $W/a/moved ;;
         1) RA -t $h --move /proc/r11tr-no-such-dir-$RANDOM ;;
         2) RA -t $h --find $W/a/dl ;;
       esac ;;
    17) # wrong RPC credentials / bad RPC requests
       case $(r 4) in
         0) A transmission-remote 127.0.0.1:19910 -n admin:wrong$RANDOM -l >/dev/null 2>&1 ;;
         1) A transmission-remote 127.0.0.1:19910 -n user$(r 99):s3cret -l >/dev/null 2>&1 ;;
         2) A transmission-remote 127.0.0.1:19910 -l >/dev/null 2>&1 ;;
         3) rpc "$(pick '{"method":"torrent-get"' 'garbage{{' '{"method":"no-such-method"}' '{"method":"torrent-add","arguments":{"filename":"/nonexistent.torrent"}}')" ;;
       esac ;;
    18) # session settings
       case $(r 8) in
         0) RA -d $((20 + $(r 500))) ;; 1) RA -D ;; 2) RA -u $((10 + $(r 200))) ;; 3) RA -U ;;
         4) RA $(pick -as -AS) ;; 5) RA $(pick -er -ep -et) ;; 6) RA -gsr 0.$((1 + $(r 9))) ;; 7) RA -GSR ;;
       esac ;;
    19) # peer port change
       RA -p $(pick 19911 19912 19913) ;;
    20) # blocklist: update from the helper, sometimes listing B
       blockb=$([ $(r 4) = 0 ] && echo 1)
       { echo "# r11 blocklist"; [ -n "$blockb" ] && echo "peer b:10.199.11.2-10.199.11.2"
         echo "range $RANDOM:10.199.$((100 + $(r 50))).0-10.199.$((100 + $(r 50))).255"
         [ $(r 2) = 0 ] && echo "this line is not valid"; } > $W/blocklist.txt
       [ $(r 3) = 0 ] && rpc '{"method":"session-set","arguments":{"blocklist-enabled":'$(pick true false)'}}'
       RA --blocklist-update
       if [ -n "$blockb" ]; then  # B stays banned only for a few seconds
         sleep $((3 + $(r 6))); printf '# r11 blocklist\nrange %s:10.199.77.0-10.199.77.255\n' $RANDOM > $W/blocklist.txt
         RA --blocklist-update; fi ;;
    21) # junk peers from B's namespace
       h=$(some_hash); B timeout 8 python3 $W/junkpeer.py $(pick garbage handshake badmsg idle handshake) ${h:-$(head -c 20 /dev/urandom | xxd -p)} $(pick 19911 19911 19912) 2>/dev/null ;;
    22) # torrent-done script on/off, sometimes missing
       RA $(pick "--torrent-done-script $W/done.sh" "--torrent-done-script /nonexistent/done-$RANDOM.sh" --no-torrent-done-script) ;;
    23) # SIGHUP reload of daemon A
       kill -HUP $(cat $W/a.pid) ;;
    24) # restart A (now and then)
       [ $(r 2) = 0 ] && continue
       stop_pid $W/a.pid; sleep 1; start_a; sleep 3 ;;
    25) # B goes away for a while, or restarts (now and then)
       [ $(r 2) = 0 ] && continue
       stop_pid $W/b.pid; sleep $((2 + $(r 8))); start_b; sleep 2 ;;
    26) # per-torrent limits and priorities
       h=$(some_hash); [ -n "$h" ] && RA -t $h $(pick "-d $((5 + $(r 100)))" "-u $((5 + $(r 100)))" -Bh -Bl "-pr $((1 + $(r 30)))" "-sr 0.$((1 + $(r 9)))" -SR) ;;
    27) # trackers added / removed on a torrent
       h=$(some_hash); [ -n "$h" ] && RA -t $h $(pick "-td http://10.199.11.1:19901/$(pick fail warn notfound)/announce" "-td $TRK_UDP" "-tr $(r 3)") ;;
    28) # incomplete dir on/off
       RA $(pick "-c $W/a/incomplete" -C) ;;
    29) # whitelist reload on the tracker / tracker restart
       kill -HUP $(cat $W/ot.pid) 2>/dev/null ;;
    30) # queue / cache
       RA $(pick "-e $(pick 1 2 4 8)" "-pr $((5 + $(r 30)))") ;;
    31) h=$(some_hash); [ -n "$h" ] && RA -t $h $(pick -G -g) all ;;
    32) RA $(pick --utp --no-utp -x -X) ;;
    33) RA -t all $(pick -S -s --reannounce) ;;
  esac
  sleep 0.$((2 + $(r 7)))
done
RA -t all -S; sleep 3
stop_pid $W/a.pid
stop_pid $W/b.pid
# the labelled file keeps the first 2,500 lines of the log
head -n 2500 "$LOG" > "$LOG.cut" && mv "$LOG.cut" "$LOG"
