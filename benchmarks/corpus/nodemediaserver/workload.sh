#!/bin/bash
# Randomised workload for Node-Media-Server 4.x on 127.0.0.1 (ports 31935 rtmp, 31936 rtmps,
# 31800 http/ws, 31843 https/wss, 31554 fake RTSP camera). Log -> nodemediaserver.raw.log
cd "$(dirname "$0")"
D=$PWD; R=$D/run; LOG=$D/nodemediaserver.raw.log
NMS=$D/node_modules/node-media-server/bin/app.js
API=http://127.0.0.1:31800/api/v1
SECRET=0123456789abcdef0123456789abcdef
rm -rf "$R"; mkdir -p "$R"; : > "$LOG"
python3 - "$R/config.json" "$SECRET" <<'PY'
import json, sys
c = json.load(open("config.template.json"))
c["auth"]["secret"] = sys.argv[2]
c["auth"]["jwt"]["users"] = [{"username": "admin", "password": "adminpass123", "role": "admin"},
                             {"username": "viewer", "password": "viewerpass", "role": "admin"}]
c["auth"]["jwt"]["secret"] = "jwtsecretjwtsecretjwtsecretjwtsecret"
json.dump(c, open(sys.argv[1], "w"), indent=4)
PY
FF="ffmpeg -hide_banner -loglevel error -nostdin"
$FF -f lavfi -i testsrc=size=320x240:rate=25 -t 10 -c:v libx264 -profile:v baseline -pix_fmt yuv420p -g 25 -bsf:v h264_mp4toannexb -f h264 "$R/v.h264"
$FF -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=f=440 -t 6 -c:v libx264 -g 25 -c:a aac -f flv "$R/sample.flv"
head -c 20000 /dev/urandom > "$R/junk.bin"
# an FLV whose first tag has a wrong PreviousTagSize
printf 'FLV\x01\x05\x00\x00\x00\x09\x00\x00\x00\x00\x09\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x17\x00\x00\x00\x00\x00\x00\x00\x07' > "$R/badtag.flv"
PIDS=()

start() {
  node "$NMS" -c "$R/config.json" "$@" >> "$LOG" 2>&1 &
  echo $! > "$R/nms.pid"
  for i in $(seq 50); do curl -s -o /dev/null $API/health && break; sleep 0.2; done
}
stop() {
  kill -TERM "$(cat "$R/nms.pid")" 2>/dev/null
  for i in $(seq 50); do kill -0 "$(cat "$R/nms.pid")" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$(cat "$R/nms.pid")" 2>/dev/null
}
sign() {  # sign <streamPath>
  local exp=$(( $(date +%s) + 600 ))
  echo "$exp-$(printf '%s' "$1-$exp-$SECRET" | md5sum | cut -d' ' -f1)"
}
publish() {  # publish <url> <seconds>
  $FF -re -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=f=$((200 + RANDOM % 800)) -t "$2" \
      -pix_fmt yuv420p -c:v libx264 -preset ultrafast -tune zerolatency -g 25 -c:a aac -f flv "$1" >/dev/null 2>&1
}
play() {  # play <url> <seconds>
  timeout $(( $2 + 10 )) $FF -rw_timeout 8000000 -i "$1" -t "$2" -f null - >/dev/null 2>&1
}
bg() { "$@" & PIDS+=($!); }
waitall() { wait "${PIDS[@]}" 2>/dev/null; PIDS=(); }
login() {  # login <user> <password>  -> token
  curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" $API/login |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print((d.get("data") or {}).get("token",""))' 2>/dev/null
}
api() {  # api <method> <path> [json]
  if [ -n "$3" ]; then
    curl -s -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$3" "$API$2" -o /dev/null
  else
    curl -s -X "$1" -H "Authorization: Bearer $TOKEN" "$API$2" -o /dev/null
  fi
}
garbage_rtmp() { python3 - "$1" <<'PY'
import socket, sys, random, os
port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port), timeout=3)
kind = random.choice(["junk", "c0", "http"])
if kind == "junk":
    s.sendall(os.urandom(random.randint(10, 4000)))
elif kind == "c0":
    s.sendall(b"\x03" + os.urandom(1536) + os.urandom(1536) + os.urandom(500))
else:
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
try:
    s.recv(4096)
except Exception:
    pass
if random.random() < 0.5:  # reset instead of a clean close
    import struct
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
s.close()
PY
}

############ phase 1: plain server
python3 fake_rtsp.py 31554 "$R/v.h264" 400 > /dev/null 2>&1 & RTSP=$!
start
NPUB=$((2 + RANDOM % 3))
for i in $(seq $NPUB); do bg publish rtmp://127.0.0.1:31935/live/cam$i $((14 + RANDOM % 10)); done
sleep 3
# viewers: rtmp, http-flv, ws-flv
for i in $(seq $((4 + RANDOM % 5))); do
  s=$((1 + RANDOM % NPUB))
  case $((RANDOM % 3)) in
    0) bg play rtmp://127.0.0.1:31935/live/cam$s $((2 + RANDOM % 5)) ;;
    1) bg play http://127.0.0.1:31800/live/cam$s.flv $((2 + RANDOM % 5)) ;;
    2) bg node ws_flv.js ws://127.0.0.1:31800/live/cam$s.flv play $((2 + RANDOM % 4)) ;;
  esac
