#!/bin/bash
# Randomised workload for Monitorix 3.15 (Debian): runs the daemon with -d all (or a debug list)
# and -u (no iptables), its built-in HTTP server on 127.0.0.1:38500, fake status peers
# (peer.py) on 38501-38503, and drives requests, peer failures, log files, HUP, restarts and
# bad starts. Usage: workload.sh [minutes]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
R=/tmp/round33-r33b/mon
MIN=${1:-38}
mkdir -p $R/conf.d $R/lib $R/peers
[ -d $R/www ] || cp -r /var/lib/monitorix/www $R/
python3 $HERE/mkconf.py
# variants: basic auth (password file made here, outside the folder) and an IP deny list
perl -e 'print "admin:" . crypt("s3cret", "ab") . "\n"; print "nopass:\n"' > $R/htpasswd
sed -e '/^<httpd_builtin>/,/^<\/httpd_builtin>/{s/^\t\tenabled = n/\t\tenabled = y/;s#^\t\thtpasswd = .*#\t\thtpasswd = '$R'/htpasswd#}' $R/monitorix.conf > $R/auth.conf
sed -e '/^<httpd_builtin>/,/^<\/httpd_builtin>/{s/^\thosts_deny =.*/\thosts_deny = all/;s/^\thosts_allow =.*/\thosts_allow = 127.0.0.2/}' $R/monitorix.conf > $R/deny.conf
sed -e '/^<httpd_builtin>/,/^<\/httpd_builtin>/{s/^\t\tenabled = n/\t\tenabled = y/;s#^\t\thtpasswd = .*#\t\thtpasswd = '$R'/nohtpasswd#}' $R/monitorix.conf > $R/authmissing.conf
rm -f $R/monitorix.log
echo good > $R/mode

