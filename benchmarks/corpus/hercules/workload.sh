#!/bin/bash
# Drives Hercules 3.13 (Debian) in daemon mode (-d, dyngui reading panel commands on stdin),
# plus its HTTP server and 3215 telnet console; its console output (stdout) is hercules.log.
# Runs itself inside a private network + mount namespace (loopback only).
D=/work/round41/hercules
T=/tmp/round41-r41b/herc
if [ "$1" != inner ]; then
    cd "$D" || exit 1
    mkdir -p $T/home $T/tmp $T/run $T/www $T/xdg/{config,data,cache,run}
    exec unshare -n -m --propagation private bash $D/workload.sh inner
fi
set -m
set -f
cd "$T" || exit 1
ip link set lo up
mount -t tmpfs tmpfs /dev/shm
export HOME=$T/home TMPDIR=$T/tmp XDG_CONFIG_HOME=$T/xdg/config XDG_DATA_HOME=$T/xdg/data \
       XDG_CACHE_HOME=$T/xdg/cache XDG_RUNTIME_DIR=$T/xdg/run HERCULES_RC=$T/run/hercules.rc
RAW=$T/raw.log
: > $RAW
r() { echo $(( RANDOM % $1 )); }
pick() { local a=("$@"); echo "${a[$(r ${#a[@]})]}"; }
printf 'HELLO CARD\n' > $T/cards.txt
rm -f $T/print.txt $T/punch.txt $T/core.bin
HPID=

start_herc() {  # $1 = config
    rm -f $T/in.fifo; mkfifo -m 600 $T/in.fifo
    hercules -d -l dyngui -f $1 < $T/in.fifo >> $RAW 2>> $T/status.err &
    HPID=$!
    exec 3> $T/in.fifo
    sleep 2
}
cmd() { echo "$*" >&3; sleep 0.$(r 5)$(r 9); }
stop_herc() {
    cmd quit
    for i in $(seq 20); do [ -d /proc/$HPID ] || break; sleep 0.5; done
    kill $HPID 2>/dev/null
    for i in $(seq 10); do [ -d /proc/$HPID ] || break; sleep 0.5; done
    kill -KILL $HPID 2>/dev/null; wait $HPID 2>/dev/null
    exec 3>&-
}
http() { curl -s -m 5 "http://127.0.0.1:58601/$1" > /dev/null; }
dev() { pick 0009 000C 000D 000E 001F 0580 0190 0999 010D; }

