#!/bin/bash
# Randomised workload for freeDiameterd peer A (a.conf, ports 43100/43101), with peers B (TLS,
# 43110/43111), C (no TLS, 43120/43121), a B with a certificate from an unknown CA, and a raw
# Diameter client (fdclient.py). Keys and certificates are generated under /tmp/round34-r34c/fd.
# Usage: workload.sh ROUNDS   (A's output goes to $T/fda.log)
set -u
D=$(cd "$(dirname "$0")" && pwd)
T=/tmp/round34-r34c
F=$T/fd
ROUNDS=${1:-6}
mkdir -p $F
if [ ! -f $F/c.crt ]; then
  (cd $F
   openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj "/CN=r34c-ca"
   openssl req -x509 -newkey rsa:2048 -nodes -keyout rogueca.key -out rogueca.crt -days 30 -subj "/CN=r34c-rogue-ca"
   for n in a b c; do
     openssl req -newkey rsa:2048 -nodes -keyout $n.key -out $n.csr -subj "/CN=$n.r34c.test"
     openssl x509 -req -in $n.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $n.crt -days 30
   done
   openssl req -newkey rsa:2048 -nodes -keyout rogue.key -out rogue.csr -subj "/CN=b.r34c.test"
   openssl x509 -req -in rogue.csr -CA rogueca.crt -CAkey rogueca.key -CAcreateserial -out rogue.crt -days 30
  ) >/dev/null 2>&1
fi
r() { echo $(( RANDOM % $1 )); }
A=; B=; C=
startA() { freeDiameterd -dd -c $D/a.conf >> $T/fda.log 2>&1 & A=$!; sleep 1; }
startB() { freeDiameterd -c $D/$1 > /dev/null 2>&1 & B=$!; }
startC() { freeDiameterd -c $D/c.conf > /dev/null 2>&1 & C=$!; }
stop() { [ -n "$1" ] && kill -$2 $1 2>/dev/null && wait $1 2>/dev/null; }
client() { timeout 20 python3 $D/fdclient.py 43100 "$@" >/dev/null 2>&1; }
freeDiameterd -dd -c $D/a-bad.conf >> $T/fda.log 2>&1
for round in $(seq 1 $ROUNDS); do
  startA
  [ $(r 4) -gt 0 ] && startB b.conf
  [ $(r 3) -gt 0 ] && startC
  n=$(( $(r 12) + 4 ))
  for i in $(seq 1 $n); do
    case $(r 16) in
      0|1|2|3) client cer d.r34c.test;;
      4) client cer e.r34c.test;;
      5) client cer x$(r 99).bad.test;;
      6) client garbage;;
      7) client badver;;
      8) client notcer;;
      9) client half;;
      10) client cer-missing;;
      11) stop "$B" KILL; B=; sleep 1; startB b.conf;;
      12) stop "$C" TERM; C=; sleep $(r 8); startC;;
      13) stop "$B" TERM; B=; startB b-rogue.conf; sleep 4; stop "$B" TERM; B=; startB b.conf;;
      14) client cer b.r34c.test;;
      15) sleep $(( $(r 10) + 4 ));;
    esac
    sleep $(r 3)
  done
  sleep $(r 8)
  stop "$A" TERM; A=
  sleep 1
  stop "$B" TERM; B=
  stop "$C" TERM; C=
  sleep $(r 3)
done
