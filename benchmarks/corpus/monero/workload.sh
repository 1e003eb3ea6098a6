#!/bin/bash
# Randomised workload for monerod (regtest). Node A is the logged node (monerod.log);
# node B is a peer with its own data dir and log under data/ (not kept).
cd "$(dirname "$0")"
D=$PWD
rm -rf data; mkdir -p data
A_LOG=$D/monerod.log; B_LOG=$D/data/peer.log
rm -f "$A_LOG"*
AUTH=user$RANDOM:pw$RANDOM
common="--regtest --non-interactive --no-igd --disable-dns-checkpoints --check-updates disabled --fixed-difficulty 1 --log-level 2 --max-log-file-size 0"
startA() {
  RP=$1; shift
  monerod $common --data-dir $D/data/a --log-file "$A_LOG" \
    --p2p-bind-ip 127.0.0.1 --p2p-bind-port 30080 --rpc-bind-ip 127.0.0.1 --rpc-bind-port $RP \
    --rpc-restricted-bind-ip 127.0.0.1 --rpc-restricted-bind-port $((RP + 1)) --zmq-rpc-bind-ip 127.0.0.1 --zmq-rpc-bind-port $((RP + 2)) \
    --add-exclusive-node 127.0.0.1:30090 --rpc-login "$AUTH" "$@" >>data/a.stdout 2>&1 &
  APID=$!
}
startB() {
  monerod $common --data-dir $D/data/b --log-file "$B_LOG" \
    --p2p-bind-ip 127.0.0.1 --p2p-bind-port 30090 --rpc-bind-ip 127.0.0.1 --rpc-bind-port 30091 \
    --zmq-rpc-bind-ip 127.0.0.1 --zmq-rpc-bind-port 30092 --add-exclusive-node 127.0.0.1:30080 >>data/b.stdout 2>&1 &
  BPID=$!
}
waitrpc() { for i in $(seq 80); do curl -s -m 2 -o /dev/null "$1" && return 0; sleep 0.5; done; }
stopA_rpc() { curl -s -m 20 --digest -u "$AUTH" http://127.0.0.1:$RP/stop_daemon -d '{}' >/dev/null; wait $APID; }

# phase 1: offline node, RPC clients (authorised, wrong credentials, restricted port)
startA 30081 --offline; waitrpc http://127.0.0.1:30081/get_height
python3 client.py 30081 $((25 + RANDOM % 15)) "$AUTH"
python3 client.py 30081 $((2 + RANDOM % 3)) "wrong:creds$RANDOM"
python3 client.py 30082 $((8 + RANDOM % 8)) "$AUTH"
stopA_rpc
# phase 2: online with a peer that syncs from it
startA 30084; waitrpc http://127.0.0.1:30084/get_height
sleep $((1 + RANDOM % 3))
startB; waitrpc http://127.0.0.1:30091/get_height
sleep $((4 + RANDOM % 4))
python3 client.py 30084 $((10 + RANDOM % 10)) "$AUTH" & C1=$!
python3 client.py 30091 $((5 + RANDOM % 10)) & C2=$!
wait $C1 $C2
sleep 2
# the peer dies abruptly
kill -9 $BPID; wait $BPID 2>/dev/null; sleep $((2 + RANDOM % 3))
python3 client.py 30084 $((3 + RANDOM % 5)) "$AUTH"
startB; waitrpc http://127.0.0.1:30091/get_height; sleep $((3 + RANDOM % 3))
python3 client.py 30091 $((3 + RANDOM % 3))
python3 client.py 30084 $((5 + RANDOM % 8)) "$AUTH"
# peer shuts down cleanly, then node A is stopped by signal and restarted in safe sync mode
kill -TERM $BPID; wait $BPID
kill -TERM $APID; wait $APID
startA 30087 --offline --db-sync-mode safe; waitrpc http://127.0.0.1:30087/get_height
python3 client.py 30087 $((8 + RANDOM % 8)) "$AUTH"
stopA_rpc