one() {
    local c=$(r 100)
    if   [ $c -lt 6 ];  then cmd devlist
    elif [ $c -lt 9 ];  then cmd devlist $(dev)
    elif [ $c -lt 11 ]; then cmd qd
    elif [ $c -lt 14 ]; then cmd psw
    elif [ $c -lt 17 ]; then cmd gpr
    elif [ $c -lt 19 ]; then cmd cr
    elif [ $c -lt 20 ]; then cmd ar
    elif [ $c -lt 21 ]; then cmd fpr
    elif [ $c -lt 22 ]; then cmd fpc
    elif [ $c -lt 23 ]; then cmd pr
    elif [ $c -lt 25 ]; then cmd clocks
    elif [ $c -lt 28 ]; then local a=$(( $(r 64) * 16 )); cmd r $(printf '%X-%X' $a $(( a + 16 * (1 + $(r 3)) - 1 )))
    elif [ $c -lt 30 ]; then cmd i $(dev)
    elif [ $c -lt 31 ]; then cmd ext
    elif [ $c -lt 33 ]; then cmd $(pick start stop startall stopall)
    elif [ $c -lt 34 ]; then cmd $(pick sysreset sysclear restart store)
    elif [ $c -lt 36 ]; then cmd loadparm $(pick "" "" R41B$(r 99) IPLME)
    elif [ $c -lt 37 ]; then cmd lparname $(pick "" TEST$(r 9))
    elif [ $c -lt 39 ]; then cmd timerint $(pick "" 50 $(( 1 + $(r 999) )) 0 x)
    elif [ $c -lt 40 ]; then cmd panrate $(pick "" FAST SLOW 2000 5)
    elif [ $c -lt 41 ]; then cmd toddrag $(pick "" 1 2.5 0.5)
    elif [ $c -lt 42 ]; then cmd iodelay $(pick "" 0 $(r 500))
    elif [ $c -lt 43 ]; then cmd syncio
    elif [ $c -lt 46 ]; then cmd attach $(pick 0190 0191 000C) $(pick "3505 $T/cards.txt ascii" "3505 $T/nofile.txt ascii" "1403 $T/print2.txt" "3525 $T/punch2.txt ascii" "9999 x")
    elif [ $c -lt 48 ]; then cmd detach $(dev)
    elif [ $c -lt 49 ]; then cmd define $(pick "000D 010D" "010D 000D" "0999 0998" "000E 000C")
    elif [ $c -lt 51 ]; then cmd devinit $(pick "000C /usr/share/hercules/zzsacard.bin ebcdic" "000C $T/cards.txt ascii" "0580 $T/none.aws" "0999 x" "000C $T/missing.txt")
    elif [ $c -lt 53 ]; then cmd ipl $(pick 000C 000C 0999 0009)
    elif [ $c -lt 55 ]; then cmd cd $(pick /tmp $T /nonexistent $T/www); cmd pwd
    elif [ $c -lt 57 ]; then cmd hao $(pick list "tgt HHCCP0" "cmd devlist" "del 0" clear "tgt [" bogus)
    elif [ $c -lt 59 ]; then cmd "$(pick msg msgnoh "*" "#") note $(r 1000)"
    elif [ $c -lt 63 ]; then cmd $(pick bogus foo xyzzy model plant codepage help2)
    elif [ $c -lt 66 ]; then cmd $(pick t- b- s- "t?" "s?")
    elif [ $c -lt 67 ]; then cmd cmdtgt $(pick "" herc)
    elif [ $c -lt 69 ]; then cmd $(pick "savecore $T/core.bin" "loadcore /nonexist" "loadcore $T/core.bin" "script /nonexist" "loadtext /nonexist")
    elif [ $c -lt 70 ]; then cmd defsym SYM$(r 9) VAL$(r 99)
    elif [ $c -lt 71 ]; then cmd cache
    elif [ $c -lt 74 ]; then cmd ds $(dev)
    elif [ $c -lt 76 ]; then cmd uptime
    elif [ $c -lt 77 ]; then cmd version
    elif [ $c -lt 79 ]; then cmd logopt $(pick "" TIMESTAMP NOTIMESTAMP bad)
    elif [ $c -lt 84 ]; then http "cgi-bin/tasks/syslog?command=$(pick devlist psw gpr uptime qd clocks)&send=Send"
    elif [ $c -lt 87 ]; then http "$(pick cgi-bin/registers/psw cgi-bin/registers/general cgi-bin/debug/device/list nonexist.html cgi-bin/nosuch cgi-bin/debug/version_info)"
    elif [ $c -lt 93 ]; then python3 $D/tnclient.py 58600 $(( 1 + $(r 6) )) & sleep 0.3
    elif [ $c -lt 96 ]; then cmd $(pick "r 0-F" "r 10-1F" "devlist 000C")
    else cmd "* $(pick hello status check)"
    fi
}

# a start with a broken configuration
(sleep 4; echo quit) | hercules -d -l dyngui -f $D/bad.cnf >> $RAW 2>> $T/status.err

for round in 1 2 3 4 5; do
    start_herc $D/hercules.cnf
    n=$(( 70 + $(r 70) ))
    for i in $(seq $n); do one; done
    sleep 2
    wait $(jobs -p | grep -v "^$HPID\$") 2>/dev/null
    stop_herc
done
# keep at most 2500 lines (first ones)
sed -n '1,2500p' $RAW > $D/hercules.log
