#!/bin/bash
# Randomised workload for OpenDNSSEC (ods-enforcerd + ods-signerd, SoftHSM), logs via a private rsyslogd.
# Runs in a private mount namespace so /dev/log, /etc/opendnssec, /run/opendnssec and /var/lib/opendnssec
# are this folder's own. Ports: 29353 (signer listener), 29354 (dead master), 29355 (notify target).
DIR=$(cd "$(dirname "$0")" && pwd); R=$DIR/run
if [ "$1" != inner ]; then
  rm -rf "$R"; mkdir -p "$R"/{etc,varrun,lib/unsigned,lib/signed,lib/signconf,lib/enforcer,lib/signer,tokens,rsyslog-work}
  for f in conf.xml kasp.xml addns-out.xml addns-in.xml notify.sh ds-submit.sh; do cp "$DIR/tmpl/$f" "$R/etc/"; done
  sed -i "s/VERB/${VERB:-5}/" "$R/etc/conf.xml"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<ZoneList>\n</ZoneList>\n' > "$R/etc/zonelist.xml"
  sed "s#RUN#$R#g" "$DIR/tmpl/rsyslog.conf" > "$R/rsyslog.conf"
  printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n' "$R" > "$R/softhsm2.conf"
  exec unshare -m --propagation private "$0" inner
fi
set -u
# --- private /dev with /dev/log pointing at our rsyslogd socket
mount -t tmpfs -o mode=755 tmpfs /dev
for n in "null 1 3" "zero 1 5" "random 1 8" "urandom 1 9" "full 1 7" "tty 5 0"; do set -- $n; mknod -m 666 /dev/$1 c $2 $3; done
ln -s /proc/self/fd /dev/fd; ln -s /proc/self/fd/0 /dev/stdin; ln -s /proc/self/fd/1 /dev/stdout; ln -s /proc/self/fd/2 /dev/stderr
mkdir /dev/shm && mount -t tmpfs tmpfs /dev/shm
ln -s "$R/log.sock" /dev/log
mount --bind "$R/etc" /etc/opendnssec
mount --bind "$R/varrun" /run/opendnssec
mount --bind "$R/lib" /var/lib/opendnssec
export SOFTHSM2_CONF=$R/softhsm2.conf
L=/var/lib/opendnssec
rsyslogd -f "$R/rsyslog.conf" -i "$R/rsyslogd.pid"
sleep 1
softhsm2-util --init-token --free --label OpenDNSSEC --pin 1234 --so-pin 1234 >/dev/null
yes | ods-enforcer-db-setup >/dev/null 2>&1
python3 "$DIR/notifylistener.py" 29355 & NL=$!

E() { timeout 60 ods-enforcer "$@" >/dev/null 2>&1; }
S() { timeout 60 ods-signer "$@" >/dev/null 2>&1; }
start_enf() { ods-enforcerd -d >/dev/null 2>&1 & ENF=$!; sleep 2; }
start_sig() { ods-signerd -d >/dev/null 2>&1 & SIG=$!; sleep 2; }
stop_enf() { E stop; sleep 1; kill $ENF 2>/dev/null; wait $ENF 2>/dev/null; }
stop_sig() { S stop; sleep 1; kill $SIG 2>/dev/null; wait $SIG 2>/dev/null; }
rnd() { echo $((RANDOM % $1)); }
dns() { # random traffic to the signer listener
  local z=$(shuf -n1 -e fast.test example.test xfr.test nope.test)
  case $(rnd 9) in
    0) dig +time=2 +tries=1 @127.0.0.1 -p 29353 $z AXFR >/dev/null 2>&1 ;;
    1) dig +time=2 +tries=1 -b 127.0.0.2 -y hmac-sha256:xfr.key:sw0nMPCswVbes1tmQTm1pcMmpNRK+oGMYN+qKNR/BwQ= @127.0.0.1 -p 29353 $z AXFR >/dev/null 2>&1 ;;
    2) dig +time=2 +tries=1 -b 127.0.0.3 @127.0.0.1 -p 29353 $z AXFR >/dev/null 2>&1 ;;
    3) dig +time=2 +tries=1 @127.0.0.1 -p 29353 $z IXFR=$(rnd 100000) >/dev/null 2>&1 ;;
    4) dig +time=2 +tries=1 @127.0.0.1 -p 29353 $z SOA >/dev/null 2>&1 ;;
    5) python3 "$DIR/dnsclient.py" 29353 notify $z $(shuf -n1 -e 127.0.0.1 127.0.0.1 127.0.0.4) ;;
    6) python3 "$DIR/dnsclient.py" 29353 $(shuf -n1 -e garbage short query update badclass other) $z ;;
    7) dig +time=2 +tries=1 -y hmac-sha256:wrong.key:c2VjcmV0c2VjcmV0 @127.0.0.1 -p 29353 $z AXFR >/dev/null 2>&1 ;;
    8) dig +time=2 +tries=1 +tcp @127.0.0.1 -p 29353 $z SOA >/dev/null 2>&1 ;;
  esac
}

