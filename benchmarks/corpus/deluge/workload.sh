#!/bin/bash
# Round-16 corpus workload: Deluge 2.0.3 BitTorrent daemon (Debian 12 packages deluged,
# deluge-console; python3-libtorrent 2.0.8), `deluged -d -L debug -l deluge.log --logrotate 500M`
# (--logrotate only so that restarts append to the file instead of truncating it), a second
# (unlogged) deluged as seeding peer, a local opentracker, torrents made locally; torrents added,
# paused, resumed, rechecked, moved, removed; bad torrent files, good and bad console commands and
# logins, restarts, stop. Everything on 127.0.0.1, TCP/UDP ports 37800-37999 only.
# Deluge's own logging.conf (in the config dir) keeps deluge.core.torrent at info, as its debug
# state-change message is two lines; A never reads blocks from disk (no rechecks, no local data),
# because 2.0.3's cache-hit-ratio code then raises a multi-line traceback every half second.
# Debian 12's deluge 2.0.3 crashes its logger under Python 3.11 (findCaller signature); the script
# applies upstream Deluge 2.1's one-line fix (`findCaller(self, *args, **kwargs)`) to log.py first.
# Run as root: bash workload.sh [OUT_DIR] [DURATION_SECONDS]   (default OUT_DIR = this folder)
set -u
OUT=${1:-$(cd "$(dirname "$0")" && pwd)}; DURATION=${2:-240}
W=/tmp/r16deluge
command -v deluged >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y deluged deluge-console opentracker
command -v opentracker >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y opentracker
sed -i 's/def findCaller(self, stack_info=False):  # NOQA: N802/def findCaller(self, *args, **kwargs):  # NOQA: N802/' /usr/lib/python3/dist-packages/deluge/log.py
rm -rf $W; mkdir -p $W/done $W/a $W/b $W/dla $W/dlb $W/moved $W/src $W/tor $W/ot; rm -f "$OUT/deluge.log"
PY=/usr/bin/python3
conf() { # dir listen-port
cat > $1/core.conf <<EOF
{"file": 1, "format": 1}{
 "dht": false, "upnp": false, "natpmp": false, "lsd": false, "utpex": false,
 "listen_interface": "127.0.0.1", "outgoing_interface": "", "listen_ports": [$2, $2], "random_port": false,
 "download_location": "$3", "torrentfiles_location": "$3", "copy_torrent_file": true,
 "new_release_check": false, "allow_remote": false, "max_active_downloading": 4, "max_active_seeding": 6,
 "max_active_limit": 10, "stop_seed_at_ratio": false, "enc_in_policy": 1, "enc_out_policy": 1
}
EOF
printf 'localclient:lcpass%s:10\nalice:wonder:10\nbob:builder:5\nviewer:look:1\n' "$4" > $1/auth; chmod 600 $1/auth
}
conf $W/a 37881 $W/dla A; conf $W/b 37891 $W/dlb B
# debug everywhere except deluge.core.torrent, whose debug state message spans two lines
printf 'deluge.core.torrent:info\n' > $W/a/logging.conf

opentracker -i 127.0.0.1 -p 37969 -P 37969 -d $W/ot -u nobody > $W/ot.out 2>&1 & echo $! > $W/ot.pid

# make torrents: some with data present for seeder B, some fully local to A, some with a dead tracker
cat > $W/mk.py <<'PY'
import libtorrent as lt, os, random, sys
src, tor = sys.argv[1], sys.argv[2]
r = random.Random()
names = ['ubuntu-mini', 'holiday-photos', 'podcast-ep', 'dataset', 'linux-src', 'music-album', 'backup', 'ebook-pack', 'game-mod', 'scans']
for i in range(int(sys.argv[3])):
    name = '%s-%d' % (r.choice(names), r.randint(100, 999))
    root = os.path.join(src, name); os.makedirs(root, exist_ok=True)
    for j in range(r.randint(1, 4)):
        with open(os.path.join(root, 'part%d.bin' % j), 'wb') as f: f.write(os.urandom(r.randint(20, 900) * 1024))
    fs = lt.file_storage(); lt.add_files(fs, root)
    ct = lt.create_torrent(fs, piece_size=r.choice([16384, 32768, 65536]))
    kind = r.choice(['good', 'good', 'good', 'dead', 'udp', 'none'])
    if kind == 'good': ct.add_tracker('http://127.0.0.1:37969/announce')
    elif kind == 'dead': ct.add_tracker('http://127.0.0.1:%d/announce' % r.randint(37970, 37979))
    elif kind == 'udp': ct.add_tracker('udp://127.0.0.1:37969/announce'); ct.add_tracker('udp://127.0.0.1:37980/announce', 1)
    ct.set_comment('made for r16 %s' % kind); ct.set_creator('mk.py')
    lt.set_piece_hashes(ct, src)
    with open(os.path.join(tor, name + '.torrent'), 'wb') as f: f.write(lt.bencode(ct.generate()))
    print(name)
