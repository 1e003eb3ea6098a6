#!/bin/bash
# Workload for webtorrent-cli 4.1.0 (webtorrent 1.9.7) with a private bittorrent-tracker; log = DEBUG stderr of all peers and the tracker.
SEED=46313
RANDOM=$SEED
D=/work/round46/webtorrent
R=/tmp/round46-r46e
if [ -z "$R46E_INNS" ]; then
  export R46E_INNS=1
  exec unshare -n -m bash "$0" "$@"
fi
set -m
cd $D || exit 1
mount --make-rprivate /
mount --bind $R /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p $R
mount --bind /mnt $R
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up
export HOME=$R/home TMPDIR=$R/tmp XDG_CONFIG_HOME=$R/xdg/config XDG_CACHE_HOME=$R/xdg/cache XDG_DATA_HOME=$R/xdg/data XDG_STATE_HOME=$R/xdg/state XDG_RUNTIME_DIR=$R/xdg/run
mkdir -p $HOME $TMPDIR $XDG_CONFIG_HOME $XDG_CACHE_HOME $XDG_DATA_HOME $XDG_STATE_HOME $XDG_RUNTIME_DIR
export DEBUG='webtorrent*,bittorrent*,torrent-discovery*' DEBUG_COLORS=no DEBUG_COMPACT=true DEBUG_BREAK_LENGTH=Infinity
BIN=$R/wt4/node_modules/.bin
RUN=$R/wtrun; rm -rf $RUN; mkdir -p $RUN/data $RUN/dl
RAW=$RUN/raw.log; : > $RAW
OUT=$RUN/stdout.log; : > $OUT
ANN_HTTP=http://127.0.0.1:48201/announce
ANN_UDP=udp://127.0.0.1:48201
TPID=
start_tracker() { $BIN/bittorrent-tracker --port 48201 --http --udp --http-hostname 127.0.0.1 --udp-hostname 127.0.0.1 --no-stats >>$OUT 2>>$RAW & TPID=$!; sleep 1; }
stop_tracker() { kill -TERM $TPID; wait $TPID 2>/dev/null; }
NF=4
for i in $(seq 1 $NF); do node $D/gen.js $RUN/data/file$i.bin $((40000 + RANDOM * 4)) $((SEED + i)); done
printf 'this is not a torrent\n' > $RUN/data/bad.torrent
start_tracker
PORT=48210
SEEDERS=(); SFILE=(); SANN=()
seed_file() { # slot i announce
  PORT=$((PORT + 2))
  $BIN/webtorrent seed $RUN/data/file$2.bin -q --keep-seeding -a $3 --torrent-port $PORT --dht-port $((PORT + 1)) >>$OUT 2>>$RAW &
  SEEDERS[$1]=$!; SFILE[$1]=$2; SANN[$1]=$3
}
restart_seeders() {
  for k in "${!SEEDERS[@]}"; do kill -INT ${SEEDERS[$k]}; wait ${SEEDERS[$k]} 2>/dev/null; seed_file $k ${SFILE[$k]} ${SANN[$k]}; sleep 1; done
}
for i in $(seq 1 $NF); do $BIN/webtorrent create $RUN/data/file$i.bin -a $ANN_HTTP -a $ANN_UDP > $RUN/data/file$i.torrent 2>>$RAW; done
seed_file 0 1 $ANN_HTTP
seed_file 1 2 $ANN_UDP
seed_file 2 3 $ANN_HTTP
sleep 3
download() { # torrent-id, timeout
  PORT=$((PORT + 2))
  rm -rf $RUN/dl/p$PORT
  timeout -s INT $2 $BIN/webtorrent download "$1" -q -o $RUN/dl/p$PORT --torrent-port $PORT --dht-port $((PORT + 1)) >>$OUT 2>>$RAW
}
for round in $(seq 1 ${ROUNDS:-28}); do
  i=$((1 + RANDOM % NF))
  a=$((RANDOM % 8))
  echo "round $round file$i action $a"
  case $a in
    0|1|2) download $RUN/data/file$i.torrent 20 ;;
    3) download "$(grep -m1 -o 'magnet:[^ ]*' $OUT)" 15 ;;
    4) download $RUN/data/bad.torrent 10 ;;
    5) download $RUN/data/file$i.torrent 6 ;;
    6) stop_tracker; download $RUN/data/file$i.torrent 8; start_tracker; restart_seeders ;;
    7) k=$((RANDOM % ${#SEEDERS[@]})); kill -INT ${SEEDERS[$k]}; wait ${SEEDERS[$k]} 2>/dev/null; seed_file $k $i $ANN_HTTP; sleep 2 ;;
  esac
done
for p in "${SEEDERS[@]}"; do kill -INT $p; wait $p 2>/dev/null; done
stop_tracker
grep -c $'\r' $RAW
sed -n "${FROM:-1},${TO:-2500}p" $RAW > $D/webtorrent.log
wc -l $RAW $D/webtorrent.log
