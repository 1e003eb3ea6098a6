#!/bin/bash
# Randomised workload for roundup-server: web, REST, XML-RPC, mail gateway, CSRF failures, restarts.
cd "$(dirname "$0")"
D=$PWD
W=$D/work
V=$D/venv/bin
L=$W/run.log
PORT=62101
SMTP=62125
# the shell may inherit SIGINT as ignored; give the server the default action back
DFL="$V/python $D/sigdfl.py"
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
: > $D/pids
[ -x $V/roundup-server ] || { python3 -m venv $D/venv && $D/venv/bin/pip install -q roundup; }   # PyPI package in a venv of this folder
rm -rf $W/tracker $L $W/setup.log; mkdir -p $W
# tracker creation (logged to a setup file, not to the workload log)
$V/roundup-admin -i $W/tracker install classic sqlite "tracker_web=http://127.0.0.1:$PORT/demo/,mail_domain=localhost,mail_host=127.0.0.1,mail_port=$SMTP,logging_level=DEBUG,logging_filename=$W/setup.log,web_rest_logging=debug" >/dev/null
$V/roundup-admin -i $W/tracker initialise adminpw >/dev/null
for i in 1 2 3 4; do
  $V/roundup-admin -i $W/tracker create user username=user$i password=pw$i address=user$i@localhost roles=User >/dev/null
done
$V/roundup-admin -i $W/tracker set user1 address=admin@localhost >/dev/null 2>&1  # fails: address in use
$V/roundup-admin -i $W/tracker set user1 address=user1@localhost >/dev/null
sed -i "s|^filename = .*|filename = $L|" $W/tracker/config.ini

setcsrf() { # option value
  sed -i "s|^$1 = .*|$1 = $2|" $W/tracker/config.ini
}
start_smtp() { $V/python $D/smtp_sink.py $SMTP >/dev/null 2>&1 & SPID=$!; echo $SPID >> $D/pids; sleep 0.3; }
stop_smtp() { kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; }
start_server() {
  $DFL $V/roundup-server -n 127.0.0.1 -p $PORT -u root -g root -t $(pick fork thread fork) -L -l $L demo=$W/tracker >>$L 2>&1 &
  SRV=$!; echo $SRV >> $D/pids
  for i in $(seq 30); do curl -s -o /dev/null -m 1 http://127.0.0.1:$PORT/demo/@@file/style.css && break; sleep 0.5; done
}
stop_server() { kill -$1 $SRV 2>/dev/null; wait $SRV 2>/dev/null; }
clients() { # n rounds
  local pids=()
  for i in $(seq $1); do $V/python $D/client.py http://127.0.0.1:$PORT/demo $2 $RANDOM & pids+=($!); done
  wait "${pids[@]}"
}
admin() { # a few tracker admin commands from the command line
  $V/roundup-admin -i $W/tracker set issue$(r 1 3) title="renamed by admin $RANDOM" >/dev/null 2>&1
  $V/roundup-admin -i $W/tracker $(pick retire restore) issue$(r 1 4) >/dev/null 2>&1
  $V/roundup-admin -i $W/tracker $(pick 'pack 1d' 'set issue99 title=x' 'commit') >/dev/null 2>&1
}
mails() {
  for i in $(seq $1); do
    $V/python $D/mails.py $RANDOM | $V/roundup-mailgw $W/tracker >/dev/null 2>&1
  done
}

start_smtp
start_server
clients 1 $(r 18 20)
mails $(r 2 3)
admin
clients 1 $(r 14 16)
# second server on a busy port
$V/roundup-server -n 127.0.0.1 -p $PORT -u root -g root -L -l $L demo=$W/tracker >>$L 2>&1
# mail server goes away
stop_smtp
clients 1 $(r 7 9)
mails $(r 1 2)
start_smtp
# restart with stricter / log-only CSRF settings
stop_server $(pick TERM INT)
setcsrf csrf_enforce_token $(pick required logfailure)
setcsrf csrf_enforce_header_referer $(pick logfailure required yes)
setcsrf csrf_enforce_header_origin $(pick logfailure yes)
setcsrf csrf_enforce_header_host $(pick logfailure yes)
setcsrf csrf_enforce_header_x-forwarded-host logfailure
setcsrf csrf_header_min_count $(pick 1 2)
start_server
clients 1 $(r 14 16)
mails $(r 1 2)
admin
stop_server INT
# tracker with a broken config: server cannot open it
cp $W/tracker/config.ini $W/config.good
setcsrf csrf_header_min_count notanumber
start_server
clients 1 2
stop_server TERM
cp $W/config.good $W/tracker/config.ini
start_server
clients 1 $(r 8 10)
stop_server INT
stop_smtp
head -n 2500 $L > $D/roundup.log
wc -l $L $D/roundup.log
