#!/bin/bash
# Randomised workload for ulogd 2.0.8 (Debian ulogd2). ulogd runs in netns r31a-ulog with
# loglevel=1 (debug), its own log file $LOG; nft rules in that netns feed NFLOG groups,
# conntrack feeds NFCT, usock.py feeds the UNIXSOCK input, traffic.py makes loopback traffic.
# Each session writes a random configuration; some are broken on purpose.
# usage: workload.sh [SESSIONS]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round31-r31a/ulogd
NS=r31a-ulog
LOG=$T/ulogd.log
PL=/usr/lib/x86_64-linux-gnu/ulogd
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
mkdir -p $T/out
rm -f $LOG
ip netns add $NS 2>/dev/null
ip netns exec $NS ip link set lo up

nft_rules() {   # $1 = NFLOG group
  ip netns exec $NS nft delete table inet r31a 2>/dev/null
  ip netns exec $NS nft -f - <<EOF
table inet r31a {
  chain out {
    type filter hook output priority 0; policy accept;
    ct state new tcp dport 20000-20999 log prefix "r31a-tcp " group $1
    udp dport 20000-20999 log prefix "r31a-udp " group $1 queue-threshold $(rnd 1 4)
    tcp flags rst log group $1
  }
}
EOF
}

plugins() { for p in "$@"; do echo "plugin=\"$PL/ulogd_$p.so\""; done; }

out_section() {   # $1 = output plugin instance id
  case $1 in
    emu1) printf '[emu1]\nfile="%s/out/emu.log"\nsync=%d\n' $T $(rnd 0 1) ;;
    op1) printf '[op1]\nfile="%s/out/oprint.log"\nsync=1\n' $T ;;
    gp1) printf '[gp1]\nfile="%s/out/gprint.log"\nsync=1\ntimestamp=%d\n' $T $(rnd 0 1) ;;
    xml1) printf '[xml1]\ndirectory="%s/out/"\nsync=1\n' $T ;;
    nacct1) printf '[nacct1]\nfile="%s/out/nacct.log"\nsync=1\n' $T ;;
    sys1) printf '[sys1]\nfacility=LOG_LOCAL%d\nlevel=LOG_INFO\n' $(rnd 0 7) ;;
    ipfix1) printf '[ipfix1]\noid=%d\nhost="127.0.0.1"\nport=%d\nsend_template="%s"\n' $(rnd 1 99) $(rnd 20900 20999) $(shuf -n1 -e once always never) ;;
    graphite1) printf '[graphite1]\nhost="127.0.0.1"\nport="%d"\nprefix="r31a"\n' $(rnd 20800 20899) ;;
  esac
}

