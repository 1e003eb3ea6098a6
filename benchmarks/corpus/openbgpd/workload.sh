#!/bin/bash
# Randomised workload for openbgpd: bgpd "A" (logged, -d -v to stderr) on 127.0.0.1:42179,
# a second bgpd "B" as a real peer, scripted BGP speakers (speaker.py) playing normal and
# broken sessions, bgpctl control commands, reloads (good and bad configs), restarts, shutdown.
D=/work/round26/openbgpd
R=$D/run
LOG=$D/openbgpd.log
mkdir -p $R /run/openbgpd
rm -f $LOG $R/*.log
SOCK=$R/a.sock
PY=python3

gen_a() {  # $1 = variant (0/1/2), writes $R/a.conf
  local v=$1
  {
    echo "AS 65001"
    echo "router-id 127.0.0.1"
    echo "listen on 127.0.0.1 port 42179"
    echo "socket \"$SOCK\""
    echo "fib-update no"
    echo "connect-retry $((5 + RANDOM % 6))"
    echo "log updates"
    echo "network 10.1.0.0/16"
    [ $v -ge 1 ] && echo "network 10.2.$((RANDOM % 255)).0/24"
    echo "network 192.0.2.0/24 set community 65001:$((RANDOM % 999))"
    echo "neighbor 127.0.0.2 {"
    echo "  remote-as 65002"
    echo "  port 42180"
    echo "  descr \"peerB\""
    echo "  local-address 127.0.0.1"
    echo "  holdtime $((9 + RANDOM % 20))"
    echo "}"
    echo "group \"speakers\" {"
    echo "  passive"
    echo "  holdtime min 3"
    for i in 3 4 5 6 7; do
      echo "  neighbor 127.0.0.$i {"
      echo "    remote-as 6500$i"
      [ $i = 4 ] && echo "    descr \"spk4\""
      [ $i = 5 ] && echo "    max-prefix $((8 + RANDOM % 8)) restart 1"
      [ $i = 6 ] && echo "    enforce neighbor-as yes"
      [ $i = 7 ] && echo "    announce add-path send best"
      echo "  }"
    done
    if [ $v -ne 2 ]; then
      printf '  neighbor 127.0.0.8 {\n    remote-as 65008\n    descr "spk8"\n  }\n'
    fi
    echo "}"
    if [ $v -ge 1 ]; then
      printf 'neighbor 127.0.0.10 {\n  remote-as 65010\n  port 42181\n  descr "deadpeer"\n}\n'
    fi
    printf 'neighbor 127.0.1.0/24 {\n  remote-as 65100\n  passive\n  descr "dyn"\n}\n'
    echo "allow from any"
    echo "allow to any"
    echo "deny from any prefix 0.0.0.0/0 prefixlen > 24"
    echo "match from any community 65535:65281 set localpref 50"
    echo "match from group \"speakers\" prefix 44.0.0.0/8 prefixlen >= 16 set community 65001:44"
  } > $R/a.conf
}

gen_bad() {
  gen_a 1
  case $((RANDOM % 3)) in
    0) echo "neighbor 127.0.0.99 { remote-as }" >> $R/a.conf ;;
    1) echo "bogus-keyword 12" >> $R/a.conf ;;
    2) echo "network 10.300.0.0/16" >> $R/a.conf ;;
  esac
}

gen_b() {
  cat > $R/b.conf <<EOF
AS 65002
router-id 127.0.0.2
listen on 127.0.0.2 port 42180
socket "$R/b.sock"
fib-update no
connect-retry 5
network 172.20.$((RANDOM % 255)).0/24
network 172.21.0.0/16
network 172.22.$((RANDOM % 255)).0/24
neighbor 127.0.0.1 {
  remote-as 65001
  port 42179
  local-address 127.0.0.2
}
allow from any
allow to any
EOF
}

start_a() {
  bgpd -d -v -f $R/a.conf >> $LOG 2>&1 &
  echo $! > $R/a.pid
  sleep 2
}
stop_a() {
  [ -f $R/a.pid ] && kill $(cat $R/a.pid) 2>/dev/null
  sleep 2
  rm -f $R/a.pid
}
start_b() {
  gen_b
  bgpd -d -v -f $R/b.conf >> $R/b.log 2>&1 &
  echo $! > $R/b.pid
  sleep 1
}
stop_b() {
  [ -f $R/b.pid ] && kill $(cat $R/b.pid) 2>/dev/null
  sleep 1
  rm -f $R/b.pid
}
ctl() { timeout 10 bgpctl -s $SOCK "$@" > /dev/null 2>&1; }

SCEN=(normal normal normal normal wrong_as bad_version zero_as bad_hold zero_id same_id garbage
      bad_len short_open bad_type bad_keepalive open_twice update_early bad_update bad_update
      bad_refresh bad_notification hold_expire open_then_die flood bad_caps unknown_cap idle)

speak() {  # one random speaker session
  local i=$((3 + RANDOM % 6))
  local sc=${SCEN[$((RANDOM % ${#SCEN[@]}))]}
  [ $i = 5 ] && [ $((RANDOM % 2)) = 0 ] && sc=flood
  $PY $D/speaker.py 127.0.0.$i 42179 6500$i $sc > /dev/null 2>&1
}

round() {
  for n in $(seq $((4 + RANDOM % 5))); do
    case $((RANDOM % 12)) in
      0|1|2|3|4) speak ;;
      5) speak & sp=$!; speak; wait $sp ;;
      6) d=$((1 + RANDOM % 200)); $PY $D/speaker.py 127.0.1.$d 42179 65100 $( [ $((RANDOM%3)) = 0 ] && echo wrong_as || echo normal) > /dev/null 2>&1 ;;
      7) $PY $D/speaker.py 127.0.0.$((50 + RANDOM % 50)) 42179 65099 normal > /dev/null 2>&1 ;;
      8) case $((RANDOM % 8)) in
           0) ctl neighbor peerB down ;;
           1) ctl neighbor peerB up ;;
           2) ctl neighbor peerB clear ;;
           3) ctl neighbor peerB refresh ;;
           4) ctl neighbor 127.0.0.2 down "maintenance window $RANDOM" ;;
           5) ctl neighbor 127.0.0.3 clear ;;
           6) ctl neighbor deadpeer up ;;
           7) ctl neighbor 127.0.0.8 down ;;
         esac ;;
      9) case $((RANDOM % 6)) in
           0) ctl network add 10.$((RANDOM % 255)).$((RANDOM % 255)).0/24 ;;
           1) ctl network add 10.77.0.0/16 community 65001:77 ;;
           2) ctl network delete 10.77.0.0/16 ;;
           3) ctl network flush ;;
           4) ctl fib couple ;;
           5) ctl fib decouple ;;
         esac ;;
      10) case $((RANDOM % 3)) in
            0) ctl log brief ;;
            1) ctl log verbose ;;
            2) ctl show rib; ctl show neighbor; ctl show summary ;;
          esac ;;
      11) sleep 1 ;;
    esac
  done
}

gen_a $((RANDOM % 2))
start_b
start_a
sleep 3
for r in $(seq 14); do
  round
  case $((RANDOM % 7)) in
    0) gen_a $((RANDOM % 3)); ctl reload ;;
    1) gen_a $((RANDOM % 3)); kill -HUP $(cat $R/a.pid) ;;
    2) gen_bad; ctl reload; sleep 1; gen_a 1 ;;
    3) stop_b; round; start_b; sleep 3 ;;
    4) kill -9 $(cat $R/b.pid); rm -f $R/b.pid; sleep 1; round; start_b; sleep 3 ;;
    5) stop_a; gen_a $((RANDOM % 3)); start_a; sleep 2 ;;
    6) ctl neighbor peerB clear; sleep 2 ;;
  esac
  ctl log verbose
done
gen_bad
stop_a
# a failed start with a broken config, then a config check
bgpd -d -v -f $R/a.conf >> $LOG 2>&1
gen_a 2
start_a
sleep 3
round
stop_a
stop_b
