#!/bin/bash
# one DNS client: random queries against stubby for N seconds
PORT=$1; DUR=$2
NAMES=(example.test www.example.test mail.example.test big.example.test nope.example.test refused.test foo.invalid a.b.c.d.test www.example.test example.test)
TYPES=(A AAAA MX TXT A A NS SOA ANY)
end=$((SECONDS+DUR))
while [ $SECONDS -lt $end ]; do
  n=${NAMES[RANDOM % ${#NAMES[@]}]}; t=${TYPES[RANDOM % ${#TYPES[@]}]}
  case $((RANDOM % 10)) in
    0) dig +tcp +time=4 +tries=1 @127.0.0.1 -p $PORT $n $t >/dev/null 2>&1 ;;
    1) dig +dnssec +time=4 +tries=1 @127.0.0.1 -p $PORT $n $t >/dev/null 2>&1 ;;
    2) drill -p $PORT $n $t @127.0.0.1 >/dev/null 2>&1 ;;
    3) dig +subnet=127.0.0.0/24 +time=4 +tries=1 @127.0.0.1 -p $PORT $n $t >/dev/null 2>&1 ;;
    *) dig +time=4 +tries=1 @127.0.0.1 -p $PORT $n $t >/dev/null 2>&1 ;;
  esac
  [ $((RANDOM % 4)) -eq 0 ] && sleep 0.$((RANDOM % 9))
done
