#!/bin/bash
# one HTTP client: $1 = number of requests, $2 = client id
n=${1:-20}; id=${2:-0}
B=http://127.0.0.1:36001
paths=( "/" "/" "/" "/echo" "/chunked?n=$((RANDOM%5+1))" "/debug" "/nope/$RANDOM" "/favicon.ico" "/?q=$RANDOM" "/sleep?s=0.$((RANDOM%5))" "/div?n=$((RANDOM%4+1))" )
for ((i=0;i<n;i++)); do
  p=${paths[$((RANDOM % ${#paths[@]}))]}
  case $p in
    /echo) head -c $((RANDOM*((RANDOM%2)*4+1))) /dev/urandom | curl -s -m 10 -o /dev/null -H 'Content-Type: application/octet-stream' --data-binary @- "$B/echo" ;;
    /debug) curl -s -m 10 -o /dev/null -A "client-$id/$RANDOM" "$B$p" ;;
    *) if (( RANDOM % 4 == 0 )); then
         curl -s -m 10 -o /dev/null --unix-socket /work/round30/unicorn/run/u.sock "http://localhost$p"
       else
         curl -s -m 10 -o /dev/null -X $( ((RANDOM%5==0)) && echo HEAD || echo GET) "$B$p"
       fi ;;
  esac
  sleep 0.0$((RANDOM%9))
done
