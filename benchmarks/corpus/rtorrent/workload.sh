#!/bin/bash
# Randomised workload for rTorrent (instance A, the one whose log is kept).
# Everything runs on loopback with ports 57100-57399:
#   opentracker 127.0.0.1:57100 tcp+udp, fake HTTP tracker 127.0.0.1:57110,
#   A 127.0.0.1:57200, seeder B 127.0.0.2:57220, peer C 127.0.0.3:57240
#   (XML-RPC over SCGI unix sockets tmp/NAME/scgi.sock). A logs through its log.open_file
#   into a fifo that is appended to rtorrent.full.log (so restarts append).
set -u
D=/work/round28/rtorrent
T=$D/tmp
LOG=$D/rtorrent.full.log
rm -rf "$T" "$LOG"; mkdir -p "$T/src" "$T/ot" "$T/torrents" "$T/bad"
RPC="python3 $D/rtrpc.py"
OT=http://127.0.0.1:57100/announce
FT=http://127.0.0.1:57110
ALL_PIDS=()

rnd() { echo $(( RANDOM % ($2 - $1 + 1) + $1 )); }
pick() { local a=("$@"); echo "${a[$(rnd 0 $((${#a[@]} - 1)))]}"; }
say() { echo "[$(date +%T)] $*"; }

start_ot() {
    (cd "$T/ot" && exec opentracker -i 127.0.0.1 -p 57100 -P 57100 -d "$T/ot" -w whitelist) > "$T/ot.out" 2>&1 &
    echo $! > "$T/ot.pid"; sleep 1
}
stop_ot() { kill "$(cat $T/ot.pid)" 2>/dev/null; wait "$(cat $T/ot.pid)" 2>/dev/null; }

start_peer() {  # NAME
    rm -f "$T/$1/scgi.sock"
    rtorrent -n -o import="$T/$1/rc" > "$T/$1.out" 2>&1 &
    echo $! > "$T/$1.pid"; sleep 2
}
stop_peer() {  # NAME [signal]
    local p; p=$(cat "$T/$1.pid")
    kill -"${2:-TERM}" "$p" 2>/dev/null
    for i in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null
}

start_A() {
    rm -f "$T/A.fifo"; mkfifo "$T/A.fifo"
    cat "$T/A.fifo" >> "$LOG" &
    echo $! > "$T/cat.pid"
    start_peer A
    APORT=$($RPC $T/A/scgi.sock network.listen.port "")
    case $APORT in ''|*[!0-9]*) APORT=57200 ;; esac
}
stop_A() {  # normal|quick|term|kill
    case $1 in
        normal) $RPC $T/A/scgi.sock system.shutdown.normal "" ;;
        quick)  $RPC $T/A/scgi.sock system.shutdown.quick "" ;;
        term)   kill -TERM "$(cat $T/A.pid)" ;;
        kill)   kill -9 "$(cat $T/A.pid)" ;;
    esac
    stop_peer A
    wait "$(cat $T/cat.pid)" 2>/dev/null
}

# ---- configurations ----
"$D/mkrc.sh" A 57200 57300 "$T/A.fifo" 127.0.0.1 > /dev/null
"$D/mkrc.sh" B 57220 57301 "$T/B.log" 127.0.0.2 > /dev/null
"$D/mkrc.sh" C 57240 57302 "$T/C.log" 127.0.0.3 > /dev/null
sed -i 's/^log\.add_output.*//' "$T/B/rc" "$T/C/rc"
echo 'log.add_output = "info", "main"' >> "$T/B/rc"
echo 'log.add_output = "info", "main"' >> "$T/C/rc"

# ---- data sets and torrents ----
HASHES=(); KINDS=(); NAMES=()
mkdata() {  # NAME -> random single file or directory in $T/src
    local n=$1
    if [ $(rnd 0 2) -eq 0 ]; then
        mkdir -p "$T/src/$n"
        for f in $(seq 1 $(rnd 2 4)); do
            head -c $(( $(rnd 100 900) * 1024 )) /dev/urandom > "$T/src/$n/part$f.dat"
        done
    else
        head -c $(( $(rnd 500 3000) * 1024 )) /dev/urandom > "$T/src/$n"
    fi
}
mktor() {  # NAME ANNOUNCE [extra announce...]
    python3 "$D/mktorrent.py" "$T/src/$1" "$2" "$T/torrents/$1.torrent" $(pick 32 64 128 256) "${@:3}"
}
add_set() {  # NAME KIND ANNOUNCE [extra]
    mkdata "$1"
    local h; h=$(mktor "$1" "${@:3}")
    HASHES+=("$h"); KINDS+=("$2"); NAMES+=("$1")
}
N=0
for i in $(seq 1 $(rnd 4 6)); do N=$((N+1)); add_set "http$N" ok "$OT"; done
N=$((N+1)); add_set "udp$N" ok "udp://127.0.0.1:57100/announce"
N=$((N+1)); add_set "multi$N" ok "http://127.0.0.1:57199/announce" "$FT/fail" "$OT"
for p in $(printf '%s\n' ok warn garbage notfound servererror empty badpeers redirect slow | shuf | head -n $(rnd 3 5)); do
    N=$((N+1)); add_set "fake$N" fake "$FT/$p"
