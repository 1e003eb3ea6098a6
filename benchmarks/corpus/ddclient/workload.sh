#!/bin/bash
# Randomised workload for ddclient 3.10.0 against a fake dynamic-DNS server (fakedyn.py) on
# 127.0.0.1:37180 (http) and 127.0.0.1:37443 (https). Everything lives in this folder.
# Log: ddclient.raw.log = stdout+stderr of every ddclient run (-foreground -verbose -noquiet).
D=/work/round30/ddclient
cd "$D" || exit 1
LOG=$D/ddclient.raw.log
ITER=${ITER:-45}
mkdir -p run
: > run/pids
: > "$LOG"
rm -f run/ddclient.cache
# autoflush stdout/stderr so that lines keep the order in which ddclient wrote them
export PERL5LIB=$D/lib PERL5OPT=-MAutoFlush
# self-signed certificate for the fake HTTPS side
[ -f run/cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout run/key.pem -out run/cert.pem -days 30 \
    -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" >/dev/null 2>&1

start_fake() { python3 fakedyn.py >>run/fake.out 2>&1 & FAKE=$!; echo "fake $FAKE" >> run/pids; sleep 0.7; }
stop_fake() { kill "$FAKE" 2>/dev/null; wait "$FAKE" 2>/dev/null; }
rand_ip() { echo "$(shuf -n1 -e 203.0.113 198.51.100 192.0.2).$((RANDOM % 250 + 2))"; }

make_conf() {
  local g="use=no\nmin-error-interval=0" x=""
  (( RANDOM % 4 == 0 )) && g+="\nfrobnicate=yes"
  (( RANDOM % 5 == 0 )) && g+="\ntimeout=soon"
  (( RANDOM % 5 == 0 )) && g+="\nmin-interval=0"
  (( RANDOM % 5 == 0 )) && g+="\nmax-interval=1s"
  (( RANDOM % 4 == 0 )) && x+="\nprotocol=nosuchproto, server=127.0.0.1:37180, login=a, password=b  bogus.example.test"
  (( RANDOM % 3 == 0 )) && x+="\nprotocol=dyndns2, server=127.0.0.1:37999, login=a, password=b  dead.example.test"
  (( RANDOM % 4 == 0 )) && x+="\nprotocol=dyndns2, server=127.0.0.1:37180, login=, password=b  nologin.example.test"
  (( RANDOM % 4 == 0 )) && x+="\nprotocol=duckdns, server=127.0.0.1:37443, password=  nopass"
  (( RANDOM % 4 == 0 )) && x+="\nusev4=cmdv4, cmdv4=/bin/false\nprotocol=dyndns2, server=127.0.0.1:37180, login=a, password=b  noip.example.test\nusev4=cmdv4, cmdv4=$D/getip.sh"
  (( RANDOM % 4 == 0 )) && x+="\nusev4=webv4, webv4=http://127.0.0.1:37998/ip\nprotocol=dyndns2, server=127.0.0.1:37180, login=a, password=b  noweb.example.test\nusev4=cmdv4, cmdv4=$D/getip.sh"
  (( RANDOM % 5 == 0 )) && x+="\nprotocol=dyndns2, server=127.0.0.1:37180, login=a, password=b, wildcard=maybe  badvalue.example.test"
  local h
  h=$(shuf -n $((RANDOM % 4 + 2)) hosts.list | sed -e "s#@STATIC@#$(shuf -n1 -e yes no)#" | sed ':a;N;$!ba;s/\n/\\n/g')
  sed -e "s#@D@#$D#g" -e "s#@EXTRA_GLOBAL@#$g#" -e "s#@HOSTS@#$h$x#" ddclient.conf.in > run/ddclient.conf
  if (( RANDOM % 6 == 0 )); then chmod 644 run/ddclient.conf; else chmod 600 run/ddclient.conf; fi
}
change_ips() {
  (( RANDOM % 2 )) && rand_ip > run/ip.txt
  (( RANDOM % 8 == 0 )) && echo "not-an-address" > run/ip.txt
  (( RANDOM % 2 )) && rand_ip > run/webip.txt
}
mess_cache() {
  case $((RANDOM % 8)) in
    0) rm -f run/ddclient.cache ;;
    1) [ -f run/ddclient.cache ] && echo "garbage line without equals  broken.example.test" >> run/ddclient.cache ;;
    2) [ -f run/ddclient.cache ] && sed -i '1s/.*/## ddclient-0.0.1/' run/ddclient.cache ;;
  esac
}
DD="ddclient -foreground -file $D/run/ddclient.conf -cache $D/run/ddclient.cache -verbose -noquiet"

rand_ip > run/ip.txt; rand_ip > run/webip.txt
start_fake
for i in $(seq 1 "$ITER"); do
  change_ips; make_conf; mess_cache
  (( RANDOM % 10 == 0 )) && { stop_fake; down=1; } || down=0
  r=$((RANDOM % 10))
  if (( r < 6 )); then
    $DD >>"$LOG" 2>&1
  elif (( r < 8 )); then
    $DD -force >>"$LOG" 2>&1
  else
    # daemon in the foreground: SIGHUP wakes it for a new cycle, SIGINT/SIGTERM stop it
    $DD -daemon 60 >>"$LOG" 2>&1 &
    DP=$!; echo "ddclient $DP" >> run/pids
    for k in $(seq 1 $((RANDOM % 3 + 1))); do
      sleep $((RANDOM % 3 + 3)); change_ips; (( RANDOM % 2 )) && make_conf; kill -HUP $DP 2>/dev/null
    done
    sleep 3
    if (( RANDOM % 2 )); then kill -INT $DP; else kill -TERM $DP; fi
    wait $DP
  fi
  (( down )) && start_fake
done
stop_fake
echo "workload finished"
