#!/bin/bash
# Randomised workload for XRootD: fresh data area and sss keys, server start, parallel clients
# (xrdcp/xrdfs/curl/garbage), idle links, a killed transfer, a restart, and shutdown.
# Log: run/xrootd.log (xrootd's own log, xrootd/ofs/oss/sec/http tracing on).
cd "$(dirname "$0")"
rm -rf run tmp
mkdir -p run/data/public run/data/private run/admin tmp
echo y | xrdsssadmin -k wl -u anybody -g usrgroup add run/sss.keytab > /dev/null 2>&1
echo y | xrdsssadmin -k wl -u anybody -g usrgroup add tmp/bad.keytab > /dev/null 2>&1
cp run/sss.keytab tmp/good.keytab; chmod 600 tmp/*.keytab
for n in a b c; do head -c $((RANDOM * 4)) /dev/urandom > run/data/public/${n}1.dat; done
head -c 1000 /dev/urandom > run/data/private/a0.dat
chown -R xrootd:xrootd run
start_srv() { xrootd -R xrootd -c xrootd.cfg -l run/xrootd.log > run/stdout.txt 2>&1 & echo $! > run/srv.pid; sleep 1.5; }
stop_srv() { kill -TERM "$(cat run/srv.pid)"; wait "$(cat run/srv.pid)" 2>/dev/null; }
for round in 1 2; do
  start_srv
  cpids=()
  if [ $round = 1 ]; then nc=$((RANDOM % 2 + 3)); ops=$((RANDOM % 3 + 6)); else nc=$((RANDOM % 3 + 5)); ops=$((RANDOM % 8 + 12)); fi
  for i in $(seq $nc); do ./xrdclient.sh $ops & cpids+=($!); done
  # an idle link that the server times out
  (sleep 1; timeout 12 socat -u TCP:127.0.0.1:25650 - > /dev/null 2>&1) & cpids+=($!)
  if [ $round = 2 ]; then
    # a transfer killed midway
    sleep 2; head -c 30000000 /dev/zero > tmp/big
    XrdSecSSSKT=$PWD/tmp/good.keytab timeout -s KILL 0.$((RANDOM % 6 + 3)) xrdcp -s -f tmp/big root://127.0.0.1:25650//work/round23/xrootd/run/data/public/big.dat > /dev/null 2>&1
  fi
  for p in "${cpids[@]}"; do wait "$p"; done
  stop_srv
  sleep 1
done
rm -rf tmp
