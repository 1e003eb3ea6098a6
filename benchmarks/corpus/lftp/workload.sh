#!/bin/bash
# lftp workload: lftp -d with "debug -t -p -c 10" scripts against local FTP/HTTP peers.
# Runs itself inside private network + mount namespaces (loopback only).
RANDOM=4646
if [ -z "$R46C_IN_NS" ]; then exec unshare -n -m env R46C_IN_NS=1 bash "$0" "$@"; fi
set -m
mount --make-rprivate /
mount --bind /tmp/round46-r46c /mnt
mount -t tmpfs tmpfs /tmp
mkdir -p /tmp/round46-r46c
mount --bind /mnt /tmp/round46-r46c
mount -t tmpfs tmpfs /var/tmp
mount -t tmpfs tmpfs /dev/shm
ip link set lo up

D=/work/round46/lftp
B=/tmp/round46-r46c/lftp
cd "$D" || exit 1
rm -rf "$B"; mkdir -p $B/home $B/lftphome $B/tmp $B/xdg/{config,cache,data,state,run} $B/srv/pub $B/srv/data $B/local
export HOME=$B/home LFTP_HOME=$B/lftphome TMPDIR=$B/tmp XDG_CONFIG_HOME=$B/xdg/config XDG_CACHE_HOME=$B/xdg/cache \
       XDG_DATA_HOME=$B/xdg/data XDG_STATE_HOME=$B/xdg/state XDG_RUNTIME_DIR=$B/xdg/run TZ=UTC PYTHONDONTWRITEBYTECODE=1
chmod 700 $B/xdg/run
RAW=$B/raw.log; : > $RAW

mkfile() { # mkfile PATH SIZE  (fill letter drawn here, outside any subshell)
  local c=$((97 + RANDOM % 26))
  head -c "$2" /dev/zero | tr '\0' "$(printf "\\$(printf %o $c)")" > "$1"; }
for i in $(seq 1 5); do mkfile $B/srv/data/file$i.txt $((RANDOM % 40000 + 10)); done
for i in 1 2 3; do mkfile $B/srv/pub/readme$i.txt $((RANDOM % 3000 + 5)); done
mkfile $B/srv/big.bin $((300000 + RANDOM * 10))
mkdir -p $B/srv/data/sub; mkfile $B/srv/data/sub/deep.txt 1234
for i in 1 2 3 4; do mkfile $B/local/up$i.dat $((RANDOM % 20000 + 1)); done

start_ftp()  { local seed=$RANDOM; /tmp/round46-r46c/venv/bin/python $D/ftpd.py $B/srv $seed >>$B/ftpd.out 2>&1 & FTPD=$!; sleep 0.7; }
start_http() { (cd $B/srv && exec /usr/bin/python3 -m http.server -b 127.0.0.1 47041) >$B/http.out 2>&1 & HTTPD=$!; sleep 0.7; }
start_ftp; start_http
/usr/bin/python3 $D/peers.py >$B/peers.out 2>&1 & PEERS=$!
sleep 0.5

