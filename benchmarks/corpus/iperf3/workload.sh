#!/bin/bash
# iperf3 workload: several server phases (plain, auth, bitrate limit, one-off,
# idle timeout), each driven by good and bad clients; server log via --logfile.
D=/work/round30/iperf3
R=$D/run
LOG=$R/iperf3.raw.log
PORT=$((19100 + RANDOM % 50))
H=127.0.0.1
mkdir -p $R; rm -f $LOG $R/pids
rnd() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

# RSA keys and users for the authentication phase
openssl genrsa -out $R/priv.pem 2048 2>/dev/null
openssl rsa -in $R/priv.pem -outform PEM -pubout -out $R/pub.pem 2>/dev/null
openssl genrsa -out $R/other.pem 2048 2>/dev/null
openssl rsa -in $R/other.pem -outform PEM -pubout -out $R/otherpub.pem 2>/dev/null
: > $R/users.csv
for u in mario:rossi luigi:verdi peach:castle; do
  echo "${u%%:*},$(echo -n "{${u%%:*}}${u#*:}" | sha256sum | cut -d' ' -f1)" >> $R/users.csv
done
echo "# comment line" >> $R/users.csv
head -c 100000 /dev/urandom > $R/payload.bin

start_server() {
  iperf3 -s -p $PORT -B $H --logfile $LOG --verbose --debug --timestamps -i 1 "$@" >/dev/null 2>&1 &
  SPID=$!; echo $SPID >> $R/pids; sleep 0.7
}
stop_server() { kill -0 $SPID 2>/dev/null && kill $(pick -TERM -INT -HUP) $SPID; sleep 0.5; kill -0 $SPID 2>/dev/null && kill -KILL $SPID; wait $SPID 2>/dev/null; }

good_client() {
  local o=(-c $H -p $PORT --connect-timeout 2000)
  case $(rnd 16) in
    0) o+=(-t 1) ;;
    1) o+=(-t 2 -P $((2 + $(rnd 3)))) ;;
    2) o+=(-u -t 1 -b $(pick 500K 1M 5M 20M)) ;;
    3) o+=(-t 1 -R) ;;
    4) o+=(-t 1 --bidir) ;;
    5) o+=(-n $(pick 1M 5M 300K)) ;;
    6) o+=(-k $(pick 10 50 200) -l $(pick 1K 16K 128K)) ;;
    7) o+=(-t 2 -O 1 $(pick "" -R -u "-P 2")) ;;
    8) o+=(-u -t 1 -R -b 2M -l $(pick 512 1400 8000)) ;;
    9) o+=(-t 1 -w $(pick 64K 256K 1M) -M $(pick 536 1200 1400)) ;;
    10) o+=(-t 1 -C $(pick cubic reno bbr nosuchalgo)) ;;
    11) o+=(-t 1 -S $(pick 0x10 0x28 184) --get-server-output) ;;
    12) o+=(-F $R/payload.bin -n 100K) ;;
    13) o+=(-t 1 -Z -N --cport $((19600 + $(rnd 100)))) ;;
    14) o+=(-u -t 1 -b 10M --udp-counters-64bit -P 2) ;;
    15) o+=(-t 1 -J --dscp $(pick af11 ef cs3 12)) ;;
  esac
  timeout 15 iperf3 "${o[@]}" >/dev/null 2>&1
}
killed_client() {
  iperf3 -c $H -p $PORT -t 5 $(pick "" -R -u "-P 2") >/dev/null 2>&1 &
  local c=$!; sleep $(pick 1 1.5 2.2); kill $(pick -KILL -TERM -INT) $c 2>/dev/null; wait $c 2>/dev/null
}
bad_client() { timeout 10 python3 $D/badclient.py $H $PORT >/dev/null 2>&1; }
busy_clients() {
  iperf3 -c $H -p $PORT -t 2 >/dev/null 2>&1 & local c=$!
  sleep 0.4; timeout 5 iperf3 -c $H -p $PORT -t 1 >/dev/null 2>&1; python3 $D/badclient.py $H $PORT close >/dev/null 2>&1
  wait $c
}
auth_client() {
  local u p k=$R/pub.pem
  case $(rnd 6) in
    0|1) u=mario; p=rossi ;;
    2) u=luigi; p=wrongpass ;;
    3) u=bowser; p=koopa ;;
    4) u=peach; p=castle; k=$R/otherpub.pem ;;
    5) timeout 10 iperf3 -c $H -p $PORT -t 1 >/dev/null 2>&1; return ;;
  esac
  IPERF3_PASSWORD=$p timeout 10 iperf3 -c $H -p $PORT -t 1 --username $u --rsa-public-key-path $k $(pick "" -R "-u -b 1M") >/dev/null 2>&1
}
mixed() {
  local n=$1
  for i in $(seq $n); do
    case $(rnd 10) in
      0|1|2|3|4) good_client ;;
      5|6|7) bad_client ;;
      8) killed_client ;;
      9) busy_clients ;;
    esac
  done
}

# phase 1: plain server
start_server
mixed $((40 + $(rnd 10)))
stop_server
# phase 2: authentication
start_server --rsa-private-key-path $R/priv.pem --authorized-users-path $R/users.csv --time-skew-threshold $(pick 5 10 60)
for i in $(seq $((10 + $(rnd 6)))); do auth_client; [ $(rnd 4) = 0 ] && bad_client; done
stop_server
# phase 3: server bitrate limit and receive timeout
start_server --server-bitrate-limit $(pick 20M 50M 100M) --rcv-timeout $(pick 1500 2500)
for i in $(seq $((8 + $(rnd 5)))); do
  case $(rnd 4) in
    0) timeout 15 iperf3 -c $H -p $PORT -t 3 >/dev/null 2>&1 ;;
    1) timeout 15 iperf3 -c $H -p $PORT -u -t 2 -b $(pick 5M 200M) >/dev/null 2>&1 ;;
    2) bad_client ;;
    3) good_client ;;
  esac
done
stop_server
# phase 4: one-off servers and a broken key
for i in 1 2; do
  start_server -1
  if [ $(rnd 2) = 0 ]; then good_client; else bad_client; fi
  sleep 0.3; stop_server
done
start_server --rsa-private-key-path $R/nonexistent.pem --authorized-users-path $R/users.csv
stop_server
start_server --authorized-users-path $R/users.csv
stop_server
start_server -1 --idle-timeout 2
sleep 3; stop_server
# phase 5: idle timeout restarts and a second plain run
start_server --idle-timeout 2
sleep 2.6; good_client; sleep 2.3
mixed $((15 + $(rnd 8)))
stop_server
wc -l $LOG
head -n 2500 $LOG > $D/iperf3.log
wc -l $D/iperf3.log
