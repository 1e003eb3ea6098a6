#!/bin/bash
# qBittorrent-nox 4.5.2 workload: private profile, file logger (all message types), Web UI API on
# 127.0.0.1:45080 driven by curl; BitTorrent listen port 45081; a fake tracker on 45082.
# Run as root on Debian 12:  bash workload.sh   (a few minutes)
set -u
OUT=$(cd "$(dirname "$0")" && pwd)
P=/tmp/r17q; D=$P/dl; S=$P/src; T=$P/torrents
command -v qbittorrent-nox >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y qbittorrent-nox curl
rm -rf $P; mkdir -p $P/qBittorrent/config $D $S $T
LOGF=$P/qBittorrent/data/logs/qbittorrent.log
U=http://127.0.0.1:45080
cat > $P/qBittorrent/config/qBittorrent.conf <<'C'
[LegalNotice]
Accepted=true

[Application]
FileLogger\Enabled=true
FileLogger\Age=1
FileLogger\AgeType=1
FileLogger\Backup=true
FileLogger\DeleteOld=false
FileLogger\MaxSizeBytes=66060288

[BitTorrent]
Session\Port=45081
Session\Interface=lo
Session\InterfaceName=lo
Session\DHTEnabled=false
Session\LSDEnabled=false
Session\PeXEnabled=false
Session\AnonymousModeEnabled=false
Session\DefaultSavePath=/tmp/r17q/dl
Session\TempPath=/tmp/r17q/tmp

[Preferences]
Connection\UPnP=false
WebUI\Address=127.0.0.1
WebUI\Port=45080
WebUI\LocalHostAuth=true
WebUI\MaxAuthenticationFailCount=4
WebUI\BanDuration=20
WebUI\CSRFProtection=false
WebUI\HostHeaderValidation=false
C
# fake HTTP tracker: answers, fails or sends garbage
cat > $P/tracker.py <<'Y'
import http.server, random
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        r = random.randrange(4)
        body = [b"d8:intervali30e5:peers0:e", b"d14:failure reason13:not authorizede", b"garbage<html>", b""][r]
        self.send_response(200 if r != 3 else 500); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", 45082), H).serve_forever()
Y
python3 $P/tracker.py & TRPID=$!
# make torrents locally
cat > $P/mk.py <<'Y'
import hashlib, os, random, sys
def be(x):
    if isinstance(x, int): return b"i%de" % x
    if isinstance(x, str): x = x.encode()
    if isinstance(x, bytes): return b"%d:%s" % (len(x), x)
    if isinstance(x, list): return b"l" + b"".join(be(i) for i in x) + b"e"
    return b"d" + b"".join(be(k) + be(v) for k, v in sorted(x.items())) + b"e"
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
words = ["alpha","bravo","delta","echo","lima","oscar","tango","zulu","nova","orbit"]
for i in range(n):
    name = "%s-%s-%d" % (random.choice(words), random.choice(words), random.randrange(1000))
    multi = random.random() < 0.5; pl = 16384 * random.choice([1, 2, 4])
    files = []
    os.makedirs(os.path.join(src, name) if multi else src, exist_ok=True)
    for j in range(random.randint(2, 4) if multi else 1):
        data = os.urandom(random.randint(1000, 200000))
        fn = "part%d.bin" % j if multi else name
        open(os.path.join(src, name, fn) if multi else os.path.join(src, fn), "wb").write(data)
        files.append((fn, data))
    blob = b"".join(d for _, d in files)
    pieces = b"".join(hashlib.sha1(blob[k:k+pl]).digest() for k in range(0, len(blob), pl))
    info = {"name": name, "piece length": pl, "pieces": pieces}
    if multi: info["files"] = [{"length": len(d), "path": [fn]} for fn, d in files]
    else: info["length"] = len(blob)
    t = {"info": info, "announce": random.choice(["http://127.0.0.1:45082/announce", "http://127.0.0.1:45083/announce", "udp://127.0.0.1:45084/announce"])}
    open(os.path.join(out, name + ".torrent"), "wb").write(be(t))
