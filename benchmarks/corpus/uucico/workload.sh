#!/bin/bash
# Drives two Taylor UUCP systems, r37ga and r37gb, exchanging files and commands over TCP
# on loopback (private network namespace).  Each system's incoming calls are served by
# tcpserver running "uucico -l" per connection.  Captured log: r37ga's debug file (-x all).
D=$(cd "$(dirname "$0")" && pwd)
if [ -z "$R37G_INNER" ]; then
  R37G_INNER=1 exec unshare -n bash "$0" "$@"
fi
ip link set lo up
U=/tmp/round37-r37g/uucp
rm -rf $U; mkdir -p $U/a/spool $U/a/pub $U/a/lock $U/a/in $U/b/spool $U/b/pub $U/b/lock $U/b/in $U/b/out
chown -R uucp:uucp $U; chmod 1777 $U/a/pub $U/b/pub $U/a/in $U/b/in
RANDOM=${SEED:-5150}
r() { echo $(( $1 + RANDOM % ($2 - $1 + 1) )); }
pick() { local a=("$@"); echo ${a[RANDOM % ${#a[@]}]}; }
setproto() { sed "s/@PROTO@/$1/" $D/a.sys.in > $U/a/sys; }
setproto gtiyfe
A="-I $D/a.config"; B="-I $D/b.config"
# listeners: r37ga on 49200, r37gb on 49203, a mute service on 49202 (49201 has none)
tcpserver -H -R 127.0.0.1 49200 /usr/sbin/uucico $A -l -x all 2>/dev/null & P1=$!
tcpserver -H -R 127.0.0.1 49203 /usr/sbin/uucico $B -l 2>/dev/null & P2=$!
tcpserver -H -R 127.0.0.1 49202 sleep 8 2>/dev/null & P3=$!
sleep 1
mkfile() { head -c $(r 10 $1) /dev/urandom | base64 > $2; chmod 644 $2; }
queue_b() {  # jobs queued on r37gb for r37ga
  local i
  for i in $(seq $(r 1 4)); do
    case $((RANDOM % 9)) in
      0|1|2) f=$U/b/out/b$RANDOM.txt; mkfile 1200 $f; uucp $B -r -C $f "r37ga!$U/a/pub/" ;;
      3) f=$U/b/out/big$RANDOM.bin; mkfile 9000 $f; uucp $B -r $f "r37ga!$U/a/pub/" ;;
      4) uucp $B -r "r37ga!$U/a/pub/from-a.txt" $U/b/in/ ;;                 # fetch a file from r37ga
      5) uucp $B -r "r37ga!$U/a/pub/missing$RANDOM.txt" $U/b/in/ ;;        # fetch a missing file
      6) uucp $B -r "r37ga!/etc/hostname" $U/b/in/ ;;                        # not permitted to send
      7) f=$U/b/out/c$RANDOM.txt; mkfile 300 $f; uucp $B -r -C $f "r37ga!/var/tmp/" ;;   # not permitted to receive
      8) uux $B -r "r37ga!$(pick echo date cat true ls)" hello$RANDOM ;;
    esac
  done 2>/dev/null
}
queue_a() {  # jobs queued on r37ga for r37gb
  local i
  for i in $(seq $(r 1 3)); do
    case $((RANDOM % 5)) in
      0|1) f=$U/a/pub/a$RANDOM.txt; mkfile 1000 $f; uucp $A -r -C $f "r37gb!$U/b/pub/" ;;
      2) uucp $A -r "r37gb!$U/b/pub/nothing$RANDOM" $U/a/in/ ;;
      3) uux $A -r "r37gb!echo" from-a$RANDOM ;;
      4) f=$U/a/pub/x$RANDOM.txt; mkfile 500 $f; uucp $A -r -C $f "r37gb!/root/" ;;
    esac
  done 2>/dev/null
}
mkfile 2000 $U/a/pub/from-a.txt
for round in $(seq 22); do
  setproto $(pick gtiyfe g gtiyfe i t e y gi)
  queue_b; [ $((RANDOM % 2)) = 0 ] && queue_a
  case $((RANDOM % 12)) in
    0|1|2|3) uucico $B -s r37ga -D -q ;;                                  # r37gb calls r37ga
    4|5) uucico $A -s r37gb -D -q -x all ;;                               # r37ga calls r37gb
    6) uucico $B -s $(pick r37ga-badpw r37ga-nologin r37gx r37ga-asc) -D -q ;;
    7) uucico $A -s $(pick r37gc r37gd r37ge r37gn r37gz) -D -q -x all ;;  # failing calls from r37ga
    8) uucico $A -S r37gn -D -q -x all ;;                                  # forced call, no chat
    9|10) uucico $A -s $(pick r37gd r37ge r37gz r37gc) -D -q -x all ;;
    11) uucico $B -s r37ga -D -q & sleep 0.3; uucico $B -s r37ga -D -q; wait $! ;;   # second call while locked
  esac 2>/dev/null
  sleep 0.$((RANDOM % 9))
done
# drain what is left
uucico $B -s r37ga -D -q 2>/dev/null; uucico $A -s r37gb -D -q -x all 2>/dev/null
kill $P1 $P2 $P3; wait
