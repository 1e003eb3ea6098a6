#!/bin/bash
# Randomised workload for fwknopd (UDP server mode, foreground) inside a private network namespace
# (so the iptables rules it creates never touch the host's firewall).
DIR=/work/round30/fwknop
if [ -z "$IN_NETNS" ]; then
    exec env IN_NETNS=1 unshare -n bash "$0" "$@"
fi
set -u
cd "$DIR"
exec 9>"$DIR/.workload.lock"; flock -n 9 || { echo "workload already running"; exit 1; }
ip link set lo up
PORT=38201
LOG=$DIR/fwknop.raw.log
rm -f "$LOG" run/* ; mkdir -p run pkts chome
export HOME=$DIR/chome
: > "$LOG"

K1=Z9/Ydslu5TjEGV8UcA++wIspVA7nCh7I+g+WQPaoXVY=
H1=R0HZI2E70JzaHCL4aXqZ/0jywY7F6yFHY7ft/SQEqTIS4fhBWIHbht+QehOLpQdl798ZG2DczagiQOs2o85Krg==
K2=Hskg2VhCY2vN45xRyeyPGOvzKdrt/rbJfq6t3OTrqMs=
H2=Z+igTwNuwBaiFnGI/ihBCY/jNllCDHLwizfQZ6eqiH9/+VBfV91MAZ9ZP4Mym8+ew+kKm6ppK31778r+0n4XFw==
K3=SQYjNd8kSchC/Wg5mLQmlAns69W7rCkb24QVotFUn5Y=
H3=e3s1HSZ8ZZ1ElA29cA/8/Earjr7Sw3WRdJD5lpSlayegrY5jsv0d2LnBGcle6DqXr8R0VstIe1LZybxYJRaVZQ==
KBAD=q2l8c3YdJ0ZwVn3kQe6n0vB1yq4r0d3uQ2V1bT1vZ0U=
HBAD=bm90IHRoZSByaWdodCBobWFjIGtleSBhdCBhbGwgLSBqdXN0IGEgdGVzdCB2YWx1ZSBmb3IgZndrbm9wIGNsaWVudHM=

SRV=""
start_srv() {
    fwknopd -f -v -v -c conf/fwknopd.conf -a conf/access.conf -U -p run/fwknopd.pid -d run/digest.cache \
        >>run/stdout.dump 2>>"$LOG" &
    SRV=$!
    sleep 1.5
}
stop_srv() {
    [ -n "$SRV" ] && kill -TERM "$SRV" 2>/dev/null
    wait "$SRV" 2>/dev/null
    SRV=""
}
n=0
mk() {  # build a packet with the real client (test mode), save it to a file
    n=$((n+1)); PKT=pkts/p$n
    fwknop -T --no-save-args -D 127.0.0.1 -P udp -p $PORT -B "$PKT" "$@" >/dev/null 2>&1
}
send() { python3 spa_send.py file "$1" $PORT "$PKT"; }
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$((RANDOM % ${#a[@]}))]}"; }

good1() {   # stanza 1: normal access
    local ip=127.0.0.$(( $(r 30) + 1 ))
    local port=$(pick tcp/22 tcp/80 udp/53 tcp/443 "tcp/22,tcp/80")
    mk -A "$port" -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac \
       -m $(pick sha256 sha1 md5 sha384 sha512) $( [ $(r 3) = 0 ] && echo "-f $(( $(r 12) + 1 ))" ) && send $ip
    [ $(r 4) = 0 ] && { sleep 0.2; send $ip; }      # replay of the same packet
}
bad1() {    # stanza 1: the many ways to get it wrong
    local ip=127.0.0.$(( $(r 30) + 1 ))
    case $(r 9) in
      0) mk -A tcp/25 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac && send $ip ;;     # port not allowed
      1) mk -A tcp/22 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $HBAD --use-hmac && send $ip ;;   # bad hmac
      2) mk -A tcp/22 -a $ip --key-base64-rijndael $KBAD --key-base64-hmac $H1 --use-hmac && send $ip ;;   # bad key
      3) mk -A tcp/22 -a $ip --key-base64-rijndael $K1 && send $ip ;;                                       # no hmac
      4) mk -A tcp/22 -s --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac && send $ip ;;          # 0.0.0.0 with REQUIRE_SOURCE_ADDRESS
      5) mk -A tcp/22 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac --time-offset-minus $(pick 5min 10min 2hours) && send $ip ;;
      6) mk -A tcp/22 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac --time-offset-plus $(pick 5min 1hours) && send $ip ;;
      7) mk -A tcp/22 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac -M legacy && send $ip ;;
      8) mk -A tcp/22 -a 127.0.0.200 --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac && send $ip ;;  # allow-ip differs from source
    esac
}
stanza2() { # command execution
    local ip=127.0.1.$(( $(r 20) + 1 ))
    case $(r 5) in
      0|1) mk -U alice -C "$(pick 'id' 'uname -a' 'echo hello' 'test -e /nonexistent' 'sleep 1' 'true' 'false')" -a $ip \
              --key-base64-rijndael $K2 --key-base64-hmac $H2 --use-hmac && send $ip ;;
      2) mk -U $(pick bob mallory root) -C id -a $ip --key-base64-rijndael $K2 --key-base64-hmac $H2 --use-hmac && send $ip ;;
      3) mk -U alice -A "$(pick tcp/22 udp/161 tcp/3306)" -a $ip --key-base64-rijndael $K2 --key-base64-hmac $H2 --use-hmac && send $ip ;;
      4) mk -U alice -A tcp/22 -a $ip --key-base64-rijndael $K2 --key-base64-hmac $H1 --use-hmac && send $ip ;;
    esac
}
stanza3() { # command cycle, sha512 hmac
    local ip=127.0.2.$(( $(r 20) + 1 ))
    case $(r 4) in
      0|1) mk -A tcp/8080 -a $ip --key-base64-rijndael $K3 --key-base64-hmac $H3 --use-hmac --hmac-digest-type sha512 && send $ip ;;
      2) mk -A tcp/8080 -a $ip --key-base64-rijndael $K3 --key-base64-hmac $H3 --use-hmac && send $ip ;;          # wrong hmac type
      3) mk -A tcp/9090 -a $ip --key-base64-rijndael $K3 --key-base64-hmac $H3 --use-hmac --hmac-digest-type sha512 && send $ip ;;
    esac
}
stanza4() { # expired stanza, passphrase keys
    local ip=127.0.$(pick 3 4).$(( $(r 20) + 1 ))
    mk -A tcp/22 -a $ip --key-rijndael secretpassphrase1 --key-hmac hmacpassphrase22 --use-hmac && send $ip
}
stanza5() { # NAT / restricted ports
    local ip=127.0.5.$(( $(r 20) + 1 ))
    case $(r 3) in
      0) mk -N 127.0.9.$(( $(r 9) + 1 )):$(pick 22 80 3389) -A tcp/$(pick 22 80 3389) -a $ip --key-rijndael natpassphrase55 --key-hmac nathmacpass5555 --use-hmac && send $ip ;;
      1) mk -A tcp/23 -a $ip --key-rijndael natpassphrase55 --key-hmac nathmacpass5555 --use-hmac && send $ip ;;
      2) mk -A tcp/$(pick 22 25 110) -a $ip --key-rijndael natpassphrase55 --key-hmac nathmacpass5555 --use-hmac && send $ip ;;
    esac
}
nomatch() { # source that no stanza covers
    local ip=127.0.7.$(( $(r 50) + 1 ))
    mk -A tcp/22 -a $ip --key-base64-rijndael $K1 --key-base64-hmac $H1 --use-hmac && send $ip
}
garbage() {
    local ip=127.0.$(pick 0 1 2 7 9).$(( $(r 200) + 1 ))
    if [ $(r 2) = 0 ] && [ -n "$(ls pkts 2>/dev/null)" ]; then
        python3 spa_send.py mangle $ip $PORT "pkts/$(ls pkts | shuf -n 1)"
    else
        python3 spa_send.py garbage $ip $PORT
    fi
}
round() {
    local steps=$1 i
    for ((i=0; i<steps; i++)); do
        case $(r 12) in
          0|1) good1 ;;
          2|3|4) bad1 ;;
          5) stanza2 ;;
          6) stanza3 ;;
          7) stanza4 ;;
          8) stanza5 ;;
          9) nomatch ;;
          10|11) garbage ;;
        esac
        sleep 0.$(( $(r 6) + 1 ))
    done
}

start_srv
round $(( 18 + $(r 8) ))
# a second instance while one runs, then status / rule listing by separate invocations
fwknopd -f -c conf/fwknopd.conf -a conf/access.conf -U -p run/fwknopd.pid -d run/digest.cache >>run/stdout.dump 2>>"$LOG"
sleep 3
round $(( 12 + $(r 6) ))
kill -HUP "$SRV"; sleep 2              # SIGHUP: in UDP server mode fwknopd stops
kill -0 "$SRV" 2>/dev/null || { wait "$SRV" 2>/dev/null; start_srv; }
round $(( 12 + $(r 6) ))
sleep 4
stop_srv                               # clean shutdown, flushes rules
start_srv                              # restart: digest cache is loaded again
# replay old packets against the restarted daemon
for f in $(ls pkts | shuf -n 4); do python3 spa_send.py file 127.0.0.$(( $(r 30) + 1 )) $PORT pkts/$f; sleep 0.3; done
round $(( 12 + $(r 6) ))
sleep 3
round 8
sleep 3
stop_srv
rm -rf pkts chome run/stdout.dump
