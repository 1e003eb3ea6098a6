#!/bin/bash
# Randomised workload for gdnsd: start-up, DNS clients (UDP/TCP/PROXY), garbage, monitored
# backends going up/down, extmon/extfile/admin_state changes, zone reloads (good and broken),
# ACME challenges, control socket (unix + TCP, allowed and refused), replace, restart, stop.
D=/work/round23/gdnsd
cd $D
LOG=$D/gdnsd.full.log
: > $LOG
rm -rf $D/run/* $D/state/* $D/pids
mkdir -p $D/run $D/state
ZONES=$D/etc/zones
CTL="gdnsdctl -c $D/etc"
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }

reset_zones() {
  rm -f $ZONES/*
  cp $D/zone.example.test $ZONES/example.test
}
start_gd() {
  gdnsd -D -c $D/etc "$@" start >> $LOG 2>&1 &
  echo $! >> $D/pids
  sleep 3
  if ! $CTL status >/dev/null 2>&1; then
    # start-up refused (broken zone or admin_state): repair and start again
    rm -f $ZONES/bad*.test $ZONES/sub.example.test $ZONES/dyna.test $D/state/admin_state
    gdnsd -D -c $D/etc start >> $LOG 2>&1 &
    echo $! >> $D/pids
    sleep 3
  fi
}
backend() { # addr
  python3 $D/backend.py $1 $D/state/mode.$1 >/dev/null 2>&1 &
  echo $! > $D/state/be.$1.pid; echo $! >> $D/pids
}
kill_backend() { [ -f $D/state/be.$1.pid ] && kill $(cat $D/state/be.$1.pid) 2>/dev/null; rm -f $D/state/be.$1.pid; }

queries() {
  local n=$((5 + $(r 15)))
  for i in $(seq $n); do
    name=$(pick www mail alias txt sfo mfo wt mf refl nx$RANDOM _sip._udp ns1 "" deep.www)
    type=$(pick A AAAA MX TXT SRV NS SOA ANY CNAME PTR)
    srv=$(pick 127.0.0.1 127.0.0.2)
    proto=$(pick "" "" +tcp +notcp)
    extra=$(pick "" +nsid +cookie "+subnet=127.0.0.0/24" +norec +dnssec "+bufsize=512")
    zone=$(pick example.test example.test example.test other.test. example.test2 ".")
    dig $proto $extra +time=1 +tries=1 -p 25200 @$srv "${name:+$name.}$zone" $type >/dev/null 2>&1
  done
  dig +time=1 +tries=1 -p 25200 @127.0.0.1 version.bind CH TXT >/dev/null 2>&1
  dig +time=1 +tries=1 -p 25200 @127.0.0.1 example.test AXFR >/dev/null 2>&1
}
chaos() { python3 $D/dnsclient.py mix mix >/dev/null 2>&1; }

ctl_ops() {
  for i in $(seq $((2 + $(r 4)))); do
    case $(r 11) in
      0) $CTL status ;;
      1) $CTL stats ;;
      2) $CTL states ;;
      3) $CTL acme-dns-01 "www.example.test" "$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 43)" ;;
      4) $CTL acme-dns-01 "nonexist.invalid" "short" ;;
      5) $CTL acme-dns-01-flush ;;
      6) gdnsdctl -s 127.0.0.1:25202 stats ;;
      7) gdnsdctl -s 127.0.0.1:25202 reload-zones ;;
      8) gdnsdctl -s 127.0.0.1:25203 acme-dns-01 mail.example.test "$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9 | head -c 43)" ;;
      9) printf 'garbage-control-bytes\n' | timeout 2 python3 -c 'import socket,sys;s=socket.create_connection(("127.0.0.1",25202));s.sendall(b"\x00garbagexx\xff"*2);s.settimeout(1)
try: s.recv(100)
except Exception: pass' ;;
      10) gdnsdctl -s 127.0.0.1:25202 stop ;;
    esac >/dev/null 2>&1
  done
}

zone_change() {
  case $(r 7) in
    0) sed -i "s/SOA ns1 hostmaster [0-9]*/SOA ns1 hostmaster $RANDOM/" $ZONES/example.test ;;
    1) printf '$TTL 300\n@ SOA ns1 hostmaster 1 7200 1800 259200 900\n@ NS ns1\n@ NS ns2\nns1 A 127.0.0.53\nns2 A 127.0.0.54\nhost%s A 127.0.0.%s\n' $RANDOM $(r 200) > $ZONES/other.test ;;
    2) printf '@ SOA ns1 hostmaster 1 7200 1800 259200 900\n@ NS ns1\nns1 A 127.0.0.999\nbroken BOGUS stuff\n' > $ZONES/bad$(r 3).test ;;
    3) printf '$TTL 300\n@ SOA ns1.example.test. hostmaster 1 7200 1800 259200 900\n@ NS ns1.example.test.\nfoo CNAME nowhere.example.test.\nfoo A 127.0.0.5\n' > $ZONES/sub.example.test ;;
    4) rm -f $ZONES/bad*.test $ZONES/sub.example.test $ZONES/dyna.test ;;
    5) rm -f $ZONES/other.test ;;
    6) printf '$TTL 10\n@ SOA ns1 hostmaster 1 7200 1800 259200 900\n@ NS ns1\n@ NS ns2.example.test.\nns1 A 127.0.0.53\nx TXT "a"\nx TXT "a"\nlow 5 A 127.0.0.1\n' > $ZONES/warn.test
       [ $(r 2) = 0 ] && printf '@ SOA ns1.example.test. hostmaster 1 7200 1800 259200 900\n@ NS ns1.example.test.\ny DYNA nosuchplugin!res\n' > $ZONES/dyna.test ;;
  esac
  $CTL reload-zones >/dev/null 2>&1
}

