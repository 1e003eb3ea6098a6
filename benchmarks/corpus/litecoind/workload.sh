#!/bin/bash
# Randomised workload for litecoind (regtest). Node 1 is logged; node 2 is a peer.
D=/work/round34/litecoind
R=/tmp/round34-r34d
CONF=$D/litecoin.conf
start1() { litecoind -conf=$CONF -datadir=$R/ltc1 -port=43502 -rpcport=43501 -bind=127.0.0.1:43502 \
  -debug=1 -debugexclude=libevent -listenonion=0 -onlynet=ipv4 -discover=0 -dnsseed=0 \
  -pid=$R/ltc1.pid -daemon "$@"; sleep 4; }
start2() { litecoind -conf=$CONF -datadir=$R/ltc2 -port=43504 -rpcport=43503 -bind=127.0.0.1:43504 \
  -listenonion=0 -onlynet=ipv4 -discover=0 -dnsseed=0 -pid=$R/ltc2.pid -daemon; sleep 4; }
c1() { litecoin-cli -conf=$CONF -datadir=$R/ltc1 -rpcport=43501 "$@"; }
c2() { litecoin-cli -conf=$CONF -datadir=$R/ltc2 -rpcport=43503 "$@"; }
rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
mkdir -p $R/ltc1 $R/ltc2
start1; start2
c1 createwallet w1 >/dev/null; c2 createwallet w2 >/dev/null
A1=$(c1 getnewaddress); A2=$(c2 getnewaddress)
c1 addnode 127.0.0.1:43504 onetry
c1 generatetoaddress $(rnd 101 130) $A1 >/dev/null
for round in $(seq $(rnd 28 36)); do
  case $(rnd 0 16) in
    0|1|2) for i in $(seq $(rnd 1 6)); do c1 sendtoaddress $A2 0.$(rnd 1 9) >/dev/null; done
           c1 generatetoaddress $(rnd 1 3) $A1 >/dev/null ;;
    3) for i in $(seq $(rnd 1 3)); do c2 generatetoaddress 1 $A2 >/dev/null; c2 sendtoaddress $A1 0.01 >/dev/null 2>&1; done ;;
    4) c1 getblock 00ff 2>/dev/null; c1 nosuchmethod 2>/dev/null; c1 sendtoaddress badaddr 1 2>/dev/null
       c1 sendrawtransaction 0100dead 2>/dev/null; c1 loadwallet missing 2>/dev/null ;;
    5) for i in $(seq $(rnd 1 4)); do litecoin-cli -datadir=$R/ltc1 -rpcport=43501 -rpcuser=x -rpcpassword=wrong getblockcount 2>/dev/null; done ;;
    6) for i in $(seq $(rnd 1 3)); do printf 'GARBAGE%.0s' $(seq $(rnd 5 60)) | timeout 2 curl -s --max-time 2 telnet://127.0.0.1:43502 >/dev/null 2>&1; done ;;
    7) c1 setban 127.0.0.2 add 60 2>/dev/null; c1 listbanned >/dev/null; c1 setban 127.0.0.2 remove; c1 clearbanned ;;
    8) H=$(c1 getbestblockhash); c1 invalidateblock $H; c1 reconsiderblock $H ;;
    9) c1 disconnectnode 127.0.0.1:43504 2>/dev/null; sleep 1; c1 addnode 127.0.0.1:43504 onetry ;;
    10|14) c1 stop >/dev/null; sleep 5
       [ $(rnd 0 1) = 1 ] && start1 -maxmempool=1 2>/dev/null
       start1; c1 loadwallet w1 >/dev/null; c1 addnode 127.0.0.1:43504 onetry ;;
    11) c1 -rpcwallet=w1 backupwallet $R/nodir/x.dat 2>/dev/null; c1 walletpassphrase x 10 2>/dev/null; c1 -rpcwallet=w1 keypoolrefill $(rnd 100 300) ;;
    12) c1 prioritisetransaction 00 0 1000 2>/dev/null; c1 getmempoolinfo >/dev/null; c1 savemempool; c1 verifychain 3 $(rnd 5 20) >/dev/null ;;
    13) curl -s --max-time 2 -X POST http://127.0.0.1:43501/ -d 'notjson' >/dev/null; curl -s --max-time 2 http://127.0.0.1:43501/rest/chaininfo.json >/dev/null ;;
    15) c1 getblocktemplate '{"rules":["segwit","mweb"]}' >/dev/null 2>&1; c1 estimatesmartfee $(rnd 1 20) >/dev/null; c1 pruneblockchain 10 2>/dev/null
        c1 -rpcwallet=w1 importprivkey notakey 2>/dev/null; c1 -rpcwallet=w1 signmessage $A1 hi 2>/dev/null ;;
    16) c1 -rpcwallet=w1 sendmany "" "{\"$A2\":0.$(rnd 1 9)}" >/dev/null; c1 -rpcwallet=w1 lockunspent true >/dev/null; c1 -rpcwallet=w1 rescanblockchain $(rnd 100 120) >/dev/null 2>&1 ;;
  esac
  sleep $(rnd 1 3)
done
c1 generatetoaddress 1 $A1 >/dev/null; sleep 2
c2 stop >/dev/null; sleep 3
c1 stop >/dev/null; sleep 4
