#!/bin/bash
# Runs inside a private mount+network+UTS namespace (see workload.sh).
cd /work/round41/leafnode || exit 1
. ./ns_setup.sh
E=/work/round41/leafnode/etc
OUT=$T/tools.out
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(( RANDOM % ${#a[@]} ))]}"; }
cfg() { cat $E/config.$1 > $E/config; }
fetch() { fetchnews $(pick -vvv -vvv -vvv "-vvv -f" "-vvv -P" "-vv -x 3" "-vvv -n") >>$OUT 2>&1; }
rsyslogd -n -f /work/round41/leafnode/rsyslog.conf -i $T/rsyslog.pid & RP=$!
sleep 1
python3 upstream.py 59101 good & U1=$!
python3 upstream.py 59102 auth & U2=$!
python3 inetd.py 59100 /usr/sbin/leafnode & IP=$!
sleep 0.5
cfg good
fetchnews -vvv >>$OUT 2>&1
python3 reader.py $((2 + $(r 3)))
fetchnews -vvv >>$OUT 2>&1
python3 reader.py $((2 + $(r 2)))
fetch
# upstream becomes unreliable
kill $U1; wait $U1 2>/dev/null
python3 upstream.py 59101 flaky & U1=$!
sleep 0.5
fetch; python3 reader.py $((1 + $(r 3)))
# configuration mistakes, then the right password for the second upstream
cfg badfqdn; fetchnews -vvv >>$OUT 2>&1; python3 reader.py 1
cfg noserver; fetchnews -vvv >>$OUT 2>&1
cfg auth; fetch; python3 reader.py $((1 + $(r 2)))
cfg good
kill $U1; wait $U1 2>/dev/null
fetch
python3 upstream.py 59101 good & U1=$!
sleep 0.5
fetch
texpire -vvv >>$OUT 2>&1
python3 reader.py $((1 + $(r 2)))
fetch
sleep 1
kill $IP $U1 $U2; wait $IP $U1 $U2 2>/dev/null
kill $RP; wait $RP
