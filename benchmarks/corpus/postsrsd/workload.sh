#!/bin/bash
# PostSRSd workload: private rsyslogd, postsrsd in the foreground inside a private mount
# namespace whose /dev/log points at that rsyslogd; random queries; restarts with other options.
set -u
D=/work/round35/postsrsd; T=/tmp/round35-r35g; FP=49020; RP=49021
mkdir -p $T/rs
rsyslogd -f $D/rsyslog.conf -i $T/rs/rsyslogd.pid
sleep 1
cat > $T/srsns.sh <<'EOS'
#!/bin/bash
mount -t tmpfs -o mode=755 none /dev
mknod -m 666 /dev/null c 1 3; mknod -m 666 /dev/zero c 1 5
mknod -m 666 /dev/random c 1 8; mknod -m 666 /dev/urandom c 1 9
ln -s /tmp/round35-r35g/rs/log.sock /dev/log
exec /usr/sbin/postsrsd "$@"
EOS
chmod +x $T/srsns.sh
for run in $(seq 1 $((4 + RANDOM % 3))); do
  head -c 24 /dev/urandom | base64 > $T/srs.secret.$run
  [ $run -gt 1 ] && cat $T/srs.secret.$((run-1)) >> $T/srs.secret.$run
  opts=(-s $T/srs.secret.$run -d example.org -f $FP -r $RP -l 127.0.0.1 -t 5 -p $T/postsrsd.pid)
  case $((RANDOM % 4)) in
    0) opts+=(-X"excluded.test,partner.test") ;;
    1) opts+=(-A -a- -n6 -N5) ;;
    2) opts+=(-Xmx.internal.test -a+) ;;
    3) ;;
  esac
  unshare -m --propagation private $T/srsns.sh "${opts[@]}" 2>>$T/postsrsd.stderr &
  echo $! > $T/postsrsd.unshare.pid
  sleep 1
  python3 $D/client.py $FP $RP $((150 + RANDOM % 250)) $RANDOM
  kill -TERM $(cat $T/postsrsd.pid); sleep 1
done
kill -TERM $(cat $T/rs/rsyslogd.pid)