PY
$PY $W/mk.py $W/src $W/tor 14 > $W/names.txt
# bad torrent files
head -c 3000 $(ls $W/tor/*.torrent | head -1) > $W/tor/truncated.torrent
head -c 777 /dev/urandom > $W/tor/random-bytes.torrent
echo 'd8:announce35:http://127.0.0.1:37969/announce4:infod4:name3:badee' > $W/tor/no-pieces.torrent
printf 'this is not a torrent\n' > $W/tor/text.torrent

startA() { cd $W; deluged -d -c $W/a -p 37846 -u 127.0.0.1 -L debug -l "$OUT/deluge.log" --logrotate 500M >> $W/a.out 2>&1 & echo $! > $W/a.pid; sleep 4; }
startB() { cd $W; deluged -d -c $W/b -p 37847 -u 127.0.0.1 -L info -l $W/b.log >> $W/b.out 2>&1 & echo $! > $W/b.pid; sleep 3; }
stopA() { kill -TERM $(cat $W/a.pid); for i in $(seq 1 30); do kill -0 $(cat $W/a.pid) 2>/dev/null || break; sleep 0.5; done; }
startA; startB
# seeder B gets every good-tracker torrent with its data in place
cp -r $W/src/. $W/dlb/
timeout 60 deluge-console -c $W/cb "connect 127.0.0.1:37847 localclient lcpassB; add -p $W/dlb $(ls $W/tor/*.torrent | tr '\n' ' ')" >/dev/null 2>&1

ca() { timeout 40 deluge-console -c $W/ca "connect 127.0.0.1:37846 $1; $2" >> $W/console.out 2>&1; }
LOGIN=("localclient lcpassA" "alice wonder" "bob builder")
r() { echo $((RANDOM % $1)); }
rand_tor() { ls $W/tor/*.torrent | grep -v -e truncated -e random-bytes -e no-pieces -e text.torrent | shuf -n 1; }
IDS=""
refresh_ids() { IDS=$(timeout 30 deluge-console -c $W/ca "connect 127.0.0.1:37846 localclient lcpassA; info" 2>/dev/null | sed -n 's/^ID: //p'); }
rand_id() { if [ -n "$IDS" ]; then echo "$IDS" | shuf -n 1; else echo 0123456789abcdef0123456789abcdef01234567; fi; }
magnet() { echo "magnet:?xt=urn:btih:$(head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n')&dn=mag$RANDOM&tr=http://127.0.0.1:37969/announce"; }
one() { # one random console command
  case $(r 24) in
    0|1|2|3) echo "add -p $W/dla $(rand_tor)" ;;
    4) echo "add -p $W/dla -m $W/done/d$(r 4) $(rand_tor)" ;;
    5) echo "add $W/tor/$(shuf -n1 -e truncated random-bytes no-pieces text).torrent" ;;
    6) echo "add $W/tor/missing-$RANDOM.torrent" ;;
    7) echo "add -p $W/dla $(magnet)" ;;
    8) echo "pause $(rand_id)" ;;
    9) echo "resume $(rand_id)" ;;
    10) echo "rm $([ $(r 2) = 0 ] && echo --remove_data) -c $(rand_id)" ;;
    11) echo "move $(rand_id) $W/moved/m$(r 5)" ;;
    12) echo "manage $(rand_id) $(shuf -n1 -e max_download_speed max_upload_speed max_connections max_upload_slots) $((RANDOM % 500 + 10))" ;;
    13) echo "update_tracker $(rand_id)" ;;
    14) echo "config -s max_upload_speed $((RANDOM % 900 + 50)).0" ;;
    15) echo "config -s $(shuf -n1 -e max_connections_global max_active_downloading max_active_limit max_half_open_connections) $((RANDOM % 60 + 5))" ;;
    16) echo "$(shuf -n1 -e frobnicate 'pause deadbeef' 'resume nosuchtorrent' 'rm 0000000000' 'config -s no_such_key 1' 'move nosuch /tmp' 'manage nosuch max_connections 5')" ;;
    17) echo "$(shuf -n1 -e 'pause *' 'resume *' 'status' 'info -v' 'plugin -l' 'cache' 'config')" ;;
    18) echo "plugin $(shuf -n1 -e -e -d) $(shuf -n1 -e Label Stats Scheduler Execute)" ;;
    19) echo "info -v $(rand_id)" ;;
    20) echo "queue $(shuf -n1 -e up down top bottom) $(rand_id)" ;;
    *) echo "info" ;;
  esac
}
END=$((SECONDS + DURATION)); NEXT_RESTART=$((SECONDS + 45 + RANDOM % 25)); n=0
while [ $SECONDS -lt $END ]; do
  [ $((n % 3)) = 0 ] && refresh_ids; n=$((n + 1))
  case $(r 8) in
    0) ca "$(shuf -n1 -e alice bob mallory localclient) wrong$RANDOM" "info" & ;;
    1) ca "viewer look" "$(shuf -n1 -e 'pause *' 'resume *' "add $(rand_tor)" 'config -s max_upload_speed 10.0'); info" & ;;
    *) cmds="$(one)"; for k in $(seq 1 $(r 4)); do cmds="$cmds; $(one)"; done
       ca "${LOGIN[$(r 3)]}" "$cmds" ;;
  esac
  if [ $SECONDS -ge $NEXT_RESTART ]; then stopA; sleep 1; startA; NEXT_RESTART=$((SECONDS + 45 + RANDOM % 25)); fi
  sleep 0.$((2 + $(r 6)))
done
sleep 5
stopA; kill -TERM $(cat $W/b.pid) $(cat $W/ot.pid)