write_conf() {   # $1 = kind; writes $T/ulogd.conf
  local g=$(rnd 20 29) out stack pl extra=""
  case $1 in
    pkt)
      out=$(shuf -n1 -e emu1 emu1 op1 gp1 xml1 sys1)
      case $out in
        emu1) stack="log1:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,print1:PRINTPKT,emu1:LOGEMU"; pl="inppkt_NFLOG raw2packet_BASE filter_IFINDEX filter_IP2STR filter_PRINTPKT output_LOGEMU" ;;
        sys1) stack="log1:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,print1:PRINTPKT,sys1:SYSLOG"; pl="inppkt_NFLOG raw2packet_BASE filter_IFINDEX filter_IP2STR filter_PRINTPKT output_SYSLOG" ;;
        op1) stack="log1:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,mac2str1:HWHDR,mark1:MARK,op1:OPRINT"; pl="inppkt_NFLOG raw2packet_BASE filter_IFINDEX filter_IP2STR filter_HWHDR filter_MARK output_OPRINT" ;;
        gp1) stack="log1:NFLOG,base1:BASE,ifi1:IFINDEX,ip2str1:IP2STR,pw1:PWSNIFF,gp1:GPRINT"; pl="inppkt_NFLOG raw2packet_BASE filter_IFINDEX filter_IP2STR filter_PWSNIFF output_GPRINT" ;;
        xml1) stack="log1:NFLOG,xml1:XML"; pl="inppkt_NFLOG output_XML" ;;
      esac
      extra=$(printf '[log1]\ngroup=%d\nnumeric_label=%d\n' $g $(rnd 0 1))
      [ $(rnd 1 3) = 1 ] && extra+=$(printf '\nbufsize=%d\nnetlink_socket_buffer_size=%d\nnetlink_socket_buffer_maxsize=%d\n' $(rnd 1024 8192) $(rnd 2048 8192) $(rnd 8192 65536))
      [ $(rnd 1 4) = 1 ] && extra+=$(printf '\nbind=1\nunbind=%d\n' $(rnd 0 1))
      [ $(rnd 1 4) = 1 ] && extra+=$(printf '\nseq_local=1\nseq_global=1\nqthreshold=%d\nqtimeout=%d\n' $(rnd 1 20) $(rnd 10 300))
      nft_rules $g ;;
    usock)
      out=$(shuf -n1 -e emu1 gp1 op1)
      case $out in
        emu1) stack="us1:UNIXSOCK,base1:BASE,ip2str1:IP2STR,print1:PRINTPKT,emu1:LOGEMU"; pl="inppkt_UNIXSOCK raw2packet_BASE filter_IP2STR filter_PRINTPKT output_LOGEMU" ;;
        gp1) stack="us1:UNIXSOCK,base1:BASE,ip2str1:IP2STR,gp1:GPRINT"; pl="inppkt_UNIXSOCK raw2packet_BASE filter_IP2STR output_GPRINT" ;;
        op1) stack="us1:UNIXSOCK,base1:BASE,ip2hbin1:IP2HBIN,op1:OPRINT"; pl="inppkt_UNIXSOCK raw2packet_BASE filter_IP2HBIN output_OPRINT" ;;
      esac
      extra=$(printf '[us1]\nsocket_path="%s/ulogd2.sock"\nperms=0600\n' $T)
      [ $(rnd 1 4) = 1 ] && extra+=$(printf '\nbufsize=%d\n' $(rnd 100 400))
      [ $(rnd 1 6) = 1 ] && extra+=$(printf '\nowner="r31a-nosuchuser"\n')
      [ $(rnd 1 6) = 1 ] && extra+=$(printf '\ngroup="r31a-nosuchgroup"\n') ;;
    flow)
      out=$(shuf -n1 -e emu1 gp1 nacct1 ipfix1 op1)
      case $out in
        emu1) stack="ct1:NFCT,ip2str1:IP2STR,print1:PRINTFLOW,emu1:LOGEMU"; pl="inpflow_NFCT filter_IP2STR filter_PRINTFLOW output_LOGEMU" ;;
        gp1) stack="ct1:NFCT,ip2str1:IP2STR,gp1:GPRINT"; pl="inpflow_NFCT filter_IP2STR output_GPRINT" ;;
        nacct1) stack="ct1:NFCT,ip2str1:IP2STR,nacct1:NACCT"; pl="inpflow_NFCT filter_IP2STR output_NACCT" ;;
        ipfix1) stack="ct1:NFCT,ipfix1:IPFIX"; pl="inpflow_NFCT output_IPFIX" ;;
        op1) stack="ct1:NFCT,ip2bin1:IP2BIN,op1:OPRINT"; pl="inpflow_NFCT filter_IP2BIN output_OPRINT" ;;
      esac
      extra=$(printf '[ct1]\nhash_enable=%d\nevent_mask=%s\n' $(rnd 0 1) $(shuf -n1 -e 0x00000001 0x00000004 0x00000005 0x00000007))
      [ $(rnd 1 3) = 1 ] && extra+=$(printf '\npollinterval=%d\n' $(rnd 1 3))
      [ $(rnd 1 4) = 1 ] && extra+=$(printf '\nnetlink_socket_buffer_size=%d\nnetlink_socket_buffer_maxsize=%d\n' $(rnd 2048 8192) $(rnd 8192 65536))
      nft_rules $g ;;
    acct)
      out=graphite1; stack="acct1:NFACCT,graphite1:GRAPHITE"; pl="inpflow_NFACCT output_GRAPHITE"
      extra=$(printf '[acct1]\npollinterval=%d\nzerocounter=%d\n' $(rnd 1 3) $(rnd 0 1)) ;;
  esac
  {
    printf '[global]\nlogfile="%s"\nloglevel=1\n' $LOG
    plugins $pl
    echo "stack=$stack"
    echo "$extra"
    out_section $out
  } > $T/ulogd.conf
}

