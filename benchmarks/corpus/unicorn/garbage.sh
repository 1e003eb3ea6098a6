#!/bin/bash
# malformed / hostile requests
send() { printf "$1" | timeout 3 socat -t2 - TCP:127.0.0.1:36001 >/dev/null 2>&1; }
for ((i=0;i<${1:-3};i++)); do
  case $((RANDOM%7)) in
    0) send 'GARBAGE\r\n\r\n' ;;
    1) send "GET /$(head -c 20000 /dev/zero | tr '\0' a) HTTP/1.1\r\nHost: x\r\n\r\n" ;;
    2) send 'GET / HTTP/1.1\r\nBad Header Line\r\n\r\n' ;;
    3) send 'GET / HTTP/1.1\r\nHost: x\r\n' ;;   # incomplete, client goes away
    4) head -c 300 /dev/urandom | timeout 3 socat -t2 - TCP:127.0.0.1:36001 >/dev/null 2>&1 ;;
    5) send 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort' ;;
    6) send 'GET /%%zz HTTP/1.0\r\n\r\n' ;;
  esac
done