monitor_change() {
  case $(r 9) in
    0|1) a=$(pick 127.0.0.10 127.0.0.11); kill_backend $a ;;
    2|3) a=$(pick 127.0.0.10 127.0.0.11); [ -f $D/state/be.$a.pid ] || backend $a ;;
    4) a=$(pick 127.0.0.10 127.0.0.11); pick ok ok err slow garbage close > $D/state/mode.$a ;;
    5) if [ -f $D/state/extfail ]; then rm -f $D/state/extfail; else touch $D/state/extfail; fi ;;
    6) printf '127.0.0.30 => %s\n127.0.0.31 => %s\n' $(pick UP DOWN) $(pick UP DOWN DOWN/600) > $D/state/extf.tmp; mv $D/state/extf.tmp $D/state/extf ;;
    7) case $(r 3) in
         0) printf '127.0.0.30 => "garbage state"\n' > $D/state/extf ;;
         1) printf 'nonsense {{{\n' > $D/state/extf ;;
         2) printf '127.0.0.99 => UP\n127.0.0.30 => UP\n' > $D/state/extf ;;
       esac ;;
    8) case $(r 4) in
         0) printf '127.0.0.10/web => DOWN\n127.0.0.2*/ext => %s\n' $(pick UP DOWN) > $D/state/admin_state ;;
         1) printf 'metafo/mf1/dc1 => DOWN\n127.0.0.41 => DOWN/300\n' > $D/state/admin_state ;;
         2) printf 'bogus/resource => UP\nthis is not { valid\n' > $D/state/admin_state ;;
         3) rm -f $D/state/admin_state ;;
       esac ;;
  esac
}

# ---- run ----
reset_zones
printf '127.0.0.30 => UP\n127.0.0.31 => UP\n' > $D/state/extf
backend 127.0.0.10
[ $(r 2) = 0 ] && backend 127.0.0.11
# a failing start: broken config dir
mkdir -p $D/badetc && printf 'options => { listen => 127.0.0.1:25200, nonsense_option = 3 }\n' > $D/badetc/config
gdnsd -D -c $D/badetc checkconf >> $LOG 2>&1
start_gd
# a second instance cannot start while the first runs
gdnsd -D -c $D/etc start >> $LOG 2>&1
gdnsd -D -c $D/etc -i start >> $LOG 2>&1

rounds=$((45 + $(r 10)))
for round in $(seq $rounds); do
  queries
  [ $(r 2) = 0 ] && chaos
  monitor_change; monitor_change
  ctl_ops
  [ $(r 3) = 0 ] && zone_change
  case $(r 12) in
    0) $CTL replace >/dev/null 2>&1; sleep 2; $CTL status >/dev/null 2>&1 || start_gd ;;
    1) start_gd -R ;;
    2) $CTL stop >/dev/null 2>&1; sleep 1; [ $(r 2) = 0 ] && rm -f $ZONES/bad*.test; start_gd $(pick "" -S "") ;;
  esac
  sleep $((1 + $(r 3)))
done
$CTL stop >/dev/null 2>&1
sleep 1
kill_backend 127.0.0.10; kill_backend 127.0.0.11
rm -rf $D/badetc