done
# a second publisher on a busy path, bad names, rtmps, http-flv and ws-flv push
bg publish rtmp://127.0.0.1:31935/live/cam1 3
bg publish "rtmp://127.0.0.1:31935/live/bad.name" 2
bg publish rtmps://127.0.0.1:31936/live/secure $((4 + RANDOM % 4))
bg curl -s -X POST --data-binary @"$R/sample.flv" http://127.0.0.1:31800/live/posted.flv -o /dev/null --max-time 8
bg node ws_flv.js ws://127.0.0.1:31800/live/wspush.flv push "$R/sample.flv"
bg node ws_flv.js ws://127.0.0.1:31800/live/wsjunk.flv garbage
curl -s -X POST --data-binary @"$R/junk.bin" http://127.0.0.1:31800/live/junk.flv -o /dev/null --max-time 3
curl -s -X POST --data-binary @"$R/badtag.flv" http://127.0.0.1:31800/live/badtag.flv -o /dev/null --max-time 3
timeout 2 curl -s -N http://127.0.0.1:31800/live/cam1.flv -o /dev/null
for i in $(seq $((2 + RANDOM % 3))); do garbage_rtmp $((31935 + RANDOM % 2)); done
play rtmp://127.0.0.1:31935/live/nostream 2 &
# API: failed logins (lockout), good login
for i in $(seq $((5 + RANDOM % 3))); do login viewer "wrong$i" > /dev/null; done
login admin nope > /dev/null
login nobody nope > /dev/null
TOKEN=$(login admin adminpass123)
[ -z "$TOKEN" ] && TOKEN=$(login viewer viewerpass)
for p in /health /info /streams /sessions /stats /relay /records /history /config /streams/live/cam1 /streams/live/cam1/urls /streams/live/none; do api GET $p; done
curl -s -H "Authorization: Bearer bogus.token.here" $API/streams -o /dev/null
# recording on demand
api POST /streams/live/cam1/record
api POST /streams/live/cam2/record
api POST /streams/live/nothing/record
# relays: rtmp pull, rtmp push, rtsp pulls with several camera behaviours
api POST /relay '{"url":"rtmp://127.0.0.1:31935/live/cam1","streamPath":"/relay/cam1"}'
api POST /relay '{"url":"rtmp://127.0.0.1:31935/live/cam1","streamPath":"/relay/cam1"}'
api POST /relay '{"url":"rtmp://127.0.0.1:31935/backup/cam2","streamPath":"/live/cam2","mode":"push"}'
api POST /relay '{"url":"rtmp://127.0.0.1:31998/live/x","streamPath":"/relay/dead","reconnectInterval":1000,"maxReconnectAttempts":2}'
api POST /relay '{"url":"rtsp://user:pass@127.0.0.1:31554/cam","streamPath":"/cctv/cam"}'
for m in open basic notfound garbage badsdp nosdp setupfail playfail bearer drop nocseq; do
  ((RANDOM % 4)) && api POST /relay "{\"url\":\"rtsp://user:pass@127.0.0.1:31554/$m\",\"streamPath\":\"/cctv/$m\",\"reconnectInterval\":1500,\"maxReconnectAttempts\":$((2 + RANDOM % 3))}"
