#!/bin/bash
# Randomised workload for c-icap: start-up, OPTIONS/REQMOD/RESPMOD by several clients on two
# listeners, services echo/ex206/alias, previews, 204/206, big bodies, ACL denials, basic and
# remote-user authentication (good and bad), malformed and garbage ICAP, slow/idle clients,
# control commands (reconfigure, relog, dump_statistics, unknown), killed children, restarts, stop.
D=/work/round23/cicap
cd $D
LOG=$D/cicap.full.log
rm -f $LOG $D/access.log $D/pids $D/tmp/* $D/run/*
mkdir -p $D/tmp $D/run $D/files
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
CTLSOCK=$D/run/c-icap.ctl

# test bodies of several sizes and types
head -c 300 /etc/services > $D/files/small.txt
head -c 30000 /etc/services > $D/files/medium.txt
head -c 150000 /dev/urandom > $D/files/big.bin
cp /usr/share/c_icap/templates/*/en/* $D/files/ 2>/dev/null; ls /usr/share/doc/*/*.gz 2>/dev/null | head -1 | xargs -I{} cp {} $D/files/doc.gz
printf 'GIF89a\x01\x00\x01\x00\x00\x00\x00;' > $D/files/pixel.gif

start_icap() {
  c-icap -N -f $D/c-icap.conf >> $D/stdout.txt 2>&1 &
  echo $! >> $D/pids
  sleep 2
}
ctl() { [ -p $CTLSOCK ] && timeout 3 sh -c "echo -n '$1' > $CTLSOCK"; }

client() {
  local host=$(pick 127.0.0.1:25250 127.0.0.2:25251)
  local i=${host%:*} p=${host#*:}
  local svc=$(pick echo echo echo ex206 echo2 nosuch)
  local f=$(ls $D/files | shuf -n1)
  local opts=()
  [ $(r 4) = 0 ] && opts+=(-nopreview)
  [ $(r 4) = 0 ] && opts+=(-no204)
  [ $(r 5) = 0 ] && opts+=(-206)
  [ $(r 4) = 0 ] && opts+=(-w $(pick 0 10 512 4096))
  [ $(r 6) = 0 ] && opts+=(-x "X-Block: yes")
  [ $(r 4) = 0 ] && opts+=(-x "X-Authenticated-User: $(printf '%s' $(pick carol dave) | base64)")
  [ $(r 5) = 0 ] && opts+=(-x "Proxy-Authorization: $(pick basic Basic) $(printf '%s' $(pick alice:wonderland bob:nope) | base64)")
  case $(r 4) in
    0) timeout 10 c-icap-client -i $i -p $p -s $svc "${opts[@]}" ;;
    1) timeout 10 c-icap-client -i $i -p $p -s $svc "${opts[@]}" -f $D/files/$f -req http://www.example.test/downloads/archive/2024/mirror/files/$f?session=$RANDOM$RANDOM -method $(pick GET POST PUT) ;;
    *) timeout 10 c-icap-client -i $i -p $p -s $svc "${opts[@]}" -f $D/files/$f -resp http://www.example.test/downloads/archive/2024/mirror/files/$f?session=$RANDOM$RANDOM ;;
  esac >/dev/null 2>&1
}

kill_child() {
  local main=$(cat $D/run/c-icap.pid 2>/dev/null)
  [ -n "$main" ] || return
  local kids=$(pgrep -P $main)
  [ -n "$kids" ] && kill -$(pick KILL TERM SEGV) $(echo $kids | tr ' ' '\n' | shuf -n1)
}

# a broken configuration first
printf 'Port 127.0.0.1:25250\nNoSuchDirective on\n' > $D/bad.conf
c-icap -N -f $D/bad.conf >> $D/stdout.txt 2>&1
rm -f $D/bad.conf
start_icap
# a second instance: address in use / pid file
timeout 5 c-icap -N -f $D/c-icap.conf >> $D/stdout.txt 2>&1

rounds=$((30 + $(r 10)))
for round in $(seq $rounds); do
  jobs_=()
  for c in $(seq $((1 + $(r 2)))); do client & jobs_+=($!); done
  python3 $D/rawicap.py $((2 + $(r 3))) >/dev/null 2>&1 & jobs_+=($!)
  wait "${jobs_[@]}"
  case $(r 9) in
    0) ctl reconfigure ;;
    1) ctl relog ;;
    2) ctl dump_statistics ;;
    3) ctl "$(pick bogus_command 'reconfigure now' shared_cache_attach_cmd)" ;;
    4) kill_child ;;
    5) sed -i "s/^MaxRequestsPerChild .*/MaxRequestsPerChild $(pick 20 40 0)/" $D/c-icap.conf; ctl reconfigure ;;
    6) ctl stop; sleep 3; start_icap ;;
    7) jobs_=(); for k in $(seq 12); do client & jobs_+=($!); done; wait "${jobs_[@]}" ;;
  esac
  sleep $(r 2)
done
ctl stop
sleep 3
rm -rf $D/files