rnd() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
start_peer() { setsid python3 $HERE/peer.py $R/mode >/dev/null 2>&1 & echo $! > $R/peer.pid; }
stop_peer() { [ -s $R/peer.pid ] && kill $(cat $R/peer.pid) 2>/dev/null; rm -f $R/peer.pid; }
mon_pid() { cat $R/monitorix.pid 2>/dev/null; }
start_mon() {  # $1 config, $2 debug
  /usr/bin/monitorix -c $R/$1 -p $R/monitorix.pid -d "$2" -u
  sleep 3
}
stop_mon() {
  local p; p=$(mon_pid)
  [ -n "$p" ] && kill -${1:-TERM} $p 2>/dev/null
  sleep 2; rm -f $R/monitorix.pid
}
CONF=monitorix.conf
pick_start() {
  local c d
  case $(rnd 1 10) in 1|2) c=auth.conf;; 3) c=deny.conf;; 4) c=authmissing.conf;; *) c=monitorix.conf;; esac
  case $(rnd 1 6) in 1) d="system,apache,redis";; 2) d="fs,du,serv";; 3) d=none;; *) d=all;; esac
  CONF=$c; start_mon $c "$d"
}
UAS=("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0" "curl/7.88.1" "Wget/1.21.3" "monitoring-probe/2.1" "")
GRAPHS=(all _system1 _kern1 _proc0 _fs01 _net01 _apache1 _redis1 _du0 _serv0 _bogus)
WHENS=(1hour 1day 1week 1month 1year 2year)
http_burst() {
  local n i url ua auth src
  n=$(rnd 1 12)
  for i in $(seq $n); do
    case $(rnd 1 40) in
      1|2|3|4|5) url="/monitorix-cgi/monitorix.cgi?mode=localhost&graph=${GRAPHS[RANDOM % ${#GRAPHS[@]}]}&when=${WHENS[RANDOM % ${#WHENS[@]}]}&color=black";;
      6|7|8) url="/monitorix/";;
      9) url="/monitorix/css/black.css";;
      10) url="/monitorix/logo_bot.png";;
      11) url="/monitorix/imgs/system1z.1day.png";;
      12|13) url="/monitorix/$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n').html";;
      14) url="/../../etc/passwd";;
      15) url="/monitorix/<script>alert($(rnd 1 99))</script>";;
      16) url="/favicon.ico";;
      17) url="/monitorix-cgi/monitorix.cgi?mode=localhost&graph=all&when=1day&color=white";;
      18|19|20) url="/index.html";;
      21) url="/monitorix-cgi/monitorix.cgi";;
      2[2-9]) url="/monitorix-cgi/monitorix.cgi?mode=localhost&graph=${GRAPHS[RANDOM % ${#GRAPHS[@]}]}&when=${WHENS[RANDOM % ${#WHENS[@]}]}&color=black";;
      3[0-5]) url="/monitorix/";;
      *) url="/monitorix/css/white.css";;
    esac
    ua=${UAS[RANDOM % ${#UAS[@]}]}
    auth=(); src=()
    case $(rnd 1 4) in 1) auth=(-u admin:s3cret);; 2) auth=(-u admin:wrong$(rnd 1 9));; 3) auth=(-u nobody:x);; esac
    [ $(rnd 1 5) -eq 1 ] && src=(--interface 127.0.0.2)
    timeout 40 curl -s -o /dev/null --path-as-is -g "${auth[@]}" "${src[@]}" -A "$ua" "http://127.0.0.1:38500$url"
    [ $(rnd 1 3) -eq 1 ] && sleep 0.$(rnd 1 9)
  done
}
peer_logs() {
  local now
  now=$(date '+%b %e %H:%M:%S')
  case $(rnd 1 9) in
    1|2) for i in $(seq $(rnd 1 6)); do echo "$now host sshd[$(rnd 100 999)]: Accepted password for u$i from 127.0.0.1 port $(rnd 1024 65000) ssh2" >> $R/peers/secure; done;;
    3) for i in $(seq $(rnd 1 6)); do echo "$now host postfix/smtp[$(rnd 100 999)]: ABC$i: to=<u$i@example.org>, relay=none, status=sent (ok)" >> $R/peers/maillog; done;;
    4) echo "$(date '+%Y-%m-%d %H:%M:%S'),123 fail2ban.actions [1]: NOTICE [sshd] Ban 127.0.0.$(rnd 2 200)" >> $R/peers/fail2ban.log;;
    5) echo "$(date '+%a %b %d %H:%M:%S %Y') 0 127.0.0.1 $(rnd 10 9000) /pub/file$(rnd 1 9) b _ o r ftp ftp 0 * c" >> $R/peers/proftpd.log;;
    6) rm -f $R/peers/$(ls $R/peers 2>/dev/null | shuf -n 1 2>/dev/null) ;;
    7) f=$(ls $R/peers 2>/dev/null | shuf -n 1); [ -n "$f" ] && : > $R/peers/$f;;
    *) touch $R/peers/secure $R/peers/maillog;;
  esac
}

start_peer
start_mon monitorix.conf all
END=$(( $(date +%s) + MIN * 60 ))
while [ $(date +%s) -lt $END ]; do
  sleep $(rnd 2 15)
  case $(rnd 1 40) in
    [1-9]|1[0-8]) http_burst;;
    19|2[0-4]) peer_logs;;
    25|26) echo $(shuf -n1 -e good good zero broken) > $R/mode;;
    27) stop_peer;;
    28) [ -s $R/peer.pid ] || start_peer;;
    29|30) p=$(mon_pid); [ -n "$p" ] && kill -HUP $p;;
    31) p=$(mon_pid); [ -n "$p" ] && for c in $(ps -o pid= --ppid $p); do kill $c 2>/dev/null; done;;
    32|33) stop_mon $(shuf -n1 -e TERM TERM INT QUIT); pick_start;;
    34) stop_mon; /usr/bin/monitorix -c $R/monitorix.conf -p $R/monitorix.pid -d bogus$(rnd 1 9) -u; sleep 2; pick_start;;
    35) stop_mon; /usr/bin/monitorix -c $R/broken.conf -p $R/monitorix.pid -d all -u; sleep 2; pick_start;;
    36) stop_mon; pick_start; sleep 1; /usr/bin/monitorix -c $R/monitorix.conf -p $R/other.pid -d all -u; sleep 4; [ -s $R/other.pid ] && kill $(cat $R/other.pid) 2>/dev/null; rm -f $R/other.pid;;
    *) sleep $(rnd 5 20);;
  esac
  [ -n "$(mon_pid)" ] && kill -0 $(mon_pid) 2>/dev/null || pick_start
done
stop_mon
stop_peer