done
api POST /relay '{"url":"rtsp://127.0.0.1:31554/open","streamPath":"/cctv/nore","reconnect":false}'
api POST /relay '{"url":"rtsp://127.0.0.1:31997/none","streamPath":"/cctv/refused","maxReconnectAttempts":1,"reconnectInterval":500}'
api POST /relay '{"url":"http://x/y","streamPath":"/a/b"}'
api POST /relay '{"url":"rtsp://127.0.0.1:31554/open","streamPath":"/a/b","mode":"push"}'
api POST /relay '{"streamPath":"nope"}'
sleep 4
bg play rtmp://127.0.0.1:31935/cctv/cam 3
bg play http://127.0.0.1:31800/relay/cam1.flv 3
sleep 5
api GET /relay
api GET /relay/%2Fcctv%2Fcam
api DELETE /relay '{"streamPath":"/cctv/open"}'
api DELETE /relay '{"streamPath":"/never/there"}'
api DELETE /relay '{"streamPath":"/relay/cam1"}'
api DELETE /streams/live/cam1/record
api DELETE /streams/live/cam1/record
# kick a session
SID=$(curl -s -H "Authorization: Bearer $TOKEN" $API/sessions | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; s=d.get("sessions", d) if isinstance(d, dict) else d; print(s[0]["id"] if s else "")' 2>/dev/null)
[ -n "$SID" ] && api DELETE /sessions/$SID
api DELETE /sessions/doesnotexist
# config and password
api PUT /config '{"record":{"auto":true}}'
api PUT /config '{"bind":"not a host!"}'
api PUT /config '{"store":{"maxHistory":500}}'
api POST /password '{"oldPassword":"wrong","newPassword":"x"}'
api POST /password '{"oldPassword":"adminpass123","newPassword":"adminpass456"}'
waitall
sleep 3
RID=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/records" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; r=d.get("items", []); print(" ".join(str(x.get("id") or x.get("_id")) for x in r))' 2>/dev/null)
for id in $RID; do
  api GET /records/$id
  if ((RANDOM % 2)); then api GET /records/$id/download; else api DELETE "/records/$id?file=true"; fi
done
api GET /records/nope
api GET /records/nope/download
api DELETE /records/nope
api DELETE /history '{"streamPath":"/live/cam2"}'
api DELETE /history
# drop the relays whose cameras stream: with publish auth on (phase 2) they would be refused
for m in cam basic drop setupfail nore; do api DELETE /relay "{\"streamPath\":\"/cctv/$m\"}"; done
sleep 2
stop
# lose one record file while the server is down
ls "$R"/record/*/*/*.flv 2>/dev/null | shuf -n 1 | xargs -r rm -f

############ phase 2: restart with publish/play auth and auto record; relays restored from store
start --auth-publish --auth-play --record-auto
# a second instance cannot bind the same ports
timeout 5 node "$NMS" -c "$R/config.json" --data-path "$R/data2" >> "$LOG" 2>&1
P=/live/signed
bg publish "rtmp://127.0.0.1:31935$P?sign=$(sign $P)" $((6 + RANDOM % 5))
bg publish rtmp://127.0.0.1:31935/live/unsigned 2
bg publish "rtmp://127.0.0.1:31935/live/forged?sign=123-abc" 2
sleep 3
bg play "rtmp://127.0.0.1:31935$P?sign=$(sign $P)" 3
bg play "http://127.0.0.1:31800$P.flv?sign=$(sign $P)" 3
bg play http://127.0.0.1:31800$P.flv 2
bg play rtmp://127.0.0.1:31935$P 2
TOKEN=$(login admin adminpass456)
for p in /streams /sessions /stats /relay /records /history; do api GET $p; done
api DELETE /relay '{"streamPath":"/cctv/cam"}'
api DELETE /relay '{"url":"rtmp://127.0.0.1:31935/backup/cam2","mode":"push"}'
api PUT /config '{"record":{"auto":false}}'
waitall
sleep 2
stop

############ phase 3: plain restart, viewers come and go, a publisher dies
start
# the config write-back of phase 2 kept the auth switches of the command line: turn them off
TOKEN=$(login admin adminpass456)
api PUT /config '{"auth":{"play":false,"publish":false}}'
NPUB=$((2 + RANDOM % 2))
for i in $(seq $NPUB); do bg publish rtmp://127.0.0.1:31935/live/cam$i $((15 + RANDOM % 6)); done
$FF -re -f lavfi -i testsrc=size=320x240:rate=25 -t 30 -pix_fmt yuv420p -c:v libx264 -preset ultrafast \
    -g 25 -f flv rtmp://127.0.0.1:31935/live/doomed >/dev/null 2>&1 & DOOMED=$!
sleep 3
api POST /relay "{\"url\":\"rtsp://127.0.0.1:31554/drop\",\"streamPath\":\"/cctv/drop2\",\"reconnectInterval\":1000,\"maxReconnectAttempts\":$((2 + RANDOM % 3))}"
api POST /relay '{"url":"rtmp://127.0.0.1:31935/live/doomed","streamPath":"/relay/doomed","reconnectInterval":1000,"maxReconnectAttempts":2}'
for i in $(seq $((8 + RANDOM % 8))); do
  s=$((1 + RANDOM % NPUB))
  case $((RANDOM % 4)) in
    0) bg play rtmp://127.0.0.1:31935/live/cam$s $((1 + RANDOM % 3)) ;;
    1) bg play http://127.0.0.1:31800/live/cam$s.flv $((1 + RANDOM % 3)) ;;
    2) bg node ws_flv.js ws://127.0.0.1:31800/live/cam$s.flv play $((1 + RANDOM % 3)) ;;
    3) bg play rtmp://127.0.0.1:31935/relay/doomed 2 ;;
  esac
  sleep 0.$((RANDOM % 9))
  ((i == 5)) && kill -KILL $DOOMED 2>/dev/null
done
for i in $(seq $((2 + RANDOM % 3))); do garbage_rtmp $((31935 + RANDOM % 2)); done
api DELETE /relay '{"streamPath":"/relay/doomed"}'
waitall
sleep 2
stop
kill $RTSP 2>/dev/null
wait
