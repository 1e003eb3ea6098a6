#!/bin/bash
# sslh 1.20 (Debian 12 package) in the foreground with "verbose: 1", its stderr appended to a file
# (sslh 1.20 has no log-file option: in the foreground it logs to stderr, as under systemd).
# Randomised clients (clients.py, curl, openssl, ssh) speak ssh, tls (SNI/ALPN), http, openvpn-like,
# xmpp, a regex protocol, garbage, nothing (timeouts), to live and dead backends (backends.py);
# restarts alternate sslh-select and sslh (fork) and
# include broken configurations. 127.0.0.1 only, TCP 23300-23319.
# Run as root: bash workload.sh [DURATION_SECONDS]   (writes ./sslh.log)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
DURATION=${1:-200}
W=/tmp/r19sslh
mkdir -p $W; rm -f $W/sslh.log
[ -f $W/cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout $W/key.pem -out $W/cert.pem -days 30 -subj /CN=mail.example.test 2>/dev/null
r() { echo $((RANDOM % $1)); }

mkconf() {  # $1 = variant
  local v=$1 tlsname=tls
  [ "$v" = ssl ] && tlsname=ssl
  {
    echo "verbose: 1;"
    echo "foreground: true;"
    echo "numeric: $([ $(r 3) = 0 ] && echo false || echo true);"
    echo "timeout: $((2 + $(r 2)));"
    if [ "$v" = bindbusy ]; then echo 'listen: ( { host: "127.0.0.1"; port: "23311"; } );'
    else echo 'listen: ( { host: "127.0.0.1"; port: "23300"; }, { host: "127.0.0.1"; port: "23301"; keepalive: true; } );'; fi
    [ "$v" = noprotos ] && { echo "protocols: ( );"; return; }
    echo "protocols: ("
    echo '  { name: "ssh"; host: "127.0.0.1"; port: "23310"; log_level: 1; keepalive: true; },'
    echo '  { name: "http"; host: "127.0.0.1"; port: "23311"; log_level: 1; },'
    echo "  { name: \"$tlsname\"; host: \"127.0.0.1\"; port: \"23312\"; sni_hostnames: [ \"mail.example.test\", \"www.example.test\" ]; log_level: 1; },"
    echo "  { name: \"$tlsname\"; host: \"127.0.0.1\"; port: \"23313\"; alpn_protocols: [ \"h2\", \"http/1.1\" ]; log_level: 1; },"
    echo "  { name: \"$tlsname\"; host: \"127.0.0.1\"; port: \"23319\"; log_level: 1; },"
    echo '  { name: "openvpn"; host: "127.0.0.1"; port: "23314"; log_level: 1; },'
    echo '  { name: "xmpp"; host: "127.0.0.1"; port: "23315"; log_level: 1; },'
    [ "$v" = badprobe ] && echo '  { name: "gopher"; host: "127.0.0.1"; port: "23316"; },'
    echo '  { name: "regex"; host: "127.0.0.1"; port: "23316"; regex_patterns: [ "^HELLO" ]; log_level: 1; },'
    echo '  { name: "regex"; host: "127.0.0.1"; port: "23317"; regex_patterns: [ "^(QUIT|EHLO|PING)" ]; log_level: 1; },'
    echo '  { name: "timeout"; host: "127.0.0.1"; port: "23318"; log_level: 1; }'
    echo ");"
    echo 'on-timeout: "timeout";'
  } > $W/sslh.cfg
}

python3 "$HERE/backends.py" $W/cert.pem $W/key.pem & BACK=$!
BIN=/usr/sbin/sslh-select
start() { sleep 0.5; mkconf ${1:-base}; $BIN -F$W/sslh.cfg 2>>$W/sslh.log & SL=$!; sleep 1; }
start
END=$((SECONDS + DURATION))
while [ $SECONDS -lt $END ]; do
  kill -0 $SL 2>/dev/null || { wait $SL; start; }
  p=2330$(r 2)
  case $(r 22) in
    0) python3 "$HERE/clients.py" ssh $p ;;
    1) python3 "$HERE/clients.py" tlsbad $p & ;;
    2) timeout 3 ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -p $p u$(r 99)@127.0.0.1 true >/dev/null 2>&1 ;;
    3) python3 "$HERE/clients.py" http $p ;;
    4) python3 "$HERE/clients.py" $(shuf -n1 -e silent partial tlsalpn) $p & ;;
    5) curl -s -m 3 -o /dev/null "http://127.0.0.1:$p/page$(r 999)" ;;
    6) python3 "$HERE/clients.py" $(shuf -n1 -e tls tlsalpn tlsnosni) $p ;;
    7) curl -sk -m 3 -o /dev/null --resolve "$(shuf -n1 -e mail www vpn)$(r 2).example.test:$p:127.0.0.1" "https://$(shuf -n1 -e mail www vpn)$(r 2).example.test:$p/" ;;
    8) echo | timeout 3 openssl s_client -connect 127.0.0.1:$p -servername "$(shuf -n1 -e mail.example.test www.example.test other.test)" $([ $(r 2) = 0 ] && echo -alpn h2) >/dev/null 2>&1 ;;
    9) python3 "$HERE/clients.py" openvpn $p ;;
    10) python3 "$HERE/clients.py" xmpp $p ;;
    11) python3 "$HERE/clients.py" regex $p ;;
    12) python3 "$HERE/clients.py" garbage $p ;;
    13) python3 "$HERE/clients.py" text $p ;;
    14) python3 "$HERE/clients.py" $(shuf -n1 -e silent partial) $p & ;;
    15) python3 "$HERE/clients.py" $(shuf -n1 -e early rst) $p ;;
    16) python3 "$HERE/clients.py" tlsbad $p & ;;
    17) for i in $(seq 1 $((2 + $(r 5)))); do python3 "$HERE/clients.py" $(shuf -n1 -e ssh http regex openvpn) $p & done; sleep 1 ;;
    18) if true; then kill $SL; wait $SL
          v=$(shuf -n1 -e badprobe noprotos bindbusy ssl)
          mkconf $v; $BIN -F$W/sslh.cfg 2>>$W/sslh.log & SL=$!; sleep 1
          if [ $v = ssl ]; then :; else kill $SL 2>/dev/null; wait $SL 2>/dev/null; start; fi
        fi ;;
    19) if [ $(r 2) = 0 ]; then kill $SL; wait $SL
          [ $BIN = /usr/sbin/sslh-select ] && BIN=/usr/sbin/sslh || BIN=/usr/sbin/sslh-select; start; fi ;;
    20) python3 "$HERE/clients.py" $(shuf -n1 -e ssh http tls) $p ;;
    21) python3 "$HERE/clients.py" $(shuf -n1 -e silent tlsbad tlsalpn) $p & ;;
  esac
  sleep 0.$((4 + $(r 6)))
done
sleep 4; kill $SL; wait $SL 2>/dev/null
kill $BACK; wait $BACK 2>/dev/null
cp $W/sslh.log "$HERE/sslh.log"
