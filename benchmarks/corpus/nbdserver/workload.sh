#!/bin/bash
# Randomised workload for nbd-server 3.24: exports of files in run/, log captured by a private
# rsyslogd (socket bound over /dev/log inside a private mount namespace, see nbdns.sh).
set -u
D=/work/round21/nbdserver
R=$D/run
PORT=26101
C="python3 $D/nbdclient.py"
cd $D
mkdir -p $R
if [ ! -f $R/tls/server.crt ]; then   # test CA, server, client and a rogue self-signed client cert
  mkdir -p $R/tls; cd $R/tls
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj "/CN=test-ca"
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1"
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 30
  openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=client"
  openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 30
  openssl req -x509 -newkey rsa:2048 -nodes -keyout rogue.key -out rogue.crt -days 30 -subj "/CN=rogue"
  cd $D
fi >/dev/null 2>&1
# fresh state (keep certs)
find $R -mindepth 1 -maxdepth 1 ! -name tls -exec rm -rf {} +
mkdir -p $R/dev/shm $R/rsyslog-work $R/tree $R/iphash/127/0/0 $R/cidr/127.0.0.0 $R/cow
for f in disk1 disk2 ro toobig; do dd if=/dev/urandom of=$R/$f.img bs=1M count=$((RANDOM%3+1)) status=none; done
for i in 0 1 2; do dd if=/dev/zero of=$R/multi.$i bs=512K count=$((RANDOM%3+1)) status=none; done
for a in 1 2 3 4 5; do
  truncate -s 1M $R/iphash/127/0/0/$a
  truncate -s 2M $R/cidr/127.0.0.0/127.0.0.$a
  truncate -s 1M $R/lit-127.0.0.$a
done
printf '# allowed clients\n127.0.0.2\n127.0.0.4/31\n::1\n' > $R/allow
cat > $R/prerun.sh <<'P'
#!/bin/sh
# refuse about half the clients
[ $(( $(od -An -N1 -tu1 /dev/urandom) % 2 )) -eq 0 ]
P
chmod +x $R/prerun.sh
cat > $R/rsyslog.conf <<P
global(workDirectory="$R/rsyslog-work")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$R/dev/log" CreatePath="on" RateLimit.Interval="0")
*.* action(type="omfile" file="$R/syslog.out")
P

ALLOWLIST=true
gen_config() {
cat > $R/config <<P
[generic]
port = $PORT
listenaddr = 127.0.0.1
allowlist = $ALLOWLIST
max_threads = $((RANDOM%4+2))
certfile = $R/tls/server.crt
keyfile = $R/tls/server.key
cacertfile = $R/tls/ca.crt
[disk1]
exportname = $R/disk1.img
flush = true
fua = true
trim = true
[disk2]
exportname = $R/disk2.img
transactionlog = $R/disk2.tx
[ro]
exportname = $R/ro.img
readonly = true
[cow]
exportname = $R/disk2.img
copyonwrite = true
cowdir = $R/cow
[cowbad]
exportname = $R/disk2.img
copyonwrite = true
cowdir = $R/no/such/dir
[multi]
exportname = $R/multi
multifile = true
[tree]
exportname = $R/tree
treefiles = true
filesize = 8388608
[temp]
exportname = $R/tempfile
temporary = true
filesize = 1048576
[limited]
exportname = $R/disk1.img
maxconnections = 1
[acl]
exportname = $R/disk1.img
authfile = $R/allow
[noauth]
exportname = $R/disk1.img
authfile = $R/missing.allow
[prerun]
exportname = $R/disk1.img
prerun = $R/prerun.sh %s
postrun = true
[missing]
exportname = $R/not-there.img
[toobig]
exportname = $R/toobig.img
filesize = 999999999
[badtx]
exportname = $R/disk1.img
transactionlog = $R/no/such/dir/tx.log
[lit]
exportname = $R/lit-%s
[virtnone]
exportname = $R/disk2.img
virtstyle = none
[iphash]
exportname = $R/iphash/%s
virtstyle = iphash
[cidr]
exportname = $R/cidr/%s
virtstyle = cidrhash16
[secure]
exportname = $R/disk1.img
force_tls = true
[splice]
exportname = $R/disk2.img
splice = true
[wait]
exportname = $R/waitfile.img
waitfile = true
filesize = 1048576
P
}