F=ftp://127.0.0.1:47020
H=http://127.0.0.1:47041
pick() { local a=("$@"); P=${a[RANDOM % ${#a[@]}]}; }   # sets P; no subshell, so RANDOM stays seeded
settings() {
  echo "debug -t -p -c 10"
  echo "set cmd:fail-exit no; set net:timeout $((2 + RANDOM % 2)); set net:max-retries $((1 + RANDOM % 3))"
  echo "set net:reconnect-interval-base 1; set net:reconnect-interval-max 2; set xfer:clobber on"
  [ $((RANDOM % 4)) = 0 ] && echo "set ftp:passive-mode off"
  [ $((RANDOM % 5)) = 0 ] && echo "set ftp:use-mlsd off"
  [ $((RANDOM % 6)) = 0 ] && echo "set ftp:use-feat off"
  [ $((RANDOM % 6)) = 0 ] && echo "set ftp:prefer-epsv yes"
  [ $((RANDOM % 5)) = 0 ] && echo "set ftp:sync-mode off"
  return 0
}
ftpop() { # one random operation on an open FTP session
  local n=$((1 + RANDOM % 5))
  case $((RANDOM % 16)) in
    0|1) echo "ls data";;
    2|3) echo "get data/file$n.txt -o $B/tmp/";;
    4) echo "put $B/local/up$((1 + RANDOM % 4)).dat -o data/up$((RANDOM % 50)).dat";;
    5) echo "cls -l data";;
    6) echo "mkdir -p data/newdir$((RANDOM % 9))";;
    7) echo "rmdir data/nodir$((RANDOM % 9))";;
    8) echo "mv data/file$n.txt data/renamed$n.txt"; echo "mv data/renamed$n.txt data/file$n.txt";;
    9) echo "cat data/sub/deep.txt";;
    10) echo "du -s data";;
    11) echo "rm -f data/up*.dat";;
    12) echo "get data/nofile$((RANDOM % 20)).txt -o $B/tmp/";;
    13) echo "cd /nodir$((RANDOM % 9))";;
    14) pick NOOP 'SITE HELP' BOGUS STAT HELP SYST; echo "quote $P";;
    15) echo "chmod 6$((RANDOM % 5))4 data/file$n.txt";;
  esac
}
session() {
  local s=$1 n
  settings
  n=$((1 + RANDOM % 5))
  case $s in
    ftpops)
      echo "open -u user,secret $F"
      local m=$((1 + RANDOM % 3))
      for k in $(seq 1 $m); do ftpop; done;;
    mirror)
      echo "open -u user,secret $F"
      case $((RANDOM % 3)) in
        0) echo "mirror -v data/sub $B/tmp/mir$((RANDOM % 3))";;
        1) echo "mirror -R -v $B/local upload$((RANDOM % 3))";;
        2) echo "mirror --delete -v data/sub $B/tmp/mir0";;
      esac;;
    badpass)
      echo "open -u user,wrong$RANDOM $F"; echo "ls";;
    baduser)
      echo "open -u nosuch$((RANDOM % 5)),x $F"; echo "cd /data";;
    anon)
      pick ls "get readme1.txt -o $B/tmp/" "put $B/local/up1.dat" "get secret.txt"
      echo "open $F"; echo "$P";;
    missing)
      pick "rm gone$((RANDOM % 9)).txt" "ls /nowhere" "put $B/local/absent.dat" "get nofile$((RANDOM % 20)).txt -o $B/tmp/"
      echo "open -u user,secret $F"; echo "$P";;
    readonly)
      pick "put $B/local/up2.dat -o data/x.dat" "mkdir data/forbidden" "rm data/file$n.txt" "get data/file$n.txt -o $B/tmp/"
      echo "open -u reader,readpw $F"; echo "$P";;
    refused)
      echo "open -u user,secret ftp://127.0.0.1:47099"; echo "ls";;
    timeout)
      echo "open ftp://127.0.0.1:47042"; echo "ls";;
    dropped)
      pick ftp://127.0.0.1:47043 ftp://127.0.0.1:47044 ftp://127.0.0.1:47045
      echo "open $P"; echo "ls";;
    http)
      pick ls 'ls data/' "get data/file$n.txt -o $B/tmp/" "get data/missing$((RANDOM % 9)).txt -o $B/tmp/" 'cat data/sub/deep.txt' 'cd pub' "get pub/readme$((1 + RANDOM % 3)).txt -o $B/tmp/"
      echo "open $H"; echo "$P";;
    httpmirror)
      echo "open $H"; echo "mirror -v data/sub $B/tmp/hmir$((RANDOM % 3))";;
    httpbad)
      pick http://127.0.0.1:47046 http://127.0.0.1:47047 http://127.0.0.1:47047 http://127.0.0.1:47043 http://127.0.0.1:47098
      echo "open $P"; echo "get file$n.txt -o $B/tmp/";;
    pget)
      pick $F/big.bin $H/big.bin
      echo "pget -n $((2 + RANDOM % 3)) $P -o $B/tmp/big.bin";;
    quote)
      local q; pick NOOP 'SITE HELP' BOGUS STAT HELP SYST; q=$P
      pick "site chmod 644 data/file$n.txt" "find data" "glob echo data/*.txt" "quote $q"
      echo "open -u user,secret $F"; echo "$P";;
    mget)
      pick "mget data/file$((1 + RANDOM % 3))*.txt pub/*.txt" "mput -O upload $B/local/up1*.dat" "mrm -f upload/up$((1 + RANDOM % 4)).dat"
      echo "open -u user,secret $F"; echo "lcd $B/tmp"; echo "$P";;
  esac
  echo "close"
}
# every kind once, plus random extra draws, in a seeded random order
KINDS=(ftpops mirror badpass baduser anon missing readonly refused timeout dropped http httpmirror httpbad pget quote mget)
SEQ=("${KINDS[@]}")
NX=$((14 + RANDOM % 6))
for k in $(seq 1 $NX); do
  pick ftpops ftpops ftpops mirror badpass anon missing readonly dropped http http http httpbad quote mget refused
  SEQ+=("$P")
done
for ((j = ${#SEQ[@]} - 1; j > 0; j--)); do k=$((RANDOM % (j + 1))); t=${SEQ[j]}; SEQ[j]=${SEQ[k]}; SEQ[k]=$t; done
for kind in "${SEQ[@]}"; do
  if [ $((RANDOM % 12)) = 0 ]; then   # FTP server restart; a session meanwhile is refused
    kill $FTPD; wait $FTPD 2>/dev/null
    session refused > $B/cmd.lftp; sed -i "s#127.0.0.1:47099#127.0.0.1:47020#" $B/cmd.lftp
    timeout 25 lftp -d -f $B/cmd.lftp 2>>$RAW >/dev/null </dev/null
    start_ftp
  fi
  if [ $((RANDOM % 15)) = 0 ]; then
    kill $HTTPD; wait $HTTPD 2>/dev/null; start_http
  fi
  session $kind > $B/cmd.lftp
  timeout 25 lftp -d -f $B/cmd.lftp 2>>$RAW >/dev/null </dev/null
done
kill $FTPD $HTTPD $PEERS; wait 2>/dev/null
sed -n '1,2500p' $RAW > $D/lftp.log