done
N=$((N+1)); add_set "unlisted$N" unlisted "$OT"
N=$((N+1)); add_set "dead$N" ok "http://127.0.0.1:57198/announce"
N=$((N+1)); add_set "corrupt$N" corrupt "$OT"
N=$((N+1)); add_set "magnet$N" magnet "$OT"
N=$((N+1)); add_set "baddir$N" baddir "$OT"

# whitelist everything except the 'unlisted' set
: > "$T/ot/whitelist"
for i in "${!HASHES[@]}"; do
    [ "${KINDS[$i]}" = unlisted ] || echo "${HASHES[$i]}" >> "$T/ot/whitelist"
done

# broken torrent files
head -c 300 /dev/urandom > "$T/bad/random.torrent"
head -c 150 "$T/torrents/http1.torrent" > "$T/bad/truncated.torrent"
printf 'd8:announce30:http://127.0.0.1:57100/announcee' > "$T/bad/noinfo.torrent"
printf 'd8:announce30:http://127.0.0.1:57100/announce4:infod4:name1:x12:piece lengthi0e6:pieces0:6:lengthi5eee' > "$T/bad/zeropiece.torrent"
echo "this is not a torrent" > "$T/bad/text.torrent"
: > "$T/bad/empty.torrent"

# ---- start the swarm ----
start_ot
python3 "$D/faketracker.py" 57110 127.0.0.2:57220,127.0.0.3:57240,127.0.0.9:57249 > "$T/ft.out" 2>&1 &
echo $! > "$T/ft.pid"
start_peer B
start_peer C
for i in "${!HASHES[@]}"; do
    n=${NAMES[$i]}
    case ${KINDS[$i]} in
        corrupt)
            cp -r "$T/src/$n" "$T/C/data/$n"
            $RPC $T/C/scgi.sock load.start "" "$T/torrents/$n.torrent" > /dev/null ;;
        *)
            cp -r "$T/src/$n" "$T/B/data/$n"
            $RPC $T/B/scgi.sock load.start "" "$T/torrents/$n.torrent" > /dev/null ;;
    esac
done
# C also downloads a few sets so there are two sources
for n in $(printf '%s\n' "${NAMES[@]}" | grep '^http' | shuf | head -n 2); do
    $RPC $T/C/scgi.sock load.start "" "$T/torrents/$n.torrent" > /dev/null
done
sleep 4
# corrupt the copy C seeds, after C has checked it
for i in "${!HASHES[@]}"; do
    if [ "${KINDS[$i]}" = corrupt ]; then
        f=$(find "$T/C/data/${NAMES[$i]}" -type f | head -n 1)
        for k in 1 2 3 4 5 6; do
            dd if=/dev/urandom of="$f" bs=4096 count=2 seek=$(rnd 0 60) conv=notrunc 2>/dev/null
        done
    fi
done

start_A
LOADED=()

load_next() {
    local i=$1 n=${NAMES[$1]} h=${HASHES[$1]}
    case ${KINDS[$i]} in
        magnet) $RPC $T/A/scgi.sock load.start "" "magnet:?xt=urn:btih:$h&dn=$n&tr=$(python3 -c 'import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1],safe=""))' "$OT")" ;;
        baddir)
            : > "$T/notadir"
            $RPC $T/A/scgi.sock load.normal "" "$T/torrents/$n.torrent" "d.directory.set=$T/notadir/sub"
            sleep 1; $RPC $T/A/scgi.sock d.start "$h" ;;
        *) $RPC $T/A/scgi.sock $(pick load.start load.start_verbose load.normal) "" "$T/torrents/$n.torrent" ;;
    esac
    LOADED+=("$h")
}