# damage the configuration in one of several ways
break_conf() {
  local c=$T/ulogd.conf
  case $(rnd 1 9) in
    1) sed -i "0,/^plugin=/s|^plugin=\"$PL/ulogd_\([a-z]*\)_|plugin=\"$PL/ulogd_missing_|" $c ;;
    2) sed -i 's/^stack=\([a-z0-9]*\):\([A-Z]*\)/stack=\1:NOSUCHPLUGIN/' $c ;;
    3) sed -i '/^\[global\]/a colour="blue"' $c ;;
    4) sed -i 's/^stack=/stack=bogus,/' $c ;;
    5) sed -i '0,/^plugin=.*/{s//&\n&/}' $c ;;
    6) sed -i 's/^stack=\([^,]*\),\([^,]*\),/stack=\2,\1,/' $c ;;
    7) sed -i 's/^sync=.*/sync=not-a-number/; s/^group=.*/group=x1/' $c ;;
    8) sed -i 's|^file=".*"|file="/tmp/round31-r31a/ulogd/nodir/x.log"|; s|^directory=".*"|directory="/tmp/round31-r31a/ulogd/nodir/"|; s|^socket_path=".*"|socket_path="/tmp/round31-r31a/ulogd/nodir/u.sock"|' $c ;;
    9) printf '[extra]\nkey=value\n' >> $c; sed -i 's/^stack=.*/&\nstack=zz1:NFLOG,zz2:LOGEMU/' $c ;;
  esac
}

ulogd_pid() { cat $T/ulogd.pid 2>/dev/null; }

run_session() {
  local kind=$1
  rm -f $T/ulogd.pid $T/ulogd2.sock
  ip netns exec $NS ulogd -d -c $T/ulogd.conf -p $T/ulogd.pid 2>>$T/stderr.txt
  sleep 1
  local pid=$(ulogd_pid)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  local dur=$(rnd 3 10)
  case $kind in
    usock) ip netns exec $NS python3 $HERE/usock.py $T/ulogd2.sock $(rnd 3 25) 2>>$T/stderr.txt & ;;
    *) ip netns exec $NS python3 $HERE/traffic.py $dur 2>>$T/stderr.txt & ;;
  esac
  local cp=$!
  sleep 1
  for s in $(seq $(rnd 0 2)); do
    kill -$(shuf -n1 -e HUP USR1 USR2 HUP) $pid 2>/dev/null; sleep 0.$(rnd 2 9)
  done
  wait $cp
  sleep 1
  kill -$(shuf -n1 -e TERM TERM INT) $pid 2>/dev/null
  sleep 1
}

N=${1:-18}
for i in $(seq $N); do
  kind=$(shuf -n1 -e pkt pkt pkt usock usock usock flow flow acct)
  write_conf $kind
  if [ $(rnd 1 3) = 1 ]; then
    cp $T/ulogd.conf $T/good.conf
    break_conf
    run_session $kind
    cp $T/good.conf $T/ulogd.conf
  fi
  run_session $kind
done
ip netns exec $NS nft delete table inet r31a 2>/dev/null
ip netns del $NS
