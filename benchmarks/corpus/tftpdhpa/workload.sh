#!/bin/bash
# Randomised workload for in.tftpd (Debian 12 tftpd-hpa); logs through a private rsyslogd.
F=/work/round27/tftpdhpa
PORT=44069
cd $F
# stop leftovers of a previous run (recorded pids only)
for p in run/tftpd.pid run/rsyslogd.pid; do [ -f $p ] && kill "$(cat $p)" 2>/dev/null; done
sleep 0.5
rm -rf run root dl; mkdir -p run dl
LOG=$F/run/tftpd.raw.log

# private rsyslogd listening on our own socket (in.tftpd gets it as /dev/log in its own mount namespace)
rsyslogd -f $F/rsyslog.conf -i $F/run/rsyslogd.pid
for _ in $(seq 20); do [ -S run/log.sock ] && break; sleep 0.1; done

# tftp root
mkdir -p root/pub root/incoming root/pxe root/locked
echo "hello from tftp" > root/hello.txt
head -c $((20000 + RANDOM)) /dev/urandom > root/big.bin
head -c $((1000 + RANDOM % 3000)) /dev/urandom > root/pub/image.bin
printf 'line one\nline two\r\nline three\n' > root/text.txt
echo "default menu" > root/pxe/default
echo "secret" > root/private.txt; chmod 600 root/private.txt
echo "nobody only" > root/nobody.txt; chown nobody root/nobody.txt; chmod 600 root/nobody.txt
echo "read only" > root/incoming/readonly.txt; chown nobody root/incoming/readonly.txt; chmod 644 root/incoming/readonly.txt
echo "writable" > root/incoming/writable.txt; chmod 666 root/incoming/writable.txt
chmod 777 root/incoming; chmod 700 root/locked
chmod 755 root root/pub root/pxe

cat > remap.map <<'M'
# filename remapping rules
rg \\ /
re ^pxelinux\.cfg/(.*) pxe/\1
a \.\./
a ^secret/ Secret\ files\ are\ off-limits
rs ^old/(.*) \1
Pr ^upload/(.*) incoming/\1
Gr ^latest$ hello.txt
ri ^HELLO\.TXT$ hello.txt
M

SPID=
start() {   # start in.tftpd in the foreground with the given options
  ./nsrun.sh /usr/sbin/in.tftpd "$@" &
  SPID=$!; echo $SPID > run/tftpd.pid
  sleep 0.3
}
stop() { [ -n "$SPID" ] && kill $SPID 2>/dev/null; wait $SPID 2>/dev/null; SPID=; }
V="-v -v -v"
T() { tftp -4 -R 44100:44199 "$@" >/dev/null 2>&1; }
pick() { local a=("$@"); echo "${a[RANDOM % ${#a[@]}]}"; }
raw() { python3 $F/tftpclient.py 127.0.0.1 $PORT "$@" >/dev/null 2>&1; }

# start-up failures (each run exits at once)
fails=(
  "-L $V -T 5 -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -R 44090:44080 -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -U 09x -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -B 100 -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -r bogusopt -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -u nosuchuser$RANDOM -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -s -a 127.0.0.1:$PORT"
  "-L $V -s -a 127.0.0.1:$PORT $F/root $F/root/pub"
  "-L $V -a 127.0.0.1:$PORT -s $F/nosuchdir"
  "-L $V -m $F/nosuch.map -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -m $F/remap.map -m $F/remap.map -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -m $F/run/bad.map -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -6 -a 127.0.0.1:$PORT -s $F/root"
  "-L $V -a nosuchhost.invalid:$PORT -s $F/root"
  "-L $V -a 127.0.0.1:nosuchservice -s $F/root"
  "-L $V -a [::1 -s $F/root"
  "-L $V -a ::1:$PORT -s $F/root"
  "-L $V -6 -a nosuchhost.invalid:$PORT -s $F/root"
  "-L $V -Z -a 127.0.0.1:$PORT -s $F/nosuchdir"
)
printf 'x ^foo bar\nr~ ^foo bar\nr\nr ^(foo bar\n' > run/bad.map
for f in $(shuf -e "${!fails[@]}"); do
  ./nsrun.sh /usr/sbin/in.tftpd ${fails[$f]} >/dev/null 2>&1
done