# some bad torrents
open(os.path.join(out, "bad-garbage.torrent"), "wb").write(os.urandom(300))
open(os.path.join(out, "bad-noinfo.torrent"), "wb").write(be({"announce": "http://x/"}))
open(os.path.join(out, "bad-trunc.torrent"), "wb").write(be({"info": {"name": "t", "piece length": 16384, "pieces": b"x" * 20, "length": 5}})[:-9])
Y
python3 $P/mk.py $S $T 14
QPID=
start() { qbittorrent-nox --profile=$P >> $P/stdout.txt 2>&1 & QPID=$!; for i in $(seq 1 30); do curl -s -o /dev/null $U/ && break; sleep 0.3; done; }
stop() { curl -s -b $P/cj $U/api/v2/app/shutdown -X POST >/dev/null; for i in $(seq 1 40); do kill -0 $QPID 2>/dev/null || break; sleep 0.5; done; kill $QPID 2>/dev/null; wait $QPID 2>/dev/null; }
login() { curl -s -c $P/cj $U/api/v2/auth/login -d "username=admin&password=${1:-adminadmin}"; echo; }
api() { curl -s -b $P/cj "$U/api/v2/$1" "${@:2}" >/dev/null; }
hashes() { curl -s -b $P/cj $U/api/v2/torrents/info | python3 -c 'import json,sys; print("\n".join(t["hash"] for t in json.load(sys.stdin)))'; }
pick() { hashes | shuf -n ${1:-1} | paste -sd'|'; }
cycle() {
  for k in $(seq 1 $1); do
    case $((RANDOM%20)) in
      0|1) f=$(ls $T/*.torrent | shuf -n1); api torrents/add -F "torrents=@$f" -F "savepath=$( ((RANDOM%3==0)) && echo $S || echo $D/x$RANDOM)" -F "paused=$( ((RANDOM%2)) && echo true || echo false)";;
      2) api torrents/pause -d "hashes=$(pick 2)";;
      3) api torrents/resume -d "hashes=$(pick 2)";;
      4) api torrents/recheck -d "hashes=$(pick)";;
      5) api torrents/delete -d "hashes=$(pick)&deleteFiles=$( ((RANDOM%2)) && echo true || echo false)";;
      6) api torrents/add -d "urls=magnet:?xt=urn:btih:$(head -c20 /dev/urandom | sha1sum | cut -c1-40)&dn=mag$RANDOM";;
      7) api torrents/reannounce -d "hashes=$(pick)";;
      8) api torrents/setLocation -d "hashes=$(pick)&location=$D/moved$RANDOM";;
      9) api torrents/rename -d "hash=$(pick)&name=renamed$RANDOM";;
      10) api torrents/addTrackers -d "hash=$(pick)&urls=http://127.0.0.1:$((45082+RANDOM%3))/announce$RANDOM";;
      11) api torrents/setCategory -d "hashes=$(pick)&category=cat$((RANDOM%3))"; api torrents/createCategory -d "category=cat$((RANDOM%3))&savePath=$D/c$RANDOM";;
      12) api torrents/add -d "urls=http://127.0.0.1:45082/none$RANDOM.torrent";;
      14) api torrents/removeTrackers -d "hash=$(pick)&urls=http://127.0.0.1:45082/announce";;
      15) api torrents/setLocation -d "hashes=$(pick)&location=/proc/nope$RANDOM";;
      16) h=$(pick); api torrents/renameFile -d "hash=$h&oldPath=missing$RANDOM.bin&newPath=x$RANDOM.bin"; api torrents/renameFile -d "hash=$h&oldPath=part0.bin&newPath=/proc/bad$RANDOM";;
      17) f=$(ls $T/*.torrent | shuf -n1); api torrents/add -F "torrents=@$f";;
      18) printf 'GARBAGE %s\r\n\r\n' $RANDOM | timeout 2 python3 -c 'import socket,sys;c=socket.create_connection(("127.0.0.1",45086));c.sendall(sys.stdin.buffer.read());c.recv(99)' 2>/dev/null;;
      19) api torrents/add -d "urls=http://127.0.0.1:45083/dead$RANDOM.torrent";;
      13) api torrents/toggleSequentialDownload -d "hashes=$(pick)"; api torrents/setForceStart -d "hashes=$(pick)&value=true";;
    esac
    sleep 0.$((RANDOM%5))
  done
}
badauth() { for i in $(seq 1 $1); do login "wrong$RANDOM" >/dev/null; done; }
setpref() { api app/setPreferences -d "json=$1"; }
start; login
for f in $(ls $T/*.torrent | shuf -n 6); do api torrents/add -F "torrents=@$f" -F "savepath=$S"; done
api torrents/add -F "torrents=@$T/bad-garbage.torrent"; api torrents/add -F "torrents=@$T/bad-noinfo.torrent"
cycle 150
badauth 2; login
setpref '{"enable_embedded_tracker":true,"embedded_tracker_port":45086}'
setpref '{"max_ratio_enabled":true,"max_ratio":0,"max_ratio_act":0}'
python3 -c 'import socket,time;s=socket.socket();s.bind(("127.0.0.1",45087));s.listen();u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);u.bind(("127.0.0.1",45087));time.sleep(8)' & sleep 0.5
setpref '{"listen_port":45087}'; sleep 2; cycle 110
setpref '{"max_active_downloads":'$((RANDOM%5+1))',"dht":false,"up_limit":'$((RANDOM*10))'}'
setpref '{"listen_port":'$((45085+RANDOM%5))'}'
setpref '{"web_ui_max_auth_fail_count":3,"web_ui_ban_duration":15}'
badauth 5; sleep 16; login; cycle 110
setpref '{"ip_filter_enabled":true,"ip_filter_path":"/tmp/r17q/missing.dat"}'
echo "127.0.0.0 - 127.0.0.255 , 000 , local" > $P/filter.dat
setpref '{"ip_filter_enabled":true,"ip_filter_path":"/tmp/r17q/filter.dat"}'
setpref '{"ip_filter_enabled":false,"save_path":"/tmp/r17q/dl2","queueing_enabled":true}'
stop; sleep 1; start; login; cycle 150
rm -rf $S/*/part1.bin; api torrents/recheck -d "hashes=all"; sleep 3
stop; sleep 1; start; badauth 4; sleep 16; login; cycle 150
api torrents/add -F "torrents=@$T/bad-trunc.torrent"
api torrents/pause -d "hashes=all"; api torrents/resume -d "hashes=all"; sleep 2
api torrents/delete -d "hashes=all&deleteFiles=false"
cycle 40
stop
kill $TRPID; wait $TRPID 2>/dev/null
cp $LOGF $OUT/qbittorrent.log; echo "lines: $(wc -l < $OUT/qbittorrent.log)"
