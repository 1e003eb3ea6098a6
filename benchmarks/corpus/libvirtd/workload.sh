#!/bin/bash
# Randomised workload for a private session-mode libvirtd (test driver through the remote driver).
# All state lives in ./run; TCP port 44016 (SASL digest-md5), UNIX sockets under run/xdg-run.
D=/work/round25/libvirtd
R=$D/run
S=$R/xdg-run/libvirt/libvirt-sock
A=$R/xdg-run/libvirt/libvirt-admin-sock
U="test+unix:///default?socket=$S"
T="test+tcp://127.0.0.1:44016/default"
AD="libvirtd:///session?socket=$A"
mkdir -p $R
cd $D
PIDS=()

pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
vs() { timeout 20 virsh -q -c "$U" "$@" >/dev/null 2>&1; }
va() { timeout 20 setpriv --reuid=nobody --regid=nogroup --clear-groups virt-admin -c "$AD" "$@" >/dev/null 2>&1; }

start_daemon() {
  ./start_daemon.sh >>$R/daemon.out 2>&1 &
  echo $! > $R/daemon.launch.pid
  for i in $(seq 50); do [ -S $S ] && [ -f $R/libvirtd.pid ] && break; sleep 0.2; done
  sleep 1
}
stop_daemon() {
  local p; p=$(cat $R/libvirtd.pid 2>/dev/null)
  [ -n "$p" ] && kill -TERM "$p" 2>/dev/null
  for i in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
}

domxml() { # name, mem(KiB)
  cat <<X
<domain type='test'><name>$1</name><memory>$2</memory><currentMemory>$2</currentMemory><vcpu>$((RANDOM%4+1))</vcpu><os><type arch='x86_64'>hvm</type></os></domain>
X
}
netxml() {
  cat <<X
<network><name>$1</name><bridge name='vbr$((RANDOM%90+10))'/><ip address='192.168.$((RANDOM%200+20)).1' netmask='255.255.255.0'/></network>
X
}

tcp_client() { # good / bad / nouser
  local cred=$1 conf=$R/auth-$$-$RANDOM.conf
  case $cred in
    good) printf '[credentials-c]\nauthname=%s\npassword=%s\n' $(pick "alice s3cret" "bob hunter2") > $conf ;;
    bad)  printf '[credentials-c]\nauthname=%s\npassword=%s\n' $(pick alice bob) $(pick wrong letmein 123456) > $conf ;;
    nouser) printf '[credentials-c]\nauthname=%s\npassword=%s\n' $(pick mallory eve root) x > $conf ;;
  esac
  printf '[auth-libvirt-127.0.0.1]\ncredentials=c\n' >> $conf
  LIBVIRT_AUTH_FILE=$conf timeout 20 virsh -q -c "$T" $(pick list "list --all" "dominfo test" "net-list" "pool-list" "nodeinfo" "domstate test" "dominfo missing$RANDOM" "hostname") >/dev/null 2>&1
  rm -f $conf
}

domain_round() {
  local n=vm$RANDOM mem=$(( (RANDOM%8+1) * 131072 ))
  domxml $n $mem > $R/$n.xml
  case $((RANDOM%3)) in
    0) vs "define $R/$n.xml; start $n; suspend $n; resume $n; destroy $n" ;;
    1) vs "define $R/$n.xml; start $n; shutdown $n; start $n; reboot $n; destroy $n" ;;
    2) vs "define $R/$n.xml; start $n; setmem $n $((mem/2)); setmem $n $((mem*4)); setvcpus $n 64 --live; destroy $n" ;;
  esac
  vs "snapshot-create-as $n snap1; snapshot-list $n; snapshot-revert $n snap1; snapshot-delete $n snap1; snapshot-delete $n nosnap"
  vs "start $n; start $n; destroy $n; destroy $n"
  [ $((RANDOM%4)) = 0 ] || vs "undefine $n"
  vs "undefine $n"
  rm -f $R/$n.xml
}

