#!/bin/bash
# Randomised workload for trojan (server role); everything trojan writes to stderr goes to trojan.log.
cd "$(dirname "$0")"
D=$PWD; R=$D/run; LOG=$D/trojan.log
mkdir -p $R; rm -f $LOG $R/*.pid
[ -f $R/cert.pem ] || openssl req -x509 -newkey rsa:2048 -nodes -keyout $R/key.pem -out $R/cert.pem -days 30 -subj "/CN=trojan.local" 2>/dev/null
SPORT=25100

mkconf() { # name run_type port extra-python
python3 - "$R/$1" "$2" "$3" "$4" <<'PY'
import json, sys
path, rt, port, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = {"run_type": rt, "local_addr": "127.0.0.1", "local_port": port,
     "remote_addr": "127.0.0.1", "remote_port": 25101,
     "password": ["alpha-pass", "bravo-pass", "charlie-pass"], "log_level": 0,
     "ssl": {"cert": sys.argv[1].rsplit('/',1)[0] + "/cert.pem", "key": sys.argv[1].rsplit('/',1)[0] + "/key.pem",
             "key_password": "", "prefer_server_cipher": True, "alpn": ["http/1.1"],
             "alpn_port_override": {"h2": 25104}, "reuse_session": True, "session_ticket": False,
             "session_timeout": 600, "plain_http_response": "", "curves": "", "dhparam": ""},
     "tcp": {"prefer_ipv4": True, "no_delay": True, "keep_alive": True, "reuse_port": False,
             "fast_open": False, "fast_open_qlen": 20},
     "mysql": {"enabled": False, "server_addr": "127.0.0.1", "server_port": 25108, "database": "trojan",
               "username": "trojan", "password": "x", "key": "", "cert": "", "ca": ""}}
if rt == "client":
    c["remote_port"] = 25100; c["local_port"] = port
    c["ssl"] = {"verify": False, "verify_hostname": False, "cert": "", "sni": "trojan.local"}
exec(extra)
json.dump(c, open(path, "w"), indent=1)
PY
}

mkconf server.json server $SPORT ""
mkconf server-http.json server $SPORT "c['ssl']['plain_http_response'] = '$R/http.txt'"
printf 'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n' > $R/http.txt
mkconf badresp.json server $SPORT "c['ssl']['plain_http_response'] = '$R/missing-response.txt'"
mkconf nocert.json server $SPORT "c['ssl']['cert'] = '$R/no-such-cert.pem'"
mkconf badtype.json serverr $SPORT ""
mkconf mysql.json server $SPORT "c['mysql']['enabled'] = True"
mkconf client.json client 25105 ""
printf '{"run_type": "server", "local_port": 25100, "password": [' > $R/broken.json

bg() { "$@" >/dev/null 2>>$LOG & echo $! >> $R/trojan.pids; echo $!; }
start_backends() {
  python3 $D/backends.py tcpecho 25102 & echo $! > $R/echo.pid
  python3 $D/backends.py udpecho 25103 & echo $! > $R/udp.pid
  python3 $D/backends.py http 25101 & echo $! > $R/http.pid
  sleep 0.5
}
stop_pidfile() { [ -f "$1" ] && kill "$(cat $1)" 2>/dev/null; rm -f "$1"; }

start_backends

# one-off invocations: version, config test, broken configurations
[ $((RANDOM % 2)) = 0 ] && trojan -v 2>>$LOG
trojan -t $R/server.json 2>>$LOG
for bad in $(shuf -e broken badtype nocert badresp missing mysql); do
  case $bad in
    missing) trojan -c $R/no-such-config.json 2>>$LOG ;;
    *) timeout 10 trojan -c $R/$bad.json 2>>$LOG ;;
  esac
done

CONF=$(shuf -n1 -e server.json server-http.json)
SRV=$(bg trojan -c $R/$CONF); sleep 0.5
python3 $D/client.py $SPORT $((30 + RANDOM % 20))

# a second server on the same port fails to bind
timeout 5 trojan -c $R/server.json 2>>$LOG

# certificate reload while serving
kill -USR1 $SRV; sleep 0.3
python3 $D/client.py $SPORT $((20 + RANDOM % 15))

# the fallback web server dies; wrong passwords / garbage now fail to connect
stop_pidfile $R/http.pid; sleep 0.3
python3 $D/client.py $SPORT $((20 + RANDOM % 10))
python3 $D/backends.py http 25101 & echo $! > $R/http.pid; sleep 0.3

# the echo backends die
stop_pidfile $R/echo.pid; stop_pidfile $R/udp.pid; sleep 0.3
python3 $D/client.py $SPORT $((15 + RANDOM % 10))
python3 $D/backends.py tcpecho 25102 & echo $! > $R/echo.pid
python3 $D/backends.py udpecho 25103 & echo $! > $R/udp.pid; sleep 0.5

# restart via SIGHUP
kill -HUP $SRV; sleep 0.5
python3 $D/client.py $SPORT $((30 + RANDOM % 20))

# a trojan client instance cannot reload certificates
CLI=$(bg trojan -c $R/client.json); sleep 0.5
kill -USR1 $CLI; sleep 0.3; kill -TERM $CLI; sleep 0.3

# several reloads and restarts mixed with traffic
for i in $(seq $((2 + RANDOM % 3))); do
  case $((RANDOM % 3)) in
    0) kill -USR1 $SRV ;;
    1) kill -HUP $SRV ;;
    2) kill -USR1 $SRV; sleep 0.1; kill -USR1 $SRV ;;
  esac
  sleep 0.4
  python3 $D/client.py $SPORT $((20 + RANDOM % 20))
done

kill -$(shuf -n1 -e TERM INT) $SRV; sleep 0.5
stop_pidfile $R/echo.pid; stop_pidfile $R/udp.pid; stop_pidfile $R/http.pid
wait 2>/dev/null
rm -f $R/trojan.pids
wc -l $LOG