# zone input files
"$DIR/mkzone.sh" example.test $L/unsigned/example.test
"$DIR/mkzone.sh" fast.test $L/unsigned/fast.test
"$DIR/mkzone.sh" broken.test $L/unsigned/broken.test broken
"$DIR/mkzone.sh" other.test $L/unsigned/other.test

start_enf; start_sig
E policy import
E policy list
E zone add --zone example.test --policy lab --input $L/unsigned/example.test --output $L/signed/example.test
E zone add --zone fast.test --policy fast --input $L/unsigned/fast.test --out-type DNS --output /etc/opendnssec/addns-out.xml
E zone add --zone xfr.test --policy default --in-type DNS --input /etc/opendnssec/addns-in.xml --output $L/signed/xfr.test
E zone add --zone broken.test --policy $(shuf -n1 -e lab fast) --input $L/unsigned/broken.test --output $L/signed/broken.test
E zone add --zone missing.test --policy lab --input $L/unsigned/missing.test --output $L/signed/missing.test
E zone add --zone bad.test --policy nosuchpolicy --input $L/unsigned/bad.test
E zone add --zone example.test --policy lab
E zone list
sleep 8
S zones; S sign --all
for i in $(seq 6); do dns; done

ROUND=$((RANDOM % 4 + 9))
for k in $(seq $ROUND); do
  for j in $(seq $((RANDOM % 4 + 3))); do
    case $(rnd 26) in
      0) E key list --verbose ;;
      1) E key list --all --zone $(shuf -n1 -e example.test fast.test xfr.test) ;;
      2) E time leap ;;
      3) E enforce ;;
      4) E signconf ;;
      5) E queue ;;
      6) E key export --all ;;
      7) E key ds-seen --zone $(shuf -n1 -e example.test fast.test) --keytag $(rnd 65535) ;;
      8) E key rollover --zone $(shuf -n1 -e example.test fast.test other.test) --keytype $(shuf -n1 -e ZSK KSK CSK) ;;
      9) E zone delete --zone $(shuf -n1 -e other.test missing.test nosuch.test) ;;
      10) E zone add --zone other.test --policy $(shuf -n1 -e lab fast default) --input $L/unsigned/other.test --output $L/signed/other.test ;;
      11) E update all ;;
      12) E $(shuf -n1 -e bogus "zone frobnicate" "key generate --policy nosuch --interval P1D" "policy purge" "rollover list" "repository list" "help" "key purge --policy lab") ;;
      13) S sign $(shuf -n1 -e example.test fast.test broken.test missing.test nosuch.test) ;;
      14) S clear $(shuf -n1 -e example.test fast.test nosuch.test) ;;
      15) S queue ;;
      16) S flush ;;
      17) S update $(shuf -n1 -e -- --all example.test fast.test nosuch.test) ;;
      18) S verbosity $(rnd 6) ;;
      19) S $(shuf -n1 -e running zones bogus "retransfer xfr.test" "retransfer nosuch.test" "time leap" help) ;;
      20) "$DIR/mkzone.sh" $(shuf -n1 -e example.test fast.test) $L/unsigned/tmp.zone; z=$(head -2 $L/unsigned/tmp.zone | tail -1 | cut -d. -f1); mv $L/unsigned/tmp.zone $L/unsigned/$z.test; S sign $z.test ;;
      21) "$DIR/mkzone.sh" broken.test $L/unsigned/broken.test $(shuf -n1 -e broken ok) ; S sign broken.test ;;
      22|23) for i in $(seq $((RANDOM % 8 + 3))); do dns; done ;;
      24) E key generate --policy $(shuf -n1 -e lab fast) --interval P$((RANDOM % 3 + 1))M ;;
      25) E rollover list ;;
    esac
    sleep 0.$(rnd 9)
  done
  case $(rnd 8) in
    0) stop_sig; sleep 1; start_sig ;;
    1) stop_enf; sleep 1; start_enf ;;
    2) kill -HUP $SIG 2>/dev/null; sleep 1 ;;
    3) kill -HUP $ENF 2>/dev/null; sleep 1 ;;
    4) kill -9 $SIG 2>/dev/null; wait $SIG 2>/dev/null; rm -f /run/opendnssec/engine.sock; start_sig ;;
    5) S reload; sleep 1 ;;
    6) timeout 5 ods-signerd -d >/dev/null 2>&1 ;;  # second signer while one runs
    *) sleep 1 ;;
  esac
done
stop_sig; stop_enf
kill $NL 2>/dev/null; wait $NL 2>/dev/null
sleep 1
kill $(cat "$R/rsyslogd.pid")
sleep 1
