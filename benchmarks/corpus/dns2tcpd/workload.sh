#!/bin/bash
# Randomised workload for dns2tcpd 0.5.2 (Debian) run in the private netns r36a-d2t.
# Clients reach udp 127.0.0.1:53 in the netns, DNAT'ed (inside the netns only) to the server on 46053.
# Usage: workload.sh RAWLOG ROUNDS
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/tmp/round36-r36a/d2t
LOG=${1:-/tmp/round36-r36a/dns2tcpd_raw.log}
ROUNDS=${2:-12}
NS=r36a-d2t
N="ip netns exec $NS"
DOM=tun.example.test
KEY=Sesame4tunnel
mkdir -p $RUN
[ -p $RUN/stdin ] || mkfifo $RUN/stdin
exec 9<>$RUN/stdin
if ! ip netns list | grep -qw $NS; then
  ip netns add $NS; ip -n $NS link set lo up
  $N nft -f - <<'NFT'
table ip r36a { chain out { type nat hook output priority -100; udp dport 53 ip daddr 127.0.0.1 dnat to 127.0.0.1:46053; } }
NFT
fi
$N python3 "$HERE/peers.py" & PEERS=$!
echo $PEERS > $RUN/peers.pid
sleep 0.5

start_server() { # $1 = config file, extra args after
  local cf=$1; shift
  $N dns2tcpd -F -d 3 -f "$cf" "$@" < $RUN/stdin >> "$LOG" 2>&1 & SRV=$!
  echo $SRV > $RUN/srv.pid
  sleep 0.7
}
stop_server() { kill $SRV 2>/dev/null; wait $SRV 2>/dev/null; }

mkconf() { # variants of the configuration
  case $1 in
    good) cat "$HERE/dns2tcpd.conf" ;;
    nodomain) grep -v '^domain' "$HERE/dns2tcpd.conf" ;;
    noresource) grep -v '^resources' "$HERE/dns2tcpd.conf" ;;
    baduser) sed 's/^user = .*/user = r36a-nosuchuser/' "$HERE/dns2tcpd.conf" ;;
    badchroot) sed 's|^chroot = .*|chroot = /tmp/round36-r36a/missing-dir|' "$HERE/dns2tcpd.conf" ;;
    badpid) echo "pid_file = /tmp/round36-r36a/missing-dir/d.pid"; cat "$HERE/dns2tcpd.conf" ;;
    oldsyntax) sed 's/^resources/ressources/' "$HERE/dns2tcpd.conf" ;;
    badlisten) sed 's/^listen = .*/listen = no-such-host.r36a.invalid/' "$HERE/dns2tcpd.conf" ;;
  esac > $RUN/cur.conf
}

client() { timeout "$1" $N dns2tcpc "${@:2}" >/dev/null 2>&1 < /dev/null; }
session() { # $1 resource, $2 seconds
  local res=$1 t=$2; shift 2
  ( for i in $(seq $((RANDOM % 4 + 1))); do head -c $((RANDOM % 300 + 1)) /dev/urandom | base64; sleep 0.$((RANDOM % 9)); done; sleep $((RANDOM % 3)) ) |
    timeout $t $N dns2tcpc -z $DOM -k $KEY -r $res -l - "$@" 127.0.0.1 >/dev/null 2>&1
}

action() {
  local r=$((RANDOM % 100))
  if   [ $r -lt 14 ]; then session echo $((RANDOM % 5 + 3))
  elif [ $r -lt 20 ]; then session echo $((RANDOM % 4 + 3)) -c
  elif [ $r -lt 27 ]; then session talk $((RANDOM % 4 + 3))
  elif [ $r -lt 30 ]; then session echo 4 -T KEY
  elif [ $r -lt 36 ]; then session drop 3
  elif [ $r -lt 42 ]; then session gone 3
  elif [ $r -lt 45 ]; then session weird 3
  elif [ $r -lt 50 ]; then session nosuch$((RANDOM % 9)) 3
  elif [ $r -lt 58 ]; then client 4 -z $DOM -k $KEY 127.0.0.1
  elif [ $r -lt 64 ]; then client 4 -z $DOM -k wrong$RANDOM -r echo -l - 127.0.0.1
  elif [ $r -lt 67 ]; then client 4 -z $DOM -r echo -l - 127.0.0.1
  elif [ $r -lt 72 ]; then $N python3 "$HERE/rawdns.py" foreign $((RANDOM % 3 + 1))
  elif [ $r -lt 76 ]; then $N python3 "$HERE/rawdns.py" atype $((RANDOM % 2 + 1))
  elif [ $r -lt 79 ]; then $N python3 "$HERE/rawdns.py" headeronly 1
  elif [ $r -lt 83 ]; then $N python3 "$HERE/rawdns.py" longlabel 1
  elif [ $r -lt 88 ]; then $N python3 "$HERE/rawdns.py" notclient $((RANDOM % 3 + 1))
  elif [ $r -lt 91 ]; then $N python3 "$HERE/rawdns.py" short 1
  elif [ $r -lt 93 ]; then $N python3 "$HERE/rawdns.py" tooshortname 1
  elif [ $r -lt 97 ]; then session echo 2   # client killed early; the server reaps it later
  else sleep $((RANDOM % 4 + 1))
  fi
}

for round in $(seq $ROUNDS); do
  v=$((RANDOM % 100))
  if   [ $v -lt 70 ]; then kind=good
  else kind=$(printf '%s\n' nodomain noresource baduser badchroot badpid oldsyntax badlisten | shuf -n1)
  fi
  mkconf $kind
  case $((RANDOM % 10)) in
    0) start_server /tmp/round36-r36a/missing.conf ;;       # config file missing
    1) start_server $RUN/cur.conf -x ;;                      # bad option
    *) start_server $RUN/cur.conf ;;
  esac
  if kill -0 $SRV 2>/dev/null; then
    if [ $((RANDOM % 6)) -eq 0 ]; then                       # second instance on the same port
      $N dns2tcpd -F -d 3 -f $RUN/cur.conf < /dev/null >> "$LOG" 2>&1; fi
    for a in $(seq $((RANDOM % 12 + 3))); do action; done
    sleep $((RANDOM % 3))
    stop_server
  fi
done
kill $PEERS 2>/dev/null; wait $PEERS 2>/dev/null
exec 9>&-