random_op() {
    local h; [ ${#LOADED[@]} -gt 0 ] && h=$(pick "${LOADED[@]}") || h=0000000000000000000000000000000000000000
    case $(rnd 0 25) in
        0|1) say stop/start; $RPC $T/A/scgi.sock d.stop "$h"; sleep $(rnd 1 4); $RPC $T/A/scgi.sock d.start "$h" ;;
        2) say close; $RPC $T/A/scgi.sock d.close "$h"; sleep 2; $RPC $T/A/scgi.sock d.start "$h" ;;
        3) say check_hash; $RPC $T/A/scgi.sock d.check_hash "$h" ;;
        4|5) say announce; $RPC $T/A/scgi.sock d.tracker_announce "$h" ;;
        6) say pause; $RPC $T/A/scgi.sock d.pause "$h"; sleep $(rnd 1 3); $RPC $T/A/scgi.sock d.resume "$h" ;;
        7) say priority; $RPC $T/A/scgi.sock d.priority.set "$h" i:$(rnd 0 3) ;;
        8) say throttle; $RPC $T/A/scgi.sock throttle.global_down.max_rate.set "" i:$(( $(rnd 50 800) * 1024 )) ;;
        9|10|22) say fuzz; local fp=()
            for f in $(seq 1 $(rnd 1 3)); do
                python3 "$D/peerfuzz.py" 127.0.0.1 "$APORT" "$( [ $(rnd 0 3) -eq 0 ] && pick "${HASHES[@]}" || echo "$h")" 127.0.0.$(rnd 20 40) &
                fp+=($!)
            done
            wait "${fp[@]}" ;;
        11|23) say badtorrent; $RPC $T/A/scgi.sock $(pick load.verbose load.start_verbose) "" "$T/bad/$(pick random truncated noinfo zeropiece text empty).torrent" ;;
        12) say missing; $RPC $T/A/scgi.sock load.start "" "$T/no/such/file$RANDOM.torrent" ;;
        13) say badrpc; $RPC $T/A/scgi.sock d.start "DEADBEEF$RANDOM"; $RPC $T/A/scgi.sock no.such.command "" ;;
        14) say erase; $RPC $T/A/scgi.sock d.erase "$h"; LOADED=("${LOADED[@]/$h}"); LOADED=($(printf '%s\n' "${LOADED[@]}" | grep .)) ;;
        15) say killB; stop_peer B $(pick TERM KILL); sleep $(rnd 3 8); start_peer B ;;
        16) say killC; stop_peer C $(pick TERM KILL); sleep $(rnd 3 8); start_peer C ;;
        17) say tracker-down; stop_ot; $RPC $T/A/scgi.sock d.tracker_announce "$h"; sleep $(rnd 3 8); start_ot ;;
        18) say whitelist-reload; kill -HUP "$(cat $T/ot.pid)" ;;
        19) say session-save; $RPC $T/A/scgi.sock session.save "" ;;
        20|24) say tracker-insert; $RPC $T/A/scgi.sock d.tracker.insert "$h" i:$(rnd 0 2) "$(pick ftp://127.0.0.1:57111/announce http://127.0.0.1:57110/ok udp://127.0.0.1:57197/announce http://127.0.0.1:57110/warn http://127.0.0.1:57110/redirect)"; $RPC $T/A/scgi.sock d.tracker_announce "$h" ;;
        25) say scrape; $RPC $T/A/scgi.sock d.tracker.send_scrape "$h" i:0 ;;
        21) say erase-reload; $RPC $T/A/scgi.sock d.erase "$h"; sleep 2;
            for i in "${!HASHES[@]}"; do [ "${HASHES[$i]}" = "$h" ] && [ "${KINDS[$i]}" != magnet ] && $RPC $T/A/scgi.sock load.start "" "$T/torrents/${NAMES[$i]}.torrent"; done ;;
    esac
}

ORDER=($(seq 0 $(( ${#HASHES[@]} - 1 )) | shuf))
half=$(( ${#ORDER[@]} / 2 ))
for k in $(seq 0 $((half - 1))); do
    say "load ${NAMES[${ORDER[$k]}]}"; load_next "${ORDER[$k]}"
    sleep $(rnd 2 6)
    for j in $(seq 1 $(rnd 2 4)); do random_op; sleep $(rnd 1 3); done
done

# the unlisted torrent becomes allowed at the tracker
for i in "${!HASHES[@]}"; do
    [ "${KINDS[$i]}" = unlisted ] && echo "${HASHES[$i]}" >> "$T/ot/whitelist"
done
kill -HUP "$(cat $T/ot.pid)"

# restart A (session resume)
say restart A; stop_A $(pick normal quick term)
sleep 2
start_A
for k in $(seq $half $(( ${#ORDER[@]} - 1 ))); do
    say "load ${NAMES[${ORDER[$k]}]}"; load_next "${ORDER[$k]}"
    sleep $(rnd 2 6)
    for j in $(seq 1 $(rnd 1 3)); do random_op; sleep $(rnd 1 4); done
done
for j in $(seq 1 $(rnd 8 14)); do random_op; sleep $(rnd 1 5); done

# a second restart, then a final shutdown
say restart A; stop_A $(pick normal term kill)
sleep 2
start_A
sleep 10
for j in $(seq 1 $(rnd 4 8)); do random_op; sleep $(rnd 1 4); done
say shutdown; stop_A normal

stop_peer B; stop_peer C; stop_ot
kill "$(cat $T/ft.pid)" 2>/dev/null
head -n 2500 "$LOG" > "$D/rtorrent.log"
wc -l "$LOG" "$D/rtorrent.log"