start_server() {
  $D/nbdns.sh nbd-server -C $R/config -p $R/nbd.pid
  sleep 0.4
}
stop_server() {
  [ -f $R/nbd.pid ] && kill $(cat $R/nbd.pid) 2>/dev/null
  sleep 0.5
}
# nbd-server 3.24 sometimes dies while re-reading its config on SIGHUP: start it again then
ensure_server() {
  sleep 0.3
  if ! kill -0 $(cat $R/nbd.pid 2>/dev/null) 2>/dev/null; then start_server; fi
}
hup() { kill -HUP $(cat $R/nbd.pid); ensure_server; }
src() { echo 127.0.0.$((RANDOM%5+1)); }
pick() { local a=("$@"); echo ${a[$((RANDOM%${#a[@]}))]}; }

one_action() {
  local s=$(src)
  case $((RANDOM%24)) in
    0|1|2|3) NBD_SRC=$s $C session $PORT $(pick disk1 disk2 disk1 ro cow multi tree temp splice lit virtnone iphash cidr) 1048576 $((RANDOM%8+1)) ;;
    4) NBD_SRC=$s $C session $PORT $(pick acl acl noauth prerun prerun) 1048576 $((RANDOM%4+1)) ;;
    5) NBD_SRC=$s $C session $PORT $(pick missing toobig badtx cowbad nosuch) 1048576 1 ;;
    6) NBD_SRC=$s $C list $PORT ;;
    7) NBD_SRC=$s $C listdata $PORT ;;
    8) NBD_SRC=$s $C info $PORT $(pick disk1 ro nosuch secure) ;;
    9) NBD_SRC=$s $C unknownopt $PORT ;;
    10) NBD_SRC=$s $C starttls $PORT ;;
    11) NBD_SRC=$s $C shortinfo $PORT ;;
    12) NBD_SRC=$s $C exportname $PORT $(pick disk1 ro nosuch secure) ;;
    13) NBD_SRC=$s $C badmagic $PORT ;;
    14) NBD_SRC=$s $C garbage $PORT ;;
    15) NBD_SRC=$s $C hangup $PORT ;;
    16|17) NBD_SRC=$s $C badcmd $PORT $(pick disk1 ro disk2 cow) ;;
    18) NBD_SRC=$s $C session $PORT $(pick secure disk1) 1048576 $((RANDOM%4+1)) $(pick client client rogue none) ;;
    19) NBD_SRC=$s $C tlsgarbage $PORT ;;
    20) NBD_SRC=$s $C tlsdrop $PORT $(pick secure disk1) ;;
    21) NBD_SRC=$s $C tlstwice $PORT ;;
    22) NBD_SRC=$s $C oldflags $PORT ;;
    23) NBD_SRC=$s $C session $PORT limited 1048576 2 "" 1.0 & sleep 0.2
        NBD_SRC=$(src) $C session $PORT limited 1048576 1 ;;
  esac
}

# --- run ---
rm -f $R/syslog.out
rsyslogd -f $R/rsyslog.conf -i $R/rsyslogd.pid
sleep 0.5
[ $((RANDOM%2)) -eq 0 ] && ALLOWLIST=false
gen_config
start_server
for round in 1 2 3 4; do
  n=$((RANDOM%40+90))
  for i in $(seq $n); do
    one_action >/dev/null 2>&1
    case $((RANDOM%60)) in
      0) hup ;;
      1) kill -USR1 $(cat $R/nbd.pid); sleep 0.1 ;;
    esac
  done
  wait
  # waitfile export: a client waits while the file appears
  rm -f $R/waitfile.img
  NBD_SRC=$(src) $C session $PORT wait 1048576 0 "" 2.5 >/dev/null 2>&1 &
  sleep 0.6
  for c in $(pgrep -P $(cat $R/nbd.pid)); do kill -USR1 $c; done
  sleep 0.3
  truncate -s 1M $R/waitfile.img
  for c in $(pgrep -P $(cat $R/nbd.pid)); do kill -USR1 $c; done
  wait
  # reload with a new export, then a broken config
  echo -e "[new$round]\nexportname = $R/disk1.img" >> $R/config
  hup
  NBD_SRC=$(src) $C session $PORT new$round 1048576 3 >/dev/null 2>&1
  cp $R/config $R/config.good
  case $((RANDOM%4)) in
    0) echo -e "[bad$round]\nvirtstyle = cidrhash" >> $R/config ;;
    1) echo -e "[bad$round]\nexportname = $R/disk1.img\nvirtstyle = bogus" >> $R/config ;;
    2) echo -e "[bad$round]\nexportname = $R/disk1.img\ncopyonwrite = true\nsplice = true" >> $R/config ;;
    3) echo -e "[bad$round]\nexportname = $R/disk1.img\nmaxconnections = lots" >> $R/config ;;
  esac
  hup
  cp $R/config.good $R/config
  hup
  # a second instance on the same port fails to bind
  ensure_server
  if [ $((RANDOM%2)) -eq 0 ]; then
    $D/nbdns.sh nbd-server -C $R/config -p $R/nbd2.pid; sleep 0.3
    [ -f $R/nbd2.pid ] && kill $(cat $R/nbd2.pid) 2>/dev/null
  fi
  # restart, sometimes with another list policy
  stop_server
  [ $((RANDOM%2)) -eq 0 ] && ALLOWLIST=true || ALLOWLIST=false
  gen_config
  start_server
done
stop_server
sleep 0.5
kill $(cat $R/rsyslogd.pid)
sleep 0.3
cp $R/syslog.out $D/nbdserver.full.log
