#!/bin/bash
# Drives uftpd (log level 5, own log file) with uftp senders over loopback (unicast).
# usage: workload.sh LOGFILE SECONDS
HERE=$(cd "$(dirname "$0")" && pwd)
LOG=${1:-/tmp/round36-r36c/uftp/uftpd.log}
DUR=${2:-600}
U=/tmp/round36-r36c/uftp
PORT=47020
mkdir -p $U/src $U/d1 $U/d2 $U/tmp $U/b1 $U/b2 $U/keys
r() { echo $((RANDOM % $1)); }
# source pool: mostly tiny files, a few larger ones, a directory tree
cd $U/src
for i in $(seq 1 25); do [ -e f$i.dat ] || head -c $(( (RANDOM % 20) * (RANDOM % 100) )) /dev/urandom > f$i.dat; done
mkdir -p tree/sub; for i in 1 2 3; do head -c $((RANDOM % 2000)) /dev/urandom > tree/t$i.txt; done; echo z > tree/sub/deep.txt
[ -e big.bin ] || head -c 9000 /dev/urandom > big.bin
: > empty.dat
ln -sf f1.dat link1.dat
start_d() {
  opts="-x 5 -p $PORT -L $LOG -P $U/uftpd.pid -I lo -U 0x0000beef"
  [ $(r 3) -eq 0 ] && opts="$opts -q"
  [ $(r 2) -eq 0 ] && opts="$opts -F @LOG"
  case $(r 5) in
    0) opts="$opts -D $U/d1,$U/d2 -A $U/b1,$U/b2" ;;
    1) opts="$opts -D $U/d1 -T $U/tmp" ;;
    2) opts="$opts -D $U/d1 -t" ;;
    *) opts="$opts -D $U/d1" ;;
  esac
  case $(r 6) in
    0) opts="$opts -k $U/keys/rsa.key"; [ -e $U/keys/rsa.key ] || opts="$opts -K rsa:512" ;;
    1) opts="$opts -k $U/keys/ec.key"; [ -e $U/keys/ec.key ] || opts="$opts -K ec:prime256v1" ;;
  esac
  [ $(r 4) -eq 0 ] && opts="$opts -s $HERE/postreceive.sh"
  [ $(r 5) -eq 0 ] && opts="$opts -c $(shuf -n1 -e 65536 1048576)"
  uftpd $opts
  sleep 0.5
}
stop_d() { [ -s $U/uftpd.pid ] && kill $(cat $U/uftpd.pid) 2>/dev/null; sleep 0.5; }
files() { ls $U/src/f*.dat | shuf -n $((1 + $(r 4))); }
start_d
end=$((SECONDS + DUR))
while [ $SECONDS -lt $end ]; do
  kill -0 $(cat $U/uftpd.pid 2>/dev/null) 2>/dev/null || start_d
  x=$(r 100)
  s="-p $PORT -M 127.0.0.1 -I lo -x 0 -U 0x00001111 -R $(shuf -n1 -e 2000 10000 50000) -r 0.05:0.01:0.5"
  case $(r 7) in
    0) s="$s -Y none" ;;
    1) s="$s -Y aes256-gcm -h sha256 -e ecdh_ecdsa:prime256v1 -c" ;;
    2) s="$s -Y aes128-cbc -h sha1 -e rsa" ;;
    3) s="$s -Y aes256-cbc -h sha256 -e ecdh_rsa -c" ;;
    4) s="$s -Y aes128-gcm -h sha256 -e ecdh_ecdsa -w ecdsa" ;;
    *) ;;
  esac
  [ $(r 6) -eq 0 ] && s="$s -b $(shuf -n1 -e 512 900 1300)"
  [ $(r 8) -eq 0 ] && s="$s -s $(shuf -n1 -e 2 5 10)"
  if   [ $x -lt 40 ]; then timeout 60 uftp $s $(files) >/dev/null 2>&1
  elif [ $x -lt 47 ]; then timeout 60 uftp $s -H 0x0000beef $(files) >/dev/null 2>&1
  elif [ $x -lt 52 ]; then timeout 20 uftp $s -H 0x00005678 $(files) >/dev/null 2>&1
  elif [ $x -lt 58 ]; then timeout 60 uftp $s $(shuf -n1 -e -- -z -Z -z) $(files) >/dev/null 2>&1
  elif [ $x -lt 63 ]; then timeout 60 uftp $s -E $U/src $U/src/tree >/dev/null 2>&1
  elif [ $x -lt 66 ]; then timeout 60 uftp $s -D $(shuf -n1 -e renamed.dat sub/renamed.dat ../escape.dat /abs.dat) $U/src/f2.dat >/dev/null 2>&1
  elif [ $x -lt 69 ]; then timeout $((1 + $(r 3))) uftp $s -R 300 $U/src/big.bin >/dev/null 2>&1
  elif [ $x -lt 72 ]; then timeout 60 uftp $s -R 20000 $U/src/big.bin >/dev/null 2>&1
  elif [ $x -lt 75 ]; then timeout 60 uftp $s $U/src/empty.dat $U/src/link1.dat $U/src/missing.dat >/dev/null 2>&1
  elif [ $x -lt 78 ]; then python3 $HERE/garbage.py $PORT
  elif [ $x -lt 81 ]; then rm -rf $U/d1/f$((1 + $(r 9))).dat; mkdir -p $U/d1/f$((1 + $(r 9))).dat/blocker; timeout 60 uftp $s $(files) >/dev/null 2>&1
  elif [ $x -lt 84 ]; then chmod 555 $U/d1; timeout 30 uftp $s $(files) >/dev/null 2>&1; chmod 755 $U/d1
  elif [ $x -lt 90 ]; then stop_d; start_d
  elif [ $x -lt 92 ]; then kill -HUP $(cat $U/uftpd.pid) 2>/dev/null
  elif [ $x -lt 95 ]; then rm -rf $U/d1/* $U/d2/* $U/b1/* $U/b2/* $U/tmp/*
  else timeout 60 uftp $s -C tfmcc $(files) >/dev/null 2>&1
  fi
  sleep 0.$(r 5); [ $(r 4) -eq 0 ] && sleep $((1 + $(r 3)))
done
stop_d
