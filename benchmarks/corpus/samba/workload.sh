#!/bin/bash
# Round-5 corpus workload: Samba 4.17 smbd (Debian 12 package, nmbd not run) with a private smb.conf,
# log level 2, one-line records (debug prefix timestamp), for DURATION seconds of randomised
# smbclient sessions on 127.0.0.1:15645 only. Writes $OUT/samba.log unchanged.
# Run as root: bash workload.sh OUT_DIR [DURATION]
set -u
OUT=${1:?out dir}; DURATION=${2:-120}; LEVEL=${3:-2}
PORT=15645
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); rm -f "$OUT/samba.log" "$OUT/samba.log.old"
S=$OUT/state; rm -rf "$S"; mkdir -p "$S"/{private,lock,state,cache,pid,ncalrpc} "$S/share/public" "$S/share/team" "$S/share/closed"
for u in smbalice smbbob smbcarol; do id $u >/dev/null 2>&1 || useradd -M -s /usr/sbin/nologin $u; done
getent group smbteam >/dev/null || groupadd smbteam; usermod -a -G smbteam smbalice; usermod -a -G smbteam smbbob
chmod 1777 "$S/share/public"; chgrp smbteam "$S/share/team"; chmod 2770 "$S/share/team"; chmod 700 "$S/share/closed"
for i in 1 2 3; do echo "doc $i" > "$S/share/public/doc$i.txt"; echo "plan $i" > "$S/share/team/plan$i.txt"; done
chown smbalice "$S/share/team/plan1.txt"; chmod 600 "$S/share/team/plan1.txt"
cat > "$OUT/smb.conf" <<CONF
[global]
  workgroup = CORPUS
  netbios name = CORPUSSMB
  server role = standalone server
  smb ports = $PORT
  interfaces = 127.0.0.1/8
  bind interfaces only = yes
  disable netbios = yes
  log file = $OUT/samba.log
  max log size = 0
  log level = $LEVEL auth_audit:3
  debug hires timestamp = yes
  debug prefix timestamp = yes
  debug pid = yes
  private dir = $S/private
  lock directory = $S/lock
  state directory = $S/state
  cache directory = $S/cache
  pid directory = $S/pid
  ncalrpc dir = $S/ncalrpc
  passdb backend = tdbsam:$S/private/passdb.tdb
  map to guest = Bad User
  guest account = nobody
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
  deadtime = 1
  hosts deny = 127.0.0.5
[public]
  path = $S/share/public
  read only = no
  guest ok = yes
[team]
  path = $S/share/team
  read only = no
  valid users = @smbteam
[closed]
  path = $S/share/closed
  valid users = smbcarol
[gone]
  path = $S/share/does-not-exist
  guest ok = yes
CONF
printf 'wonderland\nwonderland\n' | smbpasswd -c "$OUT/smb.conf" -s -a smbalice >/dev/null
printf 'builder\nbuilder\n' | smbpasswd -c "$OUT/smb.conf" -s -a smbbob >/dev/null
printf 'carolpw\ncarolpw\n' | smbpasswd -c "$OUT/smb.conf" -s -a smbcarol >/dev/null
smbd -F --no-process-group -s "$OUT/smb.conf" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 2
END=$((SECONDS + DURATION))
r() { echo $((RANDOM % $1)); }
sc() { timeout ${T:-8} smbclient -p $PORT -s "$OUT/smb.conf" "$@" >/dev/null 2>&1; }
W=/tmp/smbwl.$$; mkdir -p $W; echo "upload $RANDOM" > $W/up.txt
users=(smbalice smbbob smbcarol nosuch$RANDOM)
while [ $SECONDS -lt $END ]; do
  n=$RANDOM
  case $(r 16) in
    0) sc -L //127.0.0.1 -N ;;
    1) sc -L //127.0.0.1 -U smbalice%wonderland ;;
    2) sc //127.0.0.1/public -N -c "ls; get doc$((1 + $(r 3))).txt $W/d; get missing$n.txt $W/m" ;;
    3) sc //127.0.0.1/public -U smbbob%builder -c "put $W/up.txt f$n.txt; rename f$n.txt g$n.txt; mkdir dir$n; ls; rm g$n.txt; rmdir dir$n" ;;
    4) sc //127.0.0.1/team -U smbalice%wonderland -c "ls; get plan$((1 + $(r 3))).txt $W/p; put $W/up.txt t$n.txt; rm t$n.txt" ;;
    5) sc //127.0.0.1/team -U smbbob%builder -c "get plan1.txt $W/p; cd nodir$n; rm plan$n.txt" ;;
    6) sc //127.0.0.1/team -U "${users[$(r 4)]}%wrong$n" -c ls ;;
    7) sc //127.0.0.1/team -U "nosuch$(r 50)%x$n" -c ls ;;
    8) sc //127.0.0.1/closed -U smbalice%wonderland -c ls ;;
    9) sc //127.0.0.1/closed -U smbcarol%carolpw -c "ls; mkdir d$n" ;;
    10) sc //127.0.0.1/gone -N -c ls; sc //127.0.0.1/nonexistent$(r 9) -N -c ls ;;
    11) sc //127.0.0.1/team -N -c ls ;;
    12) T=2 sc //127.0.0.1/public -U smbalice%wonderland -c "ls; !sleep 5" ;;
    13) if [ $(r 2) = 0 ]; then src=127.0.0.1; else src=127.0.0.5; fi
        timeout 1 python3 -c "import socket; s=socket.create_connection(('127.0.0.1',$PORT),source_address=('$src',0)); s.sendall(b'\x00\x00\x00\x10GARBAGE-$n!!!'); s.recv(10)" 2>/dev/null ;;
    14) sc //127.0.0.1/public -U smbcarol%carolpw -m NT1 -c "ls" ; sc //127.0.0.1/public -U smbcarol%carolpw -m SMB3 -c "allinfo doc1.txt; stat doc2.txt" ;;
    15) sc //127.0.0.1/public -U smbalice%wonderland -c "put $W/up.txt doc1.txt; setmode doc2.txt +r; setmode doc2.txt -r"
        [ $(r 3) = 0 ] && kill -HUP $SRV ;;
  esac
  sleep 0.$((6 + $(r 4)))
done
sleep 2; kill -TERM $SRV; wait $SRV 2>/dev/null
rm -rf $W