MISC=(
 "list --all" "dominfo test" "domstate test" "dominfo nosuch" "domuuid ghost" "start ghost" "undefine ghost"
 "suspend test" "resume test" "destroy test" "start test" "setmem test 99999999999" "setvcpus test 0" "setvcpus test 64 --live"
 "vol-create-as default-pool dup.img 1M" "vol-list default-pool" "vol-delete --pool default-pool nonexist" "vol-delete --pool default-pool dup.img"
 "vol-resize --pool default-pool dup.img 1K" "vol-wipe --pool default-pool dup.img" "pool-info ghostpool" "vol-create-as nopool v.img 1M"
 "pool-destroy default-pool" "pool-start default-pool" "pool-refresh default-pool"
 "snapshot-create-as test dup" "snapshot-delete test dup" "snapshot-revert test nosnap" "checkpoint-create-as test cp1"
 "send-key test KEY_A" "vcpupin test 0 99" "schedinfo test" "blkiotune test --weight 5000" "domrename test t2"
 "dommemstat test" "domblkstat test hdz" "domjobinfo test" "managedsave-remove test" "setmaxmem test 1"
 "iface-list --all" "iface-destroy eth9" "iface-dumpxml noif" "nodedev-list" "nodedev-destroy nodev" "nodedev-dumpxml nodev"
 "secret-list" "secret-define /dev/null" "secret-dumpxml 00000000-0000-0000-0000-000000000001" "nwfilter-list"
 "net-list --all" "net-destroy default" "net-start default" "net-info nonet" "net-undefine nonet" "net-dhcp-leases default"
 "net-update default add ip-dhcp-host '<host mac=\"zz\"/>'" "domifaddr test" "domif-setlink test vnet0 down" "domifstat test nic9"
 "pool-define-as px dir --target /nonexistent" "pool-start px" "pool-destroy px" "pool-undefine px"
 "capabilities" "sysinfo" "nodememstats" "freecell" "nodeinfo" "hostname" "domcapabilities"
 "save test /nonexistent/dir/test.save" "restore /nonexistent.save" "managedsave test" "start test"
 "domblkinfo test vda" "domblklist test" "domiflist test" "vncdisplay test" "domhostname test" "reset test"
 "inject-nmi test" "dompmsuspend test mem" "dompmwakeup test" "domtime test --sync" "setmem ghost 1"
)
misc_round() { # one connection, several random commands (errors included)
  local n=$((RANDOM%8+4)) cmds="" i
  for i in $(seq $n); do cmds+="${MISC[RANDOM % ${#MISC[@]}]}; "; done
  vs "$cmds"
  case $((RANDOM%5)) in
    0) local bx=$(pick "<domain type='test'><memory>1024</memory></domain>" "<domain type='bogus'><name>b</name></domain>" "<domain type='test'><name>b$RANDOM</name><memory unit='zz'>1</memory></domain>" "<domain type='kvm'><name>x</name></domain>" "<network><name>n</name><forward mode='warp'/></network>" "<domain type='test'><name>test</name><memory>1024</memory><os><type>hvm</type></os></domain>")
       echo "$bx" > $R/bad.xml; vs "$(pick define create net-define net-create) $R/bad.xml"; rm -f $R/bad.xml ;;
    1) local nn=net$RANDOM; netxml $nn > $R/$nn.xml; vs "net-define $R/$nn.xml; net-start $nn; net-start $nn; net-info $nn; net-destroy $nn; net-undefine $nn; net-info $nn"; rm -f $R/$nn.xml ;;
    2) vs "save test $R/test.save; restore $R/test.save; restore $R/test.save"; rm -f $R/test.save ;;
  esac
}

raw_round() {
  local m
  for m in $(shuf -n $((RANDOM%3+1)) -e garbage huge tiny badprog badvers badproc badtype badstatus noauth truncbody halfpacket idle); do
  if [ $((RANDOM%2)) = 0 ]; then timeout 10 python3 $D/rawrpc.py tcp 44016 $m 1; else timeout 10 python3 $D/rawrpc.py unix $S $m 1; fi
  done
}

admin_round() {
  case $((RANDOM%8)) in
    0) va srv-list; va srv-threadpool-info libvirtd ;;
    1) va srv-clients-list libvirtd; va srv-clients-info libvirtd ;;
    2) va srv-threadpool-set libvirtd --max-workers $((RANDOM%6+4)) --min-workers 2 ;;
    3) va srv-threadpool-set libvirtd --min-workers 50 --max-workers 10 ;;
    4) va client-disconnect libvirtd $((RANDOM+1000)); va client-info libvirtd 99999 ;;
    5) va srv-clients-info nosuchsrv; va srv-threadpool-info bogus ;;
    6) va srv-clients-set libvirtd --max-clients $((RANDOM%5+5)) --max-unauth-clients 3 ;;
    7) # disconnect a live client
       local id; id=$(timeout 10 setpriv --reuid=nobody --regid=nogroup --clear-groups virt-admin -c "$AD" srv-clients-list libvirtd 2>/dev/null | awk 'NR>2 && $1 ~ /^[0-9]+$/ {print $1}' | shuf -n1)
       [ -n "$id" ] && va client-info libvirtd $id && va client-disconnect libvirtd $id ;;
  esac
  [ $((RANDOM%5)) = 0 ] && timeout 10 virt-admin -c "$AD" srv-list >/dev/null 2>&1   # as root: refused
}