# phase 1: secure mode with remapping, several clients at once
session_secure() {
  for ((i=0; i<$1; i++)); do
    case $(pick get get get getbig getmiss getperm getnobody put putro putnew netascii remap remap remapw abort secret opts opts badopt reject vanish vanishw vanishoack badmode nomode unterm short otherop random writeopts tsizeasc) in
      get) T -m octet 127.0.0.1 $PORT -c get $(pick hello.txt pub/image.bin pxe/default) dl/$RANDOM ;;
      getbig) T -m octet 127.0.0.1 $PORT -c get big.bin dl/$RANDOM ;;
      getmiss) T 127.0.0.1 $PORT -c get $(pick missing.txt nothere/$RANDOM.bin pub/none.img) dl/$RANDOM ;;
      getperm) T 127.0.0.1 $PORT -c get $(pick private.txt locked/x.bin) dl/$RANDOM ;;
      getnobody) T 127.0.0.1 $PORT -c get nobody.txt dl/$RANDOM ;;
      put) echo "upload $RANDOM" > dl/up.txt; T -m octet 127.0.0.1 $PORT -c put dl/up.txt incoming/writable.txt ;;
      putro) echo "upload $RANDOM" > dl/up.txt; T 127.0.0.1 $PORT -c put dl/up.txt incoming/readonly.txt ;;
      putnew) echo "new $RANDOM" > dl/up.txt; T 127.0.0.1 $PORT -c put dl/up.txt $(pick incoming/new$RANDOM.txt pub/denied$RANDOM.txt upload/u$RANDOM.txt) ;;
      netascii) T -m netascii 127.0.0.1 $PORT -c get text.txt dl/$RANDOM ;;
      remap) T 127.0.0.1 $PORT -c get $(pick pxelinux.cfg/default latest HELLO.TXT 'pub\image.bin' old/hello.txt old/old/latest) dl/$RANDOM ;;
      remapw) echo "via map $RANDOM" > dl/up.txt; T 127.0.0.1 $PORT -c put dl/up.txt upload/mapped$RANDOM.txt ;;
      abort) T 127.0.0.1 $PORT -c get $(pick ../etc/passwd pub/../../x) dl/$RANDOM ;;
      secret) T 127.0.0.1 $PORT -c get secret/keys.txt dl/$RANDOM ;;
      opts) raw opts $(pick hello.txt big.bin pub/image.bin) ;;
      badopt) raw badopt hello.txt ;;
      reject) raw reject_oack $(pick hello.txt big.bin) ;;
      vanish) raw vanish_data big.bin ;;
      vanishw) raw vanish_write incoming/new$RANDOM.bin ;;
      vanishoack) raw vanish_oack big.bin ;;
      writeopts) raw write_opts incoming/opt$RANDOM.bin ;;
      tsizeasc) raw netascii_tsize text.txt ;;
      badmode) raw badmode hello.txt ;;
      nomode) raw nomode hello.txt ;;
      unterm) raw unterminated hello.txt ;;
      short) raw shortpkt ;;
      otherop) raw otherop ;;
      random) raw random ;;
    esac
  done
}

# phase 2: non-secure mode restricted to two directories
session_plain() {
  for ((i=0; i<$1; i++)); do
    case $(pick absget absget relget forbidden reverse absmiss absput) in
      absget) T 127.0.0.1 $PORT -c get $F/root/pub/image.bin dl/$RANDOM ;;
      relget) T 127.0.0.1 $PORT -c get $(pick hello.txt pub/image.bin) dl/$RANDOM ;;
      forbidden) T 127.0.0.1 $PORT -c get $(pick /etc/hostname $F/root/hello.txt /tmp/x) dl/$RANDOM ;;
      reverse) T 127.0.0.1 $PORT -c get $F/root/pub/../private.txt dl/$RANDOM ;;
      absmiss) T 127.0.0.1 $PORT -c get $F/root/pub/missing$RANDOM.bin dl/$RANDOM ;;
      absput) echo "abs $RANDOM" > dl/up.txt; T 127.0.0.1 $PORT -c put dl/up.txt $F/root/incoming/$(pick writable.txt readonly.txt abs$RANDOM.txt) ;;
    esac
  done
}

rounds=$((3 + RANDOM % 2))
for ((r=0; r<rounds; r++)); do
  start -L $V -a 127.0.0.1:$PORT -R 44070:44099 -T $(pick 100000 200000 300000) -c -s -m $F/remap.map -P $F/run/in.tftpd.pid $F/root
  # a second server on the same port cannot bind
  ./nsrun.sh /usr/sbin/in.tftpd -L $V -a 127.0.0.1:$PORT -s $F/root >/dev/null 2>&1
  pids=()
  for c in 1 2 3 4; do session_secure $((18 + RANDOM % 15)) & pids+=($!); done
  wait "${pids[@]}"
  # reload the map file with SIGHUP (sometimes a broken one, which makes the server exit)
  if [ $((RANDOM % 3)) = 0 ]; then
    cp remap.map run/remap.good; printf 'Q ^x y\n' >> remap.map
    kill -HUP $SPID; sleep 0.3; T 127.0.0.1 $PORT -c get hello.txt dl/$RANDOM; sleep 0.3
    cp run/remap.good remap.map; wait $SPID 2>/dev/null; SPID=
  else
    kill -HUP $SPID; sleep 0.2; session_secure 5
    [ $((RANDOM % 2)) = 0 -o $r = $((rounds-1)) ] && rm -f run/in.tftpd.pid   # removing pid file fails at exit
    sleep 2; stop
  fi

  start -L $V -a 127.0.0.1:$PORT -R 44070:44099 -T 200000 -c $F/root/pub $F/root/incoming
  session_plain $((10 + RANDOM % 10))
  sleep 1; stop
done
# inetd mode with a pid file: not a socket on stdin
./nsrun.sh /usr/sbin/in.tftpd $V -P $F/run/x.pid -s $F/root < /dev/null >/dev/null 2>&1
# pid file that cannot be written
start -L $V -a 127.0.0.1:$PORT -s -P $F/nosuchdir/t.pid $F/root
T 127.0.0.1 $PORT -c get hello.txt dl/last; sleep 0.3; stop
# pid file removed behind the server's back: removing it at exit fails
start -L $V -a 127.0.0.1:$PORT -s -P $F/run/end.pid $F/root
T 127.0.0.1 $PORT -c get $(pick hello.txt missing.txt) dl/last; sleep 0.3; rm -f run/end.pid; stop
sleep 2
kill "$(cat run/rsyslogd.pid)"; sleep 0.5
cp $LOG $F/tftpdhpa.full.log
rm -rf dl