flood_round() { # more clients than max_clients
  local n=$((RANDOM%3+6)) ps=()
  for i in $(seq $n); do timeout 10 python3 $D/rawrpc.py $(pick "tcp 44016" "unix $S") idle 3 & ps+=($!); done
  sleep 1; vs list; wait "${ps[@]}" 2>/dev/null
}

hung_client_round() { # a client that stops answering keepalives
  virsh -c "$U" event --all --loop >/dev/null 2>&1 &
  local p=$!
  sleep 1; vs destroy test; vs start test
  kill -STOP $p 2>/dev/null; sleep $((RANDOM%4+12)); kill -KILL $p 2>/dev/null; wait $p 2>/dev/null
}

event_client_round() { # event listener that dies abruptly
  timeout 30 virsh -c "$U" event --all --loop >/dev/null 2>&1 &
  local p=$!
  sleep 0.5; domain_round; vs suspend test; vs resume test
  kill -$(pick TERM KILL INT) $p 2>/dev/null; wait $p 2>/dev/null
}

worker() { # one client's session
  local rounds=$1
  for r in $(seq $rounds); do
    case $((RANDOM%10)) in
      0|1|2) domain_round ;;
      3|4|5) misc_round ;;
      6) tcp_client $(pick good good bad nouser) ;;
      7) raw_round ;;
      8) admin_round ;;
      9) tcp_client good; misc_round ;;
    esac
  done
}

main_phase() {
  local ws=()
  for w in $(seq $((RANDOM%2+3))); do worker $((RANDOM%3+3)) & ws+=($!); done
  for i in $(seq $((RANDOM%3+1))); do tcp_client $(pick bad nouser good); done &
  ws+=($!)
  raw_round
  flood_round
  [ $((RANDOM%2)) = 0 ] && event_client_round
  wait "${ws[@]}"
}

setup() { # private config, SASL db and state dirs, all under ./run (owned by nobody)
  mkdir -p $R/xdg-run $R/xdg-config/libvirt $R/xdg-cache $R/xdg-data $R/home $R/sasl
  cat > $R/libvirtd.conf <<X
listen_tls = 0
listen_tcp = 1
tcp_port = "44016"
listen_addr = "127.0.0.1"
auth_tcp = "sasl"
auth_unix_ro = "none"
auth_unix_rw = "none"
max_clients = 5
max_anonymous_clients = 3
max_workers = 4
min_workers = 2
max_client_requests = 3
keepalive_interval = 3
keepalive_count = 3
admin_max_clients = 3
log_filters = "3:util.object 3:util.eventglib 3:rpc.netserverclient 1:util.error 1:daemon.libvirtd 1:rpc.netserverservice 2:*"
log_outputs = "1:file:$R/libvirtd.log"
X
  printf 'mech_list: digest-md5\nsasldb_path: %s\n' $R/sasl/passwd.db > $R/sasl/libvirt.conf
  rm -f $R/sasl/passwd.db
  echo -n "s3cret" | saslpasswd2 -p -c -a libvirt -f $R/sasl/passwd.db alice
  echo -n "hunter2" | saslpasswd2 -p -c -a libvirt -f $R/sasl/passwd.db bob
  chown -R nobody:nogroup $R
}

setup
rm -f $R/libvirtd.log
start_daemon
main_phase
hung_client_round
# a second daemon on the same config must fail on the pid file
timeout 10 ./start_daemon.sh >>$R/daemon.out 2>&1
# reload configuration
kill -HUP $(cat $R/libvirtd.pid); sleep 1
main_phase
# kill daemon hard while clients connected, then restart
timeout 30 virsh -c "$U" event --all --loop >/dev/null 2>&1 & EP=$!
sleep 1
if [ $((RANDOM%2)) = 0 ]; then stop_daemon; else kill -KILL $(cat $R/libvirtd.pid); sleep 0.5; rm -f $R/libvirtd.pid; fi
wait $EP 2>/dev/null
start_daemon
main_phase
event_client_round
kill -HUP $(cat $R/libvirtd.pid); sleep 1
worker 4
stop_daemon
